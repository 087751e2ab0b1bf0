//! Where tables come from: a directory on disk, or bytes compiled into the binary.
//!
//! A table in a directory that is a symbolic link is refused (an I/O error naming it): errors
//! quote what they read (a header, an id), and a table linked to another file (`skills.csv` →
//! `/etc/passwd`) would show that file's content to whoever sees the errors.

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

/// Tables in a directory: regular files in it, never symbolic links (see the module docs).
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
        let path = self.dir.join(file);
        let linked = || {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a symbolic link; tables are read only from files in the directory itself, \
                 so that no other file's content is shown in errors (copy the file in)",
            )
        };
        let before = match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(linked()),
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let f = File::open(&path)?;
        // The name may have been swapped for a link between the check and the open.
        if !same_file(&before, &f.metadata()?) {
            return Err(linked());
        }
        Ok(Some(Box::new(io::BufReader::with_capacity(1 << 16, f))))
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

/// Whether two metadata describe one file (device and inode on Unix).
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Whether two metadata describe one file (only the type can be compared here).
#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.file_type() == b.file_type()
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
