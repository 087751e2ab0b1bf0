//! `vaardig.Ontology`: one loaded ontology with its scorer (built at load) and its search index
//! (built on first need), and the questions asked of it. Every method releases the GIL while
//! the library works, so Python threads can ask questions at once.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use vaardig_core::ConceptKind;
use vaardig_score::{Profile, Scorer, TransitionSource};
use vaardig_search::{LangFilter, SearchOptions, Searcher};
use vaardig_service::{
    AdviceQuery, Person, PersonError, RouteQuery, ServiceError, SkillResolver, TransitionsQuery,
};

use crate::{batch, error, versions};

/// Why `score_profiles` failed.
enum BatchFailure {
    Row(batch::RowError),
    Service(ServiceError),
}

/// `value` as plain Python values (dicts, lists, str, int, float, bool, None): the JSON text
/// the CLI prints, read by Python's own `json.loads`, so an answer equals `json.loads` of
/// `vaardig … --json` to the last bit.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| error::invalid(py, format!("cannot serialise the answer: {e}")))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A value of the service's vocabulary (`"combined"`, `"hours"`, an NLQF level) from its JSON.
fn vocabulary<T: DeserializeOwned>(
    py: Python<'_>,
    name: &str,
    value: serde_json::Value,
) -> PyResult<T> {
    serde_json::from_value(value.clone())
        .map_err(|e| error::invalid(py, format!("{name}: `{value}` is not allowed: {e}")))
}

/// What one `Ontology` holds.
pub(crate) struct Inner {
    pub(crate) ontology: vaardig_core::Ontology,
    pub(crate) scorer: Scorer,
    searcher: OnceLock<Searcher>,
}

impl Inner {
    pub(crate) fn new(ontology: vaardig_core::Ontology) -> Inner {
        let scorer = Scorer::with_defaults(&ontology);
        Inner {
            ontology,
            scorer,
            searcher: OnceLock::new(),
        }
    }

    /// The search index, built on first need.
    fn searcher(&self) -> Result<&Searcher, ServiceError> {
        if let Some(s) = self.searcher.get() {
            return Ok(s);
        }
        let built = Searcher::new(&self.ontology)
            .map_err(|e| ServiceError::from(vaardig_service::ResolveError::Index(e.to_string())))?;
        Ok(self.searcher.get_or_init(|| built))
    }

    /// The checked profile of `person`; skill labels resolve through the shared index.
    fn build(&self, person: Person) -> Result<Profile, ServiceError> {
        let resolver = if person.skills.is_empty() {
            SkillResolver::new(&self.ontology)
        } else {
            SkillResolver::with_searcher(&self.ontology, self.searcher()?.clone())
        };
        Ok(person.build(&self.ontology, &resolver)?)
    }
}

/// A profile as given from Python: its JSON text and, for a file, where it came from.
struct ProfileInput {
    text: String,
    file: Option<PathBuf>,
}

impl ProfileInput {
    /// A dict (the JSON object of a profile), a str (its JSON text) or an `os.PathLike` (a
    /// profile file, as `--profile FILE`).
    fn extract(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<ProfileInput> {
        if let Ok(s) = value.cast::<PyString>() {
            return Ok(ProfileInput {
                text: s.extract::<String>()?,
                file: None,
            });
        }
        if value.cast::<PyDict>().is_ok() {
            // The JSON text a profile file would hold, so a dict is read as the CLI reads one.
            let text: String = py
                .import("json")?
                .call_method1("dumps", (value,))
                .map_err(|e| error::invalid(py, format!("the profile is not JSON: {e}")))?
                .extract()?;
            return Ok(ProfileInput { text, file: None });
        }
        if value.hasattr("__fspath__")? {
            let path: PathBuf = value.extract()?;
            let text = std::fs::read_to_string(&path).map_err(|e| {
                let message = format!("cannot read profile {}: {e}", path.display());
                error::service(py, &ServiceError::InvalidRequest(message))
            })?;
            return Ok(ProfileInput {
                text,
                file: Some(path),
            });
        }
        Err(PyTypeError::new_err(
            "a profile is a dict, a JSON string or a path to a JSON file",
        ))
    }

    /// The parsed profile; an error names the file as the CLI does.
    fn parse(&self) -> Result<Profile, (Option<&PathBuf>, ServiceError)> {
        Profile::from_json(&self.text).map_err(|e| {
            (
                self.file.as_ref(),
                ServiceError::from(PersonError::Profile(e)),
            )
        })
    }
}

/// A person's inputs, read while the GIL is held.
struct PersonInput {
    profile: Option<ProfileInput>,
    skills: Vec<String>,
}

impl PersonInput {
    fn new(
        py: Python<'_>,
        profile: Option<&Bound<'_, PyAny>>,
        skills: Option<Vec<String>>,
    ) -> PyResult<PersonInput> {
        Ok(PersonInput {
            profile: profile
                .filter(|p| !p.is_none())
                .map(|p| ProfileInput::extract(py, p))
                .transpose()?,
            skills: skills.unwrap_or_default(),
        })
    }

    fn is_empty(&self) -> bool {
        self.profile.is_none() && self.skills.is_empty()
    }

    /// The checked profile, built by the shared [`Person`].
    fn build(&self, inner: &Inner) -> Result<Profile, PersonFailure> {
        let profile = match &self.profile {
            Some(p) => Some(p.parse().map_err(|(file, e)| PersonFailure {
                file: file.cloned(),
                error: e,
            })?),
            None => None,
        };
        let person = Person {
            profile,
            skills: self.skills.clone(),
        };
        inner.build(person).map_err(|error| PersonFailure {
            file: self.profile.as_ref().and_then(|p| p.file.clone()),
            error,
        })
    }
}

/// Why a question failed: the service's error and, for a profile error, the profile file.
struct PersonFailure {
    file: Option<PathBuf>,
    error: ServiceError,
}

impl From<ServiceError> for PersonFailure {
    fn from(error: ServiceError) -> Self {
        PersonFailure { file: None, error }
    }
}

impl PersonFailure {
    /// The exception; a profile error names the profile file as the CLI does.
    fn into_py(self, py: Python<'_>) -> PyErr {
        match (&self.file, self.error.code()) {
            (Some(file), code @ "invalid_profile") => {
                let message = format!("profile {}: {}", file.display(), self.error);
                error::with_code(py, error::ProfileError::new_err(message), code)
            }
            _ => error::service(py, &self.error),
        }
    }
}

/// The concept kinds of `kind`: `None`, one name or a list of names (`offer` for learning
/// offers, as on the CLI).
fn kinds(py: Python<'_>, kind: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<ConceptKind>> {
    let names: Vec<String> = match kind {
        None => return Ok(Vec::new()),
        Some(k) if k.is_none() => return Ok(Vec::new()),
        Some(k) => match k.cast::<PyString>() {
            Ok(s) => vec![s.extract::<String>()?],
            Err(_) => k.extract()?,
        },
    };
    names
        .iter()
        .map(|n| match n.as_str() {
            "offer" | "offers" => Ok(ConceptKind::LearningOffer),
            _ => n
                .parse::<ConceptKind>()
                .map_err(|e| error::invalid(py, format!("kind: {e}, or offer"))),
        })
        .collect()
}

fn lang(py: Python<'_>, lang: Option<&str>) -> PyResult<LangFilter> {
    match lang {
        None => Ok(LangFilter::Both),
        Some("nl") => Ok(LangFilter::Nl),
        Some("en") => Ok(LangFilter::En),
        Some(other) => Err(error::invalid(
            py,
            format!("lang must be \"nl\", \"en\" or None, not `{other}`"),
        )),
    }
}

/// An ontology with its scorer and search index. Load one with `Ontology.embedded()` or
/// `Ontology.load(dir)`; it can be shared by threads.
#[pyclass(module = "vaardig", frozen)]
pub struct Ontology {
    pub(crate) inner: Arc<Inner>,
}

impl Ontology {
    /// Wraps a loaded ontology (its scorer is built here; call without the GIL).
    pub(crate) fn from_ontology(ontology: vaardig_core::Ontology) -> Ontology {
        Ontology {
            inner: Arc::new(Inner::new(ontology)),
        }
    }

    /// Runs `f` over the ontology without the GIL, mapping its error to an exception.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&Inner) -> Result<T, PersonFailure> + Send,
    ) -> PyResult<T> {
        let inner = Arc::clone(&self.inner);
        py.detach(move || f(&inner)).map_err(|e| e.into_py(py))
    }
}

#[pymethods]
impl Ontology {
    /// The ontology built into the library (the CompetentNL-style example).
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Ontology> {
        let loaded = py.detach(vaardig_core::Ontology::embedded);
        let ontology = loaded.map_err(|e| error::ontology(py, "the embedded ontology", &e))?;
        let inner = py.detach(move || Inner::new(ontology));
        Ok(Ontology {
            inner: Arc::new(inner),
        })
    }

    /// The ontology in directory `dir`: the native format (as `--ontology DIR`) or the Parquet
    /// tables of `vaardig export --format parquet` (`manifest.parquet`, no `ontology.toml`).
    #[staticmethod]
    fn load(py: Python<'_>, dir: PathBuf) -> PyResult<Ontology> {
        let loaded = py.detach(|| crate::import::load_dir(&dir));
        let context = format!("cannot load the ontology in {}", dir.display());
        let ontology = loaded.map_err(|e| error::ontology(py, &context, &e))?;
        let inner = py.detach(move || Inner::new(ontology));
        Ok(Ontology {
            inner: Arc::new(inner),
        })
    }

    /// Concepts whose labels match `text`, best first, as `vaardig search --json`.
    #[pyo3(signature = (text, kind = None, lang = None, limit = 10))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        kind: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = SearchOptions {
            kinds: kinds(py, kind)?,
            lang: self::lang(py, lang)?,
            limit,
            prefix: false,
        };
        let hits = self.run(py, |inner| Ok(inner.searcher()?.search(text, &options)))?;
        to_py(py, &hits)
    }

    /// Autocomplete: labels that start with `text`, as `vaardig search --prefix --json`.
    #[pyo3(signature = (text, kind = None, lang = None, limit = 10))]
    fn suggest<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        kind: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = SearchOptions {
            kinds: kinds(py, kind)?,
            lang: self::lang(py, lang)?,
            limit,
            prefix: true,
        };
        let hits = self.run(py, |inner| Ok(inner.searcher()?.suggest(text, &options)))?;
        to_py(py, &hits)
    }

    /// The skills and occupations mentioned in `text`, in text order, as
    /// `vaardig extract --json`.
    fn extract<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let found = self.run(py, |inner| {
            Ok(vaardig_service::extract(inner.searcher()?, text))
        })?;
        to_py(py, &found)
    }

    /// The gap between a person and `occupation`, as `vaardig gap --json`; `lang` (a language
    /// the ontology declares, e.g. `"de"`) adds `label_other` labels in it, as `--lang`.
    #[pyo3(signature = (profile, occupation, *, skills = None, lang = None))]
    fn gap<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&Bound<'py, PyAny>>,
        occupation: &str,
        skills: Option<Vec<String>>,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let person = PersonInput::new(py, profile, skills)?;
        let gap = self.run(py, |inner| {
            let scorer = vaardig_service::labelled(&inner.scorer, lang.as_deref())?;
            let p = person.build(inner)?;
            Ok(scorer.gap(&p, occupation).map_err(ServiceError::from)?)
        })?;
        to_py(py, &gap)
    }

    /// The occupations within reach of a person or of `from_occupation`, best first, as
    /// `vaardig transitions --json`; `lang` as in [`gap`](Self::gap).
    #[pyo3(signature = (
        profile = None, from_occupation = None, limit = 10, *, skills = None,
        shortage_only = false, sector = None, max_gap_hours = None, rank_by = "combined",
        lang = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn transitions<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&Bound<'py, PyAny>>,
        from_occupation: Option<String>,
        limit: usize,
        skills: Option<Vec<String>>,
        shortage_only: bool,
        sector: Option<String>,
        max_gap_hours: Option<f64>,
        rank_by: &str,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = TransitionsQuery {
            from: from_occupation,
            limit,
            shortage_only,
            sector,
            max_gap_hours,
            rank_by: vocabulary(py, "rank_by", rank_by.into())?,
        };
        let person = PersonInput::new(py, profile, skills)?;
        if query.from.is_some() && !person.is_empty() {
            return Err(error::invalid(
                py,
                "give either from_occupation or a person (profile, skills), not both",
            ));
        }
        let items = self.run(py, |inner| {
            let scorer = vaardig_service::labelled(&inner.scorer, lang.as_deref())?;
            let options = query.options()?;
            let result = match &query.from {
                Some(occ) => scorer.transitions_from(occ, &options),
                None => scorer.transitions(&person.build(inner)?, &options),
            };
            Ok(result.map_err(ServiceError::from)?.items)
        })?;
        to_py(py, &items)
    }

    /// The course route that closes a person's gap to `to`, as `vaardig route --json`; `lang`
    /// as in [`gap`](Self::gap).
    #[pyo3(signature = (
        profile, to, *, skills = None, scheme = None, optimise = "hours", max_nlqf = None,
        include_important = false, lang = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn route<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&Bound<'py, PyAny>>,
        to: String,
        skills: Option<Vec<String>>,
        scheme: Option<String>,
        optimise: &str,
        max_nlqf: Option<i64>,
        include_important: bool,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = RouteQuery {
            to,
            scheme,
            optimise: vocabulary(py, "optimise", optimise.into())?,
            max_nlqf: max_nlqf
                .map(|n| vocabulary(py, "max_nlqf", n.into()))
                .transpose()?,
            include_important,
        };
        let person = PersonInput::new(py, profile, skills)?;
        let route = self.run(py, |inner| {
            let scorer = vaardig_service::labelled(&inner.scorer, lang.as_deref())?;
            let p = person.build(inner)?;
            Ok(vaardig_service::route(&scorer, &p, &query)?)
        })?;
        to_py(py, &route)
    }

    /// The whole advice — transitions, the gap to the target, learning rights and the route —
    /// as `vaardig advies --json`; `lang` as in [`gap`](Self::gap).
    #[pyo3(signature = (
        profile, *, skills = None, to = None, limit = 5, shortage_only = false,
        scheme = "leerrechten", optimise = "hours", lang = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn advise<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&Bound<'py, PyAny>>,
        skills: Option<Vec<String>>,
        to: Option<String>,
        limit: usize,
        shortage_only: bool,
        scheme: &str,
        optimise: &str,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = AdviceQuery {
            to,
            limit,
            shortage_only,
            scheme: scheme.to_owned(),
            optimise: vocabulary(py, "optimise", optimise.into())?,
        };
        let person = PersonInput::new(py, profile, skills)?;
        let advice = self.run(py, |inner| {
            let scorer = vaardig_service::labelled(&inner.scorer, lang.as_deref())?;
            let p = person.build(inner)?;
            Ok(vaardig_service::advise(&scorer, &p, &query)?)
        })?;
        to_py(py, &advice)
    }

    /// Transitions from many occupations at once (all of them by default) as a long
    /// `pyarrow.Table`: one row per (source, transition), columns `source, rank, occupation,
    /// label, score, relatedness, reachability, gap_hours, shortage`, `rank` from 1. The
    /// sources are answered in parallel; an unknown id raises `UnknownIdError`. Needs pyarrow.
    #[pyo3(signature = (occupations = None, limit = 10))]
    fn transitions_table<'py>(
        &self,
        py: Python<'py>,
        occupations: Option<Vec<String>>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let columns = self.transitions_columns(py, occupations, limit)?;
        py.import("pyarrow")?.call_method1("table", (columns,))
    }

    /// The columns of `transitions_table` as a dict of lists (no pyarrow needed).
    #[pyo3(signature = (occupations = None, limit = 10))]
    fn transitions_columns<'py>(
        &self,
        py: Python<'py>,
        occupations: Option<Vec<String>>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let columns = self.run(py, |inner| {
            let ids: Vec<String> = match occupations {
                Some(ids) => ids,
                None => inner
                    .ontology
                    .concepts(ConceptKind::Occupation)
                    .map(|(_, c)| c.id.clone())
                    .collect(),
            };
            let query = TransitionsQuery {
                limit,
                ..TransitionsQuery::default()
            };
            let options = query.options()?;
            let sources: Vec<TransitionSource> = ids
                .iter()
                .cloned()
                .map(TransitionSource::Occupation)
                .collect();
            let mut columns = Columns::default();
            for (id, answer) in ids
                .iter()
                .zip(inner.scorer.ranked_transitions_batch(&sources, &options))
            {
                let t = answer.map_err(ServiceError::from)?;
                for (rank, item) in t.items.iter().enumerate() {
                    columns.source.push(id.clone());
                    columns.rank.push(rank + 1);
                    columns.occupation.push(item.occupation.id.to_string());
                    columns.label.push(item.occupation.label.to_string());
                    columns.score.push(item.score);
                    columns.relatedness.push(item.relatedness);
                    columns.reachability.push(item.reachability.score);
                    columns.gap_hours.push(item.gap_hours);
                    columns.shortage.push(item.shortage);
                }
            }
            Ok(columns)
        })?;
        let dict = PyDict::new(py);
        dict.set_item("source", PyList::new(py, columns.source)?)?;
        dict.set_item("rank", PyList::new(py, columns.rank)?)?;
        dict.set_item("occupation", PyList::new(py, columns.occupation)?)?;
        dict.set_item("label", PyList::new(py, columns.label)?)?;
        dict.set_item("score", PyList::new(py, columns.score)?)?;
        dict.set_item("relatedness", PyList::new(py, columns.relatedness)?)?;
        dict.set_item("reachability", PyList::new(py, columns.reachability)?)?;
        dict.set_item("gap_hours", PyList::new(py, columns.gap_hours)?)?;
        dict.set_item("shortage", PyList::new(py, columns.shortage)?)?;
        Ok(dict.into_any())
    }

    /// Transitions for a whole caseload as one long `pyarrow.Table`: `profiles` is a
    /// `pyarrow.Table` or `RecordBatch` with one row per person (`person`, `skills` as
    /// list<struct<id, level, evidence>>, optional `age`, `nlqf`, `current_occupation`); the
    /// answer has one row per (person, transition) — `person, rank, occupation, label, score,
    /// relatedness, reachability, gap_hours, cost_eur` — in input order, then rank from 1.
    /// Runs without the GIL on every core. A bad row raises `ProfileError` naming the row and
    /// field; an unknown occupation in `occupations` raises `UnknownIdError`. Needs pyarrow.
    #[pyo3(signature = (profiles, occupations = None, limit = 10))]
    fn score_profiles<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        occupations: Option<Vec<String>>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let columns = batch::ProfileColumns::read(py, profiles)?;
        let inner = Arc::clone(&self.inner);
        let answer = py.detach(move || {
            let chosen = batch::chosen_occupations(&inner.ontology, occupations.as_deref())
                .map_err(BatchFailure::Service)?;
            let people = columns
                .profiles(&inner.ontology)
                .map_err(BatchFailure::Row)?;
            batch::score(&inner.scorer, people, chosen.as_ref(), limit)
                .map_err(BatchFailure::Service)
        });
        match answer {
            Ok(c) => c.into_table(py),
            Err(BatchFailure::Row(e)) => Err(e.into_py(py)),
            Err(BatchFailure::Service(e)) => Err(error::service(py, &e)),
        }
    }

    /// What changed from this version to `other`, as the `diff` of `vaardig diff THIS OTHER
    /// --json`: concepts added, removed, remapped, relabelled, moved; relations added, removed,
    /// re-weighted; the id mappings proposed. `mapping` is a CSV of `old_id,new_id` pairs to
    /// apply (`--mapping`); `propose` and `accept` as `--no-propose` and `--accept`.
    #[pyo3(signature = (other, *, mapping = None, propose = true, accept = 0.85))]
    fn diff<'py>(
        &self,
        py: Python<'py>,
        other: &Ontology,
        mapping: Option<PathBuf>,
        propose: bool,
        accept: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.compare(py, other, mapping, propose, accept)?.diff(py)
    }

    /// This version and `other` with their diff computed once, to ask for the diff and the
    /// impact on any number of caseloads (`Comparison.diff()`, `.impact(profiles)`,
    /// `.impact_report(profiles)`). Options as `diff`.
    #[pyo3(signature = (other, *, mapping = None, propose = true, accept = 0.85))]
    fn compare(
        &self,
        py: Python<'_>,
        other: &Ontology,
        mapping: Option<PathBuf>,
        propose: bool,
        accept: f64,
    ) -> PyResult<versions::Comparison> {
        let options = versions::diff_options(py, mapping, propose, accept)?;
        versions::Comparison::new(
            py,
            Arc::clone(&self.inner),
            Arc::clone(&other.inner),
            &options,
        )
    }

    /// The impact of moving from this version to `other` on a caseload, as one long
    /// `pyarrow.Table`. `profiles` is a profile table as `score_profiles` takes it. Per person,
    /// in input order: one row per occupation of the old top `top` (old rank order; `change`
    /// `kept` or `left`), then one per occupation that entered the new top `top` (new rank
    /// order; `entered`), then the current occupation (`current`) when both versions have it.
    /// Columns: `person, occupation` (old id; the new id for an occupation only `other` has),
    /// `label, new_occupation` (null: removed), `change, rank_before, rank_after` (1-based; null
    /// when not in that ranking's first 100, or not measured), `gap_before, gap_after` (the gap
    /// score, share of requirements held; measured for the old top and the current
    /// occupation), `overlap, kendall_tau` (the person's, repeated). The numbers are those of
    /// `vaardig diff THIS OTHER --profiles FILE --json`; computed on every core without the GIL.
    #[pyo3(signature = (other, profiles, top = 10, *, mapping = None, propose = true, accept = 0.85))]
    #[allow(clippy::too_many_arguments)]
    fn impact<'py>(
        &self,
        py: Python<'py>,
        other: &Ontology,
        profiles: &Bound<'py, PyAny>,
        top: usize,
        mapping: Option<PathBuf>,
        propose: bool,
        accept: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let comparison = self.compare(py, other, mapping, propose, accept)?;
        comparison.impact(py, profiles, top)
    }

    /// The quality report of this version, as `vaardig report DIR --json`: label completeness
    /// per language, synonyms, hierarchy depth and fan-out, skills no occupation requires,
    /// occupations with fewer than `few_essential` essential skills, offers teaching nothing
    /// (required), isolated concepts.
    /// `lang` (a language the ontology declares other than Dutch and English, e.g. `"de"`) lists
    /// the concepts with their labels in it, as `--lang`.
    #[pyo3(signature = (few_essential = 3, *, lang = None))]
    fn quality_report<'py>(
        &self,
        py: Python<'py>,
        few_essential: usize,
        lang: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let inner = Arc::clone(&self.inner);
        let label_language = match lang.as_deref() {
            None => None,
            Some(tag) => vaardig_score::third_language(&inner.ontology, tag)
                .map_err(|e| error::service(py, &ServiceError::from(e)))?,
        };
        let report = py.detach(move || {
            vaardig_diff::QualityReport::of(
                &inner.ontology,
                &vaardig_diff::QualityOptions {
                    few_essential,
                    label_language,
                },
            )
        });
        to_py(py, &report)
    }

    pub(crate) fn __repr__(&self) -> String {
        let occupations = self
            .inner
            .ontology
            .concepts(ConceptKind::Occupation)
            .count();
        let skills = self.inner.ontology.concepts(ConceptKind::Skill).count();
        format!("Ontology({occupations} occupations, {skills} skills)")
    }
}

/// The columns of `transitions_columns`.
#[derive(Default)]
struct Columns {
    source: Vec<String>,
    rank: Vec<usize>,
    occupation: Vec<String>,
    label: Vec<String>,
    score: Vec<f64>,
    relatedness: Vec<f64>,
    reachability: Vec<f64>,
    gap_hours: Vec<f64>,
    shortage: Vec<bool>,
}
