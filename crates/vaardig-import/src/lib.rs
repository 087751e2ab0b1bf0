//! vaardig-import: work in progress.
