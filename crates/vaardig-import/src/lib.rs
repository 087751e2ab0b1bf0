//! # vaardig-import
//!
//! Loads published skills taxonomies into a vaardig [`Ontology`](vaardig_core::Ontology) and
//! writes vaardig ontologies back out as SKOS.

mod error;
mod esco;
mod ids;
mod imported;
mod options;
mod progress;
mod rdf;
mod report;
mod staging;
mod turtle;
pub mod vocab;

pub use error::{ExportError, ImportError};
pub use esco::import_esco;
pub use ids::IdScheme;
pub use imported::{Import, Imported};
pub use options::{ImportOptions, ManifestOverrides, Progress};
pub use rdf::{COMPETENTNL_TOML, ESCO_TOML, Mapping, RdfFormat, import_rdf, import_rdf_reader};
pub use report::{ImportReport, MAX_DIAGNOSTICS, SourceCounts};
pub use turtle::{default_ids, write_turtle, write_turtle_with_ids};
