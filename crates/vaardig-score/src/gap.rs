//! The gap between one person and one occupation: a score in `[0, 1]` and, per required skill,
//! what the person holds towards it and what that contributes.

use serde::{Deserialize, Serialize};
use vaardig_core::Importance;

use crate::credit::{Credit, Holdings, MatchKind};
use crate::error::ScoreError;
use crate::lang::{Lang, Named, join_list, percent};
use crate::profile::{Evidence, Profile};
use crate::scorer::{Req, Scorer};

/// What in the profile gave credit to a requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Via {
    /// The held skill.
    pub skill: Named,
    /// How it relates to the required skill.
    #[serde(flatten)]
    pub relation: MatchKind,
    /// The level the person holds it at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_level: Option<u8>,
    /// The evidence for it.
    pub evidence: Evidence,
    /// Whether it was validated.
    pub validated: bool,
    /// The factor the level shortfall left (1 when the level is met).
    pub level_factor: f64,
}

/// One requirement of the occupation and how the person meets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillMatch {
    /// The required skill.
    pub skill: Named,
    /// How much the occupation needs it.
    pub importance: Importance,
    /// The required level, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_level: Option<u8>,
    /// The importance weight.
    pub weight: f64,
    /// The person's credit for it, in `[0, 1]`.
    pub credit: f64,
    /// `weight × credit / total weight`: what it adds to the score.
    pub contribution: f64,
    /// `weight × (1 − credit) / total weight`: what the score misses through it.
    pub shortfall: f64,
    /// What gave the credit (absent for missing skills).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
}

/// The gap between a profile and an occupation.
///
/// `score = Σ weight × credit / Σ weight` over the occupation's requirements, where `weight` is
/// the importance weight and `credit` is evidence weight × hierarchy factor × level factor of the
/// best held skill (see [`crate::ScoringConfig`]). An occupation without requirements scores 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gap {
    /// The occupation.
    pub occupation: Named,
    /// The score in `[0, 1]`.
    pub score: f64,
    /// The share of essential requirements fully matched (same skill, level met).
    pub essential_coverage: f64,
    /// Requirements the person has nothing towards: essential first, then by weight, then by id.
    pub missing: Vec<SkillMatch>,
    /// Requirements met partly (a near skill, or a level shortfall), largest shortfall first
    /// within each importance.
    pub partial: Vec<SkillMatch>,
    /// Requirements fully matched, by importance then id.
    pub matched: Vec<SkillMatch>,
    /// Attitudes the occupation asks for that the profile does not show (betrouwbaarheid,
    /// inlevingsvermogen): not taught by a course and given no study hours, but developed and
    /// assessed in conversation. They count in `score`; they are not in `missing` or
    /// `partial`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_discuss: Vec<SkillMatch>,
}

impl Gap {
    /// The essential requirements that are not fully matched (missing first, then partial).
    pub fn essential_gap(&self) -> impl Iterator<Item = &SkillMatch> {
        self.missing
            .iter()
            .chain(&self.partial)
            .filter(|m| m.importance == Importance::Essential)
    }

    /// A short explanation listing the skills that drove the score.
    pub fn explain(&self, lang: Lang) -> String {
        let occ = self.occupation.label_in(lang);
        let labels = |items: &[&SkillMatch]| -> Vec<String> {
            items
                .iter()
                .map(|m| m.skill.label_in(lang).to_owned())
                .collect()
        };
        let list = |v: &[String], max| {
            let refs: Vec<&str> = v.iter().map(String::as_str).collect();
            join_list(lang, &refs, max)
        };
        let mut out = match lang {
            Lang::Nl => format!(
                "Aansluiting op {occ}: {} (essentiële vaardigheden volledig aanwezig: {}).",
                percent(self.score),
                percent(self.essential_coverage)
            ),
            Lang::En => format!(
                "Fit for {occ}: {} (essential skills fully held: {}).",
                percent(self.score),
                percent(self.essential_coverage)
            ),
        };
        let ess_missing: Vec<&SkillMatch> = self
            .missing
            .iter()
            .filter(|m| m.importance == Importance::Essential)
            .collect();
        if !ess_missing.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Ontbreekt (essentieel)", "Missing (essential)"),
                list(&labels(&ess_missing), 6)
            ));
        }
        let other_missing: Vec<&SkillMatch> = self
            .missing
            .iter()
            .filter(|m| m.importance != Importance::Essential)
            .collect();
        if !other_missing.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Ontbreekt verder", "Also missing"),
                list(&labels(&other_missing), 4)
            ));
        }
        if !self.partial.is_empty() {
            let parts: Vec<String> = self.partial.iter().map(|m| m.describe(lang)).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Deels aanwezig", "Partly held"),
                list(&parts, 5)
            ));
        }
        if !self.to_discuss.is_empty() {
            let refs: Vec<&SkillMatch> = self.to_discuss.iter().collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick(
                    "Te bespreken in gesprek (houding, geen cursus)",
                    "To discuss in conversation (attitude, not a course)"
                ),
                list(&labels(&refs), 6)
            ));
        }
        if !self.matched.is_empty() {
            let held: Vec<String> = self.matched.iter().map(|m| m.describe(lang)).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Aanwezig", "Held"),
                list(&held, 6)
            ));
        }
        out
    }
}

impl SkillMatch {
    /// The skill's label with how it is held: `wondzorg (via decubituszorg)` for a near skill,
    /// `afrekenen (heeft niveau 2, gevraagd 3)` for a level shortfall, else the label alone.
    pub fn describe(&self, lang: Lang) -> String {
        let label = self.skill.label_in(lang);
        let Some(v) = &self.via else {
            return label.to_owned();
        };
        if v.relation != MatchKind::Exact {
            return format!("{label} (via {})", v.skill.label_in(lang));
        }
        match (v.held_level, self.required_level) {
            (Some(held), Some(asked)) if held < asked => match lang {
                Lang::Nl => format!("{label} (heeft niveau {held}, gevraagd {asked})"),
                Lang::En => format!("{label} (holds level {held}, asked {asked})"),
            },
            _ if v.level_factor < 1.0 => {
                format!("{label} ({})", lang.pick("niveau te laag", "level too low"))
            }
            _ => label.to_owned(),
        }
    }
}

/// The rank of an importance for ordering (essential first).
pub(crate) fn importance_rank(i: Importance) -> u8 {
    match i {
        Importance::Essential => 0,
        Importance::Important => 1,
        Importance::Optional => 2,
    }
}

/// The classification of one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Missing,
    Partial,
    Matched,
}

/// How a credit classifies.
pub(crate) fn status(credit: Option<&Credit>) -> Status {
    match credit {
        None => Status::Missing,
        Some(c) if c.entry.implied && c.level_factor >= 1.0 => Status::Matched,
        Some(_) => Status::Partial,
    }
}

impl Scorer {
    /// The gap between `profile` and occupation `occupation`.
    ///
    /// # Errors
    /// When the profile refers to unknown ids, or `occupation` is not an occupation.
    ///
    /// # Complexity
    /// O(profile neighbourhood + requirements × log entries).
    ///
    /// # Ties
    /// Lists order by importance, then shortfall (largest first), then skill id.
    ///
    /// ```
    /// use vaardig_core::generate::{generate, GeneratorConfig};
    /// use vaardig_score::{Evidence, Profile, ProfileSkill, Scorer};
    ///
    /// let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
    /// let scorer = Scorer::with_defaults(&ontology);
    /// let profile = Profile {
    ///     skills: vec![ProfileSkill::new("skill:s000010", Evidence::Diploma)],
    ///     ..Profile::default()
    /// };
    /// let gap = scorer.gap(&profile, "occ:o00001")?;
    /// assert!((0.0..=1.0).contains(&gap.score));
    /// # Ok::<(), vaardig_score::ScoreError>(())
    /// ```
    pub fn gap(&self, profile: &Profile, occupation: &str) -> Result<Gap, ScoreError> {
        let holdings = self.holdings(profile)?;
        self.gap_with(&holdings, occupation)
    }

    /// The gap for holdings already resolved with [`Scorer::holdings`].
    pub fn gap_with(&self, holdings: &Holdings, occupation: &str) -> Result<Gap, ScoreError> {
        let occ = self.occupation_index(occupation)?;
        Ok(self.gap_dense(holdings, occ))
    }

    pub(crate) fn gap_dense(&self, holdings: &Holdings, occ: u32) -> Gap {
        let reqs = self.requires.row(occ as usize);
        let total: f64 = reqs.iter().map(|r| r.weight).sum();
        let mut missing = Vec::new();
        let mut partial = Vec::new();
        let mut matched = Vec::new();
        let mut to_discuss = Vec::new();
        let mut score = 0.0;
        let (mut essential, mut essential_met) = (0usize, 0usize);
        for r in reqs {
            let credit = self.best_credit(holdings, holdings.entries_for(r.cap), r.level);
            let st = status(credit.as_ref());
            if r.importance == Importance::Essential {
                essential += 1;
                essential_met += usize::from(st == Status::Matched);
            }
            let m = self.skill_match(holdings, r, credit.as_ref(), total);
            score += m.contribution;
            match st {
                Status::Matched => matched.push(m),
                _ if self.is_attitude(r.cap) => to_discuss.push(m),
                Status::Missing => missing.push(m),
                Status::Partial => partial.push(m),
            }
        }
        // Requirements come in capability order, which is id order, and the sort is stable:
        // ties stay in id order without comparing id strings.
        let order = |a: &SkillMatch, b: &SkillMatch| {
            importance_rank(a.importance)
                .cmp(&importance_rank(b.importance))
                .then(b.shortfall.total_cmp(&a.shortfall))
        };
        missing.sort_by(order);
        partial.sort_by(order);
        matched.sort_by(order);
        to_discuss.sort_by(order);
        Gap {
            occupation: self.occ_named(occ),
            score: score.clamp(0.0, 1.0),
            essential_coverage: if essential == 0 {
                1.0
            } else {
                essential_met as f64 / essential as f64
            },
            missing,
            partial,
            matched,
            to_discuss,
        }
    }

    /// What a transition needs from a [`Gap`], without building one: the gap score and the
    /// essential requirements still to study, in the order [`Scorer::gap_dense`] lists them
    /// (missing, then partly held, then held below the level; largest shortfall first, then
    /// capability order). Equal to filtering the full gap, at a fraction of the cost.
    pub(crate) fn gap_summary(&self, holdings: &Holdings, occ: u32, threshold: f64) -> GapSummary {
        let reqs = self.requires.row(occ as usize);
        let total: f64 = reqs.iter().map(|r| r.weight).sum();
        let mut score = 0.0;
        // (group, shortfall, capability) of the essential ones to study.
        let mut study: Vec<(u8, f64, u32)> = Vec::new();
        for r in reqs {
            let credit = self.best_credit(holdings, holdings.entries_for(r.cap), r.level);
            let c = credit.as_ref().map_or(0.0, |c| c.credit);
            let share = if total > 0.0 { r.weight / total } else { 0.0 };
            score += share * c;
            if r.importance != Importance::Essential {
                continue;
            }
            let group = match status(credit.as_ref()) {
                Status::Matched => 2,
                _ if self.is_attitude(r.cap) => continue,
                Status::Missing => 0,
                Status::Partial => 1,
            };
            let below_level = credit.as_ref().is_some_and(|c| c.level_factor < 1.0);
            if c < threshold || below_level {
                study.push((group, share * (1.0 - c), r.cap));
            }
        }
        // Stable: ties stay in capability order, as in the full gap.
        study.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        GapSummary {
            score: score.clamp(0.0, 1.0),
            to_study: study.into_iter().map(|(_, _, cap)| cap).collect(),
        }
    }

    fn skill_match(
        &self,
        holdings: &Holdings,
        r: &Req,
        credit: Option<&Credit>,
        total: f64,
    ) -> SkillMatch {
        let c = credit.map_or(0.0, |c| c.credit);
        let share = if total > 0.0 { r.weight / total } else { 0.0 };
        SkillMatch {
            skill: self.cap_named(r.cap),
            importance: r.importance,
            required_level: r.level,
            weight: r.weight,
            credit: c,
            contribution: share * c,
            shortfall: share * (1.0 - c),
            via: credit.and_then(|c| {
                let h = holdings.held.get(c.entry.held as usize)?;
                Some(Via {
                    skill: self.cap_named(h.cap),
                    relation: c.entry.kind,
                    held_level: h.level,
                    evidence: h.evidence,
                    validated: h.validated,
                    level_factor: c.level_factor,
                })
            }),
        }
    }
}

/// The part of a [`Gap`] a transition lists (see [`Scorer::gap_summary`]).
pub(crate) struct GapSummary {
    /// The gap score.
    pub score: f64,
    /// Dense indices of the essential capabilities to study, in listing order.
    pub to_study: Vec<u32>,
}
