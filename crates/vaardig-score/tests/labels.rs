//! Labels in any language the ontology declares (issue 14, `--lang` for every front): a scorer
//! asked for German gives German labels in gaps, transitions, routes and their explanations,
//! falls back to English where a concept has no German label, keeps today's Dutch and English
//! answers byte for byte, and refuses a language the ontology does not declare.

use vaardig_core::{
    Concept, ConceptData, Importance, Labels, Manifest, Ontology, OntologyBuilder, Relation,
    SkillType,
};
use vaardig_score::{
    LabelLanguageError, Lang, Profile, RouteOptions, Scorer, TransitionOptions, label_language,
};

/// Two occupations sharing one skill; `occ:lasser` and `skill:lassen` have German labels,
/// `skill:tekenen` and `occ:constructeur` do not (English and Dutch only).
fn german() -> Ontology {
    let mut b = OntologyBuilder::new(Manifest::new("klein", "1", &["nl", "en", "de"]));
    let skill = |id: &str, labels: &[(&str, &str)]| {
        Concept::new(
            id,
            Labels::with_pref(labels.iter().copied()),
            ConceptData::Skill {
                skill_type: SkillType::Skill,
            },
        )
    };
    let occupation = |id: &str, labels: &[(&str, &str)]| {
        Concept::new(
            id,
            Labels::with_pref(labels.iter().copied()),
            ConceptData::occupation(None),
        )
    };
    b.add_concept(skill(
        "skill:lassen",
        &[("nl", "lassen"), ("en", "welding"), ("de", "Schweißen")],
    ));
    b.add_concept(skill(
        "skill:tekenen",
        &[("nl", "technisch tekenen"), ("en", "technical drawing")],
    ));
    b.add_concept(occupation(
        "occ:lasser",
        &[("nl", "lasser"), ("en", "welder"), ("de", "Schweißer")],
    ));
    b.add_concept(occupation(
        "occ:constructeur",
        &[("nl", "constructeur"), ("en", "structural designer")],
    ));
    let essential = Relation::requires(Importance::Essential, None);
    b.add_relation("occ:lasser", "skill:lassen", essential);
    b.add_relation("occ:lasser", "skill:tekenen", essential);
    b.add_relation("occ:constructeur", "skill:lassen", essential);
    b.add_relation("occ:constructeur", "skill:tekenen", essential);
    b.build().expect("a valid ontology").ontology
}

fn welder_profile() -> Profile {
    Profile::from_json(r#"{"skills": [{"id": "skill:lassen", "evidence": "work_experience"}]}"#)
        .expect("a valid profile")
}

#[test]
fn a_scorer_labelled_in_german_gives_german_labels_and_falls_back_to_english() {
    let scorer = Scorer::with_defaults(&german());
    let de = scorer.labelled_in("de").expect("German is declared");
    assert_eq!(de.label_language(), Some("de"));

    let gap = de.gap(&welder_profile(), "occ:lasser").expect("a gap");
    let other = gap.occupation.label_other.as_ref().expect("a German label");
    assert_eq!((&*other.lang, &*other.text), ("de", "Schweißer"));
    assert_eq!(gap.occupation.label_in(Lang::En), "Schweißer");
    // The Dutch and English labels stay as they are.
    assert_eq!(&*gap.occupation.label, "lasser");
    assert_eq!(&*gap.occupation.label_en, "welder");
    let explained = gap.explain(Lang::for_tag("de"));
    assert!(explained.contains("Schweißer"), "{explained}");
    // `skill:tekenen` has no German label: English, and it says so.
    let drawing = gap
        .missing
        .iter()
        .find(|m| &*m.skill.id == "skill:tekenen")
        .expect("drawing is missing");
    let fallback = drawing.skill.label_other.as_ref().expect("a fallback");
    assert_eq!(
        (&*fallback.lang, &*fallback.text),
        ("en", "technical drawing")
    );
    assert!(explained.contains("technical drawing"), "{explained}");

    let from = de
        .transitions_from("occ:constructeur", &TransitionOptions::default())
        .expect("transitions");
    let welder = &from.items[0];
    assert_eq!(welder.occupation, "occ:lasser");
    assert_eq!(
        welder.label_other.as_ref().map(|l| &*l.text),
        Some("Schweißer")
    );
    assert_eq!(welder.label_in(Lang::En), "Schweißer");
    assert!(welder.explain(Lang::En).starts_with("Schweißer:"));
    let json = serde_json::to_string(&from.items).expect("serialisable");
    assert!(
        json.contains(r#""label_other":{"lang":"de","text":"Schweißer"}"#),
        "{json}"
    );

    let route = de
        .route(&welder_profile(), "occ:lasser", &RouteOptions::default())
        .expect("a route");
    assert_eq!(
        route.occupation.label_other.as_ref().map(|l| &*l.text),
        Some("Schweißer")
    );
}

#[test]
fn dutch_and_english_answers_are_unchanged_by_labelled_in() {
    let scorer = Scorer::with_defaults(&german());
    let profile = welder_profile();
    let plain = serde_json::to_string(&scorer.gap(&profile, "occ:lasser").expect("a gap"))
        .expect("serialisable");
    assert!(!plain.contains("label_other"), "{plain}");
    for tag in ["nl", "en", "EN-gb", "nl-BE"] {
        let again = scorer.labelled_in(tag).expect("always answered");
        assert_eq!(again.label_language(), None, "{tag}");
        let json = serde_json::to_string(&again.gap(&profile, "occ:lasser").expect("a gap"))
            .expect("serialisable");
        assert_eq!(json, plain, "{tag}");
    }
    // Back from German to Dutch: the third label is gone again.
    let back = scorer
        .labelled_in("de")
        .and_then(|de| de.labelled_in("nl"))
        .expect("both declared");
    let json = serde_json::to_string(&back.gap(&profile, "occ:lasser").expect("a gap"))
        .expect("serialisable");
    assert_eq!(json, plain);
}

#[test]
fn a_language_the_ontology_does_not_declare_is_refused_naming_what_it_has() {
    let ontology = german();
    let scorer = Scorer::with_defaults(&ontology);
    let err = scorer.labelled_in("fr").expect_err("no French");
    assert_eq!(
        err,
        LabelLanguageError::Undeclared {
            tag: "fr".to_owned(),
            declared: vec!["nl".to_owned(), "en".to_owned(), "de".to_owned()],
        }
    );
    assert_eq!(
        err.message(Lang::En),
        "the ontology has no labels in `fr` (it has nl, en, de)"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "de ontologie heeft geen labels in `fr` (wel in nl, en, de)"
    );
    assert!(matches!(
        scorer.labelled_in("de_DE"),
        Err(LabelLanguageError::NotATag(_))
    ));
    // A regional variant of a declared language is that language.
    assert_eq!(label_language(&ontology, "de-AT").as_deref(), Ok("de"));
    assert_eq!(label_language(&ontology, "DE").as_deref(), Ok("de"));
}

#[test]
fn a_concept_without_german_or_english_falls_back_to_the_primary_language() {
    let mut b = OntologyBuilder::new(Manifest::new("klein", "1", &["nl", "de"]));
    b.add_concept(Concept::new(
        "skill:alleen-nl",
        Labels::with_pref([("nl", "alleen Nederlands")]),
        ConceptData::KnowledgeArea,
    ));
    b.add_concept(Concept::new(
        "occ:x",
        Labels::with_pref([("nl", "beroep"), ("de", "Beruf")]),
        ConceptData::occupation(None),
    ));
    b.add_relation(
        "occ:x",
        "skill:alleen-nl",
        Relation::requires(Importance::Essential, None),
    );
    let ontology = b.build().expect("valid").ontology;
    let de = Scorer::with_defaults(&ontology)
        .labelled_in("de")
        .expect("declared");
    let gap = de.gap(&Profile::default(), "occ:x").expect("a gap");
    let labels: Vec<(String, String)> = gap
        .missing
        .iter()
        .map(|m| {
            let l = m.skill.label_other.as_ref().expect("always filled");
            (l.lang.to_string(), l.text.to_string())
        })
        .collect();
    assert_eq!(labels, [("nl".to_owned(), "alleen Nederlands".to_owned())]);
    assert_eq!(
        gap.occupation.label_other.as_ref().map(|l| &*l.text),
        Some("Beruf")
    );
}
