//! Reading one table row by row — ESCO's CSV (multi-line quoted fields) or O*NET's
//! tab-separated text files (no quoting) — with columns found by name, every row counted and
//! every bad row reported with its line.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

use vaardig_core::io::MAX_RECORD_BYTES;
use vaardig_core::io::bounded::{Bounded, Gate, READ_AHEAD, bounded};
use vaardig_core::{Diagnostic, DiagnosticKind as K, Location};

use crate::error::ImportError;
use crate::progress::{Counting, Tracker};
use crate::report::ImportReport;

/// What became of one row.
pub(crate) enum Outcome {
    /// Used now (e.g. labels added to a concept).
    Imported,
    /// Deliberately not imported (not an error).
    Skipped,
    /// Rejected, with the reason.
    Rejected(Diagnostic),
    /// Handed to staging, which counts it when it checks it (or already counted a rejection).
    Staged,
}

/// One data row, with typed access to its columns.
pub(crate) struct Row<'a> {
    file: &'a str,
    line: u64,
    columns: &'a HashMap<String, usize>,
    record: &'a csv::ByteRecord,
}

impl Row<'_> {
    /// The row's location: file and the line it starts on.
    pub(crate) fn location(&self) -> Location {
        Location::line(self.file, self.line)
    }

    /// The location of `column` in this row.
    pub(crate) fn at(&self, column: &str) -> Location {
        self.location().with_column(column)
    }

    /// The trimmed text of `column`; empty when the column is absent or the cell empty.
    pub(crate) fn get(&self, column: &str) -> Result<&str, Diagnostic> {
        let Some(&i) = self.columns.get(column) else {
            return Ok("");
        };
        let bytes = self.record.get(i).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| {
            Diagnostic::error(K::InvalidUtf8, self.at(column), "field is not valid UTF-8")
        })
    }

    /// The text of `column`, which must not be empty.
    pub(crate) fn req(&self, column: &str) -> Result<&str, Diagnostic> {
        let text = self.get(column)?;
        if text.is_empty() {
            Err(Diagnostic::error(
                K::MissingValue,
                self.at(column),
                format!("`{column}` is empty"),
            ))
        } else {
            Ok(text)
        }
    }
}

/// An open table: its name for diagnostics, its header and its reader.
pub(crate) struct Table {
    file: String,
    source: usize,
    columns: HashMap<String, usize>,
    width: usize,
    lines: Rc<RefCell<LineIndex>>,
    gate: Gate,
    reader: csv::Reader<Bounded<Lines<Counting<BufReader<File>>>>>,
}

/// The byte offsets of the newlines read but not yet passed by the CSV reader: maps a record's
/// byte offset to its line (the csv crate's own line count skips newlines inside quoted fields
/// in some states). Holds at most one read-ahead buffer's worth of offsets.
#[derive(Debug, Default)]
struct LineIndex {
    /// Offsets of newlines not yet passed.
    pending: VecDeque<u64>,
    /// Newlines already passed.
    passed: u64,
    /// Bytes read so far.
    read: u64,
}

impl LineIndex {
    /// The 1-based line of the record at `offset` (offsets only grow between calls). After a
    /// CRLF the csv reader puts the record at the LF, so a newline at `offset` itself counts.
    fn line_of(&mut self, offset: u64) -> u64 {
        while self.pending.front().is_some_and(|&nl| nl <= offset) {
            self.pending.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

/// A reader that notes where newlines are.
struct Lines<R> {
    inner: R,
    index: Rc<RefCell<LineIndex>>,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut index = self.index.borrow_mut();
        let start = index.read;
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            index.pending.push_back(start + i as u64);
        }
        index.read += n as u64;
        Ok(n)
    }
}

/// How a table file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Comma-separated, double quotes around fields that need them (ESCO).
    Csv,
    /// Tab-separated, quotes are ordinary characters (O*NET's text files).
    Tsv,
}

impl Table {
    /// Opens the CSV table `path`, reads its header and checks that `required` columns are
    /// there.
    pub(crate) fn open(
        path: &Path,
        required: &[&str],
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<Table, ImportError> {
        Table::open_as(path, Dialect::Csv, required, tracker, report)
    }

    /// Opens `path` written in `dialect`, reads its header and checks that `required` columns
    /// are there.
    pub(crate) fn open_as(
        path: &Path,
        dialect: Dialect,
        required: &[&str],
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<Table, ImportError> {
        let file = path.display().to_string();
        let io = |source| ImportError::Io {
            path: path.to_owned(),
            source,
        };
        let handle = File::open(path).map_err(io)?;
        let counting = tracker.start(&file, BufReader::with_capacity(1 << 16, handle));
        let lines = Rc::new(RefCell::new(LineIndex::default()));
        let tracked = Lines {
            inner: counting,
            index: Rc::clone(&lines),
        };
        // A record longer than MAX_RECORD_BYTES (an endless field, `/dev/zero`) stops reading
        // with an error naming its line, after at most that many bytes plus the read-ahead.
        let (tracked, gate) = bounded(tracked, MAX_RECORD_BYTES);
        let mut builder = csv::ReaderBuilder::new();
        builder
            .has_headers(true)
            .buffer_capacity(READ_AHEAD)
            // ESCO leaves out trailing empty fields (skillsHierarchy): short rows are fine.
            .flexible(true);
        if dialect == Dialect::Tsv {
            builder.delimiter(b'\t').quoting(false);
        }
        let mut reader = builder.from_reader(tracked);
        let header = reader.byte_headers().map_err(|e| match e.into_kind() {
            csv::ErrorKind::Io(source) => io(source),
            other => ImportError::MissingColumns {
                file: file.clone(),
                missing: vec![format!("(unreadable header: {other:?})")],
            },
        })?;
        let width = header.len();
        let mut columns = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(name);
            if let Ok(name) = std::str::from_utf8(name) {
                columns.entry(name.trim().to_owned()).or_insert(i);
            }
        }
        let missing: Vec<String> = required
            .iter()
            .filter(|c| !columns.contains_key(**c))
            .map(|c| (*c).to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns { file, missing });
        }
        let source = report.add_source(file.clone());
        Ok(Table {
            file,
            source,
            columns,
            width,
            lines,
            gate,
            reader,
        })
    }

    /// The index of this table's counts in the report.
    pub(crate) fn source(&self) -> usize {
        self.source
    }

    /// The column names of the header, in file order.
    pub(crate) fn column_names(&self) -> Vec<String> {
        let mut names: Vec<(&String, &usize)> = self.columns.iter().collect();
        names.sort_by_key(|(_, i)| **i);
        names.into_iter().map(|(n, _)| n.clone()).collect()
    }

    /// Calls `on_row` for every data row and counts the outcome; malformed rows are rejected
    /// without reaching `on_row`.
    pub(crate) fn each_row(
        mut self,
        tracker: &mut Tracker,
        report: &mut ImportReport,
        mut on_row: impl FnMut(&Row<'_>, &mut ImportReport) -> Outcome,
    ) -> Result<(), ImportError> {
        let mut record = csv::ByteRecord::new();
        let mut rows = 0u32;
        loop {
            let start = self.reader.position().byte();
            let start_line = self.lines.borrow_mut().line_of(start);
            self.gate.record_starts_at(start, start_line);
            let result = self.reader.read_byte_record(&mut record);
            let line = match (&result, record.position()) {
                (Ok(true), Some(p)) => self.lines.borrow_mut().line_of(p.byte()),
                _ => 0,
            };
            let outcome = match result {
                Ok(false) => break,
                Ok(true) if record.len() > self.width => Outcome::Rejected(Diagnostic::error(
                    K::Syntax,
                    Location::line(&self.file, line),
                    format!(
                        "row has {} fields, the header has {} (a quote out of place?)",
                        record.len(),
                        self.width
                    ),
                )),
                Ok(true) => {
                    let row = Row {
                        file: &self.file,
                        line,
                        columns: &self.columns,
                        record: &record,
                    };
                    on_row(&row, report)
                }
                Err(e) => match csv_problem(&self.file, e, &self.lines) {
                    Ok(diagnostic) => Outcome::Rejected(diagnostic),
                    Err(source) => {
                        return Err(ImportError::Io {
                            path: self.file.clone().into(),
                            source,
                        });
                    }
                },
            };
            report.read_one(self.source);
            match outcome {
                Outcome::Imported => report.imported(self.source),
                Outcome::Skipped => report.skipped(self.source),
                Outcome::Rejected(d) => report.reject(self.source, d),
                Outcome::Staged => {}
            }
            rows += 1;
            if rows.is_multiple_of(4096) {
                tracker.tick();
            }
        }
        tracker.flush();
        Ok(())
    }
}

/// The diagnostic for a malformed row, or the I/O error that stops reading.
fn csv_problem(
    file: &str,
    e: csv::Error,
    lines: &RefCell<LineIndex>,
) -> Result<Diagnostic, std::io::Error> {
    let location = Location {
        file: Some(file.to_owned()),
        line: e.position().map(|p| lines.borrow_mut().line_of(p.byte())),
        column: None,
    };
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Err(io),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Ok(Diagnostic::error(
            K::Syntax,
            location,
            format!("row has {len} fields, the header has {expected_len}"),
        )),
        csv::ErrorKind::Utf8 { .. } => Ok(Diagnostic::error(
            K::InvalidUtf8,
            location,
            "row is not valid UTF-8",
        )),
        other => Ok(Diagnostic::error(
            K::Syntax,
            location,
            format!("malformed CSV: {other:?}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vaardig_core::io::bounded::RecordTooLong;

    #[test]
    fn a_field_longer_than_the_record_limit_stops_reading_at_its_line() {
        let dir = tempfile::tempdir().expect("temp dir"); // ok: test code, a failure here fails the test
        let path = dir.path().join("skills_en.csv");
        // Before, a 1 GB field was read whole (peak 2 GB); here 5 MiB stand for it.
        let mut text = String::from("conceptUri,preferredLabel\nesco:a,first\nesco:b,\"");
        text.push_str(&"x".repeat(5 * 1024 * 1024));
        text.push_str("\"\n");
        std::fs::write(&path, text).expect("write"); // ok: test code, a failure here fails the test
        let mut tracker = Tracker::new(None, 0);
        let mut report = ImportReport::new("esco");
        let table = Table::open(&path, &["conceptUri"], &mut tracker, &mut report).expect("open"); // ok: test code, a failure here fails the test
        let mut seen = 0;
        let err = table
            .each_row(&mut tracker, &mut report, |_, _| {
                seen += 1;
                Outcome::Imported
            })
            .expect_err("refused");
        assert_eq!(seen, 1, "the row before the long one is read");
        let ImportError::Io { source, .. } = err else {
            panic!("expected an I/O error, got {err}");
        };
        let long = RecordTooLong::of(&source).expect("a record too long"); // ok: test code, a failure here fails the test
        assert_eq!(long.line, 3);
        assert_eq!(long.limit, MAX_RECORD_BYTES);
    }
}
