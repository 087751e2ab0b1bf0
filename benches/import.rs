//! Benches for vaardig-import: the real ESCO v1.1.1 CSV download with the Dutch occupation
//! labels (two languages: 13.9k skills, 3k occupations, 124k occupation–skill links), loading
//! that import back from the native format, and the ESCO-scale generated ontology (14k skills,
//! 3k occupations, 130k links, 500 qualifications, 10k offers) written and read as Turtle.
//!
//! Every bench checks its result (exact concept and relation counts), so a broken fast path
//! cannot look fast. The ESCO benches are skipped, with a message, when `../shared/data/esco` is
//! absent.
//!
//! Run: `cargo bench --bench import -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::io::{load, to_tables};
use vaardig_core::{ConceptKind, Ontology, RelationKind};
use vaardig_import::{
    ImportOptions, Mapping, RdfFormat, import_esco, import_rdf_reader, write_turtle,
};

/// The ESCO v1.1.1 and Dutch occupation folders, when the shared data is there.
fn esco_dirs() -> Option<[PathBuf; 2]> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco");
    let dirs = [root.join("v1.1.1"), root.join("nl")];
    if dirs[0].join("skills_en.csv").is_file() && dirs[1].join("occupations_nl.csv").is_file() {
        Some(dirs)
    } else {
        eprintln!(
            "skipping the ESCO benches: no ESCO data at {} (see ../shared/data/README.md)",
            root.display()
        );
        None
    }
}

/// Imports ESCO v1.1.1 with Dutch occupations and checks the counts.
fn import_real_esco(dirs: &[PathBuf; 2]) -> Ontology {
    let imported = import_esco(dirs, ImportOptions::new().languages(["en", "nl"]))
        .expect("ESCO imports")
        .build()
        .expect("and builds");
    let o = imported.ontology;
    assert_eq!(o.count(ConceptKind::Skill), 13_896);
    assert_eq!(o.count(ConceptKind::Occupation), 3_007);
    assert_eq!(o.relation_count(RelationKind::Requires), 123_788);
    assert_eq!(imported.report.rejected(), 69);
    o
}

fn esco(c: &mut Criterion) {
    let Some(dirs) = esco_dirs() else { return };
    let mut group = c.benchmark_group("import/esco_v1.1.1_en_nl");
    group.sample_size(10);
    group.bench_function("csv_to_ontology", |b| {
        b.iter(|| import_real_esco(black_box(&dirs)))
    });
    let ontology = import_real_esco(&dirs);
    let tables: Vec<(String, Vec<u8>)> = to_tables(&ontology)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    group.bench_function("load_native", |b| {
        b.iter(|| {
            let built = load(black_box(&tables)).expect("loads");
            assert_eq!(built.ontology.len(), ontology.len());
            assert_eq!(
                built.ontology.relation_count(RelationKind::Broader),
                ontology.relation_count(RelationKind::Broader)
            );
            built
        })
    });
    group.finish();
}

fn turtle(c: &mut Criterion) {
    let ontology = generate(&GeneratorConfig::esco_scale())
        .expect("generated ontologies are valid")
        .ontology;
    let mut ttl = Vec::new();
    write_turtle(&ontology, &mut ttl).expect("writes");
    eprintln!("ESCO-scale Turtle: {:.1} MB", ttl.len() as f64 / 1e6);
    let mapping = Mapping::competentnl();
    let mut group = c.benchmark_group("import/esco_scale_generated");
    group.sample_size(10);
    group.bench_function("write_turtle", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(ttl.len());
            write_turtle(black_box(&ontology), &mut out).expect("writes");
            assert_eq!(out.len(), ttl.len());
            out
        })
    });
    group.bench_function("turtle_to_ontology", |b| {
        b.iter(|| {
            let back = import_rdf_reader(
                black_box(ttl.as_slice()),
                RdfFormat::Turtle,
                "esco-scale.ttl",
                &mapping,
                ImportOptions::new(),
            )
            .expect("reads")
            .build()
            .expect("builds")
            .ontology;
            assert_eq!(back.len(), ontology.len());
            assert_eq!(
                back.relation_count(RelationKind::Requires),
                ontology.relation_count(RelationKind::Requires)
            );
            back
        })
    });
    group.finish();
}

criterion_group!(benches, esco, turtle);
criterion_main!(benches);
