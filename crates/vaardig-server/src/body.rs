//! Reading a JSON request body within the limits: at most [`Limits::body_bytes`] (413), within
//! [`Limits::body_time`] (408), and valid JSON (400 `bad_json`).
//!
//! [`Limits::body_bytes`]: crate::Limits::body_bytes
//! [`Limits::body_time`]: crate::Limits::body_time

use axum::body::Body;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::state::Limits;

/// The body as a JSON value.
pub(crate) async fn json(body: Body, limits: &Limits) -> Result<serde_json::Value, ApiError> {
    let read = axum::body::to_bytes(body, limits.body_bytes);
    let bytes = match tokio::time::timeout(limits.body_time, read).await {
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "slow_body",
                format!(
                    "the request body did not arrive within {} ms",
                    limits.body_time.as_millis()
                ),
            ));
        }
        Ok(Err(_)) => {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!(
                    "the request body is larger than {} bytes or broke off",
                    limits.body_bytes
                ),
            ));
        }
        Ok(Ok(b)) => b,
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_json",
            format!("the request body is not JSON: {e}"),
        )
    })
}
