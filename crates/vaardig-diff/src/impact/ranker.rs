//! [`Ranker`]: what impact analysis needs from a scoring engine, implemented for
//! [`vaardig_score::Scorer`]. Tests (or another engine) can supply their own.

use vaardig_score::{Profile, ScoreError, Scorer, TransitionOptions};

/// Ranks occupations for a profile and scores gaps, over one ontology version.
pub trait Ranker {
    /// The best `limit` occupations for `profile` (the current occupation left out), best first,
    /// as `(occupation id, score)`; ties break by id.
    ///
    /// # Errors
    /// When the profile does not fit the ontology.
    fn rank(&self, profile: &Profile, limit: usize) -> Result<Vec<(String, f64)>, ScoreError>;

    /// The gap score (share of requirements held, in `[0, 1]`) of `profile` for each occupation.
    ///
    /// # Errors
    /// When the profile does not fit the ontology or an id is not an occupation.
    fn gap_scores(&self, profile: &Profile, occupations: &[String])
    -> Result<Vec<f64>, ScoreError>;
}

impl Ranker for Scorer {
    fn rank(&self, profile: &Profile, limit: usize) -> Result<Vec<(String, f64)>, ScoreError> {
        let options = TransitionOptions {
            limit: Some(limit),
            ..TransitionOptions::default()
        };
        Ok(self
            .transitions(profile, &options)?
            .items
            .into_iter()
            .map(|t| (t.occupation, t.score))
            .collect())
    }

    fn gap_scores(
        &self,
        profile: &Profile,
        occupations: &[String],
    ) -> Result<Vec<f64>, ScoreError> {
        let holdings = self.holdings(profile)?;
        occupations
            .iter()
            .map(|o| self.gap_with(&holdings, o).map(|g| g.score))
            .collect()
    }
}
