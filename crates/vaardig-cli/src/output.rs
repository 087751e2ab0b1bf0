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

/// Prints formatted text and a newline on stderr, ignoring failure (see [`write_err`]).
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::output::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Prints formatted text on stderr, ignoring failure (see [`write_err`]).
macro_rules! err {
    ($($arg:tt)*) => {
        $crate::output::write_err(format_args!($($arg)*))
    };
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

/// Writes formatted text on stdout (the `out!` and `outln!` macros call this), with terminal
/// control characters escaped (see [`escape_controls`]).
pub fn write_out(args: std::fmt::Arguments<'_>) -> io::Result<()> {
    match args.as_str() {
        Some(text) => Stdout.write_all(escape_controls(text).as_bytes()),
        None => Stdout.write_all(escape_controls(&args.to_string()).as_bytes()),
    }
}

/// Writes formatted text on stderr with control characters escaped, ignoring failure: stderr
/// is where failures are reported, and there is nowhere left to report its own.
pub fn write_err(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let _ = io::stderr().write_all(escape_controls(&text).as_bytes());
}

/// Whether `c` could drive a terminal rather than show as text: control characters (ESC, CR,
/// BEL, backspace, C1 controls such as CSI) other than newline and tab, and the bidirectional
/// overrides and isolates that make text read in another order than it is stored.
fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every terminal control character written as an escape (`\u{1b}`), so a label
/// from an input file cannot move the cursor, recolour or retitle the terminal, or hide text.
/// JSON and the file exports are not touched by this (they escape by their own rules).
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_terminal_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_terminal_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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

/// `x` with `decimals` decimals, never `-0` or `-0.00` (a value that rounds to zero has no sign).
pub fn fixed(x: f64, decimals: usize) -> String {
    let text = format!("{x:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        _ => text,
    }
}

/// Renders rows as a text table with left-aligned columns (widths by characters).
///
/// Cells are single lines: a newline or tab inside one is shown as `\n` or `\t`.
pub fn table<H: AsRef<str>>(header: &[H], rows: &[Vec<String>]) -> String {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let cell = |c: &str| c.replace('\n', "\\n").replace('\t', "\\t");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let rows = &rows[..];
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
    line(header.clone(), &mut out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_text_is_kept() {
        assert_eq!(escape_controls("wondzorg"), "wondzorg");
        assert_eq!(escape_controls("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(
            escape_controls("bel\u{7}\r\u{9b}"),
            "bel\\u{7}\\u{d}\\u{9b}"
        );
        assert_eq!(escape_controls("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escape_controls("twee\nregels\tén"), "twee\nregels\tén");
    }

    #[test]
    fn table_cells_stay_on_one_line() {
        let t = table(&["a"], &[vec!["x\ny".to_owned()]]);
        assert_eq!(t.lines().count(), 3, "{t}");
        assert!(t.contains("x\\ny"));
    }

    #[test]
    fn fixed_never_prints_a_negative_zero() {
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-0.4, 0), "0");
        assert_eq!(fixed(-0.6, 0), "-1");
        assert_eq!(fixed(12.345, 1), "12.3");
    }
}
