//! Rank statistics: Kendall's τ-b and top-k overlap.

/// Kendall's τ-b of two paired score lists (ties allowed), in `[-1, 1]`: 1 when both order the
/// items alike, −1 when one reverses the other. `None` with fewer than two items or when either
/// list is all ties.
///
/// # Complexity
/// O(n²); callers pass short lists (the union of two top-k lists).
///
/// ```
/// use vaardig_diff::impact::kendall_tau_b;
/// assert_eq!(kendall_tau_b(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
/// assert_eq!(kendall_tau_b(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
/// assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), None);
/// ```
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    let (mut concordant, mut discordant, mut ties_x, mut ties_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            let dx = x[i].total_cmp(&x[j]);
            let dy = y[i].total_cmp(&y[j]);
            use std::cmp::Ordering::Equal;
            match (dx, dy) {
                (Equal, Equal) => {}
                (Equal, _) => ties_x += 1,
                (_, Equal) => ties_y += 1,
                (a, b) if a == b => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let n0 = concordant + discordant;
    let denominator = (((n0 + ties_x) as f64) * ((n0 + ties_y) as f64)).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}

/// The share of the larger of two top-k lists that both share, in `[0, 1]`; 1 when both are
/// empty.
///
/// ```
/// use vaardig_diff::impact::top_k_overlap;
/// assert_eq!(top_k_overlap(&["a", "b", "c", "d"], &["b", "a", "x", "y"]), 0.5);
/// ```
pub fn top_k_overlap<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let k = a.len().max(b.len());
    if k == 0 {
        return 1.0;
    }
    let common = a.iter().filter(|x| b.contains(x)).count();
    common as f64 / k as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_b_with_ties_is_between_the_extremes() {
        let t = kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[1.0, 1.0, 2.0, 3.0]);
        let t = t.unwrap_or(f64::NAN);
        assert!(t > 0.8 && t < 1.0, "{t}");
    }

    #[test]
    fn one_swap_in_four_items() {
        // 6 pairs, 1 discordant: (5 - 1) / 6.
        let t = kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[2.0, 1.0, 3.0, 4.0]);
        assert_eq!(t, Some(4.0 / 6.0));
    }

    #[test]
    fn overlap_of_disjoint_lists_is_zero() {
        assert_eq!(top_k_overlap(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(top_k_overlap::<u8>(&[], &[]), 1.0);
    }
}
