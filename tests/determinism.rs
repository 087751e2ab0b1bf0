//! Determinism across input orderings: the default ontology's tables with their rows reversed or
//! rotated give the same ontology, and the same rankings, routes and search results byte for byte.

use vaardig::core::io::{load, to_tables};
use vaardig::core::{ConceptKind, Ontology};
use vaardig::score::{Profile, RouteOptions, Scorer, TransitionOptions};
use vaardig::search::{SearchOptions, Searcher};

/// The embedded ontology's tables, with the data rows of every CSV table reordered by `reorder`.
fn reordered(reorder: fn(&mut Vec<csv::StringRecord>)) -> Ontology {
    let original = Ontology::embedded().expect("valid");
    let tables: Vec<(String, Vec<u8>)> = to_tables(&original)
        .into_iter()
        .map(|(name, text)| {
            if !name.ends_with(".csv") {
                return (name.to_owned(), text.into_bytes());
            }
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let header = reader.headers().expect("header").clone();
            let mut rows: Vec<csv::StringRecord> =
                reader.records().map(|r| r.expect("row")).collect();
            reorder(&mut rows);
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&header).expect("write");
            for row in &rows {
                writer.write_record(row).expect("write");
            }
            (name.to_owned(), writer.into_inner().expect("flush"))
        })
        .collect();
    load(&tables).expect("reordered tables load").ontology
}

fn answers(ontology: &Ontology) -> Vec<String> {
    let scorer = Scorer::with_defaults(ontology);
    let searcher = Searcher::new(ontology).expect("index");
    let profile = Profile::from_json(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/profiles/kassamedewerker.json"
        ))
        .expect("example"),
    )
    .expect("valid");
    let mut out = vec![
        serde_json::to_string(
            &scorer
                .transitions(&profile, &TransitionOptions::default())
                .expect("ok"),
        )
        .expect("json"),
        serde_json::to_string(&searcher.search(
            "zorg",
            &SearchOptions {
                limit: 50,
                ..Default::default()
            },
        ))
        .expect("json"),
    ];
    for (_, occ) in ontology.concepts(ConceptKind::Occupation).step_by(10) {
        out.push(
            serde_json::to_string(&scorer.gap(&profile, &occ.id).expect("gap")).expect("json"),
        );
        out.push(
            serde_json::to_string(
                &scorer
                    .route(&profile, &occ.id, &RouteOptions::default())
                    .expect("route"),
            )
            .expect("json"),
        );
    }
    out
}

#[test]
fn row_order_changes_nothing_downstream() {
    let original = Ontology::embedded().expect("valid");
    let reversed = reordered(|rows| rows.reverse());
    let rotated = reordered(|rows| {
        let k = rows.len() / 3;
        rows.rotate_left(k);
    });
    assert!(reversed == original && rotated == original);
    let expected = answers(&original);
    assert_eq!(answers(&reversed), expected);
    assert_eq!(answers(&rotated), expected);
}
