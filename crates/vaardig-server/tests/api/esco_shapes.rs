//! vaardig's ESCO-style answers against the shapes ESCO documents (`esco_shapes.json`, written
//! from ESCO's API reference and the ESCO clients that read these answers; its `_sources` say
//! which): `/search`, `/suggest2`, `/resource/occupation`, `/resource/skill` and the error
//! object. Keys vaardig adds are allowed; every key the shape names must be there with its
//! type. Where vaardig cannot follow ESCO the README's deviation list says so.

use serde_json::{Value, json};

use super::{TestResult, app, get};

fn shapes() -> Value {
    serde_json::from_str(include_str!("esco_shapes.json"))
        .unwrap_or_else(|e| panic!("esco_shapes.json is JSON: {e}"))
}

fn has_type(v: &Value, name: &str) -> bool {
    match name {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "object" => v.is_object(),
        "any" => true,
        _ => false,
    }
}

/// Where `v` departs from `shape` (see the notation in `esco_shapes.json`), one line each.
fn departures(v: &Value, shape: &Value, at: &str, out: &mut Vec<String>) {
    match shape {
        Value::String(s) => {
            if let Some(constant) = s.strip_prefix('=') {
                if v.as_str() != Some(constant) {
                    out.push(format!("{at}: {v} is not \"{constant}\""));
                }
            } else if !s.split('|').any(|t| has_type(v, t)) {
                out.push(format!("{at}: {v} is not {s}"));
            }
        }
        Value::Array(items) => match (v.as_array(), items.first()) {
            (Some(list), Some(item)) => {
                for (i, x) in list.iter().enumerate() {
                    departures(x, item, &format!("{at}[{i}]"), out);
                }
            }
            (Some(_), None) => {}
            (None, _) => out.push(format!("{at}: {v} is not a list")),
        },
        Value::Object(keys) => {
            let Some(obj) = v.as_object() else {
                out.push(format!("{at}: {v} is not an object"));
                return;
            };
            for (k, sub) in keys {
                if k == "*" {
                    for (vk, vv) in obj {
                        departures(vv, sub, &format!("{at}.{vk}"), out);
                    }
                    continue;
                }
                let (key, optional) = match k.strip_suffix('?') {
                    Some(key) => (key, true),
                    None => (k.as_str(), false),
                };
                match obj.get(key) {
                    Some(x) => departures(x, sub, &format!("{at}.{key}"), out),
                    None if optional => {}
                    None => out.push(format!("{at}: no `{key}`")),
                }
            }
        }
        _ => out.push(format!("{at}: the shape {shape} is not notation")),
    }
}

fn assert_shape(v: &Value, name: &str) {
    let mut out = Vec::new();
    departures(v, &shapes()[name], name, &mut out);
    assert!(
        out.is_empty(),
        "departs from ESCO's {name} shape:\n{}",
        out.join("\n")
    );
}

#[test]
fn the_checker_finds_departures() {
    let mut out = Vec::new();
    let page =
        json!({"total": "3", "offset": 0, "_links": {}, "_embedded": {"results": [{"uri": 1}]}});
    departures(&page, &shapes()["search"], "search", &mut out);
    let text = out.join("\n");
    for wrong in [
        "search.total",
        "no `limit`",
        "no `self`",
        "results[0].uri",
        "no `searchHit`",
    ] {
        assert!(text.contains(wrong), "{wrong} not found in:\n{text}");
    }
    out.clear();
    let occ = json!({"className": "Skill"});
    departures(&occ, &shapes()["occupation"], "occupation", &mut out);
    assert!(
        out.iter().any(|l| l.contains("is not \"Occupation\"")),
        "{out:?}"
    );
}

#[tokio::test]
async fn search_and_suggest2_pages_have_escos_shape() -> TestResult {
    let app = app();
    for uri in [
        "/search?text=zorg&language=nl&limit=3",
        "/search?text=zorg&language=nl&limit=3&offset=1",
        "/search?text=care&language=en&type=occupation&limit=2",
        "/suggest2?text=wond&language=nl&type=skill&limit=5",
    ] {
        let (s, v) = get(&app, uri).await?;
        assert_eq!(s, 200, "{uri}: {v}");
        assert_shape(&v, "search");
        let results = v["_embedded"]["results"].as_array().map_or(0, Vec::len);
        assert!(results > 0, "{uri}: no results to check");
    }
    let (_, v) = get(&app, "/search?text=zorg&language=nl&limit=3").await?;
    assert!(
        v["_links"]["next"]["href"].is_string(),
        "a first page of many links on"
    );
    Ok(())
}

#[tokio::test]
async fn occupation_resources_have_escos_shape() -> TestResult {
    let (s, v) = get(
        &app(),
        "/resource/occupation?uri=occ:verzorgende-ig&language=nl",
    )
    .await?;
    assert_eq!(s, 200, "{v}");
    assert_shape(&v, "occupation");
    for list in ["hasEssentialSkill", "hasOptionalSkill"] {
        let n = v["_links"][list].as_array().map_or(0, Vec::len);
        assert!(n > 0, "{list} is empty: nothing was checked");
    }
    Ok(())
}

#[tokio::test]
async fn skill_resources_have_escos_shape() -> TestResult {
    let app = app();
    let (s, v) = get(&app, "/resource/skill?uri=skill:wondverzorging&language=nl").await?;
    assert_eq!(s, 200, "{v}");
    assert_shape(&v, "skill");
    for list in ["isEssentialForOccupation", "broaderSkill"] {
        let n = v["_links"][list].as_array().map_or(0, Vec::len);
        assert!(n > 0, "{list} is empty: nothing was checked");
    }
    assert!(
        v["alternativeLabel"]["nl"]
            .as_array()
            .is_some_and(|a| !a.is_empty()),
        "{v}"
    );
    assert!(v["description"]["nl"]["literal"].is_string(), "{v}");
    // Knowledge areas are ESCO skills of the knowledge type.
    let (_, page) = get(&app, "/search?text=anatomie&type=skill&language=nl&limit=1").await?;
    let uri = page["_embedded"]["results"][0]["uri"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (s, v) = get(&app, &format!("/resource/skill?uri={uri}")).await?;
    assert_eq!(s, 200, "{v}");
    assert_shape(&v, "skill");
    Ok(())
}

#[tokio::test]
async fn errors_have_escos_error_object() -> TestResult {
    let app = app();
    let (s, v) = get(&app, "/resource/skill?uri=skill:bestaat-niet").await?;
    assert_eq!(s, 404);
    assert_shape(&v, "error");
    assert_eq!(v["status"], 404);
    // ESCO's own example: an unknown class.
    let (s, v) = get(&app, "/search?text=x&type=taxonom").await?;
    assert_eq!(s, 400);
    assert_shape(&v, "error");
    assert_eq!(
        v["message"],
        "Illegal/Unknown type parameter values: ('taxonom')"
    );
    Ok(())
}
