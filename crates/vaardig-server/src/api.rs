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
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use vaardig_score::{Gap, Profile, Route, Transition};
use vaardig_service::request::split;
use vaardig_service::{
    Advice, AdviceQuery, Extracted, GapQuery, Person, RightsAnswer, RightsQuery, RouteQuery,
    ServiceError, SkillResolver, TransitionsQuery,
};

use crate::body;
use crate::catalog::Version;
use crate::error::{ApiError, ErrorBody};
use crate::openapi::QuestionErrors;
use crate::state::AppState;

/// `?version=` on every endpoint.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct VersionParam {
    /// The ontology version to answer from (default: the first loaded; see `/versions`).
    pub version: Option<String>,
}

pub(crate) fn version_of(
    q: Result<Query<VersionParam>, QueryRejection>,
) -> Result<Option<String>, ApiError> {
    q.map(|Query(p)| p.version)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// `?version=&lang=` on the questions whose answers carry labels (`/gap /transitions /route
/// /advies`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct QuestionParams {
    /// The ontology version to answer from (default: the first loaded; see `/versions`).
    pub version: Option<String>,
    /// Labels also in this language, as `label_other` beside `label` and `label_en`: a BCP 47
    /// tag the ontology declares, e.g. `de` (as `vaardig … --lang`; default: Dutch and English
    /// only). A language it does not declare is `unknown_language`.
    pub lang: Option<String>,
}

fn question_of(
    q: Result<Query<QuestionParams>, QueryRejection>,
) -> Result<QuestionParams, ApiError> {
    q.map(|Query(p)| p)
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
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExtractBody {
    /// Free text, e.g. a CV.
    text: String,
}

/// The body of `POST /gap`: the person (`profile` and/or `skills`) and the question.
/// (Described for the OpenAPI document; the handler splits the JSON with
/// [`vaardig_service::request::split`], which refuses unknown fields.)
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "a schema of the request body, read by utoipa only"
)]
pub(crate) struct GapBody {
    #[serde(flatten)]
    person: Person,
    #[serde(flatten)]
    query: GapQuery,
}

/// The body of `POST /transitions`: a person, or `from` (an occupation), and the options.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "a schema of the request body, read by utoipa only"
)]
pub(crate) struct TransitionsBody {
    #[serde(flatten)]
    person: Person,
    #[serde(flatten)]
    query: TransitionsQuery,
}

/// The body of `POST /route`: the person, the target and the constraints.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "a schema of the request body, read by utoipa only"
)]
pub(crate) struct RouteBody {
    #[serde(flatten)]
    person: Person,
    #[serde(flatten)]
    query: RouteQuery,
}

/// The body of `POST /advies`: the person and the options of the whole advice.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "a schema of the request body, read by utoipa only"
)]
pub(crate) struct AdviceBody {
    #[serde(flatten)]
    person: Person,
    #[serde(flatten)]
    query: AdviceQuery,
}

/// `POST /extract {"text": "..."}` → the mentions, as `vaardig extract --json`.
#[utoipa::path(
    post,
    path = "/extract",
    tag = "vaardig",
    summary = "Skill and occupation mentions in free text",
    params(VersionParam),
    request_body = ExtractBody,
    responses((status = 200, description = "As `vaardig extract --json`, in text order.", body = Vec<Extracted>), QuestionErrors)
)]
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
#[utoipa::path(
    post,
    path = "/gap",
    tag = "vaardig",
    summary = "The gap between a person and one occupation",
    params(QuestionParams),
    request_body = GapBody,
    responses((status = 200, description = "As `vaardig gap --json`.", body = Gap), QuestionErrors)
)]
pub(crate) async fn gap(
    State(s): State<AppState>,
    q: Result<Query<QuestionParams>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let params = question_of(q)?;
    let v = s.version(params.version.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let scorer = vaardig_service::labelled(&v.scorer, params.lang.as_deref())?;
        let (person, query): (Person, GapQuery) = split(value)?;
        let p = profile(&v, person)?;
        let occ = occupation(&v, &query.occupation)?;
        Ok(scorer.gap(&p, &occ).map_err(ServiceError::from)?)
    })
    .await
}

/// `POST /transitions {profile, skills | from, limit, ...}` → as `vaardig transitions --json`.
#[utoipa::path(
    post,
    path = "/transitions",
    tag = "vaardig",
    summary = "Occupations within reach, ranked and explained",
    params(QuestionParams),
    request_body = TransitionsBody,
    responses((status = 200, description = "As `vaardig transitions --json`, best first.", body = Vec<Transition>), QuestionErrors)
)]
pub(crate) async fn transitions(
    State(s): State<AppState>,
    q: Result<Query<QuestionParams>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let params = question_of(q)?;
    let v = s.version(params.version.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let scorer = vaardig_service::labelled(&v.scorer, params.lang.as_deref())?;
        let (person, query): (Person, TransitionsQuery) = split(value)?;
        let options = query.options()?;
        let result = match &query.from {
            Some(occ) => {
                if person != Person::default() {
                    return Err(ApiError::bad_request(
                        "give either `from` or a person (`profile`, `skills`), not both",
                    ));
                }
                scorer.transitions_from(&occupation(&v, occ)?, &options)
            }
            None => scorer.transitions(&profile(&v, person)?, &options),
        }
        .map_err(ServiceError::from)?;
        Ok(result.items)
    })
    .await
}

/// `POST /route {profile, skills, to, scheme, optimise, max_nlqf, include_important}` → as
/// `vaardig route --json`.
#[utoipa::path(
    post,
    path = "/route",
    tag = "vaardig",
    summary = "The courses that close the gap to a target",
    params(QuestionParams),
    request_body = RouteBody,
    responses((status = 200, description = "As `vaardig route --json`.", body = Route), QuestionErrors)
)]
pub(crate) async fn route(
    State(s): State<AppState>,
    q: Result<Query<QuestionParams>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let params = question_of(q)?;
    let v = s.version(params.version.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let scorer = vaardig_service::labelled(&v.scorer, params.lang.as_deref())?;
        let (person, mut query): (Person, RouteQuery) = split(value)?;
        query.to = occupation(&v, &query.to)?;
        let p = profile(&v, person)?;
        Ok(vaardig_service::route(&scorer, &p, &query)?)
    })
    .await
}

/// `POST /rights {age, nlqf, used_eur}` → as `vaardig rights --json`.
#[utoipa::path(
    post,
    path = "/rights",
    tag = "vaardig",
    summary = "Learning rights (leerrechten)",
    request_body = RightsQuery,
    responses((status = 200, description = "As `vaardig rights --json`.", body = RightsAnswer), QuestionErrors)
)]
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
#[utoipa::path(
    post,
    path = "/advies",
    tag = "vaardig",
    summary = "The whole advice: transitions, gap, learning rights, route",
    params(QuestionParams),
    request_body = AdviceBody,
    responses((status = 200, description = "As `vaardig advies --json`.", body = Advice), QuestionErrors)
)]
pub(crate) async fn advice(
    State(s): State<AppState>,
    q: Result<Query<QuestionParams>, QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let params = question_of(q)?;
    let v = s.version(params.version.as_deref())?;
    let value = body::json(body, &s.limits).await?;
    blocking(move || {
        let scorer = vaardig_service::labelled(&v.scorer, params.lang.as_deref())?;
        let (person, mut query): (Person, AdviceQuery) = split(value)?;
        query.to = query.to.map(|t| occupation(&v, &t)).transpose()?;
        let p = profile(&v, person)?;
        Ok(vaardig_service::advise(&scorer, &p, &query)?)
    })
    .await
}

/// `?from=&to=` of `GET /diff`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DiffParams {
    /// The old version (a name from `/versions`).
    from: String,
    /// The new version.
    to: String,
}

/// `GET /diff?from=A&to=B`: what changed between two loaded versions.
#[utoipa::path(
    get,
    path = "/diff",
    tag = "vaardig",
    summary = "What changed between two loaded versions",
    params(DiffParams),
    responses(
        (status = 200, description = "As `vaardig diff --json`.", body = vaardig_diff::Diff),
        (status = 400, description = "`invalid_request`: `from` or `to` is missing.", body = ErrorBody),
        (status = 404, description = "`unknown_version`.", body = ErrorBody),
        (status = 429, description = "`overloaded`.", body = ErrorBody),
        (status = 503, description = "`timeout`.", body = ErrorBody),
    )
)]
pub(crate) async fn diff(
    State(s): State<AppState>,
    q: Result<Query<DiffParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let old = s.version(Some(&p.from))?;
    let new = s.version(Some(&p.to))?;
    blocking(move || Ok(vaardig_diff::diff(&old.ontology, &new.ontology))).await
}

/// The answer of `GET /healthz`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Health {
    /// Always `ok`.
    status: &'static str,
    /// The version answered when `?version=` is absent.
    default_version: String,
    /// Every loaded version.
    versions: Vec<String>,
}

/// `GET /healthz`: `{"status": "ok", "default_version": ..., "versions": [...]}`.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "service",
    summary = "Liveness and the loaded versions",
    responses((status = 200, description = "The service is up.", body = Health))
)]
pub(crate) async fn healthz(State(s): State<AppState>) -> Json<Health> {
    let catalog = s.versions.current();
    Json(Health {
        status: "ok",
        default_version: catalog.default_name().to_owned(),
        versions: catalog.names().map(str::to_owned).collect(),
    })
}

/// One loaded version, in `GET /versions`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct VersionEntry {
    /// The name `?version=` takes.
    version: String,
    /// The ontology's name (its manifest).
    name: String,
    /// How many concepts it has.
    concepts: usize,
    /// Whether it answers when `?version=` is absent.
    default: bool,
}

/// `GET /versions`: each loaded version with its manifest name and concept count.
#[utoipa::path(
    get,
    path = "/versions",
    tag = "service",
    summary = "The loaded ontology versions",
    responses((status = 200, description = "Every loaded version.", body = Vec<VersionEntry>))
)]
pub(crate) async fn versions(State(s): State<AppState>) -> Json<Vec<VersionEntry>> {
    let catalog = s.versions.current();
    let list = catalog
        .names()
        .filter_map(|n| catalog.get(Some(n)))
        .map(|v| VersionEntry {
            version: v.name.clone(),
            name: v.ontology.manifest().name.clone(),
            concepts: v.ontology.len(),
            default: v.name == catalog.default_name(),
        })
        .collect();
    Json(list)
}
