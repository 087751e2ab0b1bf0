//! [`draft_profile`]: a first profile from CV text, for an adviser to correct.
//!
//! Every skill or knowledge area [`Searcher::extract`] finds becomes one profile skill (once,
//! however often it is mentioned), with the evidence the adviser chose (self-declared unless
//! told otherwise) and no level; an occupation mentioned becomes the current occupation when none
//! is given. What could not be decided is said in [`Draft::notes`], in Dutch and English.

use serde::Serialize;
use vaardig_core::{ConceptKind, Nlqf, Ontology};
use vaardig_score::{Evidence, Profile, ProfileSkill};
use vaardig_search::Searcher;

use crate::error::ServiceError;
use crate::resolve::SkillResolver;

/// What the adviser adds to the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftOptions {
    /// The person's age.
    pub age: Option<u8>,
    /// Highest completed NLQF level (0 or `None`: none).
    pub nlqf: Option<u8>,
    /// The current occupation, by id, URI or label.
    pub current: Option<String>,
    /// The evidence given to every extracted skill (default: self-declared).
    pub evidence: Option<Evidence>,
}

/// A drafted profile and what the adviser should check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    /// The profile, ready to edit and pass to `--profile`.
    pub profile: Profile,
    /// Things to check, one sentence each (Dutch, then English).
    pub notes: Vec<String>,
}

/// Drafts a profile from `text` (a CV, a work history) plus what the adviser knows.
///
/// # Errors
/// [`ServiceError::InvalidRequest`] when `current` names no occupation or `nlqf` is above 8;
/// the text itself never fails (no skill found is a note, not an error).
///
/// ```
/// use vaardig_core::Ontology;
/// use vaardig_search::Searcher;
/// use vaardig_service::{DraftOptions, draft_profile};
///
/// let ontology = Ontology::embedded()?;
/// let searcher = Searcher::new(&ontology)?;
/// let text = "Acht jaar kassamedewerker. Ervaring met wondverzorging en heftruck rijden.";
/// let draft = draft_profile(&ontology, &searcher, text, &DraftOptions { age: Some(34), ..Default::default() })?;
/// assert!(draft.profile.skills.iter().any(|s| s.id == "skill:wondverzorging"));
/// assert_eq!(draft.profile.current_occupation.as_deref(), Some("occ:kassamedewerker"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draft_profile(
    ontology: &Ontology,
    searcher: &Searcher,
    text: &str,
    options: &DraftOptions,
) -> Result<Draft, ServiceError> {
    let evidence = options.evidence.unwrap_or(Evidence::SelfDeclared);
    let mut skills: Vec<ProfileSkill> = Vec::new();
    let mut occupations: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    for m in searcher.extract(text) {
        match m.kind {
            ConceptKind::Skill | ConceptKind::KnowledgeArea
                if !skills.iter().any(|s| s.id == m.id) =>
            {
                skills.push(ProfileSkill::new(m.id, evidence));
            }
            ConceptKind::Occupation if !occupations.contains(&m.id) => occupations.push(m.id),
            _ => {}
        }
    }
    skills.sort();
    let current = match &options.current {
        Some(text) => Some(
            SkillResolver::occupations(ontology)
                .searching_with(searcher.clone())
                .resolve(text)?,
        ),
        None => {
            if occupations.len() > 1 {
                notes.push(format!(
                    "Meerdere beroepen genoemd ({}); de eerste is als huidig beroep genomen. / \
                     Several occupations mentioned; the first is taken as the current one.",
                    occupations.join(", ")
                ));
            }
            occupations.first().cloned()
        }
    };
    let nlqf = match options.nlqf {
        None | Some(0) => None,
        Some(n) => Some(Nlqf::new(n).ok_or_else(|| {
            ServiceError::InvalidRequest(format!("nlqf {n} is not a level 1-8 (0 means none)"))
        })?),
    };
    if skills.is_empty() {
        notes.push(
            "Geen vaardigheden in de tekst gevonden; voeg ze toe met hun id. / \
             No skills found in the text; add them by id."
                .to_owned(),
        );
    } else {
        notes.push(format!(
            "{} vaardigheden gevonden als '{}', zonder niveau: vul niveau en bewijs aan. / \
             {} skills found as '{}', without a level: add level and evidence.",
            skills.len(),
            evidence.describe(vaardig_score::Lang::Nl),
            skills.len(),
            evidence.describe(vaardig_score::Lang::En),
        ));
    }
    if options.age.is_none() {
        notes.push(
            "Leeftijd ontbreekt: leerrechten kunnen niet berekend worden. / \
             Age missing: learning rights cannot be computed."
                .to_owned(),
        );
    }
    let profile = Profile {
        skills,
        current_occupation: current,
        nlqf,
        age: options.age,
        ..Profile::default()
    };
    profile
        .check(ontology)
        .map_err(|e| ServiceError::InvalidRequest(e.to_string()))?;
    Ok(Draft { profile, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_is_a_note_and_a_bad_level_an_error() -> Result<(), Box<dyn std::error::Error>>
    {
        let ontology = Ontology::embedded()?;
        let searcher = Searcher::new(&ontology)?;
        let d = draft_profile(&ontology, &searcher, "", &DraftOptions::default())?;
        assert!(d.profile.skills.is_empty());
        assert!(d.notes.iter().any(|n| n.contains("No skills found")));
        assert!(d.notes.iter().any(|n| n.contains("Age missing")));
        let bad = DraftOptions {
            nlqf: Some(9),
            ..DraftOptions::default()
        };
        assert!(draft_profile(&ontology, &searcher, "", &bad).is_err());
        let current = DraftOptions {
            current: Some("verpleegkundige".into()),
            nlqf: Some(0),
            ..DraftOptions::default()
        };
        let d = draft_profile(
            &ontology,
            &searcher,
            "wondzorg, wondzorg en nog eens wondzorg",
            &current,
        )?;
        assert_eq!(
            d.profile.current_occupation.as_deref(),
            Some("occ:verpleegkundige")
        );
        assert_eq!(d.profile.nlqf, None);
        assert_eq!(
            d.profile.skills.len(),
            1,
            "a skill mentioned thrice is one skill"
        );
        Ok(())
    }
}
