//! Concepts and relations: the node and edge weights of the ontology graph.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

use crate::model::{
    CodeSystem, ConceptKind, Importance, Level, Nlqf, OfferType, ProviderType, QualificationType,
    RelationKind, SkillType,
};

/// Labels of one concept in several languages.
///
/// Maps are keyed by language code (`"nl"`, `"en"`, ...) and ordered, so serialisation is
/// deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// The preferred label per language.
    pub pref: BTreeMap<String, String>,
    /// Synonyms per language, in the order they were given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub alt: BTreeMap<String, Vec<String>>,
    /// A short definition per language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub definition: BTreeMap<String, String>,
}

impl Labels {
    /// Labels with one preferred label per `(language, label)` pair.
    pub fn with_pref<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Labels {
            pref: pairs
                .into_iter()
                .map(|(l, s)| (l.to_owned(), s.to_owned()))
                .collect(),
            ..Labels::default()
        }
    }

    /// Every label in Unicode NFC (composed: `e` + U+0301 becomes `é`), so the same word is
    /// the same text whichever way the source encoded its accents. Text already in NFC (nearly
    /// all) is left as it is.
    pub(crate) fn normalize(&mut self) {
        let fix = |s: &mut String| {
            if unicode_normalization::is_nfc_quick(s.chars())
                != unicode_normalization::IsNormalized::Yes
            {
                *s = s.nfc().collect();
            }
        };
        self.pref.values_mut().for_each(fix);
        self.alt.values_mut().flatten().for_each(fix);
        self.definition.values_mut().for_each(fix);
    }

    /// The preferred label in `lang`, if there is one.
    pub fn pref(&self, lang: &str) -> Option<&str> {
        self.pref.get(lang).map(String::as_str)
    }

    /// The synonyms in `lang` (empty when there are none).
    pub fn alt(&self, lang: &str) -> &[String] {
        self.alt.get(lang).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The definition in `lang`, if there is one.
    pub fn definition(&self, lang: &str) -> Option<&str> {
        self.definition.get(lang).map(String::as_str)
    }

    /// The preferred label in the first of `langs` that has one, else any preferred label.
    pub fn best<'a>(&'a self, langs: &[&str]) -> Option<&'a str> {
        langs
            .iter()
            .find_map(|l| self.pref(l))
            .or_else(|| self.pref.values().next().map(String::as_str))
    }
}

/// What a concept is, with the attributes of its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConceptData {
    /// A skill, piece of knowledge or attitude.
    Skill {
        /// Which of the three.
        skill_type: SkillType,
    },
    /// A knowledge area.
    KnowledgeArea,
    /// An occupation.
    Occupation {
        /// ISCO-08 code (1–4 digits), when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        isco: Option<String>,
        /// The lowest NLQF level the occupation takes (an entry requirement: mbo-4 is 4,
        /// a bachelor 6), when it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_nlqf: Option<Nlqf>,
    },
    /// A task within an occupation.
    OccupationTask,
    /// A qualification.
    Qualification {
        /// Diploma, certificate, degree, ...
        qualification_type: QualificationType,
        /// The register of `code`.
        code_system: CodeSystem,
        /// The code in that register (CREBO, CROHO, ...).
        code: String,
        /// The NLQF level, when the qualification has one (CompetentNL's educational norms
        /// often do not; a missing level is a soft warning of `validate`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nlqf: Option<Nlqf>,
    },
    /// A learning offer.
    LearningOffer {
        /// Formal unit, course or microcredential.
        offer_type: OfferType,
        /// The provider's name.
        provider: String,
        /// Public or private.
        provider_type: ProviderType,
        /// Study load in hours (> 0).
        hours: f64,
        /// Cost in euros (≥ 0).
        cost_eur: f64,
        /// The NLQF level, when the offer has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nlqf: Option<Nlqf>,
    },
    /// A sector.
    Sector {
        /// Whether the sector has a labour shortage.
        shortage: bool,
    },
}

impl ConceptData {
    /// An occupation with an ISCO code (or none) and no minimum NLQF level.
    pub fn occupation(isco: Option<String>) -> Self {
        ConceptData::Occupation {
            isco,
            min_nlqf: None,
        }
    }

    /// The kind this data belongs to.
    pub fn kind(&self) -> ConceptKind {
        match self {
            ConceptData::Skill { .. } => ConceptKind::Skill,
            ConceptData::KnowledgeArea => ConceptKind::KnowledgeArea,
            ConceptData::Occupation { .. } => ConceptKind::Occupation,
            ConceptData::OccupationTask => ConceptKind::OccupationTask,
            ConceptData::Qualification { .. } => ConceptKind::Qualification,
            ConceptData::LearningOffer { .. } => ConceptKind::LearningOffer,
            ConceptData::Sector { .. } => ConceptKind::Sector,
        }
    }
}

/// A node of the ontology: an id, labels and kind-specific data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// The stable id, unique in the ontology.
    pub id: String,
    /// Labels per language.
    pub labels: Labels,
    /// The kind and its attributes.
    #[serde(flatten)]
    pub data: ConceptData,
}

impl Concept {
    /// A new concept.
    pub fn new(id: impl Into<String>, labels: Labels, data: ConceptData) -> Self {
        Concept {
            id: id.into(),
            labels,
            data,
        }
    }

    /// The concept's kind.
    pub fn kind(&self) -> ConceptKind {
        self.data.kind()
    }

    /// The preferred label in `lang`, falling back to any language, then to the id.
    pub fn label(&self, lang: &str) -> &str {
        self.labels.best(&[lang]).unwrap_or(&self.id)
    }

    /// Study hours, for learning offers.
    pub fn hours(&self) -> Option<f64> {
        match &self.data {
            ConceptData::LearningOffer { hours, .. } => Some(*hours),
            _ => None,
        }
    }

    /// Cost in euros, for learning offers.
    pub fn cost_eur(&self) -> Option<f64> {
        match &self.data {
            ConceptData::LearningOffer { cost_eur, .. } => Some(*cost_eur),
            _ => None,
        }
    }

    /// The NLQF level, for qualifications and learning offers that have one, and the
    /// minimum level of an occupation that states one.
    pub fn nlqf(&self) -> Option<Nlqf> {
        match &self.data {
            ConceptData::Qualification { nlqf, .. } => *nlqf,
            ConceptData::LearningOffer { nlqf, .. } => *nlqf,
            ConceptData::Occupation { min_nlqf, .. } => *min_nlqf,
            _ => None,
        }
    }

    /// The shortage flag, for sectors.
    pub fn shortage(&self) -> Option<bool> {
        match &self.data {
            ConceptData::Sector { shortage } => Some(*shortage),
            _ => None,
        }
    }
}

/// An edge of the ontology: its kind and optional attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// The relation kind.
    pub kind: RelationKind,
    /// For `requires`: how much the occupation needs the capability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// For `requires`, `covers`, `teaches`, `prerequisite`: the proficiency level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

impl Relation {
    /// A relation without attributes.
    pub fn plain(kind: RelationKind) -> Self {
        Relation {
            kind,
            importance: None,
            level: None,
        }
    }

    /// A `requires` relation.
    pub fn requires(importance: Importance, level: Option<Level>) -> Self {
        Relation {
            kind: RelationKind::Requires,
            importance: Some(importance),
            level,
        }
    }

    /// A relation of `kind` with a level.
    pub fn with_level(kind: RelationKind, level: Option<Level>) -> Self {
        Relation {
            kind,
            importance: None,
            level,
        }
    }
}
