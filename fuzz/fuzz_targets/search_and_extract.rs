//! Fuzz target: `vaardig::fuzzing::search_and_extract` (see its docs for how the input is read).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vaardig::fuzzing::search_and_extract(data));
