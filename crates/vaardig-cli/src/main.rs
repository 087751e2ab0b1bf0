//! `vaardig`: the command-line shell over the vaardig library.
//!
//! A thin binary: parse arguments, call the library, print text or JSON. Exit codes are decided
//! here only: 0 success, 1 a negative result (e.g. `validate` found errors), 2 usage or input
//! errors (printed on stderr).

/// mimalloc instead of the system allocator: loading an ontology and answering a query make
/// hundreds of thousands of small strings, and mimalloc allocates and frees them in a fraction
/// of glibc's time (see `benches/compare/README.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;
mod context;
mod help;
mod i18n;
mod lines;
mod matrix_cache;
mod output;
mod usage_error;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::context::Context;
use crate::output::StdoutFailure;

/// Match people, courses and occupations over a CompetentNL-style skills taxonomy.
#[derive(Debug, Parser)]
#[command(name = "vaardig", version, about, long_about = None)]
struct Cli {
    /// Use the ontology in this directory (the native format, or the tables of `vaardig export
    /// --format parquet`) instead of the embedded default one.
    #[arg(long, global = true, value_name = "DIR")]
    ontology: Option<std::path::PathBuf>,

    /// Scoring weights from this TOML file (every field of `vaardig config --defaults`).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<std::path::PathBuf>,

    /// Replace existing output (`--out`, `--report`, ...). Output is always written whole or
    /// not at all; without this flag, existing output is left alone.
    #[arg(long, global = true)]
    force: bool,

    /// Load the ontology from its tables and build the search index afresh, reading and
    /// writing no snapshot or cached index (also `VAARDIG_NO_CACHE=1`). The cache lives in
    /// `$VAARDIG_CACHE_DIR`, else `$XDG_CACHE_HOME/vaardig` or `~/.cache/vaardig`.
    #[arg(long, global = true)]
    no_cache: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Counts per concept and relation kind, label completeness, hierarchy depth.
    Stats(cmd::ontology::StatsArgs),
    /// Check an ontology directory; list errors and warnings with file:line.
    Validate(cmd::ontology::ValidateArgs),
    /// Show one concept with its labels and relations.
    Show(cmd::ontology::ShowArgs),
    /// Write the whole ontology as JSON, Turtle (SKOS), native CSV tables or Parquet tables.
    Export(cmd::ontology::ExportArgs),
    /// Write a seeded synthetic ontology (e.g. at ESCO scale) in the native format.
    Generate(cmd::ontology::GenerateArgs),
    /// Find concepts by label, synonym or definition (Dutch and English, typo tolerant).
    Search(cmd::search::SearchArgs),
    /// Find skill and occupation mentions in free text (a CV paragraph, a vacancy).
    Extract(cmd::search::ExtractArgs),
    /// The whole advice for one person: transitions, gap, learning rights and course route.
    Advies(cmd::score::AdviceArgs),
    /// The gap between a person's profile and one occupation.
    Gap(cmd::score::GapArgs),
    /// Occupations within reach of a profile or an occupation, ranked and explained.
    Transitions(cmd::score::TransitionsArgs),
    /// The courses that close the gap to a target occupation, within learning rights.
    Route(cmd::score::RouteArgs),
    /// A person's learning rights (leerrechten) budget.
    Rights(cmd::score::RightsArgs),
    /// Profiles: `vaardig profile new` drafts one from CV text (see docs/profile.md).
    #[command(subcommand)]
    Profile(cmd::profile::ProfileCommand),
    /// Serve the HTTP API (ESCO-compatible lookup, vaardig's questions) and the adviser's page.
    Serve(cmd::serve::ServeArgs),
    /// Import a published taxonomy (SKOS/Turtle, ESCO CSV, O*NET, Tabiya) or Parquet tables into
    /// the native format.
    #[command(subcommand)]
    Import(cmd::import::ImportCommand),
    /// The scoring configuration: `vaardig config --defaults` prints every weight as TOML.
    Config(cmd::config::ConfigArgs),
    /// Measure the rankings against truths, beside plain baselines.
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
    /// What changed between two ontology versions, and how it moves rankings.
    Diff(cmd::versions::DiffArgs),
    /// A quality report for one ontology version.
    Report(cmd::versions::ReportArgs),
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::chosen_lang(&args, std::env::var("VAARDIG_LANG").ok().as_deref());
    let mut command = help::localize(Cli::command(), lang);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let text = usage_error::render(&err, lang);
            if err.use_stderr() {
                output::err!("{text}");
            } else {
                // Help and version: on stdout, where a closed pipe is no error.
                let _ = output::out!("{text}").and_then(|()| output::flush_stdout());
            }
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let limits = match context::table_limits_from_env() {
        Ok(limits) => limits,
        Err(e) => {
            output::errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let ctx = Context::new(cli.ontology, cli.config, cli.force, cli.no_cache).with_limits(limits);
    let result = run(cli.command, &ctx).and_then(|code| {
        output::flush_stdout()?;
        Ok(code)
    });
    // The process ends here: freeing a large ontology piece by piece (real ESCO: some 400,000
    // allocations, 25–50 ms) only delays the exit; the OS reclaims it at once.
    std::mem::forget(ctx);
    // A failed write on stdout decides the exit, however its error travelled up: a closed pipe
    // ends quietly and successfully, like Unix tools; anything else is an input/output error.
    match output::stdout_failure() {
        Some(StdoutFailure::Closed) => return ExitCode::SUCCESS,
        Some(StdoutFailure::Failed(why)) => {
            output::errln!("error: cannot write to standard output: {why}");
            return ExitCode::from(2);
        }
        None => {}
    }
    match result {
        Ok(code) => code,
        Err(err) => {
            output::errln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, ctx: &Context) -> anyhow::Result<ExitCode> {
    match command {
        Command::Stats(args) => cmd::ontology::stats(ctx, args),
        Command::Validate(args) => cmd::ontology::validate(ctx, args),
        Command::Show(args) => cmd::ontology::show(ctx, args),
        Command::Export(args) => cmd::ontology::export(ctx, args),
        Command::Generate(args) => cmd::ontology::generate(ctx, args),
        Command::Search(args) => cmd::search::search(ctx, args),
        Command::Extract(args) => cmd::search::extract(ctx, args),
        Command::Advies(args) => cmd::score::advice(ctx, args),
        Command::Gap(args) => cmd::score::gap(ctx, args),
        Command::Transitions(args) => cmd::score::transitions(ctx, args),
        Command::Route(args) => cmd::score::route(ctx, args),
        Command::Rights(args) => cmd::score::rights(ctx, args),
        Command::Profile(command) => cmd::profile::run(ctx, command),
        Command::Serve(args) => cmd::serve::run(ctx, args),
        Command::Import(command) => cmd::import::run(ctx, command),
        Command::Config(args) => cmd::config::run(ctx, args),
        Command::Eval(command) => cmd::eval::run(ctx, command),
        Command::Diff(args) => cmd::versions::diff(ctx, args),
        Command::Report(args) => cmd::versions::report(ctx, args),
    }
}
