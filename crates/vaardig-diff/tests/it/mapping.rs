//! Supplied and proposed id mappings.

use vaardig_diff::{
    DiffError, DiffOptions, IdMapping, MappingConfig, MappingSource, diff_with, mapping::propose,
};

use crate::fixtures::version;

fn options(mapping: Option<IdMapping>) -> DiffOptions {
    DiffOptions {
        mapping,
        mapping_config: MappingConfig::default(),
    }
}

#[test]
fn a_supplied_mapping_is_applied_and_its_inverse_mirrors() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    // Say ponsen became the patient-lift skill: the pair is then kept, with a relabel.
    let m = IdMapping::from_csv(
        "old_id,new_id\nskill:oud,skill:nieuw\nskill:medicatie,skill:medicatie-toedienen\n",
        "map.csv",
    )?;
    let d = diff_with(&a, &b, &options(Some(m.clone())))?;
    assert!(d.added.is_empty() && d.removed.is_empty(), "{:#?}", d.added);
    let supplied: Vec<_> = d
        .mapping
        .iter()
        .filter(|e| e.source == MappingSource::Supplied)
        .collect();
    assert_eq!(supplied.len(), 2);
    assert!(
        d.relabelled
            .iter()
            .any(|r| r.new_id == "skill:nieuw" && r.old.as_deref() == Some("ponsen"))
    );
    let back = diff_with(&b, &a, &options(Some(m.inverse())))?;
    assert_eq!(back, d.mirror());
    Ok(())
}

#[test]
fn mapping_errors_name_the_file_line_and_id() {
    let (a, b) = (version(false), version(true));
    let cases = [
        (
            "old_id,new_id\nskill:nope,skill:nieuw\n",
            "map.csv:2",
            "skill:nope",
        ),
        (
            "old_id,new_id\nskill:oud,skill:nope\n",
            "map.csv:2",
            "skill:nope",
        ),
        (
            "old_id,new_id\nskill:oud,skill:nieuw\nskill:oud,skill:hygiene\n",
            "map.csv:3",
            "mapped twice",
        ),
        (
            "old_id,new_id\nskill:oud,occ:verzorgende\n",
            "map.csv:2",
            "is a skill but",
        ),
    ];
    for (text, at, what) in cases {
        let result =
            IdMapping::from_csv(text, "map.csv").and_then(|m| diff_with(&a, &b, &options(Some(m))));
        let msg = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.contains(at) && msg.contains(what),
            "{text:?} gave {msg:?}"
        );
    }
}

#[test]
fn without_proposals_a_changed_id_is_added_and_removed() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let no = DiffOptions {
        mapping: None,
        mapping_config: MappingConfig {
            propose: false,
            ..MappingConfig::default()
        },
    };
    let d = diff_with(&a, &b, &no)?;
    assert!(d.mapping.is_empty());
    assert!(d.added.iter().any(|c| c.id == "skill:medicatie-toedienen"));
    assert!(d.removed.iter().any(|c| c.id == "skill:medicatie"));
    Ok(())
}

#[test]
fn proposals_below_the_threshold_are_suggested_only() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let strict = DiffOptions {
        mapping: None,
        mapping_config: MappingConfig {
            accept: 1.01,
            ..MappingConfig::default()
        },
    };
    let d = diff_with(&a, &b, &strict)?;
    assert_eq!(d.summary.suggested, 1);
    assert!(!d.mapping[0].applied);
    assert!(d.removed.iter().any(|c| c.id == "skill:medicatie"));
    Ok(())
}

#[test]
fn proposals_are_symmetric() -> Result<(), DiffError> {
    let (a, b) = (version(false), version(true));
    let config = MappingConfig {
        min_confidence: 0.0,
        ..MappingConfig::default()
    };
    let forward = propose(&a, &b, None, &config)?;
    let mut backward: Vec<_> = propose(&b, &a, None, &config)?
        .iter()
        .map(|e| e.inverse())
        .collect();
    backward.sort_by(|x, y| x.old_id.cmp(&y.old_id));
    assert!(!forward.is_empty());
    assert_eq!(forward, backward);
    Ok(())
}
