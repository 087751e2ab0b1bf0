//! # vaardig
//!
//! Match people, courses and occupations over a CompetentNL-style skills taxonomy: which
//! occupations are within reach of a person, what exactly is missing, and which courses close that
//! gap fastest and cheapest within the learning rights they are entitled to.
//!
//! This facade re-exports the member crates:
//! - [`core`]: the ontology (skills, occupations, qualifications, learning offers) as a validated
//!   petgraph graph, its on-disk format, the embedded default Dutch ontology and a generator;
//! - [`search`]: full-text lookup (tantivy) in Dutch and English, typo tolerant;
//! - [`score`]: skill gaps, career transitions, course routes and learning rights, explained;
//! - [`import`]: SKOS/Turtle and ESCO CSV import, Turtle export;
//! - [`diff`]: taxonomy versions compared: changes, id mappings, ranking impact, quality reports.
//!
//! ```
//! use vaardig::core::{ConceptKind, Ontology};
//!
//! let ontology = Ontology::embedded()?;
//! let (_, nurse) = ontology
//!     .concepts(ConceptKind::Occupation)
//!     .find(|(_, c)| c.id == "occ:verpleegkundige")
//!     .expect("the default ontology has nurses");
//! assert_eq!(nurse.label("nl"), "verpleegkundige");
//! # Ok::<(), vaardig::core::OntologyError>(())
//! ```

pub use vaardig_core as core;
pub use vaardig_diff as diff;
pub use vaardig_import as import;
pub use vaardig_score as score;
pub use vaardig_search as search;

#[doc(hidden)]
pub mod fuzzing;
