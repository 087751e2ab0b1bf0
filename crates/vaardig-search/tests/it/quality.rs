//! Search and extraction quality on the embedded default ontology, measured against the
//! hand-labelled sets in `tests/data/`. Thresholds sit a little under what was measured when
//! the sets were written (456 queries: recall@1 0.980, recall@5 0.998, weakest category recall@5
//! 0.971; 15 paragraphs: precision 0.933, recall 0.892), so a regression fails the build while
//! the ontology's ongoing edits leave some room.

use std::collections::BTreeMap;

use vaardig_core::Ontology;
use vaardig_search::{ConceptKind, LangFilter, SearchOptions};

use crate::common::embedded_searcher;

const QUERIES: &str = include_str!("../data/queries.tsv");
const EXTRACTION: &str = include_str!("../data/extraction.tsv");

/// Minimum share of queries whose expected concept is the first hit.
const MIN_RECALL_AT_1: f64 = 0.94;
/// Minimum share of queries whose expected concept is among the first five hits.
const MIN_RECALL_AT_5: f64 = 0.98;
/// Minimum recall@5 of every category on its own.
const MIN_CATEGORY_RECALL_AT_5: f64 = 0.93;
/// Minimum extraction precision and recall (over concept ids per paragraph).
const MIN_EXTRACTION_PRECISION: f64 = 0.88;
const MIN_EXTRACTION_RECALL: f64 = 0.84;

struct Query<'a> {
    line: usize,
    text: &'a str,
    expected: Vec<&'a str>,
    category: &'a str,
    options: SearchOptions,
}

fn parse_options(spec: &str, line: usize) -> SearchOptions {
    let mut options = SearchOptions {
        limit: 5,
        ..SearchOptions::default()
    };
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            None if part == "prefix" => options.prefix = true,
            Some(("kind", kind)) => {
                let kind: ConceptKind = kind.parse().unwrap_or_else(|e| panic!("line {line}: {e}"));
                options.kinds.push(kind);
            }
            Some(("lang", "nl")) => options.lang = LangFilter::Nl,
            Some(("lang", "en")) => options.lang = LangFilter::En,
            _ => panic!("line {line}: unknown option `{part}`"),
        }
    }
    options
}

fn queries() -> Vec<Query<'static>> {
    let mut out = Vec::new();
    for (i, line) in QUERIES.lines().enumerate() {
        let line_no = i + 1;
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("query\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 3,
            "line {line_no}: expected 3 or 4 columns: {line:?}"
        );
        out.push(Query {
            line: line_no,
            text: cols[0],
            expected: cols[1].split('|').collect(),
            category: cols[2],
            options: parse_options(cols.get(3).copied().unwrap_or(""), line_no),
        });
    }
    out
}

fn ontology() -> Ontology {
    Ontology::embedded().expect("the embedded ontology is valid")
}

#[test]
fn the_query_set_is_large_varied_and_refers_to_real_concepts() {
    let qs = queries();
    assert!(qs.len() >= 300, "only {} queries", qs.len());
    let o = ontology();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &qs {
        for id in &q.expected {
            assert!(o.get(id).is_some(), "line {}: unknown id {id}", q.line);
        }
        *per_category.entry(q.category).or_default() += 1;
    }
    for category in [
        "exact",
        "synonym",
        "en",
        "en_synonym",
        "typo1",
        "typo2",
        "inflection",
        "prefix",
        "word_order",
        "compound",
    ] {
        assert!(
            per_category.get(category).copied().unwrap_or(0) >= 10,
            "category {category} has fewer than 10 queries: {per_category:?}"
        );
    }
}

#[test]
fn search_recall_on_the_labelled_query_set() {
    let searcher = embedded_searcher();
    let mut hits_at_1 = 0usize;
    let mut hits_at_5 = 0usize;
    let mut per_category: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut report = Vec::new();
    let qs = queries();
    for q in &qs {
        let hits = searcher.search(q.text, &q.options);
        let rank = hits
            .iter()
            .position(|h| q.expected.contains(&h.id.as_str()));
        let entry = per_category.entry(q.category).or_default();
        entry.0 += 1;
        if rank == Some(0) {
            hits_at_1 += 1;
            entry.1 += 1;
        }
        if rank.is_some() {
            hits_at_5 += 1;
            entry.2 += 1;
        }
        if rank != Some(0) {
            let got: Vec<String> = hits
                .iter()
                .take(3)
                .map(|h| format!("{} ({:.2})", h.id, h.score))
                .collect();
            report.push(format!(
                "  line {:>3} {:<11} {:<32} want {:<40} rank {:?} got {}",
                q.line,
                q.category,
                q.text,
                q.expected.join("|"),
                rank.map(|r| r + 1),
                got.join(", ")
            ));
        }
    }
    let n = qs.len() as f64;
    let r1 = hits_at_1 as f64 / n;
    let r5 = hits_at_5 as f64 / n;
    eprintln!(
        "search quality over {} queries: recall@1 {r1:.3}, recall@5 {r5:.3}",
        qs.len()
    );
    for (category, (total, at1, at5)) in &per_category {
        eprintln!(
            "  {category:<11} {total:>3} queries  recall@1 {:.3}  recall@5 {:.3}",
            *at1 as f64 / *total as f64,
            *at5 as f64 / *total as f64
        );
    }
    eprintln!("not first:\n{}", report.join("\n"));
    assert!(
        r1 >= MIN_RECALL_AT_1,
        "recall@1 {r1:.3} < {MIN_RECALL_AT_1}"
    );
    assert!(
        r5 >= MIN_RECALL_AT_5,
        "recall@5 {r5:.3} < {MIN_RECALL_AT_5}"
    );
    for (category, (total, _, at5)) in &per_category {
        let r = *at5 as f64 / *total as f64;
        assert!(
            r >= MIN_CATEGORY_RECALL_AT_5,
            "category {category}: recall@5 {r:.3} < {MIN_CATEGORY_RECALL_AT_5}"
        );
    }
}

struct Paragraph<'a> {
    line: usize,
    text: &'a str,
    expected: Vec<&'a str>,
}

fn paragraphs() -> Vec<Paragraph<'static>> {
    EXTRACTION
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let (text, ids) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("line {}: expected text<TAB>ids", i + 1));
            Paragraph {
                line: i + 1,
                text,
                expected: ids.split_whitespace().collect(),
            }
        })
        .collect()
}

#[test]
fn extraction_precision_and_recall_on_the_labelled_paragraphs() {
    let searcher = embedded_searcher();
    let o = ontology();
    let ps = paragraphs();
    assert!(ps.len() >= 12, "only {} paragraphs", ps.len());
    let (mut found, mut correct, mut wanted, mut recalled) = (0usize, 0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for p in &ps {
        for id in &p.expected {
            assert!(o.get(id).is_some(), "line {}: unknown id {id}", p.line);
        }
        let mut ids: Vec<String> = searcher.extract(p.text).into_iter().map(|m| m.id).collect();
        ids.sort();
        ids.dedup();
        found += ids.len();
        let right = ids
            .iter()
            .filter(|id| p.expected.contains(&id.as_str()))
            .count();
        correct += right;
        wanted += p.expected.len();
        let got = p
            .expected
            .iter()
            .filter(|id| ids.iter().any(|i| i == *id))
            .count();
        recalled += got;
        let extra: Vec<&String> = ids
            .iter()
            .filter(|id| !p.expected.contains(&id.as_str()))
            .collect();
        let missed: Vec<&&str> = p
            .expected
            .iter()
            .filter(|id| !ids.iter().any(|i| i == **id))
            .collect();
        if !extra.is_empty() || !missed.is_empty() {
            report.push(format!(
                "  line {}: extra {extra:?} missed {missed:?}",
                p.line
            ));
        }
    }
    let precision = correct as f64 / found.max(1) as f64;
    let recall = recalled as f64 / wanted.max(1) as f64;
    eprintln!(
        "extraction over {} paragraphs: precision {precision:.3} ({correct}/{found}), recall {recall:.3} ({recalled}/{wanted})\n{}",
        ps.len(),
        report.join("\n")
    );
    assert!(
        precision >= MIN_EXTRACTION_PRECISION,
        "precision {precision:.3}"
    );
    assert!(recall >= MIN_EXTRACTION_RECALL, "recall {recall:.3}");
}
