//! Round trips (embedded, generated, ESCO when present) and every kind of bad input.

use std::sync::Arc;

use arrow_array::{
    Array, ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray, UInt8Array,
};
use arrow_schema::{DataType, Field, Schema};
use vaardig_core::{Ontology, OntologyBuilder, OutputPolicy};

use crate::{ReadError, Table, TableError, TableErrorKind, Tables, from_tables, to_tables};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("vaardig-arrow-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn json(ontology: &Ontology) -> Result<String> {
    Ok(serde_json::to_string_pretty(
        &vaardig_core::export::json_export(ontology),
    )?)
}

#[test]
fn the_embedded_ontology_round_trips_through_arrow_and_parquet() -> Result {
    let ontology = Ontology::embedded()?;
    let tables = to_tables(&ontology)?;
    assert_eq!(from_tables(&tables)?.ontology, ontology);

    let dir = temp_dir("embedded");
    crate::write_dir(&ontology, &dir)?;
    let mut files: Vec<String> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()?;
    files.sort();
    assert_eq!(
        files,
        [
            "concepts.parquet",
            "labels.parquet",
            "manifest.parquet",
            "relations.parquet"
        ]
    );
    let back = crate::load_dir(&dir)?.ontology;
    assert_eq!(back, ontology);
    assert_eq!(back.content_hash(), ontology.content_hash());
    assert_eq!(json(&back)?, json(&ontology)?);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn the_same_ontology_gives_the_same_bytes() -> Result {
    let ontology = Ontology::embedded()?;
    let tables = to_tables(&ontology)?;
    for table in Table::ALL {
        let a = crate::files::to_parquet(table, tables.get(table))?;
        let b = crate::files::to_parquet(table, to_tables(&ontology)?.get(table))?;
        assert_eq!(a, b, "{}", table.file());
    }
    Ok(())
}

#[test]
fn a_generated_ontology_with_every_kind_round_trips() -> Result {
    let ontology =
        vaardig_core::generate::generate(&vaardig_core::generate::GeneratorConfig::small())?
            .ontology;
    let back = from_tables(&to_tables(&ontology)?)?.ontology;
    assert_eq!(back, ontology);
    assert_eq!(json(&back)?, json(&ontology)?);
    Ok(())
}

/// An ontology with status, codes, notes, matches, source ratings and a related occupation.
fn annotated() -> Result<Ontology> {
    use vaardig_core::{
        Code, CodeSystem, Concept, ConceptData, Importance, Labels, Manifest, Match, MatchKind,
        Note, NoteKind, Rating, Relation, Scale, SkillType, Status, Tier,
    };
    let mut b = OntologyBuilder::new(Manifest::new("annotated", "1", &["en"]));
    let occupation = |id: &str| {
        Concept::new(
            id,
            Labels::with_pref([("en", id)]),
            ConceptData::occupation(Some("2512".into())),
        )
    };
    let mut dev = occupation("occ:dev");
    dev.codes = vec![
        Code::new(CodeSystem::OnetSoc, "15-1252.00"),
        Code::new(CodeSystem::OnetJobZone, "4"),
    ];
    dev.notes = vec![Note::new(
        NoteKind::ScopeNote,
        "en",
        "Not web work, \"quoted\".",
    )];
    dev.matches = vec![Match::new(MatchKind::Exact, "http://example.org/occ/dev")];
    b.add_concept(dev);
    let mut old = occupation("occ:old");
    old.status = Status::Archived;
    old.replaced_by = Some("occ:dev".into());
    b.add_concept(old);
    b.add_concept(Concept::new(
        "skill:excel",
        Labels::with_pref([("en", "spreadsheets")]),
        ConceptData::Skill {
            skill_type: SkillType::Technology,
        },
    ));
    b.add_relation(
        "occ:dev",
        "skill:excel",
        Relation::requires(Importance::Important, None).rated(
            Rating::new(Scale::OnetIm, 3.88),
            Rating::new(Scale::OnetLv, 4.5),
        ),
    );
    b.add_relation(
        "occ:dev",
        "occ:old",
        Relation::related_occupation(Some(Tier::Supplemental), Some(12)),
    );
    Ok(b.build()?.ontology)
}

#[test]
fn status_codes_notes_matches_and_ratings_round_trip() -> Result {
    let ontology = annotated()?;
    let tables = to_tables(&ontology)?;
    assert_eq!(from_tables(&tables)?.ontology, ontology);
    let dir = temp_dir("annotated");
    crate::write_dir(&ontology, &dir)?;
    let back = crate::load_dir(&dir)?.ontology;
    assert_eq!(back, ontology);
    assert_eq!(json(&back)?, json(&ontology)?);
    std::fs::remove_dir_all(&dir)?;
    // Every new field has its listed column.
    let names = |batch: &RecordBatch| -> Vec<String> {
        batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    };
    let concepts = names(&tables.concepts);
    for column in ["status", "replaced_by", "codes", "notes", "matches"] {
        assert!(
            concepts.iter().any(|c| c == column),
            "{column}: {concepts:?}"
        );
    }
    let relations = names(&tables.relations);
    for column in ["weight", "source_level", "tier", "rank"] {
        assert!(
            relations.iter().any(|c| c == column),
            "{column}: {relations:?}"
        );
    }
    Ok(())
}

#[test]
fn every_attribute_the_core_types_have_gets_a_listed_column() -> Result {
    // An attribute outside the lists still round-trips (as an inferred column), but should be
    // listed to get its fixed type and place: this fails when a field is added to the core
    // types and is present in the embedded or generated ontology but not yet listed.
    let generated =
        vaardig_core::generate::generate(&vaardig_core::generate::GeneratorConfig::small())?
            .ontology;
    for ontology in [Ontology::embedded()?, generated] {
        let tables = to_tables(&ontology)?;
        for (batch, listed, fixed) in [
            (&tables.concepts, crate::columns::CONCEPT_ATTRIBUTES, 3),
            (&tables.relations, crate::columns::RELATION_ATTRIBUTES, 3),
        ] {
            let names: Vec<&str> = batch
                .schema_ref()
                .fields()
                .iter()
                .skip(fixed)
                .map(|f| f.name().as_str())
                .collect();
            let listed: Vec<&str> = listed.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                names, listed,
                "add the new attribute to the list in columns.rs"
            );
        }
    }
    Ok(())
}

#[test]
fn uris_are_full_and_kinds_spelled_as_in_the_core() -> Result {
    let mut manifest = vaardig_core::Manifest::new("esco", "1", &["en"]);
    manifest
        .prefixes
        .insert("esco".into(), "http://data.europa.eu/esco/".into());
    let mut b = OntologyBuilder::new(manifest);
    for id in ["esco:skill/1", "local:2"] {
        b.add_concept(vaardig_core::Concept::new(
            id,
            vaardig_core::Labels::with_pref([("en", id)]),
            vaardig_core::ConceptData::Skill {
                skill_type: vaardig_core::SkillType::Knowledge,
            },
        ));
    }
    let ontology = b.build()?.ontology;
    let tables = to_tables(&ontology)?;
    let uri = tables.concepts.column_by_name("uri").ok_or("uri")?;
    let uri = uri.as_any().downcast_ref::<StringArray>().ok_or("text")?;
    assert_eq!(uri.value(0), "http://data.europa.eu/esco/skill/1");
    assert!(uri.is_null(1));
    assert_eq!(from_tables(&tables)?.ontology, ontology);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Bad input.

/// The embedded ontology's tables with one table's batch changed by `edit`.
fn edited(table: Table, edit: impl FnOnce(&RecordBatch) -> Result<RecordBatch>) -> Result<Tables> {
    let mut tables = to_tables(&Ontology::embedded()?)?;
    let slot = match table {
        Table::Manifest => &mut tables.manifest,
        Table::Concepts => &mut tables.concepts,
        Table::Labels => &mut tables.labels,
        Table::Relations => &mut tables.relations,
    };
    *slot = edit(slot)?;
    Ok(tables)
}

/// `batch` with column `name` replaced by `array` (and its field by `field`).
fn replace(batch: &RecordBatch, name: &str, field: Field, array: ArrayRef) -> Result<RecordBatch> {
    let ix = batch.schema_ref().index_of(name)?;
    let mut fields: Vec<Field> = batch
        .schema_ref()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    let mut columns = batch.columns().to_vec();
    fields[ix] = field;
    columns[ix] = array;
    Ok(RecordBatch::try_new(
        Arc::new(Schema::new_with_metadata(
            fields,
            batch.schema_ref().metadata().clone(),
        )),
        columns,
    )?)
}

/// A text column `name` with row `row` set to `value`.
fn set_text(
    batch: &RecordBatch,
    name: &str,
    row: usize,
    value: Option<&str>,
) -> Result<RecordBatch> {
    let old = batch.column_by_name(name).ok_or("column")?;
    let old = old.as_any().downcast_ref::<StringArray>().ok_or("text")?;
    let new: StringArray = (0..old.len())
        .map(|i| {
            if i == row {
                value
            } else {
                old.is_valid(i).then(|| old.value(i))
            }
        })
        .collect();
    replace(
        batch,
        name,
        Field::new(name, DataType::Utf8, true),
        Arc::new(new),
    )
}

fn table_error(tables: &Tables) -> Result<TableError> {
    match from_tables(tables) {
        Err(ReadError::Table(e)) => Ok(e),
        Err(other) => Err(format!("expected a table error, got {other}").into()),
        Ok(_) => Err("expected a table error, got an ontology".into()),
    }
}

fn check(e: &TableError, file: &str, row: Option<u64>, column: &str, message: &str) {
    assert_eq!(e.file(), file, "{e}");
    assert_eq!(e.row(), row, "{e}");
    assert_eq!(e.column_name(), Some(column), "{e}");
    assert!(e.to_string().contains(message), "{e}");
}

#[test]
fn a_missing_column_is_named() -> Result {
    let tables = edited(Table::Concepts, |b| {
        let mut b = b.clone();
        b.remove_column(b.schema_ref().index_of("kind")?);
        Ok(b)
    })?;
    let e = table_error(&tables)?;
    check(
        &e,
        "concepts.parquet",
        None,
        "kind",
        "the column is missing",
    );
    assert!(matches!(e.kind(), TableErrorKind::MissingColumn));
    Ok(())
}

#[test]
fn a_column_of_the_wrong_type_is_named() -> Result {
    let tables = edited(Table::Concepts, |b| {
        let n = b.num_rows();
        replace(
            b,
            "hours",
            Field::new("hours", DataType::Utf8, true),
            Arc::new(StringArray::from(vec![Some("40"); n])),
        )
    })?;
    let e = table_error(&tables)?;
    check(
        &e,
        "concepts.parquet",
        None,
        "hours",
        "the column is Utf8, expected a number",
    );
    let tables = edited(Table::Relations, |b| {
        let n = b.num_rows();
        replace(
            b,
            "from",
            Field::new("from", DataType::Int64, true),
            Arc::new(Int64Array::from(vec![1; n])),
        )
    })?;
    check(
        &table_error(&tables)?,
        "relations.parquet",
        None,
        "from",
        "expected text",
    );
    Ok(())
}

#[test]
fn an_unknown_kind_names_its_row() -> Result {
    let tables = edited(Table::Concepts, |b| set_text(b, "kind", 4, Some("robot")))?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(5),
        "kind",
        "unknown concept kind `robot`",
    );
    let tables = edited(Table::Relations, |b| set_text(b, "kind", 0, Some("likes")))?;
    check(
        &table_error(&tables)?,
        "relations.parquet",
        Some(1),
        "kind",
        "unknown relation kind `likes`",
    );
    Ok(())
}

#[test]
fn a_dangling_id_names_its_row_and_column() -> Result {
    let tables = edited(Table::Relations, |b| {
        set_text(b, "to", 2, Some("skill:nergens"))
    })?;
    let e = table_error(&tables)?;
    check(
        &e,
        "relations.parquet",
        Some(3),
        "to",
        "`skill:nergens` is not a concept",
    );
    assert!(matches!(e.kind(), TableErrorKind::UnknownConcept(id) if id == "skill:nergens"));
    let tables = edited(Table::Labels, |b| {
        set_text(b, "concept", 9, Some("occ:niemand"))
    })?;
    check(
        &table_error(&tables)?,
        "labels.parquet",
        Some(10),
        "concept",
        "`occ:niemand`",
    );
    Ok(())
}

#[test]
fn a_null_where_a_value_is_required_is_named() -> Result {
    let tables = edited(Table::Concepts, |b| set_text(b, "id", 0, None))?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(1),
        "id",
        "a value is required",
    );
    // A qualification without its type: the column serde says is missing.
    let ontology = Ontology::embedded()?;
    let row = ontology
        .iter()
        .position(|(_, c)| c.kind() == vaardig_core::ConceptKind::Qualification)
        .ok_or("a qualification")?;
    let tables = edited(Table::Concepts, |b| {
        set_text(b, "qualification_type", row, None)
    })?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(row as u64 + 1),
        "qualification_type",
        "required",
    );
    Ok(())
}

#[test]
fn a_bad_attribute_value_names_its_column() -> Result {
    let ontology = Ontology::embedded()?;
    let row = ontology
        .iter()
        .position(|(_, c)| c.kind() == vaardig_core::ConceptKind::Qualification)
        .ok_or("a qualification")?;
    // NLQF 12 is out of range.
    let tables = edited(Table::Concepts, |b| {
        let old = b.column_by_name("nlqf").ok_or("nlqf")?;
        let old = old.as_any().downcast_ref::<UInt8Array>().ok_or("u8")?;
        let new: UInt8Array = (0..old.len())
            .map(|i| {
                if i == row {
                    Some(12)
                } else {
                    old.is_valid(i).then(|| old.value(i))
                }
            })
            .collect();
        replace(
            b,
            "nlqf",
            Field::new("nlqf", DataType::UInt8, true),
            Arc::new(new),
        )
    })?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(row as u64 + 1),
        "nlqf",
        "NLQF level",
    );
    let tables = edited(Table::Concepts, |b| {
        set_text(b, "code_system", row, Some("isbn"))
    })?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(row as u64 + 1),
        "code_system",
        "isbn",
    );
    Ok(())
}

#[test]
fn an_attribute_the_kind_does_not_have_is_not_dropped() -> Result {
    // Row 0 of the embedded ontology is not a learning offer: hours there would be lost.
    let tables = edited(Table::Concepts, |b| {
        let n = b.num_rows();
        let old = b.column_by_name("hours").ok_or("hours")?;
        let old = old.as_any().downcast_ref::<Float64Array>().ok_or("f64")?;
        let new: Float64Array = (0..n)
            .map(|i| {
                if i == 0 {
                    Some(3.0)
                } else {
                    old.is_valid(i).then(|| old.value(i))
                }
            })
            .collect();
        replace(
            b,
            "hours",
            Field::new("hours", DataType::Float64, true),
            Arc::new(new),
        )
    })?;
    check(
        &table_error(&tables)?,
        "concepts.parquet",
        Some(1),
        "hours",
        "has no attribute `hours`",
    );
    // An unknown column is an attribute no kind has.
    let tables = edited(Table::Relations, |b| {
        let mut fields: Vec<Field> = b
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.as_ref().clone())
            .collect();
        let mut columns = b.columns().to_vec();
        fields.push(Field::new("strength", DataType::Float64, true));
        columns.push(Arc::new(Float64Array::from(vec![Some(0.5); b.num_rows()])));
        Ok(RecordBatch::try_new(
            Arc::new(Schema::new(fields)),
            columns,
        )?)
    })?;
    check(
        &table_error(&tables)?,
        "relations.parquet",
        Some(1),
        "strength",
        "no attribute `strength`",
    );
    Ok(())
}

#[test]
fn bad_labels_are_named() -> Result {
    let tables = edited(Table::Labels, |b| set_text(b, "role", 0, Some("hidden")))?;
    check(
        &table_error(&tables)?,
        "labels.parquet",
        Some(1),
        "role",
        "unknown label role `hidden`",
    );
    let tables = edited(Table::Labels, |b| set_text(b, "language", 0, Some("fr")))?;
    check(
        &table_error(&tables)?,
        "labels.parquet",
        Some(1),
        "language",
        "`fr` is not one of",
    );
    Ok(())
}

#[test]
fn a_bad_manifest_is_named() -> Result {
    let tables = edited(Table::Manifest, |b| {
        set_text(b, "release_date", 0, Some("gisteren"))
    })?;
    let e = table_error(&tables)?;
    assert_eq!(e.file(), "manifest.parquet");
    assert!(e.to_string().contains("release_date"), "{e}");
    let tables = edited(Table::Manifest, |b| {
        let mut b = b.clone();
        b.remove_column(b.schema_ref().index_of("name")?);
        Ok(b)
    })?;
    check(
        &table_error(&tables)?,
        "manifest.parquet",
        Some(1),
        "name",
        "required",
    );
    Ok(())
}

#[test]
fn an_invalid_ontology_is_the_builders_error_with_the_row() -> Result {
    // A `part_of` relation from whatever the first relation starts at (not a learning offer).
    let tables = edited(Table::Relations, |b| {
        set_text(b, "kind", 0, Some("part_of"))
    })?;
    match from_tables(&tables) {
        Err(ReadError::Invalid(e)) => {
            let text = e.to_string();
            assert!(text.contains("part_of"), "{text}");
            assert!(text.contains("relations.parquet:1"), "{text}");
        }
        other => return Err(format!("expected the builder's error, got {other:?}").into()),
    }
    Ok(())
}

#[test]
fn files_that_are_missing_or_not_parquet_are_named() -> Result {
    let dir = temp_dir("broken");
    crate::write_dir(&Ontology::embedded()?, &dir)?;
    std::fs::write(dir.join("labels.parquet"), b"not parquet at all")?;
    let e = match crate::load_dir(&dir) {
        Err(ReadError::Table(e)) => e,
        other => return Err(format!("expected a table error, got {other:?}").into()),
    };
    assert_eq!(e.file(), "labels.parquet");
    assert!(matches!(e.kind(), TableErrorKind::Parquet(_)), "{e}");
    std::fs::remove_file(dir.join("relations.parquet"))?;
    std::fs::remove_file(dir.join("labels.parquet"))?;
    let e = match crate::load_dir(&dir) {
        Err(ReadError::Table(e)) => e,
        other => return Err(format!("expected a table error, got {other:?}").into()),
    };
    assert_eq!(e.file(), "labels.parquet");
    assert!(matches!(e.kind(), TableErrorKind::Io(_)), "{e}");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn writing_is_atomic_and_needs_force_to_replace() -> Result {
    let ontology = Ontology::embedded()?;
    let dir = temp_dir("force");
    crate::write_dir(&ontology, &dir)?;
    let before = std::fs::read(dir.join("concepts.parquet"))?;
    assert!(
        crate::write_dir(&ontology, &dir).is_err(),
        "existing output needs force"
    );
    crate::write_dir_with(&ontology, &dir, &OutputPolicy::new().force(true))?;
    assert_eq!(std::fs::read(dir.join("concepts.parquet"))?, before);
    // A directory of other files is never replaced.
    let other = temp_dir("other");
    std::fs::create_dir_all(&other)?;
    std::fs::write(other.join("notes.txt"), b"mine")?;
    assert!(crate::write_dir_with(&ontology, &other, &OutputPolicy::new().force(true)).is_err());
    assert_eq!(std::fs::read(other.join("notes.txt"))?, b"mine");
    // A failure at any step leaves the old output as it was.
    let changed =
        vaardig_core::generate::generate(&vaardig_core::generate::GeneratorConfig::small())?
            .ontology;
    let mut steps = 0;
    while crate::write_dir_with(
        &changed,
        &dir,
        &OutputPolicy::new().force(true).fail_after(steps, false),
    )
    .is_err()
    {
        assert_eq!(
            std::fs::read(dir.join("concepts.parquet"))?,
            before,
            "after {steps} steps"
        );
        steps += 1;
        assert!(steps < 1_000, "the write never succeeds");
    }
    assert!(steps > 8, "every file is a step or more ({steps})");
    assert_eq!(crate::load_dir(&dir)?.ontology, changed);
    std::fs::remove_dir_all(&dir)?;
    std::fs::remove_dir_all(&other)?;
    Ok(())
}

#[test]
fn tables_written_by_others_with_wider_or_float_numbers_are_read() -> Result {
    // pandas writes a nullable integer column with gaps as Float64.
    let ontology = Ontology::embedded()?;
    let tables = edited(Table::Relations, |b| {
        let old = b.column_by_name("level").ok_or("level")?;
        let old = old.as_any().downcast_ref::<UInt8Array>().ok_or("u8")?;
        let new: Float64Array = (0..old.len())
            .map(|i| old.is_valid(i).then(|| f64::from(old.value(i))))
            .collect();
        replace(
            b,
            "level",
            Field::new("level", DataType::Float64, true),
            Arc::new(new),
        )
    })?;
    assert_eq!(from_tables(&tables)?.ontology, ontology);
    Ok(())
}

#[test]
#[cfg_attr(not(esco_data), ignore = "needs ESCO v1.1.1 in ../shared/data/esco")]
fn real_esco_round_trips() -> Result {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/esco");
    let imported = vaardig_import::import_esco(
        &[root.join("v1.1.1"), root.join("nl")],
        vaardig_import::ImportOptions::new().languages(["nl", "en"]),
    )?
    .build()?;
    let ontology = imported.ontology;
    let dir = temp_dir("esco");
    crate::write_dir(&ontology, &dir)?;
    let back = crate::load_dir(&dir)?.ontology;
    assert_eq!(back, ontology);
    assert_eq!(json(&back)?, json(&ontology)?);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// `batch` with a column added at the end.
fn add_column(batch: &RecordBatch, field: Field, array: ArrayRef) -> Result<RecordBatch> {
    let mut fields: Vec<Field> = batch
        .schema_ref()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    let mut columns = batch.columns().to_vec();
    fields.push(field);
    columns.push(array);
    Ok(RecordBatch::try_new(
        Arc::new(Schema::new_with_metadata(
            fields,
            batch.schema_ref().metadata().clone(),
        )),
        columns,
    )?)
}

#[test]
fn an_unknown_manifest_column_is_named_and_a_default_one_is_fine() -> Result {
    let tables = edited(Table::Manifest, |b| {
        add_column(
            b,
            Field::new("owner", DataType::Utf8, true),
            Arc::new(StringArray::from(vec!["uwv"])),
        )
    })?;
    check(
        &table_error(&tables)?,
        "manifest.parquet",
        Some(1),
        "owner",
        "unknown field `owner`",
    );
    // `illustrative_codes = false` is what an absent column means too.
    let tables = edited(Table::Manifest, |b| {
        let mut b = b.clone();
        if let Ok(ix) = b.schema_ref().index_of("illustrative_codes") {
            b.remove_column(ix);
        }
        add_column(
            &b,
            Field::new("illustrative_codes", DataType::Boolean, true),
            Arc::new(arrow_array::BooleanArray::from(vec![false])),
        )
    })?;
    assert!(!from_tables(&tables)?.ontology.manifest().illustrative_codes);
    Ok(())
}

#[test]
fn a_boolean_column_filled_with_false_loses_nothing() -> Result {
    // pandas writes a Boolean column without gaps: `false` for every concept that is no sector.
    let ontology = Ontology::embedded()?;
    let tables = edited(Table::Concepts, |b| {
        let old = b.column_by_name("shortage").ok_or("shortage")?;
        let old = old
            .as_any()
            .downcast_ref::<arrow_array::BooleanArray>()
            .ok_or("bool")?;
        let new: arrow_array::BooleanArray = (0..old.len())
            .map(|i| Some(old.is_valid(i) && old.value(i)))
            .collect();
        replace(
            b,
            "shortage",
            Field::new("shortage", DataType::Boolean, false),
            Arc::new(new),
        )
    })?;
    assert_eq!(from_tables(&tables)?.ontology, ontology);
    Ok(())
}

#[test]
fn json_text_that_lost_its_marker_is_still_read() -> Result {
    // pandas drops field metadata: `languages` comes back as plain text holding JSON.
    let ontology = Ontology::embedded()?;
    let tables = edited(Table::Manifest, |b| {
        let ix = b.schema_ref().index_of("languages")?;
        let column = b.column(ix).clone();
        replace(
            b,
            "languages",
            Field::new("languages", DataType::Utf8, true),
            column,
        )
    })?;
    assert!(
        tables
            .manifest
            .schema_ref()
            .field_with_name("languages")?
            .metadata()
            .is_empty()
    );
    assert_eq!(from_tables(&tables)?.ontology, ontology);
    Ok(())
}

#[test]
fn a_codec_this_build_leaves_out_is_named_before_reading() -> Result {
    // Written by pyarrow with `compression="zstd"` (Polars' default).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zstd.parquet");
    let e = crate::files::read_parquet(&path, Table::Manifest)
        .err()
        .ok_or("refused")?;
    check(
        &e,
        "manifest.parquet",
        None,
        "name",
        "compressed with ZSTD, which this build does not read",
    );
    assert!(matches!(e.kind(), TableErrorKind::Unsupported(_)));
    Ok(())
}

#[test]
fn corrupt_files_are_errors_not_panics() -> Result {
    let ontology = Ontology::embedded()?;
    let tables = to_tables(&ontology)?;
    let dir = temp_dir("corrupt");
    std::fs::create_dir_all(&dir)?;
    let mut outcomes = [0usize; 2];
    for table in Table::ALL {
        let good = crate::files::to_parquet(table, tables.get(table))?;
        let path = dir.join(table.file());
        // Flip bytes all over the file (the footer most densely), and cut it short.
        let len = good.len();
        let positions: Vec<usize> = (0..len)
            .step_by((len / 100).max(1))
            .chain(len.saturating_sub(200)..len)
            .collect();
        for pos in positions {
            let mut bad = good.clone();
            bad[pos] ^= 0x5a;
            std::fs::write(&path, &bad)?;
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let batch = crate::files::read_parquet(&path, table).map_err(ReadError::from)?;
                let mut all = tables.clone();
                match table {
                    Table::Manifest => all.manifest = batch,
                    Table::Concepts => all.concepts = batch,
                    Table::Labels => all.labels = batch,
                    Table::Relations => all.relations = batch,
                }
                from_tables(&all).map(|_| ())
            }));
            let read =
                read.map_err(|_| format!("{} panicked with byte {pos} flipped", table.file()))?;
            outcomes[usize::from(read.is_err())] += 1;
        }
        std::fs::write(&path, &good[..len / 2])?;
        assert!(crate::files::read_parquet(&path, table).is_err());
    }
    assert!(outcomes[1] > 0, "some corruptions are caught: {outcomes:?}");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn a_table_error_is_a_diagnostic_with_its_place() -> Result {
    let tables = edited(Table::Relations, |b| {
        set_text(b, "to", 2, Some("skill:nergens"))
    })?;
    let e = from_tables(&tables).err().ok_or("refused")?;
    let d = e.into_diagnostics();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, vaardig_core::DiagnosticKind::DanglingReference);
    assert_eq!(d[0].location.file.as_deref(), Some("relations.parquet"));
    assert_eq!(d[0].location.line, Some(3));
    assert_eq!(d[0].location.column.as_deref(), Some("to"));
    Ok(())
}

#[test]
fn what_could_not_be_read_back_is_not_written() -> Result {
    let mut b = OntologyBuilder::new(vaardig_core::Manifest::new("t", "1", &["en"]));
    let long = "x".repeat(vaardig_core::io::MAX_FIELD_BYTES + 1);
    b.add_concept(vaardig_core::Concept::new(
        "skill:long",
        vaardig_core::Labels::with_pref([("en", long.as_str())]),
        vaardig_core::ConceptData::Skill {
            skill_type: vaardig_core::SkillType::Skill,
        },
    ));
    let ontology = b.build()?.ontology;
    let dir = temp_dir("too-large");
    let e = crate::write_dir(&ontology, &dir).err().ok_or("refused")?;
    assert!(e.to_string().contains("labels.parquet"), "{e}");
    assert!(e.to_string().contains("skill:long"), "{e}");
    assert!(!dir.exists(), "nothing written");
    Ok(())
}
