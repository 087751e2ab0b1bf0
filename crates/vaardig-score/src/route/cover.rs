//! The covering problem under a route: choose offers so every target is taught, every chosen
//! offer's prerequisites are held or taught by an offer placed before it, the euro budget (if any)
//! holds, and the objective (hours or cost, stacking offers discounted) is minimal.
//!
//! # Optimality
//! - **Exact** when there are at most `exact_limit` candidate offers (after removing dominated
//!   ones) and at most 128 targets plus prerequisite skills: a depth-first branch and bound over
//!   every subset returns the best solution by the order below, prerequisites, cycles and budget
//!   included.
//! - **Greedy** otherwise: repeatedly take the offer (with the cheapest chain of offers teaching
//!   its missing prerequisites) with the most newly covered target weight per unit of objective,
//!   then drop offers that became redundant. Without prerequisites and budget this is the classic
//!   weighted set-cover greedy, within a factor H(k) = 1 + 1/2 + … + 1/k of the optimum, where `k`
//!   is the most targets one offer covers. With a budget, the better of the greedy and the best
//!   single affordable offer is kept.
//!
//! Solutions are compared by: most target weight covered, then least objective, then least
//! secondary measure (cost when optimising hours, hours when optimising cost), then the
//! lexicographically smallest list of offer keys. Ties therefore break by id.

/// Float tolerance for comparing sums.
const EPS: f64 = 1e-9;

/// One candidate offer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    /// Items it teaches (targets are items `0..n_targets`).
    pub teaches: Vec<u32>,
    /// Items it needs first (never targets the person holds; prerequisites not yet met).
    pub needs: Vec<u32>,
    /// The objective: hours or cost, discounted for stacking.
    pub eff: f64,
    /// The secondary measure, for ties.
    pub secondary: f64,
    /// Euros (for the budget).
    pub cost: f64,
    /// Tie-break key: the offer's position in id order.
    pub key: u32,
}

/// A covering instance.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Instance {
    /// Targets are items `0..n_targets`; the rest are prerequisite skills.
    pub n_targets: usize,
    /// All items.
    pub n_items: usize,
    /// Weight per target.
    pub weights: Vec<f64>,
    /// The candidates.
    pub cands: Vec<Cand>,
    /// Euro budget.
    pub budget: Option<f64>,
    /// The most candidates solved exactly.
    pub exact_limit: usize,
}

/// How a solution was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Method {
    Exact,
    Greedy {
        max_targets_per_offer: usize,
        /// The proven bound on greedy's objective over the minimum: the largest
        /// [`weighted_harmonic`] of one candidate's target weights.
        ratio_bound: f64,
    },
}

/// A solution: chosen candidates in study order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solution {
    pub order: Vec<usize>,
    pub method: Method,
}

/// The method [`solve`] reports for an instance without candidates and `n_items` items.
pub(crate) fn empty_method(n_items: usize) -> Method {
    if n_items <= EXACT_MAX_ITEMS {
        Method::Exact
    } else {
        Method::Greedy {
            max_targets_per_offer: 0,
            ratio_bound: 1.0,
        }
    }
}

/// Above this many items (targets and prerequisites) the exact search is not tried.
const EXACT_MAX_ITEMS: usize = 128;

/// Solves `inst` exactly when small, greedily otherwise.
pub(crate) fn solve(inst: &Instance) -> Solution {
    let keep = undominated(inst);
    if keep.len() <= inst.exact_limit && inst.n_items <= EXACT_MAX_ITEMS {
        let sub = restrict(inst, &keep);
        let chosen = exact(&sub);
        let chosen: Vec<usize> = chosen.into_iter().map(|i| keep[i]).collect();
        return Solution {
            order: study_order(inst, &chosen),
            method: Method::Exact,
        };
    }
    let chosen = greedy(inst);
    let mut max_targets_per_offer = 0;
    let mut ratio_bound: f64 = 1.0;
    for c in &inst.cands {
        let weights: Vec<f64> = c
            .teaches
            .iter()
            .filter_map(|&t| inst.weights.get(t as usize).copied())
            .collect();
        max_targets_per_offer = max_targets_per_offer.max(weights.len());
        ratio_bound = ratio_bound.max(weighted_harmonic(&weights));
    }
    Solution {
        order: study_order(inst, &chosen),
        method: Method::Greedy {
            max_targets_per_offer,
            ratio_bound,
        },
    }
}

/// The greedy ratio for one candidate whose targets weigh `weights`:
/// `Σ w_j / (w_j + w_{j+1} + … + w_m)` with the weights in descending order
/// (the order that makes the sum largest). Greedy picks by weight gained per
/// hour, so when it covers the `j`-th of an optimal offer's targets, at least
/// `w_j + … + w_m` of that offer is still open and the price it pays per unit
/// of weight is at most the offer's hours over that remainder. With equal
/// weights this is `H(m)`.
pub(crate) fn weighted_harmonic(weights: &[f64]) -> f64 {
    let mut sorted: Vec<f64> = weights.iter().copied().filter(|w| *w > 0.0).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let mut rest: f64 = sorted.iter().sum();
    let mut sum = 0.0;
    for w in sorted {
        sum += w / rest;
        rest -= w;
    }
    sum.max(1.0)
}

fn restrict(inst: &Instance, keep: &[usize]) -> Instance {
    Instance {
        cands: keep.iter().map(|&i| inst.cands[i].clone()).collect(),
        ..inst.clone()
    }
}

/// Candidates not dominated by another (one that teaches at least as much, needs at most as much,
/// and is no worse in objective, secondary measure and euros; exact duplicates keep the lower
/// key). Removing dominated candidates never worsens the best solution. Skipped above 400.
fn undominated(inst: &Instance) -> Vec<usize> {
    let n = inst.cands.len();
    if n > 400 {
        return (0..n).collect();
    }
    let subset = |a: &[u32], b: &[u32]| a.iter().all(|x| b.contains(x));
    (0..n)
        .filter(|&a| {
            let ca = &inst.cands[a];
            !(0..n).any(|b| {
                if a == b {
                    return false;
                }
                let cb = &inst.cands[b];
                let no_worse = subset(&ca.teaches, &cb.teaches)
                    && subset(&cb.needs, &ca.needs)
                    && cb.eff <= ca.eff + EPS
                    && cb.secondary <= ca.secondary + EPS
                    && cb.cost <= ca.cost + EPS;
                if !no_worse {
                    return false;
                }
                let same = subset(&cb.teaches, &ca.teaches)
                    && subset(&ca.needs, &cb.needs)
                    && (cb.eff - ca.eff).abs() <= EPS
                    && (cb.secondary - ca.secondary).abs() <= EPS
                    && (cb.cost - ca.cost).abs() <= EPS;
                !same || cb.key < ca.key
            })
        })
        .collect()
}

/// Whether `chosen` can be ordered so that every offer's needs are taught by earlier ones.
fn orderable_masks(chosen: u32, teach: &[u128], need: &[u128]) -> bool {
    let mut done = 0u32;
    let mut avail = 0u128;
    loop {
        let mut progress = false;
        let mut rest = chosen & !done;
        while rest != 0 {
            let j = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if need[j] & !avail == 0 {
                done |= 1 << j;
                avail |= teach[j];
                progress = true;
            }
        }
        if done == chosen {
            return true;
        }
        if !progress {
            return false;
        }
    }
}

struct Exact<'a> {
    inst: &'a Instance,
    teach: Vec<u128>,
    need: Vec<u128>,
    suffix: Vec<u128>,
    tmask: u128,
    best: (f64, f64, f64, u32),
}

impl Exact<'_> {
    fn weight(&self, mask: u128) -> f64 {
        let mut m = mask & self.tmask;
        let mut w = 0.0;
        while m != 0 {
            let t = m.trailing_zeros() as usize;
            m &= m - 1;
            w += self.inst.weights.get(t).copied().unwrap_or(0.0);
        }
        w
    }

    fn keys(&self, chosen: u32) -> Vec<u32> {
        let mut keys: Vec<u32> = (0..self.inst.cands.len())
            .filter(|&j| chosen & (1 << j) != 0)
            .map(|j| self.inst.cands[j].key)
            .collect();
        keys.sort_unstable();
        keys
    }

    fn better(&self, cov: f64, eff: f64, sec: f64, chosen: u32) -> bool {
        let (bc, be, bs, bch) = self.best;
        if cov > bc + EPS {
            return true;
        }
        if cov < bc - EPS {
            return false;
        }
        if eff < be - EPS {
            return true;
        }
        if eff > be + EPS {
            return false;
        }
        if sec < bs - EPS {
            return true;
        }
        if sec > bs + EPS {
            return false;
        }
        self.keys(chosen) < self.keys(bch)
    }

    fn dfs(&mut self, i: usize, chosen: u32, taught: u128, eff: f64, sec: f64, cost: f64) {
        let cov = self.weight(taught);
        let complete = taught & self.tmask == self.tmask;
        if self.better(cov, eff, sec, chosen) && orderable_masks(chosen, &self.teach, &self.need) {
            self.best = (cov, eff, sec, chosen);
            if complete {
                return;
            }
        }
        if i == self.inst.cands.len() {
            return;
        }
        let potential = self.weight(taught | self.suffix[i]);
        if potential < self.best.0 - EPS
            || (potential <= self.best.0 + EPS && eff > self.best.1 + EPS)
        {
            return;
        }
        let c = &self.inst.cands[i];
        if self.inst.budget.is_none_or(|b| cost + c.cost <= b + EPS) {
            self.dfs(
                i + 1,
                chosen | (1 << i),
                taught | self.teach[i],
                eff + c.eff,
                sec + c.secondary,
                cost + c.cost,
            );
        }
        self.dfs(i + 1, chosen, taught, eff, sec, cost);
    }
}

/// Exhaustive branch and bound; needs at most 32 candidates and 128 items.
fn exact(inst: &Instance) -> Vec<usize> {
    let mask = |items: &[u32]| items.iter().fold(0u128, |m, &t| m | (1u128 << (t & 127)));
    // Good candidates first, so a strong incumbent prunes early (the result does not depend on it).
    let mut idx: Vec<usize> = (0..inst.cands.len()).collect();
    let ratio = |c: &Cand| {
        let gain: f64 = c
            .teaches
            .iter()
            .filter_map(|&t| inst.weights.get(t as usize))
            .sum();
        gain / (c.eff + EPS)
    };
    idx.sort_by(|&a, &b| {
        ratio(&inst.cands[b])
            .total_cmp(&ratio(&inst.cands[a]))
            .then(inst.cands[a].key.cmp(&inst.cands[b].key))
    });
    let sorted = Instance {
        cands: idx.iter().map(|&i| inst.cands[i].clone()).collect(),
        ..inst.clone()
    };
    let teach: Vec<u128> = sorted.cands.iter().map(|c| mask(&c.teaches)).collect();
    let need: Vec<u128> = sorted.cands.iter().map(|c| mask(&c.needs)).collect();
    let mut suffix = vec![0u128; teach.len() + 1];
    for i in (0..teach.len()).rev() {
        suffix[i] = suffix[i + 1] | teach[i];
    }
    let tmask = if inst.n_targets >= 128 {
        u128::MAX
    } else {
        (1u128 << inst.n_targets) - 1
    };
    let mut search = Exact {
        inst: &sorted,
        teach,
        need,
        suffix,
        tmask,
        best: (0.0, 0.0, 0.0, 0),
    };
    search.dfs(0, 0, 0, 0.0, 0.0, 0.0);
    let chosen = search.best.3;
    (0..idx.len())
        .filter(|&j| chosen & (1 << j) != 0)
        .map(|j| idx[j])
        .collect()
}

/// State of the greedy: which items are taught, which candidates chosen.
struct Greedy<'a> {
    inst: &'a Instance,
    taught: Vec<bool>,
    chosen: Vec<bool>,
    teachers: Vec<Vec<usize>>,
}

impl Greedy<'_> {
    /// `o` plus the cheapest chain of unchosen offers teaching its missing needs, needs first;
    /// `None` when a need cannot be met within three levels.
    fn bundle(&self, o: usize, depth: u8, in_bundle: &mut Vec<usize>) -> Option<()> {
        if depth > 3 || in_bundle.contains(&o) {
            return None;
        }
        let start = in_bundle.len();
        for &p in &self.inst.cands[o].needs {
            let p = p as usize;
            let met = self.taught.get(p).copied().unwrap_or(false)
                || in_bundle
                    .iter()
                    .any(|&b| self.inst.cands[b].teaches.contains(&(p as u32)));
            if met {
                continue;
            }
            let mut options: Vec<usize> = self
                .teachers
                .get(p)
                .map(|t| {
                    t.iter()
                        .copied()
                        .filter(|&t| t != o && !self.chosen[t] && !in_bundle.contains(&t))
                        .collect()
                })
                .unwrap_or_default();
            options.sort_by(|&a, &b| {
                let (ca, cb) = (&self.inst.cands[a], &self.inst.cands[b]);
                ca.eff.total_cmp(&cb.eff).then(ca.key.cmp(&cb.key))
            });
            let mut found = false;
            for t in options {
                let mark = in_bundle.len();
                if self.bundle(t, depth + 1, in_bundle).is_some() {
                    found = true;
                    break;
                }
                in_bundle.truncate(mark);
            }
            if !found {
                in_bundle.truncate(start);
                return None;
            }
        }
        in_bundle.push(o);
        Some(())
    }

    fn gain(&self, bundle: &[usize]) -> f64 {
        let mut seen: Vec<u32> = Vec::new();
        let mut gain = 0.0;
        for &b in bundle {
            for &t in &self.inst.cands[b].teaches {
                let ti = t as usize;
                if ti < self.inst.n_targets && !self.taught[ti] && !seen.contains(&t) {
                    seen.push(t);
                    gain += self.inst.weights.get(ti).copied().unwrap_or(0.0);
                }
            }
        }
        gain
    }

    fn take(&mut self, bundle: &[usize]) {
        for &b in bundle {
            self.chosen[b] = true;
            for &t in &self.inst.cands[b].teaches {
                if let Some(x) = self.taught.get_mut(t as usize) {
                    *x = true;
                }
            }
        }
    }
}

fn greedy(inst: &Instance) -> Vec<usize> {
    let n = inst.cands.len();
    let mut teachers = vec![Vec::new(); inst.n_items];
    for (i, c) in inst.cands.iter().enumerate() {
        for &t in &c.teaches {
            if let Some(list) = teachers.get_mut(t as usize) {
                list.push(i);
            }
        }
    }
    let fresh = |teachers: Vec<Vec<usize>>| Greedy {
        inst,
        taught: vec![false; inst.n_items],
        chosen: vec![false; n],
        teachers,
    };
    let mut g = fresh(teachers.clone());
    let mut spent = 0.0;
    loop {
        let mut best: Option<(f64, f64, u32, Vec<usize>, f64)> = None;
        for o in 0..n {
            if g.chosen[o] {
                continue;
            }
            let mut bundle = Vec::new();
            if g.bundle(o, 0, &mut bundle).is_none() {
                continue;
            }
            let gain = g.gain(&bundle);
            if gain <= EPS {
                continue;
            }
            let cost: f64 = bundle.iter().map(|&b| inst.cands[b].cost).sum();
            if inst.budget.is_some_and(|b| spent + cost > b + EPS) {
                continue;
            }
            let eff: f64 = bundle.iter().map(|&b| inst.cands[b].eff).sum();
            let ratio = gain / eff.max(EPS);
            let key = inst.cands[o].key;
            let better = match &best {
                None => true,
                Some((br, be, bk, _, _)) => {
                    ratio > br * (1.0 + EPS)
                        || (ratio >= br * (1.0 - EPS)
                            && (eff < be - EPS || (eff <= be + EPS && key < *bk)))
                }
            };
            if better {
                best = Some((ratio, eff, key, bundle, cost));
            }
        }
        let Some((_, _, _, bundle, cost)) = best else {
            break;
        };
        spent += cost;
        g.take(&bundle);
    }
    let mut chosen: Vec<usize> = (0..n).filter(|&i| g.chosen[i]).collect();

    if inst.budget.is_some() {
        // The best single affordable bundle can beat a greedy that spent the budget badly.
        let covered = |set: &[usize]| weight_covered(inst, set);
        let mut best_single: Option<(f64, Vec<usize>)> = None;
        let empty = fresh(teachers);
        let mut by_key: Vec<usize> = (0..n).collect();
        by_key.sort_by_key(|&o| inst.cands[o].key);
        for o in by_key {
            let mut bundle = Vec::new();
            if empty.bundle(o, 0, &mut bundle).is_none() {
                continue;
            }
            let cost: f64 = bundle.iter().map(|&b| inst.cands[b].cost).sum();
            if inst.budget.is_some_and(|b| cost > b + EPS) {
                continue;
            }
            let w = covered(&bundle);
            if best_single.as_ref().is_none_or(|(bw, _)| w > bw + EPS) {
                best_single = Some((w, bundle));
            }
        }
        if let Some((w, bundle)) = best_single
            && w > covered(&chosen) + EPS
        {
            chosen = bundle;
            chosen.sort_unstable();
        }
    }
    prune_redundant(inst, chosen)
}

/// Target weight taught by `set`.
fn weight_covered(inst: &Instance, set: &[usize]) -> f64 {
    let mut hit = vec![false; inst.n_targets];
    for &i in set {
        for &t in &inst.cands[i].teaches {
            if let Some(h) = hit.get_mut(t as usize) {
                *h = true;
            }
        }
    }
    hit.iter()
        .zip(&inst.weights)
        .filter(|(h, _)| **h)
        .map(|(_, w)| w)
        .sum()
}

/// Whether `set` can be ordered with every need taught earlier.
pub(crate) fn orderable(inst: &Instance, set: &[usize]) -> bool {
    study_order(inst, set).len() == set.len() && placed_all(inst, set)
}

fn placed_all(inst: &Instance, set: &[usize]) -> bool {
    let mut taught = vec![false; inst.n_items];
    for &i in &study_order(inst, set) {
        if !inst.cands[i]
            .needs
            .iter()
            .all(|&p| taught.get(p as usize).copied().unwrap_or(false))
        {
            return false;
        }
        for &t in &inst.cands[i].teaches {
            if let Some(x) = taught.get_mut(t as usize) {
                *x = true;
            }
        }
    }
    true
}

/// Drops offers (most expensive first) whose removal keeps the covered weight and the order.
fn prune_redundant(inst: &Instance, mut chosen: Vec<usize>) -> Vec<usize> {
    let target = weight_covered(inst, &chosen);
    let mut by_cost = chosen.clone();
    by_cost.sort_by(|&a, &b| {
        let (ca, cb) = (&inst.cands[a], &inst.cands[b]);
        cb.eff.total_cmp(&ca.eff).then(cb.key.cmp(&ca.key))
    });
    for o in by_cost {
        let rest: Vec<usize> = chosen.iter().copied().filter(|&c| c != o).collect();
        if weight_covered(inst, &rest) >= target - EPS && orderable(inst, &rest) {
            chosen = rest;
        }
    }
    chosen
}

/// `set` in study order: repeatedly the lowest-key offer whose needs are all taught already.
/// Offers that can never be placed are left out (callers only pass orderable sets).
pub(crate) fn study_order(inst: &Instance, set: &[usize]) -> Vec<usize> {
    let mut taught = vec![false; inst.n_items];
    let mut left: Vec<usize> = set.to_vec();
    left.sort_by_key(|&i| inst.cands[i].key);
    left.dedup();
    let mut order = Vec::with_capacity(left.len());
    while let Some(pos) = left.iter().position(|&i| {
        inst.cands[i]
            .needs
            .iter()
            .all(|&p| taught.get(p as usize).copied().unwrap_or(false))
    }) {
        let i = left.remove(pos);
        for &t in &inst.cands[i].teaches {
            if let Some(x) = taught.get_mut(t as usize) {
                *x = true;
            }
        }
        order.push(i);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn weighted_harmonic_is_h_k_for_equal_weights_and_exact_for_unequal() {
        let h3 = 1.0 + 0.5 + 1.0 / 3.0;
        assert!((weighted_harmonic(&[1.0, 1.0, 1.0]) - h3).abs() < 1e-12);
        assert!((weighted_harmonic(&[0.5, 0.5, 0.5]) - h3).abs() < 1e-12);
        // Heaviest first: 2/3 + 1/1.
        assert!((weighted_harmonic(&[1.0, 2.0]) - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(weighted_harmonic(&[]), 1.0);
    }

    /// Found by CI: targets weighing 1 and 2, where `H(2)` is not a bound.
    #[test]
    fn greedy_bound_holds_when_targets_weigh_differently() {
        let mut i = inst(
            2,
            2,
            vec![
                cand(&[1], &[], 3.0, 0),
                cand(&[0], &[], 5.0, 1),
                cand(&[0, 1], &[], 5.0, 2),
            ],
        );
        i.weights = vec![1.0, 2.0];
        i.exact_limit = 0;
        let s = solve(&i);
        let Method::Greedy { ratio_bound, .. } = s.method else {
            panic!("expected greedy");
        };
        let (_, eff) = value(&i, &s.order);
        assert!(eff <= ratio_bound * 5.0 + 1e-9, "{eff} > {ratio_bound} × 5");
    }

    fn cand(teaches: &[u32], needs: &[u32], eff: f64, key: u32) -> Cand {
        Cand {
            teaches: teaches.to_vec(),
            needs: needs.to_vec(),
            eff,
            secondary: eff,
            cost: eff,
            key,
        }
    }

    fn inst(n_targets: usize, n_items: usize, cands: Vec<Cand>) -> Instance {
        Instance {
            n_targets,
            n_items,
            weights: vec![1.0; n_targets],
            cands,
            budget: None,
            exact_limit: 18,
        }
    }

    /// The best solution by the documented order, over every subset.
    fn brute(inst: &Instance) -> (f64, f64) {
        let n = inst.cands.len();
        let mut best = (0.0, 0.0);
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|&i| mask & (1 << i) != 0).collect();
            let cost: f64 = set.iter().map(|&i| inst.cands[i].cost).sum();
            if inst.budget.is_some_and(|b| cost > b + EPS) || !orderable(inst, &set) {
                continue;
            }
            let cov = weight_covered(inst, &set);
            let eff: f64 = set.iter().map(|&i| inst.cands[i].eff).sum();
            if cov > best.0 + EPS || ((cov - best.0).abs() <= EPS && eff < best.1 - EPS) {
                best = (cov, eff);
            }
        }
        best
    }

    fn value(inst: &Instance, sol: &[usize]) -> (f64, f64) {
        (
            weight_covered(inst, sol),
            sol.iter().map(|&i| inst.cands[i].eff).sum(),
        )
    }

    #[test]
    fn picks_the_cheaper_cover_over_the_greedy_trap() {
        // Greedy takes the big offer (3 targets for 6) then needs two more; optimum is two offers.
        let i = inst(
            4,
            4,
            vec![
                cand(&[0, 1, 2], &[], 6.0, 0),
                cand(&[0, 1], &[], 4.0, 1),
                cand(&[2, 3], &[], 4.0, 2),
                cand(&[3], &[], 3.5, 3),
            ],
        );
        let s = solve(&i);
        assert_eq!(s.method, Method::Exact);
        assert_eq!(s.order, vec![1, 2]);
        let g = greedy(&i);
        assert!(value(&i, &g).1 >= 8.0);
    }

    #[test]
    fn prerequisites_come_first_and_count() {
        // Target 0 is taught only by offer 0, which needs item 1 (taught by 1 or 2).
        let i = inst(
            1,
            2,
            vec![
                cand(&[0], &[1], 5.0, 0),
                cand(&[1], &[], 3.0, 1),
                cand(&[1], &[], 2.0, 2),
            ],
        );
        let s = solve(&i);
        assert_eq!(s.order, vec![2, 0]);
        let mut greedy_inst = i.clone();
        greedy_inst.exact_limit = 0;
        assert_eq!(solve(&greedy_inst).order, vec![2, 0]);
    }

    #[test]
    fn a_prerequisite_cycle_is_not_a_route() {
        let i = inst(
            2,
            2,
            vec![cand(&[0], &[1], 1.0, 0), cand(&[1], &[0], 1.0, 1)],
        );
        assert!(solve(&i).order.is_empty());
    }

    #[test]
    fn budget_keeps_the_most_coverage_that_fits() {
        let mut i = inst(
            3,
            3,
            vec![
                cand(&[0, 1], &[], 10.0, 0),
                cand(&[2], &[], 4.0, 1),
                cand(&[0], &[], 3.0, 2),
            ],
        );
        i.budget = Some(10.0);
        let s = solve(&i);
        // {1, 2} covers two targets for 7; {0} covers two for 10.
        assert_eq!(value(&i, &s.order), (2.0, 7.0));
        assert_eq!(s.order, vec![1, 2]);
        i.exact_limit = 0;
        let g = solve(&i);
        assert!(value(&i, &g.order).1 <= 10.0);
    }

    fn arb_instance(max_prereq: bool) -> impl Strategy<Value = Instance> {
        (1usize..7, 0usize..3, 1usize..10).prop_flat_map(move |(targets, extra, n)| {
            let items = targets + if max_prereq { extra } else { 0 };
            let c = (
                prop::collection::vec(0..items as u32, 1..4),
                prop::collection::vec(0..items as u32, 0..if max_prereq { 2 } else { 1 }),
                1u32..20,
                1u32..20,
            );
            (
                prop::collection::vec(c, n),
                prop::option::of(5u32..40),
                prop::collection::vec(1u32..4, targets),
            )
                .prop_map(move |(cs, budget, w)| Instance {
                    n_targets: targets,
                    n_items: items,
                    weights: w.into_iter().map(f64::from).collect(),
                    cands: cs
                        .into_iter()
                        .enumerate()
                        .map(|(k, (mut t, mut p, e, c))| {
                            t.sort_unstable();
                            t.dedup();
                            p.retain(|x| !t.contains(x));
                            p.sort_unstable();
                            p.dedup();
                            Cand {
                                teaches: t,
                                needs: p,
                                eff: f64::from(e),
                                secondary: f64::from(c),
                                cost: f64::from(c),
                                key: k as u32,
                            }
                        })
                        .collect(),
                    budget: budget.map(f64::from),
                    exact_limit: 18,
                })
        })
    }

    proptest! {
        #[test]
        fn exact_matches_brute_force(i in arb_instance(true)) {
            let s = solve(&i);
            prop_assert_eq!(s.method, Method::Exact);
            prop_assert!(orderable(&i, &s.order));
            let (cov, eff) = value(&i, &s.order);
            let (bcov, beff) = brute(&i);
            prop_assert!((cov - bcov).abs() < 1e-6, "coverage {} vs {}", cov, bcov);
            prop_assert!((eff - beff).abs() < 1e-6, "objective {} vs {}", eff, beff);
            let cost: f64 = s.order.iter().map(|&k| i.cands[k].cost).sum();
            prop_assert!(i.budget.is_none_or(|b| cost <= b + 1e-9));
        }

        #[test]
        fn greedy_is_within_the_harmonic_bound(mut i in arb_instance(false)) {
            i.budget = None;
            let opt = brute(&i);
            i.exact_limit = 0;
            let s = solve(&i);
            let Method::Greedy { ratio_bound, .. } = s.method else {
                return Err(TestCaseError::fail("expected greedy"));
            };
            let (cov, eff) = value(&i, &s.order);
            // Greedy covers everything coverable, within the weighted H(k) of the optimum.
            prop_assert!((cov - opt.0).abs() < 1e-6);
            prop_assert!(eff <= ratio_bound * opt.1 + 1e-6, "{} > {} × {}", eff, ratio_bound, opt.1);
        }

        #[test]
        fn greedy_respects_budget_and_order(mut i in arb_instance(true)) {
            i.exact_limit = 0;
            let s = solve(&i);
            prop_assert!(orderable(&i, &s.order));
            let cost: f64 = s.order.iter().map(|&k| i.cands[k].cost).sum();
            prop_assert!(i.budget.is_none_or(|b| cost <= b + 1e-9));
        }

        #[test]
        fn solution_does_not_depend_on_candidate_order(i in arb_instance(true), rot in 0usize..10) {
            let mut j = i.clone();
            let r = rot % j.cands.len();
            j.cands.rotate_left(r);
            let keys = |inst: &Instance, s: &Solution| {
                s.order.iter().map(|&k| inst.cands[k].key).collect::<Vec<_>>()
            };
            prop_assert_eq!(keys(&i, &solve(&i)), keys(&j, &solve(&j)));
        }
    }
}
