//! `vaardig import skos` and `vaardig import esco`.

use std::process::ExitCode;

use clap::Subcommand;

use crate::context::Context;

/// The import subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import SKOS / CompetentNL-style RDF (Turtle, N-Triples).
    Skos {},
    /// Import the ESCO CSV download.
    Esco {},
}

/// Runs an import subcommand.
pub fn run(_ctx: &Context, _command: ImportCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("import is not available yet")
}
