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
//! Add it to a project as the README says ("Depending on vaardig"); every example below compiles
//! and runs as a doc test.
//!
//! # The ontology ([`core`])
//!
//! ```
//! use vaardig::core::{ConceptKind, Importance, Ontology, RelationKind};
//!
//! let ontology = Ontology::embedded()?;
//! let nurse = ontology.index_of("occ:verpleegkundige").expect("the default ontology has nurses");
//! assert_eq!(ontology.concept(nurse).label("nl"), "verpleegkundige");
//! let essential = ontology
//!     .outgoing(nurse, RelationKind::Requires)
//!     .filter(|(_, rel)| rel.importance == Some(Importance::Essential))
//!     .count();
//! assert!(essential > 0);
//! assert!(ontology.count(ConceptKind::Occupation) >= 80);
//! # Ok::<(), vaardig::core::OntologyError>(())
//! ```
//!
//! # Search ([`search`])
//!
//! ```
//! use vaardig::core::Ontology;
//! use vaardig::search::{SearchOptions, Searcher};
//!
//! let ontology = Ontology::embedded()?;
//! let searcher = Searcher::new(&ontology)?; // in RAM; `open_or_build` keeps it on disk
//! let hits = searcher.search("wound care", &SearchOptions::default());
//! assert!(!hits.is_empty());
//! let mentions = searcher.extract("Ik heb jaren op de heftruck gereden.");
//! assert!(mentions.iter().any(|m| m.label.contains("heftruck")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Gaps, transitions and routes ([`score`])
//!
//! ```
//! use vaardig::core::Ontology;
//! use vaardig::score::{Profile, RouteOptions, Scorer, TransitionOptions};
//!
//! let ontology = Ontology::embedded()?;
//! let scorer = Scorer::with_defaults(&ontology); // build once, clone freely
//! let profile = Profile::from_json(include_str!("../examples/profiles/kassamedewerker.json"))?;
//! let options = TransitionOptions { limit: Some(3), ..Default::default() };
//! let best = &scorer.transitions(&profile, &options)?.items[0];
//! let gap = scorer.gap(&profile, &best.occupation)?;
//! assert!((0.0..=1.0).contains(&gap.score));
//! let route = scorer.route(&profile, &best.occupation, &RouteOptions::default())?;
//! assert!(route.total_hours >= 0.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Import and export ([`import`])
//!
//! ```
//! use vaardig::import::{ImportOptions, Mapping, RdfFormat, import_rdf_reader, write_turtle};
//!
//! let ttl = r#"
//! @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
//! @prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
//! @prefix ex: <https://example.org/> .
//! ex:lassen a cnlo:HumanCapability ; skos:prefLabel "lassen"@nl, "welding"@en .
//! ex:lasser a cnlo:Occupation ; skos:prefLabel "lasser"@nl, "welder"@en ;
//!     cnlo:requiresHATEssential ex:lassen .
//! "#;
//! let import = import_rdf_reader(
//!     ttl.as_bytes(),
//!     RdfFormat::Turtle,
//!     "example.ttl",
//!     &Mapping::competentnl(),
//!     ImportOptions::new(),
//! )?;
//! let ontology = import.build()?.ontology;
//! assert_eq!(ontology.len(), 2);
//! let mut out = Vec::new();
//! write_turtle(&ontology, &mut out)?; // SKOS Turtle that imports back into an equal ontology
//! assert!(String::from_utf8(out)?.contains("lasser"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Versions compared ([`diff`])
//!
//! ```
//! use vaardig::core::generate::{GeneratorConfig, generate};
//! use vaardig::diff::mutate::{MutationConfig, mutate};
//!
//! let old = generate(&GeneratorConfig::small())?.ontology;
//! let new = mutate(&old, &MutationConfig::default())?.ontology;
//! let diff = vaardig::diff::diff(&old, &new);
//! assert!(!diff.is_empty());
//! let report = vaardig::diff::markdown::diff_report(&diff, &old, &new, None, &Default::default());
//! assert!(report.starts_with("# "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use vaardig_core as core;
pub use vaardig_diff as diff;
pub use vaardig_import as import;
pub use vaardig_score as score;
pub use vaardig_search as search;

#[doc(hidden)]
pub mod fuzzing;
