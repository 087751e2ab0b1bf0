//! The occupation matrix kept in the user's cache directory between runs (see
//! [`vaardig_score::MatrixStore`]): one file per key, `VRDGMAT1`, the value count and an xxh3
//! checksum of the values, then the values as little-endian `f32`. A file that is short, long,
//! of another format or with a wrong checksum is ignored (and replaced after recomputing); files
//! are written atomically; the four most recently used are kept.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use vaardig_core::io::atomic::{AtomicFile, OutputPolicy};
use vaardig_score::MatrixStore;

const MAGIC: &[u8; 8] = b"VRDGMAT1";
const HEADER: usize = 8 + 8 + 8;
const EXTENSION: &str = "f32m";
const KEEP: usize = 4;

/// Matrices in one directory.
#[derive(Debug, Clone)]
pub struct FileMatrixStore {
    dir: PathBuf,
}

impl FileMatrixStore {
    /// A store in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FileMatrixStore { dir: dir.into() }
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        // Keys are hex, digits, dots and dashes; anything else is not a file name to trust.
        let safe = key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        (safe && !key.is_empty()).then(|| self.dir.join(format!("{key}.{EXTENSION}")))
    }
}

fn encode(matrix: &[f32]) -> Vec<u8> {
    let mut values = Vec::with_capacity(matrix.len() * 4);
    for v in matrix {
        values.extend_from_slice(&v.to_le_bytes());
    }
    let mut out = Vec::with_capacity(HEADER + values.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(matrix.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&values).to_le_bytes());
    out.extend_from_slice(&values);
    out
}

fn decode(bytes: &[u8], len: usize) -> Option<Vec<f32>> {
    let (header, values) = bytes.split_at_checked(HEADER)?;
    let word = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(header.get(at..at + 8)?.try_into().ok()?))
    };
    if header.get(..8)? != MAGIC
        || word(8)? != len as u64
        || values.len() != len.checked_mul(4)?
        || word(16)? != xxhash_rust::xxh3::xxh3_64(values)
    {
        return None;
    }
    // `as_chunks` gives whole 4-byte arrays without a bounds check per byte, so the loop
    // compiles to a plain copy on little-endian machines.
    let (words, rest) = values.as_chunks::<4>();
    rest.is_empty()
        .then(|| words.iter().map(|&w| f32::from_le_bytes(w)).collect())
}

impl MatrixStore for FileMatrixStore {
    fn load(&self, key: &str, len: usize) -> Option<Vec<f32>> {
        let path = self.path(key)?;
        let bytes = fs::read(&path).ok()?;
        decode(&bytes, len)
    }

    fn save(&self, key: &str, matrix: &[f32]) {
        let Some(path) = self.path(key) else {
            return;
        };
        // A cache: a failure to write costs the next run its time, nothing else.
        let written = fs::create_dir_all(&self.dir).is_ok()
            && AtomicFile::create(&path, &OutputPolicy::new().force(true))
                .is_ok_and(|mut f| f.write_all(&encode(matrix)).is_ok() && f.commit().is_ok());
        if written {
            prune(&self.dir, &path);
        }
    }
}

/// Removes all but the [`KEEP`] most recently modified matrices in `dir` (never `current`).
fn prune(dir: &Path, current: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION) && p != current)
        .filter_map(|p| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, p) in files.into_iter().skip(KEEP - 1) {
        let _ = fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_matrix_loads_and_a_damaged_one_does_not() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("vaardig-matrix-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let store = FileMatrixStore::new(&dir);
        let m = vec![1.0, 0.25, 0.0, 1.0];
        store.save("abc-1", &m);
        assert_eq!(store.load("abc-1", 4), Some(m.clone()));
        assert_eq!(store.load("abc-1", 9), None, "another length");
        assert_eq!(store.load("other", 4), None, "another key");
        assert_eq!(store.load("../abc-1", 4), None, "not a file name");
        let path = dir.join("abc-1.f32m");
        let mut bytes = fs::read(&path)?;
        let last = bytes.len() - 1;
        bytes[last] ^= 0x40;
        fs::write(&path, &bytes)?;
        assert_eq!(store.load("abc-1", 4), None, "checksum");
        fs::write(&path, &bytes[..10])?;
        assert_eq!(store.load("abc-1", 4), None, "truncated");
        for i in 0..6 {
            store.save(&format!("k{i}"), &m);
        }
        let left = fs::read_dir(&dir)?.count();
        assert_eq!(left, KEEP);
        let _ = fs::remove_dir_all(&dir);
        Ok(())
    }
}
