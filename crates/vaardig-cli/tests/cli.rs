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

// ---------------------------------------------------------------------------------------------
// `vaardig serve`: the HTTP service gives the CLI's answers.

/// A running `vaardig serve` on a free port of 127.0.0.1, stopped with SIGTERM on drop.
struct Server {
    child: std::process::Child,
    addr: std::net::SocketAddr,
}

impl Server {
    fn start() -> Server {
        let addr = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port");
        let child = Command::new(env!("CARGO_BIN_EXE_vaardig"))
            .args(["serve", "--addr", &addr.to_string()])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("vaardig serve starts");
        let server = Server { child, addr };
        for _ in 0..200 {
            if std::net::TcpStream::connect(addr).is_ok() {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("vaardig serve did not listen on {addr}");
    }

    /// One HTTP/1.1 request; the status and the body.
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut conn = std::net::TcpStream::connect(self.addr).expect("connect");
        write!(
            conn,
            "{method} {path} HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("send");
        let mut out = String::new();
        conn.read_to_string(&mut out).expect("read");
        let (head, body) = out.split_once("\r\n\r\n").expect("an HTTP answer");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        (status, body.to_owned())
    }

    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        self.child.wait().expect("the server exits")
    }
}

#[test]
fn serve_answers_equal_the_cli_answers_and_sigterm_stops_it() {
    let server = Server::start();
    let profile = std::fs::read_to_string("../../examples/profiles/kassamedewerker.json")
        .expect("the example profile");
    let profile: Value = serde_json::from_str(&profile).expect("profile JSON");
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "/gap",
            serde_json::json!({"skills": ["wondzorg"], "occupation": "occ:verzorgende-ig"}),
            vec![
                "gap",
                "--skill",
                "wondzorg",
                "--occupation",
                "occ:verzorgende-ig",
                "--json",
            ],
        ),
        (
            "/transitions",
            serde_json::json!({"from": "occ:kassamedewerker", "limit": 5}),
            vec![
                "transitions",
                "--from",
                "occ:kassamedewerker",
                "--limit",
                "5",
                "--json",
            ],
        ),
        (
            "/advies",
            serde_json::json!({"profile": profile}),
            vec![
                "advies",
                "--profile",
                "../../examples/profiles/kassamedewerker.json",
                "--json",
            ],
        ),
        (
            "/route",
            serde_json::json!({"profile": profile, "to": "occ:verkoopmedewerker", "scheme": "leerrechten"}),
            vec![
                "route",
                "--profile",
                "../../examples/profiles/kassamedewerker.json",
                "--to",
                "occ:verkoopmedewerker",
                "--scheme",
                "leerrechten",
                "--json",
            ],
        ),
        (
            "/rights",
            serde_json::json!({"age": 35, "nlqf": 2}),
            vec!["rights", "--age", "35", "--nlqf", "2", "--json"],
        ),
    ];
    for (path, body, args) in cases {
        let (status, http) = server.request("POST", path, &body.to_string());
        assert_eq!(status, 200, "{path}: {http}");
        let http: Value = serde_json::from_str(&http).expect("JSON from the server");
        assert_eq!(
            http,
            json(&args),
            "{path} differs from `vaardig {}`",
            args.join(" ")
        );
    }
    let (status, page) = server.request("GET", "/", "");
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"nl\">"));
    let exit = server.stop();
    assert!(exit.success(), "SIGTERM is a clean stop: {exit:?}");
}
