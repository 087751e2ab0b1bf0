//! End-to-end tests of the `vaardig` binary: exit codes, JSON shapes, errors on stderr.
//! One integration-test binary; each test runs the real executable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use vaardig_core::{ConceptKind, Ontology, Stats};

/// The cache every test run shares (never the user's own): under the target directory, so
/// runs reuse its snapshots and indexes as a person's runs do, and nothing piles up in /tmp.
fn test_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("vaardig-cache")
}

/// The vaardig binary, with the test cache.
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vaardig"));
    command
        .env("VAARDIG_CACHE_DIR", test_cache())
        .env_remove("VAARDIG_NO_CACHE");
    command
}

fn vaardig(args: &[&str]) -> Output {
    bin().args(args).output().expect("the vaardig binary runs")
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

/// A fresh directory for one test, under the target directory (so runs do not pile up in /tmp:
/// each run empties its test's directory first).
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-test-{name}"));
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
    text.push_str("occ:verpleegkundige,skill:bestaat-niet,essential,,,,,\n");
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
fn generate_times_multiplies_every_size() {
    let dir = temp_dir("generated-times");
    let out = vaardig(&[
        "generate",
        "--scale",
        "small",
        "--times",
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
    assert_eq!(v["skills"], 1500);
    assert_eq!(v["occupations"], 300);
    let zero = vaardig(&["generate", "--times", "0", "--out", "unused"]);
    assert_eq!(zero.status.code(), Some(2));
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

#[test]
fn lang_takes_any_language_the_ontology_declares() {
    let dir = temp_dir("lang-de");
    let ttl = dir.join("de.ttl");
    std::fs::write(
        &ttl,
        r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
<https://e.org/lassen> a cnlo:HumanCapability ;
    skos:prefLabel "lassen"@nl , "Schweißen"@de-DE ; skos:altLabel "Schweißarbeiten"@de-de .
"#,
    )
    .expect("writable");
    let out_dir = dir.join("o");
    let out = vaardig(&[
        "import",
        "skos",
        ttl.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
        "--languages",
        "nl,de-de",
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let o = out_dir.to_str().expect("utf-8");
    let manifest = std::fs::read_to_string(out_dir.join("ontology.toml")).expect("written");
    assert!(
        manifest.contains(r#"languages = ["nl", "de-DE"]"#),
        "{manifest}"
    );
    // `de-de` is the manifest's `de-DE`; the interface words fall back to English.
    let shown = vaardig(&[
        "--ontology",
        o,
        "show",
        "https://e.org/lassen",
        "--lang",
        "de-de",
    ]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    assert!(text.contains("de-DE: Schweißen"), "{text}");
    assert!(text.contains("synonyms: Schweißarbeiten"), "{text}");
    // A language the ontology does not declare is refused, naming the ones it has.
    let refused = vaardig(&[
        "--ontology",
        o,
        "show",
        "https://e.org/lassen",
        "--lang",
        "fr",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("nl, de-DE"), "{err}");
    // Not a language tag at all: a usage error.
    let bad = vaardig(&[
        "--ontology",
        o,
        "show",
        "https://e.org/lassen",
        "--lang",
        "de_DE",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A tiny ontology in the native format with German labels for some concepts: `occ:lasser`,
/// `occ:constructeur`, `skill:lassen`, `skill:meten` and the course have one, `occ:monteur`
/// and `skill:tekenen` do not (they fall back to English).
fn german_fixture(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let write = |file: &str, text: &str| std::fs::write(dir.join(file), text).expect("writable");
    write(
        "ontology.toml",
        "name = \"klein\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\", \"en\", \"de\"]\nlicence = \"x\"\nsource = \"x\"\n",
    );
    write(
        "skills.csv",
        "id,skill_type,pref_label_nl,pref_label_en,pref_label_de\n\
         skill:lassen,skill,lassen,welding,Schweißen\n\
         skill:tekenen,skill,technisch tekenen,technical drawing,\n\
         skill:meten,skill,meten,measuring,Messen\n",
    );
    write(
        "occupations.csv",
        "id,isco,min_nlqf,pref_label_nl,pref_label_en,pref_label_de\n\
         occ:lasser,,,lasser,welder,Schweißer\n\
         occ:constructeur,,,constructeur,structural designer,Konstrukteur\n\
         occ:monteur,,,monteur,fitter,\n",
    );
    write(
        "requires.csv",
        "from,to,importance,level\n\
         occ:lasser,skill:lassen,essential,\n\
         occ:lasser,skill:tekenen,essential,\n\
         occ:lasser,skill:meten,important,\n\
         occ:constructeur,skill:tekenen,essential,\n\
         occ:constructeur,skill:meten,essential,\n\
         occ:constructeur,skill:lassen,important,\n\
         occ:monteur,skill:meten,essential,\n\
         occ:monteur,skill:lassen,essential,\n",
    );
    write(
        "learning_offers.csv",
        "id,offer_type,provider,provider_type,hours,cost_eur,nlqf,pref_label_nl,pref_label_en,pref_label_de\n\
         offer:tekenen,course,School,public,40,300,,cursus technisch tekenen,technical drawing course,Kurs technisches Zeichnen\n",
    );
    write(
        "teaches.csv",
        "from,to,level\noffer:tekenen,skill:tekenen,\n",
    );
    dir
}

#[test]
fn transitions_gap_and_route_show_labels_in_any_declared_language() {
    let dir = german_fixture("lang-de-scores");
    let o = dir.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        let mut all = vec!["--ontology", o];
        all.extend_from_slice(args);
        let out = vaardig(&all);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let from = ["transitions", "--from", "occ:constructeur"];
    let gap = [
        "gap",
        "--skill",
        "skill:lassen",
        "--occupation",
        "occ:lasser",
    ];
    let route = ["route", "--skill", "skill:lassen", "--to", "occ:lasser"];
    let with = |base: &[&'static str], extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().chain(extra).copied().collect()
    };

    // Text: German labels where there are some, English where not; English interface words.
    let text = run(&with(&from, &["--lang", "de"]));
    assert!(text.contains("Schweißer"), "{text}");
    assert!(text.contains("fitter"), "{text}");
    assert!(text.contains("Konstrukteur"), "{text}");
    assert!(text.contains("1. Schweißer: score"), "{text}");
    let text = run(&with(&gap, &["--lang", "de"]));
    assert!(text.contains("Schweißer"), "{text}");
    assert!(text.contains("Schweißen"), "{text}");
    assert!(text.contains("technical drawing"), "{text}");
    let text = run(&with(&route, &["--lang", "de-DE"]));
    assert!(text.contains("Kurs technisches Zeichnen"), "{text}");

    // JSON: the Dutch and English labels as before, the German one beside them.
    let items: Value =
        serde_json::from_str(&run(&with(&from, &["--lang", "de", "--json"]))).expect("JSON");
    let welder = items
        .as_array()
        .and_then(|a| a.iter().find(|t| t["occupation"] == "occ:lasser"))
        .expect("the welder is within reach");
    assert_eq!(welder["label"], "lasser");
    assert_eq!(welder["label_en"], "welder");
    assert_eq!(
        welder["label_other"],
        serde_json::json!({"lang": "de", "text": "Schweißer"})
    );
    let fitter = items
        .as_array()
        .and_then(|a| a.iter().find(|t| t["occupation"] == "occ:monteur"))
        .expect("the fitter is within reach");
    assert_eq!(
        fitter["label_other"],
        serde_json::json!({"lang": "en", "text": "fitter"})
    );
    let g: Value =
        serde_json::from_str(&run(&with(&gap, &["--lang", "de", "--json"]))).expect("JSON");
    assert_eq!(g["occupation"]["label_other"]["text"], "Schweißer");
    let r: Value =
        serde_json::from_str(&run(&with(&route, &["--lang", "de", "--json"]))).expect("JSON");
    assert_eq!(
        r["steps"][0]["offer"]["label_other"]["text"],
        "Kurs technisches Zeichnen"
    );

    // Batch answers carry them too.
    let list = dir.join("batch.txt");
    std::fs::write(&list, "occ:constructeur\n").expect("writable");
    let batch = run(&[
        "transitions",
        "--batch",
        list.to_str().expect("utf-8"),
        "--lang",
        "de",
    ]);
    assert!(
        batch.contains(r#""label_other":{"lang":"de","text":"Schweißer"}"#),
        "{batch}"
    );

    // Dutch and English answers have no third label and do not change.
    for base in [&from[..], &gap[..], &route[..]] {
        let plain = run(&with(base, &["--json"]));
        assert!(!plain.contains("label_other"), "{plain}");
        assert_eq!(run(&with(base, &["--lang", "en", "--json"])), plain);
    }

    // An undeclared language is refused by every command, with the library's words.
    for base in [&from[..], &gap[..], &route[..]] {
        let mut args = vec!["--ontology", o];
        args.extend(with(base, &["--lang", "fr"]));
        let out = vaardig(&args);
        assert_eq!(out.status.code(), Some(2), "{base:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--lang fr: the ontology has no labels in `fr` (it has nl, en, de)"),
            "{err}"
        );
    }
}

#[test]
fn diff_impact_shows_labels_in_a_language_both_versions_declare() {
    let old = german_fixture("lang-de-diff-old");
    let new = german_fixture("lang-de-diff-new");
    let requires = std::fs::read_to_string(new.join("requires.csv")).expect("written");
    std::fs::write(
        new.join("requires.csv"),
        requires.replace("occ:monteur,skill:lassen,essential,\n", ""),
    )
    .expect("writable");
    let (o, n) = (old.to_str().expect("utf-8"), new.to_str().expect("utf-8"));
    let report = |lang: &str, format: &str| {
        let out = vaardig(&["diff", o, n, "--sample", "3", "--lang", lang, format]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let v: Value = serde_json::from_str(&report("de", "--json")).expect("JSON");
    let impact = &v["impact"];
    assert_eq!(impact["options"]["label_language"], "de");
    let constructeur = impact["profiles"]
        .as_array()
        .and_then(|p| {
            p.iter()
                .find(|x| x["current_occupation"] == "occ:constructeur")
        })
        .expect("a profile of the designer");
    assert_eq!(constructeur["current_label"], "Konstrukteur");
    let labels: Vec<&str> = constructeur["moves"]
        .as_array()
        .expect("moves")
        .iter()
        .filter_map(|x| x["label"].as_str())
        .collect();
    assert!(labels.contains(&"Schweißer"), "{labels:?}");
    assert!(labels.contains(&"fitter"), "{labels:?}");
    let md = report("de", "--markdown");
    assert!(md.contains("| `occ:monteur` | fitter |"), "{md}");
    // Dutch: each version's primary-language labels, as before, and no label language.
    let v: Value = serde_json::from_str(&report("nl", "--json")).expect("JSON");
    assert!(v["impact"]["options"].get("label_language").is_none());
    assert!(report("nl", "--markdown").contains("| `occ:monteur` | monteur |"));

    // Both versions must declare the language: the new one has French instead of German.
    for file in [
        "ontology.toml",
        "skills.csv",
        "occupations.csv",
        "learning_offers.csv",
    ] {
        let path = new.join(file);
        let text = std::fs::read_to_string(&path).expect("written");
        let text = text
            .replace(r#", "de"]"#, r#", "fr"]"#)
            .replace("pref_label_de", "pref_label_fr");
        std::fs::write(&path, text).expect("writable");
    }
    let out = vaardig(&["diff", o, n, "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--lang de: the ontology has no labels in `de` (it has nl, en, fr)"),
        "{err}"
    );
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

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn a_tabiya_uuid_history_maps_an_older_release_for_diff() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/external/tabiya-sample");
    let work = temp_dir("tabiya-history");
    // A later release: "technical director" was re-imported into the platform (a new UUID at
    // the top of its history) and renamed.
    let later = work.join("later");
    copy_dir(&sample, &later);
    let current = "c2245d0e-9233-4863-a061-b7581209979c";
    let fresh = "0b9e6c1e-4d7a-4f43-9a55-3f6d2c7e8a10";
    let occupations = later.join("occupations.csv");
    let text = std::fs::read_to_string(&occupations).expect("readable");
    let row = text
        .lines()
        .find(|l| l.contains(current))
        .expect("the director's row")
        .to_owned();
    let changed = row
        .replace(
            &format!("\"{current}\""),
            &format!("\"{fresh}\n{current}\""),
        )
        .replace(
            "\"technical director\"",
            "\"director of technical operations\"",
        );
    assert_ne!(changed, row);
    std::fs::write(&occupations, text.replace(&row, &changed)).expect("writable");

    let import = |dir: &Path, out: &Path, extra: &[&str]| {
        let mut args = vec![
            "import",
            "tabiya",
            dir.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
            "--quiet",
            "--strict",
        ];
        args.extend_from_slice(extra);
        let run = vaardig(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        run
    };
    let old = work.join("old");
    let new = work.join("new");
    let mapping = work.join("history.csv");
    import(&sample, &old, &[]);
    import(
        &later,
        &new,
        &[
            "--history-mapping",
            mapping.to_str().expect("utf-8"),
            "--history-for",
            old.to_str().expect("utf-8"),
        ],
    );
    let written = std::fs::read_to_string(&mapping).expect("the mapping file");
    assert_eq!(
        written,
        format!(
            "old_id,new_id,confidence,status\ntabiya:{current},tabiya:{fresh},1.000,supplied\n"
        )
    );
    let diff = json(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--mapping",
        mapping.to_str().expect("utf-8"),
        "--no-propose",
        "--sample",
        "0",
        "--json",
    ]);
    let d = &diff["diff"];
    assert_eq!(d["summary"]["added"], 0, "{}", d["summary"]);
    assert_eq!(d["summary"]["removed"], 0, "{}", d["summary"]);
    assert_eq!(d["summary"]["remapped"], 1, "{}", d["summary"]);
    let relabelled = d["relabelled"].as_array().expect("a list");
    assert_eq!(relabelled.len(), 1, "{relabelled:?}");
    assert_eq!(
        relabelled[0]["old_id"],
        format!("tabiya:{current}"),
        "{relabelled:?}"
    );
    assert_eq!(
        relabelled[0]["new_id"],
        format!("tabiya:{fresh}"),
        "{relabelled:?}"
    );
    // Without the mapping the renamed director is one removed and one added concept.
    let blind = json(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--no-propose",
        "--sample",
        "0",
        "--json",
    ]);
    assert_eq!(
        blind["diff"]["summary"]["removed"], 1,
        "{}",
        blind["diff"]["summary"]
    );
    assert_eq!(
        blind["diff"]["summary"]["added"], 1,
        "{}",
        blind["diff"]["summary"]
    );
}

// ---------------------------------------------------------------------------------------------
// Output that cannot be written: a closed pipe ends quietly with 0, a full disk is exit 2.

/// Runs `vaardig args` with stdin `input`, closing the reading end of its stdout before the
/// input is sent: these commands read all their input before printing, so every write they
/// make meets a closed pipe (no race).
fn with_closed_stdout(args: &[&str], input: &str) -> Output {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the vaardig binary runs");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("input sent");
    drop(stdin);
    child.wait_with_output().expect("vaardig ends")
}

fn to_dev_full(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    bin()
        .args(args)
        .stdout(full)
        .output()
        .expect("the vaardig binary runs")
}

#[test]
fn a_closed_pipe_ends_text_output_quietly_with_exit_0() {
    for (args, input) in [
        (
            &["extract", "--file", "-"][..],
            "Ik heb ervaring met wondverzorging.",
        ),
        (&["search", "--batch", "-"][..], "wondzorg\nheftruck\n"),
        (&["search", "--batch", "-", "--json"][..], "wondzorg\n"),
    ] {
        let out = with_closed_stdout(args, input);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?} said: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_reader_that_stops_after_one_line_ends_a_long_export_with_exit_0() {
    use std::io::BufRead as _;
    use std::process::Stdio;
    // The JSON export is 1.6 MB, far beyond a pipe's buffer: the writer is still writing
    // when the reader goes, as with `vaardig export | head -1`.
    for args in [&["export"][..], &["export", "--format", "turtle"][..]] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        reader.read_line(&mut first).expect("one line");
        assert!(!first.is_empty());
        drop(reader);
        let out = child.wait_with_output().expect("ends");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_full_disk_on_stdout_is_a_clean_error_with_exit_2() {
    for args in [
        &["validate"][..],
        &["stats"][..],
        &["show", "skill:wondverzorging"][..],
        &["search", "wondzorg"][..],
        &["search", "wondzorg", "--json"][..],
        &["export"][..],
        &["config", "--defaults"][..],
    ] {
        let out = to_dev_full(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output") && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn every_loading_command_takes_a_hundred_thousand_deep_hierarchy() {
    // A `broader` chain of ~87k levels overflowed the main thread's stack (petgraph's
    // recursive `tarjan_scc`), in every command that loads an ontology.
    const DEPTH: usize = 100_000;
    let dir = temp_dir("deep-chain");
    let mut skills = String::from("id,skill_type,pref_label_nl\n");
    let mut broader = String::from("from,to\n");
    for i in 0..DEPTH {
        skills.push_str(&format!("skill:s{i},skill,vaardigheid {i}\n"));
        if i + 1 < DEPTH {
            broader.push_str(&format!("skill:s{i},skill:s{}\n", i + 1));
        }
    }
    let files = [
        (
            "ontology.toml",
            "name = \"deep\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\"]\nlicence = \"x\"\nsource = \"x\"\n".to_owned(),
        ),
        ("skills.csv", skills),
        ("broader.csv", broader),
        ("occupations.csv", "id,pref_label_nl\nocc:a,a\nocc:b,b\n".to_owned()),
        (
            "requires.csv",
            "from,to,importance\nocc:a,skill:s0,essential\nocc:b,skill:s99999,essential\n"
                .to_owned(),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let d = dir.to_str().expect("utf-8");
    for args in [
        &["validate", d][..],
        &["--ontology", d, "stats"][..],
        &["--ontology", d, "transitions", "--skill", "skill:s5"][..],
        &["--ontology", d, "search", "vaardigheid"][..],
    ] {
        let out = vaardig(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v = json(&["--ontology", d, "stats", "--json"]);
    assert_eq!(v["hierarchy_depth"], DEPTH);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Outputs are written whole or not at all, and never over what they should not replace.

/// Every file of `dir` with its bytes.
/// The files of `dir` and their bytes, leaving out the snapshot vaardig keeps beside the tables
/// it reads (a cache of the input, not output).
fn files_of(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("a directory")
        .filter(|e| {
            e.as_ref().map_or(true, |e| {
                e.file_name() != vaardig_core::snapshot::SNAPSHOT_FILE
            })
        })
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("readable"),
            )
        })
        .collect()
}

fn fails_with(args: &[&str], needle: &str) {
    let out = vaardig(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
}

#[test]
fn existing_output_is_replaced_only_with_force() {
    let dir = temp_dir("force");
    let out = dir.join("out");
    let o = out.to_str().expect("utf-8");
    let generate = |force: bool| {
        let mut args = vec!["generate", "--scale", "small", "--out", o];
        if force {
            args.push("--force");
        }
        vaardig(&args)
    };
    assert!(generate(false).status.success());
    let before = files_of(&out);
    let again = generate(false);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(o) && stderr.contains("--force"), "{stderr}");
    assert_eq!(files_of(&out), before);
    // The embedded ontology over the generated one: only with --force, and then all of it.
    fails_with(&["export", "--format", "csv", "--out", o], "--force");
    assert_eq!(files_of(&out), before);
    let replaced = vaardig(&["export", "--format", "csv", "--out", o, "--force"]);
    assert!(replaced.status.success());
    let written = vaardig_core::load_dir(&out).expect("loads").ontology;
    assert_eq!(written.len(), Ontology::embedded().expect("valid").len());
    // Single files too.
    let json_file = dir.join("export.json");
    let j = json_file.to_str().expect("utf-8");
    assert!(vaardig(&["export", "--out", j]).status.success());
    fails_with(&["export", "--out", j], "--force");
    assert!(vaardig(&["--force", "export", "--out", j]).status.success());
    assert!(
        names_in(&dir).iter().all(|n| !n.contains(".vaardig-")),
        "no temporary files left: {:?}",
        names_in(&dir)
    );
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn garbage_imported_over_old_output_fails_and_leaves_it_intact() {
    let dir = temp_dir("garbage-import");
    let out = dir.join("out");
    let o = out.to_str().expect("utf-8");
    assert!(
        vaardig(&["export", "--format", "csv", "--out", o])
            .status
            .success()
    );
    let before = files_of(&out);
    // Deterministic "random" bytes: a binary file named .ttl.
    let mut x: u32 = 12345;
    let garbage: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let ttl = dir.join("random.ttl");
    std::fs::write(&ttl, garbage).expect("write");
    let t = ttl.to_str().expect("utf-8");
    fails_with(
        &["import", "skos", t, "--out", o, "--force", "--quiet"],
        // 20,000 random bytes hold more than 1,000 syntax errors: refused at the limit.
        "is this Turtle?",
    );
    assert_eq!(files_of(&out), before, "the old ontology is intact");
    let fresh = dir.join("fresh");
    let f = fresh.to_str().expect("utf-8");
    fails_with(
        &["import", "skos", t, "--out", f, "--quiet"],
        "is this Turtle?",
    );
    assert!(!fresh.exists(), "no empty ontology written");
    // A little garbage stays under the limit and imports nothing.
    let small = dir.join("small.ttl");
    std::fs::write(&small, "\u{1}\u{2} nonsense ?? !!\n").expect("write");
    fails_with(
        &[
            "import",
            "skos",
            small.to_str().expect("utf-8"),
            "--out",
            o,
            "--force",
            "--quiet",
        ],
        "nothing imported",
    );
    assert_eq!(files_of(&out), before, "the old ontology is intact");
}

#[test]
fn output_inside_an_input_or_in_a_foreign_directory_is_refused() {
    let dir = temp_dir("refused-out");
    let ontology = dir.join("ontology");
    let on = ontology.to_str().expect("utf-8");
    assert!(
        vaardig(&["export", "--format", "csv", "--out", on])
            .status
            .success()
    );
    let before = files_of(&ontology);
    // Exporting an ontology over itself, or into itself.
    for target in [ontology.clone(), ontology.join("sub")] {
        let t = target.to_str().expect("utf-8");
        fails_with(
            &[
                "--ontology",
                on,
                "export",
                "--format",
                "csv",
                "--out",
                t,
                "--force",
            ],
            "input",
        );
    }
    // Importing into the directory being imported.
    let ttl = dir.join("in.ttl");
    assert!(
        vaardig(&[
            "export",
            "--format",
            "turtle",
            "--out",
            ttl.to_str().expect("utf-8")
        ])
        .status
        .success()
    );
    fails_with(
        &[
            "import",
            "skos",
            ttl.to_str().expect("utf-8"),
            "--out",
            dir.to_str().expect("utf-8"),
            "--force",
            "--quiet",
        ],
        "input",
    );
    // A directory of someone else's files, even one with a table-named file.
    let home = dir.join("home");
    std::fs::create_dir_all(&home).expect("dir");
    std::fs::write(home.join("skills.csv"), "my own list").expect("file");
    fails_with(
        &[
            "export",
            "--format",
            "csv",
            "--out",
            home.to_str().expect("utf-8"),
            "--force",
        ],
        "not vaardig output",
    );
    assert_eq!(
        std::fs::read(home.join("skills.csv")).expect("kept"),
        b"my own list"
    );
    assert_eq!(files_of(&ontology), before);
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_or_as_the_output_are_never_written_through() {
    let dir = temp_dir("links-out");
    let outside = dir.join("outside.txt");
    std::fs::write(&outside, "precious").expect("file");
    let out = dir.join("out");
    let o = out.to_str().expect("utf-8");
    assert!(
        vaardig(&["export", "--format", "csv", "--out", o])
            .status
            .success()
    );
    std::fs::remove_file(out.join("skills.csv")).expect("rm");
    std::os::unix::fs::symlink(&outside, out.join("skills.csv")).expect("link");
    let again = vaardig(&["export", "--format", "csv", "--out", o, "--force"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(std::fs::read(&outside).expect("kept"), b"precious");
    let report = dir.join("report.json");
    std::os::unix::fs::symlink(&outside, &report).expect("link");
    fails_with(
        &[
            "export",
            "--out",
            report.to_str().expect("utf-8"),
            "--force",
        ],
        "symbolic link",
    );
    assert_eq!(std::fs::read(&outside).expect("kept"), b"precious");
}

#[test]
fn a_full_disk_under_a_file_output_is_exit_2() {
    // `--report /dev/full` and `export --out` on a full disk used to exit 0.
    fails_with(&["export", "--out", "/dev/full"], "/dev/full");
    fails_with(
        &["export", "--format", "turtle", "--out", "/dev/full"],
        "/dev/full",
    );
    let dir = temp_dir("report-full");
    let ttl = dir.join("in.ttl");
    assert!(
        vaardig(&[
            "export",
            "--format",
            "turtle",
            "--out",
            ttl.to_str().expect("utf-8")
        ])
        .status
        .success()
    );
    fails_with(
        &[
            "import",
            "skos",
            ttl.to_str().expect("utf-8"),
            "--out",
            dir.join("o").to_str().expect("utf-8"),
            "--report",
            "/dev/full",
            "--quiet",
        ],
        "/dev/full",
    );
}

/// Export errors name the path and give the reason once, in every format (Turtle said
/// "cannot write /dev/full: cannot write: No space left ...: No space left ...").
#[test]
fn export_errors_name_the_path_and_the_reason_once() {
    let dir = temp_dir("export-errors");
    // Under a file: no directory can be made there.
    std::fs::write(dir.join("a-file"), b"x").expect("written");
    let missing = dir.join("a-file").join("out");
    let m = missing.to_str().expect("utf-8");
    for format in ["json", "turtle", "csv", "parquet"] {
        let out = vaardig(&["export", "--format", format, "--out", m]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(stderr.contains("a-file"), "{format}: {stderr}");
    }
    for format in ["json", "turtle"] {
        let out = vaardig(&["export", "--format", format, "--out", "/dev/full"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("/dev/full"), "{format}: {stderr}");
        assert_eq!(
            stderr.matches("No space left").count(),
            1,
            "{format}: {stderr}"
        );
        assert!(!stderr.contains("cannot write: "), "{format}: {stderr}");
    }
}

#[test]
fn eight_processes_on_one_empty_index_directory_all_answer_the_same() {
    // Used to fail most runs: lock busy, missing files.
    let dir = temp_dir("shared-index");
    let index = dir.join("index");
    let children: Vec<_> = (0..8)
        .map(|_| {
            bin()
                .args(["search", "wondzorg", "--json", "--index"])
                .arg(&index)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("runs")
        })
        .collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("ends"))
        .collect();
    let expected = json(&["search", "wondzorg", "--json"]);
    for out in &outputs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v, expected);
    }
    assert_eq!(names_in(&index), ["tantivy", "vaardig-search.json"]);
}

// ---------------------------------------------------------------------------------------------
// Text output: no negative zeros, no terminal control characters from the data.

#[test]
fn an_empty_route_costs_0_not_minus_0() {
    // The sum of no floats is -0.0: an empty route printed `totaal: -0 uur, EUR -0.00`.
    let shown = json(&["show", "occ:verpleegkundige", "--json"]);
    let skills: Vec<Value> = shown["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .filter(|r| r["kind"] == "requires" && r["direction"] == "out")
        .map(|r| serde_json::json!({ "id": r["id"], "level": 5, "evidence": "diploma", "validated": true }))
        .collect();
    let dir = temp_dir("full-profile");
    let profile = dir.join("profile.json");
    std::fs::write(
        &profile,
        serde_json::json!({
            "skills": skills,
            // The diploma and registration the occupation requires: held, so nothing to study.
            "qualifications": ["qual:hbo-verpleegkunde", "qual:big-verpleegkundige"],
        })
        .to_string(),
    )
    .expect("write");
    let p = profile.to_str().expect("utf-8");
    let args = ["route", "--profile", p, "--to", "occ:verpleegkundige"];
    let text = vaardig(&args);
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("totaal: 0 uur, € 0"), "{text}");
    let raw = vaardig(&[&args[..], &["--json"]].concat());
    let raw = String::from_utf8_lossy(&raw.stdout);
    assert!(!raw.contains("-0.0"), "{raw}");
    let v: Value = serde_json::from_str(&raw).expect("JSON");
    assert_eq!(v["total_hours"], 0.0);
}

#[test]
fn terminal_control_characters_in_labels_are_escaped_on_text_output() {
    let dir = temp_dir("escapes");
    let evil = "rood\u{1b}[31m\u{7}\u{9b}2J\u{202e}tekst";
    std::fs::write(
        dir.join("ontology.toml"),
        "name = \"x\"\nversion = \"1\"\nrelease_date = \"2026-01-01\"\nlanguages = [\"nl\"]\nlicence = \"x\"\nsource = \"x\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("skills.csv"),
        format!("id,skill_type,pref_label_nl\nskill:rood,skill,{evil}\n"),
    )
    .expect("write");
    let d = dir.to_str().expect("utf-8");
    for args in [
        &["--ontology", d, "show", "skill:rood"][..],
        &["--ontology", d, "search", "rood"][..],
    ] {
        let out = vaardig(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for bad in ["\u{1b}", "\u{7}", "\u{9b}", "\u{202e}"] {
            assert!(
                !String::from_utf8_lossy(&out.stdout).contains(bad),
                "{args:?} printed {bad:?} raw"
            );
        }
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("\\u{1b}[31m"),
            "{args:?}"
        );
    }
    // JSON keeps the label exactly (JSON escapes control characters by its own rules).
    let v = json(&["--ontology", d, "show", "skill:rood", "--json"]);
    assert_eq!(v["labels"]["pref"]["nl"], evil, "{v}");
    // Diagnostics on stderr are escaped too.
    std::fs::write(
        dir.join("skills.csv"),
        "id,skill_type,pref_label_nl\nskill:rood\u{1b}]0;pwned\u{7},skill,x\n",
    )
    .expect("write");
    let out = vaardig(&["validate", d]);
    assert_eq!(out.status.code(), Some(1));
    let all = [out.stdout, out.stderr].concat();
    assert!(!all.contains(&0x1b), "{}", String::from_utf8_lossy(&all));
}

#[test]
fn diff_never_writes_its_mapping_over_an_input() {
    let dir = temp_dir("diff-outputs");
    let o = dir.join("o");
    let o = o.to_str().expect("utf-8");
    assert!(
        vaardig(&["export", "--format", "csv", "--out", o])
            .status
            .success()
    );
    let mapping = dir.join("m.csv");
    let m = mapping.to_str().expect("utf-8");
    let first = vaardig(&["diff", o, o, "--sample", "0", "--write-mapping", m]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = std::fs::read(&mapping).expect("written");
    fails_with(
        &[
            "diff",
            o,
            o,
            "--sample",
            "0",
            "--mapping",
            m,
            "--write-mapping",
            m,
            "--force",
        ],
        "input",
    );
    fails_with(
        &["diff", o, o, "--sample", "0", "--write-mapping", m],
        "--force",
    );
    assert_eq!(std::fs::read(&mapping).expect("kept"), before);
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
        let child = bin()
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

/// Issue 13: occupations by label, and a mistyped id gets "did you mean" instead of "ambiguous".
#[test]
fn occupations_resolve_by_label_and_a_typo_gets_suggestions() {
    let profile = "../../examples/profiles/kassamedewerker.json";
    let by_label = json(&[
        "gap",
        "--profile",
        profile,
        "--occupation",
        "boekhouder",
        "--json",
    ]);
    assert_eq!(by_label["occupation"]["id"], "occ:boekhouder");
    let out = vaardig(&[
        "gap",
        "--profile",
        profile,
        "--occupation",
        "occ:verpleegkundig",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean") && stderr.contains("occ:verpleegkundige"),
        "{stderr}"
    );
    assert!(!stderr.contains("ambiguous"), "{stderr}");
}

/// Issue 13: `advies --skill …` with `--age` and `--nlqf` works on its default scheme; without an
/// age the error says how to give one.
#[test]
fn advice_from_skill_labels_takes_age_and_nlqf() {
    let out = vaardig(&[
        "advies", "--skill", "wondzorg", "--age", "45", "--nlqf", "2",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Leerrechten") && text.contains("vanaf 27 jaar"),
        "{text}"
    );
    let out = vaardig(&["advies", "--skill", "wondzorg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--age"));
}

/// Issue 13: `profile new` drafts a profile from CV text that `advies` then takes.
#[test]
fn profile_new_drafts_a_profile_that_advice_takes() {
    let dir = temp_dir("profile-new");
    let path = dir.join("p.json");
    let p = path.to_str().expect("utf-8");
    let cv = "Acht jaar kassamedewerker. Ik heb de kas opgemaakt en vakken gevuld.";
    let out = vaardig(&[
        "profile", "new", cv, "--age", "34", "--nlqf", "1", "--out", p,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let profile: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    assert_eq!(profile["current_occupation"], "occ:kassamedewerker");
    assert_eq!(profile["age"], 34);
    let ids: Vec<&str> = profile["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(ids.contains(&"skill:kas-opmaken"), "{ids:?}");
    // An existing file is not overwritten without --force.
    let again = vaardig(&["profile", "new", cv, "--out", p]);
    assert_eq!(again.status.code(), Some(2));
    let advice = vaardig(&["advies", "--profile", p]);
    assert_eq!(
        advice.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&advice.stderr)
    );
}

#[test]
fn stats_and_show_speak_dutch_first_and_english_on_request() {
    let text = |args: &[&str]| String::from_utf8_lossy(&vaardig(args).stdout).into_owned();
    let nl = text(&["stats"]);
    assert!(
        nl.contains("beroepen") && nl.contains("diepte van de hiërarchie"),
        "{nl}"
    );
    let en = text(&["stats", "--lang", "en"]);
    assert!(
        en.contains("occupations") && en.contains("hierarchy depth"),
        "{en}"
    );
    let nl = text(&["show", "occ:verpleegkundige"]);
    assert!(
        nl.contains("synoniemen") && nl.contains("minimaal NLQF-niveau: 6"),
        "{nl}"
    );
    let en = text(&["show", "occ:verpleegkundige", "--lang", "en"]);
    assert!(
        en.contains("synonyms") && en.contains("minimum NLQF level: 6"),
        "{en}"
    );
}

// ---------------------------------------------------------------------------------------------
// Parquet tables for data teams.

#[test]
fn export_parquet_then_import_parquet_gives_the_same_ontology_byte_for_byte() {
    let dir = temp_dir("parquet");
    let tables = dir.join("tables");
    let native = dir.join("native");
    let (t, n) = (
        tables.to_str().expect("utf-8"),
        native.to_str().expect("utf-8"),
    );
    let out = vaardig(&["export", "--format", "parquet", "--out", t]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        files_of(&tables).into_keys().collect::<Vec<_>>(),
        [
            "concepts.parquet",
            "labels.parquet",
            "manifest.parquet",
            "relations.parquet"
        ]
    );
    // The same ontology, the same bytes; and existing output only with --force.
    let before = files_of(&tables);
    fails_with(&["export", "--format", "parquet", "--out", t], "--force");
    let again = vaardig(&["export", "--format", "parquet", "--out", t, "--force"]);
    assert!(again.status.success());
    assert_eq!(files_of(&tables), before);
    fails_with(&["export", "--format", "parquet"], "--out DIR");

    assert_eq!(json(&["validate", t, "--json"])["valid"], true);
    let out = vaardig(&["import", "parquet", t, "--out", n]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("wrote vaardig-nl"), "{stderr}");
    let exported = vaardig(&["export"]).stdout;
    let round_tripped = vaardig(&["--ontology", n, "export"]).stdout;
    assert!(!exported.is_empty());
    assert!(
        exported == round_tripped,
        "the JSON export differs after Parquet"
    );
    // Every command reads the Parquet directory as it is, too.
    let from_parquet = vaardig(&["--ontology", t, "export"]).stdout;
    assert!(
        exported == from_parquet,
        "the JSON export differs with --ontology"
    );
    fails_with(&["import", "parquet", t, "--out", n], "--force");
    assert!(
        vaardig(&["import", "parquet", t, "--out", n, "--force"])
            .status
            .success()
    );
    // The output may not be the input.
    fails_with(&["import", "parquet", t, "--out", t, "--force"], t);
}

#[test]
fn import_parquet_names_the_bad_file_and_writes_nothing() {
    let dir = temp_dir("parquet-bad");
    let tables = dir.join("tables");
    let native = dir.join("native");
    let (t, n) = (
        tables.to_str().expect("utf-8"),
        native.to_str().expect("utf-8"),
    );
    assert!(
        vaardig(&["export", "--format", "parquet", "--out", t])
            .status
            .success()
    );
    std::fs::write(tables.join("relations.parquet"), b"PAR1 but not really").expect("write");
    fails_with(&["import", "parquet", t, "--out", n], "relations.parquet");
    assert!(!native.exists(), "nothing written");
    std::fs::remove_file(tables.join("labels.parquet")).expect("remove");
    fails_with(&["import", "parquet", t, "--out", n], "labels.parquet");
    fails_with(&["--ontology", t, "stats"], "labels.parquet");
    // `validate` lists the problem with its file, like the native format's.
    let out = vaardig(&["validate", t]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("labels.parquet"));
    let help = vaardig(&["import", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("parquet"));
    let help = vaardig(&["export", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("parquet"));
}

/// `vaardig ARGS` with its own cache directory (`None`: the environment turns the cache off).
fn with_cache(cache: Option<&Path>, args: &[&str]) -> Output {
    let mut command = bin();
    match cache {
        Some(dir) => command.env("VAARDIG_CACHE_DIR", dir),
        None => command.env("VAARDIG_NO_CACHE", "1"),
    };
    let out = command
        .args(args)
        .output()
        .expect("the vaardig binary runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The entries of `dir`, sorted (none when it does not exist).
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_snapshot_and_the_cached_index_are_used_and_a_wrong_one_is_rebuilt() {
    let tmp = temp_dir("cache");
    let dir = tmp.join("ontology");
    let cache = tmp.join("cache");
    vaardig_core::write_dir(&Ontology::embedded().expect("valid"), &dir).expect("written");
    let d = dir.to_str().expect("utf-8");
    let search = ["--ontology", d, "search", "wondzorg", "--json"];
    let transitions = [
        "--ontology",
        d,
        "transitions",
        "--from",
        "occ:verpleegkundige",
        "--limit",
        "5",
        "--json",
    ];
    let snapshot = dir.join(vaardig_core::snapshot::SNAPSHOT_FILE);

    // Without the cache: the answers to compare with, and nothing written.
    let plain_search = with_cache(None, &search).stdout;
    let plain_transitions = with_cache(None, &transitions).stdout;
    assert!(!snapshot.exists());
    assert!(!cache.exists());
    let off = with_cache(
        Some(&cache),
        &[
            "--no-cache",
            "--ontology",
            d,
            "search",
            "wondzorg",
            "--json",
        ],
    );
    assert_eq!(off.stdout, plain_search);
    assert!(
        !snapshot.exists() && !cache.exists(),
        "--no-cache wrote a cache"
    );

    // Cold: the snapshot goes beside the tables, the index into the cache.
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    let good = std::fs::read(&snapshot).expect("a snapshot beside the tables");
    let indexes = entries(&cache.join("search"));
    assert_eq!(indexes.len(), 1, "{indexes:?}");
    let v = vaardig_search::INDEX_FORMAT_VERSION;
    assert!(indexes[0].ends_with(&format!("-v{v}")), "{indexes:?}");
    // Warm: the same answers, nothing new.
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    assert_eq!(
        with_cache(Some(&cache), &transitions).stdout,
        plain_transitions
    );
    assert_eq!(std::fs::read(&snapshot).expect("kept"), good);
    assert_eq!(entries(&cache.join("search")), indexes);

    // A flipped byte, a cut file: detected, rebuilt to the same bytes, same answers.
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    std::fs::write(&snapshot, &flipped).expect("written");
    assert_eq!(
        with_cache(Some(&cache), &transitions).stdout,
        plain_transitions
    );
    assert_eq!(std::fs::read(&snapshot).expect("rebuilt"), good);
    std::fs::write(&snapshot, &good[..good.len() / 2]).expect("written");
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    assert_eq!(std::fs::read(&snapshot).expect("rebuilt"), good);

    // A broken cached index (a flipped byte, its marker gone, its documents cut) is rebuilt.
    let index = cache.join("search").join(&indexes[0]);
    let largest = std::fs::read_dir(index.join("tantivy"))
        .expect("index")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("index files");
    let mut bytes = std::fs::read(&largest).expect("readable");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&largest, &bytes).expect("written");
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    assert_ne!(
        std::fs::read(&largest).ok(),
        Some(bytes),
        "the damaged index file was kept"
    );
    std::fs::remove_file(index.join("vaardig-search.json")).expect("marker");
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    assert!(index.join("vaardig-search.json").exists());
    for entry in std::fs::read_dir(index.join("tantivy")).expect("index") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "store") {
            std::fs::write(&path, b"").expect("cut");
        }
    }
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);

    // A changed table: the snapshot is stale, the new content is answered, and a new index
    // (another content hash) is built beside the old one.
    let manifest = dir.join("ontology.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replacen("version = \"", "version = \"next-", 1),
    )
    .expect("written");
    let stats = with_cache(Some(&cache), &["--ontology", d, "stats", "--json"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).expect("JSON");
    assert!(
        stats.to_string().contains("next-"),
        "the stale snapshot was used: {stats}"
    );
    assert_ne!(std::fs::read(&snapshot).expect("rewritten"), good);
    assert_eq!(with_cache(Some(&cache), &search).stdout, plain_search);
    assert_eq!(entries(&cache.join("search")).len(), 2);
}

#[test]
fn a_read_only_ontology_gets_its_snapshot_in_the_cache_directory() {
    let tmp = temp_dir("cache-readonly");
    let dir = tmp.join("ontology");
    let cache = tmp.join("cache");
    vaardig_core::write_dir(&Ontology::embedded().expect("valid"), &dir).expect("written");
    // A directory where the snapshot would go: unwritable there, even for root.
    std::fs::create_dir(dir.join(vaardig_core::snapshot::SNAPSHOT_FILE)).expect("dir");
    let d = dir.to_str().expect("utf-8");
    let first = with_cache(Some(&cache), &["--ontology", d, "stats", "--json"]);
    let snapshots = entries(&cache.join("snapshots"));
    assert_eq!(snapshots.len(), 1, "{snapshots:?}");
    let second = with_cache(Some(&cache), &["--ontology", d, "stats", "--json"]);
    assert_eq!(first.stdout, second.stdout);
}

/// What `vaardig ARGS` prints on stdout, with `VAARDIG_LANG` set to `env` (or unset).
fn stdout_with_lang(env: Option<&str>, args: &[&str]) -> String {
    let mut command = bin();
    match env {
        Some(lang) => command.env("VAARDIG_LANG", lang),
        None => command.env_remove("VAARDIG_LANG"),
    };
    let out = command
        .args(args)
        .output()
        .expect("the vaardig binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn help_golden_in_dutch_and_english() {
    use expect_test::expect_file;
    // Dutch by default; `--lang` anywhere, else VAARDIG_LANG, chooses.
    expect_file!["golden/help/vaardig.nl.txt"].assert_eq(&stdout_with_lang(None, &["--help"]));
    expect_file!["golden/help/vaardig.en.txt"]
        .assert_eq(&stdout_with_lang(None, &["--help", "--lang", "en"]));
    expect_file!["golden/help/transitions.nl.txt"].assert_eq(&stdout_with_lang(
        Some("en"),
        &["transitions", "--lang=nl", "--help"],
    ));
    expect_file!["golden/help/transitions.en.txt"]
        .assert_eq(&stdout_with_lang(Some("en"), &["transitions", "-h"]));
    // `vaardig help CMD` is the same page as `vaardig CMD --help`.
    assert_eq!(
        stdout_with_lang(None, &["help", "report"]),
        stdout_with_lang(None, &["report", "--help"])
    );
}

#[test]
fn usage_errors_are_dutch_by_default_and_english_on_request() {
    let out = vaardig(&["transitions", "--frm", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("fout: onbekend argument '--frm'"), "{err}");
    assert!(err.contains("bedoelde u '--from'?"), "{err}");
    assert!(
        err.contains("Gebruik: vaardig transitions [OPTIES]"),
        "{err}"
    );
    let out = vaardig(&["sttas", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: unrecognized subcommand 'sttas'"),
        "{err}"
    );
    let out = vaardig(&["gap"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("verplichte argumenten ontbreken"), "{err}");
    assert!(err.contains("--occupation <ID>"), "{err}");
    // VAARDIG_LANG chooses the output language when no `--lang` is given; `--lang` wins.
    let rights = ["rights", "--age", "45", "--nlqf", "2"];
    let en = stdout_with_lang(Some("en"), &rights);
    assert!(en.contains("amount"), "{en}");
    let nl = stdout_with_lang(
        Some("en"),
        &["rights", "--age", "45", "--nlqf", "2", "--lang", "nl"],
    );
    assert!(!nl.contains("amount") && nl.contains("€ "), "{nl}");
    let out = vaardig(&["rights", "--age", "300", "--nlqf", "2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("300 ligt niet tussen 0 en 120"), "{err}");
    // `--lang` is accepted by every command, also those that print no prose.
    assert!(
        vaardig(&["config", "--defaults", "--lang", "en"])
            .status
            .success()
    );
    assert_eq!(
        stdout_with_lang(None, &["--version"]),
        format!("vaardig {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn report_golden_on_the_embedded_ontology_in_dutch_and_english() {
    use expect_test::expect_file;
    let nl = stdout_with_lang(None, &["report", "--markdown"]);
    expect_file!["golden/report/embedded.nl.md"].assert_eq(&nl);
    let en = stdout_with_lang(Some("en"), &["report", "--markdown"]);
    expect_file!["golden/report/embedded.en.md"].assert_eq(&en);
    // The same report: only the words and the way numbers are written differ.
    assert_eq!(nl.lines().count(), en.lines().count());
    assert!(
        nl.contains(" begrippen, ") && nl.contains("## Bevindingen"),
        "{nl}"
    );
    assert!(
        en.contains(" concepts, ") && en.contains("## Findings"),
        "{en}"
    );
    // A language the ontology has no labels in is refused, as in every command.
    let fr = vaardig(&["report", "--lang", "fr"]);
    assert_eq!(fr.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&fr.stderr).contains("fr"),
        "{}",
        String::from_utf8_lossy(&fr.stderr)
    );
    // The plain summary follows the language too.
    let plain = stdout_with_lang(None, &["report"]);
    assert!(
        plain.contains("vaardigheden die geen enkel beroep vraagt"),
        "{plain}"
    );
}

#[test]
fn table_limits_come_from_the_environment() {
    let dir = temp_dir("limits");
    let out_dir = dir.join("embedded");
    let out_str = out_dir.to_str().expect("utf-8");
    // Too few rows allowed: the export is refused before anything is written.
    let out = bin()
        .env("VAARDIG_MAX_ROWS", "10")
        .args(["export", "--format", "csv", "--out", out_str])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(!out_dir.exists(), "nothing half-written");
    let out = vaardig(&["export", "--format", "csv", "--out", out_str]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Reading within the default limits passes; a table limit of 0 MiB refuses every table
    // before reading it, naming the limit.
    let ok = bin()
        .env("VAARDIG_NO_CACHE", "1")
        .args(["validate", out_str])
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let refused_naming = |var: &str, field: &str| {
        let refused = bin()
            .env("VAARDIG_NO_CACHE", "1")
            .env(var, "0")
            .args(["validate", out_str])
            .output()
            .expect("runs");
        assert_eq!(refused.status.code(), Some(1), "{var}=0");
        let text = String::from_utf8_lossy(&refused.stdout).into_owned()
            + &String::from_utf8_lossy(&refused.stderr);
        assert!(text.contains(field), "{text}");
    };
    refused_naming("VAARDIG_MAX_TABLE_MB", "max_table_bytes");
    // So does a total of 0 MiB, from the tables' sizes together.
    refused_naming("VAARDIG_MAX_TOTAL_MB", "max_total_bytes");
    // A value that is not a number is an error that names the variable.
    let bad = bin()
        .env("VAARDIG_MAX_ROWS", "many")
        .args(["stats"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("VAARDIG_MAX_ROWS"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

#[test]
fn report_lists_concepts_by_their_label_in_the_requested_language() {
    let dir = german_fixture("lang-de-report");
    let dir = dir.to_str().expect("utf-8");
    let labels = |lang: &str| -> Vec<(String, String)> {
        let v = json(&["report", dir, "--json", "--lang", lang]);
        v["few_essential"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|o| {
                (
                    o["id"].as_str().unwrap_or_default().to_owned(),
                    o["label"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let de = labels("de");
    assert!(
        de.contains(&("occ:lasser".to_owned(), "Schweißer".to_owned())),
        "{de:?}"
    );
    // No German label: the primary (Dutch) one.
    assert!(
        de.contains(&("occ:monteur".to_owned(), "monteur".to_owned())),
        "{de:?}"
    );
    let nl = labels("nl");
    assert!(
        nl.contains(&("occ:lasser".to_owned(), "lasser".to_owned())),
        "{nl:?}"
    );
}
