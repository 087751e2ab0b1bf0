//! The result of a diff: [`Diff`] and the change records it lists, plus [`Diff::mirror`], which
//! turns the diff of `a → b` into the diff of `b → a`.
//!
//! Ids in a change record belong to the version the record speaks about: `old_*` fields hold ids
//! of the old version, `new_*` fields ids of the new one (they differ only when the concept's id
//! was mapped). Every list is kept in one canonical order (see [`Diff::sort`]), so two diffs of the
//! same versions are equal value for value and serialise to the same bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, Importance, Level, Ontology, Rating, RelationKind, Tier};

use crate::mapping::MappingEntry;

/// What identifies one ontology version in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionInfo {
    /// The manifest name.
    pub name: String,
    /// The manifest version.
    pub version: String,
    /// The manifest release date.
    pub release_date: String,
    /// Number of concepts.
    pub concepts: usize,
    /// Number of relations.
    pub relations: usize,
}

impl VersionInfo {
    /// The version info of `ontology`.
    pub fn of(ontology: &Ontology) -> Self {
        let m = ontology.manifest();
        VersionInfo {
            name: m.name.clone(),
            version: m.version.clone(),
            release_date: m.release_date.to_string(),
            concepts: ontology.len(),
            relations: ontology.graph().edge_count(),
        }
    }
}

/// A concept that exists in one version only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConceptRef {
    /// Its id (in the version it exists in).
    pub id: String,
    /// Its kind.
    pub kind: ConceptKind,
    /// Its preferred label in the primary language of that version.
    pub label: String,
    /// How many relations it has (in either direction): how much leaves or arrives with it.
    pub degree: usize,
}

/// A preferred label or a definition that changed in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextChange {
    /// The concept's id in the old version.
    pub old_id: String,
    /// The concept's id in the new version.
    pub new_id: String,
    /// The concept's kind (in the new version).
    pub kind: ConceptKind,
    /// The language code.
    pub lang: String,
    /// The old text (`None`: there was none).
    pub old: Option<String>,
    /// The new text (`None`: there is none any more).
    pub new: Option<String>,
}

/// Synonyms of a concept added or removed in one language (reordering is not a change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SynonymChange {
    /// The concept's id in the old version.
    pub old_id: String,
    /// The concept's id in the new version.
    pub new_id: String,
    /// The concept's kind (in the new version).
    pub kind: ConceptKind,
    /// The language code.
    pub lang: String,
    /// Synonyms only the new version has, sorted.
    pub added: Vec<String>,
    /// Synonyms only the old version has, sorted.
    pub removed: Vec<String>,
}

/// A kind-specific attribute (skill type, ISCO code, hours, ...) or the kind itself that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeChange {
    /// The concept's id in the old version.
    pub old_id: String,
    /// The concept's id in the new version.
    pub new_id: String,
    /// The attribute, as named in the native format (`skill_type`, `isco`, `kind`, ...).
    pub field: String,
    /// The old value as text (`None`: absent).
    pub old: Option<String>,
    /// The new value as text (`None`: absent).
    pub new: Option<String>,
}

/// A concept whose place in the `broader` hierarchy changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Move {
    /// The concept's id in the old version.
    pub old_id: String,
    /// The concept's id in the new version.
    pub new_id: String,
    /// The concept's kind (in the new version).
    pub kind: ConceptKind,
    /// Its broader concepts in the old version (old ids, sorted).
    pub old_parents: Vec<String>,
    /// Its broader concepts in the new version (new ids, sorted).
    pub new_parents: Vec<String>,
}

/// A relation that exists in one version only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelationRef {
    /// The source concept (an id of the version the relation exists in).
    pub from: String,
    /// The target concept (an id of the same version).
    pub to: String,
    /// The relation kind.
    pub kind: RelationKind,
    /// For `requires`: the importance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// The proficiency level, when the relation has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Whether an endpoint is a concept that exists in this version only (the relation came or
    /// went with its concept), as opposed to a relation between concepts both versions have.
    pub with_concept: bool,
}

/// A relation both versions have whose attributes changed (importance or level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reweight {
    /// The source in the old version.
    pub old_from: String,
    /// The target in the old version.
    pub old_to: String,
    /// The source in the new version.
    pub new_from: String,
    /// The target in the new version.
    pub new_to: String,
    /// The relation kind.
    pub kind: RelationKind,
    /// The old importance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_importance: Option<Importance>,
    /// The new importance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_importance: Option<Importance>,
    /// The old level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_level: Option<Level>,
    /// The new level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_level: Option<Level>,
    /// The old weight on the source's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_weight: Option<Rating>,
    /// The new weight on the source's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_weight: Option<Rating>,
    /// The old level on the source's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_source_level: Option<Rating>,
    /// The new level on the source's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_source_level: Option<Rating>,
    /// The old tier of a related occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_tier: Option<Tier>,
    /// The new tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_tier: Option<Tier>,
    /// The old rank of a related occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_rank: Option<u16>,
    /// The new rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_rank: Option<u16>,
}

impl Reweight {
    /// The old and new attributes as short text (`essential, level 3, 4.25 onet_im`).
    pub fn describe(&self) -> (String, String) {
        let text = |i: Option<Importance>,
                    l: Option<Level>,
                    w: Option<Rating>,
                    s: Option<Rating>,
                    t: Option<Tier>,
                    r: Option<u16>| {
            let mut parts = Vec::new();
            parts.extend(i.map(|i| i.as_str().to_owned()));
            parts.extend(l.map(|l| format!("level {l}")));
            parts.extend(w.map(|w| format!("{} {}", w.value(), w.scale())));
            parts.extend(s.map(|s| format!("{} {}", s.value(), s.scale())));
            parts.extend(t.map(|t| t.as_str().to_owned()));
            parts.extend(r.map(|r| format!("rank {r}")));
            if parts.is_empty() {
                "–".to_owned()
            } else {
                parts.join(", ")
            }
        };
        (
            text(
                self.old_importance,
                self.old_level,
                self.old_weight,
                self.old_source_level,
                self.old_tier,
                self.old_rank,
            ),
            text(
                self.new_importance,
                self.new_level,
                self.new_weight,
                self.new_source_level,
                self.new_tier,
                self.new_rank,
            ),
        )
    }
}

/// Counts for one concept kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindCounts {
    /// Concepts of the kind in the old version.
    pub old: usize,
    /// Concepts of the kind in the new version.
    pub new: usize,
    /// Added.
    pub added: usize,
    /// Removed.
    pub removed: usize,
    /// Present in both with a different id (mapping applied). A concept that changed kind counts
    /// for both kinds.
    pub remapped: usize,
    /// Present in both with any label, synonym, definition, attribute or place change (a concept
    /// that changed kind counts for both kinds).
    pub changed: usize,
}

/// Counts for one relation kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelationCounts {
    /// Relations of the kind in the old version.
    pub old: usize,
    /// Relations of the kind in the new version.
    pub new: usize,
    /// Added.
    pub added: usize,
    /// Removed.
    pub removed: usize,
    /// Importance or level changed.
    pub reweighted: usize,
}

/// The headline numbers of a diff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffSummary {
    /// Concepts added.
    pub added: usize,
    /// Concepts removed.
    pub removed: usize,
    /// Concepts whose id changed, matched by a supplied or an accepted proposed mapping.
    pub remapped: usize,
    /// Proposed mappings below the acceptance threshold, left for a person to decide.
    pub suggested: usize,
    /// Concepts with at least one preferred label changed.
    pub relabelled: usize,
    /// Concepts with synonyms added or removed.
    pub synonyms_changed: usize,
    /// Concepts with a definition changed.
    pub definitions_changed: usize,
    /// Concepts with an attribute changed.
    pub attributes_changed: usize,
    /// Concepts moved in the hierarchy.
    pub moved: usize,
    /// Relations added.
    pub relations_added: usize,
    /// Relations removed.
    pub relations_removed: usize,
    /// Relations with importance or level changed.
    pub relations_reweighted: usize,
    /// Per concept kind (only kinds present in either version).
    pub concepts_by_kind: BTreeMap<ConceptKind, KindCounts>,
    /// Per relation kind (only kinds present in either version).
    pub relations_by_kind: BTreeMap<RelationKind, RelationCounts>,
}

/// Everything that changed from one ontology version to the next. Make one with
/// [`crate::diff()`] or [`crate::diff_with`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diff {
    /// The old version.
    pub old: VersionInfo,
    /// The new version.
    pub new: VersionInfo,
    /// The headline numbers.
    pub summary: DiffSummary,
    /// Id mappings: supplied ones, and proposed ones (applied when accepted).
    pub mapping: Vec<MappingEntry>,
    /// Concepts only the new version has.
    pub added: Vec<ConceptRef>,
    /// Concepts only the old version has.
    pub removed: Vec<ConceptRef>,
    /// Preferred labels changed, per language.
    pub relabelled: Vec<TextChange>,
    /// Synonyms added or removed, per language.
    pub synonyms: Vec<SynonymChange>,
    /// Definitions changed, per language.
    pub definitions: Vec<TextChange>,
    /// Kind-specific attributes changed.
    pub attributes: Vec<AttributeChange>,
    /// Concepts moved in the hierarchy.
    pub moved: Vec<Move>,
    /// Relations only the new version has.
    pub relations_added: Vec<RelationRef>,
    /// Relations only the old version has.
    pub relations_removed: Vec<RelationRef>,
    /// Relations whose importance or level changed.
    pub reweighted: Vec<Reweight>,
}

impl Diff {
    /// Whether the versions have the same content (manifest aside).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.mapping.iter().all(|m| !m.applied)
            && self.relabelled.is_empty()
            && self.synonyms.is_empty()
            && self.definitions.is_empty()
            && self.attributes.is_empty()
            && self.moved.is_empty()
            && self.relations_added.is_empty()
            && self.relations_removed.is_empty()
            && self.reweighted.is_empty()
    }

    /// The diff in the other direction: what `diff(new, old)` gives when `diff(old, new)` gave
    /// `self` (with the inverse of any supplied mapping).
    pub fn mirror(&self) -> Diff {
        // Change records carry the new version's kind; for a concept that changed kind, the
        // mirrored record needs the old one, which its `kind` attribute change holds.
        let old_kinds: BTreeMap<(&str, &str), ConceptKind> = self
            .attributes
            .iter()
            .filter(|a| a.field == "kind")
            .filter_map(|a| {
                let kind = a.old.as_deref()?.parse().ok()?;
                Some(((a.old_id.as_str(), a.new_id.as_str()), kind))
            })
            .collect();
        let kind_of = |old_id: &str, new_id: &str, kind: ConceptKind| {
            old_kinds.get(&(old_id, new_id)).copied().unwrap_or(kind)
        };
        let swap_text = |c: &TextChange| TextChange {
            old_id: c.new_id.clone(),
            new_id: c.old_id.clone(),
            kind: kind_of(&c.old_id, &c.new_id, c.kind),
            lang: c.lang.clone(),
            old: c.new.clone(),
            new: c.old.clone(),
        };
        let mut d = Diff {
            old: self.new.clone(),
            new: self.old.clone(),
            summary: self.summary.mirror(),
            mapping: self.mapping.iter().map(MappingEntry::inverse).collect(),
            added: self.removed.clone(),
            removed: self.added.clone(),
            relabelled: self.relabelled.iter().map(swap_text).collect(),
            synonyms: self
                .synonyms
                .iter()
                .map(|c| SynonymChange {
                    old_id: c.new_id.clone(),
                    new_id: c.old_id.clone(),
                    kind: kind_of(&c.old_id, &c.new_id, c.kind),
                    lang: c.lang.clone(),
                    added: c.removed.clone(),
                    removed: c.added.clone(),
                })
                .collect(),
            definitions: self.definitions.iter().map(swap_text).collect(),
            attributes: self
                .attributes
                .iter()
                .map(|c| AttributeChange {
                    old_id: c.new_id.clone(),
                    new_id: c.old_id.clone(),
                    field: c.field.clone(),
                    old: c.new.clone(),
                    new: c.old.clone(),
                })
                .collect(),
            moved: self
                .moved
                .iter()
                .map(|m| Move {
                    old_id: m.new_id.clone(),
                    new_id: m.old_id.clone(),
                    kind: kind_of(&m.old_id, &m.new_id, m.kind),
                    old_parents: m.new_parents.clone(),
                    new_parents: m.old_parents.clone(),
                })
                .collect(),
            relations_added: self.relations_removed.clone(),
            relations_removed: self.relations_added.clone(),
            reweighted: self
                .reweighted
                .iter()
                .map(|r| Reweight {
                    old_from: r.new_from.clone(),
                    old_to: r.new_to.clone(),
                    new_from: r.old_from.clone(),
                    new_to: r.old_to.clone(),
                    kind: r.kind,
                    old_importance: r.new_importance,
                    new_importance: r.old_importance,
                    old_level: r.new_level,
                    new_level: r.old_level,
                    old_weight: r.new_weight,
                    new_weight: r.old_weight,
                    old_source_level: r.new_source_level,
                    new_source_level: r.old_source_level,
                    old_tier: r.new_tier,
                    new_tier: r.old_tier,
                    old_rank: r.new_rank,
                    new_rank: r.old_rank,
                })
                .collect(),
        };
        d.sort();
        d
    }

    /// Puts every list in its canonical order: by old id (then new id, language, field) for
    /// concept changes, by id for added and removed concepts, by `(from, to, kind)` for relations.
    /// The mapping list is ordered by old id, then new id.
    pub fn sort(&mut self) {
        self.mapping
            .sort_by(|a, b| (&a.old_id, &a.new_id).cmp(&(&b.old_id, &b.new_id)));
        self.added.sort_by(|a, b| a.id.cmp(&b.id));
        self.removed.sort_by(|a, b| a.id.cmp(&b.id));
        let text_key = |c: &TextChange| (c.old_id.clone(), c.new_id.clone(), c.lang.clone());
        self.relabelled.sort_by_key(text_key);
        self.definitions.sort_by_key(text_key);
        self.synonyms
            .sort_by(|a, b| (&a.old_id, &a.new_id, &a.lang).cmp(&(&b.old_id, &b.new_id, &b.lang)));
        self.attributes.sort_by(|a, b| {
            (&a.old_id, &a.new_id, &a.field).cmp(&(&b.old_id, &b.new_id, &b.field))
        });
        self.moved
            .sort_by(|a, b| (&a.old_id, &a.new_id).cmp(&(&b.old_id, &b.new_id)));
        let rel_key = |r: &RelationRef| (r.from.clone(), r.to.clone(), r.kind);
        self.relations_added.sort_by_key(rel_key);
        self.relations_removed.sort_by_key(rel_key);
        self.reweighted.sort_by(|a, b| {
            (&a.old_from, &a.old_to, a.kind, &a.new_from, &a.new_to).cmp(&(
                &b.old_from,
                &b.old_to,
                b.kind,
                &b.new_from,
                &b.new_to,
            ))
        });
    }
}

impl DiffSummary {
    /// The summary of the mirrored diff.
    pub fn mirror(&self) -> DiffSummary {
        DiffSummary {
            added: self.removed,
            removed: self.added,
            concepts_by_kind: self
                .concepts_by_kind
                .iter()
                .map(|(k, c)| {
                    (
                        *k,
                        KindCounts {
                            old: c.new,
                            new: c.old,
                            added: c.removed,
                            removed: c.added,
                            ..*c
                        },
                    )
                })
                .collect(),
            relations_added: self.relations_removed,
            relations_removed: self.relations_added,
            relations_by_kind: self
                .relations_by_kind
                .iter()
                .map(|(k, c)| {
                    (
                        *k,
                        RelationCounts {
                            old: c.new,
                            new: c.old,
                            added: c.removed,
                            removed: c.added,
                            reweighted: c.reweighted,
                        },
                    )
                })
                .collect(),
            ..self.clone()
        }
    }
}
