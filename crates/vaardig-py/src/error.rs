//! The Python exceptions: one base class, `vaardig.VaardigError`, and a subclass per kind of
//! failure. Every exception carries the library's message (with the file, line and column the
//! library gives) and, as `.code`, the stable machine code of [`ServiceError::code`].

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use vaardig_core::OntologyError;
use vaardig_service::ServiceError;

pyo3::create_exception!(
    _native,
    VaardigError,
    PyException,
    "Base class of every error vaardig raises; `.code` is a stable snake_case code."
);
pyo3::create_exception!(
    _native,
    OntologyLoadError,
    VaardigError,
    "The ontology could not be loaded: every error found, each with its file and line."
);
pyo3::create_exception!(
    _native,
    ProfileError,
    VaardigError,
    "The person could not be built: invalid profile JSON (with line and column) or values."
);
pyo3::create_exception!(
    _native,
    LabelError,
    VaardigError,
    "A skill label matched nothing, or several skills equally well (the candidates are listed)."
);
pyo3::create_exception!(
    _native,
    UnknownIdError,
    VaardigError,
    "An id the ontology does not have, or of the wrong kind (not an occupation, not a sector)."
);
pyo3::create_exception!(
    _native,
    RightsError,
    VaardigError,
    "A funding scheme is unknown or needs what the profile lacks (an age)."
);
pyo3::create_exception!(
    _native,
    InvalidRequestError,
    VaardigError,
    "A value outside what the question allows."
);
pyo3::create_exception!(
    _native,
    NoneWithinReachError,
    VaardigError,
    "No occupation is within reach, so an advice has no target."
);
pyo3::create_exception!(
    _native,
    SearchIndexError,
    VaardigError,
    "The search index could not be built."
);

/// `err` with `.code` set to `code`.
pub fn with_code(py: Python<'_>, err: PyErr, code: &str) -> PyErr {
    // A failed setattr only loses the code; the exception and its message stand.
    let _ = err.value(py).setattr("code", code);
    err
}

/// The Python exception for a service error: the class by its code, the message as the
/// library words it.
pub fn service(py: Python<'_>, e: &ServiceError) -> PyErr {
    let message = e.to_string();
    let code = e.code();
    let err = match code {
        "no_person" | "invalid_profile" => ProfileError::new_err(message),
        "unknown_label" | "ambiguous_label" => LabelError::new_err(message),
        "unknown_id" | "not_an_occupation" | "not_a_sector" => UnknownIdError::new_err(message),
        "missing_age" | "unknown_scheme" => RightsError::new_err(message),
        "none_within_reach" => NoneWithinReachError::new_err(message),
        "search_index" => SearchIndexError::new_err(message),
        _ => InvalidRequestError::new_err(message),
    };
    with_code(py, err, code)
}

/// An invalid value in a call (a bad keyword value, a wrong type inside a dict).
pub fn invalid(py: Python<'_>, message: impl Into<String>) -> PyErr {
    with_code(
        py,
        InvalidRequestError::new_err(message.into()),
        "invalid_request",
    )
}

/// The ontology could not be loaded: the count and the first 20 errors, one a line, as the CLI
/// prints them.
pub fn ontology(py: Python<'_>, context: &str, e: &OntologyError) -> PyErr {
    let mut lines: Vec<String> = e.errors().take(20).map(ToString::to_string).collect();
    if e.error_count() > lines.len() {
        lines.push(format!(
            "… and {} more error(s)",
            e.error_count() - lines.len()
        ));
    }
    let message = format!(
        "{context}: {} error(s):\n{}",
        e.error_count(),
        lines.join("\n")
    );
    with_code(py, OntologyLoadError::new_err(message), "invalid_ontology")
}

/// Adds every exception class to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("VaardigError", py.get_type::<VaardigError>())?;
    m.add("OntologyLoadError", py.get_type::<OntologyLoadError>())?;
    m.add("ProfileError", py.get_type::<ProfileError>())?;
    m.add("LabelError", py.get_type::<LabelError>())?;
    m.add("UnknownIdError", py.get_type::<UnknownIdError>())?;
    m.add("RightsError", py.get_type::<RightsError>())?;
    m.add("InvalidRequestError", py.get_type::<InvalidRequestError>())?;
    m.add(
        "NoneWithinReachError",
        py.get_type::<NoneWithinReachError>(),
    )?;
    m.add("SearchIndexError", py.get_type::<SearchIndexError>())?;
    Ok(())
}
