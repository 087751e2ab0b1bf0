//! Memory proportional to what is kept: the loader refuses an oversized record while reading it,
//! an oversized table from its size, and a table with a bad header from the header alone. Each
//! test counts the bytes the loader took from its source instead of measuring memory.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use vaardig_core::io::bounded::READ_AHEAD;
use vaardig_core::io::{Limits, MAX_RECORD_BYTES, TableSource, load, load_with};
use vaardig_core::{DiagnosticKind, OntologyError};

const MANIFEST: &[u8] = b"name = \"x\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\"]\nlicence = \"x\"\nsource = \"x\"\n";

/// A table: `head`, then `fill` repeated without end; counts the bytes taken.
struct Endless {
    head: Vec<u8>,
    fill: Vec<u8>,
    pos: usize,
    taken: Rc<Cell<u64>>,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        for b in buf.iter_mut() {
            *b = if self.pos < self.head.len() {
                self.head[self.pos]
            } else {
                self.fill[(self.pos - self.head.len()) % self.fill.len()]
            };
            self.pos += 1;
        }
        self.taken.set(self.taken.get() + buf.len() as u64);
        Ok(buf.len())
    }
}

/// A manifest, a valid `occupations.csv`, and `skills.csv` from an endless source, whose size
/// the source may claim.
struct Source {
    head: &'static str,
    fill: &'static str,
    claimed_size: Option<u64>,
    taken: Rc<Cell<u64>>,
    opened: Cell<bool>,
}

impl Source {
    fn new(head: &'static str, fill: &'static str) -> Source {
        Source {
            head,
            fill,
            claimed_size: None,
            taken: Rc::new(Cell::new(0)),
            opened: Cell::new(false),
        }
    }
}

impl TableSource for Source {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(match file {
            "ontology.toml" => Some(Box::new(MANIFEST)),
            "occupations.csv" => Some(Box::new(&b"id,pref_label_nl\nocc:x,x\n"[..])),
            "requires.csv" => Some(Box::new(
                &b"from,to,importance\nocc:x,skill:a,essential\nocc:x,skill:b,optional\n"[..],
            )),
            "skills.csv" => {
                self.opened.set(true);
                Some(Box::new(Endless {
                    head: self.head.as_bytes().to_vec(),
                    fill: self.fill.as_bytes().to_vec(),
                    pos: 0,
                    taken: Rc::clone(&self.taken),
                }))
            }
            _ => None,
        })
    }

    fn describe(&self, file: &str) -> String {
        file.to_owned()
    }

    fn size(&self, file: &str) -> io::Result<Option<u64>> {
        Ok((file == "skills.csv")
            .then_some(self.claimed_size)
            .flatten())
    }
}

fn too_large(err: &OntologyError) -> Vec<&vaardig_core::Diagnostic> {
    err.errors()
        .filter(|d| d.kind == DiagnosticKind::TooLarge)
        .collect()
}

#[test]
fn an_endless_field_is_refused_within_the_record_limit() {
    // One quoted field that never ends: before, it was read whole (1 GB peaked at 2 GB).
    let source = Source::new("id,skill_type,pref_label_nl\nskill:a,skill,\"", "x");
    let err = load(&source).expect_err("refused");
    let refused = too_large(&err);
    assert_eq!(refused.len(), 1, "{err}");
    assert_eq!(refused[0].location.file.as_deref(), Some("skills.csv"));
    assert_eq!(refused[0].location.line, Some(2));
    assert!(refused[0].message.contains(&MAX_RECORD_BYTES.to_string()));
    assert!(source.taken.get() <= MAX_RECORD_BYTES + 2 * READ_AHEAD as u64);
}

#[test]
fn dev_zero_as_a_table_is_a_typed_error() {
    // NUL bytes and no line end: before, this aborted the process.
    let source = Source::new("", "\0");
    let err = load(&source).expect_err("refused");
    let refused = too_large(&err);
    assert_eq!(refused.len(), 1, "{err}");
    assert_eq!(refused[0].location.line, Some(1));
    assert!(source.taken.get() <= MAX_RECORD_BYTES + 2 * READ_AHEAD as u64);
}

#[test]
fn an_unknown_column_is_refused_from_the_header_without_reading_the_rows() {
    // Before, every row was read to note its id (1 GB: 211 s, 3.3 GB).
    let source = Source::new(
        "id,skill_type,pref_label_nl,bogus\n",
        "skill:a,skill,a,b\nskill:b,skill,b,c\n",
    );
    let err = load(&source).expect_err("refused");
    let unknown: Vec<_> = err
        .errors()
        .filter(|d| d.kind == DiagnosticKind::UnknownColumn)
        .collect();
    assert_eq!(unknown.len(), 1, "{err}");
    assert!(source.taken.get() <= 2 * READ_AHEAD as u64);
    // The two requirements naming skills of the refused table are summed up in one warning,
    // not reported one by one as dangling errors.
    assert_eq!(err.error_count(), 1, "{err}");
    let dangling: Vec<_> = err
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::DanglingReference)
        .collect();
    assert_eq!(dangling.len(), 1, "{err}");
    assert!(dangling[0].message.starts_with("2 reference"));
}

#[test]
fn a_table_larger_than_the_limit_is_refused_before_it_is_opened() {
    let mut source = Source::new("id,skill_type,pref_label_nl\n", "skill:a,skill,a\n");
    source.claimed_size = Some(5_000);
    let limits = Limits {
        max_table_bytes: 4_096,
        ..Limits::default()
    };
    let err = load_with(&source, &limits).expect_err("refused");
    let refused = too_large(&err);
    assert_eq!(refused.len(), 1, "{err}");
    assert!(refused[0].message.contains("5000"));
    // The error says which limit refused it, so a caller knows what to raise.
    assert!(refused[0].message.contains("max_table_bytes"));
    assert!(!source.opened.get(), "the table was opened");
}

#[test]
fn the_row_limit_is_configurable() {
    let source = Source::new("id,skill_type,pref_label_nl\n", "skill:a,skill,a\n");
    let limits = Limits {
        max_rows_per_table: 1_000,
        ..Limits::default()
    };
    let err = load_with(&source, &limits).expect_err("refused");
    let refused = too_large(&err);
    assert_eq!(refused.len(), 1, "{err}");
    assert!(refused[0].message.contains("1000 rows"));
    // Refused at the first row past the limit (the header is line 1), naming the limit.
    assert_eq!(refused[0].location.file.as_deref(), Some("skills.csv"));
    assert_eq!(refused[0].location.line, Some(1_002));
    assert!(refused[0].message.contains("max_rows_per_table"));
    assert!(source.taken.get() < 1_000 * 16 + 2 * READ_AHEAD as u64);
}
