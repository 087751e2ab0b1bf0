//! Entry points shared by the cargo-fuzz targets in `fuzz/` and the stable corpus-replay test
//! (`tests/fuzz_corpus.rs`): each takes arbitrary bytes and must never panic.

use crate::core::io::load;

/// The file a fuzz chunk writes to: its selector byte picks the manifest or one of the tables,
/// in the order of `ConceptKind::ALL` then `RelationKind::ALL`.
fn table_for(selector: u8) -> &'static str {
    use crate::core::{ConceptKind, MANIFEST_FILE, RelationKind};
    let files = 1 + ConceptKind::ALL.len() + RelationKind::ALL.len();
    match usize::from(selector) % files {
        0 => MANIFEST_FILE,
        i if i <= ConceptKind::ALL.len() => ConceptKind::ALL[i - 1].table_file(),
        i => RelationKind::ALL[i - 1 - ConceptKind::ALL.len()].table_file(),
    }
}

const MANIFEST: &str = "name = \"fuzz\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\", \"en\"]\nlicence = \"x\"\nsource = \"x\"\n";

/// The native loader on arbitrary tables: the input is split at `0xFF` bytes into chunks; each
/// chunk's first byte picks a table, the rest is its content. A valid manifest is present unless a
/// chunk replaces it. Loading must return an ontology or diagnostics, and a loaded ontology must
/// survive write → load unchanged.
pub fn native_loader(data: &[u8]) {
    let mut tables: Vec<(String, Vec<u8>)> =
        vec![("ontology.toml".into(), MANIFEST.as_bytes().to_vec())];
    for chunk in data.split(|&b| b == 0xFF) {
        let Some((&selector, content)) = chunk.split_first() else {
            continue;
        };
        let name = table_for(selector);
        tables.retain(|(n, _)| n != name);
        tables.push((name.to_owned(), content.to_vec()));
    }
    if let Ok(built) = load(&tables) {
        let written: Vec<(String, Vec<u8>)> = crate::core::io::to_tables(&built.ontology)
            .into_iter()
            .map(|(n, t)| (n.to_owned(), t.into_bytes()))
            .collect();
        match load(&written) {
            Ok(again) => assert!(
                again.ontology == built.ontology,
                "write → load changed the ontology"
            ),
            Err(e) => panic!("written ontology does not load: {e}"),
        }
    }
}

/// The RDF importer on arbitrary bytes: the first byte picks the format and the mapping, the rest
/// is the document. Import must return an ontology with a report, or a typed error.
pub fn rdf_import(data: &[u8]) {
    use crate::import::{ImportOptions, Mapping, RdfFormat, import_rdf_reader};
    let Some((&selector, document)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => RdfFormat::Turtle,
        1 => RdfFormat::NTriples,
        _ => RdfFormat::NQuads,
    };
    // The built-in mappings are parsed once, not on every input.
    static MAPPINGS: std::sync::OnceLock<[Mapping; 2]> = std::sync::OnceLock::new();
    let mappings = MAPPINGS.get_or_init(|| [Mapping::competentnl(), Mapping::esco()]);
    let mapping = &mappings[usize::from(selector >> 7)];
    let _ = import_rdf_reader(document, format, "fuzz", mapping, ImportOptions::new());
}

/// Profile JSON on arbitrary bytes, and every scoring entry point on a profile that parses,
/// against the embedded ontology.
pub fn profile_and_scoring(data: &[u8]) {
    use crate::score::{Profile, RouteOptions, Scheme, TransitionOptions};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_json(text) else {
        return;
    };
    let Some(scorer) = embedded_scorer() else {
        return;
    };
    let options = TransitionOptions {
        limit: Some(5),
        ..Default::default()
    };
    if let Ok(top) = scorer.transitions(&profile, &options) {
        for t in &top.items {
            assert!(
                (0.0..=1.0).contains(&t.score),
                "score {} out of range",
                t.score
            );
        }
        if let Some(best) = top.items.first() {
            let _ = scorer.gap(&profile, &best.occupation);
            if let Ok(scheme) = Scheme::by_id("leerrechten") {
                let route = scorer.route(
                    &profile,
                    &best.occupation,
                    &RouteOptions {
                        scheme: Some(scheme.as_dyn()),
                        ..Default::default()
                    },
                );
                if let Ok(route) = route {
                    assert!(route.total_hours >= 0.0 && route.total_cost_eur >= 0.0);
                }
            }
        }
    }
    let _ = scorer.gap(&profile, "occ:verpleegkundige");
}

/// Search and extraction on arbitrary (lossily decoded) text against the embedded ontology:
/// never a panic, results within the limit, spans on character boundaries.
pub fn search_and_extract(data: &[u8]) {
    use crate::search::SearchOptions;
    let Some(searcher) = embedded_searcher() else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    let options = SearchOptions {
        limit: 5,
        prefix: data.first().is_some_and(|b| b & 1 == 1),
        ..Default::default()
    };
    let hits = searcher.search(&text, &options);
    assert!(hits.len() <= 5);
    for m in searcher.extract(&text) {
        assert!(m.start <= m.end && m.end <= text.len(), "span out of range");
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span splits a character"
        );
    }
}

fn embedded_scorer() -> Option<&'static crate::score::Scorer> {
    static SCORER: std::sync::OnceLock<Option<crate::score::Scorer>> = std::sync::OnceLock::new();
    SCORER
        .get_or_init(|| {
            crate::core::Ontology::embedded()
                .ok()
                .map(|o| crate::score::Scorer::with_defaults(&o))
        })
        .as_ref()
}

fn embedded_searcher() -> Option<&'static crate::search::Searcher> {
    static SEARCHER: std::sync::OnceLock<Option<crate::search::Searcher>> =
        std::sync::OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            crate::core::Ontology::embedded()
                .ok()
                .and_then(|o| crate::search::Searcher::new(&o).ok())
        })
        .as_ref()
}

/// The ESCO CSV importer on arbitrary tables: the input is split at `0xFF` bytes into chunks; each
/// chunk's first byte picks an ESCO file, the rest is its content. The files are written to a
/// per-process scratch directory (the importer reads directories).
pub fn esco_import(data: &[u8]) {
    use crate::import::{ImportOptions, import_esco};
    const FILES: &[&str] = &[
        "skills_en.csv",
        "occupations_en.csv",
        "occupations_nl.csv",
        "skillGroups_en.csv",
        "ISCOGroups_en.csv",
        "skillsHierarchy_en.csv",
        "broaderRelationsSkillPillar.csv",
        "broaderRelationsOccPillar.csv",
        "occupationSkillRelations.csv",
        "skillSkillRelations.csv",
    ];
    let dir = std::env::temp_dir().join(format!("vaardig-fuzz-esco-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    for chunk in data.split(|&b| b == 0xFF) {
        if let Some((&selector, content)) = chunk.split_first() {
            let _ = std::fs::write(
                dir.join(FILES[usize::from(selector) % FILES.len()]),
                content,
            );
        }
    }
    let _ = import_esco(&[&dir], ImportOptions::new());
    let _ = std::fs::remove_dir_all(&dir);
}
