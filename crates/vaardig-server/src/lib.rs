//! # vaardig-server
//!
//! vaardig over HTTP, for work centres and the case-management systems they run: an
//! ESCO-API-compatible lookup (`/search`, `/suggest2`, `/resource/…`), vaardig's own questions
//! (`POST /extract /gap /transitions /route /rights /advies`, `GET /diff`), `GET /openapi.json`,
//! `GET /healthz`, and an adviser's web page at `/` with its assets embedded.
//!
//! The service is stateless: it keeps no person's data. Each answer is computed from the request
//! and the loaded ontologies, and forgotten; logs name the method, path, status, time and
//! request id, never a body.
//!
//! - [`Catalog`] / [`Versions`]: the ontology versions served side by side (`?version=`),
//!   reloaded without dropping requests ([`Versions::reload`], `SIGHUP`).
//! - [`router`]: the whole service as an axum [`Router`](axum::Router), testable without a
//!   socket.
//! - [`serve`]: bind, serve, stop gracefully on `SIGTERM` or Ctrl-C.
//! - [`Limits`]: body size, body read time, request time, requests in flight (429 beyond).
//!
//! ```
//! use vaardig_server::{Limits, Source, Versions, router};
//!
//! let versions = Versions::load(vec![Source::embedded()])?;
//! let app = router(versions.into(), Limits::default());
//! # let _ = app;
//! # Ok::<(), vaardig_server::ServerError>(())
//! ```

mod api;
mod body;
mod catalog;
mod error;
mod esco;
mod front;
mod openapi;
mod serve;
mod state;
mod web;

pub use catalog::{Catalog, Source, Version, Versions};
pub use error::{ApiError, ServerError};
pub use serve::{ServeOptions, serve, serve_blocking};
pub use state::{Limits, router};
