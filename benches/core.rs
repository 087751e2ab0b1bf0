//! Benches for vaardig-core on the ESCO-scale generated ontology (14k skills, 3k occupations,
//! 130k occupation–skill links, 500 qualifications, 10k offers): building from records, loading
//! the native CSV format, writing it, and the content hash.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig::core::generate::{GeneratorConfig, generate, generate_builder};
use vaardig::core::io::{load, to_tables};
use vaardig::core::{ConceptKind, Stats};

fn core(c: &mut Criterion) {
    let config = GeneratorConfig::esco_scale();
    let ontology = generate(&config).expect("valid").ontology;
    let tables: Vec<(String, Vec<u8>)> = to_tables(&ontology)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    let bytes: usize = tables.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "native format: {:.1} MB in {} files",
        bytes as f64 / 1e6,
        tables.len()
    );

    let mut group = c.benchmark_group("core/esco_scale");
    group.sample_size(10);
    group.bench_function("load_native_csv_and_build", |b| {
        b.iter(|| {
            let built = load(black_box(&tables)).expect("loads");
            assert_eq!(built.ontology.count(ConceptKind::Skill), 14_000);
            built
        })
    });
    group.bench_function("build_from_records", |b| {
        b.iter_batched(
            || generate_builder(&config),
            |builder| {
                let built = builder.build().expect("valid");
                assert_eq!(built.ontology.count(ConceptKind::Occupation), 3_000);
                built
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("write_native_csv", |b| {
        b.iter(|| {
            let out = to_tables(black_box(&ontology));
            assert_eq!(out.len(), 17);
            out
        })
    });
    group.bench_function("stats", |b| {
        b.iter(|| {
            let s = Stats::of(black_box(&ontology));
            assert!(s.occupation_skill_links > 100_000);
            s
        })
    });
    group.finish();
}

criterion_group!(benches, core);
criterion_main!(benches);
