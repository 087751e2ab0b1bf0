//! Ranking impact: the mechanics with fixed rankings, and the real scorer on hand-made and
//! generated versions.

use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_diff::impact::{NamedProfile, impact, measure, sample_profiles};
use vaardig_diff::{DiffError, ImpactOptions, diff};
use vaardig_score::{Evidence, Profile, ProfileSkill};

use crate::fixtures::{Fixed, version};

fn nobody() -> Vec<NamedProfile> {
    vec![NamedProfile {
        name: "nobody".into(),
        profile: Profile::default(),
    }]
}

#[test]
fn overlap_tau_moves_and_gaps_from_fixed_rankings() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let d = diff(&a, &b);
    // skill:oud is removed in the new version; the ranker does not care about kinds.
    let old = Fixed {
        ranking: vec![("occ:a", 0.9), ("skill:oud", 0.8), ("occ:c", 0.7)],
        gap: 0.5,
    };
    let new = Fixed {
        ranking: vec![("occ:c", 0.9), ("occ:a", 0.8), ("occ:x", 0.7)],
        gap: 0.25,
    };
    let options = ImpactOptions {
        k: 3,
        depth: 3,
        ..ImpactOptions::default()
    };
    let i = measure(&a, &b, &d, &old, &new, &nobody(), &options)?;
    let p = &i.profiles[0];
    assert!((p.overlap - 2.0 / 3.0).abs() < 1e-12);
    // Three concordant and three discordant pairs.
    assert_eq!(p.kendall_tau, Some(0.0));
    let moves: Vec<(&str, Option<usize>)> = p
        .moves
        .iter()
        .map(|m| (m.occupation.as_str(), m.new_rank))
        .collect();
    assert_eq!(
        moves,
        vec![("occ:a", Some(2)), ("skill:oud", None), ("occ:c", Some(1))]
    );
    assert_eq!(p.moves[1].new_id, None);
    // Gaps only where both versions have the occupation.
    let gaps: Vec<&str> = p.gaps.iter().map(|g| g.occupation.as_str()).collect();
    assert_eq!(gaps, vec!["occ:a", "occ:c"]);
    assert!((p.mean_abs_gap_delta - 0.25).abs() < 1e-12);
    let bins: Vec<(String, usize)> = i
        .rank_change_bins()
        .into_iter()
        .filter(|b| b.count > 0)
        .map(|b| (b.label, b.count))
        .collect();
    assert_eq!(
        bins,
        vec![
            ("out".to_owned(), 1),
            ("down 1".to_owned(), 1),
            ("up 2–4".to_owned(), 1)
        ]
    );
    let flows: Vec<(&str, usize, usize)> = i
        .occupations
        .iter()
        .map(|o| (o.occupation.as_str(), o.entered, o.left))
        .collect();
    // Entered and left first, then by gap change, then id.
    assert_eq!(
        flows,
        vec![
            ("occ:x", 1, 0),
            ("skill:oud", 0, 1),
            ("occ:a", 0, 0),
            ("occ:c", 0, 0)
        ]
    );
    Ok(())
}

#[test]
fn impossible_options_are_refused() {
    let (a, b) = (version(false), version(true));
    let d = diff(&a, &b);
    let r = impact(
        &a,
        &b,
        &d,
        &nobody(),
        &ImpactOptions {
            k: 5,
            depth: 2,
            ..ImpactOptions::default()
        },
    );
    assert!(matches!(r, Err(DiffError::Options(_))), "{r:?}");
}

#[test]
fn identical_versions_move_nothing() -> Result<(), Box<dyn std::error::Error>> {
    let o = generate(&GeneratorConfig::small())?.ontology;
    let d = diff(&o, &o);
    let profiles = sample_profiles(&o, 8);
    let i = impact(&o, &o, &d, &profiles, &ImpactOptions::default())?;
    assert_eq!(i.profiles.len(), 8);
    assert_eq!(i.mean_overlap, 1.0);
    assert_eq!(i.mean_kendall_tau, Some(1.0));
    assert_eq!(i.mean_abs_gap_delta, 0.0);
    assert!(i.occupations.is_empty());
    assert!(i.profiles.iter().all(|p| p.ids_lost.is_empty()));
    Ok(())
}

#[test]
fn a_skill_turning_essential_lowers_the_gap_score_of_those_without_it() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let d = diff(&a, &b);
    let skill = |id: &str| ProfileSkill::new(id, Evidence::WorkExperience);
    let care_worker = NamedProfile {
        name: "care worker".into(),
        profile: Profile {
            skills: vec![
                skill("skill:tillen"),
                skill("skill:hygiene"),
                skill("skill:medicatie"),
                skill("skill:oud"),
            ],
            current_occupation: Some("occ:verzorgende".into()),
            ..Profile::default()
        },
    };
    let i = impact(
        &a,
        &b,
        &d,
        &[care_worker],
        &ImpactOptions {
            k: 1,
            depth: 2,
            ..ImpactOptions::default()
        },
    )?;
    let p = &i.profiles[0];
    // The removed skill is lost; the renamed one is translated, not lost.
    assert_eq!(p.ids_lost, vec!["skill:oud"]);
    let own = &p.gaps[0];
    assert_eq!(own.occupation, "occ:verzorgende");
    assert!(own.delta < 0.0, "{own:?}");
    assert!((own.new - own.old - own.delta).abs() < 1e-12);
    Ok(())
}

#[test]
fn profiles_that_do_not_fit_the_old_version_are_named() {
    let (a, b) = (version(false), version(true));
    let d = diff(&a, &b);
    let ghost = NamedProfile {
        name: "ghost".into(),
        profile: Profile {
            skills: vec![ProfileSkill::new("skill:none", Evidence::Diploma)],
            ..Profile::default()
        },
    };
    let e = impact(&a, &b, &d, &[ghost], &ImpactOptions::default()).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("ghost") && msg.contains("skill:none"), "{msg}");
}

#[test]
fn profiles_measured_in_parallel_equal_them_measured_one_by_one() -> Result<(), DiffError> {
    let old = generate(&GeneratorConfig::small())
        .map_err(|e| DiffError::Options(e.to_string()))?
        .ontology;
    let new = vaardig_diff::mutate::mutate(&old, &vaardig_diff::mutate::MutationConfig::default())
        .map_err(|e| DiffError::Options(e.to_string()))?
        .ontology;
    let d = diff(&old, &new);
    let profiles = sample_profiles(&old, 40);
    let options = ImpactOptions::default();
    let all = impact(&old, &new, &d, &profiles, &options)?;
    let one_by_one: Vec<_> = profiles
        .iter()
        .map(|p| impact(&old, &new, &d, std::slice::from_ref(p), &options))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flat_map(|i| i.profiles)
        .collect();
    assert_eq!(all.profiles.len(), 40);
    assert_eq!(all.profiles, one_by_one);
    Ok(())
}
