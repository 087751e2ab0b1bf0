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

/// The files of a built index, by name (the stamp and lock files left out), in name order.
fn index_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("tantivy"))
        .expect("index dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n != "vaardig-search.json" && !n.ends_with(".lock"))
        })
        .collect();
    files.sort();
    files
}

/// The kind of an index file: a segment file's extension (`fast`), else its name (`meta.json`).
fn kind(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.split_once('.') {
        Some((stem, ext)) if stem.len() == 32 => ext.to_owned(),
        _ => name,
    }
}

#[test]
fn a_changed_byte_in_any_index_file_is_noticed_and_rebuilt() {
    // Random bytes in a `.fast` file once gave wrong hits with exit 0. Every file kind, a byte
    // changed at its start, middle and end (a digit stays a digit, so `meta.json` still parses),
    // and the whole file replaced by random bytes of the same length.
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Searcher::open_or_build(demo(), dir.path()).expect("builds"));
    let kinds: std::collections::BTreeSet<String> =
        index_files(dir.path()).iter().map(|p| kind(p)).collect();
    for expected in [
        "fast",
        "idx",
        "pos",
        "store",
        "term",
        "fieldnorm",
        "meta.json",
    ] {
        assert!(kinds.contains(expected), "{expected} in {kinds:?}");
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut random = |len: usize| -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed.to_le_bytes()[0]
            })
            .collect()
    };
    let mut checked = 0;
    for kind_name in &kinds {
        for what in ["random bytes", "first", "middle", "last"] {
            // A rebuild names its segments anew: find this kind's file each time.
            let file = index_files(dir.path())
                .into_iter()
                .find(|p| kind(p) == *kind_name)
                .expect("the kind is there");
            let mut bytes = std::fs::read(&file).expect("read");
            let len = bytes.len();
            match what {
                "random bytes" => bytes = random(len),
                _ if len == 0 => continue,
                "first" => bytes[0] ^= 1,
                "middle" => bytes[len / 2] ^= 1,
                _ => bytes[len - 1] ^= 1,
            }
            std::fs::write(&file, &bytes).expect("corrupt");
            let s = Searcher::open_or_build(demo(), dir.path())
                .unwrap_or_else(|e| panic!("{what} in {kind_name}: {e}"));
            assert!(!s.reused(), "{what} in {kind_name} went unnoticed");
            same_answers(&s, demo_searcher());
            drop(s);
            let again = Searcher::open_or_build(demo(), dir.path()).expect("opens");
            assert!(again.reused(), "the rebuilt index is reused");
            checked += 1;
        }
    }
    assert!(checked >= 4 * 7, "{checked} cases");
}

#[test]
fn opening_a_finished_index_writes_nothing() {
    // A valid index on read-only storage could not be opened: opening took tantivy's lock
    // file. Opening must neither create nor change a file, so the directory can be read-only.
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Searcher::open_or_build(demo(), dir.path()).expect("builds"));
    let listing = |path: &std::path::Path| {
        let mut all = Vec::new();
        for sub in [path.to_path_buf(), path.join("tantivy")] {
            for e in std::fs::read_dir(&sub).expect("dir") {
                let e = e.expect("entry");
                let meta = e.metadata().expect("meta");
                all.push((e.path(), meta.len(), meta.modified().expect("mtime")));
            }
        }
        all.sort();
        all
    };
    let before = listing(dir.path());
    assert!(
        before.iter().all(|(p, _, _)| !kind(p).ends_with("lock")),
        "no lock files are kept: {before:?}"
    );
    let s = Searcher::open_or_build(demo(), dir.path()).expect("opens");
    assert!(s.reused());
    same_answers(&s, demo_searcher());
    assert_eq!(listing(dir.path()), before, "opening wrote nothing");
    drop(s);

    // Read-only for real (effective when the tests do not run as root).
    set_read_only(dir.path(), true);
    let opened = Searcher::open_or_build(demo(), dir.path());
    set_read_only(dir.path(), false);
    let s = opened.expect("a read-only index opens");
    assert!(s.reused());
    same_answers(&s, demo_searcher());
}

/// Makes `dir` and everything in it read-only (or writable again).
fn set_read_only(dir: &std::path::Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = |is_dir: bool| match (read_only, is_dir) {
        (true, true) => 0o555,
        (true, false) => 0o444,
        (false, true) => 0o755,
        (false, false) => 0o644,
    };
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let path = e.expect("entry").path();
            let is_dir = path.is_dir();
            if is_dir {
                dirs.push(path.clone());
            }
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode(is_dir)))
                .expect("chmod");
        }
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(mode(true))).expect("chmod");
    }
}
