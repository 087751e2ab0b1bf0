//! Integration tests of vaardig-search, in one binary: behaviour on a hand-made ontology,
//! hostile input, on-disk indexes, extraction, and the labelled quality sets on the embedded
//! ontology.

mod behaviour;
mod common;
mod extraction;
mod hostile;
mod persist;
mod quality;
mod suggest;
