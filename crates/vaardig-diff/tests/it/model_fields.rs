//! `diff` reports changed status, codes, notes, matches, source weights and related-occupation
//! ranks.

use vaardig_core::{
    Code, CodeSystem, Concept, ConceptData, Importance, Labels, Manifest, Match, MatchKind,
    Ontology, OntologyBuilder, Rating, Relation, Scale, SkillType, Status, Tier,
};
use vaardig_diff::diff;

/// One version: `archived` decides the occupation's status, `im` its requirement's IM weight,
/// `rank` the related occupation's rank.
fn version(archived: bool, im: f64, rank: u16, onet: &str, close: bool) -> Ontology {
    let mut b = OntologyBuilder::new(Manifest::new("v", "1", &["en"]));
    let mut dev = Concept::new(
        "occ:dev",
        Labels::with_pref([("en", "developer")]),
        ConceptData::occupation(None),
    );
    dev.codes = vec![Code::new(CodeSystem::OnetSoc, onet)];
    dev.matches = vec![Match::new(
        if close {
            MatchKind::Close
        } else {
            MatchKind::Exact
        },
        "http://data.europa.eu/esco/occupation/x",
    )];
    if archived {
        dev.status = Status::Archived;
    }
    b.add_concept(dev);
    b.add_concept(Concept::new(
        "occ:web",
        Labels::with_pref([("en", "web developer")]),
        ConceptData::occupation(None),
    ));
    b.add_concept(Concept::new(
        "skill:prog",
        Labels::with_pref([("en", "programming")]),
        ConceptData::Skill {
            skill_type: SkillType::Skill,
        },
    ));
    b.add_relation(
        "occ:dev",
        "skill:prog",
        Relation::requires(Importance::Essential, None).rated(Rating::new(Scale::OnetIm, im), None),
    );
    b.add_relation(
        "occ:dev",
        "occ:web",
        Relation::related_occupation(Some(Tier::PrimaryShort), Some(rank)),
    );
    b.build().expect("valid").ontology
}

#[test]
fn changed_status_codes_matches_weights_and_ranks_are_reported() {
    let old = version(false, 4.25, 1, "15-1252.00", false);
    let new = version(true, 4.5, 3, "15-1253.00", true);
    let d = diff(&old, &new);
    let field = |name: &str| {
        d.attributes
            .iter()
            .find(|c| c.field == name)
            .map(|c| (c.old.clone(), c.new.clone()))
    };
    assert_eq!(field("status"), Some((None, Some("archived".to_owned()))));
    assert_eq!(
        field("codes"),
        Some((
            Some("onet_soc 15-1252.00".to_owned()),
            Some("onet_soc 15-1253.00".to_owned())
        ))
    );
    assert!(
        field("matches").is_some_and(|(o, n)| o.is_some_and(|o| o.starts_with("exact"))
            && n.is_some_and(|n| n.starts_with("close")))
    );
    assert_eq!(d.reweighted.len(), 2, "{:#?}", d.reweighted);
    let weight = d
        .reweighted
        .iter()
        .find(|r| r.new_to == "skill:prog")
        .expect("the requirement");
    assert_eq!(weight.old_weight.map(|w| w.value()), Some(4.25));
    assert_eq!(weight.new_weight.map(|w| w.value()), Some(4.5));
    assert_eq!(
        weight.describe(),
        (
            "essential, 4.25 onet_im".to_owned(),
            "essential, 4.5 onet_im".to_owned()
        )
    );
    let rank = d
        .reweighted
        .iter()
        .find(|r| r.new_to == "occ:web")
        .expect("the related occupation");
    assert_eq!((rank.old_rank, rank.new_rank), (Some(1), Some(3)));
    // Nothing changed: nothing reported.
    let same = diff(&old, &version(false, 4.25, 1, "15-1252.00", false));
    assert!(same.attributes.is_empty() && same.reweighted.is_empty());
}
