//! Helpers shared by the integration tests.

use std::path::PathBuf;

use vaardig_core::{ConceptData, Diagnostic, DiagnosticKind, Ontology, Relation, RelationKind};
use vaardig_import::ImportReport;

/// `../shared/data/esco` beside the repository (tests that call this are ignored without it).
pub fn esco_data() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/esco");
    assert!(
        dir.join("v1.1.1/skills_en.csv").is_file() && dir.join("v1.1.0/skills_en.csv").is_file(),
        "the real ESCO data is not at {} (see ../shared/data/README.md); tests that need it are \
         ignored when the build script does not find it",
        dir.display()
    );
    dir
}

/// A fixture file or directory under `tests/fixtures`.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The relation `from → to` of `kind`, if the ontology has it.
pub fn relation(o: &Ontology, from: &str, to: &str, kind: RelationKind) -> Option<Relation> {
    let f = o.index_of(from)?;
    let t = o.index_of(to)?;
    o.outgoing(f, kind).find(|(n, _)| *n == t).map(|(_, r)| *r)
}

/// The ISCO code of occupation `id`.
pub fn isco(o: &Ontology, id: &str) -> Option<String> {
    match &o.get(id)?.data {
        ConceptData::Occupation { isco, .. } => isco.clone(),
        _ => None,
    }
}

/// The diagnostics of `kind` whose file ends with `file`.
pub fn diagnostics<'a>(
    report: &'a ImportReport,
    kind: DiagnosticKind,
    file: &str,
) -> Vec<&'a Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| {
            d.kind == kind
                && d.location
                    .file
                    .as_deref()
                    .is_some_and(|f| f.ends_with(file))
        })
        .collect()
}

/// `(read, imported, skipped, rejected)` of the source whose name ends with `file`.
pub fn counts(report: &ImportReport, file: &str) -> (u64, u64, u64, u64) {
    let s = report
        .sources
        .iter()
        .find(|s| s.file.ends_with(file))
        .unwrap_or_else(|| panic!("no source {file} in {:?}", report.sources));
    (s.read, s.imported, s.skipped, s.rejected)
}
