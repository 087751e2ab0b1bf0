//! `vaardig diff` and `vaardig report`.

use std::process::ExitCode;

use clap::Args;

use crate::context::Context;

/// Arguments of `vaardig diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {}

/// Arguments of `vaardig report`.
#[derive(Debug, Args)]
pub struct ReportArgs {}

/// Runs `vaardig diff`.
pub fn diff(_ctx: &Context, _args: DiffArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("diff is not available yet")
}

/// Runs `vaardig report`.
pub fn report(_ctx: &Context, _args: ReportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("report is not available yet")
}
