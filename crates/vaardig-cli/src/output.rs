//! Printing: JSON for machines, aligned text tables for people, and the one way to stdout.
//!
//! Everything the commands print goes through [`Stdout`] (or the `out!` / `outln!` macros,
//! which use it), never `print!`: those panic when the reader has gone away (`vaardig validate
//! | head -1`) or the disk is full. A failed write here is remembered, so `main` can tell a
//! closed pipe (exit 0, quietly, like Unix tools) from any other failure (a clean error, exit 2),
//! however the error was wrapped on its way up.

use std::io::{self, Write};
use std::path::Path;
use std::sync::OnceLock;

use anyhow::Context as _;
use serde::Serialize;
use vaardig_core::io::{AtomicFile, OutputPolicy};

/// The first write error on standard output, kept for `main` to classify.
static STDOUT_FAILURE: OnceLock<io::Error> = OnceLock::new();

/// Prints formatted text on stdout; evaluates to `std::io::Result<()>`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write_out(format_args!($($arg)*))
    };
}

/// Prints formatted text and a newline on stdout; evaluates to `std::io::Result<()>`.
macro_rules! outln {
    () => {
        $crate::output::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Prints formatted text and a newline on stderr, ignoring failure (stderr is where failures
/// are reported; there is nowhere left to report its own).
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Prints formatted text on stderr, ignoring failure (see `errln!`).
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

pub(crate) use {err, errln, out, outln};

/// Standard output that records its first failure (see the module docs). Unbuffered beyond
/// std's line buffering; wrap it in a `BufWriter` for bulk output and flush before returning.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stdout;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        io::stdout().write(buf).map_err(remember)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        io::stdout().write_all(buf).map_err(remember)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stdout().flush().map_err(remember)
    }
}

fn remember(err: io::Error) -> io::Error {
    let kept = io::Error::new(err.kind(), err.to_string());
    let _ = STDOUT_FAILURE.set(kept);
    err
}

/// Writes formatted text on stdout (the `out!` and `outln!` macros call this).
pub fn write_out(args: std::fmt::Arguments<'_>) -> io::Result<()> {
    Stdout.write_fmt(args)
}

/// Flushes stdout at the end of a command; a failure is remembered like any other.
pub fn flush_stdout() -> io::Result<()> {
    Stdout.flush()
}

/// How writing to stdout went wrong, if it did.
pub enum StdoutFailure {
    /// The reader went away (a closed pipe): stop quietly, successfully.
    Closed,
    /// Anything else (a full disk, an I/O error): an error worth reporting.
    Failed(String),
}

/// The first failure writing stdout, classified.
pub fn stdout_failure() -> Option<StdoutFailure> {
    STDOUT_FAILURE.get().map(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            StdoutFailure::Closed
        } else {
            StdoutFailure::Failed(e.to_string())
        }
    })
}

/// Writes `bytes` to the file `path` atomically (see [`vaardig_core::io::atomic`]).
pub fn write_file(path: &Path, bytes: &[u8], policy: &OutputPolicy) -> anyhow::Result<()> {
    write_with(path, policy, |out| out.write_all(bytes))
}

/// Writes the file `path` atomically with `write`: it appears whole, or not at all.
pub fn write_with(
    path: &Path,
    policy: &OutputPolicy,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let mut file = AtomicFile::create(path, policy)?;
    write(&mut file).with_context(|| format!("cannot write {}", path.display()))?;
    file.commit()?;
    Ok(())
}

/// Prints `value` as pretty JSON on stdout, followed by a newline.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(Stdout);
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Renders rows as a text table with left-aligned columns (widths by characters).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths.get(i).copied().unwrap_or(0)))
            .collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(header.to_vec(), &mut out);
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
        &mut out,
    );
    for row in rows {
        line(row.iter().map(String::as_str).collect(), &mut out);
    }
    out
}
