//! Where tables come from: a directory on disk, or bytes compiled into the binary.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A set of named tables (`ontology.toml`, `skills.csv`, ...).
pub trait TableSource {
    /// Opens a table for reading; `Ok(None)` when it does not exist.
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>>;

    /// How to name `file` in diagnostics (a path for a directory).
    fn describe(&self, file: &str) -> String;

    /// The size of `file` in bytes when it is known before reading (a regular file on disk);
    /// `Ok(None)` when it is not (a pipe, a device, a source that cannot tell).
    fn size(&self, file: &str) -> io::Result<Option<u64>> {
        let _ = file;
        Ok(None)
    }
}

/// Tables in a directory.
#[derive(Debug, Clone)]
pub struct DirSource {
    dir: PathBuf,
}

impl DirSource {
    /// Tables in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DirSource { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl TableSource for DirSource {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        match File::open(self.dir.join(file)) {
            Ok(f) => Ok(Some(Box::new(io::BufReader::with_capacity(1 << 16, f)))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn describe(&self, file: &str) -> String {
        self.dir.join(file).display().to_string()
    }

    fn size(&self, file: &str) -> io::Result<Option<u64>> {
        match std::fs::metadata(self.dir.join(file)) {
            Ok(m) if m.is_file() => Ok(Some(m.len())),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Tables held in memory as `(file name, bytes)` pairs, e.g. compiled in with `include_bytes!`.
#[derive(Debug, Clone, Copy)]
pub struct StaticSource {
    tables: &'static [(&'static str, &'static [u8])],
}

impl StaticSource {
    /// Tables from `(file name, bytes)` pairs.
    pub const fn new(tables: &'static [(&'static str, &'static [u8])]) -> Self {
        StaticSource { tables }
    }
}

impl TableSource for StaticSource {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self
            .tables
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, bytes)| Box::new(*bytes) as Box<dyn Read>))
    }

    fn describe(&self, file: &str) -> String {
        format!("<embedded>/{file}")
    }
}

/// Tables in memory with owned bytes (tests, fuzzing).
impl TableSource for Vec<(String, Vec<u8>)> {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, bytes)| Box::new(bytes.as_slice()) as Box<dyn Read>))
    }

    fn describe(&self, file: &str) -> String {
        file.to_owned()
    }
}
