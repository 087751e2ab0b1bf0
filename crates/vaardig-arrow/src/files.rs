//! The tables as a directory of Parquet files, written atomically and read back.
//!
//! A Parquet directory holds `manifest.parquet`, `concepts.parquet`, `labels.parquet` and
//! `relations.parquet` (see [`crate::tables`] for their columns), Snappy-compressed. It is
//! written like every vaardig output ([`vaardig_core::io::atomic`]): into a temporary sibling,
//! fsynced, then renamed into place, so it appears whole or not at all; `manifest.parquet` marks
//! it as vaardig output, which [`OutputPolicy::force`] may replace. The same ontology gives the
//! same bytes: rows are in a fixed order and no file holds a time.

use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use vaardig_core::io::AtomicDir;
use vaardig_core::{Built, Ontology, OutputPolicy};

use crate::error::{TableError, TableErrorKind as K};
use crate::tables::{Table, Tables, from_tables, to_tables};
use crate::{ReadError, WriteError};

/// The file that marks a directory as vaardig Parquet output.
pub const MARKER_FILE: &str = "manifest.parquet";

/// The most rows one file may have; past it the file is refused before it is read. (Real ESCO
/// with two languages has about 250,000 labels.)
pub const MAX_ROWS: u64 = 20_000_000;

/// One table as Parquet bytes (Snappy pages, no time stamps).
///
/// # Errors
/// [`WriteError::Encode`] when Parquet refuses the batch.
pub fn to_parquet(table: Table, batch: &RecordBatch) -> Result<Vec<u8>, WriteError> {
    let encode = |e: parquet::errors::ParquetError| WriteError::Encode {
        file: table.file(),
        message: e.to_string(),
    };
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut bytes = Vec::new();
    let mut writer =
        ArrowWriter::try_new(&mut bytes, batch.schema(), Some(props)).map_err(encode)?;
    writer.write(batch).map_err(encode)?;
    writer.close().map_err(encode)?;
    Ok(bytes)
}

/// Writes `ontology` as Parquet into `dir`, which must not exist yet or be empty (see
/// [`write_dir_with`] to replace earlier output).
///
/// # Errors
/// As [`write_dir_with`].
pub fn write_dir(ontology: &Ontology, dir: impl AsRef<Path>) -> Result<(), WriteError> {
    write_dir_with(ontology, dir, &OutputPolicy::new())
}

/// Writes `ontology` as Parquet into `dir` atomically, as `policy` allows.
///
/// # Errors
/// [`WriteError::Output`] when `policy` refuses `dir` (existing output without `force`, a
/// directory of other files, an input, the root, a link) or a write fails, naming the path, and
/// ([`OutputError::TooLarge`](vaardig_core::OutputError::TooLarge)) when reading the output back
/// would refuse it (a label over 64 KiB, a table over [`MAX_ROWS`] rows);
/// [`WriteError::Encode`] when a table cannot be encoded. Nothing is written then, and earlier
/// output stays as it was.
///
/// # Examples
/// ```
/// use vaardig_core::Ontology;
///
/// let dir = std::env::temp_dir().join(format!("vaardig-arrow-doc-{}", std::process::id()));
/// # let _ = std::fs::remove_dir_all(&dir);
/// let ontology = Ontology::embedded()?;
/// vaardig_arrow::write_dir(&ontology, &dir)?;
/// let back = vaardig_arrow::load_dir(&dir)?.ontology;
/// assert_eq!(back, ontology);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_dir_with(
    ontology: &Ontology,
    dir: impl AsRef<Path>,
    policy: &OutputPolicy,
) -> Result<(), WriteError> {
    check_loadable(ontology, dir.as_ref())?;
    let tables = to_tables(ontology).map_err(|e| WriteError::Encode {
        file: Table::Concepts.file(),
        message: e.to_string(),
    })?;
    // Encode everything before touching the disk.
    let files: Vec<(Table, Vec<u8>)> = Table::ALL
        .into_iter()
        .map(|t| to_parquet(t, tables.get(t)).map(|bytes| (t, bytes)))
        .collect::<Result<_, _>>()?;
    let mut out = AtomicDir::create(dir, MARKER_FILE, policy)?;
    for (table, bytes) in files {
        out.write_file(table.file(), &bytes)?;
    }
    Ok(out.commit()?)
}

/// Refuses what reading back would refuse (vaardig never writes what it cannot read): a label
/// over [`MAX_FIELD_BYTES`](vaardig_core::io::MAX_FIELD_BYTES), a table over [`MAX_ROWS`].
fn check_loadable(ontology: &Ontology, dir: &Path) -> Result<(), WriteError> {
    let limit = vaardig_core::io::MAX_FIELD_BYTES;
    let too_large = |file: &str, what: String, size: usize, limit: usize, unit: &'static str| {
        WriteError::Output(vaardig_core::OutputError::TooLarge {
            file: dir.join(file).display().to_string(),
            what,
            size,
            limit,
            unit,
        })
    };
    let mut labels = 0usize;
    for (_, c) in ontology.iter() {
        let l = &c.labels;
        let texts = l
            .pref
            .values()
            .chain(l.alt.values().flatten())
            .chain(l.definition.values());
        for text in texts {
            labels += 1;
            if text.len() > limit {
                let what = format!("a label of `{}`", c.id);
                return Err(too_large(
                    Table::Labels.file(),
                    what,
                    text.len(),
                    limit,
                    "bytes",
                ));
            }
        }
    }
    let max = usize::try_from(MAX_ROWS).unwrap_or(usize::MAX);
    for (table, rows) in [
        (Table::Concepts, ontology.len()),
        (Table::Labels, labels),
        (Table::Relations, ontology.graph().edge_count()),
    ] {
        if rows > max {
            return Err(too_large(
                table.file(),
                "the table".to_owned(),
                rows,
                max,
                "rows",
            ));
        }
    }
    Ok(())
}

/// Reads one Parquet file into one batch.
///
/// # Errors
/// [`TableError`] naming the file: it cannot be opened, is not Parquet this build reads, or has
/// more than [`MAX_ROWS`] rows.
pub fn read_parquet(path: &Path, table: Table) -> Result<RecordBatch, TableError> {
    let name = table.file();
    let file = File::open(path).map_err(|e| TableError::new(name, K::Io(e)))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| TableError::new(name, K::Parquet(e)))?;
    let rows = builder.metadata().file_metadata().num_rows();
    let rows = u64::try_from(rows).unwrap_or(u64::MAX);
    if rows > MAX_ROWS {
        return Err(TableError::new(
            name,
            K::TooLarge {
                what: format!("the table ({rows} rows)"),
                limit: MAX_ROWS,
            },
        ));
    }
    for group in builder.metadata().row_groups() {
        for chunk in group.columns() {
            let codec = chunk.compression();
            if !matches!(codec, Compression::UNCOMPRESSED | Compression::SNAPPY) {
                return Err(TableError::column(
                    name,
                    chunk.column_path().string().as_str(),
                    K::Unsupported(format!(
                        "compressed with {}, which this build does not read; write it \
                         with Snappy or no compression (Polars: `compression=\"snappy\"`)",
                        codec.to_string().split('(').next().unwrap_or_default()
                    )),
                ));
            }
        }
    }
    let schema = builder.schema().clone();
    let batch_size = usize::try_from(rows).unwrap_or(usize::MAX).max(1);
    let reader = builder
        .with_batch_size(batch_size)
        .build()
        .map_err(|e| TableError::new(name, K::Parquet(e)))?;
    let batches: Vec<RecordBatch> = reader
        .collect::<Result<_, _>>()
        .map_err(|e| TableError::new(name, K::Parquet(parquet::errors::ParquetError::from(e))))?;
    arrow_select::concat::concat_batches(&schema, &batches)
        .map_err(|e| TableError::new(name, K::Parquet(e.into())))
}

/// Reads the four tables of a Parquet directory, without checking them (see [`load_dir`]).
///
/// # Errors
/// As [`read_parquet`], for the first file that fails.
pub fn read_dir(dir: impl AsRef<Path>) -> Result<Tables, TableError> {
    let dir = dir.as_ref();
    let read = |t: Table| read_parquet(&dir.join(t.file()), t);
    Ok(Tables {
        manifest: read(Table::Manifest)?,
        concepts: read(Table::Concepts)?,
        labels: read(Table::Labels)?,
        relations: read(Table::Relations)?,
    })
}

/// Loads an ontology from a Parquet directory written by [`write_dir`] (or by anyone, with the
/// same columns: pandas, Polars, Spark).
///
/// # Errors
/// [`ReadError::Table`] naming the file, row and column of the first problem;
/// [`ReadError::Invalid`] with the builder's diagnostics.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<Built, ReadError> {
    from_tables(&read_dir(dir)?)
}
