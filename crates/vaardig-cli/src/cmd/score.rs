//! `vaardig gap`, `transitions`, `route` and `rights`.

use std::process::ExitCode;

use clap::Args;

use crate::context::Context;

/// Arguments of `vaardig gap`.
#[derive(Debug, Args)]
pub struct GapArgs {}

/// Arguments of `vaardig transitions`.
#[derive(Debug, Args)]
pub struct TransitionsArgs {}

/// Arguments of `vaardig route`.
#[derive(Debug, Args)]
pub struct RouteArgs {}

/// Arguments of `vaardig rights`.
#[derive(Debug, Args)]
pub struct RightsArgs {}

/// Runs `vaardig gap`.
pub fn gap(_ctx: &Context, _args: GapArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("gap is not available yet")
}

/// Runs `vaardig transitions`.
pub fn transitions(_ctx: &Context, _args: TransitionsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("transitions is not available yet")
}

/// Runs `vaardig route`.
pub fn route(_ctx: &Context, _args: RouteArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("route is not available yet")
}

/// Runs `vaardig rights`.
pub fn rights(_ctx: &Context, _args: RightsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rights is not available yet")
}
