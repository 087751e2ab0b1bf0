//! Benches for vaardig-diff on two ESCO-scale generated versions: the ESCO-scale ontology
//! (14k skills, 3k occupations, 130k links, 500 qualifications, 10k offers) and a seeded mutation
//! of it (1 % of skills and occupations dropped, 1 % re-identified, 2 % relabelled, ...).
//!
//! - `diff`: the full diff including the id-mapping proposal (target ≤ 2 s);
//! - `quality_report`: the quality report of one version;
//! - `impact_20_profiles`: transitions for 20 sampled profiles in both versions.
//!
//! Each iteration asserts the result against the mutation log, so a broken fast path cannot look
//! fast.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig::core::generate::{GeneratorConfig, generate};
use vaardig::diff::impact::{impact, sample_profiles};
use vaardig::diff::mutate::{MutationConfig, mutate};
use vaardig::diff::{ImpactOptions, QualityOptions, QualityReport, diff};

fn versions(c: &mut Criterion) {
    let old = generate(&GeneratorConfig::esco_scale())
        .expect("valid")
        .ontology;
    let mutated = mutate(&old, &MutationConfig::default()).expect("valid");
    let new = mutated.ontology;
    let log = mutated.log;
    eprintln!(
        "mutation: {} dropped, {} re-identified, {} relabelled, {} moved, {} added, {} re-weighted",
        log.dropped.len(),
        log.reids.len(),
        log.relabelled.len(),
        log.moved.len(),
        log.added.len(),
        log.reweighted.len()
    );
    let reference = diff(&old, &new);
    eprintln!(
        "diff: {} added, {} removed, {} remapped, {} suggested, {} relabelled, {} moved, \
         {} relations added, {} removed, {} re-weighted",
        reference.summary.added,
        reference.summary.removed,
        reference.summary.remapped,
        reference.summary.suggested,
        reference.summary.relabelled,
        reference.summary.moved,
        reference.summary.relations_added,
        reference.summary.relations_removed,
        reference.summary.relations_reweighted
    );
    assert!(reference.summary.removed >= log.dropped.len());
    assert!(reference.summary.added >= log.added.len());
    assert!(reference.summary.remapped > 0);

    let mut group = c.benchmark_group("versions/esco_scale");
    group.sample_size(10);
    group.bench_function("diff", |b| {
        b.iter(|| {
            let d = diff(black_box(&old), black_box(&new));
            assert_eq!(d.summary, reference.summary);
            d
        })
    });
    group.bench_function("quality_report", |b| {
        b.iter(|| {
            let r = QualityReport::of(black_box(&new), &QualityOptions::default());
            assert!(r.unrequired_skills.len() < 14_000);
            assert_eq!(r.labels.len(), 2);
            r
        })
    });
    let profiles = sample_profiles(&old, 20);
    group.bench_function("impact_20_profiles", |b| {
        b.iter(|| {
            let i = impact(&old, &new, &reference, &profiles, &ImpactOptions::default())
                .expect("profiles fit");
            assert_eq!(i.profiles.len(), 20);
            assert!((0.0..=1.0).contains(&i.mean_overlap));
            i
        })
    });
    group.finish();
}

criterion_group!(benches, versions);
criterion_main!(benches);
