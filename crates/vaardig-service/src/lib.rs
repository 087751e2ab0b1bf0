//! # vaardig-service
//!
//! The one layer every front of vaardig calls — the CLI, the HTTP service and any language
//! binding to come — so that the same question gets the same answer everywhere:
//!
//! - [`resolve`]: a skill named by id, URI or label becomes an id ([`SkillResolver`]); an
//!   ambiguous label is an error listing the candidates;
//! - [`person`]: a person from a profile and/or skill labels ([`Person`]), checked against the
//!   ontology;
//! - [`request`]: the questions with their defaults and validation ([`TransitionsQuery`],
//!   [`RouteQuery`], [`AdviceQuery`], [`RightsQuery`]), deserialisable from JSON;
//! - [`answer`]: the answer shapes that are not a single library type ([`Advice`],
//!   [`RightsAnswer`], [`Extracted`]) and the functions that compute them, and [`labelled`]:
//!   the scorer for labels in another declared language;
//! - [`draft`]: a first profile from CV text for an adviser to correct ([`draft_profile`]);
//! - [`ServiceError`]: everything that can go wrong, each with a stable [`ServiceError::code`].
//!
//! This crate does no I/O: fronts read files or sockets and hand text and values in.
//!
//! ```
//! use vaardig_core::Ontology;
//! use vaardig_score::{Profile, Scorer};
//! use vaardig_service::{AdviceQuery, Person, SkillResolver, advise};
//!
//! let ontology = Ontology::embedded()?;
//! let person = Person {
//!     profile: Some(Profile { age: Some(40), ..Profile::default() }),
//!     skills: vec!["wondzorg".into()],
//! };
//! let profile = person.build(&ontology, &SkillResolver::new(&ontology))?;
//! let scorer = Scorer::with_defaults(&ontology);
//! let advice = advise(&scorer, &profile, &AdviceQuery::default())?;
//! assert!(!advice.transitions.items.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod answer;
pub mod draft;
mod error;
pub mod person;
pub mod request;
pub mod resolve;

pub use answer::{Advice, Extracted, RightsAnswer, advise, extract, labelled, rights, route};
pub use draft::{Draft, DraftOptions, draft_profile};
pub use error::ServiceError;
pub use person::{Person, PersonError};
pub use request::{AdviceQuery, GapQuery, RightsQuery, RouteQuery, TransitionsQuery};
pub use resolve::{ResolveError, SkillResolver};
