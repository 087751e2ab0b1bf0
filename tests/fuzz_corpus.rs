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

/// The hand-made seeds of attack shapes (`fuzz/README.md`, "Seeds of attack shapes"): a
/// minimising merge keeps only inputs that add coverage, so this says when one was dropped.
#[test]
fn every_attack_shape_seed_is_kept_and_small() {
    let seeds: &[(&str, &[&str])] = &[
        (
            "native_loader",
            &[
                "deep-broader-chain",
                "endless-header-line",
                "endless-quoted-field",
            ],
        ),
        ("esco_import", &["endless-line"]),
        (
            "rdf_import",
            &[
                "deep-blank-nodes",
                "deep-collections",
                "long-triple-quoted-literal",
                "unclosed-triple-quoted-literal",
                "endless-line-nul",
            ],
        ),
        (
            "search_and_extract",
            &["long-unpunctuated-words", "endless-word"],
        ),
        ("profile_and_scoring", &["deep-arrays", "unclosed-string"]),
    ];
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut total = 0;
    for (target, names) in seeds {
        for name in *names {
            let path = corpus.join(target).join(format!("seed-{name}"));
            let len = std::fs::metadata(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .len();
            assert!(len <= 1 << 20, "{} is over 1 MiB", path.display());
            total += len;
        }
    }
    assert!(total <= 5_000_000, "the seeds take {total} bytes");
    // The deep chain is deep: one row per level in each of its two tables.
    let chain = std::fs::read(corpus.join("native_loader/seed-deep-broader-chain"))
        .unwrap_or_else(|e| panic!("chain: {e}"));
    let rows = chain.iter().filter(|&&b| b == b'\n').count();
    assert!(rows > 2 * 20_000, "{rows} rows");
}
