//! Messages about tables that cannot be read, or must not be: the I/O error comes first and
//! alone, and a table that is a symbolic link is refused without showing what it points to.

use std::path::Path;

use vaardig_core::generate::{GeneratorConfig, generate};
use vaardig_core::{DiagnosticKind, load_dir, write_dir};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A valid ontology written to `dir`.
fn written(dir: &Path) -> TestResult {
    let ontology = generate(&GeneratorConfig::small())?.ontology;
    write_dir(&ontology, dir)?;
    Ok(())
}

/// Red team: an unreadable `skills.csv` was buried under 5,534 dangling-reference errors (one
/// per relation naming a skill), the I/O error never shown. Now it is the only error.
#[test]
fn an_unreadable_concept_table_is_the_only_error() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("onto");
    written(&dir)?;
    // A directory where the table should be: opening works, reading fails (root reads any
    // file whatever its mode, so a mode would not do).
    std::fs::remove_file(dir.join("skills.csv"))?;
    std::fs::create_dir(dir.join("skills.csv"))?;
    let err = load_dir(&dir)
        .err()
        .ok_or("an unreadable table must fail the load")?;
    let diagnostics = err.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{err}");
    assert_eq!(diagnostics[0].kind, DiagnosticKind::Io);
    assert!(diagnostics[0].to_string().contains("skills.csv"), "{err}");
    Ok(())
}

#[test]
fn an_unreadable_relation_table_is_the_only_error() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("onto");
    written(&dir)?;
    std::fs::remove_file(dir.join("requires.csv"))?;
    std::fs::create_dir(dir.join("requires.csv"))?;
    let err = load_dir(&dir)
        .err()
        .ok_or("an unreadable table must fail the load")?;
    assert_eq!(err.diagnostics().len(), 1, "{err}");
    assert!(err.to_string().contains("requires.csv"), "{err}");
    Ok(())
}

/// Red team: `skills.csv` linked to `/etc/passwd` echoed its first line as an unknown column.
/// A table that is a symbolic link is now refused, naming the table and nothing it points to.
#[test]
fn a_symlinked_table_is_refused_without_its_content() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("onto");
    written(&dir)?;
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, "root:SECRET:0:0\nalice:HUNTER2:1000:1000\n")?;
    for table in ["skills.csv", "broader.csv", "ontology.toml"] {
        let fresh = tmp.path().join(format!("onto-{table}"));
        written(&fresh)?;
        std::fs::remove_file(fresh.join(table))?;
        #[cfg(unix)]
        std::os::unix::fs::symlink(&secret, fresh.join(table))?;
        #[cfg(not(unix))]
        return Ok(());
        let err = load_dir(&fresh)
            .err()
            .ok_or("a symlinked table must be refused")?;
        let text = err.to_string();
        assert!(text.contains(table), "{table}: {text}");
        assert!(text.contains("symbolic link"), "{table}: {text}");
        assert!(
            !text.contains("SECRET") && !text.contains("HUNTER2") && !text.contains("root"),
            "{table}: {text}"
        );
    }
    // A link to the whole directory is fine: its tables are files in it.
    #[cfg(unix)]
    {
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&dir, &link)?;
        load_dir(&link)?;
    }
    Ok(())
}
