//! ESCO relation tables → relations.
//!
//! | ESCO | vaardig |
//! |---|---|
//! | `broaderRelationsSkillPillar` (skill/group → skill/group) | `broader` |
//! | `broaderRelationsOccPillar`, occupation → occupation | `broader` |
//! | `broaderRelationsOccPillar`, occupation → ISCO group | skipped: the occupation's `isco` |
//! | `broaderRelationsOccPillar`, ISCO group → ISCO group | skipped: ISCO groups are not concepts |
//! | `occupationSkillRelations`, `essential` / `optional` | `requires`, same importance |
//! | `skillSkillRelations` (`essential` / `optional`) | `related` (the importance is not kept) |

use vaardig_core::{
    ConceptData, Diagnostic, DiagnosticKind as K, Importance, Relation, RelationKind,
};

use crate::esco::EscoReader;
use crate::report::ImportReport;
use crate::staging::is_isco;
use crate::table::{Outcome, Row};

/// Columns of `broaderRelationsSkillPillar`.
pub(crate) const BROADER_COLUMNS: &[&str] = &["conceptUri", "broaderUri"];
/// Columns of `occupationSkillRelations`.
pub(crate) const OCCUPATION_SKILL_COLUMNS: &[&str] = &["occupationUri", "relationType", "skillUri"];
/// Columns of `skillSkillRelations`.
pub(crate) const SKILL_SKILL_COLUMNS: &[&str] = &["originalSkillUri", "relatedSkillUri"];

/// The ESCO namespace of ISCO groups.
const ISCO_NAMESPACE: &str = "http://data.europa.eu/esco/isco/C";

impl EscoReader {
    /// Stages `from → to` read from `row`.
    fn stage_relation(
        &mut self,
        row: &Row<'_>,
        source: usize,
        columns: (&str, &str),
        relation: Relation,
    ) -> Outcome {
        let from = match self.id(row, columns.0) {
            Ok(id) => id,
            Err(d) => return Outcome::Rejected(d),
        };
        let to = match self.id(row, columns.1) {
            Ok(id) => id,
            Err(d) => return Outcome::Rejected(d),
        };
        self.staging
            .add_relation(from, to, relation, row.location(), source);
        Outcome::Staged
    }

    /// A row of `broaderRelationsSkillPillar`.
    pub(crate) fn broader_skill_row(&mut self, row: &Row<'_>, source: usize) -> Outcome {
        self.stage_relation(
            row,
            source,
            ("conceptUri", "broaderUri"),
            Relation::plain(RelationKind::Broader),
        )
    }

    /// A row of `broaderRelationsOccPillar`.
    pub(crate) fn broader_occupation_row(
        &mut self,
        row: &Row<'_>,
        source: usize,
        report: &mut ImportReport,
    ) -> Outcome {
        let (concept_type, broader_type, broader_uri) = match (
            row.get("conceptType"),
            row.get("broaderType"),
            row.get("broaderUri"),
        ) {
            (Ok(c), Ok(b), Ok(u)) => (c, b, u),
            (Err(d), _, _) | (_, Err(d), _) | (_, _, Err(d)) => return Outcome::Rejected(d),
        };
        if concept_type == "ISCOGroup" {
            return Outcome::Skipped;
        }
        if broader_type == "ISCOGroup" || broader_uri.starts_with(ISCO_NAMESPACE) {
            self.check_isco_link(row, broader_uri, report);
            return Outcome::Skipped;
        }
        self.stage_relation(
            row,
            source,
            ("conceptUri", "broaderUri"),
            Relation::plain(RelationKind::Broader),
        )
    }

    /// Warns when an occupation's ISCO group link disagrees with its `iscoGroup` column.
    fn check_isco_link(&mut self, row: &Row<'_>, group_uri: &str, report: &mut ImportReport) {
        let Ok(id) = self.id(row, "conceptUri") else {
            return;
        };
        let code = self
            .isco_codes
            .get(group_uri)
            .cloned()
            .or_else(|| group_uri.strip_prefix(ISCO_NAMESPACE).map(str::to_owned));
        let Some(code) = code else {
            return;
        };
        let Some(concept) = self.staging.concept_mut(&id) else {
            return;
        };
        let ConceptData::Occupation { isco, .. } = &mut concept.data else {
            return;
        };
        let message = match isco.as_deref() {
            Some(has) if has == code => return,
            Some(has) => format!(
                "occupation `{id}` is linked to ISCO group {code} but its iscoGroup is {has}; kept {has}"
            ),
            None if is_isco(&code) => {
                let message = format!(
                    "occupation `{id}` has no usable iscoGroup; took {code} from its ISCO group link"
                );
                *isco = Some(code);
                message
            }
            None => return,
        };
        report.push(Diagnostic::warning(K::InvalidValue, row.at("broaderUri"), message).about(id));
    }

    /// A row of `occupationSkillRelations`.
    pub(crate) fn occupation_skill_row(&mut self, row: &Row<'_>, source: usize) -> Outcome {
        let importance = match row.get("relationType") {
            Ok("essential") => Importance::Essential,
            Ok("optional") => Importance::Optional,
            Ok(other) => {
                return Outcome::Rejected(Diagnostic::error(
                    K::InvalidValue,
                    row.at("relationType"),
                    format!("unknown relationType `{other}` (expected `essential` or `optional`)"),
                ));
            }
            Err(d) => return Outcome::Rejected(d),
        };
        self.stage_relation(
            row,
            source,
            ("occupationUri", "skillUri"),
            Relation::requires(importance, None),
        )
    }

    /// A row of `skillSkillRelations`.
    pub(crate) fn skill_skill_row(&mut self, row: &Row<'_>, source: usize) -> Outcome {
        self.stage_relation(
            row,
            source,
            ("originalSkillUri", "relatedSkillUri"),
            Relation::plain(RelationKind::Related),
        )
    }
}
