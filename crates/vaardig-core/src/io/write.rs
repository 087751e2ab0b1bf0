//! Writing an [`Ontology`] back out in the native format. Loading the output gives an equal
//! ontology; rows come in id order, so two releases diff cleanly.

use std::path::Path;

use crate::concept::{Concept, ConceptData};
use crate::io::atomic::{AtomicDir, OutputError, OutputPolicy};
use crate::io::columns::{
    ALT_SEPARATOR, ANNOTATION_TABLES, CODES_FILE, COMMON_CONCEPT_COLUMNS, LABEL_COLUMNS,
    MATCHES_FILE, NOTES_FILE, concept_columns, relation_columns,
};
use crate::io::{Limits, MAX_FIELD_BYTES};
use crate::manifest::MANIFEST_FILE;
use crate::model::{ConceptKind, RelationKind};
use crate::ontology::Ontology;

/// Every file of the native format as `(file name, contents)`, manifest first.
pub fn to_tables(ontology: &Ontology) -> Vec<(&'static str, String)> {
    tables(ontology).collect()
}

/// The files of [`to_tables`], each rendered only when asked for: a writer holds one table's
/// text at a time, never the whole ontology's as text beside the ontology.
fn tables(ontology: &Ontology) -> impl Iterator<Item = (&'static str, String)> + '_ {
    let languages = &ontology.manifest().languages;
    let manifest = std::iter::once_with(|| (MANIFEST_FILE, ontology.manifest().to_toml()));
    let concepts = ConceptKind::ALL.iter().map(move |&kind| {
        let mut header: Vec<String> = vec!["id".into()];
        for lang in languages {
            for (prefix, _) in LABEL_COLUMNS {
                header.push(format!("{prefix}{lang}"));
            }
        }
        header.extend(
            concept_columns(kind)
                .iter()
                .chain(&COMMON_CONCEPT_COLUMNS)
                .map(|(n, _)| (*n).to_owned()),
        );
        let rows = ontology
            .concepts(kind)
            .map(|(_, c)| concept_row(c, languages));
        (kind.table_file(), csv_text(&header, rows))
    });
    let annotations = ANNOTATION_TABLES.iter().map(move |&(file, columns)| {
        let header: Vec<String> = columns.iter().map(|(n, _)| (*n).to_owned()).collect();
        let rows = ontology.iter().flat_map(|(_, c)| annotation_rows(file, c));
        (file, csv_text(&header, rows))
    });
    // One pass over the edges per kind, each row rendered as it is written (not every row of
    // every kind collected first: 6M requirements were gigabytes of small strings).
    let relations = RelationKind::ALL.iter().map(move |&kind| {
        let mut header: Vec<String> = vec!["from".into(), "to".into()];
        header.extend(relation_columns(kind).iter().map(|(n, _)| (*n).to_owned()));
        let rows = ontology
            .relations()
            .filter(move |(_, _, rel)| rel.kind == kind)
            .map(|(from, to, rel)| relation_row(ontology, from, to, rel));
        (kind.table_file(), csv_text(&header, rows))
    });
    manifest.chain(concepts).chain(annotations).chain(relations)
}

/// One row of a relation table.
fn relation_row(
    ontology: &Ontology,
    from: crate::NodeIndex,
    to: crate::NodeIndex,
    rel: &crate::concept::Relation,
) -> Vec<String> {
    let mut row = vec![
        ontology.concept(from).id.clone(),
        ontology.concept(to).id.clone(),
    ];
    for (column, _) in relation_columns(rel.kind) {
        row.push(match *column {
            "importance" => rel
                .importance
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default(),
            "level" => rel.level.map(|l| l.to_string()).unwrap_or_default(),
            "weight" => rel
                .weight
                .map(|r| r.value().to_string())
                .unwrap_or_default(),
            "weight_scale" => rel
                .weight
                .map(|r| r.scale().to_string())
                .unwrap_or_default(),
            "source_level" => rel
                .source_level
                .map(|r| r.value().to_string())
                .unwrap_or_default(),
            "source_level_scale" => rel
                .source_level
                .map(|r| r.scale().to_string())
                .unwrap_or_default(),
            "tier" => rel.tier.map(|t| t.to_string()).unwrap_or_default(),
            "rank" => rel.rank.map(|r| r.to_string()).unwrap_or_default(),
            _ => String::new(),
        });
    }
    row
}

/// Writes the native format into `dir`, which must not exist yet or be empty (see
/// [`write_dir_with`] to replace existing output).
///
/// # Errors
/// As [`write_dir_with`].
pub fn write_dir(ontology: &Ontology, dir: impl AsRef<Path>) -> Result<(), OutputError> {
    write_dir_with(ontology, dir, &OutputPolicy::new())
}

/// Writes the native format into `dir` atomically (see [`crate::io::atomic`]): the whole
/// directory appears at once, or the old one stays as it was. The output is checked against
/// the limits of loading first, so vaardig never writes what it cannot read back.
///
/// # Errors
/// [`OutputError::Refused`] when `policy` refuses `dir` (existing output without `force`, a
/// directory that is not vaardig output, an input, the root, a link), [`OutputError::TooLarge`]
/// when a field or the manifest is over a loading limit, [`OutputError::Io`] naming the file.
pub fn write_dir_with(
    ontology: &Ontology,
    dir: impl AsRef<Path>,
    policy: &OutputPolicy,
) -> Result<(), OutputError> {
    let limits = policy.table_limits();
    check_loadable(ontology, limits)?;
    let mut out = AtomicDir::create(dir, MANIFEST_FILE, policy)?;
    let mut total: u64 = 0;
    for (file, text) in tables(ontology) {
        total = total.saturating_add(text.len() as u64);
        if total > limits.max_total_bytes {
            // Nothing is committed: the directory is left as it was.
            return Err(OutputError::TooLarge {
                file: file.to_owned(),
                what: "the output up to this table (`max_total_bytes`)".to_owned(),
                size: usize::try_from(total).unwrap_or(usize::MAX),
                limit: usize::try_from(limits.max_total_bytes).unwrap_or(usize::MAX),
                unit: "bytes",
            });
        }
        if text.len() as u64 > limits.max_table_bytes {
            return Err(OutputError::TooLarge {
                file: file.to_owned(),
                what: "the table".to_owned(),
                size: text.len(),
                limit: usize::try_from(limits.max_table_bytes).unwrap_or(usize::MAX),
                unit: "bytes",
            });
        }
        out.write_file(file, text.as_bytes())?;
    }
    out.commit()
}

/// Refuses a table of `rows` rows when loading within `limits` would.
fn rows_within_limit(file: &str, rows: usize, limits: &Limits) -> Result<(), OutputError> {
    if rows as u64 > limits.max_rows_per_table {
        return Err(OutputError::TooLarge {
            file: file.to_owned(),
            what: "the table".to_owned(),
            size: rows,
            limit: usize::try_from(limits.max_rows_per_table).unwrap_or(usize::MAX),
            unit: "rows",
        });
    }
    Ok(())
}

/// Refuses what loading would refuse: a manifest or a field over [`MAX_FIELD_BYTES`], a record
/// or a table over `limits` (the table's size in bytes is checked
/// as it is written).
fn check_loadable(ontology: &Ontology, limits: &Limits) -> Result<(), OutputError> {
    let too_large = |file: &str, what: String, size: usize, limit: usize| OutputError::TooLarge {
        file: file.to_owned(),
        what,
        size,
        limit,
        unit: "bytes",
    };
    let manifest = ontology.manifest().to_toml();
    if manifest.len() > MAX_FIELD_BYTES {
        return Err(too_large(
            MANIFEST_FILE,
            "the manifest".to_owned(),
            manifest.len(),
            MAX_FIELD_BYTES,
        ));
    }
    let languages = &ontology.manifest().languages;
    for &kind in ConceptKind::ALL {
        rows_within_limit(kind.table_file(), ontology.count(kind), limits)?;
        for (_, c) in ontology.concepts(kind) {
            let row = concept_row(c, languages);
            if let Some(field) = row.iter().find(|f| f.len() > MAX_FIELD_BYTES) {
                return Err(too_large(
                    kind.table_file(),
                    format!("a field of `{}`", c.id),
                    field.len(),
                    MAX_FIELD_BYTES,
                ));
            }
            // As written: each field with its quotes doubled, two quotes around it and a separator.
            let record: usize = row
                .iter()
                .map(|f| f.len() + f.bytes().filter(|&b| b == b'"').count() + 3)
                .sum();
            if record as u64 > limits.max_record_bytes {
                return Err(too_large(
                    kind.table_file(),
                    format!("the record of `{}`", c.id),
                    record,
                    usize::try_from(limits.max_record_bytes).unwrap_or(usize::MAX),
                ));
            }
        }
    }
    for &kind in RelationKind::ALL {
        rows_within_limit(kind.table_file(), ontology.relation_count(kind), limits)?;
    }
    Ok(())
}

/// The rows of annotation table `file` for concept `c`, in the concept's (sorted) order.
fn annotation_rows(file: &str, c: &Concept) -> Vec<Vec<String>> {
    match file {
        CODES_FILE => c
            .codes
            .iter()
            .map(|x| vec![c.id.clone(), x.system.to_string(), x.code.clone()])
            .collect(),
        NOTES_FILE => c
            .notes
            .iter()
            .map(|n| {
                vec![
                    c.id.clone(),
                    n.kind.to_string(),
                    n.lang.clone(),
                    n.text.clone(),
                ]
            })
            .collect(),
        MATCHES_FILE => c
            .matches
            .iter()
            .map(|m| vec![c.id.clone(), m.kind.to_string(), m.uri.clone()])
            .collect(),
        _ => Vec::new(),
    }
}

fn concept_row(c: &Concept, languages: &[String]) -> Vec<String> {
    let mut row = vec![c.id.clone()];
    for lang in languages {
        row.push(c.labels.pref(lang).unwrap_or_default().to_owned());
        row.push(c.labels.alt(lang).join(&ALT_SEPARATOR.to_string()));
        row.push(c.labels.definition(lang).unwrap_or_default().to_owned());
    }
    match &c.data {
        ConceptData::Sector { shortage } => row.push(shortage.to_string()),
        ConceptData::Skill { skill_type } => row.push(skill_type.as_str().to_owned()),
        ConceptData::KnowledgeArea | ConceptData::OccupationTask => {}
        ConceptData::Occupation { isco, min_nlqf } => {
            row.push(isco.clone().unwrap_or_default());
            row.push(min_nlqf.map(|n| n.to_string()).unwrap_or_default());
        }
        ConceptData::Qualification {
            qualification_type,
            code_system,
            code,
            nlqf,
        } => {
            row.push(qualification_type.as_str().to_owned());
            row.push(code_system.as_str().to_owned());
            row.push(code.clone());
            row.push(nlqf.map(|n| n.to_string()).unwrap_or_default());
        }
        ConceptData::LearningOffer {
            offer_type,
            provider,
            provider_type,
            hours,
            cost_eur,
            nlqf,
        } => {
            row.push(offer_type.as_str().to_owned());
            row.push(provider.clone());
            row.push(provider_type.as_str().to_owned());
            row.push(hours.to_string());
            row.push(cost_eur.to_string());
            row.push(nlqf.map(|n| n.to_string()).unwrap_or_default());
        }
    }
    row.push(if c.status.is_current() {
        String::new()
    } else {
        c.status.to_string()
    });
    row.push(c.replaced_by.clone().unwrap_or_default());
    row
}

fn csv_text(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing into a Vec<u8> has no I/O that could fail; CSV quoting handles any text.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
