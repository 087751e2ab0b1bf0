//! [`Profile`]: one person as scoring sees them — skills with level and evidence, current
//! occupation, NLQF level, age and learning budget used. JSON is the file format; parsing is from
//! a string (this crate does no I/O).

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, Level, Nlqf, Ontology};

/// How a person shows they hold a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A diploma (formal).
    Diploma,
    /// An mbo certificate (formal).
    #[serde(alias = "mbo-certificate")]
    MboCertificate,
    /// A microcredential (formal).
    Microcredential,
    /// Work experience.
    #[serde(alias = "work-experience")]
    WorkExperience,
    /// The person says so.
    #[serde(alias = "self-declared")]
    SelfDeclared,
}

impl Evidence {
    /// Whether this evidence is formal (diploma, mbo certificate, microcredential).
    pub fn is_formal(self) -> bool {
        matches!(
            self,
            Evidence::Diploma | Evidence::MboCertificate | Evidence::Microcredential
        )
    }

    /// The canonical snake_case spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Diploma => "diploma",
            Evidence::MboCertificate => "mbo_certificate",
            Evidence::Microcredential => "microcredential",
            Evidence::WorkExperience => "work_experience",
            Evidence::SelfDeclared => "self_declared",
        }
    }

    /// A short Dutch or English description.
    pub fn describe(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Nl};
        match (self, lang) {
            (Evidence::Diploma, Nl) => "diploma",
            (Evidence::Diploma, En) => "diploma",
            (Evidence::MboCertificate, Nl) => "mbo-certificaat",
            (Evidence::MboCertificate, En) => "mbo certificate",
            (Evidence::Microcredential, Nl) => "microcredential",
            (Evidence::Microcredential, En) => "microcredential",
            (Evidence::WorkExperience, Nl) => "werkervaring",
            (Evidence::WorkExperience, En) => "work experience",
            (Evidence::SelfDeclared, Nl) => "eigen opgave",
            (Evidence::SelfDeclared, En) => "self-declared",
        }
    }
}

/// One skill a person holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileSkill {
    /// A skill or knowledge-area id of the ontology.
    pub id: String,
    /// The proficiency level (1–5), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// How the person shows it.
    pub evidence: Evidence,
    /// Whether it was validated (e.g. an EVC procedure); a validated skill counts in full.
    #[serde(default)]
    pub validated: bool,
}

impl ProfileSkill {
    /// A skill held with `evidence`, without level, not validated.
    pub fn new(id: impl Into<String>, evidence: Evidence) -> Self {
        ProfileSkill {
            id: id.into(),
            level: None,
            evidence,
            validated: false,
        }
    }
}

/// A language a person speaks, with its CEFR level or as their native language.
///
/// It counts as holding the language skill and every narrower skill under it (speaking, reading,
/// writing) at the level the CEFR level gives: A1 → 1, A2 → 2, B1 → 3, B2 → 4, C1 and C2 → 5. A
/// native language counts at level 5 and needs no further proof (validated).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageHeld {
    /// The language skill of the ontology (`skill:nederlands`).
    pub id: String,
    /// The CEFR level: `A1`, `A2`, `B1`, `B2`, `C1` or `C2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cefr: Option<Cefr>,
    /// Whether it is the person's native language (moedertaal).
    #[serde(default)]
    pub native: bool,
}

/// A level of the Common European Framework of Reference for languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Cefr {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery.
    C2,
}

impl LanguageHeld {
    /// The proficiency level (1–5) it counts as: native or C1/C2 5, B2 4, B1 3, A2 2, A1 1;
    /// without a CEFR level, 3.
    pub fn level(&self) -> Level {
        let n = if self.native {
            5
        } else {
            match self.cefr {
                Some(Cefr::A1) => 1,
                Some(Cefr::A2) => 2,
                Some(Cefr::B1) | None => 3,
                Some(Cefr::B2) => 4,
                Some(Cefr::C1 | Cefr::C2) => 5,
            }
        };
        Level::new(n).unwrap_or(Level::MAX)
    }
}

/// A person: what they can do and where they stand.
///
/// ```
/// use vaardig_score::{Evidence, Profile};
///
/// let p = Profile::from_json(r#"{
///     "age": 34, "nlqf": 2,
///     "skills": [{"id": "skill:afrekenen", "level": 3, "evidence": "work_experience"}]
/// }"#)?;
/// assert_eq!(p.skills[0].evidence, Evidence::WorkExperience);
/// # Ok::<(), vaardig_score::ProfileError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// A display name (not used in scoring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The skills the person holds.
    #[serde(default)]
    pub skills: Vec<ProfileSkill>,
    /// The person's current (or last) occupation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_occupation: Option<String>,
    /// The highest completed NLQF level; absent means none (no startkwalificatie).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nlqf: Option<Nlqf>,
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// Learning budget already used, in euros.
    #[serde(default)]
    pub used_eur: f64,
    /// Learning offers already completed (never proposed again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completed_offers: Vec<String>,
    /// Qualifications the person is stacking towards (offers that are part of them are preferred).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stacking: Vec<String>,
    /// Languages the person speaks (native Dutch, English at B1, …): each counts as its
    /// language skill and the skills under it, at the level it gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageHeld>,
    /// Diplomas, certificates, registrations and licences the person holds (qualification ids):
    /// they meet an occupation's entry requirements and raise the person's NLQF level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
}

/// The highest age a profile may state.
pub const MAX_AGE: u8 = 120;

impl Profile {
    /// Parses a profile from JSON text (the file format). Only the syntax and value ranges are
    /// checked here; [`Profile::check`] checks the ids against an ontology.
    ///
    /// A UTF-8 byte order mark at the start is skipped (editors on Windows write one). The
    /// document must be a JSON object: `[]` or `[...]` is refused, although serde would read
    /// an array as the fields in order.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let start = text.len() - text.trim_start().len();
        if let Some(first) = text[start..].chars().next()
            && first != '{'
        {
            let before = &text[..start];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            return Err(ProfileError::Json {
                line,
                column,
                message: format!(
                    "a profile is a JSON object `{{ \"skills\": [...], ... }}`, found `{}`",
                    first.escape_default()
                ),
            });
        }
        let mut profile: Profile = serde_json::from_str(text).map_err(|e| ProfileError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        // `-0` is 0 (it would print as `EUR -0.00`).
        profile.used_eur += 0.0;
        profile.check_values()?;
        Ok(profile)
    }

    /// The profile as pretty JSON.
    pub fn to_json(&self) -> String {
        // ok: a Profile has only string keys and finite-or-null numbers; serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    fn check_values(&self) -> Result<(), ProfileError> {
        if let Some(age) = self.age
            && age > MAX_AGE
        {
            return Err(ProfileError::Value {
                field: "age".into(),
                message: format!("{age} is above {MAX_AGE}"),
            });
        }
        if !(self.used_eur.is_finite() && self.used_eur >= 0.0) {
            return Err(ProfileError::Value {
                field: "used_eur".into(),
                message: format!("{} is not a non-negative amount", self.used_eur),
            });
        }
        Ok(())
    }

    /// Checks every id against `ontology`: skills must be skills or knowledge areas, the current
    /// occupation an occupation, completed offers learning offers, stacking targets qualifications.
    /// Reports the first problem with the field it is in.
    pub fn check(&self, ontology: &Ontology) -> Result<(), ProfileError> {
        self.check_values()?;
        let expect = |field: String, id: &str, ok: fn(ConceptKind) -> bool, what: &'static str| {
            match ontology.get(id) {
                None => Err(ProfileError::UnknownId {
                    field: field.clone(),
                    id: id.to_owned(),
                }),
                Some(c) if !ok(c.kind()) => Err(ProfileError::WrongKind {
                    field,
                    id: id.to_owned(),
                    expected: what,
                    found: c.kind(),
                }),
                Some(_) => Ok(()),
            }
        };
        for (i, s) in self.skills.iter().enumerate() {
            expect(
                format!("skills[{i}].id"),
                &s.id,
                ConceptKind::is_capability,
                "a skill or knowledge area",
            )?;
        }
        if let Some(occ) = &self.current_occupation {
            expect(
                "current_occupation".into(),
                occ,
                |k| k == ConceptKind::Occupation,
                "an occupation",
            )?;
        }
        for (i, id) in self.completed_offers.iter().enumerate() {
            expect(
                format!("completed_offers[{i}]"),
                id,
                |k| k == ConceptKind::LearningOffer,
                "a learning offer",
            )?;
        }
        for (i, l) in self.languages.iter().enumerate() {
            expect(
                format!("languages[{i}].id"),
                &l.id,
                ConceptKind::is_capability,
                "a language skill",
            )?;
        }
        for (i, id) in self.qualifications.iter().enumerate() {
            expect(
                format!("qualifications[{i}]"),
                id,
                |k| k == ConceptKind::Qualification,
                "a qualification, registration or licence",
            )?;
        }
        for (i, id) in self.stacking.iter().enumerate() {
            expect(
                format!("stacking[{i}]"),
                id,
                |k| k == ConceptKind::Qualification,
                "a qualification",
            )?;
        }
        Ok(())
    }
}

/// A profile that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The JSON is malformed or has a wrong field or value.
    #[error("invalid profile JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// A value is out of range.
    #[error("profile field `{field}`: {message}")]
    Value {
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// An id the ontology does not have.
    #[error("profile field `{field}`: unknown id `{id}`")]
    UnknownId {
        /// The field, e.g. `skills[2].id`.
        field: String,
        /// The id.
        id: String,
    },
    /// An id of the wrong kind of concept.
    #[error("profile field `{field}`: `{id}` is a {found}, expected {expected}")]
    WrongKind {
        /// The field.
        field: String,
        /// The id.
        id: String,
        /// What was expected.
        expected: &'static str,
        /// What it is.
        found: ConceptKind,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_aliases_and_defaults() -> Result<(), ProfileError> {
        let p = Profile::from_json(
            r#"{"skills": [{"id": "skill:a", "evidence": "mbo-certificate"},
                           {"id": "skill:b", "evidence": "self-declared", "validated": true}]}"#,
        )?;
        assert_eq!(p.skills[0].evidence, Evidence::MboCertificate);
        assert!(p.skills[1].validated);
        assert_eq!(p.used_eur, 0.0);
        assert_eq!(p.age, None);
        Ok(())
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let e = Profile::from_json("{\n  \"skills\": [{\"id\": 3}]\n}").expect_err("bad");
        match e {
            ProfileError::Json { line, .. } => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
        assert!(Profile::from_json(r#"{"nlqf": 9}"#).is_err());
        assert!(Profile::from_json(r#"{"skills": [{"id": "a", "evidence": "x"}]}"#).is_err());
        assert!(Profile::from_json(r#"{"age": 200}"#).is_err());
        assert!(Profile::from_json(r#"{"used_eur": -1}"#).is_err());
        assert!(Profile::from_json(r#"{"typo": 1}"#).is_err());
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_an_array_is_refused() -> Result<(), ProfileError> {
        // A UTF-8 BOM used to fail with "expected value"; `[]` used to be an empty profile.
        let p = Profile::from_json(
            "\u{feff}{\"skills\": [{\"id\": \"skill:a\", \"evidence\": \"diploma\"}]}",
        )?;
        assert_eq!(p.skills.len(), 1);
        for text in [
            "[]",
            "\u{feff}[]",
            "\n  [{\"id\": \"skill:a\"}]",
            "\"x\"",
            "3",
        ] {
            let e = Profile::from_json(text).expect_err("not an object");
            assert!(e.to_string().contains("JSON object"), "{text:?}: {e}");
        }
        match Profile::from_json("\n  []") {
            Err(ProfileError::Json { line, column, .. }) => assert_eq!((line, column), (2, 3)),
            other => panic!("{other:?}"),
        }
        let zero = Profile::from_json(r#"{"used_eur": -0}"#)?;
        assert!(zero.used_eur.is_sign_positive());
        Ok(())
    }

    #[test]
    fn round_trips() {
        let p = Profile {
            name: Some("x".into()),
            skills: vec![ProfileSkill::new("skill:a", Evidence::Diploma)],
            age: Some(40),
            used_eur: 12.5,
            ..Profile::default()
        };
        assert_eq!(Profile::from_json(&p.to_json()), Ok(p));
    }
}
