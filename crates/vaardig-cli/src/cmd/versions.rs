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
use vaardig_score::Lang;

use crate::cmd::score::ExplainLang;
use crate::context::Context;
use crate::i18n::{tr, tr_args};
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
    #[arg(long, default_value = "nl")]
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
    #[arg(long, default_value = "nl")]
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
    let label_language = args.lang.third_language(&[&old, &new])?;
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
            label_language: label_language.clone(),
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
            lang: args.lang.ui(),
            label_language,
        };
        out!(
            "{}",
            markdown::diff_report(&d, &old, &new, measured.as_ref(), &options)
        )?;
    } else {
        print_summary(&d, measured.as_ref(), args.lang.ui())?;
    }
    Ok(if args.exit_code && !d.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_summary(d: &Diff, impact: Option<&Impact>, lang: Lang) -> std::io::Result<()> {
    let s = &d.summary;
    outln!(
        "{} {} → {} {}",
        d.old.name,
        d.old.version,
        d.new.name,
        d.new.version
    )?;
    let rows: Vec<Vec<String>> = [
        ("diff-added", s.added),
        ("diff-removed", s.removed),
        ("diff-remapped", s.remapped),
        ("diff-suggested", s.suggested),
        ("diff-relabelled", s.relabelled),
        ("diff-synonyms", s.synonyms_changed),
        ("diff-definitions", s.definitions_changed),
        ("diff-attributes", s.attributes_changed),
        ("diff-moved", s.moved),
        ("diff-relations-added", s.relations_added),
        ("diff-relations-removed", s.relations_removed),
        ("diff-relations-reweighted", s.relations_reweighted),
    ]
    .iter()
    .map(|(what, n)| vec![tr(lang, what), n.to_string()])
    .collect();
    out!(
        "{}",
        table(&[tr(lang, "diff-change"), tr(lang, "stats-count")], &rows)
    )?;
    if let Some(i) = impact {
        let decimal = |x: f64, places: usize| {
            let text = format!("{x:.places$}");
            lang.pick(&text.replace('.', ","), &text).to_owned()
        };
        let args = [
            ("profiles", i.profiles.len().into()),
            ("k", i.options.k.into()),
            ("overlap", decimal(i.mean_overlap * 100.0, 1).into()),
            (
                "tau",
                i.mean_kendall_tau
                    .map_or_else(|| "–".to_owned(), |t| decimal(t, 3))
                    .into(),
            ),
            ("gap", decimal(i.mean_abs_gap_delta, 4).into()),
        ];
        outln!("\n{}", tr_args(lang, "diff-impact", &args))?;
    }
    outln!("\n{}", tr(lang, "diff-more"))
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
    // Concept labels in a third language when one is asked for (Dutch and English keep the
    // primary-language labels, as `diff` does); an undeclared language is refused.
    let label_language = args.lang.third_language(&[ontology])?;
    let r = QualityReport::of(
        ontology,
        &QualityOptions {
            few_essential: args.few_essential,
            label_language,
        },
    );
    if args.json {
        print_json(&r)?;
    } else if args.markdown {
        let options = MarkdownOptions {
            rows: args.rows,
            chart: None,
            lang: args.lang.ui(),
            label_language: None,
        };
        out!("{}", markdown::quality_report(&r, &options))?;
    } else {
        let lang: Lang = args.lang.ui();
        outln!("{} {}", r.version.name, r.version.version)?;
        let findings: Vec<Vec<String>> = [
            ("report-unrequired", r.unrequired_skills.len()),
            ("report-few-essential", r.few_essential.len()),
            ("report-offers-nothing", r.offers_teaching_nothing.len()),
            (
                "report-offers-nothing-required",
                r.offers_teaching_nothing_required.len(),
            ),
            ("report-isolated", r.isolated.len()),
        ]
        .iter()
        .map(|(what, n)| vec![tr(lang, what), n.to_string()])
        .collect();
        out!(
            "{}",
            table(
                &[tr(lang, "report-check"), tr(lang, "stats-count")],
                &findings
            )
        )?;
        let percent = |share: f64| {
            let text = format!("{:.1} %", share * 100.0);
            lang.pick(&text.replace('.', ","), &text).to_owned()
        };
        let labels: Vec<Vec<String>> = r
            .labels
            .iter()
            .map(|l| {
                vec![
                    l.lang.clone(),
                    percent(l.pref),
                    percent(l.alt),
                    percent(l.definition),
                ]
            })
            .collect();
        outln!()?;
        out!(
            "{}",
            table(
                &[
                    tr(lang, "stats-language"),
                    tr(lang, "report-preferred"),
                    tr(lang, "report-synonyms"),
                    tr(lang, "report-definition")
                ],
                &labels
            )
        )?;
        outln!("\n{}", tr(lang, "report-more"))?;
    }
    Ok(ExitCode::SUCCESS)
}
