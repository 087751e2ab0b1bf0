//! The content of a finished index, file by file: size and xxh3-128 of every file, recorded
//! in the stamp when the index is complete and checked before it is reused, so one changed
//! byte anywhere — a segment file, `meta.json`, `.managed.json` — means a rebuild.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// One file's size and checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileSum {
    /// Length in bytes.
    pub bytes: u64,
    /// xxh3-128 of the content, in hex.
    pub xxh3: String,
}

/// Every file of an index, by name.
pub(crate) type Sums = BTreeMap<String, FileSum>;

/// The sums of every regular file directly in `dir` except those `skip` names.
pub(crate) fn of_dir(dir: &Path, skip: impl Fn(&str) -> bool) -> io::Result<Sums> {
    let mut sums = Sums::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if skip(&name) || !entry.file_type()?.is_file() {
            continue;
        }
        sums.insert(name, of_file(&entry.path())?);
    }
    Ok(sums)
}

/// Whether every file in `sums` is in `dir`, a regular file (not a link), of that size and
/// content. An empty list verifies nothing and fails.
pub(crate) fn verify(dir: &Path, sums: &Sums) -> bool {
    !sums.is_empty()
        && sums.iter().all(|(name, want)| {
            let path = dir.join(name);
            fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() == want.bytes)
                && of_file(&path).is_ok_and(|got| got == *want)
        })
}

/// One file's sum, read in 64 KiB blocks.
fn of_file(path: &Path) -> io::Result<FileSum> {
    let mut file = fs::File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok(FileSum {
        bytes,
        xxh3: format!("{:032x}", hasher.digest128()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_missing_or_linked_file_fails_verification() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        fs::write(dir.path().join("a"), b"alpha")?;
        fs::write(dir.path().join("b.lock"), b"")?;
        let sums = of_dir(dir.path(), |n| n.ends_with(".lock"))?;
        assert_eq!(sums.keys().collect::<Vec<_>>(), ["a"]);
        assert_eq!(sums["a"].bytes, 5);
        assert!(verify(dir.path(), &sums));
        fs::write(dir.path().join("a"), b"alphb")?;
        assert!(!verify(dir.path(), &sums), "same length, other content");
        fs::remove_file(dir.path().join("a"))?;
        assert!(!verify(dir.path(), &sums), "missing");
        #[cfg(unix)]
        {
            fs::write(dir.path().join("target"), b"alpha")?;
            std::os::unix::fs::symlink(dir.path().join("target"), dir.path().join("a"))?;
            assert!(
                !verify(dir.path(), &sums),
                "a link, even to the right bytes"
            );
        }
        assert!(!verify(dir.path(), &Sums::new()), "nothing listed");
        Ok(())
    }
}
