//! `Ontology.score_profiles`: a table of people in, a long table of their transitions out.
//!
//! The columns are read from pyarrow while the GIL is held (flat lists, one call per column);
//! everything after that — checking each row into a [`Profile`] through the shared
//! [`Person::build`], ranking through [`Scorer::ranked_transitions_batch`] on every core (the
//! ranking of `transitions`, without the explanations the table has no column for) — runs without
//! the GIL. The answer's columns are handed to pyarrow as raw Arrow buffers ([`crate::arrow`]).
//!
//! A bad row stops the call with a `ProfileError` naming the row (0-based, as pyarrow counts),
//! the person and the field (`skills[2].level`), with `.row` and `.field` set on the exception.

use std::collections::HashSet;

use pyo3::prelude::*;
use vaardig_core::{Level, Nlqf};
use vaardig_score::{Evidence, Profile, ProfileError, ProfileSkill, Scorer, TransitionSource};
use vaardig_service::{Person, PersonError, ServiceError, SkillResolver, TransitionsQuery};

use crate::arrow::{f64_array, i64_array, string_array};
use crate::error;

/// Why one row of the profile table could not become a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The row, 0-based.
    pub row: usize,
    /// The row's `person` value, when it has one.
    pub person: Option<String>,
    /// The field, e.g. `skills[2].level`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.person {
            Some(p) => write!(
                f,
                "profiles row {} (person `{p}`), field `{}`: {}",
                self.row, self.field, self.message
            ),
            None => write!(
                f,
                "profiles row {}, field `{}`: {}",
                self.row, self.field, self.message
            ),
        }
    }
}

impl RowError {
    /// The Python exception: a `ProfileError` (code `invalid_profile`) with `.row` and `.field`.
    pub fn into_py(self, py: Python<'_>) -> PyErr {
        let err = error::with_code(
            py,
            error::ProfileError::new_err(self.to_string()),
            "invalid_profile",
        );
        // A failed setattr only loses the attribute; the message names row and field too.
        let _ = err.value(py).setattr("row", self.row);
        let _ = err.value(py).setattr("field", self.field.as_str());
        err
    }
}

/// The input table's columns as plain Rust values, read while the GIL is held.
pub struct ProfileColumns {
    person: Vec<Option<String>>,
    /// Skills per row (`None`: a null list, read as no skills).
    skill_count: Vec<Option<usize>>,
    /// Whether each flattened skill is null (empty when none is).
    skill_null: Vec<bool>,
    skill_id: Vec<Option<String>>,
    skill_level: Option<Vec<Option<i64>>>,
    skill_evidence: Vec<Option<String>>,
    age: Option<Vec<Option<i64>>>,
    nlqf: Option<Vec<Option<i64>>>,
    current_occupation: Option<Vec<Option<String>>>,
}

/// A column of `table` as one pyarrow Array (chunks combined), or `None` when it is absent.
fn column<'py>(table: &Bound<'py, PyAny>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let index: i64 = table
        .getattr("schema")?
        .call_method1("get_field_index", (name,))?
        .extract()?;
    if index < 0 {
        return Ok(None);
    }
    let col = table.call_method1("column", (name,))?;
    if col.hasattr("combine_chunks")? {
        return Ok(Some(col.call_method0("combine_chunks")?));
    }
    Ok(Some(col))
}

/// The values of `array` as Rust values; a wrong Arrow type is an error naming the column.
fn values<'py, T>(
    py: Python<'py>,
    array: &Bound<'py, PyAny>,
    name: &str,
    expected: &str,
) -> PyResult<Vec<Option<T>>>
where
    Vec<Option<T>>: FromPyObjectOwned<'py>,
{
    let list = array.call_method0("to_pylist")?;
    list.extract().map_err(|_| {
        let found = array
            .getattr("type")
            .and_then(|t| t.str())
            .map(|s| s.to_string())
            .unwrap_or_else(|_| "another type".into());
        error::invalid(
            py,
            format!("profiles column `{name}` must hold {expected}, not {found}"),
        )
    })
}

impl ProfileColumns {
    /// Reads a `pyarrow.Table` or `pyarrow.RecordBatch`: `person` (string) and `skills`
    /// (list<struct<id: string, level: int, evidence: string>>) are required; `age`, `nlqf` and
    /// `current_occupation` are optional; other columns are ignored.
    pub fn read(py: Python<'_>, table: &Bound<'_, PyAny>) -> PyResult<ProfileColumns> {
        if !table.hasattr("schema")? || !table.hasattr("column")? {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "profiles must be a pyarrow.Table or pyarrow.RecordBatch",
            ));
        }
        let required = |name: &str| {
            column(table, name)?
                .ok_or_else(|| error::invalid(py, format!("profiles has no column `{name}`")))
        };
        let person = values(py, &required("person")?, "person", "strings")?;
        let skills = required("skills")?;
        if !skills.hasattr("flatten")? || !skills.hasattr("value_lengths")? {
            return Err(error::invalid(
                py,
                "profiles column `skills` must be a list of structs",
            ));
        }
        let skill_count: Vec<Option<usize>> = values(
            py,
            &skills.call_method0("value_lengths")?,
            "skills",
            "lists",
        )?;
        let flat = skills.call_method0("flatten")?;
        if !flat.hasattr("field")? {
            return Err(error::invalid(
                py,
                "profiles column `skills` must be a list of structs (id, level, evidence)",
            ));
        }
        let null_count: usize = flat.getattr("null_count")?.extract()?;
        let skill_null: Vec<bool> = if null_count > 0 {
            flat.call_method0("is_null")?
                .call_method0("to_pylist")?
                .extract()?
        } else {
            Vec::new()
        };
        let struct_type = flat.getattr("type")?;
        let field = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            let i: i64 = struct_type
                .call_method1("get_field_index", (name,))?
                .extract()?;
            if i < 0 {
                return Ok(None);
            }
            Ok(Some(flat.call_method1("field", (name,))?))
        };
        let skill_field = |name: &str| {
            field(name)?.ok_or_else(|| {
                error::invalid(
                    py,
                    format!("profiles column `skills` has no struct field `{name}`"),
                )
            })
        };
        let skill_id = values(py, &skill_field("id")?, "skills.id", "strings")?;
        let skill_evidence = values(py, &skill_field("evidence")?, "skills.evidence", "strings")?;
        let skill_level = field("level")?
            .map(|a| values(py, &a, "skills.level", "integers"))
            .transpose()?;
        let optional_int = |name: &str| {
            column(table, name)?
                .map(|a| values(py, &a, name, "integers"))
                .transpose()
        };
        let age = optional_int("age")?;
        let nlqf = optional_int("nlqf")?;
        let current_occupation = column(table, "current_occupation")?
            .map(|a| values(py, &a, "current_occupation", "strings"))
            .transpose()?;
        let total: usize = skill_count.iter().map(|n| n.unwrap_or(0)).sum();
        if total != skill_id.len() {
            return Err(error::invalid(
                py,
                format!(
                    "profiles column `skills`: {total} skills in the lists but {} flattened",
                    skill_id.len()
                ),
            ));
        }
        Ok(ProfileColumns {
            person,
            skill_count,
            skill_null,
            skill_id,
            skill_level,
            skill_evidence,
            age,
            nlqf,
            current_occupation,
        })
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.person.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
    }

    /// Every row as a checked profile (through the shared [`Person::build`]), with its person
    /// id, in row order; the first bad row is the error.
    pub fn profiles(
        &self,
        ontology: &vaardig_core::Ontology,
    ) -> Result<Vec<(String, Profile)>, RowError> {
        let resolver = SkillResolver::new(ontology);
        let mut out = Vec::with_capacity(self.len());
        let mut next_skill = 0usize;
        for row in 0..self.len() {
            let count = self.skill_count[row].unwrap_or(0);
            let first = next_skill;
            next_skill += count;
            let bad = |field: String, message: String| RowError {
                row,
                person: self.person[row].clone(),
                field,
                message,
            };
            let person = self.person[row]
                .clone()
                .ok_or_else(|| bad("person".into(), "is null".into()))?;
            let mut skills = Vec::with_capacity(count);
            for (i, k) in (first..first + count).enumerate() {
                let name = |part: &str| format!("skills[{i}]{part}");
                if self.skill_null.get(k).copied().unwrap_or(false) {
                    return Err(bad(name(""), "is null".into()));
                }
                let id = self.skill_id[k]
                    .clone()
                    .ok_or_else(|| bad(name(".id"), "is null".into()))?;
                let evidence: Evidence = match &self.skill_evidence[k] {
                    None => return Err(bad(name(".evidence"), "is null".into())),
                    Some(e) => serde_json::from_value(e.as_str().into())
                        .map_err(|m| bad(name(".evidence"), format!("`{e}`: {m}")))?,
                };
                let level = match self.skill_level.as_ref().and_then(|l| l[k]) {
                    None => None,
                    Some(n) => Some(
                        n.to_string()
                            .parse::<Level>()
                            .map_err(|e| bad(name(".level"), e.to_string()))?,
                    ),
                };
                let mut skill = ProfileSkill::new(id, evidence);
                skill.level = level;
                skills.push(skill);
            }
            let age = match self.age.as_ref().and_then(|a| a[row]) {
                None => None,
                Some(n) => Some(
                    u8::try_from(n)
                        .map_err(|_| bad("age".into(), format!("{n} is not an age in years")))?,
                ),
            };
            let nlqf = match self.nlqf.as_ref().and_then(|a| a[row]) {
                None => None,
                Some(n) => Some(
                    n.to_string()
                        .parse::<Nlqf>()
                        .map_err(|e| bad("nlqf".into(), e.to_string()))?,
                ),
            };
            let profile = Profile {
                skills,
                age,
                nlqf,
                current_occupation: self
                    .current_occupation
                    .as_ref()
                    .and_then(|c| c[row].clone()),
                ..Profile::default()
            };
            let person_in = Person {
                profile: Some(profile),
                skills: Vec::new(),
            };
            let checked = person_in
                .build(ontology, &resolver)
                .map_err(|e| person_error(&e, &bad))?;
            out.push((person, checked));
        }
        Ok(out)
    }
}

/// A [`PersonError`] of one row as a [`RowError`] naming the profile's field.
fn person_error(e: &PersonError, bad: &dyn Fn(String, String) -> RowError) -> RowError {
    match e {
        PersonError::Profile(ProfileError::UnknownId { field, id }) => {
            bad(field.clone(), format!("unknown id `{id}`"))
        }
        PersonError::Profile(ProfileError::WrongKind {
            field,
            id,
            expected,
            found,
        }) => bad(
            field.clone(),
            format!("`{id}` is a {found}, expected {expected}"),
        ),
        PersonError::Profile(ProfileError::Value { field, message }) => {
            bad(field.clone(), message.clone())
        }
        other => bad("profile".into(), other.to_string()),
    }
}

/// The long answer: one row per (person, transition).
#[derive(Default)]
pub struct ScoreColumns {
    person: Vec<String>,
    rank: Vec<i64>,
    occupation: Vec<String>,
    label: Vec<String>,
    score: Vec<f64>,
    relatedness: Vec<f64>,
    reachability: Vec<f64>,
    gap_hours: Vec<f64>,
    cost_eur: Vec<f64>,
}

/// The occupation ids of `occupations` (ids, URIs or exact labels), checked; `None` for all.
pub fn chosen_occupations(
    ontology: &vaardig_core::Ontology,
    occupations: Option<&[String]>,
) -> Result<Option<HashSet<String>>, ServiceError> {
    let Some(given) = occupations else {
        return Ok(None);
    };
    let resolver = SkillResolver::occupations(ontology);
    let mut ids = HashSet::with_capacity(given.len());
    for o in given {
        ids.insert(resolver.resolve(o).map_err(ServiceError::from)?);
    }
    Ok(Some(ids))
}

/// Ranks every person's transitions on every core and lays them out as [`ScoreColumns`]: rows
/// in input order, then rank (1 = best; ties broken by occupation id in the library). With
/// `chosen`, only those occupations are scored and ranked, the best `limit` of them kept.
pub fn score(
    scorer: &Scorer,
    people: Vec<(String, Profile)>,
    chosen: Option<&HashSet<String>>,
    limit: usize,
) -> Result<ScoreColumns, ServiceError> {
    let query = TransitionsQuery {
        limit,
        ..TransitionsQuery::default()
    };
    let mut options = query.options()?;
    if let Some(set) = chosen {
        // Only the chosen occupations are scored (ids sorted: the same input, the same work).
        let mut ids: Vec<String> = set.iter().cloned().collect();
        ids.sort();
        options.only = Some(ids);
    }
    let (ids, sources): (Vec<String>, Vec<TransitionSource>) = people
        .into_iter()
        .map(|(id, p)| (id, TransitionSource::Profile(p)))
        .unzip();
    let answers = scorer.ranked_transitions_batch(&sources, &options);
    let mut c = ScoreColumns::default();
    for (person, answer) in ids.iter().zip(answers) {
        let t = answer.map_err(ServiceError::from)?;
        for (rank, item) in t.items.iter().enumerate() {
            c.person.push(person.clone());
            c.rank.push(i64::try_from(rank + 1).unwrap_or(i64::MAX));
            c.occupation.push(item.occupation.id.to_string());
            c.label.push(item.occupation.label.to_string());
            c.score.push(item.score);
            c.relatedness.push(item.relatedness);
            c.reachability.push(item.reachability.score);
            c.gap_hours.push(item.gap_hours);
            c.cost_eur.push(item.cost_eur);
        }
    }
    Ok(c)
}

impl ScoreColumns {
    /// The answer as a `pyarrow.Table` with a fixed schema (also when it has no rows).
    pub fn into_table<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pa = py.import("pyarrow")?;
        let arrays = vec![
            string_array(py, &pa, "person", &self.person)?,
            i64_array(py, &pa, &self.rank)?,
            string_array(py, &pa, "occupation", &self.occupation)?,
            string_array(py, &pa, "label", &self.label)?,
            f64_array(py, &pa, &self.score)?,
            f64_array(py, &pa, &self.relatedness)?,
            f64_array(py, &pa, &self.reachability)?,
            f64_array(py, &pa, &self.gap_hours)?,
            f64_array(py, &pa, &self.cost_eur)?,
        ];
        let names = [
            "person",
            "rank",
            "occupation",
            "label",
            "score",
            "relatedness",
            "reachability",
            "gap_hours",
            "cost_eur",
        ];
        crate::arrow::table(py, &pa, &names, arrays)
    }
}
