//! Fuzz target: `vaardig::fuzzing::profile_and_scoring` (see its docs for how the input is read).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vaardig::fuzzing::profile_and_scoring(data));
