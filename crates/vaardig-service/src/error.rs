//! [`ServiceError`]: why a question could not be answered, with a stable machine code.

use vaardig_score::{LabelLanguageError, RightsError, ScoreError};

use crate::person::PersonError;
use crate::resolve::ResolveError;

/// A question that cannot be answered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceError {
    /// A value outside what the question allows.
    #[error("{0}")]
    InvalidRequest(String),
    /// The person could not be built.
    #[error(transparent)]
    Person(#[from] PersonError),
    /// The library refused the question.
    #[error(transparent)]
    Score(#[from] ScoreError),
    /// Labels asked in a language the ontology does not declare (or not a language tag).
    #[error(transparent)]
    Language(#[from] LabelLanguageError),
    /// No occupation is within reach, so an advice has no target.
    #[error(
        "no occupation is within reach of this profile{}",
        if *no_skills { ": it holds no skills yet; add skills (a CV's text finds them) and ask again" } else { "" }
    )]
    NoneWithinReach {
        /// Whether the profile holds no skills and no languages at all (the likely cause).
        no_skills: bool,
    },
}

impl From<RightsError> for ServiceError {
    fn from(e: RightsError) -> Self {
        ServiceError::Score(ScoreError::Rights(e))
    }
}

impl From<ResolveError> for ServiceError {
    fn from(e: ResolveError) -> Self {
        ServiceError::Person(PersonError::Resolve(e))
    }
}

impl ServiceError {
    /// A stable snake_case code for machines: `invalid_request`, `no_person`, `unknown_label`,
    /// `ambiguous_label`, `search_index`, `invalid_profile`, `unknown_id`, `not_an_occupation`,
    /// `not_a_sector`, `missing_age`, `unknown_scheme`, `none_within_reach`, `unknown_language`.
    /// New codes may be added; these never change meaning.
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::InvalidRequest(_) => "invalid_request",
            ServiceError::Person(PersonError::Empty) => "no_person",
            ServiceError::Person(PersonError::Resolve(e @ ResolveError::NotFound { .. })) => {
                if e.is_id() {
                    "unknown_id"
                } else {
                    "unknown_label"
                }
            }
            ServiceError::Person(PersonError::Resolve(ResolveError::Ambiguous { .. })) => {
                "ambiguous_label"
            }
            ServiceError::Person(PersonError::Resolve(_)) => "search_index",
            // Several labels: the code of the first.
            ServiceError::Person(PersonError::Labels(all)) => {
                all.first().map_or("unknown_label", |e| {
                    ServiceError::Person(PersonError::Resolve(e.clone())).code()
                })
            }
            ServiceError::Person(_) => "invalid_profile",
            ServiceError::Score(ScoreError::Profile(_)) => "invalid_profile",
            ServiceError::Score(ScoreError::UnknownId { .. }) => "unknown_id",
            ServiceError::Score(ScoreError::NotAnOccupation { .. }) => "not_an_occupation",
            ServiceError::Score(ScoreError::NotASector { .. }) => "not_a_sector",
            ServiceError::Score(ScoreError::Rights(RightsError::MissingAge { .. })) => {
                "missing_age"
            }
            ServiceError::Score(ScoreError::Rights(_)) => "unknown_scheme",
            ServiceError::Score(_) => "invalid_request",
            ServiceError::NoneWithinReach { .. } => "none_within_reach",
            ServiceError::Language(_) => "unknown_language",
        }
    }

    /// Whether the fault lies with the server rather than the question (the search index could
    /// not be built).
    pub fn is_internal(&self) -> bool {
        matches!(
            self,
            ServiceError::Person(PersonError::Resolve(ResolveError::Index(_)))
        )
    }
}
