//! Keeping the occupation × occupation relatedness matrix between processes.
//!
//! The matrix costs a few hundred milliseconds on ESCO-scale data and is the same for every
//! process scoring the same ontology with the same configuration. The scorer does no I/O, so a
//! front (the CLI) hands it a [`MatrixStore`]: the scorer asks it for the matrix under
//! [`Scorer::matrix_key`] before computing one, and gives it a matrix it had to compute.

use std::fmt;
use std::sync::Arc;

use crate::scorer::Scorer;

/// Loads and saves occupation matrices by key (see the module documentation).
///
/// A store is a cache: a matrix it cannot find, read or verify is `None`, and the scorer
/// computes it; a failed save loses nothing but time.
pub trait MatrixStore: Send + Sync + fmt::Debug {
    /// The matrix saved under `key`, when there is one with exactly `len` values and it is
    /// intact.
    fn load(&self, key: &str, len: usize) -> Option<Vec<f32>>;

    /// Saves `matrix` under `key`.
    fn save(&self, key: &str, matrix: &[f32]);
}

/// The version of the matrix's meaning: raise it when the computation changes.
const MATRIX_FORMAT: u32 = 1;

impl Scorer {
    /// Uses `store` for the occupation matrix (see [`MatrixStore`]).
    #[must_use]
    pub fn with_matrix_store(mut self, store: Arc<dyn MatrixStore>) -> Self {
        self.matrix_store = Some(store);
        self
    }

    /// The key the occupation matrix is stored under: the ontology's content hash, a hash of
    /// the scoring configuration, the crate version and the matrix format. Two scorers with the
    /// same key compute the same matrix.
    pub fn matrix_key(&self) -> String {
        // ok: a configuration of numbers and strings always serialises.
        let config = serde_json::to_string(&self.config).unwrap_or_default();
        format!(
            "{:016x}-{:016x}-v{}-{}",
            self.ontology.content_hash(),
            fnv1a(config.as_bytes()),
            env!("CARGO_PKG_VERSION"),
            MATRIX_FORMAT
        )
    }

    /// The occupation matrix from the store, or computed (and then saved to the store).
    pub(crate) fn load_or_compute_matrix(&self) -> Vec<f32> {
        let n = self.occs.len();
        let Some(store) = &self.matrix_store else {
            return self.compute_pair_matrix();
        };
        let key = self.matrix_key();
        if let Some(m) = store.load(&key, n * n) {
            // The store promised the length; a wrong one is not trusted.
            if m.len() == n * n {
                return m;
            }
        }
        let m = self.compute_pair_matrix();
        store.save(&key, &m);
        m
    }
}

/// The 64-bit FNV-1a hash (stable across builds, unlike `std`'s hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use vaardig_core::generate::{GeneratorConfig, generate};

    use super::*;
    use crate::{ScoringConfig, TransitionOptions};

    /// A store in memory that counts what it is asked.
    #[derive(Debug, Default)]
    struct Memory {
        saved: Mutex<Vec<(String, Vec<f32>)>>,
        loads: Mutex<usize>,
        corrupt: bool,
    }

    impl MatrixStore for Memory {
        fn load(&self, key: &str, len: usize) -> Option<Vec<f32>> {
            *self.loads.lock().ok()? += 1;
            let saved = self.saved.lock().ok()?;
            let (_, m) = saved.iter().find(|(k, _)| k == key)?;
            if self.corrupt {
                return Some(vec![0.5; len + 1]);
            }
            Some(m.clone())
        }

        fn save(&self, key: &str, matrix: &[f32]) {
            if let Ok(mut saved) = self.saved.lock() {
                saved.push((key.to_owned(), matrix.to_vec()));
            }
        }
    }

    fn first_occupation(scorer: &Scorer) -> String {
        scorer.ontology.concept(scorer.occs[0]).id.clone()
    }

    /// How many matrices `store` saved (`usize::MAX` if its lock is poisoned).
    fn saved(store: &Memory) -> usize {
        store.saved.lock().map_or(usize::MAX, |s| s.len())
    }

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_stored_matrix_is_reused_and_gives_the_same_answers() -> TestResult {
        let ontology = generate(&GeneratorConfig::small())?.ontology;
        let store = Arc::new(Memory::default());
        let first = Scorer::with_defaults(&ontology).with_matrix_store(store.clone());
        let from = first_occupation(&first);
        let options = TransitionOptions {
            limit: Some(10),
            ..TransitionOptions::default()
        };
        let a = first.transitions_from(&from, &options)?;
        assert_eq!(saved(&store), 1, "computed once, saved");
        let second = Scorer::with_defaults(&ontology).with_matrix_store(store.clone());
        let b = second.transitions_from(&from, &options)?;
        assert_eq!(a, b);
        assert_eq!(saved(&store), 1, "loaded, not saved again");
        assert_eq!(store.loads.lock().map_or(0, |n| *n), 2);
        Ok(())
    }

    #[test]
    fn the_key_changes_with_the_configuration_and_a_wrong_length_is_not_trusted() -> TestResult {
        let ontology = generate(&GeneratorConfig::small())?.ontology;
        let plain = Scorer::with_defaults(&ontology);
        let mut config = ScoringConfig::default();
        config.relatedness.near_skill *= 0.5;
        let changed = Scorer::new(&ontology, config)?;
        assert_ne!(plain.matrix_key(), changed.matrix_key());
        assert_eq!(
            plain.matrix_key(),
            Scorer::with_defaults(&ontology).matrix_key()
        );

        let store = Arc::new(Memory {
            corrupt: true,
            ..Memory::default()
        });
        let honest = Scorer::with_defaults(&ontology);
        let from = first_occupation(&honest);
        let expected = honest.transitions_from(&from, &TransitionOptions::default())?;
        let a = Scorer::with_defaults(&ontology).with_matrix_store(store.clone());
        let _ = a.transitions_from(&from, &TransitionOptions::default());
        let b = Scorer::with_defaults(&ontology).with_matrix_store(store.clone());
        let got = b.transitions_from(&from, &TransitionOptions::default())?;
        assert_eq!(got, expected, "a matrix of the wrong length is recomputed");
        assert_eq!(saved(&store), 2);
        Ok(())
    }
}
