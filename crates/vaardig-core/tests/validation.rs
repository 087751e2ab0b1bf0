//! Every validation rule of the native format, each with a small broken fixture, plus the
//! properties of loading: write → load is identity, arbitrary bytes never panic.

use vaardig_core::io::{load, to_tables};
use vaardig_core::{DiagnosticKind, OntologyError, RelationKind, Severity};

const MANIFEST: &str = r#"name = "fixture"
version = "1"
release_date = "2026-01-01"
languages = ["nl", "en"]
licence = "CC0"
source = "tests"
"#;

const L: &str = "pref_label_nl,pref_label_en";

/// A small valid ontology as in-memory tables.
fn valid() -> Vec<(String, Vec<u8>)> {
    let files = [
        ("ontology.toml", MANIFEST.to_owned()),
        (
            "sectors.csv",
            format!("id,{L},shortage\nsector:zorg,zorg,care,true\n"),
        ),
        (
            "skills.csv",
            format!(
                "id,skill_type,{L},alt_labels_nl\n\
                 skill:zorg,skill,zorg verlenen,providing care,\n\
                 skill:wond,skill,wondverzorging,wound care,wondzorg|wonden verzorgen\n\
                 skill:til,skill,tillen,lifting,\n"
            ),
        ),
        (
            "knowledge_areas.csv",
            format!("id,{L}\nka:zorg,zorgkunde,care science\n"),
        ),
        (
            "occupations.csv",
            format!("id,{L},isco\nocc:vp,verpleegkundige,nurse,2221\n"),
        ),
        (
            "qualifications.csv",
            format!(
                "id,{L},qualification_type,code_system,code,nlqf\nqual:vp,mbo verpleegkundige,mbo nurse,mbo_diploma,crebo,25655,4\n"
            ),
        ),
        (
            "learning_offers.csv",
            format!(
                "id,{L},offer_type,provider,provider_type,hours,cost_eur,nlqf\noffer:wond,cursus wondzorg,wound care course,course,ROC,public,16,250,\n"
            ),
        ),
        (
            "broader.csv",
            "from,to\nskill:wond,skill:zorg\nskill:til,skill:zorg\nskill:zorg,ka:zorg\n".to_owned(),
        ),
        (
            "requires.csv",
            "from,to,importance,level\nocc:vp,skill:wond,essential,3\nocc:vp,skill:til,optional,\n"
                .to_owned(),
        ),
        (
            "covers.csv",
            "from,to,level\nqual:vp,skill:wond,3\n".to_owned(),
        ),
        (
            "teaches.csv",
            "from,to,level\noffer:wond,skill:wond,2\n".to_owned(),
        ),
        ("part_of.csv", "from,to\noffer:wond,qual:vp\n".to_owned()),
        ("in_sector.csv", "from,to\nocc:vp,sector:zorg\n".to_owned()),
    ];
    files
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect()
}

/// The fixture with one file replaced.
fn with(file: &str, contents: &str) -> Vec<(String, Vec<u8>)> {
    with_bytes(file, contents.as_bytes())
}

fn with_bytes(file: &str, contents: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut tables = valid();
    tables.retain(|(n, _)| n != file);
    tables.push((file.to_owned(), contents.to_vec()));
    tables
}

fn errors(tables: Vec<(String, Vec<u8>)>) -> OntologyError {
    match load(&tables) {
        Ok(_) => panic!("expected the fixture to be rejected"),
        Err(e) => e,
    }
}

/// Asserts that loading fails with exactly one error of `kind` at `file:line` (column `column`).
fn check(
    tables: Vec<(String, Vec<u8>)>,
    kind: DiagnosticKind,
    file: &str,
    line: Option<u64>,
    column: Option<&str>,
) {
    let e = errors(tables);
    let errs: Vec<_> = e.errors().collect();
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    let d = errs[0];
    assert_eq!(d.kind, kind, "{d}");
    assert_eq!(d.location.file.as_deref(), Some(file), "{d}");
    assert_eq!(d.location.line, line, "{d}");
    assert_eq!(d.location.column.as_deref(), column, "{d}");
}

#[test]
fn the_valid_fixture_loads() {
    let built = load(&valid()).expect("valid");
    assert_eq!(built.ontology.len(), 8);
    assert_eq!(built.ontology.relation_count(RelationKind::Requires), 2);
    // No skill unused, every occupation has an essential skill, every label present.
    assert!(built.warnings.is_empty(), "{:#?}", built.warnings);
}

#[test]
fn duplicate_id_is_an_error_at_the_second_definition() {
    let t = with(
        "skills.csv",
        &format!(
            "id,skill_type,{L}\nskill:zorg,skill,a,a\nskill:wond,skill,b,b\nskill:til,skill,c,c\nskill:wond,skill,d,d\n"
        ),
    );
    check(t, DiagnosticKind::DuplicateId, "skills.csv", Some(5), None);
}

#[test]
fn duplicate_id_across_tables_is_an_error() {
    let t = with(
        "knowledge_areas.csv",
        &format!("id,{L}\nka:zorg,z,c\nskill:wond,x,y\n"),
    );
    let e = errors(t);
    assert!(e.errors().any(
        |d| d.kind == DiagnosticKind::DuplicateId && d.concept.as_deref() == Some("skill:wond")
    ));
}

#[test]
fn dangling_reference_names_file_line_and_column() {
    let t = with(
        "requires.csv",
        "from,to,importance,level\nocc:vp,skill:wond,essential,3\nocc:vp,skill:nope,optional,\n",
    );
    check(
        t,
        DiagnosticKind::DanglingReference,
        "requires.csv",
        Some(3),
        Some("to"),
    );
}

#[test]
fn wrong_endpoint_is_an_error() {
    let t = with("teaches.csv", "from,to,level\noffer:wond,occ:vp,2\n");
    check(
        t,
        DiagnosticKind::WrongEndpoint,
        "teaches.csv",
        Some(2),
        None,
    );
}

#[test]
fn broader_cycle_is_reported_with_its_members() {
    let t = with(
        "broader.csv",
        "from,to\nskill:wond,skill:zorg\nskill:til,skill:wond\nskill:zorg,skill:til\n",
    );
    let e = errors(t);
    let cycle: Vec<_> = e
        .errors()
        .filter(|d| d.kind == DiagnosticKind::Cycle)
        .collect();
    assert_eq!(cycle.len(), 1, "{cycle:#?}");
    for id in ["skill:wond", "skill:zorg", "skill:til"] {
        assert!(cycle[0].message.contains(id), "{}", cycle[0].message);
    }
}

#[test]
fn self_loop_in_broader_is_a_cycle() {
    let t = with("broader.csv", "from,to\nskill:wond,skill:wond\n");
    check(t, DiagnosticKind::Cycle, "broader.csv", Some(2), None);
}

#[test]
fn unknown_enum_value_is_an_error() {
    let t = with(
        "requires.csv",
        "from,to,importance,level\nocc:vp,skill:wond,crucial,3\n",
    );
    check(
        t,
        DiagnosticKind::InvalidValue,
        "requires.csv",
        Some(2),
        Some("importance"),
    );
    let t = with(
        "skills.csv",
        &format!(
            "id,skill_type,{L}\nskill:zorg,talent,a,a\nskill:wond,skill,b,b\nskill:til,skill,c,c\n"
        ),
    );
    check(
        t,
        DiagnosticKind::InvalidValue,
        "skills.csv",
        Some(2),
        Some("skill_type"),
    );
}

#[test]
fn nlqf_outside_one_to_eight_is_an_error() {
    for bad in ["0", "9", "-1", "vier", "4.5"] {
        let t = with(
            "qualifications.csv",
            &format!(
                "id,{L},qualification_type,code_system,code,nlqf\nqual:vp,a,b,mbo_diploma,crebo,1,{bad}\n"
            ),
        );
        check(
            t,
            DiagnosticKind::InvalidValue,
            "qualifications.csv",
            Some(2),
            Some("nlqf"),
        );
    }
}

#[test]
fn a_qualification_without_nlqf_loads_with_a_warning() {
    // CompetentNL's educational norms often have no NLQF level; old files (with the column)
    // still load, and an empty or absent `nlqf` is a soft warning, not an error.
    for table in [
        format!(
            "id,{L},qualification_type,code_system,code,nlqf\nqual:vp,a,b,mbo_diploma,crebo,1,\n"
        ),
        format!("id,{L},qualification_type,code_system,code\nqual:vp,a,b,mbo_diploma,crebo,1\n"),
    ] {
        let built = load(&with("qualifications.csv", &table)).expect("loads");
        let q = built.ontology.get("qual:vp").expect("present");
        assert_eq!(q.nlqf(), None);
        assert!(
            built
                .warnings
                .iter()
                .any(|w| w.kind == DiagnosticKind::MissingValue
                    && w.concept.as_deref() == Some("qual:vp")
                    && w.message.contains("no NLQF level")),
            "{:#?}",
            built.warnings
        );
        // And it writes back without a level (then the empty status and replaced_by).
        let tables = to_tables(&built.ontology);
        let (_, text) = tables
            .iter()
            .find(|(n, _)| *n == "qualifications.csv")
            .expect("written");
        assert!(text.contains(",crebo,1,,,\n"), "{text}");
    }
}

#[test]
fn level_outside_one_to_five_is_an_error() {
    let t = with("teaches.csv", "from,to,level\noffer:wond,skill:wond,6\n");
    check(
        t,
        DiagnosticKind::InvalidValue,
        "teaches.csv",
        Some(2),
        Some("level"),
    );
}

#[test]
fn negative_or_absurd_hours_and_cost_are_errors() {
    let header = format!("id,{L},offer_type,provider,provider_type,hours,cost_eur,nlqf");
    for (hours, cost, column) in [
        ("-5", "10", "hours"),
        ("0", "10", "hours"),
        ("1e12", "10", "hours"),
        ("NaN", "10", "hours"),
        ("10", "-1", "cost_eur"),
        ("10", "1e300", "cost_eur"),
        ("inf", "1", "hours"),
    ] {
        let t = with(
            "learning_offers.csv",
            &format!("{header}\noffer:wond,a,b,course,ROC,public,{hours},{cost},\n"),
        );
        check(
            t,
            DiagnosticKind::InvalidValue,
            "learning_offers.csv",
            Some(2),
            Some(column),
        );
    }
}

#[test]
fn invalid_utf8_names_the_field() {
    let mut bytes = format!("id,{L}\nka:zorg,zorg").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe,care\n");
    check(
        with_bytes("knowledge_areas.csv", &bytes),
        DiagnosticKind::InvalidUtf8,
        "knowledge_areas.csv",
        Some(2),
        Some("pref_label_nl"),
    );
}

#[test]
fn missing_required_column_is_an_error() {
    let t = with(
        "occupations.csv",
        "id,pref_label_nl,isco\nocc:vp,verpleegkundige,2221\n",
    );
    check(
        t,
        DiagnosticKind::MissingColumn,
        "occupations.csv",
        Some(1),
        Some("pref_label_en"),
    );
}

#[test]
fn unknown_column_is_an_error() {
    let t = with(
        "occupations.csv",
        &format!("id,{L},isco,salaris\nocc:vp,a,b,2221,3000\n"),
    );
    check(
        t,
        DiagnosticKind::UnknownColumn,
        "occupations.csv",
        Some(1),
        Some("salaris"),
    );
}

#[test]
fn row_with_wrong_field_count_is_a_syntax_error() {
    let t = with("in_sector.csv", "from,to\nocc:vp,sector:zorg,extra\n");
    check(t, DiagnosticKind::Syntax, "in_sector.csv", Some(2), None);
}

#[test]
fn missing_primary_label_is_an_error_and_missing_secondary_a_warning() {
    let t = with("knowledge_areas.csv", &format!("id,{L}\nka:zorg,,care\n"));
    check(
        t,
        DiagnosticKind::MissingValue,
        "knowledge_areas.csv",
        Some(2),
        Some("pref_label_nl"),
    );
    let t = with(
        "knowledge_areas.csv",
        &format!("id,{L}\nka:zorg,zorgkunde,\n"),
    );
    let built = load(&t).expect("a missing English label is only a warning");
    assert!(
        built
            .warnings
            .iter()
            .any(|d| d.kind == DiagnosticKind::MissingLabel
                && d.concept.as_deref() == Some("ka:zorg"))
    );
}

#[test]
fn soft_problems_are_warnings() {
    // An occupation with only optional skills, an unused skill, an offer that teaches nothing.
    let mut t = with(
        "requires.csv",
        "from,to,importance,level\nocc:vp,skill:wond,optional,\n",
    );
    t.retain(|(n, _)| n != "teaches.csv");
    let built = load(&t).expect("soft problems do not fail loading");
    let kinds: Vec<_> = built
        .warnings
        .iter()
        .map(|d| (d.kind, d.concept.clone().unwrap_or_default()))
        .collect();
    assert!(
        kinds.contains(&(DiagnosticKind::NoEssentialSkills, "occ:vp".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(DiagnosticKind::UnusedCapability, "skill:til".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(DiagnosticKind::OfferTeachesNothing, "offer:wond".into())),
        "{kinds:?}"
    );
    assert!(
        built
            .warnings
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn duplicate_relation_and_reversed_related_pair_are_errors() {
    let t = with(
        "part_of.csv",
        "from,to\noffer:wond,qual:vp\noffer:wond,qual:vp\n",
    );
    check(
        t,
        DiagnosticKind::DuplicateRelation,
        "part_of.csv",
        Some(3),
        None,
    );
    let t = with(
        "related.csv",
        "from,to\nskill:wond,skill:til\nskill:til,skill:wond\n",
    );
    check(
        t,
        DiagnosticKind::DuplicateRelation,
        "related.csv",
        Some(3),
        None,
    );
}

#[test]
fn malformed_manifest_is_an_error_with_its_line() {
    let t = with("ontology.toml", "name = \"x\"\nversion = 1\n");
    let e = errors(t);
    let d = e.errors().next().expect("an error");
    assert_eq!(d.kind, DiagnosticKind::Manifest);
    assert_eq!(d.location.file.as_deref(), Some("ontology.toml"));
    assert_eq!(d.location.line, Some(2), "{d}");
    let t = with(
        "ontology.toml",
        &MANIFEST.replace("2026-01-01", "next tuesday"),
    );
    assert_eq!(
        errors(t).errors().next().map(|d| d.kind),
        Some(DiagnosticKind::Manifest)
    );
    let t = with("ontology.toml", &format!("{MANIFEST}colour = \"blue\"\n"));
    assert_eq!(
        errors(t).errors().next().map(|d| d.kind),
        Some(DiagnosticKind::Manifest)
    );
}

#[test]
fn oversized_field_is_refused() {
    let huge = "a".repeat(vaardig_core::io::MAX_FIELD_BYTES + 1);
    let t = with(
        "knowledge_areas.csv",
        &format!("id,{L}\nka:zorg,{huge},care\n"),
    );
    check(
        t,
        DiagnosticKind::TooLarge,
        "knowledge_areas.csv",
        Some(2),
        Some("pref_label_nl"),
    );
}

#[test]
fn invalid_id_is_an_error() {
    let t = with(
        "knowledge_areas.csv",
        &format!("id,{L}\n\"ka zorg\",zorgkunde,care\n"),
    );
    let e = errors(t);
    assert!(
        e.errors().any(|d| d.kind == DiagnosticKind::InvalidId),
        "{e:?}"
    );
}

#[test]
fn every_error_is_reported_not_only_the_first() {
    let t = with(
        "requires.csv",
        "from,to,importance,level\nocc:vp,skill:x1,essential,\nocc:vp,skill:x2,essential,\nocc:vp,skill:wond,bogus,\n",
    );
    let e = errors(t);
    let lines: Vec<_> = e.errors().map(|d| d.location.line).collect();
    assert_eq!(lines, vec![Some(2), Some(3), Some(4)]);
}

#[test]
fn write_then_load_is_identity_on_the_fixture() {
    let original = load(&valid()).expect("valid").ontology;
    let tables: Vec<(String, Vec<u8>)> = to_tables(&original)
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    let again = load(&tables).expect("written output loads").ontology;
    assert_eq!(original, again);
    assert_eq!(original.content_hash(), again.content_hash());
}

#[test]
fn neighbours_come_in_id_order() {
    let t = with(
        "requires.csv",
        "from,to,importance,level\nocc:vp,skill:zorg,important,\nocc:vp,skill:wond,essential,3\nocc:vp,skill:til,optional,\n",
    );
    let o = load(&t).expect("valid").ontology;
    let vp = o.index_of("occ:vp").expect("present");
    let ids: Vec<&str> = o
        .outgoing(vp, RelationKind::Requires)
        .map(|(ix, _)| o.concept(ix).id.as_str())
        .collect();
    assert_eq!(ids, ["skill:til", "skill:wond", "skill:zorg"]);
    let zorg = o.index_of("skill:zorg").expect("present");
    let narrower: Vec<&str> = o
        .incoming(zorg, RelationKind::Broader)
        .map(|(ix, _)| o.concept(ix).id.as_str())
        .collect();
    assert_eq!(narrower, ["skill:til", "skill:wond"]);
}

/// A `broader` chain of `depth` skills, `s0 → s1 → … → s(depth-1)`, as in-memory tables.
fn chain(depth: usize) -> Vec<(String, Vec<u8>)> {
    let mut skills = String::from("id,skill_type,pref_label_nl\n");
    let mut broader = String::from("from,to\n");
    for i in 0..depth {
        skills.push_str(&format!("skill:s{i},skill,vaardigheid {i}\n"));
        if i + 1 < depth {
            broader.push_str(&format!("skill:s{i},skill:s{}\n", i + 1));
        }
    }
    vec![
        (
            "ontology.toml".to_owned(),
            MANIFEST
                .replace("[\"nl\", \"en\"]", "[\"nl\"]")
                .into_bytes(),
        ),
        ("skills.csv".to_owned(), skills.into_bytes()),
        ("broader.csv".to_owned(), broader.into_bytes()),
    ]
}

#[test]
fn a_hundred_thousand_deep_broader_chain_loads_without_recursion() {
    // Used to overflow the stack in petgraph's recursive `tarjan_scc` (87k levels was enough on
    // the main thread; a test thread has less).
    let built = load(&chain(100_000)).expect("a deep hierarchy is valid");
    assert_eq!(built.ontology.len(), 100_000);
    assert_eq!(
        vaardig_core::Stats::of(&built.ontology).hierarchy_depth,
        100_000
    );
}

#[test]
fn a_cycle_at_the_end_of_a_deep_chain_is_found() {
    let mut tables = chain(100_000);
    tables[2]
        .1
        .extend_from_slice(b"skill:s99999,skill:s99990\n");
    let err = load(&tables).expect_err("a cycle");
    let cycle: Vec<_> = err
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::Cycle)
        .collect();
    assert_eq!(cycle.len(), 1, "{:?}", err.diagnostics());
    assert!(
        cycle[0].message.contains("10 concept(s)"),
        "{}",
        cycle[0].message
    );
}

#[test]
fn labels_are_put_in_nfc() {
    let mut tables = valid();
    let skills = tables
        .iter_mut()
        .find(|(f, _)| f == "skills.csv")
        .expect("skills");
    skills.1 = String::from_utf8(skills.1.clone())
        .expect("utf-8")
        .replace("tillen,lifting", "hygie\u{308}ne,hygiene")
        .into_bytes();
    let o = load(&tables).expect("valid").ontology;
    let til = o.get("skill:til").expect("there");
    assert_eq!(til.labels.pref("nl"), Some("hygiëne"));
}

#[test]
fn label_columns_with_a_lower_case_region_still_load() {
    // Tables written before language tags were normalised: the manifest says `en-us`, the
    // columns say `pref_label_en-us`; both mean `en-US` now.
    let tables: Vec<(String, Vec<u8>)> = valid()
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(&bytes)
                .replace("\"en\"", "\"en-us\"")
                .replace("_en,", "_en-us,")
                .replace("_en\n", "_en-us\n");
            (name, text.into_bytes())
        })
        .collect();
    let built = load(&tables).expect("loads");
    let nurse = built.ontology.get("occ:vp").expect("occ:vp");
    assert_eq!(nurse.labels.pref("en-US"), Some("nurse"));
}
