//! # vaardig-core
//!
//! The ontology at the heart of vaardig: skills (with a hierarchy), knowledge areas, occupations
//! and their tasks, qualifications, learning offers and sectors, linked the way CompetentNL links
//! UWV occupations to the MBO qualification structure through shared skills.
//!
//! - [`Ontology`]: immutable, validated, `Send + Sync`, cheap to clone; a petgraph graph with an
//!   id index. See its module docs for what node indices promise.
//! - [`OntologyBuilder`]: the only way to make one; reports every problem as a [`Diagnostic`].
//! - [`io`]: the native on-disk format (`ontology.toml` + CSV tables), read and written.
//! - [`Ontology::embedded`]: the default Dutch ontology, compiled in.
//! - [`generate`]: seeded synthetic ontologies at real scale.
//! - [`Ontology::open`] and [`snapshot`]: loading through a binary snapshot keyed by the
//!   tables' content hash, for a start in milliseconds.
//!
//! ```
//! use vaardig_core::{ConceptKind, Ontology, RelationKind};
//!
//! let ontology = Ontology::embedded()?;
//! let nurse = ontology.index_of("occ:verpleegkundige").expect("shipped");
//! let essential = ontology
//!     .outgoing(nurse, RelationKind::Requires)
//!     .filter(|(_, rel)| rel.importance == Some(vaardig_core::Importance::Essential))
//!     .count();
//! assert!(essential > 0);
//! assert!(ontology.count(ConceptKind::Skill) >= 400);
//! # Ok::<(), vaardig_core::OntologyError>(())
//! ```

mod builder;
mod concept;
mod date;
mod diagnostic;
mod embedded;
pub mod export;
pub mod generate;
pub mod io;
mod lang;
pub mod langmap;
mod manifest;
mod model;
mod ontology;
pub mod snapshot;
mod stats;
mod validate;

pub use builder::{
    Built, MAX_COST_EUR, MAX_HOURS, MAX_ID_LEN, OntologyBuilder, id_problem, uri_problem,
};
pub use concept::{Code, Concept, ConceptData, Labels, Match, Note, Rating, Relation};
pub use date::{Date, DateError, DateProblem};
pub use diagnostic::{Diagnostic, DiagnosticKind, Location, OntologyError, Severity};
pub use embedded::EMBEDDED_TABLES;
pub use io::{OutputError, OutputPolicy, load_dir, write_dir, write_dir_with};
pub use lang::{LanguageError, normalise_language, primary_language, same_language};
pub use langmap::LangMap;
pub use manifest::{MANIFEST_FILE, Manifest};
pub use model::{
    CodeSystem, ConceptKind, Importance, Level, MatchKind, Nlqf, NoteKind, OfferType, OutOfRange,
    ProviderType, QualificationType, RelationKind, Scale, SkillType, Status, Tier, UnknownVariant,
};
pub use ontology::{Ontology, OntologyGraph};
pub use petgraph::graph::NodeIndex;
pub use stats::{Stats, hierarchy_depth};
pub use validate::soft_warnings;
