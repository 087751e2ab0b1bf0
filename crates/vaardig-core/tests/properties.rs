//! Properties of loading and generating: no panics on arbitrary bytes, write → load identity,
//! independence from row order, determinism of the generator.

use proptest::prelude::*;
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::io::{load, to_tables};
use vaardig_core::{ConceptKind, Ontology};

const FILES: &[&str] = &[
    "ontology.toml",
    "skills.csv",
    "occupations.csv",
    "learning_offers.csv",
    "broader.csv",
    "requires.csv",
    "teaches.csv",
];

fn tables_of(o: &Ontology) -> Vec<(String, Vec<u8>)> {
    to_tables(o)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect()
}

fn small() -> Ontology {
    generate(&GeneratorConfig::small())
        .expect("generated ontologies are valid")
        .ontology
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes in any one table give an ontology or errors, never a panic.
    #[test]
    fn arbitrary_bytes_in_a_table_never_panic(file in 0..FILES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let base = "name = \"x\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\"]\nlicence = \"x\"\nsource = \"x\"\n";
        let mut tables = vec![("ontology.toml".to_owned(), base.as_bytes().to_vec())];
        tables.retain(|(n, _)| n != FILES[file]);
        tables.push((FILES[file].to_owned(), bytes));
        let _ = load(&tables);
    }

    /// Mostly-valid CSV with random edits never panics and every error has a file.
    #[test]
    fn mutated_csv_never_panics(pos in any::<prop::sample::Index>(), byte in any::<u8>(), file in 1..FILES.len()) {
        let o = small();
        let mut tables = tables_of(&o);
        if let Some((_, bytes)) = tables.iter_mut().find(|(n, _)| n == FILES[file])
            && !bytes.is_empty()
        {
            let i = pos.index(bytes.len());
            bytes[i] = byte;
        }
        if let Err(e) = load(&tables) {
            prop_assert!(e.errors().all(|d| d.location.file.is_some()), "{e:?}");
        }
    }

    /// Shuffling the rows of every table gives the same ontology.
    #[test]
    fn row_order_does_not_matter(seed in any::<u64>()) {
        let o = small();
        let mut tables = tables_of(&o);
        for (name, bytes) in tables.iter_mut() {
            if !name.ends_with(".csv") {
                continue;
            }
            let text = String::from_utf8(bytes.clone()).expect("written as UTF-8");
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() < 3 || text.contains('"') {
                continue;
            }
            let header = lines.remove(0);
            // A deterministic shuffle from the seed (Fisher–Yates with an LCG).
            let mut state = seed | 1;
            for i in (1..lines.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = (state >> 33) as usize % (i + 1);
                lines.swap(i, j);
            }
            *bytes = format!("{header}\n{}\n", lines.join("\n")).into_bytes();
        }
        let again = load(&tables).expect("shuffled rows load").ontology;
        prop_assert!(again == o);
        prop_assert_eq!(again.content_hash(), o.content_hash());
    }
}

#[test]
fn generated_ontology_round_trips() {
    let o = small();
    let again = load(&tables_of(&o)).expect("written output loads").ontology;
    assert!(again == o);
}

#[test]
fn generator_is_deterministic_and_sized() {
    let a = small();
    let b = small();
    assert_eq!(a.content_hash(), b.content_hash());
    let config = GeneratorConfig::small();
    assert_eq!(a.count(ConceptKind::Skill), config.skills);
    assert_eq!(a.count(ConceptKind::Occupation), config.occupations);
    assert_eq!(a.count(ConceptKind::LearningOffer), config.learning_offers);
    assert_eq!(a.count(ConceptKind::Qualification), config.qualifications);
    let links = vaardig_core::Stats::of(&a).occupation_skill_links;
    let target = config.occupation_skill_links as f64;
    assert!(
        (links as f64 - target).abs() / target < 0.15,
        "{links} links for a target of {target}"
    );
    let other = generate(&GeneratorConfig { seed: 8, ..config })
        .expect("valid")
        .ontology;
    assert_ne!(a.content_hash(), other.content_hash());
}

#[test]
fn generated_hierarchy_is_at_least_three_levels_deep() {
    assert!(vaardig_core::hierarchy_depth(&small()) >= 3);
}
