//! The real ESCO data in `../shared/data/esco` (marked ignored, with the reason, when absent): v1.1.0,
//! v1.1.1, and v1.1.1 merged with the Dutch occupation labels.
//!
//! Every exact count below is the number of rows in the file minus the rows rejected, and every
//! rejection is asserted with its reason (the ESCO files themselves are inconsistent in a few
//! places, and the report must say so):
//! - v1.1.1 `occupationSkillRelations.csv` has 67 rows (from line 84425) for occupation
//!   `a9e54177-…`, which `occupations_en.csv` lacks; `broaderRelationsOccPillar.csv` line 3205
//!   links that same occupation. Both versions' `skillSkillRelations.csv` relate skill
//!   `c7708533-…` to itself (v1.1.1 line 4645).
//! - v1.1.1 `broaderRelationsSkillPillar.csv` names 7 skill groups that `skillGroups_en.csv`
//!   lacks but `skillsHierarchy_en.csv` defines: the hierarchy supplies them (7 rows imported),
//!   so all 20,656 broader rows resolve.
//! - ISCO group rows (619) and occupation → ISCO group links (1,760 / 1,756) plus ISCO → ISCO
//!   links (609) are skipped by design: ISCO groups are the occupations' `isco` codes.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use vaardig_core::{ConceptKind, DiagnosticKind as K, Importance, RelationKind};
use vaardig_import::{ImportOptions, Imported, Mapping, RdfFormat, import_esco, import_rdf_reader};

use crate::util::{counts, diagnostics, esco_data, isco, relation};

fn import(dirs: &[&Path], languages: &[&str]) -> Imported {
    import_esco(
        dirs,
        ImportOptions::new().languages(languages.iter().copied()),
    )
    .expect("ESCO imports")
    .build()
    .expect("and builds")
}

/// v1.1.1 with Dutch occupations, imported once for the tests that share it.
fn bilingual() -> &'static Imported {
    static IMPORTED: OnceLock<Imported> = OnceLock::new();
    IMPORTED.get_or_init(|| {
        let dir = esco_data();
        import(&[&dir.join("v1.1.1"), &dir.join("nl")], &["nl", "en"])
    })
}

fn map(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn v1_1_0_imports_with_exact_counts() {
    let dir = esco_data();
    let imported = import(&[&dir.join("v1.1.0")], &["en"]);
    let r = &imported.report;
    assert_eq!(counts(r, "ISCOGroups_en.csv"), (619, 0, 619, 0));
    assert_eq!(counts(r, "skillGroups_en.csv"), (643, 643, 0, 0));
    assert_eq!(counts(r, "skillsHierarchy_en.csv"), (638, 0, 638, 0));
    assert_eq!(counts(r, "skills_en.csv"), (13_891, 13_891, 0, 0));
    assert_eq!(counts(r, "occupations_en.csv"), (3_008, 3_008, 0, 0));
    assert_eq!(
        counts(r, "broaderRelationsSkillPillar.csv"),
        (20_771, 20_771, 0, 0)
    );
    assert_eq!(
        counts(r, "broaderRelationsOccPillar.csv"),
        (3_617, 1_252, 2_365, 0)
    );
    assert_eq!(
        counts(r, "occupationSkillRelations.csv"),
        (123_852, 123_852, 0, 0)
    );
    assert_eq!(counts(r, "skillSkillRelations.csv"), (5_899, 5_898, 0, 1));
    assert!(r.counts_balance());
    let o = &imported.ontology;
    assert_eq!(o.count(ConceptKind::Skill), 13_891);
    assert_eq!(o.count(ConceptKind::KnowledgeArea), 643);
    assert_eq!(o.count(ConceptKind::Occupation), 3_008);
    assert_eq!(o.relation_count(RelationKind::Broader), 20_771 + 1_252);
    assert_eq!(o.relation_count(RelationKind::Requires), 123_852);
    assert_eq!(o.relation_count(RelationKind::Related), 5_898);
    assert_eq!(o.manifest().version, "1.1.0");
    assert_eq!(o.manifest().release_date, "2022-01-17");
    // One skill without a skillType (imported as a skill, with a warning).
    assert_eq!(diagnostics(r, K::MissingValue, "skills_en.csv").len(), 1);
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn v1_1_1_imports_with_exact_counts() {
    let dir = esco_data();
    let imported = import(&[&dir.join("v1.1.1")], &["en"]);
    let r = &imported.report;
    // Status, codes and scope notes are kept: every concept is `released` (current); every
    // occupation and 420 skill groups have an ESCO code; 304 + 226 + 324 scope notes.
    {
        use vaardig_core::{CodeSystem, NoteKind, Status};
        let o = &imported.ontology;
        assert!(o.iter().all(|(_, c)| c.status == Status::Current));
        let codes = o
            .iter()
            .flat_map(|(_, c)| &c.codes)
            .filter(|c| c.system == CodeSystem::Esco)
            .count();
        assert_eq!(codes, 3_007 + 420);
        let notes = o
            .iter()
            .flat_map(|(_, c)| &c.notes)
            .filter(|n| n.kind == NoteKind::ScopeNote && n.lang == "en")
            .count();
        assert_eq!(notes, 304 + 226 + 324);
    }
    assert_eq!(counts(r, "ISCOGroups_en.csv"), (619, 0, 619, 0));
    assert_eq!(counts(r, "skillGroups_en.csv"), (640, 640, 0, 0));
    assert_eq!(counts(r, "skillsHierarchy_en.csv"), (647, 7, 640, 0));
    assert_eq!(counts(r, "skills_en.csv"), (13_896, 13_896, 0, 0));
    assert_eq!(counts(r, "occupations_en.csv"), (3_007, 3_007, 0, 0));
    assert_eq!(
        counts(r, "broaderRelationsSkillPillar.csv"),
        (20_656, 20_656, 0, 0)
    );
    assert_eq!(
        counts(r, "broaderRelationsOccPillar.csv"),
        (3_617, 1_247, 2_369, 1)
    );
    assert_eq!(
        counts(r, "occupationSkillRelations.csv"),
        (123_855, 123_788, 0, 67)
    );
    assert_eq!(counts(r, "skillSkillRelations.csv"), (5_899, 5_898, 0, 1));
    assert!(r.counts_balance());
    assert_eq!(
        r.concepts,
        map(&[
            ("knowledge_area", 647),
            ("occupation", 3_007),
            ("skill", 13_896)
        ])
    );
    assert_eq!(
        r.relations,
        map(&[
            ("broader", 20_656 + 1_247),
            ("related", 5_898),
            ("requires", 123_788)
        ])
    );
    // Every rejection, with its reason and line.
    let missing = diagnostics(r, K::DanglingReference, "occupationSkillRelations.csv");
    assert_eq!(missing.len(), 67);
    assert_eq!(missing[0].location.line, Some(84_425));
    assert!(
        missing
            .iter()
            .all(|d| d.message.contains("a9e54177-a185-404d-b6e6-15663d31137e"))
    );
    let occ = diagnostics(r, K::DanglingReference, "broaderRelationsOccPillar.csv");
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0].location.line, Some(3_205));
    let self_loop = diagnostics(r, K::InvalidValue, "skillSkillRelations.csv");
    assert_eq!(self_loop.len(), 1);
    assert_eq!(self_loop[0].location.line, Some(4_645));
    assert_eq!(r.error_count(), 69);
    // Six skills without a skillType.
    assert_eq!(diagnostics(r, K::MissingValue, "skills_en.csv").len(), 6);
    let o = &imported.ontology;
    assert_eq!(o.manifest().version, "1.1.1");
    assert_eq!(o.manifest().release_date, "2022-08-25");
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn v1_1_1_with_dutch_occupations_is_one_bilingual_ontology() {
    let imported = bilingual();
    let r = &imported.report;
    assert_eq!(counts(r, "occupations_nl.csv"), (3_007, 3_007, 0, 0));
    assert_eq!(r.rejected(), 69, "the same rows as English alone");
    let o = &imported.ontology;
    assert_eq!(o.manifest().languages, ["en", "nl"]);
    assert_eq!(o.len(), 13_896 + 647 + 3_007);
    let with_nl = o
        .concepts(ConceptKind::Occupation)
        .filter(|(_, c)| c.labels.pref("nl").is_some())
        .count();
    assert_eq!(with_nl, 3_007);
    let skills_with_nl = o
        .concepts(ConceptKind::Skill)
        .filter(|(_, c)| c.labels.pref("nl").is_some())
        .count();
    assert_eq!(skills_with_nl, 0, "the Dutch file has occupations only");
    let bus: Vec<&str> = o
        .concepts(ConceptKind::Occupation)
        .filter(|(_, c)| c.labels.pref("nl") == Some("buschauffeur"))
        .map(|(_, c)| c.id.as_str())
        .collect();
    assert_eq!(bus.len(), 1);
    let driver = o.get(bus[0]).expect("present");
    assert_eq!(driver.labels.pref("en"), Some("bus driver"));
    assert_eq!(isco(o, bus[0]).as_deref(), Some("8331"));
    let essential = o
        .outgoing(o.index_of(bus[0]).expect("present"), RelationKind::Requires)
        .filter(|(_, rel)| rel.importance == Some(Importance::Essential))
        .count();
    assert!(
        essential >= 5,
        "a bus driver needs essential skills: {essential}"
    );
    // The technical director of the ESCO samples: Dutch label from the Dutch file.
    let director = "esco:occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
    assert_eq!(
        o.get(director).and_then(|c| c.labels.pref("nl")),
        Some("inspiciënt")
    );
    // Its full ESCO URI, as users hold it, finds it too (issue 12).
    let uri = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
    let ix = o.index_of(uri).expect("the ESCO URI finds the occupation");
    assert_eq!(o.concept(ix).id, director);
    assert_eq!(o.uri_of(ix).as_deref(), Some(uri));
    assert!(
        relation(
            o,
            director,
            "esco:skill/fed5b267-73fa-461d-9f69-827c78beb39d",
            RelationKind::Requires
        )
        .is_some_and(|rel| rel.importance == Some(Importance::Essential))
    );
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn the_bilingual_ontology_round_trips_through_the_native_format() {
    let imported = bilingual();
    let dir = tempfile::tempdir().expect("temp dir");
    vaardig_core::write_dir(&imported.ontology, dir.path()).expect("writes");
    let loaded = vaardig_core::load_dir(dir.path()).expect("loads");
    assert_eq!(loaded.ontology, imported.ontology);
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn the_bilingual_ontology_round_trips_through_turtle_with_esco_uris() {
    let imported = bilingual();
    let mut ttl = Vec::new();
    vaardig_import::write_turtle(&imported.ontology, &mut ttl).expect("writes");
    let text = String::from_utf8(ttl).expect("UTF-8");
    assert!(text.contains("@prefix esco: <http://data.europa.eu/esco/>"));
    let back = import_rdf_reader(
        text.as_bytes(),
        RdfFormat::Turtle,
        "esco.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().strict(true),
    )
    .expect("reads back")
    .build()
    .expect("builds")
    .ontology;
    assert_eq!(back, imported.ontology);
}
