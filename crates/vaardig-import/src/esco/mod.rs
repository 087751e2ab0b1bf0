//! ESCO CSV import (the v1.1 / v1.2 download layout): skills, occupations, skill groups, the
//! skills hierarchy, ISCO groups, broader relations, occupation–skill and skill–skill relations,
//! in one or more languages merged into one multilingual ontology.
//!
//! # Mapping decisions
//! - **Ids** are the ESCO URIs with `http://data.europa.eu/esco/` shortened to `esco:`
//!   (`esco:skill/0005c151-…`, `esco:occupation/…`, `esco:isced-f/00`); see [`crate::IdScheme`].
//!   The Turtle export expands them back to the ESCO URIs.
//! - **Skill groups** (the skills pillar's upper hierarchy, including the ISCED-F fields that
//!   group knowledge) become **knowledge areas**, linked by `broader`: the native model keeps
//!   skills for capabilities a person holds and knowledge areas for bodies that group them.
//!   Groups that `skillsHierarchy` names but `skillGroups` lacks (ESCO v1.1.1 has seven) are
//!   created from the hierarchy table, so the broader links to them resolve.
//! - **ISCO groups** are not concepts: an occupation carries its 4-digit ISCO-08 code (`isco`,
//!   from `iscoGroup`), and occupation → ISCO group links are skipped (checked against the code).
//!   Modelling ISCO groups as occupations would put 600 skill-less pseudo-occupations into
//!   every ranking.
//! - **Skill types**: `skill/competence` → skill, `knowledge` → knowledge; ESCO has no attitude
//!   type, so its transversal attitudes stay skills.
//! - **Languages**: the primary language is the first requested one with both a skills and an
//!   occupations table, since every concept needs a preferred label in it. For ESCO in English
//!   with the Dutch occupations file that is `["en", "nl"]`: Dutch labels for occupations,
//!   English only for skills (the core then warns about the missing Dutch labels).
//! - **Rows of another language** add labels to the concepts of the primary tables; a row whose
//!   URI the primary tables lack is rejected.
//! - **Manifest**: name `esco`, version from the directory name (`v1.1.1` → `1.1.1`), release date
//!   the latest `modifiedDate` in the concept tables; all can be overridden. Its `prefixes` say
//!   `esco = "http://data.europa.eu/esco/"`, so a full ESCO URI finds its concept
//!   ([`vaardig_core::Ontology::index_of`]).

mod concepts;
mod files;
mod relations;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use vaardig_core::{ConceptKind, Date, Manifest};

use crate::error::ImportError;
use crate::ids::IdScheme;
use crate::imported::Import;
use crate::options::ImportOptions;
use crate::progress::Tracker;
use crate::report::ImportReport;
use crate::staging::{Duplicates, Staging};

use self::concepts::{
    GROUP_COLUMNS, HIERARCHY_COLUMNS, ISCO_COLUMNS, LABEL_COLUMNS, OCCUPATION_COLUMNS,
    SKILL_COLUMNS,
};
use self::files::{EscoFiles, LangTable, RelTable, choose_languages};
use self::relations::{BROADER_COLUMNS, OCCUPATION_SKILL_COLUMNS, SKILL_SKILL_COLUMNS};
use crate::table::{Outcome, Table};

/// The state of one ESCO import while its tables stream through.
pub(crate) struct EscoReader {
    ids: IdScheme,
    staging: Staging,
    primary: String,
    /// ISCO group URI → code.
    isco_codes: HashMap<String, String>,
    /// The latest `modifiedDate` seen (`YYYY-MM-DD`).
    latest_modified: String,
}

/// One table to read.
enum Step {
    /// A concept table in the primary language.
    Primary(LangTable),
    /// A concept table in another language.
    Secondary(LangTable, String),
    /// A relation table.
    Relation(RelTable),
}

/// Imports the ESCO CSV tables found in `dirs` (searched in order: e.g. the English release,
/// then a folder with `occupations_nl.csv`).
///
/// ```no_run
/// use vaardig_import::{ImportOptions, import_esco};
///
/// let import = import_esco(
///     &["../shared/data/esco/v1.1.1", "../shared/data/esco/nl"],
///     ImportOptions::new().languages(["en", "nl"]),
/// )?;
/// println!("{} rows rejected", import.report().rejected());
/// let imported = import.build()?;
/// assert_eq!(imported.ontology.manifest().languages, ["en", "nl"]);
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
///
/// # Errors
/// [`ImportError::Io`] for unreadable files, [`ImportError::MissingFile`] without skills and
/// occupations tables, [`ImportError::MissingColumns`] for a table in another layout,
/// [`ImportError::Options`] for a requested language without tables, and in strict mode
/// [`ImportError::Rejected`] when any row was rejected.
pub fn import_esco<P: AsRef<Path>>(
    dirs: &[P],
    mut options: ImportOptions,
) -> Result<Import, ImportError> {
    let dirs: Vec<PathBuf> = dirs.iter().map(|d| d.as_ref().to_owned()).collect();
    if dirs.is_empty() {
        return Err(ImportError::Options("no ESCO directory given".to_owned()));
    }
    let files = EscoFiles::discover(&dirs)?;
    let (languages, language_note) = choose_languages(&files, options.requested_languages())?;
    let primary = languages[0].clone(); // ok: choose_languages returns the primary first

    let mut report = ImportReport::new("esco-csv");
    report.languages = languages.clone();
    report.notes.extend(language_note);

    let mut plan: Vec<(Step, PathBuf)> = Vec::new();
    for table in LangTable::ALL {
        match files.get(table, &primary) {
            Some(path) => plan.push((Step::Primary(table), path.to_owned())),
            None if matches!(table, LangTable::Skills | LangTable::Occupations) => {
                return Err(ImportError::MissingFile {
                    what: format!("the ESCO {} table in `{primary}`", table.stem()),
                    looked_for: files.looked_for(table, &primary),
                });
            }
            None => report.notes.push(format!(
                "no {}_{primary}.csv: nothing imported from it",
                table.stem()
            )),
        }
    }
    for lang in &languages[1..] {
        for table in LangTable::ALL {
            if let Some(path) = files.get(table, lang) {
                plan.push((Step::Secondary(table, lang.clone()), path.to_owned()));
            }
        }
    }
    for table in RelTable::ALL {
        match files.relation(table, &primary) {
            Some(path) => plan.push((Step::Relation(table), path.to_owned())),
            None => report
                .notes
                .push(format!("no {}.csv: nothing imported from it", table.stem())),
        }
    }
    let total: u64 = plan
        .iter()
        .map(|(_, p)| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let mut tracker = Tracker::new(options.take_progress(), total);

    let mut reader = EscoReader {
        ids: IdScheme::esco(),
        staging: Staging::new(languages.clone(), Duplicates::Reject),
        primary: primary.clone(),
        isco_codes: HashMap::new(),
        latest_modified: String::new(),
    };
    for (step, path) in &plan {
        reader.read(step, path, &files, &mut tracker, &mut report)?;
    }

    let manifest = esco_manifest(
        &dirs,
        &languages,
        &reader.latest_modified,
        &options,
        &mut report,
    )?;
    let builder = reader.staging.finish(manifest, &mut report);
    Import::new(builder, report, options.is_strict())
}

impl EscoReader {
    /// Reads one table of the plan.
    fn read(
        &mut self,
        step: &Step,
        path: &Path,
        files: &EscoFiles,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let required: &[&str] = match step {
            Step::Primary(LangTable::Skills) => SKILL_COLUMNS,
            Step::Primary(LangTable::Occupations) => OCCUPATION_COLUMNS,
            Step::Primary(LangTable::SkillGroups) => GROUP_COLUMNS,
            Step::Primary(LangTable::IscoGroups) => ISCO_COLUMNS,
            Step::Primary(LangTable::SkillsHierarchy)
            | Step::Secondary(LangTable::SkillsHierarchy, _) => HIERARCHY_COLUMNS,
            Step::Secondary(LangTable::IscoGroups, _) => &[],
            Step::Secondary(..) => LABEL_COLUMNS,
            Step::Relation(RelTable::BroaderSkills | RelTable::BroaderOccupations) => {
                BROADER_COLUMNS
            }
            Step::Relation(RelTable::OccupationSkills) => OCCUPATION_SKILL_COLUMNS,
            Step::Relation(RelTable::SkillSkills) => SKILL_SKILL_COLUMNS,
        };
        let table = Table::open(path, required, tracker, report)?;
        let source = table.source();
        let primary = self.primary.clone();
        match step {
            Step::Primary(LangTable::Skills) => {
                table.each_row(tracker, report, |row, r| self.skill_row(row, source, r))
            }
            Step::Primary(LangTable::Occupations) => table.each_row(tracker, report, |row, r| {
                self.occupation_row(row, source, r)
            }),
            Step::Primary(LangTable::SkillGroups) => {
                table.each_row(tracker, report, |row, r| self.group_row(row, source, r))
            }
            Step::Primary(LangTable::IscoGroups) => {
                table.each_row(tracker, report, |row, _| self.isco_row(row))
            }
            Step::Primary(LangTable::SkillsHierarchy) => {
                table.each_row(tracker, report, |row, r| {
                    self.hierarchy_row(row, &primary, r)
                })
            }
            Step::Secondary(LangTable::SkillsHierarchy, lang) => {
                table.each_row(tracker, report, |row, r| self.hierarchy_row(row, lang, r))
            }
            Step::Secondary(LangTable::IscoGroups, _) => {
                table.each_row(tracker, report, |_, _| Outcome::Skipped)
            }
            Step::Secondary(kind, lang) => {
                let (expected, primary_table) = match kind {
                    LangTable::Skills => (ConceptKind::Skill, LangTable::Skills),
                    LangTable::Occupations => (ConceptKind::Occupation, LangTable::Occupations),
                    _ => (ConceptKind::KnowledgeArea, LangTable::SkillGroups),
                };
                let primary_file = files
                    .get(primary_table, &primary)
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| format!("{}_{primary}.csv", primary_table.stem()));
                table.each_row(tracker, report, |row, _| {
                    self.label_row(row, lang, expected, &primary_file)
                })
            }
            Step::Relation(RelTable::BroaderSkills) => table.each_row(tracker, report, |row, _| {
                self.broader_skill_row(row, source)
            }),
            Step::Relation(RelTable::BroaderOccupations) => {
                table.each_row(tracker, report, |row, r| {
                    self.broader_occupation_row(row, source, r)
                })
            }
            Step::Relation(RelTable::OccupationSkills) => {
                table.each_row(tracker, report, |row, _| {
                    self.occupation_skill_row(row, source)
                })
            }
            Step::Relation(RelTable::SkillSkills) => {
                table.each_row(tracker, report, |row, _| self.skill_skill_row(row, source))
            }
        }
    }
}

/// The manifest of an ESCO import: derived values, then the caller's overrides.
fn esco_manifest(
    dirs: &[PathBuf],
    languages: &[String],
    latest_modified: &str,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Manifest, ImportError> {
    let over = options.manifest_overrides();
    let dir_names: Vec<String> = dirs
        .iter()
        .map(|d| {
            d.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.display().to_string())
        })
        .collect();
    let version = over.version.clone().unwrap_or_else(|| {
        let first = dir_names.first().cloned().unwrap_or_default();
        match first.strip_prefix('v') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
            _ if first.is_empty() => "unknown".to_owned(),
            _ => first,
        }
    });
    let release_date = match (over.release_date, Date::parse(latest_modified)) {
        (Some(date), _) => date,
        (None, Ok(date)) => date,
        (None, Err(_)) => {
            report.notes.push(
                "no modifiedDate in the concept tables: release date set to 1970-01-01".to_owned(),
            );
            Date::EPOCH
        }
    };
    let manifest = Manifest {
        name: over.name.clone().unwrap_or_else(|| "esco".to_owned()),
        version,
        release_date,
        languages: languages.to_vec(),
        licence: over.licence.clone().unwrap_or_else(|| {
            "ESCO: free reuse with attribution to the European Commission".to_owned()
        }),
        source: over.source.clone().unwrap_or_else(|| {
            format!(
                "ESCO classification (European Commission), CSV tables from {}",
                dir_names.join(", ")
            )
        }),
        illustrative_codes: false,
        notes: Some(over.notes.clone().unwrap_or_else(|| {
            "Imported by vaardig-import. Ids shorten http://data.europa.eu/esco/ to esco:. Skill groups are knowledge areas; ISCO groups are occupations' isco codes.".to_owned()
        })),
        // So the ESCO URIs users hold find the concepts: `esco` → http://data.europa.eu/esco/.
        prefixes: IdScheme::esco()
            .prefixes()
            .iter()
            .map(|(prefix, namespace)| (prefix.clone(), namespace.clone()))
            .collect(),
    };
    manifest.check().map_err(ImportError::Options)?;
    Ok(manifest)
}
