//! The whole ontology as one JSON document (`vaardig export --format json`).
//!
//! Shape: `{ "manifest": {...}, "concepts": [...], "relations": [...] }`. Each concept has `id`,
//! its full `uri` when it has one ([`Ontology::uri_of`]; absent otherwise), `kind`, `pref_label`
//! and `alt_labels` keyed by language, `definition`, its kind's attributes, and when they are
//! set `status` (not `current`), `replaced_by`, `codes`, `notes` and `matches`; each relation has
//! `from`, `to`, `kind` and its attributes (`importance`, `level`, `weight` and `source_level` as
//! `{scale, value}`, `tier`, `rank`).

use crate::langmap::LangMap;

use serde::Serialize;

use crate::concept::{Code, ConceptData, Match, Note};
use crate::manifest::Manifest;
use crate::model::Status;
use crate::ontology::Ontology;

/// One concept in the JSON export.
#[derive(Debug, Serialize)]
pub struct JsonConcept<'a> {
    /// The id.
    pub id: &'a str,
    /// The full URI ([`Ontology::uri_of`]), when the id is one or has a manifest prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Preferred labels by language.
    pub pref_label: &'a LangMap<String>,
    /// Synonyms by language.
    pub alt_labels: &'a LangMap<Vec<String>>,
    /// Definitions by language.
    pub definition: &'a LangMap<String>,
    /// `kind` and the kind's attributes.
    #[serde(flatten)]
    pub data: &'a ConceptData,
    /// `current` (left out), `historical` or `archived`.
    #[serde(skip_serializing_if = "Status::is_current")]
    pub status: Status,
    /// The id of the concept that replaces this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<&'a str>,
    /// Codes as `{system, code}`.
    #[serde(skip_serializing_if = "<[Code]>::is_empty")]
    pub codes: &'a [Code],
    /// Notes as `{kind, lang, text}`.
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    pub notes: &'a [Note],
    /// Matches to other taxonomies as `{kind, uri}`.
    #[serde(skip_serializing_if = "<[Match]>::is_empty")]
    pub matches: &'a [Match],
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
            .map(|(ix, c)| JsonConcept {
                id: &c.id,
                uri: ontology.uri_of(ix),
                pref_label: &c.labels.pref,
                alt_labels: &c.labels.alt,
                definition: &c.labels.definition,
                data: &c.data,
                status: c.status,
                replaced_by: c.replaced_by.as_deref(),
                codes: &c.codes,
                notes: &c.notes,
                matches: &c.matches,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::concept::{Concept, Labels};
    use crate::model::SkillType;
    use crate::{Manifest, OntologyBuilder};

    #[test]
    fn concepts_carry_their_uri_when_they_have_one() {
        let mut manifest = Manifest::new("t", "1", &["en"]);
        manifest
            .prefixes
            .insert("esco".into(), "http://data.europa.eu/esco/".into());
        let mut b = OntologyBuilder::new(manifest);
        for id in ["esco:skill/s1", "skill:lassen"] {
            b.add_concept(Concept::new(
                id,
                Labels::with_pref([("en", id)]),
                ConceptData::Skill {
                    skill_type: SkillType::Skill,
                },
            ));
        }
        let o = b.build().expect("valid").ontology; // ok: test code, a failure here fails the test
        let v = serde_json::to_value(json_export(&o)).expect("serialises"); // ok: test code, a failure here fails the test
        assert_eq!(
            v["manifest"]["prefixes"]["esco"],
            "http://data.europa.eu/esco/"
        );
        assert_eq!(
            v["concepts"][0]["uri"],
            "http://data.europa.eu/esco/skill/s1"
        );
        assert!(
            v["concepts"][1].get("uri").is_none(),
            "{}",
            v["concepts"][1]
        );
    }
}
