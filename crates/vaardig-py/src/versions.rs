//! Taxonomy versions from Python: `Ontology.diff`, `Ontology.compare` (a `Comparison`: the
//! diff computed once, then its impact on any number of profile tables), `Ontology.impact` and
//! `Ontology.quality_report` — vaardig-diff's answers, as `vaardig diff --json` and
//! `vaardig report --json` print them, or flattened into one long Arrow table.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use vaardig_diff::impact::{self, IdTranslation, ImpactOptions, NamedProfile};
use vaardig_diff::{Diff, DiffError, DiffOptions, IdMapping, Impact, MappingConfig};

use crate::arrow::{
    f64_array, opt_f64_array, opt_i64_array, opt_string_array, string_array, table,
};
use crate::batch::{ProfileColumns, RowError};
use crate::error;
use crate::ontology::{Inner, to_py};

/// The exception for a diff or impact error: a profile that does not fit the old version is a
/// `ProfileError`, a malformed mapping or profiles file (with its file and line) or an option
/// out of range an `InvalidRequestError`.
pub fn diff_error(py: Python<'_>, e: &DiffError) -> PyErr {
    let message = e.to_string();
    let (err, code) = match e {
        DiffError::Profile { .. } | DiffError::Profiles { .. } => {
            (error::ProfileError::new_err(message), "invalid_profile")
        }
        DiffError::Score { .. } => (error::ProfileError::new_err(message), "cannot_score"),
        DiffError::Mapping { .. } => (
            error::InvalidRequestError::new_err(message),
            "invalid_mapping",
        ),
        _ => (
            error::InvalidRequestError::new_err(message),
            "invalid_request",
        ),
    };
    error::with_code(py, err, code)
}

/// Why an impact call failed.
enum Failure {
    Row(RowError),
    Diff(DiffError),
}

impl Failure {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Row(e) => e.into_py(py),
            Failure::Diff(e) => diff_error(py, &e),
        }
    }
}

/// The diff options of `vaardig diff` (`--mapping`, `--no-propose`, `--accept`).
pub fn diff_options(
    py: Python<'_>,
    mapping: Option<PathBuf>,
    propose: bool,
    accept: f64,
) -> PyResult<DiffOptions> {
    if !(0.0..=1.0).contains(&accept) {
        return Err(error::invalid(
            py,
            format!("accept must be from 0 to 1, not {accept}"),
        ));
    }
    let mapping = match mapping {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                error::with_code(
                    py,
                    error::InvalidRequestError::new_err(format!(
                        "cannot read {}: {e}",
                        path.display()
                    )),
                    "cannot_read",
                )
            })?;
            Some(
                IdMapping::from_csv(&text, &path.display().to_string())
                    .map_err(|e| diff_error(py, &e))?,
            )
        }
    };
    Ok(DiffOptions {
        mapping,
        mapping_config: MappingConfig {
            propose,
            accept,
            min_confidence: MappingConfig::default().min_confidence.min(accept),
            ..MappingConfig::default()
        },
    })
}

/// Two versions of an ontology and their diff, computed once: ask for the diff, and for the
/// impact of the change on as many profile tables as needed (`vaardig.spark` keeps one per
/// worker process).
#[pyclass(module = "vaardig", frozen)]
pub struct Comparison {
    old: Arc<Inner>,
    new: Arc<Inner>,
    diff: Arc<Diff>,
}

impl Comparison {
    /// Compares `old` with `new` (without the GIL).
    pub(crate) fn new(
        py: Python<'_>,
        old: Arc<Inner>,
        new: Arc<Inner>,
        options: &DiffOptions,
    ) -> PyResult<Comparison> {
        let (o, n) = (Arc::clone(&old), Arc::clone(&new));
        let diff = py
            .detach(move || vaardig_diff::diff_with(&o.ontology, &n.ontology, options))
            .map_err(|e| diff_error(py, &e))?;
        Ok(Comparison {
            old,
            new,
            diff: Arc::new(diff),
        })
    }

    /// The impact on `profiles` (a profile table, or `None` for `sample` profiles from the old
    /// version's occupations), computed without the GIL on every core.
    fn measure(
        &self,
        py: Python<'_>,
        profiles: Option<&Bound<'_, PyAny>>,
        sample: usize,
        top: usize,
    ) -> PyResult<Impact> {
        let columns = profiles
            .filter(|p| !p.is_none())
            .map(|p| ProfileColumns::read(py, p))
            .transpose()?;
        let (old, new, diff) = (
            Arc::clone(&self.old),
            Arc::clone(&self.new),
            Arc::clone(&self.diff),
        );
        let answer = py.detach(move || {
            let named: Vec<NamedProfile> = match columns {
                Some(c) => c
                    .profiles(&old.ontology)
                    .map_err(Failure::Row)?
                    .into_iter()
                    .map(|(name, profile)| NamedProfile { name, profile })
                    .collect(),
                None => impact::sample_profiles(&old.ontology, sample),
            };
            let options = ImpactOptions {
                k: top,
                depth: ImpactOptions::default().depth.max(top),
                ..ImpactOptions::default()
            };
            impact::measure(
                &old.ontology,
                &new.ontology,
                &diff,
                &old.scorer,
                &new.scorer,
                &named,
                &options,
            )
            .map_err(Failure::Diff)
        });
        answer.map_err(|e| e.into_py(py))
    }
}

#[pymethods]
impl Comparison {
    /// The diff, as the `diff` of `vaardig diff OLD NEW --json`.
    pub(crate) fn diff<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.diff)
    }

    /// The impact of the change on a caseload, as the `impact` of `vaardig diff OLD NEW
    /// --profiles FILE --json`: per profile (in input order) the old and new top `top`, overlap,
    /// Kendall τ-b, rank moves and gap deltas; the means; the most affected occupations.
    /// `profiles` is a profile table as `score_profiles` takes it (`person` becomes the
    /// profile's name); without it, `sample` profiles are drawn from the old version's
    /// occupations (`--sample N`).
    #[pyo3(signature = (profiles = None, *, sample = 0, top = 10))]
    fn impact_report<'py>(
        &self,
        py: Python<'py>,
        profiles: Option<&Bound<'py, PyAny>>,
        sample: usize,
        top: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let measured = self.measure(py, profiles, sample, top)?;
        to_py(py, &measured)
    }

    /// The impact of the change on a caseload as one long `pyarrow.Table`, one row per
    /// (person, occupation) that was in the person's top `top` in either version, and one for
    /// the person's current occupation: see `Ontology.impact`.
    #[pyo3(signature = (profiles, top = 10))]
    pub(crate) fn impact<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        top: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let measured = self.measure(py, Some(profiles), 0, top)?;
        let (old, new, diff) = (
            Arc::clone(&self.old),
            Arc::clone(&self.new),
            Arc::clone(&self.diff),
        );
        let rows = py.detach(move || ImpactRows::of(&measured, &old, &new, &diff));
        rows.into_table(py)
    }

    fn __repr__(&self) -> String {
        let m = |i: &Inner| {
            let m = i.ontology.manifest();
            format!("{} {}", m.name, m.version)
        };
        let same = if self.diff.is_empty() {
            ", no changes"
        } else {
            ""
        };
        format!("Comparison({} → {}{same})", m(&self.old), m(&self.new))
    }
}

/// The long impact table's columns.
#[derive(Default)]
struct ImpactRows {
    person: Vec<String>,
    occupation: Vec<String>,
    label: Vec<String>,
    new_occupation: Vec<Option<String>>,
    change: Vec<String>,
    rank_before: Vec<Option<i64>>,
    rank_after: Vec<Option<i64>>,
    gap_before: Vec<Option<f64>>,
    gap_after: Vec<Option<f64>>,
    overlap: Vec<f64>,
    kendall_tau: Vec<Option<f64>>,
}

/// A 1-based rank as an Arrow int64.
fn rank(r: usize) -> i64 {
    i64::try_from(r).unwrap_or(i64::MAX)
}

impl ImpactRows {
    /// Flattens `impact`: per person, the old top k in old rank order (`kept` or `left`), then
    /// the occupations that entered the new top k in new rank order (`entered`), then the
    /// current occupation (`current`) when both versions have it.
    fn of(impact: &Impact, old: &Inner, new: &Inner, diff: &Diff) -> ImpactRows {
        let ids = IdTranslation::of(diff);
        let label = |id: &str| {
            old.ontology
                .get(id)
                .map(|c| c.label(old.ontology.primary_language()))
                .or_else(|| {
                    new.ontology
                        .get(id)
                        .map(|c| c.label(new.ontology.primary_language()))
                })
                .unwrap_or(id)
                .to_owned()
        };
        let mut rows = ImpactRows::default();
        for p in &impact.profiles {
            let new_as_old: Vec<&str> = p
                .new_top
                .iter()
                .map(|n| ids.to_old(n).unwrap_or(n))
                .collect();
            let gap = |o: &str| p.gaps.iter().find(|g| g.occupation == o);
            let push = |rows: &mut ImpactRows, occupation: &str, label: String| {
                rows.person.push(p.profile.clone());
                rows.occupation.push(occupation.to_owned());
                rows.label.push(label);
                rows.overlap.push(p.overlap);
                rows.kendall_tau.push(p.kendall_tau);
            };
            for m in &p.moves {
                push(&mut rows, &m.occupation, m.label.clone());
                let kept = new_as_old.contains(&m.occupation.as_str());
                rows.change
                    .push(if kept { "kept" } else { "left" }.to_owned());
                rows.new_occupation.push(m.new_id.clone());
                rows.rank_before.push(Some(rank(m.old_rank)));
                rows.rank_after.push(m.new_rank.map(rank));
                let g = gap(&m.occupation);
                rows.gap_before.push(g.map(|g| g.old));
                rows.gap_after.push(g.map(|g| g.new));
            }
            for (i, (n, o)) in p.new_top.iter().zip(&new_as_old).enumerate() {
                if p.old_top.iter().any(|x| x == o) {
                    continue;
                }
                push(&mut rows, o, label(o));
                rows.change.push("entered".to_owned());
                rows.new_occupation.push(Some(n.clone()));
                rows.rank_before.push(None);
                rows.rank_after.push(Some(rank(i + 1)));
                rows.gap_before.push(None);
                rows.gap_after.push(None);
            }
            if let Some(current) = &p.current_occupation
                && let Some(g) = gap(current)
            {
                push(&mut rows, current, g.label.clone());
                rows.change.push("current".to_owned());
                rows.new_occupation
                    .push(ids.to_new(current).map(str::to_owned));
                rows.rank_before.push(None);
                rows.rank_after.push(None);
                rows.gap_before.push(Some(g.old));
                rows.gap_after.push(Some(g.new));
            }
        }
        rows
    }

    fn into_table<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pa = py.import("pyarrow")?;
        let arrays = vec![
            string_array(py, &pa, "person", &self.person)?,
            string_array(py, &pa, "occupation", &self.occupation)?,
            string_array(py, &pa, "label", &self.label)?,
            opt_string_array(py, &pa, "new_occupation", &self.new_occupation)?,
            string_array(py, &pa, "change", &self.change)?,
            opt_i64_array(py, &pa, &self.rank_before)?,
            opt_i64_array(py, &pa, &self.rank_after)?,
            opt_f64_array(py, &pa, &self.gap_before)?,
            opt_f64_array(py, &pa, &self.gap_after)?,
            f64_array(py, &pa, &self.overlap)?,
            opt_f64_array(py, &pa, &self.kendall_tau)?,
        ];
        table(py, &pa, &IMPACT_COLUMNS, arrays)
    }
}

/// The columns of the long impact table, in order.
pub const IMPACT_COLUMNS: [&str; 11] = [
    "person",
    "occupation",
    "label",
    "new_occupation",
    "change",
    "rank_before",
    "rank_after",
    "gap_before",
    "gap_after",
    "overlap",
    "kendall_tau",
];
