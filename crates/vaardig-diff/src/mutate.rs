//! [`mutate`]: a seeded next version of an ontology, for tests and benches of the diff.
//!
//! Each kind of change a real release makes is applied to a share of the concepts or relations:
//! drop skills and occupations, give some a new id (labels kept, so the mapping proposal can find
//! them), relabel, add synonyms, rewrite definitions, move hierarchy leaves to another parent,
//! add new skills (placed in the hierarchy and required by a few occupations), and change the
//! importance of `requires` links. The [`MutationLog`] records what was done, so a test can check
//! that the diff finds it.
//!
//! Moves only take leaves and only choose parents that have narrower concepts, so the hierarchy
//! stays acyclic. The same ontology and configuration always give the same result.

use std::collections::{HashMap, HashSet};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use vaardig_core::{
    Built, Concept, ConceptData, ConceptKind, Importance, Labels, NodeIndex, Ontology,
    OntologyBuilder, OntologyError, Relation, RelationKind, SkillType,
};

/// How much to change. Shares are probabilities per concept or relation, in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MutationConfig {
    /// The random seed.
    pub seed: u64,
    /// The version string of the result.
    pub version: String,
    /// Share of skills and occupations removed (with their relations).
    pub drop: f64,
    /// Share of skills and occupations whose id changes (labels kept).
    pub reid: f64,
    /// Share of concepts whose primary preferred label changes.
    pub relabel: f64,
    /// Share of concepts that gain a synonym in the primary language.
    pub synonyms: f64,
    /// Share of concepts whose primary definition is rewritten.
    pub redefine: f64,
    /// Share of hierarchy leaves that move to another broader concept.
    pub moves: f64,
    /// New skills, as a share of the existing number of skills.
    pub add: f64,
    /// Share of `requires` links whose importance changes.
    pub reweight: f64,
}

impl Default for MutationConfig {
    fn default() -> Self {
        MutationConfig {
            seed: 1,
            version: "mutated".to_owned(),
            drop: 0.01,
            reid: 0.01,
            relabel: 0.02,
            synonyms: 0.02,
            redefine: 0.02,
            moves: 0.01,
            add: 0.01,
            reweight: 0.01,
        }
    }
}

/// What [`mutate`] did. Ids are sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutationLog {
    /// Removed concepts (old ids).
    pub dropped: Vec<String>,
    /// `(old id, new id)` of concepts that got a new id.
    pub reids: Vec<(String, String)>,
    /// Concepts whose primary preferred label changed (old ids).
    pub relabelled: Vec<String>,
    /// Concepts that gained a synonym (old ids).
    pub synonyms: Vec<String>,
    /// Concepts whose definition changed (old ids).
    pub redefined: Vec<String>,
    /// Leaves moved to another parent (old ids).
    pub moved: Vec<String>,
    /// New skills (new ids).
    pub added: Vec<String>,
    /// Re-weighted `requires` links as `(occupation, skill)` old ids.
    pub reweighted: Vec<(String, String)>,
}

/// A mutated ontology and what was done to it.
#[derive(Debug, Clone)]
pub struct Mutated {
    /// The new version.
    pub ontology: Ontology,
    /// What changed.
    pub log: MutationLog,
}

/// Whether an event of probability `p` happens.
fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    p > 0.0 && rng.random_range(0.0..1.0) < p
}

/// Makes a seeded next version of `ontology` (see the module docs).
///
/// # Errors
/// Only if the result fails validation, which the construction rules out; the error is passed
/// on rather than hidden.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_diff::mutate::{MutationConfig, mutate};
///
/// let old = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let m = mutate(&old, &MutationConfig { drop: 0.05, ..MutationConfig::default() })?;
/// assert!(!m.log.dropped.is_empty());
/// assert!(m.ontology.len() < old.len() + m.log.added.len());
/// # Ok::<(), vaardig_core::OntologyError>(())
/// ```
pub fn mutate(ontology: &Ontology, config: &MutationConfig) -> Result<Mutated, OntologyError> {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let primary = ontology.primary_language().to_owned();
    let mut log = MutationLog::default();

    // Concepts: decide drop / re-id, then label changes, in id order.
    let mut new_id: Vec<Option<String>> = Vec::with_capacity(ontology.len());
    let mut concepts: Vec<Concept> = Vec::with_capacity(ontology.len());
    for (_, c) in ontology.iter() {
        let structural = matches!(c.kind(), ConceptKind::Skill | ConceptKind::Occupation);
        if structural && chance(&mut rng, config.drop) {
            log.dropped.push(c.id.clone());
            new_id.push(None);
            continue;
        }
        let mut concept = c.clone();
        if structural && chance(&mut rng, config.reid) {
            concept.id = format!("{}-r{}", c.id, config.seed);
            log.reids.push((c.id.clone(), concept.id.clone()));
        }
        if chance(&mut rng, config.relabel) {
            let label = format!("{} (herzien)", c.label(&primary));
            concept.labels.pref.insert(primary.clone(), label);
            log.relabelled.push(c.id.clone());
        }
        if chance(&mut rng, config.synonyms) {
            let synonym = format!("{} synoniem", c.label(&primary));
            concept
                .labels
                .alt
                .get_or_default(primary.clone())
                .push(synonym);
            log.synonyms.push(c.id.clone());
        }
        if chance(&mut rng, config.redefine) {
            let text = format!("Herziene omschrijving van {}.", c.label(&primary));
            concept.labels.definition.insert(primary.clone(), text);
            log.redefined.push(c.id.clone());
        }
        new_id.push(Some(concept.id.clone()));
        concepts.push(concept);
    }
    let id_of = |ix: NodeIndex| new_id[ix.index()].as_deref();

    // Moves: leaves with a parent go under another parent that has children (never a leaf, so no
    // cycle can form).
    let is_parent = |ix: NodeIndex| {
        ontology
            .incoming(ix, RelationKind::Broader)
            .next()
            .is_some()
    };
    let mut moved: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    for class in [
        &[ConceptKind::Skill, ConceptKind::KnowledgeArea][..],
        &[ConceptKind::Occupation][..],
    ] {
        let members: Vec<NodeIndex> = class
            .iter()
            .flat_map(|&k| ontology.indices(k).iter().copied())
            .filter(|&ix| id_of(ix).is_some())
            .collect();
        let parents: Vec<NodeIndex> = members
            .iter()
            .copied()
            .filter(|&ix| is_parent(ix))
            .collect();
        if parents.len() < 2 {
            continue;
        }
        for &ix in &members {
            let has_parent = ontology
                .outgoing(ix, RelationKind::Broader)
                .next()
                .is_some();
            if is_parent(ix) || !has_parent || !chance(&mut rng, config.moves) {
                continue;
            }
            let current: HashSet<NodeIndex> = ontology
                .outgoing(ix, RelationKind::Broader)
                .map(|(p, _)| p)
                .collect();
            let start = rng.random_range(0..parents.len());
            let target = (0..parents.len())
                .map(|k| parents[(start + k) % parents.len()])
                .find(|p| !current.contains(p));
            if let Some(p) = target {
                moved.insert(ix, p);
                log.moved.push(ontology.concept(ix).id.clone());
            }
        }
    }

    let mut manifest = ontology.manifest().clone();
    manifest.version = config.version.clone();
    let mut b = OntologyBuilder::new(manifest);
    for c in concepts {
        b.add_concept(c);
    }
    for (f, t, rel) in ontology.relations() {
        let (Some(from), Some(to)) = (id_of(f), id_of(t)) else {
            continue;
        };
        if rel.kind == RelationKind::Broader && moved.contains_key(&f) {
            continue;
        }
        let mut rel = *rel;
        if rel.kind == RelationKind::Requires && chance(&mut rng, config.reweight) {
            rel.importance = Some(match rel.importance {
                Some(Importance::Essential) => Importance::Optional,
                _ => Importance::Essential,
            });
            log.reweighted.push((
                ontology.concept(f).id.clone(),
                ontology.concept(t).id.clone(),
            ));
        }
        b.add_relation(from, to, rel);
    }
    let mut moves: Vec<(NodeIndex, NodeIndex)> = moved.into_iter().collect();
    moves.sort_unstable();
    for (ix, p) in moves {
        if let (Some(from), Some(to)) = (id_of(ix), id_of(p)) {
            b.add_relation(from, to, Relation::plain(RelationKind::Broader));
        }
    }

    // Additions: new skills under an existing parent, required by a few occupations.
    let skill_parents: Vec<&str> = ontology
        .indices(ConceptKind::Skill)
        .iter()
        .chain(ontology.indices(ConceptKind::KnowledgeArea))
        .copied()
        .filter(|&ix| is_parent(ix))
        .filter_map(id_of)
        .collect();
    let occupations: Vec<&str> = ontology
        .indices(ConceptKind::Occupation)
        .iter()
        .copied()
        .filter_map(id_of)
        .collect();
    let to_add = (config.add * ontology.count(ConceptKind::Skill) as f64).round() as usize;
    let languages = ontology.manifest().languages.clone();
    for i in 0..to_add {
        let id = format!("skill:toegevoegd-{}-{i:05}", config.seed);
        let mut labels = Labels::default();
        for lang in &languages {
            labels
                .pref
                .insert(lang.clone(), format!("nieuwe vaardigheid {i} {lang}"));
        }
        b.add_concept(Concept::new(
            id.clone(),
            labels,
            ConceptData::Skill {
                skill_type: SkillType::Skill,
            },
        ));
        if !skill_parents.is_empty() {
            let p = skill_parents[rng.random_range(0..skill_parents.len())];
            b.add_relation(&id, p, Relation::plain(RelationKind::Broader));
        }
        if !occupations.is_empty() {
            let mut chosen: Vec<&str> = (0..rng.random_range(1..=5))
                .map(|_| occupations[rng.random_range(0..occupations.len())])
                .collect();
            chosen.sort_unstable();
            chosen.dedup();
            for occ in chosen {
                let importance = if rng.random_range(0..2) == 0 {
                    Importance::Essential
                } else {
                    Importance::Optional
                };
                b.add_relation(occ, &id, Relation::requires(importance, None));
            }
        }
        log.added.push(id);
    }

    let Built { ontology, .. } = b.build()?;
    log.dropped.sort();
    log.reids.sort();
    log.relabelled.sort();
    log.synonyms.sort();
    log.redefined.sort();
    log.moved.sort();
    log.added.sort();
    log.reweighted.sort();
    Ok(Mutated { ontology, log })
}
