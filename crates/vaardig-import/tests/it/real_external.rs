//! Imports of the published taxonomies in `../shared/data/external` (see its README), with
//! exact counts; ignored, with the reason, when the data is absent.

use std::path::PathBuf;

use vaardig_core::DiagnosticKind as K;
use vaardig_import::{ImportOptions, Mapping, import_rdf};

use crate::util::counts;

/// `../shared/data/external/<path>` beside the repository.
pub fn external(path: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/external")
        .join(path);
    assert!(
        p.exists(),
        "{} is missing (see ../shared/data/external/README.md); tests that need it are ignored \
         when the build script does not find it",
        p.display()
    );
    p
}

const EXCERPT: &str = "esco-rdf/esco-v1.0-dump-excerpt.ttl";

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn the_esco_rdf_excerpt_rejects_only_links_out_of_the_excerpt() {
    let import = import_rdf(
        &[external(EXCERPT)],
        &Mapping::esco(),
        ImportOptions::new().languages(["en"]),
    )
    .expect("lenient");
    let r = import.report();
    assert!(r.counts_balance());
    assert_eq!(r.unexplained_skipped(), 0);
    // Before: 60 imported, 354 skipped, 62 rejected (6 of them the ISCO group's skos:narrower).
    // The three `iso-thes:status "released"` triples are kept as the skills' status.
    assert_eq!(counts(r, "esco-v1.0-dump-excerpt.ttl"), (476, 36, 384, 56));
    // Every rejection is a skill naming an occupation or skill the excerpt cuts off.
    let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 56);
    assert!(errors.iter().all(|d| d.kind == K::DanglingReference
        && d.message.contains("names unknown concept")
        && d.location.line != Some(109)));
    // The group's narrower links are its occupations' ISCO codes; they are not in the excerpt.
    assert_eq!(
        r.unused_predicates
            .get("http://www.w3.org/2004/02/skos/core#narrower"),
        Some(&6)
    );
    assert!(
        r.unknown_predicates.is_empty(),
        "{:?}",
        r.unknown_predicates
    );
    assert!(r.unknown_classes.is_empty(), "{:?}", r.unknown_classes);
    // `en-us` is folded into `en`, not a language of its own.
    assert_eq!(r.folded_languages.get("en-us"), Some(&3));
    assert!(!r.ignored_languages.contains_key("en-us"));
    assert_eq!(
        r.concepts.get("skill"),
        Some(&3),
        "the three skills the excerpt describes"
    );
}

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn the_esco_rdf_excerpt_passes_strict_as_a_partial_graph() {
    let import = import_rdf(
        &[external(EXCERPT)],
        &Mapping::esco(),
        ImportOptions::new()
            .languages(["en"])
            .strict(true)
            .partial(true),
    )
    .expect("strict passes: nothing in the excerpt is wrong, it is cut off");
    let r = import.report();
    assert_eq!(counts(r, "esco-v1.0-dump-excerpt.ttl"), (476, 36, 440, 0));
    assert_eq!(r.outside_graph, 56);
    assert_eq!(r.unexplained_skipped(), 0);
    assert!(
        !r.unused_predicates
            .contains_key("http://purl.org/iso25964/skos-thes#status")
    );
    let o = import.build().expect("builds").ontology;
    let s = o
        .get("esco:skill/885564e4-9818-44ac-a77d-ddfe30b34ed7")
        .expect("present");
    assert_eq!(
        s.labels.pref("en"),
        Some("managing a business with great care")
    );
    // `iso-thes:status "released"`: every skill of the excerpt is current, and the status is
    // read, not counted as unused.
    assert!(
        o.iter()
            .all(|(_, c)| c.status == vaardig_core::Status::Current)
    );
}

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn onet_29_1_imports_with_exact_counts() {
    use vaardig_core::{ConceptKind, Importance, RelationKind};
    use vaardig_import::{OnetOptions, import_onet};

    let import = import_onet(
        external("onet-29.1"),
        &OnetOptions::default(),
        ImportOptions::new().strict(true),
    )
    .expect("nothing in O*NET 29.1 is rejected");
    let r = import.report().clone();
    assert!(r.counts_balance());
    let skipped: u64 = r.sources.iter().map(|s| s.skipped).sum();
    assert_eq!(r.skipped_rows.values().sum::<u64>(), skipped);
    assert_eq!(counts(&r, "Occupation Data.txt"), (1016, 1016, 0, 0));
    assert_eq!(counts(&r, "Content Model Reference.txt"), (627, 23, 604, 0));
    assert_eq!(counts(&r, "Alternate Titles.txt"), (55120, 55120, 0, 0));
    // 879 occupations × 16 work styles; 7 ratings below 2.0 ("not important").
    assert_eq!(counts(&r, "Work Styles.txt"), (14064, 14057, 7, 0));
    assert_eq!(counts(&r, "Task Statements.txt"), (18796, 18796, 0, 0));
    assert_eq!(
        counts(&r, "Related Occupations (first 120 rows).txt"),
        (120, 120, 0, 0)
    );
    assert_eq!(counts(&r, "Job Zones.txt"), (923, 923, 0, 0));
    assert_eq!(counts(&r, "Technology Skills.txt"), (32627, 32627, 0, 0));
    // What the model now keeps is no longer counted as read but not kept.
    for kept in [
        "Work Styles.txt: Data Value",
        "Job Zones.txt: Job Zone",
        "Technology Skills.txt: In Demand",
        "Technology Skills.txt: Example",
    ] {
        assert!(!r.unused_columns.contains_key(kept), "{kept}");
    }
    assert!(
        r.skipped_rows.keys().all(|k| !k.starts_with("Job Zones")
            && !k.starts_with("Related Occupations")
            && !k.starts_with("Technology Skills")),
        "{:?}",
        r.skipped_rows
    );
    let o = import.build().expect("builds").ontology;
    assert_eq!(o.count(ConceptKind::Occupation), 1016);
    assert_eq!(o.count(ConceptKind::OccupationTask), 18796);
    assert_eq!(
        o.count(ConceptKind::Skill),
        16 + 135,
        "the work styles and the technology commodities"
    );
    // Their content-model groups (1.C Work Styles, 1.C.1 Achievement Orientation, ...).
    assert_eq!(o.count(ConceptKind::KnowledgeArea), 7);
    assert_eq!(o.relation_count(RelationKind::Broader), 22);
    // 14,057 work-style ratings and 12,895 occupation × technology commodity pairs.
    assert_eq!(o.relation_count(RelationKind::Requires), 14057 + 12895);
    assert_eq!(o.relation_count(RelationKind::RelatedOccupation), 120);
    let mut by_importance = [0usize; 3];
    for (_, _, rel) in o.relations() {
        match rel.importance {
            Some(Importance::Essential) => by_importance[0] += 1,
            Some(Importance::Important) => by_importance[1] += 1,
            Some(Importance::Optional) => by_importance[2] += 1,
            None => {}
        }
    }
    // Work styles [7116, 6362, 579]; technologies 1,877 in demand (important), the rest optional.
    assert_eq!(by_importance, [7116, 6362 + 1877, 579 + 11018]);
    // IM values are kept as weights, exactly; work styles have no LV rating.
    let rated: Vec<_> = o.relations().filter_map(|(_, _, rel)| rel.weight).collect();
    assert_eq!(rated.len(), 14057);
    assert!(
        rated
            .iter()
            .all(|w| w.scale() == vaardig_core::Scale::OnetIm)
    );
    assert!(o.relations().all(|(_, _, rel)| rel.source_level.is_none()));
    assert_eq!(o.manifest().version, "29.1");
    assert_eq!(o.manifest().release_date, "2024-11-01");
    let dev = o
        .get("onet:occupation/15-1252.00")
        .expect("software developers");
    assert_eq!(dev.labels.pref("en"), Some("Software Developers"));
    use vaardig_core::CodeSystem;
    assert_eq!(dev.code(CodeSystem::OnetSoc), Some("15-1252.00"));
    assert_eq!(dev.code(CodeSystem::OnetJobZone), Some("4"));
    let ceo = o
        .index_of("onet:occupation/11-1011.00")
        .expect("chief executives");
    let ceo_weight = o
        .outgoing(ceo, RelationKind::Requires)
        .find(|(to, _)| o.concept(*to).id == "onet:element/1.C.1.a")
        .and_then(|(_, rel)| rel.weight)
        .expect("rated");
    assert_eq!(ceo_weight.value(), 4.69, "Achievement/Effort, as published");
    let first = o
        .outgoing(ceo, RelationKind::RelatedOccupation)
        .find(|(_, rel)| rel.rank == Some(1))
        .expect("ranked first");
    assert_eq!(o.concept(first.0).id, "onet:occupation/11-1021.00");
    assert_eq!(first.1.tier, Some(vaardig_core::Tier::PrimaryShort));
    let excel = o
        .iter()
        .find(|(_, c)| c.labels.alt("en").iter().any(|a| a == "Microsoft Excel"))
        .expect("a product is a synonym of its commodity");
    assert_eq!(excel.1.labels.pref("en"), Some("Spreadsheet software"));
    assert!(matches!(
        excel.1.data,
        vaardig_core::ConceptData::Skill {
            skill_type: vaardig_core::SkillType::Technology
        }
    ));
}

#[test]
#[cfg_attr(not(external_data), ignore = "needs ../shared/data/external")]
fn the_tabiya_sample_imports_with_exact_counts() {
    use vaardig_core::{ConceptKind, RelationKind};
    use vaardig_import::import_tabiya;

    let import = import_tabiya(external("tabiya-sample"), ImportOptions::new().strict(true))
        .expect("nothing in the sample is rejected");
    let r = import.report().clone();
    assert!(r.counts_balance());
    let skipped: u64 = r.sources.iter().map(|s| s.skipped).sum();
    assert_eq!(r.skipped_rows.values().sum::<u64>(), skipped);
    assert_eq!(counts(&r, "skills.csv"), (1000, 1000, 0, 0));
    assert_eq!(counts(&r, "occupations.csv"), (3015, 3015, 0, 0));
    // 619 ISCO groups and 5 local groups are not concepts; hierarchy rows naming them neither.
    assert_eq!(counts(&r, "occupation_groups.csv"), (624, 0, 624, 0));
    assert_eq!(
        counts(&r, "occupation_hierarchy.csv"),
        (3627, 1249, 2378, 0)
    );
    assert_eq!(
        counts(&r, "occupation_to_skill_relations.csv"),
        (8679, 8679, 0, 0)
    );
    let o = import.build().expect("builds").ontology;
    // 3,007 ESCO occupations and 8 local ones (3 reuse an ESCO ORIGINURI).
    assert_eq!(o.count(ConceptKind::Occupation), 3015);
    assert_eq!(o.count(ConceptKind::Skill), 1000);
    assert_eq!(o.count(ConceptKind::KnowledgeArea), 640);
    assert_eq!(o.relation_count(RelationKind::Requires), 8679);
    assert_eq!(o.relation_count(RelationKind::Broader), 2885);
    // Codes, origin URIs, scope notes and signalling values are kept, no longer counted.
    for kept in [
        "occupations.csv: CODE",
        "occupations.csv: ORIGINURI",
        "occupations.csv: SCOPENOTE",
        "skills.csv: ORIGINURI",
        "skill_groups.csv: CODE",
        "occupation_to_skill_relations.csv: SIGNALLINGVALUE",
    ] {
        assert!(!r.unused_columns.contains_key(kept), "{kept}");
    }
    use vaardig_core::{CodeSystem, MatchKind, Scale};
    let weights: Vec<_> = o.relations().filter_map(|(_, _, rel)| rel.weight).collect();
    assert_eq!(weights.len(), 4, "the local occupations' signalling values");
    assert!(weights.iter().all(|w| w.scale() == Scale::TabiyaSignalling));
    let codes = |system| {
        o.iter()
            .flat_map(|(_, c)| &c.codes)
            .filter(|c| c.system == system)
            .count()
    };
    assert_eq!(codes(CodeSystem::Esco), 3427);
    assert_eq!(codes(CodeSystem::Tabiya), 8);
    let matches = |kind| {
        o.iter()
            .flat_map(|(_, c)| &c.matches)
            .filter(|m| m.kind == kind)
            .count()
    };
    // Every ESCO occupation, skill and skill group; the 3 local occupations reusing a URI.
    assert_eq!(matches(MatchKind::Exact), 3007 + 1000 + 640);
    assert_eq!(matches(MatchKind::Close), 3);
    let director = o
        .get("tabiya:c2245d0e-9233-4863-a061-b7581209979c")
        .expect("technical director");
    assert_eq!(director.code(CodeSystem::Esco), Some("2654.1.7"));
    assert_eq!(director.code(CodeSystem::Isco08), Some("2654"));
    assert_eq!(
        director.matches[0].uri,
        "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"
    );
}
