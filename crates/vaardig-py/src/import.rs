//! The importers from Python: `vaardig.import_esco`, `import_skos`, `import_onet`,
//! `import_tabiya` and `import_parquet`, each the library's importer (vaardig-import,
//! vaardig-arrow) with the CLI's options as keywords. The answer is an `Imported`: the
//! `Ontology`, the import report as `vaardig import … --json` prints it, its rejections (with
//! file and line) and the core's validation warnings; with `out=DIR` the native format is
//! written there too, atomically and under the CLI's rules (`force` to replace earlier vaardig
//! output, never an input).
//!
//! Failures raise `OntologyLoadError` (a missing file or column, a bad mapping, a strict import
//! with rejections — then `.report` holds the whole report —, an import of nothing),
//! `InvalidRequestError` (contradicting options, an output the rules refuse).

use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use vaardig_core::io::{AtomicDir, OutputError, OutputPolicy};
use vaardig_import::{
    ImportError, ImportOptions, ImportReport, ManifestOverrides, Mapping, OnetOptions,
};

use crate::error;
use crate::ontology::{Ontology, to_py};

/// An import's answer.
#[pyclass(module = "vaardig", frozen, get_all)]
pub struct Imported {
    /// The imported ontology.
    ontology: Py<Ontology>,
    /// The import report as `vaardig import … --json` prints it (`None` for Parquet, which
    /// has none: a bad value fails the import).
    report: Py<PyAny>,
    /// The rejected rows or triples: the report's error diagnostics (`severity`, `kind`,
    /// `location` with `file`, `line`, `column`, `concept`, `message`), in reading order.
    rejections: Py<PyAny>,
    /// The core's validation warnings, one line each (`file:line: …`).
    warnings: Vec<String>,
    /// Where the native format was written, or `None`.
    out: Option<PathBuf>,
}

#[pymethods]
impl Imported {
    fn __repr__(&self, py: Python<'_>) -> String {
        let rejected = self.rejections.bind(py).len().unwrap_or(0);
        format!(
            "Imported({}, {rejected} rejection(s), {} warning(s))",
            self.ontology.borrow(py).__repr__(),
            self.warnings.len()
        )
    }
}

/// The manifest fields and output rules every importer takes.
struct Common {
    out: Option<PathBuf>,
    force: bool,
    languages: Option<Vec<String>>,
    strict: bool,
    manifest: ManifestOverrides,
}

impl Common {
    /// The library options (no progress callback: Python has no bar to drive).
    fn options(&self) -> ImportOptions {
        let mut options = ImportOptions::new()
            .strict(self.strict)
            .manifest(self.manifest.clone());
        if let Some(languages) = &self.languages {
            options = options.languages(languages.iter().cloned());
        }
        options
    }

    /// The rules for `out`: `force` as `--force`, the inputs protected.
    fn policy(&self, inputs: &[PathBuf]) -> OutputPolicy {
        OutputPolicy::new()
            .force(self.force)
            .inputs(inputs.iter().cloned())
    }
}

/// Why an import failed, carried out of the GIL-free part.
enum Failure {
    Import(ImportError),
    Nothing {
        rejected: u64,
        report: Box<ImportReport>,
    },
    Output(OutputError),
    Load(vaardig_core::OntologyError, String),
}

impl Failure {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Import(e) => import_error(py, e),
            Failure::Nothing { rejected, report } => {
                let err = error::with_code(
                    py,
                    error::OntologyLoadError::new_err(format!(
                        "nothing imported: no concept in the input ({rejected} row(s) or triple(s) rejected{})",
                        first_rejection(&report)
                    )),
                    "nothing_imported",
                );
                attach_report(py, err, &report)
            }
            Failure::Output(e) => output_error(py, &e),
            Failure::Load(e, context) => error::ontology(py, &context, &e),
        }
    }
}

/// `, first: file:line: …` for a report with a rejection, else nothing.
fn first_rejection(report: &ImportReport) -> String {
    report
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| format!("; first: {d}"))
        .unwrap_or_default()
}

/// `err` with `.report` set to `report` as a dict.
fn attach_report(py: Python<'_>, err: PyErr, report: &ImportReport) -> PyErr {
    if let Ok(value) = to_py(py, report) {
        // A failed setattr only loses the attribute; the message names the first rejection.
        let _ = err.value(py).setattr("report", value);
    }
    err
}

/// The exception for an importer's error, with a stable `.code`.
fn import_error(py: Python<'_>, e: ImportError) -> PyErr {
    let message = e.to_string();
    let (err, code) = match &e {
        ImportError::Options(_) => (
            error::InvalidRequestError::new_err(message),
            "invalid_request",
        ),
        ImportError::Io { source, .. } => (
            error::OntologyLoadError::new_err(format!("{message}: {source}")),
            "cannot_read",
        ),
        ImportError::MissingFile { .. } => {
            (error::OntologyLoadError::new_err(message), "missing_file")
        }
        ImportError::MissingColumns { .. } => (
            error::OntologyLoadError::new_err(message),
            "missing_columns",
        ),
        ImportError::Mapping { .. } => (
            error::OntologyLoadError::new_err(message),
            "invalid_mapping",
        ),
        ImportError::Rejected { .. } => (error::OntologyLoadError::new_err(message), "rejected"),
        ImportError::Build(built) => {
            return error::ontology(py, "the imported ontology does not validate", built);
        }
        _ => (error::OntologyLoadError::new_err(message), "import_failed"),
    };
    let err = error::with_code(py, err, code);
    match e {
        ImportError::Rejected { report } => attach_report(py, err, &report),
        _ => err,
    }
}

/// The exception for an output the rules refuse or that could not be written.
fn output_error(py: Python<'_>, e: &OutputError) -> PyErr {
    let message = match e {
        OutputError::Io { source, .. } => format!("{e}: {source}"),
        _ => e.to_string(),
    };
    error::with_code(
        py,
        error::InvalidRequestError::new_err(message),
        "cannot_write",
    )
}

/// Runs `import` without the GIL, builds the ontology, writes it to `out` when asked and wraps
/// the answer.
fn run(
    py: Python<'_>,
    common: Common,
    inputs: Vec<PathBuf>,
    import: impl FnOnce(ImportOptions) -> Result<vaardig_import::Import, ImportError> + Send,
) -> PyResult<Imported> {
    let answer = py.detach(move || {
        let policy = common.policy(&inputs);
        if let Some(out) = &common.out {
            // Refuse a bad `out` before the (long) import, as the CLI does.
            AtomicDir::create(out, vaardig_core::MANIFEST_FILE, &policy)
                .map_err(Failure::Output)?;
        }
        let imported = import(common.options())
            .and_then(vaardig_import::Import::build)
            .map_err(Failure::Import)?;
        if imported.ontology.is_empty() {
            return Err(Failure::Nothing {
                rejected: imported.report.rejected(),
                report: Box::new(imported.report),
            });
        }
        if let Some(out) = &common.out {
            vaardig_core::write_dir_with(&imported.ontology, out, &policy)
                .map_err(Failure::Output)?;
        }
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        Ok((
            imported.ontology,
            Some(imported.report),
            warnings,
            common.out,
        ))
    });
    let (ontology, report, warnings, out) = answer.map_err(|e| e.into_py(py))?;
    wrap(py, ontology, report.as_ref(), warnings, out)
}

/// The `Imported` of a finished import (its scorer built without the GIL).
fn wrap(
    py: Python<'_>,
    ontology: vaardig_core::Ontology,
    report: Option<&ImportReport>,
    warnings: Vec<String>,
    out: Option<PathBuf>,
) -> PyResult<Imported> {
    let ontology = py.detach(move || Ontology::from_ontology(ontology));
    let (report_py, rejections) = match report {
        Some(r) => {
            let errors: Vec<&vaardig_core::Diagnostic> =
                r.diagnostics.iter().filter(|d| d.is_error()).collect();
            (to_py(py, r)?.unbind(), to_py(py, &errors)?.unbind())
        }
        None => (py.None(), PyList::empty(py).into_any().unbind()),
    };
    Ok(Imported {
        ontology: Py::new(py, ontology)?,
        report: report_py,
        rejections,
        warnings,
        out,
    })
}

/// Whether `dir` holds the Parquet tables of `vaardig export --format parquet` (and is not a
/// native directory), as the CLI decides.
pub fn is_parquet_dir(dir: &Path) -> bool {
    !dir.join(vaardig_core::MANIFEST_FILE).exists()
        && dir.join(vaardig_arrow::MARKER_FILE).is_file()
}

/// The ontology in `dir`: native or Parquet (every Parquet problem as a diagnostic with its
/// file, row and column).
pub fn load_dir(dir: &Path) -> Result<vaardig_core::Ontology, vaardig_core::OntologyError> {
    if is_parquet_dir(dir) {
        vaardig_arrow::load_dir(dir)
            .map(|b| b.ontology)
            .map_err(|e| vaardig_core::OntologyError::new(e.into_diagnostics()))
    } else {
        vaardig_core::load_dir(dir).map(|b| b.ontology)
    }
}

/// One path or a list of paths.
fn paths(value: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if value.cast::<PyString>().is_ok() || value.hasattr("__fspath__")? {
        return Ok(vec![value.extract()?]);
    }
    value.extract()
}

/// The `release_date` argument as a date: `YYYY-MM-DD`, a day of the calendar, else `ValueError`.
fn release_date(text: Option<String>) -> PyResult<Option<vaardig_core::Date>> {
    text.map(|t| {
        t.parse::<vaardig_core::Date>().map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("release_date: {e}"))
        })
    })
    .transpose()
}

macro_rules! common {
    ($out:expr, $force:expr, $languages:expr, $strict:expr, $name:expr, $version:expr,
     $date:expr, $licence:expr) => {
        Common {
            out: $out,
            force: $force,
            languages: $languages,
            strict: $strict,
            manifest: ManifestOverrides {
                name: $name,
                version: $version,
                release_date: release_date($date)?,
                licence: $licence,
                source: None,
                notes: None,
            },
        }
    };
}

/// Imports the ESCO CSV download (`csv_dir`, e.g. the English v1.1.1 release) with, optionally,
/// a second directory of tables in other languages (`nl_dir`, with `occupations_nl.csv`, …), as
/// `vaardig import esco CSV_DIR [NL_DIR]`.
#[pyfunction]
#[pyo3(signature = (
    csv_dir, nl_dir = None, out = None, *, force = false, languages = None, strict = false,
    name = None, release_version = None, release_date = None, licence = None
))]
#[allow(clippy::too_many_arguments)]
pub fn import_esco(
    py: Python<'_>,
    csv_dir: PathBuf,
    nl_dir: Option<PathBuf>,
    out: Option<PathBuf>,
    force: bool,
    languages: Option<Vec<String>>,
    strict: bool,
    name: Option<String>,
    release_version: Option<String>,
    release_date: Option<String>,
    licence: Option<String>,
) -> PyResult<Imported> {
    let common = common!(
        out,
        force,
        languages,
        strict,
        name,
        release_version,
        release_date,
        licence
    );
    let dirs: Vec<PathBuf> = std::iter::once(csv_dir).chain(nl_dir).collect();
    let inputs = dirs.clone();
    run(py, common, inputs, move |o| {
        vaardig_import::import_esco(&dirs, o)
    })
}

/// Imports SKOS / CompetentNL-style RDF (`.ttl`, `.nt`, `.nq`; one path or a list) with a
/// built-in mapping (`"competentnl"`, `"esco"`) or a mapping file, as `vaardig import skos`.
/// `partial`: the files are an excerpt of a larger graph.
#[pyfunction]
#[pyo3(signature = (
    files, mapping = "competentnl", out = None, *, partial = false, force = false,
    languages = None, strict = false, name = None, release_version = None, release_date = None,
    licence = None
))]
#[allow(clippy::too_many_arguments)]
pub fn import_skos(
    py: Python<'_>,
    files: &Bound<'_, PyAny>,
    mapping: &str,
    out: Option<PathBuf>,
    partial: bool,
    force: bool,
    languages: Option<Vec<String>>,
    strict: bool,
    name: Option<String>,
    release_version: Option<String>,
    release_date: Option<String>,
    licence: Option<String>,
) -> PyResult<Imported> {
    let common = common!(
        out,
        force,
        languages,
        strict,
        name,
        release_version,
        release_date,
        licence
    );
    let files = paths(files)?;
    let mut inputs = files.clone();
    let mapping = match Mapping::builtin(mapping) {
        Some(m) => m,
        None => {
            inputs.push(PathBuf::from(mapping));
            Mapping::from_file(mapping).map_err(|e| import_error(py, e))?
        }
    };
    run(py, common, inputs, move |o| {
        vaardig_import::import_rdf(&files, &mapping, o.partial(partial))
    })
}

/// Imports the O*NET database text files (`db_29_1_text/`), as `vaardig import onet`; the
/// importance thresholds (IM, 1–5) as its `--essential-from`, `--important-from`,
/// `--optional-from`.
#[pyfunction]
#[pyo3(signature = (
    dir, out = None, *, essential_from = 4.0, important_from = 3.0, optional_from = 2.0,
    force = false, languages = None, strict = false, name = None, release_version = None,
    release_date = None, licence = None
))]
#[allow(clippy::too_many_arguments)]
pub fn import_onet(
    py: Python<'_>,
    dir: PathBuf,
    out: Option<PathBuf>,
    essential_from: f64,
    important_from: f64,
    optional_from: f64,
    force: bool,
    languages: Option<Vec<String>>,
    strict: bool,
    name: Option<String>,
    release_version: Option<String>,
    release_date: Option<String>,
    licence: Option<String>,
) -> PyResult<Imported> {
    let common = common!(
        out,
        force,
        languages,
        strict,
        name,
        release_version,
        release_date,
        licence
    );
    let onet = OnetOptions::with_thresholds(essential_from, important_from, optional_from)
        .map_err(|e| import_error(py, e))?;
    let inputs = vec![dir.clone()];
    run(py, common, inputs, move |o| {
        vaardig_import::import_onet(&dir, &onet, o)
    })
}

/// Imports Tabiya's taxonomy CSV files, as `vaardig import tabiya`.
#[pyfunction]
#[pyo3(signature = (
    dir, out = None, *, force = false, languages = None, strict = false, name = None,
    release_version = None, release_date = None, licence = None
))]
#[allow(clippy::too_many_arguments)]
pub fn import_tabiya(
    py: Python<'_>,
    dir: PathBuf,
    out: Option<PathBuf>,
    force: bool,
    languages: Option<Vec<String>>,
    strict: bool,
    name: Option<String>,
    release_version: Option<String>,
    release_date: Option<String>,
    licence: Option<String>,
) -> PyResult<Imported> {
    let common = common!(
        out,
        force,
        languages,
        strict,
        name,
        release_version,
        release_date,
        licence
    );
    let inputs = vec![dir.clone()];
    run(py, common, inputs, move |o| {
        vaardig_import::import_tabiya(&dir, o)
    })
}

/// Reads the Parquet tables of `vaardig export --format parquet` (or the same tables written by
/// pandas, Polars or Spark), as `vaardig import parquet`: any bad value fails with its file, row
/// and column. `report` is `None` (there is no partial import to report on).
#[pyfunction]
#[pyo3(signature = (dir, out = None, *, force = false))]
pub fn import_parquet(
    py: Python<'_>,
    dir: PathBuf,
    out: Option<PathBuf>,
    force: bool,
) -> PyResult<Imported> {
    let answer = py.detach(move || {
        let policy = OutputPolicy::new().force(force).input(dir.clone());
        if let Some(out) = &out {
            AtomicDir::create(out, vaardig_core::MANIFEST_FILE, &policy)
                .map_err(Failure::Output)?;
        }
        let built = vaardig_arrow::load_dir(&dir).map_err(|e| {
            Failure::Load(
                vaardig_core::OntologyError::new(e.into_diagnostics()),
                format!("cannot read the Parquet tables in {}", dir.display()),
            )
        })?;
        if let Some(out) = &out {
            vaardig_core::write_dir_with(&built.ontology, out, &policy).map_err(Failure::Output)?;
        }
        let warnings: Vec<String> = built.warnings.iter().map(ToString::to_string).collect();
        Ok::<_, Failure>((built.ontology, warnings, out))
    });
    let (ontology, warnings, out) = answer.map_err(|e| e.into_py(py))?;
    wrap(py, ontology, None, warnings, out)
}
