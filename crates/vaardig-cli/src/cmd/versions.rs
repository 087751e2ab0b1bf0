//! `vaardig diff` and `vaardig report`: what changed between two ontology versions (and what it
//! does to rankings), and how good one version is.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;
use vaardig_diff::impact::{self, ImpactOptions, NamedProfile};
use vaardig_diff::markdown::{self, MarkdownOptions};
use vaardig_diff::{
    Diff, DiffOptions, IdMapping, Impact, MappingConfig, QualityOptions, QualityReport,
};

use crate::cmd::score::ExplainLang;
use crate::context::Context;
use crate::output::{out, outln, print_json, table, write_file};

/// Arguments of `vaardig diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: an ontology directory.
    pub old: PathBuf,
    /// The new version: an ontology directory.
    pub new: PathBuf,
    /// Measure the ranking impact on these profiles (a JSON array, or JSON Lines).
    #[arg(long, value_name = "FILE")]
    pub profiles: Option<PathBuf>,
    /// Without --profiles: measure the impact on N profiles sampled from the old version's
    /// occupations (0: no impact section).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        conflicts_with = "profiles"
    )]
    pub sample: usize,
    /// Compare this many top transitions per profile.
    #[arg(long, value_name = "K", default_value_t = 10)]
    pub top: usize,
    /// Old → new id pairs to apply (CSV with the columns old_id,new_id).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Write the supplied and proposed id mappings as CSV, to review and pass back with --mapping.
    #[arg(long, value_name = "FILE")]
    pub write_mapping: Option<PathBuf>,
    /// Do not propose mappings for changed ids.
    #[arg(long)]
    pub no_propose: bool,
    /// Apply proposed mappings at or above this confidence (0–1).
    #[arg(long, value_name = "C", default_value_t = 0.85)]
    pub accept: f64,
    /// Write the rank-change histogram as SVG (with --profiles or --sample).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// At most this many rows per Markdown table.
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub rows: usize,
    /// Print JSON.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown report.
    #[arg(long)]
    pub markdown: bool,
    /// Exit with status 1 when the versions differ.
    #[arg(long)]
    pub exit_code: bool,
    /// Language of the report.
    #[arg(long, value_enum, default_value = "nl")]
    pub lang: ExplainLang,
}

/// Arguments of `vaardig report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The ontology directory (default: `--ontology`, else the embedded ontology).
    pub dir: Option<PathBuf>,
    /// List occupations with fewer essential skills than this.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub few_essential: usize,
    /// At most this many rows per Markdown table.
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub rows: usize,
    /// Print JSON.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown report.
    #[arg(long)]
    pub markdown: bool,
    /// Language of the report.
    #[arg(long, value_enum, default_value = "nl")]
    pub lang: ExplainLang,
}

/// The JSON output of `vaardig diff`.
#[derive(Debug, Serialize)]
struct DiffOutput<'a> {
    diff: &'a Diff,
    #[serde(skip_serializing_if = "Option::is_none")]
    impact: Option<&'a Impact>,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes `text` to `path` atomically; the inputs of `diff` are never overwritten.
fn write(ctx: &Context, args: &DiffArgs, path: &Path, text: &str) -> anyhow::Result<()> {
    let inputs = [
        Some(&args.old),
        Some(&args.new),
        args.mapping.as_ref(),
        args.profiles.as_ref(),
    ];
    let policy = ctx.output_policy(inputs.into_iter().flatten().cloned());
    write_file(path, text.as_bytes(), &policy)
}

/// Runs `vaardig diff`.
pub fn diff(ctx: &Context, args: DiffArgs) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.accept) {
        anyhow::bail!("--accept must be from 0 to 1, got {}", args.accept);
    }
    let old = ctx.load_dir(&args.old)?;
    let new = ctx.load_dir(&args.new)?;
    let mapping = match &args.mapping {
        Some(path) => Some(IdMapping::from_csv(
            &read(path)?,
            &path.display().to_string(),
        )?),
        None => None,
    };
    let options = DiffOptions {
        mapping,
        mapping_config: MappingConfig {
            propose: !args.no_propose,
            accept: args.accept,
            min_confidence: MappingConfig::default().min_confidence.min(args.accept),
            ..MappingConfig::default()
        },
    };
    let d = vaardig_diff::diff_with(&old, &new, &options)?;
    if let Some(path) = &args.write_mapping {
        write(
            ctx,
            &args,
            path,
            &vaardig_diff::mapping::write_csv(&d.mapping),
        )?;
    }

    let profiles: Vec<NamedProfile> = match &args.profiles {
        Some(path) => impact::profiles_from_json(&read(path)?, &path.display().to_string())?,
        None => impact::sample_profiles(&old, args.sample),
    };
    let measured = if profiles.is_empty() {
        None
    } else {
        let options = ImpactOptions {
            k: args.top,
            depth: ImpactOptions::default().depth.max(args.top),
        };
        Some(impact::impact(&old, &new, &d, &profiles, &options)?)
    };
    let mut chart = None;
    if let Some(path) = &args.svg {
        let Some(i) = &measured else {
            anyhow::bail!("--svg needs profiles: pass --profiles FILE or --sample N");
        };
        write(
            ctx,
            &args,
            path,
            &vaardig_diff::plot::rank_change_histogram(i)?,
        )?;
        chart = Some(path.display().to_string());
    }

    if args.json {
        print_json(&DiffOutput {
            diff: &d,
            impact: measured.as_ref(),
        })?;
    } else if args.markdown {
        let options = MarkdownOptions {
            rows: args.rows,
            chart,
        };
        out!(
            "{}",
            markdown::diff_report(&d, &old, &new, measured.as_ref(), &options)
        )?;
    } else {
        print_summary(&d, measured.as_ref())?;
    }
    Ok(if args.exit_code && !d.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_summary(d: &Diff, impact: Option<&Impact>) -> std::io::Result<()> {
    let s = &d.summary;
    outln!(
        "{} {} → {} {}",
        d.old.name,
        d.old.version,
        d.new.name,
        d.new.version
    )?;
    let rows: Vec<Vec<String>> = [
        ("concepts added", s.added),
        ("concepts removed", s.removed),
        ("ids mapped", s.remapped),
        ("mappings suggested", s.suggested),
        ("relabelled", s.relabelled),
        ("synonyms changed", s.synonyms_changed),
        ("definitions changed", s.definitions_changed),
        ("attributes changed", s.attributes_changed),
        ("moved", s.moved),
        ("relations added", s.relations_added),
        ("relations removed", s.relations_removed),
        ("relations re-weighted", s.relations_reweighted),
    ]
    .iter()
    .map(|(what, n)| vec![(*what).to_owned(), n.to_string()])
    .collect();
    out!("{}", table(&["change", "count"], &rows))?;
    if let Some(i) = impact {
        outln!(
            "\nimpact on {} profiles: mean top-{} overlap {:.1} %, mean Kendall τ-b {}, mean |Δgap| {:.4}",
            i.profiles.len(),
            i.options.k,
            i.mean_overlap * 100.0,
            i.mean_kendall_tau
                .map_or_else(|| "–".to_owned(), |t| format!("{t:.3}")),
            i.mean_abs_gap_delta
        )?;
    }
    outln!("\n(--markdown for the full report, --json for every change)")
}

/// Runs `vaardig report`.
pub fn report(ctx: &Context, args: ReportArgs) -> anyhow::Result<ExitCode> {
    let loaded;
    let ontology = match &args.dir {
        Some(dir) => {
            loaded = ctx.load_dir(dir)?;
            &loaded
        }
        None => ctx.ontology()?,
    };
    let r = QualityReport::of(
        ontology,
        &QualityOptions {
            few_essential: args.few_essential,
        },
    );
    if args.json {
        print_json(&r)?;
    } else if args.markdown {
        let options = MarkdownOptions {
            rows: args.rows,
            chart: None,
        };
        out!("{}", markdown::quality_report(&r, &options))?;
    } else {
        outln!("{} {}", r.version.name, r.version.version)?;
        let findings: Vec<Vec<String>> = [
            ("skills no occupation requires", r.unrequired_skills.len()),
            (
                "occupations with few essential skills",
                r.few_essential.len(),
            ),
            ("offers teaching nothing", r.offers_teaching_nothing.len()),
            (
                "offers teaching nothing required",
                r.offers_teaching_nothing_required.len(),
            ),
            ("isolated concepts", r.isolated.len()),
        ]
        .iter()
        .map(|(what, n)| vec![(*what).to_owned(), n.to_string()])
        .collect();
        out!("{}", table(&["check", "count"], &findings))?;
        let labels: Vec<Vec<String>> = r
            .labels
            .iter()
            .map(|l| {
                vec![
                    l.lang.clone(),
                    format!("{:.1} %", l.pref * 100.0),
                    format!("{:.1} %", l.alt * 100.0),
                    format!("{:.1} %", l.definition * 100.0),
                ]
            })
            .collect();
        outln!()?;
        out!(
            "{}",
            table(
                &["language", "preferred", "synonyms", "definition"],
                &labels
            )
        )?;
        outln!("\n(--markdown for the full report, --json for every list)")?;
    }
    Ok(ExitCode::SUCCESS)
}
