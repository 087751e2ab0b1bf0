//! Integration tests of vaardig-diff, in one test binary: hand-made version pairs covering every
//! change type, generated versions, impact, reports, and the real ESCO pair when present.

mod diff;
mod esco;
mod fixtures;
mod impact;
mod mapping;
mod model_fields;
mod output;
mod properties;
mod quality;
