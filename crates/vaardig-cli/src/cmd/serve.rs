//! `vaardig serve`: the HTTP service and the adviser's web page (vaardig-server).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use vaardig_server::{Limits, ServeOptions, Source, Versions};

use crate::context::Context;

/// Arguments of `vaardig serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Another ontology version to serve beside the default one, as NAME=DIR (repeatable);
    /// clients choose it with `?version=NAME`.
    #[arg(long = "also", value_name = "NAME=DIR")]
    pub also: Vec<String>,
    /// The largest request body, in bytes.
    #[arg(long, default_value_t = Limits::default().body_bytes)]
    pub max_body: usize,
    /// Requests answered at once; more get 429.
    #[arg(long, default_value_t = Limits::default().in_flight)]
    pub max_in_flight: usize,
    /// How long one answer may take, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    pub timeout_ms: u64,
}

/// Runs `vaardig serve` until SIGTERM or Ctrl-C.
pub fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut sources = vec![match ctx.ontology_dir() {
        Some(dir) => Source {
            name: None,
            dir: Some(dir.to_owned()),
        },
        None => Source::embedded(),
    }];
    sources.extend(args.also.iter().map(|s| Source::parse(s)));
    let versions = Versions::load_with(sources, ctx.scoring_config()?)
        .context("cannot load the ontologies to serve")?;
    let limits = Limits {
        body_bytes: args.max_body,
        in_flight: args.max_in_flight.max(1),
        request_time: Duration::from_millis(args.timeout_ms.max(1)),
        ..Limits::default()
    };
    vaardig_server::serve_blocking(
        versions,
        ServeOptions {
            addr: args.addr,
            limits,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
