//! The diff on hand-made versions (one test per change type), identity, mirror symmetry and
//! generated versions.

use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{ConceptKind, Importance, RelationKind};
use vaardig_diff::mutate::{MutationConfig, mutate};
use vaardig_diff::{Diff, MappingSource, diff};

use crate::fixtures::version;

fn pair() -> Diff {
    diff(&version(false), &version(true))
}

#[test]
fn a_version_diffed_with_itself_is_empty() {
    let a = version(false);
    let d = diff(&a, &a);
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(d.summary.relations_added + d.summary.relations_removed, 0);
    let generated = generate(&GeneratorConfig::small())
        .map(|b| b.ontology)
        .map_err(|e| e.to_string());
    let Ok(g) = generated else {
        panic!("generator failed: {generated:?}")
    };
    assert!(diff(&g, &g).is_empty());
}

#[test]
fn added_and_removed_concepts_carry_their_relations() {
    let d = pair();
    let added: Vec<&str> = d.added.iter().map(|c| c.id.as_str()).collect();
    let removed: Vec<&str> = d.removed.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(added, vec!["skill:nieuw"]);
    assert_eq!(removed, vec!["skill:oud"]);
    assert_eq!(d.added[0].degree, 2);
    assert_eq!(d.removed[0].label, "ponsen");
    let with_concept: Vec<(&str, &str)> = d
        .relations_added
        .iter()
        .filter(|r| r.with_concept)
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        with_concept,
        vec![
            ("occ:verzorgende", "skill:nieuw"),
            ("skill:nieuw", "ka:techniek")
        ]
    );
    assert!(
        d.relations_removed
            .iter()
            .any(|r| r.to == "skill:oud" && r.with_concept)
    );
}

#[test]
fn relabels_are_per_language() {
    let d = pair();
    assert_eq!(d.relabelled.len(), 1, "{:#?}", d.relabelled);
    let r = &d.relabelled[0];
    assert_eq!(
        (r.old_id.as_str(), r.lang.as_str()),
        ("skill:wondzorg", "nl")
    );
    assert_eq!(r.old.as_deref(), Some("wondverzorging"));
    assert_eq!(r.new.as_deref(), Some("wondzorg verlenen"));
    assert_eq!(d.summary.relabelled, 1);
}

#[test]
fn synonyms_and_definitions_changes_are_listed() {
    let d = pair();
    assert_eq!(d.synonyms.len(), 1);
    assert_eq!(d.synonyms[0].added, vec!["wonden verzorgen"]);
    assert_eq!(d.synonyms[0].removed, vec!["wondzorg"]);
    assert_eq!(d.definitions.len(), 1);
    assert_eq!(d.definitions[0].old.as_deref(), Some("Zorgen voor wonden."));
}

#[test]
fn attribute_changes_name_the_field() {
    let d = pair();
    assert_eq!(d.attributes.len(), 1, "{:#?}", d.attributes);
    let a = &d.attributes[0];
    assert_eq!(a.field, "isco");
    assert_eq!(
        (a.old.as_deref(), a.new.as_deref()),
        (Some("5321"), Some("5322"))
    );
}

#[test]
fn moves_in_the_hierarchy_show_both_parents() {
    let d = pair();
    assert_eq!(d.moved.len(), 1, "{:#?}", d.moved);
    let m = &d.moved[0];
    assert_eq!(m.new_id, "skill:tillen");
    assert_eq!(m.old_parents, vec!["ka:zorg"]);
    assert_eq!(m.new_parents, vec!["ka:techniek"]);
}

#[test]
fn relations_between_kept_concepts_are_added_removed_and_reweighted() {
    let d = pair();
    let plain_added: Vec<_> = d
        .relations_added
        .iter()
        .filter(|r| !r.with_concept)
        .collect();
    assert_eq!(plain_added.len(), 2, "{plain_added:#?}");
    assert!(plain_added.iter().any(|r| r.from == "occ:verpleegkundige"
        && r.to == "skill:tillen"
        && r.importance == Some(Importance::Optional)));
    // The move shows as a broader link added and one removed.
    assert!(plain_added.iter().any(|r| r.kind == RelationKind::Broader));
    let plain_removed: Vec<_> = d
        .relations_removed
        .iter()
        .filter(|r| !r.with_concept)
        .map(|r| (r.from.as_str(), r.to.as_str(), r.kind))
        .collect();
    assert_eq!(
        plain_removed,
        vec![
            ("skill:tillen", "ka:zorg", RelationKind::Broader),
            ("skill:wondzorg", "skill:hygiene", RelationKind::Related),
        ]
    );
    assert_eq!(d.reweighted.len(), 1);
    let w = &d.reweighted[0];
    assert_eq!(
        (w.old_from.as_str(), w.old_to.as_str()),
        ("occ:verzorgende", "skill:wondzorg")
    );
    assert_eq!(w.old_importance, Some(Importance::Optional));
    assert_eq!(w.new_importance, Some(Importance::Essential));
}

#[test]
fn a_changed_id_is_mapped_not_added_and_removed() {
    let d = pair();
    assert_eq!(d.mapping.len(), 1);
    let m = &d.mapping[0];
    assert_eq!(m.old_id, "skill:medicatie");
    assert_eq!(m.new_id, "skill:medicatie-toedienen");
    assert_eq!(m.source, MappingSource::Proposed);
    assert!(m.applied);
    assert_eq!(m.confidence, 1.0);
    assert_eq!(d.summary.remapped, 1);
    // Its relations survive the new id.
    assert!(!d.relations_added.iter().any(|r| r.to.contains("medicatie")));
}

#[test]
fn summary_counts_match_the_lists() {
    let d = pair();
    let s = &d.summary;
    assert_eq!(s.added, d.added.len());
    assert_eq!(s.removed, d.removed.len());
    assert_eq!(s.relations_added, d.relations_added.len());
    assert_eq!(s.relations_removed, d.relations_removed.len());
    let skills = s.concepts_by_kind[&ConceptKind::Skill];
    assert_eq!(
        (skills.old, skills.new, skills.added, skills.removed),
        (6, 6, 1, 1)
    );
    assert_eq!(skills.remapped, 1);
    // wondzorg (labels) and tillen (moved) changed.
    assert_eq!(skills.changed, 2);
    let requires = s.relations_by_kind[&RelationKind::Requires];
    assert_eq!(requires.reweighted, 1);
    assert_eq!(
        requires.new - requires.old,
        requires.added - requires.removed
    );
}

#[test]
fn diffs_in_both_directions_are_mirror_images() {
    let (a, b) = (version(false), version(true));
    let forward = diff(&a, &b);
    let backward = diff(&b, &a);
    assert_eq!(backward, forward.mirror());
    assert_eq!(forward, backward.mirror());
    assert_eq!(forward.summary.added, backward.summary.removed);
}

#[test]
fn generated_versions_mirror_and_recover_the_mutations() -> Result<(), Box<dyn std::error::Error>> {
    let old = generate(&GeneratorConfig::small())?.ontology;
    let config = MutationConfig {
        drop: 0.03,
        reid: 0.03,
        relabel: 0.03,
        moves: 0.03,
        add: 0.03,
        reweight: 0.03,
        ..MutationConfig::default()
    };
    let m = mutate(&old, &config)?;
    let log = &m.log;
    assert!(!log.dropped.is_empty() && !log.reids.is_empty() && !log.moved.is_empty());
    let d = diff(&old, &m.ontology);
    assert_eq!(diff(&m.ontology, &old), d.mirror());

    let removed: Vec<&str> = d.removed.iter().map(|c| c.id.as_str()).collect();
    for id in &log.dropped {
        assert!(removed.contains(&id.as_str()), "dropped {id} not removed");
    }
    let added: Vec<&str> = d.added.iter().map(|c| c.id.as_str()).collect();
    for id in &log.added {
        assert!(added.contains(&id.as_str()), "added {id} not found");
    }
    for (o, n) in &log.reids {
        assert!(
            d.mapping.iter().any(|e| &e.old_id == o && &e.new_id == n),
            "re-id {o} → {n} not proposed"
        );
    }
    let unapplied = d.mapping.iter().filter(|e| !e.applied).count();
    assert_eq!(d.removed.len(), log.dropped.len() + unapplied);
    for id in &log.moved {
        assert!(
            d.moved.iter().any(|mv| &mv.old_id == id),
            "move of {id} missed"
        );
    }
    for id in &log.relabelled {
        assert!(
            d.relabelled.iter().any(|r| &r.old_id == id),
            "relabel of {id} missed"
        );
    }
    for (f, t) in &log.reweighted {
        assert!(
            d.reweighted
                .iter()
                .any(|r| &r.old_from == f && &r.old_to == t),
            "reweight {f} → {t} missed"
        );
    }
    Ok(())
}

#[test]
fn the_same_inputs_give_the_same_json() -> Result<(), serde_json::Error> {
    let (a, b) = (version(false), version(true));
    let one = serde_json::to_string(&diff(&a, &b))?;
    let two = serde_json::to_string(&diff(&a, &b))?;
    assert_eq!(one, two);
    let back: Diff = serde_json::from_str(&one)?;
    assert_eq!(back, diff(&a, &b));
    Ok(())
}

/// ESCO v1.1.1 turns a few skills into skill groups: the per-kind counts and the mirrored change
/// records must not depend on the direction.
#[test]
fn regression_a_concept_that_changes_kind_mirrors() {
    use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
    let build = |group: bool, label: &str| {
        let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["en"]));
        let data = if group {
            ConceptData::KnowledgeArea
        } else {
            ConceptData::Skill {
                skill_type: SkillType::Knowledge,
            }
        };
        b.add_concept(Concept::new(
            "esco:x",
            Labels::with_pref([("en", label)]),
            data,
        ));
        match b.build() {
            Ok(built) => built.ontology,
            Err(e) => panic!("fixture is invalid: {e}"),
        }
    };
    let (a, b) = (build(false, "ict"), build(true, "ICT"));
    let d = diff(&a, &b);
    assert_eq!(d.relabelled[0].kind, ConceptKind::KnowledgeArea);
    assert!(d.attributes.iter().any(|c| c.field == "kind"));
    for kind in [ConceptKind::Skill, ConceptKind::KnowledgeArea] {
        assert_eq!(d.summary.concepts_by_kind[&kind].changed, 1, "{kind}");
    }
    assert_eq!(diff(&b, &a), d.mirror());
}
