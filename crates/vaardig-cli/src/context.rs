//! What every command shares: which ontology to use, loaded once on first use, and the cache
//! that makes a fresh process fast.
//!
//! # The cache
//! An `--ontology DIR` is opened through a snapshot ([`vaardig_core::snapshot`]): beside the
//! tables when that directory is writable, else in the cache directory. The search index is
//! kept in the cache directory too, under `search/HASH-vFORMAT/` (the ontology's content hash
//! and the index format), and reused while both match; the eight most recent are kept. Each
//! is rebuilt when it is wrong in any way, never trusted. The cache directory is
//! `$VAARDIG_CACHE_DIR`, else `$XDG_CACHE_HOME/vaardig`, else `~/.cache/vaardig`; `--no-cache` or `VAARDIG_NO_CACHE=1`
//! turns all of it off. A cache that cannot be written only costs time: the command still
//! answers.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, anyhow};
use vaardig_core::io::Limits;
use vaardig_core::snapshot::{self, OpenOptions};
use vaardig_core::{Ontology, OntologyError, OutputPolicy};
use vaardig_score::{Scorer, ScoringConfig};
use vaardig_search::{INDEX_FORMAT_VERSION, Searcher};
use vaardig_service::SkillResolver;

/// The global options and the lazily loaded ontology.
#[derive(Debug)]
pub struct Context {
    ontology_dir: Option<PathBuf>,
    config_file: Option<PathBuf>,
    force: bool,
    /// `--no-cache`, or `VAARDIG_NO_CACHE`.
    no_cache: bool,
    ontology: OnceLock<Ontology>,
    /// The search index over the ontology (not `--index DIR`), opened or built once and shared
    /// by every `--skill` label, occupation label and search of the process.
    searcher: OnceLock<Searcher>,
    /// How many search indexes this process opened or built (one, however many labels).
    searchers_opened: AtomicUsize,
    /// The size limits tables are read and written within ([`table_limits_from_env`]).
    limits: Limits,
}

/// The size limits tables are read and written within: [`Limits::default`], with
/// `VAARDIG_MAX_TABLE_MB` (the largest table file, in MiB), `VAARDIG_MAX_ROWS` (the most rows
/// of one table) and `VAARDIG_MAX_TOTAL_MB` (all tables together, in MiB) raising or lowering
/// them when set. 16× ESCO, for one, needs `VAARDIG_MAX_TABLE_MB=256 VAARDIG_MAX_TOTAL_MB=512`.
///
/// # Errors
/// A variable that is set but not a whole number, with its name.
pub fn table_limits_from_env() -> anyhow::Result<Limits> {
    let number = |name: &str| -> anyhow::Result<Option<u64>> {
        match std::env::var(name) {
            Err(std::env::VarError::NotPresent) => Ok(None),
            Ok(v) if v.trim().is_empty() => Ok(None),
            Ok(v) => v.trim().parse::<u64>().map(Some).map_err(|_| {
                anyhow::anyhow!("{name}={v:?} is not a whole number (e.g. {name}=256)")
            }),
            Err(std::env::VarError::NotUnicode(v)) => {
                anyhow::bail!("{name}={v:?} is not a whole number")
            }
        }
    };
    let mut limits = Limits::default();
    if let Some(mb) = number("VAARDIG_MAX_TABLE_MB")? {
        limits.max_table_bytes = mb.saturating_mul(1024 * 1024);
    }
    if let Some(rows) = number("VAARDIG_MAX_ROWS")? {
        limits.max_rows_per_table = rows;
    }
    if let Some(mb) = number("VAARDIG_MAX_TOTAL_MB")? {
        limits.max_total_bytes = mb.saturating_mul(1024 * 1024);
    }
    Ok(limits)
}

impl Context {
    /// A context for `--ontology DIR` (or the embedded ontology when `None`), `--config FILE`,
    /// `--force` and `--no-cache` (which `VAARDIG_NO_CACHE` also sets).
    pub fn new(
        ontology_dir: Option<PathBuf>,
        config_file: Option<PathBuf>,
        force: bool,
        no_cache: bool,
    ) -> Self {
        Context {
            limits: Limits::default(),
            ontology_dir,
            config_file,
            force,
            no_cache: no_cache || snapshot::cache_disabled_by_env(),
            ontology: OnceLock::new(),
            searcher: OnceLock::new(),
            searchers_opened: AtomicUsize::new(0),
        }
    }

    /// This context reading and writing tables within `limits`.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The size limits tables are read and written within.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The cache directory, `None` when the cache is off or no directory is known.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        if self.no_cache {
            None
        } else {
            snapshot::default_cache_dir()
        }
    }

    /// How ontology directories are opened: through snapshots unless the cache is off.
    fn open_options(&self) -> OpenOptions {
        let options = OpenOptions::new()
            .enabled(!self.no_cache)
            .limits(self.limits);
        match self.cache_dir() {
            Some(dir) => options.cache_dir(dir),
            None => options,
        }
    }

    /// Loads the ontology in `dir` (through its snapshot), with its first errors spelled out
    /// when it is invalid.
    ///
    /// A directory of Parquet tables (`vaardig export --format parquet`: `manifest.parquet` and
    /// no `ontology.toml`) is read as it is, without a snapshot.
    pub fn load_dir(&self, dir: &Path) -> anyhow::Result<Ontology> {
        let loaded = if is_parquet_dir(dir) {
            load_parquet_dir(dir).map(|b| b.ontology)
        } else {
            Ontology::open_with(dir, &self.open_options()).map(|opened| opened.built.ontology)
        };
        loaded
            .map_err(|e| describe(&e))
            .with_context(|| format!("cannot load the ontology in {}", dir.display()))
    }

    /// A search index over the ontology: the one in `--index DIR` when given, else the cached
    /// one (built there on first use), else one built in memory. A cache that cannot be used
    /// falls back to memory. Without `--index`, the first call opens or builds it and every
    /// later call in the process gets the same index (a cheap clone).
    pub fn searcher(&self, index: Option<&Path>) -> anyhow::Result<Searcher> {
        if index.is_none()
            && let Some(searcher) = self.searcher.get()
        {
            return Ok(searcher.clone());
        }
        let searcher = self.open_searcher(index)?;
        self.searchers_opened.fetch_add(1, Ordering::Relaxed);
        if index.is_none() {
            return Ok(self.searcher.get_or_init(|| searcher).clone());
        }
        Ok(searcher)
    }

    /// How many search indexes this process has opened or built so far.
    #[cfg(test)]
    pub fn searchers_opened(&self) -> usize {
        self.searchers_opened.load(Ordering::Relaxed)
    }

    fn open_searcher(&self, index: Option<&Path>) -> anyhow::Result<Searcher> {
        let ontology = self.ontology()?;
        if let Some(dir) = index {
            return Searcher::open_or_build(ontology, dir).with_context(|| {
                format!("cannot open or build the search index in {}", dir.display())
            });
        }
        if let Some(cache) = self.cache_dir() {
            let dir = cache.join("search").join(format!(
                "{:016x}-v{INDEX_FORMAT_VERSION}",
                ontology.content_hash()
            ));
            let fresh = !dir.exists();
            if let Ok(searcher) = Searcher::open_or_build(ontology, &dir) {
                if fresh {
                    prune_indexes(&cache.join("search"), &dir);
                }
                return Ok(searcher);
            }
        }
        Searcher::new(ontology).context("cannot build the search index")
    }

    /// `resolver` for `labels`: searching the cached index ([`Context::searcher`]) when one of
    /// them is not an id or URI, so a label costs milliseconds instead of an index build
    /// (with ids only, no index is opened at all).
    pub fn resolver<'a>(
        &self,
        resolver: SkillResolver<'a>,
        labels: &[&str],
    ) -> anyhow::Result<SkillResolver<'a>> {
        let ontology = self.ontology()?;
        if labels.iter().all(|l| ontology.get(l.trim()).is_some()) {
            return Ok(resolver);
        }
        Ok(resolver.searching_with(self.searcher(None)?))
    }

    /// The id of the occupation `label` names (an id, URI or label).
    pub fn resolve_occupation(&self, label: &str) -> anyhow::Result<String> {
        let ontology = self.ontology()?;
        let resolver = self.resolver(SkillResolver::occupations(ontology), &[label])?;
        Ok(resolver.resolve(label)?)
    }

    /// Where output may go: existing output is replaced only with `--force`, and never the
    /// `--ontology` directory or the `--config` file, nor `inputs` (the command's own).
    pub fn output_policy<P: Into<PathBuf>>(
        &self,
        inputs: impl IntoIterator<Item = P>,
    ) -> OutputPolicy {
        OutputPolicy::new()
            .limits(self.limits)
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
        let scorer =
            Scorer::new(ontology, config).with_context(|| format!("in {}", path.display()))?;
        // The occupation matrix (hundreds of milliseconds on ESCO) is kept between runs.
        Ok(match self.cache_dir() {
            Some(cache) => scorer.with_matrix_store(std::sync::Arc::new(
                crate::matrix_cache::FileMatrixStore::new(cache.join("matrix")),
            )),
            None => scorer,
        })
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
            Some(dir) => self.load_dir(dir)?,
            None => Ontology::embedded()
                .map_err(|e| describe(&e))
                .context("the embedded ontology is invalid")?,
        };
        Ok(self.ontology.get_or_init(|| loaded))
    }
}

/// How many cached search indexes are kept (one per ontology content and index format).
const KEPT_INDEXES: usize = 8;

/// After a new index was built in `search`, removes the oldest cached indexes beyond
/// [`KEPT_INDEXES`], never `keep`; only directories named like ours (`HASH-vFORMAT`) are
/// touched. A process still reading a removed index keeps its open files; failures are ignored
/// (the cache only costs space).
fn prune_indexes(search: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(search) else {
        return;
    };
    let ours = |name: &str| {
        name.split_once("-v").is_some_and(|(hash, format)| {
            hash.len() == 16
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
                && !format.is_empty()
                && format.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| ours(&e.file_name().to_string_lossy()))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .filter(|(_, path)| path != keep)
        .collect();
    // Newest first; the one just built is kept besides these.
    found.sort_by(|a, b| b.cmp(a));
    for (_, old) in found.into_iter().skip(KEPT_INDEXES - 1) {
        let _ = std::fs::remove_dir_all(old);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Red team: every fuzzy `--skill` label rebuilt the whole search index (8 labels: 23 s on
    /// ESCO). The labels of a profile, an occupation label and a search now share one.
    #[test]
    fn one_search_index_per_process_for_every_label() -> anyhow::Result<()> {
        let ctx = Context::new(None, None, false, true);
        let ontology = ctx.ontology()?;
        let labels = ["wondverzorging", "heftruck rijden", "Excel"];
        let resolver = ctx.resolver(SkillResolver::new(ontology), &labels)?;
        for label in labels {
            assert!(resolver.resolve(label).is_ok(), "{label}");
        }
        let again = ctx.resolver(SkillResolver::new(ontology), &labels)?;
        assert!(again.resolve("Excel").is_ok());
        assert!(ctx.resolve_occupation("verpleegkundige").is_ok());
        ctx.searcher(None)?;
        assert_eq!(ctx.searchers_opened(), 1);
        Ok(())
    }

    #[test]
    fn pruning_keeps_the_newest_indexes_and_the_current_one_and_nothing_else_is_touched()
    -> std::io::Result<()> {
        let search = std::env::temp_dir().join(format!("vaardig-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&search);
        std::fs::create_dir_all(&search)?;
        let name = |i: usize| format!("{i:016x}-v1");
        for i in 0..12 {
            std::fs::create_dir(search.join(name(i)))?;
            std::thread::sleep(std::time::Duration::from_millis(15));
        }
        std::fs::create_dir(search.join("notes"))?;
        std::fs::write(search.join("0000000000000000-v9"), b"a file")?;
        // The oldest was just used again: it stays.
        prune_indexes(&search, &search.join(name(0)));
        let mut left: Vec<String> = std::fs::read_dir(&search)?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected: Vec<String> = [0, 5, 6, 7, 8, 9, 10, 11].map(name).to_vec();
        expected.push("0000000000000000-v9".to_owned());
        expected.push("notes".to_owned());
        expected.sort();
        assert_eq!(left, expected);
        std::fs::remove_dir_all(&search)
    }
}
