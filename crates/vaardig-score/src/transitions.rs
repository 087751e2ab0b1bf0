//! Transitions: occupations ranked for a person or for someone leaving an occupation, with two
//! scores kept apart and both explained.
//!
//! - **Relatedness** ([`Relatedness`]): how alike the skill requirements are (see
//!   [`crate::RelatednessWeights`]).
//! - **Reachability** ([`Reachability`]): what it takes to get there — the study hours and cost of
//!   the route [`Scorer::route`] would propose (essential gap, fewest hours), an NLQF step up,
//!   a shortage sector.
//!
//! The default order ([`RankBy::Combined`]) is `relatedness × (1 − w + w × reachability)` with
//! `w = transitions.reachability_weight`: relatedness leads, reachability adjusts. Other orders
//! rank by one part alone. Occupations that share nothing with the source (relatedness 0) are not
//! transitions and are never listed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use vaardig_core::ConceptKind;

use crate::credit::Holdings;
use crate::entry::{EntryPlan, EntryRequirement, EntryStatus};
use crate::error::ScoreError;
use crate::lang::{Lang, Named, amount, join_list, percent, plural};
use crate::profile::Profile;
use crate::relatedness::Relatedness;
use crate::rights::Person;
use crate::route::RouteOptions;
use crate::scorer::Scorer;

/// The order of a transition list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankBy {
    /// Relatedness adjusted by reachability (the default; see the module documentation).
    #[default]
    Combined,
    /// Relatedness alone.
    Relatedness,
    /// Reachability alone (highest first).
    Reachability,
    /// Fewest estimated study hours first.
    Hours,
    /// Lowest estimated cost first.
    Cost,
}

impl FromStr for RankBy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "combined" | "gecombineerd" => Ok(RankBy::Combined),
            "relatedness" | "verwantschap" => Ok(RankBy::Relatedness),
            "reachability" | "bereikbaarheid" => Ok(RankBy::Reachability),
            "hours" | "uren" => Ok(RankBy::Hours),
            "cost" | "kosten" => Ok(RankBy::Cost),
            other => Err(format!(
                "unknown order `{other}` (expected combined, relatedness, reachability, hours or cost)"
            )),
        }
    }
}

impl fmt::Display for RankBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RankBy::Combined => "combined",
            RankBy::Relatedness => "relatedness",
            RankBy::Reachability => "reachability",
            RankBy::Hours => "hours",
            RankBy::Cost => "cost",
        })
    }
}

/// Filters, order and limit of [`Scorer::transitions`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TransitionOptions {
    /// Only occupations in this sector (a sector id).
    pub sector: Option<String>,
    /// Only occupations in a shortage sector.
    pub shortage_only: bool,
    /// Only occupations whose estimated study hours are at most this many.
    pub max_gap_hours: Option<f64>,
    /// At most this many results.
    pub limit: Option<usize>,
    /// Keep the person's current occupation in the list.
    pub include_current: bool,
    /// The order of the list.
    pub rank_by: RankBy,
    /// Only these occupations (ids or full URIs); `None` for all. Only they are scored, so a
    /// small set costs little.
    pub only: Option<Vec<String>>,
}

/// What it takes to reach an occupation, and the score in `[0, 1]` it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reachability {
    /// The reachability in `[0, 1]`.
    pub score: f64,
    /// `1 / (1 + gap_hours / hours_scale)`.
    pub hours_term: f64,
    /// Subtracted for the NLQF levels the occupation lies above the person.
    pub nlqf_penalty: f64,
    /// Added for a shortage sector.
    pub shortage_bonus: f64,
    /// Study hours of the route's offers.
    pub route_hours: f64,
    /// Hours counted for the essential skills no offer teaches.
    pub untaught_hours: f64,
    /// Subtracted for the entry requirements no offer reaches.
    #[serde(default)]
    pub requirement_penalty: f64,
}

/// One occupation within reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transition {
    /// The occupation id.
    pub occupation: String,
    /// Its full concept URI, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Its Dutch label.
    pub label: String,
    /// Its English label.
    pub label_en: String,
    /// Its label in the scorer's third language, when it has one
    /// ([`Scorer::labelled_in`](crate::Scorer::labelled_in)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_other: Option<crate::OtherLabel>,
    /// The combined score in `[0, 1]`: relatedness adjusted by reachability.
    pub score: f64,
    /// How alike the skill requirements are, with its parts.
    pub relatedness: Relatedness,
    /// What it takes to get there, with its parts.
    pub reachability: Reachability,
    /// The gap score: weighted share of requirements held (see [`Gap`](crate::Gap)).
    pub coverage: f64,
    /// Estimated study hours: the route's hours plus the hours counted for untaught skills
    /// (the same estimate `route` gives for this occupation).
    pub gap_hours: f64,
    /// The route's cost in euros (untaught skills have no price).
    pub cost_eur: f64,
    /// The essential skills to study (credit below `route.target_below_credit`, or held below
    /// the required level), missing ones first.
    pub missing: Vec<Named>,
    /// Those of `missing` no offer teaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub untaught: Vec<Named>,
    /// The shared skills that count most for relatedness, largest first.
    pub drivers: Vec<Named>,
    /// Whether the occupation is in a shortage sector.
    pub shortage: bool,
    /// The occupation's typical NLQF level, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nlqf: Option<u8>,
    /// Typical NLQF level minus the person's (positive: a step up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nlqf_step: Option<i8>,
    /// The sector ids.
    pub sectors: Vec<String>,
    /// The entry requirements (diplomas, registrations, licences, a minimum NLQF level) and
    /// where the person stands on each; the hours above include the units that reach them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<EntryRequirement>,
}

impl Transition {
    /// The occupation's label to show with interface words in `lang` (as [`Named::label_in`]).
    pub fn label_in(&self, lang: Lang) -> &str {
        crate::lang::shown_label(lang, self.label_other.as_ref(), &self.label, &self.label_en)
    }

    /// A short explanation of both scores.
    pub fn explain(&self, lang: Lang) -> String {
        let mut out = headline(
            lang,
            self.label_in(lang),
            self.score,
            &self.relatedness.explain(lang),
            self.reachability.score,
            (self.gap_hours, self.cost_eur),
        );
        if let Some(step) = self.nlqf_step
            && step > 0
        {
            let n = f64::from(step);
            out.push_str(&match lang {
                Lang::Nl => format!(", {step} NLQF-{} hoger", plural(n, "niveau", "niveaus")),
                Lang::En => format!(", {step} NLQF {} up", plural(n, "level", "levels")),
            });
        }
        if self.shortage {
            out.push_str(lang.pick(", tekortsector", ", shortage sector"));
        }
        out.push_str(").");
        if !self.missing.is_empty() {
            let l: Vec<&str> = self.missing.iter().map(|n| n.label_in(lang)).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Te leren", "To learn"),
                join_list(lang, &l, 5)
            ));
        }
        let needed: Vec<String> = self
            .requirements
            .iter()
            .filter(|r| r.status != EntryStatus::Held)
            .map(|r| format!("{} ({})", r.what(lang), r.status.describe(lang)))
            .collect();
        if !needed.is_empty() {
            let l: Vec<&str> = needed.iter().map(String::as_str).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Vereist", "Required"),
                join_list(lang, &l, 4)
            ));
        }
        out
    }
}

/// The start of a transition's explanation, up to its open parenthesis: "label: score …;
/// relatedness …; reachability … (about … study hours, € …".
fn headline(
    lang: Lang,
    label: &str,
    score: f64,
    relatedness: &str,
    reachability: f64,
    (hours, cost): (f64, f64),
) -> String {
    let mut out = match lang {
        Lang::Nl => format!(
            "{label}: score {}; {relatedness}; bereikbaarheid {} (ongeveer {} studie-uur",
            percent(score),
            percent(reachability),
            amount(hours)
        ),
        Lang::En => format!(
            "{label}: score {}; {relatedness}; reachability {} (about {} study hours",
            percent(score),
            percent(reachability),
            amount(hours)
        ),
    };
    if cost > 0.0 {
        out.push_str(&format!(", {}", crate::rights::euros(lang, cost)));
    }
    out
}

/// The ranked transitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transitions {
    /// The occupation the ranking starts from, when it starts from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Named>,
    /// The order of the list.
    pub rank_by: RankBy,
    /// How many occupations passed the filters and share something with the source.
    pub considered: usize,
    /// The occupations, best first.
    pub items: Vec<Transition>,
}

impl Transitions {
    /// One line per occupation.
    pub fn explain(&self, lang: Lang) -> String {
        self.items
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}. {}", i + 1, t.explain(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One occupation of a ranking without its full explanation: the scores and what reaching it
/// takes, as [`Scorer::ranked_transitions`] gives them. The same occupation in
/// [`Scorer::transitions`] has the same score, relatedness, reachability, hours and cost, and
/// also says which skills drive the relatedness and which are missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedTransition {
    /// The occupation.
    pub occupation: Named,
    /// The combined score in `[0, 1]`: relatedness adjusted by reachability.
    pub score: f64,
    /// How alike the skill requirements are, in `[0, 1]` ([`Relatedness::score`]).
    pub relatedness: f64,
    /// What it takes to get there, with its parts.
    pub reachability: Reachability,
    /// Estimated study hours (as [`Transition::gap_hours`]).
    pub gap_hours: f64,
    /// The route's cost in euros (as [`Transition::cost_eur`]).
    pub cost_eur: f64,
    /// Whether the occupation is in a shortage sector.
    pub shortage: bool,
}

impl RankedTransition {
    /// A short explanation of the score, e.g. "verpleegkundige: score 61%; verwantschap 70%;
    /// bereikbaarheid 80% (ongeveer 120 studie-uur, € 450)".
    pub fn explain(&self, lang: Lang) -> String {
        let relatedness = match lang {
            Lang::Nl => format!("verwantschap {}", percent(self.relatedness)),
            Lang::En => format!("relatedness {}", percent(self.relatedness)),
        };
        let mut out = headline(
            lang,
            self.occupation.label_in(lang),
            self.score,
            &relatedness,
            self.reachability.score,
            (self.gap_hours, self.cost_eur),
        );
        out.push(')');
        out
    }
}

/// A ranking without full explanations ([`Scorer::ranked_transitions`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedTransitions {
    /// The occupation the ranking starts from, when it starts from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Named>,
    /// The order of the list.
    pub rank_by: RankBy,
    /// How many occupations passed the filters and share something with the source.
    pub considered: usize,
    /// The occupations, best first.
    pub items: Vec<RankedTransition>,
}

/// Where a ranking starts.
#[derive(Clone, Copy)]
enum Source {
    /// An occupation (dense index).
    Occupation(u32),
    /// A person.
    Person,
}

/// Reachability facts of one candidate, before labels.
struct Reach {
    parts: Reachability,
    hours: f64,
    cost: f64,
    entry: EntryPlan,
}

/// A candidate while ranking: reachability is computed only for those the order needs.
struct Scored {
    occ: u32,
    relatedness: f64,
    reach: Option<Reach>,
}

impl Scored {
    /// The combined score; an upper bound (relatedness) while reachability is unknown.
    fn combined(&self, w: f64) -> f64 {
        let r = self.reach.as_ref().map_or(1.0, |r| r.parts.score);
        self.relatedness * (1.0 - w + w * r)
    }
}

/// A listed candidate, with its reachability.
struct Ranked {
    occ: u32,
    relatedness: f64,
    reach: Reach,
}

impl Ranked {
    fn combined(&self, w: f64) -> f64 {
        self.relatedness * (1.0 - w + w * self.reach.parts.score)
    }
}

impl Scorer {
    /// Ranks occupations for `profile` (see the module documentation for the order).
    ///
    /// # Complexity
    /// The person's relatedness to every occupation through postings (only occupations sharing a
    /// capability are touched); a route for each candidate the order needs (for the default
    /// order only until no further candidate can enter the top `limit`); the essential gap (its score and the skills
    /// to study, not a full [`Gap`](crate::Gap)) for each listed occupation.
    ///
    /// # Ties
    /// Equal scores break by relatedness, then by occupation id.
    ///
    /// # Errors
    /// Unknown ids in the profile, or a `sector` that is not a sector.
    pub fn transitions(
        &self,
        profile: &Profile,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
        let holdings = self.holdings(profile)?;
        self.transitions_with(&holdings, options)
    }

    /// Ranks occupations for someone coming from occupation `from`: relatedness between the two
    /// occupations, reachability for someone holding `from`'s essential and important skills as
    /// work experience.
    ///
    /// # Errors
    /// When `from` is not an occupation, or `sector` is not a sector.
    pub fn transitions_from(
        &self,
        from: &str,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
        let occ = self.occupation_index(from)?;
        let holdings = self.occupation_holdings(occ);
        let mut t = self.rank(&holdings, Source::Occupation(occ), options)?;
        t.from = Some(self.occ_named(occ));
        Ok(t)
    }

    /// Ranks occupations for holdings already resolved with [`Scorer::holdings`].
    ///
    /// # Errors
    /// When `sector` is not a sector.
    pub fn transitions_with(
        &self,
        holdings: &Holdings,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
        self.rank(holdings, Source::Person, options)
    }

    /// The default-order ranking from occupation `a` as dense indices, without explanations
    /// (for evaluation and batches).
    pub(crate) fn ranked_from(
        &self,
        a: u32,
        options: &TransitionOptions,
    ) -> Result<Vec<u32>, ScoreError> {
        let holdings = self.occupation_holdings(a);
        let (chosen, _) = self.rank_scored(&holdings, Source::Occupation(a), options)?;
        Ok(chosen.iter().map(|s| s.occ).collect())
    }

    /// The same ranking as [`Scorer::transitions`] — the same occupations in the same order
    /// with the same scores, hours and costs — without the explanation of each (the skills that
    /// drive the relatedness, the skills to study, the entry requirements): for batches and
    /// evaluations that keep only the scores. It costs about half as much.
    ///
    /// ```
    /// use vaardig_core::generate::{generate, GeneratorConfig};
    /// use vaardig_score::{Scorer, TransitionOptions};
    ///
    /// let ontology = generate(&GeneratorConfig::small())?.ontology;
    /// let scorer = Scorer::with_defaults(&ontology);
    /// let options = TransitionOptions { limit: Some(5), ..TransitionOptions::default() };
    /// let full = scorer.transitions_from("occ:o00001", &options)?;
    /// let ranked = scorer.ranked_transitions_from("occ:o00001", &options)?;
    /// assert_eq!(full.items.len(), ranked.items.len());
    /// for (f, r) in full.items.iter().zip(&ranked.items) {
    ///     assert_eq!((f.occupation.as_str(), f.score), (&*r.occupation.id, r.score));
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Scorer::transitions`].
    pub fn ranked_transitions(
        &self,
        profile: &Profile,
        options: &TransitionOptions,
    ) -> Result<RankedTransitions, ScoreError> {
        let holdings = self.holdings(profile)?;
        self.rank_only(&holdings, Source::Person, options)
    }

    /// [`Scorer::transitions_from`] without the explanations (see
    /// [`Scorer::ranked_transitions`]).
    ///
    /// # Errors
    /// As [`Scorer::transitions_from`].
    pub fn ranked_transitions_from(
        &self,
        from: &str,
        options: &TransitionOptions,
    ) -> Result<RankedTransitions, ScoreError> {
        let occ = self.occupation_index(from)?;
        let holdings = self.occupation_holdings(occ);
        let mut t = self.rank_only(&holdings, Source::Occupation(occ), options)?;
        t.from = Some(self.occ_named(occ));
        Ok(t)
    }

    fn rank_only(
        &self,
        holdings: &Holdings,
        source: Source,
        options: &TransitionOptions,
    ) -> Result<RankedTransitions, ScoreError> {
        let (chosen, considered) = self.rank_scored(holdings, source, options)?;
        let w = self.config.transitions.reachability_weight;
        let items = chosen
            .into_iter()
            .map(|s| RankedTransition {
                occupation: self.occ_named(s.occ),
                score: s.combined(w),
                relatedness: s.relatedness,
                gap_hours: s.reach.hours,
                cost_eur: s.reach.cost,
                shortage: self.occ_shortage[s.occ as usize],
                reachability: s.reach.parts,
            })
            .collect();
        Ok(RankedTransitions {
            from: None,
            rank_by: options.rank_by,
            considered,
            items,
        })
    }

    fn rank(
        &self,
        holdings: &Holdings,
        source: Source,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
        let (chosen, considered) = self.rank_scored(holdings, source, options)?;
        let w = self.config.transitions.reachability_weight;
        let source_bits = match source {
            Source::Occupation(a) if !chosen.is_empty() => self.requirement_bits(a),
            _ => Vec::new(),
        };
        let items = chosen
            .iter()
            .map(|s| self.transition_item(holdings, source, &source_bits, s, w))
            .collect();
        Ok(Transitions {
            from: None,
            rank_by: options.rank_by,
            considered,
            items,
        })
    }

    /// The ranked candidates (at most `limit`) and how many were considered.
    fn rank_scored(
        &self,
        holdings: &Holdings,
        source: Source,
        options: &TransitionOptions,
    ) -> Result<(Vec<Ranked>, usize), ScoreError> {
        let sector = match &options.sector {
            None => None,
            Some(id) => {
                let ix = self
                    .ontology
                    .index_of(id)
                    .ok_or_else(|| ScoreError::UnknownId { id: id.clone() })?;
                if self.ontology.concept(ix).kind() != ConceptKind::Sector {
                    return Err(ScoreError::NotASector { id: id.clone() });
                }
                Some(ix)
            }
        };
        let only: Option<Vec<u32>> = match &options.only {
            None => None,
            Some(ids) => {
                let mut dense = ids
                    .iter()
                    .map(|id| self.occupation_index(id))
                    .collect::<Result<Vec<u32>, ScoreError>>()?;
                dense.sort_unstable();
                dense.dedup();
                Some(dense)
            }
        };
        let person_rel;
        let relatedness: RelRow<'_> = match source {
            Source::Occupation(a) => RelRow::Pairs(self.relatedness_row(a)),
            Source::Person => {
                person_rel = self.relatedness_all(holdings);
                RelRow::Person(&person_rel)
            }
        };
        let skip = match source {
            Source::Occupation(a) => Some(a),
            Source::Person => holdings.current_occupation,
        };
        // (relatedness, occupation) of every candidate, best first. Most occupations share
        // nothing with the source: they are skipped first, in one pass over the row.
        let order = relatedness.best_first(|o| {
            (options.include_current || skip != Some(o))
                && (!options.shortage_only || self.occ_shortage[o as usize])
                && sector.is_none_or(|s| self.occ_sectors.row(o as usize).contains(&s))
                && only
                    .as_ref()
                    .is_none_or(|set| set.binary_search(&o).is_ok())
        });
        let considered_all = order.keys.len();
        let scored = |&(relatedness, occ): &(f64, u32)| Scored {
            occ,
            relatedness,
            reach: None,
        };
        let limit = options.limit.unwrap_or(usize::MAX);
        let w = self.config.transitions.reachability_weight;
        let person = Person {
            age: None,
            nlqf: holdings.nlqf.and_then(vaardig_core::Nlqf::new),
            used_eur: 0.0,
        };
        let reach_of = |s: &mut Scored| -> Result<(), ScoreError> {
            if s.reach.is_none() {
                s.reach = Some(self.reach(holdings, &person, s.occ)?);
            }
            Ok(())
        };
        let needs_all = options.max_gap_hours.is_some()
            || !matches!(options.rank_by, RankBy::Combined | RankBy::Relatedness);
        let mut considered = considered_all;
        let chosen: Vec<Scored> = if needs_all {
            let mut cands: Vec<Scored> = order.map(|o| scored(&o)).collect();
            for s in &mut cands {
                reach_of(s)?;
            }
            if let Some(max) = options.max_gap_hours {
                cands.retain(|s| s.reach.as_ref().is_some_and(|r| r.hours <= max));
                considered = cands.len();
            }
            cands
        } else if options.rank_by == RankBy::Relatedness {
            // Reachability is computed below, for the listed ones only.
            order.take(limit).map(|o| scored(&o)).collect()
        } else {
            // Combined: the score never exceeds relatedness, so once the next relatedness is
            // below the `limit`-th combined score nothing further can enter.
            let mut kept: Vec<Scored> = Vec::new();
            let mut best: Vec<f64> = Vec::with_capacity(limit.min(1024) + 1);
            let mut kth = f64::NEG_INFINITY;
            // Most candidates are never looked at: they are never sorted either.
            for mut s in order.map(|o| scored(&o)) {
                if limit == 0 {
                    break;
                }
                if kept.len() >= limit && s.relatedness < kth {
                    break;
                }
                reach_of(&mut s)?;
                // The best `limit` combined scores so far, best first.
                let c = s.combined(w);
                let at = best.partition_point(|&b| b >= c);
                if at < limit {
                    best.insert(at, c);
                    best.truncate(limit);
                }
                kept.push(s);
                if best.len() >= limit {
                    kth = best[limit - 1];
                }
            }
            kept
        };
        let mut ranked = chosen
            .into_iter()
            .map(|s| {
                let reach = match s.reach {
                    Some(r) => r,
                    None => self.reach(holdings, &person, s.occ)?,
                };
                Ok(Ranked {
                    occ: s.occ,
                    relatedness: s.relatedness,
                    reach,
                })
            })
            .collect::<Result<Vec<Ranked>, ScoreError>>()?;
        ranked.sort_by(|a, b| {
            let primary = match options.rank_by {
                RankBy::Combined => b.combined(w).total_cmp(&a.combined(w)),
                RankBy::Relatedness => std::cmp::Ordering::Equal,
                RankBy::Reachability => b.reach.parts.score.total_cmp(&a.reach.parts.score),
                RankBy::Hours => a.reach.hours.total_cmp(&b.reach.hours),
                RankBy::Cost => a.reach.cost.total_cmp(&b.reach.cost),
            };
            primary
                .then(b.relatedness.total_cmp(&a.relatedness))
                .then(a.occ.cmp(&b.occ))
        });
        ranked.truncate(limit);
        Ok((ranked, considered))
    }

    /// Reachability of `occ` from `holdings`: the route estimate, NLQF step and shortage.
    fn reach(&self, holdings: &Holdings, person: &Person, occ: u32) -> Result<Reach, ScoreError> {
        let cfg = &self.config.transitions;
        let plan = self.plan_at(holdings, person, occ, &RouteOptions::default())?;
        let untaught_hours = cfg.untaught_skill_hours * plan.untaught() as f64;
        // `+ 0.0` turns an empty sum's −0 into 0, so JSON never says "-0.0".
        let route_hours = plan.total_hours + 0.0;
        let route_cost = plan.total_cost_eur + 0.0;
        let hours = route_hours + untaught_hours;
        let hours_term = 1.0 / (1.0 + hours / cfg.hours_scale);
        let step = match (self.occ_nlqf[occ as usize], holdings.nlqf) {
            (Some(o), Some(p)) => f64::from(o.saturating_sub(p)),
            _ => 0.0,
        };
        let nlqf_penalty = cfg.nlqf_step_penalty * step;
        let shortage_bonus = if self.occ_shortage[occ as usize] {
            cfg.shortage_boost
        } else {
            0.0
        };
        let requirement_penalty = cfg.missing_requirement_penalty * plan.entry.missing() as f64;
        let score =
            (hours_term - nlqf_penalty - requirement_penalty + shortage_bonus).clamp(0.0, 1.0);
        Ok(Reach {
            parts: Reachability {
                score,
                hours_term,
                nlqf_penalty,
                shortage_bonus,
                route_hours,
                untaught_hours,
                requirement_penalty,
            },
            hours,
            cost: route_cost,
            entry: plan.entry,
        })
    }

    /// One ranked target explained; `source_bits` are the source occupation's requirements
    /// (see [`Scorer::requirement_bits`]; empty for a person).
    fn transition_item(
        &self,
        holdings: &Holdings,
        source: Source,
        source_bits: &[u64],
        s: &Ranked,
        w: f64,
    ) -> Transition {
        let threshold = self.config.route.target_below_credit;
        let gap = self.gap_summary(holdings, s.occ, threshold);
        let missing: Vec<Named> = gap.to_study.iter().map(|&c| self.cap_named(c)).collect();
        let untaught = gap
            .to_study
            .iter()
            .filter(|&&c| self.teachers.row(c as usize).is_empty())
            .map(|&c| self.cap_named(c))
            .collect();
        let relatedness = match source {
            Source::Occupation(a) => self.pair_relatedness(a, source_bits, s.occ, s.relatedness),
            Source::Person => self.person_relatedness(holdings, s.occ, s.relatedness),
        };
        let occ_nlqf = self.occ_nlqf[s.occ as usize];
        let occupation = self.occ_named(s.occ);
        Transition {
            occupation: occupation.id.to_string(),
            uri: occupation.uri.as_deref().map(str::to_owned),
            label: occupation.label.to_string(),
            label_en: occupation.label_en.to_string(),
            label_other: occupation.label_other.clone(),
            score: s.combined(w),
            drivers: relatedness.shared.clone(),
            relatedness,
            reachability: s.reach.parts.clone(),
            coverage: gap.score,
            gap_hours: s.reach.hours,
            cost_eur: s.reach.cost,
            missing,
            untaught,
            shortage: self.occ_shortage[s.occ as usize],
            nlqf: occ_nlqf,
            nlqf_step: match (occ_nlqf, holdings.nlqf) {
                (Some(o), Some(p)) => Some(o as i8 - p as i8),
                _ => None,
            },
            sectors: self
                .occ_sectors
                .row(s.occ as usize)
                .iter()
                .map(|&x| self.ontology.concept(x).id.clone())
                .collect(),
            requirements: self.describe_entry(&s.reach.entry),
        }
    }
}

/// `(relatedness, occupation)` pairs best first (highest relatedness, then lowest index),
/// lazily: a ranking looks at a few dozen of some thousands, so they are selected a chunk at a
/// time (a linear selection, then a sort of the chunk) rather than all sorted or heaped.
///
/// Each pair is one integer key, total and deterministic: relatedness is positive, so its bits
/// order as the number does, and the low half is the reversed index.
struct BestFirst {
    keys: Vec<u128>,
    /// `keys[..sorted]` are the best ones, sorted best first; the rest are in no order.
    sorted: usize,
    /// The next key to yield.
    next: usize,
}

impl BestFirst {
    /// The first chunk; each later one is twice as large.
    const FIRST_CHUNK: usize = 32;

    fn key(r: f64, o: u32) -> u128 {
        (u128::from(r.to_bits()) << 32) | u128::from(u32::MAX - o)
    }
}

impl Iterator for BestFirst {
    type Item = (f64, u32);

    fn next(&mut self) -> Option<(f64, u32)> {
        if self.next == self.sorted {
            let rest = self.keys.get_mut(self.sorted..)?;
            if rest.is_empty() {
                return None;
            }
            let chunk = Self::FIRST_CHUNK.max(self.sorted).min(rest.len());
            let best_first = |a: &u128, b: &u128| b.cmp(a);
            if chunk < rest.len() {
                rest.select_nth_unstable_by(chunk - 1, best_first);
            }
            rest[..chunk].sort_unstable_by(best_first);
            self.sorted += chunk;
        }
        let k = *self.keys.get(self.next)?;
        self.next += 1;
        // Both halves fit by construction: the high bits are an f64, the low ones a u32.
        let bits = u64::try_from(k >> 32).unwrap_or_default();
        let o = u32::MAX - u32::try_from(k & u128::from(u32::MAX)).unwrap_or_default();
        Some((f64::from_bits(bits), o))
    }
}

/// Relatedness of one source to every occupation.
enum RelRow<'a> {
    /// A row of the occupation matrix.
    Pairs(&'a [f32]),
    /// A person's values.
    Person(&'a [f64]),
}

impl RelRow<'_> {
    /// Every occupation with a positive relatedness that `keep` accepts, best first (one pass
    /// over the row, then lazily; see [`BestFirst`]).
    fn best_first(&self, keep: impl Fn(u32) -> bool) -> BestFirst {
        fn collect<T: Copy>(
            row: &[T],
            value: impl Fn(T) -> f64,
            keep: impl Fn(u32) -> bool,
        ) -> Vec<u128> {
            let mut out = Vec::with_capacity(row.len());
            for (&v, o) in row.iter().zip(0u32..) {
                let v = value(v);
                if v > 0.0 && keep(o) {
                    out.push(BestFirst::key(v, o));
                }
            }
            out
        }
        let keys = match self {
            RelRow::Pairs(r) => collect(r, f64::from, keep),
            RelRow::Person(r) => collect(r, |v| v, keep),
        };
        BestFirst {
            keys,
            sorted: 0,
            next: 0,
        }
    }
}

/// Where one ranking of a batch starts.
#[derive(Debug, Clone, PartialEq)]
pub enum TransitionSource {
    /// An occupation id (or full URI).
    Occupation(String),
    /// A person.
    Profile(Profile),
}

impl Scorer {
    /// Ranks transitions for many sources at once, on every available core; the answers come
    /// back in input order, one result per source (a bad source does not stop the others).
    ///
    /// ```
    /// use vaardig_core::generate::{generate, GeneratorConfig};
    /// use vaardig_score::{Scorer, TransitionOptions, TransitionSource};
    ///
    /// let ontology = generate(&GeneratorConfig::small())?.ontology;
    /// let scorer = Scorer::with_defaults(&ontology);
    /// let sources = vec![
    ///     TransitionSource::Occupation("occ:o00001".into()),
    ///     TransitionSource::Occupation("occ:none".into()),
    /// ];
    /// let answers = scorer.transitions_batch(&sources, &TransitionOptions::default());
    /// assert!(answers[0].is_ok() && answers[1].is_err());
    /// # Ok::<(), vaardig_core::OntologyError>(())
    /// ```
    pub fn transitions_batch(
        &self,
        sources: &[TransitionSource],
        options: &TransitionOptions,
    ) -> Vec<Result<Transitions, ScoreError>> {
        self.per_source(sources, |s| match s {
            TransitionSource::Occupation(id) => self.transitions_from(id, options),
            TransitionSource::Profile(p) => self.transitions(p, options),
        })
    }

    /// [`Scorer::transitions_batch`] without the explanations (see
    /// [`Scorer::ranked_transitions`]): the same rankings at about half the cost.
    pub fn ranked_transitions_batch(
        &self,
        sources: &[TransitionSource],
        options: &TransitionOptions,
    ) -> Vec<Result<RankedTransitions, ScoreError>> {
        self.per_source(sources, |s| match s {
            TransitionSource::Occupation(id) => self.ranked_transitions_from(id, options),
            TransitionSource::Profile(p) => self.ranked_transitions(p, options),
        })
    }

    /// `one` for every source, on every available core, in input order.
    fn per_source<T: Send>(
        &self,
        sources: &[TransitionSource],
        one: impl Fn(&TransitionSource) -> Result<T, ScoreError> + Sync,
    ) -> Vec<Result<T, ScoreError>> {
        if sources
            .iter()
            .any(|s| matches!(s, TransitionSource::Occupation(_)))
        {
            // Build the shared occupation matrix once, before the workers start.
            let _ = self.pair_matrix();
        }
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(sources.len().max(1));
        if workers <= 1 {
            return sources.iter().map(one).collect();
        }
        let chunk = sources.len().div_ceil(workers);
        let one = &one;
        std::thread::scope(|scope| {
            let handles: Vec<_> = sources
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    // ok: a worker only panics if scoring panics, which it never does on input;
                    // the panic is passed on rather than hidden.
                    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
                })
                .collect()
        })
    }
}
