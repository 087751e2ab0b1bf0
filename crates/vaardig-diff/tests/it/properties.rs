//! Properties over many generated version pairs: a version diffed with itself is empty, the two
//! directions mirror each other (also for a mutation of a mutation), and the impact's measures
//! stay in range.

use std::sync::OnceLock;

use proptest::prelude::*;
use vaardig_core::Ontology;
use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_diff::diff;
use vaardig_diff::impact::{impact, sample_profiles};
use vaardig_diff::mutate::{MutationConfig, mutate};

fn base() -> &'static Ontology {
    static BASE: OnceLock<Ontology> = OnceLock::new();
    BASE.get_or_init(|| match generate(&GeneratorConfig::small()) {
        Ok(built) => built.ontology,
        Err(e) => panic!("generator failed: {e}"),
    })
}

fn mutated(seed: u64, share: f64) -> Ontology {
    let config = MutationConfig {
        seed,
        drop: share,
        reid: share,
        relabel: share,
        synonyms: share,
        redefine: share,
        moves: share,
        add: share,
        reweight: share,
        ..MutationConfig::default()
    };
    match mutate(base(), &config) {
        Ok(m) => m.ontology,
        Err(e) => panic!("mutation {seed} failed: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn diffs_mirror_and_self_diffs_are_empty(seed in 0u64..10_000, share in 0.0f64..0.2) {
        let new = mutated(seed, share);
        let forward = diff(base(), &new);
        prop_assert_eq!(diff(&new, base()), forward.mirror());
        prop_assert!(diff(&new, &new).is_empty());
        let s = &forward.summary;
        prop_assert_eq!(s.added, forward.added.len());
        prop_assert_eq!(s.removed, forward.removed.len());
    }

    #[test]
    fn chained_mutations_of_mutations_mirror(a in 0u64..1_000, b in 1_000u64..2_000) {
        let x = mutated(a, 0.05);
        let config = MutationConfig { seed: b, ..MutationConfig::default() };
        let y = match mutate(&x, &config) {
            Ok(m) => m.ontology,
            Err(e) => panic!("mutation failed: {e}"),
        };
        prop_assert_eq!(diff(&y, &x), diff(&x, &y).mirror());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn impact_measures_stay_in_range(seed in 0u64..10_000) {
        let new = mutated(seed, 0.1);
        let d = diff(base(), &new);
        let profiles = sample_profiles(base(), 6);
        let i = match impact(base(), &new, &d, &profiles, &Default::default()) {
            Ok(i) => i,
            Err(e) => panic!("impact failed: {e}"),
        };
        prop_assert!((0.0..=1.0).contains(&i.mean_overlap));
        for p in &i.profiles {
            prop_assert!((0.0..=1.0).contains(&p.overlap));
            prop_assert!(p.kendall_tau.is_none_or(|t| (-1.0..=1.0).contains(&t)));
            for g in &p.gaps {
                prop_assert!((0.0..=1.0).contains(&g.old) && (0.0..=1.0).contains(&g.new));
            }
        }
        let moved: usize = i.rank_change_bins().iter().map(|b| b.count).sum();
        prop_assert_eq!(moved, i.profiles.iter().map(|p| p.moves.len()).sum::<usize>());
    }
}
