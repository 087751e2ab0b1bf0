//! Errors: [`ServerError`] for starting up, [`ApiError`] for one request — a JSON body with a
//! stable `code`, the HTTP `status`, a `message`, the `request_id` (also as ESCO's `logref`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use vaardig_core::OntologyError;
use vaardig_service::{PersonError, ResolveError, ServiceError};

/// Why the server could not start or reload.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// An ontology is invalid.
    #[error("cannot load the ontology in {place}: {summary}")]
    Ontology {
        /// The directory.
        place: String,
        /// The error count and the first errors.
        summary: String,
    },
    /// The scoring configuration is invalid.
    #[error("invalid scoring configuration: {0}")]
    Config(String),
    /// A search index could not be built.
    #[error("cannot build the search index: {0}")]
    Index(String),
    /// Two sources have the same version name.
    #[error("two ontologies are named `{0}`; name them with --ontology NAME=DIR")]
    DuplicateVersion(String),
    /// No source was given.
    #[error("no ontology to serve")]
    NoOntology,
    /// The address could not be bound or the server failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ServerError {
    pub(crate) fn ontology(place: &str, e: &OntologyError) -> Self {
        let first: Vec<String> = e.errors().take(5).map(ToString::to_string).collect();
        ServerError::Ontology {
            place: place.to_owned(),
            summary: format!("{} error(s): {}", e.error_count(), first.join("; ")),
        }
    }
}

tokio::task_local! {
    /// The id of the request being answered, set by the front middleware.
    pub(crate) static REQUEST_ID: String;
}

/// One failed request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiError {
    /// The HTTP status.
    #[serde(serialize_with = "status_number")]
    pub status: StatusCode,
    /// A stable snake_case code (see the README's table).
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
    /// Extra facts, e.g. the candidates of an ambiguous label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

fn status_number<S: serde::Serializer>(s: &StatusCode, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_u16(s.as_u16())
}

/// Marks a response whose body is already a structured error.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Structured;

impl ApiError {
    /// An error with `status`, `code` and `message`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: None,
        }
    }

    /// 400 `invalid_request`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", message)
    }

    /// The structured error for a bare status another layer produced.
    pub(crate) fn from_status(status: StatusCode) -> Self {
        let (code, message) = match status {
            StatusCode::NOT_FOUND => ("not_found", "no such endpoint"),
            StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "method not allowed here"),
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "the request body is too large"),
            StatusCode::TOO_MANY_REQUESTS => ("overloaded", "too many requests in flight"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", "send JSON"),
            s if s.is_client_error() => ("invalid_request", "the request is invalid"),
            _ => ("internal", "the server failed to answer"),
        };
        ApiError::new(status, code, message)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        let status = match e.code() {
            "invalid_request" | "no_person" | "unknown_language" => StatusCode::BAD_REQUEST,
            "search_index" => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let details = match &e {
            ServiceError::Person(PersonError::Resolve(ResolveError::Ambiguous {
                candidates,
                ..
            })) => Some(serde_json::json!({
                "candidates": candidates
                    .iter()
                    .map(|(id, label)| serde_json::json!({"id": id, "label": label}))
                    .collect::<Vec<_>>()
            })),
            ServiceError::Person(PersonError::Resolve(ResolveError::NotFound {
                suggestions,
                ..
            })) if !suggestions.is_empty() => Some(serde_json::json!({
                "suggestions": suggestions
                    .iter()
                    .map(|(id, label)| serde_json::json!({"id": id, "label": label}))
                    .collect::<Vec<_>>()
            })),
            _ => None,
        };
        ApiError {
            status,
            code: e.code(),
            message: e.to_string(),
            details,
        }
    }
}

/// The body of every error response: ESCO's error object (`logref`, `status`, `message`,
/// `_links`) with vaardig's stable `code`, `details` and `request_id`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// The HTTP status.
    status: u16,
    /// A stable snake_case code: `invalid_request`, `bad_json`, `no_person`,
    /// `unknown_label`, `ambiguous_label`, `invalid_profile`, `unknown_id`,
    /// `not_an_occupation`, `not_a_sector`, `missing_age`, `unknown_scheme`,
    /// `none_within_reach`, `unknown_language`, `search_index`, `unknown_version`, `unknown_resource`,
    /// `not_found`, `method_not_allowed`, `unsupported_media_type`, `payload_too_large`,
    /// `slow_body`, `overloaded`, `timeout`, `internal`.
    #[schema(value_type = String, example = "unknown_label")]
    code: &'static str,
    /// A sentence for people.
    message: String,
    /// Extra facts: `candidates` of an ambiguous label, `suggestions` for an unknown one
    /// (each `{id, label}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    details: Option<serde_json::Value>,
    /// The request's id (also in the `x-request-id` header and the log line).
    request_id: String,
    /// ESCO's name for the same id.
    logref: String,
    /// Always `null`, as in ESCO.
    #[serde(rename = "_links")]
    #[schema(value_type = Option<Object>)]
    links: Option<serde_json::Value>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let request_id = REQUEST_ID.try_with(Clone::clone).unwrap_or_default();
        let body = ErrorBody {
            status: self.status.as_u16(),
            code: self.code,
            message: self.message,
            details: self.details,
            request_id: request_id.clone(),
            logref: request_id,
            links: None,
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        response.extensions_mut().insert(Structured);
        response
    }
}
