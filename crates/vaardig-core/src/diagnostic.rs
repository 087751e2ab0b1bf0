//! Diagnostics: what is wrong with an ontology, and where.
//!
//! Loading and building collect every problem instead of stopping at the first, so one run of
//! `vaardig validate` lists them all. Errors make loading fail; warnings are returned beside the
//! ontology.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a problem is: a file, a 1-based line and a column name, as far as known.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// The file (a table name such as `skills.csv`, or a path).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The column (CSV header name) or field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl Location {
    /// A location in `file`.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Location::default()
        }
    }

    /// A location at `line` of `file`.
    pub fn line(file: impl Into<String>, line: u64) -> Self {
        Location {
            file: Some(file.into()),
            line: Some(line),
            column: None,
        }
    }

    /// The same location narrowed to `column`.
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Whether nothing is known.
    pub fn is_unknown(&self) -> bool {
        self.file.is_none() && self.line.is_none() && self.column.is_none()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}")?,
            (Some(file), None) => write!(f, "{file}")?,
            (None, Some(line)) => write!(f, "line {line}")?,
            (None, None) => {}
        }
        if let Some(column) = &self.column {
            if self.file.is_some() || self.line.is_some() {
                f.write_str(" ")?;
            }
            write!(f, "[{column}]")?;
        }
        Ok(())
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The ontology cannot be used.
    Error,
    /// The ontology works, but something looks wrong.
    Warning,
}

/// What kind of problem a diagnostic reports. Stable names for programs (`code()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A file could not be read.
    Io,
    /// A file is not valid UTF-8.
    InvalidUtf8,
    /// A CSV or TOML file is malformed.
    Syntax,
    /// A required column is missing.
    MissingColumn,
    /// A column nobody knows.
    UnknownColumn,
    /// A required value is empty.
    MissingValue,
    /// A value is not an allowed spelling or number.
    InvalidValue,
    /// A value is too large to be credible (a 10 MB label, a million hours).
    TooLarge,
    /// An id is malformed.
    InvalidId,
    /// Two concepts share an id.
    DuplicateId,
    /// A relation names a concept that does not exist.
    DanglingReference,
    /// A relation between concept kinds it does not allow.
    WrongEndpoint,
    /// The same relation twice.
    DuplicateRelation,
    /// The `broader` hierarchy has a cycle.
    Cycle,
    /// The manifest is missing a key or has a bad one.
    Manifest,
    /// An occupation without essential skills.
    NoEssentialSkills,
    /// A capability nothing requires, covers or teaches.
    UnusedCapability,
    /// A label in a language of the manifest is missing.
    MissingLabel,
    /// A learning offer teaches nothing.
    OfferTeachesNothing,
}

impl DiagnosticKind {
    /// The stable snake_case name.
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::Io => "io",
            DiagnosticKind::InvalidUtf8 => "invalid_utf8",
            DiagnosticKind::Syntax => "syntax",
            DiagnosticKind::MissingColumn => "missing_column",
            DiagnosticKind::UnknownColumn => "unknown_column",
            DiagnosticKind::MissingValue => "missing_value",
            DiagnosticKind::InvalidValue => "invalid_value",
            DiagnosticKind::TooLarge => "too_large",
            DiagnosticKind::InvalidId => "invalid_id",
            DiagnosticKind::DuplicateId => "duplicate_id",
            DiagnosticKind::DanglingReference => "dangling_reference",
            DiagnosticKind::WrongEndpoint => "wrong_endpoint",
            DiagnosticKind::DuplicateRelation => "duplicate_relation",
            DiagnosticKind::Cycle => "cycle",
            DiagnosticKind::Manifest => "manifest",
            DiagnosticKind::NoEssentialSkills => "no_essential_skills",
            DiagnosticKind::UnusedCapability => "unused_capability",
            DiagnosticKind::MissingLabel => "missing_label",
            DiagnosticKind::OfferTeachesNothing => "offer_teaches_nothing",
        }
    }
}

/// One problem: its severity, kind, location, the concept it concerns and a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// Where it is.
    pub location: Location,
    /// The concept id it concerns, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// A lowercase message without trailing period.
    pub message: String,
}

impl Diagnostic {
    /// An error.
    pub fn error(kind: DiagnosticKind, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            location,
            concept: None,
            message: message.into(),
        }
    }

    /// A warning.
    pub fn warning(kind: DiagnosticKind, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            kind,
            location,
            concept: None,
            message: message.into(),
        }
    }

    /// The same diagnostic about concept `id`.
    pub fn about(mut self, id: impl Into<String>) -> Self {
        self.concept = Some(id.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.location.is_unknown() {
            write!(f, "{sev}[{}]: {}", self.kind.code(), self.message)
        } else {
            write!(
                f,
                "{}: {sev}[{}]: {}",
                self.location,
                self.kind.code(),
                self.message
            )
        }
    }
}

/// Loading or building failed; every error found is listed (warnings too).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in ontology, first: {}", self.error_count(), self.first_error())]
pub struct OntologyError {
    diagnostics: Vec<Diagnostic>,
}

impl OntologyError {
    /// An error made of these diagnostics (sorted for a stable report).
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| {
            (a.severity, &a.location.file, a.location.line).cmp(&(
                b.severity,
                &b.location.file,
                b.location.line,
            ))
        });
        OntologyError { diagnostics }
    }

    /// Every diagnostic: errors first, then warnings.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Every diagnostic, errors first, taken out of the error (no copy).
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    fn first_error(&self) -> String {
        self.errors()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default()
    }
}
