//! Fingerprints this crate's source code for the ontology snapshots (`src/snapshot.rs`).
//!
//! A snapshot is trusted only when it was written by the code that reads it: a change to how
//! tables are read, validated or serialised (a new field in `concept.rs`, a new relation kind)
//! must invalidate every snapshot, even when the tables themselves did not change. The
//! fingerprint is a 64-bit FNV-1a hash over the path and bytes of every file under `src/`, in
//! path order, written to `$OUT_DIR/fingerprint.rs`.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=build.rs");
    let root = Path::new("src");
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        // `/` on every platform, so the same source gives the same fingerprint everywhere.
        let name = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        eat(name.as_bytes());
        eat(&[0]);
        match fs::read(file) {
            Ok(bytes) => {
                eat(&bytes);
                eat(&(bytes.len() as u64).to_le_bytes());
            }
            Err(e) => panic!("cannot read {}: {e}", file.display()),
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("fingerprint.rs");
    let code = format!(
        "/// A hash of vaardig-core's source code (see `build.rs`).\n\
         pub(crate) const CODE_FINGERPRINT: u64 = 0x{hash:016x};\n"
    );
    if let Err(e) = fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(&path, files),
            Ok(t) if t.is_file() => files.push(path),
            _ => {}
        }
    }
}
