//! `vaardig gap`, `transitions`, `route` and `rights`: the command-line face of vaardig-score.
//!
//! A person comes from a profile file (`--profile F`, JSON) and/or skills named on the command
//! line (`--skill "wondzorg"`, resolved to ids by exact label first, then through
//! vaardig-search; an ambiguous label is an error listing the candidates). Output is a table with
//! Dutch labels and a short explanation, or JSON with `--json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use clap::{Args, ValueEnum};
use vaardig_core::{Importance, Nlqf, Ontology};
use vaardig_score::{
    FundingScheme, Gap, Lang, LearningRights, Optimise, Profile, RankBy, Route, Scorer, SkillMatch,
    TransitionOptions, TransitionSource, Transitions,
};
use vaardig_service::{
    AdviceQuery, Person, PersonError, RightsQuery, RouteQuery, ServiceError, SkillResolver,
    TransitionsQuery,
};

use crate::context::Context;
use crate::i18n::{tr, tr_args};
use crate::output::{fixed, out, outln, print_json, table};

/// The language of `--lang`: any BCP 47 tag (normalised: `en-us` is `en-US`). Labels are shown
/// in it where the ontology has them; the command line's own words and the library's
/// explanations exist in Dutch and English only, so every language but Dutch (`nl`, `nl-BE`)
/// gets the English interface words ([`ExplainLang::ui`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainLang {
    tag: String,
}

impl Default for ExplainLang {
    fn default() -> Self {
        ExplainLang { tag: "nl".into() }
    }
}

impl std::str::FromStr for ExplainLang {
    type Err = vaardig_core::LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        vaardig_core::normalise_language(s.trim()).map(|tag| ExplainLang { tag })
    }
}

impl ExplainLang {
    /// The language of the interface words: Dutch for Dutch, English for every other language.
    pub fn ui(&self) -> Lang {
        Lang::for_tag(&self.tag)
    }

    /// The label language for reports over several ontologies (`diff`: both versions), each
    /// checked to declare it (Dutch and English are always accepted): `None` for Dutch and
    /// English, whose reports keep each version's primary-language labels, else the manifest
    /// language of the first.
    ///
    /// # Errors
    /// The tag and the languages of the first ontology that does not declare it.
    pub fn third_language(
        &self,
        ontologies: &[&vaardig_core::Ontology],
    ) -> anyhow::Result<Option<String>> {
        let mut first = None;
        for ontology in ontologies {
            let lang =
                vaardig_score::third_language(ontology, &self.tag).map_err(|e| self.refused(&e))?;
            first.get_or_insert(lang);
        }
        Ok(first.flatten())
    }

    /// The manifest language labels are shown in (see [`vaardig_score::label_language`]).
    ///
    /// # Errors
    /// When the ontology does not declare the language.
    pub fn label_language(&self, ontology: &vaardig_core::Ontology) -> anyhow::Result<String> {
        vaardig_score::label_language(ontology, &self.tag).map_err(|e| self.refused(&e))
    }

    /// `scorer` giving labels in this language ([`Scorer::labelled_in`]).
    ///
    /// # Errors
    /// When the scorer's ontology does not declare the language.
    pub fn scorer(&self, scorer: &Scorer) -> anyhow::Result<Scorer> {
        scorer.labelled_in(&self.tag).map_err(|e| self.refused(&e))
    }

    fn refused(&self, e: &vaardig_score::LabelLanguageError) -> anyhow::Error {
        anyhow::anyhow!("--lang {}: {}", self.tag, e.message(self.ui()))
    }
}

/// Who the person is: a profile file and/or skills by label.
#[derive(Debug, Args)]
pub struct PersonArgs {
    /// The person's profile (JSON; see examples/profiles/).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// A skill the person holds, by id or label (repeatable; counted as self-declared).
    #[arg(long, value_name = "LABEL")]
    pub skill: Vec<String>,
    /// The person's age (overrides the profile's; learning rights need it).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(vaardig_score::MAX_AGE)))]
    pub age: Option<u8>,
    /// Highest completed NLQF level, 1–8, or 0 for none (overrides the profile's).
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub nlqf: Option<u8>,
}

/// Arguments of `vaardig gap`.
#[derive(Debug, Args)]
pub struct GapArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// The occupation id, e.g. `occ:verkoopmedewerker`.
    #[arg(long, value_name = "ID")]
    pub occupation: String,
    /// Language of the explanation.
    #[arg(long, default_value = "nl")]
    pub lang: ExplainLang,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `vaardig transitions`.
#[derive(Debug, Args)]
pub struct TransitionsArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// Start from an occupation (an id or its full URI) instead of a person.
    #[arg(long, value_name = "OCCUPATION_ID", conflicts_with_all = ["profile", "skill"])]
    pub from: Option<String>,
    /// Many sources, one per line of FILE (`-`: standard input): an occupation id or URI, or a
    /// profile as one JSON object. Prints one JSON answer per line (the shape of `--json`), in
    /// input order; a bad line prints `{"line": N, "error": "..."}` and the exit code is 2.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["profile", "skill", "from", "dot"]
    )]
    pub batch: Option<PathBuf>,
    /// At most this many occupations.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only occupations in a shortage sector.
    #[arg(long)]
    pub shortage_only: bool,
    /// Only occupations in this sector (a sector id).
    #[arg(long, value_name = "ID")]
    pub sector: Option<String>,
    /// Only occupations whose estimated study hours are at most this many.
    #[arg(long, value_name = "HOURS")]
    pub max_gap_hours: Option<f64>,
    /// The order: combined (relatedness adjusted by reachability), relatedness, reachability,
    /// hours or cost.
    #[arg(long, value_enum, default_value = "combined")]
    pub rank_by: RankByArg,
    /// Language of the explanations.
    #[arg(long, default_value = "nl")]
    pub lang: ExplainLang,
    /// Print JSON: a list of {occupation, label, score, relatedness, reachability, ...}.
    #[arg(long, conflicts_with = "dot")]
    pub json: bool,
    /// Print the transition neighbourhood as a Graphviz DOT graph.
    #[arg(long)]
    pub dot: bool,
}

/// Arguments of `vaardig advies`: the whole advice for one person.
#[derive(Debug, Args)]
pub struct AdviceArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// The target occupation (default: the best-ranked transition).
    #[arg(long, value_name = "OCCUPATION_ID")]
    pub to: Option<String>,
    /// How many transitions to list.
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
    /// Only occupations in a shortage sector.
    #[arg(long)]
    pub shortage_only: bool,
    /// The funding scheme the route must fit.
    #[arg(long, value_enum, default_value = "leerrechten")]
    pub scheme: SchemeArg,
    /// What the route minimises.
    #[arg(long, value_enum, default_value = "hours")]
    pub optimise: OptimiseArg,
    /// Language of the explanations.
    #[arg(long, default_value = "nl")]
    pub lang: ExplainLang,
    /// Print JSON: {transitions, target, gap, entitlement, route}.
    #[arg(long)]
    pub json: bool,
}

/// Orders accepted by `--rank-by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankByArg {
    /// Relatedness adjusted by reachability.
    Combined,
    /// How alike the skill requirements are.
    Relatedness,
    /// What it takes to get there (hours, NLQF step, shortage).
    Reachability,
    /// Fewest estimated study hours.
    Hours,
    /// Lowest estimated cost.
    Cost,
}

impl From<RankByArg> for RankBy {
    fn from(r: RankByArg) -> RankBy {
        match r {
            RankByArg::Combined => RankBy::Combined,
            RankByArg::Relatedness => RankBy::Relatedness,
            RankByArg::Reachability => RankBy::Reachability,
            RankByArg::Hours => RankBy::Hours,
            RankByArg::Cost => RankBy::Cost,
        }
    }
}

/// Funding schemes accepted by `--scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeArg {
    /// Individual learning rights.
    Leerrechten,
    /// Public funding up to NLQF 4.
    #[value(name = "publiek-tot-mbo4")]
    PubliekTotMbo4,
}

/// Objectives accepted by `--optimise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptimiseArg {
    /// Fewest study hours.
    Hours,
    /// Fewest euros.
    Cost,
}

/// Arguments of `vaardig route`.
#[derive(Debug, Args)]
pub struct RouteArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// The target occupation id.
    #[arg(long, value_name = "OCCUPATION_ID")]
    pub to: String,
    /// Keep the route within a funding scheme (default: unconstrained).
    #[arg(long, value_enum)]
    pub scheme: Option<SchemeArg>,
    /// What to minimise.
    #[arg(long, value_enum, default_value = "hours")]
    pub optimise: OptimiseArg,
    /// The highest NLQF level an offer may have.
    #[arg(long, value_name = "LEVEL", value_parser = parse_nlqf)]
    pub max_nlqf: Option<Nlqf>,
    /// Also close gaps in important (not only essential) skills.
    #[arg(long)]
    pub include_important: bool,
    /// Language of the explanation.
    #[arg(long, default_value = "nl")]
    pub lang: ExplainLang,
    /// Print JSON: {offers, total_hours, total_cost_eur, uncovered, within_budget, ...}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `vaardig rights`.
#[derive(Debug, Args)]
pub struct RightsArgs {
    /// Age in years (at most 120, as in a profile).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(vaardig_score::MAX_AGE)))]
    pub age: u8,
    /// Highest completed NLQF level, 1–8; 0 (or leaving `nlqf` out of a profile) means none,
    /// no startkwalificatie.
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub nlqf: u8,
    /// Learning budget already used, in euros (`12.50` or `12,50`).
    #[arg(long, value_name = "EUR", default_value = "0", value_parser = parse_euros)]
    pub used_eur: f64,
    /// Language of the explanation.
    #[arg(long, default_value = "nl")]
    pub lang: ExplainLang,
    /// Print JSON: {lifetime_eur, available_eur, available_hours, ...} under learning rights.
    #[arg(long)]
    pub json: bool,
}

/// A non-negative euro amount with a decimal point or comma (`12.50`, `12,50`, `€ 1.250,50`).
fn parse_euros(s: &str) -> Result<f64, String> {
    let t: String = s
        .trim()
        .trim_start_matches('€')
        .trim()
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    // With both marks, the last one is the decimal mark; a lone comma is one too.
    let normalised = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => t.replace(',', "."),
        _ => t.clone(),
    };
    match normalised.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!(
            "`{s}` is not an amount in euros (for example 12,50)"
        )),
    }
}

fn parse_nlqf(s: &str) -> Result<Nlqf, String> {
    s.parse::<Nlqf>().map_err(|e| e.to_string())
}

/// An occupation named by id, URI or label, as its id.
fn resolve_occupation(ctx: &Context, text: Option<&str>) -> anyhow::Result<Option<String>> {
    text.map(|t| ctx.resolve_occupation(t)).transpose()
}

/// Runs `vaardig gap`.
pub fn gap(ctx: &Context, args: GapArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let scorer = args.lang.scorer(&ctx.scorer_for(ontology)?)?;
    let profile = load_person(ctx, ontology, &args.person)?;
    let occupation = ctx.resolve_occupation(&args.occupation)?;
    let gap = scorer.gap(&profile, &occupation)?;
    if args.json {
        print_json(&gap)?;
    } else {
        out!("{}", render_gap(&gap, args.lang.ui()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `vaardig transitions`.
pub fn transitions(ctx: &Context, args: TransitionsArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let scorer = args.lang.scorer(&ctx.scorer_for(ontology)?)?;
    let options = TransitionsQuery {
        from: None,
        limit: args.limit,
        shortage_only: args.shortage_only,
        sector: args.sector.clone(),
        max_gap_hours: args.max_gap_hours,
        rank_by: args.rank_by.into(),
    }
    .options()?;
    if let Some(path) = &args.batch {
        return transitions_batch(&scorer, path, &options);
    }
    let result = match &args.from {
        Some(occ) => {
            let occ = ctx.resolve_occupation(occ)?;
            scorer.transitions_from(&occ, &options)?
        }
        None => {
            let profile = load_person(ctx, ontology, &args.person)?;
            scorer.transitions(&profile, &options)?
        }
    };
    if args.json {
        print_json(&result.items)?;
    } else if args.dot {
        out!(
            "{}",
            vaardig_diff::dot::transition_neighbourhood(&result, args.lang.ui())
        )?;
    } else {
        out!("{}", render_transitions(&result, args.lang.ui()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `vaardig transitions --batch`: one JSON line per input line.
fn transitions_batch(
    scorer: &Scorer,
    path: &Path,
    options: &TransitionOptions,
) -> anyhow::Result<ExitCode> {
    use std::io::{BufRead, Write};
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot open the batch file {}", path.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    // Parse every line first; a line that does not parse keeps its place with its error.
    let mut parsed: Vec<(usize, Result<TransitionSource, String>)> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read line {} of the batch", i + 1))?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let source = if text.starts_with('{') {
            Profile::from_json(text)
                .map(TransitionSource::Profile)
                .map_err(|e| e.to_string())
        } else {
            Ok(TransitionSource::Occupation(text.to_owned()))
        };
        parsed.push((i + 1, source));
    }
    let valid: Vec<TransitionSource> = parsed
        .iter()
        .filter_map(|(_, s)| s.as_ref().ok().cloned())
        .collect();
    let mut answers = scorer.transitions_batch(&valid, options).into_iter();
    let mut out = std::io::BufWriter::new(crate::output::Stdout);
    let mut failed = false;
    for (line, source) in &parsed {
        // One answer per parsed source, in order; a line that did not parse has its error.
        let answer = match source {
            Ok(_) => answers.next().map(|a| a.map_err(|e| e.to_string())),
            Err(e) => Some(Err(e.clone())),
        };
        match answer {
            Some(Ok(t)) => {
                serde_json::to_writer(&mut out, &t.items)?;
                writeln!(out)?;
            }
            Some(Err(e)) => {
                failed = true;
                writeln!(out, "{}", serde_json::json!({ "line": line, "error": e }))?;
            }
            None => break,
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `vaardig advies`: transitions, the gap to the target, the person's learning rights and
/// the course route that closes the gap within them — the main job, in one report.
pub fn advice(ctx: &Context, args: AdviceArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let scorer = args.lang.scorer(&ctx.scorer_for(ontology)?)?;
    let profile = load_person(ctx, ontology, &args.person)?;
    let lang: Lang = args.lang.ui();
    let query = AdviceQuery {
        to: resolve_occupation(ctx, args.to.as_deref())?,
        limit: args.limit,
        shortage_only: args.shortage_only,
        scheme: scheme_id(args.scheme).to_owned(),
        optimise: optimise(args.optimise),
    };
    let advice = match vaardig_service::advise(&scorer, &profile, &query) {
        Err(e @ ServiceError::NoneWithinReach { no_skills: true }) => {
            bail!("{e} (`vaardig profile new --file CV.txt`, or --skill LABEL)")
        }
        Err(ServiceError::NoneWithinReach { .. }) => {
            bail!("no occupation is within reach of this profile; try without --shortage-only")
        }
        other => other?,
    };
    if args.json {
        print_json(&advice)?;
        return Ok(ExitCode::SUCCESS);
    }
    let heading = |id: &str| outln!("\n== {}\n", tr(lang, id));
    if let Some(name) = &profile.name {
        outln!("{name}")?;
    }
    heading("heading-transitions")?;
    out!("{}", render_transitions(&advice.transitions, lang))?;
    heading("heading-gap")?;
    out!("{}", render_gap(&advice.gap, lang))?;
    heading("heading-rights")?;
    outln!("{}", advice.entitlement.explain(lang))?;
    heading("heading-route")?;
    out!("{}", render_route(&advice.route, lang))?;
    Ok(ExitCode::SUCCESS)
}

fn scheme_id(s: SchemeArg) -> &'static str {
    match s {
        SchemeArg::Leerrechten => "leerrechten",
        SchemeArg::PubliekTotMbo4 => "publiek-tot-mbo4",
    }
}

fn optimise(o: OptimiseArg) -> Optimise {
    match o {
        OptimiseArg::Hours => Optimise::Hours,
        OptimiseArg::Cost => Optimise::Cost,
    }
}

/// Runs `vaardig route`.
pub fn route(ctx: &Context, args: RouteArgs) -> anyhow::Result<ExitCode> {
    let ontology = ctx.ontology()?;
    let scorer = args.lang.scorer(&ctx.scorer_for(ontology)?)?;
    let profile = load_person(ctx, ontology, &args.person)?;
    let query = RouteQuery {
        to: ctx.resolve_occupation(&args.to)?,
        scheme: args.scheme.map(|s| scheme_id(s).to_owned()),
        optimise: optimise(args.optimise),
        max_nlqf: args.max_nlqf,
        include_important: args.include_important,
    };
    let route = vaardig_service::route(&scorer, &profile, &query)?;
    if args.json {
        print_json(&route)?;
    } else {
        out!("{}", render_route(&route, args.lang.ui()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `vaardig rights`.
pub fn rights(_ctx: &Context, args: RightsArgs) -> anyhow::Result<ExitCode> {
    if !(args.used_eur.is_finite() && args.used_eur >= 0.0) {
        bail!("--used-eur must be a non-negative amount");
    }
    let answer = vaardig_service::rights(&RightsQuery {
        age: args.age,
        nlqf: args.nlqf,
        used_eur: args.used_eur,
    })?;
    let scheme = LearningRights::default();
    let e = &answer.entitlement;
    let lang: Lang = args.lang.ui();
    if args.json {
        print_json(&answer)?;
        return Ok(ExitCode::SUCCESS);
    }
    let eur = |x: f64| vaardig_score::euros(lang, x);
    let weeks = |x: f64| format!("{x:.1}").trim_end_matches(".0").replace('.', ",");
    let rows = vec![
        vec![tr(lang, "rights-weeks-per-year"), weeks(e.weeks_per_year)],
        vec![tr(lang, "rights-years"), e.years_accrued.to_string()],
        vec![tr(lang, "rights-lifetime"), eur(e.lifetime_eur)],
        vec![tr(lang, "rights-accrued"), eur(e.accrued_eur)],
        vec![tr(lang, "rights-used"), eur(e.used_eur)],
        vec![tr(lang, "rights-available"), eur(e.available_eur)],
        vec![tr(lang, "rights-available-weeks"), weeks(e.available_weeks)],
    ];
    outln!("{} ({})", scheme.name(lang), scheme.id())?;
    out!("{}", table(&["", &tr(lang, "col-amount")], &rows))?;
    outln!("\n{}", e.explain(lang))?;
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// The person.

/// The profile from `--profile` plus `--skill` labels, built by the shared
/// [`vaardig_service::Person`].
fn load_person(ctx: &Context, ontology: &Ontology, args: &PersonArgs) -> anyhow::Result<Profile> {
    if args.profile.is_none() && args.skill.is_empty() {
        bail!("give the person with --profile FILE and/or --skill LABEL");
    }
    let person = Person {
        profile: args.profile.as_deref().map(read_profile).transpose()?,
        skills: args.skill.clone(),
    };
    let labels: Vec<&str> = args.skill.iter().map(String::as_str).collect();
    match person.build(
        ontology,
        &ctx.resolver(SkillResolver::new(ontology), &labels)?,
    ) {
        Ok(mut profile) => {
            if let Some(age) = args.age {
                profile.age = Some(age);
            }
            if let Some(level) = args.nlqf {
                // 0 means no startkwalificatie, as `nlqf` left out of a profile does.
                profile.nlqf = Nlqf::new(level);
            }
            Ok(profile)
        }
        Err(PersonError::Profile(e)) => Err(anyhow!(e)).with_context(|| match &args.profile {
            Some(p) => format!("profile {}", p.display()),
            None => "profile".to_owned(),
        }),
        Err(e) => Err(e.into()),
    }
}

fn read_profile(path: &Path) -> anyhow::Result<Profile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read profile {}", path.display()))?;
    Profile::from_json(&text).with_context(|| format!("profile {}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Tables.

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn importance_word(i: Importance, lang: Lang) -> String {
    tr(
        lang,
        match i {
            Importance::Essential => "importance-essential",
            Importance::Important => "importance-important",
            Importance::Optional => "importance-optional",
        },
    )
}

fn render_gap(gap: &Gap, lang: Lang) -> String {
    let mut out = tr_args(
        lang,
        "gap-title",
        &[
            (
                "occupation",
                gap.occupation.label_in(lang).to_owned().into(),
            ),
            ("id", gap.occupation.id.to_string().into()),
            ("score", pct(gap.score).into()),
            ("essential", pct(gap.essential_coverage).into()),
        ],
    );
    out.push_str("\n\n");
    let row = |status: &str, m: &SkillMatch| {
        vec![
            tr(lang, status),
            m.skill.label_in(lang).to_owned(),
            importance_word(m.importance, lang),
            m.required_level.map_or_else(String::new, |l| l.to_string()),
            pct(m.credit),
            format!("{:.3}", m.contribution),
            m.via
                .as_ref()
                .map_or_else(String::new, |v| match (v.held_level, m.required_level) {
                    (Some(held), Some(asked)) if held < asked => format!(
                        "{} ({}; {})",
                        v.skill.label_in(lang),
                        v.relation.describe(lang),
                        tr_args(
                            lang,
                            "level-short",
                            &[("held", held.into()), ("asked", asked.into())]
                        )
                    ),
                    _ => format!("{} ({})", v.skill.label_in(lang), v.relation.describe(lang)),
                }),
        ]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.extend(gap.missing.iter().map(|m| row("status-missing", m)));
    rows.extend(gap.partial.iter().map(|m| row("status-partial", m)));
    rows.extend(gap.matched.iter().map(|m| row("status-covered", m)));
    rows.extend(gap.to_discuss.iter().map(|m| row("status-discuss", m)));
    out.push_str(&table(
        &headers(
            lang,
            &[
                "col-status",
                "col-skill",
                "col-importance",
                "col-level",
                "col-credit",
                "col-contribution",
                "col-via",
            ],
        ),
        &rows,
    ));
    out.push('\n');
    out.push_str(&gap.explain(lang));
    out.push('\n');
    out
}

fn render_transitions(t: &Transitions, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(from) = &t.from {
        out.push_str(&tr_args(
            lang,
            "from-occupation",
            &[
                ("occupation", from.label_in(lang).to_owned().into()),
                ("id", from.id.to_string().into()),
            ],
        ));
        out.push_str("\n\n");
    }
    let rows: Vec<Vec<String>> = t
        .items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let missing: Vec<&str> = x.missing.iter().take(3).map(|n| n.label_in(lang)).collect();
            let more = x.missing.len().saturating_sub(3);
            vec![
                (i + 1).to_string(),
                x.label_in(lang).to_owned(),
                x.occupation.clone(),
                pct(x.score),
                pct(x.relatedness.score),
                pct(x.reachability.score),
                pct(x.coverage),
                fixed(x.gap_hours, 0),
                if x.shortage {
                    tr(lang, "yes")
                } else {
                    String::new()
                },
                if more > 0 {
                    format!("{} +{more}", missing.join(", "))
                } else {
                    missing.join(", ")
                },
                entry_summary(&x.requirements, lang),
            ]
        })
        .collect();
    out.push_str(&table(
        &headers(
            lang,
            &[
                "col-number",
                "col-occupation",
                "col-id",
                "col-score",
                "col-related",
                "col-reachable",
                "col-coverage",
                "col-hours",
                "col-shortage",
                "col-to-learn",
                "col-entry",
            ],
        ),
        &rows,
    ));
    out.push('\n');
    out.push_str(&tr_args(
        lang,
        "shown",
        &[
            ("shown", t.items.len().into()),
            ("considered", t.considered.into()),
        ],
    ));
    out.push_str("\n\n");
    out.push_str(&t.explain(lang));
    out.push('\n');
    out
}

fn render_route(r: &Route, lang: Lang) -> String {
    let mut out = tr_args(
        lang,
        "route-title",
        &[
            ("occupation", r.occupation.label_in(lang).to_owned().into()),
            ("id", r.occupation.id.to_string().into()),
        ],
    );
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = r
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let covers: Vec<&str> = s.covers.iter().map(|n| n.label_in(lang)).collect();
            vec![
                (i + 1).to_string(),
                s.offer.label_in(lang).to_owned(),
                s.offer.id.to_string(),
                fixed(s.hours, 0),
                fixed(s.cost_eur, 0),
                s.nlqf.map_or_else(String::new, |n| n.to_string()),
                covers.join(", "),
            ]
        })
        .collect();
    out.push_str(&table(
        &headers(
            lang,
            &[
                "col-number",
                "col-offer",
                "col-id",
                "col-hours",
                "col-eur",
                "col-nlqf",
                "col-closes",
            ],
        ),
        &rows,
    ));
    out.push('\n');
    out.push_str(&tr_args(
        lang,
        "route-total",
        &[
            ("hours", fixed(r.total_hours, 0).into()),
            ("cost", vaardig_score::euros(lang, r.total_cost_eur).into()),
        ],
    ));
    if let Some(b) = &r.budget {
        match b.available_eur {
            Some(a) => {
                let fit = match (r.within_budget, r.reaches_occupation) {
                    (true, true) => "budget-fits",
                    (true, false) => "budget-offers-fit",
                    (false, _) => "budget-fits-not",
                };
                out.push_str("; ");
                out.push_str(&tr_args(
                    lang,
                    "budget-available",
                    &[
                        ("scheme", b.scheme.to_string().into()),
                        ("available", vaardig_score::euros(lang, a).into()),
                        ("fit", tr(lang, fit).into()),
                    ],
                ));
            }
            None => out.push_str(&format!("; {}", b.scheme)),
        }
    }
    out.push('\n');
    let list = |v: &[vaardig_score::Named]| {
        v.iter()
            .map(|n| format!("{} ({})", n.label_in(lang), n.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.uncovered.is_empty() {
        out.push_str(&tr_args(
            lang,
            "route-no-offer",
            &[("skills", list(&r.uncovered).into())],
        ));
        out.push('\n');
    }
    if !r.not_fitted.is_empty() {
        out.push_str(&tr_args(
            lang,
            "route-not-fitted",
            &[("skills", list(&r.not_fitted).into())],
        ));
        out.push('\n');
    }
    if !r.requirements.is_empty() {
        out.push('\n');
        out.push_str(&requirements_table(&r.requirements, lang));
    }
    out.push('\n');
    out.push_str(&r.explain(lang));
    out.push('\n');
    out
}

/// The entry requirements a person does not hold yet, short: "hbo-verpleegkunde (route),
/// BIG-registratie verpleegkundige (aanvragen)".
fn entry_summary(reqs: &[vaardig_score::EntryRequirement], lang: Lang) -> String {
    reqs.iter()
        .filter(|q| q.status != vaardig_score::EntryStatus::Held)
        .map(|q| {
            let name = match &q.qualification {
                Some(n) => n.label_in(lang).to_owned(),
                None => format!("NLQF {}", q.nlqf.unwrap_or(0)),
            };
            let status = match q.status {
                vaardig_score::EntryStatus::OnRoute => tr(lang, "entry-on-route"),
                vaardig_score::EntryStatus::ToApply => tr(lang, "entry-to-apply"),
                _ => tr(lang, "entry-missing"),
            };
            format!("{name} ({status})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The entry requirements of an occupation and where the person stands on each.
fn requirements_table(reqs: &[vaardig_score::EntryRequirement], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = reqs
        .iter()
        .map(|q| {
            let how = match (&q.granted_on, q.units.len()) {
                (Some(g), _) => tr_args(
                    lang,
                    "granted-on",
                    &[("qualification", g.label_in(lang).to_owned().into())],
                ),
                (None, 0) => String::new(),
                (None, n) => tr_args(lang, "units-on-route", &[("count", n.into())]),
            };
            vec![q.what(lang), q.status.describe(lang).to_owned(), how]
        })
        .collect();
    table(
        &headers(lang, &["col-requirement", "col-standing", "col-how"]),
        &rows,
    )
}

/// Table headers from message ids.
fn headers(lang: Lang, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| tr(lang, id)).collect()
}
