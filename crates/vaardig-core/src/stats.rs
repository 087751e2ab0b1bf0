//! Summary numbers of an ontology: counts per kind, label completeness, hierarchy depth.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::model::{ConceptKind, RelationKind};
use crate::ontology::Ontology;

/// Counts and completeness figures, as `vaardig stats` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Ontology name.
    pub name: String,
    /// Ontology version.
    pub version: String,
    /// Number of skills.
    pub skills: usize,
    /// Number of knowledge areas.
    pub knowledge_areas: usize,
    /// Number of occupations.
    pub occupations: usize,
    /// Number of occupation tasks.
    pub occupation_tasks: usize,
    /// Number of qualifications.
    pub qualifications: usize,
    /// Number of learning offers.
    pub learning_offers: usize,
    /// Number of sectors.
    pub sectors: usize,
    /// Number of `requires` links from occupations (not tasks) to capabilities.
    pub occupation_skill_links: usize,
    /// Relations per kind.
    pub relations: BTreeMap<String, usize>,
    /// Per language: the share of concepts with a preferred label (0–1).
    pub pref_label_completeness: BTreeMap<String, f64>,
    /// Per language: the share of concepts with at least one synonym (0–1).
    pub alt_label_coverage: BTreeMap<String, f64>,
    /// The longest `broader` chain among capabilities, in levels (a lone root is 1).
    pub hierarchy_depth: usize,
}

impl Stats {
    /// Computes the figures. Linear in the size of the ontology.
    pub fn of(ontology: &Ontology) -> Stats {
        let n = ontology.len().max(1) as f64;
        let mut pref = BTreeMap::new();
        let mut alt = BTreeMap::new();
        for lang in &ontology.manifest().languages {
            let with_pref = ontology
                .iter()
                .filter(|(_, c)| c.labels.pref(lang).is_some())
                .count();
            let with_alt = ontology
                .iter()
                .filter(|(_, c)| !c.labels.alt(lang).is_empty())
                .count();
            pref.insert(lang.clone(), with_pref as f64 / n);
            alt.insert(lang.clone(), with_alt as f64 / n);
        }
        let occupation_skill_links = ontology
            .indices(ConceptKind::Occupation)
            .iter()
            .map(|&ix| ontology.outgoing(ix, RelationKind::Requires).count())
            .sum();
        Stats {
            name: ontology.manifest().name.clone(),
            version: ontology.manifest().version.clone(),
            skills: ontology.count(ConceptKind::Skill),
            knowledge_areas: ontology.count(ConceptKind::KnowledgeArea),
            occupations: ontology.count(ConceptKind::Occupation),
            occupation_tasks: ontology.count(ConceptKind::OccupationTask),
            qualifications: ontology.count(ConceptKind::Qualification),
            learning_offers: ontology.count(ConceptKind::LearningOffer),
            sectors: ontology.count(ConceptKind::Sector),
            occupation_skill_links,
            relations: RelationKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), ontology.relation_count(*k)))
                .collect(),
            pref_label_completeness: pref,
            alt_label_coverage: alt,
            hierarchy_depth: hierarchy_depth(ontology),
        }
    }
}

/// The number of levels in the longest `broader` chain among skills and knowledge areas.
pub fn hierarchy_depth(ontology: &Ontology) -> usize {
    // depth(x) = 1 + max depth of its broader concepts; memoised, iterative (no recursion limit).
    let mut depth: Vec<usize> = vec![0; ontology.len()];
    let mut best = 0;
    let capabilities = ontology
        .indices(ConceptKind::Skill)
        .iter()
        .chain(ontology.indices(ConceptKind::KnowledgeArea));
    for &start in capabilities {
        let mut stack: Vec<(NodeIndex, bool)> = vec![(start, false)];
        while let Some((ix, expanded)) = stack.pop() {
            if depth[ix.index()] != 0 {
                continue;
            }
            if expanded {
                let d = 1 + ontology
                    .outgoing(ix, RelationKind::Broader)
                    .map(|(p, _)| depth[p.index()])
                    .max()
                    .unwrap_or(0);
                depth[ix.index()] = d;
            } else {
                stack.push((ix, true));
                for (p, _) in ontology.outgoing(ix, RelationKind::Broader) {
                    if depth[p.index()] == 0 {
                        stack.push((p, false));
                    }
                }
            }
        }
        best = best.max(depth[start.index()]);
    }
    best
}
