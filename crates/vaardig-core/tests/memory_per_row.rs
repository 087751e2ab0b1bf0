//! Memory proportional to what is kept, counted: a counting allocator measures the peak heap of
//! loading a concept table and a relation table, per row. One test in this binary, so no other
//! test allocates while it measures.

use peak_alloc::PeakAlloc;
use vaardig_core::io::load;

/// The system allocator, counting the bytes live and their peak.
#[global_allocator]
static COUNTING: PeakAlloc = PeakAlloc;

const MANIFEST: &str = "name = \"x\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\", \"en\"]\nlicence = \"x\"\nsource = \"x\"\n";

/// The peak heap of loading `tables` beyond what was live before, in bytes, or why they did
/// not load.
fn peak_of_loading(tables: Vec<(String, Vec<u8>)>) -> Result<usize, String> {
    let before = COUNTING.current_usage();
    COUNTING.reset_peak_usage();
    let loaded = load(&tables).map(drop).map_err(|e| e.to_string());
    loaded.map(|()| COUNTING.peak_usage().saturating_sub(before))
}

/// `n` skills with real-length labels in Dutch and English (a preferred label, synonyms and a
/// definition in each), as ESCO has them; returns the table and its label text in bytes.
fn skills(n: usize) -> (Vec<u8>, usize) {
    let mut csv = String::from(
        "id,skill_type,pref_label_nl,alt_labels_nl,definition_nl,pref_label_en,alt_labels_en,definition_en\n",
    );
    let mut text = 0;
    for i in 0..n {
        let pref_nl = format!("vaardigheid nummer {i} van de lijst");
        let alt_nl = format!("synoniem {i} een|synoniem {i} twee");
        let def_nl = format!(
            "De omschrijving van vaardigheid {i} zo lang als een echte: {}",
            "woord ".repeat(16)
        );
        let pref_en = format!("skill number {i} of the list");
        let alt_en = format!("synonym {i} one|synonym {i} two|synonym {i} three|synonym {i} four");
        let def_en = format!(
            "The description of skill {i} as long as a real one: {}",
            "word ".repeat(18)
        );
        text += [&pref_nl, &alt_nl, &def_nl, &pref_en, &alt_en, &def_en]
            .iter()
            .map(|s| s.trim().len())
            .sum::<usize>();
        csv.push_str(&format!(
            "skill:{i:06},skill,{pref_nl},{alt_nl},{},{pref_en},{alt_en},{}\n",
            def_nl.trim(),
            def_en.trim()
        ));
    }
    (csv.into_bytes(), text)
}

#[test]
fn loading_costs_the_text_kept_plus_a_few_words_per_label_and_per_relation() {
    // Concepts: before, every concept held three `BTreeMap`s (544 bytes each for its first
    // entry), a file name per row and a second copy of itself while moving into the graph:
    // 2,685 bytes beyond its text at the peak; now 1,409 (warnings and the index included).
    let n = 20_000;
    let (table, text) = skills(n);
    let tables = vec![
        ("ontology.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("skills.csv".to_owned(), table),
    ];
    let peak = peak_of_loading(tables).expect("the skills load"); // ok: test code
    let beyond_text = peak.saturating_sub(text) / n;
    assert!(
        beyond_text <= 1_500,
        "{beyond_text} bytes per concept beyond its {} bytes of text",
        text / n
    );

    // Relations: before, a row cost a 104-byte pending relation, half of that again for a
    // stable sort's buffer, and its 64-byte edge at the same time: 250 bytes at the peak; now
    // 74 (the 64-byte edge, and 12 bytes of the row while the edges are added).
    let (occupations, per) = (500usize, 400usize);
    let (skill_table, _) = skills(per);
    let mut occ = String::from("id,pref_label_nl,pref_label_en\n");
    let mut requires = String::from("from,to,importance,level\n");
    for o in 0..occupations {
        occ.push_str(&format!("occ:{o:05},beroep {o},occupation {o}\n"));
        for s in 0..per {
            requires.push_str(&format!(
                "occ:{o:05},skill:{s:06},essential,{}\n",
                1 + s % 5
            ));
        }
    }
    let rows = occupations * per;
    let base = vec![
        ("ontology.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("skills.csv".to_owned(), skill_table),
        ("occupations.csv".to_owned(), occ.into_bytes()),
    ];
    let without = peak_of_loading(base.clone()).expect("the concepts load"); // ok: test code
    let mut tables = base;
    tables.push(("requires.csv".to_owned(), requires.into_bytes()));
    let with = peak_of_loading(tables).expect("the relations load"); // ok: test code
    let per_row = with.saturating_sub(without) / rows;
    assert!(per_row <= 110, "{per_row} bytes per relation row");
}
