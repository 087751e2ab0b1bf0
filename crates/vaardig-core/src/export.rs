//! The whole ontology as one JSON document (`vaardig export --format json`).
//!
//! Shape: `{ "manifest": {...}, "concepts": [...], "relations": [...] }`. Each concept has `id`,
//! `kind`, `pref_label` and `alt_labels` keyed by language, `definition` and its kind's attributes;
//! each relation has `from`, `to`, `kind` and its attributes (`importance`, `level`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::concept::ConceptData;
use crate::manifest::Manifest;
use crate::ontology::Ontology;

/// One concept in the JSON export.
#[derive(Debug, Serialize)]
pub struct JsonConcept<'a> {
    /// The id.
    pub id: &'a str,
    /// Preferred labels by language.
    pub pref_label: &'a BTreeMap<String, String>,
    /// Synonyms by language.
    pub alt_labels: &'a BTreeMap<String, Vec<String>>,
    /// Definitions by language.
    pub definition: &'a BTreeMap<String, String>,
    /// `kind` and the kind's attributes.
    #[serde(flatten)]
    pub data: &'a ConceptData,
}

/// One relation in the JSON export.
#[derive(Debug, Serialize)]
pub struct JsonRelation<'a> {
    /// The source concept id.
    pub from: &'a str,
    /// The target concept id.
    pub to: &'a str,
    /// `kind`, `importance`, `level`.
    #[serde(flatten)]
    pub relation: &'a crate::concept::Relation,
}

/// The whole export document.
#[derive(Debug, Serialize)]
pub struct JsonExport<'a> {
    /// The manifest.
    pub manifest: &'a Manifest,
    /// Every concept, in id order.
    pub concepts: Vec<JsonConcept<'a>>,
    /// Every relation, ordered by `(from, to, kind)`.
    pub relations: Vec<JsonRelation<'a>>,
}

/// Builds the export document for `ontology`.
pub fn json_export(ontology: &Ontology) -> JsonExport<'_> {
    JsonExport {
        manifest: ontology.manifest(),
        concepts: ontology
            .iter()
            .map(|(_, c)| JsonConcept {
                id: &c.id,
                pref_label: &c.labels.pref,
                alt_labels: &c.labels.alt,
                definition: &c.labels.definition,
                data: &c.data,
            })
            .collect(),
        relations: ontology
            .relations()
            .map(|(f, t, r)| JsonRelation {
                from: &ontology.concept(f).id,
                to: &ontology.concept(t).id,
                relation: r,
            })
            .collect(),
    }
}
