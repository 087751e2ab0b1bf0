//! Supplied and proposed id mappings.

use vaardig_diff::{
    DiffError, DiffOptions, IdMapping, MappingConfig, MappingSource, diff_with, mapping::propose,
};

use crate::fixtures::version;

fn options(mapping: Option<IdMapping>) -> DiffOptions {
    DiffOptions {
        mapping,
        mapping_config: MappingConfig::default(),
    }
}

#[test]
fn a_supplied_mapping_is_applied_and_its_inverse_mirrors() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    // Say ponsen became the patient-lift skill: the pair is then kept, with a relabel.
    let m = IdMapping::from_csv(
        "old_id,new_id\nskill:oud,skill:nieuw\nskill:medicatie,skill:medicatie-toedienen\n",
        "map.csv",
    )?;
    let d = diff_with(&a, &b, &options(Some(m.clone())))?;
    assert!(d.added.is_empty() && d.removed.is_empty(), "{:#?}", d.added);
    let supplied: Vec<_> = d
        .mapping
        .iter()
        .filter(|e| e.source == MappingSource::Supplied)
        .collect();
    assert_eq!(supplied.len(), 2);
    assert!(
        d.relabelled
            .iter()
            .any(|r| r.new_id == "skill:nieuw" && r.old.as_deref() == Some("ponsen"))
    );
    let back = diff_with(&b, &a, &options(Some(m.inverse())))?;
    assert_eq!(back, d.mirror());
    Ok(())
}

#[test]
fn mapping_errors_name_the_file_line_and_id() {
    let (a, b) = (version(false), version(true));
    let cases = [
        (
            "old_id,new_id\nskill:nope,skill:nieuw\n",
            "map.csv:2",
            "skill:nope",
        ),
        (
            "old_id,new_id\nskill:oud,skill:nope\n",
            "map.csv:2",
            "skill:nope",
        ),
        (
            "old_id,new_id\nskill:oud,skill:nieuw\nskill:oud,skill:hygiene\n",
            "map.csv:3",
            "mapped twice",
        ),
        (
            "old_id,new_id\nskill:oud,occ:verzorgende\n",
            "map.csv:2",
            "is a skill but",
        ),
    ];
    for (text, at, what) in cases {
        let result =
            IdMapping::from_csv(text, "map.csv").and_then(|m| diff_with(&a, &b, &options(Some(m))));
        let msg = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.contains(at) && msg.contains(what),
            "{text:?} gave {msg:?}"
        );
    }
}

#[test]
fn without_proposals_a_changed_id_is_added_and_removed() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let no = DiffOptions {
        mapping: None,
        mapping_config: MappingConfig {
            propose: false,
            ..MappingConfig::default()
        },
    };
    let d = diff_with(&a, &b, &no)?;
    assert!(d.mapping.is_empty());
    assert!(d.added.iter().any(|c| c.id == "skill:medicatie-toedienen"));
    assert!(d.removed.iter().any(|c| c.id == "skill:medicatie"));
    Ok(())
}

#[test]
fn proposals_below_the_threshold_are_suggested_only() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let strict = DiffOptions {
        mapping: None,
        mapping_config: MappingConfig {
            accept: 1.01,
            ..MappingConfig::default()
        },
    };
    let d = diff_with(&a, &b, &strict)?;
    assert_eq!(d.summary.suggested, 1);
    assert!(!d.mapping[0].applied);
    assert!(d.removed.iter().any(|c| c.id == "skill:medicatie"));
    Ok(())
}

#[test]
fn proposals_are_symmetric() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let config = MappingConfig {
        min_confidence: 0.0,
        ..MappingConfig::default()
    };
    let forward = propose(&a, &b, None, &config)?;
    let mut backward: Vec<_> = propose(&b, &a, None, &config)?
        .iter()
        .map(|e| e.inverse())
        .collect();
    backward.sort_by(|x, y| x.old_id.cmp(&y.old_id));
    assert!(!forward.is_empty());
    assert_eq!(forward, backward);
    Ok(())
}

/// ESCO v1.1.0 → v1.1.1 renamed skill groups whose parent and child share a label; matching them
/// by label alone (before their renamed members were matched) paired the parent with the child.
#[test]
fn regression_same_label_parent_and_child_groups_are_not_swapped() -> Result<(), DiffError> {
    use vaardig_core::{
        Concept, ConceptData, Labels, Manifest, OntologyBuilder, Relation, RelationKind, SkillType,
    };
    let build = |parent: &str, child: &str, grandchild: &str| {
        let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["en"]));
        for (id, label) in [
            (parent, "finishing structures"),
            (child, "finishing structures"),
            (grandchild, "painting"),
        ] {
            b.add_concept(Concept::new(
                id,
                Labels::with_pref([("en", label)]),
                ConceptData::KnowledgeArea,
            ));
        }
        for (id, label) in [
            ("skill:walls", "paint walls"),
            ("skill:doors", "paint doors"),
        ] {
            b.add_concept(Concept::new(
                id,
                Labels::with_pref([("en", label)]),
                ConceptData::Skill {
                    skill_type: SkillType::Skill,
                },
            ));
            b.add_relation(id, grandchild, Relation::plain(RelationKind::Broader));
        }
        b.add_relation(grandchild, child, Relation::plain(RelationKind::Broader));
        b.add_relation(child, parent, Relation::plain(RelationKind::Broader));
        b.build().map(|built| built.ontology)
    };
    // Every group gets a new id; in id order the new child comes before the new parent.
    let (Ok(old), Ok(new)) = (
        build("ka:g1", "ka:g1.0", "ka:g1.0.0"),
        build("ka:b-parent", "ka:a-child", "ka:c-grandchild"),
    ) else {
        panic!("fixtures are valid")
    };
    let d = vaardig_diff::diff(&old, &new);
    let pairs: Vec<(&str, &str)> = d
        .mapping
        .iter()
        .map(|e| (e.old_id.as_str(), e.new_id.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("ka:g1", "ka:b-parent"),
            ("ka:g1.0", "ka:a-child"),
            ("ka:g1.0.0", "ka:c-grandchild")
        ]
    );
    assert!(d.mapping.iter().all(|e| e.applied));
    assert!(d.moved.is_empty(), "{:#?}", d.moved);
    assert!(d.relations_added.is_empty() && d.relations_removed.is_empty());
    Ok(())
}
