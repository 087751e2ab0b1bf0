//! One ontology, searcher and scorer shared by 8 threads running a mixed workload: every answer
//! must equal the single-threaded answer, byte for byte (as JSON).

use std::sync::Arc;
use std::thread;

use vaardig::core::{ConceptKind, Ontology};
use vaardig::score::{Profile, RouteOptions, Scheme, Scorer, TransitionOptions};
use vaardig::search::{SearchOptions, Searcher};

const QUERIES: &[&str] = &[
    "wondzorg",
    "wound care",
    "heftruck rijden",
    "Excell",
    "verpleeg",
    "kassa",
    "\"AND (*:~",
    "programmeren in python",
];

const TEXT: &str = "Ik heb tien jaar als kassamedewerker gewerkt, kassa bedienen en klanten helpen. \
    Daarnaast heb ik een heftruckcertificaat en ervaring met orderpicken en Excel.";

/// Everything one unit of work can produce, as JSON text.
fn work(searcher: &Searcher, scorer: &Scorer, profiles: &[Profile], i: usize) -> String {
    let ontology = scorer.ontology();
    let occupations = ontology.indices(ConceptKind::Occupation);
    match i % 5 {
        0 => {
            let hits = searcher.search(QUERIES[i % QUERIES.len()], &SearchOptions::default());
            serde_json::to_string(&hits).expect("serialisable")
        }
        1 => serde_json::to_string(&searcher.extract(TEXT)).expect("serialisable"),
        2 => {
            let profile = &profiles[i % profiles.len()];
            let occ = &ontology.concept(occupations[i % occupations.len()]).id;
            serde_json::to_string(&scorer.gap(profile, occ).expect("gap")).expect("serialisable")
        }
        3 => {
            let profile = &profiles[i % profiles.len()];
            let options = TransitionOptions {
                limit: Some(10),
                ..Default::default()
            };
            serde_json::to_string(&scorer.transitions(profile, &options).expect("transitions"))
                .expect("serialisable")
        }
        _ => {
            let profile = &profiles[i % profiles.len()];
            let occ = &ontology
                .concept(occupations[(i * 7) % occupations.len()])
                .id;
            let scheme = Scheme::by_id("leerrechten").expect("built in");
            let options = RouteOptions {
                scheme: Some(scheme.as_dyn()),
                ..Default::default()
            };
            serde_json::to_string(&scorer.route(profile, occ, &options).expect("route"))
                .expect("serialisable")
        }
    }
}

fn example_profiles() -> Vec<Profile> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/profiles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/profiles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            Profile::from_json(&std::fs::read_to_string(p).expect("readable"))
                .expect("valid profile")
        })
        .collect()
}

#[test]
fn eight_threads_give_the_single_threaded_answers() {
    let ontology = Ontology::embedded().expect("valid");
    let searcher = Searcher::new(&ontology).expect("index");
    let scorer = Arc::new(Scorer::with_defaults(&ontology));
    let profiles = Arc::new(example_profiles());
    assert!(profiles.len() >= 3);

    const UNITS: usize = 200;
    let expected: Arc<Vec<String>> = Arc::new(
        (0..UNITS)
            .map(|i| work(&searcher, &scorer, &profiles, i))
            .collect(),
    );

    let handles: Vec<_> = (0..8)
        .map(|t| {
            let (searcher, scorer, profiles, expected) = (
                searcher.clone(),
                scorer.clone(),
                profiles.clone(),
                expected.clone(),
            );
            thread::spawn(move || {
                let mut mismatches = 0;
                // Each thread walks the units in its own order, three times over.
                for round in 0..3 {
                    for k in 0..UNITS {
                        let i = (k * (2 * t + 1) + round * 17) % UNITS;
                        if work(&searcher, &scorer, &profiles, i) != expected[i] {
                            mismatches += 1;
                        }
                    }
                }
                mismatches
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("no thread panicked"), 0);
    }
}

#[test]
fn two_independent_builds_give_identical_bytes() {
    let ontology = Ontology::embedded().expect("valid");
    let profiles = example_profiles();
    let a = (
        Searcher::new(&ontology).expect("index"),
        Scorer::with_defaults(&ontology),
    );
    let b = (
        Searcher::new(&ontology).expect("index"),
        Scorer::with_defaults(&ontology),
    );
    for i in 0..50 {
        assert_eq!(
            work(&a.0, &a.1, &profiles, i),
            work(&b.0, &b.1, &profiles, i),
            "unit {i}"
        );
    }
}
