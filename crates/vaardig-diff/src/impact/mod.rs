//! Ranking impact: how a new version moves the results of the people a data team serves.
//!
//! For each profile (read from a file, or sampled from the old version's occupations with
//! [`sample_profiles`]), the occupations are ranked in both versions ([`Ranker`]; by default
//! [`vaardig_score::Scorer`] transitions) and compared:
//! - **top-k overlap**: the share of the top k both versions have (ids translated through the
//!   diff's mapping);
//! - **Kendall τ-b** over the union of both top-k lists, each item placed at its rank in the
//!   ranking to depth `depth` (items below it tie at `depth + 1`);
//! - **rank moves** of the old top k, and **gap-score deltas** for the old top k and the profile's
//!   current occupation;
//! - per occupation, how often it entered or left a top k and its mean gap delta; the most
//!   affected occupations and profiles come first.
//!
//! Determinism: profiles keep their input order; aggregated lists order by effect, then id.

mod profiles;
mod rank;
mod ranker;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use vaardig_core::Ontology;
use vaardig_score::Scorer;

use crate::changes::Diff;
use crate::error::DiffError;
use crate::text::concept_label;

pub use profiles::{NamedProfile, profiles_from_json, sample_profiles};
pub use rank::{kendall_tau_b, top_k_overlap};
pub use ranker::Ranker;

/// Sizes of an impact run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactOptions {
    /// The length of the compared top lists.
    pub k: usize,
    /// How deep rankings are computed; occupations below it count as "out of the ranking".
    pub depth: usize,
    /// The language of the occupation labels (a manifest language such as `de`, falling back to
    /// English and then the primary language); `None`: each version's primary language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_language: Option<String>,
}

impl Default for ImpactOptions {
    fn default() -> Self {
        ImpactOptions {
            k: 10,
            depth: 100,
            label_language: None,
        }
    }
}

/// Where one of the old top-k occupations went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankMove {
    /// The occupation id in the old version.
    pub occupation: String,
    /// Its preferred label in the old version.
    pub label: String,
    /// Its id in the new version (`None`: removed).
    pub new_id: Option<String>,
    /// Its 1-based rank in the old version.
    pub old_rank: usize,
    /// Its 1-based rank in the new version (`None`: removed, or below `depth`).
    pub new_rank: Option<usize>,
}

impl RankMove {
    /// Places gained (positive: moved up), or `None` when it left the ranking.
    pub fn change(&self) -> Option<i64> {
        self.new_rank.map(|n| self.old_rank as i64 - n as i64)
    }
}

/// The gap score of one profile for one occupation in both versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapDelta {
    /// The occupation id in the old version.
    pub occupation: String,
    /// Its preferred label in the old version.
    pub label: String,
    /// The gap score in the old version.
    pub old: f64,
    /// The gap score in the new version.
    pub new: f64,
    /// `new − old`.
    pub delta: f64,
}

/// How one profile's results moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileImpact {
    /// The profile's name.
    pub profile: String,
    /// The profile's current occupation (old id), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_occupation: Option<String>,
    /// That occupation's preferred label in the old version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_label: Option<String>,
    /// Ids in the profile with no counterpart in the new version (dropped before scoring).
    pub ids_lost: Vec<String>,
    /// The old top k (old ids).
    pub old_top: Vec<String>,
    /// The new top k (new ids).
    pub new_top: Vec<String>,
    /// Share of the top k both versions have.
    pub overlap: f64,
    /// Kendall τ-b over both top-k lists (`None`: too few items).
    pub kendall_tau: Option<f64>,
    /// Where each old top-k occupation went, in old rank order.
    pub moves: Vec<RankMove>,
    /// Gap-score changes: the current occupation first, then the old top k.
    pub gaps: Vec<GapDelta>,
    /// Mean absolute gap delta over `gaps` (0 when empty).
    pub mean_abs_gap_delta: f64,
}

/// How one occupation's standing moved over all profiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationImpact {
    /// The occupation id (old id; new id for occupations only the new version has).
    pub occupation: String,
    /// Its preferred label.
    pub label: String,
    /// Profiles in whose new top k it entered.
    pub entered: usize,
    /// Profiles from whose top k it left.
    pub left: usize,
    /// Mean gap delta over the profiles whose gap to it was measured (`None`: none).
    pub mean_gap_delta: Option<f64>,
}

/// The ranking impact of a version change on a set of profiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// The options used.
    pub options: ImpactOptions,
    /// Per profile, in input order.
    pub profiles: Vec<ProfileImpact>,
    /// Mean top-k overlap.
    pub mean_overlap: f64,
    /// Mean Kendall τ-b over the profiles that have one.
    pub mean_kendall_tau: Option<f64>,
    /// Mean of the profiles' mean absolute gap deltas.
    pub mean_abs_gap_delta: f64,
    /// Occupations that entered or left a top k or changed gap, most affected first.
    pub occupations: Vec<OccupationImpact>,
}

/// One bar of the rank-change histogram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankBin {
    /// A short label: `out`, `down 20+`, ..., `same`, ..., `up 20+`.
    pub label: String,
    /// How many old top-k entries moved this way.
    pub count: usize,
}

impl Impact {
    /// The profiles ordered most affected first: lowest overlap, then lowest τ, then largest
    /// gap change, then name.
    pub fn most_affected_profiles(&self) -> Vec<&ProfileImpact> {
        let mut v: Vec<&ProfileImpact> = self.profiles.iter().collect();
        v.sort_by(|a, b| {
            a.overlap
                .total_cmp(&b.overlap)
                .then(
                    a.kendall_tau
                        .unwrap_or(1.0)
                        .total_cmp(&b.kendall_tau.unwrap_or(1.0)),
                )
                .then(b.mean_abs_gap_delta.total_cmp(&a.mean_abs_gap_delta))
                .then(a.profile.cmp(&b.profile))
        });
        v
    }

    /// Rank changes of every old top-k entry, binned: `out` (removed or below depth), then
    /// down / same / up in widening steps.
    pub fn rank_change_bins(&self) -> Vec<RankBin> {
        const EDGES: [(i64, i64, &str); 11] = [
            (i64::MIN, -20, "down 20+"),
            (-19, -10, "down 10–19"),
            (-9, -5, "down 5–9"),
            (-4, -2, "down 2–4"),
            (-1, -1, "down 1"),
            (0, 0, "same"),
            (1, 1, "up 1"),
            (2, 4, "up 2–4"),
            (5, 9, "up 5–9"),
            (10, 19, "up 10–19"),
            (20, i64::MAX, "up 20+"),
        ];
        let mut bins: Vec<RankBin> = std::iter::once("out")
            .chain(EDGES.iter().map(|e| e.2))
            .map(|l| RankBin {
                label: l.to_owned(),
                count: 0,
            })
            .collect();
        for m in self.profiles.iter().flat_map(|p| &p.moves) {
            let slot = match m.change() {
                None => 0,
                Some(c) => {
                    1 + EDGES
                        .iter()
                        .position(|(lo, hi, _)| (*lo..=*hi).contains(&c))
                        .unwrap_or(0)
                }
            };
            if let Some(b) = bins.get_mut(slot) {
                b.count += 1;
            }
        }
        bins
    }
}

/// Old ↔ new id translation derived from a diff: through its applied mappings, `None` for
/// concepts only one version has.
pub struct IdTranslation {
    old_to_new: HashMap<String, String>,
    new_to_old: HashMap<String, String>,
    removed: HashSet<String>,
    added: HashSet<String>,
}

impl IdTranslation {
    /// The translation of `diff`.
    pub fn of(diff: &Diff) -> Self {
        let applied = diff.mapping.iter().filter(|m| m.applied);
        IdTranslation {
            old_to_new: applied
                .clone()
                .map(|m| (m.old_id.clone(), m.new_id.clone()))
                .collect(),
            new_to_old: applied
                .map(|m| (m.new_id.clone(), m.old_id.clone()))
                .collect(),
            removed: diff.removed.iter().map(|c| c.id.clone()).collect(),
            added: diff.added.iter().map(|c| c.id.clone()).collect(),
        }
    }

    /// The new id of an old concept, `None` when it was removed.
    pub fn to_new<'a>(&'a self, old_id: &'a str) -> Option<&'a str> {
        match self.old_to_new.get(old_id) {
            Some(n) => Some(n),
            None if self.removed.contains(old_id) => None,
            None => Some(old_id),
        }
    }

    /// The old id of a new concept, `None` when it was added.
    pub fn to_old<'a>(&'a self, new_id: &'a str) -> Option<&'a str> {
        match self.new_to_old.get(new_id) {
            Some(o) => Some(o),
            None if self.added.contains(new_id) => None,
            None => Some(new_id),
        }
    }
}

/// The impact with the default scoring configuration in both versions.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_diff::impact::{impact, sample_profiles};
/// use vaardig_diff::mutate::{MutationConfig, mutate};
///
/// let old = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let new = mutate(&old, &MutationConfig::default())?.ontology;
/// let diff = vaardig_diff::diff(&old, &new);
/// let profiles = sample_profiles(&old, 5);
/// let i = impact(&old, &new, &diff, &profiles, &Default::default())?;
/// assert_eq!(i.profiles.len(), 5);
/// assert!((0.0..=1.0).contains(&i.mean_overlap));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// See [`measure`].
pub fn impact(
    old: &Ontology,
    new: &Ontology,
    diff: &Diff,
    profiles: &[NamedProfile],
    options: &ImpactOptions,
) -> Result<Impact, DiffError> {
    let old_scorer = Scorer::with_defaults(old);
    let new_scorer = Scorer::with_defaults(new);
    measure(old, new, diff, &old_scorer, &new_scorer, profiles, options)
}

/// The impact with the given rankers (`old_ranker` over `old`, `new_ranker` over `new`); `diff`
/// must be the diff of `old` and `new` (its mapping translates ids).
///
/// # Complexity
/// Per profile: two rankings to `depth`, gap scores for at most `k + 1` occupations per version,
/// and O(k²) for τ. The profiles are measured in parallel (rayon, every core); the answer is
/// the one a profile-by-profile run gives, bit for bit.
///
/// # Errors
/// `k` or `depth` is 0 or `depth < k`; a profile does not fit the old version; scoring fails.
pub fn measure(
    old: &Ontology,
    new: &Ontology,
    diff: &Diff,
    old_ranker: &(dyn Ranker + Sync),
    new_ranker: &(dyn Ranker + Sync),
    profiles: &[NamedProfile],
    options: &ImpactOptions,
) -> Result<Impact, DiffError> {
    if options.k == 0 || options.depth < options.k {
        return Err(DiffError::Options(format!(
            "need 0 < k ≤ depth, got k = {} and depth = {}",
            options.k, options.depth
        )));
    }
    let ids = IdTranslation::of(diff);
    // Profiles are independent: measured on every core, kept in input order; the first bad
    // profile (in input order) is the error, whatever the threads finish first.
    let results: Vec<ProfileImpact> = profiles
        .par_iter()
        .map(|named| profile_impact(old, &ids, old_ranker, new_ranker, named, options))
        .collect::<Vec<_>>()
        .into_iter()
        .collect::<Result<_, _>>()?;
    let occupations = by_occupation(old, new, &ids, &results, options);
    Ok(Impact {
        options: options.clone(),
        mean_overlap: mean(results.iter().map(|p| p.overlap)).unwrap_or(1.0),
        mean_kendall_tau: mean(results.iter().filter_map(|p| p.kendall_tau)),
        mean_abs_gap_delta: mean(results.iter().map(|p| p.mean_abs_gap_delta)).unwrap_or(0.0),
        profiles: results,
        occupations,
    })
}

/// How one profile's results moved between the versions (see [`measure`]).
fn profile_impact(
    old: &Ontology,
    ids: &IdTranslation,
    old_ranker: &(dyn Ranker + Sync),
    new_ranker: &(dyn Ranker + Sync),
    named: &NamedProfile,
    options: &ImpactOptions,
) -> Result<ProfileImpact, DiffError> {
    let lang = options.label_language.as_deref();
    let old_label = |id: &str| concept_label(old, id, lang).to_owned();
    named
        .profile
        .check(old)
        .map_err(|source| DiffError::Profile {
            profile: named.name.clone(),
            source,
        })?;
    let score_err = |version: &'static str| {
        let profile = named.name.clone();
        move |source| DiffError::Score {
            profile,
            version,
            source,
        }
    };
    let (new_profile, ids_lost) = profiles::translate(&named.profile, ids);
    let old_rank = old_ranker
        .rank(&named.profile, options.depth)
        .map_err(score_err("old"))?;
    let new_rank = new_ranker
        .rank(&new_profile, options.depth)
        .map_err(score_err("new"))?;
    let new_pos: HashMap<&str, usize> = new_rank
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i + 1))
        .collect();
    let old_pos: HashMap<&str, usize> = old_rank
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i + 1))
        .collect();
    let old_top: Vec<String> = old_rank
        .iter()
        .take(options.k)
        .map(|(id, _)| id.clone())
        .collect();
    let new_top: Vec<String> = new_rank
        .iter()
        .take(options.k)
        .map(|(id, _)| id.clone())
        .collect();

    // Compare in old-id space; occupations only the new version has keep their new id.
    let new_top_as_old: Vec<String> = new_top
        .iter()
        .map(|n| ids.to_old(n).unwrap_or(n).to_owned())
        .collect();
    let overlap = top_k_overlap(&old_top, &new_top_as_old);
    let mut union: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    for o in &old_top {
        union.push((Some(o.as_str()), ids.to_new(o)));
    }
    for n in &new_top {
        let o = ids.to_old(n);
        if o.is_none_or(|o| !old_top.iter().any(|x| x == o)) {
            union.push((o, Some(n.as_str())));
        }
    }
    let beyond = (options.depth + 1) as f64;
    let place = |pos: &HashMap<&str, usize>, id: Option<&str>| {
        id.and_then(|i| pos.get(i)).map_or(beyond, |&r| r as f64)
    };
    let xs: Vec<f64> = union.iter().map(|(o, _)| place(&old_pos, *o)).collect();
    let ys: Vec<f64> = union.iter().map(|(_, n)| place(&new_pos, *n)).collect();
    let kendall_tau = kendall_tau_b(&xs, &ys);

    let moves: Vec<RankMove> = old_top
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let new_id = ids.to_new(o).map(str::to_owned);
            RankMove {
                occupation: o.clone(),
                label: old_label(o),
                new_rank: new_id.as_deref().and_then(|n| new_pos.get(n).copied()),
                new_id,
                old_rank: i + 1,
            }
        })
        .collect();

    // Gap deltas: the current occupation first, then the old top k, where both versions
    // have the occupation.
    let mut targets: Vec<(String, String)> = Vec::new();
    let candidates = named
        .profile
        .current_occupation
        .iter()
        .chain(old_top.iter());
    for o in candidates {
        if let Some(n) = ids.to_new(o)
            && !targets.iter().any(|(x, _)| x == o)
        {
            targets.push((o.clone(), n.to_owned()));
        }
    }
    let old_targets: Vec<String> = targets.iter().map(|(o, _)| o.clone()).collect();
    let new_targets: Vec<String> = targets.iter().map(|(_, n)| n.clone()).collect();
    let old_gaps = old_ranker
        .gap_scores(&named.profile, &old_targets)
        .map_err(score_err("old"))?;
    let new_gaps = new_ranker
        .gap_scores(&new_profile, &new_targets)
        .map_err(score_err("new"))?;
    let gaps: Vec<GapDelta> = old_targets
        .iter()
        .zip(old_gaps.iter().zip(&new_gaps))
        .map(|(o, (&a, &b))| GapDelta {
            occupation: o.clone(),
            label: old_label(o),
            old: a,
            new: b,
            delta: b - a,
        })
        .collect();
    let mean_abs_gap_delta = mean(gaps.iter().map(|g| g.delta.abs())).unwrap_or(0.0);
    let current_occupation = named.profile.current_occupation.clone();
    Ok(ProfileImpact {
        profile: named.name.clone(),
        current_label: current_occupation.as_deref().map(old_label),
        current_occupation,
        ids_lost,
        old_top,
        new_top,
        overlap,
        kendall_tau,
        moves,
        gaps,
        mean_abs_gap_delta,
    })
}

/// The mean, or `None` for no values.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Aggregates per occupation: entries into and exits from top-k lists, and gap deltas.
fn by_occupation(
    old: &Ontology,
    new: &Ontology,
    ids: &IdTranslation,
    results: &[ProfileImpact],
    options: &ImpactOptions,
) -> Vec<OccupationImpact> {
    #[derive(Default)]
    struct Acc {
        entered: usize,
        left: usize,
        deltas: Vec<f64>,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for p in results {
        let new_as_old: Vec<&str> = p
            .new_top
            .iter()
            .map(|n| ids.to_old(n).unwrap_or(n))
            .collect();
        for o in &p.old_top {
            if !new_as_old.contains(&o.as_str()) {
                acc.entry(o.clone()).or_default().left += 1;
            }
        }
        for o in &new_as_old {
            if !p.old_top.iter().any(|x| x == o) {
                acc.entry((*o).to_owned()).or_default().entered += 1;
            }
        }
        for g in &p.gaps {
            acc.entry(g.occupation.clone())
                .or_default()
                .deltas
                .push(g.delta);
        }
    }
    let lang = options.label_language.as_deref();
    let label = |id: &str| {
        let version = if old.get(id).is_some() { old } else { new };
        concept_label(version, id, lang).to_owned()
    };
    let mut out: Vec<OccupationImpact> = acc
        .into_iter()
        .map(|(id, a)| OccupationImpact {
            label: label(&id),
            entered: a.entered,
            left: a.left,
            mean_gap_delta: mean(a.deltas.iter().copied()),
            occupation: id,
        })
        .filter(|o| o.entered + o.left > 0 || o.mean_gap_delta.is_some_and(|d| d != 0.0))
        .collect();
    out.sort_by(|a, b| {
        (b.entered + b.left)
            .cmp(&(a.entered + a.left))
            .then(
                b.mean_gap_delta
                    .unwrap_or(0.0)
                    .abs()
                    .total_cmp(&a.mean_gap_delta.unwrap_or(0.0).abs()),
            )
            .then(a.occupation.cmp(&b.occupation))
    });
    out
}
