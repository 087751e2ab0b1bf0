//! Proposing id mappings for concepts that exist in one version only.
//!
//! # Algorithm
//! Per concept kind, between the old concepts without a counterpart (`R`) and the new ones (`A`):
//! 1. **Candidates.** A pair is a candidate when both concepts share a normalised label (preferred
//!    or synonym, any language), a label word of three or more letters, or a neighbour (a concept
//!    both versions have, over any relation), provided fewer than [`MappingConfig::max_block`]
//!    leftover concepts share it. When `|R| × |A|` is at most 4,096, every pair is a candidate.
//! 2. **Score.** `label` is the best similarity (1 − normalised Levenshtein) of the preferred
//!    labels in a shared language, or 0.9 × that of a preferred label against a synonym.
//!    `structure` is the Jaccard overlap of the two neighbour sets (absent when neither has
//!    neighbours). Confidence is `w × label + (1 − w) × structure`, or `label` without structure
//!    (`w` = [`MappingConfig::label_weight`]).
//! 3. **Assign.** Candidates at or above [`MappingConfig::min_confidence`], best first, are
//!    matched one-to-one greedily.
//! 4. **Repeat.** Accepted pairs count as shared neighbours in the next round (up to eight
//!    rounds, until a round accepts nothing), so a renamed group whose renamed members were
//!    matched gains the structural evidence it lacked. A pair whose structure cannot be judged
//!    yet (both have relations, none to a concept both versions share) waits for a round without
//!    progress: among groups with the same label, those with evidence are matched first.
//!
//! # Determinism and symmetry
//! Ties break by the pair's smaller id, then its larger id. Every step is symmetric in old and
//! new, so proposing `new → old` gives exactly the inverse entries.
//!
//! # Complexity
//! O(labels + neighbours) to build the blocks, plus O(candidates × labels per concept) string
//! comparisons; blocks are capped, so candidates stay near-linear in `|R| + |A|`.

use std::collections::HashMap;

use vaardig_core::{ConceptKind, NodeIndex, Ontology};

use super::{IdMapping, MappingConfig, MappingEntry, MappingSource, Pairing};
use crate::error::DiffError;
use crate::text::{normalise, similarity, tokens};

/// Below this many pairs, every pair is scored.
const ALL_PAIRS: usize = 4_096;
/// A preferred label matching a synonym counts this much of a preferred-label match.
const SYNONYM_FACTOR: f64 = 0.9;

/// Proposes mappings for the concepts that have no counterpart after applying `supplied` and
/// matching identical ids, sorted by old id. Entries at or above `config.accept` are marked
/// applied.
///
/// # Errors
/// When `supplied` does not fit the two versions.
///
/// ```
/// use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
/// use vaardig_diff::{MappingConfig, mapping::propose};
///
/// let version = |id: &str| {
///     let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["nl"]));
///     b.add_concept(Concept::new(id, Labels::with_pref([("nl", "wondverzorging")]),
///         ConceptData::Skill { skill_type: SkillType::Skill }));
///     b.build().expect("valid").ontology
/// };
/// let proposals = propose(&version("skill:wond"), &version("skill:wondzorg"), None,
///     &MappingConfig::default())?;
/// assert_eq!(proposals[0].new_id, "skill:wondzorg");
/// assert_eq!(proposals[0].confidence, 1.0);
/// # Ok::<(), vaardig_diff::DiffError>(())
/// ```
pub fn propose(
    old: &Ontology,
    new: &Ontology,
    supplied: Option<&IdMapping>,
    config: &MappingConfig,
) -> Result<Vec<MappingEntry>, DiffError> {
    let (mut pairing, _) = Pairing::base(old, new, supplied)?;
    let mut out = propose_rounds(old, new, &mut pairing, config);
    out.sort_by(|a, b| a.old_id.cmp(&b.old_id));
    Ok(out)
}

/// The label and structure features of one leftover concept.
struct Features {
    /// Normalised preferred labels, by language (sorted by language).
    pref: Vec<(String, String)>,
    /// Normalised synonyms, by language (sorted by language).
    alt: Vec<(String, Vec<String>)>,
    /// Neighbours both versions have, as new-version node indices, sorted and unique.
    neighbours: Vec<u32>,
    /// Whether the concept has no relation at all.
    isolated: bool,
}

/// What makes two leftover concepts a candidate pair.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Label(String),
    Token(String),
    Neighbour(u32),
}

/// At most this many proposal rounds.
const MAX_ROUNDS: usize = 8;

/// Proposes in rounds: the pairs accepted in one round are linked into `pairing`, so the next
/// round sees them as shared neighbours (a renamed group whose renamed members were matched
/// gains structural evidence). Pairs whose structure cannot be judged yet (both have relations,
/// but to no concept both versions share) wait until a round without progress, so that among
/// groups with the same label the ones with evidence are matched first. Returns every accepted
/// entry and the last round's suggestions (unsorted).
pub(crate) fn propose_rounds(
    old: &Ontology,
    new: &Ontology,
    pairing: &mut Pairing,
    config: &MappingConfig,
) -> Vec<MappingEntry> {
    let mut out = Vec::new();
    let mut allow_unknown = false;
    for round in 1..=MAX_ROUNDS {
        let last = round == MAX_ROUNDS;
        let allow = allow_unknown || last;
        let (applied, suggested): (Vec<MappingEntry>, Vec<MappingEntry>) =
            propose_for(old, new, pairing, config, allow)
                .into_iter()
                .partition(|p| p.applied);
        for p in &applied {
            if let (Some(o), Some(n)) = (old.index_of(&p.old_id), new.index_of(&p.new_id)) {
                pairing.link(o, n);
            }
        }
        let progressed = !applied.is_empty();
        out.extend(applied);
        if last || (allow && !progressed) {
            out.extend(suggested);
            break;
        }
        allow_unknown = !progressed;
    }
    out
}

/// Proposals over a pairing, one round (unsorted).
fn propose_for(
    old: &Ontology,
    new: &Ontology,
    pairing: &Pairing,
    config: &MappingConfig,
    allow_unknown_structure: bool,
) -> Vec<MappingEntry> {
    if !config.propose {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &kind in ConceptKind::ALL {
        let removed: Vec<NodeIndex> = old
            .indices(kind)
            .iter()
            .copied()
            .filter(|&o| pairing.new_of(o).is_none())
            .collect();
        let added: Vec<NodeIndex> = new
            .indices(kind)
            .iter()
            .copied()
            .filter(|&n| pairing.old_of(n).is_none())
            .collect();
        if removed.is_empty() || added.is_empty() {
            continue;
        }
        let r_feat: Vec<Features> = removed
            .iter()
            .map(|&o| features(old, o, |x| pairing.new_of(x)))
            .collect();
        let a_feat: Vec<Features> = added
            .iter()
            .map(|&n| features(new, n, |x| pairing.old_of(x).map(|_| x)))
            .collect();
        let candidates = candidates(&r_feat, &a_feat, config.max_block);
        let mut scored: Vec<Scored> = Vec::new();
        for (ri, ai) in candidates {
            let (r, a) = (&r_feat[ri as usize], &a_feat[ai as usize]);
            let label = label_similarity(r, a);
            let structure = jaccard(&r.neighbours, &a.neighbours);
            if structure.is_none() && !(r.isolated && a.isolated) && !allow_unknown_structure {
                continue;
            }
            let confidence = match structure {
                Some(s) => config.label_weight * label + (1.0 - config.label_weight) * s,
                None => label,
            };
            if confidence >= config.min_confidence {
                let old_id = old.concept(removed[ri as usize]).id.as_str();
                let new_id = new.concept(added[ai as usize]).id.as_str();
                scored.push(Scored {
                    ri,
                    ai,
                    label,
                    structure,
                    confidence,
                    low: old_id.min(new_id),
                    high: old_id.max(new_id),
                });
            }
        }
        scored.sort_by(|x, y| {
            y.confidence
                .total_cmp(&x.confidence)
                .then_with(|| x.low.cmp(y.low))
                .then_with(|| x.high.cmp(y.high))
        });
        let mut r_used = vec![false; removed.len()];
        let mut a_used = vec![false; added.len()];
        for s in scored {
            let (ri, ai) = (s.ri as usize, s.ai as usize);
            if r_used[ri] || a_used[ai] {
                continue;
            }
            r_used[ri] = true;
            a_used[ai] = true;
            out.push(MappingEntry {
                old_id: old.concept(removed[ri]).id.clone(),
                new_id: new.concept(added[ai]).id.clone(),
                kind,
                source: MappingSource::Proposed,
                confidence: s.confidence,
                label_similarity: Some(s.label),
                shared_neighbours: s.structure,
                applied: s.confidence >= config.accept,
            });
        }
    }
    out
}

/// A scored candidate pair.
struct Scored<'a> {
    ri: u32,
    ai: u32,
    label: f64,
    structure: Option<f64>,
    confidence: f64,
    low: &'a str,
    high: &'a str,
}

/// The features of concept `ix`; `counterpart` maps a neighbour to its new-version index when
/// both versions have it.
fn features(
    ontology: &Ontology,
    ix: NodeIndex,
    counterpart: impl Fn(NodeIndex) -> Option<NodeIndex>,
) -> Features {
    let labels = &ontology.concept(ix).labels;
    let pref = labels
        .pref
        .iter()
        .map(|(l, s)| (l.clone(), normalise(s)))
        .collect();
    let alt = labels
        .alt
        .iter()
        .map(|(l, v)| (l.clone(), v.iter().map(|s| normalise(s)).collect()))
        .collect();
    let isolated = ontology.graph().neighbors_undirected(ix).next().is_none();
    let mut neighbours: Vec<u32> = ontology
        .graph()
        .neighbors_undirected(ix)
        .filter_map(&counterpart)
        .map(|n| n.index() as u32)
        .collect();
    neighbours.sort_unstable();
    neighbours.dedup();
    Features {
        pref,
        alt,
        neighbours,
        isolated,
    }
}

/// The blocking keys of one concept, unique.
fn keys(f: &Features) -> Vec<Key> {
    let mut keys = Vec::new();
    let labels = f
        .pref
        .iter()
        .map(|(_, s)| s)
        .chain(f.alt.iter().flat_map(|(_, v)| v.iter()));
    for label in labels {
        if label.is_empty() {
            continue;
        }
        keys.push(Key::Label(label.clone()));
        keys.extend(tokens(label).map(|t| Key::Token(t.to_owned())));
    }
    keys.extend(f.neighbours.iter().map(|&n| Key::Neighbour(n)));
    keys.sort();
    keys.dedup();
    keys
}

/// Candidate pairs `(index into r, index into a)`, sorted and unique.
fn candidates(r: &[Features], a: &[Features], max_block: usize) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    if r.len().saturating_mul(a.len()) <= ALL_PAIRS {
        for ri in 0..r.len() as u32 {
            for ai in 0..a.len() as u32 {
                pairs.push((ri, ai));
            }
        }
        return pairs;
    }
    let mut blocks: HashMap<Key, (Vec<u32>, Vec<u32>)> = HashMap::new();
    for (i, f) in r.iter().enumerate() {
        for k in keys(f) {
            blocks.entry(k).or_default().0.push(i as u32);
        }
    }
    for (i, f) in a.iter().enumerate() {
        for k in keys(f) {
            // Only keys the other side has can pair anything.
            if let Some(block) = blocks.get_mut(&k) {
                block.1.push(i as u32);
            }
        }
    }
    for (rs, as_) in blocks.values() {
        if as_.is_empty() || rs.len() + as_.len() > max_block {
            continue;
        }
        for &ri in rs {
            for &ai in as_ {
                pairs.push((ri, ai));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The best label similarity of two concepts in a shared language.
fn label_similarity(r: &Features, a: &Features) -> f64 {
    fn alts<'f>(f: &'f Features, lang: &str) -> &'f [String] {
        f.alt
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(&[], |(_, v)| v.as_slice())
    }
    let mut best: f64 = 0.0;
    for (lang, rp) in &r.pref {
        let Some((_, ap)) = a.pref.iter().find(|(l, _)| l == lang) else {
            continue;
        };
        best = best.max(similarity(rp, ap));
        if best >= 1.0 {
            return 1.0;
        }
        for alt in alts(a, lang) {
            best = best.max(SYNONYM_FACTOR * similarity(rp, alt));
        }
        for alt in alts(r, lang) {
            best = best.max(SYNONYM_FACTOR * similarity(alt, ap));
        }
    }
    best
}

/// `|a ∩ b| / |a ∪ b|` of two sorted unique lists; `None` when both are empty.
fn jaccard(a: &[u32], b: &[u32]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    Some(common as f64 / union as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_lists() {
        assert_eq!(jaccard(&[], &[]), None);
        assert_eq!(jaccard(&[1], &[]), Some(0.0));
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), Some(0.5));
    }

    #[test]
    fn synonym_match_counts_less_than_a_preferred_match() {
        let f = |pref: &str, alt: &[&str]| Features {
            pref: vec![("nl".into(), pref.into())],
            alt: vec![("nl".into(), alt.iter().map(|s| (*s).to_owned()).collect())],
            neighbours: vec![],
            isolated: true,
        };
        let same = label_similarity(&f("lassen", &[]), &f("lassen", &[]));
        let via_synonym = label_similarity(&f("lassen", &[]), &f("solderen", &["lassen"]));
        assert_eq!(same, 1.0);
        assert!((via_synonym - SYNONYM_FACTOR).abs() < 1e-12);
        let other_lang = Features {
            pref: vec![("en".into(), "lassen".into())],
            alt: vec![],
            neighbours: vec![],
            isolated: true,
        };
        assert_eq!(label_similarity(&f("lassen", &[]), &other_lang), 0.0);
    }
}
