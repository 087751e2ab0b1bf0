//! Fuzz the native ontology loader (manifest + CSV tables) and its write → load round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vaardig::fuzzing::native_loader(data));
