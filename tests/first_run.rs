//! What a first-time user reads: the facade's front page shows an example for every crate,
//! and the README says how to depend on vaardig and where to get ESCO.

const FRONT_PAGE: &str = include_str!("../src/lib.rs");
const README: &str = include_str!("../README.md");

#[test]
fn the_front_page_has_an_example_for_every_crate() {
    // The doc tests themselves run under `cargo test --doc -p vaardig`; here: one per crate.
    let examples: Vec<&str> = FRONT_PAGE.split("//! ```").skip(1).step_by(2).collect();
    for krate in ["core", "search", "score", "import", "diff"] {
        let uses = format!("vaardig::{krate}::");
        assert!(
            examples.iter().any(|e| e.contains(&uses)),
            "no example on the front page uses `{uses}`"
        );
    }
}

#[test]
fn the_readme_says_how_to_depend_on_vaardig_and_where_esco_is() {
    for needle in [
        "[profile.dev.package.\"*\"]",
        "opt-level = 2",
        "Cargo.lock",
        "rev = ",
        "https://esco.ec.europa.eu/en/use-esco/download",
        "skills_<lang>.csv",
        "occupationSkillRelations.csv",
        "10–20 minutes",
    ] {
        assert!(
            README.contains(needle),
            "the README does not say `{needle}`"
        );
    }
}
