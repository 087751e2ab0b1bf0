//! [`Csr`]: compressed sparse rows, the adjacency layout of every precomputed list in the index.

/// Rows of items stored back to back: row `i` is `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Csr<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Csr<T> {
    /// Builds rows from one iterator per row.
    pub(crate) fn from_rows<I, R>(rows: I) -> Self
    where
        I: IntoIterator<Item = R>,
        R: IntoIterator<Item = T>,
    {
        let mut offsets = vec![0u32];
        let mut items = Vec::new();
        for row in rows {
            items.extend(row);
            offsets.push(to_u32(items.len()));
        }
        Csr { offsets, items }
    }

    /// Builds rows from `(row, item)` pairs, keeping the order of pairs within each row.
    ///
    /// A counting sort on the row (linear: rows are dense indices): one pass counts, one
    /// places. Pairs naming a row `>= rows` belong to no row; they are dropped.
    pub(crate) fn from_pairs(rows: usize, pairs: Vec<(u32, T)>) -> Self {
        let mut offsets = vec![0u32; rows + 1];
        for (r, _) in &pairs {
            if let Some(o) = offsets.get_mut(*r as usize + 1) {
                *o += 1;
            }
        }
        for i in 0..rows {
            offsets[i + 1] += offsets[i];
        }
        let mut next: Vec<u32> = offsets[..rows].to_vec();
        let mut slots: Vec<Option<T>> = Vec::new();
        slots.resize_with(offsets[rows] as usize, || None);
        for (r, t) in pairs {
            if let Some(at) = next.get_mut(r as usize) {
                if let Some(slot) = slots.get_mut(*at as usize) {
                    *slot = Some(t);
                }
                *at += 1;
            }
        }
        let items = slots.into_iter().flatten().collect();
        Csr { offsets, items }
    }

    /// Row `i` (empty when out of range).
    pub(crate) fn row(&self, i: usize) -> &[T] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The number of rows.
    pub(crate) fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The number of items over all rows.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

/// A length or index as `u32` (ontologies are far below 4 billion concepts; saturates).
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_pairs_agree() {
        let a: Csr<u8> = Csr::from_rows(vec![vec![1, 2], vec![], vec![3]]);
        let b: Csr<u8> = Csr::from_pairs(3, vec![(2, 3), (0, 1), (0, 2)]);
        assert_eq!(a, b);
        assert_eq!(a.row(0), &[1, 2]);
        assert!(a.row(1).is_empty());
        assert!(a.row(9).is_empty());
        assert_eq!((a.rows(), a.len()), (3, 3));
    }

    #[test]
    fn pairs_keep_their_order_within_a_row_and_unknown_rows_are_dropped() {
        let c: Csr<u8> = Csr::from_pairs(2, vec![(1, 9), (0, 5), (7, 1), (1, 3), (0, 4), (1, 8)]);
        assert_eq!(c.row(0), &[5, 4]);
        assert_eq!(c.row(1), &[9, 3, 8]);
        assert_eq!((c.rows(), c.len()), (2, 5));
    }
}
