//! Course ranking: learning offers ordered by how much of a person's gap to an occupation they
//! close per study hour or per euro.

use serde::{Deserialize, Serialize};
use vaardig_core::Nlqf;

use crate::credit::Holdings;
use crate::error::ScoreError;
use crate::lang::Named;
use crate::profile::Profile;
use crate::route::Optimise;
use crate::scorer::Scorer;

/// One offer and what it does for a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseScore {
    /// The offer.
    pub offer: Named,
    /// Study hours.
    pub hours: f64,
    /// Euros.
    pub cost_eur: f64,
    /// The share of the gap score it would close: Σ over taught requirements of
    /// `weight × (1 − credit) / total weight`.
    pub gain: f64,
    /// `gain` per 100 study hours.
    pub gain_per_100_hours: f64,
    /// `gain` per EUR 1,000 (offers without cost count as EUR 1).
    pub gain_per_1000_eur: f64,
    /// The requirements it teaches that are not fully held.
    pub teaches: Vec<Named>,
}

impl Scorer {
    /// Learning offers that teach part of the gap to `occupation`, best first by gain per hour
    /// (`Optimise::Hours`) or per euro (`Optimise::Cost`); ties by offer id. Completed offers and
    /// offers above `max_nlqf` are left out.
    ///
    /// # Errors
    /// Unknown ids in the profile, or a non-occupation.
    pub fn courses(
        &self,
        profile: &Profile,
        occupation: &str,
        optimise: Optimise,
        max_nlqf: Option<Nlqf>,
    ) -> Result<Vec<CourseScore>, ScoreError> {
        let holdings = self.holdings(profile)?;
        self.courses_with(&holdings, occupation, optimise, max_nlqf)
    }

    /// [`Scorer::courses`] for holdings already resolved.
    pub fn courses_with(
        &self,
        holdings: &Holdings,
        occupation: &str,
        optimise: Optimise,
        max_nlqf: Option<Nlqf>,
    ) -> Result<Vec<CourseScore>, ScoreError> {
        let occ = self.occupation_index(occupation)?;
        let reqs = self.requires.row(occ as usize);
        let total: f64 = reqs.iter().map(|r| r.weight).sum();
        if total <= 0.0 {
            return Ok(Vec::new());
        }
        let mut lost: Vec<(u32, f64)> = reqs
            .iter()
            .filter_map(|r| {
                let c = self
                    .best_credit(holdings, holdings.entries_for(r.cap), r.level)
                    .map_or(0.0, |c| c.credit);
                (c < 1.0).then(|| (r.cap, r.weight * (1.0 - c) / total))
            })
            .collect();
        lost.sort_by_key(|(c, _)| *c);
        let mut offers: Vec<u32> = lost
            .iter()
            .flat_map(|(c, _)| self.teachers.row(*c as usize).iter().copied())
            .filter(|o| holdings.completed.binary_search(o).is_err())
            .filter(|&o| {
                max_nlqf.is_none_or(|m| self.offer_info[o as usize].nlqf.is_none_or(|n| n <= m))
            })
            .collect();
        offers.sort_unstable();
        offers.dedup();
        let mut out: Vec<CourseScore> = offers
            .into_iter()
            .map(|o| {
                let info = &self.offer_info[o as usize];
                let mut gain = 0.0;
                let mut teaches = Vec::new();
                for t in self.teaches.row(o as usize) {
                    if let Ok(i) = lost.binary_search_by_key(&t.cap, |(c, _)| *c) {
                        gain += lost[i].1;
                        teaches.push(self.cap_named(t.cap));
                    }
                }
                CourseScore {
                    offer: self.offer_named(o),
                    hours: info.hours,
                    cost_eur: info.cost_eur,
                    gain,
                    gain_per_100_hours: gain * 100.0 / info.hours.max(1e-9),
                    gain_per_1000_eur: gain * 1000.0 / info.cost_eur.max(1.0),
                    teaches,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            let (ka, kb) = match optimise {
                Optimise::Hours => (a.gain_per_100_hours, b.gain_per_100_hours),
                Optimise::Cost => (a.gain_per_1000_eur, b.gain_per_1000_eur),
            };
            kb.total_cmp(&ka).then(a.offer.id.cmp(&b.offer.id))
        });
        Ok(out)
    }
}
