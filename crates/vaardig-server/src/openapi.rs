//! `GET /openapi.json`: an OpenAPI 3.1 description of every endpoint, written here by hand
//! beside the router (a test checks that every routed path is described). Answer bodies are
//! described by reference to the CLI's `--json` output, which they equal.

use axum::Json;
use serde_json::{Value, json};

/// Every path the document describes, in the order it lists them.
#[cfg(test)]
pub(crate) const PATHS: &[&str] = &[
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
];

fn query(name: &str, description: &str, schema: Value, required: bool) -> Value {
    json!({"name": name, "in": "query", "required": required, "description": description, "schema": schema})
}

fn version() -> Value {
    query(
        "version",
        "The ontology version to answer from (default: the first loaded; see /versions).",
        json!({"type": "string"}),
        false,
    )
}

fn lookup(summary: &str) -> Value {
    json!({"get": {
        "summary": summary,
        "parameters": [
            query("text", "The text to look up.", json!({"type": "string"}), true),
            query("type", "occupation, skill or concept; a comma-separated list for several.", json!({"type": "string"}), false),
            query("language", "The language of labels and titles (default: the ontology's first).", json!({"type": "string"}), false),
            query("limit", "Page size, 1-100 (default 20).", json!({"type": "integer", "minimum": 1, "maximum": 100}), false),
            query("offset", "The 0-based page number, as in ESCO.", json!({"type": "integer", "minimum": 0}), false),
            query("full", "Embed each result's full resource.", json!({"type": "boolean"}), false),
            version()
        ],
        "responses": {
            "200": {"description": "HAL page: className, total, offset, limit, language, _embedded.results, _links.self/first/prev/next.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}}},
            "400": {"$ref": "#/components/responses/Error"}
        }
    }})
}

fn resource(summary: &str) -> Value {
    json!({"get": {
        "summary": summary,
        "parameters": [
            query("uri", "The concept's URI or vaardig id.", json!({"type": "string"}), true),
            query("language", "The language of titles.", json!({"type": "string"}), false),
            version()
        ],
        "responses": {
            "200": {"description": "HAL resource: preferredLabel, alternativeLabel, description, _links (hasEssentialSkill, hasOptionalSkill, isEssentialForOccupation, isOptionalForOccupation, broader…, narrower…).",
                    "content": {"application/json": {"schema": {"type": "object"}}}},
            "404": {"$ref": "#/components/responses/Error"}
        }
    }})
}

fn question(summary: &str, body: &str, answer: &str) -> Value {
    json!({"post": {
        "summary": summary,
        "parameters": [version()],
        "requestBody": {"required": true, "description": body,
                        "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
            "200": {"description": answer, "content": {"application/json": {"schema": {}}}},
            "400": {"$ref": "#/components/responses/Error"},
            "408": {"$ref": "#/components/responses/Error"},
            "413": {"$ref": "#/components/responses/Error"},
            "422": {"$ref": "#/components/responses/Error"},
            "429": {"$ref": "#/components/responses/Error"},
            "503": {"$ref": "#/components/responses/Error"}
        }
    }})
}

const PERSON: &str = "`profile` (the profile JSON of examples/profiles/) and/or `skills` (ids, URIs or labels, counted as self-declared)";

/// The document.
pub(crate) fn build() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "vaardig",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Skills matching over a CompetentNL-style taxonomy: an ESCO-compatible lookup and vaardig's own questions. Stateless: no person's data is stored.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "paths": {
            "/search": lookup("Search concepts by label, synonym or definition (ESCO /search)."),
            "/suggest2": lookup("Autocomplete: the last word is a prefix (ESCO /suggest2)."),
            "/resource/occupation": resource("One occupation with its essential and optional skills."),
            "/resource/skill": resource("One skill with the occupations that need it."),
            "/resource/concept": resource("One concept of any kind."),
            "/extract": question("Skill and occupation mentions in free text.", "{\"text\": \"...\"}", "As `vaardig extract --json`: [{id, kind, label, start, end, score, text}]."),
            "/gap": question("The gap between a person and one occupation.", &format!("{PERSON}, `occupation`."), "As `vaardig gap --json`."),
            "/transitions": question("Occupations within reach, ranked and explained.", &format!("{PERSON} or `from` (an occupation); `limit` (10), `shortage_only`, `sector`, `max_gap_hours`, `rank_by`."), "As `vaardig transitions --json`."),
            "/route": question("The courses that close the gap to a target.", &format!("{PERSON}, `to`; `scheme`, `optimise`, `max_nlqf`, `include_important`."), "As `vaardig route --json`."),
            "/rights": question("Learning rights (leerrechten).", "`age`, `nlqf`, `used_eur`.", "As `vaardig rights --json`."),
            "/advies": question("The whole advice: transitions, gap, learning rights, route.", &format!("{PERSON}; `to`, `limit` (5), `shortage_only`, `scheme` (leerrechten), `optimise`."), "As `vaardig advies --json`: {transitions, target, gap, entitlement, route}."),
            "/diff": {"get": {
                "summary": "What changed between two loaded versions.",
                "parameters": [
                    query("from", "The old version.", json!({"type": "string"}), true),
                    query("to", "The new version.", json!({"type": "string"}), true)
                ],
                "responses": {"200": {"description": "As the library's Diff."}, "404": {"$ref": "#/components/responses/Error"}}
            }},
            "/healthz": {"get": {"summary": "Liveness and the loaded versions.", "responses": {"200": {"description": "{status, default_version, versions}"}}}},
            "/versions": {"get": {"summary": "The loaded ontology versions.", "responses": {"200": {"description": "[{version, name, concepts, default}]"}}}},
            "/openapi.json": {"get": {"summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.1"}}}}
        },
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["status", "code", "message", "request_id"], "properties": {
                    "status": {"type": "integer"},
                    "code": {"type": "string", "description": "Stable: invalid_request, bad_json, no_person, unknown_label, ambiguous_label, invalid_profile, unknown_id, not_an_occupation, not_a_sector, missing_age, unknown_scheme, none_within_reach, unknown_version, unknown_resource, not_found, method_not_allowed, payload_too_large, slow_body, overloaded, timeout, internal."},
                    "message": {"type": "string"},
                    "details": {"type": "object"},
                    "request_id": {"type": "string"},
                    "logref": {"type": "string", "description": "ESCO's name for the same id."}
                }},
                "SearchPage": {"type": "object", "required": ["className", "total", "offset", "limit", "_embedded", "_links"]}
            },
            "responses": {
                "Error": {"description": "A structured error.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
        }
    })
}

/// `GET /openapi.json`.
pub(crate) async fn document() -> Json<Value> {
    Json(build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_path_is_described() {
        let doc = build();
        for p in PATHS {
            assert!(doc["paths"][p].is_object(), "{p} is not described");
        }
        assert_eq!(doc["paths"].as_object().map(|m| m.len()), Some(PATHS.len()));
    }
}
