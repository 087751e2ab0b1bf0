//! Golden tests of `vaardig advies` for eight realistic Dutch profiles (issue 13), in Dutch and
//! English, on the embedded ontology. The expected texts live in `tests/golden/advies/`; each was
//! read for plausibility before it was committed.
//!
//! After an intended change, regenerate them with `UPDATE_EXPECT=1 cargo test -p vaardig-cli
//! --test advies_golden` and read the diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The profiles, from `examples/profiles/`.
const PROFILES: [&str; 8] = [
    "kassamedewerker",
    "administratief-medewerker",
    "productiemedewerker",
    "postbezorger",
    "zij-instromer-onderwijs",
    "verpleegkundige-buitenlands-diploma",
    "jongere-zonder-startkwalificatie",
    "leeg",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The advice for one profile in one language: what a person sees (stdout, or the error).
fn advies(profile: &str, lang: &str) -> Result<String, Box<dyn std::error::Error>> {
    let path = root()
        .join("examples/profiles")
        .join(format!("{profile}.json"));
    let out = Command::new(env!("CARGO_BIN_EXE_vaardig"))
        // Never the user's cache: these answers come from the embedded ontology alone.
        .env("VAARDIG_NO_CACHE", "1")
        .args(["advies", "--profile"])
        .arg(&path)
        .args(["--lang", lang])
        .output()?;
    let mut text = String::from_utf8(out.stdout)?;
    if !out.status.success() {
        text.push_str(&format!(
            "exit {}\n{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stderr)?
        ));
    }
    Ok(text)
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_EXPECT` is set.
fn check_golden(name: &str, actual: &str) -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/advies")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        return std::fs::write(&path, actual).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_EXPECT=1 to create it)",
            path.display()
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    let first = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    Err(format!(
        "{name} differs from {} at line {}:\n  expected: {}\n  actual:   {}\n(UPDATE_EXPECT=1 rewrites it)",
        path.display(),
        first + 1,
        expected.lines().nth(first).unwrap_or("<end>"),
        actual.lines().nth(first).unwrap_or("<end>")
    ))
}

#[test]
fn advies_of_eight_dutch_profiles_in_dutch_and_english() -> Result<(), Box<dyn std::error::Error>> {
    let mut failures = Vec::new();
    for profile in PROFILES {
        for lang in ["nl", "en"] {
            let text = advies(profile, lang)?;
            if let Err(e) = check_golden(&format!("{profile}.{lang}.txt"), &text) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    Ok(())
}

#[test]
fn the_advice_names_entry_requirements_where_the_law_asks_them()
-> Result<(), Box<dyn std::error::Error>> {
    // The nurse with a foreign diploma is not told she can simply work as a nurse: the BIG
    // registration is named.
    let text = advies("verpleegkundige-buitenlands-diploma", "nl")?;
    assert!(text.contains("BIG-registratie verpleegkundige"), "{text}");
    // The empty profile gets a plain error, not an empty advice.
    let text = advies("leeg", "nl")?;
    assert!(text.contains("holds no skills"), "{text}");
    Ok(())
}
