//! What `search` promises on a small hand-made ontology: matching forms, ranking order, filters,
//! determinism, thread safety.

use vaardig_search::{ConceptKind, LangFilter, SearchOptions, Searcher};

use crate::common::{demo, demo_searcher, ids, small, small_searcher, top};

#[test]
fn exact_labels_synonyms_and_both_languages_find_the_concept() {
    let s = demo_searcher();
    for (query, id) in [
        ("wondverzorging", "skill:wondverzorging"),
        ("wound care", "skill:wondverzorging"),
        ("wondzorg", "skill:wondverzorging"),
        ("forklift driver", "occ:heftruckchauffeur"),
        ("verpleger", "occ:verpleegkundige"),
        ("nurse", "occ:verpleegkundige"),
    ] {
        assert_eq!(top(s, query).as_deref(), Some(id), "{query}");
    }
}

#[test]
fn the_matched_label_and_its_language_are_reported() {
    let hits = demo_searcher().search("wound management", &SearchOptions::default());
    assert_eq!(hits[0].id, "skill:wondverzorging");
    assert_eq!(hits[0].label, "wound management");
    assert_eq!(hits[0].lang, "en");
    assert_eq!(hits[0].kind, ConceptKind::Skill);
}

#[test]
fn accents_case_and_inflection_do_not_matter() {
    let s = demo_searcher();
    assert_eq!(top(s, "HYGIENE").as_deref(), Some("skill:hygiene"));
    assert_eq!(
        top(s, "hygienisch werken").as_deref(),
        Some("skill:hygiene")
    );
    assert_eq!(
        top(s, "verpleegkundigen").as_deref(),
        Some("occ:verpleegkundige")
    );
    assert_eq!(top(s, "nurses").as_deref(), Some("occ:verpleegkundige"));
    assert_eq!(top(s, "welders").as_deref(), Some("occ:lasser"));
}

#[test]
fn typos_are_forgiven_at_distance_one_and_two() {
    let s = demo_searcher();
    assert_eq!(top(s, "Excell").as_deref(), Some("skill:excel"));
    assert_eq!(
        top(s, "wondverzorgign").as_deref(),
        Some("skill:wondverzorging")
    );
    assert_eq!(
        top(s, "verpelgkundige").as_deref(),
        Some("occ:verpleegkundige")
    );
    assert_eq!(
        top(s, "heftruckchaufeur").as_deref(),
        Some("occ:heftruckchauffeur")
    );
}

#[test]
fn exact_matches_outrank_fuzzy_ones() {
    // "mondverzorging" is one edit from "wondverzorging": the exact concept must come first.
    let hits = demo_searcher().search("mondverzorging", &SearchOptions::default());
    assert_eq!(hits[0].id, "skill:mondverzorging");
    let fuzzy = hits.iter().find(|h| h.id == "skill:wondverzorging");
    let fuzzy = fuzzy.expect("the one-edit neighbour is found too");
    assert!(fuzzy.score < hits[0].score);
}

#[test]
fn partial_words_and_compounds_match() {
    let s = demo_searcher();
    // Head of a compound, tail of a compound, and a compound typed as one word.
    assert_eq!(top(s, "verpleegk").as_deref(), Some("occ:verpleegkundige"));
    assert!(ids(s, "verzorging").contains(&"skill:wondverzorging".to_owned()));
    assert_eq!(
        top(s, "heftruckrijden").as_deref(),
        Some("skill:heftruck-rijden")
    );
    assert_eq!(
        top(s, "arbeids veiligheid").as_deref(),
        Some("skill:arbeidsveiligheid")
    );
}

#[test]
fn autocomplete_ranks_prefixes_of_the_last_word() {
    let s = demo_searcher();
    let options = SearchOptions::autocomplete();
    let hits = s.search("wijkverpl", &options);
    assert_eq!(hits[0].id, "occ:wijkverpleegkundige");
    let hits = s.search("heftruck ri", &options);
    assert_eq!(hits[0].id, "skill:heftruck-rijden");
    // A single letter is enough to start.
    assert!(!s.search("w", &options).is_empty());
    // Without autocomplete a one-letter word matches nothing.
    assert!(s.search("w", &SearchOptions::default()).is_empty());
}

#[test]
fn kind_filter_keeps_only_those_kinds() {
    let s = demo_searcher();
    let options = SearchOptions::default().kind(ConceptKind::Occupation);
    let hits = s.search("lassen", &options);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.kind == ConceptKind::Occupation));
    let all = s.search("lassen", &SearchOptions::default());
    assert_eq!(all[0].id, "skill:lassen");
}

#[test]
fn language_filter_uses_only_that_language() {
    let s = demo_searcher();
    let nl = SearchOptions {
        lang: LangFilter::Nl,
        ..SearchOptions::default()
    };
    let en = SearchOptions {
        lang: LangFilter::En,
        ..SearchOptions::default()
    };
    assert!(s.search("wound care", &nl).iter().all(|h| h.lang == "nl"));
    let hits = s.search("wound care", &en);
    assert_eq!(hits[0].id, "skill:wondverzorging");
    assert!(hits.iter().all(|h| h.lang == "en"));
    assert!(
        s.search("wondverzorging", &en)
            .iter()
            .all(|h| h.lang == "en")
    );
}

#[test]
fn limit_is_respected_and_hits_are_sorted_and_unique() {
    let s = small_searcher();
    let label = small()
        .concepts(ConceptKind::Skill)
        .next()
        .map(|(_, c)| c.label("nl").to_owned())
        .expect("skills exist");
    for limit in [1, 3, 10, 50] {
        let options = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        let hits = s.search(&label, &options);
        assert!(hits.len() <= limit);
        assert!(!hits.is_empty());
        for pair in hits.windows(2) {
            assert!(
                pair[0].score > pair[1].score
                    || (pair[0].score == pair[1].score && pair[0].id < pair[1].id),
                "{pair:?}"
            );
        }
        let mut seen: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), hits.len());
        assert!(hits.iter().all(|h| h.score > 0.0 && h.score <= 1.0));
    }
}

#[test]
fn every_generated_preferred_label_finds_its_concept_first() {
    let s = small_searcher();
    let mut misses = Vec::new();
    for (_, concept) in small().concepts(ConceptKind::Occupation) {
        let label = concept.label("nl");
        let hits = s.search(
            label,
            &SearchOptions::default().kind(ConceptKind::Occupation),
        );
        // Generated labels may repeat: the concept must be among those scoring 1 (to within
        // float rounding: a six-word label scores 0.99999994).
        let found = hits
            .iter()
            .any(|h| h.id == concept.id && (h.score - 1.0).abs() < 1e-6);
        if !found {
            misses.push(concept.id.clone());
        }
    }
    assert!(misses.is_empty(), "{misses:?}");
}

#[test]
fn same_index_same_query_same_answer_and_rebuilds_agree() {
    let again = Searcher::new(demo()).expect("builds");
    for q in ["verpleeg", "wound", "heftruck", "Excell", "care"] {
        let a = demo_searcher().search(q, &SearchOptions::default());
        let b = again.search(q, &SearchOptions::default());
        assert_eq!(a, b, "{q}");
        assert_eq!(a, demo_searcher().search(q, &SearchOptions::default()));
    }
}

#[test]
fn searchers_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Searcher>();
    let s = small_searcher().clone();
    let queries: Vec<String> = small()
        .concepts(ConceptKind::Skill)
        .take(40)
        .map(|(_, c)| c.label("en").to_owned())
        .collect();
    let expected: Vec<_> = queries
        .iter()
        .map(|q| s.search(q, &SearchOptions::default()))
        .collect();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let s = s.clone();
            let queries = queries.clone();
            std::thread::spawn(move || {
                queries
                    .iter()
                    .map(|q| s.search(q, &SearchOptions::default()))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("no panic"), expected);
    }
}
