//! ESCO CSV import on small fixtures in the published column layouts: one test per mapping rule,
//! and the bad inputs (missing columns, rows that do not parse, a language file whose ids do not
//! match).

use std::sync::{Arc, Mutex};

use vaardig_core::{
    ConceptData, ConceptKind, DiagnosticKind as K, Importance, RelationKind, Severity, SkillType,
};
use vaardig_import::{ImportError, ImportOptions, Imported, ManifestOverrides, import_esco};

use crate::util::{counts, diagnostics, fixture, isco, relation};

fn basic() -> Imported {
    import_esco(&[fixture("esco/basic")], ImportOptions::new())
        .expect("the fixture imports")
        .build()
        .expect("and builds")
}

fn bilingual() -> Imported {
    import_esco(
        &[fixture("esco/basic"), fixture("esco/nl")],
        ImportOptions::new().languages(["nl", "en"]),
    )
    .expect("the fixture imports")
    .build()
    .expect("and builds")
}

const S: &str = "esco:skill/";
const O: &str = "esco:occupation/";

#[test]
fn every_table_is_counted_row_by_row() {
    let r = basic().report;
    // (read, imported, skipped, rejected); each rejection is asserted in its own test below.
    assert_eq!(counts(&r, "ISCOGroups_en.csv"), (3, 0, 3, 0));
    assert_eq!(counts(&r, "skillGroups_en.csv"), (2, 2, 0, 0));
    assert_eq!(counts(&r, "skillsHierarchy_en.csv"), (3, 1, 1, 1));
    assert_eq!(counts(&r, "skills_en.csv"), (7, 5, 0, 2));
    assert_eq!(counts(&r, "occupations_en.csv"), (4, 4, 0, 0));
    assert_eq!(counts(&r, "broaderRelationsSkillPillar.csv"), (7, 4, 0, 3));
    assert_eq!(counts(&r, "broaderRelationsOccPillar.csv"), (6, 1, 4, 1));
    assert_eq!(counts(&r, "occupationSkillRelations.csv"), (10, 7, 0, 3));
    assert_eq!(counts(&r, "skillSkillRelations.csv"), (4, 2, 0, 2));
    assert!(r.counts_balance());
    assert_eq!(r.rejected(), 12);
    assert_eq!(r.error_count(), 12, "one error diagnostic per rejected row");
}

#[test]
fn skill_types_become_skill_and_knowledge() {
    let imported = basic();
    let o = &imported.ontology;
    let skill_type = |id: &str| match &o.get(&format!("{S}{id}")).expect(id).data {
        ConceptData::Skill { skill_type } => *skill_type,
        other => panic!("{id} is {other:?}"),
    };
    assert_eq!(skill_type("s1"), SkillType::Skill);
    assert_eq!(skill_type("s2"), SkillType::Knowledge);
    assert_eq!(skill_type("s6"), SkillType::Knowledge);
    // No skillType: a skill, with a warning saying so.
    assert_eq!(skill_type("s4"), SkillType::Skill);
    let warned = diagnostics(&imported.report, K::MissingValue, "skills_en.csv");
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].severity, Severity::Warning);
    assert_eq!(warned[0].location.line, Some(8));
    // An unknown skillType is rejected, with file, line and column.
    assert!(o.get(&format!("{S}s5")).is_none());
    let rejected = diagnostics(&imported.report, K::InvalidValue, "skills_en.csv");
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].location.line, Some(9));
    assert_eq!(rejected[0].location.column.as_deref(), Some("skillType"));
    assert!(
        rejected[0].message.contains("attitude"),
        "{}",
        rejected[0].message
    );
}

#[test]
fn skill_groups_become_knowledge_areas_and_the_hierarchy_fills_gaps() {
    let o = basic().ontology;
    assert_eq!(o.count(ConceptKind::KnowledgeArea), 3);
    for id in ["esco:skill/g1", "esco:isced-f/07", "esco:skill/g3"] {
        assert_eq!(o.get(id).expect(id).kind(), ConceptKind::KnowledgeArea);
    }
    // g3 is only in skillsHierarchy: its label and description come from there.
    let g3 = o.get("esco:skill/g3").expect("g3");
    assert_eq!(g3.labels.pref("en"), Some("operating vehicles"));
    assert_eq!(
        g3.labels.definition("en"),
        Some("Driving and steering vehicles.")
    );
    let broader = |f: &str, t: &str| relation(&o, f, t, RelationKind::Broader).is_some();
    assert!(broader("esco:skill/s3", "esco:skill/g3"));
    assert!(broader("esco:skill/g3", "esco:skill/g1"));
    assert!(broader("esco:skill/s6", "esco:skill/s2"));
}

#[test]
fn isco_groups_are_codes_not_concepts() {
    let imported = basic();
    let o = &imported.ontology;
    assert!(o.iter().all(|(_, c)| !c.id.starts_with("esco:isco/")));
    assert_eq!(o.count(ConceptKind::Occupation), 4);
    assert_eq!(isco(o, &format!("{O}o1")).as_deref(), Some("7212"));
    assert_eq!(isco(o, &format!("{O}o2")).as_deref(), Some("8331"));
    // `72X` is no ISCO code: the occupation's link to ISCO group 7212 supplies it.
    assert_eq!(isco(o, &format!("{O}o4")).as_deref(), Some("7212"));
    let took = diagnostics(
        &imported.report,
        K::InvalidValue,
        "broaderRelationsOccPillar.csv",
    );
    assert_eq!(took.len(), 1);
    assert!(took[0].message.contains("took 7212"), "{}", took[0].message);
    // Occupation → occupation links are the occupation hierarchy.
    assert!(
        relation(
            o,
            &format!("{O}o3"),
            &format!("{O}o2"),
            RelationKind::Broader
        )
        .is_some()
    );
}

#[test]
fn labels_take_synonyms_hidden_labels_and_the_definition() {
    let o = basic().ontology;
    let s1 = o.get(&format!("{S}s1")).expect("s1");
    assert_eq!(s1.labels.pref("en"), Some("weld metal"));
    // Multi-line altLabels cell, the preferred label left out, the hidden label appended.
    assert_eq!(
        s1.labels.alt("en"),
        ["metal welding", "join metal", "wleding"]
    );
    // `definition` wins over `description`; without one, the description is the definition.
    let s3 = o.get(&format!("{S}s3")).expect("s3");
    assert_eq!(s3.labels.definition("en"), Some("Operate a bus safely."));
    let s2 = o.get(&format!("{S}s2")).expect("s2");
    assert_eq!(s2.labels.definition("en"), Some("The science of metals."));
}

#[test]
fn occupation_skill_links_keep_their_importance() {
    let o = basic().ontology;
    let req = |occ: &str, skill: &str| {
        relation(
            &o,
            &format!("{O}{occ}"),
            &format!("{S}{skill}"),
            RelationKind::Requires,
        )
        .and_then(|r| r.importance)
    };
    assert_eq!(req("o1", "s1"), Some(Importance::Essential));
    assert_eq!(req("o1", "s2"), Some(Importance::Optional));
    assert_eq!(req("o3", "s4"), Some(Importance::Optional));
    assert_eq!(o.relation_count(RelationKind::Requires), 7);
}

#[test]
fn skill_skill_links_become_related() {
    let imported = basic();
    let o = &imported.ontology;
    assert!(
        relation(
            o,
            &format!("{S}s1"),
            &format!("{S}s2"),
            RelationKind::Related
        )
        .is_some()
    );
    assert!(
        relation(
            o,
            &format!("{S}s3"),
            &format!("{S}s6"),
            RelationKind::Related
        )
        .is_some()
    );
    assert_eq!(o.relation_count(RelationKind::Related), 2);
    let r = &imported.report;
    let self_loop = diagnostics(r, K::InvalidValue, "skillSkillRelations.csv");
    assert_eq!(self_loop.len(), 1);
    assert_eq!(self_loop[0].location.line, Some(4));
    // s2 → s1 restates s1 → s2 (related is symmetric).
    let dup = diagnostics(r, K::DuplicateRelation, "skillSkillRelations.csv");
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].location.line, Some(5));
}

#[test]
fn rejected_rows_say_file_line_and_why() {
    let r = basic().report;
    let one = |kind, file: &str| {
        let found = diagnostics(&r, kind, file);
        assert_eq!(found.len(), 1, "{kind:?} in {file}: {found:?}");
        (found[0].location.line, found[0].message.clone())
    };
    let (line, message) = one(K::DanglingReference, "occupationSkillRelations.csv");
    assert_eq!(line, Some(9));
    assert!(
        message.contains("unknown concept `esco:occupation/o9`"),
        "{message}"
    );
    let (line, message) = one(K::InvalidValue, "occupationSkillRelations.csv");
    assert_eq!(line, Some(10));
    assert!(message.contains("`preferred`"), "{message}");
    let (line, _) = one(K::DuplicateRelation, "occupationSkillRelations.csv");
    assert_eq!(line, Some(11));
    // g1 → s1 would close the cycle s1 → g1 → s1: the later row is the one rejected.
    let (line, _) = one(K::Cycle, "broaderRelationsSkillPillar.csv");
    assert_eq!(line, Some(7));
    // The row of the rejected skill s5 is named, not called unknown.
    let dangling = diagnostics(&r, K::DanglingReference, "broaderRelationsSkillPillar.csv");
    assert_eq!(dangling.len(), 2);
    assert!(
        dangling[0].message.contains("whose record was rejected (")
            && dangling[0].message.contains("skills_en.csv:9"),
        "{}",
        dangling[0].message
    );
    assert!(
        dangling[1]
            .message
            .contains("unknown concept `esco:skill/s9`")
    );
    let (line, message) = one(K::InvalidId, "skills_en.csv");
    assert_eq!(line, Some(11));
    assert!(message.contains("whitespace"), "{message}");
    let (line, message) = one(K::Syntax, "skillsHierarchy_en.csv");
    assert_eq!(line, Some(4));
    assert!(message.contains("15 fields"), "{message}");
    let (line, _) = one(K::DanglingReference, "broaderRelationsOccPillar.csv");
    assert_eq!(line, Some(7));
}

#[test]
fn a_second_language_adds_labels_to_the_primary_concepts() {
    let imported = bilingual();
    let o = &imported.ontology;
    // Dutch was asked first, but only English has skills: English is primary.
    assert_eq!(o.manifest().languages, ["en", "nl"]);
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("primary language is `en`"))
    );
    let o2 = o.get(&format!("{O}o2")).expect("o2");
    assert_eq!(o2.labels.pref("nl"), Some("buschauffeur"));
    assert_eq!(o2.labels.pref("en"), Some("bus driver"));
    assert_eq!(o2.labels.alt("nl"), ["buschauffeuse", "busbestuurder"]);
    assert_eq!(
        o2.labels.definition("nl"),
        Some("Buschauffeurs rijden bussen.")
    );
    // Skills stay English-only; the core warns about each missing Dutch label.
    let s1 = o.get(&format!("{S}s1")).expect("s1");
    assert_eq!(s1.labels.pref("nl"), None);
    let missing = imported
        .warnings
        .iter()
        .filter(|d| d.kind == K::MissingLabel)
        .count();
    // 5 skills + 3 knowledge areas + o4 (no Dutch row).
    assert_eq!(missing, 9);
    assert_eq!(counts(&imported.report, "occupations_nl.csv"), (5, 3, 0, 2));
}

#[test]
fn a_language_file_whose_ids_do_not_match_is_rejected_row_by_row() {
    let imported = bilingual();
    let found = diagnostics(&imported.report, K::DanglingReference, "occupations_nl.csv");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].location.line, Some(7));
    assert!(
        found[0].message.contains("esco:occupation/o99"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("occupations_en.csv"),
        "{}",
        found[0].message
    );
    assert!(imported.ontology.get(&format!("{O}o99")).is_none());
    // A second Dutch row for o3 does not overwrite the first.
    let twice = diagnostics(&imported.report, K::DuplicateId, "occupations_nl.csv");
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0].location.line, Some(8));
    let o3 = imported.ontology.get(&format!("{O}o3")).expect("o3");
    assert_eq!(o3.labels.pref("nl"), Some("trambestuurder"));
}

#[test]
fn a_requested_language_without_tables_is_an_error() {
    let err = import_esco(
        &[fixture("esco/basic")],
        ImportOptions::new().languages(["de"]),
    )
    .expect_err("no German tables");
    assert!(matches!(err, ImportError::Options(_)), "{err}");
    assert!(err.to_string().contains("`de`"), "{err}");
}

#[test]
fn a_table_without_its_columns_fails_naming_them() {
    let err = import_esco(&[fixture("esco/missing_columns")], ImportOptions::new())
        .expect_err("skills_en.csv lacks skillType");
    match &err {
        ImportError::MissingColumns { file, missing } => {
            assert!(file.ends_with("skills_en.csv"), "{file}");
            assert_eq!(missing, &["skillType"]);
        }
        other => panic!("expected missing columns, got {other}"),
    }
}

#[test]
fn a_directory_without_esco_tables_is_an_error() {
    let err = import_esco(&[fixture("rdf")], ImportOptions::new()).expect_err("no tables");
    assert!(matches!(err, ImportError::MissingFile { .. }), "{err}");
}

#[test]
fn strict_mode_fails_with_the_whole_report() {
    let err = import_esco(&[fixture("esco/basic")], ImportOptions::new().strict(true))
        .expect_err("the fixture has bad rows");
    let ImportError::Rejected { report } = err else {
        panic!("expected a strict rejection, got {err}");
    };
    assert_eq!(report.rejected(), 12);
    assert!(report.to_owned().counts_balance());
}

#[test]
fn the_manifest_is_derived_and_can_be_overridden() {
    let m = basic().ontology.manifest().clone();
    assert_eq!(m.name, "esco");
    assert_eq!(
        m.version, "basic",
        "the directory name, no `v1.2.3` to strip"
    );
    assert_eq!(m.release_date, "2022-08-25", "the latest modifiedDate");
    assert_eq!(m.languages, ["en"]);
    let custom = import_esco(
        &[fixture("esco/basic")],
        ImportOptions::new().manifest(ManifestOverrides {
            name: Some("esco-test".into()),
            version: Some("9.9".into()),
            release_date: Some("2030-01-31".parse().expect("a date")),
            ..ManifestOverrides::default()
        }),
    )
    .expect("imports")
    .build()
    .expect("builds")
    .ontology;
    let m = custom.manifest();
    assert_eq!(
        (
            m.name.as_str(),
            m.version.as_str(),
            m.release_date.to_string().as_str()
        ),
        ("esco-test", "9.9", "2030-01-31")
    );
    // A date that is not a day is refused where it is written: it cannot become an override.
    let bad = "31-01-2030".parse::<vaardig_core::Date>();
    assert!(bad.is_err());
}

#[test]
fn full_esco_uris_find_their_concepts() {
    let o = bilingual().ontology;
    assert_eq!(
        o.manifest().prefixes.get("esco").map(String::as_str),
        Some("http://data.europa.eu/esco/")
    );
    for (uri, id) in [
        (
            "http://data.europa.eu/esco/occupation/o1",
            "esco:occupation/o1",
        ),
        ("http://data.europa.eu/esco/skill/s1", "esco:skill/s1"),
        ("http://data.europa.eu/esco/isced-f/07", "esco:isced-f/07"),
    ] {
        let ix = o
            .index_of(uri)
            .unwrap_or_else(|| panic!("{uri} finds nothing"));
        assert_eq!(o.concept(ix).id, id);
        assert_eq!(o.get(uri).map(|c| c.id.as_str()), Some(id));
        assert_eq!(o.uri_of(ix).as_deref(), Some(uri));
    }
    assert!(
        o.get("http://data.europa.eu/esco/occupation/o404")
            .is_none()
    );
    assert!(o.get("https://data.europa.eu/esco/occupation/o1").is_none());
    // Every concept has its ESCO URI back.
    assert!(o.iter().all(|(ix, _)| o.uri_of(ix).is_some()));

    // The prefixes survive the native format.
    let dir = tempfile::tempdir().expect("temp dir");
    vaardig_core::write_dir(&o, dir.path()).expect("writes");
    let back = vaardig_core::load_dir(dir.path()).expect("loads").ontology;
    assert_eq!(back, o);
    assert_eq!(
        back.get("http://data.europa.eu/esco/occupation/o1")
            .map(|c| c.id.as_str()),
        Some("esco:occupation/o1")
    );
}

#[test]
fn the_same_input_gives_the_same_output() {
    let (a, b) = (bilingual(), bilingual());
    assert_eq!(a.ontology.content_hash(), b.ontology.content_hash());
    assert_eq!(a.report, b.report);
}

#[test]
fn progress_is_reported_up_to_the_total() {
    let seen: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let sink = Arc::clone(&seen);
    import_esco(
        &[fixture("esco/basic")],
        ImportOptions::new().on_progress(move |p| {
            sink.lock()
                .expect("lock")
                .push((p.bytes_read, p.bytes_total));
        }),
    )
    .expect("imports");
    let seen = seen.lock().expect("lock");
    let total: u64 = std::fs::read_dir(fixture("esco/basic"))
        .expect("dir")
        .map(|e| e.expect("entry").metadata().expect("meta").len())
        .sum();
    assert!(seen.len() >= 9, "once per table at least: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "monotone: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&(total, total)));
}

#[test]
fn the_native_format_loads_back_equal() {
    let imported = bilingual();
    let dir = tempfile::tempdir().expect("temp dir");
    vaardig_core::write_dir(&imported.ontology, dir.path()).expect("writes");
    let loaded = vaardig_core::load_dir(dir.path()).expect("loads").ontology;
    assert_eq!(loaded, imported.ontology);
}

#[test]
fn a_language_that_cannot_be_primary_alone_is_an_error() {
    let err = import_esco(
        &[fixture("esco/basic"), fixture("esco/nl")],
        ImportOptions::new().languages(["nl"]),
    )
    .expect_err("Dutch has no skills table");
    assert!(matches!(err, ImportError::Options(_)), "{err}");
    assert!(err.to_string().contains("en can"), "{err}");
}
