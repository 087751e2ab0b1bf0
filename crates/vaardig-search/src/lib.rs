//! # vaardig-search
//!
//! Full-text lookup over a vaardig [`Ontology`]: a person types `verpleegkundig`,
//! `heftruck rijden`, `Excell` or `wound care`, an adviser pastes a CV paragraph, and vaardig finds
//! the concepts meant.
//!
//! - [`Searcher`]: a tantivy index of every label, synonym and definition, in Dutch and English.
//!   Built in RAM ([`Searcher::new`]) or in a directory that is reused while the ontology's
//!   content hash stays the same ([`Searcher::open_or_build`]). Cheap to clone, `Send + Sync`.
//! - [`Searcher::search`]: ranked [`Hit`]s for a query, with [`SearchOptions`] for kinds,
//!   language, limit and autocomplete. Typo tolerant; user text is never query syntax; never
//!   errors, never panics.
//! - [`Searcher::suggest`]: autocomplete from a sorted table of labels, in microseconds.
//! - [`Searcher::extract`]: skill and occupation [`Mention`]s in free text, with byte spans.
//!
//! ```
//! use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
//! use vaardig_search::{SearchOptions, Searcher};
//!
//! let mut b = OntologyBuilder::new(Manifest::new("demo", "1", &["nl", "en"]));
//! b.add_concept(Concept::new(
//!     "skill:wondverzorging",
//!     Labels::with_pref([("nl", "wondverzorging"), ("en", "wound care")]),
//!     ConceptData::Skill { skill_type: SkillType::Skill },
//! ));
//! let ontology = b.build()?.ontology;
//!
//! let searcher = Searcher::new(&ontology)?;
//! // English query, a typo, and a Dutch partial word all find the Dutch concept.
//! for query in ["wound care", "wondverzorgnig", "wondverz"] {
//!     let hits = searcher.search(query, &SearchOptions::default());
//!     assert_eq!(hits[0].id, "skill:wondverzorging", "{query}");
//! }
//! let mentions = searcher.extract("Ervaren in wondverzorging en planning.");
//! assert_eq!(mentions[0].id, "skill:wondverzorging");
//! assert_eq!(&"Ervaren in wondverzorging en planning."[mentions[0].start..mentions[0].end],
//!            "wondverzorging");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it works
//! One tantivy document per label (preferred, alternative or definition, per language), with the
//! concept's node index, kind and label slot packed in a fast field: hits map back into the
//! graph without stored text. Each query word becomes a disjunction of alternatives, each scored
//! by a fixed tier times the word's weight: stemmed exact match, word prefix (edge n-grams up to
//! six letters, a prefix automaton beyond), compound parts and tails (suffixes), and fuzzy
//! matches at edit distance 1 or 2. Exact always outranks fuzzy. A collector keeps the best label
//! per concept, scaled by label type, extra words and a kind prior. See [`Searcher::search`] for
//! the ranking and how ties break, and [`Searcher::extract`] for mentions.
//!
//! Nothing here parses query syntax, and nothing the user types can make a search fail.

mod analysis;
mod checksum;
mod collect;
mod error;
mod extract;
mod index;
mod options;
mod query;
mod read_only;
mod schema;
mod searcher;
mod store;
mod suggest;

pub use error::SearchError;
pub use options::{Hit, LangFilter, MAX_LIMIT, Mention, SearchOptions};
pub use schema::FORMAT_VERSION as INDEX_FORMAT_VERSION;
pub use searcher::Searcher;
pub use vaardig_core::ConceptKind;

#[doc(no_inline)]
pub use vaardig_core::Ontology;
