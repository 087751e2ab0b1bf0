//! Tabiya import: the taxonomy CSV layout of Tabiya's taxonomy-model application
//! (`skills.csv`, `skill_groups.csv`, `skill_hierarchy.csv`, `occupations.csv`,
//! `occupation_groups.csv`, `occupation_hierarchy.csv`, `occupation_to_skill_relations.csv`,
//! `skill_to_skill_relations.csv`; upper-case column names).
//!
//! # Mapping decisions
//! - **Ids**: the CSV `ID`s (`key_20422`) are local to one export, so a concept's id is the
//!   first UUID of its `UUIDHISTORY` (`tabiya:c2245d0e-…`), which survives re-exports; a row
//!   without one keeps `tabiya:id/<ID>` (with a note). `ORIGINURI` is not an id: local
//!   occupations derived from ESCO ones reuse their ESCO URI.
//! - **Occupations**, ESCO and local alike, are occupations; `OCCUPATIONGROUPCODE` is the ISCO
//!   code when it has 1–4 digits. **Skills** are skills (`skill/competence` → skill,
//!   `knowledge` → knowledge, `attitude` → attitude, `language` → knowledge). **Skill groups**
//!   are knowledge areas, as in the ESCO import.
//! - **Occupation groups** (ISCO and local groups) are not concepts: an occupation carries its
//!   ISCO code, and rows naming groups are skipped and counted (the same decision as for ESCO:
//!   skill-less pseudo-occupations would enter every ranking).
//! - **Hierarchies**: `CHILDID` is narrower than `PARENTID`: child → parent `broader`, for
//!   skill and skill-group pairs and for occupation pairs.
//! - **Requirements**: `RELATIONTYPE` essential / optional; a local occupation's signalling
//!   value (0–1, `SIGNALLINGVALUE`) becomes the importance: from 0.75 essential, from 0.4
//!   important, below optional. The number itself is kept as the requirement's `weight` on
//!   scale `tabiya_signalling`.
//! - **Skill to skill** relations are `related`.
//! - **Codes, matches, notes**: `CODE` is the code `esco` (ESCO's occupation and skill-group
//!   codes), or `tabiya` for a local occupation's own code (`I11_1`); `ORIGINURI` is an
//!   `exact` match (a `close` one for a local occupation: it is derived from the ESCO
//!   occupation whose URI it reuses); `SCOPENOTE` is a `scope_note`.
//! - **UUID history**: the UUIDs after the first (newest to oldest, as Tabiya writes them) are
//!   kept as codes `tabiya_uuid`; [`history_mapping`] turns them into the `old_id,new_id` pairs
//!   `vaardig diff --mapping` reads, so an older release's concepts are followed to their
//!   current ids.
//! - Columns read but not kept (`REUSELEVEL`, `ISLOCALIZED`, `REGULATEDPROFESSIONNOTE`, ...)
//!   are counted in [`crate::ImportReport::unused_columns`]; rows not imported in
//!   [`crate::ImportReport::skipped_rows`], by reason.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use vaardig_core::{
    Code, CodeSystem, Concept, ConceptData, ConceptKind, Date, Diagnostic, DiagnosticKind as K,
    Importance, Labels, Manifest, Match, MatchKind, Note, NoteKind, Rating, Relation, RelationKind,
    Scale, SkillType,
};

use crate::error::ImportError;
use crate::imported::Import;
use crate::options::ImportOptions;
use crate::progress::Tracker;
use crate::report::ImportReport;
use crate::staging::{Duplicates, Staging, is_isco};
use crate::table::{Outcome, Row, Table};

const SKILLS: &str = "skills.csv";
const SKILL_GROUPS: &str = "skill_groups.csv";
const OCCUPATIONS: &str = "occupations.csv";
const OCCUPATION_GROUPS: &str = "occupation_groups.csv";
const SKILL_HIERARCHY: &str = "skill_hierarchy.csv";
const OCCUPATION_HIERARCHY: &str = "occupation_hierarchy.csv";
const OCCUPATION_SKILLS: &str = "occupation_to_skill_relations.csv";
const SKILL_SKILLS: &str = "skill_to_skill_relations.csv";

/// A concept table and the columns it keeps.
const LABEL_COLUMNS: [&str; 9] = [
    "ID",
    "UUIDHISTORY",
    "PREFERREDLABEL",
    "ALTLABELS",
    "DESCRIPTION",
    "DEFINITION",
    "ORIGINURI",
    "CODE",
    "SCOPENOTE",
];

/// The state of one Tabiya import.
struct TabiyaReader {
    staging: Staging,
    lang: String,
    /// CSV `ID` → concept id and kind, for the relation tables.
    ids: HashMap<String, (String, ConceptKind)>,
    /// CSV `ID`s of occupation groups (not concepts).
    groups: HashMap<String, &'static str>,
    without_uuid: u64,
}

/// Imports Tabiya's taxonomy CSV files in `dir`. The labels are in one language: the first
/// requested one, else English.
///
/// ```no_run
/// use vaardig_import::{ImportOptions, import_tabiya};
///
/// let import = import_tabiya("data-sets/csv/sample", ImportOptions::new())?;
/// let ontology = import.build()?.ontology;
/// println!("{} concepts", ontology.len());
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
///
/// # Errors
/// [`ImportError::MissingFile`] without `skills.csv` and `occupations.csv`,
/// [`ImportError::MissingColumns`] for a file in another layout, [`ImportError::Io`] for
/// unreadable files, and in strict mode [`ImportError::Rejected`] when any row was rejected.
pub fn import_tabiya(
    dir: impl AsRef<Path>,
    mut options: ImportOptions,
) -> Result<Import, ImportError> {
    let dir = dir.as_ref();
    for required in [SKILLS, OCCUPATIONS] {
        if !dir.join(required).is_file() {
            return Err(ImportError::MissingFile {
                what: format!("the Tabiya table {required}"),
                looked_for: vec![dir.join(required).display().to_string()],
            });
        }
    }
    let lang = match options.requested_languages().and_then(|l| l.first()) {
        Some(tag) => vaardig_core::normalise_language(tag.trim())
            .map_err(|e| ImportError::Options(format!("--languages: {e}")))?,
        None => "en".to_owned(),
    };
    let mut report = ImportReport::new("tabiya-csv");
    report.languages = vec![lang.clone()];
    let files = [
        SKILL_GROUPS,
        SKILLS,
        OCCUPATION_GROUPS,
        OCCUPATIONS,
        SKILL_HIERARCHY,
        OCCUPATION_HIERARCHY,
        OCCUPATION_SKILLS,
        SKILL_SKILLS,
    ];
    let total: u64 = files
        .iter()
        .map(|f| std::fs::metadata(dir.join(f)).map_or(0, |m| m.len()))
        .sum();
    let mut tracker = Tracker::new(options.take_progress(), total);
    let mut reader = TabiyaReader {
        staging: Staging::new(vec![lang.clone()], Duplicates::Reject),
        lang,
        ids: HashMap::new(),
        groups: HashMap::new(),
        without_uuid: 0,
    };
    for file in files {
        let path = dir.join(file);
        if !path.is_file() {
            report
                .notes
                .push(format!("no {file}: nothing imported from it"));
            continue;
        }
        reader.read(&path, file, &mut tracker, &mut report)?;
    }
    if dir.join("model_info.csv").is_file() {
        report
            .notes
            .push("model_info.csv is not read yet: the manifest does not use it".to_owned());
    }
    if reader.without_uuid > 0 {
        report.notes.push(format!(
            "{} row(s) without UUIDHISTORY keep their export-local ID as id (tabiya:id/…)",
            reader.without_uuid
        ));
    }
    let manifest = tabiya_manifest(dir, &reader.staging, &options)?;
    let builder = reader.staging.finish(manifest, &mut report);
    Import::new(builder, report, options.is_strict())
}

/// The id mapping a Tabiya release's UUID history gives: for every concept of `new` with former
/// UUIDs (codes `tabiya_uuid`), the pair `tabiya:<former>` → its current id, in id order, then
/// former UUID order (newest first). With `old`, only pairs whose old id is a concept of `old`
/// and whose new id is not one too (a concept both have keeps its id), at most one per old and
/// one per new id, the newest former UUID winning: the pairs `vaardig diff OLD NEW --mapping`
/// accepts.
///
/// ```
/// use vaardig_core::{
///     Code, CodeSystem, Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType,
/// };
///
/// let mut b = OntologyBuilder::new(Manifest::new("t", "2", &["en"]));
/// let data = ConceptData::Skill { skill_type: SkillType::Skill };
/// let mut c = Concept::new("tabiya:new", Labels::with_pref([("en", "weld")]), data);
/// c.codes.push(Code::new(CodeSystem::TabiyaUuid, "old"));
/// b.add_concept(c);
/// let new = b.build().expect("valid").ontology;
/// let pairs = vaardig_import::history_mapping(&new, None);
/// assert_eq!(pairs, [("tabiya:old".to_owned(), "tabiya:new".to_owned())]);
/// ```
pub fn history_mapping(
    new: &vaardig_core::Ontology,
    old: Option<&vaardig_core::Ontology>,
) -> Vec<(String, String)> {
    let mut concepts: Vec<&Concept> = new.iter().map(|(_, c)| c).collect();
    concepts.sort_by(|a, b| a.id.cmp(&b.id));
    let mut pairs = Vec::new();
    let mut taken_old = std::collections::HashSet::new();
    for c in concepts {
        if old.is_some_and(|o| o.get(&c.id).is_some()) {
            continue;
        }
        for code in c
            .codes
            .iter()
            .filter(|k| k.system == CodeSystem::TabiyaUuid)
        {
            let old_id = format!("tabiya:{}", code.code);
            if let Some(o) = old {
                if o.get(&old_id).is_none() || new.get(&old_id).is_some() {
                    continue;
                }
                if !taken_old.insert(old_id.clone()) {
                    continue;
                }
            }
            pairs.push((old_id, c.id.to_string()));
            if old.is_some() {
                break;
            }
        }
    }
    pairs
}

/// Counts the non-empty cells of columns not in `kept`.
fn count_unused(
    row: &Row<'_>,
    file: &str,
    columns: &[String],
    kept: &[&str],
    report: &mut ImportReport,
) {
    for column in columns.iter().filter(|c| !kept.contains(&c.as_str())) {
        if row.get(column).is_ok_and(|v| !v.is_empty()) {
            *report
                .unused_columns
                .entry(format!("{file}: {column}"))
                .or_default() += 1;
        }
    }
}

fn skip(report: &mut ImportReport, file: &str, why: &str) -> Outcome {
    *report
        .skipped_rows
        .entry(format!("{file}: {why}"))
        .or_default() += 1;
    Outcome::Skipped
}

impl TabiyaReader {
    fn read(
        &mut self,
        path: &Path,
        file: &'static str,
        tracker: &mut Tracker,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let (required, kept): (&[&str], Vec<&str>) = match file {
            SKILLS => (
                &["ID", "PREFERREDLABEL", "SKILLTYPE"],
                [&LABEL_COLUMNS[..], &["SKILLTYPE"]].concat(),
            ),
            SKILL_GROUPS => (&["ID", "PREFERREDLABEL"], LABEL_COLUMNS.to_vec()),
            OCCUPATIONS => (
                &["ID", "PREFERREDLABEL", "OCCUPATIONGROUPCODE"],
                [
                    &LABEL_COLUMNS[..],
                    &["OCCUPATIONGROUPCODE", "OCCUPATIONTYPE"],
                ]
                .concat(),
            ),
            OCCUPATION_GROUPS => (&["ID", "GROUPTYPE"], vec!["ID", "GROUPTYPE"]),
            SKILL_HIERARCHY | OCCUPATION_HIERARCHY => (
                &["PARENTID", "CHILDID"],
                vec!["PARENTID", "CHILDID", "PARENTOBJECTTYPE", "CHILDOBJECTTYPE"],
            ),
            OCCUPATION_SKILLS => (
                &["OCCUPATIONID", "SKILLID", "RELATIONTYPE"],
                vec![
                    "OCCUPATIONID",
                    "SKILLID",
                    "RELATIONTYPE",
                    "OCCUPATIONTYPE",
                    "SIGNALLINGVALUELABEL",
                    "SIGNALLINGVALUE",
                ],
            ),
            _ => (
                &["REQUIRINGID", "REQUIREDID"],
                vec!["REQUIRINGID", "REQUIREDID", "RELATIONTYPE"],
            ),
        };
        let table = Table::open(path, required, tracker, report)?;
        let source = table.source();
        let columns = table.column_names();
        table.each_row(tracker, report, |row, r| {
            count_unused(row, file, &columns, &kept, r);
            let outcome = match file {
                SKILLS | SKILL_GROUPS | OCCUPATIONS => self.concept_row(row, file, source, r),
                OCCUPATION_GROUPS => self.group_row(row, file, r),
                SKILL_HIERARCHY | OCCUPATION_HIERARCHY => self.hierarchy_row(row, file, source, r),
                OCCUPATION_SKILLS => self.requirement_row(row, source),
                _ => self.related_row(row, source),
            };
            outcome.unwrap_or_else(Outcome::Rejected)
        })
    }

    fn concept_row(
        &mut self,
        row: &Row<'_>,
        file: &str,
        source: usize,
        report: &mut ImportReport,
    ) -> Result<Outcome, Diagnostic> {
        let local = row.req("ID")?;
        // Newest first: the current UUID, then the ones the concept had before.
        let mut history = row.get("UUIDHISTORY")?.split_whitespace();
        let id = match history.next() {
            Some(uuid) => format!("tabiya:{uuid}"),
            None => {
                self.without_uuid += 1;
                format!("tabiya:id/{local}")
            }
        };
        let pref = row.req("PREFERREDLABEL")?;
        let mut labels = Labels::with_pref([(self.lang.as_str(), pref)]);
        let alts: Vec<String> = row
            .get("ALTLABELS")?
            .lines()
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != pref)
            .map(str::to_owned)
            .collect();
        if !alts.is_empty() {
            labels.alt.insert(self.lang.clone(), alts);
        }
        let definition = match row.get("DEFINITION")? {
            "" => row.get("DESCRIPTION")?,
            d => {
                if !row.get("DESCRIPTION")?.is_empty() {
                    *report
                        .unused_columns
                        .entry(format!("{file}: DESCRIPTION (a DEFINITION is kept)"))
                        .or_default() += 1;
                }
                d
            }
        };
        if !definition.is_empty() {
            labels
                .definition
                .insert(self.lang.clone(), definition.to_owned());
        }
        let data = match file {
            SKILL_GROUPS => ConceptData::KnowledgeArea,
            OCCUPATIONS => {
                let code = row.get("OCCUPATIONGROUPCODE")?;
                ConceptData::occupation(is_isco(code).then(|| code.to_owned()))
            }
            _ => ConceptData::Skill {
                skill_type: match row.get("SKILLTYPE")? {
                    "skill/competence" | "" => SkillType::Skill,
                    "knowledge" | "language" => SkillType::Knowledge,
                    "attitude" => SkillType::Attitude,
                    other => {
                        return Err(Diagnostic::error(
                            K::InvalidValue,
                            row.at("SKILLTYPE"),
                            format!(
                                "unknown SKILLTYPE `{}`",
                                other.chars().take(40).collect::<String>()
                            ),
                        ));
                    }
                },
            },
        };
        let kind = data.kind();
        let mut concept = Concept::new(id.clone(), labels, data);
        let local_occupation = row.get("OCCUPATIONTYPE")? == "localoccupation";
        let origin = row.get("ORIGINURI")?;
        if !origin.is_empty() {
            if let Some(problem) = vaardig_core::uri_problem(origin) {
                return Err(Diagnostic::error(
                    K::InvalidValue,
                    row.at("ORIGINURI"),
                    problem,
                ));
            }
            // A local occupation that reuses an ESCO URI is derived from that occupation.
            let how = if local_occupation {
                MatchKind::Close
            } else {
                MatchKind::Exact
            };
            concept.matches.push(Match::new(how, origin));
        }
        let code = row.get("CODE")?;
        if !code.is_empty() {
            let system = if local_occupation {
                CodeSystem::Tabiya
            } else {
                CodeSystem::Esco
            };
            if let Some(problem) = system.problem(code) {
                return Err(Diagnostic::error(K::InvalidValue, row.at("CODE"), problem));
            }
            concept.codes.push(Code::new(system, code));
        }
        for former in history {
            if let Some(problem) = CodeSystem::TabiyaUuid.problem(former) {
                return Err(Diagnostic::error(
                    K::InvalidValue,
                    row.at("UUIDHISTORY"),
                    problem,
                ));
            }
            if !concept
                .codes
                .iter()
                .any(|c| c.system == CodeSystem::TabiyaUuid && c.code == former)
            {
                concept
                    .codes
                    .push(Code::new(CodeSystem::TabiyaUuid, former));
            }
        }
        let scope = row.get("SCOPENOTE")?;
        if !scope.is_empty() {
            concept
                .notes
                .push(Note::new(NoteKind::ScopeNote, self.lang.clone(), scope));
        }
        if self
            .staging
            .add_concept(concept, row.location(), vec![(source, 1)], report)
        {
            self.ids.insert(local.to_owned(), (id, kind));
        }
        Ok(Outcome::Staged)
    }

    fn group_row(
        &mut self,
        row: &Row<'_>,
        file: &str,
        report: &mut ImportReport,
    ) -> Result<Outcome, Diagnostic> {
        let local = row.req("ID")?;
        let why = match row.get("GROUPTYPE")? {
            "localgroup" => "local occupation groups are not concepts",
            _ => "ISCO groups are not concepts (an occupation carries its ISCO code)",
        };
        self.groups.insert(local.to_owned(), why);
        Ok(skip(report, file, why))
    }

    /// The concept of CSV id `column`, or a dangling-reference diagnostic.
    fn concept(&self, row: &Row<'_>, column: &str) -> Result<&(String, ConceptKind), Diagnostic> {
        let local = row.req(column)?;
        self.ids.get(local).ok_or_else(|| {
            Diagnostic::error(
                K::DanglingReference,
                row.at(column),
                format!("`{local}` is not an imported concept"),
            )
        })
    }

    fn hierarchy_row(
        &mut self,
        row: &Row<'_>,
        file: &str,
        source: usize,
        report: &mut ImportReport,
    ) -> Result<Outcome, Diagnostic> {
        for column in ["PARENTID", "CHILDID"] {
            if let Some(why) = self.groups.get(row.req(column)?) {
                let why = format!("links with an occupation group ({why})");
                return Ok(skip(report, file, &why));
            }
        }
        let (parent, _) = self.concept(row, "PARENTID")?.clone();
        let (child, _) = self.concept(row, "CHILDID")?.clone();
        self.staging.add_relation(
            child,
            parent,
            Relation::plain(RelationKind::Broader),
            row.location(),
            source,
        );
        Ok(Outcome::Staged)
    }

    fn requirement_row(&mut self, row: &Row<'_>, source: usize) -> Result<Outcome, Diagnostic> {
        let (occupation, _) = self.concept(row, "OCCUPATIONID")?.clone();
        let (skill, _) = self.concept(row, "SKILLID")?.clone();
        let signalling = match row.get("SIGNALLINGVALUE")? {
            "" => None,
            text => Some(
                text.parse()
                    .ok()
                    .and_then(|v| Rating::new(Scale::TabiyaSignalling, v))
                    .ok_or_else(|| {
                        Diagnostic::error(
                            K::InvalidValue,
                            row.at("SIGNALLINGVALUE"),
                            format!(
                                "`{}` is not a signalling value from 0 to 1",
                                text.chars().take(40).collect::<String>()
                            ),
                        )
                    })?,
            ),
        };
        let importance = match row.get("RELATIONTYPE")? {
            "essential" => Importance::Essential,
            "optional" => Importance::Optional,
            "" => match signalling {
                Some(value) => signalling_importance(value.value()),
                None => {
                    return Err(Diagnostic::error(
                        K::MissingValue,
                        row.at("SIGNALLINGVALUE"),
                        "`SIGNALLINGVALUE` is empty and so is `RELATIONTYPE`",
                    ));
                }
            },
            other => {
                return Err(Diagnostic::error(
                    K::InvalidValue,
                    row.at("RELATIONTYPE"),
                    format!(
                        "unknown RELATIONTYPE `{}` (expected essential, optional or empty with a SIGNALLINGVALUE)",
                        other.chars().take(40).collect::<String>()
                    ),
                ));
            }
        };
        self.staging.add_relation(
            occupation,
            skill,
            Relation::requires(importance, None).rated(signalling, None),
            row.location(),
            source,
        );
        Ok(Outcome::Staged)
    }

    fn related_row(&mut self, row: &Row<'_>, source: usize) -> Result<Outcome, Diagnostic> {
        let (from, _) = self.concept(row, "REQUIRINGID")?.clone();
        let (to, _) = self.concept(row, "REQUIREDID")?.clone();
        self.staging.add_relation(
            from,
            to,
            Relation::plain(RelationKind::Related),
            row.location(),
            source,
        );
        Ok(Outcome::Staged)
    }
}

/// The importance of a local occupation's signalling value (0–1): from 0.75 essential, from
/// 0.4 important, below optional.
///
/// ```
/// use vaardig_core::Importance;
/// use vaardig_import::signalling_importance;
///
/// assert_eq!(signalling_importance(1.0), Importance::Essential);
/// assert_eq!(signalling_importance(0.5), Importance::Important);
/// assert_eq!(signalling_importance(0.0), Importance::Optional);
/// ```
pub fn signalling_importance(value: f64) -> Importance {
    if value >= 0.75 {
        Importance::Essential
    } else if value >= 0.4 {
        Importance::Important
    } else {
        Importance::Optional
    }
}

/// The manifest: the caller's values, else defaults naming the directory.
fn tabiya_manifest(
    dir: &Path,
    staging: &Staging,
    options: &ImportOptions,
) -> Result<Manifest, ImportError> {
    let over = options.manifest_overrides();
    let manifest = Manifest {
        name: over.name.clone().unwrap_or_else(|| "tabiya".to_owned()),
        version: over.version.clone().unwrap_or_else(|| "unknown".to_owned()),
        release_date: over.release_date.unwrap_or(Date::EPOCH),
        languages: staging.languages().to_vec(),
        licence: over
            .licence
            .clone()
            .unwrap_or_else(|| "CC BY 4.0 (Tabiya; ESCO © European Union)".to_owned()),
        source: over.source.clone().unwrap_or_else(|| {
            format!("Tabiya taxonomy CSV files from {}", dir.display())
        }),
        illustrative_codes: false,
        notes: Some(over.notes.clone().unwrap_or_else(|| {
            "Imported by vaardig-import. Ids are tabiya:<first UUID of UUIDHISTORY>; occupation groups are not concepts; signalling values 0-1 → importance (≥ 0.75 essential, ≥ 0.4 important).".to_owned()
        })),
        prefixes: BTreeMap::new(),
    };
    manifest.check().map_err(ImportError::Options)?;
    Ok(manifest)
}
