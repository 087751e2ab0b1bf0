//! Properties of the relatedness model and the transition ranking it leads (issue: transitions
//! that beat plain similarity): self-retrieval for every evidence type, no free credit for
//! occupations without requirements, monotonicity in held skills, ties by id, and the
//! hand-written Dutch truth on the embedded ontology.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use proptest::prelude::*;
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{
    Concept, ConceptData, ConceptKind, Labels, Level, Ontology, OntologyBuilder, RelationKind,
};
use vaardig_score::eval::{self, Method, Truth};
use vaardig_score::{
    Evidence, Lang, Profile, ProfileSkill, RankBy, Scorer, TransitionOptions, TransitionSource,
};

static EMBEDDED: LazyLock<Ontology> =
    LazyLock::new(|| Ontology::embedded().expect("the embedded ontology is valid"));
static SCORER: LazyLock<Scorer> = LazyLock::new(|| Scorer::with_defaults(&EMBEDDED));
static SMALL: LazyLock<Scorer> = LazyLock::new(|| {
    let o = generate(&GeneratorConfig::small())
        .expect("generated ontologies are valid")
        .ontology;
    Scorer::with_defaults(&o)
});

const EVIDENCE: [Evidence; 5] = [
    Evidence::Diploma,
    Evidence::MboCertificate,
    Evidence::Microcredential,
    Evidence::WorkExperience,
    Evidence::SelfDeclared,
];

/// A profile holding every requirement of `occ` at the required level, with `evidence`.
fn profile_of(ontology: &Ontology, occ: &str, evidence: Evidence) -> Profile {
    let ix = ontology.index_of(occ).expect("known occupation");
    Profile {
        skills: ontology
            .outgoing(ix, RelationKind::Requires)
            .map(|(s, rel)| ProfileSkill {
                id: ontology.concept(s).id.clone(),
                level: rel.level,
                evidence,
                validated: false,
            })
            .collect(),
        ..Profile::default()
    }
}

/// Relatedness of `profile` to every occupation it shares something with.
fn relatedness(scorer: &Scorer, profile: &Profile) -> BTreeMap<String, f64> {
    let t = scorer
        .transitions(
            profile,
            &TransitionOptions {
                rank_by: RankBy::Relatedness,
                ..Default::default()
            },
        )
        .expect("transitions");
    t.items
        .into_iter()
        .map(|i| (i.occupation, i.relatedness.score))
        .collect()
}

#[test]
fn a_profile_of_one_occupations_requirements_ranks_it_first_for_every_evidence_type() {
    let occupations: Vec<String> = EMBEDDED
        .concepts(ConceptKind::Occupation)
        .filter(|(ix, _)| {
            EMBEDDED
                .outgoing(*ix, RelationKind::Requires)
                .next()
                .is_some()
        })
        .map(|(_, c)| c.id.clone())
        .collect();
    assert!(occupations.len() >= 80);
    for evidence in EVIDENCE {
        let mut misses = Vec::new();
        for occ in &occupations {
            let p = profile_of(&EMBEDDED, occ, evidence);
            let t = SCORER
                .transitions(
                    &p,
                    &TransitionOptions {
                        limit: Some(3),
                        ..Default::default()
                    },
                )
                .expect("transitions");
            let first = &t.items[0];
            // A different first is allowed only when it ties exactly (then ids decide).
            let tied = t
                .items
                .iter()
                .find(|i| &i.occupation == occ)
                .is_some_and(|mine| mine.score == first.score);
            if &first.occupation != occ && !tied {
                misses.push(format!("{occ} → {}", first.occupation));
            }
        }
        assert!(misses.is_empty(), "{evidence:?}: {misses:?}");
    }
}

#[test]
fn the_hand_written_dutch_transitions_reach_the_top_10_and_implausible_ones_do_not() {
    let truth = Truth::handwritten_nl(&EMBEDDED).expect("the truth names shipped occupations");
    assert!(truth.sources.len() >= 15);
    let pairs: usize = truth.sources.iter().map(|s| s.relevant.len()).sum();
    assert!(pairs >= 40);
    let report = eval::evaluate(&SCORER, &truth, 10).expect("evaluates");
    let ours = report.metrics(Method::Vaardig).expect("vaardig measured");
    assert!(ours.pair_recall_at_k >= 0.8, "{}", report.to_markdown());
    assert_eq!(
        ours.implausible_in_top_k, 0,
        "{:?}",
        report.implausible_hits
    );
    // The baselines are measured in the same run, on the same sources.
    assert!(report.metrics(Method::Cosine).is_some());
    assert!(report.metrics(Method::Jaccard).is_some());
}

/// The embedded ontology plus `extra` occupations (id, requirements copied from, or none).
fn with_occupations(extra: &[(&str, Option<&str>)]) -> Ontology {
    let mut b = OntologyBuilder::new(EMBEDDED.manifest().clone());
    for (_, c) in EMBEDDED.iter() {
        b.add_concept(c.clone());
    }
    for (from, to, rel) in EMBEDDED.relations() {
        b.add_relation(&EMBEDDED.concept(from).id, &EMBEDDED.concept(to).id, *rel);
    }
    for (id, copy) in extra {
        b.add_concept(Concept::new(
            *id,
            Labels::with_pref([("nl", *id), ("en", *id)]),
            ConceptData::occupation(None),
        ));
        if let Some(src) = copy {
            let ix = EMBEDDED.index_of(src).expect("known");
            for (s, rel) in EMBEDDED.outgoing(ix, RelationKind::Requires) {
                b.add_relation(id, &EMBEDDED.concept(s).id, *rel);
            }
        }
    }
    b.build().expect("valid").ontology
}

#[test]
fn an_occupation_without_requirements_never_outranks_one_that_shares_skills() {
    let o = with_occupations(&[("occ:aaa-leeg", None)]);
    let scorer = Scorer::with_defaults(&o);
    for rank_by in [
        RankBy::Combined,
        RankBy::Relatedness,
        RankBy::Reachability,
        RankBy::Hours,
        RankBy::Cost,
    ] {
        let options = TransitionOptions {
            rank_by,
            ..Default::default()
        };
        let t = scorer
            .transitions_from("occ:kassamedewerker", &options)
            .expect("transitions");
        assert!(!t.items.is_empty());
        assert!(
            t.items.iter().all(|i| i.occupation != "occ:aaa-leeg"),
            "{rank_by}: an empty occupation is not a transition"
        );
        let p = profile_of(&o, "occ:kassamedewerker", Evidence::WorkExperience);
        let t = scorer.transitions(&p, &options).expect("transitions");
        assert!(t.items.iter().all(|i| i.occupation != "occ:aaa-leeg"));
    }
}

#[test]
fn few_requirements_are_shrunk_and_the_explanation_says_so() {
    let scorer = &*SCORER;
    let p = Profile {
        skills: vec![ProfileSkill::new(
            "skill:klantgericht-werken",
            Evidence::Diploma,
        )],
        ..Profile::default()
    };
    let t = scorer
        .transitions(&p, &TransitionOptions::default())
        .expect("transitions");
    assert!(!t.items.is_empty());
    for i in &t.items {
        let r = &i.relatedness;
        assert!(
            r.shrink > 0.0 && r.shrink < 1.0,
            "every occupation is shrunk a little"
        );
        assert!(r.score <= r.target_coverage + 1e-12 || r.link.is_some());
    }
    // A stronger shrink lowers occupations with few requirements visibly, and says so.
    let mut config = scorer.config().clone();
    config.relatedness.shrink = 5.0;
    let strong = Scorer::new(&EMBEDDED, config).expect("valid");
    let t = strong
        .transitions(&p, &TransitionOptions::default())
        .expect("transitions");
    let text = t.items[0].explain(Lang::Nl);
    assert!(text.contains("verlaagd"), "{text}");
    let text = t.items[0].explain(Lang::En);
    assert!(text.contains("lowered"), "{text}");
}

#[test]
fn equal_relatedness_breaks_by_id() {
    // Two copies of verkoopmedewerker: identical requirements, so identical relatedness.
    let o = with_occupations(&[
        ("occ:zz-kopie-b", Some("occ:verkoopmedewerker")),
        ("occ:zz-kopie-a", Some("occ:verkoopmedewerker")),
    ]);
    let scorer = Scorer::with_defaults(&o);
    let t = scorer
        .transitions_from("occ:kassamedewerker", &TransitionOptions::default())
        .expect("transitions");
    let pos = |id: &str| t.items.iter().position(|i| i.occupation == id);
    let (a, b) = (pos("occ:zz-kopie-a"), pos("occ:zz-kopie-b"));
    assert!(a.is_some() && b.is_some(), "both copies are in the top 10");
    assert!(a < b, "ties break by id");
    let (ia, ib) = (&t.items[a.unwrap_or(0)], &t.items[b.unwrap_or(0)]);
    assert_eq!(ia.score, ib.score);
}

#[test]
fn the_ranking_alone_agrees_with_the_full_transitions() {
    let quick = SCORER
        .related_occupations("occ:magazijnmedewerker", 10)
        .expect("ranking");
    let full = SCORER
        .transitions_from(
            "occ:magazijnmedewerker",
            &TransitionOptions {
                rank_by: RankBy::Relatedness,
                limit: Some(10),
                ..Default::default()
            },
        )
        .expect("transitions");
    let a: Vec<&str> = quick.iter().map(|s| &*s.occupation.id).collect();
    let b: Vec<&str> = full.items.iter().map(|i| i.occupation.as_str()).collect();
    assert_eq!(a, b);
    // Relatedness between occupations is symmetric with the default weights.
    let back = SCORER
        .related_occupations(&quick[0].occupation.id, 200)
        .expect("ranking");
    let there = back
        .iter()
        .find(|s| &*s.occupation.id == "occ:magazijnmedewerker")
        .expect("related both ways");
    assert!((there.similarity - quick[0].similarity).abs() < 1e-6);
}

#[test]
fn batch_answers_come_back_in_input_order() {
    let sources = vec![
        TransitionSource::Occupation("occ:kassamedewerker".into()),
        TransitionSource::Occupation("occ:bestaat-niet".into()),
        TransitionSource::Profile(profile_of(
            &EMBEDDED,
            "occ:heftruckchauffeur",
            Evidence::Diploma,
        )),
        TransitionSource::Occupation("occ:verzorgende-ig".into()),
    ];
    let answers = SCORER.transitions_batch(&sources, &TransitionOptions::default());
    assert_eq!(answers.len(), 4);
    let one = SCORER
        .transitions_from("occ:verzorgende-ig", &TransitionOptions::default())
        .expect("single");
    assert_eq!(answers[3].as_ref().ok(), Some(&one));
    assert!(answers[1].is_err());
    assert!(answers[0].as_ref().is_ok_and(|t| t.from.is_some()));
    assert!(answers[2].as_ref().is_ok_and(|t| t.from.is_none()));
}

/// `ranked_transitions` is `transitions` without the explanations: the same occupations, in the
/// same order, with the same numbers, for every order, filter and source.
#[test]
fn the_ranking_without_explanations_is_the_explained_ranking() {
    let embedded = profile_of(&EMBEDDED, "occ:heftruckchauffeur", Evidence::WorkExperience);
    let mut checked = 0;
    for rank_by in [
        RankBy::Combined,
        RankBy::Relatedness,
        RankBy::Reachability,
        RankBy::Hours,
        RankBy::Cost,
    ] {
        for (limit, shortage_only, max_gap_hours) in [
            (Some(10), false, None),
            (None, true, None),
            (Some(3), false, Some(400.0)),
        ] {
            let options = TransitionOptions {
                rank_by,
                limit,
                shortage_only,
                max_gap_hours,
                ..TransitionOptions::default()
            };
            let sources = vec![
                TransitionSource::Occupation("occ:kassamedewerker".into()),
                TransitionSource::Occupation("occ:verzorgende-ig".into()),
                TransitionSource::Profile(embedded.clone()),
                TransitionSource::Occupation("occ:bestaat-niet".into()),
            ];
            let full = SCORER.transitions_batch(&sources, &options);
            let ranked = SCORER.ranked_transitions_batch(&sources, &options);
            assert_eq!(full.len(), ranked.len());
            for (f, r) in full.iter().zip(&ranked) {
                let (Ok(f), Ok(r)) = (f, r) else {
                    assert!(f.is_err() && r.is_err(), "{rank_by}: one of the two failed");
                    continue;
                };
                assert_eq!(f.from, r.from);
                assert_eq!((f.rank_by, f.considered), (r.rank_by, r.considered));
                let (full_items, ranked_items) = (&f.items, &r.items);
                let f: Vec<_> = f
                    .items
                    .iter()
                    .map(|t| {
                        let parts = (t.relatedness.score, t.reachability.clone(), t.shortage);
                        (
                            t.occupation.clone(),
                            t.score,
                            parts,
                            t.gap_hours,
                            t.cost_eur,
                        )
                    })
                    .collect();
                let r: Vec<_> = r
                    .items
                    .iter()
                    .map(|t| {
                        let parts = (t.relatedness, t.reachability.clone(), t.shortage);
                        (
                            t.occupation.id.to_string(),
                            t.score,
                            parts,
                            t.gap_hours,
                            t.cost_eur,
                        )
                    })
                    .collect();
                assert_eq!(
                    f, r,
                    "{rank_by} {limit:?} {shortage_only} {max_gap_hours:?}"
                );
                if let (Some(full), Some(ranked)) = (full_items.first(), ranked_items.first()) {
                    // The same opening words: label and score.
                    let head = |text: String| text.split("; ").next().unwrap_or("").to_owned();
                    assert_eq!(head(ranked.explain(Lang::Nl)), head(full.explain(Lang::Nl)));
                    assert!(ranked.explain(Lang::En).contains("reachability"));
                }
                checked += f.len();
            }
        }
    }
    assert!(checked > 100, "only {checked} items compared");
}

fn arb_skill() -> impl Strategy<Value = ProfileSkill> {
    (
        0u32..500,
        prop::option::of(1u8..=5),
        0usize..5,
        any::<bool>(),
    )
        .prop_map(|(s, level, e, validated)| ProfileSkill {
            id: format!("skill:s{s:06}"),
            level: level.and_then(Level::new),
            evidence: EVIDENCE[e],
            validated,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn adding_a_held_skill_never_lowers_relatedness(
        skills in prop::collection::vec(arb_skill(), 0..12),
        extra in arb_skill(),
    ) {
        let before = Profile { skills: skills.clone(), ..Profile::default() };
        let mut after = before.clone();
        after.skills.push(extra);
        let a = relatedness(&SMALL, &before);
        let b = relatedness(&SMALL, &after);
        for (occ, r) in &a {
            let r2 = b.get(occ).copied().unwrap_or(0.0);
            prop_assert!(r2 + 1e-12 >= *r, "{occ}: {r} → {r2}");
        }
    }
}
