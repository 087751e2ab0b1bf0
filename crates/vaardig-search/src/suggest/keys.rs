//! The sorted autocomplete keys, end to end in one string, and the search for the run of keys
//! that start with a typed prefix.
//!
//! Each key's first 16 bytes sit beside it as one big-endian `u128` (its head), and every 16th
//! head again in a small table that stays in cache: a prefix finds its place with a binary
//! search of that table, then of one block of 16 heads, so a keystroke touches a few cache lines
//! instead of one per step of a binary search over every key. Keys hold no zero bytes, so heads
//! order like keys, and a prefix of at most 16 bytes is matched on heads alone.

/// Every 16th head is sampled.
const BLOCK: usize = 16;

/// The sorted, unique keys.
pub(super) struct Keys {
    /// Key `k` is `text[ends[k - 1]..ends[k]]`.
    text: String,
    ends: Vec<u32>,
    /// The first 16 bytes of each key, big-endian and zero-padded.
    heads: Vec<u128>,
    /// `heads[k * BLOCK]` for every `k`.
    samples: Vec<u128>,
}

impl Keys {
    /// The keys, which must be sorted and unique (and hold no zero byte).
    pub(super) fn new(keys: &[String]) -> Keys {
        let mut text = String::with_capacity(keys.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(keys.len());
        for key in keys {
            text.push_str(key);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        let heads: Vec<u128> = keys.iter().map(|k| head(k.as_bytes())).collect();
        let samples = heads.iter().step_by(BLOCK).copied().collect();
        Keys {
            text,
            ends,
            heads,
            samples,
        }
    }

    /// How many keys there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Key `k` (empty past the end).
    pub(super) fn key(&self, k: usize) -> &[u8] {
        let start = match k.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.text
            .as_bytes()
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The keys `lo..hi` that start with `prefix`, and whether key `lo` is `prefix` itself.
    ///
    /// Complexity: two binary searches over a few cache lines, then one step per key of the
    /// run (so meant for short runs).
    pub(super) fn run(&self, prefix: &[u8]) -> (usize, usize, bool) {
        let h = head(prefix);
        let short = prefix.len() <= 16;
        // Heads smaller than `h` belong to smaller keys, larger ones to larger keys.
        let a = self.first_head_at_least(h);
        let lo = if short {
            // A key with head `h` starts with `prefix`, and only `prefix` itself is not larger.
            a
        } else {
            let same = self.heads.get(a..).unwrap_or_default();
            let b = a + gallop(same.len(), |k| same.get(k) == Some(&h));
            a + partition(b - a, |k| self.key(a + k) < prefix)
        };
        let mask = if short {
            // The first `prefix.len()` bytes of a head.
            u128::MAX
                .checked_shl(8 * (16 - prefix.len()) as u32)
                .unwrap_or(0)
        } else {
            u128::MAX
        };
        let starts = |k: usize| match self.heads.get(k) {
            Some(&kh) if short => kh & mask == h,
            Some(_) => self.key(k).starts_with(prefix),
            None => false,
        };
        let mut hi = lo;
        while starts(hi) {
            hi += 1;
        }
        let exact = lo < hi
            && if prefix.len() < 16 {
                // Zero-padded: equal heads mean equal keys.
                self.heads.get(lo) == Some(&h)
            } else {
                self.key(lo) == prefix
            };
        (lo, hi, exact)
    }

    /// The first key whose head is at least `h` (`len()` when none is).
    fn first_head_at_least(&self, h: u128) -> usize {
        // Samples before `j` are smaller than `h`: the answer is past block `j - 1`'s sample
        // and at most block `j`'s.
        let j = self.samples.partition_point(|&s| s < h);
        let Some(start) = j.checked_sub(1).map(|b| b * BLOCK + 1) else {
            return 0;
        };
        let end = (j * BLOCK).min(self.heads.len());
        let block = self.heads.get(start..end).unwrap_or_default();
        start + block.partition_point(|&k| k < h)
    }
}

/// The first 16 bytes of `key`, big-endian, zero-padded (keys hold no zero bytes, so heads
/// order like keys).
pub(super) fn head(key: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    let n = key.len().min(16);
    bytes[..n].copy_from_slice(&key[..n]);
    u128::from_be_bytes(bytes)
}

/// The number of leading `k` in `0..n` for which `pred` holds (`pred` true, then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Like [`partition`], for an answer expected near 0: doubling steps, then a binary search.
fn gallop(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let mut below = 0;
    let mut step = 1;
    while below < n && pred(below) {
        below += step;
        step *= 2;
    }
    // `pred` holds before `from` and fails at or after `below` (or `below` is past `n`).
    let from = below.saturating_sub(step / 2).min(n);
    let until = below.min(n);
    from + partition(until - from, |k| pred(from + k))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run by a plain scan, to check the searches against.
    fn naive(keys: &[String], prefix: &[u8]) -> (usize, usize, bool) {
        let lo = keys.partition_point(|k| k.as_bytes() < prefix);
        let hi = lo
            + keys[lo..]
                .iter()
                .take_while(|k| k.as_bytes().starts_with(prefix))
                .count();
        (lo, hi, lo < hi && keys[lo].as_bytes() == prefix)
    }

    #[test]
    fn runs_match_a_scan() {
        let mut keys: Vec<String> = Vec::new();
        for a in ["a", "ab", "abc", "b", "verzorging", "verzorgingstehuis"] {
            for tail in ["", " x", "aaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaab", "z"] {
                keys.push(format!("{a}{tail}"));
            }
        }
        for n in 0..300 {
            keys.push(format!("k{n:04}"));
        }
        keys.sort();
        keys.dedup();
        let table = Keys::new(&keys);
        let mut prefixes: Vec<String> = keys.clone();
        for k in &keys {
            for end in 0..k.len() {
                prefixes.push(k[..end].to_owned());
            }
        }
        prefixes.extend(["0", "zz", "k0299z", "aaaaaaaaaaaaaaaaaaaaaaaaa"].map(String::from));
        for p in &prefixes {
            assert_eq!(table.run(p.as_bytes()), naive(&keys, p.as_bytes()), "{p:?}");
        }
    }

    #[test]
    fn an_empty_table_has_no_runs() {
        let table = Keys::new(&[]);
        assert_eq!(table.run(b"a"), (0, 0, false));
        assert_eq!(table.len(), 0);
    }

    #[test]
    fn gallop_finds_the_boundary() {
        for n in 0..40 {
            for t in 0..=n {
                assert_eq!(gallop(n, |k| k < t), t, "n {n} t {t}");
            }
        }
    }
}
