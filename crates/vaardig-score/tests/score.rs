//! Integration tests of vaardig-score: hand-checked cases on a small built ontology, property
//! tests on generated ones, and properties of the example profiles on the embedded ontology.

use std::sync::LazyLock;

use proptest::prelude::*;
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{
    Concept, ConceptData, Importance, Labels, Level, Manifest, Nlqf, OfferType, Ontology,
    OntologyBuilder, ProviderType, Relation, RelationKind, SkillType,
};
use vaardig_score::{
    Evidence, Lang, LearningRights, MatchKind, Optimality, Optimise, Profile, ProfileSkill,
    PublicScheme, RouteOptions, Scheme, Scorer, TransitionOptions,
};

// ---------------------------------------------------------------------------------------------
// A small hand-built ontology.

fn labels(nl: &str, en: &str) -> Labels {
    Labels::with_pref([("nl", nl), ("en", en)])
}

fn offer(hours: f64, cost: f64, nlqf: Option<u8>) -> ConceptData {
    ConceptData::LearningOffer {
        offer_type: OfferType::Course,
        provider: "ROC".into(),
        provider_type: ProviderType::Public,
        hours,
        cost_eur: cost,
        nlqf: nlqf.and_then(Nlqf::new),
    }
}

/// Skills: afrekenen ⊃ kassa_bedienen; ka:zorg ⊃ {wondzorg ⊃ wondzorg_decubitus, hygiene};
/// communiceren, klantcontact, voorraadbeheer, medicatie, empathie.
fn tiny() -> Ontology {
    let mut b = OntologyBuilder::new(Manifest::new("tiny", "1", &["nl", "en"]));
    let skill = ConceptData::Skill {
        skill_type: SkillType::Skill,
    };
    for (id, nl, en) in [
        ("skill:afrekenen", "afrekenen", "handling payments"),
        ("skill:kassa_bedienen", "kassa bedienen", "operating a till"),
        ("skill:klantcontact", "klantcontact", "customer contact"),
        ("skill:communiceren", "communiceren", "communicating"),
        ("skill:voorraadbeheer", "voorraadbeheer", "stock control"),
        ("skill:wondzorg", "wondzorg", "wound care"),
        (
            "skill:wondzorg_decubitus",
            "decubituszorg",
            "pressure ulcer care",
        ),
        ("skill:hygiene", "hygiëne", "hygiene"),
        (
            "skill:medicatie",
            "medicatie toedienen",
            "administering medication",
        ),
        ("skill:empathie", "empathie", "empathy"),
    ] {
        b.add_concept(Concept::new(id, labels(nl, en), skill.clone()));
    }
    b.add_concept(Concept::new(
        "ka:zorg",
        labels("zorg", "care"),
        ConceptData::KnowledgeArea,
    ));
    for (from, to) in [
        ("skill:kassa_bedienen", "skill:afrekenen"),
        ("skill:wondzorg_decubitus", "skill:wondzorg"),
        ("skill:wondzorg", "ka:zorg"),
        ("skill:hygiene", "ka:zorg"),
    ] {
        b.add_relation(from, to, Relation::plain(RelationKind::Broader));
    }
    b.add_concept(Concept::new(
        "sector:zorg",
        labels("zorg", "care"),
        ConceptData::Sector { shortage: true },
    ));
    b.add_concept(Concept::new(
        "sector:retail",
        labels("detailhandel", "retail"),
        ConceptData::Sector { shortage: false },
    ));
    let occ = ConceptData::occupation(None);
    for (id, nl, en) in [
        ("occ:kassamedewerker", "kassamedewerker", "cashier"),
        ("occ:verkoper", "verkoopmedewerker", "sales assistant"),
        ("occ:verzorgende", "verzorgende", "care worker"),
    ] {
        b.add_concept(Concept::new(id, labels(nl, en), occ.clone()));
    }
    let req = |imp, level: Option<u8>| Relation::requires(imp, level.and_then(Level::new));
    use Importance::{Essential as E, Important as I, Optional as O};
    for (o, s, r) in [
        ("occ:kassamedewerker", "skill:afrekenen", req(E, Some(3))),
        ("occ:kassamedewerker", "skill:klantcontact", req(E, None)),
        ("occ:kassamedewerker", "skill:communiceren", req(I, None)),
        ("occ:verkoper", "skill:klantcontact", req(E, None)),
        ("occ:verkoper", "skill:voorraadbeheer", req(E, None)),
        ("occ:verkoper", "skill:afrekenen", req(I, None)),
        ("occ:verzorgende", "skill:wondzorg", req(E, Some(3))),
        ("occ:verzorgende", "skill:hygiene", req(E, None)),
        ("occ:verzorgende", "skill:medicatie", req(E, None)),
        ("occ:verzorgende", "skill:empathie", req(E, None)),
        ("occ:verzorgende", "skill:communiceren", req(O, None)),
    ] {
        b.add_relation(o, s, r);
    }
    for (o, s) in [
        ("occ:kassamedewerker", "sector:retail"),
        ("occ:verkoper", "sector:retail"),
        ("occ:verzorgende", "sector:zorg"),
    ] {
        b.add_relation(o, s, Relation::plain(RelationKind::InSector));
    }
    b.add_concept(Concept::new(
        "qual:helpende",
        labels("helpende zorg en welzijn", "care assistant"),
        ConceptData::Qualification {
            qualification_type: vaardig_core::QualificationType::MboDiploma,
            code_system: vaardig_core::CodeSystem::Crebo,
            code: "25498".into(),
            nlqf: Some(Nlqf::MIN),
        },
    ));
    for (id, nl, data) in [
        ("offer:wond", "wondzorg basis", offer(40.0, 300.0, Some(2))),
        (
            "offer:hyg",
            "hygiëne in de zorg",
            offer(20.0, 150.0, Some(2)),
        ),
        ("offer:zorgbasis", "zorg basis", offer(55.0, 600.0, Some(3))),
        ("offer:medicatie", "medicatie", offer(30.0, 400.0, Some(5))),
        (
            "offer:voorraad",
            "voorraadbeheer",
            offer(16.0, 200.0, Some(2)),
        ),
        ("offer:comm", "communicatie", offer(8.0, 80.0, None)),
    ] {
        b.add_concept(Concept::new(id, labels(nl, nl), data));
    }
    let teach = Relation::with_level(RelationKind::Teaches, None);
    for (o, s) in [
        ("offer:wond", "skill:wondzorg"),
        ("offer:hyg", "skill:hygiene"),
        ("offer:zorgbasis", "skill:wondzorg"),
        ("offer:zorgbasis", "skill:hygiene"),
        ("offer:medicatie", "skill:medicatie"),
        ("offer:voorraad", "skill:voorraadbeheer"),
        ("offer:comm", "skill:communiceren"),
    ] {
        b.add_relation(o, s, teach);
    }
    b.add_relation(
        "offer:voorraad",
        "skill:communiceren",
        Relation::with_level(RelationKind::Prerequisite, None),
    );
    for o in ["offer:wond", "offer:hyg"] {
        b.add_relation(o, "qual:helpende", Relation::plain(RelationKind::PartOf));
    }
    b.add_relation(
        "qual:helpende",
        "skill:wondzorg",
        Relation::with_level(RelationKind::Covers, None),
    );
    b.build().expect("the tiny ontology is valid").ontology
}

static TINY: LazyLock<Scorer> = LazyLock::new(|| Scorer::with_defaults(&tiny()));

fn skill(id: &str, evidence: Evidence, level: Option<u8>) -> ProfileSkill {
    ProfileSkill {
        id: id.into(),
        level: level.and_then(Level::new),
        evidence,
        validated: false,
    }
}

fn person(skills: Vec<ProfileSkill>) -> Profile {
    Profile {
        skills,
        age: Some(40),
        nlqf: Nlqf::new(2),
        ..Profile::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// ---------------------------------------------------------------------------------------------
// Gap.

#[test]
fn gap_weights_importance_and_evidence() {
    let p = person(vec![
        skill("skill:afrekenen", Evidence::Diploma, Some(3)),
        skill("skill:klantcontact", Evidence::WorkExperience, None),
        skill("skill:communiceren", Evidence::SelfDeclared, None),
    ]);
    let g = TINY.gap(&p, "occ:kassamedewerker").expect("gap");
    // (1.0 × 1.0 + 1.0 × 0.8 + 0.6 × 0.5) / (1 + 1 + 0.6)
    assert!(close(g.score, 2.1 / 2.6), "score {}", g.score);
    assert_eq!(g.matched.len(), 3);
    assert!(g.missing.is_empty() && g.partial.is_empty());
    let sum: f64 = g.matched.iter().map(|m| m.contribution).sum();
    assert!(close(sum, g.score));
    assert_eq!(g.essential_coverage, 1.0);
}

#[test]
fn gap_gives_partial_credit_through_the_hierarchy() {
    // Narrower held skill at the asked level: kassa bedienen under afrekenen implies it.
    let p = person(vec![skill(
        "skill:kassa_bedienen",
        Evidence::Diploma,
        Some(3),
    )]);
    let g = TINY.gap(&p, "occ:kassamedewerker").expect("gap");
    assert!(g.partial.iter().all(|m| &*m.skill.id != "skill:afrekenen"));
    let m = g
        .matched
        .iter()
        .find(|m| &*m.skill.id == "skill:afrekenen")
        .expect("afrekenen is implied by kassa bedienen");
    assert!(close(m.credit, 1.0));
    let via = m.via.as_ref().expect("via");
    assert_eq!(via.relation, MatchKind::Narrower { distance: 1 });
    assert_eq!(&*via.skill.id, "skill:kassa_bedienen");

    // Broader held skill (ka:zorg above wondzorg), and a sibling (wondzorg → hygiëne).
    let p = person(vec![
        skill("ka:zorg", Evidence::Diploma, None),
        skill("skill:wondzorg_decubitus", Evidence::Diploma, None),
    ]);
    let g = TINY.gap(&p, "occ:verzorgende").expect("gap");
    let credit = |id: &str| {
        g.partial
            .iter()
            .chain(&g.matched)
            .find(|m| &*m.skill.id == id)
            .map(|m| (m.credit, m.via.as_ref().map(|v| v.relation)))
    };
    // wondzorg: narrower (decubitus, implied: 1) beats broader (ka:zorg, 0.5).
    assert_eq!(
        credit("skill:wondzorg").map(|c| c.1),
        Some(Some(MatchKind::Narrower { distance: 1 }))
    );
    // hygiëne: broader ka:zorg gives 0.5, beating nothing else.
    let (c, rel) = credit("skill:hygiene").expect("hygiene partly held");
    assert!(close(c, 0.5));
    assert_eq!(rel, Some(MatchKind::Broader { distance: 1 }));

    // Sibling only.
    let p = person(vec![skill("skill:wondzorg", Evidence::Diploma, None)]);
    let g = TINY.gap(&p, "occ:verzorgende").expect("gap");
    let h = g
        .partial
        .iter()
        .find(|m| &*m.skill.id == "skill:hygiene")
        .expect("sibling credit");
    assert!(close(h.credit, 0.3));
    assert_eq!(h.via.as_ref().map(|v| v.relation), Some(MatchKind::Sibling));
}

#[test]
fn gap_penalises_level_shortfall() {
    let p = person(vec![skill("skill:afrekenen", Evidence::Diploma, Some(1))]);
    let g = TINY.gap(&p, "occ:kassamedewerker").expect("gap");
    let m = g
        .partial
        .iter()
        .find(|m| &*m.skill.id == "skill:afrekenen")
        .expect("level shortfall is partial");
    assert!(close(m.credit, 0.6));
    assert!(close(m.via.as_ref().map_or(0.0, |v| v.level_factor), 0.6));
}

#[test]
fn missing_essential_skills_come_first() {
    let p = person(vec![]);
    let g = TINY.gap(&p, "occ:verzorgende").expect("gap");
    assert_eq!(g.score, 0.0);
    let imps: Vec<Importance> = g.missing.iter().map(|m| m.importance).collect();
    assert_eq!(imps.last(), Some(&Importance::Optional));
    assert!(imps[..4].iter().all(|i| *i == Importance::Essential));
    // Within one importance, by id.
    let ids: Vec<&str> = g.missing[..4].iter().map(|m| &*m.skill.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
}

#[test]
fn gap_explains_in_both_languages() {
    let p = person(vec![skill(
        "skill:wondzorg_decubitus",
        Evidence::Diploma,
        None,
    )]);
    let g = TINY.gap(&p, "occ:verzorgende").expect("gap");
    let nl = g.explain(Lang::Nl);
    let en = g.explain(Lang::En);
    assert!(
        nl.contains("verzorgende") && nl.contains("medicatie toedienen"),
        "{nl}"
    );
    assert!(nl.contains("wondzorg (via decubituszorg)"), "{nl}");
    assert!(
        en.contains("care worker") && en.contains("administering medication"),
        "{en}"
    );
    assert!(en.contains("Missing (essential)"), "{en}");
}

#[test]
fn unknown_ids_are_errors_that_say_where() {
    let p = person(vec![skill("skill:bestaat_niet", Evidence::Diploma, None)]);
    let e = TINY.gap(&p, "occ:verkoper").expect_err("unknown skill");
    assert!(e.to_string().contains("skills[0].id"), "{e}");
    let e = TINY
        .gap(&person(vec![]), "skill:afrekenen")
        .expect_err("not an occupation");
    assert!(e.to_string().contains("not an occupation"), "{e}");
}

#[test]
fn a_clone_shares_everything_and_answers_the_same() {
    fn send_sync_clone<T: Send + Sync + Clone>() {}
    send_sync_clone::<Scorer>();
    let scorer = Scorer::with_defaults(&tiny());
    let clone = scorer.clone();
    // One allocation behind both: the structures are not copied.
    assert!(std::ptr::eq(scorer.ontology(), clone.ontology()));
    assert!(std::ptr::eq(scorer.config(), clone.config()));
    let mut p = person(vec![
        skill("skill:afrekenen", Evidence::WorkExperience, Some(3)),
        skill("skill:communiceren", Evidence::WorkExperience, None),
    ]);
    p.current_occupation = Some("occ:kassamedewerker".into());
    let options = TransitionOptions::default();
    let here = scorer.transitions(&p, &options).expect("transitions");
    let there = std::thread::spawn(move || clone.transitions(&p, &options))
        .join()
        .expect("no panic")
        .expect("transitions");
    assert!(!here.items.is_empty());
    assert_eq!(here, there);
}

// ---------------------------------------------------------------------------------------------
// Transitions.

#[test]
fn transitions_rank_the_nearest_occupation_first() {
    let mut p = person(vec![
        skill("skill:afrekenen", Evidence::WorkExperience, Some(3)),
        skill("skill:klantcontact", Evidence::WorkExperience, None),
    ]);
    p.current_occupation = Some("occ:kassamedewerker".into());
    let t = TINY
        .transitions(&p, &TransitionOptions::default())
        .expect("transitions");
    // The current occupation is left out, and care shares nothing with this person.
    assert_eq!(t.considered, 1);
    assert_eq!(t.items[0].occupation, "occ:verkoper");
    let first = &t.items[0];
    // Missing voorraadbeheer; the hours are what `route` proposes for it.
    let route = TINY
        .route(&p, "occ:verkoper", &RouteOptions::default())
        .expect("route");
    assert!(
        route.offers.iter().any(|o| o == "offer:voorraad"),
        "{route:?}"
    );
    assert_eq!(first.gap_hours, route.total_hours);
    assert_eq!(
        first.missing.iter().map(|n| &*n.id).collect::<Vec<_>>(),
        ["skill:voorraadbeheer"]
    );
    let g = TINY.gap(&p, "occ:verkoper").expect("gap");
    assert!(close(first.coverage, g.score));
    assert!(first.relatedness.score > 0.0 && first.relatedness.score <= 1.0);
    assert!(close(
        first.score,
        first.relatedness.score * (0.8 + 0.2 * first.reachability.score)
    ));

    // With a skill care asks for, care is listed too; its hours are the route's hours plus
    // 40 h for the untaught skill (empathie), the same estimate `route` gives.
    p.skills
        .push(skill("skill:communiceren", Evidence::WorkExperience, None));
    let t = TINY
        .transitions(&p, &TransitionOptions::default())
        .expect("transitions");
    assert_eq!(t.considered, 2);
    let care = t
        .items
        .iter()
        .find(|i| i.occupation == "occ:verzorgende")
        .expect("care is related");
    let route = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    assert_eq!(care.gap_hours, route.total_hours + 40.0);
    assert_eq!(care.cost_eur, route.total_cost_eur);
    assert_eq!(care.untaught.len(), 1);
    assert!(care.shortage);
    assert!(care.reachability.shortage_bonus > 0.0);
    assert!(t.items.iter().all(|i| (0.0..=1.0).contains(&i.score)));
    assert!(t.explain(Lang::Nl).contains("1. verkoopmedewerker"));
}

#[test]
fn transitions_filter_and_limit() {
    let p = person(vec![
        skill("skill:klantcontact", Evidence::Diploma, None),
        skill("skill:communiceren", Evidence::Diploma, None),
    ]);
    let shortage = TransitionOptions {
        shortage_only: true,
        ..Default::default()
    };
    let t = TINY.transitions(&p, &shortage).expect("ok");
    assert!(t.items.iter().all(|i| i.shortage) && t.items.len() == 1);
    let retail = TransitionOptions {
        sector: Some("sector:retail".into()),
        limit: Some(1),
        ..Default::default()
    };
    let t = TINY.transitions(&p, &retail).expect("ok");
    assert_eq!((t.considered, t.items.len()), (2, 1));
    let quick = TransitionOptions {
        max_gap_hours: Some(20.0),
        ..Default::default()
    };
    let t = TINY.transitions(&p, &quick).expect("ok");
    assert!(t.items.iter().all(|i| i.gap_hours <= 20.0));
    assert!(!t.items.is_empty());
    let bad = TransitionOptions {
        sector: Some("occ:verkoper".into()),
        ..Default::default()
    };
    assert!(TINY.transitions(&p, &bad).is_err());
}

#[test]
fn transitions_from_an_occupation_and_similarity() {
    let t = TINY
        .transitions_from("occ:kassamedewerker", &TransitionOptions::default())
        .expect("ok");
    assert_eq!(t.from.as_ref().map(|f| &*f.id), Some("occ:kassamedewerker"));
    assert_eq!(t.items[0].occupation, "occ:verkoper");
    let sim = TINY.similarity();
    assert_eq!(sim.dim(), (3, 3));
    for a in 0..3 {
        assert!((sim[[a, a]] - 1.0).abs() < 1e-6);
        for b in 0..3 {
            assert_eq!(sim[[a, b]], sim[[b, a]]);
        }
    }
    let similar = TINY
        .similar_occupations("occ:kassamedewerker", 5)
        .expect("ok");
    assert_eq!(&*similar[0].occupation.id, "occ:verkoper");
    // cashier (afrekenen 1, klantcontact 1, communiceren .6) · sales (klantcontact 1, voorraad 1,
    // afrekenen .6) = 1.6; both norms √2.36.
    assert!((similar[0].similarity - 1.6 / 2.36).abs() < 1e-6);
}

// ---------------------------------------------------------------------------------------------
// Routes.

fn care_profile() -> Profile {
    person(vec![skill("skill:empathie", Evidence::Diploma, None)])
}

#[test]
fn route_minimises_hours_or_cost_exactly() {
    let p = care_profile();
    let hours = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    // Hours: zorgbasis (55 h) beats wond + hyg (60 h); medicatie is the only teacher.
    assert_eq!(hours.offers, ["offer:medicatie", "offer:zorgbasis"]);
    assert_eq!(hours.total_hours, 85.0);
    assert_eq!(hours.optimality, Optimality::Exact);
    assert!(hours.uncovered.is_empty() && hours.not_fitted.is_empty());
    assert_eq!(hours.exempt.len(), 1);
    let cost = TINY
        .route(
            &p,
            "occ:verzorgende",
            &RouteOptions {
                optimise: Optimise::Cost,
                ..Default::default()
            },
        )
        .expect("route");
    // Cost: wond + hyg (EUR 450) beats zorgbasis (EUR 600).
    assert_eq!(cost.offers, ["offer:hyg", "offer:medicatie", "offer:wond"]);
    assert_eq!(cost.total_cost_eur, 850.0);
    // Plain words, not jargon, and amounts as each language writes them.
    let nl = hours.explain(Lang::Nl);
    assert!(
        nl.contains("Dit is zeker de kortste route met dit aanbod."),
        "{nl}"
    );
    assert!(!nl.contains("Bewezen minimaal"), "{nl}");
    assert!(
        cost.explain(Lang::Nl).contains("€ 850"),
        "{}",
        cost.explain(Lang::Nl)
    );
    assert!(
        cost.explain(Lang::En)
            .contains("certainly the cheapest route")
    );
}

#[test]
fn route_reports_skills_no_offer_teaches() {
    let p = person(vec![]);
    let r = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    assert_eq!(
        r.uncovered.iter().map(|n| &*n.id).collect::<Vec<_>>(),
        ["skill:empathie"]
    );
    assert!(r.explain(Lang::Nl).contains("Geen aanbod voor: empathie"));
    assert!(r.explain(Lang::En).contains("No offer teaches: empathy"));
}

#[test]
fn route_puts_prerequisites_first() {
    let p = person(vec![skill("skill:klantcontact", Evidence::Diploma, None)]);
    let r = TINY
        .route(&p, "occ:verkoper", &RouteOptions::default())
        .expect("route");
    assert_eq!(r.offers, ["offer:comm", "offer:voorraad"]);
    assert_eq!(r.steps[0].prerequisite_for, ["offer:voorraad"]);
    // Holding the prerequisite drops it.
    let p = person(vec![
        skill("skill:klantcontact", Evidence::Diploma, None),
        skill("skill:communiceren", Evidence::WorkExperience, None),
    ]);
    let r = TINY
        .route(&p, "occ:verkoper", &RouteOptions::default())
        .expect("route");
    assert_eq!(r.offers, ["offer:voorraad"]);
}

#[test]
fn validated_skills_exempt_and_self_declared_do_not() {
    let mut p = care_profile();
    p.skills.push(ProfileSkill {
        validated: true,
        ..skill("skill:wondzorg", Evidence::SelfDeclared, Some(3))
    });
    let r = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    assert!(r.exempt.iter().any(|e| &*e.skill.id == "skill:wondzorg"));
    assert_eq!(r.offers, ["offer:hyg", "offer:medicatie"]);
    p.skills.last_mut().expect("pushed").validated = false;
    let r = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    assert!(r.targets.iter().any(|t| &*t.id == "skill:wondzorg"));
}

#[test]
fn a_level_shortfall_is_a_route_target_even_with_formal_evidence() {
    // Diploma at level 2 where 3 is required: credit 0.8 (above 0.75) but still to study.
    let p = person(vec![
        skill("skill:afrekenen", Evidence::Diploma, Some(2)),
        skill("skill:klantcontact", Evidence::Diploma, None),
    ]);
    let r = TINY
        .route(&p, "occ:kassamedewerker", &RouteOptions::default())
        .expect("route");
    assert_eq!(
        r.targets.iter().map(|t| &*t.id).collect::<Vec<_>>(),
        ["skill:afrekenen"]
    );
    assert_eq!(r.uncovered, r.targets, "no offer teaches afrekenen");
    assert_eq!(r.exempt.len(), 1);
}

#[test]
fn route_prefers_offers_stacking_towards_a_qualification() {
    let mut p = care_profile();
    p.stacking = vec!["qual:helpende".into()];
    let r = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    // 0.85 × (40 + 20) = 51 < 55: the stacking pair wins and completes the qualification.
    assert_eq!(r.offers, ["offer:hyg", "offer:medicatie", "offer:wond"]);
    assert_eq!(r.total_hours, 90.0);
    assert_eq!(
        r.completes.iter().map(|q| &*q.id).collect::<Vec<_>>(),
        ["qual:helpende"]
    );
    assert!(
        r.explain(Lang::Nl)
            .contains("Rondt af: helpende zorg en welzijn")
    );
}

#[test]
fn route_within_learning_rights_says_what_did_not_fit() {
    // Age 27 at NLQF 6: one week, EUR 300.
    let p = Profile {
        age: Some(27),
        nlqf: Nlqf::new(6),
        ..care_profile()
    };
    let scheme = Scheme::Leerrechten(LearningRights::default());
    let r = TINY
        .route(
            &p,
            "occ:verzorgende",
            &RouteOptions {
                optimise: Optimise::Cost,
                scheme: Some(scheme.as_dyn()),
                ..Default::default()
            },
        )
        .expect("route");
    assert!(r.total_cost_eur <= 300.0 && r.within_budget);
    // Most coverage within EUR 300: one skill; the cheapest one that does it is hyg (EUR 150).
    assert_eq!(r.offers, ["offer:hyg"]);
    assert_eq!(r.not_fitted.len(), 2);
    assert_eq!(r.budget.as_ref().and_then(|b| b.available_eur), Some(300.0));
    assert!(r.explain(Lang::En).contains("Does not fit the scheme"));

    // Without an age the learning-rights budget is unknown.
    let p = Profile { age: None, ..p };
    assert!(
        TINY.route(
            &p,
            "occ:verzorgende",
            &RouteOptions {
                scheme: Some(scheme.as_dyn()),
                ..Default::default()
            }
        )
        .is_err()
    );
}

#[test]
fn public_scheme_and_max_nlqf_exclude_high_level_offers() {
    let p = care_profile();
    let public = PublicScheme::default();
    let r = TINY
        .route(
            &p,
            "occ:verzorgende",
            &RouteOptions {
                scheme: Some(&public),
                ..Default::default()
            },
        )
        .expect("route");
    assert!(!r.offers.contains(&"offer:medicatie".to_owned()));
    assert_eq!(
        r.not_fitted.iter().map(|n| &*n.id).collect::<Vec<_>>(),
        ["skill:medicatie"]
    );
    let r = TINY
        .route(
            &p,
            "occ:verzorgende",
            &RouteOptions {
                max_nlqf: Nlqf::new(4),
                ..Default::default()
            },
        )
        .expect("route");
    assert_eq!(
        r.uncovered.iter().map(|n| &*n.id).collect::<Vec<_>>(),
        ["skill:medicatie"]
    );
}

#[test]
fn completed_offers_are_not_proposed_again() {
    let mut p = care_profile();
    p.completed_offers = vec!["offer:zorgbasis".into()];
    let r = TINY
        .route(&p, "occ:verzorgende", &RouteOptions::default())
        .expect("route");
    assert!(!r.offers.contains(&"offer:zorgbasis".to_owned()));
    let courses = TINY
        .courses(&p, "occ:verzorgende", Optimise::Hours, None)
        .expect("courses");
    assert!(courses.iter().all(|c| &*c.offer.id != "offer:zorgbasis"));
    // hyg closes one essential skill in 20 h: the best gain per hour.
    assert_eq!(&*courses[0].offer.id, "offer:hyg");
}

// ---------------------------------------------------------------------------------------------
// Properties on a generated ontology.

static SMALL: LazyLock<Scorer> = LazyLock::new(|| {
    let o = generate(&GeneratorConfig::small())
        .expect("generated ontologies are valid")
        .ontology;
    Scorer::with_defaults(&o)
});

fn evidence() -> impl Strategy<Value = Evidence> {
    prop_oneof![
        Just(Evidence::Diploma),
        Just(Evidence::MboCertificate),
        Just(Evidence::Microcredential),
        Just(Evidence::WorkExperience),
        Just(Evidence::SelfDeclared),
    ]
}

fn arb_skill() -> impl Strategy<Value = ProfileSkill> {
    (
        0u32..500,
        prop::option::of(1u8..=5),
        evidence(),
        any::<bool>(),
    )
        .prop_map(|(s, level, evidence, validated)| ProfileSkill {
            id: format!("skill:s{s:06}"),
            level: level.and_then(Level::new),
            evidence,
            validated,
        })
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        prop::collection::vec(arb_skill(), 0..25),
        18u8..70,
        prop::option::of(1u8..=7),
        0u32..3000,
    )
        .prop_map(|(skills, age, nlqf, used)| Profile {
            skills,
            age: Some(age),
            nlqf: nlqf.and_then(Nlqf::new),
            used_eur: f64::from(used),
            ..Profile::default()
        })
}

fn occ_id(o: u32) -> String {
    format!("occ:o{o:05}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn scores_stay_in_unit_range(p in arb_profile(), o in 0u32..100) {
        let g = SMALL.gap(&p, &occ_id(o)).expect("gap");
        prop_assert!((0.0..=1.0).contains(&g.score));
        for m in g.missing.iter().chain(&g.partial).chain(&g.matched) {
            prop_assert!((0.0..=1.0).contains(&m.credit));
        }
        let first_non_essential = g.missing.iter().position(|m| m.importance != Importance::Essential);
        if let Some(i) = first_non_essential {
            prop_assert!(g.missing[i..].iter().all(|m| m.importance != Importance::Essential));
        }
    }

    #[test]
    fn adding_a_skill_never_lowers_coverage(p in arb_profile(), extra in arb_skill(), o in 0u32..100) {
        let before = SMALL.gap(&p, &occ_id(o)).expect("gap").score;
        let mut q = p.clone();
        q.skills.push(extra);
        let after = SMALL.gap(&q, &occ_id(o)).expect("gap").score;
        prop_assert!(after >= before - 1e-12, "{} < {}", after, before);
    }

    #[test]
    fn results_do_not_depend_on_skill_order(p in arb_profile(), o in 0u32..100, seed in any::<u64>()) {
        let mut q = p.clone();
        let n = q.skills.len().max(1);
        q.skills.rotate_left((seed as usize) % n);
        q.skills.reverse();
        let occ = occ_id(o);
        let json = |p: &Profile| -> Result<(String, String, String), TestCaseError> {
            let g = SMALL.gap(p, &occ).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let t = SMALL
                .transitions(p, &TransitionOptions { limit: Some(5), ..Default::default() })
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let r = SMALL
                .route(p, &occ, &RouteOptions::default())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            Ok((
                serde_json::to_string(&g).unwrap_or_default(),
                serde_json::to_string(&t).unwrap_or_default(),
                serde_json::to_string(&r).unwrap_or_default(),
            ))
        };
        prop_assert_eq!(json(&p)?, json(&q)?);
    }

    #[test]
    fn a_limited_ranking_is_the_head_of_the_full_one(p in arb_profile(), k in 1usize..15) {
        let full = SMALL.transitions(&p, &TransitionOptions::default()).expect("full");
        let top = SMALL
            .transitions(&p, &TransitionOptions { limit: Some(k), ..Default::default() })
            .expect("top");
        prop_assert_eq!(top.considered, full.considered);
        prop_assert_eq!(&top.items[..], &full.items[..k.min(full.items.len())]);
    }

    #[test]
    fn a_route_covers_every_coverable_essential_gap(p in arb_profile(), o in 0u32..100) {
        let occ = occ_id(o);
        let r = SMALL.route(&p, &occ, &RouteOptions::default()).expect("route");
        prop_assert!(r.not_fitted.is_empty(), "unconstrained routes fit everything coverable");
        let covered: Vec<&str> = r.steps.iter().flat_map(|s| s.covers.iter().map(|n| &*n.id)).collect();
        for t in &r.targets {
            prop_assert!(covered.contains(&&*t.id) || r.uncovered.contains(t));
        }
        let g = SMALL.gap(&p, &occ).expect("gap");
        for m in g.missing.iter().filter(|m| m.importance == Importance::Essential) {
            prop_assert!(r.targets.iter().any(|t| t.id == m.skill.id));
        }
    }

    #[test]
    fn a_budget_constrained_route_never_exceeds_the_budget(p in arb_profile(), o in 0u32..100, cost in any::<bool>()) {
        let scheme = Scheme::by_id("leerrechten").expect("built in");
        let r = SMALL.route(&p, &occ_id(o), &RouteOptions {
            scheme: Some(scheme.as_dyn()),
            optimise: if cost { Optimise::Cost } else { Optimise::Hours },
            ..Default::default()
        }).expect("route");
        let avail = r.budget.as_ref().and_then(|b| b.available_eur).expect("learning rights cap");
        prop_assert!(r.total_cost_eur <= avail + 1e-9);
        prop_assert!(r.within_budget);
    }
}

// ---------------------------------------------------------------------------------------------
// The example profiles on the embedded ontology.

const EXAMPLES: &[(&str, &str)] = &[
    (
        "kassamedewerker",
        include_str!("../../../examples/profiles/kassamedewerker.json"),
    ),
    (
        "productiemedewerker",
        include_str!("../../../examples/profiles/productiemedewerker.json"),
    ),
    (
        "administratief-medewerker",
        include_str!("../../../examples/profiles/administratief-medewerker.json"),
    ),
    (
        "helpende-zorg",
        include_str!("../../../examples/profiles/helpende-zorg.json"),
    ),
];

#[test]
fn example_profiles_score_sensibly_on_the_embedded_ontology() {
    let ontology = Ontology::embedded().expect("the embedded ontology is valid");
    let scorer = Scorer::with_defaults(&ontology);
    let scheme = Scheme::by_id("leerrechten").expect("built in");
    for (name, text) in EXAMPLES {
        let p = Profile::from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        p.check(&ontology)
            .unwrap_or_else(|e| panic!("{name} uses ids the ontology lacks: {e}"));
        let current = p
            .current_occupation
            .clone()
            .expect("examples name their occupation");

        // The person fits their own occupation better than most others.
        let own = scorer.gap(&p, &current).expect("gap").score;
        let mut all: Vec<f64> = ontology
            .concepts(vaardig_core::ConceptKind::Occupation)
            .map(|(_, c)| scorer.gap(&p, &c.id).expect("gap").score)
            .collect();
        all.sort_by(f64::total_cmp);
        assert!(
            own >= all[all.len() / 2],
            "{name}: own occupation {own} below the median"
        );

        let t = scorer
            .transitions(
                &p,
                &TransitionOptions {
                    limit: Some(5),
                    ..Default::default()
                },
            )
            .expect("transitions");
        assert_eq!(t.items.len(), 5, "{name}");
        assert!(
            t.items.iter().all(|i| i.occupation != current),
            "{name}: lists itself"
        );
        assert!(
            t.items.windows(2).all(|w| w[0].score >= w[1].score),
            "{name}: unsorted"
        );
        for item in &t.items {
            assert!((0.0..=1.0).contains(&item.score) && (0.0..=1.0).contains(&item.coverage));
            let g = scorer.gap(&p, &item.occupation).expect("gap");
            assert!((0.0..=1.0).contains(&g.score));
            let first_other = g
                .missing
                .iter()
                .position(|m| m.importance != Importance::Essential)
                .unwrap_or(g.missing.len());
            assert!(
                g.missing[first_other..]
                    .iter()
                    .all(|m| m.importance != Importance::Essential),
                "{name}: missing essential skills must come first"
            );

            let r = scorer
                .route(&p, &item.occupation, &RouteOptions::default())
                .expect("route");
            assert!(
                r.not_fitted.is_empty(),
                "{name}: unconstrained route left out skills"
            );
            for target in &r.targets {
                let covered = r.steps.iter().any(|s| s.covers.contains(target));
                assert!(
                    covered || r.uncovered.contains(target),
                    "{name}: {} dropped",
                    target.id
                );
            }
            let funded = scorer
                .route(
                    &p,
                    &item.occupation,
                    &RouteOptions {
                        scheme: Some(scheme.as_dyn()),
                        optimise: Optimise::Cost,
                        ..Default::default()
                    },
                )
                .expect("route");
            let avail = funded
                .budget
                .as_ref()
                .and_then(|b| b.available_eur)
                .expect("learning rights have a cap");
            // The units of a required diploma are on the route whatever they cost; the rest of
            // the route stays within the budget, and `within_budget` tells the truth.
            assert_eq!(
                funded.within_budget,
                funded.total_cost_eur <= avail + 1e-9,
                "{name}: within_budget"
            );
            if funded.requirements.iter().all(|q| q.units.is_empty()) {
                assert!(funded.within_budget, "{name}: over budget");
            }
            assert!(!funded.explain(Lang::Nl).is_empty() && !funded.explain(Lang::En).is_empty());
        }
    }
}

/// Attitudes (issue 13): not courses. On the embedded ontology a cashier's attitudes
/// (betrouwbaarheid, klantgericht werken, nauwkeurigheid) are discussed, never studied: no sibling
/// credit between attitudes, no route target, no study hours.
#[test]
fn attitudes_are_discussed_not_studied() {
    let ontology = Ontology::embedded().expect("the embedded ontology is valid");
    let scorer = Scorer::with_defaults(&ontology);
    // Holding one attitude gives nothing to its sibling attitudes under "beroepshouding".
    let p = person(vec![skill("skill:geduld", Evidence::WorkExperience, None)]);
    let g = scorer.gap(&p, "occ:kassamedewerker").expect("gap");
    let attitude_ids = [
        "skill:betrouwbaarheid",
        "skill:klantgericht-werken",
        "skill:nauwkeurigheid",
    ];
    for id in attitude_ids {
        let m = g
            .to_discuss
            .iter()
            .find(|m| &*m.skill.id == id)
            .unwrap_or_else(|| panic!("{id} is to discuss: {:?}", g.to_discuss));
        assert_eq!(m.credit, 0.0, "{id} got near-skill credit from geduld");
        assert!(
            g.missing
                .iter()
                .chain(&g.partial)
                .all(|m| &*m.skill.id != id)
        );
    }
    // Geduld itself is held, so matched.
    assert!(g.matched.iter().any(|m| &*m.skill.id == "skill:geduld"));
    assert!(g.explain(Lang::Nl).contains("Te bespreken in gesprek"));
    assert!(g.explain(Lang::En).contains("To discuss in conversation"));

    // A route to the occupation never targets an attitude, and transitions list none as missing.
    let empty = person(vec![]);
    let route = scorer
        .route(&empty, "occ:kassamedewerker", &RouteOptions::default())
        .expect("route");
    let targeted: Vec<&str> = route
        .steps
        .iter()
        .flat_map(|s| s.covers.iter().map(|n| &*n.id))
        .chain(route.uncovered.iter().map(|n| &*n.id))
        .collect();
    for id in attitude_ids {
        assert!(
            !targeted.contains(&id),
            "{id} is a route target: {targeted:?}"
        );
    }
    let t = scorer
        .transitions_from("occ:orderpicker", &TransitionOptions::default())
        .expect("transitions");
    for item in &t.items {
        for m in &item.missing {
            let attitude = matches!(
                ontology.get(&m.id).map(|c| &c.data),
                Some(ConceptData::Skill {
                    skill_type: SkillType::Attitude
                })
            );
            assert!(
                !attitude,
                "{} lists attitude {} as missing",
                item.occupation, m.id
            );
        }
    }
}

/// Implied skills (issue 13): a held narrower skill fully covers its direct broader skill.
#[test]
fn a_specialisation_implies_its_broader_skill() {
    let p = person(vec![skill(
        "skill:wondzorg_decubitus",
        Evidence::Diploma,
        None,
    )]);
    let g = TINY.gap(&p, "occ:verzorgende").expect("gap");
    let m = g
        .matched
        .iter()
        .find(|m| &*m.skill.id == "skill:wondzorg")
        .expect("wondzorg implied by decubituszorg");
    assert_eq!(m.credit, 1.0);
    assert_eq!(
        m.via.as_ref().map(|v| v.relation),
        Some(MatchKind::Narrower { distance: 1 })
    );
}

/// Issue 13: a level shortfall is said with both levels, in each language.
#[test]
fn a_level_shortfall_says_held_and_asked() {
    let p = person(vec![skill("skill:afrekenen", Evidence::Diploma, Some(2))]);
    let g = TINY.gap(&p, "occ:kassamedewerker").expect("gap");
    let nl = g.explain(Lang::Nl);
    assert!(
        nl.contains("afrekenen (heeft niveau 2, gevraagd 3)"),
        "{nl}"
    );
    let en = g.explain(Lang::En);
    assert!(
        en.contains("handling payments (holds level 2, asked 3)"),
        "{en}"
    );
}

/// Languages held (issue 13): a native Dutch speaker is not told to learn Dutch; the language
/// counts for the skills under it, at the level its CEFR level gives.
#[test]
fn a_native_speaker_is_not_told_to_learn_dutch() -> Result<(), Box<dyn std::error::Error>> {
    let ontology = Ontology::embedded()?;
    let scorer = Scorer::with_defaults(&ontology);
    let native = Profile::from_json(
        r#"{"age": 30, "languages": [{"id": "skill:nederlands", "native": true}],
            "skills": [{"id": "skill:geduld", "evidence": "work_experience"}]}"#,
    )?;
    let g = scorer.gap(&native, "occ:pedagogisch-medewerker-kinderopvang")?;
    let dutch = g
        .matched
        .iter()
        .find(|m| &*m.skill.id == "skill:nederlands-spreken")
        .ok_or("speaking Dutch counts as held")?;
    assert!(dutch.credit >= 0.99, "{dutch:?}");
    let r = scorer.route(
        &native,
        "occ:pedagogisch-medewerker-kinderopvang",
        &RouteOptions::default(),
    )?;
    assert!(
        !r.targets
            .iter()
            .any(|t| &*t.id == "skill:nederlands-spreken")
    );
    // Dutch at A2 is below the level 3 the job asks: still to learn.
    let a2 = Profile::from_json(r#"{"languages": [{"id": "skill:nederlands", "cefr": "A2"}]}"#)?;
    let r = scorer.route(
        &a2,
        "occ:pedagogisch-medewerker-kinderopvang",
        &RouteOptions::default(),
    )?;
    assert!(
        r.targets
            .iter()
            .any(|t| &*t.id == "skill:nederlands-spreken")
    );
    // A language that is not a capability is refused with its field.
    let bad = Profile::from_json(r#"{"languages": [{"id": "occ:kok"}]}"#)?;
    let e = scorer
        .gap(&bad, "occ:kok")
        .expect_err("not a language skill");
    assert!(e.to_string().contains("languages[0].id"), "{e}");
    Ok(())
}

#[test]
fn a_skill_with_thousands_of_children_gives_them_no_downward_credit() {
    // `skill:top` → `skill:root` → 5,000 children: holding `skill:top` credits `skill:root`
    // (one step down) but not the children of a skill that wide.
    let mut b = OntologyBuilder::new(Manifest::new("wide", "1", &["nl", "en"]));
    let data = ConceptData::Skill {
        skill_type: SkillType::Skill,
    };
    b.add_concept(Concept::new(
        "skill:top",
        labels("top", "top"),
        data.clone(),
    ));
    b.add_concept(Concept::new(
        "skill:root",
        labels("wortel", "root"),
        data.clone(),
    ));
    b.add_relation(
        "skill:root",
        "skill:top",
        Relation::plain(RelationKind::Broader),
    );
    for i in 0..5_000 {
        let id = format!("skill:c{i:05}");
        b.add_concept(Concept::new(&id, labels(&id, &id), data.clone()));
        b.add_relation(&id, "skill:root", Relation::plain(RelationKind::Broader));
    }
    b.add_concept(Concept::new(
        "occ:x",
        labels("beroep", "occupation"),
        ConceptData::occupation(None),
    ));
    b.add_relation(
        "occ:x",
        "skill:c00001",
        Relation::requires(Importance::Essential, None),
    );
    let ontology = b.build().expect("valid").ontology;
    let scorer = Scorer::with_defaults(&ontology);
    let holdings = scorer
        .holdings(&person(vec![skill("skill:top", Evidence::Diploma, None)]))
        .expect("holdings");
    assert!(holdings.len() <= 2, "{} entries", holdings.len());
}
