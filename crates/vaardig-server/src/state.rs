//! The shared state of every request, the [`Limits`] it enforces, and the [`router`] that puts
//! the endpoints and the front middleware together.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
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

/// Every route the service answers: its path, its method and its handler. The router is built
/// from this list, and a test checks that `/openapi.json` describes exactly these.
pub(crate) fn routes() -> Vec<(&'static str, Method, MethodRouter<AppState>)> {
    vec![
        ("/search", Method::GET, get(esco::search)),
        ("/suggest2", Method::GET, get(esco::suggest2)),
        ("/resource/occupation", Method::GET, get(esco::occupation)),
        ("/resource/skill", Method::GET, get(esco::skill)),
        ("/resource/concept", Method::GET, get(esco::concept)),
        ("/extract", Method::POST, post(api::extract)),
        ("/gap", Method::POST, post(api::gap)),
        ("/transitions", Method::POST, post(api::transitions)),
        ("/route", Method::POST, post(api::route)),
        ("/rights", Method::POST, post(api::rights)),
        ("/advies", Method::POST, post(api::advice)),
        ("/diff", Method::GET, get(api::diff)),
        ("/healthz", Method::GET, get(api::healthz)),
        ("/versions", Method::GET, get(api::versions)),
        ("/openapi.json", Method::GET, get(openapi::document)),
        ("/", Method::GET, get(web::index)),
        ("/assets/{name}", Method::GET, get(web::asset)),
    ]
}

/// The whole service: every endpoint behind the front middleware (request id, in-flight limit,
/// request time limit, structured errors, a log line per request).
pub fn router(versions: Arc<Versions>, limits: Limits) -> Router {
    let state = AppState {
        versions,
        limits,
        permits: Arc::new(Semaphore::new(limits.in_flight)),
    };
    routes()
        .into_iter()
        .fold(Router::new(), |r, (path, _, handler)| {
            r.route(path, handler)
        })
        .fallback(front::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            front::front,
        ))
        .with_state(state)
}
