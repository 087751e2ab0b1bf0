//! On-disk indexes: a directory owned by vaardig-search, holding a tantivy index (memory-mapped
//! when opened) and a marker file naming the ontology content hash and index format it was built
//! for. A matching marker means the index is reused; anything else means it is rebuilt.
//!
//! Layout: `DIR/vaardig-search.json` (the marker, written last, so an interrupted build is never
//! mistaken for a finished one) and `DIR/tantivy/` (the index). A directory that holds other
//! files and no marker is refused, never wiped.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;
use vaardig_core::Ontology;

use crate::analysis;
use crate::error::SearchError;
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
}

impl Marker {
    fn for_ontology(ontology: &Ontology) -> Marker {
        let m = ontology.manifest();
        Marker {
            format: FORMAT_VERSION,
            content_hash: format!("{:016x}", ontology.content_hash()),
            ontology: format!("{} {}", m.name, m.version),
        }
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

    match fs::read_to_string(&marker_path) {
        Ok(text) => {
            let found: Option<Marker> = serde_json::from_str(&text).ok();
            if found.as_ref() == Some(&expected)
                && let Some((index, fields)) = reopen(&index_path)
            {
                return Ok((index, fields, Origin::Reused));
            }
            fs::remove_file(&marker_path).map_err(|e| SearchError::io(&marker_path, e))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => refuse_foreign(dir)?,
        Err(e) => return Err(SearchError::io(&marker_path, e)),
    }

    if index_path.exists() {
        fs::remove_dir_all(&index_path).map_err(|e| SearchError::io(&index_path, e))?;
    }
    fs::create_dir_all(&index_path).map_err(|e| SearchError::io(&index_path, e))?;
    let (schema, fields) = schema::schema();
    let index = Index::create_in_dir(&index_path, schema)?;
    analysis::register(index.tokenizers());
    build(&index, &fields)?;
    write_marker(&marker_path, &expected)?;
    Ok((index, fields, Origin::Built))
}

/// Opens an existing index, or `None` when it is missing, broken or of another schema.
fn reopen(index_path: &Path) -> Option<(Index, Fields)> {
    let index = Index::open_in_dir(index_path).ok()?;
    let fields = Fields::of(&index.schema())?;
    analysis::register(index.tokenizers());
    Some((index, fields))
}

/// Fails when `dir` holds anything but an (unfinished) index of ours.
fn refuse_foreign(dir: &Path) -> Result<(), SearchError> {
    let entries = fs::read_dir(dir).map_err(|e| SearchError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SearchError::io(dir, e))?;
        let name = entry.file_name();
        if name != INDEX_DIR && name != temp_name().as_str() {
            return Err(SearchError::ForeignDirectory {
                path: dir.to_path_buf(),
                marker: MARKER,
            });
        }
    }
    Ok(())
}

fn temp_name() -> String {
    format!("{MARKER}.tmp")
}

/// Writes the marker atomically: to a temporary file, then renamed into place.
fn write_marker(path: &Path, marker: &Marker) -> Result<(), SearchError> {
    let tmp: PathBuf = path.with_file_name(temp_name());
    let text = serde_json::to_string_pretty(marker)
        .map_err(|e| SearchError::io(&tmp, std::io::Error::other(e)))?;
    fs::write(&tmp, text).map_err(|e| SearchError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| SearchError::io(path, e))?;
    Ok(())
}
