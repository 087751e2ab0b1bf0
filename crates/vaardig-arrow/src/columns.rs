//! Attribute columns, derived from the serde shape of the core types.
//!
//! A concept's attributes are whatever [`ConceptData`](vaardig_core::ConceptData) serialises
//! besides its `kind` tag, plus the fields every concept may have (`status`, `replaced_by`,
//! `codes`, `notes`, `matches`); a relation's, whatever [`Relation`](vaardig_core::Relation) serialises
//! besides `kind`. Each attribute becomes one nullable column:
//!
//! - the attributes listed in [`CONCEPT_ATTRIBUTES`] and [`RELATION_ATTRIBUTES`] always get their
//!   column, with the Arrow type given there, whether or not any row has a value (so every
//!   export has the same schema);
//! - any other attribute the data has (a field added to the core types and not yet listed) gets
//!   a column too, after the listed ones and sorted by name, with a type inferred from its values;
//!   nothing is dropped. Adding a field to the core types therefore needs no change here, and one
//!   line in a list to give it a fixed place and type.
//!
//! Values that fit no plain Arrow type (lists, maps, or a column whose values disagree) are
//! stored as JSON text in a `Utf8` column whose field metadata says so ([`JSON_ENCODING`]).
//! Reading turns every column back into JSON values and lets serde rebuild the core types, so
//! reading needs no list at all.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, StringBuilder, UInt8Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::{DataType, Field};
use serde_json::{Map, Number, Value};

/// The field-metadata key that marks a `Utf8` column holding JSON text, and its value.
pub const JSON_ENCODING: (&str, &str) = ("vaardig.encoding", "json");

/// The Arrow type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// `Utf8`.
    Text,
    /// `Boolean`.
    Bool,
    /// `UInt8` (NLQF and proficiency levels).
    Small,
    /// `Int64`.
    Int,
    /// `Float64` (hours, euros).
    Float,
    /// `Utf8` holding JSON text, marked with [`JSON_ENCODING`].
    Json,
}

/// The concept attributes with a fixed column, in column order. Attributes not listed here
/// still get a column (see the module docs).
pub const CONCEPT_ATTRIBUTES: &[(&str, ColumnType)] = &[
    ("skill_type", ColumnType::Text),
    ("isco", ColumnType::Text),
    ("min_nlqf", ColumnType::Small),
    ("qualification_type", ColumnType::Text),
    ("code_system", ColumnType::Text),
    ("code", ColumnType::Text),
    ("nlqf", ColumnType::Small),
    ("offer_type", ColumnType::Text),
    ("provider", ColumnType::Text),
    ("provider_type", ColumnType::Text),
    ("hours", ColumnType::Float),
    ("cost_eur", ColumnType::Float),
    ("shortage", ColumnType::Bool),
    ("status", ColumnType::Text),
    ("replaced_by", ColumnType::Text),
    ("codes", ColumnType::Json),
    ("notes", ColumnType::Json),
    ("matches", ColumnType::Json),
];

/// The relation attributes with a fixed column, in column order. Attributes not listed here
/// still get a column (see the module docs).
pub const RELATION_ATTRIBUTES: &[(&str, ColumnType)] = &[
    ("importance", ColumnType::Text),
    ("level", ColumnType::Small),
    ("weight", ColumnType::Json),
    ("source_level", ColumnType::Json),
    ("tier", ColumnType::Text),
    ("rank", ColumnType::Int),
];

impl ColumnType {
    /// The Arrow data type of the column.
    pub fn data_type(self) -> DataType {
        match self {
            ColumnType::Text | ColumnType::Json => DataType::Utf8,
            ColumnType::Bool => DataType::Boolean,
            ColumnType::Small => DataType::UInt8,
            ColumnType::Int => DataType::Int64,
            ColumnType::Float => DataType::Float64,
        }
    }

    /// Whether `value` can be stored in a column of this type as it is.
    fn fits(self, value: &Value) -> bool {
        match self {
            ColumnType::Text => value.is_string(),
            ColumnType::Bool => value.is_boolean(),
            ColumnType::Small => value.as_u64().is_some_and(|n| n <= u64::from(u8::MAX)),
            ColumnType::Int => value.is_i64(),
            ColumnType::Float => value.is_number(),
            ColumnType::Json => true,
        }
    }

    /// The type of a column not listed: the plainest type all its values fit.
    fn infer<'a>(values: impl Iterator<Item = &'a Value> + Clone) -> ColumnType {
        [
            ColumnType::Text,
            ColumnType::Bool,
            ColumnType::Int,
            ColumnType::Float,
        ]
        .into_iter()
        .find(|t| values.clone().all(|v| t.fits(v)))
        .unwrap_or(ColumnType::Json)
    }

    /// Whether a column of Arrow type `found` can be read as this type. Numbers are read across
    /// widths (a level written as `Int64` or, by pandas with gaps, as `Float64` is fine).
    pub fn accepts(self, found: &DataType) -> bool {
        let fits = match self {
            ColumnType::Text | ColumnType::Json => is_text(found),
            ColumnType::Bool => matches!(found, DataType::Boolean),
            ColumnType::Small | ColumnType::Int | ColumnType::Float => is_number(found),
        };
        fits || matches!(found, DataType::Null)
    }

    /// A name for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            ColumnType::Text => "text (Utf8)",
            ColumnType::Bool => "Boolean",
            ColumnType::Small => "a whole number (UInt8)",
            ColumnType::Int => "a whole number (Int64)",
            ColumnType::Float => "a number (Float64)",
            ColumnType::Json => "JSON text (Utf8)",
        }
    }
}

fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

fn is_number(t: &DataType) -> bool {
    t.is_integer() || matches!(t, DataType::Float32 | DataType::Float64)
}

/// One attribute column: its name, type, and one value per row.
pub(crate) struct Column {
    /// The column name (the serde field name).
    pub(crate) name: String,
    /// Its type.
    pub(crate) column_type: ColumnType,
    /// One value per row (`None` for null).
    pub(crate) values: Vec<Option<Value>>,
}

impl Column {
    /// The Arrow field of this column.
    pub(crate) fn field(&self) -> Field {
        let field = Field::new(&self.name, self.column_type.data_type(), true);
        if self.column_type == ColumnType::Json {
            field.with_metadata(HashMap::from([(
                JSON_ENCODING.0.to_owned(),
                JSON_ENCODING.1.to_owned(),
            )]))
        } else {
            field
        }
    }

    /// The Arrow array of this column.
    pub(crate) fn array(&self) -> ArrayRef {
        let values = self.values.iter().map(Option::as_ref);
        match self.column_type {
            ColumnType::Text => {
                let mut b = StringBuilder::new();
                values.for_each(|v| b.append_option(v.and_then(Value::as_str)));
                Arc::new(b.finish())
            }
            ColumnType::Json => {
                let mut b = StringBuilder::new();
                values.for_each(|v| b.append_option(v.map(Value::to_string)));
                Arc::new(b.finish())
            }
            ColumnType::Bool => {
                let mut b = BooleanBuilder::new();
                values.for_each(|v| b.append_option(v.and_then(Value::as_bool)));
                Arc::new(b.finish())
            }
            ColumnType::Small => {
                let mut b = UInt8Builder::new();
                values.for_each(|v| {
                    b.append_option(v.and_then(Value::as_u64).and_then(|n| u8::try_from(n).ok()))
                });
                Arc::new(b.finish())
            }
            ColumnType::Int => {
                let mut b = Int64Builder::new();
                values.for_each(|v| b.append_option(v.and_then(Value::as_i64)));
                Arc::new(b.finish())
            }
            ColumnType::Float => {
                let mut b = Float64Builder::new();
                values.for_each(|v| b.append_option(v.and_then(Value::as_f64)));
                Arc::new(b.finish())
            }
        }
    }
}

/// The attribute columns of `rows` (each row's serde object without its `kind`): the `listed`
/// ones first, in their order, then every other key found, by name. A listed column whose
/// values do not fit its type (the core type changed) is written as JSON rather than mangled.
pub(crate) fn attribute_columns(
    listed: &[(&str, ColumnType)],
    rows: &[Map<String, Value>],
) -> Vec<Column> {
    let mut names: Vec<(String, Option<ColumnType>)> = listed
        .iter()
        .map(|(n, t)| ((*n).to_owned(), Some(*t)))
        .collect();
    let extra: std::collections::BTreeSet<&String> = rows
        .iter()
        .flat_map(Map::keys)
        .filter(|k| !listed.iter().any(|(n, _)| n == k))
        .collect();
    names.extend(extra.into_iter().map(|k| (k.clone(), None)));
    names
        .into_iter()
        .map(|(name, listed_type)| {
            let values: Vec<Option<Value>> = rows.iter().map(|r| r.get(&name).cloned()).collect();
            let present = values.iter().flatten();
            let column_type = match listed_type {
                Some(t) if present.clone().all(|v| t.fits(v)) => t,
                Some(_) => ColumnType::Json,
                None => ColumnType::infer(present),
            };
            Column {
                name,
                column_type,
                values,
            }
        })
        .collect()
}

/// The serde object of `value` without its `kind` tag (empty for a unit variant).
pub(crate) fn attributes_of<T: serde::Serialize>(value: &T) -> Result<Map<String, Value>, String> {
    match serde_json::to_value(value).map_err(|e| e.to_string())? {
        Value::Object(mut map) => {
            map.remove("kind");
            Ok(map)
        }
        other => Err(format!("expected an object, serialised {other}")),
    }
}

/// Why a column could not be read as JSON values.
#[derive(Debug)]
pub(crate) enum DecodeError {
    /// The Arrow type is not one an attribute can have.
    Type,
    /// Row `row` (0-based) of a JSON column is not JSON.
    Json {
        /// The 0-based row.
        row: usize,
        /// The parser's message.
        message: String,
    },
}

/// Reads one column as JSON values, one per row (`None` for null). `integer` says the column
/// holds whole numbers: floats with no fraction are then read as integers (pandas writes a
/// nullable integer column as `Float64`). A float NaN is null.
pub(crate) fn decode(
    field: &Field,
    array: &dyn Array,
    integer: bool,
) -> Result<Vec<Option<Value>>, DecodeError> {
    let n = array.len();
    let json = field
        .metadata()
        .get(JSON_ENCODING.0)
        .is_some_and(|v| v == JSON_ENCODING.1);
    let mut out = Vec::with_capacity(n);
    macro_rules! ints {
        ($t:ty) => {{
            let a = array.as_primitive::<$t>();
            for i in 0..n {
                out.push(a.is_valid(i).then(|| Value::from(a.value(i))));
            }
        }};
    }
    macro_rules! floats {
        ($t:ty) => {{
            let a = array.as_primitive::<$t>();
            for i in 0..n {
                let v = f64::from(a.value(i));
                out.push(if a.is_null(i) || v.is_nan() {
                    None
                } else if integer && v.fract() == 0.0 && v.abs() < 9.0e15 {
                    // Exact: |v| < 2^53, no fraction.
                    #[allow(clippy::cast_possible_truncation)]
                    Some(Value::from(v as i64))
                } else {
                    Number::from_f64(v).map(Value::Number)
                });
            }
        }};
    }
    match field.data_type() {
        DataType::Null => out.resize(n, None),
        DataType::Boolean => {
            let a = array.as_boolean();
            for i in 0..n {
                out.push(a.is_valid(i).then(|| Value::Bool(a.value(i))));
            }
        }
        DataType::Int8 => ints!(Int8Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::Int32 => ints!(Int32Type),
        DataType::Int64 => ints!(Int64Type),
        DataType::UInt8 => ints!(UInt8Type),
        DataType::UInt16 => ints!(UInt16Type),
        DataType::UInt32 => ints!(UInt32Type),
        DataType::UInt64 => ints!(UInt64Type),
        DataType::Float32 => floats!(Float32Type),
        DataType::Float64 => floats!(Float64Type),
        t if is_text(t) => {
            for (row, text) in texts(array).into_iter().enumerate() {
                out.push(match text {
                    None => None,
                    Some(s) if json => {
                        Some(serde_json::from_str(s).map_err(|e| DecodeError::Json {
                            row,
                            message: e.to_string(),
                        })?)
                    }
                    Some(s) => Some(Value::String(s.to_owned())),
                });
            }
        }
        _ => return Err(DecodeError::Type),
    }
    Ok(out)
}

/// The values of a text column (`Utf8`, `LargeUtf8` or `Utf8View`), `None` for null; empty for
/// any other type (check the type first).
pub(crate) fn texts(array: &dyn Array) -> Vec<Option<&str>> {
    if let Some(a) = array.as_string_opt::<i32>() {
        a.iter().collect()
    } else if let Some(a) = array.as_string_opt::<i64>() {
        a.iter().collect()
    } else if let Some(a) = array.as_string_view_opt() {
        a.iter().collect()
    } else {
        Vec::new()
    }
}

/// Whether an Arrow type is a text type this crate reads.
pub(crate) fn is_text_type(t: &DataType) -> bool {
    is_text(t)
}

/// Whether an Arrow type is a number type this crate reads.
pub(crate) fn is_number_type(t: &DataType) -> bool {
    is_number(t)
}

/// The listed type of attribute `name`, if it is listed.
pub(crate) fn listed_type(listed: &[(&str, ColumnType)], name: &str) -> Option<ColumnType> {
    listed.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Keys of `input` that serde did not keep in `kept` (attributes the kind does not have), except
/// those whose value says nothing (`false`, `""`, `[]`, `{}`): serde skips such defaults when
/// writing (`illustrative_codes = false`), and pandas fills a Boolean column without gaps.
pub(crate) fn dropped_keys<'a>(
    input: &'a Map<String, Value>,
    kept: &Map<String, Value>,
) -> Vec<&'a str> {
    let empty = |v: &Value| match v {
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null | Value::Number(_) => false,
    };
    input
        .iter()
        .filter(|(k, v)| !kept.contains_key(*k) && !empty(v))
        .map(|(k, _)| k.as_str())
        .collect()
}

/// Every key of several maps, in order (for tests).
#[cfg(test)]
pub(crate) fn keys(rows: &[Map<String, Value>]) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for k in rows.iter().flat_map(Map::keys) {
        *out.entry(k.clone()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn unlisted_attributes_get_a_column_with_an_inferred_type() {
        let rows = vec![
            obj(json!({"isco": "2221", "min_nlqf": 4, "tags": ["a"]})),
            obj(json!({"flag": true})),
        ];
        let cols = attribute_columns(&[("isco", ColumnType::Text)], &rows);
        let got: Vec<(&str, ColumnType)> = cols
            .iter()
            .map(|c| (c.name.as_str(), c.column_type))
            .collect();
        assert_eq!(
            got,
            [
                ("isco", ColumnType::Text),
                ("flag", ColumnType::Bool),
                ("min_nlqf", ColumnType::Int),
                ("tags", ColumnType::Json),
            ]
        );
        assert_eq!(keys(&rows).len(), 4);
    }

    #[test]
    fn a_listed_column_whose_values_do_not_fit_is_json() {
        let rows = vec![obj(json!({"level": 300}))];
        let cols = attribute_columns(&[("level", ColumnType::Small)], &rows);
        assert_eq!(cols[0].column_type, ColumnType::Json);
    }

    #[test]
    fn columns_decode_to_the_values_they_were_made_of() -> Result<(), String> {
        let rows = vec![
            obj(json!({"a": "x", "b": 1.5, "c": 3, "d": false, "e": {"k": [1]}})),
            obj(json!({})),
        ];
        let listed = [("c", ColumnType::Small)];
        for col in attribute_columns(&listed, &rows) {
            let integer = col.column_type == ColumnType::Small;
            let back = decode(&col.field(), col.array().as_ref(), integer)
                .map_err(|e| format!("{e:?}"))?;
            assert_eq!(back, col.values, "{}", col.name);
        }
        Ok(())
    }

    #[test]
    fn integral_floats_read_as_integers_in_integer_columns() -> Result<(), String> {
        let array = arrow_array::Float64Array::from(vec![Some(4.0), None, Some(f64::NAN)]);
        let field = Field::new("nlqf", DataType::Float64, true);
        let back = decode(&field, &array, true).map_err(|e| format!("{e:?}"))?;
        assert_eq!(back, [Some(json!(4)), None, None]);
        Ok(())
    }
}
