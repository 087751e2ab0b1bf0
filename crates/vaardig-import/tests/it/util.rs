//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// `../shared/data/esco` next to the repository, or `None` (with a message) when it is absent.
pub fn esco_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/esco");
    if dir.join("v1.1.1/skills_en.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: the real ESCO data is not at {} (see ../shared/data/README.md)",
            dir.display()
        );
        None
    }
}

/// A fixture file or directory under `tests/fixtures`.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}
