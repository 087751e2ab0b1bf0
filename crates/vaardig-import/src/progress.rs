//! Byte-level progress over a set of input files, driving the caller's callback.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use crate::options::{Progress, ProgressFn};

/// Calls back about this often, in bytes.
const STEP: u64 = 256 * 1024;

/// Tracks bytes read over all files of an import and calls the callback now and then.
pub(crate) struct Tracker {
    callback: Option<ProgressFn>,
    total: u64,
    /// Bytes of files already finished.
    finished: u64,
    /// Bytes of the current file, shared with its [`Counting`] reader.
    current: Rc<Cell<u64>>,
    last_reported: u64,
    file: String,
}

impl Tracker {
    /// A tracker over files of `total` bytes.
    pub(crate) fn new(callback: Option<ProgressFn>, total: u64) -> Self {
        Tracker {
            callback,
            total,
            finished: 0,
            current: Rc::new(Cell::new(0)),
            last_reported: 0,
            file: String::new(),
        }
    }

    /// Starts a file: wraps its reader so bytes are counted.
    pub(crate) fn start<R: Read>(&mut self, file: &str, reader: R) -> Counting<R> {
        self.finished += self.current.get();
        self.current = Rc::new(Cell::new(0));
        self.file = file.to_owned();
        Counting {
            inner: reader,
            count: Rc::clone(&self.current),
        }
    }

    /// Reports progress when enough bytes have been read since the last report.
    pub(crate) fn tick(&mut self) {
        let done = self.finished + self.current.get();
        if done >= self.last_reported + STEP {
            self.report(done);
        }
    }

    /// Reports progress now (at the end of a file).
    pub(crate) fn flush(&mut self) {
        let done = self.finished + self.current.get();
        self.report(done);
    }

    fn report(&mut self, done: u64) {
        self.last_reported = done;
        if let Some(callback) = self.callback.as_mut() {
            callback(&Progress {
                file: self.file.clone(),
                bytes_read: done.min(self.total),
                bytes_total: self.total,
            });
        }
    }
}

/// A reader that counts the bytes passing through it.
pub(crate) struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.count.set(self.count.get() + amt as u64);
        self.inner.consume(amt);
    }
}
