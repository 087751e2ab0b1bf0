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

#[test]
fn a_users_own_tantivy_folder_is_refused_and_left_alone() {
    // The directory check used to let any folder named `tantivy` through, and then wiped it.
    let dir = tempfile::tempdir().expect("temp dir");
    let theirs = dir.path().join("tantivy");
    std::fs::create_dir(&theirs).expect("dir");
    std::fs::write(theirs.join("meta.json"), "my own index").expect("write");
    let err = Searcher::open_or_build(demo(), dir.path()).expect_err("refused");
    assert!(matches!(err, SearchError::ForeignDirectory { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(theirs.join("meta.json")).expect("kept"),
        "my own index"
    );
}

#[cfg(unix)]
#[test]
fn planted_links_in_the_index_directory_are_never_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "precious").expect("write");
    let index = dir.path().join("index");
    std::fs::create_dir(&index).expect("dir");
    // The temporary marker name of earlier versions, planted as a link.
    std::os::unix::fs::symlink(&outside, index.join("vaardig-search.json.tmp")).expect("link");
    let s = Searcher::open_or_build(demo(), &index).expect("builds");
    same_answers(&s, demo_searcher());
    drop(s);
    assert_eq!(std::fs::read_to_string(&outside).expect("kept"), "precious");
    // The marker itself replaced by a link: rebuilt, the link replaced, not followed.
    std::fs::remove_file(index.join("vaardig-search.json")).expect("rm");
    std::os::unix::fs::symlink(&outside, index.join("vaardig-search.json")).expect("link");
    let s = Searcher::open_or_build(demo(), &index).expect("rebuilds");
    assert!(!s.reused());
    assert_eq!(std::fs::read_to_string(&outside).expect("kept"), "precious");
    drop(s);
    assert!(
        Searcher::open_or_build(demo(), &index)
            .expect("opens")
            .reused()
    );
}

#[test]
fn an_index_without_segments_or_with_a_missing_file_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Searcher::open_or_build(demo(), dir.path()).expect("builds"));
    // What a rebuild by tantivy writes first: a `meta.json` with no segments. Used to answer
    // `[]` to every query, forever.
    let meta = dir.path().join("tantivy/meta.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).expect("meta")).expect("json");
    v["segments"] = serde_json::json!([]);
    std::fs::write(&meta, v.to_string()).expect("write");
    let s = Searcher::open_or_build(demo(), dir.path()).expect("rebuilds");
    assert!(!s.reused());
    same_answers(&s, demo_searcher());
    drop(s);
    // A segment file gone: used to be a permanent error.
    let store = std::fs::read_dir(dir.path().join("tantivy"))
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .expect("a store file");
    std::fs::remove_file(&store).expect("rm");
    let s = Searcher::open_or_build(demo(), dir.path()).expect("rebuilds");
    assert!(!s.reused());
    same_answers(&s, demo_searcher());
}

#[test]
fn eight_threads_building_one_index_all_get_the_same_answers() {
    // Used to fail with lock errors and missing files in all but one thread.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("index");
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| Searcher::open_or_build(demo(), &path)))
            .collect();
        for h in handles {
            let s = h.join().expect("no panic").expect("opens or builds");
            same_answers(&s, demo_searcher());
        }
    });
    let left: Vec<String> = std::fs::read_dir(&path)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(
        left,
        ["tantivy", "vaardig-search.json"],
        "no temporary files left"
    );
    assert!(
        Searcher::open_or_build(demo(), &path)
            .expect("opens")
            .reused()
    );
}

#[test]
fn a_build_killed_at_any_point_is_recovered_on_the_next_open() {
    // The states a killed build leaves, from first to last step: a half-built temporary
    // sibling; the new index in place with no marker yet; the new index with the old marker.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("index");
    drop(Searcher::open_or_build(demo(), &path).expect("builds"));

    // 1. Killed while writing the temporary sibling: a stray half-built directory.
    let stray = path.join(".tantivy.vaardig-tmp.999999.0");
    std::fs::create_dir(&stray).expect("dir");
    std::fs::write(stray.join("meta.json"), "{ half").expect("write");
    let s = Searcher::open_or_build(demo(), &path).expect("opens");
    assert!(
        s.reused(),
        "the finished index is untouched by a stray build"
    );
    same_answers(&s, demo_searcher());
    drop(s);

    // 2. Killed after the rename, before the marker: no marker, a stamped index.
    std::fs::remove_file(path.join("vaardig-search.json")).expect("rm");
    let s = Searcher::open_or_build(demo(), &path).expect("recovers");
    same_answers(&s, demo_searcher());
    drop(s);
    assert!(
        Searcher::open_or_build(demo(), &path)
            .expect("opens")
            .reused()
    );

    // 3. A rebuild for another ontology killed before its marker: the old marker (another
    // hash) beside the new index. Opening for either ontology gives that ontology's answers.
    let mut b = OntologyBuilder::new(Manifest::new("demo", "2", &["nl", "en"]));
    b.add_concept(skill("skill:koken", labels("koken", "cooking", &[], &[])));
    let changed = b.build().expect("valid").ontology;
    let marker = std::fs::read(path.join("vaardig-search.json")).expect("marker");
    drop(Searcher::open_or_build(&changed, &path).expect("rebuilds"));
    std::fs::write(path.join("vaardig-search.json"), marker).expect("old marker back");
    let s = Searcher::open_or_build(demo(), &path).expect("rebuilds");
    assert!(!s.reused(), "an index for another ontology is never used");
    same_answers(&s, demo_searcher());
    drop(s);
    let s = Searcher::open_or_build(&changed, &path).expect("rebuilds");
    assert_eq!(
        s.search("koken", &SearchOptions::default())[0].id,
        "skill:koken"
    );
}
