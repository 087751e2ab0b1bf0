//! Benches for vaardig-score on the ESCO-scale generated ontology (14k skills, 3k occupations,
//! 130k occupation–skill links, 10k offers): one gap, transitions over every occupation, one
//! route, the full occupation similarity matrix, and the relatedness ranking (also on real ESCO
//! v1.1.1 when `../shared/data/esco` is there). Every bench asserts on its result so a
//! broken fast path cannot look fast.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig::core::generate::{GeneratorConfig, generate};
use vaardig::core::{ConceptKind, Importance, Level, Nlqf, RelationKind};
use vaardig::score::{
    Evidence, Profile, ProfileSkill, RouteOptions, Scheme, Scorer, TransitionOptions,
    TransitionSource,
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
            assert!(t.considered > 100, "considered {}", t.considered);
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
    relatedness(c, "score/esco_scale", &scorer, "occ:o00042");
    if let Some(esco) = real_esco() {
        let scorer = Scorer::with_defaults(&esco);
        let from = esco
            .concepts(ConceptKind::Occupation)
            .find(|(ix, _)| esco.outgoing(*ix, RelationKind::Requires).count() > 20)
            .map(|(_, c)| c.id.clone())
            .expect("ESCO has occupations");
        relatedness(c, "score/real_esco", &scorer, &from);
    } else {
        eprintln!("skipping the real-ESCO benches: no data in ../shared/data/esco");
    }
}

/// Real ESCO v1.1.1 with Dutch labels, when `../shared/data/esco` is there.
fn real_esco() -> Option<vaardig::core::Ontology> {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco");
    let dirs = [base.join("v1.1.1"), base.join("nl")];
    if !dirs[0].join("skills_en.csv").is_file() {
        return None;
    }
    let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
    let imported = vaardig::import::import_esco(
        &dirs,
        vaardig::import::ImportOptions::new().languages(["en", "nl"]),
    )
    .ok()?
    .build()
    .ok()?;
    Some(imported.ontology)
}

/// The relatedness ranking alone, explained transitions from an occupation, and a batch of every
/// occupation as a source.
fn relatedness(c: &mut Criterion, name: &str, scorer: &Scorer, from: &str) {
    let n = scorer.occupation_count();
    let mut group = c.benchmark_group(name);
    // The first call computes the occupation matrix once; measured separately below.
    let warm = scorer.related_occupations(from, 10).expect("ranking");
    assert_eq!(warm.len(), 10);
    group.bench_function("related_occupations_top10", |b| {
        b.iter(|| {
            let top = scorer
                .related_occupations(black_box(from), 10)
                .expect("ranking");
            assert_eq!(top.len(), 10);
            assert!(top.windows(2).all(|w| w[0].similarity >= w[1].similarity));
            top
        })
    });
    let options = TransitionOptions {
        limit: Some(10),
        ..TransitionOptions::default()
    };
    group.bench_function("transitions_from_top10_explained", |b| {
        b.iter(|| {
            let t = scorer
                .transitions_from(black_box(from), &options)
                .expect("transitions");
            assert_eq!(t.items.len(), 10);
            t
        })
    });
    group.sample_size(10);
    let sources: Vec<TransitionSource> = scorer
        .ontology()
        .concepts(ConceptKind::Occupation)
        .map(|(_, c)| TransitionSource::Occupation(c.id.clone()))
        .collect();
    assert_eq!(sources.len(), n);
    group.bench_function("batch_every_occupation_top10", |b| {
        b.iter(|| {
            let all = scorer.transitions_batch(black_box(&sources), &options);
            assert!(all.iter().all(Result::is_ok));
            all
        })
    });
    group.bench_function("relatedness_matrix_first_call", |b| {
        b.iter(|| {
            let fresh = Scorer::with_defaults(scorer.ontology());
            let top = fresh.related_occupations(from, 10).expect("ranking");
            assert_eq!(top.len(), 10);
            top
        })
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
