//! `vaardig stats`, `validate`, `show` and `export`: looking at an ontology as it is.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use vaardig_core::{Concept, Diagnostic, RelationKind, Stats};

use crate::context::Context;
use crate::i18n::{tr, tr_args};
use crate::output::{errln, fixed, out, outln, print_json, table, write_with};

/// Arguments of `vaardig stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Language of the text.
    #[arg(long, default_value = "nl")]
    pub lang: crate::cmd::score::ExplainLang,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `vaardig validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The ontology directory to check, native or Parquet tables (default: `--ontology`, else
    /// the embedded ontology).
    pub dir: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `vaardig show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The concept id, e.g. `occ:verpleegkundige`.
    pub id: String,
    /// Language of the text (labels of related concepts, attribute names).
    #[arg(long, default_value = "nl")]
    pub lang: crate::cmd::score::ExplainLang,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Output formats of `vaardig export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON document with `concepts` and `relations`.
    Json,
    /// SKOS in Turtle.
    Turtle,
    /// The native format: ontology.toml plus CSV tables (needs `--out DIR`).
    Csv,
    /// Parquet tables in long form for data teams: manifest, concepts (with full URIs and one
    /// column per attribute), labels (one row per label per language) and relations (needs
    /// `--out DIR`; read back with `vaardig import parquet`).
    Parquet,
}

/// Arguments of `vaardig export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// Where to write: a file (json, turtle) or a directory (csv, parquet); stdout when absent.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Sizes for `vaardig generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scale {
    /// 500 skills, 100 occupations.
    Small,
    /// 14,000 skills, 3,000 occupations, 130,000 links, 500 qualifications, 10,000 offers.
    Esco,
}

/// Arguments of `vaardig generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How large.
    #[arg(long, value_enum, default_value = "esco")]
    pub scale: Scale,
    /// The random seed (same seed, same ontology).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Multiply every size by N (16 for 16× ESCO).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub times: u32,
    /// The directory to write.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `vaardig generate`.
pub fn generate(ctx: &Context, args: GenerateArgs) -> anyhow::Result<ExitCode> {
    use vaardig_core::generate::GeneratorConfig;
    let mut config = match args.scale {
        Scale::Small => GeneratorConfig::small(),
        Scale::Esco => GeneratorConfig::esco_scale(),
    };
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    let config = config.times(args.times as usize);
    let built =
        vaardig_core::generate::generate(&config).map_err(|e| crate::context::describe(&e))?;
    let policy = ctx.output_policy(std::iter::empty::<PathBuf>());
    vaardig_core::write_dir_with(&built.ontology, &args.out, &policy)?;
    errln!(
        "wrote {} concepts to {}",
        built.ontology.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `vaardig stats`.
pub fn stats(ctx: &Context, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let stats = Stats::of(ctx.ontology()?);
    if args.json {
        print_json(&stats)?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang: vaardig_score::Lang = args.lang.ui();
    outln!("{} {}", stats.name, stats.version)?;
    let counts = [
        ("stats-skills", stats.skills),
        ("stats-knowledge-areas", stats.knowledge_areas),
        ("stats-occupations", stats.occupations),
        ("stats-occupation-tasks", stats.occupation_tasks),
        ("stats-qualifications", stats.qualifications),
        ("stats-learning-offers", stats.learning_offers),
        ("stats-sectors", stats.sectors),
        ("stats-occupation-skill-links", stats.occupation_skill_links),
    ];
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(k, v)| vec![tr(lang, k), v.to_string()])
        .collect();
    out!(
        "{}",
        table(
            &[tr(lang, "stats-concepts"), tr(lang, "stats-count")],
            &rows
        )
    )?;
    outln!()?;
    let rows: Vec<Vec<String>> = stats
        .relations
        .iter()
        .map(|(k, v)| vec![k.clone(), v.to_string()])
        .collect();
    out!(
        "{}",
        table(
            &[tr(lang, "stats-relations"), tr(lang, "stats-count")],
            &rows
        )
    )?;
    outln!()?;
    let rows: Vec<Vec<String>> = stats
        .pref_label_completeness
        .iter()
        .map(|(lang, p)| {
            let alt = stats.alt_label_coverage.get(lang).copied().unwrap_or(0.0);
            vec![
                lang.clone(),
                format!("{:.1}%", p * 100.0),
                format!("{:.1}%", alt * 100.0),
            ]
        })
        .collect();
    out!(
        "{}",
        table(
            &[
                tr(lang, "stats-language"),
                tr(lang, "stats-pref-labels"),
                tr(lang, "stats-with-synonyms")
            ],
            &rows
        )
    )?;
    outln!(
        "\n{}",
        tr_args(
            lang,
            "stats-depth",
            &[("depth", stats.hierarchy_depth.into())]
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ValidationReport<'a> {
    valid: bool,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

/// Runs `vaardig validate`: exit code 1 when there are errors, 0 otherwise.
pub fn validate(ctx: &Context, args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let dir = args
        .dir
        .or_else(|| ctx.ontology_dir().map(ToOwned::to_owned));
    let result = match &dir {
        Some(dir) if crate::context::is_parquet_dir(dir) => crate::context::load_parquet_dir(dir),
        Some(dir) => {
            vaardig_core::io::load_with(&vaardig_core::io::DirSource::new(dir), ctx.limits())
        }
        None => vaardig_core::Ontology::embedded_with_warnings().cloned(),
    };
    // Taken, not copied: the ontology is dropped here, before anything is printed.
    let diagnostics: Vec<Diagnostic> = match result {
        Ok(built) => built.warnings,
        Err(e) => e.into_diagnostics(),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if args.json {
        print_json(&ValidationReport {
            valid: errors == 0,
            errors,
            warnings,
            diagnostics: &diagnostics,
        })?;
    } else {
        for d in &diagnostics {
            outln!("{d}")?;
        }
        let what = dir.map_or_else(
            || "embedded ontology".to_owned(),
            |d| d.display().to_string(),
        );
        outln!("{what}: {errors} error(s), {warnings} warning(s)")?;
    }
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Serialize)]
struct ShownRelation<'a> {
    kind: RelationKind,
    direction: &'static str,
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    importance: Option<vaardig_core::Importance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<vaardig_core::Level>,
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    concept: &'a Concept,
    relations: Vec<ShownRelation<'a>>,
}

/// Runs `vaardig show`.
pub fn show(ctx: &Context, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let Some(ix) = ontology.index_of(&args.id) else {
        anyhow::bail!("no concept with id `{}`", args.id);
    };
    let lang = args.lang.label_language(ontology)?;
    let text_lang: vaardig_score::Lang = args.lang.ui();
    let concept = ontology.concept(ix);
    let mut relations = Vec::new();
    for &kind in RelationKind::ALL {
        for (direction, edges) in [
            ("out", ontology.outgoing(ix, kind).collect::<Vec<_>>()),
            ("in", ontology.incoming(ix, kind).collect::<Vec<_>>()),
        ] {
            for (other, rel) in edges {
                let c = ontology.concept(other);
                relations.push(ShownRelation {
                    kind,
                    direction,
                    id: &c.id,
                    label: c.label(&lang),
                    importance: rel.importance,
                    level: rel.level,
                });
            }
        }
    }
    if args.json {
        print_json(&Shown { concept, relations })?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{} ({})", concept.id, concept.kind())?;
    // Languages in the manifest's order: the primary language (Dutch by default) first.
    for l in &ontology.manifest().languages {
        let Some(label) = concept.labels.pref(l) else {
            continue;
        };
        outln!("  {l}: {label}")?;
        let alts = concept.labels.alt(l);
        if !alts.is_empty() {
            outln!(
                "      {}: {}",
                tr(text_lang, "show-synonyms"),
                alts.join(", ")
            )?;
        }
        if let Some(d) = concept.labels.definition(l) {
            outln!("      {d}")?;
        }
    }
    print_attributes(concept, text_lang)?;
    if !relations.is_empty() {
        outln!()?;
        let rows: Vec<Vec<String>> = relations
            .iter()
            .map(|r| {
                let arrow = if r.direction == "out" { "→" } else { "←" };
                let mut attrs = Vec::new();
                if let Some(i) = r.importance {
                    attrs.push(i.to_string());
                }
                if let Some(l) = r.level {
                    attrs.push(tr_args(
                        text_lang,
                        "show-level",
                        &[("level", l.get().into())],
                    ));
                }
                vec![
                    format!("{arrow} {}", r.kind),
                    r.id.to_owned(),
                    r.label.to_owned(),
                    attrs.join(", "),
                ]
            })
            .collect();
        out!(
            "{}",
            table(
                &[
                    tr(text_lang, "show-relation"),
                    "id".to_owned(),
                    tr(text_lang, "show-label"),
                    String::new()
                ],
                &rows
            )
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_attributes(concept: &Concept, lang: vaardig_score::Lang) -> std::io::Result<()> {
    use vaardig_core::ConceptData as D;
    match &concept.data {
        D::Skill { skill_type } => outln!("  {}: {skill_type}", tr(lang, "show-type")),
        D::Occupation { isco, min_nlqf } => {
            if let Some(isco) = isco {
                outln!("  ISCO-08: {isco}")?;
            }
            match min_nlqf {
                Some(n) => outln!(
                    "  {}",
                    tr_args(lang, "show-min-nlqf", &[("level", n.get().into())])
                ),
                None => Ok(()),
            }
        }
        D::Qualification {
            qualification_type,
            code_system,
            code,
            nlqf,
        } => {
            let level = nlqf.map(|n| format!(", NLQF {n}")).unwrap_or_default();
            outln!("  {qualification_type}, {code_system} {code}{level}")
        }
        D::LearningOffer {
            offer_type,
            provider,
            provider_type,
            hours,
            cost_eur,
            nlqf,
        } => {
            let level = nlqf.map(|n| format!(", NLQF {n}")).unwrap_or_default();
            let cost = fixed(*cost_eur, 2);
            let by = tr(lang, "show-by");
            let h = tr(lang, "show-hours-short");
            outln!(
                "  {offer_type} {by} {provider} ({provider_type}): {hours} {h}, EUR {cost}{level}"
            )
        }
        D::Sector { shortage } => outln!(
            "  {}: {}",
            tr(lang, "show-shortage-sector"),
            tr(lang, if *shortage { "yes" } else { "no" })
        ),
        _ => Ok(()),
    }
}

/// An export error as the I/O error it is (named once, with the path `write_with` adds), or
/// wrapped when it is not one.
fn export_io(e: vaardig_import::ExportError) -> std::io::Error {
    match e {
        vaardig_import::ExportError::Io(io) => io,
        other => std::io::Error::other(other),
    }
}

/// Runs `vaardig export`.
pub fn export(ctx: &Context, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let policy = ctx.output_policy(std::iter::empty::<PathBuf>());
    match args.format {
        ExportFormat::Json => {
            let doc = vaardig_core::export::json_export(ontology);
            match &args.out {
                Some(path) => write_with(path, &policy, |out| {
                    serde_json::to_writer_pretty(&mut *out, &doc)?;
                    out.write_all(b"\n")
                })?,
                None => print_json(&doc)?,
            }
        }
        ExportFormat::Csv => {
            let Some(dir) = &args.out else {
                anyhow::bail!(
                    "`--format csv` writes a directory of tables: give it with `--out DIR`"
                );
            };
            vaardig_core::write_dir_with(ontology, dir, &policy)?;
            errln!("wrote {} concepts to {}", ontology.len(), dir.display());
        }
        ExportFormat::Parquet => {
            let Some(dir) = &args.out else {
                anyhow::bail!(
                    "`--format parquet` writes a directory of tables: give it with `--out DIR`"
                );
            };
            vaardig_arrow::write_dir_with(ontology, dir, &policy)?;
            errln!(
                "wrote {} concepts as Parquet to {}",
                ontology.len(),
                dir.display()
            );
        }
        ExportFormat::Turtle => match &args.out {
            Some(path) => write_with(path, &policy, |mut out| {
                vaardig_import::write_turtle(ontology, &mut out).map_err(export_io)
            })?,
            None => {
                let mut out = std::io::BufWriter::new(crate::output::Stdout);
                vaardig_import::write_turtle(ontology, &mut out)?;
                out.flush()?;
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
