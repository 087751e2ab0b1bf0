//! Benches for vaardig-score on the ESCO-scale generated ontology (14k skills, 3k occupations,
//! 130k occupation–skill links, 10k offers): one gap, transitions over every occupation, one
//! route, and the full occupation similarity matrix. Every bench asserts on its result so a
//! broken fast path cannot look fast.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig::core::generate::{GeneratorConfig, generate};
use vaardig::core::{ConceptKind, Importance, Level, Nlqf, RelationKind};
use vaardig::score::{
    Evidence, Profile, ProfileSkill, RouteOptions, Scheme, Scorer, TransitionOptions,
};

/// A person holding half the essential and important skills of one occupation plus a few others.
fn profile(ontology: &vaardig::core::Ontology) -> Profile {
    let occ = ontology.index_of("occ:o00042").expect("generated");
    let mut skills: Vec<ProfileSkill> = ontology
        .outgoing(occ, RelationKind::Requires)
        .filter(|(_, r)| r.importance != Some(Importance::Optional))
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(i, (s, _))| ProfileSkill {
            id: ontology.concept(s).id.clone(),
            level: Level::new(1 + (i % 5) as u8),
            evidence: if i % 3 == 0 {
                Evidence::WorkExperience
            } else {
                Evidence::Diploma
            },
            validated: i % 4 == 0,
        })
        .collect();
    for s in [17, 1_234, 5_000, 9_999] {
        skills.push(ProfileSkill::new(
            format!("skill:s{s:06}"),
            Evidence::SelfDeclared,
        ));
    }
    Profile {
        skills,
        age: Some(38),
        nlqf: Nlqf::new(3),
        current_occupation: Some("occ:o00042".into()),
        ..Profile::default()
    }
}

fn score(c: &mut Criterion) {
    let ontology = generate(&GeneratorConfig::esco_scale())
        .expect("valid")
        .ontology;
    assert_eq!(ontology.count(ConceptKind::LearningOffer), 10_000);
    let scorer = Scorer::with_defaults(&ontology);
    let person = profile(&ontology);
    eprintln!("profile: {} skills", person.skills.len());

    let mut group = c.benchmark_group("score/esco_scale");
    group.bench_function("gap", |b| {
        b.iter(|| {
            let g = scorer
                .gap(black_box(&person), black_box("occ:o00042"))
                .expect("gap");
            assert!(g.score > 0.2 && g.score <= 1.0, "score {}", g.score);
            assert!(!g.matched.is_empty());
            g
        })
    });
    let options = TransitionOptions {
        limit: Some(20),
        ..TransitionOptions::default()
    };
    group.bench_function("transitions_3000_occupations", |b| {
        b.iter(|| {
            let t = scorer
                .transitions(black_box(&person), &options)
                .expect("transitions");
            assert_eq!(t.considered, 2_999);
            assert_eq!(t.items.len(), 20);
            assert!(t.items.windows(2).all(|w| w[0].score >= w[1].score));
            t
        })
    });
    let scheme = Scheme::by_id("leerrechten").expect("built in");
    for (name, target) in [("route_near", "occ:o00043"), ("route_far", "occ:o02500")] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let r = scorer
                    .route(black_box(&person), target, &RouteOptions::default())
                    .expect("route");
                assert!(!r.targets.is_empty() && !r.offers.is_empty());
                assert!(r.not_fitted.is_empty());
                r
            })
        });
    }
    group.bench_function("route_within_learning_rights", |b| {
        b.iter(|| {
            let r = scorer
                .route(
                    black_box(&person),
                    "occ:o02500",
                    &RouteOptions {
                        scheme: Some(scheme.as_dyn()),
                        ..RouteOptions::default()
                    },
                )
                .expect("route");
            let avail = r
                .budget
                .as_ref()
                .and_then(|b| b.available_eur)
                .expect("cap");
            assert!(r.total_cost_eur <= avail);
            r
        })
    });
    group.sample_size(10);
    group.bench_function("similarity_matrix", |b| {
        b.iter(|| {
            let m = scorer.similarity_matrix();
            assert_eq!(m.dim(), (3_000, 3_000));
            let diag: f32 = (0..3_000).map(|i| m[[i, i]]).sum();
            assert!((diag - 3_000.0).abs() < 1.0, "diagonal {diag}");
            m
        })
    });
    group.bench_function("build_scorer", |b| {
        b.iter(|| {
            let s = Scorer::with_defaults(black_box(&ontology));
            assert_eq!(s.occupation_count(), 3_000);
            s
        })
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
