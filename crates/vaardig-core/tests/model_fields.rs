//! The fields every scheme needs (status, codes, notes, matches, source ratings, related
//! occupations, technology skills): checked by the builder and carried by the native format,
//! the snapshot and the JSON export; directories written before them still load.

use std::path::Path;

use vaardig_core::export::json_export;
use vaardig_core::io::{load, to_tables};
use vaardig_core::snapshot::{InputHash, from_bytes, to_bytes};
use vaardig_core::{
    Code, CodeSystem, Concept, ConceptData, DiagnosticKind, Importance, Labels, Manifest, Match,
    MatchKind, Note, NoteKind, Ontology, OntologyBuilder, Rating, Relation, RelationKind, Scale,
    SkillType, Status, Tier,
};

fn skill(id: &str, label: &str, skill_type: SkillType) -> Concept {
    Concept::new(
        id,
        Labels::with_pref([("en", label)]),
        ConceptData::Skill { skill_type },
    )
}

fn occupation(id: &str, label: &str) -> Concept {
    Concept::new(
        id,
        Labels::with_pref([("en", label)]),
        ConceptData::occupation(Some("2512".into())),
    )
}

/// An ontology using every new field.
fn rich() -> Ontology {
    let mut b = OntologyBuilder::new(Manifest::new("rich", "1", &["en"]));
    let mut dev = occupation("occ:dev", "software developer");
    dev.codes = vec![
        Code::new(CodeSystem::OnetSoc, "15-1252.00"),
        Code::new(CodeSystem::OnetJobZone, "4"),
    ];
    dev.matches = vec![Match::new(
        MatchKind::Close,
        "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
    )];
    dev.notes = vec![Note::new(
        NoteKind::ScopeNote,
        "en",
        "Excludes web developers, \"quoted\", and a | bar.\nSecond line.",
    )];
    b.add_concept(dev);
    let mut old = occupation("occ:old", "computer programmer (old)");
    old.status = Status::Archived;
    old.replaced_by = Some("occ:dev".into());
    b.add_concept(old);
    b.add_concept(occupation("occ:web", "web developer"));
    b.add_concept(skill(
        "skill:excel",
        "spreadsheet software",
        SkillType::Technology,
    ));
    b.add_concept(skill("skill:prog", "programming", SkillType::Skill));
    b.add_code_at(
        "skill:prog",
        Code::new(CodeSystem::Competentnl, "HC-0042"),
        Default::default(),
    );
    b.add_note_at(
        "skill:prog",
        Note::new(NoteKind::Note, "en", "Writing code."),
        Default::default(),
    );
    b.add_match_at(
        "skill:prog",
        Match::new(MatchKind::Exact, "https://example.org/skill/programming"),
        Default::default(),
    );
    let im = Rating::new(Scale::OnetIm, 3.88).expect("in range");
    let lv = Rating::new(Scale::OnetLv, 4.5).expect("in range");
    b.add_relation(
        "occ:dev",
        "skill:prog",
        Relation::requires(Importance::Important, None).rated(Some(im), Some(lv)),
    );
    b.add_relation(
        "occ:web",
        "skill:excel",
        Relation::requires(Importance::Optional, None)
            .rated(Rating::new(Scale::TabiyaSignalling, 0.25), None),
    );
    b.add_relation(
        "occ:dev",
        "occ:web",
        Relation::related_occupation(Some(Tier::PrimaryShort), Some(1)),
    );
    b.build().expect("valid").ontology
}

fn owned(tables: Vec<(&'static str, String)>) -> Vec<(String, Vec<u8>)> {
    tables
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect()
}

#[test]
fn the_native_format_carries_every_new_field() {
    let ontology = rich();
    let tables = to_tables(&ontology);
    for file in [
        "codes.csv",
        "notes.csv",
        "matches.csv",
        "related_occupation.csv",
    ] {
        assert!(tables.iter().any(|(n, _)| *n == file), "{file} written");
    }
    let requires = &tables
        .iter()
        .find(|(n, _)| *n == "requires.csv")
        .expect("written")
        .1;
    assert!(
        requires.contains("occ:dev,skill:prog,important,,3.88,onet_im,4.5,onet_lv"),
        "{requires}"
    );
    let back = load(&owned(tables)).expect("loads").ontology;
    assert_eq!(back, ontology);
    let old = back.get("occ:old").expect("kept");
    assert_eq!(old.status, Status::Archived);
    assert_eq!(old.replaced_by.as_deref(), Some("occ:dev"));
    let dev = back.get("occ:dev").expect("kept");
    assert_eq!(dev.code(CodeSystem::OnetSoc), Some("15-1252.00"));
    assert_eq!(dev.code(CodeSystem::Isco08), Some("2512"));
    let ix = back.index_of("occ:dev").expect("there");
    let related: Vec<_> = back
        .outgoing(ix, RelationKind::RelatedOccupation)
        .map(|(_, r)| (r.tier, r.rank))
        .collect();
    assert_eq!(related, vec![(Some(Tier::PrimaryShort), Some(1))]);
}

#[test]
fn a_snapshot_carries_every_new_field() {
    let ontology = rich();
    let built = load(&owned(to_tables(&ontology))).expect("loads");
    let hash = InputHash::of_source(&owned(to_tables(&ontology))).expect("hashes");
    let bytes = to_bytes(&built, hash);
    let back = from_bytes(Path::new("mem"), &bytes, hash).expect("reads");
    assert_eq!(back.ontology, ontology);
}

#[test]
fn the_json_export_carries_every_new_field() {
    let ontology = rich();
    let json = serde_json::to_value(json_export(&ontology)).expect("serialises");
    let text = json.to_string();
    for needle in [
        r#""status":"archived""#,
        r#""replaced_by":"occ:dev""#,
        r#""codes":[{"code":"15-1252.00","system":"onet_soc"},{"code":"4","system":"onet_job_zone"}]"#,
        r#""kind":"close""#,
        r#""scope_note""#,
        r#""weight":{"scale":"onet_im","value":3.88}"#,
        r#""source_level":{"scale":"onet_lv","value":4.5}"#,
        r#""tier":"primary_short""#,
        r#""rank":1"#,
        r#""skill_type":"technology""#,
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
}

#[test]
fn tables_written_before_the_new_fields_still_load() {
    // The embedded ontology's own files, as a directory of an older release would have them:
    // no status column, no codes/notes/matches tables, no rating columns.
    let mut tables = owned(to_tables(&Ontology::embedded().expect("valid")));
    tables.retain(|(n, _)| !matches!(n.as_str(), "codes.csv" | "notes.csv" | "matches.csv"));
    for (name, text) in &mut tables {
        if name == "occupations.csv" {
            let s = String::from_utf8(text.clone()).expect("utf-8");
            let stripped: String = s
                .lines()
                .map(|l| {
                    let mut cells: Vec<&str> = l.split(',').collect();
                    cells.truncate(cells.len() - 2);
                    cells.join(",") + "\n"
                })
                .collect();
            *text = stripped.into_bytes();
        }
    }
    let built = load(&tables).expect("loads");
    assert_eq!(
        built.ontology.count(vaardig_core::ConceptKind::Occupation),
        Ontology::embedded()
            .expect("valid")
            .count(vaardig_core::ConceptKind::Occupation)
    );
}

/// Loads `tables` (the rich ontology with `file` replaced by `text`) and returns the errors.
fn errors_with(file: &str, text: &str) -> Vec<(DiagnosticKind, String)> {
    let mut tables = owned(to_tables(&rich()));
    for (n, t) in &mut tables {
        if n == file {
            *t = text.as_bytes().to_vec();
        }
    }
    match load(&tables) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .diagnostics()
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.kind, d.to_string()))
            .collect(),
    }
}

#[test]
fn bad_new_fields_are_errors_with_their_place() {
    let cases: [(&str, &str, DiagnosticKind, &str); 9] = [
        (
            "codes.csv",
            "concept,system,code\nocc:dev,onet_soc,15-1252\n",
            DiagnosticKind::InvalidValue,
            "codes.csv:2",
        ),
        (
            "codes.csv",
            "concept,system,code\nocc:dev,isco_08,2512\n",
            DiagnosticKind::InvalidValue,
            "`isco` attribute",
        ),
        (
            "codes.csv",
            "concept,system,code\nocc:nope,onet_soc,15-1252.00\n",
            DiagnosticKind::DanglingReference,
            "occ:nope",
        ),
        (
            "codes.csv",
            "concept,system,code\nocc:dev,soc,1\n",
            DiagnosticKind::InvalidValue,
            "unknown code system",
        ),
        (
            "matches.csv",
            "concept,kind,uri\nocc:dev,close,not a uri\n",
            DiagnosticKind::InvalidValue,
            "not an absolute URI",
        ),
        (
            "notes.csv",
            "concept,kind,lang,text\nocc:dev,note,de,Hallo\n",
            DiagnosticKind::InvalidValue,
            "does not list",
        ),
        (
            "requires.csv",
            "from,to,importance,level,weight,weight_scale\nocc:dev,skill:prog,important,,6,onet_im\n",
            DiagnosticKind::InvalidValue,
            "range of scale `onet_im`",
        ),
        (
            "requires.csv",
            "from,to,importance,level,weight,weight_scale\nocc:dev,skill:prog,important,,3,\n",
            DiagnosticKind::MissingValue,
            "weight_scale",
        ),
        (
            "related_occupation.csv",
            "from,to,tier,rank\nocc:dev,occ:web,primary_short,0\n",
            DiagnosticKind::InvalidValue,
            "ranks start at 1",
        ),
    ];
    for (file, text, kind, needle) in cases {
        let errors = errors_with(file, text);
        assert!(
            errors.iter().any(|(k, m)| *k == kind && m.contains(needle)),
            "{file} {text:?}: {errors:#?}"
        );
    }
    let errors = errors_with(
        "occupations.csv",
        "id,pref_label_en,alt_labels_en,definition_en,isco,min_nlqf,status,replaced_by\n\
         occ:dev,dev,,,,,,occ:gone\nocc:web,web,,,,,old,\n",
    );
    assert!(
        errors
            .iter()
            .any(|(k, m)| *k == DiagnosticKind::DanglingReference && m.contains("occ:gone")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|(k, m)| *k == DiagnosticKind::InvalidValue && m.contains("unknown status")),
        "{errors:#?}"
    );
}

#[test]
fn ratings_and_ranks_belong_to_their_relation_kinds() {
    let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["en"]));
    b.add_concept(occupation("occ:a", "a"));
    b.add_concept(occupation("occ:b", "b"));
    b.add_relation(
        "occ:a",
        "occ:b",
        Relation::plain(RelationKind::Broader).rated(Rating::new(Scale::Esco, 2.0), None),
    );
    b.add_relation(
        "occ:b",
        "occ:a",
        Relation {
            rank: Some(3),
            ..Relation::plain(RelationKind::Broader)
        },
    );
    let errors = b.build().expect_err("refused");
    let text: String = errors
        .diagnostics()
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    assert!(text.contains("no weight or source level"), "{text}");
    assert!(text.contains("no tier or rank"), "{text}");
}

#[test]
fn ratings_keep_their_range_and_normalise() {
    assert!(Rating::new(Scale::OnetLv, 7.5).is_none());
    assert!(Rating::new(Scale::OnetIm, f64::NAN).is_none());
    let r = Rating::new(Scale::OnetIm, 3.0).expect("in range");
    assert_eq!(r.normalized(), 0.5);
    assert_eq!(
        Rating::new(Scale::TabiyaSignalling, -0.0),
        Rating::new(Scale::TabiyaSignalling, 0.0)
    );
    let bad: Result<Rating, _> = serde_json::from_str(r#"{"scale":"esco","value":3}"#);
    assert!(bad.is_err());
}

#[test]
fn the_embedded_ontology_matches_occupations_to_esco() {
    // Matched where the English label is ESCO v1.1.1's preferred label and the ISCO codes agree.
    let o = Ontology::embedded().expect("valid");
    let dev = o.get("occ:software-developer").expect("shipped");
    assert_eq!(
        dev.matches,
        [Match::new(
            MatchKind::Close,
            "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
        )]
    );
    let matched = o.iter().filter(|(_, c)| !c.matches.is_empty()).count();
    assert_eq!(matched, 37);
}
