#![doc = include_str!("../README.md")]
//!
//! # Code map
//! - [`esco`](import_esco): the ESCO CSV tables, one module per job (files, concepts,
//!   relations); `table` reads one CSV or tab-separated table row by row.
//! - [`onet`](import_onet): the O*NET database text files.
//! - [`tabiya`](import_tabiya): Tabiya's taxonomy CSV layout.
//! - [`rdf`](import_rdf): streaming parse with line numbers, collection per resource, the
//!   [`Mapping`], and resolution into concepts and relations.
//! - staging: the lenient checks between readers and the core's builder (endpoints, duplicates,
//!   cycles, labels), so each rejection is reported once, where it happened; `interned` numbers
//!   its relations' ids and places so a staged relation is 32 bytes.
//! - [`write_turtle`]: the SKOS export.

mod error;
mod esco;
mod ids;
mod imported;
mod interned;
mod onet;
mod options;
mod progress;
mod rdf;
mod report;
mod staging;
mod tabiya;
mod table;
mod turtle;
pub mod vocab;

pub use error::{ExportError, ImportError};
pub use esco::import_esco;
pub use ids::IdScheme;
pub use imported::{Import, Imported};
pub use onet::{OnetOptions, import_onet, level_from_lv};
pub use options::{ImportOptions, ManifestOverrides, Progress};
pub use rdf::{COMPETENTNL_TOML, ESCO_TOML, Mapping, RdfFormat, import_rdf, import_rdf_reader};
pub use report::{ImportReport, MAX_DIAGNOSTICS, SourceCounts};
pub use tabiya::{history_mapping, import_tabiya, signalling_importance};
pub use turtle::{default_ids, write_turtle, write_turtle_with_ids};
