//! On-disk indexes: a directory owned by vaardig-search, holding a tantivy index (memory-mapped
//! when opened) and a marker file naming the ontology content hash, index format and document
//! count it was built for. The index carries its own stamp, which also lists the size and
//! xxh3-128 of every file in it ([`crate::checksum`]). A matching marker and stamp, every file
//! of the stamp's list intact, and an index that opens and holds that many documents, means
//! the index is reused; anything else means it is rebuilt. A finished index is never changed
//! in place, so it is opened read-only, without tantivy's lock files
//! ([`crate::read_only`]): read-only storage works.
//!
//! Layout: `DIR/vaardig-search.json` (the marker) and `DIR/tantivy/` (the index, with a copy of
//! the marker inside, its stamp). A build writes a fresh temporary sibling
//! `DIR/.tantivy.vaardig-tmp.PID.N`, stamps it, renames it into place, and only then writes the
//! marker (atomically, through `vaardig_core::io::AtomicFile`): an interrupted build is never
//! mistaken for a finished one, and nothing is ever written through a symbolic link. A builder
//! that loses a race to another process opens the winner's index when it is stamped for the
//! same ontology. A directory that holds other files and no marker — even a folder named
//! `tantivy` without our stamp — is refused, never wiped.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use tantivy::Index;
use vaardig_core::Ontology;
use vaardig_core::io::{AtomicFile, OutputPolicy};

use crate::analysis;
use crate::checksum::{self, Sums};
use crate::error::SearchError;
use crate::read_only::ReadOnly;
use crate::schema::{self, FORMAT_VERSION, Fields};

/// The marker file's name.
pub(crate) const MARKER: &str = "vaardig-search.json";
/// The tantivy index's sub-directory.
const INDEX_DIR: &str = "tantivy";

/// What the marker records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Marker {
    /// [`FORMAT_VERSION`] of the code that built the index.
    format: u32,
    /// The ontology's [`Ontology::content_hash`], in hex.
    content_hash: String,
    /// The ontology's name and version, for people reading the file.
    ontology: String,
    /// How many label documents the index holds.
    documents: u64,
    /// Size and checksum of every file of the index (the stamp itself and lock files left
    /// out). A marker without the list is from an older build and is not trusted.
    files: Sums,
}

impl Marker {
    fn for_ontology(ontology: &Ontology) -> Marker {
        let m = ontology.manifest();
        Marker {
            format: FORMAT_VERSION,
            content_hash: format!("{:016x}", ontology.content_hash()),
            ontology: format!("{} {}", m.name, m.version),
            documents: 0,
            files: Sums::new(),
        }
    }

    /// Built by this format for this ontology (the document count is checked on opening).
    fn matches(&self, other: &Marker) -> bool {
        self.format == other.format && self.content_hash == other.content_hash
    }

    /// The same index: same format, ontology and document count (the files may differ, as
    /// two builds of one ontology name their segments differently).
    fn same_index(&self, other: &Marker) -> bool {
        self.matches(other) && self.documents == other.documents
    }
}

/// How [`open_or_build`] got its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An existing index matched the ontology and was opened.
    Reused,
    /// The index was (re)built.
    Built,
}

/// Opens the index in `dir` if it was built for `ontology`, else builds it there with `build`.
pub(crate) fn open_or_build(
    ontology: &Ontology,
    dir: &Path,
    build: impl FnOnce(&Index, &Fields) -> Result<(), SearchError>,
) -> Result<(Index, Fields, Origin), SearchError> {
    fs::create_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
    let marker_path = dir.join(MARKER);
    let index_path = dir.join(INDEX_DIR);
    let expected = Marker::for_ontology(ontology);

    match read_marker(&marker_path) {
        Ok(Some(found)) => {
            // The index must carry the same stamp: a build killed between putting its index in
            // place and writing the marker leaves another ontology's index beside this marker.
            let stamped = read_marker(&index_path.join(MARKER)).ok().flatten();
            if found.matches(&expected)
                && let Some(stamp) = stamped
                && stamp.same_index(&found)
                && let Some((index, fields)) = reopen(&index_path, &stamp)
            {
                return Ok((index, fields, Origin::Reused));
            }
        }
        // A marker that is not ours to read (broken, a link): ours to replace.
        Ok(None) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => refuse_foreign(dir)?,
        Err(e) => return Err(SearchError::io(&marker_path, e)),
    }

    // Build into a fresh temporary sibling (removed again if anything fails).
    let tmp = Temp(sibling(dir, "tmp"));
    fs::create_dir(&tmp.0).map_err(|e| SearchError::io(&tmp.0, e))?;
    let (schema, fields) = schema::schema();
    let index = Index::create_in_dir(&tmp.0, schema)?;
    analysis::register(index.tokenizers());
    build(&index, &fields)?;
    let documents = index.reader()?.searcher().num_docs();
    drop(index);
    // The build's lock files guard nothing once it is done; a finished index holds none.
    remove_lock_files(&tmp.0)?;
    let files =
        checksum::of_dir(&tmp.0, |name| name == MARKER).map_err(|e| SearchError::io(&tmp.0, e))?;
    let marker = Marker {
        documents,
        files,
        ..expected
    };
    write_new_file(&tmp.0.join(MARKER), &marker)?;

    let (index, fields, in_place) = swap_in(&tmp.0, &index_path, &marker)?;
    write_marker(&marker_path, &in_place)?;
    Ok((index, fields, Origin::Built))
}

/// Whether `name` is one of tantivy's lock files (`.tantivy-writer.lock`, `.tantivy-meta.lock`).
fn is_lock_file(name: &str) -> bool {
    name.starts_with(".tantivy-") && name.ends_with(".lock")
}

/// Removes the lock files a build left in `dir`.
fn remove_lock_files(dir: &Path) -> Result<(), SearchError> {
    for entry in fs::read_dir(dir).map_err(|e| SearchError::io(dir, e))? {
        let entry = entry.map_err(|e| SearchError::io(dir, e))?;
        if is_lock_file(&entry.file_name().to_string_lossy()) {
            fs::remove_file(entry.path()).map_err(|e| SearchError::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// Puts the built index `tmp` at `index_path` (moving an old one aside first) and opens it,
/// with the stamp of the index now in place. When `index_path` already holds a good index
/// stamped for the same ontology — another process won the race — that one is opened and ours
/// is discarded.
fn swap_in(
    tmp: &Path,
    index_path: &Path,
    ours: &Marker,
) -> Result<(Index, Fields, Marker), SearchError> {
    let io = |e| SearchError::io(index_path, e);
    let theirs = || {
        read_marker(&index_path.join(MARKER))
            .ok()
            .flatten()
            .filter(|theirs| theirs.same_index(ours))
    };
    for _ in 0..4 {
        if let Some(stamp) = theirs()
            && let Some((index, fields)) = reopen(index_path, &stamp)
        {
            return Ok((index, fields, stamp));
        }
        match fs::symlink_metadata(index_path) {
            Ok(m) if m.file_type().is_symlink() || m.is_file() => {
                // Never follow it: remove the link (or stray file) itself.
                fs::remove_file(index_path).map_err(io)?;
            }
            Ok(_) => {
                let old = sibling(index_path.parent().unwrap_or(Path::new(".")), "old");
                match fs::rename(index_path, &old) {
                    Ok(()) => {
                        let _ = fs::remove_dir_all(&old);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(io(e)),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(e)),
        }
        if fs::rename(tmp, index_path).is_ok()
            && let Some((index, fields)) = reopen(index_path, ours)
        {
            return Ok((index, fields, ours.clone()));
        }
        // Lost a race: another index arrived in between; the next round looks at it.
    }
    Err(io(std::io::Error::other(
        "other processes keep replacing the index; try again",
    )))
}

/// A temporary directory, removed when dropped (after a rename it is gone already).
struct Temp(PathBuf);

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// `DIR/.tantivy.vaardig-KIND.PID.N`.
fn sibling(dir: &Path, kind: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(
        ".{INDEX_DIR}.vaardig-{kind}.{}.{n}",
        std::process::id()
    ))
}

/// The marker at `path`: `Ok(None)` when it is there but not a readable marker of ours (broken,
/// a link, another format), `Err` when it cannot be read (`NotFound` when absent).
fn read_marker(path: &Path) -> std::io::Result<Option<Marker>> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Ok(None);
    }
    let text = fs::read_to_string(path)?;
    Ok(serde_json::from_str(&text).ok())
}

/// Opens an existing index read-only, or `None` when it is missing, a link, differs by one byte
/// from what its `stamp` lists (a changed, missing or truncated file), is of another schema,
/// or does not hold the documents the stamp promises (e.g. a `meta.json` without segments).
fn reopen(index_path: &Path, stamp: &Marker) -> Option<(Index, Fields)> {
    if fs::symlink_metadata(index_path)
        .ok()?
        .file_type()
        .is_symlink()
    {
        return None;
    }
    // Every byte as built: one changed byte anywhere means rebuilding.
    if !checksum::verify(index_path, &stamp.files) {
        return None;
    }
    let index = Index::open(ReadOnly::open(index_path)?).ok()?;
    let fields = Fields::of(&index.schema())?;
    analysis::register(index.tokenizers());
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .ok()?;
    let searcher = reader.searcher();
    if searcher.num_docs() != stamp.documents {
        return None;
    }
    // Every segment's stored documents must be readable.
    for segment in searcher.segment_readers() {
        segment.get_store_reader(0).ok()?;
    }
    Some((index, fields))
}

/// Fails when `dir` holds anything but an (unfinished) index of ours.
fn refuse_foreign(dir: &Path) -> Result<(), SearchError> {
    let entries = fs::read_dir(dir).map_err(|e| SearchError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SearchError::io(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = if name == INDEX_DIR {
            // Ours only when stamped: a user's own `tantivy/` folder is left alone.
            fs::symlink_metadata(entry.path().join(MARKER)).is_ok_and(|m| m.is_file())
        } else {
            name.starts_with(&format!(".{INDEX_DIR}.vaardig-"))
                || name.starts_with(&format!(".{MARKER}.vaardig-"))
                || name == format!("{MARKER}.tmp")
        };
        if !ours {
            return Err(SearchError::ForeignDirectory {
                path: dir.to_path_buf(),
                marker: MARKER,
            });
        }
    }
    Ok(())
}

/// Writes a new file (never through a link: `create_new` fails on one) and fsyncs it.
fn write_new_file(path: &Path, marker: &Marker) -> Result<(), SearchError> {
    use std::io::Write;
    let text = serde_json::to_string_pretty(marker)
        .map_err(|e| SearchError::io(path, std::io::Error::other(e)))?;
    let mut file = fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| SearchError::io(path, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| SearchError::io(path, e))
}

/// Writes the marker atomically (a temporary sibling renamed into place); a link or broken file
/// where the marker should be is replaced, never written through.
fn write_marker(path: &Path, marker: &Marker) -> Result<(), SearchError> {
    use std::io::Write;
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        fs::remove_file(path).map_err(|e| SearchError::io(path, e))?;
    }
    let text = serde_json::to_string_pretty(marker)
        .map_err(|e| SearchError::io(path, std::io::Error::other(e)))?;
    let policy = OutputPolicy::new().force(true);
    let mut file =
        AtomicFile::create(path, &policy).map_err(|e| SearchError::io(path, e.into()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| SearchError::io(path, e))?;
    file.commit().map_err(|e| SearchError::io(path, e.into()))
}
