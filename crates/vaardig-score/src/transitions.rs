//! Transitions: every occupation ranked by how reachable it is from a person or an occupation.
//!
//! Per occupation: the gap score (coverage), the study hours needed to close the essential gap
//! (a greedy cover by the offers that teach it; skills no offer teaches count
//! `transitions.untaught_skill_hours` each), a boost for shortage sectors and a penalty per NLQF
//! level up. See [`crate::config::TransitionWeights`] for the formula.

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, Importance};

use crate::credit::{Credit, Holdings};
use crate::error::ScoreError;
use crate::gap::Gap;
use crate::lang::{Lang, Named, amount, join_list, percent};
use crate::profile::Profile;
use crate::scorer::{NONE, Scorer};

/// Filters and limits of [`Scorer::transitions`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TransitionOptions {
    /// Only occupations in this sector (a sector id).
    pub sector: Option<String>,
    /// Only occupations in a shortage sector.
    pub shortage_only: bool,
    /// Only occupations whose essential gap takes at most this many hours.
    pub max_gap_hours: Option<f64>,
    /// At most this many results.
    pub limit: Option<usize>,
    /// Keep the person's current occupation in the list.
    pub include_current: bool,
}

/// One occupation within reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    /// The occupation id.
    pub occupation: String,
    /// Its Dutch label.
    pub label: String,
    /// Its English label.
    pub label_en: String,
    /// The reachability score in `[0, 1]` the list is sorted by.
    pub score: f64,
    /// The gap score: weighted share of requirements held (see [`Gap`]).
    pub coverage: f64,
    /// Estimated study hours to close the essential gap.
    pub gap_hours: f64,
    /// The essential skills to study (credit below `route.target_below_credit`, or held below
    /// the required level), missing ones first.
    pub missing: Vec<Named>,
    /// Those of `missing` no offer teaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub untaught: Vec<Named>,
    /// The held skills that contribute most, largest first.
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
}

impl Transition {
    /// A short explanation of why the occupation is within reach.
    pub fn explain(&self, lang: Lang) -> String {
        let label = lang.pick(&self.label, &self.label_en);
        let names = |v: &[Named], max| {
            let l: Vec<&str> = v.iter().map(|n| n.label_in(lang)).collect();
            join_list(lang, &l, max)
        };
        let mut out = match lang {
            Lang::Nl => format!(
                "{label}: score {}, aansluiting {}, ongeveer {} studie-uur om de essentiële kloof te dichten.",
                percent(self.score),
                percent(self.coverage),
                amount(self.gap_hours)
            ),
            Lang::En => format!(
                "{label}: score {}, fit {}, about {} study hours to close the essential gap.",
                percent(self.score),
                percent(self.coverage),
                amount(self.gap_hours)
            ),
        };
        if !self.drivers.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Sterk door", "Driven by"),
                names(&self.drivers, 4)
            ));
        }
        if !self.missing.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Te leren", "To learn"),
                names(&self.missing, 5)
            ));
        }
        if self.shortage {
            out.push_str(lang.pick(" Tekortsector.", " Shortage sector."));
        }
        if let Some(step) = self.nlqf_step
            && step > 0
        {
            out.push_str(&match lang {
                Lang::Nl => format!(" {step} NLQF-niveau(s) hoger."),
                Lang::En => format!(" {step} NLQF level(s) up."),
            });
        }
        out
    }
}

/// The ranked transitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transitions {
    /// The occupation the ranking starts from, when it starts from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Named>,
    /// How many occupations passed the filters (before the limit).
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

/// Scratch space reused across occupations.
struct Scratch {
    /// Capability → position in the current target list (or `u8::MAX`).
    pos: Vec<u8>,
    /// Offer → generation it was last seen in.
    seen: Vec<u32>,
    generation: u32,
    cands: Vec<(u64, f64, u32)>,
}

/// Pass-1 facts of one occupation.
struct Pre {
    occ: u32,
    coverage: f64,
    /// Range of its essential skills to study in the shared list.
    gap: std::ops::Range<usize>,
    /// The best score it could reach (at zero study hours).
    bound: f64,
}

/// A fast per-occupation result, before labels.
struct Quick {
    occ: u32,
    score: f64,
    coverage: f64,
    gap_hours: f64,
}

impl Scorer {
    /// Ranks every occupation by reachability from `profile`.
    ///
    /// # Complexity
    /// O(requirements of all occupations × log entries) plus a small greedy cover per occupation;
    /// then a full [`Gap`] for each listed occupation.
    ///
    /// # Ties
    /// Equal scores break by occupation id.
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

    /// Ranks every occupation by reachability for someone coming from occupation `from` (holding
    /// its essential and important skills as work experience).
    pub fn transitions_from(
        &self,
        from: &str,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
        let occ = self.occupation_index(from)?;
        let holdings = self.occupation_holdings(occ);
        let mut t = self.transitions_with(&holdings, options)?;
        t.from = Some(self.occ_named(occ));
        Ok(t)
    }

    /// Ranks occupations for holdings already resolved.
    pub fn transitions_with(
        &self,
        holdings: &Holdings,
        options: &TransitionOptions,
    ) -> Result<Transitions, ScoreError> {
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
        let starts = holdings.dense_starts(self.caps.len());
        let mut scratch = Scratch {
            pos: vec![u8::MAX; self.caps.len()],
            seen: vec![0; self.offers.len()],
            generation: 0,
            cands: Vec::new(),
        };
        // Pass 1: coverage and essential gap of every occupation that passes the filters.
        let mut pre: Vec<Pre> = Vec::new();
        let mut gaps: Vec<u32> = Vec::new();
        for occ in 0..self.occs.len() as u32 {
            if !options.include_current && holdings.current_occupation == Some(occ) {
                continue;
            }
            let o = occ as usize;
            if options.shortage_only && !self.occ_shortage[o] {
                continue;
            }
            if let Some(s) = sector
                && !self.occ_sectors.row(o).contains(&s)
            {
                continue;
            }
            let start = gaps.len();
            let coverage = self.coverage(holdings, &starts, occ, &mut gaps);
            let least_hours = self.least_hours(&gaps[start..]);
            pre.push(Pre {
                occ,
                coverage,
                gap: start..gaps.len(),
                // The score at the fewest hours any cover could take: it cannot score higher.
                bound: self.reach_score(occ, coverage, least_hours, holdings.nlqf),
            });
        }
        // Pass 2: study hours, best bound first. Without an hours filter, stop once no remaining
        // bound can reach the `limit`-th score (the score falls as hours rise, so the result is
        // the same as scoring everything).
        pre.sort_by(|a, b| b.bound.total_cmp(&a.bound).then(a.occ.cmp(&b.occ)));
        let prune = options.max_gap_hours.is_none();
        let limit = options.limit.unwrap_or(usize::MAX);
        let mut quick: Vec<Quick> = Vec::new();
        let mut kth = f64::NEG_INFINITY;
        for p in &pre {
            if prune && quick.len() >= limit && p.bound < kth {
                break;
            }
            let gap_hours = self.cover_hours(&gaps[p.gap.clone()], holdings, &mut scratch);
            if options.max_gap_hours.is_some_and(|m| gap_hours > m) {
                continue;
            }
            quick.push(Quick {
                occ: p.occ,
                score: self.reach_score(p.occ, p.coverage, gap_hours, holdings.nlqf),
                coverage: p.coverage,
                gap_hours,
            });
            if prune && quick.len() >= limit {
                quick.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.occ.cmp(&b.occ)));
                quick.truncate(limit);
                kth = quick.last().map_or(f64::NEG_INFINITY, |q| q.score);
            }
        }
        let considered = if prune { pre.len() } else { quick.len() };
        quick.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.occ.cmp(&b.occ)));
        quick.truncate(limit);
        let items = quick
            .iter()
            .map(|q| self.transition_item(holdings, q))
            .collect();
        Ok(Transitions {
            from: None,
            considered,
            items,
        })
    }

    /// The gap score of `occ`, pushing its essential skills to study onto `gap`.
    fn coverage(&self, holdings: &Holdings, starts: &[u32], occ: u32, gap: &mut Vec<u32>) -> f64 {
        let reqs = self.requires.row(occ as usize);
        let threshold = self.config.route.target_below_credit;
        let mut total = 0.0;
        let mut got = 0.0;
        for r in reqs {
            total += r.weight;
            let best = self.best_credit(holdings, holdings.entries_at(starts, r.cap), r.level);
            got += r.weight * best.map_or(0.0, |c| c.credit);
            if r.importance == Importance::Essential
                && Credit::needs_study(best.as_ref(), threshold)
            {
                gap.push(r.cap);
            }
        }
        if total > 0.0 {
            (got / total).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// A lower bound on [`Scorer::cover_hours`] for `gap`: every skill costs at least the
    /// smallest per-skill share of an offer teaching it, and the cover at least the dearest
    /// single skill's cheapest offer (each capped at the hours counted for an untaught skill).
    fn least_hours(&self, gap: &[u32]) -> f64 {
        let untaught = self.config.transitions.untaught_skill_hours;
        let (mut sum, mut max) = (0.0f64, 0.0f64);
        for &c in gap {
            let c = c as usize;
            sum += self.cap_amort_hours[c].min(untaught);
            max = max.max(self.cap_min_hours[c].min(untaught));
        }
        sum.max(max)
    }

    fn reach_score(&self, occ: u32, coverage: f64, gap_hours: f64, nlqf: Option<u8>) -> f64 {
        let w = &self.config.transitions;
        let step = match (self.occ_nlqf[occ as usize], nlqf) {
            (Some(o), Some(p)) => f64::from(o.saturating_sub(p)),
            _ => 0.0,
        };
        let base = w.coverage_weight * coverage
            + w.hours_weight / (1.0 + gap_hours / w.hours_scale)
            - w.nlqf_step_penalty * step;
        let boosted = if self.occ_shortage[occ as usize] {
            base.clamp(0.0, 1.0) * (1.0 + w.shortage_boost)
        } else {
            base
        };
        boosted.clamp(0.0, 1.0)
    }

    /// Greedy cover of `gap` by hours: the offer with the most uncovered gap skills per hour,
    /// repeatedly. Completed offers are skipped; gap skills nobody teaches cost a fixed amount.
    fn cover_hours(&self, gap: &[u32], holdings: &Holdings, s: &mut Scratch) -> f64 {
        let untaught_hours = self.config.transitions.untaught_skill_hours;
        if gap.is_empty() {
            return 0.0;
        }
        let mut hours = 0.0;
        // Skills beyond the 64 a mask holds are costed one by one by their cheapest offer.
        let (masked, rest) = gap.split_at(gap.len().min(64));
        for &cap in rest {
            hours += self
                .teachers
                .row(cap as usize)
                .iter()
                .filter(|o| holdings.completed.binary_search(o).is_err())
                .map(|&o| self.offer_info[o as usize].hours)
                .min_by(f64::total_cmp)
                .unwrap_or(untaught_hours);
        }
        for (i, &cap) in masked.iter().enumerate() {
            s.pos[cap as usize] = i as u8;
        }
        s.generation = s.generation.wrapping_add(1);
        if s.generation == 0 {
            s.seen.iter_mut().for_each(|g| *g = NONE);
            s.generation = 1;
        }
        s.cands.clear();
        let mut coverable = 0u64;
        for &cap in masked {
            for &o in self.teachers.row(cap as usize) {
                if s.seen[o as usize] == s.generation
                    || holdings.completed.binary_search(&o).is_ok()
                {
                    continue;
                }
                s.seen[o as usize] = s.generation;
                let mut mask = 0u64;
                for t in self.teaches.row(o as usize) {
                    let p = s.pos[t.cap as usize];
                    if p != u8::MAX {
                        mask |= 1 << p;
                    }
                }
                coverable |= mask;
                s.cands.push((mask, self.offer_info[o as usize].hours, o));
            }
        }
        for &cap in masked {
            s.pos[cap as usize] = u8::MAX;
        }
        hours += untaught_hours * f64::from((masked.len() as u32) - coverable.count_ones());
        let mut uncovered = coverable;
        while uncovered != 0 {
            let mut best: Option<(f64, f64, u32, u64)> = None;
            for &(mask, h, o) in &s.cands {
                let n = (mask & uncovered).count_ones();
                if n == 0 {
                    continue;
                }
                let ratio = f64::from(n) / h.max(1e-9);
                let better = match best {
                    None => true,
                    Some((br, bh, bo, _)) => {
                        ratio > br || (ratio == br && (h < bh || (h == bh && o < bo)))
                    }
                };
                if better {
                    best = Some((ratio, h, o, mask));
                }
            }
            let Some((_, h, _, mask)) = best else { break };
            hours += h;
            uncovered &= !mask;
        }
        hours
    }

    fn transition_item(&self, holdings: &Holdings, q: &Quick) -> Transition {
        let gap: Gap = self.gap_dense(holdings, q.occ);
        let threshold = self.config.route.target_below_credit;
        let missing: Vec<Named> = gap
            .missing
            .iter()
            .chain(&gap.partial)
            .chain(&gap.matched)
            .filter(|m| m.importance == Importance::Essential && needs_study(m, threshold))
            .map(|m| m.skill.clone())
            .collect();
        let untaught = missing
            .iter()
            .filter(|n| {
                self.cap_index(&n.id)
                    .is_some_and(|c| self.teachers.row(c as usize).is_empty())
            })
            .cloned()
            .collect();
        // Drivers: what the person already holds well enough not to study (so never also listed
        // in `missing`).
        let mut drivers: Vec<&crate::gap::SkillMatch> = gap
            .matched
            .iter()
            .chain(&gap.partial)
            .filter(|m| !needs_study(m, threshold))
            .collect();
        drivers.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then(a.skill.id.cmp(&b.skill.id))
        });
        let occ_nlqf = self.occ_nlqf[q.occ as usize];
        Transition {
            occupation: gap.occupation.id.to_string(),
            label: gap.occupation.label.to_string(),
            label_en: gap.occupation.label_en.to_string(),
            score: q.score,
            coverage: q.coverage,
            gap_hours: q.gap_hours,
            missing,
            untaught,
            drivers: drivers.iter().take(5).map(|m| m.skill.clone()).collect(),
            shortage: self.occ_shortage[q.occ as usize],
            nlqf: occ_nlqf,
            nlqf_step: match (occ_nlqf, holdings.nlqf) {
                (Some(o), Some(p)) => Some(o as i8 - p as i8),
                _ => None,
            },
            sectors: self
                .occ_sectors
                .row(q.occ as usize)
                .iter()
                .map(|&s| self.ontology.concept(s).id.clone())
                .collect(),
        }
    }
}

/// [`Credit::needs_study`] for a requirement already in a [`Gap`].
fn needs_study(m: &crate::gap::SkillMatch, threshold: f64) -> bool {
    m.credit < threshold || m.via.as_ref().is_some_and(|v| v.level_factor < 1.0)
}
