//! The real pair ESCO v1.1.0 → v1.1.1, imported from `../shared/data/esco` with the ESCO importer
//! (marked ignored, with the reason, when the data is absent). Checks that the worked example committed as
//! `docs/esco-v1.1.0-to-v1.1.1.md` has the headline numbers this code computes, and that the
//! diff mirrors on real data.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use vaardig_core::Ontology;
use vaardig_diff::diff;
use vaardig_diff::markdown::{MarkdownOptions, diff_report};
use vaardig_import::{ImportOptions, import_esco};

/// How the worked example is made (from the repository root).
const REGENERATE: &str = "vaardig import esco ../shared/data/esco/v1.1.0 --out /tmp/esco-1.1.0; \
    vaardig import esco ../shared/data/esco/v1.1.1 --out /tmp/esco-1.1.1; cd docs; \
    vaardig diff /tmp/esco-1.1.0 /tmp/esco-1.1.1 --sample 100 \
    --svg esco-v1.1.0-to-v1.1.1.svg --markdown --lang en (see the top of the document)";

fn esco_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/esco");
    assert!(
        dir.join("v1.1.0/skills_en.csv").is_file() && dir.join("v1.1.1/skills_en.csv").is_file(),
        "the real ESCO data is not at {} (see ../shared/data/README.md)",
        dir.display()
    );
    dir
}

fn import(dir: &Path) -> Ontology {
    match import_esco(&[dir], ImportOptions::new()).and_then(|i| i.build()) {
        Ok(imported) => imported.ontology,
        Err(e) => panic!("cannot import {}: {e}", dir.display()),
    }
}

/// Both versions, imported once for the tests that share them.
fn versions() -> &'static (Ontology, Ontology) {
    static PAIR: OnceLock<(Ontology, Ontology)> = OnceLock::new();
    PAIR.get_or_init(|| {
        let dir = esco_dir();
        (import(&dir.join("v1.1.0")), import(&dir.join("v1.1.1")))
    })
}

/// The text from the `## Summary` heading up to the next second-level heading.
fn summary_section(markdown: &str) -> &str {
    let Some(start) = markdown.find("## Summary") else {
        return "";
    };
    let rest = &markdown[start..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 2);
    &rest[..end]
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn the_worked_example_has_the_headline_numbers_of_the_esco_pair() {
    let (old, new) = versions();
    let d = diff(old, new);
    // The worked example in docs/ is the English report.
    let options = MarkdownOptions {
        lang: vaardig_score::Lang::En,
        ..MarkdownOptions::default()
    };
    let md = diff_report(&d, old, new, None, &options);
    let doc_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/esco-v1.1.0-to-v1.1.1.md");
    let doc = match std::fs::read_to_string(&doc_path) {
        Ok(text) => text,
        Err(e) => panic!("cannot read {}: {e}", doc_path.display()),
    };
    let (computed, committed) = (summary_section(&md), summary_section(&doc));
    assert!(computed.contains("| concepts added |"), "{md}");
    assert_eq!(
        committed, computed,
        "docs/esco-v1.1.0-to-v1.1.1.md is out of date; regenerate it: {REGENERATE}"
    );
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn the_esco_diff_mirrors() {
    let (old, new) = versions();
    let forward = diff(old, new);
    assert!(!forward.is_empty());
    let (Ok(expected), Ok(backward)) = (
        serde_json::to_value(forward.mirror()),
        serde_json::to_value(diff(new, old)),
    ) else {
        panic!("diffs serialise")
    };
    // Field by field, showing the first differing entry: the whole diff is too long to read.
    for (field, want) in expected.as_object().into_iter().flatten() {
        let got = &backward[field];
        if let (Some(w), Some(g)) = (want.as_array(), got.as_array()) {
            let first = w.iter().zip(g).position(|(a, b)| a != b);
            assert!(
                first.is_none() && w.len() == g.len(),
                "`{field}` differs: {} vs {} entries; first difference at {first:?}: {:?} vs {:?}",
                w.len(),
                g.len(),
                first.and_then(|i| w.get(i)),
                first.and_then(|i| g.get(i)),
            );
        } else {
            assert_eq!(want, got, "`{field}` differs");
        }
    }
}
