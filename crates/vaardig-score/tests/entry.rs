//! Entry requirements (issue 13, finding 1) on the embedded ontology: diplomas, registrations,
//! licences and minimum NLQF levels named in every route and transition, reached through the
//! qualification's units or said to be still needed.

use vaardig_core::{ConceptKind, Nlqf, Ontology, RelationKind};
use vaardig_score::{
    EntryStatus, Evidence, Lang, Profile, ProfileSkill, RouteOptions, Scheme, Scorer,
    TransitionOptions,
};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn scorer() -> Result<Scorer> {
    Ok(Scorer::with_defaults(&Ontology::embedded()?))
}

/// The example cashier (NLQF 1, no diplomas).
fn cashier() -> Result<Profile> {
    Ok(Profile::from_json(include_str!(
        "../../../examples/profiles/kassamedewerker.json"
    ))?)
}

/// The ids of a qualification's units.
fn units_of(ontology: &Ontology, qual: &str) -> Vec<String> {
    ontology
        .index_of(qual)
        .map(|ix| {
            ontology
                .incoming(ix, RelationKind::PartOf)
                .map(|(o, _)| ontology.concept(o).id.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn status_of(route: &vaardig_score::Route, id: &str) -> Option<EntryStatus> {
    route
        .requirements
        .iter()
        .find(|q| q.qualification.as_ref().is_some_and(|n| &*n.id == id))
        .map(|q| q.status)
}

fn requirement<'a>(
    route: &'a vaardig_score::Route,
    id: &str,
) -> Result<&'a vaardig_score::EntryRequirement> {
    Ok(route
        .requirements
        .iter()
        .find(|q| q.qualification.as_ref().is_some_and(|n| &*n.id == id))
        .ok_or_else(|| format!("{id} is not named"))?)
}

#[test]
fn a_cashier_is_told_a_nurse_needs_the_diploma_and_the_big_registration() -> Result {
    let s = scorer()?;
    let r = s.route(
        &cashier()?,
        "occ:mbo-verpleegkundige",
        &RouteOptions::default(),
    )?;
    // Before: short courses only, nothing said of diploma or BIG registration.
    let big = requirement(&r, "qual:big-verpleegkundige")?;
    assert_eq!(big.status, EntryStatus::ToApply);
    assert_eq!(
        big.granted_on.as_ref().map(|n| &*n.id),
        Some("qual:mbo-verpleegkundige")
    );
    // The diploma's units are on the route, and its level meets the occupation's minimum.
    for u in &units_of(s.ontology(), "qual:mbo-verpleegkundige") {
        assert!(
            r.offers.contains(u),
            "unit {u} of the diploma is on the route"
        );
    }
    assert!(r.requirements.iter().any(|q| q.qualification.is_none()
        && q.nlqf == Some(4)
        && q.status == EntryStatus::OnRoute));
    let nl = r.explain(Lang::Nl);
    assert!(
        nl.contains("BIG-registratie verpleegkundige: daarna aan te vragen (op grond van mbo-verpleegkundige)"),
        "{nl}"
    );
    assert!(r.explain(Lang::En).contains("to apply for afterwards"));
    // The hbo nurse needs a bachelor: the mbo diploma gives BIG but not NLQF 6, and it says so.
    let r = s.route(&cashier()?, "occ:verpleegkundige", &RouteOptions::default())?;
    assert!(
        r.requirements.iter().any(|q| q.qualification.is_none()
            && q.nlqf == Some(6)
            && q.status != EntryStatus::Held)
    );
    Ok(())
}

#[test]
fn a_nurse_trained_abroad_is_routed_through_the_big_test() -> Result {
    let s = scorer()?;
    let p = Profile::from_json(include_str!(
        "../../../examples/profiles/verpleegkundige-buitenlands-diploma.json"
    ))?;
    let r = s.route(&p, "occ:verpleegkundige", &RouteOptions::default())?;
    let big = requirement(&r, "qual:big-verpleegkundige")?;
    assert_eq!(
        big.granted_on.as_ref().map(|n| &*n.id),
        Some("qual:erkenning-buitenlands-diploma-verpleegkunde")
    );
    assert!(
        r.offers
            .iter()
            .any(|o| o == "offer:big-toets-verpleegkunde")
    );
    // The cashier cannot take the BIG test: its prerequisites are a nurse's skills.
    let r = s.route(&cashier()?, "occ:verpleegkundige", &RouteOptions::default())?;
    assert!(
        !r.offers
            .iter()
            .any(|o| o == "offer:big-toets-verpleegkunde")
    );
    Ok(())
}

#[test]
fn a_requirement_no_offer_reaches_is_named_and_the_route_does_not_say_it_fits() -> Result {
    let s = scorer()?;
    let mut p = cashier()?;
    p.age = Some(34);
    let scheme = Scheme::by_id("leerrechten")?;
    let r = s.route(
        &p,
        "occ:leraar-voortgezet-onderwijs",
        &RouteOptions {
            scheme: Some(scheme.as_dyn()),
            ..Default::default()
        },
    )?;
    assert_eq!(
        status_of(&r, "qual:bevoegdheid-vo-tweedegraads"),
        Some(EntryStatus::Missing)
    );
    assert!(!r.reaches_occupation);
    let nl = r.explain(Lang::Nl);
    assert!(
        nl.contains("ook nodig: registratie tweedegraads lesbevoegdheid"),
        "{nl}"
    );
    assert!(!nl.contains(", past."), "{nl}");
    let en = r.explain(Lang::En);
    assert!(en.contains("also needed"), "{en}");
    Ok(())
}

#[test]
fn a_held_diploma_meets_the_requirement_and_grants_the_registration() -> Result {
    let s = scorer()?;
    let mut p = cashier()?;
    p.qualifications = vec!["qual:mbo-verpleegkundige".into()];
    let r = s.route(&p, "occ:mbo-verpleegkundige", &RouteOptions::default())?;
    let big = requirement(&r, "qual:big-verpleegkundige")?;
    assert_eq!(big.status, EntryStatus::ToApply);
    assert!(big.units.is_empty(), "{big:?}");
    // No unit of the diploma is taken again.
    let units = units_of(s.ontology(), "qual:mbo-verpleegkundige");
    assert!(
        units.iter().all(|u| !r.offers.contains(u)),
        "{:?}",
        r.offers
    );
    // The held diploma raises the person's level to 4: the minimum NLQF 4 is met.
    assert!(
        r.requirements
            .iter()
            .any(|q| q.qualification.is_none() && q.status == EntryStatus::Held)
    );
    // Holding the registration itself meets it.
    p.qualifications.push("qual:big-verpleegkundige".into());
    let r = s.route(&p, "occ:mbo-verpleegkundige", &RouteOptions::default())?;
    assert_eq!(
        requirement(&r, "qual:big-verpleegkundige")?.status,
        EntryStatus::Held
    );
    Ok(())
}

#[test]
fn units_whose_skills_are_proven_are_exempt() -> Result {
    let s = scorer()?;
    // Everything the VIG basic-care unit teaches, proven by a diploma.
    let taught = [
        "skill:wassen-en-aankleden",
        "skill:adl-ondersteuning",
        "skill:tillen-en-transfers",
        "skill:decubituspreventie",
        "skill:valpreventie",
        "skill:handhygiene",
        "skill:infectiepreventie",
        "skill:kennis-anatomie-fysiologie",
    ];
    let proven = Profile {
        skills: taught
            .iter()
            .map(|id| ProfileSkill {
                level: vaardig_core::Level::new(3),
                ..ProfileSkill::new(*id, Evidence::MboCertificate)
            })
            .collect(),
        nlqf: Nlqf::new(2),
        ..Profile::default()
    };
    let r = s.route(&proven, "occ:verzorgende-ig", &RouteOptions::default())?;
    let vig = r
        .requirements
        .iter()
        .find(|q| {
            q.qualification
                .as_ref()
                .is_some_and(|n| &*n.id == "qual:verzorgende-ig")
        })
        .ok_or("VIG requirement")?;
    assert!(
        vig.exempt_units
            .iter()
            .any(|u| &*u.id == "offer:vig-basiszorg"),
        "{vig:?}"
    );
    assert!(!r.offers.iter().any(|o| o == "offer:vig-basiszorg"));
    // The same skills merely self-declared exempt nothing.
    let said = Profile {
        skills: proven
            .skills
            .iter()
            .map(|k| ProfileSkill {
                evidence: Evidence::SelfDeclared,
                ..k.clone()
            })
            .collect(),
        ..proven.clone()
    };
    let r = s.route(&said, "occ:verzorgende-ig", &RouteOptions::default())?;
    assert!(r.offers.iter().any(|o| o == "offer:vig-basiszorg"));
    Ok(())
}

#[test]
fn every_regulated_occupation_names_its_requirements_in_its_route() -> Result {
    let s = scorer()?;
    let ontology = s.ontology();
    let empty = Profile::default();
    let mut regulated = 0;
    for (ix, occ) in ontology.concepts(ConceptKind::Occupation) {
        let required: Vec<String> = ontology
            .outgoing(ix, RelationKind::RequiresQualification)
            .map(|(q, _)| ontology.concept(q).id.clone())
            .collect();
        if required.is_empty() {
            continue;
        }
        regulated += 1;
        let r = s.route(&empty, &occ.id, &RouteOptions::default())?;
        for q in &required {
            assert!(
                status_of(&r, q).is_some(),
                "{}: route does not name {q}",
                occ.id
            );
            let label = ontology
                .get(q)
                .map(|c| c.label("nl").to_owned())
                .unwrap_or_default();
            assert!(r.explain(Lang::Nl).contains(&label), "{}: {label}", occ.id);
        }
        if r.requirements
            .iter()
            .any(|q| q.status == EntryStatus::Missing)
        {
            assert!(!r.reaches_occupation, "{}", occ.id);
        }
    }
    assert!(regulated >= 20, "only {regulated} regulated occupations");
    Ok(())
}

#[test]
fn transitions_show_requirements_count_their_hours_and_rank_by_them() -> Result {
    let s = scorer()?;
    let t = s.transitions(
        &cashier()?,
        &TransitionOptions {
            limit: None,
            ..Default::default()
        },
    )?;
    let find = |id: &str| t.items.iter().find(|i| i.occupation == id);
    let vo = find("occ:leraar-voortgezet-onderwijs").ok_or("leraar vo listed")?;
    assert!(vo.reachability.requirement_penalty > 0.0);
    assert!(
        vo.requirements
            .iter()
            .any(|q| q.status == EntryStatus::Missing)
    );
    assert!(vo.explain(Lang::Nl).contains("Vereist:"));
    // The hours of a required diploma's units count, as the route counts them.
    let nurse = find("occ:verpleegkundige").ok_or("verpleegkundige listed")?;
    let route = s.route(&cashier()?, "occ:verpleegkundige", &RouteOptions::default())?;
    assert!((nurse.gap_hours - route.total_hours).abs() < 1e-9 || !route.uncovered.is_empty());
    // The occupation's level is the one it states (bachelor), not that of a diploma covering it.
    assert_eq!(nurse.nlqf, Some(6));
    Ok(())
}

#[test]
fn someone_leaving_a_regulated_occupation_holds_its_requirements() -> Result {
    let s = scorer()?;
    let t = s.transitions_from(
        "occ:verpleegkundige",
        &TransitionOptions {
            limit: None,
            ..Default::default()
        },
    )?;
    let wijk = t
        .items
        .iter()
        .find(|i| i.occupation == "occ:wijkverpleegkundige")
        .ok_or("wijkverpleegkundige listed")?;
    assert!(
        wijk.requirements
            .iter()
            .all(|q| q.status == EntryStatus::Held),
        "{:?}",
        wijk.requirements
    );
    Ok(())
}

#[test]
fn only_a_chosen_set_of_occupations_is_ranked_in_the_order_of_the_full_list() -> Result {
    let s = scorer()?;
    let all = s.transitions(
        &cashier()?,
        &TransitionOptions {
            limit: None,
            ..Default::default()
        },
    )?;
    let chosen: Vec<String> = all
        .items
        .iter()
        .skip(3)
        .step_by(4)
        .take(5)
        .map(|t| t.occupation.clone())
        .collect();
    let only = s.transitions(
        &cashier()?,
        &TransitionOptions {
            limit: None,
            only: Some(chosen.iter().rev().cloned().collect()),
            ..Default::default()
        },
    )?;
    let got: Vec<&str> = only.items.iter().map(|t| t.occupation.as_str()).collect();
    let want: Vec<&str> = chosen.iter().map(String::as_str).collect();
    assert_eq!(got, want);
    assert_eq!(only.items[0], all.items[3]);
    // An unknown id is an error, not an empty list.
    assert!(
        s.transitions(
            &cashier()?,
            &TransitionOptions {
                only: Some(vec!["occ:bestaat-niet".into()]),
                ..Default::default()
            },
        )
        .is_err()
    );
    Ok(())
}
