//! Benches for vaardig-core on the ESCO-scale generated ontology (14k skills, 3k occupations,
//! 130k occupation–skill links, 500 qualifications, 10k offers): building from records, loading
//! the native CSV format, writing it, and the content hash; and loading from the CSV tables
//! against loading from a binary snapshot (`vaardig_core::snapshot`), on the embedded ontology,
//! the generated one and, when `../shared/data/esco` is there, real ESCO v1.1.1.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig::core::generate::{GeneratorConfig, generate, generate_builder};
use vaardig::core::io::{StaticSource, load, to_tables};
use vaardig::core::snapshot::{InputHash, from_bytes, to_bytes};
use vaardig::core::{Built, ConceptKind, EMBEDDED_TABLES, Stats};

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

/// Loading the tables (parse and validate) against reading a snapshot of them, and what the
/// snapshot path adds: hashing the input tables. Each asserts the ontology it gets.
fn snapshot(c: &mut Criterion) {
    let embedded = StaticSource::new(EMBEDDED_TABLES);
    let built = load(&embedded).expect("the embedded ontology is valid");
    snapshot_group(c, "snapshot/embedded", &embedded, &built);

    let generated = generate(&GeneratorConfig::esco_scale()).expect("valid");
    let tables: Vec<(String, Vec<u8>)> = to_tables(&generated.ontology)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    let built = load(&tables).expect("loads");
    snapshot_group(c, "snapshot/esco_scale", &tables, &built);

    match real_esco_tables() {
        Some(tables) => {
            let built = load(&tables).expect("loads");
            snapshot_group(c, "snapshot/real_esco", &tables, &built);
        }
        None => {
            eprintln!("skipping the real-ESCO snapshot benches: no data in ../shared/data/esco")
        }
    }
}

fn snapshot_group(
    c: &mut Criterion,
    name: &str,
    tables: &dyn vaardig::core::io::TableSource,
    built: &Built,
) {
    let inputs = InputHash::of_source(tables).expect("in memory");
    let bytes = to_bytes(built, inputs);
    let concepts = built.ontology.len();
    let relations = built.ontology.graph().edge_count();
    eprintln!(
        "{name}: {concepts} concepts, {relations} relations, snapshot {:.1} MB",
        bytes.len() as f64 / 1e6
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    // Freeing an ontology costs about as much as decoding a snapshot of it; a process that
    // loads once never pays it (the CLI exits without freeing), so it is left out of both.
    group.bench_function("load_from_csv", |b| {
        b.iter_with_large_drop(|| {
            let built = load(black_box(tables)).expect("loads");
            assert_eq!(built.ontology.len(), concepts);
            built
        })
    });
    group.bench_function("load_from_snapshot", |b| {
        b.iter_with_large_drop(|| {
            let back = from_bytes(std::path::Path::new("bench"), black_box(&bytes), inputs)
                .expect("a good snapshot");
            assert_eq!(back.ontology.len(), concepts);
            assert_eq!(back.ontology.graph().edge_count(), relations);
            back
        })
    });
    group.bench_function("hash_input_tables", |b| {
        b.iter(|| {
            let hash = InputHash::of_source(black_box(tables)).expect("in memory");
            assert_eq!(hash, inputs);
            hash
        })
    });
    group.bench_function("write_snapshot_bytes", |b| {
        b.iter(|| {
            let out = to_bytes(black_box(built), inputs);
            assert_eq!(out.len(), bytes.len());
            out
        })
    });
    group.finish();
}

/// Real ESCO v1.1.1 with Dutch labels in the native format, when `../shared/data/esco` is there.
fn real_esco_tables() -> Option<Vec<(String, Vec<u8>)>> {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco");
    let dirs = [base.join("v1.1.1"), base.join("nl")];
    if !dirs[0].join("skills_en.csv").is_file() {
        return None;
    }
    let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
    let ontology = vaardig::import::import_esco(
        &dirs,
        vaardig::import::ImportOptions::new().languages(["en", "nl"]),
    )
    .ok()?
    .build()
    .ok()?
    .ontology;
    Some(
        to_tables(&ontology)
            .into_iter()
            .map(|(n, t)| (n.to_owned(), t.into_bytes()))
            .collect(),
    )
}

criterion_group!(benches, core, snapshot);
criterion_main!(benches);
