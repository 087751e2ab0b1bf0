//! The default ontology shipped in `ontology/`: it loads without errors, meets the sizes the
//! project promises, round-trips, and matches the files on disk.

use vaardig_core::io::{load, to_tables};
use vaardig_core::{ConceptKind, DiagnosticKind, Importance, Ontology, RelationKind, Stats};

fn embedded() -> Ontology {
    match Ontology::embedded() {
        Ok(o) => o,
        Err(e) => panic!(
            "the embedded ontology must load: {:#?}",
            e.errors().take(20).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn embedded_ontology_has_the_promised_size() {
    let o = embedded();
    let s = Stats::of(&o);
    assert!(s.occupations >= 80, "{} occupations", s.occupations);
    assert!(s.skills + s.knowledge_areas >= 400, "{} skills", s.skills);
    assert!(
        s.qualifications >= 30,
        "{} qualifications",
        s.qualifications
    );
    assert!(s.learning_offers >= 150, "{} offers", s.learning_offers);
    assert!(s.hierarchy_depth >= 3, "depth {}", s.hierarchy_depth);
    assert_eq!(s.pref_label_completeness.get("nl"), Some(&1.0));
    assert_eq!(s.pref_label_completeness.get("en"), Some(&1.0));
    // Synonyms on most concepts.
    assert!(
        s.alt_label_coverage["nl"] > 0.5,
        "{:?}",
        s.alt_label_coverage
    );
}

#[test]
fn every_occupation_requires_eight_to_twenty_five_skills_with_essentials() {
    let o = embedded();
    for (ix, occ) in o.concepts(ConceptKind::Occupation) {
        let reqs: Vec<_> = o.outgoing(ix, RelationKind::Requires).collect();
        assert!(
            (8..=25).contains(&reqs.len()),
            "{} requires {} skills",
            occ.id,
            reqs.len()
        );
        let essential = reqs
            .iter()
            .filter(|(_, r)| r.importance == Some(Importance::Essential))
            .count();
        assert!(essential >= 1, "{} has no essential skill", occ.id);
    }
}

#[test]
fn embedded_ontology_has_shrinking_and_shortage_occupations() {
    let o = embedded();
    let shortage_sectors: Vec<_> = o
        .concepts(ConceptKind::Sector)
        .filter(|(_, c)| c.shortage() == Some(true))
        .map(|(ix, _)| ix)
        .collect();
    let in_shortage = o
        .indices(ConceptKind::Occupation)
        .iter()
        .filter(|&&ix| {
            o.outgoing(ix, RelationKind::InSector)
                .any(|(s, _)| shortage_sectors.contains(&s))
        })
        .count();
    assert!(
        in_shortage >= 30,
        "{in_shortage} occupations in shortage sectors"
    );
    for id in [
        "occ:kassamedewerker",
        "occ:administratief-medewerker",
        "occ:productiemedewerker",
        "occ:verpleegkundige",
    ] {
        assert!(o.get(id).is_some(), "{id} missing");
    }
}

#[test]
fn offers_stack_into_qualifications() {
    let o = embedded();
    assert!(o.relation_count(RelationKind::PartOf) >= 30);
    assert!(o.relation_count(RelationKind::Teaches) >= 300);
    assert!(o.relation_count(RelationKind::Covers) >= 30 * 8);
}

#[test]
fn embedded_ontology_has_no_unexpected_warnings() {
    let built = Ontology::embedded_with_warnings().expect("loads");
    let bad: Vec<_> = built
        .warnings
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                DiagnosticKind::MissingLabel
                    | DiagnosticKind::NoEssentialSkills
                    | DiagnosticKind::OfferTeachesNothing
            )
        })
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn embedded_ontology_round_trips_through_the_native_format() {
    let o = embedded();
    let tables: Vec<(String, Vec<u8>)> = to_tables(&o)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    let again = load(&tables).expect("written output loads").ontology;
    assert!(again == o);
}

#[test]
fn embedded_tables_equal_the_files_on_disk() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ontology");
    let from_disk = vaardig_core::load_dir(&dir)
        .expect("ontology/ loads")
        .ontology;
    assert!(from_disk == embedded());
}
