//! The Rust side of `benches/compare/`: times one vaardig job on an ontology directory and
//! prints its answers, so `benches/compare/compare.py` can put it beside what a data team would
//! use instead (Python bisect, rapidfuzz, numpy/scipy, pandas) in the same run.
//!
//! ```text
//! cargo run --release --example compare -- JOB DIR [QUERIES] [ROUNDS]
//! ```
//!
//! JOB is `load`, `open` (through the binary snapshot, written by an untimed first open), `index` (build the search index), `suggest-index` (the index and the
//! autocomplete table), `autocomplete`, `lookup`, `related`, `ranking` (the default transitions order without
//! explanations), `transitions` or `gap`. QUERIES has one
//! query per line (a typed text for autocomplete and lookup, an occupation id for the others).
//! Prints one JSON object: `{"job", "per_query_ms": [one mean per round], "answers": [[id…]…]}`.

use std::time::Instant;

/// The allocator vaardig's own binaries use (the CLI, the server, the Python module).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use vaardig::core::Ontology;
use vaardig::core::io::load_dir;
use vaardig::core::snapshot::{OpenOptions, Origin};
use vaardig::score::{Evidence, Profile, ProfileSkill, Scorer, TransitionOptions};
use vaardig::search::{SearchOptions, Searcher};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [job, dir, rest @ ..] = args.as_slice() else {
        return Err("usage: compare JOB DIR [QUERIES] [ROUNDS]".into());
    };
    let queries: Vec<String> = match rest.first() {
        Some(path) => std::fs::read_to_string(path)?
            .lines()
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    };
    let rounds: usize = rest.get(1).map_or(Ok(5), |r| r.parse())?;
    let mut per_query_ms = Vec::new();
    let mut answers: Vec<Vec<String>> = Vec::new();
    if job == "load" {
        for _ in 0..rounds {
            let t = Instant::now();
            let built = load_dir(dir)?;
            per_query_ms.push(t.elapsed().as_secs_f64() * 1e3);
            answers = vec![vec![built.ontology.len().to_string()]];
        }
        return print(job, &per_query_ms, &answers);
    }
    if job == "open" {
        // Through the binary snapshot: the first open writes it (next to the tables), untimed.
        let options = OpenOptions::new().no_cache_dir();
        let _ = Ontology::open_with(dir, &options)?;
        for _ in 0..rounds {
            let t = Instant::now();
            let opened = Ontology::open_with(dir, &options)?;
            per_query_ms.push(t.elapsed().as_secs_f64() * 1e3);
            if !matches!(opened.origin, Origin::Snapshot(_)) {
                return Err(format!("no snapshot used: {:?}", opened.notes).into());
            }
            answers = vec![vec![opened.built.ontology.len().to_string()]];
        }
        return print(job, &per_query_ms, &answers);
    }
    if job == "index" || job == "suggest-index" {
        let ontology = load_dir(dir)?.ontology;
        for _ in 0..rounds {
            let t = Instant::now();
            let searcher = Searcher::new(&ontology)?;
            if job == "suggest-index" {
                let _ = searcher.suggest("a", &SearchOptions::autocomplete());
            }
            per_query_ms.push(t.elapsed().as_secs_f64() * 1e3);
            answers = vec![vec![searcher.documents().to_string()]];
        }
        return print(job, &per_query_ms, &answers);
    }
    let ontology = load_dir(dir)?.ontology;
    // Only the lookup jobs need the search index (building it costs seconds on ESCO).
    let searcher = match job.as_str() {
        "autocomplete" | "lookup" => Some(Searcher::new(&ontology)?),
        _ => None,
    };
    let scorer = Scorer::with_defaults(&ontology);
    // Warm the lazily built structures (label map, pair matrix) outside the timing.
    if let Some(searcher) = &searcher {
        let _ = searcher.suggest("a", &SearchOptions::autocomplete());
    }
    if let Some(first) = queries.first() {
        let _ = scorer.related_occupations(first, 10);
    }
    for _ in 0..rounds {
        let t = Instant::now();
        answers = queries
            .iter()
            .map(|q| answer(job, q, searcher.as_ref(), &scorer))
            .collect();
        per_query_ms.push(t.elapsed().as_secs_f64() * 1e3 / queries.len().max(1) as f64);
    }
    print(job, &per_query_ms, &answers)
}

fn answer(job: &str, query: &str, searcher: Option<&Searcher>, scorer: &Scorer) -> Vec<String> {
    let ids = |hits: Vec<vaardig::search::Hit>| hits.into_iter().map(|h| h.id).collect();
    match job {
        "autocomplete" => searcher.map_or_else(Vec::new, |searcher| {
            ids(searcher.suggest(
                query,
                &SearchOptions {
                    limit: 5,
                    ..SearchOptions::autocomplete()
                },
            ))
        }),
        "lookup" => searcher.map_or_else(Vec::new, |searcher| {
            ids(searcher.search(
                query,
                &SearchOptions {
                    limit: 5,
                    ..SearchOptions::default()
                },
            ))
        }),
        "related" => scorer
            .related_occupations(query, 10)
            .map(|s| s.into_iter().map(|s| s.occupation.id.to_string()).collect())
            .unwrap_or_default(),
        "ranking" => scorer
            .ranked_transitions_from(
                query,
                &TransitionOptions {
                    limit: Some(10),
                    ..TransitionOptions::default()
                },
            )
            .map(|t| {
                t.items
                    .into_iter()
                    .map(|t| t.occupation.id.to_string())
                    .collect()
            })
            .unwrap_or_default(),
        "transitions" => scorer
            .transitions_from(
                query,
                &TransitionOptions {
                    limit: Some(10),
                    ..TransitionOptions::default()
                },
            )
            .map(|t| t.items.into_iter().map(|t| t.occupation).collect())
            .unwrap_or_default(),
        "gap" => {
            // The gap from a profile of the occupation's first three skills to the occupation.
            let skills: Vec<ProfileSkill> = scorer
                .ontology()
                .index_of(query)
                .map(|ix| {
                    scorer
                        .ontology()
                        .outgoing(ix, vaardig::core::RelationKind::Requires)
                        .take(3)
                        .map(|(s, _)| {
                            ProfileSkill::new(
                                scorer.ontology().concept(s).id.clone(),
                                Evidence::WorkExperience,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let profile = Profile {
                skills,
                ..Profile::default()
            };
            scorer
                .gap(&profile, query)
                .map(|g| {
                    g.missing
                        .into_iter()
                        .map(|m| m.skill.id.to_string())
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn print(
    job: &str,
    per_query_ms: &[f64],
    answers: &[Vec<String>],
) -> Result<(), Box<dyn std::error::Error>> {
    let out = serde_json::json!({ "job": job, "per_query_ms": per_query_ms, "answers": answers });
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
