//! The column layout of every table, shared by the reader and the writer.

use crate::model::{ConceptKind, RelationKind};

/// A column and whether it must be present.
pub(crate) type Column = (&'static str, bool);

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
        RelationKind::Requires => &[("importance", true), ("level", false)],
        k if k.has_level() => &[("level", false)],
        _ => &[],
    }
}

/// The separator between synonyms in an `alt_labels_xx` cell.
pub(crate) const ALT_SEPARATOR: char = '|';
