//! The ESCO-API-compatible lookup: `GET /search`, `/suggest2`, `/resource/occupation`,
//! `/resource/skill` (and `/resource/concept` for any kind), in ESCO's HAL-style JSON.
//!
//! Where vaardig follows ESCO: parameter names (`text`, `type`, `language`, `limit`, `offset`,
//! `full`, `uri`), `offset` as the 0-based page number of pages of `limit` results, the
//! envelope (`className`, `total`, `offset`, `limit`, `language`, `_embedded.results`,
//! `_links.self/first/prev/next`), result fields (`className`, `uri`, `title`, `searchHit`,
//! `preferredLabel`, `_links.self`) and resources (`preferredLabel`, `alternativeLabel`,
//! `description.{lang}.literal`, `_links.hasEssentialSkill` / `hasOptionalSkill` /
//! `isEssentialForOccupation` / `isOptionalForOccupation` / `broader…` / `narrower…`, with
//! `skillType` on links to skills) and `classId` as ESCO's model URI.
//!
//! The answers are typed ([`SearchPage`], [`Resource`]) so that `/openapi.json` describes
//! exactly what is sent; `tests/api/esco_shapes.rs` checks them against the shapes ESCO
//! documents.
//!
//! Where it deviates (also in the README): links are relative to the server; `type` takes one
//! value or a comma-separated list instead of repeated parameters; `total` counts at most the
//! first 1,000 hits; vaardig's third importance, *important*, is listed under
//! `hasOptionalSkill` with `"importance": "important"` on every link; concepts without a URI
//! use their vaardig id as `uri`; `selectedVersion` is spelled `version`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use vaardig_core::{ConceptKind, Importance, NodeIndex, RelationKind};
use vaardig_search::{LangFilter, SearchOptions};

use crate::catalog::Version;
use crate::error::ApiError;
use crate::openapi::LookupErrors;
use crate::state::AppState;

/// The largest page.
const MAX_PAGE: usize = 100;
/// The most hits counted in `total`.
const MAX_TOTAL: usize = 1_000;

/// The parameters of `/search` and `/suggest2`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// The text to look up (for `/suggest2`, the last word is a prefix).
    #[serde(default)]
    text: String,
    /// `occupation`, `skill`, `qualification` (vaardig's extension) or `concept`; a
    /// comma-separated list for several (default: occupations and skills).
    #[serde(default, rename = "type")]
    #[param(rename = "type")]
    kind: Option<String>,
    /// The language of titles and labels (default: the ontology's first).
    #[serde(default)]
    language: Option<String>,
    /// Page size, 1–100 (default 20).
    #[serde(default)]
    #[param(minimum = 1, maximum = 100)]
    limit: Option<usize>,
    /// The 0-based page number, as in ESCO (default 0).
    #[serde(default)]
    offset: Option<usize>,
    /// Embed each result's full resource.
    #[serde(default)]
    full: Option<bool>,
    /// The ontology version to answer from (default: the first loaded; see `/versions`).
    #[serde(default)]
    version: Option<String>,
}

/// The parameters of `/resource/*`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ResourceParams {
    /// The concept's URI or vaardig id.
    uri: String,
    /// The language of titles (default: the ontology's first).
    #[serde(default)]
    language: Option<String>,
    /// The ontology version to answer from (default: the first loaded).
    #[serde(default)]
    version: Option<String>,
}

/// A HAL link to a concept.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConceptLink {
    /// The concept's resource, relative to this server.
    href: String,
    /// The concept's URI (its vaardig id when it has none).
    uri: String,
    /// The preferred label in the asked language.
    title: String,
    /// On links to skills: ESCO's skill type URI (`…/skill-type/skill` or `…/knowledge`).
    #[serde(skip_serializing_if = "Option::is_none")]
    skill_type: Option<&'static str>,
    /// On skill–occupation links: `essential`, `important` (vaardig's third importance,
    /// listed under the optional links) or `optional`.
    #[serde(skip_serializing_if = "Option::is_none")]
    importance: Option<&'static str>,
}

/// A bare HAL link.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Href {
    /// The URL, relative to this server.
    href: String,
}

/// A text in one language, as ESCO gives descriptions.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Literal {
    /// The text.
    literal: String,
    /// Always `plain/text` (ESCO's spelling).
    mimetype: &'static str,
}

/// The links of a resource. Which relation lists appear depends on the class: occupations have
/// `hasEssentialSkill`, `hasOptionalSkill`, `broaderOccupation`, `narrowerOccupation`; skills
/// have `isEssentialForOccupation`, `isOptionalForOccupation`, `broaderSkill`,
/// `narrowerSkill`; other concepts `broaderConcept`, `narrowerConcept`.
#[derive(Debug, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ResourceLinks {
    /// The resource itself.
    #[serde(rename = "self")]
    this: ConceptLink,
    /// The skills an occupation requires as essential.
    #[serde(skip_serializing_if = "Option::is_none")]
    has_essential_skill: Option<Vec<ConceptLink>>,
    /// The skills an occupation lists as important or optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    has_optional_skill: Option<Vec<ConceptLink>>,
    /// The occupations that require a skill as essential.
    #[serde(skip_serializing_if = "Option::is_none")]
    is_essential_for_occupation: Option<Vec<ConceptLink>>,
    /// The occupations that list a skill as important or optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    is_optional_for_occupation: Option<Vec<ConceptLink>>,
    /// Broader occupations.
    #[serde(skip_serializing_if = "Option::is_none")]
    broader_occupation: Option<Vec<ConceptLink>>,
    /// Narrower occupations.
    #[serde(skip_serializing_if = "Option::is_none")]
    narrower_occupation: Option<Vec<ConceptLink>>,
    /// Broader skills.
    #[serde(skip_serializing_if = "Option::is_none")]
    broader_skill: Option<Vec<ConceptLink>>,
    /// Narrower skills.
    #[serde(skip_serializing_if = "Option::is_none")]
    narrower_skill: Option<Vec<ConceptLink>>,
    /// Broader concepts of another kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    broader_concept: Option<Vec<ConceptLink>>,
    /// Narrower concepts of another kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    narrower_concept: Option<Vec<ConceptLink>>,
}

/// One concept in ESCO's HAL shape (`/resource/…`, and each result of `?full=true`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Resource {
    /// `Occupation`, `Skill`, `Qualification` or `Concept`.
    class_name: &'static str,
    /// ESCO's model URI of the class, e.g. `http://data.europa.eu/esco/model#Occupation`.
    class_id: &'static str,
    /// The concept's URI (its vaardig id when it has none).
    uri: String,
    /// The vaardig id.
    code: String,
    /// The preferred label in the asked language.
    title: String,
    /// The ontology's first language.
    reference_language: Vec<String>,
    /// The preferred label per language.
    preferred_label: BTreeMap<String, String>,
    /// Synonyms per language.
    alternative_label: BTreeMap<String, Vec<String>>,
    /// The definition per language.
    description: BTreeMap<String, Literal>,
    /// In search results: the label that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    search_hit: Option<String>,
    /// In search results: the relevance score.
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    /// The relations.
    #[serde(rename = "_links")]
    links: ResourceLinks,
}

/// The links of a brief search result.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SelfLink {
    /// The result's resource.
    #[serde(rename = "self")]
    this: ConceptLink,
}

/// One search result, brief (the default) or the whole resource (`?full=true`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum Found {
    /// The default: enough to list and follow.
    Brief(Box<Brief>),
    /// With `?full=true`.
    Full(Box<Resource>),
}

/// A brief search result.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Brief {
    /// `Occupation`, `Skill`, `Qualification` or `Concept`.
    class_name: &'static str,
    /// The concept's URI (its vaardig id when it has none).
    uri: String,
    /// The vaardig id.
    code: String,
    /// The preferred label in the asked language.
    title: String,
    /// The label that matched.
    search_hit: String,
    /// The relevance score.
    score: f32,
    /// The preferred label, keyed by the asked language.
    preferred_label: BTreeMap<String, String>,
    /// The link to the resource.
    #[serde(rename = "_links")]
    links: SelfLink,
}

/// The results of a page.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Embedded {
    /// This page's results, best first.
    results: Vec<Found>,
}

/// The links of a page.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PageLinks {
    /// This page.
    #[serde(rename = "self")]
    this: Href,
    /// The first page.
    first: Href,
    /// The page before, unless this is the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<Href>,
    /// The page after, while there are more results.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<Href>,
}

/// A page of `/search` or `/suggest2` results, in ESCO's HAL shape.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SearchPage {
    /// `Search` or `Suggest2`.
    class_name: &'static str,
    /// How many results there are (at most 1,000 are counted).
    total: usize,
    /// The 0-based page number.
    offset: usize,
    /// The page size.
    limit: usize,
    /// The language of titles.
    language: String,
    /// The results.
    #[serde(rename = "_embedded")]
    embedded: Embedded,
    /// `self`, `first`, `prev`, `next`.
    #[serde(rename = "_links")]
    links: PageLinks,
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn kinds(types: Option<&str>) -> Result<Vec<ConceptKind>, ApiError> {
    let Some(types) = types else {
        return Ok(vec![
            ConceptKind::Occupation,
            ConceptKind::Skill,
            ConceptKind::KnowledgeArea,
        ]);
    };
    let mut out = Vec::new();
    for t in types.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        match t {
            "occupation" => out.push(ConceptKind::Occupation),
            "skill" => out.extend([ConceptKind::Skill, ConceptKind::KnowledgeArea]),
            // vaardig's extension: diplomas, certificates, registrations, licences.
            "qualification" => out.push(ConceptKind::Qualification),
            "concept" => {}
            other => {
                return Err(ApiError::bad_request(format!(
                    "Illegal/Unknown type parameter values: ('{}')",
                    other.chars().take(40).collect::<String>()
                )));
            }
        }
    }
    Ok(out)
}

fn language(v: &Version, asked: Option<&str>) -> Result<String, ApiError> {
    let langs = &v.ontology.manifest().languages;
    match asked {
        None => Ok(v.ontology.primary_language().to_owned()),
        Some(l) if langs.iter().any(|x| x == l) => Ok(l.to_owned()),
        Some(l) => Err(ApiError::bad_request(format!(
            "unknown language `{}`; this ontology has {}",
            l.chars().take(10).collect::<String>(),
            langs.join(", ")
        ))),
    }
}

/// ESCO's class name, ESCO's model URI of the class, and the resource path of a kind.
fn class(kind: ConceptKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ConceptKind::Occupation => (
            "Occupation",
            "http://data.europa.eu/esco/model#Occupation",
            "occupation",
        ),
        ConceptKind::Skill | ConceptKind::KnowledgeArea => {
            ("Skill", "http://data.europa.eu/esco/model#Skill", "skill")
        }
        ConceptKind::Qualification => (
            "Qualification",
            "http://data.europa.eu/esco/model#Qualification",
            "qualification",
        ),
        _ => (
            "Concept",
            "http://www.w3.org/2004/02/skos/core#Concept",
            "concept",
        ),
    }
}

/// ESCO's skill type URI of a skill or knowledge area.
fn skill_type(kind: ConceptKind) -> Option<&'static str> {
    match kind {
        ConceptKind::Skill => Some("http://data.europa.eu/esco/skill-type/skill"),
        ConceptKind::KnowledgeArea => Some("http://data.europa.eu/esco/skill-type/knowledge"),
        _ => None,
    }
}

fn uri(v: &Version, ix: NodeIndex) -> String {
    v.ontology
        .uri_of(ix)
        .unwrap_or_else(|| v.ontology.concept(ix).id.clone())
}

fn href(v: &Version, ix: NodeIndex, lang: &str) -> String {
    let (_, _, path) = class(v.ontology.concept(ix).kind());
    format!(
        "/resource/{path}?uri={}&language={lang}",
        encode(&uri(v, ix))
    )
}

/// A HAL link to a concept.
fn link(v: &Version, ix: NodeIndex, lang: &str, importance: Option<Importance>) -> ConceptLink {
    let c = v.ontology.concept(ix);
    ConceptLink {
        href: href(v, ix, lang),
        uri: uri(v, ix),
        title: c.label(lang).to_owned(),
        skill_type: skill_type(c.kind()),
        importance: importance.map(importance_name),
    }
}

fn importance_name(i: Importance) -> &'static str {
    match i {
        Importance::Essential => "essential",
        Importance::Important => "important",
        Importance::Optional => "optional",
    }
}

/// The skill–occupation links of `ix` (outgoing for an occupation, incoming for a skill),
/// split into essential and the rest.
fn requirement_links(
    v: &Version,
    ix: NodeIndex,
    lang: &str,
    outgoing: bool,
) -> (Vec<ConceptLink>, Vec<ConceptLink>) {
    let o = &v.ontology;
    let pairs: Vec<(NodeIndex, Option<Importance>)> = if outgoing {
        o.outgoing(ix, RelationKind::Requires)
            .map(|(n, r)| (n, r.importance))
            .collect()
    } else {
        o.incoming(ix, RelationKind::Requires)
            .map(|(n, r)| (n, r.importance))
            .collect()
    };
    let (essential, other): (Vec<_>, Vec<_>) = pairs
        .into_iter()
        .partition(|(_, i)| matches!(i, Some(Importance::Essential) | None));
    let links = |list: Vec<(NodeIndex, Option<Importance>)>| -> Vec<ConceptLink> {
        list.into_iter().map(|(n, i)| link(v, n, lang, i)).collect()
    };
    (links(essential), links(other))
}

/// A full resource: labels, description and relation links.
fn resource(v: &Version, ix: NodeIndex, lang: &str) -> Resource {
    let o = &v.ontology;
    let c = o.concept(ix);
    let (class_name, class_id, _) = class(c.kind());
    let broader: Vec<ConceptLink> = o
        .outgoing(ix, RelationKind::Broader)
        .map(|(n, _)| link(v, n, lang, None))
        .collect();
    let narrower: Vec<ConceptLink> = o
        .incoming(ix, RelationKind::Broader)
        .map(|(n, _)| link(v, n, lang, None))
        .collect();
    let mut links = ResourceLinks {
        this: link(v, ix, lang, None),
        ..ResourceLinks::default()
    };
    match c.kind() {
        ConceptKind::Occupation => {
            let (e, rest) = requirement_links(v, ix, lang, true);
            links.has_essential_skill = Some(e);
            links.has_optional_skill = Some(rest);
            links.broader_occupation = Some(broader);
            links.narrower_occupation = Some(narrower);
        }
        ConceptKind::Skill | ConceptKind::KnowledgeArea => {
            let (e, rest) = requirement_links(v, ix, lang, false);
            links.is_essential_for_occupation = Some(e);
            links.is_optional_for_occupation = Some(rest);
            links.broader_skill = Some(broader);
            links.narrower_skill = Some(narrower);
        }
        _ => {
            links.broader_concept = Some(broader);
            links.narrower_concept = Some(narrower);
        }
    }
    let description = c
        .labels
        .definition
        .iter()
        .map(|(l, d)| {
            (
                l.clone(),
                Literal {
                    literal: d.clone(),
                    mimetype: "plain/text",
                },
            )
        })
        .collect();
    Resource {
        class_name,
        class_id,
        uri: uri(v, ix),
        code: c.id.clone(),
        title: c.label(lang).to_owned(),
        reference_language: vec![o.primary_language().to_owned()],
        preferred_label: c.labels.pref.clone().into(),
        alternative_label: c.labels.alt.clone().into(),
        description,
        search_hit: None,
        score: None,
        links,
    }
}

fn page_link(endpoint: &str, p: &SearchParams, lang: &str, limit: usize, offset: usize) -> Href {
    let mut href = format!(
        "/{endpoint}?text={}&language={lang}&limit={limit}&offset={offset}",
        encode(&p.text)
    );
    if let Some(t) = &p.kind {
        href.push_str(&format!("&type={}", encode(t)));
    }
    if p.full == Some(true) {
        href.push_str("&full=true");
    }
    if let Some(v) = &p.version {
        href.push_str(&format!("&version={}", encode(v)));
    }
    Href { href }
}

fn search_page(
    s: &AppState,
    q: Result<Query<SearchParams>, QueryRejection>,
    endpoint: &'static str,
) -> Result<SearchPage, ApiError> {
    let Query(p) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let v = s.version(p.version.as_deref())?;
    let lang = language(&v, p.language.as_deref())?;
    let limit = p.limit.unwrap_or(20);
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let offset = p.offset.unwrap_or(0);
    let filter = match p.language.as_deref() {
        Some("nl") => LangFilter::Nl,
        Some("en") => LangFilter::En,
        _ => LangFilter::Both,
    };
    let options = SearchOptions {
        kinds: kinds(p.kind.as_deref())?,
        lang: filter,
        limit: MAX_TOTAL,
        prefix: endpoint == "suggest2",
    };
    // With `prefix` (suggest2) this answers from the autocomplete table.
    let hits = v.searcher.search(&p.text, &options);
    let total = hits.len();
    let start = offset.saturating_mul(limit).min(total);
    let results: Vec<Found> = hits
        .iter()
        .skip(start)
        .take(limit)
        .filter_map(|h| v.ontology.index_of(&h.id).map(|ix| (h, ix)))
        .map(|(h, ix)| {
            if p.full == Some(true) {
                let mut r = resource(&v, ix, &lang);
                r.search_hit = Some(h.label.clone());
                r.score = Some(f64::from(h.score));
                return Found::Full(Box::new(r));
            }
            let c = v.ontology.concept(ix);
            let (class_name, _, _) = class(c.kind());
            let title = c.label(&lang).to_owned();
            Found::Brief(Box::new(Brief {
                class_name,
                uri: uri(&v, ix),
                code: c.id.clone(),
                title: title.clone(),
                search_hit: h.label.clone(),
                score: h.score,
                preferred_label: BTreeMap::from([(lang.clone(), title)]),
                links: SelfLink {
                    this: link(&v, ix, &lang, None),
                },
            }))
        })
        .collect();
    let links = PageLinks {
        this: page_link(endpoint, &p, &lang, limit, offset),
        first: page_link(endpoint, &p, &lang, limit, 0),
        prev: (offset > 0).then(|| page_link(endpoint, &p, &lang, limit, offset - 1)),
        next: (start + limit < total).then(|| page_link(endpoint, &p, &lang, limit, offset + 1)),
    };
    Ok(SearchPage {
        class_name: if endpoint == "search" {
            "Search"
        } else {
            "Suggest2"
        },
        total,
        offset,
        limit,
        language: lang,
        embedded: Embedded { results },
        links,
    })
}

/// `GET /search`.
#[utoipa::path(
    get,
    path = "/search",
    tag = "esco",
    summary = "Search concepts by label, synonym or definition (ESCO /search)",
    params(SearchParams),
    responses((status = 200, description = "A page of results.", body = SearchPage), LookupErrors)
)]
pub(crate) async fn search(
    State(s): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchPage>, ApiError> {
    search_page(&s, q, "search").map(Json)
}

/// `GET /suggest2`: like `/search`, with the last word taken as a prefix.
#[utoipa::path(
    get,
    path = "/suggest2",
    tag = "esco",
    summary = "Autocomplete: the last word is a prefix (ESCO /suggest2)",
    params(SearchParams),
    responses((status = 200, description = "A page of results.", body = SearchPage), LookupErrors)
)]
pub(crate) async fn suggest2(
    State(s): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchPage>, ApiError> {
    search_page(&s, q, "suggest2").map(Json)
}

fn one(
    s: &AppState,
    q: Result<Query<ResourceParams>, QueryRejection>,
    accepts: fn(ConceptKind) -> bool,
    what: &str,
) -> Result<Json<Resource>, ApiError> {
    let Query(p) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let v = s.version(p.version.as_deref())?;
    let lang = language(&v, p.language.as_deref())?;
    let shown: String = p.uri.chars().take(200).collect();
    match v.ontology.index_of(&p.uri) {
        Some(ix) if accepts(v.ontology.concept(ix).kind()) => Ok(Json(resource(&v, ix, &lang))),
        _ => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_resource",
            format!("no {what} with uri `{shown}`"),
        )),
    }
}

/// `GET /resource/occupation?uri=`.
#[utoipa::path(
    get,
    path = "/resource/occupation",
    tag = "esco",
    summary = "One occupation with its essential and optional skills",
    params(ResourceParams),
    responses((status = 200, description = "The occupation.", body = Resource), LookupErrors)
)]
pub(crate) async fn occupation(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Resource>, ApiError> {
    one(&s, q, |k| k == ConceptKind::Occupation, "occupation")
}

/// `GET /resource/skill?uri=` (skills and knowledge areas).
#[utoipa::path(
    get,
    path = "/resource/skill",
    tag = "esco",
    summary = "One skill or knowledge area with the occupations that need it",
    params(ResourceParams),
    responses((status = 200, description = "The skill.", body = Resource), LookupErrors)
)]
pub(crate) async fn skill(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Resource>, ApiError> {
    one(&s, q, ConceptKind::is_capability, "skill")
}

/// `GET /resource/concept?uri=` (any kind).
#[utoipa::path(
    get,
    path = "/resource/concept",
    tag = "esco",
    summary = "One concept of any kind",
    params(ResourceParams),
    responses((status = 200, description = "The concept.", body = Resource), LookupErrors)
)]
pub(crate) async fn concept(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Resource>, ApiError> {
    one(&s, q, |_| true, "concept")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_unreserved_and_escapes_the_rest() {
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(
            encode("http://x/y?z=1 é"),
            "http%3A%2F%2Fx%2Fy%3Fz%3D1%20%C3%A9"
        );
    }

    #[test]
    fn types_parse_as_a_list() {
        assert_eq!(
            kinds(Some("occupation")).ok(),
            Some(vec![ConceptKind::Occupation])
        );
        assert!(kinds(Some("occupation,skill")).is_ok_and(|k| k.len() == 3));
        assert!(kinds(Some("taxonom")).is_err());
    }
}
