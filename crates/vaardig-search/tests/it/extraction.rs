//! What `extract` promises on the hand-made ontology: spans, inflection, overlaps, punctuation.

use crate::common::demo_searcher;

fn found(text: &str) -> Vec<(String, &str)> {
    demo_searcher()
        .extract(text)
        .into_iter()
        .map(|m| {
            let span = &text[m.start..m.end];
            (m.id, span)
        })
        .collect()
}

#[test]
fn labels_synonyms_and_inflections_are_found_with_spans() {
    let text = "Ik heb jaren als Verpleegkundige gewerkt, met wondzorg en Excel. Nurses welcome.";
    assert_eq!(
        found(text),
        [
            ("occ:verpleegkundige".to_owned(), "Verpleegkundige"),
            ("skill:wondverzorging".to_owned(), "wondzorg"),
            ("skill:excel".to_owned(), "Excel"),
            ("occ:verpleegkundige".to_owned(), "Nurses"),
        ]
    );
}

#[test]
fn the_longest_overlapping_label_wins() {
    // "wijkverpleegkundige" is one word, "heftruck rijden" beats nothing shorter here, and
    // "use Microsoft Excel" beats the synonym "Excel" inside it.
    let text = "Wijkverpleegkundige; kan heftruck rijden en use Microsoft Excel.";
    assert_eq!(
        found(text),
        [
            ("occ:wijkverpleegkundige".to_owned(), "Wijkverpleegkundige"),
            ("skill:heftruck-rijden".to_owned(), "heftruck rijden"),
            ("skill:excel".to_owned(), "use Microsoft Excel"),
        ]
    );
}

#[test]
fn mentions_do_not_cross_sentence_punctuation() {
    assert!(found("Ik reed een heftruck. Rijden is leuk.").is_empty());
    assert_eq!(found("heftruck rijden").len(), 1);
}

#[test]
fn scores_prefer_long_and_preferred_labels() {
    let mentions = demo_searcher().extract("wondverzorging, heftruck rijden, Excel");
    assert_eq!(mentions.len(), 3);
    let by_id = |id: &str| {
        mentions
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.score)
            .expect("found")
    };
    assert!(by_id("skill:heftruck-rijden") > by_id("skill:wondverzorging"));
    assert!(by_id("skill:wondverzorging") > by_id("skill:excel"));
    assert!(mentions.iter().all(|m| m.score > 0.0 && m.score <= 1.0));
}

#[test]
fn labels_are_reported_as_matched() {
    let mentions = demo_searcher().extract("forklift driving");
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].label, "forklift driving");
    assert_eq!(mentions[0].id, "skill:heftruck-rijden");
}
