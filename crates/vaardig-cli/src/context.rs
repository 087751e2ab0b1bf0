//! What every command shares: which ontology to use, loaded once on first use.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, anyhow};
use vaardig_core::{Ontology, OntologyError, OutputPolicy};
use vaardig_score::{Scorer, ScoringConfig};

/// The global options and the lazily loaded ontology.
#[derive(Debug)]
pub struct Context {
    ontology_dir: Option<PathBuf>,
    config_file: Option<PathBuf>,
    force: bool,
    ontology: OnceLock<Ontology>,
}

impl Context {
    /// A context for `--ontology DIR` (or the embedded ontology when `None`), `--config FILE`
    /// and `--force`.
    pub fn new(ontology_dir: Option<PathBuf>, config_file: Option<PathBuf>, force: bool) -> Self {
        Context {
            ontology_dir,
            config_file,
            force,
            ontology: OnceLock::new(),
        }
    }

    /// Where output may go: existing output is replaced only with `--force`, and never the
    /// `--ontology` directory or the `--config` file, nor `inputs` (the command's own).
    pub fn output_policy<P: Into<PathBuf>>(
        &self,
        inputs: impl IntoIterator<Item = P>,
    ) -> OutputPolicy {
        OutputPolicy::new()
            .force(self.force)
            .inputs(self.ontology_dir.iter().cloned())
            .inputs(self.config_file.iter().cloned())
            .inputs(inputs)
    }

    /// The scoring configuration: `--config FILE`, or the defaults.
    pub fn scoring_config(&self) -> anyhow::Result<ScoringConfig> {
        match &self.config_file {
            Some(path) => crate::cmd::config::load(path),
            None => Ok(ScoringConfig::default()),
        }
    }

    /// A scorer over `ontology` with the scoring configuration.
    pub fn scorer_for(&self, ontology: &Ontology) -> anyhow::Result<Scorer> {
        let config = self.scoring_config()?;
        let path = self
            .config_file
            .as_deref()
            .unwrap_or(Path::new("(defaults)"));
        Scorer::new(ontology, config).with_context(|| format!("in {}", path.display()))
    }

    /// The `--ontology` directory, if one was given.
    pub fn ontology_dir(&self) -> Option<&Path> {
        self.ontology_dir.as_deref()
    }

    /// The ontology: the `--ontology` directory, or the embedded default.
    pub fn ontology(&self) -> anyhow::Result<&Ontology> {
        if let Some(o) = self.ontology.get() {
            return Ok(o);
        }
        let loaded = match &self.ontology_dir {
            Some(dir) => load_ontology_dir(dir)?,
            None => Ontology::embedded()
                .map_err(|e| describe(&e))
                .context("the embedded ontology is invalid")?,
        };
        Ok(self.ontology.get_or_init(|| loaded))
    }
}

/// Loads the ontology in `dir` (the native format, or the Parquet tables of `vaardig export
/// --format parquet` when `dir` has `manifest.parquet` and no `ontology.toml`), with its first
/// errors spelled out when it is invalid.
pub fn load_ontology_dir(dir: &Path) -> anyhow::Result<Ontology> {
    let loaded = if is_parquet_dir(dir) {
        load_parquet_dir(dir)
            .map(|b| b.ontology)
            .map_err(|e| describe(&e))
    } else {
        vaardig_core::load_dir(dir)
            .map(|b| b.ontology)
            .map_err(|e| describe(&e))
    };
    loaded.with_context(|| format!("cannot load the ontology in {}", dir.display()))
}

/// Whether `dir` holds Parquet tables (`manifest.parquet`) rather than the native format.
pub fn is_parquet_dir(dir: &Path) -> bool {
    !dir.join(vaardig_core::MANIFEST_FILE).exists()
        && dir.join(vaardig_arrow::MARKER_FILE).is_file()
}

/// Loads the Parquet tables in `dir`, with every problem as a diagnostic (file, row, column).
pub fn load_parquet_dir(dir: &Path) -> Result<vaardig_core::Built, OntologyError> {
    vaardig_arrow::load_dir(dir).map_err(|e| OntologyError::new(e.into_diagnostics()))
}

/// An [`OntologyError`] with its first errors spelled out, for the terminal.
pub fn describe(e: &OntologyError) -> anyhow::Error {
    let mut lines: Vec<String> = e.errors().take(20).map(ToString::to_string).collect();
    if e.error_count() > lines.len() {
        lines.push(format!(
            "… and {} more error(s)",
            e.error_count() - lines.len()
        ));
    }
    anyhow!("{} error(s):\n{}", e.error_count(), lines.join("\n"))
}
