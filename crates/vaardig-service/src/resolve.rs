//! [`SkillResolver`]: a skill named by a person (an id, a URI or a label) becomes an id.
//!
//! In order: an id or URI of a skill or knowledge area as is; then an exact (case-insensitive)
//! preferred or alternative label in any language; then the best search hit when it is clearly
//! best (the second hit scores below 0.75 of the first). Anything else is an error: no match, or
//! an ambiguity listing every candidate with its Dutch label.

use std::sync::OnceLock;

use vaardig_core::{ConceptKind, Ontology};
use vaardig_search::{SearchError, SearchOptions, Searcher};

/// Why a skill label did not resolve.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// Nothing matches the label.
    #[error("no skill matches `{label}`")]
    NotFound {
        /// The label as given.
        label: String,
    },
    /// Several skills match equally well.
    #[error("{}", ambiguous_message(label, candidates))]
    Ambiguous {
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

fn ambiguous_message(label: &str, candidates: &[(String, String)]) -> String {
    let list: Vec<String> = candidates
        .iter()
        .map(|(id, l)| format!("  {id}  {l}"))
        .collect();
    format!(
        "the skill `{label}` is ambiguous; use one of these ids:\n{}",
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
}

impl<'a> SkillResolver<'a> {
    /// A resolver that builds its search index when a label needs it.
    pub fn new(ontology: &'a Ontology) -> Self {
        SkillResolver {
            ontology,
            searcher: OnceLock::new(),
        }
    }

    /// A resolver using an index already built over `ontology`.
    pub fn with_searcher(ontology: &'a Ontology, searcher: Searcher) -> Self {
        let cell = OnceLock::new();
        // ok: the cell is new, so this set cannot find it full.
        let _ = cell.set(searcher);
        SkillResolver {
            ontology,
            searcher: cell,
        }
    }

    fn searcher(&self) -> Result<&Searcher, ResolveError> {
        if let Some(s) = self.searcher.get() {
            return Ok(s);
        }
        let built = Searcher::new(self.ontology)
            .map_err(|e: SearchError| ResolveError::Index(e.to_string()))?;
        Ok(self.searcher.get_or_init(|| built))
    }

    /// The id of the skill or knowledge area `label` names.
    pub fn resolve(&self, label: &str) -> Result<String, ResolveError> {
        let wanted = label.trim();
        if let Some(c) = self.ontology.get(wanted)
            && c.kind().is_capability()
        {
            return Ok(c.id.clone());
        }
        let folded = wanted.to_lowercase();
        let mut exact: Vec<(String, String)> = Vec::new();
        for kind in [ConceptKind::Skill, ConceptKind::KnowledgeArea] {
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
                    label: label.to_owned(),
                    candidates: exact,
                });
            }
        }
        let hits = self.searcher()?.search(
            wanted,
            &SearchOptions {
                kinds: vec![ConceptKind::Skill, ConceptKind::KnowledgeArea],
                limit: 5,
                ..SearchOptions::default()
            },
        );
        let mut ids: Vec<(String, f32)> = Vec::new();
        for h in &hits {
            if !ids.iter().any(|(id, _)| *id == h.id) {
                ids.push((h.id.clone(), h.score));
            }
        }
        match ids.as_slice() {
            [] => Err(ResolveError::NotFound {
                label: label.to_owned(),
            }),
            [(id, _)] => Ok(id.clone()),
            [(id, best), (_, second), ..] if *second < 0.75 * *best => Ok(id.clone()),
            _ => Err(ResolveError::Ambiguous {
                label: label.to_owned(),
                candidates: ids
                    .iter()
                    .map(|(id, _)| {
                        let l = self.ontology.get(id).map_or(id.as_str(), |c| c.label("nl"));
                        (id.clone(), l.to_owned())
                    })
                    .collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguity_lists_every_candidate() {
        let e = ResolveError::Ambiguous {
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
    fn ids_and_exact_labels_resolve_without_an_index() -> Result<(), Box<dyn std::error::Error>> {
        let ontology = Ontology::embedded()?;
        let resolver = SkillResolver::new(&ontology);
        assert_eq!(
            resolver.resolve("skill:wondverzorging")?,
            "skill:wondverzorging"
        );
        assert!(resolver.searcher.get().is_none(), "an id needs no index");
        assert!(matches!(
            resolver.resolve("occ:verpleegkundige"),
            Err(ResolveError::NotFound { .. }) | Err(ResolveError::Ambiguous { .. }) | Ok(_)
        ));
        Ok(())
    }
}
