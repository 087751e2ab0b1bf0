//! [`QualityReport`]: how complete and well-shaped one ontology version is.
//!
//! Checks: label completeness per language (preferred labels, synonyms, definitions), synonyms per
//! concept, hierarchy depth and fan-out distributions, skills no occupation requires, occupations
//! with few essential skills, learning offers that teach nothing or nothing any occupation
//! requires, and isolated concepts (no relation at all).
//!
//! A loaded ontology has no dangling references (the loader rejects them), so "offers teaching
//! unknown skills" is reported as offers whose skills are unknown to the labour market: no
//! occupation requires any of them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, Importance, NodeIndex, Ontology, RelationKind};

use crate::changes::{ConceptRef, VersionInfo};
use crate::diff::degree;

/// Thresholds of the quality report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualityOptions {
    /// Occupations with fewer essential skills than this are listed.
    pub few_essential: usize,
    /// The language of the concept labels in the lists (a manifest language); `None` for the
    /// ontology's primary language. A concept without a label in it shows its primary one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_language: Option<String>,
}

impl Default for QualityOptions {
    fn default() -> Self {
        QualityOptions {
            few_essential: 3,
            label_language: None,
        }
    }
}

/// One bar of a [`Distribution`]: how many values fall in `from..=to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The smallest value of the bucket.
    pub from: usize,
    /// The largest value of the bucket.
    pub to: usize,
    /// How many values fall in it.
    pub count: usize,
}

/// Values up to this maximum get one bucket each in a [`Distribution`].
pub const EXACT_UP_TO: usize = 16;

/// A summary of non-negative whole numbers: extremes, mean, median and buckets: one per value
/// when the largest is at most [`EXACT_UP_TO`], else powers of two (`0`, `1`, `2–3`, `4–7`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// How many values.
    pub count: usize,
    /// The smallest value (0 when there are none).
    pub min: usize,
    /// The largest value (0 when there are none).
    pub max: usize,
    /// The mean (0 when there are none).
    pub mean: f64,
    /// The median (the lower middle value for an even count; 0 when there are none).
    pub median: usize,
    /// The buckets from 0 up to the one holding `max`, empty ones included.
    pub buckets: Vec<Bucket>,
}

impl Distribution {
    /// Summarises `values`.
    ///
    /// ```
    /// let d = vaardig_diff::Distribution::of(vec![0, 1, 2, 3, 9]);
    /// assert_eq!((d.min, d.max, d.median), (0, 9, 2));
    /// assert_eq!(d.buckets.len(), 10); // 0..=9, one each
    /// let wide = vaardig_diff::Distribution::of(vec![0, 1, 2, 3, 40]);
    /// let counts: Vec<usize> = wide.buckets.iter().map(|b| b.count).collect();
    /// assert_eq!(counts, vec![1, 1, 2, 0, 0, 0, 1]); // 0, 1, 2–3, 4–7, 8–15, 16–31, 32–63
    /// ```
    pub fn of(mut values: Vec<usize>) -> Distribution {
        values.sort_unstable();
        let count = values.len();
        let max = values.last().copied().unwrap_or(0);
        // One bucket per value up to EXACT_UP_TO, else powers of two: 0, 1, 2–3, 4–7, ...
        let exact = max <= EXACT_UP_TO;
        let mut buckets = vec![Bucket {
            from: 0,
            to: 0,
            count: 0,
        }];
        let mut from = 1usize;
        while from <= max {
            let to = if exact {
                from
            } else {
                from.saturating_mul(2).saturating_sub(1)
            };
            buckets.push(Bucket { from, to, count: 0 });
            from = to.saturating_add(1);
        }
        for &v in &values {
            let i = if v == 0 || exact {
                v
            } else {
                (usize::BITS - v.leading_zeros()) as usize
            };
            if let Some(b) = buckets.get_mut(i) {
                b.count += 1;
            }
        }
        Distribution {
            count,
            min: values.first().copied().unwrap_or(0),
            max,
            mean: if count == 0 {
                0.0
            } else {
                values.iter().sum::<usize>() as f64 / count as f64
            },
            median: if count == 0 {
                0
            } else {
                values[(count - 1) / 2]
            },
            buckets,
        }
    }
}

/// Label completeness in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageCompleteness {
    /// The language code.
    pub lang: String,
    /// Share of concepts with a preferred label (0–1).
    pub pref: f64,
    /// Share of concepts with at least one synonym (0–1).
    pub alt: f64,
    /// Share of concepts with a definition (0–1).
    pub definition: f64,
    /// Per concept kind: the share with a preferred label.
    pub pref_by_kind: BTreeMap<ConceptKind, f64>,
    /// How many concepts lack a preferred label.
    pub missing_pref: usize,
    /// Synonyms per concept.
    pub synonyms: Distribution,
}

/// The shape of one `broader` hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HierarchyShape {
    /// `capabilities` (skills and knowledge areas) or `occupations`.
    pub name: String,
    /// Concepts in it.
    pub concepts: usize,
    /// Concepts without a broader concept.
    pub roots: usize,
    /// Concepts without a narrower concept.
    pub leaves: usize,
    /// Concepts that are both (no place in the hierarchy).
    pub unplaced: usize,
    /// Depth of every concept (a root is 1).
    pub depth: Distribution,
    /// Narrower concepts per concept that has any.
    pub fan_out: Distribution,
}

/// An occupation and how many essential skills it requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupationEssentials {
    /// The occupation id.
    pub id: String,
    /// Its preferred label in the primary language.
    pub label: String,
    /// Essential requirements.
    pub essential: usize,
    /// All requirements.
    pub total: usize,
}

/// How complete and well-shaped one ontology version is. Lists are full and ordered worst first,
/// then by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    /// The version.
    pub version: VersionInfo,
    /// The thresholds used.
    pub options: QualityOptions,
    /// Concepts per kind.
    pub concepts: BTreeMap<ConceptKind, usize>,
    /// Relations per kind.
    pub relations: BTreeMap<RelationKind, usize>,
    /// Label completeness per language of the manifest.
    pub labels: Vec<LanguageCompleteness>,
    /// The capability and occupation hierarchies.
    pub hierarchies: Vec<HierarchyShape>,
    /// Skills no occupation or task requires, most connected first.
    pub unrequired_skills: Vec<ConceptRef>,
    /// Occupations with fewer than `options.few_essential` essential skills, fewest first.
    pub few_essential: Vec<OccupationEssentials>,
    /// Learning offers that teach nothing.
    pub offers_teaching_nothing: Vec<ConceptRef>,
    /// Learning offers that teach only skills no occupation requires.
    pub offers_teaching_nothing_required: Vec<ConceptRef>,
    /// Concepts without any relation.
    pub isolated: Vec<ConceptRef>,
}

impl QualityReport {
    /// Computes the report.
    ///
    /// # Complexity
    /// O(concepts × languages + relations).
    ///
    /// ```
    /// use vaardig_core::generate::{generate, GeneratorConfig};
    /// use vaardig_diff::{QualityOptions, QualityReport};
    ///
    /// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
    /// let r = QualityReport::of(&o, &QualityOptions::default());
    /// assert_eq!(r.labels[0].lang, "nl");
    /// assert_eq!(r.labels[0].pref, 1.0);
    /// ```
    pub fn of(ontology: &Ontology, options: &QualityOptions) -> QualityReport {
        let primary = ontology.primary_language();
        let label_of = |c: &vaardig_core::Concept| -> String {
            options
                .label_language
                .as_deref()
                .and_then(|l| c.labels.pref(l))
                .unwrap_or_else(|| c.label(primary))
                .to_owned()
        };
        let cref = |ix: NodeIndex| {
            let c = ontology.concept(ix);
            ConceptRef {
                id: c.id.clone(),
                kind: c.kind(),
                label: label_of(c),
                degree: degree(ontology, ix),
            }
        };
        let required = |ix: NodeIndex| {
            ontology
                .incoming(ix, RelationKind::Requires)
                .next()
                .is_some()
        };

        let mut unrequired_skills: Vec<ConceptRef> = ontology
            .indices(ConceptKind::Skill)
            .iter()
            .filter(|&&ix| !required(ix))
            .map(|&ix| cref(ix))
            .collect();
        unrequired_skills.sort_by(|a, b| b.degree.cmp(&a.degree).then(a.id.cmp(&b.id)));

        let mut few_essential: Vec<OccupationEssentials> = ontology
            .concepts(ConceptKind::Occupation)
            .filter_map(|(ix, c)| {
                let (mut essential, mut total) = (0, 0);
                for (_, r) in ontology.outgoing(ix, RelationKind::Requires) {
                    total += 1;
                    essential += usize::from(r.importance == Some(Importance::Essential));
                }
                (essential < options.few_essential).then(|| OccupationEssentials {
                    id: c.id.clone(),
                    label: label_of(c),
                    essential,
                    total,
                })
            })
            .collect();
        few_essential.sort_by(|a, b| {
            (a.essential, a.total)
                .cmp(&(b.essential, b.total))
                .then(a.id.cmp(&b.id))
        });

        let mut offers_teaching_nothing = Vec::new();
        let mut offers_teaching_nothing_required = Vec::new();
        for &ix in ontology.indices(ConceptKind::LearningOffer) {
            let mut taught = ontology.outgoing(ix, RelationKind::Teaches).peekable();
            if taught.peek().is_none() {
                offers_teaching_nothing.push(cref(ix));
            } else if !taught.any(|(s, _)| required(s)) {
                offers_teaching_nothing_required.push(cref(ix));
            }
        }

        let isolated = ontology
            .iter()
            .filter(|(ix, _)| degree(ontology, *ix) == 0)
            .map(|(ix, _)| cref(ix))
            .collect();

        QualityReport {
            version: VersionInfo::of(ontology),
            options: options.clone(),
            concepts: ConceptKind::ALL
                .iter()
                .map(|&k| (k, ontology.count(k)))
                .filter(|(_, n)| *n > 0)
                .collect(),
            relations: RelationKind::ALL
                .iter()
                .map(|&k| (k, ontology.relation_count(k)))
                .filter(|(_, n)| *n > 0)
                .collect(),
            labels: ontology
                .manifest()
                .languages
                .iter()
                .map(|l| completeness(ontology, l))
                .collect(),
            hierarchies: vec![
                hierarchy(
                    ontology,
                    "capabilities",
                    &[ConceptKind::Skill, ConceptKind::KnowledgeArea],
                ),
                hierarchy(ontology, "occupations", &[ConceptKind::Occupation]),
            ],
            unrequired_skills,
            few_essential,
            offers_teaching_nothing,
            offers_teaching_nothing_required,
            isolated,
        }
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn completeness(ontology: &Ontology, lang: &str) -> LanguageCompleteness {
    let n = ontology.len();
    let (mut pref, mut alt, mut def) = (0, 0, 0);
    let mut synonyms = Vec::with_capacity(n);
    for (_, c) in ontology.iter() {
        pref += usize::from(c.labels.pref(lang).is_some());
        alt += usize::from(!c.labels.alt(lang).is_empty());
        def += usize::from(c.labels.definition(lang).is_some());
        synonyms.push(c.labels.alt(lang).len());
    }
    let pref_by_kind = ConceptKind::ALL
        .iter()
        .filter(|&&k| ontology.count(k) > 0)
        .map(|&k| {
            let with = ontology
                .concepts(k)
                .filter(|(_, c)| c.labels.pref(lang).is_some())
                .count();
            (k, share(with, ontology.count(k)))
        })
        .collect();
    LanguageCompleteness {
        lang: lang.to_owned(),
        pref: share(pref, n),
        alt: share(alt, n),
        definition: share(def, n),
        pref_by_kind,
        missing_pref: n - pref,
        synonyms: Distribution::of(synonyms),
    }
}

/// The shape of the `broader` hierarchy among concepts of `kinds`.
fn hierarchy(ontology: &Ontology, name: &str, kinds: &[ConceptKind]) -> HierarchyShape {
    let members: Vec<NodeIndex> = kinds
        .iter()
        .flat_map(|&k| ontology.indices(k).iter().copied())
        .collect();
    // depth(x) = 1 + max depth of its broader concepts; memoised and iterative. `broader` is
    // acyclic (the builder guarantees it), so the walk ends.
    let mut depth: Vec<usize> = vec![0; ontology.len()];
    for &start in &members {
        let mut stack: Vec<(NodeIndex, bool)> = vec![(start, false)];
        while let Some((ix, expanded)) = stack.pop() {
            if depth[ix.index()] != 0 {
                continue;
            }
            if expanded {
                depth[ix.index()] = 1 + ontology
                    .outgoing(ix, RelationKind::Broader)
                    .map(|(p, _)| depth[p.index()])
                    .max()
                    .unwrap_or(0);
            } else {
                stack.push((ix, true));
                stack.extend(
                    ontology
                        .outgoing(ix, RelationKind::Broader)
                        .filter(|(p, _)| depth[p.index()] == 0)
                        .map(|(p, _)| (p, false)),
                );
            }
        }
    }
    let (mut roots, mut leaves, mut unplaced) = (0, 0, 0);
    let mut fan_out = Vec::new();
    for &ix in &members {
        let parents = ontology.outgoing(ix, RelationKind::Broader).count();
        let children = ontology.incoming(ix, RelationKind::Broader).count();
        roots += usize::from(parents == 0);
        leaves += usize::from(children == 0);
        unplaced += usize::from(parents == 0 && children == 0);
        if children > 0 {
            fan_out.push(children);
        }
    }
    HierarchyShape {
        name: name.to_owned(),
        concepts: members.len(),
        roots,
        leaves,
        unplaced,
        depth: Distribution::of(members.iter().map(|ix| depth[ix.index()]).collect()),
        fan_out: Distribution::of(fan_out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_of_nothing_is_zero() {
        let d = Distribution::of(Vec::new());
        assert_eq!((d.count, d.min, d.max, d.median), (0, 0, 0, 0));
        assert_eq!(d.mean, 0.0);
        assert_eq!(d.buckets.len(), 1);
    }

    #[test]
    fn distribution_buckets_are_powers_of_two_beyond_the_exact_range() {
        let d = Distribution::of(vec![1, 4, 7, 17, 17]);
        let shape: Vec<(usize, usize, usize)> =
            d.buckets.iter().map(|b| (b.from, b.to, b.count)).collect();
        assert_eq!(
            shape,
            vec![
                (0, 0, 0),
                (1, 1, 1),
                (2, 3, 0),
                (4, 7, 2),
                (8, 15, 0),
                (16, 31, 2)
            ]
        );
        assert_eq!(d.median, 7);
        assert!((d.mean - 9.2).abs() < 1e-12);
    }

    #[test]
    fn small_distributions_have_one_bucket_per_value() {
        let d = Distribution::of(vec![2, 2, 16]);
        assert_eq!(d.buckets.len(), 17);
        assert_eq!(d.buckets[2].count, 2);
        assert_eq!(
            (d.buckets[16].from, d.buckets[16].to, d.buckets[16].count),
            (16, 16, 1)
        );
        assert_eq!(d.buckets.iter().map(|b| b.count).sum::<usize>(), 3);
    }
}
