//! Entry points shared by the cargo-fuzz targets in `fuzz/` and the stable corpus-replay test
//! (`tests/fuzz_corpus.rs`): each takes arbitrary bytes and must never panic.

use crate::core::io::load;

/// The tables a fuzz input can write to, selected by its first byte.
const TABLES: &[&str] = &[
    "ontology.toml",
    "sectors.csv",
    "skills.csv",
    "knowledge_areas.csv",
    "occupations.csv",
    "occupation_tasks.csv",
    "qualifications.csv",
    "learning_offers.csv",
    "broader.csv",
    "related.csv",
    "requires.csv",
    "has_task.csv",
    "covers.csv",
    "teaches.csv",
    "part_of.csv",
    "prerequisite.csv",
    "in_sector.csv",
];

const MANIFEST: &str = "name = \"fuzz\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\", \"en\"]\nlicence = \"x\"\nsource = \"x\"\n";

/// The native loader on arbitrary tables: the input is split at `0xFF` bytes into chunks; each
/// chunk's first byte picks a table, the rest is its content. A valid manifest is present unless a
/// chunk replaces it. Loading must return an ontology or diagnostics, and a loaded ontology must
/// survive write → load unchanged.
pub fn native_loader(data: &[u8]) {
    let mut tables: Vec<(String, Vec<u8>)> = vec![("ontology.toml".into(), MANIFEST.as_bytes().to_vec())];
    for chunk in data.split(|&b| b == 0xFF) {
        let Some((&selector, content)) = chunk.split_first() else {
            continue;
        };
        let name = TABLES[usize::from(selector) % TABLES.len()];
        tables.retain(|(n, _)| n != name);
        tables.push((name.to_owned(), content.to_vec()));
    }
    if let Ok(built) = load(&tables) {
        let written: Vec<(String, Vec<u8>)> = crate::core::io::to_tables(&built.ontology)
            .into_iter()
            .map(|(n, t)| (n.to_owned(), t.into_bytes()))
            .collect();
        match load(&written) {
            Ok(again) => assert!(again.ontology == built.ontology, "write → load changed the ontology"),
            Err(e) => panic!("written ontology does not load: {e}"),
        }
    }
}
