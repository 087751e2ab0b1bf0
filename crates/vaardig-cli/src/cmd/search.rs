//! `vaardig search` and `vaardig extract`.

use std::process::ExitCode;

use clap::Args;

use crate::context::Context;

/// Arguments of `vaardig search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query text.
    pub query: Option<String>,
}

/// Arguments of `vaardig extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The text.
    pub text: Option<String>,
}

/// Runs `vaardig search`.
pub fn search(_ctx: &Context, _args: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("search is not available yet")
}

/// Runs `vaardig extract`.
pub fn extract(_ctx: &Context, _args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("extract is not available yet")
}
