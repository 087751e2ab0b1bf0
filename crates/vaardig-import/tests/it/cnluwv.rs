//! CompetentNL as UWV specifies it: the built-in mapping on a fixture written after the SHACL
//! shapes of CNLUWV4CNLO 1.0.0 (§4), one test per shape, and the invariant that every triple is
//! imported or counted by name.

use vaardig_core::{ConceptKind, Importance, RelationKind};
use vaardig_import::{ImportOptions, Imported, Mapping, import_rdf};

use crate::util::{counts, fixture, relation};

const CNLUWV: &str = "https://linkeddata.competentnl.nl/uwv/def/competentnl_uwv#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const LASSER: &str = "cnl:uwv/id/occupation/lasser";
const HC: &str = "cnl:id/human-capability/";
const KA: &str = "cnl:id/knowledge-area/";

fn uwv() -> Imported {
    import_rdf(
        &[fixture("rdf/cnluwv.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new().strict(true),
    )
    .expect("the fixture follows the shapes: a strict import passes")
    .build()
    .expect("builds")
}

fn unused(imported: &Imported, predicate: &str) -> Option<u64> {
    imported.report.unused_predicates.get(predicate).copied()
}

#[test]
fn occupation_requirements_4_5_3_carry_their_importance() {
    let o = uwv().ontology;
    let importance =
        |to: String| relation(&o, LASSER, &to, RelationKind::Requires).and_then(|r| r.importance);
    // requiresCNLHumanCapability_{Essential,Important,SomewhatRelevant}.
    assert_eq!(
        importance(format!("{HC}lassen")),
        Some(Importance::Essential)
    );
    assert_eq!(
        importance(format!("{HC}samenwerken")),
        Some(Importance::Important)
    );
    assert_eq!(
        importance(format!("{HC}plannen")),
        Some(Importance::Optional)
    );
    // requiresCNLKnowledgeArea_{Essential,Important,SomewhatRelevant}.
    assert_eq!(
        importance(format!("{KA}metaaltechniek")),
        Some(Importance::Essential)
    );
    assert_eq!(
        importance(format!("{KA}veiligheid")),
        Some(Importance::Important)
    );
    assert_eq!(
        importance(format!("{KA}wiskunde")),
        Some(Importance::Optional)
    );
}

#[test]
fn the_live_graphs_cnlo_requires_hat_predicates_are_read_too() {
    let o = uwv().ontology;
    let occ = "cnl:uwv/id/occupation/constructiebankwerker";
    let importance =
        |to: String| relation(&o, occ, &to, RelationKind::Requires).and_then(|r| r.importance);
    assert_eq!(
        importance(format!("{HC}lassen")),
        Some(Importance::Essential)
    );
    assert_eq!(
        importance(format!("{KA}metaaltechniek")),
        Some(Importance::Important)
    );
    assert_eq!(
        importance(format!("{HC}samenwerken")),
        Some(Importance::Optional)
    );
}

#[test]
fn a_uwv_occupation_is_one_occupation_with_its_tasks_4_5_2() {
    let o = uwv().ontology;
    // Typed cnluwvo:Occupation and cnlo:Occupation: one occupation, not "typed both".
    assert_eq!(
        o.get(LASSER).map(|c| c.kind()),
        Some(ConceptKind::Occupation)
    );
    for task in ["lassen", "tekeninglezen"] {
        let id = format!("cnl:uwv/id/occupation-task/{task}");
        assert!(
            relation(&o, LASSER, &id, RelationKind::HasTask).is_some(),
            "{id}"
        );
    }
    let lasser = o.get(LASSER).expect("present");
    assert_eq!(
        lasser.labels.definition("nl"),
        Some("Verbindt metalen delen door ze te lassen.")
    );
}

#[test]
fn detailed_labels_4_3_are_labels_and_a_specialization_is_a_synonym_4_5_1_5() {
    let imported = uwv();
    let o = &imported.ontology;
    let lasser = o.get(LASSER).expect("present");
    assert_eq!(lasser.labels.pref("nl"), Some("Lasser"));
    // skosxl:altLabel (current) and cnluwvo:specialization: synonyms; the historical label is
    // not one.
    assert_eq!(lasser.labels.alt("nl"), ["Metaalverbinder", "TIG-lasser"]);
    // A specialization is a job title, not a narrower occupation.
    assert_eq!(o.relation_count(RelationKind::Broader), 0);
    // DetailedLabel and ContentStatus are known classes, not concepts.
    assert!(
        imported.report.unknown_classes.is_empty(),
        "{:?}",
        imported.report.unknown_classes
    );
    assert!(o.get("cnl:uwv/id/detailed-label/tig-lasser").is_none());
}

#[test]
fn content_status_4_2_is_honoured_for_occupations_and_labels() {
    let imported = uwv();
    let (o, r) = (&imported.ontology, &imported.report);
    // Gearchiveerd and Historisch occupations are not imported as live ones: counted.
    assert!(o.get("cnl:uwv/id/occupation/ponsbandtypist").is_none());
    assert!(o.get("cnl:uwv/id/occupation/lantaarnopsteker").is_none());
    assert_eq!(r.concepts_not_current.get("archived occupation"), Some(&1));
    assert_eq!(
        r.concepts_not_current.get("historical occupation"),
        Some(&1)
    );
    // Their relations are skipped with them, not rejected as dangling.
    assert_eq!(r.rejected(), 0);
    assert_eq!(
        unused(
            &imported,
            &format!("{CNLUWV}requiresCNLHumanCapability_Essential")
        ),
        Some(1)
    );
    // A historical label is not a synonym.
    assert_eq!(r.labels_not_current.get("historical"), Some(&1));
    let alts = o.get(LASSER).expect("present").labels.alt("nl").to_vec();
    assert!(!alts.contains(&"Autogeen lasser".to_owned()), "{alts:?}");
    assert_eq!(o.count(ConceptKind::Occupation), 2);
}

#[test]
fn an_educational_norm_without_nlqf_imports_with_its_prescribed_capabilities() {
    let imported = uwv();
    let o = &imported.ontology;
    let norm = "cnl:id/educational-norm/25306";
    let q = o.get(norm).expect("imported without an NLQF level");
    assert_eq!(q.kind(), ConceptKind::Qualification);
    assert_eq!(q.nlqf(), None);
    for to in [
        format!("{HC}lassen"),
        format!("{KA}metaaltechniek"),
        format!("{HC}samenwerken"),
    ] {
        assert!(
            relation(o, norm, &to, RelationKind::Covers).is_some(),
            "{to}"
        );
    }
    // The missing level is a soft warning of the built ontology.
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.concept.as_deref() == Some(norm) && w.message.contains("no NLQF"))
    );
}

#[test]
fn a_knowledge_area_that_is_also_a_human_capability_stays_a_knowledge_area() {
    let o = uwv().ontology;
    assert_eq!(
        o.get(&format!("{KA}metaaltechniek")).map(|c| c.kind()),
        Some(ConceptKind::KnowledgeArea)
    );
}

#[test]
fn matches_notations_and_notes_are_kept_circumstances_counted() {
    use vaardig_core::{CodeSystem, MatchKind, NoteKind};
    let imported = uwv();
    let o = &imported.ontology;
    // §4.5.6-4.5.7: the occupation's matches to O*NET and ESCO taxonomy items, its note.
    let lasser = o.get(LASSER).expect("imported");
    let matches: Vec<(MatchKind, &str)> = lasser
        .matches
        .iter()
        .map(|m| (m.kind, m.uri.as_str()))
        .collect();
    assert_eq!(matches.len(), 2, "{matches:?}");
    assert!(
        matches
            .iter()
            .any(|(k, u)| *k == MatchKind::Exact && u.ends_with("onet-51-4121-00"))
    );
    assert!(
        matches
            .iter()
            .any(|(k, u)| *k == MatchKind::Close && u.ends_with("esco-welder"))
    );
    assert_eq!(lasser.notes.len(), 1);
    assert_eq!(lasser.notes[0].kind, NoteKind::Note);
    assert_eq!(lasser.notes[0].text, "Last constructies volgens tekening.");
    // cnlo's notation and ESCO match of a capability; a knowledge area's ISCED match.
    let lassen = o.get(&format!("{HC}lassen")).expect("imported");
    assert_eq!(lassen.code(CodeSystem::Competentnl), Some("HC.1.2.3"));
    assert_eq!(lassen.matches[0].kind, MatchKind::Close);
    assert_eq!(
        lassen.matches[0].uri,
        "http://data.europa.eu/esco/skill/welding"
    );
    let metaal = o.get(&format!("{KA}metaaltechniek")).expect("imported");
    assert_eq!(metaal.matches[0].kind, MatchKind::Broad);
    // §4.6: a task's scope note.
    let task = o
        .iter()
        .find(|(_, c)| c.labels.pref("nl") == Some("Lassen van constructies"))
        .expect("the task")
        .1;
    assert_eq!(task.notes[0].kind, NoteKind::ScopeNote);
    // Known, not kept, counted: what vaardig has no concept kind or field for.
    for p in [
        format!("{CNLUWV}broadMatchTaxonomyItemKernberoep"),
        format!("{CNLUWV}isCharacterizedByOccupationCircumstance_StronglyRelevant"),
        format!("{CNLUWV}isCharacterizedByOccupationCircumstance_No"),
        format!("{CNLUWV}isRegulatedProfession"),
        format!("{CNLUWV}isNotSuitableForMediation"),
        // The circumstance is no concept: its notation and scope note go with it.
        format!("{SKOS}notation"),
        format!("{SKOS}scopeNote"),
    ] {
        assert_eq!(unused(&imported, &p), Some(1), "{p}");
    }
    for kept in [
        format!("{CNLUWV}exactMatchTaxonomyItemONETBeroep"),
        format!("{CNLUWV}closeMatchTaxonomyItemESCOBeroep"),
        "https://linkeddata.competentnl.nl/def/competentnl#closeMatchESCO".to_owned(),
        format!("{SKOS}broadMatch"),
        format!("{SKOS}note"),
    ] {
        assert_eq!(unused(&imported, &kept), None, "{kept}");
    }
    assert!(imported.report.unknown_predicates.is_empty());
}

#[test]
fn every_triple_is_imported_or_counted_by_name() {
    let imported = uwv();
    let r = &imported.report;
    assert!(r.counts_balance());
    assert_eq!(r.unexplained_skipped(), 0, "{r:#?}");
    let (read, imported_n, skipped, rejected) = counts(r, "cnluwv.ttl");
    // 7 more imported than before the model kept them: two taxonomy-item matches, an ESCO and
    // an ISCED match, a note, a scope note and a notation.
    assert_eq!((read, imported_n, skipped, rejected), (103, 68, 35, 0));
    assert_eq!(r.unused_predicates.values().sum::<u64>(), skipped);
}

#[test]
fn not_current_occupations_can_be_kept_with_their_status() {
    use vaardig_core::Status;
    let imported = import_rdf(
        &[fixture("rdf/cnluwv.ttl")],
        &Mapping::competentnl(),
        ImportOptions::new().strict(true).keep_not_current(true),
    )
    .expect("strict passes")
    .build()
    .expect("builds");
    let o = &imported.ontology;
    let archived = "cnl:uwv/id/occupation/ponsbandtypist";
    let historical = "cnl:uwv/id/occupation/lantaarnopsteker";
    assert_eq!(o.get(archived).map(|c| c.status), Some(Status::Archived));
    assert_eq!(
        o.get(historical).map(|c| c.status),
        Some(Status::Historical)
    );
    // Their relations come with them.
    assert!(relation(o, archived, &format!("{HC}plannen"), RelationKind::Requires).is_some());
    assert_eq!(
        imported
            .report
            .concepts_not_current
            .get("archived occupation (kept)"),
        Some(&1)
    );
    // The default leaves them out.
    assert!(uwv().ontology.get(archived).is_none());
}
