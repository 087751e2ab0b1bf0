//! [`SkillResolver`]: a skill (or, with [`SkillResolver::occupations`], an occupation) named by
//! a person — an id, a URI or a label — becomes an id.
//!
//! In order: an id or URI as is (one of another kind too, for the library to refuse as such); then an exact (case-insensitive) preferred or
//! alternative label in any language; then the best search hit when it is clearly best (the
//! second hit scores below 0.75 of the first). Anything else is an error: no match (with the
//! closest labels as "did you mean", also for a mistyped id), or an ambiguity listing every
//! candidate with its Dutch label.

use std::sync::OnceLock;

use vaardig_core::{ConceptKind, Ontology};
use vaardig_search::{SearchError, SearchOptions, Searcher};

/// Why a skill label did not resolve.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// Nothing matches the label.
    #[error("{}", not_found_message(noun, label, suggestions))]
    NotFound {
        /// What was looked for: `skill` or `occupation`.
        noun: &'static str,
        /// The label as given.
        label: String,
        /// `(id, Dutch label)` of the closest concepts (typo tolerant), best first; may be empty.
        suggestions: Vec<(String, String)>,
    },
    /// Several concepts match equally well.
    #[error("{}", ambiguous_message(noun, label, candidates))]
    Ambiguous {
        /// What was looked for: `skill` or `occupation`.
        noun: &'static str,
        /// The label as given.
        label: String,
        /// `(id, Dutch label)` of every candidate, in id order for exact matches and rank order
        /// for search hits.
        candidates: Vec<(String, String)>,
    },
    /// The search index could not be built.
    #[error("cannot build the search index: {0}")]
    Index(String),
}

impl ResolveError {
    /// Whether the text looked like an id or URI (`occ:…`, `http://…`) rather than a label.
    pub fn is_id(&self) -> bool {
        match self {
            ResolveError::NotFound { label, .. } | ResolveError::Ambiguous { label, .. } => {
                looks_like_id(label)
            }
            ResolveError::Index(_) => false,
        }
    }
}

/// An id or URI has a `prefix:` and no spaces.
fn looks_like_id(text: &str) -> bool {
    let t = text.trim();
    t.contains(':') && !t.contains(' ')
}

fn ambiguous_message(noun: &str, label: &str, candidates: &[(String, String)]) -> String {
    let list: Vec<String> = candidates
        .iter()
        .map(|(id, l)| format!("  {id}  {l}"))
        .collect();
    format!(
        "the {noun} `{label}` is ambiguous; use one of these ids:\n{}",
        list.join("\n")
    )
}

fn not_found_message(noun: &str, label: &str, suggestions: &[(String, String)]) -> String {
    if suggestions.is_empty() {
        return format!("no {noun} matches `{label}`");
    }
    let list: Vec<String> = suggestions
        .iter()
        .map(|(id, l)| format!("  {id}  {l}"))
        .collect();
    format!(
        "no {noun} matches `{label}` exactly; did you mean:\n{}",
        list.join("\n")
    )
}

/// Resolves skill labels against one ontology; the search index is built on first need (or
/// handed in with [`SkillResolver::with_searcher`]).
///
/// ```
/// use vaardig_core::Ontology;
/// use vaardig_service::SkillResolver;
///
/// let ontology = Ontology::embedded()?;
/// let resolver = SkillResolver::new(&ontology);
/// assert_eq!(resolver.resolve("wondzorg")?, "skill:wondverzorging");
/// assert!(resolver.resolve("qqqqxyz").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct SkillResolver<'a> {
    ontology: &'a Ontology,
    searcher: OnceLock<Searcher>,
    /// The kinds a label may name.
    kinds: &'static [ConceptKind],
    /// What the kinds are called in messages.
    noun: &'static str,
}

const CAPABILITIES: &[ConceptKind] = &[ConceptKind::Skill, ConceptKind::KnowledgeArea];
const OCCUPATIONS: &[ConceptKind] = &[ConceptKind::Occupation];

impl<'a> SkillResolver<'a> {
    /// A resolver that builds its search index when a label needs it.
    pub fn new(ontology: &'a Ontology) -> Self {
        SkillResolver {
            ontology,
            searcher: OnceLock::new(),
            kinds: CAPABILITIES,
            noun: "skill",
        }
    }

    /// A resolver of occupations (`boekhouder` → `occ:boekhouder`), building its search index
    /// when a label needs it.
    ///
    /// ```
    /// use vaardig_core::Ontology;
    /// use vaardig_service::{ResolveError, SkillResolver};
    ///
    /// let ontology = Ontology::embedded()?;
    /// let occupations = SkillResolver::occupations(&ontology);
    /// assert_eq!(occupations.resolve("verpleegkundige")?, "occ:verpleegkundige");
    /// // A mistyped id is not found, with the closest occupations as suggestions.
    /// let Err(ResolveError::NotFound { suggestions, .. }) = occupations.resolve("occ:verpleegkundig")
    /// else { panic!("a typo is not an id") };
    /// assert!(suggestions.iter().any(|(id, _)| id == "occ:verpleegkundige"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn occupations(ontology: &'a Ontology) -> Self {
        SkillResolver {
            kinds: OCCUPATIONS,
            noun: "occupation",
            ..SkillResolver::new(ontology)
        }
    }

    /// This resolver using an index already built over its ontology.
    pub fn searching_with(self, searcher: Searcher) -> Self {
        let cell = OnceLock::new();
        // ok: the cell is new, so this set cannot find it full.
        let _ = cell.set(searcher);
        SkillResolver {
            searcher: cell,
            ..self
        }
    }

    /// A resolver using an index already built over `ontology`.
    pub fn with_searcher(ontology: &'a Ontology, searcher: Searcher) -> Self {
        SkillResolver::new(ontology).searching_with(searcher)
    }

    fn searcher(&self) -> Result<&Searcher, ResolveError> {
        if let Some(s) = self.searcher.get() {
            return Ok(s);
        }
        let built = Searcher::new(self.ontology)
            .map_err(|e: SearchError| ResolveError::Index(e.to_string()))?;
        Ok(self.searcher.get_or_init(|| built))
    }

    /// The id of the concept `label` names (a skill or knowledge area, or an occupation for
    /// [`SkillResolver::occupations`]).
    pub fn resolve(&self, label: &str) -> Result<String, ResolveError> {
        let wanted = label.trim();
        // An id (or URI) is never reinterpreted: one of another kind is returned as is, so the
        // library reports it as the wrong kind ("not an occupation").
        if let Some(c) = self.ontology.get(wanted) {
            return Ok(c.id.clone());
        }
        let folded = wanted.to_lowercase();
        let mut exact: Vec<(String, String)> = Vec::new();
        for &kind in self.kinds {
            for (_, c) in self.ontology.concepts(kind) {
                let hit = c
                    .labels
                    .pref
                    .values()
                    .chain(c.labels.alt.values().flatten())
                    .any(|l| l.to_lowercase() == folded);
                if hit {
                    exact.push((c.id.clone(), c.label("nl").to_owned()));
                }
            }
        }
        exact.sort();
        exact.dedup();
        match exact.len() {
            1 => return Ok(exact.remove(0).0),
            0 => {}
            _ => {
                return Err(ResolveError::Ambiguous {
                    noun: self.noun,
                    label: label.to_owned(),
                    candidates: exact,
                });
            }
        }
        // An id-like text (`occ:verpleegkundig`) is searched for by its words.
        let looks_like_id = looks_like_id(wanted);
        let query = if looks_like_id {
            wanted
                .rsplit(['/', ':'])
                .next()
                .unwrap_or(wanted)
                .replace(['-', '_'], " ")
        } else {
            wanted.to_owned()
        };
        let hits = self.searcher()?.search(
            &query,
            &SearchOptions {
                kinds: self.kinds.to_vec(),
                limit: 5,
                ..SearchOptions::default()
            },
        );
        let named = |id: &str| {
            let l = self.ontology.get(id).map_or(id, |c| c.label("nl"));
            (id.to_owned(), l.to_owned())
        };
        if looks_like_id {
            // An id is never guessed: the closest concepts are suggestions only.
            let mut suggestions: Vec<(String, String)> = Vec::new();
            for h in hits.iter().take(3) {
                if !suggestions.iter().any(|(id, _)| *id == h.id) {
                    suggestions.push(named(&h.id));
                }
            }
            return Err(ResolveError::NotFound {
                noun: self.noun,
                label: label.to_owned(),
                suggestions,
            });
        }
        let mut ids: Vec<(String, f32)> = Vec::new();
        for h in &hits {
            if !ids.iter().any(|(id, _)| *id == h.id) {
                ids.push((h.id.clone(), h.score));
            }
        }
        match ids.as_slice() {
            [] => Err(ResolveError::NotFound {
                noun: self.noun,
                label: label.to_owned(),
                suggestions: Vec::new(),
            }),
            [(id, _)] => Ok(id.clone()),
            [(id, best), (_, second), ..] if *second < 0.75 * *best => Ok(id.clone()),
            _ => {
                // Words that occur in the labels found (`kassa`) name several concepts: an
                // ambiguity. A typo (`boekhoudne`) names none: suggestions.
                let words: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
                let found = hits.iter().any(|h| {
                    let l = h.label.to_lowercase();
                    words.iter().all(|w| l.contains(w.as_str()))
                });
                let candidates: Vec<(String, String)> =
                    ids.iter().map(|(id, _)| named(id)).collect();
                if found {
                    Err(ResolveError::Ambiguous {
                        noun: self.noun,
                        label: label.to_owned(),
                        candidates,
                    })
                } else {
                    Err(ResolveError::NotFound {
                        noun: self.noun,
                        label: label.to_owned(),
                        suggestions: candidates.into_iter().take(3).collect(),
                    })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguity_lists_every_candidate() {
        let e = ResolveError::Ambiguous {
            noun: "skill",
            label: "zorg".into(),
            candidates: vec![
                ("skill:a".into(), "a".into()),
                ("skill:b".into(), "b".into()),
            ],
        };
        let msg = e.to_string();
        assert!(msg.contains("skill:a") && msg.contains("skill:b"), "{msg}");
        assert!(msg.starts_with("the skill `zorg` is ambiguous"), "{msg}");
    }

    #[test]
    fn a_typo_is_not_found_with_suggestions_and_a_shared_word_is_ambiguous()
    -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let resolver = SkillResolver::new(&ontology);
        match resolver.resolve("boekhoudne") {
            Err(ResolveError::NotFound { suggestions, .. }) => {
                assert!(suggestions.iter().any(|(id, _)| id == "skill:boekhouden"));
            }
            other => panic!("a typo used to be called ambiguous: {other:?}"),
        }
        let msg = resolver.resolve("boekhoudne").map_err(|e| e.to_string());
        assert!(
            msg.as_ref().is_err_and(|m| m.contains("did you mean")),
            "{msg:?}"
        );
        assert!(matches!(
            resolver.resolve("zorg"),
            Err(ResolveError::Ambiguous { .. })
        ));
        Ok(())
    }

    #[test]
    fn ids_and_exact_labels_resolve_without_an_index() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let resolver = SkillResolver::new(&ontology);
        assert_eq!(
            resolver.resolve("skill:wondverzorging")?,
            "skill:wondverzorging"
        );
        assert!(resolver.searcher.get().is_none(), "an id needs no index");
        // An occupation id stays itself, for the library to refuse as the wrong kind.
        assert_eq!(
            resolver.resolve("occ:verpleegkundige")?,
            "occ:verpleegkundige"
        );
        Ok(())
    }

    #[test]
    fn occupations_resolve_by_label_and_typos_get_suggestions()
    -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let occupations = SkillResolver::occupations(&ontology);
        assert_eq!(
            occupations.resolve("occ:kassamedewerker")?,
            "occ:kassamedewerker"
        );
        assert_eq!(
            occupations.resolve("Kassamedewerker")?,
            "occ:kassamedewerker"
        );
        let err = occupations
            .resolve("occ:kasamedewerker")
            .expect_err("a mistyped id is not found");
        let msg = err.to_string();
        assert!(
            msg.contains("did you mean") && msg.contains("occ:kassamedewerker"),
            "{msg}"
        );
        // A skill label is not an occupation label.
        assert!(occupations.resolve("wondverzorging").is_err());
        Ok(())
    }
}
