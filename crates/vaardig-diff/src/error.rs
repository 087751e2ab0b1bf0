//! [`DiffError`]: why a diff, a mapping, an impact run or a chart could not be made.

use vaardig_core::Location;
use vaardig_score::{ProfileError, ScoreError};

/// A request that cannot be answered. Messages say what and where (file, line, id).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// A supplied mapping is malformed or does not fit the two versions.
    #[error("mapping {location}: {message}")]
    Mapping {
        /// The file and line of the offending row, as far as known.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A profiles file is malformed.
    #[error("profiles {location}: {message}")]
    Profiles {
        /// The file and line (for JSON Lines) of the offending profile.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A profile does not fit the old version.
    #[error("profile `{profile}`: {source}")]
    Profile {
        /// The profile's name.
        profile: String,
        /// The problem.
        #[source]
        source: ProfileError,
    },
    /// Scoring a profile failed.
    #[error("profile `{profile}` in the {version} version: {source}")]
    Score {
        /// The profile's name.
        profile: String,
        /// `old` or `new`.
        version: &'static str,
        /// The problem.
        #[source]
        source: ScoreError,
    },
    /// An impact option is out of range.
    #[error("invalid impact option: {0}")]
    Options(String),
    /// The chart could not be drawn.
    #[error("cannot draw the chart: {0}")]
    Plot(String),
}
