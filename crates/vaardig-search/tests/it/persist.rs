//! On-disk indexes: built once, reused while the ontology is the same, rebuilt when it changes,
//! and never written over somebody else's files.

use vaardig_core::{Manifest, OntologyBuilder};
use vaardig_search::{SearchError, SearchOptions, Searcher};

use crate::common::{demo, demo_searcher, labels, skill};

const QUERIES: &[&str] = &[
    "wound care",
    "verpleeg",
    "Excell",
    "heftruck rijden",
    "welder",
];

fn same_answers(a: &Searcher, b: &Searcher) {
    for q in QUERIES {
        assert_eq!(
            a.search(q, &SearchOptions::default()),
            b.search(q, &SearchOptions::default()),
            "{q}"
        );
        assert_eq!(a.extract(q), b.extract(q), "{q}");
    }
}

#[test]
fn built_then_reused_with_the_same_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("index");
    let first = Searcher::open_or_build(demo(), &path).expect("builds");
    assert!(!first.reused());
    same_answers(&first, demo_searcher());
    drop(first);
    let second = Searcher::open_or_build(demo(), &path).expect("opens");
    assert!(second.reused());
    same_answers(&second, demo_searcher());
}

#[test]
fn a_changed_ontology_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = Searcher::open_or_build(demo(), dir.path()).expect("builds");
    assert!(old.search("koken", &SearchOptions::default()).is_empty());
    drop(old);

    let mut b = OntologyBuilder::new(Manifest::new("demo", "2", &["nl", "en"]));
    b.add_concept(skill("skill:koken", labels("koken", "cooking", &[], &[])));
    let changed = b.build().expect("valid").ontology;
    let new = Searcher::open_or_build(&changed, dir.path()).expect("rebuilds");
    assert!(!new.reused());
    let hits = new.search("koken", &SearchOptions::default());
    assert_eq!(hits[0].id, "skill:koken");
    assert!(
        new.search("wondverzorging", &SearchOptions::default())
            .is_empty()
    );
}

#[test]
fn a_broken_marker_or_index_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Searcher::open_or_build(demo(), dir.path()).expect("builds"));
    std::fs::write(dir.path().join("vaardig-search.json"), "{ not json").expect("write");
    let s = Searcher::open_or_build(demo(), dir.path()).expect("rebuilds");
    assert!(!s.reused());
    same_answers(&s, demo_searcher());
    drop(s);

    // An index directory emptied behind our back.
    let index_dir = dir.path().join("tantivy");
    std::fs::remove_dir_all(&index_dir).expect("remove");
    std::fs::create_dir(&index_dir).expect("create");
    let s = Searcher::open_or_build(demo(), dir.path()).expect("rebuilds");
    assert!(!s.reused());
    same_answers(&s, demo_searcher());
}

#[test]
fn a_directory_with_other_files_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "mine").expect("write");
    let err = Searcher::open_or_build(demo(), dir.path()).expect_err("refused");
    assert!(matches!(err, SearchError::ForeignDirectory { .. }), "{err}");
    assert!(err.to_string().contains("refusing"));
    assert_eq!(std::fs::read_to_string(&notes).expect("kept"), "mine");
}

#[test]
fn a_file_where_the_directory_should_be_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("write");
    let err = Searcher::open_or_build(demo(), &file).expect_err("not a directory");
    assert!(matches!(err, SearchError::Io { .. }), "{err}");
    assert!(err.to_string().contains("file"));
}
