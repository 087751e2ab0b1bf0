//! The default ontology, compiled into the library from the repository's `ontology/` directory,
//! so vaardig works from any directory without files around it.

use std::sync::LazyLock;

use crate::builder::Built;
use crate::diagnostic::OntologyError;
use crate::io::{StaticSource, load};
use crate::ontology::Ontology;

macro_rules! embed {
    ($($file:literal),+ $(,)?) => {
        &[$(($file, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ontology/", $file)) as &[u8])),+]
    };
}

/// The files of the default ontology.
pub static EMBEDDED_TABLES: &[(&str, &[u8])] = embed!(
    "ontology.toml",
    "sectors.csv",
    "skills.csv",
    "knowledge_areas.csv",
    "occupations.csv",
    "occupation_tasks.csv",
    "qualifications.csv",
    "learning_offers.csv",
    "broader.csv",
    "related.csv",
    "requires.csv",
    "has_task.csv",
    "covers.csv",
    "teaches.csv",
    "part_of.csv",
    "prerequisite.csv",
    "in_sector.csv",
    "requires_qualification.csv",
    "matches.csv",
);

static EMBEDDED: LazyLock<Result<Built, OntologyError>> =
    LazyLock::new(|| load(&StaticSource::new(EMBEDDED_TABLES)));

impl Ontology {
    /// The default Dutch ontology shipped with vaardig (built once, then shared).
    ///
    /// ```
    /// let ontology = vaardig_core::Ontology::embedded().expect("the shipped ontology is valid");
    /// assert!(ontology.count(vaardig_core::ConceptKind::Occupation) >= 80);
    /// ```
    pub fn embedded() -> Result<Ontology, OntologyError> {
        match &*EMBEDDED {
            Ok(built) => Ok(built.ontology.clone()),
            Err(e) => Err(e.clone()),
        }
    }

    /// The default ontology with the warnings its validation found.
    pub fn embedded_with_warnings() -> Result<&'static Built, OntologyError> {
        EMBEDDED.as_ref().map_err(Clone::clone)
    }
}
