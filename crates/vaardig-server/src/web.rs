//! The adviser's web page, embedded in the binary (works offline): `GET /` and
//! `GET /assets/{name}`. The script is `web/dist/app.js`, the committed bundle of the
//! TypeScript in `web/src/`.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

const INDEX: &str = include_str!("../web/index.html");
const ASSETS: &[(&str, &str, &str)] = &[
    // The TypeScript of web/src/, type-checked and bundled by `npm run build` in web/ and
    // committed, so this build needs no npm (`.ci/test` checks the bundle is fresh).
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../web/dist/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../web/style.css"),
    ),
];

/// `GET /`: the page.
#[utoipa::path(
    get,
    path = "/",
    tag = "page",
    summary = "The adviser's web page (Dutch, with an English switch)",
    responses((status = 200, description = "The page.", content_type = "text/html", body = String))
)]
pub(crate) async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

/// `GET /assets/{name}`: a script or style sheet.
#[utoipa::path(
    get,
    path = "/assets/{name}",
    tag = "page",
    summary = "A script or style sheet of the page",
    params(("name" = String, Path, description = "The file name, e.g. `app.js`.")),
    responses(
        (status = 200, description = "The file (JavaScript or CSS).", content_type = "text/javascript", body = String),
        (status = 404, description = "`not_found`: no such asset.", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, body)) => ([(header::CONTENT_TYPE, *mime)], *body).into_response(),
        None => ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such asset").into_response(),
    }
}
