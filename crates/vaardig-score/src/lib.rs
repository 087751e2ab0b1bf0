//! vaardig-score: work in progress.
