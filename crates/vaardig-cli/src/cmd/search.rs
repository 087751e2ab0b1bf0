//! `vaardig search` and `vaardig extract`: the command-line face of vaardig-search.
//!
//! Both exit 0 whether or not anything was found; an empty result prints `[]` with `--json`.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use serde::Serialize;
use vaardig_core::ConceptKind;
use vaardig_score::Lang;
use vaardig_search::{Hit, LangFilter, Mention, SearchOptions, Searcher};

use crate::context::Context;
use crate::i18n::tr;
use crate::output::{out, print_json, table};

/// Languages accepted by `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Dutch labels only.
    Nl,
    /// English labels only.
    En,
}

/// Arguments of `vaardig search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query text: a label, synonym, partial word or typo, in Dutch or English.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    pub query: Option<String>,
    /// Only concepts of this kind (repeatable): skill, occupation, qualification, offer,
    /// knowledge_area, occupation_task, sector.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Vec<ConceptKind>,
    /// Only labels in this language (default: both).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// At most this many hits per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Autocomplete: labels that start with the text (or one of its later words or, in Dutch,
    /// a compound part); typo tolerant only when nothing starts with it.
    #[arg(long)]
    pub prefix: bool,
    /// Print JSON: a list of {id, kind, label, lang, score}.
    #[arg(long)]
    pub json: bool,
    /// Answer one query per line of FILE (`-` for stdin); prints one JSON list per line (JSON
    /// Lines), in input order.
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    /// Keep the search index in DIR: built on first use, reused while the ontology is unchanged.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// Arguments of `vaardig extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The text to read (a CV paragraph, a vacancy).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the text from FILE (`-` for stdin).
    #[arg(long, short, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print JSON: a list of {id, kind, label, start, end, score, text}.
    #[arg(long)]
    pub json: bool,
    /// Keep the search index in DIR: built on first use, reused while the ontology is unchanged.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// Parses a `--kind` value: a concept kind's name, or `offer` for learning offers.
fn parse_kind(s: &str) -> Result<ConceptKind, String> {
    match s {
        "offer" | "offers" => Ok(ConceptKind::LearningOffer),
        _ => s
            .parse::<ConceptKind>()
            .map_err(|e| format!("{e}, or offer")),
    }
}

/// Reads a whole file (or stdin for `-`), replacing invalid UTF-8.
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs `vaardig search`.
pub fn search(ctx: &Context, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let options = SearchOptions {
        kinds: args.kind.clone(),
        lang: match args.lang {
            Some(LangArg::Nl) => LangFilter::Nl,
            Some(LangArg::En) => LangFilter::En,
            None => LangFilter::Both,
        },
        limit: args.limit,
        prefix: args.prefix,
    };
    let searcher = ctx.searcher(args.index.as_deref())?;
    if let Some(batch) = &args.batch {
        return run_batch(&searcher, batch, &options);
    }
    let query = args.query.unwrap_or_default();
    let hits = searcher.search(&query, &options);
    if args.json {
        print_json(&hits)?;
    } else {
        out!("{}", hits_table(&hits))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn hits_table(hits: &[Hit]) -> String {
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            vec![
                format!("{:.3}", h.score),
                h.kind.to_string(),
                h.id.clone(),
                h.label.clone(),
                h.lang.clone(),
            ]
        })
        .collect();
    localized_table(
        &["col-score", "col-kind", "col-id", "col-label", "col-lang"],
        &rows,
    )
}

/// A table whose header cells are the Fluent messages `keys`, in the chosen language.
fn localized_table(keys: &[&str], rows: &[Vec<String>]) -> String {
    let lang = output_lang();
    let head: Vec<String> = keys.iter().map(|k| tr(lang, k)).collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    table(&head, rows)
}

/// The language of table headers: the one chosen for the whole command line (`--lang`, else
/// `VAARDIG_LANG`, else Dutch).
fn output_lang() -> Lang {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::help::chosen_lang(&args, std::env::var("VAARDIG_LANG").ok().as_deref())
}

/// One query per input line, one JSON list per output line.
fn run_batch(
    searcher: &Searcher,
    path: &Path,
    options: &SearchOptions,
) -> anyhow::Result<ExitCode> {
    let mut input: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        Box::new(BufReader::new(file))
    };
    let mut out = BufWriter::new(crate::output::Stdout);
    let mut line = Vec::new();
    let mut n = 0u64;
    // A line is kept up to MAX_LINE_BYTES (search reads the first 4 KiB of a query anyway);
    // the rest is skipped as it is read, so every line still gets its answer line.
    while crate::lines::read_bounded(&mut *input, crate::lines::MAX_LINE_BYTES, &mut line)
        .with_context(|| format!("cannot read line {} of {}", n + 1, path.display()))?
        .is_some()
    {
        n += 1;
        let query = String::from_utf8_lossy(&line);
        let hits = searcher.search(&query, options);
        serde_json::to_writer(&mut out, &hits)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A mention with the text it covers, as printed.
#[derive(Debug, Serialize)]
struct MentionOut<'a> {
    #[serde(flatten)]
    mention: &'a Mention,
    text: &'a str,
}

/// Runs `vaardig extract`.
pub fn extract(ctx: &Context, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let text = match (&args.file, args.text) {
        (Some(path), _) => read_text(path)?,
        (None, Some(text)) => text,
        (None, None) => anyhow::bail!("give the text, or --file FILE"),
    };
    let searcher = ctx.searcher(args.index.as_deref())?;
    let mentions = searcher.extract(&text);
    let out: Vec<MentionOut<'_>> = mentions
        .iter()
        .map(|m| MentionOut {
            mention: m,
            text: text.get(m.start..m.end).unwrap_or_default(),
        })
        .collect();
    if args.json {
        print_json(&out)?;
    } else {
        let rows: Vec<Vec<String>> = out
            .iter()
            .map(|m| {
                vec![
                    format!("{}..{}", m.mention.start, m.mention.end),
                    m.text.to_owned(),
                    m.mention.id.clone(),
                    m.mention.label.clone(),
                    format!("{:.2}", m.mention.score),
                ]
            })
            .collect();
        let keys = ["col-span", "col-text", "col-id", "col-label", "col-score"];
        out!("{}", localized_table(&keys, &rows))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_with_the_offer_alias() {
        assert_eq!(parse_kind("offer"), Ok(ConceptKind::LearningOffer));
        assert_eq!(parse_kind("skill"), Ok(ConceptKind::Skill));
        assert!(parse_kind("skills").is_err());
    }
}
