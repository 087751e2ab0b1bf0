//! O*NET import: the O*NET database as tab-separated text files (`db_29_1_text/`: `Occupation
//! Data.txt`, the rating files, `Alternate Titles.txt`, `Task Statements.txt`, ...), as the
//! National Center for O*NET Development publishes them.
//!
//! # Mapping decisions
//! - **Occupations**: `onet:occupation/<O*NET-SOC code>` (`onet:occupation/15-1252.00`; the id
//!   carries the code, and so does the code `onet_soc`), the title as preferred label
//!   (English), the description as definition; alternate titles and short titles
//!   (`Alternate Titles.txt`) as synonyms; the job zone (`Job Zones.txt`, 1–5) as the code
//!   `onet_job_zone`.
//! - **Related occupations** (`Related Occupations.txt`): `related_occupation` relations with
//!   O*NET's tier (`Primary-Short` → `primary_short`, ...) and its index as the rank.
//! - **Technology skills** (`Technology Skills.txt`): each commodity (UNSPSC `Commodity Code`,
//!   `Commodity Title`: "Spreadsheet software") is a skill of type `technology`,
//!   `onet:technology/<code>`, with the products named as examples (Microsoft Excel, ...) as
//!   its synonyms. An occupation requires each commodity it lists: *important* when O*NET marks
//!   one of its products `In Demand` for the occupation, else *optional*.
//! - **Capabilities**: one per content-model element an occupation is rated on,
//!   `onet:element/<Element ID>` (`onet:element/2.A.1.a`), labelled with the element name and
//!   described by `Content Model Reference.txt`. Skills are skills; Knowledge elements are
//!   knowledge areas; Abilities are skills of type `ability`, Work Activities of type
//!   `work_activity`, Work Styles of type `attitude`. The content-model groups above them
//!   (`2.A.1` Content above `2.A.1.a`, up to `2.A` Basic Skills) are knowledge areas linked by
//!   `broader`, so sibling elements give each other partial credit, as ESCO's skill groups do.
//! - **Requirements** come from the importance rating (scale `IM`, 1–5), classed by
//!   [`OnetOptions`]: by default *essential* from 4.0 (O*NET's anchors "very" and "extremely
//!   important"), *important* from 3.0 ("important"), *optional* from 2.0 ("somewhat
//!   important"); below that the element is not a requirement. The level comes from the level
//!   rating (scale `LV`, 0–7) as `1 + round(LV × 4 / 7)` on vaardig's 1–5 scale
//!   ([`level_from_lv`]). The numbers themselves are kept too: the IM value as the
//!   requirement's `weight` on scale `onet_im`, the LV value as its `source_level` on scale
//!   `onet_lv`. N, standard error and the confidence bounds are counted as unused columns.
//! - **Flags honoured**: a rating with `Recommend Suppress` = `Y` is not used (an importance
//!   rating: no requirement; a level rating: no level); `Not Relevant` = `Y` on the level
//!   rating: the element is not a requirement of the occupation.
//! - **Tasks**: `Task Statements.txt` → occupation tasks `onet:task/<Task ID>`, linked by
//!   `has_task`.
//! - **Not imported, every row counted** ([`crate::ImportReport::skipped_rows`], by file and
//!   reason): Interests, Level Scale Anchors, Scales Reference, Skills to Work Activities.
//!   Columns read but not kept (N, standard error, confidence bounds, dates, domain source,
//!   task type, hot technology, ...) are counted by `file: column` in
//!   [`crate::ImportReport::unused_columns`].
//! - **Manifest**: name `onet`, version and release month from `Read Me.txt` ("O*NET 29.1
//!   Database", "November 2024 Release" → 2024-11-01), licence CC BY 4.0; English only.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use vaardig_core::{
    Code, CodeSystem, Concept, ConceptData, ConceptKind, Date, Diagnostic, DiagnosticKind as K,
    Importance, Labels, Level, Location, Manifest, Rating as SourceRating, Relation, RelationKind,
    Scale, SkillType, Tier,
};

use crate::error::ImportError;
use crate::imported::Import;
use crate::options::ImportOptions;
use crate::progress::Tracker;
use crate::report::ImportReport;
use crate::staging::{Duplicates, Staging};
use crate::table::{Dialect, Outcome, Row, Table};

/// How O*NET's importance ratings (scale `IM`, 1–5) become vaardig's importance classes.
///
/// ```
/// use vaardig_core::Importance;
/// use vaardig_import::OnetOptions;
///
/// let onet = OnetOptions::default();
/// assert_eq!(onet.importance(4.25), Some(Importance::Essential));
/// assert_eq!(onet.importance(3.0), Some(Importance::Important));
/// assert_eq!(onet.importance(2.4), Some(Importance::Optional));
/// assert_eq!(onet.importance(1.9), None); // not important: not a requirement
/// let strict = OnetOptions::with_thresholds(4.5, 3.5, 3.0)?;
/// assert_eq!(strict.importance(2.4), None);
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OnetOptions {
    essential_from: f64,
    important_from: f64,
    optional_from: f64,
}

impl Default for OnetOptions {
    /// Essential from 4.0, important from 3.0, optional from 2.0: O*NET's own anchors.
    fn default() -> Self {
        OnetOptions {
            essential_from: 4.0,
            important_from: 3.0,
            optional_from: 2.0,
        }
    }
}

impl OnetOptions {
    /// Thresholds on the IM scale: a rating from `essential` up is essential, from `important`
    /// important, from `optional` optional, below `optional` no requirement.
    ///
    /// # Errors
    /// [`ImportError::Options`] unless `1 ≤ optional ≤ important ≤ essential ≤ 5`.
    pub fn with_thresholds(
        essential: f64,
        important: f64,
        optional: f64,
    ) -> Result<OnetOptions, ImportError> {
        let ordered = 1.0 <= optional && optional <= important && important <= essential;
        if !(ordered && essential <= 5.0) {
            return Err(ImportError::Options(format!(
                "O*NET importance thresholds must satisfy 1 ≤ optional ≤ important ≤ essential ≤ 5 \
                 (got essential {essential}, important {important}, optional {optional})"
            )));
        }
        Ok(OnetOptions {
            essential_from: essential,
            important_from: important,
            optional_from: optional,
        })
    }

    /// The importance class of an IM rating, `None` below the optional threshold.
    pub fn importance(&self, im: f64) -> Option<Importance> {
        if im >= self.essential_from {
            Some(Importance::Essential)
        } else if im >= self.important_from {
            Some(Importance::Important)
        } else if im >= self.optional_from {
            Some(Importance::Optional)
        } else {
            None
        }
    }
}

/// vaardig's proficiency level (1–5) for an O*NET level rating (scale `LV`, 0–7):
/// `1 + round(LV × 4 / 7)`; `None` outside 0–7.
///
/// ```
/// use vaardig_import::level_from_lv;
///
/// assert_eq!(level_from_lv(0.0).map(|l| l.get()), Some(1));
/// assert_eq!(level_from_lv(3.5).map(|l| l.get()), Some(3));
/// assert_eq!(level_from_lv(7.0).map(|l| l.get()), Some(5));
/// assert_eq!(level_from_lv(7.5), None);
/// ```
pub fn level_from_lv(lv: f64) -> Option<Level> {
    if !(0.0..=7.0).contains(&lv) {
        return None;
    }
    Level::new(1 + (lv * 4.0 / 7.0).round() as u8)
}

/// A rating file: its name, and what its elements become.
#[derive(Debug, Clone, Copy)]
struct RatingFile {
    name: &'static str,
    kind: ConceptKind,
    skill_type: SkillType,
}

const RATING_FILES: [RatingFile; 5] = [
    RatingFile {
        name: "Skills.txt",
        kind: ConceptKind::Skill,
        skill_type: SkillType::Skill,
    },
    RatingFile {
        name: "Knowledge.txt",
        kind: ConceptKind::KnowledgeArea,
        skill_type: SkillType::Knowledge,
    },
    RatingFile {
        name: "Abilities.txt",
        kind: ConceptKind::Skill,
        skill_type: SkillType::Ability,
    },
    RatingFile {
        name: "Work Activities.txt",
        kind: ConceptKind::Skill,
        skill_type: SkillType::WorkActivity,
    },
    RatingFile {
        name: "Work Styles.txt",
        kind: ConceptKind::Skill,
        skill_type: SkillType::Attitude,
    },
];

/// Files read only to count them, with the reason they are not imported. A name ending in `*`
/// matches any file starting with the rest (`Related Occupations (first 120 rows).txt`).
const NOT_IMPORTED: [(&str, &str); 4] = [
    (
        "Interests.txt",
        "RIASEC interests have no field in vaardig's model",
    ),
    (
        "Level Scale Anchors.txt",
        "scale anchors describe levels; levels map to 1-5",
    ),
    (
        "Scales Reference.txt",
        "the scales are fixed by the importer",
    ),
    (
        "Skills to Work Activities.txt",
        "the crosswalk between skills and work activities is not imported",
    ),
];

const OCCUPATION_DATA: &str = "Occupation Data.txt";
const ALTERNATE_TITLES: &str = "Alternate Titles.txt";
const TASK_STATEMENTS: &str = "Task Statements.txt";
const CONTENT_MODEL: &str = "Content Model Reference.txt";
const JOB_ZONES: &str = "Job Zones.txt";
const TECHNOLOGY_SKILLS: &str = "Technology Skills.txt";
/// `Related Occupations.txt`, or an excerpt named after it (`Related Occupations (first 120
/// rows).txt`).
const RELATED_OCCUPATIONS: &str = "Related Occupations";
const READ_ME: &str = "Read Me.txt";

const CODE: &str = "O*NET-SOC Code";
const ELEMENT_ID: &str = "Element ID";
const ELEMENT_NAME: &str = "Element Name";

/// A rating row waiting for its partner (an IM row for its LV row, and the other way round).
#[derive(Debug, Clone)]
struct Rating {
    value: f64,
    suppress: bool,
    not_relevant: bool,
    location: Location,
}

/// The IM and LV ratings of one element for one occupation.
#[derive(Debug, Default)]
struct Pending {
    name: String,
    im: Option<Rating>,
    lv: Option<Rating>,
}

/// The state of one O*NET import.
struct OnetReader {
    staging: Staging,
    onet: OnetOptions,
    occupations: HashSet<String>,
    /// Element ID → description, from the content model.
    descriptions: HashMap<String, String>,
    /// Element ID → name, from the content model.
    names: HashMap<String, String>,
    /// Capabilities created, by element ID.
    capabilities: HashSet<String>,
    tasks: HashSet<String>,
    /// Technology commodities created, by commodity code.
    technologies: HashSet<String>,
    /// The latest `MM/YYYY` date seen, as `(year, month)`.
    latest: (u16, u8),
}

/// The id of occupation `code`.
fn occupation_id(code: &str) -> String {
    format!("onet:occupation/{code}")
}

/// The id of content-model element `element`.
fn element_id(element: &str) -> String {
    format!("onet:element/{element}")
}

/// Imports the O*NET database text files in `dir`.
///
/// ```no_run
/// use vaardig_import::{ImportOptions, OnetOptions, import_onet};
///
/// let import = import_onet("db_29_1_text", &OnetOptions::default(), ImportOptions::new())?;
/// println!("{} rows rejected", import.report().rejected());
/// let ontology = import.build()?.ontology;
/// assert!(ontology.get("onet:occupation/15-1252.00").is_some());
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
///
/// # Errors
/// [`ImportError::MissingFile`] without `Occupation Data.txt`, [`ImportError::MissingColumns`]
/// for a file in another layout, [`ImportError::Io`] for unreadable files,
/// [`ImportError::Options`] when a language other than English is asked for, and in strict
/// mode [`ImportError::Rejected`] when any row was rejected.
pub fn import_onet(
    dir: impl AsRef<Path>,
    onet: &OnetOptions,
    mut options: ImportOptions,
) -> Result<Import, ImportError> {
    let dir = dir.as_ref();
    if let Some(langs) = options.requested_languages()
        && langs
            .iter()
            .any(|l| vaardig_core::primary_language(l.trim()) != "en")
    {
        return Err(ImportError::Options(format!(
            "the O*NET database is in English only (asked for {})",
            langs.join(", ")
        )));
    }
    let occupation_data = dir.join(OCCUPATION_DATA);
    if !occupation_data.is_file() {
        return Err(ImportError::MissingFile {
            what: "the O*NET occupations table".to_owned(),
            looked_for: vec![occupation_data.display().to_string()],
        });
    }
    let listing: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut v: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            v.sort();
            v
        }
        Err(source) => {
            return Err(ImportError::Io {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let named = |name: &str| -> Option<PathBuf> {
        let p = dir.join(name);
        p.is_file().then_some(p)
    };

    let mut report = ImportReport::new("onet-txt");
    report.languages = vec!["en".to_owned()];
    let total: u64 = listing
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let mut tracker = Tracker::new(options.take_progress(), total);
    let mut reader = OnetReader {
        staging: Staging::new(vec!["en".to_owned()], Duplicates::Reject),
        onet: *onet,
        occupations: HashSet::new(),
        descriptions: HashMap::new(),
        names: HashMap::new(),
        capabilities: HashSet::new(),
        tasks: HashSet::new(),
        technologies: HashSet::new(),
        latest: (0, 0),
    };

    // The content model first: its descriptions define the capabilities.
    let mut content_rows: Vec<(String, usize)> = Vec::new();
    if let Some(path) = named(CONTENT_MODEL) {
        let table = Table::open_as(
            &path,
            Dialect::Tsv,
            &[ELEMENT_ID, "Description"],
            &mut tracker,
            &mut report,
        )?;
        let source = table.source();
        let unused = unused_columns(&table, &[ELEMENT_ID, "Element Name", "Description"]);
        table.each_row(&mut tracker, &mut report, |row, r| {
            count_unused(row, CONTENT_MODEL, &unused, r);
            match (row.req(ELEMENT_ID), row.get("Description")) {
                (Ok(id), Ok(d)) => {
                    reader.descriptions.insert(id.to_owned(), d.to_owned());
                    if let Ok(name) = row.get("Element Name") {
                        reader.names.insert(id.to_owned(), name.to_owned());
                    }
                    content_rows.push((id.to_owned(), source));
                    Outcome::Staged
                }
                (Err(e), _) | (_, Err(e)) => Outcome::Rejected(e),
            }
        })?;
    } else {
        report.notes.push(format!(
            "no {CONTENT_MODEL}: capabilities have no definitions"
        ));
    }

    reader.occupation_table(&occupation_data, &mut tracker, &mut report)?;
    if let Some(path) = named(ALTERNATE_TITLES) {
        reader.alternate_titles(&path, &mut tracker, &mut report)?;
    }
    let mut rated = 0;
    for file in RATING_FILES {
        if let Some(path) = named(file.name) {
            reader.ratings(&path, file, &mut tracker, &mut report)?;
            rated += 1;
        }
    }
    if rated == 0 {
        report.notes.push(
            "no rating file (Skills, Knowledge, Abilities, Work Activities, Work Styles): occupations have no requirements"
                .to_owned(),
        );
    }
    if let Some(path) = named(TASK_STATEMENTS) {
        reader.task_statements(&path, &mut tracker, &mut report)?;
    }
    if let Some(path) = named(JOB_ZONES) {
        reader.job_zones(&path, &mut tracker, &mut report)?;
    }
    if let Some(path) = named(TECHNOLOGY_SKILLS) {
        reader.technology_skills(&path, &mut tracker, &mut report)?;
    }
    let related: Vec<&PathBuf> = listing
        .iter()
        .filter(|p| is_related_occupations(p) && p.is_file())
        .collect();
    for path in &related {
        reader.related_occupations(path, &mut tracker, &mut report)?;
    }

    // The content model's groups above the rated elements (`2.A.1` Content above `2.A.1.a`
    // Reading Comprehension, up to `2.A` Basic Skills) become knowledge areas, linked by
    // `broader`: partial credit between sibling elements, as ESCO's skill groups give.
    let groups = reader.groups(&mut report);
    // Content model rows count as imported when their element became a concept; the row of an
    // element with a group above it states that link, and is counted with it.
    for (element, source) in content_rows {
        if let Some(parent) = groups.get(&element) {
            reader.staging.add_relation(
                element_id(&element),
                element_id(parent),
                Relation::plain(RelationKind::Broader),
                Location::file(CONTENT_MODEL),
                source,
            );
        } else if reader.capabilities.contains(&element) {
            report.imported(source);
        } else {
            report.skipped(source);
            *report
                .skipped_rows
                .entry(format!(
                    "{CONTENT_MODEL}: element no imported occupation is rated on"
                ))
                .or_default() += 1;
        }
    }

    // Files read only to be counted, and files not read at all.
    let mut known: Vec<&str> = vec![
        OCCUPATION_DATA,
        ALTERNATE_TITLES,
        TASK_STATEMENTS,
        CONTENT_MODEL,
        READ_ME,
        JOB_ZONES,
        TECHNOLOGY_SKILLS,
    ];
    known.extend(RATING_FILES.iter().map(|f| f.name));
    for path in &listing {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if known.contains(&name.as_str()) || !path.is_file() || is_related_occupations(path) {
            continue;
        }
        let reason = NOT_IMPORTED.iter().find_map(|(pattern, reason)| {
            let matches = match pattern.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => name == *pattern,
            };
            matches.then_some(*reason)
        });
        match reason {
            Some(reason) => {
                let table = Table::open_as(path, Dialect::Tsv, &[], &mut tracker, &mut report)?;
                let key = format!("{name}: {reason}");
                table.each_row(&mut tracker, &mut report, |_, r| {
                    *r.skipped_rows.entry(key.clone()).or_default() += 1;
                    Outcome::Skipped
                })?;
            }
            None => report
                .notes
                .push(format!("{name}: not an O*NET file vaardig knows; not read")),
        }
    }

    let manifest = onet_manifest(
        dir,
        named(READ_ME),
        reader.latest,
        &reader.onet,
        &options,
        &mut report,
    )?;
    let builder = reader.staging.finish(manifest, &mut report);
    Import::new(builder, report, options.is_strict())
}

/// Whether `path` is O*NET's related-occupations table (or an excerpt named after it).
fn is_related_occupations(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(RELATED_OCCUPATIONS) && n.ends_with(".txt"))
}

/// The tier of O*NET's `Relatedness Tier` column.
fn tier(row: &Row<'_>) -> Result<Tier, Diagnostic> {
    match row.req("Relatedness Tier")? {
        "Primary-Short" => Ok(Tier::PrimaryShort),
        "Primary-Long" => Ok(Tier::PrimaryLong),
        "Supplemental" => Ok(Tier::Supplemental),
        other => Err(Diagnostic::error(
            K::InvalidValue,
            row.at("Relatedness Tier"),
            format!(
                "`{}` is not Primary-Short, Primary-Long or Supplemental",
                other.chars().take(40).collect::<String>()
            ),
        )),
    }
}

/// The columns of `table` that are read but not kept.
fn unused_columns(table: &Table, kept: &[&str]) -> Vec<String> {
    table
        .column_names()
        .into_iter()
        .filter(|c| !kept.contains(&c.as_str()))
        .collect()
}

/// Counts the non-empty cells of `unused` columns in `row`.
fn count_unused(row: &Row<'_>, file: &str, unused: &[String], report: &mut ImportReport) {
    for column in unused {
        if row.get(column).is_ok_and(|v| !v.is_empty() && v != "n/a") {
            *report
                .unused_columns
                .entry(format!("{file}: {column}"))
                .or_default() += 1;
        }
    }
}

/// A `Y`/`N`/`n/a` flag: `true` only for `Y`.
fn flag(row: &Row<'_>, column: &str) -> Result<bool, Diagnostic> {
    match row.get(column)? {
        "Y" => Ok(true),
        "N" | "n/a" | "" => Ok(false),
        other => Err(Diagnostic::error(
            K::InvalidValue,
            row.at(column),
            format!(
                "`{}` is not Y, N or n/a",
                other.chars().take(40).collect::<String>()
            ),
        )),
    }
}

/// The group above content-model element `id` (`2.A.1.a` → `2.A.1`), if it is a group a
/// capability may sit under (two or more parts: not the top-level domains `1`, `2`, `4`).
fn parent_element(id: &str) -> Option<&str> {
    let (parent, _) = id.rsplit_once('.')?;
    parent.contains('.').then_some(parent)
}

impl OnetReader {
    /// Creates the content-model groups above the capabilities; returns element → its group,
    /// for every imported element that has one.
    fn groups(&mut self, report: &mut ImportReport) -> HashMap<String, String> {
        let mut above: HashMap<String, String> = HashMap::new();
        let mut todo: Vec<String> = self.capabilities.iter().cloned().collect();
        todo.sort();
        while let Some(element) = todo.pop() {
            let Some(parent) = parent_element(&element) else {
                continue;
            };
            let Some(name) = self.names.get(parent).filter(|n| !n.is_empty()) else {
                continue;
            };
            above.insert(element.clone(), parent.to_owned());
            if self.capabilities.insert(parent.to_owned()) {
                let mut labels = Labels::with_pref([("en", name.as_str())]);
                if let Some(d) = self.descriptions.get(parent).filter(|d| !d.is_empty()) {
                    labels.definition.insert("en".to_owned(), d.clone());
                }
                self.staging.add_concept(
                    Concept::new(element_id(parent), labels, ConceptData::KnowledgeArea),
                    Location::file(CONTENT_MODEL),
                    Vec::new(),
                    report,
                );
                todo.push(parent.to_owned());
            }
        }
        above
    }

    /// Remembers the latest `MM/YYYY` date.
    fn note_date(&mut self, row: &Row<'_>) {
        if let Ok(date) = row.get("Date")
            && let Some((m, y)) = date.split_once('/')
            && let (Ok(m), Ok(y)) = (m.parse::<u8>(), y.parse::<u16>())
            && (1..=12).contains(&m)
            && (y, m) > self.latest
        {
            self.latest = (y, m);
        }
    }

    /// The occupation code of `row`, which must name an imported occupation.
    fn known_code<'r>(&self, row: &'r Row<'_>) -> Result<&'r str, Diagnostic> {
        let code = row.req(CODE)?;
        if self.occupations.contains(code) {
            Ok(code)
        } else {
            Err(Diagnostic::error(
                K::DanglingReference,
                row.at(CODE),
                format!("occupation `{code}` is not in {OCCUPATION_DATA}"),
            ))
        }
    }

    fn occupation_table(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let table = Table::open_as(path, Dialect::Tsv, &[CODE, "Title"], tracker, report)?;
        let source = table.source();
        let unused = unused_columns(&table, &[CODE, "Title", "Description"]);
        table.each_row(tracker, report, |row, r| {
            count_unused(row, OCCUPATION_DATA, &unused, r);
            let (code, title, description) =
                match (row.req(CODE), row.req("Title"), row.get("Description")) {
                    (Ok(c), Ok(t), Ok(d)) => (c, t, d),
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                        return Outcome::Rejected(e);
                    }
                };
            let mut labels = Labels::with_pref([("en", title)]);
            if !description.is_empty() {
                labels
                    .definition
                    .insert("en".to_owned(), description.to_owned());
            }
            let mut concept =
                Concept::new(occupation_id(code), labels, ConceptData::occupation(None));
            if CodeSystem::OnetSoc.problem(code).is_none() {
                concept.codes.push(Code::new(CodeSystem::OnetSoc, code));
            }
            if self
                .staging
                .add_concept(concept, row.location(), vec![(source, 1)], r)
            {
                self.occupations.insert(code.to_owned());
            }
            Outcome::Staged
        })
    }

    fn alternate_titles(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let table = Table::open_as(
            path,
            Dialect::Tsv,
            &[CODE, "Alternate Title"],
            tracker,
            report,
        )?;
        let unused = unused_columns(&table, &[CODE, "Alternate Title", "Short Title"]);
        table.each_row(tracker, report, |row, r| {
            count_unused(row, ALTERNATE_TITLES, &unused, r);
            let code = match self.known_code(row) {
                Ok(c) => c,
                Err(e) => return Outcome::Rejected(e),
            };
            let titles = match (row.req("Alternate Title"), row.get("Short Title")) {
                (Ok(a), Ok(s)) => [Some(a), (!s.is_empty() && s != "n/a").then_some(s)],
                (Err(e), _) | (_, Err(e)) => return Outcome::Rejected(e),
            };
            let Some(concept) = self.staging.concept_mut(&occupation_id(code)) else {
                return Outcome::Skipped;
            };
            let alts = concept.labels.alt.get_or_default("en".to_owned());
            alts.extend(titles.into_iter().flatten().map(str::to_owned));
            Outcome::Imported
        })
    }

    fn ratings(
        &mut self,
        path: &Path,
        file: RatingFile,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let table = Table::open_as(
            path,
            Dialect::Tsv,
            &[CODE, ELEMENT_ID, ELEMENT_NAME, "Scale ID", "Data Value"],
            tracker,
            report,
        )?;
        let source = table.source();
        let unused = unused_columns(
            &table,
            &[
                CODE,
                ELEMENT_ID,
                ELEMENT_NAME,
                "Scale ID",
                "Data Value",
                "Recommend Suppress",
                "Not Relevant",
            ],
        );
        let mut pending: BTreeMap<(String, String), Pending> = BTreeMap::new();
        table.each_row(tracker, report, |row, r| {
            count_unused(row, file.name, &unused, r);
            self.note_date(row);
            match rating_row(self, row, file, &mut pending) {
                Ok(outcome) => outcome,
                Err(e) => Outcome::Rejected(e),
            }
        })?;

        let skip = |report: &mut ImportReport, n: u64, why: &str| {
            for _ in 0..n {
                report.skipped(source);
            }
            *report
                .skipped_rows
                .entry(format!("{}: {why}", file.name))
                .or_default() += n;
        };
        for ((code, element), p) in pending {
            let rows = u64::from(p.im.is_some()) + u64::from(p.lv.is_some());
            let Some(im) = p.im else {
                skip(report, rows, "level rating without an importance rating");
                continue;
            };
            if p.lv.as_ref().is_some_and(|lv| lv.not_relevant) {
                skip(
                    report,
                    rows,
                    "not relevant to the occupation (Not Relevant = Y)",
                );
                continue;
            }
            if im.suppress {
                skip(
                    report,
                    rows,
                    "importance rating not used (Recommend Suppress = Y)",
                );
                continue;
            }
            let Some(importance) = self.onet.importance(im.value) else {
                skip(
                    report,
                    rows,
                    "importance below the optional threshold: not a requirement",
                );
                continue;
            };
            let (level, source_level) = match p.lv {
                Some(lv) if lv.suppress => {
                    skip(report, 1, "level rating not used (Recommend Suppress = Y)");
                    (None, None)
                }
                Some(lv) => {
                    report.imported(source);
                    (
                        level_from_lv(lv.value),
                        SourceRating::new(Scale::OnetLv, lv.value),
                    )
                }
                None => (None, None),
            };
            if self.capabilities.insert(element.clone()) {
                let mut labels = Labels::with_pref([("en", p.name.as_str())]);
                if let Some(d) = self.descriptions.get(&element).filter(|d| !d.is_empty()) {
                    labels.definition.insert("en".to_owned(), d.clone());
                }
                let data = match file.kind {
                    ConceptKind::KnowledgeArea => ConceptData::KnowledgeArea,
                    _ => ConceptData::Skill {
                        skill_type: file.skill_type,
                    },
                };
                self.staging.add_concept(
                    Concept::new(element_id(&element), labels, data),
                    im.location.clone(),
                    Vec::new(),
                    report,
                );
            }
            self.staging.add_relation(
                occupation_id(&code),
                element_id(&element),
                Relation::requires(importance, level)
                    .rated(SourceRating::new(Scale::OnetIm, im.value), source_level),
                im.location,
                source,
            );
        }
        Ok(())
    }

    /// `Job Zones.txt`: each occupation's job zone (1–5) as the code `onet_job_zone`.
    fn job_zones(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let table = Table::open_as(path, Dialect::Tsv, &[CODE, "Job Zone"], tracker, report)?;
        let unused = unused_columns(&table, &[CODE, "Job Zone"]);
        table.each_row(tracker, report, |row, r| {
            count_unused(row, JOB_ZONES, &unused, r);
            self.note_date(row);
            let (code, zone) = match (self.known_code(row), row.req("Job Zone")) {
                (Ok(c), Ok(z)) => (c, z),
                (Err(e), _) | (_, Err(e)) => return Outcome::Rejected(e),
            };
            if let Some(problem) = CodeSystem::OnetJobZone.problem(zone) {
                return Outcome::Rejected(Diagnostic::error(
                    K::InvalidValue,
                    row.at("Job Zone"),
                    problem,
                ));
            }
            let Some(concept) = self.staging.concept_mut(&occupation_id(code)) else {
                return Outcome::Skipped;
            };
            if concept
                .codes
                .iter()
                .any(|c| c.system == CodeSystem::OnetJobZone)
            {
                return Outcome::Rejected(Diagnostic::error(
                    K::DuplicateRelation,
                    row.location(),
                    format!("a second job zone for `{code}`"),
                ));
            }
            concept.codes.push(Code::new(CodeSystem::OnetJobZone, zone));
            Outcome::Imported
        })
    }

    /// `Related Occupations.txt`: `related_occupation` relations with tier and rank.
    fn related_occupations(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        const RELATED: &str = "Related O*NET-SOC Code";
        let table = Table::open_as(
            path,
            Dialect::Tsv,
            &[CODE, RELATED, "Relatedness Tier", "Index"],
            tracker,
            report,
        )?;
        let source = table.source();
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let unused = unused_columns(&table, &[CODE, RELATED, "Relatedness Tier", "Index"]);
        table.each_row(tracker, report, |row, r| {
            count_unused(row, &file, &unused, r);
            let read = || -> Result<(String, String, Tier, u16), Diagnostic> {
                let from = self.known_code(row)?;
                let to = row.req(RELATED)?;
                if !self.occupations.contains(to) {
                    return Err(Diagnostic::error(
                        K::DanglingReference,
                        row.at(RELATED),
                        format!("occupation `{to}` is not in {OCCUPATION_DATA}"),
                    ));
                }
                let index = row.req("Index")?;
                let rank = index
                    .parse::<u16>()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| {
                        Diagnostic::error(
                            K::InvalidValue,
                            row.at("Index"),
                            format!(
                                "`{}` is not a rank from 1 to 65535",
                                index.chars().take(40).collect::<String>()
                            ),
                        )
                    })?;
                Ok((occupation_id(from), occupation_id(to), tier(row)?, rank))
            };
            match read() {
                Ok((from, to, tier, rank)) => {
                    self.staging.add_relation(
                        from,
                        to,
                        Relation::related_occupation(Some(tier), Some(rank)),
                        row.location(),
                        source,
                    );
                    Outcome::Staged
                }
                Err(e) => Outcome::Rejected(e),
            }
        })
    }

    /// `Technology Skills.txt`: commodities as `technology` skills, products as their
    /// synonyms, one requirement per occupation and commodity.
    fn technology_skills(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        const COMMODITY: &str = "Commodity Code";
        const TITLE: &str = "Commodity Title";
        const EXAMPLE: &str = "Example";
        let table = Table::open_as(
            path,
            Dialect::Tsv,
            &[CODE, EXAMPLE, COMMODITY, TITLE],
            tracker,
            report,
        )?;
        let source = table.source();
        let unused = unused_columns(&table, &[CODE, EXAMPLE, COMMODITY, TITLE, "In Demand"]);
        // (occupation, commodity) → (in demand, rows, first location).
        let mut pending: BTreeMap<(String, String), (bool, u64, Location)> = BTreeMap::new();
        let mut examples: HashSet<(String, String)> = HashSet::new();
        table.each_row(tracker, report, |row, r| {
            count_unused(row, TECHNOLOGY_SKILLS, &unused, r);
            let read = || -> Result<(&str, &str, &str, &str, bool), Diagnostic> {
                let code = self.known_code(row)?;
                let commodity = row.req(COMMODITY)?;
                if !commodity.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(Diagnostic::error(
                        K::InvalidValue,
                        row.at(COMMODITY),
                        format!(
                            "`{}` is not a UNSPSC commodity code (digits)",
                            commodity.chars().take(40).collect::<String>()
                        ),
                    ));
                }
                Ok((
                    code,
                    commodity,
                    row.req(TITLE)?,
                    row.get(EXAMPLE)?,
                    flag(row, "In Demand")?,
                ))
            };
            let (code, commodity, title, example, in_demand) = match read() {
                Ok(v) => v,
                Err(e) => return Outcome::Rejected(e),
            };
            let id = format!("onet:technology/{commodity}");
            if self.technologies.insert(commodity.to_owned()) {
                self.staging.add_concept(
                    Concept::new(
                        id.clone(),
                        Labels::with_pref([("en", title)]),
                        ConceptData::Skill {
                            skill_type: SkillType::Technology,
                        },
                    ),
                    row.location(),
                    Vec::new(),
                    r,
                );
            }
            if !example.is_empty()
                && example != title
                && examples.insert((commodity.to_owned(), example.to_owned()))
                && let Some(concept) = self.staging.concept_mut(&id)
            {
                concept
                    .labels
                    .alt
                    .get_or_default("en".to_owned())
                    .push(example.to_owned());
            }
            let entry = pending
                .entry((code.to_owned(), commodity.to_owned()))
                .or_insert((false, 0, row.location()));
            entry.0 |= in_demand;
            entry.1 += 1;
            Outcome::Staged
        })?;
        for ((code, commodity), (in_demand, rows, location)) in pending {
            // One relation stands for all the rows naming the pair: the first is counted by
            // staging, the others here.
            for _ in 1..rows {
                report.imported(source);
            }
            let importance = if in_demand {
                Importance::Important
            } else {
                Importance::Optional
            };
            self.staging.add_relation(
                occupation_id(&code),
                format!("onet:technology/{commodity}"),
                Relation::requires(importance, None),
                location,
                source,
            );
        }
        Ok(())
    }

    fn task_statements(
        &mut self,
        path: &Path,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let table = Table::open_as(
            path,
            Dialect::Tsv,
            &[CODE, "Task ID", "Task"],
            tracker,
            report,
        )?;
        let source = table.source();
        let unused = unused_columns(&table, &[CODE, "Task ID", "Task"]);
        table.each_row(tracker, report, |row, r| {
            count_unused(row, TASK_STATEMENTS, &unused, r);
            self.note_date(row);
            let (code, task, text) =
                match (self.known_code(row), row.req("Task ID"), row.req("Task")) {
                    (Ok(c), Ok(t), Ok(x)) => (c, t, x),
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                        return Outcome::Rejected(e);
                    }
                };
            let id = format!("onet:task/{task}");
            if self.tasks.insert(task.to_owned()) {
                self.staging.add_concept(
                    Concept::new(
                        id.clone(),
                        Labels::with_pref([("en", text)]),
                        ConceptData::OccupationTask,
                    ),
                    row.location(),
                    Vec::new(),
                    r,
                );
            }
            self.staging.add_relation(
                occupation_id(code),
                id,
                Relation::plain(RelationKind::HasTask),
                row.location(),
                source,
            );
            Outcome::Staged
        })
    }
}

/// Reads one rating row into `pending`.
fn rating_row(
    reader: &OnetReader,
    row: &Row<'_>,
    file: RatingFile,
    pending: &mut BTreeMap<(String, String), Pending>,
) -> Result<Outcome, Diagnostic> {
    let code = reader.known_code(row)?;
    let element = row.req(ELEMENT_ID)?;
    let name = row.req(ELEMENT_NAME)?;
    let scale = row.req("Scale ID")?;
    let text = row.req("Data Value")?;
    let range = match scale {
        "IM" => 1.0..=5.0,
        "LV" => 0.0..=7.0,
        other => {
            return Err(Diagnostic::error(
                K::InvalidValue,
                row.at("Scale ID"),
                format!(
                    "scale `{}` in {}: expected IM or LV",
                    other.chars().take(20).collect::<String>(),
                    file.name
                ),
            ));
        }
    };
    let value: f64 = text
        .parse()
        .ok()
        .filter(|v: &f64| range.contains(v))
        .ok_or_else(|| {
            Diagnostic::error(
                K::InvalidValue,
                row.at("Data Value"),
                format!(
                    "`{}` is not a {scale} rating from {} to {}",
                    text.chars().take(40).collect::<String>(),
                    range.start(),
                    range.end()
                ),
            )
        })?;
    let rating = Rating {
        value,
        suppress: flag(row, "Recommend Suppress")?,
        not_relevant: flag(row, "Not Relevant")?,
        location: row.location(),
    };
    let entry = pending
        .entry((code.to_owned(), element.to_owned()))
        .or_default();
    let slot = if scale == "IM" {
        &mut entry.im
    } else {
        &mut entry.lv
    };
    if slot.is_some() {
        return Err(Diagnostic::error(
            K::DuplicateRelation,
            row.location(),
            format!("a second {scale} rating of `{element}` for `{code}`"),
        ));
    }
    *slot = Some(rating);
    if entry.name.is_empty() {
        entry.name = name.to_owned();
    }
    Ok(Outcome::Staged)
}

/// The manifest: version and release month from `Read Me.txt`, else the latest rating date.
fn onet_manifest(
    dir: &Path,
    read_me: Option<PathBuf>,
    latest: (u16, u8),
    onet: &OnetOptions,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Manifest, ImportError> {
    let text = read_me
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    // "O*NET 29.1 Database" and "November 2024 Release".
    let version = text.lines().find_map(|l| {
        l.trim()
            .strip_prefix("O*NET ")
            .and_then(|rest| rest.strip_suffix(" Database"))
            .map(str::to_owned)
    });
    let release = text.lines().find_map(|l| {
        let (month, year) = l.trim().strip_suffix(" Release")?.split_once(' ')?;
        let m = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        .iter()
        .position(|n| *n == month)?;
        let y: u16 = year.parse().ok()?;
        Date::from_ymd(y, u8::try_from(m + 1).ok()?, 1).ok()
    });
    let over = options.manifest_overrides();
    let latest = Date::from_ymd(latest.0, latest.1, 1)
        .ok()
        .filter(|_| latest.0 > 0);
    let release_date = match (over.release_date, release, latest) {
        (Some(d), _, _) | (None, Some(d), _) | (None, None, Some(d)) => d,
        (None, None, None) => {
            report
                .notes
                .push("no release date found: set to 1970-01-01".to_owned());
            Date::EPOCH
        }
    };
    let version = over
        .version
        .clone()
        .or(version)
        .unwrap_or_else(|| "unknown".to_owned());
    let manifest = Manifest {
        name: over.name.clone().unwrap_or_else(|| "onet".to_owned()),
        source: over.source.clone().unwrap_or_else(|| {
            format!(
                "O*NET {version} database text files (National Center for O*NET Development), from {}",
                dir.display()
            )
        }),
        version,
        release_date,
        languages: vec!["en".to_owned()],
        licence: over.licence.clone().unwrap_or_else(|| {
            "CC BY 4.0, National Center for O*NET Development (O*NET is a trademark of USDOL/ETA)"
                .to_owned()
        }),
        illustrative_codes: false,
        notes: Some(over.notes.clone().unwrap_or_else(|| {
            format!(
                "Imported by vaardig-import from the O*NET text files. Requirements: importance IM ≥ {} essential, ≥ {} important, ≥ {} optional; levels LV 0-7 → 1 + round(LV × 4 / 7).",
                onet.essential_from, onet.important_from, onet.optional_from
            )
        })),
        prefixes: BTreeMap::new(),
    };
    manifest.check().map_err(ImportError::Options)?;
    Ok(manifest)
}
