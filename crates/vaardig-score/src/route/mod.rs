//! Routes: the set of learning offers that closes a person's essential gap to an occupation at
//! minimal hours or cost, respecting prerequisites, a maximum NLQF level and a funding scheme.
//!
//! The covering itself lives in [`cover`]; this module turns a gap into a covering instance and
//! the solution into an explained [`Route`].

mod cover;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use vaardig_core::{Importance, Nlqf};

use crate::credit::{Credit, Holdings};
use crate::entry::{EntryPlan, EntryRequirement, EntryStatus};
use crate::error::ScoreError;
use crate::gap::importance_rank;
use crate::lang::{Lang, Named, amount, join_list, plural};
use crate::profile::{Evidence, Profile};
use crate::rights::euros;
use crate::rights::{Budget, FundingScheme, Person};
use crate::scorer::Scorer;

/// What a route minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Optimise {
    /// Study hours (cost breaks ties).
    #[default]
    Hours,
    /// Euros (hours break ties).
    Cost,
}

impl FromStr for Optimise {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "hours" | "uren" => Ok(Optimise::Hours),
            "cost" | "kosten" => Ok(Optimise::Cost),
            other => Err(format!(
                "unknown objective `{other}` (expected hours or cost)"
            )),
        }
    }
}

impl fmt::Display for Optimise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Optimise::Hours => "hours",
            Optimise::Cost => "cost",
        })
    }
}

/// Options of [`Scorer::route`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RouteOptions<'a> {
    /// What to minimise.
    pub optimise: Optimise,
    /// The highest NLQF level an offer may have (offers without a level pass).
    pub max_nlqf: Option<Nlqf>,
    /// Use only offers this scheme funds, within the budget it gives the person.
    pub scheme: Option<&'a dyn FundingScheme>,
    /// Also close gaps in important (not only essential) requirements.
    pub include_important: bool,
}

/// How good the route is guaranteed to be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Optimality {
    /// Provably minimal (after the most coverage the budget allows).
    Exact,
    /// Greedy: without prerequisites and budget, within `ratio_bound` × the minimum.
    Greedy {
        /// The most targets one candidate offer covers.
        max_targets_per_offer: usize,
        /// Greedy's hours are at most this × the minimum: `H(k)` for `k` equally
        /// weighted targets, generalised to the targets' importance weights.
        ratio_bound: f64,
    },
}

/// One offer on a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RouteStep {
    /// The offer.
    pub offer: Named,
    /// Study hours.
    pub hours: f64,
    /// Euros.
    pub cost_eur: f64,
    /// NLQF level, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nlqf: Option<u8>,
    /// The route's target skills it teaches.
    pub covers: Vec<Named>,
    /// Later offers on the route that need what it teaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisite_for: Vec<String>,
    /// Qualifications the person is stacking towards that it is part of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stacks_towards: Vec<Named>,
}

/// An essential skill the route skips because the person holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Exemption {
    /// The required skill.
    pub skill: Named,
    /// The held skill that covers it.
    pub held: Named,
    /// The evidence.
    pub evidence: Evidence,
    /// Whether it was validated.
    pub validated: bool,
    /// The credit it gives.
    pub credit: f64,
}

/// A route to an occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Route {
    /// The target occupation.
    pub occupation: Named,
    /// What was minimised.
    pub optimise: Optimise,
    /// The offer ids in study order (prerequisites first).
    pub offers: Vec<String>,
    /// The offers with details, in the same order.
    pub steps: Vec<RouteStep>,
    /// Total study hours.
    pub total_hours: f64,
    /// Total euros.
    pub total_cost_eur: f64,
    /// The funding scheme and what it makes available (absent: unconstrained).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// Whether the total fits the budget (true without a scheme).
    pub within_budget: bool,
    /// The skills the route set out to close (essential gap), essential first, then by id.
    pub targets: Vec<Named>,
    /// Target skills no usable offer teaches (none exists, or its prerequisites cannot be met).
    pub uncovered: Vec<Named>,
    /// Target skills an offer teaches but that do not fit the scheme (not funded, over budget).
    pub not_fitted: Vec<Named>,
    /// Essential skills skipped because the person already holds them.
    pub exempt: Vec<Exemption>,
    /// Qualifications the route completes (with offers already done).
    pub completes: Vec<Named>,
    /// How good the route is guaranteed to be.
    pub optimality: Optimality,
    /// The occupation's entry requirements (diplomas, registrations, licences, a minimum NLQF
    /// level) and where the person stands on each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<EntryRequirement>,
    /// Whether taking the route gets the person into the occupation: every target closed, every
    /// entry requirement held, on the route or to apply for, within the budget.
    pub reaches_occupation: bool,
}

impl Route {
    /// A short explanation listing the skills the route closes and what it could not.
    pub fn explain(&self, lang: Lang) -> String {
        let names = |v: &[Named], max| {
            let labels: Vec<&str> = v.iter().map(|n| n.label_in(lang)).collect();
            join_list(lang, &labels, max)
        };
        let occ = self.occupation.label_in(lang);
        let mut out = if self.targets.is_empty() && self.steps.is_empty() {
            match lang {
                Lang::Nl => format!("Voor {occ} ontbreken geen essentiële vaardigheden."),
                Lang::En => format!("No essential skills are missing for {occ}."),
            }
        } else if self.steps.is_empty() {
            match lang {
                Lang::Nl => format!("Geen route naar {occ} gevonden."),
                Lang::En => format!("No route to {occ} found."),
            }
        } else {
            let offers: Vec<&str> = self.steps.iter().map(|s| s.offer.label_in(lang)).collect();
            match lang {
                Lang::Nl => format!(
                    "Route naar {occ}: {} ({} {}, {} uur, {}).",
                    join_list(lang, &offers, 6),
                    self.steps.len(),
                    plural(self.steps.len() as f64, "onderdeel", "onderdelen"),
                    amount(self.total_hours),
                    euros(lang, self.total_cost_eur)
                ),
                Lang::En => format!(
                    "Route to {occ}: {} ({} {}, {} hours, {}).",
                    join_list(lang, &offers, 6),
                    self.steps.len(),
                    plural(self.steps.len() as f64, "offer", "offers"),
                    amount(self.total_hours),
                    euros(lang, self.total_cost_eur)
                ),
            }
        };
        let covered: Vec<Named> = self
            .targets
            .iter()
            .filter(|t| !self.uncovered.contains(t) && !self.not_fitted.contains(t))
            .cloned()
            .collect();
        if !covered.is_empty() && !self.steps.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Sluit", "Closes"),
                names(&covered, 8)
            ));
        }
        if !self.uncovered.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Geen aanbod voor", "No offer teaches"),
                names(&self.uncovered, 6)
            ));
        }
        if !self.not_fitted.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Past niet binnen de regeling", "Does not fit the scheme"),
                names(&self.not_fitted, 6)
            ));
        }
        if !self.exempt.is_empty() {
            let held: Vec<Named> = self.exempt.iter().map(|e| e.skill.clone()).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Vrijstelling voor", "Exempt from"),
                names(&held, 6)
            ));
        }
        if !self.requirements.is_empty() {
            let lines: Vec<String> = self.requirements.iter().map(|r| r.explain(lang)).collect();
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Toelatingseisen", "Entry requirements"),
                lines.join("; ")
            ));
        }
        let missing: Vec<String> = self
            .requirements
            .iter()
            .filter(|r| r.status == EntryStatus::Missing)
            .map(|r| r.what(lang))
            .collect();
        if !missing.is_empty() {
            let l: Vec<&str> = missing.iter().map(String::as_str).collect();
            out.push_str(&match lang {
                Lang::Nl => format!(
                    " Let op: met deze route alleen kan de persoon nog niet als {occ} werken; ook nodig: {}.",
                    join_list(lang, &l, 4)
                ),
                Lang::En => format!(
                    " Note: this route alone does not get the person into work as {occ}; also needed: {}.",
                    join_list(lang, &l, 4)
                ),
            });
        }
        if let Some(b) = &self.budget
            && let Some(avail) = b.available_eur
        {
            let fits = match (self.within_budget, self.reaches_occupation, lang) {
                (true, true, Lang::Nl) => ", past",
                (true, false, Lang::Nl) => ", de cursussen passen",
                (false, _, Lang::Nl) => ", past niet",
                (true, true, Lang::En) => ", fits",
                (true, false, Lang::En) => ", the offers fit",
                (false, _, Lang::En) => ", does not fit",
            };
            out.push_str(&match lang {
                Lang::Nl => format!(
                    " Budget ({}): {} beschikbaar{fits}.",
                    b.scheme,
                    euros(lang, avail),
                ),
                Lang::En => format!(
                    " Budget ({}): {} available{fits}.",
                    b.scheme,
                    euros(lang, avail),
                ),
            });
        }
        if !self.completes.is_empty() {
            out.push_str(&format!(
                " {}: {}.",
                lang.pick("Rondt af", "Completes"),
                names(&self.completes, 4)
            ));
        }
        out.push(' ');
        let what = match (self.optimise, lang) {
            (Optimise::Hours, Lang::Nl) => "kortste",
            (Optimise::Hours, Lang::En) => "shortest",
            (Optimise::Cost, Lang::Nl) => "goedkoopste",
            (Optimise::Cost, Lang::En) => "cheapest",
        };
        out.push_str(&match (self.optimality, lang) {
            (Optimality::Exact, Lang::Nl) => {
                format!("Dit is zeker de {what} route met dit aanbod.")
            }
            (Optimality::Exact, Lang::En) => {
                format!("This is certainly the {what} route with these offers.")
            }
            (Optimality::Greedy { ratio_bound, .. }, Lang::Nl) => format!(
                "Een snelle benadering: hooguit {}× de {what} route.",
                amount((ratio_bound * 100.0).round() / 100.0).replace('.', ",")
            ),
            (Optimality::Greedy { ratio_bound, .. }, Lang::En) => format!(
                "A quick approximation: at most {}× the {what} route.",
                amount((ratio_bound * 100.0).round() / 100.0)
            ),
        });
        out
    }
}

/// A route target: a capability and its weight.
struct Target {
    cap: u32,
    weight: f64,
    importance: Importance,
}

/// A route as indices and totals, before it is described.
pub(crate) struct Plan {
    /// The targets, essential first.
    targets: Vec<Target>,
    /// Requirements already held well enough, with the credit that exempts them.
    exempt: Vec<(u32, Credit)>,
    /// The chosen offers (dense), in study order.
    pub(crate) chosen: Vec<u32>,
    /// Per target: whether some usable offer teaches it.
    pub(crate) taught: Vec<bool>,
    /// Per target: whether the chosen offers teach it.
    on_route: Vec<bool>,
    /// Study hours of the chosen offers.
    pub(crate) total_hours: f64,
    /// Euros of the chosen offers.
    pub(crate) total_cost_eur: f64,
    budget: Option<Budget>,
    method: cover::Method,
    /// The entry requirements and the units they put on the route.
    pub(crate) entry: EntryPlan,
}

impl Plan {
    /// How many targets no usable offer teaches.
    pub(crate) fn untaught(&self) -> usize {
        self.taught.iter().filter(|t| !**t).count()
    }
}

impl Scorer {
    /// The route from `profile` to occupation `occupation`.
    ///
    /// # Arguments
    /// Targets are the essential requirements (and important ones with
    /// `include_important`) whose credit is below `route.target_below_credit` or that are held
    /// below the required level; the rest are exempt. Usable offers are those not yet completed, within `max_nlqf`, whose prerequisites
    /// are held (credit ≥ `route.prerequisite_credit`) or taught by another offer on the route.
    ///
    /// # Returns
    /// Offers in study order, totals, uncovered and unfitted targets. Offers stacking towards a
    /// qualification the person works on count `route.stacking_discount` cheaper when choosing.
    ///
    /// # Optimality
    /// Exact (branch and bound) for up to `route.exact_limit` undominated candidate offers;
    /// greedy with a redundancy pass otherwise, within H(k) of the minimum when no prerequisites
    /// or budget bind. With a scheme: the most target weight that fits, then minimal.
    ///
    /// # Ties
    /// Equal routes break by the other measure, then by offer ids; steps are in the first order
    /// that respects prerequisites, lowest id first.
    ///
    /// # Errors
    /// Unknown ids in the profile, a non-occupation, or a scheme that needs the person's age.
    pub fn route(
        &self,
        profile: &Profile,
        occupation: &str,
        options: &RouteOptions<'_>,
    ) -> Result<Route, ScoreError> {
        let holdings = self.holdings(profile)?;
        self.route_with(&holdings, &Person::from(profile), occupation, options)
    }

    /// The route for holdings already resolved.
    pub fn route_with(
        &self,
        holdings: &Holdings,
        person: &Person,
        occupation: &str,
        options: &RouteOptions<'_>,
    ) -> Result<Route, ScoreError> {
        let occ = self.occupation_index(occupation)?;
        self.route_at(holdings, person, occ, options)
    }

    /// The route to the occupation with dense index `occ`, described.
    pub(crate) fn route_at(
        &self,
        holdings: &Holdings,
        person: &Person,
        occ: u32,
        options: &RouteOptions<'_>,
    ) -> Result<Route, ScoreError> {
        let plan = self.plan_at(holdings, person, occ, options)?;
        Ok(self.describe(holdings, occ, options, plan))
    }

    /// The route to `occ` as indices and totals only: what transitions rank by, without the
    /// names and steps a [`Route`] spells out.
    pub(crate) fn plan_at(
        &self,
        holdings: &Holdings,
        person: &Person,
        occ: u32,
        options: &RouteOptions<'_>,
    ) -> Result<Plan, ScoreError> {
        let budget = options.scheme.map(|s| s.budget(person)).transpose()?;
        let cfg = &self.config.route;

        // 1. Targets and exemptions.
        let reqs = self.requires.row(occ as usize);
        let mut targets: Vec<Target> = Vec::with_capacity(reqs.len());
        let mut exempt: Vec<(u32, Credit)> = Vec::with_capacity(reqs.len());
        for r in reqs {
            // Attitudes are discussed, not studied: never a course target.
            let wanted = (r.importance == Importance::Essential
                || (options.include_important && r.importance == Importance::Important))
                && !self.is_attitude(r.cap);
            if !wanted {
                continue;
            }
            let credit = self.best_credit(holdings, holdings.entries_for(r.cap), r.level);
            match credit {
                Some(c) if !Credit::needs_study(Some(&c), cfg.target_below_credit) => {
                    exempt.push((r.cap, c));
                }
                _ => targets.push(Target {
                    cap: r.cap,
                    weight: r.weight,
                    importance: r.importance,
                }),
            }
        }
        let by_importance = |a: &Target, b: &Target| {
            importance_rank(a.importance)
                .cmp(&importance_rank(b.importance))
                .then(a.cap.cmp(&b.cap))
        };
        targets.sort_by(by_importance);

        // 1b. Entry requirements: the units of a required qualification are on the route
        // whatever else it takes, and close the targets they teach.
        let entry = self.entry_plan(holdings, occ, options);
        let forced_teaches = |cap: u32| {
            entry
                .forced
                .iter()
                .any(|&o| self.teaches.row(o as usize).iter().any(|t| t.cap == cap))
        };
        let (by_entry, mut targets): (Vec<Target>, Vec<Target>) = if entry.forced.is_empty() {
            (Vec::new(), targets)
        } else {
            targets.into_iter().partition(|t| forced_teaches(t.cap))
        };

        // No offer teaches any target and nothing is forced (every plan on a taxonomy without
        // learning offers, such as ESCO): the route is empty, as the solver would find.
        if entry.forced.is_empty()
            && targets
                .iter()
                .all(|t| self.teachers.row(t.cap as usize).is_empty())
        {
            let n = targets.len();
            return Ok(Plan {
                targets,
                exempt,
                chosen: Vec::new(),
                taught: vec![false; n],
                on_route: vec![false; n],
                total_hours: 0.0,
                total_cost_eur: 0.0,
                budget,
                method: cover::empty_method(n),
                entry,
            });
        }

        // 2. Candidates: usable offers teaching a target, closed over prerequisite teachers.
        let usable = |o: u32| {
            let info = &self.offer_info[o as usize];
            holdings.completed.binary_search(&o).is_err()
                && options
                    .max_nlqf
                    .is_none_or(|m| info.nlqf.is_none_or(|n| n <= m))
        };
        let meets = |cap: u32, level: Option<u8>| {
            self.best_credit(holdings, holdings.entries_for(cap), level)
                .is_some_and(|c| c.credit >= cfg.prerequisite_credit)
        };
        let mut items: BTreeMap<u32, u32> = BTreeMap::new();
        for (i, t) in targets.iter().enumerate() {
            items.insert(t.cap, i as u32);
        }
        let mut candidates: Vec<u32> = Vec::new();
        let mut frontier: Vec<u32> = targets.iter().map(|t| t.cap).collect();
        let mut seen_caps: Vec<u32> = frontier.clone();
        for _depth in 0..4 {
            let mut next = Vec::new();
            for &cap in &frontier {
                for &o in self.teachers.row(cap as usize) {
                    if !usable(o)
                        || candidates.contains(&o)
                        || entry.forced.binary_search(&o).is_ok()
                    {
                        continue;
                    }
                    candidates.push(o);
                    for p in self.prereqs.row(o as usize) {
                        if !meets(p.cap, p.level) && !seen_caps.contains(&p.cap) {
                            seen_caps.push(p.cap);
                            next.push(p.cap);
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            next.sort_unstable();
            for &c in &next {
                let n = items.len() as u32;
                items.entry(c).or_insert(n);
            }
            frontier = next;
        }
        candidates.sort_unstable();
        let stacking = |o: u32| {
            self.part_of
                .row(o as usize)
                .iter()
                .any(|q| holdings.stacking.binary_search(q).is_ok())
        };
        let cand_of = |o: u32| {
            let info = &self.offer_info[o as usize];
            let (primary, secondary) = match options.optimise {
                Optimise::Hours => (info.hours, info.cost_eur),
                Optimise::Cost => (info.cost_eur, info.hours),
            };
            let discount = if stacking(o) {
                1.0 - cfg.stacking_discount
            } else {
                1.0
            };
            let mut teaches: Vec<u32> = self
                .teaches
                .row(o as usize)
                .iter()
                .filter_map(|t| items.get(&t.cap).copied())
                .collect();
            teaches.sort_unstable();
            let mut needs: Vec<u32> = self
                .prereqs
                .row(o as usize)
                .iter()
                .filter(|p| !meets(p.cap, p.level))
                .map(|p| items.get(&p.cap).copied().unwrap_or(u32::MAX))
                .collect();
            needs.sort_unstable();
            cover::Cand {
                teaches,
                needs,
                eff: primary * discount,
                secondary,
                cost: info.cost_eur,
                key: o,
            }
        };
        let all: Vec<cover::Cand> = candidates.iter().map(|&o| cand_of(o)).collect();
        let n_targets = targets.len();
        let n_items = items.len();
        let reach_all = reachable(&all, n_items);
        let fundable: Vec<bool> = candidates
            .iter()
            .zip(&reach_all)
            .map(|(&o, &r)| {
                r && options
                    .scheme
                    .is_none_or(|s| s.eligible(&self.offer_info[o as usize]))
            })
            .collect();
        let filtered: Vec<cover::Cand> = all
            .iter()
            .zip(&fundable)
            .map(|(c, &ok)| {
                let mut c = c.clone();
                if !ok {
                    c.teaches.clear();
                    c.needs.push(u32::MAX);
                }
                c
            })
            .collect();
        let reach_funded = reachable(&filtered, n_items);
        let taught_by = |cands: &[cover::Cand], reach: &[bool]| {
            let mut hit = vec![false; n_targets];
            for (c, &r) in cands.iter().zip(reach) {
                if r {
                    for &t in &c.teaches {
                        if let Some(h) = hit.get_mut(t as usize) {
                            *h = true;
                        }
                    }
                }
            }
            hit
        };
        let usable_hit = taught_by(&all, &reach_all);

        // 3. Solve over the funded, reachable candidates.
        let keep: Vec<usize> = (0..filtered.len()).filter(|&i| reach_funded[i]).collect();
        let forced_cost = entry
            .forced
            .iter()
            .map(|&o| self.offer_info[o as usize].cost_eur)
            .fold(0.0, |a, b| a + b);
        let instance = cover::Instance {
            n_targets,
            n_items,
            weights: targets.iter().map(|t| t.weight).collect(),
            cands: keep.iter().map(|&i| filtered[i].clone()).collect(),
            budget: budget
                .as_ref()
                .and_then(|b| b.available_eur)
                .map(|a| (a - forced_cost).max(0.0)),
            exact_limit: usize::from(cfg.exact_limit),
        };
        let solution = cover::solve(&instance);
        // The entry units first (they are the programme), then the offers for the rest.
        let chosen: Vec<u32> = entry
            .forced
            .iter()
            .copied()
            .chain(solution.order.iter().map(|&i| instance.cands[i].key))
            .collect();

        let mut route_hit = vec![false; n_targets];
        for &i in &solution.order {
            for &t in &instance.cands[i].teaches {
                if let Some(h) = route_hit.get_mut(t as usize) {
                    *h = true;
                }
            }
        }
        // Folded from +0.0, not `sum()`: the sum of no floats is -0.0, printed `-0 uur, EUR -0.00`.
        let total_hours = chosen
            .iter()
            .map(|&o| self.offer_info[o as usize].hours)
            .fold(0.0, |a, b| a + b);
        let total_cost_eur: f64 = chosen
            .iter()
            .map(|&o| self.offer_info[o as usize].cost_eur)
            .fold(0.0, |a, b| a + b);
        // Put the targets the entry units close back, in target order.
        let mut taught = usable_hit;
        let mut on_route = route_hit;
        if !by_entry.is_empty() {
            let mut all: Vec<(Target, bool, bool)> = targets
                .into_iter()
                .zip(taught)
                .zip(on_route)
                .map(|((t, a), b)| (t, a, b))
                .chain(by_entry.into_iter().map(|t| (t, true, true)))
                .collect();
            all.sort_by(|a, b| by_importance(&a.0, &b.0));
            targets = Vec::with_capacity(all.len());
            taught = Vec::with_capacity(all.len());
            on_route = Vec::with_capacity(all.len());
            for (t, a, b) in all {
                targets.push(t);
                taught.push(a);
                on_route.push(b);
            }
        }
        Ok(Plan {
            targets,
            exempt,
            chosen,
            taught,
            on_route,
            total_hours,
            total_cost_eur,
            budget,
            method: solution.method,
            entry,
        })
    }

    /// A [`Route`] with names, steps and exemptions spelled out from `plan`.
    fn describe(
        &self,
        holdings: &Holdings,
        occ: u32,
        options: &RouteOptions<'_>,
        plan: Plan,
    ) -> Route {
        let Plan {
            targets,
            exempt,
            chosen,
            taught,
            on_route,
            total_hours,
            total_cost_eur,
            budget,
            method,
            entry,
        } = plan;
        let exempt = exempt
            .into_iter()
            .filter_map(|(cap, c)| {
                let h = holdings.held.get(c.entry.held as usize)?;
                Some(Exemption {
                    skill: self.cap_named(cap),
                    held: self.cap_named(h.cap),
                    evidence: h.evidence,
                    validated: h.validated,
                    credit: c.credit,
                })
            })
            .collect();
        let target_names: Vec<Named> = targets.iter().map(|t| self.cap_named(t.cap)).collect();
        let pick = |f: &dyn Fn(usize) -> bool| -> Vec<Named> {
            (0..targets.len())
                .filter(|&i| f(i))
                .map(|i| target_names[i].clone())
                .collect()
        };
        let uncovered = pick(&|i| !taught[i]);
        let not_fitted = pick(&|i| taught[i] && !on_route[i]);
        let steps = self.steps(&chosen, &targets, holdings);
        let within_budget = budget.as_ref().is_none_or(|b| b.fits(total_cost_eur));
        let requirements = self.describe_entry(&entry);
        let reaches =
            uncovered.is_empty() && not_fitted.is_empty() && entry.missing() == 0 && within_budget;
        let optimality = match method {
            cover::Method::Exact => Optimality::Exact,
            cover::Method::Greedy {
                max_targets_per_offer,
                ratio_bound,
            } => Optimality::Greedy {
                max_targets_per_offer,
                ratio_bound,
            },
        };
        Route {
            occupation: self.occ_named(occ),
            optimise: options.optimise,
            offers: chosen
                .iter()
                .map(|&o| self.offer_id(o).to_owned())
                .collect(),
            steps,
            total_hours,
            total_cost_eur,
            budget,
            within_budget,
            targets: target_names,
            uncovered,
            not_fitted,
            exempt,
            completes: self.completed_qualifications(&chosen, holdings),
            optimality,
            requirements,
            reaches_occupation: reaches,
        }
    }

    fn steps(&self, chosen: &[u32], targets: &[Target], holdings: &Holdings) -> Vec<RouteStep> {
        chosen
            .iter()
            .enumerate()
            .map(|(pos, &o)| {
                let info = &self.offer_info[o as usize];
                let taught: Vec<u32> = self.teaches.row(o as usize).iter().map(|t| t.cap).collect();
                let covers = targets
                    .iter()
                    .filter(|t| taught.contains(&t.cap))
                    .map(|t| self.cap_named(t.cap))
                    .collect();
                let prerequisite_for = chosen[pos + 1..]
                    .iter()
                    .filter(|&&later| {
                        self.prereqs
                            .row(later as usize)
                            .iter()
                            .any(|p| taught.contains(&p.cap))
                    })
                    .map(|&later| self.offer_id(later).to_owned())
                    .collect();
                let stacks_towards = self
                    .part_of
                    .row(o as usize)
                    .iter()
                    .filter(|q| holdings.stacking.binary_search(q).is_ok())
                    .map(|&q| self.qual_named(q))
                    .collect();
                RouteStep {
                    offer: self.offer_named(o),
                    hours: info.hours,
                    cost_eur: info.cost_eur,
                    nlqf: info.nlqf.map(Nlqf::get),
                    covers,
                    prerequisite_for,
                    stacks_towards,
                }
            })
            .collect()
    }

    /// Qualifications all of whose offers are completed or on the route, touched by the route.
    fn completed_qualifications(&self, chosen: &[u32], holdings: &Holdings) -> Vec<Named> {
        let mut quals: Vec<u32> = chosen
            .iter()
            .flat_map(|&o| self.part_of.row(o as usize).iter().copied())
            .collect();
        quals.sort_unstable();
        quals.dedup();
        quals
            .into_iter()
            .filter(|&q| {
                self.qual_offers
                    .row(q as usize)
                    .iter()
                    .all(|o| chosen.contains(o) || holdings.completed.binary_search(o).is_ok())
            })
            .map(|q| self.qual_named(q))
            .collect()
    }
}

/// Which candidates can be taken in some order: repeatedly mark those whose needs are taught by
/// already-marked ones.
fn reachable(cands: &[cover::Cand], n_items: usize) -> Vec<bool> {
    let mut reach = vec![false; cands.len()];
    let mut taught = vec![false; n_items];
    loop {
        let mut progress = false;
        for (i, c) in cands.iter().enumerate() {
            if reach[i] {
                continue;
            }
            if c.needs
                .iter()
                .all(|&p| taught.get(p as usize).copied().unwrap_or(false))
            {
                reach[i] = true;
                progress = true;
                for &t in &c.teaches {
                    if let Some(x) = taught.get_mut(t as usize) {
                        *x = true;
                    }
                }
            }
        }
        if !progress {
            return reach;
        }
    }
}
