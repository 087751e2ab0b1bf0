//! End-to-end tests of the `vaardig` binary: exit codes, JSON shapes, errors on stderr.
//! One integration-test binary; each test runs the real executable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use vaardig_core::{ConceptKind, Ontology, Stats};

fn vaardig(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vaardig"))
        .args(args)
        .output()
        .expect("the vaardig binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = vaardig(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON: {e}"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vaardig-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

#[test]
fn stats_json_matches_the_library() {
    let v = json(&["stats", "--json"]);
    let stats = Stats::of(&Ontology::embedded().expect("valid"));
    assert_eq!(v["skills"], stats.skills);
    assert_eq!(v["occupations"], stats.occupations);
    assert_eq!(v["qualifications"], stats.qualifications);
    assert_eq!(v["learning_offers"], stats.learning_offers);
    assert_eq!(v["occupation_skill_links"], stats.occupation_skill_links);
}

#[test]
fn validate_accepts_the_embedded_ontology() {
    let out = vaardig(&["validate"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&["validate", "--json"]);
    assert_eq!(v["valid"], true);
    assert_eq!(v["errors"], 0);
}

#[test]
fn validate_reports_errors_with_file_and_line_and_exits_1() {
    let dir = temp_dir("broken");
    let written = temp_dir("written");
    let out = vaardig(&[
        "export",
        "--format",
        "csv",
        "--out",
        written.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    copy_dir(&written, &dir);
    let requires = dir.join("requires.csv");
    let mut text = std::fs::read_to_string(&requires).expect("written");
    let lines = text.lines().count();
    text.push_str("occ:verpleegkundige,skill:bestaat-niet,essential,\n");
    std::fs::write(&requires, text).expect("write");

    let out = vaardig(&["validate", dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("requires.csv:{}", lines + 1);
    assert!(
        stdout.contains(&expected) && stdout.contains("skill:bestaat-niet"),
        "{stdout}"
    );

    let v = json_allow_failure(&["validate", dir.to_str().expect("utf-8"), "--json"]);
    assert_eq!(v["valid"], false);
    assert_eq!(v["diagnostics"][0]["kind"], "dangling_reference");
    assert_eq!(v["diagnostics"][0]["location"]["line"], lines as u64 + 1);
    assert_eq!(v["diagnostics"][0]["location"]["column"], "to");
}

fn json_allow_failure(args: &[&str]) -> Value {
    let out = vaardig(args);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON: {e}"))
}

#[test]
fn other_commands_fail_on_a_broken_ontology_with_exit_2_and_a_message() {
    let dir = temp_dir("no-manifest");
    let out = vaardig(&["--ontology", dir.to_str().expect("utf-8"), "stats"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ontology.toml"), "{stderr}");
}

#[test]
fn show_prints_a_concept_with_its_relations() {
    let v = json(&["show", "occ:verpleegkundige", "--json"]);
    assert_eq!(v["id"], "occ:verpleegkundige");
    assert_eq!(v["kind"], "occupation");
    let relations = v["relations"].as_array().expect("a list");
    assert!(
        relations
            .iter()
            .any(|r| r["kind"] == "requires" && r["importance"] == "essential")
    );
    let out = vaardig(&["show", "occ:bestaat-niet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("occ:bestaat-niet"));
}

#[test]
fn export_json_has_concepts_and_relations_in_the_documented_shape() {
    let v = json(&["export", "--format", "json"]);
    let concepts = v["concepts"].as_array().expect("concepts");
    let o = Ontology::embedded().expect("valid");
    assert_eq!(concepts.len(), o.len());
    let offer = concepts
        .iter()
        .find(|c| c["kind"] == "learning_offer")
        .expect("an offer");
    for key in ["id", "pref_label", "hours", "cost_eur", "offer_type"] {
        assert!(!offer[key].is_null(), "offer lacks {key}: {offer}");
    }
    assert!(offer["pref_label"]["nl"].is_string());
    let relations = v["relations"].as_array().expect("relations");
    let requires = relations
        .iter()
        .find(|r| r["kind"] == "requires")
        .expect("a requires");
    for key in ["from", "to", "importance"] {
        assert!(!requires[key].is_null(), "{requires}");
    }
    let kinds: std::collections::BTreeSet<&str> =
        concepts.iter().filter_map(|c| c["kind"].as_str()).collect();
    for k in ConceptKind::ALL {
        if o.count(*k) > 0 {
            assert!(kinds.contains(k.as_str()), "{k} missing from export");
        }
    }
}

#[test]
fn export_csv_then_load_gives_the_same_ontology() {
    let dir = temp_dir("roundtrip");
    let out = vaardig(&[
        "export",
        "--format",
        "csv",
        "--out",
        dir.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success());
    let loaded = vaardig_core::load_dir(&dir)
        .expect("exported tables load")
        .ontology;
    assert!(loaded == Ontology::embedded().expect("valid"));
    let v = json(&[
        "--ontology",
        dir.to_str().expect("utf-8"),
        "stats",
        "--json",
    ]);
    assert_eq!(v["skills"], loaded.count(ConceptKind::Skill));
}

#[test]
fn generate_writes_a_loadable_ontology() {
    let dir = temp_dir("generated");
    let out = vaardig(&[
        "generate",
        "--scale",
        "small",
        "--seed",
        "3",
        "--out",
        dir.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&[
        "--ontology",
        dir.to_str().expect("utf-8"),
        "stats",
        "--json",
    ]);
    assert_eq!(v["skills"], 500);
    assert_eq!(v["occupations"], 100);
}

#[test]
fn export_turtle_then_import_skos_gives_the_same_ontology() {
    let dir = temp_dir("turtle");
    let ttl = dir.join("vaardig.ttl");
    let out = vaardig(&[
        "export",
        "--format",
        "turtle",
        "--out",
        ttl.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&ttl).expect("written");
    assert!(text.contains("skos:prefLabel"), "not SKOS");
    let imported = dir.join("imported");
    let out = vaardig(&[
        "import",
        "skos",
        ttl.to_str().expect("utf-8"),
        "--out",
        imported.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = vaardig_core::load_dir(&imported)
        .expect("imported tables load")
        .ontology;
    let original = Ontology::embedded().expect("valid");
    assert_eq!(again.len(), original.len());
    for kind in ConceptKind::ALL {
        assert_eq!(again.count(*kind), original.count(*kind), "{kind}");
    }
}

const CASHIER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/profiles/kassamedewerker.json"
);

#[test]
fn transitions_json_has_the_documented_keys_and_is_sorted() {
    let v = json(&[
        "transitions",
        "--profile",
        CASHIER,
        "--limit",
        "10",
        "--json",
    ]);
    let items = v.as_array().expect("a list");
    assert_eq!(items.len(), 10);
    for key in [
        "occupation",
        "label",
        "score",
        "coverage",
        "gap_hours",
        "missing",
    ] {
        assert!(!items[0][key].is_null(), "missing {key}: {}", items[0]);
    }
    let scores: Vec<f64> = items
        .iter()
        .map(|i| i["score"].as_f64().expect("number"))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let shortage = json(&[
        "transitions",
        "--profile",
        CASHIER,
        "--shortage-only",
        "--json",
    ]);
    assert!(
        shortage
            .as_array()
            .expect("list")
            .iter()
            .all(|i| i["shortage"] == true)
    );
}

#[test]
fn route_json_fits_the_learning_rights_budget() {
    let v = json(&[
        "route",
        "--profile",
        CASHIER,
        "--to",
        "occ:helpende-zorg-welzijn",
        "--scheme",
        "leerrechten",
        "--json",
    ]);
    for key in [
        "offers",
        "total_hours",
        "total_cost_eur",
        "uncovered",
        "within_budget",
    ] {
        assert!(!v[key].is_null(), "missing {key}");
    }
    assert_eq!(v["within_budget"], true);
    let available = v["budget"]["available_eur"].as_f64().expect("a budget");
    assert!(v["total_cost_eur"].as_f64().expect("number") <= available);
}

#[test]
fn rights_json_follows_the_scheme_arithmetic() {
    // Age 45 at mbo-2: one basic week plus one extra per year, accrued at the start of each year
    // from 27 (27..=45 is 19 years), EUR 300 a week.
    let v = json(&[
        "rights",
        "--age",
        "45",
        "--nlqf",
        "2",
        "--used-eur",
        "1000",
        "--json",
    ]);
    assert_eq!(v["lifetime_eur"].as_f64(), Some(2.0 * 300.0 * 40.0));
    assert_eq!(
        v["available_eur"].as_f64(),
        Some(2.0 * 300.0 * 19.0 - 1000.0)
    );
    assert!(v["available_hours"].as_f64().expect("hours") > 0.0);
}

#[test]
fn advies_runs_the_whole_job_and_is_deterministic() {
    let a = vaardig(&["advies", "--profile", CASHIER, "--json"]);
    let b = vaardig(&["advies", "--profile", CASHIER, "--json"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(
        a.stdout, b.stdout,
        "the same input must give the same bytes"
    );
    let v: Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert_eq!(v["target"], v["transitions"][0]["occupation"]);
    assert_eq!(v["route"]["within_budget"], true);
    let text = vaardig(&["advies", "--profile", CASHIER]);
    let text = String::from_utf8_lossy(&text.stdout);
    for heading in [
        "Beroepen binnen bereik",
        "Kloof naar het doelberoep",
        "Leerrechten",
        "Leerroute",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
}

#[test]
fn skills_by_label_resolve_and_ambiguity_is_an_error() {
    let v = json(&[
        "gap",
        "--skill",
        "wondzorg",
        "--occupation",
        "occ:verzorgende-ig",
        "--json",
    ]);
    let text = v.to_string();
    assert!(
        text.contains("skill:wondverzorging"),
        "wondzorg should resolve to wondverzorging"
    );
    let out = vaardig(&[
        "gap",
        "--skill",
        "qqqqxyz",
        "--occupation",
        "occ:verzorgende-ig",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn transitions_dot_is_a_graphviz_digraph() {
    let out = vaardig(&[
        "transitions",
        "--from",
        "occ:kassamedewerker",
        "--dot",
        "--limit",
        "5",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dot = String::from_utf8_lossy(&out.stdout);
    assert!(dot.trim_start().starts_with("digraph"), "{dot}");
    assert!(dot.contains("\"occ:kassamedewerker\" ->"), "{dot}");
}

#[test]
fn search_json_and_batch_answer_in_input_order() {
    let v = json(&["search", "wondzorg", "--json"]);
    assert_eq!(v[0]["id"], "skill:wondverzorging");
    for key in ["id", "kind", "label", "score"] {
        assert!(!v[0][key].is_null());
    }
    let dir = temp_dir("batch");
    let file = dir.join("terms.txt");
    std::fs::write(&file, "heftruck rijden\nwound care\n\"AND (*:~\n").expect("write");
    let out = vaardig(&["search", "--batch", file.to_str().expect("utf-8")]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1][0]["id"], "skill:wondverzorging");
}

#[test]
fn extract_json_gives_spans_into_the_text() {
    let text = "Ik heb ervaring met wondverzorging en heftruck rijden.";
    let v = json(&["extract", text, "--json"]);
    let mentions = v.as_array().expect("a list");
    assert!(!mentions.is_empty());
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        assert!(s < e && e <= text.len());
    }
    assert!(mentions.iter().any(|m| m["id"] == "skill:wondverzorging"));
}

fn esco_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/esco/v1.1.1");
    assert!(
        dir.join("skills_en.csv").is_file(),
        "the ESCO data is not at {} (see ../shared/data/README.md)",
        dir.display()
    );
    dir
}

#[test]
#[cfg_attr(
    not(esco_data),
    ignore = "needs the real ESCO data in ../shared/data/esco"
)]
fn import_esco_then_every_command_works_on_the_result() {
    let esco = esco_dir();
    let out_dir = temp_dir("esco");
    let out = vaardig(&[
        "import",
        "esco",
        esco.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = out_dir.to_str().expect("utf-8");
    let stats = json(&["--ontology", dir, "stats", "--json"]);
    assert_eq!(stats["skills"], 13_896);
    assert_eq!(stats["occupations"], 3_007);
    let hits = json(&[
        "--ontology",
        dir,
        "search",
        "bus driver",
        "--kind",
        "occupation",
        "--json",
    ]);
    let bus = hits[0]["id"].as_str().expect("a hit").to_owned();
    assert!(
        hits[0]["label"]
            .as_str()
            .expect("label")
            .to_lowercase()
            .contains("bus"),
        "{hits}"
    );
    let transitions = json(&[
        "--ontology",
        dir,
        "transitions",
        "--from",
        &bus,
        "--limit",
        "5",
        "--json",
    ]);
    assert_eq!(transitions.as_array().expect("list").len(), 5);
    let out = vaardig(&["--ontology", dir, "validate"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn import_skos_reports_a_broken_file_with_its_line() {
    let dir = temp_dir("broken-ttl");
    let ttl = dir.join("broken.ttl");
    std::fs::write(&ttl, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<http://x/a> a skos:Concept ;\n  skos:prefLabel \"a\"@nl .\n<http://x/b> a skos:Concept ; skos:prefLabel \"b\"@nl ;;; ]]] .\n").expect("write");
    let out = vaardig(&[
        "import",
        "skos",
        ttl.to_str().expect("utf-8"),
        "--out",
        dir.join("o").to_str().expect("utf-8"),
        "--quiet",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.ttl") && stderr.contains(":4"),
        "{stderr}"
    );
}

/// `import onet` into a fresh directory; returns it.
fn import_onet(from: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out_dir = temp_dir(name);
    let mut args = vec![
        "import",
        "onet",
        from.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
        "--quiet",
    ];
    args.extend_from_slice(extra);
    let out = vaardig(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out_dir
}

#[test]
fn import_onet_then_gap_transitions_and_diff_work_on_the_result() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../vaardig-import/tests/fixtures/onet");
    let dir = import_onet(&fixture, "onet-fixture", &[]);
    let d = dir.to_str().expect("utf-8");
    let stats = json(&["--ontology", d, "stats", "--json"]);
    assert_eq!(stats["occupations"], 3);
    let gap = json(&[
        "--ontology",
        d,
        "gap",
        "--occupation",
        "onet:occupation/51-4121.00",
        "--skill",
        "onet:element/2.A.1.a",
        "--lang",
        "en",
        "--json",
    ]);
    let text = gap.to_string();
    assert!(text.contains("onet:element/2.B.3.a"), "{text}");
    let transitions = json(&[
        "--ontology",
        d,
        "transitions",
        "--from",
        "onet:occupation/51-4121.00",
        "--json",
    ]);
    assert!(
        transitions.as_array().is_some_and(|t| !t.is_empty()),
        "{transitions}"
    );
    // Stricter thresholds re-weigh requirements: diff sees it.
    let stricter = import_onet(
        &fixture,
        "onet-fixture-strict",
        &["--essential-from", "4.5"],
    );
    let diff = json(&["diff", d, stricter.to_str().expect("utf-8"), "--json"]);
    assert_eq!(diff["diff"]["summary"]["relations_reweighted"], 1, "{diff}");
    // Thresholds out of order are a usage error.
    let out = vaardig(&[
        "import",
        "onet",
        fixture.to_str().expect("utf-8"),
        "--out",
        d,
        "--important-from",
        "4.8",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn import_onet_29_1_then_transitions_and_validate() {
    let onet =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/external/onet-29.1");
    assert!(
        onet.join("Occupation Data.txt").is_file(),
        "{}",
        onet.display()
    );
    let dir = import_onet(&onet, "onet-29.1", &[]);
    let d = dir.to_str().expect("utf-8");
    let stats = json(&["--ontology", d, "stats", "--json"]);
    assert_eq!(stats["occupations"], 1016);
    let transitions = json(&[
        "--ontology",
        d,
        "transitions",
        "--from",
        "onet:occupation/51-4121.00",
        "--limit",
        "5",
        "--json",
    ]);
    assert_eq!(transitions.as_array().expect("list").len(), 5);
    assert_eq!(
        vaardig(&["--ontology", d, "validate"]).status.code(),
        Some(0)
    );
}

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn import_tabiya_sample_then_transitions_and_gap() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/external/tabiya-sample");
    let out_dir = temp_dir("tabiya");
    let out = vaardig(&[
        "import",
        "tabiya",
        sample.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
        "--quiet",
        "--strict",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = out_dir.to_str().expect("utf-8");
    let stats = json(&["--ontology", d, "stats", "--json"]);
    assert_eq!(stats["occupations"], 3015);
    // "technical director" (ESCO), by its UUIDHISTORY id.
    let director = "tabiya:c2245d0e-9233-4863-a061-b7581209979c";
    let transitions = json(&[
        "--ontology",
        d,
        "transitions",
        "--from",
        director,
        "--limit",
        "3",
        "--json",
    ]);
    assert_eq!(transitions.as_array().expect("list").len(), 3);
    let gap = json(&[
        "--ontology",
        d,
        "gap",
        "--occupation",
        director,
        "--skill",
        "tabiya:768ae2e8-bc0e-4641-bb36-ba1b00b839fc",
        "--lang",
        "en",
        "--json",
    ]);
    assert!(gap.is_object(), "{gap}");
}
