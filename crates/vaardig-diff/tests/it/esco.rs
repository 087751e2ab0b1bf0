//! The real pair ESCO v1.1.0 → v1.1.1 (imported into the native format), when present.
//! Skipped with a message when `../shared/data/esco` or the imported versions are absent.
