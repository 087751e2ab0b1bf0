//! Reports for people: Markdown (golden files), the SVG histogram and the DOT export.

use expect_test::expect_file;
use vaardig_diff::impact::{NamedProfile, impact, measure, sample_profiles};
use vaardig_diff::markdown::{MarkdownOptions, diff_report, quality_report};
use vaardig_diff::{ImpactOptions, QualityOptions, QualityReport, diff};
use vaardig_score::{Lang, Scorer, TransitionOptions};

use crate::fixtures::{Fixed, check, version};

fn impact_of_pair() -> vaardig_diff::Impact {
    let (a, b) = (version(false), version(true));
    let profiles: Vec<NamedProfile> = sample_profiles(&a, 2);
    match impact(
        &a,
        &b,
        &diff(&a, &b),
        &profiles,
        &ImpactOptions {
            k: 1,
            depth: 2,
            ..ImpactOptions::default()
        },
    ) {
        Ok(i) => i,
        Err(e) => panic!("impact failed: {e}"),
    }
}

#[test]
fn diff_markdown_of_the_hand_made_pair() {
    let (a, b) = (version(false), version(true));
    let mut options = MarkdownOptions {
        rows: 25,
        chart: Some("rank-changes.svg".into()),
        lang: Lang::En,
        label_language: None,
    };
    // Fixed rankings keep this golden file independent of the scorer's tuning.
    let d = diff(&a, &b);
    let old = Fixed {
        ranking: vec![("occ:verpleegkundige", 0.9), ("skill:oud", 0.8)],
        gap: 0.5,
    };
    let new = Fixed {
        ranking: vec![("occ:verzorgende", 0.9), ("occ:verpleegkundige", 0.8)],
        gap: 0.25,
    };
    let profiles = sample_profiles(&a, 2);
    let i = match measure(
        &a,
        &b,
        &d,
        &old,
        &new,
        &profiles,
        &ImpactOptions {
            k: 2,
            depth: 2,
            ..ImpactOptions::default()
        },
    ) {
        Ok(i) => i,
        Err(e) => panic!("impact failed: {e}"),
    };
    let md = diff_report(&d, &a, &b, Some(&i), &options);
    check(&md, expect_file!["golden/handmade_diff.md"]);
    // The same report in Dutch (the default): the same tables, Dutch words and numbers.
    options.lang = Lang::Nl;
    let nl = diff_report(&d, &a, &b, Some(&i), &options);
    check(&nl, expect_file!["golden/handmade_diff.nl.md"]);
    assert_eq!(nl.lines().count(), md.lines().count());
}

#[test]
fn quality_markdown_of_the_old_version() {
    let r = QualityReport::of(&version(false), &QualityOptions::default());
    let en = MarkdownOptions {
        lang: Lang::En,
        ..MarkdownOptions::default()
    };
    let md = quality_report(&r, &en);
    check(&md, expect_file!["golden/handmade_quality.md"]);
    let nl = quality_report(&r, &MarkdownOptions::default());
    check(&nl, expect_file!["golden/handmade_quality.nl.md"]);
    assert_eq!(nl.lines().count(), md.lines().count());
}

#[test]
fn markdown_escapes_labels_and_cuts_long_tables() {
    let (a, b) = (version(false), version(true));
    let options = MarkdownOptions {
        rows: 1,
        chart: None,
        lang: Lang::En,
        label_language: None,
    };
    let md = diff_report(&diff(&a, &b), &a, &b, None, &options);
    assert!(md.contains("… and 1 more"), "{md}");
    // Every row of a table has as many cell separators (unescaped `|`) as its header.
    let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let n = pipes(line);
        match header {
            None => header = Some(n),
            Some(h) => assert_eq!(n, h, "{line}"),
        }
    }
    assert!(md.contains(r#"verzorgende "IG""#), "{md}");
}

#[test]
fn the_histogram_is_deterministic_svg_with_every_bin() -> Result<(), vaardig_diff::DiffError> {
    let i = impact_of_pair();
    let one = vaardig_diff::plot::rank_change_histogram(&i)?;
    let two = vaardig_diff::plot::rank_change_histogram(&i)?;
    assert_eq!(one, two);
    assert!(one.starts_with("<svg") && one.trim_end().ends_with("</svg>"));
    for label in ["out", "same", "up 20+", "down 20+"] {
        assert!(one.contains(label), "missing bin {label}");
    }
    Ok(())
}

#[test]
fn dot_quotes_labels_and_lists_skills_to_learn() -> Result<(), vaardig_score::ScoreError> {
    let o = version(false);
    let scorer = Scorer::with_defaults(&o);
    let t = scorer.transitions_from("occ:verpleegkundige", &TransitionOptions::default())?;
    let dot = vaardig_diff::dot::transition_neighbourhood(&t, Lang::Nl);
    assert!(dot.starts_with("digraph transitions {\n") && dot.ends_with("}\n"));
    // The care worker's label has quotes: they are escaped, so every line has balanced quotes.
    assert!(dot.contains(r#"verzorgende \"IG\""#), "{dot}");
    for line in dot.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    assert!(dot.contains("\"occ:verpleegkundige\" -> \"occ:verzorgende\""));
    // A nurse lacks lifting, which care workers need.
    assert!(
        dot.contains("\"occ:verzorgende\" -> \"skill:tillen\""),
        "{dot}"
    );
    Ok(())
}
