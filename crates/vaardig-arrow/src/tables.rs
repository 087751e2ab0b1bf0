//! An [`Ontology`] as four Arrow record batches in long form, and back.
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | `manifest` | (one row) | every manifest field that is set, by name: `languages`, `licence`, `name`, `release_date`, `source`, `version`, ...; `languages` and `prefixes` as JSON text |
//! | `concepts` | concept | `id`, `uri` (full URI, [`Ontology::uri_of`], null when none), `kind`, then one nullable column per attribute (see [`crate::columns`]) |
//! | `labels` | label per language | `concept` (id), `language`, `role` (`pref`, `alt`, `definition`), `position` (0, or a synonym's place), `text` |
//! | `relations` | relation | `from`, `to` (ids), `kind`, then one nullable column per attribute (`importance`, `level`, ...) |
//!
//! Rows come in a fixed order (concepts by id; labels by concept, role, language, position;
//! relations by `(from, to, kind)`), so the same ontology gives the same batches.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arrow_array::builder::{StringBuilder, UInt32Builder};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use serde_json::{Map, Value};
use vaardig_core::{
    Built, Concept, ConceptData, ConceptKind, Labels, Location, Manifest, Ontology,
    OntologyBuilder, Relation, RelationKind,
};

use crate::ReadError;
use crate::columns::{
    self, CONCEPT_ATTRIBUTES, ColumnType, DecodeError, RELATION_ATTRIBUTES, attribute_columns,
    attributes_of,
};
use crate::error::{TableError, TableErrorKind as K};

/// The schema-metadata key naming the table, and the one giving this layout's version.
pub const TABLE_KEY: &str = "vaardig.table";
/// See [`TABLE_KEY`].
pub const FORMAT_KEY: &str = "vaardig.format";
/// The version of this layout, written in every table's schema metadata.
pub const FORMAT_VERSION: &str = "1";

/// The four tables, in the order they are written and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// The manifest, one row.
    Manifest,
    /// One row per concept.
    Concepts,
    /// One row per label per language.
    Labels,
    /// One row per relation.
    Relations,
}

impl Table {
    /// Every table, manifest first.
    pub const ALL: [Table; 4] = [
        Table::Manifest,
        Table::Concepts,
        Table::Labels,
        Table::Relations,
    ];

    /// The table's name (`concepts`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Table::Manifest => "manifest",
            Table::Concepts => "concepts",
            Table::Labels => "labels",
            Table::Relations => "relations",
        }
    }

    /// The file that holds it in a Parquet directory (`concepts.parquet`, ...).
    pub fn file(self) -> &'static str {
        match self {
            Table::Manifest => "manifest.parquet",
            Table::Concepts => "concepts.parquet",
            Table::Labels => "labels.parquet",
            Table::Relations => "relations.parquet",
        }
    }
}

/// An ontology as Arrow record batches (see the module docs for the columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    /// The manifest, one row.
    pub manifest: RecordBatch,
    /// One row per concept.
    pub concepts: RecordBatch,
    /// One row per label per language.
    pub labels: RecordBatch,
    /// One row per relation.
    pub relations: RecordBatch,
}

impl Tables {
    /// The batch of `table`.
    pub fn get(&self, table: Table) -> &RecordBatch {
        match table {
            Table::Manifest => &self.manifest,
            Table::Concepts => &self.concepts,
            Table::Labels => &self.labels,
            Table::Relations => &self.relations,
        }
    }
}

/// The label roles, in row order.
const ROLES: [&str; 3] = ["pref", "alt", "definition"];

/// Turns `ontology` into its four tables.
///
/// # Errors
/// Only when the core types serialise in a shape this crate cannot store (not an object), or
/// Arrow refuses a batch; neither happens with the current core types.
///
/// # Examples
/// ```
/// use vaardig_core::Ontology;
///
/// let ontology = Ontology::embedded()?;
/// let tables = vaardig_arrow::to_tables(&ontology)?;
/// assert_eq!(tables.concepts.num_rows(), ontology.len());
/// assert!(tables.concepts.schema().field_with_name("nlqf").is_ok());
/// assert_eq!(vaardig_arrow::from_tables(&tables)?.ontology, ontology);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_tables(ontology: &Ontology) -> Result<Tables, ArrowError> {
    let bad = |e: String| ArrowError::InvalidArgumentError(e);
    Ok(Tables {
        manifest: manifest_batch(ontology.manifest()).map_err(bad)?,
        concepts: concepts_batch(ontology).map_err(bad)?,
        labels: labels_batch(ontology)?,
        relations: relations_batch(ontology).map_err(bad)?,
    })
}

fn schema(table: Table, fields: Vec<Field>) -> Arc<Schema> {
    Arc::new(Schema::new_with_metadata(
        fields,
        HashMap::from([
            (TABLE_KEY.to_owned(), table.name().to_owned()),
            (FORMAT_KEY.to_owned(), FORMAT_VERSION.to_owned()),
        ]),
    ))
}

fn text_array<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    let mut b = StringBuilder::new();
    values.for_each(|v| b.append_option(v));
    Arc::new(b.finish())
}

/// A batch of leading text columns followed by attribute columns.
fn batch(
    table: Table,
    leading: Vec<(&str, bool, ArrayRef)>,
    attributes: &[columns::Column],
) -> Result<RecordBatch, String> {
    let mut fields: Vec<Field> = leading
        .iter()
        .map(|(name, nullable, a)| Field::new(*name, a.data_type().clone(), *nullable))
        .collect();
    let mut arrays: Vec<ArrayRef> = leading.into_iter().map(|(_, _, a)| a).collect();
    for column in attributes {
        fields.push(column.field());
        arrays.push(column.array());
    }
    RecordBatch::try_new(schema(table, fields), arrays).map_err(|e| e.to_string())
}

fn manifest_batch(manifest: &Manifest) -> Result<RecordBatch, String> {
    let map = attributes_of(manifest)?;
    let listed: Vec<(&str, ColumnType)> = Vec::new();
    // One column per field that is set, by name.
    let cols = attribute_columns(&listed, std::slice::from_ref(&map));
    batch(Table::Manifest, Vec::new(), &cols)
}

/// A concept's columns besides id, uri and labels: its kind's attributes and what every kind
/// may have (status, replaced_by, codes, notes, matches), in their serde shape.
#[derive(serde::Serialize, serde::Deserialize)]
struct ConceptRow {
    #[serde(flatten)]
    data: ConceptData,
    #[serde(default, skip_serializing_if = "vaardig_core::Status::is_current")]
    status: vaardig_core::Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replaced_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    codes: Vec<vaardig_core::Code>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<vaardig_core::Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    matches: Vec<vaardig_core::Match>,
}

impl ConceptRow {
    fn of(c: &Concept) -> Self {
        ConceptRow {
            data: c.data.clone(),
            status: c.status,
            replaced_by: c.replaced_by.clone(),
            codes: c.codes.clone(),
            notes: c.notes.clone(),
            matches: c.matches.clone(),
        }
    }
}

fn concepts_batch(ontology: &Ontology) -> Result<RecordBatch, String> {
    let mut attrs = Vec::with_capacity(ontology.len());
    let mut uris = Vec::with_capacity(ontology.len());
    for (ix, concept) in ontology.iter() {
        attrs.push(attributes_of(&ConceptRow::of(concept))?);
        uris.push(ontology.uri_of(ix));
    }
    let cols = attribute_columns(CONCEPT_ATTRIBUTES, &attrs);
    let ids = text_array(ontology.iter().map(|(_, c)| Some(c.id.as_str())));
    let uris = text_array(uris.iter().map(Option::as_deref));
    let kinds = text_array(ontology.iter().map(|(_, c)| Some(c.kind().as_str())));
    batch(
        Table::Concepts,
        vec![
            ("id", false, ids),
            ("uri", true, uris),
            ("kind", false, kinds),
        ],
        &cols,
    )
}

fn labels_batch(ontology: &Ontology) -> Result<RecordBatch, ArrowError> {
    let mut concept = StringBuilder::new();
    let mut language = StringBuilder::new();
    let mut role = StringBuilder::new();
    let mut position = UInt32Builder::new();
    let mut text = StringBuilder::new();
    let mut push = |id: &str, lang: &str, r: &str, pos: usize, t: &str| {
        concept.append_value(id);
        language.append_value(lang);
        role.append_value(r);
        position.append_value(u32::try_from(pos).unwrap_or(u32::MAX));
        text.append_value(t);
    };
    for (_, c) in ontology.iter() {
        let Labels {
            pref,
            alt,
            definition,
        } = &c.labels;
        for (lang, t) in pref {
            push(&c.id, lang, ROLES[0], 0, t);
        }
        for (lang, alts) in alt {
            for (i, t) in alts.iter().enumerate() {
                push(&c.id, lang, ROLES[1], i, t);
            }
        }
        for (lang, t) in definition {
            push(&c.id, lang, ROLES[2], 0, t);
        }
    }
    let fields = vec![
        Field::new("concept", DataType::Utf8, false),
        Field::new("language", DataType::Utf8, false),
        Field::new("role", DataType::Utf8, false),
        Field::new("position", DataType::UInt32, false),
        Field::new("text", DataType::Utf8, false),
    ];
    RecordBatch::try_new(
        schema(Table::Labels, fields),
        vec![
            Arc::new(concept.finish()),
            Arc::new(language.finish()),
            Arc::new(role.finish()),
            Arc::new(position.finish()),
            Arc::new(text.finish()),
        ],
    )
}

fn relations_batch(ontology: &Ontology) -> Result<RecordBatch, String> {
    let mut attrs = Vec::new();
    let mut ends: Vec<(&str, &str, &str)> = Vec::new();
    for (from, to, rel) in ontology.relations() {
        attrs.push(attributes_of(rel)?);
        ends.push((
            &ontology.concept(from).id,
            &ontology.concept(to).id,
            rel.kind.as_str(),
        ));
    }
    let cols = attribute_columns(RELATION_ATTRIBUTES, &attrs);
    batch(
        Table::Relations,
        vec![
            ("from", false, text_array(ends.iter().map(|e| Some(e.0)))),
            ("to", false, text_array(ends.iter().map(|e| Some(e.1)))),
            ("kind", false, text_array(ends.iter().map(|e| Some(e.2)))),
        ],
        &cols,
    )
}

// ---------------------------------------------------------------------------------------------
// Reading back.

/// An attribute column read back: its name and one JSON value per row.
type Attribute = (String, Vec<Option<Value>>);

/// One table being read: its batch and file name, for errors.
struct Reader<'a> {
    file: &'static str,
    batch: &'a RecordBatch,
}

impl<'a> Reader<'a> {
    fn new(tables: &'a Tables, table: Table) -> Result<Self, TableError> {
        let batch = tables.get(table);
        let file = table.file();
        if let Some(v) = batch.schema_ref().metadata().get(FORMAT_KEY)
            && v != FORMAT_VERSION
        {
            return Err(TableError::new(
                file,
                K::BadValue(format!(
                    "written in layout version {v}; this build reads version {FORMAT_VERSION}"
                )),
            ));
        }
        Ok(Reader { file, batch })
    }

    fn rows(&self) -> usize {
        self.batch.num_rows()
    }

    fn column(&self, name: &str) -> Option<(&Field, &ArrayRef)> {
        let ix = self.batch.schema_ref().index_of(name).ok()?;
        Some((self.batch.schema_ref().field(ix), self.batch.column(ix)))
    }

    /// A required text column: present, text, no nulls.
    fn required_text(&self, name: &str) -> Result<Vec<&'a str>, TableError> {
        let values = self
            .optional_text(name)?
            .ok_or_else(|| TableError::column(self.file, name, K::MissingColumn))?;
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| v.ok_or_else(|| TableError::at(self.file, i, name, K::MissingValue)))
            .collect()
    }

    /// A text column that may be absent; nulls allowed.
    fn optional_text(&self, name: &str) -> Result<Option<Vec<Option<&'a str>>>, TableError> {
        let Some(ix) = self.batch.schema_ref().index_of(name).ok() else {
            return Ok(None);
        };
        let array = self.batch.column(ix);
        if matches!(array.data_type(), DataType::Null) {
            return Ok(Some(vec![None; array.len()]));
        }
        if !columns::is_text_type(array.data_type()) {
            return Err(self.wrong_type(name, array.data_type(), "text (Utf8)"));
        }
        Ok(Some(columns::texts(array.as_ref())))
    }

    fn wrong_type(&self, column: &str, found: &DataType, expected: &str) -> TableError {
        TableError::column(
            self.file,
            column,
            K::WrongType {
                found: found.to_string(),
                expected: expected.to_owned(),
            },
        )
    }

    /// Every column not in `skip`, as JSON values per row: the attributes. Listed attributes
    /// are checked against their type.
    fn attributes(
        &self,
        skip: &[&str],
        listed: &[(&str, ColumnType)],
    ) -> Result<Vec<Attribute>, TableError> {
        let schema = self.batch.schema_ref();
        let mut out = Vec::new();
        for (field, array) in schema.fields().iter().zip(self.batch.columns()) {
            let name = field.name();
            if skip.contains(&name.as_str()) {
                continue;
            }
            let listed_type = columns::listed_type(listed, name);
            if let Some(t) = listed_type
                && !t.accepts(field.data_type())
            {
                return Err(self.wrong_type(name, field.data_type(), t.describe()));
            }
            let integer = matches!(listed_type, Some(ColumnType::Small | ColumnType::Int));
            let values = columns::decode(field, array.as_ref(), integer).map_err(|e| match e {
                DecodeError::Type => {
                    self.wrong_type(name, field.data_type(), "text, a number or a Boolean")
                }
                DecodeError::Json { row, message } => TableError::at(
                    self.file,
                    row,
                    name,
                    K::BadValue(format!("not JSON: {message}")),
                ),
            })?;
            out.push((name.clone(), values));
        }
        Ok(out)
    }
}

/// The attributes of row `i` as a serde object, with `kind` first.
fn row_object(
    kind: &str,
    attributes: &[(String, Vec<Option<Value>>)],
    i: usize,
) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("kind".to_owned(), Value::String(kind.to_owned()));
    for (name, values) in attributes {
        if let Some(Some(v)) = values.get(i) {
            map.insert(name.clone(), v.clone());
        }
    }
    map
}

/// Deserialises row `i`'s object into `T`, naming the column at fault: the field serde says is
/// missing, the first column without which the error changes, or an attribute `T` would drop.
fn from_row<T>(
    file: &str,
    i: usize,
    object: Map<String, Value>,
    what: &str,
) -> Result<T, TableError>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let parse = |m: &Map<String, Value>| serde_json::from_value::<T>(Value::Object(m.clone()));
    let first = parse(&object);
    // A list or map as JSON text in a column that lost its JSON marker (pandas drops field
    // metadata): read the text as JSON when that is what makes the row valid.
    let (value, object) = match first {
        Ok(value) => (value, object),
        Err(e) => match json_texts_parsed(&object).and_then(|o| parse(&o).ok().map(|v| (v, o))) {
            Some(pair) => pair,
            None => return Err(blame(file, i, &object, &e.to_string(), parse)),
        },
    };
    let kept =
        attributes_of(&value).map_err(|e| TableError::at(file, i, "kind", K::BadValue(e)))?;
    let mut input = object;
    input.remove("kind");
    if let Some(dropped) = columns::dropped_keys(&input, &kept).first() {
        return Err(TableError::at(
            file,
            i,
            dropped,
            K::BadValue(format!(
                "{what} has no attribute `{dropped}`; the value would be lost"
            )),
        ));
    }
    Ok(value)
}

/// `object` with every text value that is a JSON list or map parsed; `None` when there is none.
fn json_texts_parsed(object: &Map<String, Value>) -> Option<Map<String, Value>> {
    let mut changed = false;
    let parsed = object
        .iter()
        .map(|(k, v)| {
            let parsed = v
                .as_str()
                .filter(|s| s.starts_with('[') || s.starts_with('{'))
                .and_then(|s| serde_json::from_str::<Value>(s).ok());
            changed |= parsed.is_some();
            (k.clone(), parsed.unwrap_or_else(|| v.clone()))
        })
        .collect();
    changed.then_some(parsed)
}

/// The error for a row serde refused, at the column to blame: the field serde says is missing,
/// else the first column without which the error changes (the row's `kind` when none does).
fn blame<T>(
    file: &str,
    i: usize,
    object: &Map<String, Value>,
    message: &str,
    parse: impl Fn(&Map<String, Value>) -> Result<T, serde_json::Error>,
) -> TableError {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return TableError::at(file, i, field, K::MissingValue);
    }
    let blamed = object.keys().filter(|k| *k != "kind").find(|k| {
        let mut without = object.clone();
        without.remove(*k);
        parse(&without).map_err(|e| e.to_string()).err().as_deref() != Some(message)
    });
    let column = blamed.map_or("kind", String::as_str);
    TableError::at(file, i, column, K::BadValue(message.to_owned()))
}

/// Rebuilds the ontology from its tables, validated by the [`OntologyBuilder`].
///
/// Columns are found by name, in any order; `uri` is optional (when present, it must be what the
/// manifest's prefixes make of the id); any column besides the fixed ones is an attribute, and an
/// attribute the concept's or relation's kind does not have is an error, not dropped. Numbers
/// are read across widths, text as `Utf8`, `LargeUtf8` or `Utf8View`.
///
/// # Errors
/// [`ReadError::Table`] naming the file, row and column of the first malformed value (a missing
/// column, a wrong type, an unknown kind, an id that names no concept, ...);
/// [`ReadError::Invalid`] with every diagnostic of the builder otherwise.
pub fn from_tables(tables: &Tables) -> Result<Built, ReadError> {
    let manifest = read_manifest(tables)?;
    let languages: HashSet<&str> = manifest.languages.iter().map(String::as_str).collect();

    let concepts = Reader::new(tables, Table::Concepts)?;
    let file = concepts.file;
    let ids = concepts.required_text("id")?;
    let kinds = concepts.required_text("kind")?;
    let uris = concepts.optional_text("uri")?;
    let attributes = concepts.attributes(&["id", "uri", "kind"], CONCEPT_ATTRIBUTES)?;
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    let mut nodes: Vec<Concept> = Vec::with_capacity(ids.len());
    for i in 0..concepts.rows() {
        let kind: ConceptKind = kinds[i]
            .parse()
            .map_err(|e: vaardig_core::UnknownVariant| {
                TableError::at(file, i, "kind", K::BadValue(e.to_string()))
            })?;
        let row: ConceptRow = from_row(
            file,
            i,
            row_object(kind.as_str(), &attributes, i),
            kind.as_str(),
        )?;
        // Duplicates are the builder's to report (with both rows); the first row keeps the id.
        index.entry(ids[i]).or_insert(i);
        let mut concept = Concept::new(ids[i], Labels::default(), row.data);
        concept.status = row.status;
        concept.replaced_by = row.replaced_by;
        concept.codes = row.codes;
        concept.notes = row.notes;
        concept.matches = row.matches;
        nodes.push(concept);
    }

    let labels = Reader::new(tables, Table::Labels)?;
    read_labels(&labels, &index, &languages, &mut nodes)?;

    let mut builder = OntologyBuilder::new(manifest);
    for (i, concept) in nodes.into_iter().enumerate() {
        builder.add_concept_at(concept, Location::line(file, i as u64 + 1));
    }

    let relations = Reader::new(tables, Table::Relations)?;
    let rfile = relations.file;
    let from = relations.required_text("from")?;
    let to = relations.required_text("to")?;
    let rkinds = relations.required_text("kind")?;
    let attributes = relations.attributes(&["from", "to", "kind"], RELATION_ATTRIBUTES)?;
    for i in 0..relations.rows() {
        for (column, id) in [("from", from[i]), ("to", to[i])] {
            if !index.contains_key(id) {
                return Err(
                    TableError::at(rfile, i, column, K::UnknownConcept(id.to_owned())).into(),
                );
            }
        }
        let kind: RelationKind = rkinds[i]
            .parse()
            .map_err(|e: vaardig_core::UnknownVariant| {
                TableError::at(rfile, i, "kind", K::BadValue(e.to_string()))
            })?;
        let relation: Relation = from_row(
            rfile,
            i,
            row_object(kind.as_str(), &attributes, i),
            kind.as_str(),
        )?;
        builder.add_relation_at(
            from[i],
            to[i],
            relation,
            Location::line(rfile, i as u64 + 1),
        );
    }

    let built = builder.build()?;
    if let Some(uris) = uris {
        for (i, uri) in uris.iter().enumerate() {
            let expected = built
                .ontology
                .index_of(ids[i])
                .and_then(|ix| built.ontology.uri_of(ix));
            if expected.as_deref() != *uri {
                return Err(TableError::at(
                    file,
                    i,
                    "uri",
                    K::BadValue(format!(
                        "`{}` is not the URI of `{}` under the manifest's prefixes ({})",
                        uri.unwrap_or("null"),
                        ids[i],
                        expected.as_deref().unwrap_or("none")
                    )),
                )
                .into());
            }
        }
    }
    Ok(built)
}

fn read_manifest(tables: &Tables) -> Result<Manifest, TableError> {
    let reader = Reader::new(tables, Table::Manifest)?;
    if reader.rows() != 1 {
        return Err(TableError::new(
            reader.file,
            K::BadValue(format!("has {} rows, expected one", reader.rows())),
        ));
    }
    let attributes = reader.attributes(&[], &[])?;
    let mut map = Map::new();
    for (name, mut values) in attributes {
        if let Some(Some(v)) = values.pop() {
            map.insert(name, v);
        }
    }
    let manifest: Manifest = from_row(reader.file, 0, map, "the manifest")?;
    manifest
        .check()
        .map_err(|m| TableError::in_row(reader.file, 0, K::BadValue(m)))?;
    Ok(manifest)
}

fn read_labels(
    reader: &Reader<'_>,
    index: &HashMap<&str, usize>,
    languages: &HashSet<&str>,
    nodes: &mut [Concept],
) -> Result<(), TableError> {
    let file = reader.file;
    let concept = reader.required_text("concept")?;
    let language = reader.required_text("language")?;
    let role = reader.required_text("role")?;
    let text = reader.required_text("text")?;
    let position: Vec<u64> = match reader.column("position") {
        None => return Err(TableError::column(file, "position", K::MissingColumn)),
        Some((field, array)) => {
            if !columns::is_number_type(field.data_type()) {
                return Err(reader.wrong_type(
                    "position",
                    field.data_type(),
                    "a whole number (UInt32)",
                ));
            }
            let values = columns::decode(field, array.as_ref(), true).map_err(|_| {
                reader.wrong_type("position", field.data_type(), "a whole number (UInt32)")
            })?;
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| match v {
                    None => Err(TableError::at(file, i, "position", K::MissingValue)),
                    Some(v) => v.as_u64().ok_or_else(|| {
                        TableError::at(
                            file,
                            i,
                            "position",
                            K::BadValue(format!("`{v}` is not a whole number ≥ 0")),
                        )
                    }),
                })
                .collect::<Result<_, _>>()?
        }
    };
    // Synonyms are collected with their positions and put in order at the end.
    let mut alts: HashMap<(usize, &str), Vec<(u64, usize)>> = HashMap::new();
    for i in 0..reader.rows() {
        let Some(&node) = index.get(concept[i]) else {
            return Err(TableError::at(
                file,
                i,
                "concept",
                K::UnknownConcept(concept[i].to_owned()),
            ));
        };
        let lang = language[i];
        if !languages.contains(lang) {
            return Err(TableError::at(
                file,
                i,
                "language",
                K::BadValue(format!("`{lang}` is not one of the manifest's languages")),
            ));
        }
        if text[i].len() > vaardig_core::io::MAX_FIELD_BYTES {
            return Err(TableError::at(
                file,
                i,
                "text",
                K::TooLarge {
                    what: format!("a label of {} bytes", text[i].len()),
                    limit: vaardig_core::io::MAX_FIELD_BYTES as u64,
                },
            ));
        }
        let labels = &mut nodes[node].labels;
        let single = match role[i] {
            "pref" => Some(&mut labels.pref),
            "definition" => Some(&mut labels.definition),
            "alt" => None,
            other => {
                return Err(TableError::at(
                    file,
                    i,
                    "role",
                    K::BadValue(format!(
                        "unknown label role `{other}` (expected one of: pref, alt, definition)"
                    )),
                ));
            }
        };
        match single {
            Some(map) => {
                if position[i] != 0 {
                    return Err(TableError::at(
                        file,
                        i,
                        "position",
                        K::BadValue(format!(
                            "a `{}` label is at position 0, not {}",
                            role[i], position[i]
                        )),
                    ));
                }
                if map.insert(lang.to_owned(), text[i].to_owned()).is_some() {
                    return Err(TableError::at(
                        file,
                        i,
                        "role",
                        K::BadValue(format!(
                            "a second `{}` label in `{lang}` for `{}`",
                            role[i], concept[i]
                        )),
                    ));
                }
            }
            None => alts.entry((node, lang)).or_default().push((position[i], i)),
        }
    }
    let mut alts: Vec<_> = alts.into_iter().collect();
    alts.sort_unstable_by_key(|((node, lang), _)| (*node, *lang));
    for ((node, lang), mut list) in alts {
        list.sort_unstable();
        if let Some(w) = list.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(TableError::at(
                file,
                w[1].1,
                "position",
                K::BadValue(format!(
                    "a second synonym at position {} in `{lang}`",
                    w[1].0
                )),
            ));
        }
        nodes[node].labels.alt.insert(
            lang.to_owned(),
            list.into_iter().map(|(_, i)| text[i].to_owned()).collect(),
        );
    }
    Ok(())
}
