//! vaardig-diff: work in progress.
