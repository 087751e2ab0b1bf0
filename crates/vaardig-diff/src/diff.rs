//! [`diff`] and [`diff_with`]: compare two ontology versions concept by concept and relation by
//! relation.
//!
//! # Algorithm
//! 1. Pair old and new concepts: the supplied mapping, then identical ids, then accepted
//!    proposals (see [`crate::mapping`]).
//! 2. Unpaired old concepts are removed, unpaired new ones added.
//! 3. For each pair: preferred labels, synonyms and definitions per language, kind-specific
//!    attributes, and the set of broader concepts (through the pairing) are compared.
//! 4. Each relation is looked up in the other version through the pairing (`related` in either
//!    direction): missing ones are added or removed; present ones with a different importance or
//!    level are re-weighted.
//!
//! # Complexity
//! O((concepts + relations) × out-degree) plus the mapping proposal for the unpaired concepts.
//!
//! # Determinism
//! The result is sorted canonically ([`Diff::sort`]); the same inputs give the same bytes.
//! `diff(b, a)` equals `diff(a, b).mirror()`.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use vaardig_core::{Concept, ConceptKind, NodeIndex, Ontology, Relation, RelationKind};

use crate::changes::{
    AttributeChange, ConceptRef, Diff, DiffSummary, KindCounts, Move, RelationCounts, RelationRef,
    Reweight, SynonymChange, TextChange, VersionInfo,
};
use crate::error::DiffError;
use crate::mapping::{IdMapping, MappingConfig, MappingEntry, Pairing};

/// Options of [`diff_with`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiffOptions {
    /// Old → new id pairs the caller vouches for; they override identical ids.
    pub mapping: Option<IdMapping>,
    /// How leftover concepts are matched by labels and structure.
    pub mapping_config: MappingConfig,
}

/// Everything that changed from `old` to `new`, with default options (no supplied mapping,
/// proposals applied at confidence ≥ 0.85).
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
///
/// let a = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let d = vaardig_diff::diff(&a, &a);
/// assert!(d.is_empty());
/// ```
pub fn diff(old: &Ontology, new: &Ontology) -> Diff {
    let pairing = Pairing::identity(old, new);
    diff_paired(old, new, pairing, Vec::new(), &MappingConfig::default())
}

/// Everything that changed from `old` to `new`, with a supplied mapping and mapping settings.
///
/// # Errors
/// When the supplied mapping names an id a version lacks, maps an id twice, or maps concepts of
/// different kinds; the error names the mapping file line.
pub fn diff_with(old: &Ontology, new: &Ontology, options: &DiffOptions) -> Result<Diff, DiffError> {
    let (pairing, supplied) = Pairing::base(old, new, options.mapping.as_ref())?;
    Ok(diff_paired(
        old,
        new,
        pairing,
        supplied,
        &options.mapping_config,
    ))
}

fn diff_paired(
    old: &Ontology,
    new: &Ontology,
    mut pairing: Pairing,
    mut mapping: Vec<MappingEntry>,
    config: &MappingConfig,
) -> Diff {
    mapping.extend(crate::mapping::propose_rounds(
        old,
        new,
        &mut pairing,
        config,
    ));

    let mut d = Diff {
        old: VersionInfo::of(old),
        new: VersionInfo::of(new),
        summary: DiffSummary::default(),
        mapping,
        added: unpaired(new, |n| pairing.old_of(n)),
        removed: unpaired(old, |o| pairing.new_of(o)),
        relabelled: Vec::new(),
        synonyms: Vec::new(),
        definitions: Vec::new(),
        attributes: Vec::new(),
        moved: Vec::new(),
        relations_added: Vec::new(),
        relations_removed: Vec::new(),
        reweighted: Vec::new(),
    };
    let mut changed: BTreeMap<ConceptKind, (usize, usize)> = BTreeMap::new();
    for (o, oc) in old.iter() {
        let Some(n) = pairing.new_of(o) else { continue };
        let nc = new.concept(n);
        let before = change_count(&d);
        compare_labels(oc, nc, &mut d);
        compare_attributes(oc, nc, &mut d);
        compare_parents(old, new, &pairing, o, n, &mut d);
        // A concept that changed kind counts in the rows of both kinds (symmetric in old/new).
        let kinds = [oc.kind(), nc.kind()];
        for kind in BTreeSet::from(kinds) {
            let entry = changed.entry(kind).or_default();
            entry.0 += usize::from(change_count(&d) > before);
            entry.1 += usize::from(oc.id != nc.id);
        }
    }
    compare_relations(old, new, &pairing, &mut d);
    d.sort();
    d.summary = summarise(old, new, &d, &changed);
    d
}

/// The number of concept-level change records so far.
fn change_count(d: &Diff) -> usize {
    d.relabelled.len() + d.synonyms.len() + d.definitions.len() + d.attributes.len() + d.moved.len()
}

/// The concepts of `ontology` without a counterpart.
fn unpaired(
    ontology: &Ontology,
    counterpart: impl Fn(NodeIndex) -> Option<NodeIndex>,
) -> Vec<ConceptRef> {
    let primary = ontology.primary_language();
    ontology
        .iter()
        .filter(|(ix, _)| counterpart(*ix).is_none())
        .map(|(ix, c)| ConceptRef {
            id: c.id.clone(),
            kind: c.kind(),
            label: c.label(primary).to_owned(),
            degree: degree(ontology, ix),
        })
        .collect()
}

/// How many relations touch `ix`, in either direction.
pub(crate) fn degree(ontology: &Ontology, ix: NodeIndex) -> usize {
    let g = ontology.graph();
    g.edges_directed(ix, Direction::Outgoing).count()
        + g.edges_directed(ix, Direction::Incoming).count()
}

fn compare_labels(oc: &Concept, nc: &Concept, d: &mut Diff) {
    let (ol, nl) = (&oc.labels, &nc.labels);
    let langs: BTreeSet<&String> = ol
        .pref
        .keys()
        .chain(nl.pref.keys())
        .chain(ol.alt.keys())
        .chain(nl.alt.keys())
        .chain(ol.definition.keys())
        .chain(nl.definition.keys())
        .collect();
    for lang in langs {
        let text = |old: Option<&str>, new: Option<&str>| TextChange {
            old_id: oc.id.clone(),
            new_id: nc.id.clone(),
            kind: nc.kind(),
            lang: lang.clone(),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        };
        let (op, np) = (ol.pref(lang), nl.pref(lang));
        if op != np {
            d.relabelled.push(text(op, np));
        }
        let (od, nd) = (ol.definition(lang), nl.definition(lang));
        if od != nd {
            d.definitions.push(text(od, nd));
        }
        let oa: BTreeSet<&String> = ol.alt(lang).iter().collect();
        let na: BTreeSet<&String> = nl.alt(lang).iter().collect();
        if oa != na {
            d.synonyms.push(SynonymChange {
                old_id: oc.id.clone(),
                new_id: nc.id.clone(),
                kind: nc.kind(),
                lang: lang.clone(),
                added: na.difference(&oa).map(|s| (*s).clone()).collect(),
                removed: oa.difference(&na).map(|s| (*s).clone()).collect(),
            });
        }
    }
}

fn compare_attributes(oc: &Concept, nc: &Concept, d: &mut Diff) {
    let same_annotations = oc.status == nc.status
        && oc.replaced_by == nc.replaced_by
        && oc.codes == nc.codes
        && oc.notes == nc.notes
        && oc.matches == nc.matches;
    if oc.data == nc.data && same_annotations {
        return;
    }
    let fields = |c: &Concept| -> BTreeMap<String, String> {
        let mut map = kind_fields(c);
        // What every kind may have, as in the native format (`status`, `replaced_by`) or one
        // field per table (`codes`, `notes`, `matches`; entries joined by ` | `).
        if !c.status.is_current() {
            map.insert("status".to_owned(), c.status.to_string());
        }
        if let Some(r) = &c.replaced_by {
            map.insert("replaced_by".to_owned(), r.clone());
        }
        let joined = |items: Vec<String>| items.join(" | ");
        if !c.codes.is_empty() {
            map.insert(
                "codes".to_owned(),
                joined(
                    c.codes
                        .iter()
                        .map(|x| format!("{} {}", x.system, x.code))
                        .collect(),
                ),
            );
        }
        if !c.notes.is_empty() {
            map.insert(
                "notes".to_owned(),
                joined(
                    c.notes
                        .iter()
                        .map(|n| format!("{}@{}: {}", n.kind, n.lang, n.text))
                        .collect(),
                ),
            );
        }
        if !c.matches.is_empty() {
            map.insert(
                "matches".to_owned(),
                joined(
                    c.matches
                        .iter()
                        .map(|m| format!("{} {}", m.kind, m.uri))
                        .collect(),
                ),
            );
        }
        map
    };
    let (of, nf) = (fields(oc), fields(nc));
    let keys: BTreeSet<&String> = of.keys().chain(nf.keys()).collect();
    for key in keys {
        let (ov, nv) = (of.get(key), nf.get(key));
        if ov != nv {
            d.attributes.push(AttributeChange {
                old_id: oc.id.clone(),
                new_id: nc.id.clone(),
                field: key.clone(),
                old: ov.cloned(),
                new: nv.cloned(),
            });
        }
    }
}

/// The kind and its attributes as `field → text`.
fn kind_fields(c: &Concept) -> BTreeMap<String, String> {
    {
        match serde_json::to_value(&c.data) {
            Ok(serde_json::Value::Object(map)) => map
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (k, text)
                })
                .collect(),
            // A ConceptData always serialises to an object; keep the kind if it ever does not.
            _ => BTreeMap::from([("kind".to_owned(), c.kind().as_str().to_owned())]),
        }
    }
}

fn compare_parents(
    old: &Ontology,
    new: &Ontology,
    pairing: &Pairing,
    o: NodeIndex,
    n: NodeIndex,
    d: &mut Diff,
) {
    let old_parents: Vec<NodeIndex> = old
        .outgoing(o, RelationKind::Broader)
        .map(|(p, _)| p)
        .collect();
    let new_parents: Vec<NodeIndex> = new
        .outgoing(n, RelationKind::Broader)
        .map(|(p, _)| p)
        .collect();
    let mut mapped: Vec<Option<NodeIndex>> =
        old_parents.iter().map(|&p| pairing.new_of(p)).collect();
    mapped.sort_unstable();
    let mut expected: Vec<Option<NodeIndex>> = new_parents.iter().map(|&p| Some(p)).collect();
    expected.sort_unstable();
    if mapped == expected {
        return;
    }
    let ids = |o: &Ontology, list: &[NodeIndex]| -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|&p| o.concept(p).id.clone()).collect();
        v.sort();
        v
    };
    let nc = new.concept(n);
    d.moved.push(Move {
        old_id: old.concept(o).id.clone(),
        new_id: nc.id.clone(),
        kind: nc.kind(),
        old_parents: ids(old, &old_parents),
        new_parents: ids(new, &new_parents),
    });
}

/// The relation of `kind` from `from` to `to` in `ontology` (either direction for `related`).
fn find_relation(
    ontology: &Ontology,
    from: NodeIndex,
    to: NodeIndex,
    kind: RelationKind,
) -> Option<&Relation> {
    let g = ontology.graph();
    let forward = g
        .edges_connecting(from, to)
        .map(|e| e.weight())
        .find(|r| r.kind == kind);
    if forward.is_some() || kind != RelationKind::Related {
        return forward;
    }
    g.edges_connecting(to, from)
        .map(|e| e.weight())
        .find(|r| r.kind == kind)
}

fn relation_ref(
    ontology: &Ontology,
    from: NodeIndex,
    to: NodeIndex,
    rel: &Relation,
    with_concept: bool,
) -> RelationRef {
    RelationRef {
        from: ontology.concept(from).id.clone(),
        to: ontology.concept(to).id.clone(),
        kind: rel.kind,
        importance: rel.importance,
        level: rel.level,
        with_concept,
    }
}

fn compare_relations(old: &Ontology, new: &Ontology, pairing: &Pairing, d: &mut Diff) {
    for (f, t, rel) in old.relations() {
        let (Some(nf), Some(nt)) = (pairing.new_of(f), pairing.new_of(t)) else {
            d.relations_removed.push(relation_ref(old, f, t, rel, true));
            continue;
        };
        match find_relation(new, nf, nt, rel.kind) {
            None => d
                .relations_removed
                .push(relation_ref(old, f, t, rel, false)),
            Some(nrel) if nrel != rel => {
                // `related` found reversed has no attributes, so from/to order never matters here.
                d.reweighted.push(Reweight {
                    old_from: old.concept(f).id.clone(),
                    old_to: old.concept(t).id.clone(),
                    new_from: new.concept(nf).id.clone(),
                    new_to: new.concept(nt).id.clone(),
                    kind: rel.kind,
                    old_importance: rel.importance,
                    new_importance: nrel.importance,
                    old_level: rel.level,
                    new_level: nrel.level,
                    old_weight: rel.weight,
                    new_weight: nrel.weight,
                    old_source_level: rel.source_level,
                    new_source_level: nrel.source_level,
                    old_tier: rel.tier,
                    new_tier: nrel.tier,
                    old_rank: rel.rank,
                    new_rank: nrel.rank,
                });
            }
            Some(_) => {}
        }
    }
    for (f, t, rel) in new.relations() {
        let (Some(of), Some(ot)) = (pairing.old_of(f), pairing.old_of(t)) else {
            d.relations_added.push(relation_ref(new, f, t, rel, true));
            continue;
        };
        if find_relation(old, of, ot, rel.kind).is_none() {
            d.relations_added.push(relation_ref(new, f, t, rel, false));
        }
    }
}

/// Counts distinct `(old id, new id)` pairs in a list sorted by them.
fn distinct<T>(items: &[T], key: impl for<'a> Fn(&'a T) -> (&'a str, &'a str)) -> usize {
    let mut count = 0;
    let mut last: Option<(&str, &str)> = None;
    for item in items {
        let k = key(item);
        if last != Some(k) {
            count += 1;
            last = Some(k);
        }
    }
    count
}

fn summarise(
    old: &Ontology,
    new: &Ontology,
    d: &Diff,
    changed: &BTreeMap<ConceptKind, (usize, usize)>,
) -> DiffSummary {
    let mut concepts_by_kind = BTreeMap::new();
    for &kind in ConceptKind::ALL {
        let (o, n) = (old.count(kind), new.count(kind));
        if o == 0 && n == 0 {
            continue;
        }
        let (changed, remapped) = changed.get(&kind).copied().unwrap_or((0, 0));
        concepts_by_kind.insert(
            kind,
            KindCounts {
                old: o,
                new: n,
                added: d.added.iter().filter(|c| c.kind == kind).count(),
                removed: d.removed.iter().filter(|c| c.kind == kind).count(),
                remapped,
                changed,
            },
        );
    }
    let mut relations_by_kind = BTreeMap::new();
    for &kind in RelationKind::ALL {
        let (o, n) = (old.relation_count(kind), new.relation_count(kind));
        if o == 0 && n == 0 {
            continue;
        }
        relations_by_kind.insert(
            kind,
            RelationCounts {
                old: o,
                new: n,
                added: d.relations_added.iter().filter(|r| r.kind == kind).count(),
                removed: d
                    .relations_removed
                    .iter()
                    .filter(|r| r.kind == kind)
                    .count(),
                reweighted: d.reweighted.iter().filter(|r| r.kind == kind).count(),
            },
        );
    }
    fn text_key(c: &TextChange) -> (&str, &str) {
        (c.old_id.as_str(), c.new_id.as_str())
    }
    DiffSummary {
        added: d.added.len(),
        removed: d.removed.len(),
        remapped: concepts_by_kind
            .values()
            .map(|c: &KindCounts| c.remapped)
            .sum(),
        suggested: d.mapping.iter().filter(|m| !m.applied).count(),
        relabelled: distinct(&d.relabelled, text_key),
        synonyms_changed: distinct(&d.synonyms, |c| (c.old_id.as_str(), c.new_id.as_str())),
        definitions_changed: distinct(&d.definitions, text_key),
        attributes_changed: distinct(&d.attributes, |c| (c.old_id.as_str(), c.new_id.as_str())),
        moved: d.moved.len(),
        relations_added: d.relations_added.len(),
        relations_removed: d.relations_removed.len(),
        relations_reweighted: d.reweighted.len(),
        concepts_by_kind,
        relations_by_kind,
    }
}
