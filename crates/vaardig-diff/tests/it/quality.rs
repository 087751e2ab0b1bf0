//! The quality report on a hand-made version.

use vaardig_core::ConceptKind;
use vaardig_diff::{QualityOptions, QualityReport};

use crate::fixtures::version;

fn report() -> QualityReport {
    QualityReport::of(&version(false), &QualityOptions::default())
}

fn ids(list: &[vaardig_diff::ConceptRef]) -> Vec<&str> {
    list.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn label_completeness_per_language() {
    let r = report();
    let langs: Vec<&str> = r.labels.iter().map(|l| l.lang.as_str()).collect();
    assert_eq!(langs, vec!["nl", "en"]);
    let (nl, en) = (&r.labels[0], &r.labels[1]);
    assert_eq!(nl.pref, 1.0);
    assert_eq!(nl.missing_pref, 0);
    // English: 3 skills and 2 occupations of 14 concepts.
    assert_eq!(en.missing_pref, 9);
    assert!((en.pref - 5.0 / 14.0).abs() < 1e-12);
    assert_eq!(en.pref_by_kind[&ConceptKind::Occupation], 1.0);
    assert_eq!(nl.synonyms.max, 1);
    assert!((nl.alt - 1.0 / 14.0).abs() < 1e-12);
    assert!((nl.definition - 1.0 / 14.0).abs() < 1e-12);
}

#[test]
fn hierarchy_depth_and_fan_out() {
    let r = report();
    let caps = &r.hierarchies[0];
    assert_eq!(caps.name, "capabilities");
    // 6 skills + 3 knowledge areas; 5 skills under ka:zorg, ponsen and ka:techniek/ka:leeg alone.
    assert_eq!(caps.concepts, 9);
    assert_eq!(caps.depth.max, 2);
    assert_eq!(caps.fan_out.count, 1);
    assert_eq!(caps.fan_out.max, 5);
    assert_eq!(caps.unplaced, 3);
    let occs = &r.hierarchies[1];
    assert_eq!((occs.concepts, occs.roots, occs.depth.max), (2, 2, 1));
}

#[test]
fn unused_thin_and_isolated_things_are_listed() {
    let r = report();
    assert_eq!(ids(&r.unrequired_skills), vec!["skill:ongebruikt"]);
    let thin: Vec<(&str, usize)> = r
        .few_essential
        .iter()
        .map(|o| (o.id.as_str(), o.essential))
        .collect();
    // Fewest essential first, then fewest requirements.
    assert_eq!(
        thin,
        vec![("occ:verzorgende", 2), ("occ:verpleegkundige", 2)]
    );
    assert_eq!(ids(&r.offers_teaching_nothing), vec!["offer:leeg"]);
    assert_eq!(
        ids(&r.offers_teaching_nothing_required),
        vec!["offer:ongebruikt"]
    );
    assert_eq!(
        ids(&r.isolated),
        vec!["ka:leeg", "ka:techniek", "offer:leeg"]
    );
}

#[test]
fn thresholds_are_options() {
    let r = QualityReport::of(
        &version(false),
        &QualityOptions {
            few_essential: 2,
            ..QualityOptions::default()
        },
    );
    assert!(r.few_essential.is_empty());
}
