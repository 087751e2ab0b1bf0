//! Size limits: absurdly large input either works in bounded memory or is refused with a typed
//! error that says what and where. (The limits are documented in ARCHITECTURE.md.)

use std::io::{self, Read};

use vaardig::core::io::{
    Limits, MAX_ERRORS_PER_TABLE, MAX_FIELD_BYTES, MAX_RECORD_BYTES, TableSource, load, load_with,
};
use vaardig::core::{DiagnosticKind, Ontology};
use vaardig::score::{Profile, Scorer, TransitionOptions};
use vaardig::search::{SearchOptions, Searcher};

/// An endless CSV table: a header, then the same row forever.
struct Endless {
    header: &'static [u8],
    row: &'static [u8],
    pos: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            let (src, offset) = if self.pos < self.header.len() {
                (self.header, self.pos)
            } else {
                let k = (self.pos - self.header.len()) % self.row.len();
                (self.row, k)
            };
            let take = (src.len() - offset).min(buf.len() - n);
            buf[n..n + take].copy_from_slice(&src[offset..offset + take]);
            n += take;
            self.pos += take;
        }
        Ok(n)
    }
}

/// The fixture tables plus one endless table.
struct WithEndless {
    file: &'static str,
    header: &'static [u8],
    row: &'static [u8],
}

const MANIFEST: &[u8] = b"name = \"x\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\"]\nlicence = \"x\"\nsource = \"x\"\n";

impl TableSource for WithEndless {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(match file {
            "ontology.toml" => Some(Box::new(MANIFEST)),
            "skills.csv" => Some(Box::new(
                &b"id,skill_type,pref_label_nl\nskill:a,skill,a\n"[..],
            )),
            "occupations.csv" => Some(Box::new(&b"id,pref_label_nl\nocc:x,x\n"[..])),
            f if f == self.file => Some(Box::new(Endless {
                header: self.header,
                row: self.row,
                pos: 0,
            })),
            _ => None,
        })
    }

    fn describe(&self, file: &str) -> String {
        file.to_owned()
    }
}

#[test]
fn an_endless_garbage_table_stops_after_the_error_limit() {
    let source = WithEndless {
        file: "requires.csv",
        header: b"from,to,importance,level\n",
        row: b"occ:x,skill:a,bogus,\n",
    };
    let err = load(&source).expect_err("garbage is refused");
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(
        errors.len(),
        MAX_ERRORS_PER_TABLE + 1,
        "every row error up to the limit, then one stop"
    );
    assert!(
        errors
            .iter()
            .all(|d| d.location.file.as_deref() == Some("requires.csv"))
    );
}

#[test]
fn an_endless_valid_table_is_refused_at_the_row_limit() {
    let source = WithEndless {
        file: "related.csv",
        header: b"from,to\n",
        row: b"skill:a,skill:a\n",
    };
    // The default limit (10M rows) is the same code path; a small one keeps the test quick.
    let limits = Limits {
        max_rows_per_table: 200_000,
        ..Limits::default()
    };
    let err = load_with(&source, &limits).expect_err("endless input is refused");
    let too_large: Vec<_> = err
        .errors()
        .filter(|d| d.kind == DiagnosticKind::TooLarge)
        .collect();
    assert_eq!(
        too_large.len(),
        1,
        "{:?}",
        err.errors().take(3).collect::<Vec<_>>()
    );
    assert!(
        too_large[0]
            .message
            .contains(&limits.max_rows_per_table.to_string())
    );
}

#[test]
fn a_ten_megabyte_label_is_refused() {
    // Ten megabytes pass the 4 MiB record limit: refused while reading, at its line.
    // A 100 kB label is within the record limit and over the 64 KiB field limit.
    for (size, limit) in [
        (10 * 1024 * 1024, MAX_RECORD_BYTES.to_string()),
        (100 * 1024, MAX_FIELD_BYTES.to_string()),
    ] {
        let label = "x".repeat(size);
        let skills = format!("id,skill_type,pref_label_nl\nskill:a,skill,{label}\n");
        let tables = vec![
            ("ontology.toml".to_owned(), MANIFEST.to_vec()),
            ("skills.csv".to_owned(), skills.into_bytes()),
        ];
        let err = load(&tables).expect_err("refused");
        let d = err.errors().next().expect("an error");
        assert_eq!(d.kind, DiagnosticKind::TooLarge);
        assert_eq!(d.location.line, Some(2));
        assert!(d.message.contains(&limit), "{d}");
    }
}

#[test]
fn a_hundred_thousand_character_query_is_answered() {
    let ontology = Ontology::embedded().expect("valid");
    let searcher = Searcher::new(&ontology).expect("index");
    let query = "wondverzorging ".repeat(7_000);
    assert!(query.len() > 100_000);
    let hits = searcher.search(&query, &SearchOptions::default());
    assert_eq!(
        hits.first().map(|h| h.id.as_str()),
        Some("skill:wondverzorging")
    );
    let mentions = searcher.extract(&query);
    assert!(!mentions.is_empty());
}

#[test]
fn a_profile_with_a_hundred_thousand_skills_is_scored_or_refused() {
    let ontology = Ontology::embedded().expect("valid");
    let ids: Vec<&str> = ontology
        .concepts(vaardig::core::ConceptKind::Skill)
        .map(|(_, c)| c.id.as_str())
        .collect();
    let skills: Vec<String> = (0..100_000)
        .map(|i| {
            format!(
                "{{\"id\":\"{}\",\"evidence\":\"work_experience\"}}",
                ids[i % ids.len()]
            )
        })
        .collect();
    let json = format!("{{\"age\":40,\"skills\":[{}]}}", skills.join(","));
    match Profile::from_json(&json) {
        Ok(profile) => {
            let scorer = Scorer::with_defaults(&ontology);
            match scorer.transitions(
                &profile,
                &TransitionOptions {
                    limit: Some(3),
                    ..Default::default()
                },
            ) {
                Ok(t) => assert!(t.items.iter().all(|i| (0.0..=1.0).contains(&i.score))),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
        Err(e) => assert!(e.to_string().contains("skills"), "{e}"),
    }
}

/// Several tables, each within its own limit, can still be too much together: the total is
/// refused from the files' sizes before any is read, and the writer never writes such output.
#[test]
fn tables_over_the_total_limit_are_refused_before_reading_and_never_written() {
    use vaardig::core::io::{DirSource, OutputPolicy, write_dir, write_dir_with};

    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("limits-total");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("a test directory");
    let ontology = Ontology::embedded().expect("the embedded ontology is valid");
    let dir = root.join("embedded");
    write_dir(&ontology, &dir).expect("written within the default limits");
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("listed")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let small = Limits {
        max_total_bytes: bytes / 2,
        ..Limits::default()
    };
    assert!(load_with(&DirSource::new(&dir), &Limits::default()).is_ok());
    let err = load_with(&DirSource::new(&dir), &small).expect_err("over the total");
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].kind, DiagnosticKind::TooLarge);
    assert!(
        errors[0].message.contains("max_total_bytes"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("the largest is"),
        "{}",
        errors[0].message
    );
    assert_eq!(
        errors[0]
            .location
            .file
            .as_deref()
            .map(|f| f.ends_with("ontology.toml")),
        Some(true)
    );
    let refused = root.join("refused");
    let err = write_dir_with(&ontology, &refused, &OutputPolicy::new().limits(small))
        .expect_err("the writer refuses what loading would");
    assert!(err.to_string().contains("max_total_bytes"), "{err}");
    assert!(!refused.exists(), "nothing is written");
}
