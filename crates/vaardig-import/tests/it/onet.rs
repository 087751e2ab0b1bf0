//! O*NET import on a small hand-made directory in the layout of the O*NET text files: one test
//! per mapping rule (importance classes, levels, Recommend Suppress, Not Relevant, capability
//! types, titles, tasks, files not imported) and the invariant that every skipped row is
//! counted by reason.

use vaardig_core::{
    ConceptData, ConceptKind, DiagnosticKind as K, Importance, RelationKind, SkillType,
};
use vaardig_import::{ImportError, ImportOptions, Imported, OnetOptions, import_onet};

use crate::util::{counts, fixture, relation};

const WELDER: &str = "onet:occupation/51-4121.00";
const CARPENTER: &str = "onet:occupation/47-2031.00";
const MANAGER: &str = "onet:occupation/11-9199.00";
const READING: &str = "onet:element/2.A.1.a";
const MONITORING: &str = "onet:element/2.B.3.a";

fn onet() -> Imported {
    import_onet(
        fixture("onet"),
        &OnetOptions::default(),
        ImportOptions::new(),
    )
    .expect("lenient")
    .build()
    .expect("builds")
}

#[test]
fn importance_ratings_become_importance_classes_and_levels() {
    let o = onet().ontology;
    let req = |from: &str, to: &str| relation(&o, from, to, RelationKind::Requires);
    // IM 4.25 → essential; LV 5.12 → 1 + round(5.12 × 4 / 7) = 4.
    let r = req(WELDER, MONITORING).expect("required");
    assert_eq!(r.importance, Some(Importance::Essential));
    assert_eq!(r.level.map(|l| l.get()), Some(4));
    // IM 3.12 → important; its LV rating is suppressed: no level.
    let r = req(WELDER, READING).expect("required");
    assert_eq!(r.importance, Some(Importance::Important));
    assert_eq!(r.level, None);
    // IM 2.25 → optional, LV 2.0 → level 2.
    let r = req(CARPENTER, READING).expect("required");
    assert_eq!(r.importance, Some(Importance::Optional));
    assert_eq!(r.level.map(|l| l.get()), Some(2));
    // IM 1.5 is below "somewhat important": not a requirement.
    assert!(req(MANAGER, MONITORING).is_none());
}

#[test]
fn recommend_suppress_and_not_relevant_are_honoured() {
    let imported = onet();
    let (o, r) = (&imported.ontology, &imported.report);
    // Recommend Suppress = Y on the importance rating: no requirement (IM 3.9 would be one).
    assert!(relation(o, MANAGER, READING, RelationKind::Requires).is_none());
    // Not Relevant = Y on the level rating: no requirement.
    assert!(relation(o, CARPENTER, MONITORING, RelationKind::Requires).is_none());
    let skipped = |why: &str| {
        r.skipped_rows
            .iter()
            .filter(|(k, _)| k.starts_with("Skills.txt") && k.contains(why))
            .map(|(_, n)| *n)
            .sum::<u64>()
    };
    assert_eq!(
        skipped("Recommend Suppress = Y"),
        3,
        "{:#?}",
        r.skipped_rows
    );
    assert_eq!(skipped("Not Relevant = Y"), 2);
    assert_eq!(skipped("below the optional threshold"), 2);
}

#[test]
fn each_rating_file_gives_its_capability_type() {
    let o = onet().ontology;
    let kind = |id: &str| o.get(id).map(|c| c.data.clone());
    assert_eq!(
        kind(MONITORING),
        Some(ConceptData::Skill {
            skill_type: SkillType::Skill
        })
    );
    assert_eq!(
        kind("onet:element/2.C.3.a"),
        Some(ConceptData::KnowledgeArea)
    );
    assert_eq!(
        kind("onet:element/1.C.1.a"),
        Some(ConceptData::Skill {
            skill_type: SkillType::Attitude
        })
    );
    // Labels from the ratings, definitions from the content model.
    let m = o.get(MONITORING).expect("present");
    assert_eq!(m.labels.pref("en"), Some("Operation Monitoring"));
    assert_eq!(
        m.labels.definition("en"),
        Some("Keeping an eye on machines (fixture text).")
    );
    // An element no occupation needs is not a concept.
    assert!(o.get("onet:element/4.A.1.a.1").is_none());
}

#[test]
fn content_model_groups_above_rated_elements_are_knowledge_areas() {
    let imported = onet();
    let o = &imported.ontology;
    let content = "onet:element/2.A.1";
    let basic = "onet:element/2.A";
    assert_eq!(
        o.get(content).map(|c| (c.kind(), c.labels.pref("en"))),
        Some((ConceptKind::KnowledgeArea, Some("Content")))
    );
    assert!(relation(o, READING, content, RelationKind::Broader).is_some());
    assert!(relation(o, content, basic, RelationKind::Broader).is_some());
    // No group row for 2.B.3 in the fixture: no group.
    assert!(o.get("onet:element/2.B.3").is_none());
    // Content model rows: six used (four rated elements, two groups; 2.A.1.a's and 2.A.1's rows
    // state their links), one element no occupation is rated on (4.A.1.a.1).
    assert_eq!(
        counts(&imported.report, "Content Model Reference.txt"),
        (7, 6, 1, 0)
    );
}

#[test]
fn occupations_have_titles_synonyms_and_tasks() {
    let o = onet().ontology;
    let welder = o.get(WELDER).expect("present");
    assert_eq!(welder.kind(), ConceptKind::Occupation);
    assert_eq!(
        welder.labels.pref("en"),
        Some("Welders, Cutters, Solderers, and Brazers")
    );
    assert_eq!(
        welder.labels.alt("en"),
        ["Arc Welder", "Tungsten Inert Gas Welder", "TIG Welder"]
    );
    let task = "onet:task/12002";
    assert!(relation(&o, CARPENTER, task, RelationKind::HasTask).is_some());
    // Quotes are ordinary characters in O*NET's files.
    assert_eq!(
        o.get(task).and_then(|t| t.labels.pref("en")),
        Some("Follow \"blueprints\" to build structures.")
    );
    assert_eq!(o.manifest().version, "29.1");
    assert_eq!(o.manifest().release_date, "2024-11-01");
}

#[test]
fn bad_rows_are_rejected_with_their_place() {
    let r = onet().report;
    let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
    // Three in the rating and title files; two in Related Occupations (a tier O*NET does not
    // have, an unknown occupation), one in Technology Skills (a commodity code not a number).
    assert_eq!(errors.len(), 6, "{errors:#?}");
    let in_file = |name: &str| {
        errors
            .iter()
            .filter(|d| {
                d.location
                    .file
                    .as_deref()
                    .is_some_and(|f| f.ends_with(name))
            })
            .count()
    };
    assert_eq!(in_file("Related Occupations.txt"), 2);
    assert_eq!(in_file("Technology Skills.txt"), 1);
    assert!(errors.iter().any(|d| d.kind == K::InvalidValue
        && d.message.contains("Primary-Middle")
        && d.location.line == Some(4)));
    let unknown = errors
        .iter()
        .find(|d| {
            d.location
                .file
                .as_deref()
                .is_some_and(|f| f.ends_with("Skills.txt"))
        })
        .expect("the unknown occupation in Skills.txt");
    assert_eq!(unknown.kind, K::DanglingReference);
    assert_eq!(unknown.location.line, Some(14));
    assert!(unknown.message.contains("99-9999.00"));
    assert!(errors.iter().any(|d| d.kind == K::InvalidValue
        && d.location.line == Some(15)
        && d.message.contains("`6.5` is not a IM rating")));
    assert!(errors.iter().any(|d| {
        d.kind == K::DanglingReference
            && d.location
                .file
                .as_deref()
                .is_some_and(|f| f.ends_with("Alternate Titles.txt"))
    }));
    // Strict mode refuses the whole import.
    let strict = import_onet(
        fixture("onet"),
        &OnetOptions::default(),
        ImportOptions::new().strict(true),
    );
    assert!(matches!(strict, Err(ImportError::Rejected { .. })));
}

#[test]
fn every_row_is_imported_rejected_or_skipped_for_a_named_reason() {
    let r = onet().report;
    assert!(r.counts_balance());
    let skipped: u64 = r.sources.iter().map(|s| s.skipped).sum();
    assert_eq!(r.skipped_rows.values().sum::<u64>(), skipped);
    assert_eq!(counts(&r, "Skills.txt"), (14, 5, 7, 2));
    assert_eq!(counts(&r, "Job Zones.txt"), (2, 2, 0, 0));
    assert_eq!(counts(&r, "Related Occupations.txt"), (4, 2, 0, 2));
    assert_eq!(counts(&r, "Technology Skills.txt"), (5, 4, 0, 1));
    // What the model keeps is not counted as read but not kept.
    for kept in [
        "Skills.txt: Data Value",
        "Job Zones.txt: Job Zone",
        "Technology Skills.txt: In Demand",
    ] {
        assert!(!r.unused_columns.contains_key(kept), "{kept}");
    }
    assert_eq!(
        r.unused_columns
            .get("Technology Skills.txt: Hot Technology"),
        Some(&5)
    );
    // Columns read but not kept are counted by name.
    assert_eq!(
        r.unused_columns.get("Skills.txt: Standard Error"),
        Some(&14)
    );
    assert_eq!(
        r.unused_columns.get("Alternate Titles.txt: Source(s)"),
        Some(&3)
    );
    assert_eq!(
        r.unused_columns.get("Task Statements.txt: Task Type"),
        Some(&2)
    );
}

#[test]
fn thresholds_are_configurable_and_checked() {
    let stricter = OnetOptions::with_thresholds(4.5, 4.0, 3.0).expect("ordered");
    let o = import_onet(fixture("onet"), &stricter, ImportOptions::new())
        .expect("lenient")
        .build()
        .expect("builds")
        .ontology;
    let imp = |from: &str, to: &str| {
        relation(&o, from, to, RelationKind::Requires).and_then(|r| r.importance)
    };
    assert_eq!(imp(WELDER, MONITORING), Some(Importance::Important));
    assert_eq!(imp(WELDER, READING), Some(Importance::Optional));
    assert_eq!(imp(CARPENTER, READING), None);
    assert!(matches!(
        OnetOptions::with_thresholds(3.0, 4.0, 2.0),
        Err(ImportError::Options(_))
    ));
}

#[test]
fn the_published_numbers_are_kept_beside_the_classes() {
    use vaardig_core::Scale;
    let o = onet().ontology;
    let r = relation(&o, WELDER, MONITORING, RelationKind::Requires).expect("required");
    let (im, lv) = (r.weight.expect("IM kept"), r.source_level.expect("LV kept"));
    assert_eq!((im.scale(), im.value()), (Scale::OnetIm, 4.25));
    assert_eq!((lv.scale(), lv.value()), (Scale::OnetLv, 5.12));
    // A suppressed level rating gives neither a level nor a source level.
    let r = relation(&o, WELDER, READING, RelationKind::Requires).expect("required");
    assert_eq!(r.weight.map(|w| w.value()), Some(3.12));
    assert_eq!(r.source_level, None);
}

#[test]
fn codes_job_zones_and_related_occupations_are_kept() {
    use vaardig_core::{CodeSystem, Tier};
    let o = onet().ontology;
    let welder = o.get(WELDER).expect("present");
    assert_eq!(welder.code(CodeSystem::OnetSoc), Some("51-4121.00"));
    assert_eq!(welder.code(CodeSystem::OnetJobZone), Some("2"));
    let r = relation(&o, WELDER, CARPENTER, RelationKind::RelatedOccupation).expect("related");
    assert_eq!((r.tier, r.rank), (Some(Tier::PrimaryShort), Some(1)));
    let r = relation(&o, WELDER, MANAGER, RelationKind::RelatedOccupation).expect("related");
    assert_eq!((r.tier, r.rank), (Some(Tier::Supplemental), Some(12)));
    assert_eq!(o.relation_count(RelationKind::RelatedOccupation), 2);
}

#[test]
fn technology_commodities_are_technology_skills_with_their_products() {
    let o = onet().ontology;
    let cad = "onet:technology/43232604";
    let c = o.get(cad).expect("the CAD commodity");
    assert_eq!(
        c.labels.pref("en"),
        Some("Computer aided design CAD software")
    );
    assert!(matches!(
        c.data,
        ConceptData::Skill {
            skill_type: SkillType::Technology
        }
    ));
    assert_eq!(
        c.labels.alt("en"),
        ["Autodesk AutoCAD", "Dassault Systemes SolidWorks"]
    );
    // In demand for the welder (one of its two products): important; else optional.
    let r = relation(&o, WELDER, cad, RelationKind::Requires).expect("required");
    assert_eq!(r.importance, Some(Importance::Important));
    let r = relation(&o, CARPENTER, cad, RelationKind::Requires).expect("required");
    assert_eq!(r.importance, Some(Importance::Optional));
    assert!(o.get("onet:technology/UNSPSC").is_none());
}
