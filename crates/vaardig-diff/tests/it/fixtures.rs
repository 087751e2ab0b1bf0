//! Hand-made ontology versions and the golden-file helper.

use vaardig_core::{
    Concept, ConceptData, Importance, Labels, Level, Manifest, OfferType, Ontology,
    OntologyBuilder, ProviderType, Relation, RelationKind, SkillType,
};

/// What differs between [`version`]`(false)` and [`version`]`(true)`.
pub fn version(next: bool) -> Ontology {
    let mut b = OntologyBuilder::new(Manifest::new(
        "zorg-test",
        if next { "2" } else { "1" },
        &["nl", "en"],
    ));
    let skill = |id: &str, nl: &str, en: Option<&str>| {
        let mut pairs = vec![("nl", nl)];
        if let Some(en) = en {
            pairs.push(("en", en));
        }
        Concept::new(
            id,
            Labels::with_pref(pairs),
            ConceptData::Skill {
                skill_type: SkillType::Skill,
            },
        )
    };
    let ka = |id: &str, nl: &str| {
        Concept::new(
            id,
            Labels::with_pref([("nl", nl)]),
            ConceptData::KnowledgeArea,
        )
    };
    let occ = |id: &str, nl: &str, en: &str, isco: &str| {
        Concept::new(
            id,
            Labels::with_pref([("nl", nl), ("en", en)]),
            ConceptData::occupation(Some(isco.to_owned())),
        )
    };
    let offer = |id: &str, nl: &str| {
        Concept::new(
            id,
            Labels::with_pref([("nl", nl)]),
            ConceptData::LearningOffer {
                offer_type: OfferType::Course,
                provider: "ROC Test".into(),
                provider_type: ProviderType::Public,
                hours: 40.0,
                cost_eur: 500.0,
                nlqf: None,
            },
        )
    };

    // Wound care: relabelled, synonyms and definition changed in the next version.
    let mut wond = skill("skill:wondzorg", "wondverzorging", Some("wound care"));
    if next {
        wond.labels
            .pref
            .insert("nl".into(), "wondzorg verlenen".into());
        wond.labels
            .alt
            .insert("nl".into(), vec!["wonden verzorgen".into()]);
        wond.labels.definition.insert(
            "nl".into(),
            "Wonden beoordelen, reinigen en verbinden.".into(),
        );
    } else {
        wond.labels.alt.insert("nl".into(), vec!["wondzorg".into()]);
        wond.labels
            .definition
            .insert("nl".into(), "Zorgen voor wonden.".into());
    }
    b.add_concept(wond);
    // Medication: the id changes, nothing else.
    let medicatie = if next {
        "skill:medicatie-toedienen"
    } else {
        "skill:medicatie"
    };
    b.add_concept(skill(
        medicatie,
        "medicatie toedienen",
        Some("administer medication"),
    ));
    b.add_concept(skill(
        "skill:hygiene",
        "hygiëne bewaken",
        Some("monitor hygiene"),
    ));
    b.add_concept(skill("skill:tillen", "tillen", None));
    b.add_concept(skill("skill:ongebruikt", "ongebruikte vaardigheid", None));
    if next {
        b.add_concept(skill(
            "skill:nieuw",
            "tilliften bedienen",
            Some("operate patient lifts"),
        ));
    } else {
        b.add_concept(skill("skill:oud", "ponsen", None));
    }
    b.add_concept(ka("ka:zorg", "zorg"));
    b.add_concept(ka("ka:techniek", "techniek"));
    b.add_concept(ka("ka:leeg", "leeg"));
    b.add_concept(occ(
        "occ:verpleegkundige",
        "verpleegkundige",
        "nurse",
        "2221",
    ));
    b.add_concept(occ(
        "occ:verzorgende",
        "verzorgende \"IG\"",
        "care worker",
        if next { "5322" } else { "5321" },
    ));
    b.add_concept(offer("offer:wond", "cursus wondzorg"));
    b.add_concept(offer("offer:leeg", "lege cursus"));
    b.add_concept(offer("offer:ongebruikt", "cursus ongebruikt"));

    let broader = Relation::plain(RelationKind::Broader);
    for s in [
        "skill:wondzorg",
        medicatie,
        "skill:hygiene",
        "skill:ongebruikt",
    ] {
        b.add_relation(s, "ka:zorg", broader);
    }
    // Lifting moves from care to technique.
    b.add_relation(
        "skill:tillen",
        if next { "ka:techniek" } else { "ka:zorg" },
        broader,
    );
    let req = |i, l: Option<u8>| Relation::requires(i, l.and_then(Level::new));
    use Importance::{Essential, Important, Optional};
    b.add_relation(
        "occ:verpleegkundige",
        "skill:wondzorg",
        req(Essential, Some(3)),
    );
    b.add_relation("occ:verpleegkundige", medicatie, req(Essential, None));
    b.add_relation("occ:verpleegkundige", "skill:hygiene", req(Important, None));
    b.add_relation("occ:verzorgende", "skill:tillen", req(Essential, None));
    b.add_relation("occ:verzorgende", "skill:hygiene", req(Essential, None));
    // Wound care goes from optional to essential for care workers.
    b.add_relation(
        "occ:verzorgende",
        "skill:wondzorg",
        req(if next { Essential } else { Optional }, None),
    );
    if next {
        b.add_relation("skill:nieuw", "ka:techniek", broader);
        b.add_relation("occ:verzorgende", "skill:nieuw", req(Optional, None));
        b.add_relation("occ:verpleegkundige", "skill:tillen", req(Optional, None));
    } else {
        b.add_relation("occ:verpleegkundige", "skill:oud", req(Optional, None));
        b.add_relation(
            "skill:wondzorg",
            "skill:hygiene",
            Relation::plain(RelationKind::Related),
        );
    }
    b.add_relation(
        "offer:wond",
        "skill:wondzorg",
        Relation::with_level(RelationKind::Teaches, Level::new(2)),
    );
    b.add_relation(
        "offer:ongebruikt",
        "skill:ongebruikt",
        Relation::with_level(RelationKind::Teaches, None),
    );
    match b.build() {
        Ok(built) => built.ontology,
        Err(e) => panic!("fixture is invalid: {e}"),
    }
}

use vaardig_diff::impact::Ranker;
use vaardig_score::{Profile, ScoreError};

/// A ranker that ignores the profile: a fixed ranking and one gap score for every occupation.
pub struct Fixed {
    /// `(occupation id, score)`, best first.
    pub ranking: Vec<(&'static str, f64)>,
    /// The gap score of every occupation.
    pub gap: f64,
}

impl Ranker for Fixed {
    fn rank(&self, _: &Profile, limit: usize) -> Result<Vec<(String, f64)>, ScoreError> {
        Ok(self
            .ranking
            .iter()
            .take(limit)
            .map(|(id, s)| ((*id).to_owned(), *s))
            .collect())
    }

    fn gap_scores(&self, _: &Profile, occupations: &[String]) -> Result<Vec<f64>, ScoreError> {
        Ok(vec![self.gap; occupations.len()])
    }
}

/// Compares `actual` with a golden file; `UPDATE_EXPECT=1` rewrites it.
pub fn check(actual: &str, expect: expect_test::ExpectFile) {
    expect.assert_eq(actual);
}
