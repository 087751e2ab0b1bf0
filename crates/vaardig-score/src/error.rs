//! [`ScoreError`]: why a score could not be computed.

use vaardig_core::ConceptKind;

use crate::profile::ProfileError;

/// A scoring request that cannot be answered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoreError {
    /// The profile is invalid or refers to ids the ontology lacks.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// A funding scheme cannot compute a budget.
    #[error(transparent)]
    Rights(#[from] crate::rights::RightsError),
    /// An id the ontology does not have.
    #[error("unknown id `{id}`")]
    UnknownId {
        /// The id.
        id: String,
    },
    /// An id that is not an occupation where one is needed.
    #[error("`{id}` is a {kind}, not an occupation")]
    NotAnOccupation {
        /// The id.
        id: String,
        /// What it is.
        kind: ConceptKind,
    },
    /// An id that is not a sector where one is needed.
    #[error("`{id}` is not a sector")]
    NotASector {
        /// The id.
        id: String,
    },
}
