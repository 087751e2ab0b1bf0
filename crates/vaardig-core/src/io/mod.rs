//! Reading and writing the native on-disk format: `ontology.toml` plus one CSV table per concept
//! kind and per relation kind (see `ontology/README.md` for the format).

pub mod atomic;
pub(crate) mod columns;
mod read;
mod source;
mod write;

pub use atomic::{AtomicDir, AtomicFile, OutputError, OutputPolicy, Refusal};
pub use columns::{CODES_FILE, MATCHES_FILE, NOTES_FILE};
pub use read::{load, load_dir};
pub use source::{DirSource, StaticSource, TableSource};
pub use write::{to_tables, write_dir, write_dir_with};

/// The longest single CSV field accepted, in bytes (a label, a definition, an id).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// The most data rows one table may have (ESCO's largest table has 124k); past it the table is
/// refused with a `too_large` error instead of filling memory.
pub const MAX_ROWS_PER_TABLE: u64 = 2_000_000;
/// After this many errors in one table, reading that table stops (the count is reported).
pub const MAX_ERRORS_PER_TABLE: usize = 1_000;
