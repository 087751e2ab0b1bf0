//! The column layout of every table, shared by the reader and the writer.

use crate::model::{ConceptKind, RelationKind};

/// A column and whether it must be present.
pub(crate) type Column = (&'static str, bool);

/// Columns every concept table may have, after the kind's own (both optional, so tables
/// written before they existed still load).
pub(crate) const COMMON_CONCEPT_COLUMNS: [Column; 2] = [("status", false), ("replaced_by", false)];

/// The table of codes: one row per concept and code.
pub const CODES_FILE: &str = "codes.csv";
/// The table of notes: one row per note.
pub const NOTES_FILE: &str = "notes.csv";
/// The table of matches to other taxonomies: one row per match.
pub const MATCHES_FILE: &str = "matches.csv";

/// The tables that annotate concepts, read after the concept tables, with their columns
/// (all required when the table is there; a missing table is an empty one).
pub(crate) const ANNOTATION_TABLES: [(&str, &[Column]); 3] = [
    (
        CODES_FILE,
        &[("concept", true), ("system", true), ("code", true)],
    ),
    (
        NOTES_FILE,
        &[
            ("concept", true),
            ("kind", true),
            ("lang", true),
            ("text", true),
        ],
    ),
    (
        MATCHES_FILE,
        &[("concept", true), ("kind", true), ("uri", true)],
    ),
];

/// Columns specific to a concept kind (besides `id` and the per-language label columns).
pub(crate) fn concept_columns(kind: ConceptKind) -> &'static [Column] {
    match kind {
        ConceptKind::Sector => &[("shortage", true)],
        ConceptKind::Skill => &[("skill_type", true)],
        ConceptKind::KnowledgeArea | ConceptKind::OccupationTask => &[],
        ConceptKind::Occupation => &[("isco", false), ("min_nlqf", false)],
        ConceptKind::Qualification => &[
            ("qualification_type", true),
            ("code_system", true),
            ("code", true),
            ("nlqf", false),
        ],
        ConceptKind::LearningOffer => &[
            ("offer_type", true),
            ("provider", true),
            ("provider_type", true),
            ("hours", true),
            ("cost_eur", true),
            ("nlqf", false),
        ],
    }
}

/// The per-language label columns: `(prefix, required)`.
pub(crate) const LABEL_COLUMNS: [Column; 3] = [
    ("pref_label_", true),
    ("alt_labels_", false),
    ("definition_", false),
];

/// Columns of a relation table besides `from` and `to`.
pub(crate) fn relation_columns(kind: RelationKind) -> &'static [Column] {
    match kind {
        RelationKind::Requires => &[
            ("importance", true),
            ("level", false),
            ("weight", false),
            ("weight_scale", false),
            ("source_level", false),
            ("source_level_scale", false),
        ],
        RelationKind::RelatedOccupation => &[("tier", false), ("rank", false)],
        k if k.has_level() => &[("level", false)],
        _ => &[],
    }
}

/// The separator between synonyms in an `alt_labels_xx` cell.
pub(crate) const ALT_SEPARATOR: char = '|';
