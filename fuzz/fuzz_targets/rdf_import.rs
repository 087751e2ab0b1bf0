//! Fuzz target: `vaardig::fuzzing::rdf_import` (see its docs for how the input is read).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vaardig::fuzzing::rdf_import(data));
