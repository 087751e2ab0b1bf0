//! The middleware in front of every endpoint: a request id (taken from a sane `x-request-id`
//! header or made here), the in-flight limit (429 at once beyond it), the request time limit,
//! a structured JSON body for every error, and one log line per request.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, REQUEST_ID, Structured};
use crate::state::AppState;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh id: the process id, the start time and a counter, in hex.
fn fresh_id() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("{:x}-{:x}-{n:x}", std::process::id(), t)
}

/// The caller's id if it is short and printable, else a fresh one.
fn request_id(req: &Request) -> String {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|s| !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(fresh_id, str::to_owned)
}

/// The front middleware (see the module documentation).
pub(crate) async fn front(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let id = request_id(&req);
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let started = Instant::now();
    let response = REQUEST_ID
        .scope(id.clone(), async {
            let Ok(_permit) = state.permits.clone().try_acquire_owned() else {
                return ApiError::from_status(StatusCode::TOO_MANY_REQUESTS).into_response();
            };
            let answer = tokio::time::timeout(state.limits.request_time, next.run(req)).await;
            let response = match answer {
                Ok(r) => r,
                Err(_) => ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "timeout",
                    format!(
                        "no answer within {} ms",
                        state.limits.request_time.as_millis()
                    ),
                )
                .into_response(),
            };
            let status = response.status();
            if (status.is_client_error() || status.is_server_error())
                && response.extensions().get::<Structured>().is_none()
            {
                ApiError::from_status(status).into_response()
            } else {
                response
            }
        })
        .await;
    let mut response = response;
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    tracing::info!(
        request_id = %id,
        %method,
        path = %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// 404 for every path no endpoint has.
pub(crate) async fn not_found() -> ApiError {
    ApiError::from_status(StatusCode::NOT_FOUND)
}
