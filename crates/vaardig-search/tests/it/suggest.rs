//! Autocomplete ([`Searcher::suggest`]): the documented order, filters, limits, consistency
//! between the precomputed and the scanned path, and recall beside a plain sorted-list prefix
//! lookup (what `bisect` over sorted labels gives) computed in the same run.

use proptest::prelude::*;
use vaardig_search::{ConceptKind, Hit, LangFilter, SearchOptions, Searcher};

use crate::common::{demo_searcher, embedded_searcher, small_searcher};

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn label_starts_come_before_later_words_and_compound_parts() {
    let s = demo_searcher();
    let options = SearchOptions::autocomplete();
    // The start of a label.
    assert_eq!(
        s.suggest("wondverz", &options)[0].id,
        "skill:wondverzorging"
    );
    // A later word: "wound care".
    let care = s.suggest("care", &options);
    assert!(ids(&care).contains(&"skill:wondverzorging"), "{care:?}");
    assert!(care.iter().all(|h| h.score <= 0.8 + 1e-6), "{care:?}");
    // A Dutch compound part: "verzorging" inside "wondverzorging" and "mondverzorging".
    let part = s.suggest("verzorg", &options);
    assert!(ids(&part).contains(&"skill:wondverzorging"), "{part:?}");
    assert!(ids(&part).contains(&"skill:mondverzorging"), "{part:?}");
    // Scores never rise down the list, and each concept appears once.
    for hits in [&care, &part] {
        assert!(
            hits.windows(2).all(|w| w[0].score >= w[1].score),
            "{hits:?}"
        );
        let mut seen = ids(hits);
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), hits.len());
    }
}

#[test]
fn a_whole_label_typed_out_comes_first_with_score_one() {
    let s = demo_searcher();
    let hits = s.suggest("lasser", &SearchOptions::autocomplete());
    assert_eq!(hits[0].id, "occ:lasser");
    assert_eq!(hits[0].score, 1.0);
    // Typing more words narrows, in the label's order.
    let hits = s.suggest("heftruck ri", &SearchOptions::autocomplete());
    assert_eq!(hits[0].id, "skill:heftruck-rijden");
    // A trailing space means the word is finished: "heftruck " continues "heftruck rijden",
    // not "heftruckchauffeur".
    let finished = s.suggest("heftruck ", &SearchOptions::autocomplete());
    assert!(
        ids(&finished).contains(&"skill:heftruck-rijden"),
        "{finished:?}"
    );
    assert!(
        !ids(&finished).contains(&"occ:heftruckchauffeur"),
        "{finished:?}"
    );
    let open = s.suggest("heftruck", &SearchOptions::autocomplete());
    assert!(ids(&open).contains(&"occ:heftruckchauffeur"), "{open:?}");
}

#[test]
fn filters_and_limits_hold() {
    let s = small_searcher();
    for lang in [LangFilter::Nl, LangFilter::En, LangFilter::Both] {
        for kinds in [vec![], vec![ConceptKind::Occupation]] {
            for limit in [0, 1, 5, 60] {
                let options = SearchOptions {
                    kinds: kinds.clone(),
                    lang,
                    limit,
                    prefix: true,
                };
                let hits = s.suggest("a", &options);
                assert!(hits.len() <= limit);
                assert!(hits.iter().all(|h| lang.accepts(&h.lang)));
                assert!(hits.iter().all(|h| options.accepts_kind(h.kind)));
            }
        }
    }
}

#[test]
fn a_typo_falls_back_to_the_typo_tolerant_search() {
    let s = demo_searcher();
    // Nothing starts with "wondverzrog"; the fuzzy search still finds it.
    let hits = s.suggest("wondverzrog", &SearchOptions::autocomplete());
    assert_eq!(hits[0].id, "skill:wondverzorging");
    assert!(s.suggest("", &SearchOptions::autocomplete()).is_empty());
    assert!(
        s.suggest("   ...  ", &SearchOptions::autocomplete())
            .is_empty()
    );
}

/// The first five distinct concepts of the sorted lower-cased labels that start with `text`:
/// what a data team's `bisect` over sorted labels returns.
fn sorted_list_prefix(labels: &[(String, String)], text: &str) -> Vec<String> {
    let q = text.to_lowercase();
    let start = labels.partition_point(|(l, _)| l.as_str() < q.as_str());
    let mut out: Vec<String> = Vec::new();
    for (l, id) in &labels[start..] {
        if !l.starts_with(&q) || out.len() == 5 {
            break;
        }
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

#[test]
fn recall_at_5_beats_a_sorted_label_list_on_prefixes_of_embedded_labels() {
    let s = embedded_searcher();
    let o = s.ontology();
    let mut labels: Vec<(String, String)> = Vec::new();
    let mut queries: Vec<(String, String)> = Vec::new();
    for (_, c) in o.iter() {
        for lang in ["nl", "en"] {
            if let Some(p) = c.labels.pref(lang) {
                labels.push((p.to_lowercase(), c.id.clone()));
                if matches!(c.kind(), ConceptKind::Skill | ConceptKind::Occupation) {
                    // Prefixes of 3, 5 and 8 characters.
                    for n in [3, 5, 8] {
                        let cut: String = p.chars().take(n).collect();
                        queries.push((cut, c.id.clone()));
                    }
                }
            }
            for a in c.labels.alt(lang) {
                labels.push((a.to_lowercase(), c.id.clone()));
            }
        }
    }
    labels.sort();
    let options = SearchOptions {
        limit: 5,
        ..SearchOptions::autocomplete()
    };
    let (mut ours, mut baseline) = (0usize, 0usize);
    for (q, id) in &queries {
        if s.suggest(q, &options).iter().any(|h| &h.id == id) {
            ours += 1;
        }
        if sorted_list_prefix(&labels, q).contains(id) {
            baseline += 1;
        }
    }
    let n = queries.len() as f64;
    let (ours, baseline) = (ours as f64 / n, baseline as f64 / n);
    eprintln!(
        "autocomplete recall@5 on {n} prefixes: vaardig {ours:.3}, sorted list {baseline:.3}"
    );
    assert!(queries.len() > 1000);
    assert!(
        ours >= baseline + 0.02,
        "vaardig {ours:.3} vs sorted list {baseline:.3}"
    );
}

fn short_prefix() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'e', 'o', 's', 'v', 'm', ' ']),
        1..4,
    )
    .prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A shorter list is the start of a longer one, whether the answer comes from the
    /// precomputed best of a long run or from scanning it.
    #[test]
    fn a_shorter_list_is_the_start_of_a_longer_one(
        text in short_prefix(),
        limit in 1usize..40,
        lang in prop::sample::select(vec![LangFilter::Both, LangFilter::Nl, LangFilter::En]),
    ) {
        let s: &Searcher = small_searcher();
        let options = SearchOptions { lang, ..SearchOptions::autocomplete() };
        let long = s.suggest(&text, &SearchOptions { limit: 200, ..options.clone() });
        let short = s.suggest(&text, &SearchOptions { limit, ..options });
        prop_assert_eq!(ids(&short), ids(&long)[..short.len().min(long.len())].to_vec());
        prop_assert!(short.len() == limit.min(long.len()));
    }
}
