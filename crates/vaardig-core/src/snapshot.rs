//! Binary snapshots of a loaded ontology, so a process starts in milliseconds instead of
//! reading and validating every table again.
//!
//! [`Ontology::open`] loads an ontology directory (`ontology.toml` plus CSV tables) through a
//! snapshot: it hashes the directory's input files ([`InputHash`]), and when a snapshot made
//! from exactly those bytes is found — next to the tables ([`SNAPSHOT_FILE`]) or in the user's
//! cache directory ([`default_cache_dir`]) — it rebuilds the [`Ontology`] from it; otherwise it
//! loads the tables as [`crate::load_dir`] does and writes a snapshot for next time (next to the
//! tables when that directory is writable, else in the cache directory). The answer is the
//! same either way: the same [`Built`] (ontology and warnings) that `load_dir` returns.
//!
//! # Never trusting a wrong snapshot
//! A snapshot is used only when all of these hold, and is otherwise ignored and rebuilt (the
//! reason is reported in [`Opened::notes`], never as an error and never as a panic):
//! - it starts with the magic bytes and the current [`FORMAT_VERSION`];
//! - it was written by the same vaardig-core source code (a fingerprint of `src/` made at
//!   build time: a new field or relation kind changes what the same tables load into);
//! - its header names the [`InputHash`] of the tables being opened (a changed table is stale);
//! - it has exactly the payload length its header promises (a cut file is truncated);
//! - the 128-bit xxh3 checksum of header and payload matches (a flipped byte is corrupt);
//! - the payload decodes, its ids are strictly ascending and every relation's endpoints exist.
//!
//! # Why the snapshot path does not validate again
//! A snapshot holds the *validated* state: it is written only from the [`Built`] that
//! [`crate::OntologyBuilder::build`] returned for those exact input bytes (the tables are read
//! into memory once, hashed, and loaded from that same memory, so no change to a file between
//! hashing and loading can slip in), by the same code (the source fingerprint). Matching input
//! hash, fingerprint and checksum therefore prove that validating again would give the same
//! ontology and the same warnings. The cheap structural checks above keep even a deliberately
//! forged file (xxh3 is not a cryptographic hash) from causing a panic or an out-of-range
//! index; whoever can write the snapshot can write the tables too, so it is trusted no further.
//!
//! # Format
//! A 72-byte header — magic `VRDGSNAP`, format (u32), reserved (u32), source fingerprint (u64),
//! input hash (u128), [`Ontology::content_hash`] (u64), payload length (u64), checksum (u128),
//! all little-endian — and a MessagePack payload (`rmp-serde`, structs as maps, so fields the
//! model gains are carried through serde without code here): the manifest, the concepts in
//! node order as `(id, labels, data, …)` in chunks of 2,048 (each chunk its own MessagePack
//! list inside a `bin`, so the chunks decode on all cores), the distinct relation values, the edges in edge order as
//! packed `(from, to, value)` little-endian u32 triples, and the warnings as
//! `(severity, kind, file, line, column, concept, message)` tuples in a `bin` of their own
//! (decoded beside the chunks). Rebuilding
//! the graph in the same order gives the same node indices and the same neighbour order, so
//! the ontology equals the loaded one (its JSON export is byte for byte the same). The bytes
//! are deterministic: the same ontology always gives the same snapshot.
//!
//! ```
//! use vaardig_core::snapshot::{OpenOptions, Origin};
//! use vaardig_core::{Ontology, write_dir};
//!
//! let tmp = std::env::temp_dir().join(format!("vaardig-snapshot-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&tmp);
//! write_dir(&Ontology::embedded()?, tmp.join("ontology"))?;
//! let options = OpenOptions::new().cache_dir(tmp.join("cache"));
//!
//! let first = Ontology::open_with(tmp.join("ontology"), &options)?;
//! assert!(matches!(first.origin, Origin::Loaded { written: Some(_) }));
//! let second = Ontology::open_with(tmp.join("ontology"), &options)?;
//! assert!(matches!(second.origin, Origin::Snapshot(_)));
//! assert_eq!(first.built.ontology, second.built.ontology);
//! # std::fs::remove_dir_all(&tmp)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::builder::Built;
use crate::concept::{Concept, Relation};
use crate::diagnostic::{Diagnostic, Location, OntologyError};
use crate::io::atomic::{AtomicFile, OutputError, OutputPolicy};
use crate::io::{DirSource, TableSource};
use crate::manifest::{MANIFEST_FILE, Manifest};
use crate::model::{ConceptKind, RelationKind};
use crate::ontology::Ontology;

include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));

/// The snapshot file's name inside an ontology directory.
pub const SNAPSHOT_FILE: &str = ".vaardig-snapshot";
/// The version of the snapshot layout; a snapshot of another version is rebuilt.
pub const FORMAT_VERSION: u32 = 4;
/// The environment variable naming the cache directory (overrides the XDG default).
pub const CACHE_DIR_ENV: &str = "VAARDIG_CACHE_DIR";
/// The environment variable that, set to anything but empty or `0`, turns snapshots and
/// cached indexes off.
pub const NO_CACHE_ENV: &str = "VAARDIG_NO_CACHE";

const MAGIC: [u8; 8] = *b"VRDGSNAP";
const HEADER_LEN: usize = 72;
/// Input files are hashed in pieces of this size.
const READ_CHUNK: usize = 1 << 16;

/// A 128-bit hash of an ontology directory's input files: the manifest and every table the
/// loader reads, by name, in a fixed order, absent tables included as absent.
///
/// ```
/// use vaardig_core::io::StaticSource;
/// use vaardig_core::snapshot::InputHash;
///
/// let a = InputHash::of_source(&StaticSource::new(vaardig_core::EMBEDDED_TABLES))?;
/// let b = InputHash::of_source(&StaticSource::new(vaardig_core::EMBEDDED_TABLES))?;
/// assert_eq!(a, b);
/// assert_eq!(a.to_hex().len(), 32);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputHash(u128);

impl InputHash {
    /// The hash of the input files of directory `dir`.
    ///
    /// # Errors
    /// The first I/O error reading a file that exists.
    pub fn of_dir(dir: impl AsRef<Path>) -> io::Result<InputHash> {
        InputHash::of_source(&DirSource::new(dir.as_ref()))
    }

    /// The hash of the input files of any [`TableSource`]; equal bytes give equal hashes
    /// whatever the source.
    ///
    /// # Errors
    /// The first I/O error reading a file that exists.
    pub fn of_source(source: &dyn TableSource) -> io::Result<InputHash> {
        let mut hasher = Xxh3::new();
        let mut buf = vec![0u8; READ_CHUNK];
        for name in input_files() {
            hasher.update(name.as_bytes());
            hasher.update(&[0]);
            match source.open(name)? {
                None => hasher.update(&[0]),
                Some(mut reader) => {
                    hasher.update(&[1]);
                    let mut len: u64 = 0;
                    loop {
                        let n = match reader.read(&mut buf) {
                            Ok(0) => break,
                            Ok(n) => n,
                            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                            Err(e) => return Err(e),
                        };
                        hasher.update(&buf[..n]);
                        len += n as u64;
                    }
                    // The length after the bytes keeps file boundaries unambiguous.
                    hasher.update(&len.to_le_bytes());
                }
            }
        }
        Ok(InputHash(hasher.digest128()))
    }

    /// The hash as 32 lowercase hex digits.
    pub fn to_hex(self) -> String {
        format!("{:032x}", self.0)
    }
}

/// The files the loader reads, in the order they are hashed: the manifest, then every concept
/// table, then every relation table (as [`crate::io::load`] reads them).
pub fn input_files() -> impl Iterator<Item = &'static str> {
    std::iter::once(MANIFEST_FILE)
        .chain(ConceptKind::ALL.iter().map(|k| k.table_file()))
        .chain(
            crate::io::columns::ANNOTATION_TABLES
                .iter()
                .map(|(f, _)| *f),
        )
        .chain(RelationKind::ALL.iter().map(|k| k.table_file()))
}

/// Why a snapshot was not used, or could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// There is no snapshot at the path.
    #[error("no snapshot at {}", path.display())]
    NotFound {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The snapshot could not be read.
    #[error("cannot read snapshot {}", path.display())]
    Io {
        /// The snapshot.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The file does not start like a snapshot.
    #[error("{} is not a vaardig snapshot", path.display())]
    NotASnapshot {
        /// The file.
        path: PathBuf,
    },
    /// Another snapshot format.
    #[error("snapshot {} has format {found}, this build reads format {expected}", path.display())]
    Version {
        /// The snapshot.
        path: PathBuf,
        /// Its format.
        found: u32,
        /// [`FORMAT_VERSION`].
        expected: u32,
    },
    /// Written by another version of vaardig-core's code.
    #[error("snapshot {} was written by another build of vaardig-core", path.display())]
    OtherBuild {
        /// The snapshot.
        path: PathBuf,
    },
    /// Made from other input files (a table changed since).
    #[error("snapshot {} is stale: the tables changed since it was made", path.display())]
    Stale {
        /// The snapshot.
        path: PathBuf,
    },
    /// Shorter or longer than its header says.
    #[error("snapshot {} is truncated: {found} bytes where the header promises {expected}", path.display())]
    Truncated {
        /// The snapshot.
        path: PathBuf,
        /// Its length in bytes.
        found: u64,
        /// The length its header promises.
        expected: u64,
    },
    /// The checksum does not match: some byte changed.
    #[error("snapshot {} is corrupted: its checksum does not match", path.display())]
    Corrupt {
        /// The snapshot.
        path: PathBuf,
    },
    /// The payload cannot be decoded, or breaks an invariant of [`Ontology`].
    #[error("snapshot {} cannot be decoded: {reason}", path.display())]
    Decode {
        /// The snapshot.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The snapshot could not be written.
    #[error("cannot write snapshot {}", path.display())]
    Write {
        /// Where it was to go.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: OutputError,
    },
}

impl SnapshotError {
    /// The snapshot file concerned.
    pub fn path(&self) -> &Path {
        match self {
            SnapshotError::NotFound { path }
            | SnapshotError::Io { path, .. }
            | SnapshotError::NotASnapshot { path }
            | SnapshotError::Version { path, .. }
            | SnapshotError::OtherBuild { path }
            | SnapshotError::Stale { path }
            | SnapshotError::Truncated { path, .. }
            | SnapshotError::Corrupt { path }
            | SnapshotError::Decode { path, .. }
            | SnapshotError::Write { path, .. } => path,
        }
    }
}

/// What is written: borrowed from the ontology, so writing copies nothing but the concept
/// chunks' own encoding.
#[derive(Serialize)]
struct BodyRef<'a> {
    manifest: &'a Manifest,
    /// The concepts in node order, [`CHUNK_CONCEPTS`] to a chunk, each chunk its own
    /// MessagePack list of [`ConceptRef`]s in a `bin`: the chunks decode in parallel.
    concept_chunks: Vec<Blob<'a>>,
    relation_values: Vec<&'a Relation>,
    edges: Blob<'a>,
    /// The warnings as one MessagePack list of [`DiagnosticRef`] tuples in a `bin`, decoded
    /// beside the concept chunks.
    warnings: Blob<'a>,
}

/// Concepts per chunk of [`BodyRef::concept_chunks`]. Fixed, so the bytes do not depend on
/// the machine; small enough that ESCO's 17,550 concepts make nine chunks to share out.
const CHUNK_CONCEPTS: usize = 2048;

/// Bytes written as one MessagePack `bin` (serde writes a plain `&[u8]` as a list of numbers).
struct Blob<'a>(&'a [u8]);

impl Serialize for Blob<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// Bytes of one edge in [`BodyRef::edges`]: `from`, `to` and the index of its relation in
/// `relation_values`, each a little-endian u32. Real ontologies have a handful of distinct
/// relation values (ESCO: 4) and a hundred thousand edges, so this is a tenth of the size and
/// decoding time of one MessagePack map per edge.
const EDGE_BYTES: usize = 12;

fn pack_edges(edges: impl Iterator<Item = (u32, u32, u32)>) -> Vec<u8> {
    let mut out = Vec::with_capacity(edges.size_hint().0 * EDGE_BYTES);
    for (from, to, value) in edges {
        out.extend_from_slice(&from.to_le_bytes());
        out.extend_from_slice(&to.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// A concept as the tuple `(id, labels, data, (status, replaced_by, codes, notes, matches))`:
/// [`Concept`]'s own serde form flattens its
/// data, which serde can only decode through a buffered copy of every label (twice the
/// allocations). Each part is still serialised by its own serde derive, so fields added to
/// [`crate::Labels`] or [`crate::ConceptData`] need nothing here; a field added to [`Concept`]
/// itself fails to compile in [`SnapConcept`] until it is carried too.
struct ConceptRef<'a>(&'a Concept);

impl Serialize for ConceptRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Concept {
            id,
            labels,
            data,
            status,
            replaced_by,
            codes,
            notes,
            matches,
        } = self.0;
        (
            id,
            labels,
            data,
            (status, replaced_by, codes, notes, matches),
        )
            .serialize(serializer)
    }
}

/// A concept read back from its `(id, labels, data)` triple.
struct SnapConcept(Concept);

impl<'de> Deserialize<'de> for SnapConcept {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (id, labels, data, (status, replaced_by, codes, notes, matches)) =
            Deserialize::deserialize(deserializer)?;
        Ok(SnapConcept(Concept {
            id,
            labels,
            data,
            status,
            replaced_by,
            codes,
            notes,
            matches,
        }))
    }
}

/// A warning as the tuple `(severity, kind, file, line, column, concept, message)`: a real
/// import has thousands (ESCO: 15,215 missing Dutch labels), and as MessagePack maps their field
/// names cost more to decode than the rest of the snapshot's metadata. A field added to
/// [`Diagnostic`] or [`Location`] fails to compile here until it is carried too.
struct DiagnosticRef<'a>(&'a Diagnostic);

impl Serialize for DiagnosticRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Diagnostic {
            severity,
            kind,
            location: Location { file, line, column },
            concept,
            message,
        } = self.0;
        (severity, kind, file, line, column, concept, message).serialize(serializer)
    }
}

/// A warning read back from its [`DiagnosticRef`] tuple.
struct SnapDiagnostic(Diagnostic);

impl<'de> Deserialize<'de> for SnapDiagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (severity, kind, file, line, column, concept, message) =
            Deserialize::deserialize(deserializer)?;
        Ok(SnapDiagnostic(Diagnostic {
            severity,
            kind,
            location: Location { file, line, column },
            concept,
            message,
        }))
    }
}

/// What is read back.
#[derive(Deserialize)]
struct Body<'a> {
    manifest: Manifest,
    #[serde(borrow)]
    concept_chunks: Vec<&'a [u8]>,
    relation_values: Vec<Relation>,
    #[serde(borrow)]
    edges: &'a [u8],
    #[serde(borrow)]
    warnings: &'a [u8],
}

/// The bytes of a snapshot of `built`, made from input files hashing to `inputs`.
///
/// Deterministic: the same ontology, warnings and inputs always give the same bytes.
pub fn to_bytes(built: &Built, inputs: InputHash) -> Vec<u8> {
    let ontology = &built.ontology;
    let graph = ontology.graph();
    // Distinct relation values in order of first use: deterministic.
    let mut relation_values: Vec<&Relation> = Vec::new();
    let mut value_index: std::collections::HashMap<&Relation, u32> =
        std::collections::HashMap::new();
    let edges = pack_edges(graph.raw_edges().iter().map(|e| {
        let value = *value_index.entry(&e.weight).or_insert_with(|| {
            relation_values.push(&e.weight);
            (relation_values.len() - 1) as u32
        });
        (e.source().index() as u32, e.target().index() as u32, value)
    }));
    let concepts: Vec<ConceptRef<'_>> = graph.node_weights().map(ConceptRef).collect();
    let chunks: Vec<Vec<u8>> = concepts
        .chunks(CHUNK_CONCEPTS)
        .map(|chunk| {
            let mut bytes = Vec::new();
            // Writing into a Vec cannot fail, and every concept serialises.
            let _ = rmp_serde::encode::write_named(&mut bytes, chunk);
            bytes
        })
        .collect();
    let mut warnings = Vec::new();
    let refs: Vec<DiagnosticRef<'_>> = built.warnings.iter().map(DiagnosticRef).collect();
    // Writing into a Vec cannot fail, and every diagnostic serialises.
    let _ = rmp_serde::encode::write_named(&mut warnings, &refs);
    let body = BodyRef {
        manifest: ontology.manifest(),
        concept_chunks: chunks.iter().map(|c| Blob(c)).collect(),
        relation_values,
        edges: Blob(&edges),
        warnings: Blob(&warnings),
    };
    let mut bytes = vec![0u8; HEADER_LEN];
    // Writing into a Vec cannot fail, and every type here serialises (maps have string keys).
    let _ = rmp_serde::encode::write_named(&mut bytes, &body);
    let payload_len = (bytes.len() - HEADER_LEN) as u64;
    bytes[0..8].copy_from_slice(&MAGIC);
    bytes[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes[16..24].copy_from_slice(&CODE_FINGERPRINT.to_le_bytes());
    bytes[24..40].copy_from_slice(&inputs.0.to_le_bytes());
    bytes[40..48].copy_from_slice(&ontology.content_hash().to_le_bytes());
    bytes[48..56].copy_from_slice(&payload_len.to_le_bytes());
    let checksum = checksum(&bytes);
    bytes[56..72].copy_from_slice(&checksum.to_le_bytes());
    bytes
}

/// The checksum of a snapshot: xxh3-128 of the header before the checksum, then the payload.
fn checksum(bytes: &[u8]) -> u128 {
    let mut h = Xxh3::new();
    h.update(&bytes[..56]);
    h.update(&bytes[HEADER_LEN..]);
    h.digest128()
}

/// Writes a snapshot of `built` (made from inputs hashing to `inputs`) to `path`, atomically:
/// a temporary sibling, fsynced and renamed into place (an existing snapshot is replaced, a
/// symbolic link is refused). Missing parent directories are created.
///
/// # Errors
/// [`SnapshotError::Write`] with the path.
pub fn write_snapshot(path: &Path, built: &Built, inputs: InputHash) -> Result<(), SnapshotError> {
    let bytes = to_bytes(built, inputs);
    let err = |source| SnapshotError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = AtomicFile::create(path, &OutputPolicy::new().force(true)).map_err(err)?;
    file.write_all(&bytes).map_err(|e| {
        err(OutputError::Io {
            action: "write",
            path: path.to_path_buf(),
            source: e,
        })
    })?;
    file.commit().map_err(err)
}

/// Reads the snapshot at `path`, expecting one made from input files hashing to `inputs`.
///
/// # Errors
/// Every reason a snapshot is not trusted, as a [`SnapshotError`] naming `path`.
pub fn read_snapshot(path: &Path, inputs: InputHash) -> Result<Built, SnapshotError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(SnapshotError::NotFound {
                path: path.to_path_buf(),
            });
        }
        Err(e) => {
            return Err(SnapshotError::Io {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    from_bytes(path, &bytes, inputs)
}

/// Decodes snapshot `bytes` (read from `path`, for errors), expecting `inputs`.
///
/// # Errors
/// As [`read_snapshot`].
pub fn from_bytes(path: &Path, bytes: &[u8], inputs: InputHash) -> Result<Built, SnapshotError> {
    let path = || path.to_path_buf();
    let magic_len = bytes.len().min(MAGIC.len());
    if bytes[..magic_len] != MAGIC[..magic_len] {
        return Err(SnapshotError::NotASnapshot { path: path() });
    }
    if bytes.len() < HEADER_LEN {
        return Err(SnapshotError::Truncated {
            path: path(),
            found: bytes.len() as u64,
            expected: HEADER_LEN as u64,
        });
    }
    let u32_at = |at: usize| u32::from_le_bytes(array(&bytes[at..at + 4]));
    let u64_at = |at: usize| u64::from_le_bytes(array(&bytes[at..at + 8]));
    let u128_at = |at: usize| u128::from_le_bytes(array(&bytes[at..at + 16]));
    let format = u32_at(8);
    if format != FORMAT_VERSION {
        return Err(SnapshotError::Version {
            path: path(),
            found: format,
            expected: FORMAT_VERSION,
        });
    }
    if u64_at(16) != CODE_FINGERPRINT {
        return Err(SnapshotError::OtherBuild { path: path() });
    }
    if u128_at(24) != inputs.0 {
        return Err(SnapshotError::Stale { path: path() });
    }
    let content_hash = u64_at(40);
    let expected = (HEADER_LEN as u64).saturating_add(u64_at(48));
    if bytes.len() as u64 != expected {
        return Err(SnapshotError::Truncated {
            path: path(),
            found: bytes.len() as u64,
            expected,
        });
    }
    if checksum(bytes) != u128_at(56) {
        return Err(SnapshotError::Corrupt { path: path() });
    }
    let decode = |reason: String| SnapshotError::Decode {
        path: path(),
        reason,
    };
    let body: Body =
        rmp_serde::from_slice(&bytes[HEADER_LEN..]).map_err(|e| decode(e.to_string()))?;
    let built = rebuild(body).map_err(decode)?;
    built.ontology.seed_content_hash(content_hash);
    Ok(built)
}

/// The concepts of every chunk, in order, decoded on as many threads as the machine offers
/// (each thread a contiguous run of chunks, so the order needs no sorting afterwards).
fn decode_chunks(chunks: &[&[u8]]) -> Result<Vec<SnapConcept>, String> {
    let decode = |chunk: &[u8]| -> Result<Vec<SnapConcept>, String> {
        rmp_serde::from_slice(chunk).map_err(|e| e.to_string())
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(chunks.len());
    if threads <= 1 {
        let mut out = Vec::new();
        for chunk in chunks {
            out.append(&mut decode(chunk)?);
        }
        return Ok(out);
    }
    let per_thread = chunks.len().div_ceil(threads);
    let parts: Vec<Result<Vec<SnapConcept>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .chunks(per_thread)
            .map(|run| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for chunk in run {
                        out.append(&mut decode(chunk)?);
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a decoding thread failed".to_owned()))
            })
            .collect()
    });
    let mut out = Vec::new();
    for part in parts {
        out.append(&mut part?);
    }
    Ok(out)
}

/// The first `N` bytes of `slice` (which the callers make exactly `N` long).
fn array<const N: usize>(slice: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&slice[..N]);
    out
}

/// The graph again, node by node and edge by edge in the stored order, after the checks that
/// keep a bad payload from breaking an invariant or panicking.
fn rebuild(body: Body) -> Result<Built, String> {
    let Body {
        manifest,
        concept_chunks,
        relation_values,
        edges,
        warnings,
    } = body;
    // The warnings decode on a thread of their own, beside the concept chunks.
    let (concepts, warnings) = std::thread::scope(|scope| {
        let warnings = scope.spawn(|| {
            rmp_serde::from_slice::<Vec<SnapDiagnostic>>(warnings)
                .map(|w| w.into_iter().map(|SnapDiagnostic(d)| d).collect::<Vec<_>>())
                .map_err(|e| format!("warnings: {e}"))
        });
        let concepts = decode_chunks(&concept_chunks);
        let warnings = warnings
            .join()
            .unwrap_or_else(|_| Err("the thread decoding the warnings failed".to_owned()));
        (concepts, warnings)
    });
    let (concepts, warnings) = (concepts?, warnings?);
    let nodes = concepts.len();
    if edges.len() % EDGE_BYTES != 0 {
        return Err(format!(
            "{} bytes of edges is no whole number of edges",
            edges.len()
        ));
    }
    let edge_count = edges.len() / EDGE_BYTES;
    if u32::try_from(nodes).is_err() || u32::try_from(edge_count).is_err() {
        return Err("more than 2^32 concepts or relations".to_owned());
    }
    if manifest.languages.is_empty() {
        return Err("the manifest names no language".to_owned());
    }
    if let Some(pair) = concepts.windows(2).find(|w| w[0].0.id >= w[1].0.id) {
        return Err(format!(
            "concept ids out of order: `{}` before `{}`",
            pair[0].0.id, pair[1].0.id
        ));
    }
    let mut graph: DiGraph<Concept, Relation, u32> = DiGraph::with_capacity(nodes, edge_count);
    for SnapConcept(concept) in concepts {
        graph.add_node(concept);
    }
    for edge in edges.chunks_exact(EDGE_BYTES) {
        let from = u32::from_le_bytes(array(&edge[0..4]));
        let to = u32::from_le_bytes(array(&edge[4..8]));
        let value = u32::from_le_bytes(array(&edge[8..12]));
        if from as usize >= nodes || to as usize >= nodes || from == to {
            return Err(format!(
                "relation {from} → {to} does not join two concepts of {nodes}"
            ));
        }
        let Some(&relation) = relation_values.get(value as usize) else {
            return Err(format!(
                "relation {from} → {to} has value {value} of {}",
                relation_values.len()
            ));
        };
        graph.add_edge(
            NodeIndex::new(from as usize),
            NodeIndex::new(to as usize),
            relation,
        );
    }
    Ok(Built {
        ontology: Ontology::from_parts(manifest, graph),
        warnings,
    })
}

/// The user's cache directory for vaardig: `$VAARDIG_CACHE_DIR` (relative to the working
/// directory when relative), else `$XDG_CACHE_HOME/vaardig`, else `~/.cache/vaardig`
/// (`%LOCALAPPDATA%\vaardig` on Windows); `None` when none of these is set. A relative
/// `XDG_CACHE_HOME`, `HOME` or `LOCALAPPDATA` is ignored, as the XDG specification asks.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let var = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if let Some(dir) = var("XDG_CACHE_HOME") {
        return Some(dir.join("vaardig"));
    }
    if cfg!(windows) {
        return var("LOCALAPPDATA").map(|d| d.join("vaardig"));
    }
    var("HOME").map(|home| home.join(".cache").join("vaardig"))
}

/// Whether `$VAARDIG_NO_CACHE` asks for no snapshots and no cached indexes (set, not empty,
/// not `0`).
pub fn cache_disabled_by_env() -> bool {
    std::env::var_os(NO_CACHE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// How [`Ontology::open_with`] uses snapshots.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    enabled: bool,
    beside: bool,
    cache_dir: Option<PathBuf>,
    limits: crate::io::Limits,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions::new()
    }
}

impl OpenOptions {
    /// Snapshots on, next to the tables first, no cache directory.
    pub fn new() -> Self {
        OpenOptions {
            enabled: true,
            beside: true,
            cache_dir: None,
            limits: crate::io::Limits::default(),
        }
    }

    /// What the environment asks for: [`default_cache_dir`] as the cache directory, and
    /// snapshots off when [`cache_disabled_by_env`].
    pub fn from_env() -> Self {
        OpenOptions {
            enabled: !cache_disabled_by_env(),
            beside: true,
            cache_dir: default_cache_dir(),
            limits: crate::io::Limits::default(),
        }
    }

    /// The size limits the tables are read within when there is no usable snapshot (a
    /// snapshot is only ever written of tables that were read within them).
    #[must_use]
    pub fn limits(mut self, limits: crate::io::Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Whether snapshots are used at all; without, opening is [`crate::load_dir`].
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }

    /// Whether the snapshot is read from and written to the ontology directory itself
    /// ([`SNAPSHOT_FILE`]) before the cache directory is tried.
    #[must_use]
    pub fn beside(mut self, beside: bool) -> Self {
        self.beside = beside;
        self
    }

    /// The cache directory; snapshots go to `DIR/snapshots/`.
    #[must_use]
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// No cache directory: snapshots only next to the tables.
    #[must_use]
    pub fn no_cache_dir(mut self) -> Self {
        self.cache_dir = None;
        self
    }

    /// The places a snapshot of `dir` is looked for and written, in order.
    pub fn snapshot_paths(&self, dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if !self.enabled {
            return out;
        }
        if self.beside {
            out.push(dir.join(SNAPSHOT_FILE));
        }
        if let Some(cache) = &self.cache_dir {
            // One snapshot per directory, named by the hash of its absolute path.
            let absolute = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let key = xxh3_64(absolute.as_os_str().as_encoded_bytes());
            out.push(cache.join("snapshots").join(format!("{key:016x}.snapshot")));
        }
        out
    }
}

/// Where [`Ontology::open_with`] got its ontology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// From the snapshot at this path.
    Snapshot(PathBuf),
    /// From the tables; `written` is the snapshot written for next time, if one could be.
    Loaded {
        /// The snapshot written, `None` when snapshots are off or no place was writable.
        written: Option<PathBuf>,
    },
}

/// What [`Ontology::open_with`] returns: the ontology and its warnings, where they came from,
/// and why snapshots found were not used or could not be written.
#[derive(Debug)]
pub struct Opened {
    /// The ontology and its warnings, as [`crate::load_dir`] gives them.
    pub built: Built,
    /// A snapshot or the tables.
    pub origin: Origin,
    /// Snapshots passed over (stale, corrupt, ...) and writes that failed, in order.
    pub notes: Vec<SnapshotError>,
}

/// Tables read into memory once, so the bytes hashed are the bytes loaded. Diagnostics name
/// the directory's files.
struct Tables {
    dir: DirSource,
    files: Vec<(&'static str, Option<Vec<u8>>)>,
}

impl Tables {
    fn read(dir: &Path) -> io::Result<Tables> {
        let source = DirSource::new(dir);
        let mut files = Vec::new();
        for name in input_files() {
            let bytes = match source.open(name)? {
                None => None,
                Some(mut reader) => {
                    let mut bytes = Vec::new();
                    reader.read_to_end(&mut bytes)?;
                    Some(bytes)
                }
            };
            files.push((name, bytes));
        }
        Ok(Tables { dir: source, files })
    }
}

impl TableSource for Tables {
    fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self
            .files
            .iter()
            .find(|(name, _)| *name == file)
            .and_then(|(_, bytes)| bytes.as_deref())
            .map(|bytes| Box::new(bytes) as Box<dyn Read>))
    }

    fn describe(&self, file: &str) -> String {
        self.dir.describe(file)
    }
}

/// Warnings name files by path; a snapshot keeps them relative to the directory, so a moved
/// directory's warnings name its new place. A relative file name starts with a NUL byte,
/// which no path holds.
fn relative_warnings(warnings: &[Diagnostic], prefix: &str) -> Vec<Diagnostic> {
    warnings
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if let Some(file) = &d.location.file {
                d.location.file = Some(match file.strip_prefix(prefix) {
                    Some(rest) => format!("\u{0}{rest}"),
                    None => file.clone(),
                });
            }
            d
        })
        .collect()
}

fn rebase_warnings(warnings: &mut [Diagnostic], prefix: &str) {
    for d in warnings {
        if let Some(file) = &mut d.location.file
            && let Some(rest) = file.strip_prefix('\u{0}')
        {
            *file = format!("{prefix}{rest}");
        }
    }
}

impl Ontology {
    /// Loads the ontology in directory `dir` through a snapshot, with the options of the
    /// environment ([`OpenOptions::from_env`]): the same ontology and warnings as
    /// [`crate::load_dir`], in milliseconds when a snapshot of the same tables exists. See
    /// [`crate::snapshot`].
    ///
    /// # Errors
    /// As [`crate::load_dir`]: every problem of an invalid ontology. A bad or unwritable
    /// snapshot is never an error.
    pub fn open(dir: impl AsRef<Path>) -> Result<Built, OntologyError> {
        Ontology::open_with(dir, &OpenOptions::from_env()).map(|opened| opened.built)
    }

    /// [`Ontology::open`] with explicit options, telling where the ontology came from.
    ///
    /// # Errors
    /// As [`crate::load_dir`].
    pub fn open_with(
        dir: impl AsRef<Path>,
        options: &OpenOptions,
    ) -> Result<Opened, OntologyError> {
        let dir = dir.as_ref();
        let paths = options.snapshot_paths(dir);
        let mut notes = Vec::new();
        if paths.is_empty() {
            let built = crate::io::load_with(&DirSource::new(dir), &options.limits)?;
            return Ok(Opened {
                built,
                origin: Origin::Loaded { written: None },
                notes,
            });
        }
        let prefix = DirSource::new(dir).describe("");
        if let Ok(inputs) = InputHash::of_dir(dir) {
            for path in &paths {
                match read_snapshot(path, inputs) {
                    Ok(mut built) => {
                        rebase_warnings(&mut built.warnings, &prefix);
                        return Ok(Opened {
                            built,
                            origin: Origin::Snapshot(path.clone()),
                            notes,
                        });
                    }
                    Err(SnapshotError::NotFound { .. }) => {}
                    Err(e) => notes.push(e),
                }
            }
        }
        // Load from the very bytes that are hashed; a file that cannot be read is reported by
        // the plain loader, with its place.
        let Ok(tables) = Tables::read(dir) else {
            let built = crate::io::load_with(&DirSource::new(dir), &options.limits)?;
            return Ok(Opened {
                built,
                origin: Origin::Loaded { written: None },
                notes,
            });
        };
        let built = crate::io::load_with(&tables, &options.limits)?;
        let mut written = None;
        if let Ok(inputs) = InputHash::of_source(&tables) {
            drop(tables);
            let stored = Built {
                ontology: built.ontology.clone(),
                warnings: relative_warnings(&built.warnings, &prefix),
            };
            for path in paths {
                match write_snapshot(&path, &stored, inputs) {
                    Ok(()) => {
                        written = Some(path);
                        break;
                    }
                    Err(e) => notes.push(e),
                }
            }
        }
        Ok(Opened {
            built,
            origin: Origin::Loaded { written },
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    /// An empty MessagePack list: no warnings.
    const NO_WARNINGS: &[u8] = &[0x90];
    use crate::export::json_export;
    use crate::io::{StaticSource, write_dir};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn embedded() -> Result<&'static Built, OntologyError> {
        Ontology::embedded_with_warnings()
    }

    fn json(ontology: &Ontology) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&json_export(ontology))
    }

    /// An ontology directory with the embedded tables, and a cache directory beside it.
    fn fixture() -> Result<(tempfile::TempDir, PathBuf, OpenOptions), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let dir = tmp.path().join("ontology");
        write_dir(&embedded()?.ontology, &dir)?;
        let options = OpenOptions::new().cache_dir(tmp.path().join("cache"));
        Ok((tmp, dir, options))
    }

    fn inputs() -> io::Result<InputHash> {
        InputHash::of_source(&StaticSource::new(crate::EMBEDDED_TABLES))
    }

    #[test]
    fn round_trip_gives_an_equal_ontology_and_the_same_export_bytes() -> TestResult {
        let built = embedded()?;
        let bytes = to_bytes(built, inputs()?);
        let back = from_bytes(Path::new("mem"), &bytes, inputs()?)?;
        assert_eq!(back.ontology, built.ontology);
        assert_eq!(back.warnings, built.warnings);
        assert_eq!(json(&back.ontology)?, json(&built.ontology)?);
        assert_eq!(back.ontology.content_hash(), built.ontology.content_hash());
        // Node indices and neighbour order are the same, not only the content.
        for (ix, concept) in built.ontology.iter() {
            assert_eq!(back.ontology.concept(ix).id, concept.id);
            for &kind in RelationKind::ALL {
                let a: Vec<_> = built.ontology.outgoing(ix, kind).map(|(n, _)| n).collect();
                let b: Vec<_> = back.ontology.outgoing(ix, kind).map(|(n, _)| n).collect();
                assert_eq!(a, b);
                let a: Vec<_> = built.ontology.incoming(ix, kind).map(|(n, _)| n).collect();
                let b: Vec<_> = back.ontology.incoming(ix, kind).map(|(n, _)| n).collect();
                assert_eq!(a, b);
            }
        }
        // Deterministic bytes, also from the rebuilt ontology.
        assert_eq!(to_bytes(built, inputs()?), bytes);
        assert_eq!(to_bytes(&back, inputs()?), bytes);
        Ok(())
    }

    #[test]
    fn the_generated_ontology_round_trips_too() -> TestResult {
        let built = crate::generate::generate(&crate::generate::GeneratorConfig::small())?;
        let bytes = to_bytes(&built, InputHash(7));
        let back = from_bytes(Path::new("mem"), &bytes, InputHash(7))?;
        assert_eq!(back.ontology, built.ontology);
        assert_eq!(json(&back.ontology)?, json(&built.ontology)?);
        Ok(())
    }

    #[test]
    fn open_writes_a_snapshot_beside_the_tables_then_reads_it() -> TestResult {
        let (_tmp, dir, options) = fixture()?;
        let loaded = crate::load_dir(&dir)?;
        let first = Ontology::open_with(&dir, &options)?;
        assert_eq!(
            first.origin,
            Origin::Loaded {
                written: Some(dir.join(SNAPSHOT_FILE))
            }
        );
        assert!(first.notes.is_empty(), "{:?}", first.notes);
        let second = Ontology::open_with(&dir, &options)?;
        assert_eq!(second.origin, Origin::Snapshot(dir.join(SNAPSHOT_FILE)));
        for built in [&first.built, &second.built] {
            assert_eq!(built.ontology, loaded.ontology);
            assert_eq!(built.warnings, loaded.warnings);
            assert_eq!(json(&built.ontology)?, json(&loaded.ontology)?);
        }
        // Nothing went to the cache directory.
        assert!(
            options
                .snapshot_paths(&dir)
                .iter()
                .skip(1)
                .all(|p| !p.exists())
        );
        Ok(())
    }

    #[test]
    fn a_changed_table_makes_the_snapshot_stale_and_it_is_rebuilt() -> TestResult {
        let (_tmp, dir, options) = fixture()?;
        Ontology::open_with(&dir, &options)?;
        let manifest = dir.join(MANIFEST_FILE);
        let text = fs::read_to_string(&manifest)?;
        let changed = text.replacen("version = \"", "version = \"next-", 1);
        assert_ne!(changed, text);
        fs::write(&manifest, changed)?;

        let opened = Ontology::open_with(&dir, &options)?;
        assert!(matches!(opened.origin, Origin::Loaded { written: Some(_) }));
        assert!(
            matches!(opened.notes.as_slice(), [SnapshotError::Stale { .. }]),
            "{:?}",
            opened.notes
        );
        let loaded = crate::load_dir(&dir)?;
        assert_eq!(opened.built.ontology, loaded.ontology);
        assert_ne!(opened.built.ontology, embedded()?.ontology);
        // The new snapshot is of the new tables.
        let again = Ontology::open_with(&dir, &options)?;
        assert!(matches!(again.origin, Origin::Snapshot(_)));
        assert_eq!(again.built.ontology, loaded.ontology);
        Ok(())
    }

    #[test]
    fn a_removed_or_added_table_is_a_change() -> TestResult {
        let (_tmp, dir, _) = fixture()?;
        let before = InputHash::of_dir(&dir)?;
        let text = fs::read(dir.join("prerequisite.csv"))?;
        fs::remove_file(dir.join("prerequisite.csv"))?;
        let without = InputHash::of_dir(&dir)?;
        assert_ne!(before, without);
        // An empty file is not an absent one.
        fs::write(dir.join("prerequisite.csv"), b"")?;
        assert_ne!(InputHash::of_dir(&dir)?, without);
        fs::write(dir.join("prerequisite.csv"), text)?;
        assert_eq!(InputHash::of_dir(&dir)?, before);
        // Files the loader does not read do not count.
        fs::write(dir.join("README.md"), b"notes")?;
        assert_eq!(InputHash::of_dir(&dir)?, before);
        Ok(())
    }

    #[test]
    fn every_flipped_byte_is_detected() -> TestResult {
        let built = embedded()?;
        let good = to_bytes(built, inputs()?);
        let step = (good.len() / 300).max(1);
        let mut positions: Vec<usize> = (0..HEADER_LEN).collect();
        positions.extend((HEADER_LEN..good.len()).step_by(step));
        positions.push(good.len() - 1);
        for at in positions {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            match from_bytes(Path::new("snap"), &bad, inputs()?) {
                Ok(_) => panic!("a flipped byte at {at} was trusted"),
                Err(
                    SnapshotError::Corrupt { .. }
                    | SnapshotError::NotASnapshot { .. }
                    | SnapshotError::Version { .. }
                    | SnapshotError::OtherBuild { .. }
                    | SnapshotError::Stale { .. }
                    | SnapshotError::Truncated { .. },
                ) => {}
                Err(e) => panic!("byte {at}: unexpected {e}"),
            }
        }
        Ok(())
    }

    #[test]
    fn a_corrupted_snapshot_on_disk_is_rebuilt() -> TestResult {
        let (_tmp, dir, options) = fixture()?;
        Ontology::open_with(&dir, &options)?;
        let path = dir.join(SNAPSHOT_FILE);
        let mut bytes = fs::read(&path)?;
        let middle = bytes.len() / 2;
        bytes[middle] ^= 1;
        fs::write(&path, &bytes)?;
        let opened = Ontology::open_with(&dir, &options)?;
        assert!(
            matches!(opened.notes.as_slice(), [SnapshotError::Corrupt { .. }]),
            "{:?}",
            opened.notes
        );
        assert_eq!(opened.built.ontology, embedded()?.ontology);
        assert!(matches!(
            Ontology::open_with(&dir, &options)?.origin,
            Origin::Snapshot(_)
        ));
        Ok(())
    }

    #[test]
    fn a_truncated_snapshot_is_detected_at_every_length() -> TestResult {
        let good = to_bytes(embedded()?, inputs()?);
        let step = (good.len() / 200).max(1);
        let mut lengths: Vec<usize> = (0..=HEADER_LEN).collect();
        lengths.extend((HEADER_LEN..good.len()).step_by(step));
        lengths.push(good.len() - 1);
        for len in lengths {
            match from_bytes(Path::new("snap"), &good[..len], inputs()?) {
                Err(SnapshotError::Truncated { found, .. }) => assert_eq!(found, len as u64),
                Err(SnapshotError::NotASnapshot { .. }) if len < 8 => {}
                other => panic!("cut at {len}: {other:?}"),
            }
        }
        // A longer file is no better.
        let mut longer = good.clone();
        longer.push(0);
        assert!(matches!(
            from_bytes(Path::new("snap"), &longer, inputs()?),
            Err(SnapshotError::Truncated { .. })
        ));
        // And on disk, through open.
        let (_tmp, dir, options) = fixture()?;
        Ontology::open_with(&dir, &options)?;
        let path = dir.join(SNAPSHOT_FILE);
        let bytes = fs::read(&path)?;
        fs::write(&path, &bytes[..bytes.len() / 3])?;
        let opened = Ontology::open_with(&dir, &options)?;
        assert!(
            matches!(opened.notes.as_slice(), [SnapshotError::Truncated { .. }]),
            "{:?}",
            opened.notes
        );
        assert_eq!(opened.built.ontology, embedded()?.ontology);
        Ok(())
    }

    /// `bytes` with the header field at `at` replaced and the checksum made right again, as a
    /// well-formed snapshot of another format or build would be.
    fn with_field(bytes: &[u8], at: usize, value: &[u8]) -> Vec<u8> {
        let mut out = bytes.to_vec();
        out[at..at + value.len()].copy_from_slice(value);
        let sum = checksum(&out);
        out[56..72].copy_from_slice(&sum.to_le_bytes());
        out
    }

    #[test]
    fn another_format_version_or_build_is_not_read() -> TestResult {
        let good = to_bytes(embedded()?, inputs()?);
        let next = with_field(&good, 8, &(FORMAT_VERSION + 1).to_le_bytes());
        match from_bytes(Path::new("snap"), &next, inputs()?) {
            Err(SnapshotError::Version {
                found, expected, ..
            }) => assert_eq!((found, expected), (FORMAT_VERSION + 1, FORMAT_VERSION)),
            other => panic!("{other:?}"),
        }
        let other = with_field(&good, 16, &(CODE_FINGERPRINT ^ 1).to_le_bytes());
        assert!(matches!(
            from_bytes(Path::new("snap"), &other, inputs()?),
            Err(SnapshotError::OtherBuild { .. })
        ));
        assert!(matches!(
            from_bytes(Path::new("snap"), &good, InputHash(1)),
            Err(SnapshotError::Stale { .. })
        ));
        let garbage = with_field(&good, 0, b"NOTASNAP");
        assert!(matches!(
            from_bytes(Path::new("snap"), &garbage, inputs()?),
            Err(SnapshotError::NotASnapshot { .. })
        ));
        Ok(())
    }

    /// `concepts` encoded as the snapshot's concept chunks.
    fn chunked(concepts: &[Concept]) -> Vec<Vec<u8>> {
        concepts
            .chunks(CHUNK_CONCEPTS)
            .map(|chunk| {
                let refs: Vec<ConceptRef<'_>> = chunk.iter().map(ConceptRef).collect();
                rmp_serde::to_vec_named(&refs).unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn many_chunks_decode_in_order() -> TestResult {
        // The generated ontology has more concepts than one chunk holds.
        let generated = crate::generate::generate(&crate::generate::GeneratorConfig {
            skills: 3_000,
            ..crate::generate::GeneratorConfig::small()
        })?;
        let n = generated.ontology.len();
        assert!(n > CHUNK_CONCEPTS, "{n} concepts fit in one chunk");
        let concepts: Vec<Concept> = generated.ontology.graph().node_weights().cloned().collect();
        let chunks = chunked(&concepts);
        let decoded = decode_chunks(&chunks.iter().map(Vec::as_slice).collect::<Vec<_>>())?;
        let ids: Vec<&str> = decoded.iter().map(|c| c.0.id.as_str()).collect();
        let expected: Vec<&str> = concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, expected);
        Ok(())
    }

    #[test]
    fn a_payload_breaking_an_invariant_is_refused_without_panicking() -> TestResult {
        let built = embedded()?;
        let o = &built.ontology;
        let concepts: Vec<Concept> = o.graph().node_weights().cloned().collect();
        let n = concepts.len() as u32;
        let plain = Relation::plain(RelationKind::Related);
        let cases = [
            (concepts.clone(), vec![(0, n, plain)]),
            (concepts.clone(), vec![(n + 5, 0, plain)]),
            (concepts.clone(), vec![(1, 1, plain)]),
            (concepts.iter().rev().cloned().collect(), vec![]),
            ([concepts.clone(), concepts[..1].to_vec()].concat(), vec![]),
        ];
        for (concepts, relations) in cases {
            let edges = pack_edges(relations.iter().map(|&(f, t, _)| (f, t, 0)));
            let chunks = chunked(&concepts);
            let body = Body {
                manifest: o.manifest().clone(),
                concept_chunks: chunks.iter().map(Vec::as_slice).collect(),
                relation_values: vec![plain],
                edges: &edges,
                warnings: NO_WARNINGS,
            };
            assert!(rebuild(body).is_err());
        }
        // An edge naming a relation value that is not there, and a cut edge.
        for (values, edges) in [
            (vec![], pack_edges([(0, 1, 0)].into_iter())),
            (vec![plain], pack_edges([(0, 1, 1)].into_iter())),
            (
                vec![plain],
                pack_edges([(0, 1, 0)].into_iter())[..7].to_vec(),
            ),
        ] {
            let chunks = chunked(&concepts);
            let body = Body {
                manifest: o.manifest().clone(),
                concept_chunks: chunks.iter().map(Vec::as_slice).collect(),
                relation_values: values,
                edges: &edges,
                warnings: NO_WARNINGS,
            };
            assert!(rebuild(body).is_err());
        }
        // A chunk that is not a list of concepts, after good ones.
        let mut chunks = chunked(&concepts);
        chunks.push(vec![0xc1, 0x00]);
        let body = Body {
            manifest: o.manifest().clone(),
            concept_chunks: chunks.iter().map(Vec::as_slice).collect(),
            relation_values: vec![plain],
            edges: &[],
            warnings: NO_WARNINGS,
        };
        assert!(rebuild(body).is_err());
        // Good concepts and edges, with warnings that are not a list of warnings.
        let chunks = chunked(&concepts);
        let body = |warnings| Body {
            manifest: o.manifest().clone(),
            concept_chunks: chunks.iter().map(Vec::as_slice).collect(),
            relation_values: vec![plain],
            edges: &[],
            warnings,
        };
        assert!(rebuild(body(NO_WARNINGS)).is_ok());
        assert!(rebuild(body(&[0x91, 0xc1])).is_err());
        // A payload of the right length and checksum that is not MessagePack of a snapshot.
        let mut bytes = to_bytes(built, inputs()?);
        bytes.truncate(HEADER_LEN);
        bytes.extend_from_slice(&[0xc1; 40]);
        let len = 40u64.to_le_bytes();
        let bytes = with_field(&bytes, 48, &len);
        assert!(matches!(
            from_bytes(Path::new("snap"), &bytes, inputs()?),
            Err(SnapshotError::Decode { .. })
        ));
        Ok(())
    }

    #[test]
    fn an_unwritable_ontology_directory_falls_back_to_the_cache_directory() -> TestResult {
        let (_tmp, dir, options) = fixture()?;
        // Something that is not a file where the snapshot would go: the write there fails as
        // it would in a read-only directory (which root, running CI, could write to anyway).
        fs::create_dir(dir.join(SNAPSHOT_FILE))?;
        let cached = options.snapshot_paths(&dir)[1].clone();
        let first = Ontology::open_with(&dir, &options)?;
        assert_eq!(
            first.origin,
            Origin::Loaded {
                written: Some(cached.clone())
            }
        );
        assert!(
            matches!(
                first.notes.as_slice(),
                [SnapshotError::Io { .. }, SnapshotError::Write { .. }]
            ),
            "{:?}",
            first.notes
        );
        let second = Ontology::open_with(&dir, &options)?;
        assert_eq!(second.origin, Origin::Snapshot(cached));
        assert_eq!(second.built.ontology, embedded()?.ontology);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_ontology_directory_falls_back_to_the_cache_directory() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let (_tmp, dir, options) = fixture()?;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555))?;
        let probe = dir.join(".probe");
        if fs::write(&probe, b"").is_ok() {
            // Root writes anyway; the test above covers the fallback.
            fs::remove_file(&probe)?;
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o755))?;
            return Ok(());
        }
        let first = Ontology::open_with(&dir, &options);
        let second = Ontology::open_with(&dir, &options);
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755))?;
        let cached = options.snapshot_paths(&dir)[1].clone();
        assert_eq!(
            first?.origin,
            Origin::Loaded {
                written: Some(cached.clone())
            }
        );
        assert_eq!(second?.origin, Origin::Snapshot(cached));
        Ok(())
    }

    #[test]
    fn nothing_is_written_anywhere_when_disabled_or_unwritable() -> TestResult {
        let (tmp, dir, options) = fixture()?;
        let off = Ontology::open_with(&dir, &options.clone().enabled(false))?;
        assert_eq!(off.origin, Origin::Loaded { written: None });
        assert!(!dir.join(SNAPSHOT_FILE).exists());
        assert!(!tmp.path().join("cache").exists());
        // Neither place writable: still the ontology, with both failures noted.
        fs::create_dir(dir.join(SNAPSHOT_FILE))?;
        fs::write(tmp.path().join("cache"), b"a file, not a directory")?;
        let opened = Ontology::open_with(&dir, &options)?;
        assert_eq!(opened.origin, Origin::Loaded { written: None });
        assert_eq!(opened.built.ontology, embedded()?.ontology);
        assert!(!opened.notes.is_empty());
        Ok(())
    }

    #[test]
    fn an_invalid_ontology_is_the_loaders_error_and_leaves_no_snapshot() -> TestResult {
        let (_tmp, dir, options) = fixture()?;
        fs::write(dir.join("broader.csv"), b"from,to\nno-such-skill,other\n")?;
        let err = match Ontology::open_with(&dir, &options) {
            Ok(_) => panic!("an invalid ontology opened"),
            Err(e) => e,
        };
        let plain = match crate::load_dir(&dir) {
            Ok(_) => panic!("an invalid ontology loaded"),
            Err(e) => e,
        };
        assert_eq!(err, plain);
        assert!(!dir.join(SNAPSHOT_FILE).exists());
        Ok(())
    }

    #[test]
    fn warnings_name_the_directory_where_it_is_now() -> TestResult {
        let (tmp, dir, options) = fixture()?;
        // A warning with a place: a skill no occupation requires, in a table of its own.
        let skills = dir.join("skills.csv");
        let mut text = fs::read_to_string(&skills)?;
        let header = text.lines().next().unwrap_or_default().to_owned();
        let columns = header.split(',').count();
        let mut row = vec![""; columns];
        for (i, name) in header.split(',').enumerate() {
            row[i] = match name {
                "id" => "skill:zzz-alleen",
                "pref_label_nl" => "alleen",
                "pref_label_en" => "alone",
                "skill_type" => "skill",
                _ => "",
            };
        }
        text.push_str(&row.join(","));
        text.push('\n');
        fs::write(&skills, text)?;
        let loaded = crate::load_dir(&dir)?;
        Ontology::open_with(&dir, &options.clone().no_cache_dir())?;
        let moved = tmp.path().join("moved");
        fs::rename(&dir, &moved)?;
        let opened = Ontology::open_with(&moved, &options.no_cache_dir())?;
        assert!(matches!(opened.origin, Origin::Snapshot(_)));
        let expected = crate::load_dir(&moved)?;
        assert_eq!(opened.built.warnings, expected.warnings);
        assert_eq!(opened.built.warnings.len(), loaded.warnings.len());
        Ok(())
    }

    /// Records which tables a load opens.
    struct Recording(RefCell<Vec<String>>);

    impl TableSource for Recording {
        fn open(&self, file: &str) -> io::Result<Option<Box<dyn Read + '_>>> {
            self.0.borrow_mut().push(file.to_owned());
            static TABLES: StaticSource = StaticSource::new(crate::EMBEDDED_TABLES);
            TABLES.open(file)
        }

        fn describe(&self, file: &str) -> String {
            file.to_owned()
        }
    }

    #[test]
    fn the_hash_covers_exactly_the_files_the_loader_reads() -> TestResult {
        let recording = Recording(RefCell::new(Vec::new()));
        crate::io::load(&recording)?;
        let mut opened = recording.0.into_inner();
        opened.sort();
        opened.dedup();
        let mut hashed: Vec<String> = input_files().map(str::to_owned).collect();
        hashed.sort();
        assert_eq!(opened, hashed);
        Ok(())
    }

    #[test]
    fn snapshots_are_looked_for_beside_the_tables_then_in_the_cache_directory() {
        let options = OpenOptions::new().cache_dir("/c");
        let paths = options.snapshot_paths(Path::new("/nowhere/x"));
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0], Path::new("/nowhere/x").join(SNAPSHOT_FILE));
        assert!(paths[1].starts_with("/c/snapshots"));
        // One file per directory: another directory has another name.
        assert_ne!(paths[1], options.snapshot_paths(Path::new("/nowhere/y"))[1]);
        assert!(
            OpenOptions::new()
                .enabled(false)
                .snapshot_paths(Path::new("x"))
                .is_empty()
        );
        assert_eq!(
            OpenOptions::new()
                .beside(false)
                .snapshot_paths(Path::new("x")),
            Vec::<PathBuf>::new()
        );
    }
}
