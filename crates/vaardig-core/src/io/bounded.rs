//! A reader that refuses a record longer than a limit *while reading*: memory stays bounded by
//! the limit, whatever the input (one endless field, `/dev/zero`, a line with no end).
//!
//! The CSV parser asks the [`Bounded`] reader for bytes; the table loop tells the [`Gate`] where
//! each record starts ([`Gate::record_starts_at`]). The reader never hands out a byte more than
//! `limit + slack` past the start of the current record, where `slack` is the parser's read-ahead
//! buffer: at that point it fails with an [`io::Error`] carrying [`RecordTooLong`], which the
//! table loop reports as a `too_large` diagnostic at the record's line. A record of at most
//! `limit` bytes always passes.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

/// The read-ahead buffer a CSV reader behind a [`Bounded`] reader should be given
/// (`csv::ReaderBuilder::buffer_capacity`): it is the slack the limit allows.
pub const READ_AHEAD: usize = 64 * 1024;

/// Why a [`Bounded`] reader stopped: a record went past the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordTooLong {
    /// The limit in bytes.
    pub limit: u64,
    /// The 1-based line the record starts on.
    pub line: u64,
}

impl fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the record starting on line {} has no end within {} bytes (the limit of one record); refused",
            self.line, self.limit
        )
    }
}

impl std::error::Error for RecordTooLong {}

impl RecordTooLong {
    /// The [`RecordTooLong`] inside `e`, when `e` is the error a [`Bounded`] reader returned.
    pub fn of(e: &io::Error) -> Option<RecordTooLong> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<RecordTooLong>())
            .copied()
    }
}

#[derive(Debug)]
struct State {
    /// Bytes handed out so far.
    read: Cell<u64>,
    /// No byte at or past this offset is handed out.
    end: Cell<u64>,
    /// The line the current record starts on.
    line: Cell<u64>,
    limit: u64,
    slack: u64,
}

/// The handle the table loop keeps: it moves the window to the next record.
#[derive(Debug, Clone)]
pub struct Gate(Rc<State>);

impl Gate {
    /// The next record starts at byte `offset` (as the CSV reader's `position()` says after a
    /// record) on 1-based `line`.
    pub fn record_starts_at(&self, offset: u64, line: u64) {
        self.0
            .end
            .set(offset.saturating_add(self.0.limit + self.0.slack));
        self.0.line.set(line);
    }

    /// Bytes read from the inner reader so far.
    pub fn bytes_read(&self) -> u64 {
        self.0.read.get()
    }

    /// The limit of one record, in bytes.
    pub fn limit(&self) -> u64 {
        self.0.limit
    }
}

/// A reader that stops with [`RecordTooLong`] when one record runs past its limit.
#[derive(Debug)]
pub struct Bounded<R> {
    inner: R,
    state: Rc<State>,
}

/// Wraps `inner` so that no record (as the [`Gate`] is told) runs more than `limit` bytes, with
/// [`READ_AHEAD`] bytes of slack for the parser's buffer. The first record starts at 0, line 1.
pub fn bounded<R: Read>(inner: R, limit: u64) -> (Bounded<R>, Gate) {
    let slack = READ_AHEAD as u64;
    let state = Rc::new(State {
        read: Cell::new(0),
        end: Cell::new(limit.saturating_add(slack)),
        line: Cell::new(1),
        limit,
        slack,
    });
    (
        Bounded {
            inner,
            state: Rc::clone(&state),
        },
        Gate(state),
    )
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let read = self.state.read.get();
        let room = self.state.end.get().saturating_sub(read);
        if room == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                RecordTooLong {
                    limit: self.state.limit,
                    line: self.state.line.get(),
                },
            ));
        }
        let want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.state.read.set(read + n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An endless source that counts what was taken from it.
    struct Endless {
        taken: Rc<Cell<u64>>,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            buf.fill(b'x');
            self.taken.set(self.taken.get() + buf.len() as u64);
            Ok(buf.len())
        }
    }

    #[test]
    fn an_endless_record_is_refused_after_the_limit_and_slack() {
        let taken = Rc::new(Cell::new(0));
        let (reader, _gate) = bounded(
            Endless {
                taken: Rc::clone(&taken),
            },
            1000,
        );
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .buffer_capacity(READ_AHEAD)
            .from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let err = csv
            .read_byte_record(&mut record)
            .expect_err("an endless record is refused");
        let csv::ErrorKind::Io(io) = err.kind() else {
            panic!("expected an I/O error, got {err}");
        };
        assert_eq!(
            RecordTooLong::of(io),
            Some(RecordTooLong {
                limit: 1000,
                line: 1
            })
        );
        assert_eq!(taken.get(), 1000 + READ_AHEAD as u64);
    }

    #[test]
    fn the_window_moves_with_each_record() {
        // 300 records of 900 bytes: each within the 1000-byte limit, together far past it.
        let line = format!("{}\n", "y".repeat(899));
        let text = line.repeat(300);
        let (reader, gate) = bounded(text.as_bytes(), 1000);
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .buffer_capacity(READ_AHEAD)
            .from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let mut rows = 0;
        while csv.read_byte_record(&mut record).expect("within the limit") {
            // ok: test code, a failure here fails the test
            rows += 1;
            let p = csv.position();
            gate.record_starts_at(p.byte(), p.line());
        }
        assert_eq!(rows, 300);
        assert_eq!(gate.bytes_read(), text.len() as u64);
    }
}
