//! [`SearchError`]: what can go wrong while building or opening an index (searching never fails).

use std::path::PathBuf;

/// Building or opening a search index failed.
///
/// Searching itself never fails: [`crate::Searcher::search`] and [`crate::Searcher::extract`]
/// return empty lists rather than errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// tantivy failed while writing or reading the index.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A file or directory of an on-disk index could not be read or written.
    #[error("search index directory {}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The directory given to [`crate::Searcher::open_or_build`] holds files that are not a
    /// vaardig search index; they are left alone.
    #[error(
        "search index directory {} is not empty and holds no vaardig search index (no {marker}); \
         refusing to overwrite it",
        path.display()
    )]
    ForeignDirectory {
        /// The directory.
        path: PathBuf,
        /// The marker file that was expected.
        marker: &'static str,
    },
    /// The ontology is too large to index (a concept index does not fit the index format).
    #[error("ontology too large to index: {what}")]
    TooLarge {
        /// What overflowed.
        what: String,
    },
}

impl SearchError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SearchError::Io {
            path: path.into(),
            source,
        }
    }
}
