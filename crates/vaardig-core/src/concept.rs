//! Concepts and relations: the node and edge weights of the ontology graph.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

use crate::langmap::LangMap;
use crate::model::{
    CodeSystem, ConceptKind, Importance, Level, MatchKind, Nlqf, NoteKind, OfferType, ProviderType,
    QualificationType, RelationKind, Scale, SkillType, Status, Tier,
};

/// Labels of one concept in several languages.
///
/// Maps are keyed by language code (`"nl"`, `"en"`, ...) and ordered, so serialisation is
/// deterministic; a [`LangMap`] is a small sorted vector, so a concept's labels cost their
/// text and a few words per language, not a tree node per map.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// The preferred label per language.
    pub pref: LangMap<String>,
    /// Synonyms per language, in the order they were given.
    #[serde(default, skip_serializing_if = "LangMap::is_empty")]
    pub alt: LangMap<Vec<String>>,
    /// A short definition per language.
    #[serde(default, skip_serializing_if = "LangMap::is_empty")]
    pub definition: LangMap<String>,
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
        // Kept from here on: no spare slots.
        self.pref.shrink_to_fit();
        self.alt.shrink_to_fit();
        self.alt.values_mut().for_each(Vec::shrink_to_fit);
        self.definition.shrink_to_fit();
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

/// A code of a concept in a register or classification (`onet_soc` `15-1252.00`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Code {
    /// The register or classification.
    pub system: CodeSystem,
    /// The code in it.
    pub code: String,
}

impl Code {
    /// A code of `system`.
    pub fn new(system: CodeSystem, code: impl Into<String>) -> Self {
        Code {
            system,
            code: code.into(),
        }
    }
}

/// A match of a concept to a concept of another taxonomy, named by its URI.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Match {
    /// Exact, close, broad, narrow or related.
    pub kind: MatchKind,
    /// The other concept's absolute URI (`http://data.europa.eu/esco/occupation/…`).
    pub uri: String,
}

impl Match {
    /// A match of `kind` to `uri`.
    pub fn new(kind: MatchKind, uri: impl Into<String>) -> Self {
        Match {
            kind,
            uri: uri.into(),
        }
    }
}

/// A note on a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Note {
    /// A note, a scope note, ...
    pub kind: NoteKind,
    /// The language of the text (one of the manifest's).
    pub lang: String,
    /// The text.
    pub text: String,
}

impl Note {
    /// A note of `kind` in `lang`.
    pub fn new(kind: NoteKind, lang: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            kind,
            lang: lang.into(),
            text: text.into(),
        }
    }
}

/// A node of the ontology: an id, labels, kind-specific data, and what every kind may have: a
/// status, codes, notes and matches to other taxonomies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// The stable id, unique in the ontology.
    pub id: String,
    /// Labels per language.
    pub labels: Labels,
    /// The kind and its attributes.
    #[serde(flatten)]
    pub data: ConceptData,
    /// Whether the concept is in use (current, the default), historical or archived.
    #[serde(default, skip_serializing_if = "Status::is_current")]
    pub status: Status,
    /// The id of the concept that replaces this one, when the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    /// Codes in registers and classifications, besides an occupation's `isco` and a
    /// qualification's own `code` (kept sorted, no duplicates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<Code>,
    /// Notes and scope notes (kept sorted, no duplicates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Matches to concepts of other taxonomies (kept sorted, no duplicates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<Match>,
}

impl Concept {
    /// A new current concept without codes, notes or matches.
    pub fn new(id: impl Into<String>, labels: Labels, data: ConceptData) -> Self {
        Concept {
            id: id.into(),
            labels,
            data,
            status: Status::Current,
            replaced_by: None,
            codes: Vec::new(),
            notes: Vec::new(),
            matches: Vec::new(),
        }
    }

    /// The first code of `system`: an occupation's `isco` for [`CodeSystem::Isco08`], a
    /// qualification's own code for its system, else the first entry of `codes`.
    pub fn code(&self, system: CodeSystem) -> Option<&str> {
        match &self.data {
            ConceptData::Occupation { isco: Some(c), .. } if system == CodeSystem::Isco08 => {
                return Some(c);
            }
            ConceptData::Qualification {
                code_system, code, ..
            } if *code_system == system => return Some(code),
            _ => {}
        }
        self.codes
            .iter()
            .find(|c| c.system == system)
            .map(|c| c.code.as_str())
    }

    /// Puts codes, notes and matches in their canonical order (sorted, duplicates dropped),
    /// so equal content compares and serialises equal.
    pub(crate) fn sort_annotations(&mut self) {
        for note in &mut self.notes {
            let trimmed = note.text.trim();
            if trimmed.len() != note.text.len() {
                note.text = trimmed.to_owned();
            }
            if unicode_normalization::is_nfc_quick(note.text.chars())
                != unicode_normalization::IsNormalized::Yes
            {
                note.text = note.text.nfc().collect();
            }
        }
        self.codes.sort();
        self.codes.dedup();
        self.notes.sort();
        self.notes.dedup();
        self.matches.sort();
        self.matches.dedup();
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

/// A number on a source's own scale (`3.88` on O*NET's importance scale `onet_im`).
///
/// The value is finite and within [`Scale::range`]; equality and hashing compare the exact
/// value, so a rating is a plain, comparable attribute.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawRating")]
pub struct Rating {
    scale: Scale,
    value: f64,
}

/// A rating as serialised, checked on the way in.
#[derive(Deserialize)]
struct RawRating {
    scale: Scale,
    value: f64,
}

impl TryFrom<RawRating> for Rating {
    type Error = String;

    fn try_from(raw: RawRating) -> Result<Self, Self::Error> {
        Rating::new(raw.scale, raw.value).ok_or_else(|| Rating::out_of_range(raw.scale, raw.value))
    }
}

impl Rating {
    /// A rating, or `None` when `value` is not a finite number within the scale's range.
    pub fn new(scale: Scale, value: f64) -> Option<Rating> {
        let (lo, hi) = scale.range();
        // `+ 0.0` turns -0 into 0, so equal values have equal bits.
        (value.is_finite() && (lo..=hi).contains(&value)).then_some(Rating {
            scale,
            value: value + 0.0,
        })
    }

    /// The message for a value outside `scale`.
    pub fn out_of_range(scale: Scale, value: f64) -> String {
        let (lo, hi) = scale.range();
        format!("{value} is not a number from {lo} to {hi}, the range of scale `{scale}`")
    }

    /// The scale.
    pub fn scale(self) -> Scale {
        self.scale
    }

    /// The value on the scale.
    pub fn value(self) -> f64 {
        self.value
    }

    /// The value mapped to 0–1 (the scale's lowest value is 0, its highest 1). Scoring does
    /// not use it; it makes values of different scales comparable for display and analysis.
    pub fn normalized(self) -> f64 {
        let (lo, hi) = self.scale.range();
        (self.value - lo) / (hi - lo)
    }
}

impl PartialEq for Rating {
    fn eq(&self, other: &Self) -> bool {
        self.scale == other.scale && self.value.to_bits() == other.value.to_bits()
    }
}

impl Eq for Rating {}

impl std::hash::Hash for Rating {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.scale.hash(state);
        self.value.to_bits().hash(state);
    }
}

/// An edge of the ontology: its kind and optional attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// The relation kind.
    pub kind: RelationKind,
    /// For `requires`: how much the occupation needs the capability (the class scoring uses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// For `requires`, `covers`, `teaches`, `prerequisite`: the proficiency level (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// For `requires`: the source's own importance number (O*NET IM, Tabiya's signalling
    /// value), kept as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Rating>,
    /// For `requires`: the source's own level number (O*NET LV), kept as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_level: Option<Rating>,
    /// For `related_occupation`: the tier the source puts `to` in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// For `related_occupation`: the position of `to` in the source's list (1 is first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u16>,
}

impl Relation {
    /// A relation without attributes.
    pub fn plain(kind: RelationKind) -> Self {
        Relation {
            kind,
            importance: None,
            level: None,
            weight: None,
            source_level: None,
            tier: None,
            rank: None,
        }
    }

    /// A `requires` relation.
    pub fn requires(importance: Importance, level: Option<Level>) -> Self {
        Relation {
            importance: Some(importance),
            level,
            ..Relation::plain(RelationKind::Requires)
        }
    }

    /// A relation of `kind` with a level.
    pub fn with_level(kind: RelationKind, level: Option<Level>) -> Self {
        Relation {
            level,
            ..Relation::plain(kind)
        }
    }

    /// This relation with the source's weight and level numbers.
    #[must_use]
    pub fn rated(mut self, weight: Option<Rating>, source_level: Option<Rating>) -> Self {
        self.weight = weight;
        self.source_level = source_level;
        self
    }

    /// A `related_occupation` relation with its tier and rank.
    pub fn related_occupation(tier: Option<Tier>, rank: Option<u16>) -> Self {
        Relation {
            tier,
            rank,
            ..Relation::plain(RelationKind::RelatedOccupation)
        }
    }
}
