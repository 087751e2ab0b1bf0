//! Errors: what went wrong reading tables back, with the file, row and column; and writing.

use std::fmt;

use vaardig_core::{Diagnostic, DiagnosticKind, Location, OntologyError, OutputError};

/// Why the tables could not be read back into an ontology.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A table is malformed: a missing file or column, a wrong type, a bad value, an id that
    /// names no concept. Says where.
    #[error(transparent)]
    Table(#[from] TableError),
    /// Every table is well formed, but the ontology they make is not valid (duplicate ids,
    /// a relation between the wrong kinds, a `broader` cycle, ...): the builder's diagnostics,
    /// each with its file and row (as `line`).
    #[error(transparent)]
    Invalid(#[from] OntologyError),
}

impl ReadError {
    /// Every problem as a [`Diagnostic`], as the native loader reports them (`vaardig
    /// validate` lists them): one for a malformed table, the builder's for an invalid ontology.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self {
            ReadError::Table(e) => vec![e.to_diagnostic()],
            ReadError::Invalid(e) => e.diagnostics().to_vec(),
        }
    }
}

/// A malformed table: where (file, 1-based row, column, as far as known) and what.
#[derive(Debug, thiserror::Error)]
pub struct TableError {
    file: String,
    row: Option<u64>,
    column: Option<String>,
    // Not a `source`: the message already says all of it, and `{:#}` would say it twice.
    kind: TableErrorKind,
}

/// What is wrong with a table.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TableErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(std::io::Error),
    /// The file is not Parquet the reader understands (corrupt, or compressed with a codec this
    /// build leaves out: only uncompressed and Snappy pages are read).
    #[error("not a readable Parquet file: {0}")]
    Parquet(parquet::errors::ParquetError),
    /// The file uses a Parquet feature this build leaves out (a compression other than Snappy).
    #[error("{0}")]
    Unsupported(String),
    /// A required column is not there.
    #[error("the column is missing")]
    MissingColumn,
    /// The column has a type it cannot be read as.
    #[error("the column is {found}, expected {expected}")]
    WrongType {
        /// The Arrow type found.
        found: String,
        /// What the column must hold.
        expected: String,
    },
    /// A required value is null.
    #[error("a value is required")]
    MissingValue,
    /// A value that is not one the column may hold (an unknown kind, a level out of range, an
    /// attribute the concept's kind does not have, ...).
    #[error("{0}")]
    BadValue(String),
    /// An id that names no concept of the concepts table.
    #[error("`{0}` is not a concept of concepts.parquet")]
    UnknownConcept(String),
    /// More rows or a longer value than loading accepts.
    #[error("{what} is over the limit of {limit}")]
    TooLarge {
        /// What is too large, with its size.
        what: String,
        /// The limit.
        limit: u64,
    },
}

impl TableError {
    /// An error in `file`, at no particular row or column.
    pub(crate) fn new(file: &str, kind: TableErrorKind) -> Self {
        TableError {
            file: file.to_owned(),
            row: None,
            column: None,
            kind,
        }
    }

    /// An error at `column` of `file`.
    pub(crate) fn column(file: &str, column: &str, kind: TableErrorKind) -> Self {
        TableError::new(file, kind).at_column(column)
    }

    /// An error at 0-based row `index` of `file` (reported 1-based).
    pub(crate) fn at(file: &str, index: usize, column: &str, kind: TableErrorKind) -> Self {
        TableError::in_row(file, index, kind).at_column(column)
    }

    /// An error at 0-based row `index` of `file`, in no particular column.
    pub(crate) fn in_row(file: &str, index: usize, kind: TableErrorKind) -> Self {
        let mut e = TableError::new(file, kind);
        e.row = Some(index as u64 + 1);
        e
    }

    fn at_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_owned());
        self
    }

    /// The file (`concepts.parquet`, ...; for in-memory tables, the file they are stored in).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based row, when the problem is in one row.
    pub fn row(&self) -> Option<u64> {
        self.row
    }

    /// The column, when the problem is in one column.
    pub fn column_name(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// What is wrong.
    pub fn kind(&self) -> &TableErrorKind {
        &self.kind
    }

    /// The error as a [`Diagnostic`]: the file, the row as its `line`, the column, and the
    /// closest [`DiagnosticKind`].
    pub fn to_diagnostic(&self) -> Diagnostic {
        let kind = match &self.kind {
            TableErrorKind::Io(_) => DiagnosticKind::Io,
            TableErrorKind::Parquet(_) | TableErrorKind::Unsupported(_) => DiagnosticKind::Syntax,
            TableErrorKind::MissingColumn => DiagnosticKind::MissingColumn,
            TableErrorKind::MissingValue => DiagnosticKind::MissingValue,
            TableErrorKind::WrongType { .. } | TableErrorKind::BadValue(_) => {
                DiagnosticKind::InvalidValue
            }
            TableErrorKind::UnknownConcept(_) => DiagnosticKind::DanglingReference,
            TableErrorKind::TooLarge { .. } => DiagnosticKind::TooLarge,
        };
        let location = Location {
            file: Some(self.file.clone()),
            line: self.row,
            column: self.column.clone(),
        };
        Diagnostic::error(kind, location, self.kind.to_string())
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column `{column}`")?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// Why the Parquet files could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The output was refused or a write failed; the old output, if any, is intact.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A table could not be made or encoded.
    #[error("cannot encode {file}: {message}")]
    Encode {
        /// The file.
        file: &'static str,
        /// What went wrong.
        message: String,
    },
}
