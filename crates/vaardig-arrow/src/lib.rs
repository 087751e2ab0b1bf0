//! # vaardig-arrow
//!
//! The vaardig ontology as Arrow record batches and Parquet files, in long form, for data teams
//! (pandas, Polars, Spark, DuckDB), and back into an equal [`Ontology`](vaardig_core::Ontology).
//!
//! - [`to_tables`] / [`from_tables`]: four [`RecordBatch`](arrow_array::RecordBatch)es — the
//!   manifest, one row per concept (with its full URI and one nullable column per attribute),
//!   one row per label per language, one row per relation with its attributes. See [`tables`]
//!   for the columns and [`columns`] for how attribute columns follow the core types by their
//!   serde shape, so a field added there is exported without a change here and never dropped.
//! - [`write_dir`] / [`load_dir`]: those tables as Parquet files in a directory, written
//!   atomically like every vaardig output (`vaardig export --format parquet`, `vaardig import
//!   parquet`).
//!
//! Reading never panics on input: a malformed table is a [`TableError`] naming the file, row and
//! column; a well-formed one that makes an invalid ontology is the builder's
//! [`OntologyError`](vaardig_core::OntologyError).
//!
//! ```
//! use vaardig_core::Ontology;
//!
//! let ontology = Ontology::embedded()?;
//! let tables = vaardig_arrow::to_tables(&ontology)?;
//! // One row per relation, with its endpoints and attributes.
//! let relations = &tables.relations;
//! assert_eq!(relations.num_rows(), ontology.relations().count());
//! let names: Vec<&str> = relations.schema_ref().fields().iter().map(|f| f.name().as_str()).collect();
//! assert_eq!(&names[..5], ["from", "to", "kind", "importance", "level"]);
//! // And back: the same ontology.
//! let back = vaardig_arrow::from_tables(&tables)?.ontology;
//! assert_eq!(back, ontology);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Only uncompressed and Snappy-compressed Parquet is read (pandas and pyarrow write Snappy by
//! default; from Polars, pass `compression="snappy"`): zstd and the other codecs are left out
//! of this build to keep its compile time short.

pub mod columns;
mod error;
pub mod files;
pub mod tables;

pub use error::{ReadError, TableError, TableErrorKind, WriteError};
pub use files::{MARKER_FILE, load_dir, read_dir, write_dir, write_dir_with};
pub use tables::{Table, Tables, from_tables, to_tables};

#[cfg(test)]
mod tests;
