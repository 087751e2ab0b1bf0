//! Benches for vaardig-search on the ESCO-scale generated ontology (14,000 skills, 3,000
//! occupations, 500 qualifications, 10,000 offers): index build, exact, fuzzy and prefix
//! queries, autocomplete (`suggest`), and extraction from a 300-word text.
//!
//! Every bench checks its answer (the concept searched for is found, the mentions planted in the
//! text are extracted), so a broken fast path cannot look fast.
//!
//! Run: `cargo bench --bench search -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{ConceptKind, Ontology};
use vaardig_search::{SearchOptions, Searcher};

fn ontology() -> Ontology {
    generate(&GeneratorConfig::esco_scale())
        .expect("generated ontologies are valid")
        .ontology
}

/// `(id, Dutch preferred label)` of every 97th skill: spread over the whole id range.
fn targets(ontology: &Ontology) -> Vec<(String, String)> {
    ontology
        .concepts(ConceptKind::Skill)
        .step_by(97)
        .take(64)
        .map(|(_, c)| (c.id.clone(), c.label("nl").to_owned()))
        .collect()
}

/// The label with two letters of its first word swapped (one transposition: edit distance 1).
fn typo(label: &str) -> String {
    let mut chars: Vec<char> = label.chars().collect();
    if chars.len() > 4 {
        chars.swap(2, 3);
    }
    chars.into_iter().collect()
}

fn found(searcher: &Searcher, query: &str, options: &SearchOptions, id: &str) -> bool {
    searcher.search(query, options).iter().any(|h| h.id == id)
}

fn bench_build(c: &mut Criterion, ontology: &Ontology) {
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function("build_index_esco", |b| {
        b.iter(|| {
            let s = Searcher::new(black_box(ontology)).expect("builds");
            assert!(s.documents() > 50_000, "{} documents", s.documents());
            s
        });
    });
    group.finish();
}

fn bench_queries(c: &mut Criterion, ontology: &Ontology, searcher: &Searcher) {
    let targets = targets(ontology);
    let exact = SearchOptions::default();
    let autocomplete = SearchOptions::autocomplete();
    let typos: Vec<String> = targets.iter().map(|(_, l)| typo(l)).collect();
    let prefixes: Vec<String> = targets
        .iter()
        .map(|(_, l)| {
            let first = l.split(' ').next().unwrap_or(l);
            first.chars().take(6).collect()
        })
        .collect();
    // Checksums: every query must find what it looks for.
    let exact_found = targets
        .iter()
        .filter(|(id, l)| found(searcher, l, &exact, id))
        .count();
    assert_eq!(
        exact_found,
        targets.len(),
        "exact queries must find their concept"
    );
    let fuzzy_found = targets
        .iter()
        .zip(&typos)
        .filter(|((id, _), q)| found(searcher, q, &exact, id))
        .count();
    assert!(
        fuzzy_found * 10 >= targets.len() * 9,
        "fuzzy found {fuzzy_found}"
    );
    assert!(
        prefixes
            .iter()
            .all(|p| !searcher.search(p, &autocomplete).is_empty())
    );

    let mut group = c.benchmark_group("search");
    let mut i = 0usize;
    group.bench_function("exact_query", |b| {
        b.iter(|| {
            i = (i + 1) % targets.len();
            let hits = searcher.search(black_box(&targets[i].1), &exact);
            assert!(!hits.is_empty());
            hits
        });
    });
    group.bench_function("fuzzy_query", |b| {
        b.iter(|| {
            i = (i + 1) % typos.len();
            let hits = searcher.search(black_box(&typos[i]), &exact);
            assert!(!hits.is_empty());
            hits
        });
    });
    group.bench_function("prefix_query", |b| {
        b.iter(|| {
            i = (i + 1) % prefixes.len();
            let hits = searcher.search(black_box(&prefixes[i]), &autocomplete);
            assert!(!hits.is_empty());
            hits
        });
    });
    // The autocomplete table: every prefix must find something, and most their own concept.
    let suggested = targets
        .iter()
        .zip(&prefixes)
        .filter(|((id, _), p)| {
            searcher
                .suggest(p, &autocomplete)
                .iter()
                .any(|h| &h.id == id)
        })
        .count();
    assert!(suggested * 2 >= targets.len(), "suggest found {suggested}");
    group.bench_function("suggest", |b| {
        b.iter(|| {
            i = (i + 1) % prefixes.len();
            let hits = searcher.suggest(black_box(&prefixes[i]), &autocomplete);
            assert!(!hits.is_empty());
            hits
        });
    });
    group.finish();
}

/// A 300-word text with 20 skill labels planted between filler words.
fn paragraph(ontology: &Ontology) -> (String, Vec<String>) {
    let filler = [
        "ik",
        "heb",
        "jaren",
        "gewerkt",
        "als",
        "medewerker",
        "in",
        "een",
        "team",
        "met",
        "collega's",
        "en",
        "klanten",
        "daarbij",
        "was",
        "ik",
        "verantwoordelijk",
        "voor",
        "het",
        "dagelijkse",
        "werk",
        "op",
        "de",
        "afdeling",
    ];
    let planted: Vec<(String, String)> = ontology
        .concepts(ConceptKind::Skill)
        .step_by(701)
        .take(20)
        .map(|(_, c)| (c.id.clone(), c.label("nl").to_owned()))
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut k = 0;
    for (_, label) in &planted {
        for _ in 0..13 {
            words.push(filler[k % filler.len()].to_owned());
            k += 1;
        }
        words.push(format!("{label}."));
    }
    while words.iter().map(|w| w.split(' ').count()).sum::<usize>() < 300 {
        words.push(filler[k % filler.len()].to_owned());
        k += 1;
    }
    (
        words.join(" "),
        planted.into_iter().map(|(id, _)| id).collect(),
    )
}

fn bench_extract(c: &mut Criterion, ontology: &Ontology, searcher: &Searcher) {
    let (text, planted) = paragraph(ontology);
    assert!(text.split_whitespace().count() >= 300);
    let mentions = searcher.extract(&text);
    let found = planted
        .iter()
        .filter(|id| mentions.iter().any(|m| &m.id == *id))
        .count();
    assert_eq!(found, planted.len(), "every planted label is extracted");

    let mut group = c.benchmark_group("search");
    group.bench_function("extract_300_words", |b| {
        b.iter(|| {
            let mentions = searcher.extract(black_box(&text));
            assert!(mentions.len() >= planted.len());
            mentions
        });
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let ontology = ontology();
    bench_build(c, &ontology);
    let searcher = Searcher::new(&ontology).expect("builds");
    bench_queries(c, &ontology, &searcher);
    bench_extract(c, &ontology, &searcher);
}

criterion_group!(search, benches);
criterion_main!(search);
