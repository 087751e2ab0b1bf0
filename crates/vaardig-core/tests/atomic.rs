//! Atomic outputs under fire: a write killed at every step (each file creation, each 64 KiB
//! written, each fsync and rename) leaves the old output byte for byte, or no output; existing
//! output, foreign directories, inputs, the root and symbolic links are refused; what could not
//! be loaded back is never written.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::io::{AtomicFile, OutputError, OutputPolicy, Refusal};
use vaardig_core::{
    Concept, ConceptData, Labels, Manifest, Ontology, OntologyBuilder, SkillType, write_dir,
    write_dir_with,
};

fn base(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vaardig-atomic-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every file of a directory with its bytes, or `None` when it does not exist.
fn snapshot(dir: &Path) -> Option<BTreeMap<String, Vec<u8>>> {
    let entries = fs::read_dir(dir).ok()?;
    let mut out = BTreeMap::new();
    for e in entries {
        let e = e.expect("entry");
        out.insert(
            e.file_name().to_string_lossy().into_owned(),
            fs::read(e.path()).expect("readable"),
        );
    }
    Some(out)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn old_and_new() -> (Ontology, Ontology) {
    let old = Ontology::embedded().expect("embedded").clone();
    let new = generate(&GeneratorConfig::small())
        .expect("generated")
        .ontology;
    (old, new)
}

#[test]
fn a_directory_write_killed_at_every_step_leaves_the_old_output_or_none() {
    let (old, new) = old_and_new();
    let b = base("kill-dir");
    let target = b.join("out");
    let reference = b.join("reference");
    write_dir(&old, &reference).expect("old written");
    let old_snap = snapshot(&reference);
    write_dir(&new, b.join("reference-new")).expect("new written");
    let new_snap = snapshot(&b.join("reference-new"));
    fs::remove_dir_all(&reference).expect("clean");
    fs::remove_dir_all(b.join("reference-new")).expect("clean");

    for crash in [false, true] {
        for replacing in [true, false] {
            let mut points = 0;
            for n in 0.. {
                let _ = fs::remove_dir_all(&b);
                fs::create_dir_all(&b).expect("dir");
                if replacing {
                    write_dir(&old, &target).expect("old written");
                }
                let policy = OutputPolicy::new().force(true).fail_after(n, crash);
                let result = write_dir_with(&new, &target, &policy);
                let now = snapshot(&target);
                match result {
                    Ok(()) => {
                        assert_eq!(now, new_snap, "committed output is the new one");
                        assert_eq!(names(&b), ["out"], "nothing left beside it");
                        break;
                    }
                    Err(e) => {
                        points += 1;
                        assert!(matches!(e, OutputError::Io { .. }), "{e}");
                        let expected = if replacing { &old_snap } else { &None };
                        if now.is_none() && crash && replacing {
                            // Killed between the two renames: the old output is whole beside.
                            let old_dirs: Vec<String> = names(&b)
                                .into_iter()
                                .filter(|n| n.contains(".vaardig-old."))
                                .collect();
                            assert_eq!(old_dirs.len(), 1, "step {n}: {:?}", names(&b));
                            assert_eq!(&snapshot(&b.join(&old_dirs[0])), &old_snap, "step {n}");
                        } else {
                            assert_eq!(&now, expected, "step {n} (crash: {crash})");
                        }
                        if !crash {
                            let left: Vec<String> = names(&b);
                            let want: &[&str] = if replacing { &["out"] } else { &[] };
                            assert_eq!(left, want, "step {n}: a failed write cleans up");
                        }
                    }
                }
            }
            // 17 files of ~1 MB in all: creations, chunks, syncs, renames.
            assert!(points > 40, "only {points} kill points");
        }
    }
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn a_file_write_killed_at_every_step_leaves_the_old_file_or_none() {
    let b = base("kill-file");
    let target = b.join("export.json");
    let new: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    for crash in [false, true] {
        for n in 0.. {
            let _ = fs::remove_dir_all(&b);
            fs::create_dir_all(&b).expect("dir");
            fs::write(&target, b"old").expect("old");
            let policy = OutputPolicy::new().force(true).fail_after(n, crash);
            let result = AtomicFile::create(&target, &policy).and_then(|mut f| {
                f.write_all(&new).map_err(|e| OutputError::Io {
                    action: "write",
                    path: target.clone(),
                    source: e,
                })?;
                f.commit()
            });
            match result {
                Ok(()) => {
                    assert_eq!(fs::read(&target).expect("there"), new);
                    assert_eq!(names(&b), ["export.json"]);
                    break;
                }
                Err(_) => {
                    assert_eq!(fs::read(&target).expect("there"), b"old", "step {n}");
                    if !crash {
                        assert_eq!(names(&b), ["export.json"], "step {n}");
                    }
                }
            }
        }
    }
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn existing_output_is_replaced_only_with_force() {
    let (old, new) = old_and_new();
    let b = base("force");
    let target = b.join("out");
    write_dir(&old, &target).expect("written");
    let before = snapshot(&target);
    let err = write_dir(&new, &target).expect_err("refused");
    assert!(
        matches!(
            &err,
            OutputError::Refused {
                reason: Refusal::Exists,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("--force"), "{err}");
    assert!(err.to_string().contains(&target.display().to_string()));
    assert_eq!(snapshot(&target), before);
    write_dir_with(&new, &target, &OutputPolicy::new().force(true)).expect("replaced");
    assert_ne!(snapshot(&target), before);
    // An empty directory is no output: no force needed.
    let empty = b.join("empty");
    fs::create_dir_all(&empty).expect("dir");
    write_dir(&new, &empty).expect("written into an empty directory");
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn a_directory_that_is_not_vaardig_output_is_never_replaced() {
    let (_, new) = old_and_new();
    let b = base("foreign");
    let target = b.join("home");
    fs::create_dir_all(&target).expect("dir");
    fs::write(target.join("thesis.tex"), "years of work").expect("file");
    // Even a same-named table does not make it ours.
    fs::write(target.join("skills.csv"), "mine").expect("file");
    let err = write_dir_with(&new, &target, &OutputPolicy::new().force(true)).expect_err("no");
    assert!(
        matches!(
            err,
            OutputError::Refused {
                reason: Refusal::NotOurs { .. },
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(fs::read(target.join("skills.csv")).expect("kept"), b"mine");
    assert_eq!(names(&b), ["home"]);
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn the_root_and_inputs_are_refused_with_the_path() {
    let (_, new) = old_and_new();
    let b = base("inputs");
    let input = b.join("esco");
    fs::create_dir_all(&input).expect("dir");
    fs::write(input.join("skills_en.csv"), "x").expect("file");
    let policy = OutputPolicy::new().force(true).input(&input);
    for target in [
        PathBuf::from("/"),
        input.clone(),
        input.join("out"),
        input.join("..").join("esco").join("sub"),
        b.clone(),
    ] {
        let err = write_dir_with(&new, &target, &policy).expect_err("refused");
        let OutputError::Refused { path, reason } = &err else {
            panic!("{target:?}: {err}");
        };
        assert_eq!(path, &target);
        assert!(
            matches!(reason, Refusal::Root | Refusal::Input(_)),
            "{target:?}: {err}"
        );
        assert!(err.to_string().contains(&target.display().to_string()));
    }
    assert_eq!(names(&input), ["skills_en.csv"]);
    let _ = fs::remove_dir_all(&b);
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_never_written_through() {
    let (old, new) = old_and_new();
    let b = base("links");
    let outside = b.join("outside.txt");
    fs::write(&outside, "precious").expect("file");
    // A table-named link inside existing output: replaced as a whole, the target untouched.
    let out = b.join("out");
    write_dir(&old, &out).expect("written");
    fs::remove_file(out.join("skills.csv")).expect("rm");
    std::os::unix::fs::symlink(&outside, out.join("skills.csv")).expect("link");
    write_dir_with(&new, &out, &OutputPolicy::new().force(true)).expect("replaced");
    assert_eq!(fs::read(&outside).expect("kept"), b"precious");
    assert!(
        !fs::symlink_metadata(out.join("skills.csv"))
            .expect("there")
            .is_symlink()
    );
    // The output itself a link: refused.
    let link = b.join("link");
    std::os::unix::fs::symlink(&out, &link).expect("link");
    let err = write_dir_with(&new, &link, &OutputPolicy::new().force(true)).expect_err("no");
    assert!(
        matches!(
            err,
            OutputError::Refused {
                reason: Refusal::Symlink,
                ..
            }
        ),
        "{err}"
    );
    let file_link = b.join("report.json");
    std::os::unix::fs::symlink(&outside, &file_link).expect("link");
    let err = AtomicFile::create(&file_link, &OutputPolicy::new().force(true)).expect_err("no");
    assert!(
        matches!(
            err,
            OutputError::Refused {
                reason: Refusal::Symlink,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(fs::read(&outside).expect("kept"), b"precious");
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn a_device_is_written_directly_and_its_errors_are_reported() {
    // `--report /dev/full` used to exit 0.
    let mut f = AtomicFile::create("/dev/full", &OutputPolicy::new()).expect("a device opens");
    let written = f.write_all(b"{}\n").and_then(|()| f.flush());
    let committed = f.commit();
    assert!(written.is_err() || committed.is_err());
}

#[test]
fn a_manifest_over_the_load_limit_is_refused_at_write_time() {
    let mut manifest = Manifest::new("big", "1", &["nl"]);
    manifest.notes = Some("x".repeat(100_000));
    let mut builder = OntologyBuilder::new(manifest);
    builder.add_concept(Concept::new(
        "skill:a",
        Labels::with_pref([("nl", "a")]),
        ConceptData::Skill {
            skill_type: SkillType::Skill,
        },
    ));
    let ontology = builder.build().expect("valid").ontology;
    let b = base("big-manifest");
    let err = write_dir(&ontology, b.join("out")).expect_err("refused");
    assert!(matches!(err, OutputError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("ontology.toml"), "{err}");
    assert_eq!(names(&b), Vec::<String>::new(), "nothing written");
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn a_label_over_the_field_limit_is_refused_at_write_time() {
    let mut builder = OntologyBuilder::new(Manifest::new("big", "1", &["nl"]));
    let long = "y".repeat(70_000);
    builder.add_concept(Concept::new(
        "skill:a",
        Labels::with_pref([("nl", long.as_str())]),
        ConceptData::Skill {
            skill_type: SkillType::Skill,
        },
    ));
    let ontology = builder.build().expect("valid").ontology;
    let b = base("big-field");
    let err = write_dir(&ontology, b.join("out")).expect_err("refused");
    assert!(err.to_string().contains("skill:a"), "{err}");
    assert_eq!(names(&b), Vec::<String>::new());
    let _ = fs::remove_dir_all(&b);
}
