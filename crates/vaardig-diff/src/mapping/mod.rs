//! Id mappings between versions: which old concept became which new one when ids changed.
//!
//! Three sources, in this order of precedence:
//! 1. a mapping the caller supplies ([`IdMapping`], e.g. read with [`IdMapping::from_csv`]);
//! 2. the same id in both versions;
//! 3. a proposal ([`propose`]) for the concepts left over: same or near-identical labels
//!    (strsim) plus structural evidence (shared neighbours), with a confidence.
//!
//! Proposals at or above [`MappingConfig::accept`] are applied (the concept counts as kept, with a
//! new id); those between [`MappingConfig::min_confidence`] and `accept` are only suggested, and the
//! concepts stay added and removed until a person confirms them in a mapping file.

mod file;
mod pairing;
mod propose;

use serde::{Deserialize, Serialize};
use vaardig_core::ConceptKind;

pub use file::MAPPING_HEADER;
pub use file::write_csv;
pub(crate) use pairing::Pairing;
pub use propose::propose;
pub(crate) use propose::propose_rounds;

/// Where a mapping entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// From a mapping the caller supplied.
    Supplied,
    /// Proposed from labels and structure.
    Proposed,
}

/// One old id matched to one new id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MappingEntry {
    /// The id in the old version.
    pub old_id: String,
    /// The id in the new version.
    pub new_id: String,
    /// The concept kind (in the new version).
    pub kind: ConceptKind,
    /// Supplied or proposed.
    pub source: MappingSource,
    /// How sure the match is, in `[0, 1]` (1 for supplied entries).
    pub confidence: f64,
    /// The best label similarity found (proposals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_similarity: Option<f64>,
    /// The Jaccard overlap of the two concepts' neighbours, when either has any (proposals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_neighbours: Option<f64>,
    /// Whether the diff treats the two as one concept.
    pub applied: bool,
}

impl MappingEntry {
    /// The same entry read in the other direction (new → old).
    pub fn inverse(&self) -> MappingEntry {
        MappingEntry {
            old_id: self.new_id.clone(),
            new_id: self.old_id.clone(),
            ..self.clone()
        }
    }
}

/// One supplied pair, with the line it came from when read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppliedPair {
    /// The id in the old version.
    pub old_id: String,
    /// The id in the new version.
    pub new_id: String,
    /// The 1-based line in the mapping file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// A mapping the caller supplies: old id → new id pairs, checked against both versions when the
/// diff runs.
///
/// ```
/// use vaardig_diff::IdMapping;
///
/// let m = IdMapping::from_csv("old_id,new_id\nskill:a,skill:b\n", "map.csv")?;
/// assert_eq!(m.pairs()[0].new_id, "skill:b");
/// assert_eq!(m.inverse().pairs()[0].new_id, "skill:a");
/// # Ok::<(), vaardig_diff::DiffError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMapping {
    /// Where the pairs came from (a file name), for error messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pairs: Vec<SuppliedPair>,
}

impl IdMapping {
    /// A mapping from `(old id, new id)` pairs.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        IdMapping {
            source: None,
            pairs: pairs
                .into_iter()
                .map(|(o, n)| SuppliedPair {
                    old_id: o.to_owned(),
                    new_id: n.to_owned(),
                    line: None,
                })
                .collect(),
        }
    }

    /// The pairs, in the order given.
    pub fn pairs(&self) -> &[SuppliedPair] {
        &self.pairs
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The mapping read in the other direction (new → old), for diffing the other way.
    pub fn inverse(&self) -> IdMapping {
        IdMapping {
            source: self.source.clone(),
            pairs: self
                .pairs
                .iter()
                .map(|p| SuppliedPair {
                    old_id: p.new_id.clone(),
                    new_id: p.old_id.clone(),
                    line: p.line,
                })
                .collect(),
        }
    }
}

/// How ids are matched when they change between versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappingConfig {
    /// Whether to propose mappings at all.
    pub propose: bool,
    /// Proposals below this confidence are dropped.
    pub min_confidence: f64,
    /// Proposals at or above this confidence are applied.
    pub accept: f64,
    /// The share of the confidence that comes from labels; the rest comes from shared
    /// neighbours, when either concept has neighbours.
    pub label_weight: f64,
    /// Label tokens or neighbours shared by more than this many leftover concepts of one kind are
    /// too common to suggest a candidate pair (they still count in the score).
    pub max_block: usize,
}

impl Default for MappingConfig {
    fn default() -> Self {
        MappingConfig {
            propose: true,
            min_confidence: 0.6,
            accept: 0.85,
            label_weight: 0.7,
            max_block: 64,
        }
    }
}
