//! vaardig's own endpoints: `POST /extract /gap /transitions /route /rights /advies` (a JSON
//! body in, the JSON `vaardig … --json` prints out), `GET /diff`, `GET /healthz`,
//! `GET /versions`. Every computation runs on the blocking pool, so a long ranking does not
//! hold up the requests around it.

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;
use vaardig_score::Profile;
use vaardig_service::request::split;
use vaardig_service::{
    AdviceQuery, GapQuery, Person, RightsQuery, RouteQuery, ServiceError, SkillResolver,
    TransitionsQuery,
};

use crate::body;
use crate::catalog::Version;
use crate::error::ApiError;
use crate::state::AppState;

/// `?version=` on every endpoint.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct VersionParam {
    pub version: Option<String>,
}

pub(crate) fn version_of(
    q: Result<Query<VersionParam>, QueryRejection>,
) -> Result<Option<String>, ApiError> {
    q.map(|Query(p)| p.version)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// Runs `f` on the blocking pool and serialises its answer in the library's field order (the
/// bytes `vaardig … --json` prints, without the pretty-printing).
pub(crate) async fn blocking<T, F>(f: F) -> Result<Response, ApiError>
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    let internal = |m: String| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", m);
    let bytes = tokio::task::spawn_blocking(move || {
        f().and_then(|answer| serde_json::to_vec(&answer).map_err(|e| internal(e.to_string())))
    })
    .await
    .map_err(|_| internal("the computation failed".into()))??;
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes).into_response())
}

/// An occupation named by id, URI or label, as its id.
fn occupation(v: &Version, text: &str) -> Result<String, ApiError> {
    let resolver = SkillResolver::occupations(&v.ontology).searching_with(v.searcher.clone());
    Ok(resolver.resolve(text).map_err(ServiceError::from)?)
}

fn profile(v: &Version, person: Person) -> Result<Profile, ApiError> {
    let resolver = SkillResolver::with_searcher(&v.ontology, v.searcher.clone());
    Ok(person
        .build(&v.ontology, &resolver)
        .map_err(ServiceError::from)?)
}

/// The body of `POST /extract`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractBody {
    text: String,
}

/// `POST /extract {"text": "..."}` → the mentions, as `vaardig extract --json`.
pub(crate) async fn extract(
    State(s): State<AppState>,
    q: Result<Query<VersionParam>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let v = s.version(version_of(q)?.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let b: ExtractBody =
            serde_json::from_value(value).map_err(|e| ApiError::bad_request(e.to_string()))?;
        Ok(vaardig_service::extract(&v.searcher, &b.text))
    })
    .await
}

/// `POST /gap {profile, skills, occupation}` → as `vaardig gap --json`.
pub(crate) async fn gap(
    State(s): State<AppState>,
    q: Result<Query<VersionParam>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let v = s.version(version_of(q)?.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let (person, query): (Person, GapQuery) = split(value)?;
        let p = profile(&v, person)?;
        let occ = occupation(&v, &query.occupation)?;
        Ok(v.scorer.gap(&p, &occ).map_err(ServiceError::from)?)
    })
    .await
}

/// `POST /transitions {profile, skills | from, limit, ...}` → as `vaardig transitions --json`.
pub(crate) async fn transitions(
    State(s): State<AppState>,
    q: Result<Query<VersionParam>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let v = s.version(version_of(q)?.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let (person, query): (Person, TransitionsQuery) = split(value)?;
        let options = query.options()?;
        let result = match &query.from {
            Some(occ) => {
                if person != Person::default() {
                    return Err(ApiError::bad_request(
                        "give either `from` or a person (`profile`, `skills`), not both",
                    ));
                }
                v.scorer.transitions_from(&occupation(&v, occ)?, &options)
            }
            None => v.scorer.transitions(&profile(&v, person)?, &options),
        }
        .map_err(ServiceError::from)?;
        Ok(result.items)
    })
    .await
}

/// `POST /route {profile, skills, to, scheme, optimise, max_nlqf, include_important}` → as
/// `vaardig route --json`.
pub(crate) async fn route(
    State(s): State<AppState>,
    q: Result<Query<VersionParam>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let v = s.version(version_of(q)?.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let (person, mut query): (Person, RouteQuery) = split(value)?;
        query.to = occupation(&v, &query.to)?;
        let p = profile(&v, person)?;
        Ok(vaardig_service::route(&v.scorer, &p, &query)?)
    })
    .await
}

/// `POST /rights {age, nlqf, used_eur}` → as `vaardig rights --json`.
pub(crate) async fn rights(State(s): State<AppState>, body: Body) -> Result<Response, ApiError> {
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let query: RightsQuery =
            serde_json::from_value(value).map_err(|e| ApiError::bad_request(e.to_string()))?;
        Ok(vaardig_service::rights(&query)?)
    })
    .await
}

/// `POST /advies {profile, skills, to, limit, shortage_only, scheme, optimise}` → as
/// `vaardig advies --json`.
pub(crate) async fn advice(
    State(s): State<AppState>,
    q: Result<Query<VersionParam>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let v = s.version(version_of(q)?.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let (person, mut query): (Person, AdviceQuery) = split(value)?;
        query.to = query.to.map(|t| occupation(&v, &t)).transpose()?;
        let p = profile(&v, person)?;
        Ok(vaardig_service::advise(&v.scorer, &p, &query)?)
    })
    .await
}

/// `?from=&to=` of `GET /diff`.
#[derive(Debug, Deserialize)]
pub(crate) struct DiffParams {
    from: String,
    to: String,
}

/// `GET /diff?from=A&to=B`: what changed between two loaded versions.
pub(crate) async fn diff(
    State(s): State<AppState>,
    q: Result<Query<DiffParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let old = s.version(Some(&p.from))?;
    let new = s.version(Some(&p.to))?;
    blocking(move || Ok(vaardig_diff::diff(&old.ontology, &new.ontology))).await
}

/// `GET /healthz`: `{"status": "ok", "default_version": ..., "versions": [...]}`.
pub(crate) async fn healthz(State(s): State<AppState>) -> Json<Value> {
    let catalog = s.versions.current();
    Json(serde_json::json!({
        "status": "ok",
        "default_version": catalog.default_name(),
        "versions": catalog.names().collect::<Vec<_>>(),
    }))
}

/// `GET /versions`: each loaded version with its manifest name and concept count.
pub(crate) async fn versions(State(s): State<AppState>) -> Json<Value> {
    let catalog = s.versions.current();
    let list: Vec<Value> = catalog
        .names()
        .filter_map(|n| catalog.get(Some(n)))
        .map(|v| {
            serde_json::json!({
                "version": v.name,
                "name": v.ontology.manifest().name,
                "concepts": v.ontology.len(),
                "default": v.name == catalog.default_name(),
            })
        })
        .collect();
    Json(Value::Array(list))
}
