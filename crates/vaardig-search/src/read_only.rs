//! [`ReadOnly`]: a finished on-disk index opened for reading only — no lock files, no writes.
//!
//! A finished index is never changed in place (a rebuild writes a new directory and renames it
//! over the old one), so the meta lock tantivy takes while opening segments guards nothing here;
//! taking it creates a file, which fails on read-only storage. Reads pass through to an
//! [`MmapDirectory`]; every write is refused with `PermissionDenied`.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// A read-only view of an index directory (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct ReadOnly(MmapDirectory);

impl ReadOnly {
    /// Opens `path` (which must exist) for reading.
    pub(crate) fn open(path: &Path) -> Option<ReadOnly> {
        MmapDirectory::open(path).ok().map(ReadOnly)
    }
}

fn refused(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("{}: a finished index is read-only", path.display()),
    )
}

impl Directory for ReadOnly {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(refused(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(refused(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(refused(path))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    /// Nothing to guard (the index never changes in place), so no lock file is taken.
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}
