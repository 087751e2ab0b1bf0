//! Occupation-to-occupation similarity: the cosine of importance-weighted requirement vectors,
//! as a dense `ndarray` matrix computed once per [`Scorer`] and cached.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::csr::{Csr, to_u32};
use crate::error::ScoreError;
use crate::lang::Named;
use crate::scorer::Scorer;

/// An occupation similar to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Similar {
    /// The occupation.
    pub occupation: Named,
    /// Cosine similarity in `[0, 1]`.
    pub similarity: f64,
}

impl Scorer {
    /// The occupation × occupation similarity matrix, rows and columns in occupation id order.
    ///
    /// Entry `(a, b)` is the cosine of the two requirement vectors, each requirement weighted by
    /// its importance weight; 1 on the diagonal (0 for an occupation without requirements).
    ///
    /// # Complexity
    /// O(Σ over skills of (occupations requiring it)²), once; later calls return the cache.
    pub fn similarity(&self) -> &Array2<f32> {
        self.similarity.get_or_init(|| self.similarity_matrix())
    }

    /// The `limit` occupations most similar to `occupation`, most similar first, ties by id.
    ///
    /// # Errors
    /// When `occupation` is not an occupation.
    pub fn similar_occupations(
        &self,
        occupation: &str,
        limit: usize,
    ) -> Result<Vec<Similar>, ScoreError> {
        let occ = self.occupation_index(occupation)? as usize;
        let m = self.similarity();
        let mut row: Vec<(usize, f32)> = m
            .row(occ)
            .iter()
            .copied()
            .enumerate()
            .filter(|&(b, s)| b != occ && s > 0.0)
            .collect();
        row.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(row
            .into_iter()
            .take(limit)
            .map(|(b, s)| Similar {
                occupation: self.occ_named(to_u32(b)),
                similarity: f64::from(s),
            })
            .collect())
    }

    /// The similarity matrix computed afresh (what [`Scorer::similarity`] caches).
    pub fn similarity_matrix(&self) -> Array2<f32> {
        let n = self.occs.len();
        let mut pairs = Vec::with_capacity(self.requires.len());
        let mut norms = vec![0f64; n];
        for (o, norm) in norms.iter_mut().enumerate() {
            for r in self.requires.row(o) {
                pairs.push((r.cap, (to_u32(o), r.weight)));
                *norm += r.weight * r.weight;
            }
            *norm = norm.sqrt();
        }
        let by_cap: Csr<(u32, f64)> = Csr::from_pairs(self.caps.len(), pairs);
        // Upper triangle of the dot products first, then normalised and mirrored in place.
        let mut sim = Array2::<f32>::zeros((n, n));
        for c in 0..by_cap.rows() {
            let row = by_cap.row(c);
            for (i, &(a, wa)) in row.iter().enumerate() {
                for &(b, wb) in &row[i..] {
                    sim[[a as usize, b as usize]] += (wa * wb) as f32;
                }
            }
        }
        for a in 0..n {
            for b in a..n {
                let denom = norms[a] * norms[b];
                let s = if denom > 0.0 {
                    (f64::from(sim[[a, b]]) / denom).clamp(0.0, 1.0) as f32
                } else {
                    0.0
                };
                sim[[a, b]] = s;
                sim[[b, a]] = s;
            }
        }
        sim
    }
}
