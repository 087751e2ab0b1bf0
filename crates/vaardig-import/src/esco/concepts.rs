//! ESCO concept tables → concepts: skills, occupations, skill groups and the skills hierarchy in
//! the primary language; labels from the same tables in the other languages.
//!
//! | ESCO | vaardig |
//! |---|---|
//! | skill, `skillType` `skill/competence` | skill, `skill_type = skill` |
//! | skill, `skillType` `knowledge` | skill, `skill_type = knowledge` |
//! | skill without `skillType` | skill, `skill_type = skill` (a warning says so) |
//! | skill group (`skillGroups`, and `skillsHierarchy` groups missing from it) | knowledge area |
//! | occupation, `iscoGroup` | occupation, `isco` |
//! | ISCO group | not a concept: occupations carry the code |
//! | `preferredLabel` | preferred label |
//! | `altLabels`, `hiddenLabels` (one per line) | synonyms, minus the preferred label itself |
//! | `definition`, else `description` | definition |
//! | `scopeNote` (each language) | a `scope_note` note |
//! | `code` of an occupation or skill group (`2654.1.7`) | the code `esco` |
//! | `status` `released` (or empty) / `obsolete`, `deprecated` | status `current` / `historical` (another value: `current`, with a warning) |

use vaardig_core::{
    Code, CodeSystem, Concept, ConceptData, ConceptKind, Diagnostic, DiagnosticKind as K, Labels,
    Note, NoteKind, SkillType, Status,
};

use crate::esco::EscoReader;
use crate::report::ImportReport;
use crate::staging::is_isco;
use crate::table::{Outcome, Row};

/// The columns a primary skills table must have.
pub(crate) const SKILL_COLUMNS: &[&str] = &["conceptUri", "preferredLabel", "skillType"];
/// The columns a primary occupations table must have.
pub(crate) const OCCUPATION_COLUMNS: &[&str] = &["conceptUri", "preferredLabel", "iscoGroup"];
/// The columns a skill groups table must have.
pub(crate) const GROUP_COLUMNS: &[&str] = &["conceptUri", "preferredLabel"];
/// The columns an ISCO groups table must have.
pub(crate) const ISCO_COLUMNS: &[&str] = &["conceptUri", "code"];
/// The columns a secondary-language table must have.
pub(crate) const LABEL_COLUMNS: &[&str] = &["conceptUri", "preferredLabel"];
/// The levels of the skills hierarchy table.
pub(crate) const HIERARCHY_LEVELS: usize = 4;
/// The columns the skills hierarchy must have.
pub(crate) const HIERARCHY_COLUMNS: &[&str] = &[
    "Level 0 URI",
    "Level 0 preferred term",
    "Level 1 URI",
    "Level 1 preferred term",
];

/// Labels of a row in `lang`: preferred label, synonyms (alt and hidden labels, one per line,
/// without the preferred label) and definition (`definition`, else `description`).
fn row_labels(row: &Row<'_>, lang: &str, labels: &mut Labels) -> Result<(), Diagnostic> {
    let pref = row.get("preferredLabel")?;
    if !pref.is_empty() {
        labels.pref.insert(lang.to_owned(), pref.to_owned());
    }
    let mut alts: Vec<String> = Vec::new();
    for column in ["altLabels", "hiddenLabels"] {
        for alt in row.get(column)?.split('\n') {
            let alt = alt.trim();
            if !alt.is_empty() && alt != pref && !alts.iter().any(|a| a == alt) {
                alts.push(alt.to_owned());
            }
        }
    }
    if !alts.is_empty() {
        labels.alt.insert(lang.to_owned(), alts);
    }
    let definition = match row.get("definition")? {
        "" => row.get("description")?,
        d => d,
    };
    if !definition.is_empty() {
        labels
            .definition
            .insert(lang.to_owned(), definition.to_owned());
    }
    Ok(())
}

/// The status, code and scope note of a primary-language row.
fn annotate(
    row: &Row<'_>,
    lang: &str,
    concept: &mut Concept,
    report: &mut ImportReport,
) -> Result<(), Diagnostic> {
    concept.status = match row.get("status")? {
        "" | "released" => Status::Current,
        "obsolete" | "deprecated" => Status::Historical,
        other => {
            report.push(
                Diagnostic::warning(
                    K::InvalidValue,
                    row.at("status"),
                    format!(
                        "status `{}` of `{}` is not released, obsolete or deprecated; taken as current",
                        other.chars().take(40).collect::<String>(),
                        concept.id
                    ),
                )
                .about(concept.id.clone()),
            );
            Status::Current
        }
    };
    let code = row.get("code")?;
    if !code.is_empty() && concept.kind() != ConceptKind::Skill {
        if let Some(problem) = CodeSystem::Esco.problem(code) {
            return Err(Diagnostic::error(K::InvalidValue, row.at("code"), problem));
        }
        concept.codes.push(Code::new(CodeSystem::Esco, code));
    }
    scope_note(row, lang, concept)
}

/// The row's `scopeNote` in `lang`, as a note of `concept`.
fn scope_note(row: &Row<'_>, lang: &str, concept: &mut Concept) -> Result<(), Diagnostic> {
    let text = row.get("scopeNote")?.trim();
    if !text.is_empty() {
        concept
            .notes
            .push(Note::new(NoteKind::ScopeNote, lang, text));
    }
    Ok(())
}

impl EscoReader {
    /// The id of the concept a row's `column` names, or the rejection.
    pub(crate) fn id(&self, row: &Row<'_>, column: &str) -> Result<String, Diagnostic> {
        let uri = row.req(column)?;
        self.ids.id_for_iri(uri).map_err(|problem| {
            Diagnostic::error(
                K::InvalidId,
                row.at(column),
                format!("`{column}` cannot be an id: {problem}"),
            )
        })
    }

    /// Remembers the latest `modifiedDate` (the release date derives from it).
    fn note_modified(&mut self, row: &Row<'_>) {
        // Only days of the calendar count: `2024-02-31T…` is not a release date.
        if let Ok(date) = row.get("modifiedDate")
            && let Some(day) = date.get(..10)
            && day > self.latest_modified.as_str()
            && vaardig_core::Date::parse_prefix(date).is_ok()
        {
            self.latest_modified = day.to_owned();
        }
    }

    /// Stages the concept of a primary-language row.
    fn stage(
        &mut self,
        row: &Row<'_>,
        source: usize,
        data: ConceptData,
        report: &mut ImportReport,
    ) -> Outcome {
        let id = match self.id(row, "conceptUri") {
            Ok(id) => id,
            Err(d) => return Outcome::Rejected(d),
        };
        let mut labels = Labels::default();
        if let Err(d) = row_labels(row, &self.primary, &mut labels) {
            self.staging.mark_rejected(&id, row.location());
            return Outcome::Rejected(d.about(id));
        }
        self.note_modified(row);
        let mut concept = Concept::new(id, labels, data);
        match annotate(row, &self.primary, &mut concept, report) {
            Ok(()) => {
                self.staging
                    .add_concept(concept, row.location(), vec![(source, 1)], report);
                Outcome::Staged
            }
            Err(d) => {
                self.staging.mark_rejected(&concept.id, row.location());
                Outcome::Rejected(d.about(concept.id))
            }
        }
    }

    /// A row of the primary skills table.
    pub(crate) fn skill_row(
        &mut self,
        row: &Row<'_>,
        source: usize,
        report: &mut ImportReport,
    ) -> Outcome {
        let skill_type = match row.get("skillType") {
            Ok("skill/competence") => SkillType::Skill,
            Ok("knowledge") => SkillType::Knowledge,
            Ok("") => {
                if let Ok(id) = self.id(row, "conceptUri") {
                    report.push(
                        Diagnostic::warning(
                            K::MissingValue,
                            row.at("skillType"),
                            format!("skill `{id}` has no skillType; imported as a skill"),
                        )
                        .about(id),
                    );
                }
                SkillType::Skill
            }
            Ok(other) => {
                let d = Diagnostic::error(
                    K::InvalidValue,
                    row.at("skillType"),
                    format!(
                        "unknown skillType `{other}` (expected `skill/competence` or `knowledge`)"
                    ),
                );
                if let Ok(id) = self.id(row, "conceptUri") {
                    self.staging.mark_rejected(&id, row.location());
                    return Outcome::Rejected(d.about(id));
                }
                return Outcome::Rejected(d);
            }
            Err(d) => return Outcome::Rejected(d),
        };
        self.stage(row, source, ConceptData::Skill { skill_type }, report)
    }

    /// A row of the primary occupations table.
    pub(crate) fn occupation_row(
        &mut self,
        row: &Row<'_>,
        source: usize,
        report: &mut ImportReport,
    ) -> Outcome {
        let isco = match row.get("iscoGroup") {
            Ok("") => None,
            Ok(code) if is_isco(code) => Some(code.to_owned()),
            Ok(code) => {
                let id = self.id(row, "conceptUri").unwrap_or_default();
                report.push(
                    Diagnostic::warning(
                        K::InvalidValue,
                        row.at("iscoGroup"),
                        format!(
                            "iscoGroup `{code}` of `{id}` is not an ISCO-08 code (1–4 digits); the occupation's ISCO group link may supply it"
                        ),
                    )
                    .about(id),
                );
                None
            }
            Err(d) => return Outcome::Rejected(d),
        };
        self.stage(row, source, ConceptData::occupation(isco), report)
    }

    /// A row of the primary skill groups table.
    pub(crate) fn group_row(
        &mut self,
        row: &Row<'_>,
        source: usize,
        report: &mut ImportReport,
    ) -> Outcome {
        self.stage(row, source, ConceptData::KnowledgeArea, report)
    }

    /// A row of an ISCO groups table: not a concept, but its code is kept to check occupations'
    /// links to ISCO groups.
    pub(crate) fn isco_row(&mut self, row: &Row<'_>) -> Outcome {
        if let (Ok(uri), Ok(code)) = (row.req("conceptUri"), row.req("code")) {
            self.isco_codes.insert(uri.to_owned(), code.to_owned());
        }
        Outcome::Skipped
    }

    /// A row of the skills hierarchy: each level's group that the skill groups table lacks
    /// becomes a knowledge area (in the primary language), or gets its label (in another).
    pub(crate) fn hierarchy_row(
        &mut self,
        row: &Row<'_>,
        lang: &str,
        report: &mut ImportReport,
    ) -> Outcome {
        let primary = lang == self.primary;
        let mut levels: Vec<(String, String)> = Vec::new();
        for level in 0..HIERARCHY_LEVELS {
            let uri_col = format!("Level {level} URI");
            let uri = match row.get(&uri_col) {
                Ok(u) => u,
                Err(d) => return Outcome::Rejected(d),
            };
            if uri.is_empty() {
                continue;
            }
            let id = match self.id(row, &uri_col) {
                Ok(id) => id,
                Err(d) => return Outcome::Rejected(d),
            };
            let term = match row.get(&format!("Level {level} preferred term")) {
                Ok(t) => t.to_owned(),
                Err(d) => return Outcome::Rejected(d),
            };
            levels.push((id, term));
        }
        let description = row.get("Description").unwrap_or_default().to_owned();
        let deepest = levels.len().saturating_sub(1);
        let mut used = false;
        for (i, (id, term)) in levels.into_iter().enumerate() {
            let definition = (i == deepest && !description.is_empty()).then(|| description.clone());
            if primary {
                if self.staging.contains(&id) || term.is_empty() {
                    continue;
                }
                let mut labels = Labels::with_pref([(lang, term.as_str())]);
                if let Some(d) = definition {
                    labels.definition.insert(lang.to_owned(), d);
                }
                used |= self.staging.add_concept(
                    Concept::new(id, labels, ConceptData::KnowledgeArea),
                    row.location(),
                    Vec::new(),
                    report,
                );
            } else if let Some(concept) = self.staging.concept_mut(&id)
                && concept.kind() == ConceptKind::KnowledgeArea
                && concept.labels.pref(lang).is_none()
                && !term.is_empty()
            {
                concept.labels.pref.insert(lang.to_owned(), term);
                if let Some(d) = definition
                    && !concept.labels.definition.contains_key(lang)
                {
                    concept.labels.definition.insert(lang.to_owned(), d);
                }
                used = true;
            }
        }
        if used {
            Outcome::Imported
        } else {
            Outcome::Skipped
        }
    }

    /// A row of a table in another language than the primary: adds its labels to the concept
    /// the primary tables defined.
    pub(crate) fn label_row(
        &mut self,
        row: &Row<'_>,
        lang: &str,
        expected: ConceptKind,
        primary_file: &str,
    ) -> Outcome {
        let id = match self.id(row, "conceptUri") {
            Ok(id) => id,
            Err(d) => return Outcome::Rejected(d),
        };
        let mut labels = Labels::default();
        if let Err(d) = row_labels(row, lang, &mut labels) {
            return Outcome::Rejected(d.about(id));
        }
        let Some(concept) = self.staging.concept_mut(&id) else {
            return Outcome::Rejected(
                Diagnostic::error(
                    K::DanglingReference,
                    row.at("conceptUri"),
                    format!(
                        "`{id}` has `{lang}` labels but is not in the primary-language table {primary_file}"
                    ),
                )
                .about(id),
            );
        };
        if concept.kind() != expected {
            let kind = concept.kind();
            return Outcome::Rejected(
                Diagnostic::error(
                    K::InvalidValue,
                    row.at("conceptUri"),
                    format!("`{id}` is a {kind} in the primary tables, not a {expected}"),
                )
                .about(id),
            );
        }
        if concept.labels.pref(lang).is_some() {
            return Outcome::Rejected(
                Diagnostic::error(
                    K::DuplicateId,
                    row.at("conceptUri"),
                    format!("`{id}` already has `{lang}` labels from an earlier row"),
                )
                .about(id),
            );
        }
        if let Err(d) = scope_note(row, lang, concept) {
            return Outcome::Rejected(d.about(id));
        }
        concept.labels.pref.extend(labels.pref);
        concept.labels.alt.extend(labels.alt);
        concept.labels.definition.extend(labels.definition);
        Outcome::Imported
    }
}
