//! The shared state of every request, the [`Limits`] it enforces, and the [`router`] that puts
//! the endpoints and the front middleware together.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use tokio::sync::Semaphore;

use crate::catalog::{Version, Versions};
use crate::error::ApiError;
use crate::{api, esco, front, openapi, web};

/// What one request may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body, in bytes (413 beyond).
    pub body_bytes: usize,
    /// How long reading the body may take (408 beyond: a slow client).
    pub body_time: Duration,
    /// How long the whole answer may take (503 `timeout` beyond).
    pub request_time: Duration,
    /// Requests answered at once; one more gets 429 at once instead of waiting.
    pub in_flight: usize,
}

impl Default for Limits {
    /// 1 MiB bodies read within 10 s, answers within 30 s, 256 requests in flight.
    fn default() -> Self {
        Limits {
            body_bytes: 1 << 20,
            body_time: Duration::from_secs(10),
            request_time: Duration::from_secs(30),
            in_flight: 256,
        }
    }
}

/// What every handler sees.
#[derive(Debug, Clone)]
pub(crate) struct AppState {
    pub versions: Arc<Versions>,
    pub limits: Limits,
    pub permits: Arc<Semaphore>,
}

impl AppState {
    /// The version `?version=` names (default: the catalog's default).
    pub fn version(&self, name: Option<&str>) -> Result<Arc<Version>, ApiError> {
        let catalog = self.versions.current();
        catalog.get(name).ok_or_else(|| {
            let known: Vec<&str> = catalog.names().collect();
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "unknown_version",
                format!(
                    "no ontology version `{}`; loaded: {}",
                    name.unwrap_or_default(),
                    known.join(", ")
                ),
            )
        })
    }
}

/// The whole service: every endpoint behind the front middleware (request id, in-flight limit,
/// request time limit, structured errors, a log line per request).
pub fn router(versions: Arc<Versions>, limits: Limits) -> Router {
    let state = AppState {
        versions,
        limits,
        permits: Arc::new(Semaphore::new(limits.in_flight)),
    };
    Router::new()
        .route("/search", get(esco::search))
        .route("/suggest2", get(esco::suggest2))
        .route("/resource/occupation", get(esco::occupation))
        .route("/resource/skill", get(esco::skill))
        .route("/resource/concept", get(esco::concept))
        .route("/extract", post(api::extract))
        .route("/gap", post(api::gap))
        .route("/transitions", post(api::transitions))
        .route("/route", post(api::route))
        .route("/rights", post(api::rights))
        .route("/advies", post(api::advice))
        .route("/diff", get(api::diff))
        .route("/healthz", get(api::healthz))
        .route("/versions", get(api::versions))
        .route("/openapi.json", get(openapi::document))
        .route("/", get(web::index))
        .route("/assets/{name}", get(web::asset))
        .fallback(front::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            front::front,
        ))
        .with_state(state)
}
