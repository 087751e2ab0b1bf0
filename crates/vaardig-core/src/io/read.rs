//! Loading the native format into an [`OntologyBuilder`], reporting every problem with its place.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use crate::builder::{Built, OntologyBuilder};
use crate::concept::{Code, Concept, ConceptData, Labels, Match, Note, Rating, Relation};
use crate::diagnostic::{Diagnostic, DiagnosticKind as K, Location, OntologyError};
use crate::io::bounded::{READ_AHEAD, RecordTooLong, bounded};
use crate::io::columns::{
    ALT_SEPARATOR, ANNOTATION_TABLES, CODES_FILE, COMMON_CONCEPT_COLUMNS, Column, LABEL_COLUMNS,
    MATCHES_FILE, NOTES_FILE, concept_columns, relation_columns,
};
use crate::io::source::{DirSource, TableSource};
use crate::io::{Limits, MAX_ERRORS_PER_TABLE, MAX_FIELD_BYTES};
use crate::manifest::{MANIFEST_FILE, Manifest};
use crate::model::{ConceptKind, Importance, Level, Nlqf, RelationKind, Scale};

/// Loads the ontology in directory `dir`.
///
/// Returns the ontology and its warnings, or an error listing every problem found.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<Built, OntologyError> {
    load(&DirSource::new(dir.as_ref()))
}

/// Loads an ontology from any [`TableSource`], within the default [`Limits`].
pub fn load(source: &dyn TableSource) -> Result<Built, OntologyError> {
    load_with(source, &Limits::default())
}

/// Loads an ontology from any [`TableSource`] within `limits`.
pub fn load_with(source: &dyn TableSource, limits: &Limits) -> Result<Built, OntologyError> {
    let manifest = read_manifest(source).map_err(|d| OntologyError::new(vec![d]))?;
    total_within_limit(source, limits).map_err(|d| OntologyError::new(vec![d]))?;
    let mut builder = OntologyBuilder::new(manifest);
    // A table that cannot be read stops the load with its I/O error alone: every relation
    // naming one of its concepts would otherwise be reported as dangling (thousands of errors
    // burying the one that matters).
    let mut unreadable = Vec::new();
    for &kind in ConceptKind::ALL {
        unreadable.extend(read_table(
            source,
            kind.table_file(),
            limits,
            &mut builder,
            |row, b| read_concept(kind, row, b),
        ));
    }
    if !unreadable.is_empty() {
        return Err(OntologyError::new(unreadable));
    }
    for (file, _) in ANNOTATION_TABLES {
        unreadable.extend(read_table(source, file, limits, &mut builder, |row, b| {
            read_annotation(file, row, b)
        }));
    }
    for &kind in RelationKind::ALL {
        unreadable.extend(read_table(
            source,
            kind.table_file(),
            limits,
            &mut builder,
            |row, b| read_relation(kind, row, b),
        ));
    }
    if !unreadable.is_empty() {
        return Err(OntologyError::new(unreadable));
    }
    builder.build()
}

/// Refuses an ontology whose tables together are larger than `limits.max_total_bytes`, from
/// their sizes alone (sources that cannot tell a size count as empty here; each table's own
/// limits still hold while it is read).
fn total_within_limit(source: &dyn TableSource, limits: &Limits) -> Result<(), Diagnostic> {
    let files = ConceptKind::ALL
        .iter()
        .map(|k| k.table_file())
        .chain(ANNOTATION_TABLES.iter().map(|(f, _)| *f))
        .chain(RelationKind::ALL.iter().map(|k| k.table_file()));
    let mut total: u64 = 0;
    let mut largest: Option<(&str, u64)> = None;
    for file in files {
        if let Ok(Some(size)) = source.size(file) {
            total = total.saturating_add(size);
            if largest.is_none_or(|(_, l)| size > l) {
                largest = Some((file, size));
            }
        }
    }
    if total <= limits.max_total_bytes {
        return Ok(());
    }
    let largest = largest.map_or_else(String::new, |(file, size)| {
        format!("; the largest is {file}, {size} bytes")
    });
    Err(Diagnostic::error(
        K::TooLarge,
        Location::file(source.describe(MANIFEST_FILE)),
        format!(
            "the tables are {total} bytes together, more than the limit of {} for one ontology (`max_total_bytes` of `vaardig_core::io::Limits`){largest}; refused before reading",
            limits.max_total_bytes
        ),
    ))
}

fn read_manifest(source: &dyn TableSource) -> Result<Manifest, Diagnostic> {
    let at = || Location::file(source.describe(MANIFEST_FILE));
    let io_err = |e: std::io::Error| Diagnostic::error(K::Io, at(), format!("cannot read: {e}"));
    let mut reader = source.open(MANIFEST_FILE).map_err(io_err)?.ok_or_else(|| {
        Diagnostic::error(
            K::Manifest,
            at(),
            "no manifest: an ontology directory needs an ontology.toml",
        )
    })?;
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_FIELD_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() > MAX_FIELD_BYTES {
        return Err(Diagnostic::error(
            K::TooLarge,
            at(),
            "manifest larger than 64 KiB",
        ));
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        let mut loc = at();
        loc.line = Some(line);
        Diagnostic::error(K::InvalidUtf8, loc, "manifest is not valid UTF-8")
    })?;
    Manifest::parse(text).map_err(|mut d| {
        d.location.file = Some(source.describe(MANIFEST_FILE));
        d
    })
}

/// One data row of a table, with its header, for typed field access.
struct Row<'a> {
    file: &'a str,
    line: u64,
    header: &'a HashMap<String, usize>,
    record: &'a csv::ByteRecord,
    languages: &'a [String],
}

impl Row<'_> {
    fn location(&self) -> Location {
        Location::line(self.file, self.line)
    }

    fn at(&self, column: &str) -> Location {
        self.location().with_column(column)
    }

    /// The text of `column`: `Ok(None)` when the column is absent or the cell empty.
    fn opt(&self, column: &str) -> Result<Option<&str>, Diagnostic> {
        let Some(&i) = self.header.get(column) else {
            return Ok(None);
        };
        let bytes = self.record.get(i).unwrap_or_default();
        if bytes.len() > MAX_FIELD_BYTES {
            return Err(Diagnostic::error(
                K::TooLarge,
                self.at(column),
                format!(
                    "field of {} bytes is larger than the limit of {MAX_FIELD_BYTES}",
                    bytes.len()
                ),
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Diagnostic::error(K::InvalidUtf8, self.at(column), "field is not valid UTF-8")
        })?;
        let text = text.trim();
        Ok((!text.is_empty()).then_some(text))
    }

    fn req(&self, column: &str) -> Result<&str, Diagnostic> {
        self.opt(column)?.ok_or_else(|| {
            Diagnostic::error(
                K::MissingValue,
                self.at(column),
                format!("`{column}` is empty"),
            )
        })
    }

    fn parse<T: FromStr>(&self, column: &str) -> Result<T, Diagnostic>
    where
        T::Err: std::fmt::Display,
    {
        let text = self.req(column)?;
        text.parse()
            .map_err(|e: T::Err| Diagnostic::error(K::InvalidValue, self.at(column), e.to_string()))
    }

    fn parse_opt<T: FromStr>(&self, column: &str) -> Result<Option<T>, Diagnostic>
    where
        T::Err: std::fmt::Display,
    {
        match self.opt(column)? {
            None => Ok(None),
            Some(text) => text.parse().map(Some).map_err(|e: T::Err| {
                Diagnostic::error(K::InvalidValue, self.at(column), e.to_string())
            }),
        }
    }

    fn number(&self, column: &str) -> Result<f64, Diagnostic> {
        let text = self.req(column)?;
        let value: f64 = text.parse().map_err(|_| {
            Diagnostic::error(
                K::InvalidValue,
                self.at(column),
                format!(
                    "`{}` is not a number",
                    text.chars().take(40).collect::<String>()
                ),
            )
        })?;
        if value.is_finite() {
            // `-0` is 0: adding +0.0 turns -0.0 into +0.0, so it never prints as `-0`.
            Ok(value + 0.0)
        } else {
            Err(Diagnostic::error(
                K::InvalidValue,
                self.at(column),
                format!("`{text}` is not a finite number"),
            ))
        }
    }

    fn labels(&self) -> Result<Labels, Diagnostic> {
        let mut labels = Labels::default();
        for lang in self.languages {
            if let Some(p) = self.opt(&format!("pref_label_{lang}"))? {
                labels.pref.insert(lang.clone(), p.to_owned());
            }
            if let Some(a) = self.opt(&format!("alt_labels_{lang}"))? {
                let alts: Vec<String> = a
                    .split(ALT_SEPARATOR)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if !alts.is_empty() {
                    labels.alt.insert(lang.clone(), alts);
                }
            }
            if let Some(d) = self.opt(&format!("definition_{lang}"))? {
                labels.definition.insert(lang.clone(), d.to_owned());
            }
        }
        Ok(labels)
    }
}

fn read_concept(
    kind: ConceptKind,
    row: &Row<'_>,
    b: &mut OntologyBuilder,
) -> Result<(), Diagnostic> {
    let id = row.req("id")?;
    match concept_from_row(kind, id, row) {
        Ok(concept) => {
            b.add_concept_at(concept, row.location());
            Ok(())
        }
        Err(d) => {
            // Relations naming this concept are not reported again as dangling.
            b.mark_rejected(id);
            Err(d)
        }
    }
}

fn concept_from_row(kind: ConceptKind, id: &str, row: &Row<'_>) -> Result<Concept, Diagnostic> {
    let labels = row.labels()?;
    let data = match kind {
        ConceptKind::Sector => ConceptData::Sector {
            shortage: parse_bool(row, "shortage")?,
        },
        ConceptKind::Skill => ConceptData::Skill {
            skill_type: row.parse("skill_type")?,
        },
        ConceptKind::KnowledgeArea => ConceptData::KnowledgeArea,
        ConceptKind::OccupationTask => ConceptData::OccupationTask,
        ConceptKind::Occupation => ConceptData::Occupation {
            isco: row.opt("isco")?.map(str::to_owned),
            min_nlqf: row.parse_opt::<Nlqf>("min_nlqf")?,
        },
        ConceptKind::Qualification => ConceptData::Qualification {
            qualification_type: row.parse("qualification_type")?,
            code_system: row.parse("code_system")?,
            code: row.req("code")?.to_owned(),
            nlqf: row.parse_opt::<Nlqf>("nlqf")?,
        },
        ConceptKind::LearningOffer => ConceptData::LearningOffer {
            offer_type: row.parse("offer_type")?,
            provider: row.req("provider")?.to_owned(),
            provider_type: row.parse("provider_type")?,
            hours: row.number("hours")?,
            cost_eur: row.number("cost_eur")?,
            nlqf: row.parse_opt::<Nlqf>("nlqf")?,
        },
    };
    let mut concept = Concept::new(id, labels, data);
    concept.status = row.parse_opt("status")?.unwrap_or_default();
    concept.replaced_by = row.opt("replaced_by")?.map(str::to_owned);
    Ok(concept)
}

/// One row of `codes.csv`, `notes.csv` or `matches.csv`.
fn read_annotation(file: &str, row: &Row<'_>, b: &mut OntologyBuilder) -> Result<(), Diagnostic> {
    let concept = row.req("concept")?;
    match file {
        CODES_FILE => {
            let code = Code::new(row.parse("system")?, row.req("code")?);
            b.add_code_at(concept, code, row.location());
        }
        NOTES_FILE => {
            let note = Note::new(row.parse("kind")?, row.req("lang")?, row.req("text")?);
            b.add_note_at(concept, note, row.location());
        }
        MATCHES_FILE => {
            let m = Match::new(row.parse("kind")?, row.req("uri")?);
            b.add_match_at(concept, m, row.location());
        }
        _ => {}
    }
    Ok(())
}

/// A rating from a value column and its scale column: both or neither.
fn rating(row: &Row<'_>, column: &str, scale_column: &str) -> Result<Option<Rating>, Diagnostic> {
    let value = row.opt(column)?;
    let scale = row.parse_opt::<Scale>(scale_column)?;
    match (value, scale) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(Diagnostic::error(
            K::MissingValue,
            row.at(scale_column),
            format!("`{column}` has a value but `{scale_column}` is empty"),
        )),
        (None, Some(_)) => Err(Diagnostic::error(
            K::MissingValue,
            row.at(column),
            format!("`{scale_column}` is set but `{column}` is empty"),
        )),
        (Some(text), Some(scale)) => {
            let value: f64 = text.parse().map_err(|_| {
                Diagnostic::error(
                    K::InvalidValue,
                    row.at(column),
                    format!(
                        "`{}` is not a number",
                        text.chars().take(40).collect::<String>()
                    ),
                )
            })?;
            Rating::new(scale, value).map(Some).ok_or_else(|| {
                Diagnostic::error(
                    K::InvalidValue,
                    row.at(column),
                    Rating::out_of_range(scale, value),
                )
            })
        }
    }
}

fn parse_bool(row: &Row<'_>, column: &str) -> Result<bool, Diagnostic> {
    match row.req(column)? {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(Diagnostic::error(
            K::InvalidValue,
            row.at(column),
            format!(
                "`{}` is not `true` or `false`",
                other.chars().take(40).collect::<String>()
            ),
        )),
    }
}

fn read_relation(
    kind: RelationKind,
    row: &Row<'_>,
    b: &mut OntologyBuilder,
) -> Result<(), Diagnostic> {
    let from = row.req("from")?;
    let to = row.req("to")?;
    let mut relation = Relation::plain(kind);
    if kind.has_importance() {
        relation.importance = Some(row.parse::<Importance>("importance")?);
    }
    if kind.has_level() {
        relation.level = row.parse_opt::<Level>("level")?;
    }
    if kind.has_ratings() {
        relation.weight = rating(row, "weight", "weight_scale")?;
        relation.source_level = rating(row, "source_level", "source_level_scale")?;
    }
    if kind.has_rank() {
        relation.tier = row.parse_opt("tier")?;
        relation.rank = row.parse_opt::<u16>("rank")?;
    }
    b.add_relation_at(from, to, relation, row.location());
    Ok(())
}

/// The columns a table must or may have: `(name, required)`.
fn expected_columns(file: &str, languages: &[String]) -> Vec<(String, bool)> {
    let fixed: Vec<Column>;
    let mut out: Vec<(String, bool)> = Vec::new();
    if let Some(kind) = ConceptKind::ALL.iter().find(|k| k.table_file() == file) {
        out.push(("id".to_owned(), true));
        for lang in languages {
            for (prefix, required) in LABEL_COLUMNS {
                out.push((format!("{prefix}{lang}"), required));
            }
        }
        fixed = concept_columns(*kind)
            .iter()
            .chain(&COMMON_CONCEPT_COLUMNS)
            .copied()
            .collect();
    } else if let Some((_, columns)) = ANNOTATION_TABLES.iter().find(|(f, _)| *f == file) {
        fixed = columns.to_vec();
    } else if let Some(kind) = RelationKind::ALL.iter().find(|k| k.table_file() == file) {
        out.push(("from".to_owned(), true));
        out.push(("to".to_owned(), true));
        fixed = relation_columns(*kind).to_vec();
    } else {
        fixed = Vec::new();
    }
    out.extend(fixed.iter().map(|(n, r)| ((*n).to_owned(), *r)));
    out
}

/// Reads one CSV table row by row; every bad row becomes a diagnostic, the rest is kept.
/// Returns the I/O error that stopped it, if one did.
///
/// Memory stays bounded by what is kept: a table larger than `limits.max_table_bytes` is
/// refused before a byte is read, a record longer than `limits.max_record_bytes` while it is read, and a
/// header with an unknown or missing column before any row. A concept table that is not read
/// to its end is marked rejected in the builder, so the references into it are counted once
/// instead of reported one by one.
fn read_table(
    source: &dyn TableSource,
    file: &str,
    limits: &Limits,
    builder: &mut OntologyBuilder,
    mut on_row: impl FnMut(&Row<'_>, &mut OntologyBuilder) -> Result<(), Diagnostic>,
) -> Option<Diagnostic> {
    let shown = source.describe(file);
    let concept_table = ConceptKind::ALL.iter().any(|k| k.table_file() == file);
    let refuse = |builder: &mut OntologyBuilder, d: Diagnostic| {
        builder.push_diagnostic(d);
        if concept_table {
            builder.mark_table_rejected(&shown);
        }
    };
    match source.size(file) {
        Ok(Some(size)) if size > limits.max_table_bytes => {
            refuse(
                builder,
                Diagnostic::error(
                    K::TooLarge,
                    Location::file(&shown),
                    format!(
                        "table of {size} bytes is larger than the limit of {} (`max_table_bytes` of `vaardig_core::io::Limits`); refused before reading",
                        limits.max_table_bytes
                    ),
                ),
            );
            return None;
        }
        _ => {}
    }
    let reader = match source.open(file) {
        Ok(Some(r)) => r,
        Ok(None) => return None,
        Err(e) => {
            let d = Diagnostic::error(K::Io, Location::file(&shown), format!("cannot read: {e}"));
            refuse(builder, d.clone());
            return Some(d);
        }
    };
    let (reader, gate) = bounded(reader, limits.max_record_bytes);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .buffer_capacity(READ_AHEAD)
        .from_reader(reader);
    let languages = builder.manifest().languages.clone();
    let header = match read_header(&mut csv, &shown, file, &languages) {
        Ok(h) => h,
        Err(diags) => {
            if let Some(io) = diags.iter().find(|d| d.kind == K::Io) {
                return Some(io.clone());
            }
            // Decided from the header alone: the rows are never read.
            for d in diags {
                builder.push_diagnostic(d);
            }
            if concept_table {
                builder.mark_table_rejected(&shown);
            }
            return None;
        }
    };
    let mut record = csv::ByteRecord::new();
    let mut errors = 0usize;
    let mut rows = 0u64;
    loop {
        let p = csv.position();
        gate.record_starts_at(p.byte(), p.line());
        let result = csv.read_byte_record(&mut record);
        let (diagnostic, fatal) = match result {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                let line = record.position().map_or(0, |p| p.line());
                if rows > limits.max_rows_per_table {
                    // Refused at the first row past the limit, before another is read.
                    refuse(
                        builder,
                        Diagnostic::error(
                            K::TooLarge,
                            Location::line(&shown, line),
                            format!(
                                "table has more than {} rows (the limit `max_rows_per_table` of \
                                 `vaardig_core::io::Limits`; pass a larger one to `io::load_with`); \
                                 refused at this row",
                                limits.max_rows_per_table
                            ),
                        ),
                    );
                    return None;
                }
                let size = record.as_slice().len() as u64;
                if size > limits.max_record_bytes {
                    (
                        Diagnostic::error(
                            K::TooLarge,
                            Location::line(&shown, line),
                            format!(
                                "record of {size} bytes is larger than the limit of {}",
                                limits.max_record_bytes
                            ),
                        ),
                        false,
                    )
                } else {
                    let row = Row {
                        file: &shown,
                        line,
                        header: &header,
                        record: &record,
                        languages: &languages,
                    };
                    match on_row(&row, builder) {
                        Ok(()) => continue,
                        Err(d) => (d, false),
                    }
                }
            }
            Err(e) => {
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                (csv_error(&shown, e), fatal)
            }
        };
        if fatal {
            // A failing read stops the whole load; a record over the limit only this table.
            let stop = (diagnostic.kind == K::Io).then(|| diagnostic.clone());
            refuse(builder, diagnostic);
            return stop;
        }
        builder.push_diagnostic(diagnostic);
        errors += 1;
        if errors >= MAX_ERRORS_PER_TABLE {
            refuse(
                builder,
                Diagnostic::error(
                    K::Syntax,
                    Location::file(&shown),
                    format!("stopped reading after {MAX_ERRORS_PER_TABLE} errors in this table"),
                ),
            );
            return None;
        }
    }
    None
}

/// Column name → position in the record.
type Header = HashMap<String, usize>;

/// A label column's name with its language tag in normal form (`pref_label_en-us` →
/// `pref_label_en-US`), as the manifest's languages are: tables written before tags were
/// normalised still load. Other names, and tags that do not parse, stay as they are.
fn canonical_column(name: &str) -> String {
    for (prefix, _) in super::columns::LABEL_COLUMNS {
        if let Some(tag) = name.strip_prefix(prefix)
            && let Ok(tag) = crate::lang::normalise_language(tag)
        {
            return format!("{prefix}{tag}");
        }
    }
    name.to_owned()
}

fn read_header<R: Read>(
    csv: &mut csv::Reader<R>,
    shown: &str,
    file: &str,
    languages: &[String],
) -> Result<Header, Vec<Diagnostic>> {
    let raw = csv
        .byte_headers()
        .map_err(|e| vec![csv_error(shown, e)])?
        .clone();
    let mut header = HashMap::new();
    let mut diags = Vec::new();
    let expected: BTreeMap<String, bool> = expected_columns(file, languages).into_iter().collect();
    for (i, name) in raw.iter().enumerate() {
        let name = name.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(name);
        let Ok(name) = std::str::from_utf8(name) else {
            diags.push(Diagnostic::error(
                K::InvalidUtf8,
                Location::line(shown, 1),
                format!("header column {} is not valid UTF-8", i + 1),
            ));
            continue;
        };
        let canonical = canonical_column(name.trim());
        let name = canonical.as_str();
        if !expected.contains_key(name) {
            diags.push(Diagnostic::error(
                K::UnknownColumn,
                Location::line(shown, 1).with_column(name),
                format!(
                    "unknown column `{}`",
                    name.chars().take(80).collect::<String>()
                ),
            ));
        } else if header.insert(name.to_owned(), i).is_some() {
            diags.push(Diagnostic::error(
                K::Syntax,
                Location::line(shown, 1).with_column(name),
                format!("column `{name}` appears twice"),
            ));
        }
    }
    for (name, required) in &expected {
        if *required && !header.contains_key(name) {
            diags.push(Diagnostic::error(
                K::MissingColumn,
                Location::line(shown, 1).with_column(name.clone()),
                format!("required column `{name}` is missing"),
            ));
        }
    }
    if diags.is_empty() {
        Ok(header)
    } else {
        Err(diags)
    }
}

fn csv_error(shown: &str, e: csv::Error) -> Diagnostic {
    let line = e.position().map(|p| p.line());
    let location = Location {
        file: Some(shown.to_owned()),
        line,
        column: None,
    };
    match e.kind() {
        csv::ErrorKind::Io(io) => match RecordTooLong::of(io) {
            Some(long) => Diagnostic::error(
                K::TooLarge,
                Location::line(shown, long.line),
                long.to_string(),
            ),
            None => Diagnostic::error(K::Io, location, format!("cannot read: {io}")),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Diagnostic::error(
            K::Syntax,
            location,
            format!("row has {len} fields, the header has {expected_len}"),
        ),
        csv::ErrorKind::Utf8 { .. } => {
            Diagnostic::error(K::InvalidUtf8, location, "row is not valid UTF-8")
        }
        _ => Diagnostic::error(K::Syntax, location, format!("malformed CSV: {e}")),
    }
}
