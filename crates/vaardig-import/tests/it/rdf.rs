//! RDF import on small fixtures: one test per mapping rule of the CompetentNL and ESCO mappings,
//! N-Triples and N-Quads, a custom mapping file, and broken input.

use vaardig_core::{
    CodeSystem, ConceptData, ConceptKind, DiagnosticKind as K, Importance, Nlqf, QualificationType,
    RelationKind, Severity, SkillType,
};
use vaardig_import::{ImportError, ImportOptions, Imported, Mapping, import_rdf};

use crate::util::{counts, fixture, isco, relation};

fn competentnl() -> Imported {
    import_rdf(
        &[fixture("rdf/competentnl.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect("imports")
    .build()
    .expect("builds")
}

const HC: &str = "cnl:id/human-capability/";
const KA: &str = "cnl:id/knowledge-area/";
const OCC: &str = "cnl:id/occupation/";

#[test]
fn classes_decide_the_concept_kind() {
    let o = competentnl().ontology;
    let kind = |id: &str| o.get(id).map(|c| c.kind());
    assert_eq!(kind(&format!("{HC}leidinggeven")), Some(ConceptKind::Skill));
    assert_eq!(
        kind(&format!("{KA}techniek")),
        Some(ConceptKind::KnowledgeArea)
    );
    assert_eq!(kind(&format!("{OCC}kapper")), Some(ConceptKind::Occupation));
    assert_eq!(
        kind("cnl:uwv/id/occupation-task/haar-knippen"),
        Some(ConceptKind::OccupationTask)
    );
    assert_eq!(
        kind("cnl:id/educational-norm/25168"),
        Some(ConceptKind::Qualification)
    );
    // A plain skos:Concept falls back to a skill.
    assert_eq!(
        kind("https://example.org/x/plain"),
        Some(ConceptKind::Skill)
    );
    // A resource of an unknown class is not a concept, and is counted.
    assert_eq!(kind("https://example.org/x/status"), None);
}

#[test]
fn ids_shorten_known_namespaces() {
    let o = competentnl().ontology;
    assert!(o.get("cnl:id/occupation/kapper").is_some());
    // The id is the short one; the full IRI still finds it, and gives it back.
    let ix = o
        .index_of("https://linkeddata.competentnl.nl/id/occupation/kapper")
        .expect("the full IRI finds the concept");
    assert_eq!(o.concept(ix).id, "cnl:id/occupation/kapper");
    assert_eq!(
        o.uri_of(ix).as_deref(),
        Some("https://linkeddata.competentnl.nl/id/occupation/kapper")
    );
}

#[test]
fn the_manifest_records_the_id_prefixes_in_use() {
    let o = competentnl().ontology;
    // The mapping also knows `esco:`, but no id here uses it.
    let prefixes: Vec<(&str, &str)> = o
        .manifest()
        .prefixes
        .iter()
        .map(|(p, ns)| (p.as_str(), ns.as_str()))
        .collect();
    assert_eq!(prefixes, [("cnl", "https://linkeddata.competentnl.nl/")]);
    // Ids kept whole are URIs of their own; every URI finds its concept.
    let plain = o.index_of("https://example.org/x/plain").expect("present");
    assert_eq!(
        o.uri_of(plain).as_deref(),
        Some("https://example.org/x/plain")
    );
    for (ix, _) in o.iter() {
        if let Some(uri) = o.uri_of(ix) {
            assert_eq!(o.index_of(&uri), Some(ix), "{uri}");
        }
    }
}

#[test]
fn skos_and_skosxl_labels_are_read_with_their_languages() {
    let o = competentnl().ontology;
    let lead = o.get(&format!("{HC}leidinggeven")).expect("present");
    assert_eq!(lead.labels.pref("nl"), Some("Leidinggeven"));
    assert_eq!(lead.labels.pref("en"), Some("Leading"));
    assert_eq!(lead.labels.alt("nl"), ["Sturen", "Aansturen"]);
    assert_eq!(
        lead.labels.definition("nl"),
        Some("Mensen en werk aansturen.")
    );
    // SKOS-XL: preferred label through a label resource, a synonym through a blank node, and a
    // hidden label as a synonym.
    let focus = o.get(&format!("{HC}klantgerichtheid")).expect("present");
    assert_eq!(focus.labels.pref("nl"), Some("Klantgerichtheid"));
    assert_eq!(focus.labels.pref("en"), Some("Customer focus"));
    let mut alts = focus.labels.alt("nl").to_vec();
    alts.sort();
    assert_eq!(alts, ["Klantvriendelijkheid", "klantgericht"]);
}

#[test]
fn predicates_become_relations_with_importance_and_direction() {
    let o = competentnl().ontology;
    let importance = |from: &str, to: &str| {
        relation(&o, from, to, RelationKind::Requires).and_then(|r| r.importance)
    };
    let kapper = format!("{OCC}kapper");
    let lasser = format!("{OCC}lasser");
    assert_eq!(
        importance(&kapper, &format!("{HC}klantgerichtheid")),
        Some(Importance::Essential)
    );
    assert_eq!(
        importance(&kapper, &format!("{HC}leidinggeven")),
        Some(Importance::Important)
    );
    assert_eq!(
        importance(&lasser, &format!("{HC}leidinggeven")),
        Some(Importance::Optional)
    );
    assert!(
        relation(
            &o,
            &kapper,
            "cnl:uwv/id/occupation-task/haar-knippen",
            RelationKind::HasTask
        )
        .is_some()
    );
    assert!(
        relation(
            &o,
            "cnl:id/educational-norm/25168",
            &format!("{HC}klantgerichtheid"),
            RelationKind::Covers
        )
        .is_some()
    );
    // cnluwv:specialization names a job title (a DetailedLabel): a synonym, not a narrower
    // occupation.
    assert!(
        relation(
            &o,
            &format!("{OCC}hoofdlasser"),
            &lasser,
            RelationKind::Broader
        )
        .is_none()
    );
    let lasser = o.get(&lasser).expect("present");
    assert_eq!(lasser.labels.alt("nl"), ["Hoofdlasser"]);
}

#[test]
fn a_relation_stated_both_ways_is_merged() {
    let imported = competentnl();
    let o = &imported.ontology;
    // skos:narrower on techniek and skos:broader on lastechniek say the same thing.
    assert!(
        relation(
            o,
            &format!("{KA}lastechniek"),
            &format!("{KA}techniek"),
            RelationKind::Broader
        )
        .is_some()
    );
    // The only `broader` (cnluwv:specialization is a label, not a hierarchy link).
    assert_eq!(o.relation_count(RelationKind::Broader), 1);
    assert_eq!(imported.report.merged_duplicates, 1);
}

#[test]
fn notations_are_isco_codes_or_qualification_codes() {
    let imported = competentnl();
    let o = &imported.ontology;
    assert_eq!(isco(o, &format!("{OCC}kapper")).as_deref(), Some("5141"));
    assert_eq!(isco(o, &format!("{OCC}lasser")), None);
    match &o
        .get("cnl:id/educational-norm/25168")
        .expect("present")
        .data
    {
        ConceptData::Qualification {
            qualification_type,
            code_system,
            code,
            nlqf,
        } => {
            assert_eq!(*qualification_type, QualificationType::MboDiploma);
            assert_eq!(*code_system, CodeSystem::Crebo);
            assert_eq!(code, "25168");
            assert_eq!(*nlqf, Nlqf::new(3));
        }
        other => panic!("not a qualification: {other:?}"),
    }
    // The UWV code of `lasser` and the code on a skill are CompetentNL notations: codes.
    assert_eq!(imported.report.unused_attributes.get("notation"), None);
    let codes: Vec<(&str, &str)> = imported
        .ontology
        .iter()
        .flat_map(|(_, c)| {
            c.codes
                .iter()
                .map(move |code| (c.id.as_str(), code.code.as_str()))
        })
        .collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes.iter().any(|(_, code)| *code == "UWV-0042"));
    assert!(codes.iter().any(|(_, code)| *code == "HC-0001"));
}

#[test]
fn resources_that_cannot_be_concepts_are_rejected_with_a_reason() {
    let imported = competentnl();
    let r = &imported.report;
    let o = &imported.ontology;
    let error = |needle: &str| {
        r.diagnostics
            .iter()
            .find(|d| d.is_error() && d.message.contains(needle))
            .unwrap_or_else(|| panic!("no error mentioning {needle:?}: {:#?}", r.diagnostics))
    };
    // No NLQF level: the qualification still imports (NLQF is optional), with its relation.
    let norm = o.get("cnl:id/educational-norm/99999").expect("imported");
    assert_eq!(norm.nlqf(), None);
    assert!(
        relation(
            o,
            "cnl:id/educational-norm/99999",
            &format!("{HC}leidinggeven"),
            RelationKind::Covers
        )
        .is_some()
    );
    assert!(!r.diagnostics.iter().any(|d| d.message.contains("nlqf")));
    // Two kinds at once.
    let both = error("typed both");
    assert_eq!(both.kind, K::InvalidValue);
    // No label in the primary language (nl).
    error("no preferred label in the primary language `nl`");
    // A blank node has no IRI to be an id.
    error("blank node");
    assert_eq!(o.count(ConceptKind::Skill), 3);
}

#[test]
fn unknown_predicates_and_classes_are_counted_not_fatal() {
    let r = competentnl().report;
    assert_eq!(
        r.unknown_predicates
            .get("http://www.w3.org/ns/prov#generatedAtTime"),
        Some(&1)
    );
    assert_eq!(
        r.unknown_classes.get("https://example.org/def/Status"),
        Some(&1)
    );
    assert_eq!(r.unmapped_subjects, 1);
    assert!(r.counts_balance());
    // Every triple of the fixture is accounted for. Skipped: the unknown predicate, the unknown
    // class and the label of its resource (the two notations that are no ISCO or qualification
    // code are kept as CompetentNL codes). Rejected: the triples of `both` (3), `english-only`
    // (2) and the blank node (2).
    assert_eq!(counts(&r, "competentnl.ttl"), (64, 54, 3, 7));
    assert_eq!(
        r.unused_predicates
            .get("http://www.w3.org/2004/02/skos/core#notation"),
        None
    );
    assert_eq!(r.unexplained_skipped(), 0);
}

#[test]
fn broken_turtle_is_reported_by_line_and_parsing_goes_on() {
    let imported = import_rdf(
        &[fixture("rdf/broken.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect("lenient")
    .build()
    .expect("builds");
    let syntax: Vec<_> = imported
        .report
        .diagnostics
        .iter()
        .filter(|d| d.kind == K::Syntax)
        .collect();
    assert!(!syntax.is_empty());
    // The undeclared prefix `nope:` on line 4.
    assert!(
        syntax
            .iter()
            .any(|d| d.location.line == Some(4) && d.message.contains("nope")),
        "{syntax:#?}"
    );
    assert!(
        syntax.iter().any(|d| d.location.line == Some(5)),
        "{syntax:#?}"
    );
    let o = &imported.ontology;
    assert!(o.get("https://e.org/a").is_some());
    assert!(
        o.get("https://e.org/d").is_some(),
        "parsing resumes after errors"
    );
    assert!(imported.report.counts_balance());

    let strict = import_rdf(
        &[fixture("rdf/broken.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new().strict(true),
    );
    assert!(matches!(strict, Err(ImportError::Rejected { .. })));
}

#[test]
fn the_esco_mapping_reads_esco_rdf() {
    let imported = import_rdf(
        &[fixture("rdf/esco.ttl")],
        &Mapping::esco(),
        ImportOptions::new(),
    )
    .expect("imports")
    .build()
    .expect("builds");
    let o = &imported.ontology;
    let occ = "esco:occupation/o1";
    assert_eq!(o.manifest().languages, ["en"]);
    // skos:broader to an ISCO group is the ISCO code, not a relation.
    assert_eq!(isco(o, occ).as_deref(), Some("7212"));
    assert_eq!(o.count(ConceptKind::Occupation), 1);
    let req = |skill: &str| {
        relation(
            o,
            occ,
            &format!("esco:skill/{skill}"),
            RelationKind::Requires,
        )
        .and_then(|r| r.importance)
    };
    // relatedEssentialSkill and its inverse isEssentialSkillFor: one relation.
    assert_eq!(req("s1"), Some(Importance::Essential));
    assert_eq!(req("s2"), Some(Importance::Optional));
    assert_eq!(imported.report.merged_duplicates, 1);
    let skill_type = |id: &str| match &o.get(id).expect(id).data {
        ConceptData::Skill { skill_type } => *skill_type,
        other => panic!("{other:?}"),
    };
    assert_eq!(skill_type("esco:skill/s1"), SkillType::Skill);
    assert_eq!(skill_type("esco:skill/s2"), SkillType::Knowledge);
    assert_eq!(
        o.get("esco:skill/s2").and_then(|c| c.labels.pref("en")),
        Some("metallurgy")
    );
    // German and Dutch labels are outside the manifest's languages: counted.
    let ignored = &imported.report.ignored_languages;
    assert_eq!((ignored.get("de"), ignored.get("nl")), (Some(&1), Some(&1)));
    // The ISCO group itself is a skos:Concept the ESCO mapping deliberately does not import:
    // its triples are counted by predicate (its label, with the German and Dutch ones).
    assert_eq!(imported.report.unmapped_subjects, 0);
    assert_eq!(
        imported
            .report
            .unused_predicates
            .get("http://www.w3.org/2004/02/skos/core#prefLabel"),
        Some(&3)
    );
    assert_eq!(imported.report.unexplained_skipped(), 0);
}

#[test]
fn n_triples_and_n_quads_are_read() {
    for (file, broken) in [("rdf/sample.nt", 1), ("rdf/sample.nq", 0)] {
        let imported = import_rdf(
            &[fixture(file)],
            &Mapping::competentnl(),
            ImportOptions::new(),
        )
        .expect("imports")
        .build()
        .expect("builds");
        let o = &imported.ontology;
        assert_eq!(
            relation(
                o,
                "https://e.org/lasser",
                "https://e.org/lassen",
                RelationKind::Requires
            )
            .and_then(|r| r.importance),
            Some(Importance::Essential),
            "{file}"
        );
        let syntax: Vec<_> = imported
            .report
            .diagnostics
            .iter()
            .filter(|d| d.kind == K::Syntax)
            .collect();
        assert_eq!(syntax.len(), broken, "{file}: {syntax:#?}");
        if let Some(d) = syntax.first() {
            assert_eq!(d.location.line, Some(6));
        }
    }
}

#[test]
fn a_custom_mapping_file_is_followed() {
    let mapping = Mapping::from_file(fixture("rdf/custom-mapping.toml")).expect("parses");
    assert_eq!(mapping.name(), "house");
    let imported = import_rdf(&[fixture("rdf/custom.ttl")], &mapping, ImportOptions::new())
        .expect("imports")
        .build()
        .expect("builds");
    let o = &imported.ontology;
    assert_eq!(o.manifest().languages, ["en"]);
    assert_eq!(o.manifest().name, "house");
    assert!(matches!(
        o.get("house:plumbing").map(|c| &c.data),
        Some(ConceptData::Skill {
            skill_type: SkillType::Knowledge
        })
    ));
    assert_eq!(isco(o, "house:plumber").as_deref(), Some("7126"));
    assert_eq!(
        o.manifest().prefixes.get("house").map(String::as_str),
        Some("https://house.example/id/")
    );
    assert_eq!(
        o.get("https://house.example/id/plumber")
            .map(|c| c.id.as_str()),
        Some("house:plumber")
    );
    assert_eq!(
        relation(o, "house:plumber", "house:plumbing", RelationKind::Requires)
            .and_then(|r| r.importance),
        Some(Importance::Important)
    );
}

#[test]
fn requested_languages_decide_the_primary_language() {
    let imported = import_rdf(
        &[fixture("rdf/competentnl.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new().languages(["en"]),
    )
    .expect("imports")
    .build()
    .expect("builds");
    let o = &imported.ontology;
    assert_eq!(o.manifest().languages, ["en"]);
    // English-labelled concepts stay; Dutch-only ones lack a primary label.
    assert!(o.get("https://example.org/x/english-only").is_some());
    assert!(o.get(&format!("{OCC}kapper")).is_some());
    assert!(o.get(&format!("{OCC}lasser")).is_none());
    assert!(
        imported
            .report
            .ignored_languages
            .get("nl")
            .is_some_and(|n| *n > 10)
    );
}

#[test]
fn an_unknown_extension_is_refused() {
    let err = import_rdf(
        &[fixture("rdf/custom-mapping.toml")],
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect_err("not RDF");
    assert!(matches!(err, ImportError::Options(_)), "{err}");
}

#[test]
fn a_second_preferred_label_becomes_a_synonym_with_a_warning() {
    let ttl = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://e.org/x> a skos:Concept ; skos:prefLabel "een"@nl, "twee"@nl .
"#;
    let imported = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "two.ttl",
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect("imports")
    .build()
    .expect("builds");
    let c = imported.ontology.get("https://e.org/x").expect("present");
    assert_eq!(c.labels.pref("nl"), Some("een"));
    assert_eq!(c.labels.alt("nl"), ["twee"]);
    let w: Vec<_> = imported
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].location.line, Some(2));
}

#[test]
fn the_same_graph_gives_the_same_ontology_and_report() {
    let (a, b) = (competentnl(), competentnl());
    assert_eq!(a.ontology, b.ontology);
    assert_eq!(a.ontology.content_hash(), b.ontology.content_hash());
    assert_eq!(a.report, b.report);
}

#[test]
fn the_report_serialises_for_programs() {
    let report = competentnl().report;
    let json = serde_json::to_value(&report).expect("serialises");
    assert_eq!(json["format"], "rdf");
    assert_eq!(json["sources"][0]["read"], 64);
    assert_eq!(
        json["diagnostics"].as_array().map(Vec::len),
        Some(report.diagnostics.len())
    );
}

fn esco_dump() -> Result<vaardig_import::Import, ImportError> {
    import_rdf(
        &[fixture("rdf/esco-dump.ttl")],
        &Mapping::esco(),
        ImportOptions::new().languages(["en"]).strict(true),
    )
}

#[test]
fn isco_links_stated_both_ways_are_one_code_not_a_rejection() {
    // The dump states each ISCO link as the occupation's skos:broader and the group's
    // skos:narrower; neither is rejected (a strict import passes).
    let imported = esco_dump().expect("strict passes").build().expect("builds");
    let o = &imported.ontology;
    assert_eq!(isco(o, "esco:occupation/o1").as_deref(), Some("7212"));
    // o2 has its code only from the group's side.
    assert_eq!(isco(o, "esco:occupation/o2").as_deref(), Some("7212"));
    assert_eq!(o.relation_count(RelationKind::Broader), 0);
    assert_eq!(
        imported.report.merged_duplicates, 2,
        "o1's code and s1's requirement"
    );
}

#[test]
fn node_literal_descriptions_are_read() {
    let imported = esco_dump().expect("strict passes").build().expect("builds");
    let o = &imported.ontology;
    let def = |id: &str| o.get(id).and_then(|c| c.labels.definition("en"));
    // The `en` node wins over the `en-us` one; an `en-us` node alone is folded into `en`.
    assert_eq!(def("esco:occupation/o1"), Some("Welders join metal parts."));
    assert_eq!(
        def("esco:occupation/o2"),
        Some("Flame cutters cut metal with a torch.")
    );
    // The SKOS-XL synonym is read; its label role is counted as not kept.
    let o1 = o.get("esco:occupation/o1").expect("present");
    assert_eq!(o1.labels.alt("en"), ["welding operator"]);
    assert_eq!(
        imported
            .report
            .unused_predicates
            .get("http://data.europa.eu/esco/model#hasLabelRole"),
        Some(&1)
    );
}

#[test]
fn regional_tags_fold_into_their_language() {
    let imported = esco_dump().expect("strict passes").build().expect("builds");
    let o = &imported.ontology;
    assert_eq!(o.manifest().languages, ["en"]);
    let s1 = o.get("esco:skill/s1").expect("present");
    assert_eq!(s1.labels.pref("en"), Some("recognise signs of corrosion"));
    // The American spelling is a synonym (so searching it finds the skill), as is an `en-us`
    // synonym; an `en-us` label equal to the `en` one adds nothing.
    assert_eq!(
        s1.labels.alt("en"),
        ["recognize signs of corrosion", "spot corrosion"]
    );
    let r = &imported.report;
    assert_eq!(r.folded_languages.get("en-us"), Some(&5));
    assert!(r.ignored_languages.is_empty(), "{:?}", r.ignored_languages);
    assert_eq!(r.unexplained_skipped(), 0);
}

#[test]
fn an_impossible_release_date_is_not_taken() {
    let ttl = r#"
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
<https://e.org/scheme> a skos:ConceptScheme ; dcterms:title "t" ; dcterms:issued "2024-02-31" .
<https://e.org/a> a cnlo:HumanCapability ; skos:prefLabel "a"@nl .
"#;
    let imported = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "date.ttl",
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect("imports")
    .build()
    .expect("builds");
    assert_eq!(imported.ontology.manifest().release_date, "1970-01-01");
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("`2024-02-31` is not a date")),
        "{:?}",
        imported.report.notes
    );
}

#[test]
fn a_hundred_thousand_deep_broader_chain_imports_without_recursion() {
    // Used to overflow the stack in petgraph's recursive `tarjan_scc`, in staging and building.
    const DEPTH: usize = 100_000;
    let hc = "https://linkeddata.competentnl.nl/id/human-capability/";
    let class = "https://linkeddata.competentnl.nl/def/competentnl#HumanCapability";
    let skos = "http://www.w3.org/2004/02/skos/core#";
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let mut nt = String::new();
    for i in 0..DEPTH {
        nt.push_str(&format!("<{hc}s{i}> <{rdf_type}> <{class}> .\n"));
        nt.push_str(&format!(
            "<{hc}s{i}> <{skos}prefLabel> \"vaardigheid {i}\"@nl .\n"
        ));
        if i + 1 < DEPTH {
            nt.push_str(&format!("<{hc}s{i}> <{skos}broader> <{hc}s{}> .\n", i + 1));
        }
    }
    // One edge that closes a cycle at the deep end: staging rejects it, the rest imports.
    nt.push_str(&format!(
        "<{hc}s{}> <{skos}broader> <{hc}s{}> .\n",
        DEPTH - 1,
        DEPTH - 10
    ));
    let imported = vaardig_import::import_rdf_reader(
        nt.as_bytes(),
        vaardig_import::RdfFormat::NTriples,
        "chain.nt",
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .expect("imports")
    .build()
    .expect("builds");
    assert_eq!(imported.ontology.len(), DEPTH);
    assert_eq!(
        imported.ontology.relation_count(RelationKind::Broader),
        DEPTH - 1
    );
    let cycles = imported
        .report
        .diagnostics
        .iter()
        .filter(|d| d.kind == K::Cycle)
        .count();
    assert_eq!(cycles, 1, "{:?}", imported.report.diagnostics);
}

#[test]
fn bcp47_tags_are_normalised_and_compared_without_case() {
    // `pt-br` asked, `pt-BR` and `PT-br` in the graph, `en-US` asked as `en-us`: one language each.
    let ttl = r#"
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
<https://e.org/a> a cnlo:HumanCapability ;
    skos:prefLabel "soldar"@pt-BR , "weld"@en-US ;
    skos:altLabel "solda"@PT-br .
"#;
    let imported = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "tags.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().languages(["pt-br", "en-us", "PT-BR"]),
    )
    .expect("imports")
    .build()
    .expect("builds");
    let o = &imported.ontology;
    assert_eq!(o.manifest().languages, ["pt-BR", "en-US"]);
    let a = o.iter().next().map(|(_, c)| c).expect("one concept");
    assert_eq!(a.labels.pref("pt-BR"), Some("soldar"));
    assert_eq!(a.labels.alt("pt-BR"), ["solda"]);
    assert_eq!(a.labels.pref("en-US"), Some("weld"));
    assert!(imported.report.ignored_languages.is_empty());
    // A malformed tag asked for is not a language.
    let bad = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "tags.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().languages(["pt_BR"]),
    )
    .map(|i| i.build().map(|b| b.ontology.manifest().languages.clone()));
    assert!(
        !matches!(bad, Ok(Ok(ref l)) if l.iter().any(|t| t == "pt_BR")),
        "{bad:?}"
    );
}

#[test]
fn esco_release_status_is_the_concept_status() {
    let ttl = r#"
@prefix esco: <http://data.europa.eu/esco/model#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix iso-thes: <http://purl.org/iso25964/skos-thes#> .
<http://data.europa.eu/esco/skill/new> a esco:Skill, skos:Concept ;
    skos:prefLabel "weld metal"@en ; iso-thes:status "released" .
<http://data.europa.eu/esco/skill/old> a esco:Skill, skos:Concept ;
    skos:prefLabel "weld"@en ; iso-thes:status "obsolete" ;
    dct:isReplacedBy <http://data.europa.eu/esco/skill/new> .
"#;
    let imported = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "status.ttl",
        &Mapping::esco(),
        ImportOptions::new().languages(["en"]).strict(true),
    )
    .expect("strict passes")
    .build()
    .expect("builds");
    let o = &imported.ontology;
    let new = o.get("esco:skill/new").expect("present");
    let old = o.get("esco:skill/old").expect("present");
    assert_eq!(new.status, vaardig_core::Status::Current);
    assert_eq!(old.status, vaardig_core::Status::Archived);
    assert_eq!(old.replaced_by.as_deref(), Some("esco:skill/new"));
    let r = &imported.report;
    assert!(
        !r.unused_predicates
            .contains_key("http://purl.org/iso25964/skos-thes#status"),
        "{:?}",
        r.unused_predicates
    );
}

#[test]
fn an_occupation_only_scheme_needs_no_hand_written_mapping() {
    let ttl = r#"
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://e.org/welder> a skos:Concept ; skos:prefLabel "lasser"@nl ;
    skos:broader <https://e.org/metal> .
<https://e.org/metal> a skos:Concept ; skos:prefLabel "metaalberoep"@nl .
"#;
    let import = |mapping: Mapping| {
        vaardig_import::import_rdf_reader(
            ttl.as_bytes(),
            vaardig_import::RdfFormat::Turtle,
            "occupations.ttl",
            &mapping,
            ImportOptions::new().strict(true),
        )
        .expect("strict passes")
        .build()
        .expect("builds")
        .ontology
    };
    // The CompetentNL mapping's fallback makes skills of plain SKOS concepts...
    let skills = import(Mapping::competentnl());
    assert_eq!(skills.count(ConceptKind::Skill), 2);
    assert_eq!(skills.count(ConceptKind::Occupation), 0);
    // ... and occupations when asked, hierarchy included.
    let occupations = import(Mapping::competentnl().with_fallback_kind(ConceptKind::Occupation));
    assert_eq!(occupations.count(ConceptKind::Skill), 0);
    assert_eq!(occupations.count(ConceptKind::Occupation), 2);
    assert_eq!(occupations.relation_count(RelationKind::Broader), 1);
}

#[test]
fn the_schemes_own_label_and_creation_date_fill_the_manifest() {
    let ttl = r#"
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
<https://e.org/scheme> a skos:ConceptScheme ;
    skos:prefLabel "Occupations"@en , "Beroepen"@nl ;
    dcterms:created "2024-03-01T09:30:00Z"^^xsd:dateTime .
<https://e.org/a> a cnlo:HumanCapability ; skos:prefLabel "lassen"@nl .
"#;
    let imported = vaardig_import::import_rdf_reader(
        ttl.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "scheme.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().languages(["nl"]),
    )
    .expect("imports")
    .build()
    .expect("builds");
    let m = imported.ontology.manifest();
    assert_eq!(m.name, "Beroepen");
    assert_eq!(m.release_date, "2024-03-01");
    assert!(imported.report.counts_balance());
    // An impossible creation date is not taken, and the note says why.
    let bad = ttl.replace("2024-03-01T09:30:00Z", "2024-02-31T09:30:00Z");
    let imported = vaardig_import::import_rdf_reader(
        bad.as_bytes(),
        vaardig_import::RdfFormat::Turtle,
        "scheme.ttl",
        &Mapping::competentnl(),
        ImportOptions::new().languages(["nl"]),
    )
    .expect("imports")
    .build()
    .expect("builds");
    assert_eq!(imported.ontology.manifest().release_date, "1970-01-01");
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("February 2024 has 29 days")),
        "{:?}",
        imported.report.notes
    );
}
