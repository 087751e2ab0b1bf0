//! Errors: what stopped an import or export altogether. Problems with single rows or triples are
//! not errors but [`vaardig_core::Diagnostic`]s in the [`crate::ImportReport`].

use std::path::PathBuf;

use vaardig_core::{Diagnostic, OntologyError};

use crate::report::ImportReport;

/// An import that could not produce an ontology.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// A file could not be opened or read.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is past a limit of the reader (a line or string over 16 MiB, more than 1,000
    /// syntax errors): refused where it was found, before it costs more.
    #[error("{file}:{line}:{column}: {message}")]
    Limit {
        /// The file.
        file: String,
        /// The 1-based line.
        line: u64,
        /// The 1-based column, in characters.
        column: u64,
        /// Which limit.
        message: String,
    },
    /// A file the import needs is not there.
    #[error("{what} not found (looked for {})", looked_for.join(", "))]
    MissingFile {
        /// What was missing, e.g. `the ESCO skills table in en`.
        what: String,
        /// The paths tried.
        looked_for: Vec<String>,
    },
    /// A table lacks columns the import needs: its layout is not the one expected.
    #[error("{file}: missing column(s) {}", missing.join(", "))]
    MissingColumns {
        /// The file.
        file: String,
        /// The missing column names.
        missing: Vec<String>,
    },
    /// A mapping file is malformed or names unknown kinds, relations or prefixes.
    #[error("mapping {source_name}: {message}")]
    Mapping {
        /// The mapping file (or built-in name).
        source_name: String,
        /// What is wrong, with the line where known.
        message: String,
    },
    /// The options contradict each other or the input (e.g. no usable language).
    #[error("{0}")]
    Options(String),
    /// Strict mode: rows or triples were rejected; the report lists every one.
    #[error("strict import: {} row(s) or triple(s) rejected, first: {}", report.rejected(), first_error(report))]
    Rejected {
        /// The full report.
        report: Box<ImportReport>,
    },
    /// The core refused to build the staged ontology (a gap in the importer's own checks).
    #[error("the imported ontology does not validate: {0}")]
    Build(#[from] OntologyError),
}

fn first_error(report: &ImportReport) -> String {
    report
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(Diagnostic::to_string)
        .unwrap_or_default()
}

/// An export that could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// A concept id or value that cannot be expressed in RDF.
    #[error("cannot express `{id}` in RDF: {message}")]
    Unrepresentable {
        /// The concept id.
        id: String,
        /// Why.
        message: String,
    },
}
