//! native → Turtle → native gives an equal ontology, and the Turtle is deterministic.

use oxrdf::{NamedOrBlankNode, Term};
use oxttl::TurtleParser;
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{
    CodeSystem, Concept, ConceptData, Importance, Labels, Level, Manifest, Nlqf, OfferType,
    Ontology, OntologyBuilder, ProviderType, QualificationType, Relation, RelationKind, SkillType,
};
use vaardig_import::{
    ImportOptions, Mapping, RdfFormat, import_rdf, import_rdf_reader, write_turtle,
};

fn turtle(ontology: &Ontology) -> Vec<u8> {
    let mut out = Vec::new();
    write_turtle(ontology, &mut out).expect("writes");
    out
}

fn read_back(ttl: &[u8]) -> (Ontology, vaardig_import::ImportReport) {
    let imported = import_rdf_reader(
        ttl,
        RdfFormat::Turtle,
        "export.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().strict(true),
    )
    .expect("reads back without rejections")
    .build()
    .expect("builds");
    (imported.ontology, imported.report)
}

#[test]
fn a_generated_ontology_round_trips() {
    let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
    let (back, report) = read_back(&turtle(&ontology));
    assert_eq!(back, ontology);
    assert_eq!(back.content_hash(), ontology.content_hash());
    // Everything written is understood.
    assert!(
        report.unknown_predicates.is_empty(),
        "{:?}",
        report.unknown_predicates
    );
    assert!(
        report.unknown_classes.is_empty(),
        "{:?}",
        report.unknown_classes
    );
    assert_eq!(report.unmapped_subjects, 0);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let (_, _, skipped, rejected) = {
        let s = &report.sources[0];
        (s.read, s.imported, s.skipped, s.rejected)
    };
    assert_eq!((skipped, rejected), (0, 0));
}

#[test]
fn the_embedded_ontology_round_trips() {
    let ontology = Ontology::embedded().expect("the embedded ontology is valid");
    let (back, _) = read_back(&turtle(&ontology));
    assert_eq!(back, ontology);
}

#[test]
fn turtle_output_is_byte_for_byte_deterministic() {
    let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
    assert_eq!(turtle(&ontology), turtle(&ontology));
    let rebuilt = generate(&GeneratorConfig::small()).expect("valid").ontology;
    assert_eq!(turtle(&ontology), turtle(&rebuilt));
}

/// An ontology with every concept kind, every relation kind with and without levels, ids that
/// need escaping in an IRI, and every manifest field.
fn everything() -> Ontology {
    let mut manifest = Manifest::new("alles", "2.0-rc1", &["nl", "en"]);
    manifest.release_date = "2026-11-23".parse().expect("a date");
    manifest.licence = "CC-BY-4.0".into();
    manifest.source = "written for a test, with \"quotes\" and a\nnewline".into();
    manifest.illustrative_codes = true;
    manifest.notes = Some("notes & more".into());
    // The prefix of the `esco:` id below, which the Turtle export expands and the import records.
    manifest
        .prefixes
        .insert("esco".into(), "http://data.europa.eu/esco/".into());
    let mut b = OntologyBuilder::new(manifest);
    let labels = |nl: &str, en: &str| {
        let mut l = Labels::with_pref([("nl", nl), ("en", en)]);
        l.alt.insert(
            "nl".into(),
            vec![format!("{nl} (syn)"), format!("{nl} bis")],
        );
        l.definition.insert("en".into(), format!("The {en}."));
        l
    };
    b.add_concept(Concept::new(
        "skill:lassen",
        labels("lassen", "welding"),
        ConceptData::Skill {
            skill_type: SkillType::Skill,
        },
    ));
    b.add_concept(Concept::new(
        "skill:geduld#1",
        labels("geduld", "patience"),
        ConceptData::Skill {
            skill_type: SkillType::Attitude,
        },
    ));
    b.add_concept(Concept::new(
        "ka:metaalkunde/é",
        labels("metaalkunde", "metallurgy"),
        ConceptData::KnowledgeArea,
    ));
    b.add_concept(Concept::new(
        "esco:skill/0005c151-5b5a-4a66-8aac-60e734beb1ab",
        labels("staff", "manage musical staff"),
        ConceptData::Skill {
            skill_type: SkillType::Knowledge,
        },
    ));
    b.add_concept(Concept::new(
        "occ:lasser",
        labels("lasser", "welder"),
        ConceptData::Occupation {
            isco: Some("7212".into()),
            min_nlqf: Nlqf::new(2),
        },
    ));
    b.add_concept(Concept::new(
        "occ:hoofdlasser",
        labels("hoofdlasser", "head welder"),
        ConceptData::occupation(None),
    ));
    b.add_concept(Concept::new(
        "task:naad-lassen",
        labels("naad lassen", "weld a seam"),
        ConceptData::OccupationTask,
    ));
    b.add_concept(Concept::new(
        "qual:25%lasser",
        labels("lasser mbo", "welder vet"),
        ConceptData::Qualification {
            qualification_type: QualificationType::MboCertificate,
            code_system: CodeSystem::Other,
            code: "X-25".into(),
            nlqf: Nlqf::new(2),
        },
    ));
    b.add_concept(Concept::new(
        "offer:lascursus",
        labels("lascursus", "welding course"),
        ConceptData::LearningOffer {
            offer_type: OfferType::Microcredential,
            provider: "ROC <Test>".into(),
            provider_type: ProviderType::Private,
            hours: 37.25,
            cost_eur: 1234.5,
            nlqf: None,
        },
    ));
    b.add_concept(Concept::new(
        "offer:module",
        labels("module", "module"),
        ConceptData::LearningOffer {
            offer_type: OfferType::FormalUnit,
            provider: "ROC".into(),
            provider_type: ProviderType::Public,
            hours: 0.1,
            cost_eur: 0.0,
            nlqf: Some(Nlqf::new(4).expect("valid")),
        },
    ));
    b.add_concept(Concept::new(
        "sector:metaal",
        labels("metaal", "metal"),
        ConceptData::Sector { shortage: true },
    ));
    let level = |n| Level::new(n);
    for (f, t, r) in [
        (
            "skill:lassen",
            "ka:metaalkunde/é",
            Relation::plain(RelationKind::Broader),
        ),
        (
            "occ:hoofdlasser",
            "occ:lasser",
            Relation::plain(RelationKind::Broader),
        ),
        (
            "skill:lassen",
            "skill:geduld#1",
            Relation::plain(RelationKind::Related),
        ),
        (
            "occ:lasser",
            "skill:lassen",
            Relation::requires(Importance::Essential, level(3)),
        ),
        (
            "occ:lasser",
            "skill:geduld#1",
            Relation::requires(Importance::Important, None),
        ),
        (
            "occ:lasser",
            "esco:skill/0005c151-5b5a-4a66-8aac-60e734beb1ab",
            Relation::requires(Importance::Optional, level(1)),
        ),
        (
            "task:naad-lassen",
            "skill:lassen",
            Relation::requires(Importance::Essential, None),
        ),
        (
            "occ:lasser",
            "task:naad-lassen",
            Relation::plain(RelationKind::HasTask),
        ),
        (
            "qual:25%lasser",
            "skill:lassen",
            Relation::with_level(RelationKind::Covers, level(2)),
        ),
        (
            "offer:lascursus",
            "skill:lassen",
            Relation::with_level(RelationKind::Teaches, level(5)),
        ),
        (
            "offer:module",
            "ka:metaalkunde/é",
            Relation::with_level(RelationKind::Teaches, None),
        ),
        (
            "offer:lascursus",
            "qual:25%lasser",
            Relation::plain(RelationKind::PartOf),
        ),
        (
            "offer:lascursus",
            "skill:geduld#1",
            Relation::with_level(RelationKind::Prerequisite, level(1)),
        ),
        (
            "occ:lasser",
            "sector:metaal",
            Relation::plain(RelationKind::InSector),
        ),
        (
            "qual:25%lasser",
            "sector:metaal",
            Relation::plain(RelationKind::InSector),
        ),
    ] {
        b.add_relation(f, t, r);
    }
    b.build().expect("valid").ontology
}

#[test]
fn every_kind_attribute_and_level_round_trips() {
    let ontology = everything();
    let (back, _) = read_back(&turtle(&ontology));
    assert_eq!(back, ontology);
}

#[test]
fn esco_ids_are_written_as_esco_uris() {
    let ttl = turtle(&everything());
    let subjects: Vec<String> = TurtleParser::new()
        .for_slice(&ttl)
        .map(|t| t.expect("valid Turtle"))
        .filter_map(|t| match t.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect();
    assert!(
        subjects
            .iter()
            .any(|s| s == "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab")
    );
    assert!(subjects.iter().any(|s| s == "urn:vaardig:id:skill:lassen"));
}

#[test]
fn levels_are_rdf_statements() {
    let ttl = turtle(&everything());
    let statements = TurtleParser::new()
        .for_slice(&ttl)
        .map(|t| t.expect("valid Turtle"))
        .filter(|t| {
            t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                && t.object
                    == Term::NamedNode(oxrdf::NamedNode::new_unchecked(
                        "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
                    ))
        })
        .count();
    // Relations with a level: requires ×2, covers, teaches, prerequisite.
    assert_eq!(statements, 5);
}

#[test]
fn native_files_to_turtle_file_to_native_files() {
    let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
    let dir = tempfile::tempdir().expect("temp dir");
    let native = dir.path().join("native");
    vaardig_core::write_dir(&ontology, &native).expect("writes native");
    let loaded = vaardig_core::load_dir(&native).expect("loads").ontology;
    let ttl = dir.path().join("ontology.ttl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&ttl).expect("creates"));
    write_turtle(&loaded, &mut file).expect("writes turtle");
    drop(file);
    let imported = import_rdf(
        &[&ttl],
        &Mapping::competentnl(),
        ImportOptions::new().strict(true),
    )
    .expect("imports")
    .build()
    .expect("builds")
    .ontology;
    let again = dir.path().join("again");
    vaardig_core::write_dir(&imported, &again).expect("writes native");
    let reloaded = vaardig_core::load_dir(&again).expect("loads").ontology;
    assert_eq!(reloaded, ontology);
    for table in std::fs::read_dir(&native).expect("dir") {
        let name = table.expect("entry").file_name();
        assert_eq!(
            std::fs::read(native.join(&name)).expect("read"),
            std::fs::read(again.join(&name)).expect("read"),
            "{name:?} differs"
        );
    }
}

/// Status, codes, notes, matches, source ratings and related occupations.
fn annotated() -> Ontology {
    use vaardig_core::{Code, Match, MatchKind, Note, NoteKind, Rating, Scale, Status, Tier};
    let mut b = OntologyBuilder::new(Manifest::new("annotated", "1", &["nl", "en"]));
    let occupation = |id: &str, nl: &str| {
        Concept::new(
            id,
            Labels::with_pref([("nl", nl), ("en", nl)]),
            ConceptData::occupation(Some("7212".into())),
        )
    };
    let mut lasser = occupation("occ:lasser", "lasser");
    lasser.codes = vec![
        Code::new(CodeSystem::OnetSoc, "51-4121.00"),
        Code::new(CodeSystem::Competentnl, "UWV 0042"),
    ];
    lasser.notes = vec![
        Note::new(NoteKind::Note, "nl", "Last constructies."),
        Note::new(NoteKind::ScopeNote, "en", "All welding methods."),
        Note::new(NoteKind::Regulation, "nl", "Geen gereglementeerd beroep."),
    ];
    lasser.matches = vec![
        Match::new(
            MatchKind::Close,
            "http://data.europa.eu/esco/occupation/welder",
        ),
        Match::new(
            MatchKind::Broad,
            "https://www.onetonline.org/link/summary/51-4121.00",
        ),
    ];
    b.add_concept(lasser);
    let mut old = occupation("occ:autogeenlasser", "autogeenlasser");
    old.status = Status::Historical;
    old.replaced_by = Some("occ:lasser".into());
    b.add_concept(old);
    b.add_concept(Concept::new(
        "skill:lassen",
        Labels::with_pref([("nl", "lassen"), ("en", "welding")]),
        ConceptData::Skill {
            skill_type: SkillType::Technology,
        },
    ));
    b.add_relation(
        "occ:lasser",
        "skill:lassen",
        Relation::requires(Importance::Essential, Level::new(3)).rated(
            Rating::new(Scale::OnetIm, 4.25),
            Rating::new(Scale::OnetLv, 5.12),
        ),
    );
    b.add_relation(
        "occ:lasser",
        "occ:autogeenlasser",
        Relation::related_occupation(Some(Tier::PrimaryLong), Some(7)),
    );
    b.build().expect("valid").ontology
}

#[test]
fn status_codes_notes_matches_and_ratings_round_trip() {
    let ontology = annotated();
    let ttl = turtle(&ontology);
    let text = String::from_utf8(ttl.clone()).expect("utf-8");
    for needle in [
        "vd:status",
        "vd:code",
        "skos:scopeNote",
        "skos:closeMatch",
        "vd:weight",
        "vd:rank",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let (back, report) = read_back(&ttl);
    assert_eq!(back, ontology);
    assert_eq!(report.unexplained_skipped(), 0);
    assert!(
        report.unused_predicates.is_empty(),
        "{:?}",
        report.unused_predicates
    );
}
