//! Tabiya import on a small hand-made directory in Tabiya's CSV layout: ids from UUIDHISTORY,
//! local occupations kept beside the ESCO one whose ORIGINURI they reuse, signalling values as
//! importance, groups not concepts, every skipped row counted by reason.

use vaardig_core::{
    ConceptData, ConceptKind, DiagnosticKind as K, Importance, RelationKind, SkillType,
};
use vaardig_import::{ImportOptions, Imported, import_tabiya};

use crate::util::{counts, fixture, isco, relation};

const WELDER: &str = "tabiya:33333333-0000-0000-0000-000000000020";
const LOCAL: &str = "tabiya:33333333-0000-0000-0000-000000000021";
const STREET: &str = "tabiya:id/key_22";
const WELD: &str = "tabiya:11111111-0000-0000-0000-000000000001";
const METALLURGY: &str = "tabiya:11111111-0000-0000-0000-000000000002";

fn tabiya() -> Imported {
    import_tabiya(fixture("tabiya"), ImportOptions::new())
        .expect("lenient")
        .build()
        .expect("builds")
}

#[test]
fn local_occupations_are_kept_beside_the_esco_one_they_copy() {
    let o = tabiya().ontology;
    // Same ORIGINURI, different concepts: ids come from UUIDHISTORY (or the local ID).
    for id in [WELDER, LOCAL, STREET] {
        assert_eq!(
            o.get(id).map(|c| c.kind()),
            Some(ConceptKind::Occupation),
            "{id}"
        );
    }
    assert_eq!(isco(&o, WELDER).as_deref(), Some("7212"));
    assert_eq!(isco(&o, STREET), None, "L1 is no ISCO code");
    // The local occupation is narrower than the ESCO one.
    assert!(relation(&o, LOCAL, WELDER, RelationKind::Broader).is_some());
}

#[test]
fn relation_types_and_signalling_values_become_importance() {
    let o = tabiya().ontology;
    let imp = |from: &str, to: &str| {
        relation(&o, from, to, RelationKind::Requires).and_then(|r| r.importance)
    };
    assert_eq!(imp(WELDER, WELD), Some(Importance::Essential));
    assert_eq!(imp(WELDER, METALLURGY), Some(Importance::Optional));
    assert_eq!(
        imp(LOCAL, WELD),
        Some(Importance::Essential),
        "signalling 1"
    );
    assert_eq!(
        imp(LOCAL, METALLURGY),
        Some(Importance::Important),
        "signalling 0.5"
    );
    assert_eq!(
        imp(STREET, WELD),
        Some(Importance::Optional),
        "signalling 0"
    );
    assert!(relation(&o, WELD, METALLURGY, RelationKind::Related).is_some());
}

#[test]
fn skills_groups_and_labels_follow_the_esco_decisions() {
    let o = tabiya().ontology;
    let weld = o.get(WELD).expect("present");
    assert_eq!(
        weld.data,
        ConceptData::Skill {
            skill_type: SkillType::Skill
        }
    );
    assert_eq!(
        weld.labels.alt("en"),
        ["join metal"],
        "the preferred label is not its own synonym"
    );
    assert_eq!(
        o.get(METALLURGY).map(|c| c.data.clone()),
        Some(ConceptData::Skill {
            skill_type: SkillType::Knowledge
        })
    );
    let group = "tabiya:22222222-0000-0000-0000-000000000010";
    assert_eq!(
        o.get(group).map(|c| c.kind()),
        Some(ConceptKind::KnowledgeArea)
    );
    assert!(relation(&o, METALLURGY, group, RelationKind::Broader).is_some());
    assert!(relation(&o, WELD, METALLURGY, RelationKind::Broader).is_some());
}

#[test]
fn every_row_is_imported_rejected_or_skipped_for_a_named_reason() {
    let r = tabiya().report;
    assert!(r.counts_balance());
    let skipped: u64 = r.sources.iter().map(|s| s.skipped).sum();
    assert_eq!(r.skipped_rows.values().sum::<u64>(), skipped);
    assert_eq!(counts(&r, "occupation_groups.csv"), (2, 0, 2, 0));
    assert_eq!(counts(&r, "occupation_hierarchy.csv"), (3, 1, 2, 0));
    // The unknown skill type, and the relation naming an unknown skill.
    assert_eq!(counts(&r, "skills.csv"), (3, 2, 0, 1));
    assert_eq!(
        counts(&r, "occupation_to_skill_relations.csv"),
        (6, 5, 0, 1)
    );
    let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(
        errors
            .iter()
            .any(|d| d.kind == K::InvalidValue && d.message.contains("dragon"))
    );
    assert!(errors.iter().any(|d| d.kind == K::DanglingReference
        && d.location.line == Some(7)
        && d.message.contains("key_99")));
    // ORIGINURI is kept as a match now, and no longer counted.
    assert_eq!(r.unused_columns.get("occupations.csv: ORIGINURI"), None);
}

#[test]
fn signalling_values_codes_and_origin_uris_are_kept() {
    use vaardig_core::{CodeSystem, MatchKind, Scale};
    let o = tabiya().ontology;
    let weight = |from: &str, to: &str| {
        relation(&o, from, to, RelationKind::Requires)
            .and_then(|r| r.weight)
            .map(|w| (w.scale(), w.value()))
    };
    assert_eq!(
        weight(LOCAL, METALLURGY),
        Some((Scale::TabiyaSignalling, 0.5))
    );
    assert_eq!(weight(LOCAL, WELD), Some((Scale::TabiyaSignalling, 1.0)));
    assert_eq!(
        weight(WELDER, WELD),
        None,
        "ESCO relations have no signalling value"
    );
    let welder = o.get(WELDER).expect("present");
    assert_eq!(welder.code(CodeSystem::Esco), Some("7212.1"));
    assert_eq!(
        welder
            .matches
            .iter()
            .map(|m| (m.kind, m.uri.as_str()))
            .collect::<Vec<_>>(),
        [(MatchKind::Exact, "http://data.europa.eu/esco/occupation/o1")]
    );
    // The local copy is derived from the ESCO occupation: a close match, its own code.
    let local = o.get(LOCAL).expect("present");
    assert_eq!(local.matches[0].kind, MatchKind::Close);
    assert_eq!(local.code(CodeSystem::Tabiya), Some("7212_1"));
}
