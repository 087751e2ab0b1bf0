//! `vaardig import skos`, `esco`, `onet` and `tabiya`: load a published
//! taxonomy, write it in the native format, and say exactly what could not be used. And
//! `vaardig import parquet`: read back the tables of `vaardig export --format parquet`.
//!
//! Both print a summary on stderr (per file: rows or triples read, imported, skipped, rejected;
//! the first rejections with file and line) and exit 0 when the ontology was written. With
//! `--strict`, any rejected row or triple fails the import (exit 2) and nothing is written.
//! `--report FILE` writes the full report as JSON; `--json` prints it on stdout.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use vaardig_core::OutputPolicy;
use vaardig_core::io::{AtomicDir, AtomicFile};
use vaardig_import::{
    ImportError, ImportOptions, ImportReport, Imported, ManifestOverrides, Mapping, OnetOptions,
    Progress, import_esco, import_onet, import_rdf, import_tabiya,
};

use crate::context::Context;
use crate::output::{err, errln, print_json, table, write_with};

/// How many diagnostics the summary lists before pointing at `--report`.
const SHOWN_DIAGNOSTICS: usize = 20;

/// The import subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import SKOS / CompetentNL-style RDF (Turtle `.ttl`, N-Triples `.nt`, N-Quads `.nq`).
    Skos(SkosArgs),
    /// Import the ESCO CSV download (v1.1 / v1.2 layout), several languages merged.
    Esco(EscoArgs),
    /// Import the O*NET database text files (`db_29_1_text/`): occupations, skills, knowledge,
    /// abilities, work activities and work styles with importance and level (and their
    /// published numbers), technology skills, tasks, titles, job zones, related occupations.
    Onet(OnetArgs),
    /// Import Tabiya's taxonomy CSV files (skills, occupations incl. local ones, groups,
    /// hierarchies, relations with signalling values).
    Tabiya(TabiyaArgs),
    /// Read back a Parquet directory of `vaardig export --format parquet` (or the same tables
    /// written by pandas, Polars or Spark, uncompressed or Snappy); any bad value fails with its
    /// file, row and column, and nothing is written.
    Parquet(ParquetArgs),
}

/// Options shared by both importers.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// The directory to write the native ontology to: created whole, or (with `--force`) put in
    /// place of an earlier vaardig output; never a directory of other files.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Languages to import, comma separated, in preference order; the first that can label
    /// every concept becomes the primary language.
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub languages: Option<Vec<String>>,
    /// Fail (and write nothing) when any row or triple is rejected.
    #[arg(long)]
    pub strict: bool,
    /// The ontology name in the manifest.
    #[arg(long)]
    pub name: Option<String>,
    /// The release version in the manifest.
    #[arg(long = "release-version", value_name = "VERSION")]
    pub release_version: Option<String>,
    /// The release date in the manifest (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub release_date: Option<vaardig_core::Date>,
    /// The licence in the manifest.
    #[arg(long)]
    pub licence: Option<String>,
    /// Write the full import report (every diagnostic) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print the import report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Arguments of `vaardig import skos`.
#[derive(Debug, Args)]
pub struct SkosArgs {
    /// The RDF files; the format follows the extension.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A mapping file, or a built-in mapping: `competentnl` (default) or `esco`.
    #[arg(long, value_name = "F", default_value = "competentnl")]
    pub mapping: String,
    /// The files are part of a larger graph (an excerpt, one file of several): relations to
    /// resources they do not describe are skipped and counted, not rejected.
    #[arg(long)]
    pub partial: bool,
    /// Import historical and archived concepts (CompetentNL's content status) with their
    /// status, instead of leaving them out.
    #[arg(long)]
    pub keep_not_current: bool,
    /// The kind of concept the mapping's fallback classes make (`skos:Concept` without a more
    /// specific class), e.g. `occupation` for a scheme of occupations only; default: the
    /// mapping's own (`skill` in the CompetentNL mapping).
    #[arg(long, value_name = "KIND")]
    pub default_kind: Option<vaardig_core::ConceptKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `vaardig import esco`.
#[derive(Debug, Args)]
pub struct EscoArgs {
    /// Directories with the ESCO CSV tables, searched in order (e.g. the English release, then
    /// a folder with `occupations_nl.csv`).
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `vaardig import onet`.
#[derive(Debug, Args)]
pub struct OnetArgs {
    /// The directory with the O*NET text files (`Occupation Data.txt`, `Skills.txt`, ...).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Importance (IM, 1-5) from which a requirement is essential.
    #[arg(long, value_name = "IM", default_value_t = 4.0)]
    pub essential_from: f64,
    /// Importance from which a requirement is important.
    #[arg(long, value_name = "IM", default_value_t = 3.0)]
    pub important_from: f64,
    /// Importance from which an element is an (optional) requirement at all.
    #[arg(long, value_name = "IM", default_value_t = 2.0)]
    pub optional_from: f64,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `vaardig import tabiya`.
#[derive(Debug, Args)]
pub struct TabiyaArgs {
    /// The directory with the Tabiya CSV files (`skills.csv`, `occupations.csv`, ...).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Write the id mapping of the UUID history (former UUID → current id) as a mapping file
    /// for `vaardig diff OLD NEW --mapping FILE`.
    #[arg(long, value_name = "FILE")]
    pub history_mapping: Option<PathBuf>,
    /// Keep in the history mapping only the pairs this older ontology can use (its ids, one
    /// pair per concept), so `vaardig diff OLD NEW --mapping` accepts the file as it is.
    #[arg(long, value_name = "OLD", requires = "history_mapping")]
    pub history_for: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Arguments of `vaardig import parquet`.
#[derive(Debug, Args)]
pub struct ParquetArgs {
    /// The directory with `manifest.parquet`, `concepts.parquet`, `labels.parquet` and
    /// `relations.parquet`.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The directory to write the native ontology to: created whole, or (with `--force`) put in
    /// place of an earlier vaardig output; never a directory of other files.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Runs `vaardig import parquet`: every table is read and checked, then the native format is
/// written atomically.
fn parquet(ctx: &Context, args: &ParquetArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let policy = ctx.output_policy([args.dir.clone()]);
    AtomicDir::create(&args.out, vaardig_core::MANIFEST_FILE, &policy)?;
    let vaardig_core::Built { ontology, warnings } = crate::context::load_parquet_dir(&args.dir)
        .map_err(|e| crate::context::describe(&e))
        .with_context(|| format!("cannot read the Parquet tables in {}", args.dir.display()))?;
    vaardig_core::write_dir_with(&ontology, &args.out, &policy)
        .with_context(|| format!("cannot write the ontology to {}", args.out.display()))?;
    wrote(&ontology, &args.out, started, warnings.len());
    Ok(ExitCode::SUCCESS)
}

/// The line every import ends with: what was written where, how fast, and its warnings.
fn wrote(
    ontology: &vaardig_core::Ontology,
    out: &std::path::Path,
    started: Instant,
    warnings: usize,
) {
    let m = ontology.manifest();
    errln!(
        "wrote {} {} ({} concepts, languages {}) to {} in {:.1} s; {} validation warning(s) (see `vaardig validate {}`)",
        m.name,
        m.version,
        ontology.len(),
        m.languages.join(", "),
        out.display(),
        started.elapsed().as_secs_f64(),
        warnings,
        out.display(),
    );
}

/// Runs an import subcommand.
pub fn run(ctx: &Context, command: ImportCommand) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let inputs: Vec<PathBuf> = match &command {
        ImportCommand::Skos(args) => {
            let mut inputs = args.files.clone();
            if Mapping::builtin(&args.mapping).is_none() {
                inputs.push(PathBuf::from(&args.mapping));
            }
            inputs
        }
        ImportCommand::Esco(args) => args.dirs.clone(),
        ImportCommand::Onet(args) => vec![args.dir.clone()],
        ImportCommand::Tabiya(args) => std::iter::once(args.dir.clone())
            .chain(args.history_for.clone())
            .collect(),
        ImportCommand::Parquet(args) => return parquet(ctx, args),
    };
    let policy = ctx.output_policy(inputs);
    // The older ontology of `--history-for`, loaded before the import so a bad path fails fast.
    let (history_file, history_old) = match &command {
        ImportCommand::Tabiya(args) => (
            args.history_mapping.clone(),
            args.history_for
                .as_ref()
                .map(|dir| ctx.load_dir(dir))
                .transpose()?,
        ),
        _ => (None, None),
    };
    // Refuse a bad `--out` or `--report` before the (long) import, not after it. (Each check
    // makes an empty temporary sibling and removes it again.)
    let common = match &command {
        ImportCommand::Skos(a) => &a.common,
        ImportCommand::Esco(a) => &a.common,
        ImportCommand::Onet(a) => &a.common,
        ImportCommand::Tabiya(a) => &a.common,
        ImportCommand::Parquet(args) => return parquet(ctx, args),
    };
    AtomicDir::create(&common.out, vaardig_core::MANIFEST_FILE, &policy)?;
    if let Some(report) = &common.report {
        AtomicFile::create(report, &policy)?;
    }
    let (result, common) = match command {
        ImportCommand::Skos(args) => {
            let mapping = match Mapping::builtin(&args.mapping) {
                Some(m) => m,
                None => Mapping::from_file(&args.mapping)
                    .with_context(|| format!("cannot use the mapping `{}`", args.mapping))?,
            };
            let mapping = match args.default_kind {
                Some(kind) => mapping.with_fallback_kind(kind),
                None => mapping,
            };
            let (options, bar) = options(&args.common);
            let result = import_rdf(
                &args.files,
                &mapping,
                options
                    .partial(args.partial)
                    .keep_not_current(args.keep_not_current),
            );
            bar.finish_and_clear();
            (result, args.common)
        }
        ImportCommand::Esco(args) => {
            let (options, bar) = options(&args.common);
            let result = import_esco(&args.dirs, options);
            bar.finish_and_clear();
            (result, args.common)
        }
        ImportCommand::Onet(args) => {
            let onet = OnetOptions::with_thresholds(
                args.essential_from,
                args.important_from,
                args.optional_from,
            )?;
            let (options, bar) = options(&args.common);
            let result = import_onet(&args.dir, &onet, options);
            bar.finish_and_clear();
            (result, args.common)
        }
        ImportCommand::Tabiya(args) => {
            let (options, bar) = options(&args.common);
            let result = import_tabiya(&args.dir, options);
            bar.finish_and_clear();
            (result, args.common)
        }
        ImportCommand::Parquet(args) => return parquet(ctx, &args),
    };
    let import = match result {
        Ok(import) => import,
        Err(ImportError::Rejected { report }) => {
            summarise(&report);
            save_report(&common, &report, &policy)?;
            anyhow::bail!(
                "strict import: {} row(s) or triple(s) rejected; nothing written",
                report.rejected()
            );
        }
        Err(e) => return Err(e.into()),
    };
    let Imported {
        ontology,
        warnings,
        report,
    } = import.build()?;
    if ontology.is_empty() {
        summarise(&report);
        save_report(&common, &report, &policy)?;
        anyhow::bail!(
            "nothing imported: no concept in the input ({} row(s) or triple(s) rejected); \
             {} was not written",
            report.rejected(),
            common.out.display()
        );
    }
    vaardig_core::write_dir_with(&ontology, &common.out, &policy)
        .with_context(|| format!("cannot write the ontology to {}", common.out.display()))?;
    if let Some(path) = &history_file {
        let pairs = vaardig_import::history_mapping(&ontology, history_old.as_ref());
        write_history_mapping(path, &ontology, &pairs, &policy)?;
        errln!(
            "UUID history: {} pair(s) written to {}",
            pairs.len(),
            path.display()
        );
    }
    summarise(&report);
    save_report(&common, &report, &policy)?;
    wrote(&ontology, &common.out, started, warnings.len());
    Ok(ExitCode::SUCCESS)
}

/// The library options for the command-line options, and the progress bar they drive (hidden
/// with `--quiet`, `--json` or when stderr is not a terminal).
fn options(common: &CommonArgs) -> (ImportOptions, ProgressBar) {
    let mut options = ImportOptions::new()
        .strict(common.strict)
        .manifest(ManifestOverrides {
            name: common.name.clone(),
            version: common.release_version.clone(),
            release_date: common.release_date,
            licence: common.licence.clone(),
            source: None,
            notes: None,
        });
    if let Some(languages) = &common.languages {
        options = options.languages(languages.iter().cloned());
    }
    let show = !common.quiet && !common.json && std::io::stderr().is_terminal();
    let bar = if show {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("[{bar:30}] {binary_bytes:>9}/{binary_total_bytes}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("#>-"),
    );
    let handle = bar.clone();
    options = options.on_progress(move |p: &Progress| {
        handle.set_length(p.bytes_total);
        handle.set_position(p.bytes_read);
        let name = Path::new(&p.file)
            .file_name()
            .map_or_else(|| p.file.clone(), |n| n.to_string_lossy().into_owned());
        handle.set_message(name);
    });
    (options, bar)
}

/// Writes `pairs` (old id → current id) as a `vaardig diff --mapping` file: the diff crate's
/// own format, every row `supplied` with confidence 1.
fn write_history_mapping(
    path: &Path,
    ontology: &vaardig_core::Ontology,
    pairs: &[(String, String)],
    policy: &OutputPolicy,
) -> anyhow::Result<()> {
    let entries: Vec<vaardig_diff::MappingEntry> = pairs
        .iter()
        .filter_map(|(old_id, new_id)| {
            Some(vaardig_diff::MappingEntry {
                old_id: old_id.clone(),
                new_id: new_id.clone(),
                kind: ontology.get(new_id)?.kind(),
                source: vaardig_diff::mapping::MappingSource::Supplied,
                confidence: 1.0,
                label_similarity: None,
                shared_neighbours: None,
                applied: true,
            })
        })
        .collect();
    let text = vaardig_diff::mapping::write_csv(&entries);
    write_with(path, policy, |out| out.write_all(text.as_bytes()))
        .with_context(|| format!("cannot write the history mapping to {}", path.display()))?;
    Ok(())
}

/// Prints what was read, used and rejected on stderr.
fn summarise(report: &ImportReport) {
    let rows: Vec<Vec<String>> = report
        .sources
        .iter()
        .map(|s| {
            let name = Path::new(&s.file)
                .file_name()
                .map_or_else(|| s.file.clone(), |n| n.to_string_lossy().into_owned());
            vec![
                name,
                s.read.to_string(),
                s.imported.to_string(),
                s.skipped.to_string(),
                s.rejected.to_string(),
            ]
        })
        .collect();
    err!(
        "{}",
        table(&["file", "read", "imported", "skipped", "rejected"], &rows)
    );
    let counts = |map: &std::collections::BTreeMap<String, u64>| {
        if map.is_empty() {
            return "none".to_owned();
        }
        map.iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    errln!("concepts: {}", counts(&report.concepts));
    errln!("relations: {}", counts(&report.relations));
    if report.merged_duplicates > 0 {
        errln!(
            "relations stated twice and merged: {}",
            report.merged_duplicates
        );
    }
    if report.unmapped_subjects > 0 {
        errln!(
            "resources of no mapped class (skipped): {}",
            report.unmapped_subjects
        );
    }
    for (what, map) in [
        ("unknown predicates", &report.unknown_predicates),
        ("unknown classes", &report.unknown_classes),
        (
            "labels in languages not imported",
            &report.ignored_languages,
        ),
        ("attributes without a place", &report.unused_attributes),
        ("read but not kept, by predicate", &report.unused_predicates),
        ("not current (not imported)", &report.concepts_not_current),
        (
            "labels not current (not imported)",
            &report.labels_not_current,
        ),
        (
            "regional labels folded into their language",
            &report.folded_languages,
        ),
        ("rows not imported", &report.skipped_rows),
        ("columns read but not kept", &report.unused_columns),
    ] {
        if !map.is_empty() {
            let mut top: Vec<(&String, &u64)> = map.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            let shown: Vec<String> = top
                .iter()
                .take(8)
                .map(|(k, v)| format!("{k} ({v})"))
                .collect();
            let more = top.len().saturating_sub(8);
            let more = if more > 0 {
                format!(", … {more} more")
            } else {
                String::new()
            };
            errln!("{what}: {}{more}", shown.join(", "));
        }
    }
    for note in &report.notes {
        errln!("note: {note}");
    }
    // Rejections first, then adjustments; each group in reading order.
    let errors = report.diagnostics.iter().filter(|d| d.is_error());
    let warnings = report.diagnostics.iter().filter(|d| !d.is_error());
    for d in errors.chain(warnings).take(SHOWN_DIAGNOSTICS) {
        errln!("{d}");
    }
    let hidden = report.diagnostics.len().saturating_sub(SHOWN_DIAGNOSTICS) as u64
        + report.diagnostics_not_listed;
    if hidden > 0 {
        errln!("… and {hidden} more diagnostic(s); `--report FILE` writes them all");
    }
    errln!(
        "{} rejected, {} warning(s)",
        report.rejected(),
        report.warning_count()
    );
}

/// Writes the report where `--report` and `--json` say.
fn save_report(
    common: &CommonArgs,
    report: &ImportReport,
    policy: &OutputPolicy,
) -> anyhow::Result<()> {
    if let Some(path) = &common.report {
        write_with(path, policy, |out| {
            serde_json::to_writer_pretty(&mut *out, report)?;
            out.write_all(b"\n")
        })?;
    }
    if common.json {
        print_json(report)?;
    }
    Ok(())
}
