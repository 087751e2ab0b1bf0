//! The profiles an impact run scores: read from a file, or sampled from the old version's
//! occupations; and their translation into the new version's ids.

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, Importance, Location, Ontology, RelationKind};
use vaardig_score::{Evidence, Profile, ProfileSkill};

use crate::error::DiffError;
use crate::impact::IdTranslation;

/// A profile with the name reports show for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedProfile {
    /// The profile's `name`, else `profile N` (1-based position in the file), or for sampled
    /// profiles the occupation id.
    pub name: String,
    /// The profile, in the old version's ids.
    pub profile: Profile,
}

/// `n` profiles sampled deterministically from `old`'s occupations: evenly spaced in id order,
/// each holding its occupation's essential and important skills (at the required level) as work
/// experience, with that occupation as the current one.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let p = vaardig_diff::impact::sample_profiles(&o, 10);
/// assert_eq!(p.len(), 10);
/// assert_eq!(p[0].name, "occ:o00000");
/// assert!(!p[0].profile.skills.is_empty());
/// ```
pub fn sample_profiles(old: &Ontology, n: usize) -> Vec<NamedProfile> {
    let occupations = old.indices(ConceptKind::Occupation);
    let n = n.min(occupations.len());
    (0..n)
        .map(|i| occupations[i * occupations.len() / n])
        .map(|ix| {
            let id = old.concept(ix).id.clone();
            let skills = old
                .outgoing(ix, RelationKind::Requires)
                .filter(|(_, r)| {
                    matches!(
                        r.importance,
                        Some(Importance::Essential | Importance::Important)
                    )
                })
                .map(|(s, r)| ProfileSkill {
                    level: r.level,
                    ..ProfileSkill::new(old.concept(s).id.clone(), Evidence::WorkExperience)
                })
                .collect();
            NamedProfile {
                name: id.clone(),
                profile: Profile {
                    name: Some(id.clone()),
                    skills,
                    current_occupation: Some(id),
                    ..Profile::default()
                },
            }
        })
        .collect()
}

/// Reads profiles: a JSON array of profile objects, or JSON Lines (one object per line; blank
/// lines skipped). `file` names the source in errors.
///
/// # Errors
/// Malformed JSON or an invalid profile, with the line (JSON Lines) or the position in the array.
///
/// ```
/// let p = vaardig_diff::impact::profiles_from_json(
///     "{\"name\": \"Ans\", \"skills\": []}\n{\"skills\": []}\n", "people.jsonl")?;
/// assert_eq!(p[0].name, "Ans");
/// assert_eq!(p[1].name, "profile 2");
/// # Ok::<(), vaardig_diff::DiffError>(())
/// ```
pub fn profiles_from_json(text: &str, file: &str) -> Result<Vec<NamedProfile>, DiffError> {
    let err = |line: Option<u64>, column: Option<String>, message: String| DiffError::Profiles {
        location: Location {
            file: Some(file.to_owned()),
            line,
            column,
        },
        message,
    };
    let named = |p: Profile, n: usize| NamedProfile {
        name: p.name.clone().unwrap_or_else(|| format!("profile {n}")),
        profile: p,
    };
    if text.trim_start().starts_with('[') {
        let values: Vec<serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| err(Some(e.line() as u64), None, e.to_string()))?;
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                Profile::from_json(&v.to_string())
                    .map(|p| named(p, i + 1))
                    .map_err(|e| err(None, Some(format!("[{i}]")), e.to_string()))
            })
            .collect()
    } else {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let p = Profile::from_json(line)
                .map_err(|e| err(Some(i as u64 + 1), None, e.to_string()))?;
            out.push(named(p, out.len() + 1));
        }
        Ok(out)
    }
}

/// `profile` in the new version's ids; ids without a counterpart are dropped and returned.
pub(crate) fn translate(profile: &Profile, ids: &IdTranslation) -> (Profile, Vec<String>) {
    let mut lost = Vec::new();
    let mut keep = |id: &str| -> Option<String> {
        let t = ids.to_new(id).map(str::to_owned);
        if t.is_none() {
            lost.push(id.to_owned());
        }
        t
    };
    let skills = profile
        .skills
        .iter()
        .filter_map(|s| keep(&s.id).map(|id| ProfileSkill { id, ..s.clone() }))
        .collect();
    let current_occupation = profile.current_occupation.as_deref().and_then(&mut keep);
    let completed_offers = profile
        .completed_offers
        .iter()
        .filter_map(|id| keep(id))
        .collect();
    let stacking = profile.stacking.iter().filter_map(|id| keep(id)).collect();
    let translated = Profile {
        skills,
        current_occupation,
        completed_offers,
        stacking,
        ..profile.clone()
    };
    lost.sort();
    lost.dedup();
    (translated, lost)
}
