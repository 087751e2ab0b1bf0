//! Integration tests of vaardig-import: one binary, one module per area.

mod cnluwv;
mod esco;
mod onet;
mod rdf;
mod real_esco;
mod real_external;
mod roundtrip;
mod tabiya;
mod util;
