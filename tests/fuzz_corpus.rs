//! Replays every committed fuzz corpus and crash file through the same entry points the
//! cargo-fuzz targets use, so CI keeps the fuzzing guarantees on the stable toolchain.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus {} must exist: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        run(&bytes);
    }
    files.len()
}

#[test]
fn native_loader_corpus_replays_without_panics() {
    let n = replay("native_loader", vaardig::fuzzing::native_loader);
    assert!(n >= 5, "the native_loader corpus has only {n} files");
}

#[test]
fn rdf_import_corpus_replays_without_panics() {
    assert!(replay("rdf_import", vaardig::fuzzing::rdf_import) >= 3);
}

#[test]
fn esco_import_corpus_replays_without_panics() {
    assert!(replay("esco_import", vaardig::fuzzing::esco_import) >= 2);
}

#[test]
fn profile_and_scoring_corpus_replays_without_panics() {
    assert!(replay("profile_and_scoring", vaardig::fuzzing::profile_and_scoring) >= 4);
}

#[test]
fn search_and_extract_corpus_replays_without_panics() {
    assert!(replay("search_and_extract", vaardig::fuzzing::search_and_extract) >= 4);
}
