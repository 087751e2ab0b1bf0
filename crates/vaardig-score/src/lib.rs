//! # vaardig-score
//!
//! Scoring over a vaardig ontology: how far a person is from an occupation, which occupations
//! are within reach, and the fastest or cheapest set of courses that closes the gap within what
//! the person is entitled to. Every result explains itself in Dutch and English.
//!
//! - [`Scorer`]: per-ontology structures, built once from an [`Ontology`](vaardig_core::Ontology)
//!   and a [`ScoringConfig`]; `Send + Sync`.
//! - [`Profile`]: a person (skills with level and evidence, NLQF level, age, budget used), parsed
//!   from JSON text.
//! - [`Scorer::gap`] → [`Gap`]; [`Scorer::transitions`] → [`Transitions`] (and the same
//!   ranking without the explanations, for batches: [`Scorer::ranked_transitions`] →
//!   [`RankedTransitions`]); [`Scorer::route`] → [`Route`]; [`Scorer::courses`]; [`Scorer::similarity`].
//! - [`FundingScheme`]: [`LearningRights`] (leerrechten) and [`PublicScheme`] (publiek tot mbo-4).
//!
//! This crate does no I/O and knows nothing of search indexes. Results are deterministic: the
//! same input gives the same bytes, ties break by id.
//!
//! ```
//! use vaardig_core::generate::{generate, GeneratorConfig};
//! use vaardig_score::{Lang, Profile, RouteOptions, Scheme, Scorer, TransitionOptions};
//!
//! let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
//! let scorer = Scorer::with_defaults(&ontology);
//! let profile = Profile::from_json(r#"{
//!     "age": 35, "nlqf": 2,
//!     "skills": [
//!         {"id": "skill:s000010", "level": 3, "evidence": "work_experience"},
//!         {"id": "skill:s000020", "evidence": "diploma"}
//!     ]
//! }"#)?;
//!
//! let top = scorer.transitions(&profile, &TransitionOptions { limit: Some(5), ..Default::default() })?;
//! let best = &top.items[0];
//! let gap = scorer.gap(&profile, &best.occupation)?;
//! assert!((0.0..=1.0).contains(&gap.score));
//!
//! let scheme = Scheme::by_id("leerrechten")?;
//! let route = scorer.route(&profile, &best.occupation, &RouteOptions {
//!     scheme: Some(scheme.as_dyn()),
//!     ..Default::default()
//! })?;
//! assert!(route.within_budget);
//! println!("{}", route.explain(Lang::Nl));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod config;
mod courses;
mod credit;
mod csr;
mod entry;
mod error;
pub mod eval;
mod gap;
mod labels;
mod lang;
mod matrix_store;
mod profile;
mod relatedness;
mod rights;
mod route;
mod scorer;
mod similarity;
mod transitions;

pub use config::{
    ConfigError, EvidenceWeights, HierarchyCredit, ImportanceWeights, LevelPenalty,
    OccupationHierarchy, RelatednessWeights, RouteConfig, ScoringConfig, TransitionWeights,
};
pub use courses::CourseScore;
pub use credit::{Holdings, MatchKind};
pub use entry::{EntryRequirement, EntryStatus};
pub use error::ScoreError;
pub use gap::{Gap, SkillMatch, Via};
pub use labels::{LabelLanguageError, label_language, third_language};
pub use lang::{Lang, Named, OtherLabel, UnknownLang};
pub use matrix_store::MatrixStore;
pub use profile::{Cefr, Evidence, LanguageHeld, MAX_AGE, Profile, ProfileError, ProfileSkill};
pub use relatedness::{OccupationLink, Relatedness};
pub use rights::{
    Budget, Entitlement, FundingScheme, LearningRights, Person, PublicScheme, RightsError, Scheme,
    euros,
};
pub use route::{Exemption, Optimality, Optimise, Route, RouteOptions, RouteStep};
pub use scorer::{OfferInfo, Scorer};
pub use similarity::Similar;
pub use transitions::{
    RankBy, RankedTransition, RankedTransitions, Reachability, Transition, TransitionOptions,
    TransitionSource, Transitions,
};
