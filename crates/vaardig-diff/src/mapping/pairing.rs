//! [`Pairing`]: the one-to-one matching of old concepts to new ones a diff works on, built from a
//! supplied mapping, identical ids and accepted proposals.

use std::collections::HashMap;

use vaardig_core::{Location, NodeIndex, Ontology};

use super::{IdMapping, MappingEntry, MappingSource};
use crate::error::DiffError;

/// A partial one-to-one matching between the node indices of two versions.
#[derive(Debug, Clone)]
pub(crate) struct Pairing {
    /// Old node index → new node index.
    pub old_to_new: Vec<Option<NodeIndex>>,
    /// New node index → old node index.
    pub new_to_old: Vec<Option<NodeIndex>>,
}

impl Pairing {
    /// Pairs the supplied mapping first (checked against both versions), then identical ids.
    /// Returns the pairing and the supplied pairs as mapping entries.
    pub fn base(
        old: &Ontology,
        new: &Ontology,
        supplied: Option<&IdMapping>,
    ) -> Result<(Pairing, Vec<MappingEntry>), DiffError> {
        let mut p = Pairing {
            old_to_new: vec![None; old.len()],
            new_to_old: vec![None; new.len()],
        };
        let mut entries = Vec::new();
        if let Some(mapping) = supplied {
            let mut first_line: HashMap<(bool, &str), Option<u64>> = HashMap::new();
            for pair in mapping.pairs() {
                let err = |message: String| DiffError::Mapping {
                    location: Location {
                        file: mapping.source.clone(),
                        line: pair.line,
                        column: None,
                    },
                    message,
                };
                let o = old.index_of(&pair.old_id).ok_or_else(|| {
                    err(format!(
                        "old id `{}` is not in the old version",
                        pair.old_id
                    ))
                })?;
                let n = new.index_of(&pair.new_id).ok_or_else(|| {
                    err(format!(
                        "new id `{}` is not in the new version",
                        pair.new_id
                    ))
                })?;
                for (side, id) in [(false, pair.old_id.as_str()), (true, pair.new_id.as_str())] {
                    if let Some(line) = first_line.insert((side, id), pair.line) {
                        let at = line.map_or_else(String::new, |l| format!(" (first on line {l})"));
                        return Err(err(format!("`{id}` is mapped twice{at}")));
                    }
                }
                let (ok, nk) = (old.concept(o).kind(), new.concept(n).kind());
                if ok != nk {
                    return Err(err(format!(
                        "`{}` is a {ok} but `{}` is a {nk}",
                        pair.old_id, pair.new_id
                    )));
                }
                p.link(o, n);
                entries.push(MappingEntry {
                    old_id: pair.old_id.clone(),
                    new_id: pair.new_id.clone(),
                    kind: nk,
                    source: MappingSource::Supplied,
                    confidence: 1.0,
                    label_similarity: None,
                    shared_neighbours: None,
                    applied: true,
                });
            }
        }
        p.pair_identical(old, new);
        Ok((p, entries))
    }

    /// Pairs every concept whose id both versions have.
    pub fn identity(old: &Ontology, new: &Ontology) -> Pairing {
        let mut p = Pairing {
            old_to_new: vec![None; old.len()],
            new_to_old: vec![None; new.len()],
        };
        p.pair_identical(old, new);
        p
    }

    /// Pairs identical ids among the concepts not paired yet.
    fn pair_identical(&mut self, old: &Ontology, new: &Ontology) {
        for (o, concept) in old.iter() {
            if self.old_to_new[o.index()].is_some() {
                continue;
            }
            if let Some(n) = new.index_of(&concept.id)
                && self.new_to_old[n.index()].is_none()
            {
                self.link(o, n);
            }
        }
    }

    /// Records that old `o` and new `n` are one concept.
    pub fn link(&mut self, o: NodeIndex, n: NodeIndex) {
        self.old_to_new[o.index()] = Some(n);
        self.new_to_old[n.index()] = Some(o);
    }

    /// The new counterpart of old `o`.
    pub fn new_of(&self, o: NodeIndex) -> Option<NodeIndex> {
        self.old_to_new.get(o.index()).copied().flatten()
    }

    /// The old counterpart of new `n`.
    pub fn old_of(&self, n: NodeIndex) -> Option<NodeIndex> {
        self.new_to_old.get(n.index()).copied().flatten()
    }
}
