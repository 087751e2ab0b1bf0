//! `vaardig eval transitions`: the transition ranking measured against truths, beside cosine and
//! Jaccard baselines computed in the same run on the same sources.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand, ValueEnum};
use vaardig_core::Ontology;
use vaardig_score::eval::{self, EvalReport, Truth};

use crate::context::Context;
use crate::output::{errln, outln, print_json};

/// `vaardig eval …`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Rank transitions from every source of a truth; P@k, recall@k, MRR, nDCG per method.
    Transitions(EvalTransitionsArgs),
}

/// Which truth to measure against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TruthArg {
    /// The hand-written Dutch transitions of the embedded ontology (with reasons).
    Handwritten,
    /// Occupations in the same ISCO-08 unit group; the ranker sees no ISCO codes.
    Isco,
    /// Parent, children and siblings in the occupation hierarchy; the ranker sees no hierarchy.
    Hierarchy,
}

/// Arguments of `vaardig eval transitions`.
#[derive(Debug, Args)]
pub struct EvalTransitionsArgs {
    /// The truths (repeatable). Default: `handwritten` on the embedded ontology, `isco` and
    /// `hierarchy` on another.
    #[arg(long, value_enum)]
    pub truth: Vec<TruthArg>,
    /// A truth file instead (TSV: from, to, plausible|implausible, reason…).
    #[arg(long, value_name = "FILE", conflicts_with = "truth")]
    pub truth_file: Option<PathBuf>,
    /// The cut-off k of P@k, recall@k and nDCG@k.
    #[arg(long, default_value_t = 10)]
    pub k: usize,
    /// Use every N-th source only (1: all).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub every: usize,
    /// Print JSON (one report per truth) instead of Markdown tables.
    #[arg(long)]
    pub json: bool,
}

/// Runs `vaardig eval`.
pub fn run(ctx: &Context, command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Transitions(args) => transitions(ctx, args),
    }
}

fn transitions(ctx: &Context, args: EvalTransitionsArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let mut reports: Vec<EvalReport> = Vec::new();
    if let Some(path) = &args.truth_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let name = path.display().to_string();
        let truth = Truth::parse_tsv(&name, &text, ontology)
            .with_context(|| format!("in {}", path.display()))?;
        reports.push(measure(ctx, ontology, &truth.every(args.every), args.k)?);
    } else {
        let truths = if args.truth.is_empty() {
            if ctx.ontology_dir().is_none() {
                vec![TruthArg::Handwritten]
            } else {
                vec![TruthArg::Isco, TruthArg::Hierarchy]
            }
        } else {
            args.truth.clone()
        };
        for t in truths {
            let (truth, seen) = match t {
                TruthArg::Handwritten => (
                    Truth::handwritten_nl(ontology)
                        .context("the hand-written truth is for the embedded ontology")?,
                    ontology.clone(),
                ),
                TruthArg::Isco => (
                    Truth::same_isco(ontology),
                    eval::strip_isco(ontology).map_err(|e| crate::context::describe(&e))?,
                ),
                TruthArg::Hierarchy => (
                    Truth::occupation_hierarchy(ontology),
                    eval::strip_occupation_hierarchy(ontology)
                        .map_err(|e| crate::context::describe(&e))?,
                ),
            };
            if truth.sources.is_empty() {
                errln!(
                    "note: truth `{}` has no sources in this ontology; skipped",
                    truth.name
                );
                continue;
            }
            reports.push(measure(ctx, &seen, &truth.every(args.every), args.k)?);
        }
    }
    if args.json {
        print_json(&reports)?;
    } else {
        for r in &reports {
            outln!("{}", r.to_markdown())?;
            for (from, to) in &r.implausible_hits {
                outln!("implausible in top {}: {from} → {to}", r.k)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn measure(ctx: &Context, seen: &Ontology, truth: &Truth, k: usize) -> anyhow::Result<EvalReport> {
    let scorer = ctx.scorer_for(seen)?;
    Ok(eval::evaluate(&scorer, truth, k)?)
}
