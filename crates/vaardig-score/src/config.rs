//! [`ScoringConfig`]: every weight the scoring uses, in one place, with documented defaults.
//!
//! The defaults are starting points an adviser can defend, not fitted values: change them per
//! region or programme and the explanations keep saying which skills drove a result.

use serde::{Deserialize, Serialize};
use vaardig_core::Importance;

use crate::profile::Evidence;

/// All weights of gap scoring, transitions and routes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringConfig {
    /// Weight of a requirement by its importance.
    pub importance: ImportanceWeights,
    /// Weight of a held skill by its evidence.
    pub evidence: EvidenceWeights,
    /// Partial credit for related skills in the skill graph.
    pub hierarchy: HierarchyCredit,
    /// Penalty for holding a skill below the required level.
    pub level: LevelPenalty,
    /// How alike two occupations, or a person and an occupation, are.
    pub relatedness: RelatednessWeights,
    /// How transitions are ranked.
    pub transitions: TransitionWeights,
    /// How routes are built.
    pub route: RouteConfig,
}

impl ScoringConfig {
    /// Checks that every weight is finite and in its range; says which one is not.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let unit = [
            ("importance.essential", self.importance.essential),
            ("importance.important", self.importance.important),
            ("importance.optional", self.importance.optional),
            (
                "evidence.formal_or_validated",
                self.evidence.formal_or_validated,
            ),
            ("evidence.work_experience", self.evidence.work_experience),
            ("evidence.self_declared", self.evidence.self_declared),
            ("hierarchy.narrower", self.hierarchy.narrower),
            ("hierarchy.broader", self.hierarchy.broader),
            ("hierarchy.sibling", self.hierarchy.sibling),
            ("hierarchy.related", self.hierarchy.related),
            ("hierarchy.decay", self.hierarchy.decay),
            ("level.per_level", self.level.per_level),
            (
                "relatedness.importance.essential",
                self.relatedness.importance.essential,
            ),
            (
                "relatedness.importance.important",
                self.relatedness.importance.important,
            ),
            (
                "relatedness.importance.optional",
                self.relatedness.importance.optional,
            ),
            ("relatedness.idf_power", self.relatedness.idf_power),
            ("relatedness.near_skill", self.relatedness.near_skill),
            (
                "relatedness.source_coverage",
                self.relatedness.source_coverage,
            ),
            (
                "relatedness.occupations.parent_child",
                self.relatedness.occupations.parent_child,
            ),
            (
                "relatedness.occupations.sibling",
                self.relatedness.occupations.sibling,
            ),
            (
                "relatedness.occupations.family",
                self.relatedness.occupations.family,
            ),
            (
                "transitions.reachability_weight",
                self.transitions.reachability_weight,
            ),
            (
                "transitions.shortage_boost",
                self.transitions.shortage_boost,
            ),
            (
                "transitions.nlqf_step_penalty",
                self.transitions.nlqf_step_penalty,
            ),
            (
                "transitions.missing_requirement_penalty",
                self.transitions.missing_requirement_penalty,
            ),
            ("route.target_below_credit", self.route.target_below_credit),
            ("route.prerequisite_credit", self.route.prerequisite_credit),
            ("route.stacking_discount", self.route.stacking_discount),
        ];
        for (name, value) in unit {
            if !(0.0..=1.0).contains(&value) {
                return Err(ConfigError { name, value });
            }
        }
        let positive = [
            ("transitions.hours_scale", self.transitions.hours_scale),
            (
                "transitions.untaught_skill_hours",
                self.transitions.untaught_skill_hours,
            ),
        ];
        for (name, value) in positive {
            if !(value.is_finite() && value > 0.0) {
                return Err(ConfigError { name, value });
            }
        }
        if !(self.relatedness.shrink.is_finite() && self.relatedness.shrink >= 0.0) {
            return Err(ConfigError {
                name: "relatedness.shrink",
                value: self.relatedness.shrink,
            });
        }
        if self.relatedness.importance.essential <= 0.0 {
            return Err(ConfigError {
                name: "relatedness.importance.essential",
                value: self.relatedness.importance.essential,
            });
        }
        if self.importance.essential <= 0.0 {
            return Err(ConfigError {
                name: "importance.essential",
                value: self.importance.essential,
            });
        }
        Ok(())
    }
}

/// A weight outside its allowed range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("scoring weight `{name}` = {value} is out of range")]
pub struct ConfigError {
    /// The weight's path in the configuration, e.g. `hierarchy.decay`.
    pub name: &'static str,
    /// The rejected value.
    pub value: f64,
}

/// Weight of a requirement by importance. Defaults: essential 1.0, important 0.6, optional 0.25.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportanceWeights {
    /// Essential requirements (default 1.0; must be > 0).
    pub essential: f64,
    /// Important requirements (default 0.6).
    pub important: f64,
    /// Optional requirements (default 0.25).
    pub optional: f64,
}

impl Default for ImportanceWeights {
    fn default() -> Self {
        ImportanceWeights {
            essential: 1.0,
            important: 0.6,
            optional: 0.25,
        }
    }
}

impl ImportanceWeights {
    /// The weight of one importance.
    pub fn of(&self, importance: Importance) -> f64 {
        match importance {
            Importance::Essential => self.essential,
            Importance::Important => self.important,
            Importance::Optional => self.optional,
        }
    }
}

/// Weight of a held skill by its evidence. Defaults: validated or formal (diploma, mbo certificate,
/// microcredential) 1.0, work experience 0.8, self-declared 0.5.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvidenceWeights {
    /// A validated skill, or one shown by a diploma, mbo certificate or microcredential (1.0).
    pub formal_or_validated: f64,
    /// Unvalidated work experience (0.8).
    pub work_experience: f64,
    /// Unvalidated self-declaration (0.5).
    pub self_declared: f64,
}

impl Default for EvidenceWeights {
    fn default() -> Self {
        EvidenceWeights {
            formal_or_validated: 1.0,
            work_experience: 0.8,
            self_declared: 0.5,
        }
    }
}

impl EvidenceWeights {
    /// The weight of a skill held with `evidence`, validated or not.
    pub fn of(&self, evidence: Evidence, validated: bool) -> f64 {
        if validated || evidence.is_formal() {
            return self.formal_or_validated;
        }
        match evidence {
            Evidence::WorkExperience => self.work_experience,
            _ => self.self_declared,
        }
    }
}

/// Partial credit for holding a skill near the required one in the skill graph (`broader` edges
/// and `related` pairs), instead of the skill itself.
///
/// Credit for a held skill `d` steps away is `base × decay^(d−1)`, where `base` depends on the
/// direction; paths longer than `max_depth` give nothing. Defaults: narrower 1 (a specialisation
/// implies its direct broader skill: Excel → computer gebruiken), broader 0.5, sibling 0.3,
/// related 0.3, decay 0.5, max depth 2. Attitudes take no part (see [`crate::Gap::to_discuss`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HierarchyCredit {
    /// The held skill is narrower than the required one (a specialisation of it, which implies
    /// it): 1.
    pub narrower: f64,
    /// The held skill is broader than the required one (the general skill): 0.5.
    pub broader: f64,
    /// The held and required skills share a direct broader skill (distance 2): 0.3.
    pub sibling: f64,
    /// The two skills are linked by `related` (distance 1): 0.3.
    pub related: f64,
    /// Factor per extra step beyond the first: 0.5.
    pub decay: f64,
    /// The longest path that still gives credit, in `broader` steps: 2 (0 turns partial credit off).
    pub max_depth: u8,
    /// Sibling credit only within groups of at most this many skills: 64. Membership of a
    /// very broad group (ESCO's transversal groups hold hundreds) says little about a skill.
    pub max_group: u32,
}

impl Default for HierarchyCredit {
    fn default() -> Self {
        HierarchyCredit {
            narrower: 1.0,
            broader: 0.5,
            sibling: 0.3,
            related: 0.3,
            decay: 0.5,
            max_depth: 2,
            max_group: 64,
        }
    }
}

/// The penalty for holding a skill below the level a requirement asks.
///
/// The factor is `max(0, 1 − per_level × shortfall)`; a held skill without a level, or a
/// requirement without one, counts as meeting it. Default: 0.2 per level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LevelPenalty {
    /// Credit lost per level of shortfall (0.2).
    pub per_level: f64,
}

impl Default for LevelPenalty {
    fn default() -> Self {
        LevelPenalty { per_level: 0.2 }
    }
}

impl LevelPenalty {
    /// The factor for holding `held` when `required` is asked.
    pub fn factor(&self, required: Option<u8>, held: Option<u8>) -> f64 {
        match (required, held) {
            (Some(r), Some(h)) if h < r => (1.0 - self.per_level * f64::from(r - h)).max(0.0),
            _ => 1.0,
        }
    }
}

/// How alike two occupations, or a person and an occupation, are: the *relatedness* that leads
/// the transition ranking (see [`crate::Relatedness`] for the formula).
///
/// Each requirement weighs `importance weight × idf^idf_power`, where `idf = ln(1 + occupations /
/// occupations requiring the skill)`: a skill half of all occupations ask for says little. A
/// skill held near the required one in the skill hierarchy counts `near_skill ×` the
/// [`HierarchyCredit`] of that step when two occupations are compared. An occupation with few
/// requirements is shrunk toward "unknown" by `n / (n + shrink)`, `n` the sum of its importance
/// weights. Defaults: essential 1.0, important 0.75, optional 0.5, idf power 0.5, near skill 0.5,
/// source coverage 0.5, shrink 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RelatednessWeights {
    /// Weight of a requirement by importance (1.0, 0.75, 0.5).
    pub importance: ImportanceWeights,
    /// How strongly rare skills count more than common ones: the power of the idf (0.5; 0 turns
    /// it off, 1 is plain tf-idf).
    pub idf_power: f64,
    /// Factor on hierarchy credit for near skills when two occupations are compared (0.5).
    pub near_skill: f64,
    /// Between two occupations, the share of the score that comes from how much of the *source*
    /// occupation the target uses, as an exponent of a weighted geometric mean (0.5: both
    /// directions count alike, a symmetric measure). A person's extra skills never count against
    /// them: from a profile only the target's coverage counts.
    pub source_coverage: f64,
    /// Pseudo-requirements that shrink occupations with few known requirements (1.0; 0 is off).
    pub shrink: f64,
    /// Credit for being close in the occupation hierarchy.
    pub occupations: OccupationHierarchy,
}

impl Default for RelatednessWeights {
    fn default() -> Self {
        RelatednessWeights {
            importance: ImportanceWeights {
                essential: 1.0,
                important: 0.75,
                optional: 0.5,
            },
            idf_power: 0.5,
            near_skill: 0.5,
            source_coverage: 0.5,
            shrink: 1.0,
            occupations: OccupationHierarchy::default(),
        }
    }
}

/// Relatedness credit for occupations that are close in the occupation hierarchy (`broader`
/// between occupations), added as `skill + (1 − skill) × credit`. When the ranking starts from a
/// person, it is measured from their current occupation.
///
/// Defaults: parent or child 0.5, sibling (same direct broader occupation) 0.35, family (any
/// shared broader occupation) 0.2.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OccupationHierarchy {
    /// One is the direct broader occupation of the other (0.5).
    pub parent_child: f64,
    /// Both have the same direct broader occupation (0.35).
    pub sibling: f64,
    /// Both descend from the same broader occupation further up (0.2).
    pub family: f64,
}

impl Default for OccupationHierarchy {
    fn default() -> Self {
        OccupationHierarchy {
            parent_child: 0.5,
            sibling: 0.35,
            family: 0.2,
        }
    }
}

/// How transitions are ranked by default: relatedness leads, reachability adjusts.
///
/// `reachability = clamp(1/(1 + gap_hours/hours_scale) − nlqf_step_penalty × max(0, NLQF step)
/// − missing_requirement_penalty × (entry requirements no offer reaches)
/// + shortage_boost × [shortage sector], 0, 1)`, where `gap_hours` is the route estimate (the
/// route's study hours, its entry units included, plus `untaught_skill_hours` per essential
/// skill no offer teaches), and
/// `score = relatedness × (1 − reachability_weight + reachability_weight × reachability)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TransitionWeights {
    /// How much reachability can lower the score (0.2: an unreachable target keeps 80 %).
    pub reachability_weight: f64,
    /// Hours at which the hours term halves (200).
    pub hours_scale: f64,
    /// Reachability bonus for occupations in a shortage sector (0.1).
    pub shortage_boost: f64,
    /// Reachability lost per NLQF level the occupation lies above the person (0.05).
    pub nlqf_step_penalty: f64,
    /// Hours counted for an essential skill no offer teaches (40: one study week, e.g. for an
    /// attitude assessed at intake rather than taught).
    pub untaught_skill_hours: f64,
    /// Reachability lost per entry requirement (diploma, registration, licence, minimum NLQF
    /// level) that no offer in the catalogue reaches (0.25).
    pub missing_requirement_penalty: f64,
}

impl Default for TransitionWeights {
    fn default() -> Self {
        TransitionWeights {
            reachability_weight: 0.2,
            hours_scale: 200.0,
            shortage_boost: 0.1,
            nlqf_step_penalty: 0.05,
            untaught_skill_hours: 40.0,
            missing_requirement_penalty: 0.25,
        }
    }
}

/// How routes are built.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RouteConfig {
    /// An essential requirement is a route target when the person's credit for it is below this
    /// (0.75: a validated skill (1.0) or work experience (0.8) exempts; a self-declared one (0.5)
    /// or a near skill does not).
    pub target_below_credit: f64,
    /// The credit at which a held skill satisfies an offer's prerequisite (0.5).
    pub prerequisite_credit: f64,
    /// The fraction of hours or cost discounted, for choosing only, on offers that stack towards
    /// a qualification the person is working on (0.15).
    pub stacking_discount: f64,
    /// The most candidate offers for which the exact search runs (18); above it, greedy.
    pub exact_limit: u8,
}

impl Default for RouteConfig {
    fn default() -> Self {
        RouteConfig {
            target_below_credit: 0.75,
            prerequisite_credit: 0.5,
            stacking_discount: 0.15,
            exact_limit: 18,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_documented_values() {
        let c = ScoringConfig::default();
        assert_eq!(c.validate(), Ok(()));
        assert_eq!(c.importance.of(Importance::Important), 0.6);
        assert_eq!(c.evidence.of(Evidence::SelfDeclared, false), 0.5);
        assert_eq!(c.evidence.of(Evidence::SelfDeclared, true), 1.0);
        assert_eq!(c.evidence.of(Evidence::Microcredential, false), 1.0);
        assert_eq!(c.evidence.of(Evidence::WorkExperience, false), 0.8);
    }

    #[test]
    fn out_of_range_weights_are_named() {
        let mut c = ScoringConfig::default();
        c.hierarchy.decay = 1.5;
        assert_eq!(c.validate().map_err(|e| e.name), Err("hierarchy.decay"));
        let mut c = ScoringConfig::default();
        c.transitions.hours_scale = f64::NAN;
        assert!(c.validate().is_err());
    }

    #[test]
    fn level_factor_penalises_shortfall_only() {
        let l = LevelPenalty::default();
        assert_eq!(l.factor(Some(3), Some(3)), 1.0);
        assert_eq!(l.factor(Some(3), Some(5)), 1.0);
        assert!((l.factor(Some(4), Some(2)) - 0.6).abs() < 1e-12);
        assert_eq!(l.factor(None, Some(1)), 1.0);
        assert_eq!(l.factor(Some(5), None), 1.0);
    }

    #[test]
    fn config_round_trips_through_json() {
        let c = ScoringConfig::default();
        let text = serde_json::to_string(&c).unwrap_or_default();
        let back: ScoringConfig = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, c);
        assert!(serde_json::from_str::<ScoringConfig>(r#"{"bogus": 1}"#).is_err());
    }
}
