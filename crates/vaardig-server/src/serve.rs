//! [`serve`]: bind an address, answer until `SIGTERM` or Ctrl-C (letting requests in flight
//! finish), and reload every ontology on `SIGHUP`.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::catalog::Versions;
use crate::error::ServerError;
use crate::state::{Limits, router};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on.
    pub addr: SocketAddr,
    /// What one request may take.
    pub limits: Limits,
}

/// Serves `versions` on `options.addr` until a shutdown signal.
///
/// Logs go to stderr through `tracing` (`RUST_LOG` filters; default `info`).
pub async fn serve(versions: Versions, options: ServeOptions) -> Result<(), ServerError> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let versions = Arc::new(versions);
    let app = router(Arc::clone(&versions), options.limits);
    let listener = tokio::net::TcpListener::bind(options.addr).await?;
    let catalog = versions.current();
    tracing::info!(
        addr = %listener.local_addr()?,
        versions = ?catalog.names().collect::<Vec<_>>(),
        "vaardig serving"
    );
    drop(catalog);
    spawn_reloader(Arc::clone(&versions));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("vaardig stopped");
    Ok(())
}

/// Resolves on `SIGTERM` or Ctrl-C.
async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Reloads every ontology on `SIGHUP`; a failed reload keeps the old versions.
fn spawn_reloader(versions: Arc<Versions>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        else {
            return;
        };
        while hup.recv().await.is_some() {
            let v = Arc::clone(&versions);
            match tokio::task::spawn_blocking(move || v.reload()).await {
                Ok(Ok(())) => tracing::info!("ontologies reloaded"),
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "reload failed; keeping the old versions")
                }
                Err(e) => tracing::error!(error = %e, "reload failed"),
            }
        }
    });
    #[cfg(not(unix))]
    drop(versions);
}

/// [`serve`] on a multi-threaded tokio runtime of its own, for callers without one (the CLI).
pub fn serve_blocking(versions: Versions, options: ServeOptions) -> Result<(), ServerError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(versions, options))
}
