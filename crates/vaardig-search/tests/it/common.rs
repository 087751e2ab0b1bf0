//! Shared fixtures: a small hand-made bilingual ontology and cached searchers.

use std::sync::OnceLock;

use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{Concept, ConceptData, Labels, Manifest, Ontology, OntologyBuilder, SkillType};
use vaardig_search::Searcher;

/// A concept's labels: `(nl pref, en pref, nl synonyms, en synonyms)`.
pub type Spec<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [&'a str]);

/// Labels from a pref pair and synonym lists.
pub fn labels(nl: &str, en: &str, alt_nl: &[&str], alt_en: &[&str]) -> Labels {
    let mut l = Labels::with_pref([("nl", nl), ("en", en)]);
    if !alt_nl.is_empty() {
        l.alt.insert(
            "nl".into(),
            alt_nl.iter().map(|s| (*s).to_owned()).collect(),
        );
    }
    if !alt_en.is_empty() {
        l.alt.insert(
            "en".into(),
            alt_en.iter().map(|s| (*s).to_owned()).collect(),
        );
    }
    l
}

/// A skill concept.
pub fn skill(id: &str, l: Labels) -> Concept {
    Concept::new(
        id,
        l,
        ConceptData::Skill {
            skill_type: SkillType::Skill,
        },
    )
}

/// A small Dutch/English ontology with skills and occupations whose labels test stemming,
/// compounds, synonyms and typos.
pub fn demo() -> &'static Ontology {
    static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();
    ONTOLOGY.get_or_init(|| {
        let mut b = OntologyBuilder::new(Manifest::new("demo", "1", &["nl", "en"]));
        let skills: &[Spec<'_>] = &[
            (
                "skill:wondverzorging",
                "wondverzorging",
                "wound care",
                &["wondzorg"],
                &["wound management"],
            ),
            (
                "skill:mondverzorging",
                "mondverzorging",
                "oral care",
                &[],
                &[],
            ),
            (
                "skill:heftruck-rijden",
                "heftruck rijden",
                "operate a forklift",
                &["vorkheftruck besturen"],
                &["forklift driving"],
            ),
            (
                "skill:excel",
                "Microsoft Excel gebruiken",
                "use Microsoft Excel",
                &["Excel", "spreadsheets maken"],
                &["spreadsheets"],
            ),
            (
                "skill:plannen",
                "werk plannen",
                "plan work",
                &["planning maken"],
                &["scheduling"],
            ),
            (
                "skill:communiceren",
                "communiceren met cliënten",
                "communicate with clients",
                &[],
                &["client communication"],
            ),
            (
                "skill:medicatie",
                "medicatie toedienen",
                "administer medication",
                &["medicijnen geven"],
                &[],
            ),
            (
                "skill:lassen",
                "lassen",
                "welding",
                &["MIG-lassen"],
                &["weld metal"],
            ),
            (
                "skill:arbeidsveiligheid",
                "arbeidsveiligheid",
                "occupational safety",
                &["veilig werken"],
                &["workplace safety"],
            ),
            (
                "skill:hygiene",
                "hygiënisch werken",
                "work hygienically",
                &["hygiëne"],
                &["hygiene"],
            ),
        ];
        for (id, nl, en, alt_nl, alt_en) in skills {
            b.add_concept(skill(id, labels(nl, en, alt_nl, alt_en)));
        }
        let occupations: &[Spec<'_>] = &[
            (
                "occ:verpleegkundige",
                "verpleegkundige",
                "nurse",
                &["verpleger", "zuster"],
                &["registered nurse"],
            ),
            (
                "occ:heftruckchauffeur",
                "heftruckchauffeur",
                "forklift driver",
                &["heftruckbestuurder"],
                &["forklift operator"],
            ),
            ("occ:lasser", "lasser", "welder", &[], &[]),
            (
                "occ:wijkverpleegkundige",
                "wijkverpleegkundige",
                "district nurse",
                &[],
                &["community nurse"],
            ),
        ];
        for (id, nl, en, alt_nl, alt_en) in occupations {
            b.add_concept(Concept::new(
                *id,
                labels(nl, en, alt_nl, alt_en),
                ConceptData::occupation(None),
            ));
        }
        match b.build() {
            Ok(built) => built.ontology,
            Err(e) => panic!("demo ontology is invalid: {e:?}"),
        }
    })
}

/// A searcher over [`demo`], built once.
pub fn demo_searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| Searcher::new(demo()).expect("demo index builds"))
}

/// The small generated ontology.
pub fn small() -> &'static Ontology {
    static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();
    ONTOLOGY.get_or_init(|| {
        generate(&GeneratorConfig::small())
            .expect("generated ontologies are valid")
            .ontology
    })
}

/// A searcher over [`small`], built once.
pub fn small_searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| Searcher::new(small()).expect("small index builds"))
}

/// A searcher over the embedded default ontology, built once.
pub fn embedded_searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let ontology = Ontology::embedded().expect("the embedded ontology is valid");
        Searcher::new(&ontology).expect("embedded index builds")
    })
}

/// The ids of the hits of a default search.
pub fn ids(searcher: &Searcher, query: &str) -> Vec<String> {
    searcher
        .search(query, &vaardig_search::SearchOptions::default())
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// The id of the best hit of a default search.
pub fn top(searcher: &Searcher, query: &str) -> Option<String> {
    ids(searcher, query).into_iter().next()
}
