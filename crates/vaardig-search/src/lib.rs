//! vaardig-search: work in progress.
