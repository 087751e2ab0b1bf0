//! # vaardig-py
//!
//! The native module of the Python package `vaardig` (`vaardig._native`): a thin front over
//! the same functions the CLI and the HTTP service call (vaardig-service for people, questions
//! and answers; vaardig-score and vaardig-search for the work). It holds no feature logic: it
//! turns Python arguments into the service's questions, runs them without the GIL, and turns
//! the answers into plain Python values built from the very serde JSON that `vaardig … --json`
//! prints, so the same question gets the same answer from either.
//!
//! - [`ontology`]: the `Ontology` class and its questions;
//! - [`batch`]: `Ontology.score_profiles`, a profile table in and a long Arrow table out;
//! - [`versions`]: `Ontology.diff`, `compare` (a `Comparison`), `impact`, `quality_report`;
//! - [`import`]: `import_esco`, `import_skos`, `import_onet`, `import_tabiya`,
//!   `import_parquet`, each answering an `Imported` (ontology, report, rejections);
//! - [`arrow`]: answer columns as raw Arrow buffers;
//! - [`error`]: the exception classes (`VaardigError` and its subclasses).

use pyo3::prelude::*;

pub mod arrow;
pub mod batch;
pub mod error;
pub mod import;
pub mod ontology;
pub mod versions;

/// Learning rights under the default `leerrechten` scheme, as `vaardig rights --json`.
#[pyfunction]
#[pyo3(signature = (age, nlqf, used_eur = 0.0))]
fn rights(py: Python<'_>, age: i64, nlqf: i64, used_eur: f64) -> PyResult<Bound<'_, PyAny>> {
    let age = u8::try_from(age)
        .ok()
        .filter(|a| *a <= vaardig_score::MAX_AGE)
        .ok_or_else(|| {
            error::invalid(
                py,
                format!(
                    "age must be between 0 and {}, not {age}",
                    vaardig_score::MAX_AGE
                ),
            )
        })?;
    let nlqf = u8::try_from(nlqf)
        .map_err(|_| error::invalid(py, format!("nlqf must be between 0 and 8, not {nlqf}")))?;
    let answer = vaardig_service::rights(&vaardig_service::RightsQuery {
        age,
        nlqf,
        used_eur,
    })
    .map_err(|e| error::service(py, &e))?;
    ontology::to_py(py, &answer)
}

/// The module `vaardig._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ontology::Ontology>()?;
    m.add_class::<versions::Comparison>()?;
    m.add_class::<import::Imported>()?;
    m.add_function(wrap_pyfunction!(rights, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_esco, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_skos, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_onet, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_tabiya, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_parquet, m)?)?;
    error::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
