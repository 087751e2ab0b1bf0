//! Reading and writing the native on-disk format: `ontology.toml` plus one CSV table per concept
//! kind and per relation kind (see `ontology/README.md` for the format).

pub mod atomic;
pub mod bounded;
pub(crate) mod columns;
mod read;
mod source;
mod write;

pub use atomic::{AtomicDir, AtomicFile, OutputError, OutputPolicy, Refusal};
pub use columns::{CODES_FILE, MATCHES_FILE, NOTES_FILE};
pub use read::{load, load_dir, load_with};
pub use source::{DirSource, StaticSource, TableSource};
pub use write::{to_tables, write_dir, write_dir_with};

/// The longest single CSV field accepted, in bytes (a label, a definition, an id).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// The longest CSV record (one row, all its fields and separators) accepted, in bytes. It is
/// enforced while reading ([`bounded`]): a field or a line with no end within it (`/dev/zero`)
/// is refused at its file:line after at most this many bytes plus the parser's read-ahead.
pub const MAX_RECORD_BYTES: u64 = 4 * 1024 * 1024;
/// The most data rows one table may have (ESCO's largest table has 124k, 16× ESCO about 2M);
/// past it the table is refused at the first row too many, with its file:line, instead of
/// filling memory. A relation row costs about 74 bytes at the peak of loading
/// (`tests/memory_per_row.rs`), so 4M rows stay near 300 MB.
pub const MAX_ROWS_PER_TABLE: u64 = 4_000_000;
/// The largest table file accepted, in bytes (real ESCO's largest native table is about 14 MB;
/// 16× ESCO's generated `skills.csv` 141 MiB and so over it). A larger file is refused from its
/// size, before anything is read. A concept costs its label text plus about 1.4 KB at the peak
/// of loading, so a table of this size stays under 500 MB; pass larger [`Limits`] to
/// [`load_with`] for more.
pub const MAX_TABLE_BYTES: u64 = 128 * 1024 * 1024;
/// The most bytes the tables of one ontology may have together (real ESCO's native tables are
/// about 25 MB; 6× ESCO's generated ones 143 MB, which peak at 432 MB while loading). Refused
/// from the files' sizes before anything is read, so that several tables each within
/// [`MAX_TABLE_BYTES`] cannot together take more than about 500 MB.
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// After this many errors in one table, reading that table stops (the count is reported).
pub const MAX_ERRORS_PER_TABLE: usize = 1_000;

/// The limits one load enforces; [`Limits::default`] is the documented constants, which keep
/// a load under about 500 MB. A caller with larger data (16× ESCO's skills), or a
/// test that wants a small limit, passes its own to [`load_with`]:
///
/// ```
/// use vaardig_core::io::{Limits, StaticSource, load_with};
///
/// let larger = Limits {
///     max_table_bytes: 1 << 30,
///     max_total_bytes: 4 << 30,
///     max_rows_per_table: 10_000_000,
///     ..Limits::default()
/// };
/// let tables = StaticSource::new(vaardig_core::EMBEDDED_TABLES);
/// assert!(load_with(&tables, &larger).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest table file, refused from its size before reading ([`MAX_TABLE_BYTES`]).
    pub max_table_bytes: u64,
    /// The longest record, refused while reading ([`MAX_RECORD_BYTES`]).
    pub max_record_bytes: u64,
    /// The most data rows of one table ([`MAX_ROWS_PER_TABLE`]).
    pub max_rows_per_table: u64,
    /// The most bytes of all tables together, refused from their sizes before reading
    /// ([`MAX_TOTAL_BYTES`]).
    pub max_total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_table_bytes: MAX_TABLE_BYTES,
            max_record_bytes: MAX_RECORD_BYTES,
            max_rows_per_table: MAX_ROWS_PER_TABLE,
            max_total_bytes: MAX_TOTAL_BYTES,
        }
    }
}
