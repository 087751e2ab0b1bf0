//! The public request and result types: [`SearchOptions`], [`LangFilter`], [`Hit`], [`Mention`].

use serde::Serialize;
use vaardig_core::ConceptKind;

/// The most hits one search returns, whatever [`SearchOptions::limit`] asks.
pub const MAX_LIMIT: usize = 1_000;

/// Which labels a search looks at, by language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LangFilter {
    /// Dutch labels only.
    Nl,
    /// English labels only.
    En,
    /// Labels in every language (the default).
    #[default]
    Both,
}

impl LangFilter {
    /// Whether labels in `lang` take part.
    pub fn accepts(self, lang: &str) -> bool {
        match self {
            LangFilter::Nl => lang == "nl",
            LangFilter::En => lang == "en",
            LangFilter::Both => true,
        }
    }
}

/// What to search for and how many results to return.
///
/// ```
/// use vaardig_search::{ConceptKind, LangFilter, SearchOptions};
/// let options = SearchOptions {
///     kinds: vec![ConceptKind::Skill],
///     lang: LangFilter::Nl,
///     limit: 5,
///     prefix: true,
/// };
/// assert_eq!(SearchOptions::default().limit, 10);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// Only concepts of these kinds; empty means every kind.
    pub kinds: Vec<ConceptKind>,
    /// Only labels in this language.
    pub lang: LangFilter,
    /// At most this many hits (capped at [`MAX_LIMIT`]); 0 returns nothing.
    pub limit: usize,
    /// Autocomplete: treat the last query word as the start of a word and rank prefix matches
    /// like exact ones. Partial words still match without it, only lower.
    pub prefix: bool,
}

impl Default for SearchOptions {
    /// Every kind, both languages, 10 hits, no autocomplete.
    fn default() -> Self {
        SearchOptions {
            kinds: Vec::new(),
            lang: LangFilter::Both,
            limit: 10,
            prefix: false,
        }
    }
}

impl SearchOptions {
    /// Options for autocomplete: like the default, with `prefix` set.
    pub fn autocomplete() -> Self {
        SearchOptions {
            prefix: true,
            ..SearchOptions::default()
        }
    }

    /// These options restricted to one kind.
    pub fn kind(mut self, kind: ConceptKind) -> Self {
        self.kinds = vec![kind];
        self
    }

    /// Whether concepts of `kind` take part.
    pub fn accepts_kind(&self, kind: ConceptKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// One concept found by [`crate::Searcher::search`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The concept id.
    pub id: String,
    /// The full concept URI, when the source had one (e.g. an ESCO import).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The concept kind.
    pub kind: ConceptKind,
    /// The label that matched best (for a definition match: the preferred label in the same
    /// language).
    pub label: String,
    /// The language of `label`.
    pub lang: String,
    /// How well it matched, in `(0, 1]`: 1 is the whole query equal to a preferred label. Only
    /// comparable within one query.
    pub score: f32,
}

/// One concept mentioned in free text, found by [`crate::Searcher::extract`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mention {
    /// The concept id.
    pub id: String,
    /// The full concept URI, when the source had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The concept kind (a skill or an occupation).
    pub kind: ConceptKind,
    /// The concept's label that the text matched.
    pub label: String,
    /// Byte offset of the mention's first byte in the input.
    pub start: usize,
    /// Byte offset just past the mention's last byte in the input.
    pub end: usize,
    /// Confidence in `(0, 1]`: longer and preferred labels score higher.
    pub score: f32,
}
