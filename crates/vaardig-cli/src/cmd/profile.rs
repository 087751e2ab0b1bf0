//! `vaardig profile new`: a first profile from CV text (via `extract`), plus age, NLQF level and
//! current occupation, written as the JSON an adviser then edits. The drafting is
//! [`vaardig_service::draft_profile`]; this module reads the text and writes the file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use vaardig_score::Evidence;
use vaardig_service::{DraftOptions, draft_profile};

use crate::context::Context;
use crate::output::{errln, print_json, write_with};

/// The profile subcommands.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Draft a profile from CV text: every skill mentioned, the occupation, age and level.
    New(NewArgs),
}

/// The evidence to give every extracted skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvidenceArg {
    /// The person says so (the default: an adviser has not checked it yet).
    SelfDeclared,
    /// Work experience.
    WorkExperience,
    /// A diploma.
    Diploma,
}

/// Arguments of `vaardig profile new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The CV text (or use --file).
    #[arg(conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the CV text from FILE (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The person's age.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(vaardig_score::MAX_AGE)))]
    pub age: Option<u8>,
    /// Highest completed NLQF level, 1–8, or 0 for none.
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub nlqf: Option<u8>,
    /// The current occupation, by id or label (default: the first one the text mentions).
    #[arg(long, value_name = "OCCUPATION")]
    pub current: Option<String>,
    /// The evidence for every extracted skill.
    #[arg(long, value_enum, default_value = "self-declared")]
    pub evidence: EvidenceArg,
    /// Write the profile to FILE (whole or not at all; an existing file needs --force) instead
    /// of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs a profile subcommand.
pub fn run(ctx: &Context, command: ProfileCommand) -> anyhow::Result<ExitCode> {
    match command {
        ProfileCommand::New(args) => new(ctx, args),
    }
}

fn new(ctx: &Context, args: NewArgs) -> anyhow::Result<ExitCode> {
    let text = match (&args.file, &args.text) {
        (Some(path), _) => crate::cmd::search::read_text(path)?,
        (None, Some(text)) => text.clone(),
        (None, None) => anyhow::bail!("give the CV text, or --file FILE"),
    };
    let ontology = ctx.ontology()?;
    let searcher = ctx.searcher(None)?;
    let options = DraftOptions {
        age: args.age,
        nlqf: args.nlqf,
        current: args.current.clone(),
        evidence: Some(match args.evidence {
            EvidenceArg::SelfDeclared => Evidence::SelfDeclared,
            EvidenceArg::WorkExperience => Evidence::WorkExperience,
            EvidenceArg::Diploma => Evidence::Diploma,
        }),
    };
    let draft = draft_profile(ontology, &searcher, &text, &options)?;
    for note in &draft.notes {
        errln!("note: {note}");
    }
    match &args.out {
        Some(path) => {
            let policy = ctx.output_policy(args.file.iter().cloned());
            write_with(path, &policy, |out| {
                serde_json::to_writer_pretty(&mut *out, &draft.profile)?;
                out.write_all(b"\n")
            })?;
            errln!("wrote the profile to {}", path.display());
        }
        None => print_json(&draft.profile)?,
    }
    Ok(ExitCode::SUCCESS)
}
