//! [`Person`]: who a question is about — a profile and/or skills named by label — and how it
//! becomes one checked [`Profile`].

use serde::Deserialize;
use vaardig_core::Ontology;
use vaardig_score::{Evidence, Profile, ProfileError, ProfileSkill};

use crate::resolve::{ResolveError, SkillResolver};

/// A person as a front receives them: a profile, skill labels, or both.
///
/// As JSON: `{"profile": {...}, "skills": ["wondzorg", "skill:afrekenen"]}`; both fields are
/// optional but one must be given.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The profile (the JSON of `examples/profiles/`).
    #[serde(default)]
    pub profile: Option<Profile>,
    /// Skills by id, URI or label, added to the profile as self-declared.
    #[serde(default)]
    pub skills: Vec<String>,
}

/// Why a person could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PersonError {
    /// Neither a profile nor a skill was given.
    #[error("give the person with a profile and/or skill labels")]
    Empty,
    /// A skill label did not resolve.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// Several skill labels did not resolve: every one of them, in the order given.
    #[error("{} skill labels did not resolve:\n{}", .0.len(), list_errors(.0))]
    Labels(Vec<ResolveError>),
    /// The profile is invalid or names ids the ontology lacks.
    #[error(transparent)]
    Profile(#[from] ProfileError),
}

fn list_errors(errors: &[ResolveError]) -> String {
    errors
        .iter()
        .map(|e| format!("- {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Person {
    /// The checked profile: the given profile (or an empty one) plus every skill label resolved
    /// and added as self-declared, checked against `ontology`.
    ///
    /// Labels resolve first, in order; every one that fails is reported at once.
    pub fn build(
        self,
        ontology: &Ontology,
        resolver: &SkillResolver<'_>,
    ) -> Result<Profile, PersonError> {
        if self.profile.is_none() && self.skills.is_empty() {
            return Err(PersonError::Empty);
        }
        let mut profile = self.profile.unwrap_or_default();
        let mut failed: Vec<ResolveError> = Vec::new();
        for label in &self.skills {
            match resolver.resolve(label) {
                Ok(id) => profile
                    .skills
                    .push(ProfileSkill::new(id, Evidence::SelfDeclared)),
                Err(e) => failed.push(e),
            }
        }
        match failed.len() {
            0 => {}
            1 => return Err(PersonError::Resolve(failed.remove(0))),
            _ => return Err(PersonError::Labels(failed)),
        }
        profile.check(ontology)?;
        Ok(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_label_is_reported_at_once() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let person = Person {
            skills: vec!["boekhoudne".into(), "wondzorg".into(), "qqqqxyz".into()],
            ..Person::default()
        };
        match person.build(&ontology, &SkillResolver::new(&ontology)) {
            Err(e @ PersonError::Labels(_)) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("boekhoudne") && msg.contains("qqqqxyz"),
                    "{msg}"
                );
                assert!(!msg.contains("`wondzorg`"), "{msg}");
            }
            other => panic!("only the first bad label was reported: {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn an_empty_person_is_refused() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let r = Person::default().build(&ontology, &SkillResolver::new(&ontology));
        assert_eq!(r, Err(PersonError::Empty));
        Ok(())
    }

    #[test]
    fn labels_join_the_profile_as_self_declared() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let person: Person = serde_json::from_str(
            r#"{"profile": {"age": 40, "skills": []}, "skills": ["skill:wondverzorging"]}"#,
        )?;
        let p = person.build(&ontology, &SkillResolver::new(&ontology))?;
        assert_eq!(p.age, Some(40));
        assert_eq!(p.skills.len(), 1);
        assert_eq!(p.skills[0].evidence, Evidence::SelfDeclared);
        Ok(())
    }

    #[test]
    fn unknown_ids_in_the_profile_are_a_profile_error() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let person: Person = serde_json::from_str(
            r#"{"profile": {"skills": [{"id": "skill:bestaat-niet", "evidence": "diploma"}]}}"#,
        )?;
        let r = person.build(&ontology, &SkillResolver::new(&ontology));
        assert!(matches!(r, Err(PersonError::Profile(_))), "{r:?}");
        Ok(())
    }
}
