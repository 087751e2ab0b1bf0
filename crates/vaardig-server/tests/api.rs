//! The HTTP service end to end, without a network port (`tower::ServiceExt::oneshot`) except
//! where a real socket is the point: every endpoint, the ESCO-compatible shapes and
//! pagination, every error class with its code and request id, the limits (413, 408, 429,
//! 503), versions side by side, reload under load, and answers equal to the library's.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use vaardig_core::Ontology;
use vaardig_score::Scorer;
use vaardig_server::{Limits, Source, Versions, router};
use vaardig_service::{AdviceQuery, Person, RightsQuery, RouteQuery, SkillResolver};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn versions() -> Arc<Versions> {
    static V: OnceLock<Arc<Versions>> = OnceLock::new();
    V.get_or_init(|| {
        Arc::new(
            Versions::load(vec![
                Source::embedded(),
                Source {
                    name: Some("tweede".into()),
                    dir: None,
                },
            ])
            .unwrap_or_else(|e| panic!("the embedded ontology loads: {e}")),
        )
    })
    .clone()
}

fn app() -> Router {
    router(versions(), Limits::default())
}

async fn send(
    app: &Router,
    req: Request<Body>,
) -> Result<(StatusCode, HeaderMap, Value), Box<dyn std::error::Error>> {
    let res = app.clone().oneshot(req).await?;
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await?.to_bytes();
    let value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Ok((status, headers, value))
}

async fn get(app: &Router, uri: &str) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let (s, _, v) = send(app, Request::get(uri).body(Body::empty())?).await?;
    Ok((s, v))
}

async fn post(
    app: &Router,
    uri: &str,
    body: &Value,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let req = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))?;
    let (s, _, v) = send(app, req).await?;
    Ok((s, v))
}

/// The raw answer text of a POST (compared byte for byte: parsing floats back loses digits).
async fn post_text(
    app: &Router,
    uri: &str,
    body: &Value,
) -> Result<(StatusCode, String), Box<dyn std::error::Error>> {
    let req = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))?;
    let res = app.clone().oneshot(req).await?;
    let status = res.status();
    let bytes = res.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8(bytes.to_vec())?))
}

/// Asserts the structured error shape and returns the code.
fn error_code(v: &Value) -> &str {
    assert!(v["message"].is_string(), "{v}");
    assert!(v["status"].is_u64(), "{v}");
    let id = v["request_id"].as_str().unwrap_or_default();
    assert!(!id.is_empty(), "no request id: {v}");
    assert_eq!(v["logref"], v["request_id"], "{v}");
    v["code"].as_str().unwrap_or_default()
}

/// A request body that never arrives.
struct Pending;

impl http_body::Body for Pending {
    type Data = Bytes;
    type Error = Infallible;
    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Infallible>>> {
        Poll::Pending
    }
}

fn pending_post(uri: &str) -> Result<Request<Body>, axum::http::Error> {
    Request::post(uri).body(Body::new(Pending))
}

// ---------------------------------------------------------------------------------------------
// ESCO-compatible lookup.

#[tokio::test]
async fn search_has_the_esco_envelope_and_result_fields() -> TestResult {
    let (s, v) = get(
        &app(),
        "/search?text=wondzorg&type=skill&language=nl&limit=2",
    )
    .await?;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["className"], "Search");
    assert_eq!(v["offset"], 0);
    assert_eq!(v["limit"], 2);
    assert_eq!(v["language"], "nl");
    assert!(v["total"].as_u64().is_some_and(|t| t >= 1), "{v}");
    let first = &v["_embedded"]["results"][0];
    assert_eq!(first["className"], "Skill");
    assert_eq!(first["code"], "skill:wondverzorging");
    assert_eq!(first["uri"], "skill:wondverzorging");
    assert_eq!(first["title"], "wondverzorging");
    assert_eq!(first["preferredLabel"]["nl"], "wondverzorging");
    assert!(first["searchHit"].is_string());
    let href = first["_links"]["self"]["href"].as_str().unwrap_or_default();
    assert!(
        href.starts_with("/resource/skill?uri=skill%3Awondverzorging"),
        "{href}"
    );
    assert!(v["_links"]["self"]["href"].is_string());
    Ok(())
}

#[tokio::test]
async fn search_pages_follow_next_links_without_gaps_or_repeats() -> TestResult {
    let app = app();
    let (_, all) = get(&app, "/search?text=zorg&limit=100").await?;
    let total = all["total"].as_u64().unwrap_or_default() as usize;
    assert!(total > 3, "need several hits: {all}");
    let want: Vec<Value> = all["_embedded"]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|r| r["code"].clone())
        .collect();
    let mut got = Vec::new();
    let mut next = Some("/search?text=zorg&limit=3".to_owned());
    let mut pages = 0;
    while let Some(uri) = next {
        let (s, page) = get(&app, &uri).await?;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(page["total"].as_u64(), Some(total as u64));
        assert_eq!(page["offset"].as_u64(), Some(pages));
        for r in page["_embedded"]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            got.push(r["code"].clone());
        }
        if pages > 0 {
            assert!(page["_links"]["prev"]["href"].is_string());
        }
        next = page["_links"]["next"]["href"].as_str().map(str::to_owned);
        pages += 1;
        assert!(pages < 100, "pagination does not end");
    }
    assert_eq!(got, want, "the pages together are the whole list, in order");
    Ok(())
}

#[tokio::test]
async fn search_full_embeds_resources_and_types_filter() -> TestResult {
    let app = app();
    let (_, v) = get(
        &app,
        "/search?text=verpleegkundige&type=occupation&full=true&limit=1",
    )
    .await?;
    let r = &v["_embedded"]["results"][0];
    assert_eq!(r["className"], "Occupation");
    assert!(r["_links"]["hasEssentialSkill"].is_array(), "{r}");
    let (_, v) = get(&app, "/search?text=zorg&type=occupation&limit=50").await?;
    for r in v["_embedded"]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        assert_eq!(r["className"], "Occupation", "{r}");
    }
    Ok(())
}

#[tokio::test]
async fn suggest2_completes_a_prefix() -> TestResult {
    let (s, v) = get(&app(), "/suggest2?text=wondverz&type=skill").await?;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["className"], "Suggest2");
    assert_eq!(
        v["_embedded"]["results"][0]["code"], "skill:wondverzorging",
        "{v}"
    );
    Ok(())
}

#[tokio::test]
async fn qualifications_are_found_by_type_for_the_profile_form() -> TestResult {
    // vaardig's extension of the ESCO types: the adviser's page picks diplomas and licences.
    let (s, v) = get(&app(), "/suggest2?text=BIG-reg&type=qualification").await?;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v["_embedded"]["results"][0]["code"], "qual:big-verpleegkundige",
        "{v}"
    );
    let (s, v) = get(&app(), "/search?text=rijbewijs&type=qualification").await?;
    assert_eq!(s, StatusCode::OK, "{v}");
    let hits = v["_embedded"]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!hits.is_empty(), "{v}");
    assert!(
        hits.iter().all(|h| h["className"] == "Qualification"),
        "{v}"
    );
    Ok(())
}

#[tokio::test]
async fn an_occupation_links_its_skills_and_the_links_resolve() -> TestResult {
    let app = app();
    let (s, occ) = get(&app, "/resource/occupation?uri=occ:verzorgende-ig").await?;
    assert_eq!(s, StatusCode::OK, "{occ}");
    assert_eq!(occ["className"], "Occupation");
    assert_eq!(occ["preferredLabel"]["nl"], occ["title"]);
    assert!(occ["preferredLabel"]["en"].is_string());
    let essential = occ["_links"]["hasEssentialSkill"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!essential.is_empty(), "{occ}");
    assert!(occ["_links"]["hasOptionalSkill"].is_array());
    for l in &essential {
        assert_eq!(l["importance"], "essential");
    }
    let href = essential[0]["href"].as_str().unwrap_or_default();
    let (s, skill) = get(&app, href).await?;
    assert_eq!(s, StatusCode::OK, "{href}: {skill}");
    assert_eq!(skill["className"], "Skill");
    assert_eq!(skill["uri"], essential[0]["uri"]);
    let back = skill["_links"]["isEssentialForOccupation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        back.iter().any(|l| l["uri"] == "occ:verzorgende-ig"),
        "{skill}"
    );
    Ok(())
}

#[tokio::test]
async fn resources_of_the_wrong_kind_or_unknown_are_404() -> TestResult {
    let app = app();
    let (s, v) = get(&app, "/resource/occupation?uri=skill:wondverzorging").await?;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&v), "unknown_resource");
    let (s, v) = get(&app, "/resource/skill?uri=skill:bestaat-niet").await?;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&v), "unknown_resource");
    let (s, v) = get(&app, "/resource/skill").await?;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&v), "invalid_request");
    let (s, v) = get(&app, "/search?text=x&type=taxonom").await?;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("taxonom")
    );
    let (s, v) = get(&app, "/search?text=x&limit=0").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    let (s, v) = get(&app, "/search?text=x&language=fr").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// vaardig's own endpoints equal the library's answers.

fn library() -> (Ontology, Scorer) {
    let v = versions()
        .current()
        .get(None)
        .unwrap_or_else(|| panic!("a default version"));
    (v.ontology.clone(), Scorer::with_defaults(&v.ontology))
}

fn kassa_profile() -> Value {
    json!({
        "age": 34, "nlqf": 1,
        "skills": [
            {"id": "skill:kassa-bedienen", "level": 3, "evidence": "work_experience"},
            {"id": "skill:klantgericht-werken", "level": 3, "evidence": "work_experience"},
            {"id": "skill:vakkenvullen", "level": 2, "evidence": "work_experience"}
        ]
    })
}

fn built(person: Value) -> Result<vaardig_score::Profile, Box<dyn std::error::Error>> {
    let (ontology, _) = library();
    let person: Person = serde_json::from_value(person)?;
    Ok(person.build(&ontology, &SkillResolver::new(&ontology))?)
}

#[tokio::test]
async fn gap_equals_the_library() -> TestResult {
    let body = json!({"profile": kassa_profile(), "skills": ["wondzorg"], "occupation": "occ:verzorgende-ig"});
    let (s, got) = post_text(&app(), "/gap", &body).await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let (_, scorer) = library();
    let profile = built(json!({"profile": kassa_profile(), "skills": ["wondzorg"]}))?;
    let want = serde_json::to_string(&scorer.gap(&profile, "occ:verzorgende-ig")?)?;
    assert_eq!(got, want);
    assert!(got.contains("skill:wondverzorging"));
    Ok(())
}

#[tokio::test]
async fn transitions_equal_the_library_from_a_person_and_from_an_occupation() -> TestResult {
    let app = app();
    let (_, scorer) = library();
    let (s, got) = post_text(
        &app,
        "/transitions",
        &json!({"profile": kassa_profile(), "limit": 4, "rank_by": "hours"}),
    )
    .await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let q = vaardig_service::TransitionsQuery {
        limit: 4,
        rank_by: vaardig_score::RankBy::Hours,
        ..Default::default()
    };
    let want = scorer.transitions(&built(json!({"profile": kassa_profile()}))?, &q.options()?)?;
    assert_eq!(got, serde_json::to_string(&want.items)?);
    assert_eq!(want.items.len(), 4);

    let (s, got) = post_text(
        &app,
        "/transitions",
        &json!({"from": "occ:kassamedewerker"}),
    )
    .await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let want = scorer.transitions_from(
        "occ:kassamedewerker",
        &vaardig_service::TransitionsQuery::default().options()?,
    )?;
    assert_eq!(got, serde_json::to_string(&want.items)?);

    let (s, v) = post(
        &app,
        "/transitions",
        &json!({"from": "occ:kassamedewerker", "skills": ["wondzorg"]}),
    )
    .await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    Ok(())
}

/// A service over a tiny ontology with German labels for some concepts (`occ:monteur` and
/// `skill:tekenen` have none).
fn german_app() -> Result<Router, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("vaardig-server-lang-de-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    for (file, text) in [
        (
            "ontology.toml",
            "name = \"klein\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\", \"en\", \"de\"]\nlicence = \"x\"\nsource = \"x\"\n",
        ),
        (
            "skills.csv",
            "id,skill_type,pref_label_nl,pref_label_en,pref_label_de\nskill:lassen,skill,lassen,welding,Schweißen\nskill:tekenen,skill,technisch tekenen,technical drawing,\n",
        ),
        (
            "occupations.csv",
            "id,isco,min_nlqf,pref_label_nl,pref_label_en,pref_label_de\nocc:lasser,,,lasser,welder,Schweißer\nocc:monteur,,,monteur,fitter,\n",
        ),
        (
            "requires.csv",
            "from,to,importance,level\nocc:lasser,skill:lassen,essential,\nocc:lasser,skill:tekenen,essential,\nocc:monteur,skill:lassen,essential,\n",
        ),
    ] {
        std::fs::write(dir.join(file), text)?;
    }
    let versions = Versions::load(vec![Source {
        name: Some("klein".into()),
        dir: Some(dir),
    }])?;
    Ok(router(Arc::new(versions), Limits::default()))
}

#[tokio::test]
async fn lang_gives_labels_in_a_declared_language_and_refuses_others() -> TestResult {
    let app = german_app()?;
    let from = json!({"from": "occ:monteur"});
    let (s, v) = post(&app, "/transitions?lang=de", &from).await?;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v[0]["occupation"], "occ:lasser");
    assert_eq!(v[0]["label"], "lasser");
    assert_eq!(
        v[0]["label_other"],
        json!({"lang": "de", "text": "Schweißer"})
    );
    let (s, v) = post(
        &app,
        "/gap?lang=de-DE",
        &json!({"skills": ["skill:lassen"], "occupation": "occ:lasser"}),
    )
    .await?;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["occupation"]["label_other"]["text"], "Schweißer");
    assert_eq!(
        v["missing"][0]["skill"]["label_other"],
        json!({"lang": "en", "text": "technical drawing"})
    );

    // Dutch and English: today's bytes.
    let (_, plain) = post_text(&app, "/transitions", &from).await?;
    assert!(!plain.contains("label_other"), "{plain}");
    let (_, en) = post_text(&app, "/transitions?lang=en", &from).await?;
    assert_eq!(en, plain);

    // Not declared: a 400 with the library's words.
    for uri in ["/transitions?lang=fr", "/route?lang=fr", "/advies?lang=fr"] {
        let (s, v) = post(
            &app,
            uri,
            &json!({"skills": ["skill:lassen"], "to": "occ:lasser"}),
        )
        .await?;
        assert_eq!(
            (s, error_code(&v)),
            (StatusCode::BAD_REQUEST, "unknown_language"),
            "{uri}"
        );
        assert_eq!(
            v["message"],
            "the ontology has no labels in `fr` (it has nl, en, de)"
        );
    }
    Ok(())
}

#[tokio::test]
async fn route_rights_and_advice_equal_the_library() -> TestResult {
    let app = app();
    let (_, scorer) = library();
    let profile = built(json!({"profile": kassa_profile()}))?;

    let (s, got) = post_text(&app, "/route", &json!({"profile": kassa_profile(), "to": "occ:verkoopmedewerker", "scheme": "leerrechten"})).await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let q = RouteQuery {
        to: "occ:verkoopmedewerker".into(),
        scheme: Some("leerrechten".into()),
        ..Default::default()
    };
    assert_eq!(
        got,
        serde_json::to_string(&vaardig_service::route(&scorer, &profile, &q)?)?
    );

    let (s, got) = post_text(
        &app,
        "/rights",
        &json!({"age": 35, "nlqf": 2, "used_eur": 100.0}),
    )
    .await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let want = vaardig_service::rights(&RightsQuery {
        age: 35,
        nlqf: 2,
        used_eur: 100.0,
    })?;
    assert_eq!(got, serde_json::to_string(&want)?);

    let (s, got) = post_text(&app, "/advies", &json!({"profile": kassa_profile()})).await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let want = vaardig_service::advise(&scorer, &profile, &AdviceQuery::default())?;
    assert_eq!(got, serde_json::to_string(&want)?);
    let parsed: Value = serde_json::from_str(&got)?;
    for key in ["transitions", "target", "gap", "entitlement", "route"] {
        assert!(!parsed[key].is_null(), "{key} missing");
    }
    Ok(())
}

#[tokio::test]
async fn extract_finds_skills_with_their_text() -> TestResult {
    let text = "Ik heb jaren wondverzorging gedaan en klantgericht werken is mijn kracht.";
    let (s, got) = post_text(&app(), "/extract", &json!({"text": text})).await?;
    assert_eq!(s, StatusCode::OK, "{got}");
    let v = versions()
        .current()
        .get(None)
        .unwrap_or_else(|| panic!("default"));
    assert_eq!(
        got,
        serde_json::to_string(&vaardig_service::extract(&v.searcher, text))?
    );
    let got: Value = serde_json::from_str(&got)?;
    let hits = got.as_array().cloned().unwrap_or_default();
    assert!(
        hits.iter()
            .any(|m| m["id"] == "skill:wondverzorging" && m["text"] == "wondverzorging"),
        "{got}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Errors.

#[tokio::test]
async fn every_error_class_has_its_status_and_code() -> TestResult {
    let app = app();
    let cases: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "/gap",
            json!({"occupation": "occ:verzorgende-ig"}),
            StatusCode::BAD_REQUEST,
            "no_person",
        ),
        (
            "/gap",
            json!({"skills": ["qqqqxyz"], "occupation": "occ:verzorgende-ig"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_label",
        ),
        (
            "/gap",
            json!({"skills": ["wondzorg"], "occupation": "occ:bestaat-niet"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_id",
        ),
        (
            "/gap",
            json!({"skills": ["wondzorg"], "occupation": "skill:wondverzorging"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_an_occupation",
        ),
        (
            "/gap",
            json!({"skills": ["wondzorg"], "occupation": "occ:verzorgende-ig", "extra": 1}),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "/gap",
            json!({"profile": {"skills": [{"id": "skill:nee", "evidence": "diploma"}]}, "occupation": "occ:verzorgende-ig"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_profile",
        ),
        (
            "/gap",
            json!([1, 2]),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "/transitions",
            json!({"skills": ["wondzorg"], "sector": "skill:wondverzorging"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_a_sector",
        ),
        (
            "/route",
            json!({"skills": ["wondzorg"], "to": "occ:verzorgende-ig", "scheme": "gratis"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_scheme",
        ),
        (
            "/rights",
            json!({"age": 30, "nlqf": 9}),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "/rights",
            json!({"age": 30, "nlqf": 2, "used_eur": -1}),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "/extract",
            json!({"tekst": "x"}),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
    ];
    for (path, body, status, code) in cases {
        let (s, v) = post(&app, path, &body).await?;
        assert_eq!((s, error_code(&v)), (status, code), "{path} {body}: {v}");
        assert_eq!(v["status"].as_u64(), Some(u64::from(status.as_u16())));
    }
    Ok(())
}

#[tokio::test]
async fn ambiguous_labels_list_their_candidates() -> TestResult {
    let (s, v) = post(
        &app(),
        "/gap",
        &json!({"skills": ["zorg"], "occupation": "occ:verzorgende-ig"}),
    )
    .await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::UNPROCESSABLE_ENTITY, "ambiguous_label")
    );
    let c = v["details"]["candidates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(c.len() >= 2, "{v}");
    assert!(
        c.iter()
            .all(|x| x["id"].is_string() && x["label"].is_string())
    );
    Ok(())
}

#[tokio::test]
async fn broken_json_unknown_paths_methods_and_versions_are_structured() -> TestResult {
    let app = app();
    let req = Request::post("/gap").body(Body::from("{not json"))?;
    let (s, _, v) = send(&app, req).await?;
    assert_eq!((s, error_code(&v)), (StatusCode::BAD_REQUEST, "bad_json"));
    let (s, v) = get(&app, "/bestaat/niet").await?;
    assert_eq!((s, error_code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    let (s, v) = get(&app, "/gap").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let (s, v) = get(&app, "/search?text=zorg&version=1999").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::NOT_FOUND, "unknown_version")
    );
    let (s, v) = get(&app, "/diff?from=tweede").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    Ok(())
}

#[tokio::test]
async fn request_ids_are_echoed_or_made() -> TestResult {
    let app = app();
    let req = Request::get("/bestaat-niet")
        .header("x-request-id", "case-42")
        .body(Body::empty())?;
    let (_, h, v) = send(&app, req).await?;
    assert_eq!(
        h.get("x-request-id").and_then(|x| x.to_str().ok()),
        Some("case-42")
    );
    assert_eq!(v["request_id"], "case-42");
    let (_, h1, _) = send(&app, Request::get("/healthz").body(Body::empty())?).await?;
    let (_, h2, _) = send(&app, Request::get("/healthz").body(Body::empty())?).await?;
    assert!(h1.get("x-request-id").is_some());
    assert_ne!(h1.get("x-request-id"), h2.get("x-request-id"));
    let bad = Request::get("/healthz")
        .header("x-request-id", "a b")
        .body(Body::empty())?;
    let (_, h, _) = send(&app, bad).await?;
    assert_ne!(
        h.get("x-request-id").and_then(|x| x.to_str().ok()),
        Some("a b")
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Limits.

#[tokio::test]
async fn an_oversized_body_is_413() -> TestResult {
    let app = router(
        versions(),
        Limits {
            body_bytes: 1024,
            ..Limits::default()
        },
    );
    let text = "wondverzorging ".repeat(200);
    let (s, v) = post(&app, "/extract", &json!({"text": text})).await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
    );
    let (s, _) = post(&app, "/extract", &json!({"text": "wondverzorging"})).await?;
    assert_eq!(s, StatusCode::OK, "a small body still passes");
    Ok(())
}

#[tokio::test]
async fn a_slow_body_is_408() -> TestResult {
    let app = router(
        versions(),
        Limits {
            body_time: Duration::from_millis(50),
            ..Limits::default()
        },
    );
    let (s, _, v) = send(&app, pending_post("/extract")?).await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::REQUEST_TIMEOUT, "slow_body")
    );
    Ok(())
}

#[tokio::test]
async fn a_slow_answer_is_503_timeout() -> TestResult {
    let app = router(
        versions(),
        Limits {
            body_time: Duration::from_secs(60),
            request_time: Duration::from_millis(50),
            ..Limits::default()
        },
    );
    let (s, _, v) = send(&app, pending_post("/gap")?).await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::SERVICE_UNAVAILABLE, "timeout")
    );
    Ok(())
}

#[tokio::test]
async fn requests_beyond_the_in_flight_bound_get_429_at_once() -> TestResult {
    let app = router(
        versions(),
        Limits {
            in_flight: 3,
            ..Limits::default()
        },
    );
    let mut holders = Vec::new();
    for _ in 0..3 {
        let a = app.clone();
        let req = pending_post("/extract")?;
        holders.push(tokio::spawn(async move {
            a.oneshot(req).await.map(|r| r.status())
        }));
    }
    // Let the three take their permits.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    let (s, v) = get(&app, "/healthz").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::TOO_MANY_REQUESTS, "overloaded")
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "429 comes at once"
    );
    for h in holders {
        h.abort();
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let (s, _) = get(&app, "/healthz").await?;
    assert_eq!(s, StatusCode::OK, "permits come back when requests end");
    Ok(())
}

#[tokio::test]
async fn a_thousand_requests_in_flight_are_held_and_the_next_is_refused() -> TestResult {
    let app = router(
        versions(),
        Limits {
            in_flight: 1_000,
            ..Limits::default()
        },
    );
    let mut holders = Vec::new();
    for _ in 0..1_000 {
        let a = app.clone();
        let req = pending_post("/extract")?;
        holders.push(tokio::spawn(async move {
            a.oneshot(req).await.map(|r| r.status())
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        holders.iter().all(|h| !h.is_finished()),
        "all 1,000 are still in flight"
    );
    let (s, v) = get(&app, "/healthz").await?;
    assert_eq!(
        (s, error_code(&v)),
        (StatusCode::TOO_MANY_REQUESTS, "overloaded")
    );
    for h in holders {
        h.abort();
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let (s, _) = get(&app, "/healthz").await?;
    assert_eq!(s, StatusCode::OK);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Versions, reload, documents, the page.

#[tokio::test]
async fn versions_side_by_side_and_their_diff() -> TestResult {
    let app = app();
    let (_, h) = get(&app, "/healthz").await?;
    assert_eq!(h["status"], "ok");
    let names = h["versions"].as_array().cloned().unwrap_or_default();
    assert!(names.contains(&json!("tweede")) && names.len() == 2, "{h}");
    let (s, a) = get(&app, "/search?text=wondzorg&limit=1&version=tweede").await?;
    assert_eq!(s, StatusCode::OK);
    let (_, b) = get(&app, "/search?text=wondzorg&limit=1").await?;
    assert_eq!(
        a["_embedded"], b["_embedded"],
        "the same ontology answers the same"
    );
    let default = h["default_version"].as_str().unwrap_or_default().to_owned();
    let (s, d) = get(&app, &format!("/diff?from={default}&to=tweede")).await?;
    assert_eq!(s, StatusCode::OK, "{d}");
    assert!(d.is_object());
    let (_, list) = get(&app, "/versions").await?;
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    Ok(())
}

#[tokio::test]
async fn reload_under_load_fails_no_request() -> TestResult {
    let versions = Arc::new(Versions::load(vec![Source::embedded()])?);
    let app = router(Arc::clone(&versions), Limits::default());
    let before = versions.current();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let a = app.clone();
        tasks.push(tokio::spawn(async move {
            let uri = if i % 2 == 0 {
                "/search?text=wondzorg"
            } else {
                "/resource/occupation?uri=occ:verzorgende-ig"
            };
            let req = Request::get(uri)
                .body(Body::empty())
                .map_err(|e| e.to_string())?;
            match a.oneshot(req).await {
                Ok(r) => Ok::<StatusCode, String>(r.status()),
                Err(e) => match e {},
            }
        }));
    }
    let v = Arc::clone(&versions);
    tokio::task::spawn_blocking(move || v.reload()).await??;
    for t in tasks {
        assert_eq!(t.await?, Ok(StatusCode::OK));
    }
    assert!(
        !Arc::ptr_eq(&before, &versions.current()),
        "the catalog was replaced"
    );
    let (s, _) = get(&app, "/search?text=wondzorg").await?;
    assert_eq!(s, StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn reload_serves_the_changed_directory() -> TestResult {
    let dir = std::env::temp_dir().join(format!("vaardig-server-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    vaardig_core::write_dir(&Ontology::embedded()?, &dir)?;
    let versions = Arc::new(Versions::load(vec![Source {
        name: Some("live".into()),
        dir: Some(dir.clone()),
    }])?);
    let app = router(Arc::clone(&versions), Limits::default());
    let title = |v: &Value| v["title"].as_str().unwrap_or_default().to_owned();
    let uri = "/resource/skill?uri=skill:wondverzorging&language=en";
    let (_, before) = get(&app, uri).await?;
    assert_eq!(title(&before), "wound care");

    let skills = dir.join("skills.csv");
    let text = std::fs::read_to_string(&skills)?;
    std::fs::write(&skills, text.replace(",wound care,", ",wound nursing,"))?;
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let a = app.clone();
        let req = Request::get(uri).body(Body::empty())?;
        tasks.push(tokio::spawn(async move {
            a.oneshot(req).await.map(|r| r.status())
        }));
    }
    let v = Arc::clone(&versions);
    tokio::task::spawn_blocking(move || v.reload()).await??;
    for t in tasks {
        assert_eq!(
            t.await?,
            Ok(StatusCode::OK),
            "no request fails during the reload"
        );
    }
    let (_, after) = get(&app, uri).await?;
    assert_eq!(title(&after), "wound nursing");

    // A broken directory does not replace the working version.
    std::fs::write(dir.join("skills.csv"), "not,a,skills,table\n")?;
    assert!(versions.reload().is_err());
    let (s, still) = get(&app, uri).await?;
    assert_eq!(
        (s, title(&still)),
        (StatusCode::OK, "wound nursing".to_owned())
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[tokio::test]
async fn openapi_describes_every_endpoint() -> TestResult {
    let (s, doc) = get(&app(), "/openapi.json").await?;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/search",
        "/suggest2",
        "/resource/occupation",
        "/resource/skill",
        "/resource/concept",
        "/extract",
        "/gap",
        "/transitions",
        "/route",
        "/rights",
        "/advies",
        "/diff",
        "/healthz",
        "/versions",
        "/openapi.json",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} undocumented");
    }
    assert!(doc["paths"]["/gap"]["post"].is_object());
    Ok(())
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_from_the_binary() -> TestResult {
    let app = app();
    let (s, h, v) = send(&app, Request::get("/").body(Body::empty())?).await?;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].to_str()?.starts_with("text/html"));
    let html = v.as_str().unwrap_or_default();
    assert!(html.contains("<html lang=\"nl\">") && html.contains("/assets/app.js"));
    for (name, mime) in [("app.js", "text/javascript"), ("style.css", "text/css")] {
        let (s, h, _) = send(
            &app,
            Request::get(format!("/assets/{name}")).body(Body::empty())?,
        )
        .await?;
        assert_eq!(s, StatusCode::OK, "{name}");
        assert!(h["content-type"].to_str()?.starts_with(mime), "{name}");
    }
    // One bundle: the word tables are inside app.js, not a script of their own.
    let (s, v) = get(&app, "/assets/i18n.js").await?;
    assert_eq!((s, error_code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    let (s, v) = get(&app, "/assets/nope.js").await?;
    assert_eq!((s, error_code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    Ok(())
}

#[tokio::test]
async fn a_real_socket_answers_and_shuts_down_gracefully() -> TestResult {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let mut conn = tokio::net::TcpStream::connect(addr).await?;
    conn.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await?;
    let mut out = String::new();
    conn.read_to_string(&mut out).await?;
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(out.contains("\"status\":\"ok\""), "{out}");
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(5), server).await???;
    Ok(())
}

#[path = "api/browser.rs"]
mod browser;

#[path = "api/esco_shapes.rs"]
mod esco_shapes;
