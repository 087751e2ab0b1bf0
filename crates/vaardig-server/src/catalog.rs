//! The ontology versions a server answers from: each loaded once with its scorer and search
//! index, side by side, and swapped as a whole on reload while requests in flight keep the
//! versions they started with.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use vaardig_core::Ontology;
use vaardig_score::{Scorer, ScoringConfig};
use vaardig_search::Searcher;

use crate::error::ServerError;

/// Where one version comes from: a native ontology directory or the embedded default, with an
/// optional name (default: the manifest's version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name clients pass as `?version=`.
    pub name: Option<String>,
    /// The ontology directory; `None` is the embedded default ontology.
    pub dir: Option<PathBuf>,
}

impl Source {
    /// The embedded default ontology.
    pub fn embedded() -> Self {
        Source {
            name: None,
            dir: None,
        }
    }

    /// Parses `DIR` or `NAME=DIR` (as `vaardig serve --ontology` takes it).
    pub fn parse(s: &str) -> Self {
        match s.split_once('=') {
            Some((name, dir)) if !name.is_empty() && !name.contains('/') => Source {
                name: Some(name.to_owned()),
                dir: Some(PathBuf::from(dir)),
            },
            _ => Source {
                name: None,
                dir: Some(PathBuf::from(s)),
            },
        }
    }

    fn load(&self) -> Result<Ontology, ServerError> {
        match &self.dir {
            None => Ontology::embedded().map_err(|e| ServerError::ontology("(embedded)", &e)),
            Some(dir) => vaardig_core::load_dir(dir)
                .map(|b| b.ontology)
                .map_err(|e| ServerError::ontology(&dir.display().to_string(), &e)),
        }
    }
}

/// One loaded version: the ontology, its scorer and its search index.
#[derive(Debug)]
pub struct Version {
    /// The name clients pass as `?version=`.
    pub name: String,
    /// The ontology.
    pub ontology: Ontology,
    /// Its scorer.
    pub scorer: Scorer,
    /// Its search index.
    pub searcher: Searcher,
}

/// Every version loaded at one moment, and the default one.
#[derive(Debug)]
pub struct Catalog {
    default: String,
    versions: BTreeMap<String, Arc<Version>>,
}

impl Catalog {
    /// Loads every source (the first is the default), each with a scorer and an index.
    ///
    /// # Errors
    /// An invalid ontology, an index that cannot be built, or two sources with one name.
    pub fn load(sources: &[Source], config: &ScoringConfig) -> Result<Catalog, ServerError> {
        let mut versions = BTreeMap::new();
        let mut default = None;
        for source in sources {
            let ontology = source.load()?;
            let name = source
                .name
                .clone()
                .unwrap_or_else(|| ontology.manifest().version.clone());
            let scorer = Scorer::new(&ontology, config.clone())
                .map_err(|e| ServerError::Config(e.to_string()))?;
            let searcher =
                Searcher::new(&ontology).map_err(|e| ServerError::Index(e.to_string()))?;
            let version = Version {
                name: name.clone(),
                ontology,
                scorer,
                searcher,
            };
            if versions.insert(name.clone(), Arc::new(version)).is_some() {
                return Err(ServerError::DuplicateVersion(name));
            }
            default.get_or_insert(name);
        }
        let default = default.ok_or(ServerError::NoOntology)?;
        Ok(Catalog { default, versions })
    }

    /// The version named `name`, or the default one for `None`.
    pub fn get(&self, name: Option<&str>) -> Option<Arc<Version>> {
        self.versions.get(name.unwrap_or(&self.default)).cloned()
    }

    /// The default version's name.
    pub fn default_name(&self) -> &str {
        &self.default
    }

    /// The names of every version, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.versions.keys().map(String::as_str)
    }
}

/// The current [`Catalog`], replaceable while requests run.
#[derive(Debug)]
pub struct Versions {
    sources: Vec<Source>,
    config: ScoringConfig,
    current: RwLock<Arc<Catalog>>,
}

impl Versions {
    /// Loads `sources` with the default scoring weights.
    pub fn load(sources: Vec<Source>) -> Result<Versions, ServerError> {
        Versions::load_with(sources, ScoringConfig::default())
    }

    /// Loads `sources` with `config`.
    pub fn load_with(sources: Vec<Source>, config: ScoringConfig) -> Result<Versions, ServerError> {
        let catalog = Catalog::load(&sources, &config)?;
        Ok(Versions {
            sources,
            config,
            current: RwLock::new(Arc::new(catalog)),
        })
    }

    /// The catalog now; a request keeps it to the end even if a reload replaces it.
    pub fn current(&self) -> Arc<Catalog> {
        match self.current.read() {
            Ok(c) => Arc::clone(&c),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Loads every source again and swaps the catalog in one step. On error the old catalog
    /// stays and keeps answering.
    pub fn reload(&self) -> Result<(), ServerError> {
        let fresh = Arc::new(Catalog::load(&self.sources, &self.config)?);
        match self.current.write() {
            Ok(mut c) => *c = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        Ok(())
    }
}
