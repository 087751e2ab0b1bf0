//! The ESCO-API-compatible lookup: `GET /search`, `/suggest2`, `/resource/occupation`,
//! `/resource/skill` (and `/resource/concept` for any kind), in ESCO's HAL-style JSON.
//!
//! Where vaardig follows ESCO: parameter names (`text`, `type`, `language`, `limit`, `offset`,
//! `full`, `uri`), `offset` as the 0-based page number of pages of `limit` results, the
//! envelope (`className`, `total`, `offset`, `limit`, `language`, `_embedded.results`,
//! `_links.self/first/prev/next`), result fields (`className`, `uri`, `title`, `searchHit`,
//! `preferredLabel`, `_links.self`) and resources (`preferredLabel`, `alternativeLabel`,
//! `description.{lang}.literal`, `_links.hasEssentialSkill` / `hasOptionalSkill` /
//! `isEssentialForOccupation` / `isOptionalForOccupation` / `broader…` / `narrower…`).
//!
//! Where it deviates (also in the README): links are relative to the server; `type` takes one
//! value or a comma-separated list instead of repeated parameters; `total` counts at most the
//! first 1,000 hits; vaardig's third importance, *important*, is listed under
//! `hasOptionalSkill` with `"importance": "important"` on every link; concepts without a URI
//! use their vaardig id as `uri`; `selectedVersion` is spelled `version`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use vaardig_core::{ConceptKind, Importance, NodeIndex, RelationKind};
use vaardig_search::{LangFilter, SearchOptions};

use crate::catalog::Version;
use crate::error::ApiError;
use crate::state::AppState;

/// The largest page.
const MAX_PAGE: usize = 100;
/// The most hits counted in `total`.
const MAX_TOTAL: usize = 1_000;

/// The parameters of `/search` and `/suggest2`.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    #[serde(default)]
    text: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    offset: Option<usize>,
    #[serde(default)]
    full: Option<bool>,
    #[serde(default)]
    version: Option<String>,
}

/// The parameters of `/resource/*`.
#[derive(Debug, Deserialize)]
pub(crate) struct ResourceParams {
    uri: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    version: Option<String>,
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

/// ESCO's class name and the resource path of a kind.
fn class(kind: ConceptKind) -> (&'static str, &'static str) {
    match kind {
        ConceptKind::Occupation => ("Occupation", "occupation"),
        ConceptKind::Skill | ConceptKind::KnowledgeArea => ("Skill", "skill"),
        ConceptKind::Qualification => ("Qualification", "qualification"),
        _ => ("Concept", "concept"),
    }
}

fn uri(v: &Version, ix: NodeIndex) -> String {
    v.ontology
        .uri_of(ix)
        .unwrap_or_else(|| v.ontology.concept(ix).id.clone())
}

fn href(v: &Version, ix: NodeIndex, lang: &str) -> String {
    let (_, path) = class(v.ontology.concept(ix).kind());
    format!(
        "/resource/{path}?uri={}&language={lang}",
        encode(&uri(v, ix))
    )
}

/// A HAL link to a concept: `{href, uri, title}`.
fn link(v: &Version, ix: NodeIndex, lang: &str) -> Map<String, Value> {
    let c = v.ontology.concept(ix);
    let mut m = Map::new();
    m.insert("href".into(), href(v, ix, lang).into());
    m.insert("uri".into(), uri(v, ix).into());
    m.insert("title".into(), c.label(lang).into());
    m
}

fn importance_name(i: Importance) -> &'static str {
    match i {
        Importance::Essential => "essential",
        Importance::Important => "important",
        Importance::Optional => "optional",
    }
}

/// A full resource: labels, description and relation links.
fn resource(v: &Version, ix: NodeIndex, lang: &str) -> Value {
    let o = &v.ontology;
    let c = o.concept(ix);
    let (class_name, _) = class(c.kind());
    let mut links = Map::new();
    links.insert("self".into(), Value::Object(link(v, ix, lang)));
    let list = |it: Vec<(NodeIndex, Option<Importance>)>| -> Vec<Value> {
        it.into_iter()
            .map(|(n, imp)| {
                let mut l = link(v, n, lang);
                if let Some(i) = imp {
                    l.insert("importance".into(), importance_name(i).into());
                }
                Value::Object(l)
            })
            .collect()
    };
    let (essential, optional, broader_key, narrower_key) = match c.kind() {
        ConceptKind::Occupation => {
            let req: Vec<(NodeIndex, Option<Importance>)> = o
                .outgoing(ix, RelationKind::Requires)
                .map(|(n, r)| (n, r.importance))
                .collect();
            (
                ("hasEssentialSkill", req.clone()),
                ("hasOptionalSkill", req),
                "broaderOccupation",
                "narrowerOccupation",
            )
        }
        ConceptKind::Skill | ConceptKind::KnowledgeArea => {
            let req: Vec<(NodeIndex, Option<Importance>)> = o
                .incoming(ix, RelationKind::Requires)
                .map(|(n, r)| (n, r.importance))
                .collect();
            (
                ("isEssentialForOccupation", req.clone()),
                ("isOptionalForOccupation", req),
                "broaderSkill",
                "narrowerSkill",
            )
        }
        _ => (
            ("", Vec::new()),
            ("", Vec::new()),
            "broaderConcept",
            "narrowerConcept",
        ),
    };
    let is_essential = |i: &Option<Importance>| matches!(i, Some(Importance::Essential) | None);
    if !essential.0.is_empty() {
        let (e, _): (Vec<_>, Vec<_>) = essential.1.into_iter().partition(|(_, i)| is_essential(i));
        let (_, opt): (Vec<_>, Vec<_>) = optional.1.into_iter().partition(|(_, i)| is_essential(i));
        links.insert(essential.0.into(), Value::Array(list(e)));
        links.insert(optional.0.into(), Value::Array(list(opt)));
    }
    let broader: Vec<_> = o
        .outgoing(ix, RelationKind::Broader)
        .map(|(n, _)| (n, None))
        .collect();
    let narrower: Vec<_> = o
        .incoming(ix, RelationKind::Broader)
        .map(|(n, _)| (n, None))
        .collect();
    links.insert(broader_key.into(), Value::Array(list(broader)));
    links.insert(narrower_key.into(), Value::Array(list(narrower)));

    let description: Map<String, Value> = c
        .labels
        .definition
        .iter()
        .map(|(l, d)| (l.clone(), json!({"literal": d, "mimetype": "plain/text"})))
        .collect();
    json!({
        "className": class_name,
        "classId": c.kind().to_string(),
        "uri": uri(v, ix),
        "code": c.id,
        "title": c.label(lang),
        "referenceLanguage": [o.primary_language()],
        "preferredLabel": c.labels.pref,
        "alternativeLabel": c.labels.alt,
        "description": description,
        "_links": links,
    })
}

fn page_link(endpoint: &str, p: &SearchParams, lang: &str, limit: usize, offset: usize) -> Value {
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
    json!({ "href": href })
}

fn search_page(
    s: &AppState,
    q: Result<Query<SearchParams>, QueryRejection>,
    endpoint: &'static str,
) -> Result<Value, ApiError> {
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
    let results: Vec<Value> = hits
        .iter()
        .skip(start)
        .take(limit)
        .filter_map(|h| v.ontology.index_of(&h.id).map(|ix| (h, ix)))
        .map(|(h, ix)| {
            if p.full == Some(true) {
                let mut r = resource(&v, ix, &lang);
                if let Some(m) = r.as_object_mut() {
                    m.insert("searchHit".into(), h.label.clone().into());
                    m.insert("score".into(), f64::from(h.score).into());
                }
                return r;
            }
            let c = v.ontology.concept(ix);
            let (class_name, _) = class(c.kind());
            let mut links = Map::new();
            links.insert("self".into(), Value::Object(link(&v, ix, &lang)));
            json!({
                "className": class_name,
                "uri": uri(&v, ix),
                "code": c.id,
                "title": c.label(&lang),
                "searchHit": h.label,
                "score": h.score,
                "preferredLabel": { lang.clone(): c.label(&lang) },
                "_links": links,
            })
        })
        .collect();
    let mut links = Map::new();
    links.insert("self".into(), page_link(endpoint, &p, &lang, limit, offset));
    links.insert("first".into(), page_link(endpoint, &p, &lang, limit, 0));
    if offset > 0 {
        links.insert(
            "prev".into(),
            page_link(endpoint, &p, &lang, limit, offset - 1),
        );
    }
    if start + limit < total {
        links.insert(
            "next".into(),
            page_link(endpoint, &p, &lang, limit, offset + 1),
        );
    }
    Ok(json!({
        "className": if endpoint == "search" { "Search" } else { "Suggest2" },
        "total": total,
        "offset": offset,
        "limit": limit,
        "language": lang,
        "_embedded": { "results": results },
        "_links": links,
    }))
}

/// `GET /search`.
pub(crate) async fn search(
    State(s): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    search_page(&s, q, "search").map(Json)
}

/// `GET /suggest2`: like `/search`, with the last word taken as a prefix.
pub(crate) async fn suggest2(
    State(s): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    search_page(&s, q, "suggest2").map(Json)
}

fn one(
    s: &AppState,
    q: Result<Query<ResourceParams>, QueryRejection>,
    accepts: fn(ConceptKind) -> bool,
    what: &str,
) -> Result<Json<Value>, ApiError> {
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
pub(crate) async fn occupation(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    one(&s, q, |k| k == ConceptKind::Occupation, "occupation")
}

/// `GET /resource/skill?uri=` (skills and knowledge areas).
pub(crate) async fn skill(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    one(&s, q, ConceptKind::is_capability, "skill")
}

/// `GET /resource/concept?uri=` (any kind).
pub(crate) async fn concept(
    State(s): State<AppState>,
    q: Result<Query<ResourceParams>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
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
