//! # vaardig-diff
//!
//! Taxonomy versions for data teams: what changed between two releases of an ontology, how the
//! change moves the results of the people they serve, and how good one release is.
//!
//! - [`diff()`] / [`diff_with`] → [`Diff`]: concepts added, removed, relabelled (per language),
//!   synonyms and definitions changed, attributes changed, moved in the hierarchy; relations
//!   added, removed and re-weighted (optional → essential, level 2 → 3). When ids change, a
//!   [mapping] is proposed from labels and shared neighbours, with a confidence, or
//!   supplied by the caller ([`IdMapping`]).
//! - [`impact`](impact::impact) → [`Impact`]: for a set of profiles, how transition rankings and
//!   gap scores move between the versions (top-k overlap, Kendall τ, most affected occupations
//!   and profiles).
//! - [`QualityReport`]: label completeness, synonyms, hierarchy depth and fan-out, unused skills,
//!   thin occupations, offers teaching nothing in demand, isolated concepts.
//! - [`markdown`]: reports for people; [`plot`]: an SVG histogram of rank changes; [`dot`]: a
//!   Graphviz view of one occupation's transition neighbourhood; [`mutate`]: generated versions.
//!
//! This crate does no file I/O: callers pass text and ontologies. Every result is deterministic
//! (ties break by id) and serialises with serde.
//!
//! ```
//! use vaardig_core::generate::{generate, GeneratorConfig};
//! use vaardig_diff::mutate::{MutationConfig, mutate};
//!
//! let old = generate(&GeneratorConfig::small()).expect("valid").ontology;
//! let new = mutate(&old, &MutationConfig::default())?.ontology;
//! let diff = vaardig_diff::diff(&old, &new);
//! assert!(!diff.is_empty());
//! assert_eq!(vaardig_diff::diff(&new, &old), diff.mirror());
//! let report = vaardig_diff::markdown::diff_report(&diff, &old, &new, None, &Default::default());
//! assert!(report.starts_with("# "));
//! # Ok::<(), vaardig_core::OntologyError>(())
//! ```

mod changes;
mod diff;
pub mod dot;
mod error;
mod i18n;
pub mod impact;
pub mod mapping;
pub mod markdown;
pub mod mutate;
pub mod plot;
mod quality;
mod text;

pub use changes::{
    AttributeChange, ConceptRef, Diff, DiffSummary, KindCounts, Move, RelationCounts, RelationRef,
    Reweight, SynonymChange, TextChange, VersionInfo,
};
pub use diff::{DiffOptions, diff, diff_with};
pub use error::DiffError;
pub use impact::{Impact, ImpactOptions};
pub use mapping::{IdMapping, MappingConfig, MappingEntry, MappingSource};
pub use quality::{
    Bucket, Distribution, EXACT_UP_TO, HierarchyShape, LanguageCompleteness, OccupationEssentials,
    QualityOptions, QualityReport,
};
