//! Entry requirements: the diplomas, registrations, licences and minimum NLQF levels an
//! occupation asks for, and how a route reaches them.
//!
//! An occupation lists what it needs with `requires_qualification` (each one is needed) and may
//! state a `min_nlqf`. For each requirement the person does not hold, in this order:
//!
//! 1. a qualification with offers in the catalogue (`part_of`) is reached by taking all of those
//!    units, when each unit's prerequisites are held or taught by another of its units; a unit
//!    whose every taught skill the person already holds with a diploma, certificate or
//!    validated proof (EVC) is exempt;
//! 2. a qualification (typically a registration or licence) listing qualifications it is
//!    granted on (`requires_qualification` from the qualification) is reached through one of
//!    them: one the person holds first, else the one needing the fewest further hours (units
//!    already on the route are free); it is then applied for afterwards;
//! 3. otherwise the requirement is *missing*: no offer reaches it, and the route says so.
//!
//! A minimum NLQF level is met by the person's level, by a qualification they hold, or by a
//! qualification on the route at that level or higher; else it is missing.

use serde::{Deserialize, Serialize};
use vaardig_core::QualificationType;

use crate::credit::{Credit, Holdings};
use crate::lang::{Lang, Named, join_list};
use crate::route::RouteOptions;
use crate::scorer::Scorer;

/// How deep registrations granted on qualifications granted on … are followed.
const MAX_GRANT_DEPTH: usize = 3;

/// The attributes of one qualification scoring needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QualInfo {
    /// Its NLQF level, when it has one.
    pub nlqf: Option<u8>,
    /// Diploma, certificate, registration, licence …
    pub qualification_type: QualificationType,
    /// The register and code, e.g. `crebo 25655`.
    pub code: String,
}

/// Where a person stands on one entry requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// The person already holds it.
    Held,
    /// The route reaches it: its units are on the route (or exempt).
    OnRoute,
    /// It is granted on a qualification the person holds or the route reaches: apply for it
    /// afterwards (a registration, a licence).
    ToApply,
    /// No offer in the catalogue reaches it: the person still needs it from elsewhere.
    Missing,
}

impl EntryStatus {
    /// A few words in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EntryStatus::Held, Lang::Nl) => "in bezit",
            (EntryStatus::Held, Lang::En) => "held",
            (EntryStatus::OnRoute, Lang::Nl) => "op de route",
            (EntryStatus::OnRoute, Lang::En) => "on the route",
            (EntryStatus::ToApply, Lang::Nl) => "daarna aan te vragen",
            (EntryStatus::ToApply, Lang::En) => "to apply for afterwards",
            (EntryStatus::Missing, Lang::Nl) => "nog nodig, niet in dit aanbod",
            (EntryStatus::Missing, Lang::En) => "still needed, not in these offers",
        }
    }
}

/// One entry requirement of an occupation and the person's standing on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntryRequirement {
    /// The qualification, registration or licence (absent for a minimum NLQF level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification: Option<Named>,
    /// Its type: `mbo_diploma`, `bachelor`, `registration`, `licence`, …; absent for a
    /// minimum NLQF level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification_type: Option<QualificationType>,
    /// Its register and code (`crebo 25655`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The NLQF level: the qualification's, or the minimum the occupation asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nlqf: Option<u8>,
    /// Where the person stands.
    pub status: EntryStatus,
    /// The qualification it is granted on (for [`EntryStatus::ToApply`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_on: Option<Named>,
    /// The offers on the route that reach it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Named>,
    /// Its units the person is exempt from (prior learning proven by diploma, certificate or
    /// validation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempt_units: Vec<Named>,
}

impl EntryRequirement {
    /// What is required, in `lang`: "diploma mbo-verpleegkundige (crebo 25655, NLQF 4)",
    /// "minimaal NLQF-niveau 6".
    pub fn what(&self, lang: Lang) -> String {
        match &self.qualification {
            None => {
                let level = self.nlqf.unwrap_or(0);
                match lang {
                    Lang::Nl => {
                        format!("minimaal NLQF-niveau {level} ({})", level_name(lang, level))
                    }
                    Lang::En => {
                        format!("at least NLQF level {level} ({})", level_name(lang, level))
                    }
                }
            }
            Some(q) => {
                let label = q.label_in(lang);
                let lower = label.to_lowercase();
                // "registratie BIG-registratie …" says it twice: the type only when the name
                // does not already say it.
                let kind = self
                    .qualification_type
                    .map(|t| type_name(lang, t))
                    .filter(|k| !lower.contains(k))
                    .map(|k| format!("{k} "))
                    .unwrap_or_default();
                let mut details: Vec<String> = Vec::new();
                if let Some(code) = self.code.as_ref().filter(|c| !label.contains(c.as_str())) {
                    details.push(code.clone());
                }
                if let Some(n) = self.nlqf {
                    details.push(format!("NLQF {n}"));
                }
                let details = if details.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", details.join(", "))
                };
                format!("{kind}{label}{details}")
            }
        }
    }

    /// One line: what, where the person stands, and how.
    pub fn explain(&self, lang: Lang) -> String {
        let mut out = format!("{}: {}", self.what(lang), self.status.describe(lang));
        if let Some(g) = &self.granted_on {
            out.push_str(&match lang {
                Lang::Nl => format!(" (op grond van {})", g.label_in(lang)),
                Lang::En => format!(" (on the grounds of {})", g.label_in(lang)),
            });
        }
        if !self.exempt_units.is_empty() {
            let l: Vec<&str> = self.exempt_units.iter().map(|n| n.label_in(lang)).collect();
            out.push_str(&format!(
                "; {}: {}",
                lang.pick("vrijstelling voor", "exempt from"),
                join_list(lang, &l, 4)
            ));
        }
        out
    }
}

/// The Dutch or English word for a qualification type, as it reads before a name.
fn type_name(lang: Lang, t: QualificationType) -> &'static str {
    use QualificationType as Q;
    match (t, lang) {
        (Q::MboDiploma, Lang::Nl) => "mbo-diploma",
        (Q::MboDiploma, Lang::En) => "mbo diploma",
        (Q::MboCertificate, Lang::Nl) => "mbo-certificaat",
        (Q::MboCertificate, Lang::En) => "mbo certificate",
        (Q::AssociateDegree, Lang::Nl) => "associate degree",
        (Q::AssociateDegree, Lang::En) => "associate degree",
        (Q::Bachelor, Lang::Nl) => "bachelor",
        (Q::Bachelor, Lang::En) => "bachelor's degree",
        (Q::Master, Lang::Nl) => "master",
        (Q::Master, Lang::En) => "master's degree",
        (Q::BranchCertificate, Lang::Nl) => "branchecertificaat",
        (Q::BranchCertificate, Lang::En) => "industry certificate",
        (Q::Registration, Lang::Nl) => "registratie",
        (Q::Registration, Lang::En) => "registration",
        (Q::Licence, Lang::Nl) => "bewijs",
        (Q::Licence, Lang::En) => "licence",
    }
}

/// What an NLQF level is commonly called.
fn level_name(lang: Lang, level: u8) -> &'static str {
    match (level, lang) {
        (0..=1, Lang::Nl) => "entreeniveau",
        (0..=1, Lang::En) => "entry level",
        (2, _) => "mbo-2",
        (3, _) => "mbo-3",
        (4, Lang::Nl) => "mbo-4 of havo",
        (4, Lang::En) => "mbo-4 or havo",
        (5, _) => "associate degree",
        (6, Lang::Nl) => "hbo- of wo-bachelor",
        (6, Lang::En) => "bachelor",
        (7, _) => "master",
        (_, Lang::Nl) => "doctoraat",
        (_, Lang::En) => "doctorate",
    }
}

/// One requirement as indices, before it is named.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EntryPlanItem {
    /// The qualification (dense), or `None` for a minimum NLQF level.
    pub qual: Option<u32>,
    /// The minimum level, for an NLQF requirement.
    pub min_nlqf: Option<u8>,
    pub status: EntryStatus,
    /// The qualification a registration is granted on.
    pub granted_on: Option<u32>,
    /// The units (dense offers) on the route for it.
    pub units: Vec<u32>,
    /// Units exempt by prior learning.
    pub exempt: Vec<u32>,
}

/// Every entry requirement of one occupation, and the units the route must take for them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct EntryPlan {
    pub items: Vec<EntryPlanItem>,
    /// The units the requirements force onto the route (dense offers, sorted, distinct).
    pub forced: Vec<u32>,
}

impl EntryPlan {
    /// How many requirements no offer reaches.
    pub(crate) fn missing(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.status == EntryStatus::Missing)
            .count()
    }
}

/// How a qualification would be reached.
struct Reached {
    status: EntryStatus,
    granted_on: Option<u32>,
    units: Vec<u32>,
    exempt: Vec<u32>,
    hours: f64,
}

impl Scorer {
    /// The entry requirements of occupation `occ` for `holdings`, and the units they force.
    pub(crate) fn entry_plan(
        &self,
        holdings: &Holdings,
        occ: u32,
        options: &RouteOptions<'_>,
    ) -> EntryPlan {
        let mut plan = EntryPlan::default();
        let mut quals: Vec<u32> = self.occ_entry.row(occ as usize).to_vec();
        // Diplomas first, so a registration granted on one of them finds it on the route.
        quals.sort_by_key(|&q| (self.qual_info[q as usize].qualification_type.is_permit(), q));
        for q in quals {
            let r = self.reach_qualification(holdings, q, options, &plan.forced, 0);
            for &u in &r.units {
                if let Err(at) = plan.forced.binary_search(&u) {
                    plan.forced.insert(at, u);
                }
            }
            plan.items.push(EntryPlanItem {
                qual: Some(q),
                min_nlqf: None,
                status: r.status,
                granted_on: r.granted_on,
                units: r.units,
                exempt: r.exempt,
            });
        }
        if let Some(min) = self.occ_min_nlqf[occ as usize] {
            let person = self.person_nlqf(holdings);
            // Reached by a qualification on the route, or by the one a registration is granted on.
            let on_route = plan.items.iter().any(|i| {
                matches!(i.status, EntryStatus::OnRoute | EntryStatus::ToApply)
                    && [i.qual, i.granted_on]
                        .into_iter()
                        .flatten()
                        .filter_map(|q| self.qual_info[q as usize].nlqf)
                        .any(|n| n >= min)
            });
            let status = if person.is_some_and(|p| p >= min) {
                EntryStatus::Held
            } else if on_route {
                EntryStatus::OnRoute
            } else {
                EntryStatus::Missing
            };
            plan.items.push(EntryPlanItem {
                qual: None,
                min_nlqf: Some(min),
                status,
                granted_on: None,
                units: Vec::new(),
                exempt: Vec::new(),
            });
        }
        plan
    }

    /// The person's NLQF level: the profile's, raised by the qualifications they hold.
    pub(crate) fn person_nlqf(&self, holdings: &Holdings) -> Option<u8> {
        holdings
            .qualifications
            .iter()
            .filter_map(|&q| self.qual_info[q as usize].nlqf)
            .chain(holdings.nlqf)
            .max()
    }

    /// How qualification `q` is reached (see the module documentation).
    fn reach_qualification(
        &self,
        holdings: &Holdings,
        q: u32,
        options: &RouteOptions<'_>,
        forced: &[u32],
        depth: usize,
    ) -> Reached {
        let missing = Reached {
            status: EntryStatus::Missing,
            granted_on: None,
            units: Vec::new(),
            exempt: Vec::new(),
            hours: f64::INFINITY,
        };
        if holdings.qualifications.binary_search(&q).is_ok() {
            return Reached {
                status: EntryStatus::Held,
                hours: 0.0,
                ..missing
            };
        }
        // Its own units, when the catalogue has them.
        let mut best: Option<(Option<u32>, Reached)> = None;
        let offers = self.qual_offers.row(q as usize);
        if !offers.is_empty() {
            let mut units = Vec::new();
            let mut exempt = Vec::new();
            let mut reachable = true;
            for &o in offers {
                if holdings.completed.binary_search(&o).is_ok() {
                    continue;
                }
                if self.exempt_by_prior_learning(holdings, o) {
                    exempt.push(o);
                    continue;
                }
                let info = &self.offer_info[o as usize];
                if options
                    .max_nlqf
                    .is_some_and(|m| info.nlqf.is_some_and(|n| n > m))
                {
                    reachable = false;
                }
                units.push(o);
            }
            // A unit's prerequisites must be held, or taught by another unit of the programme.
            let prerequisites_met = units.iter().all(|&o| {
                self.prereqs.row(o as usize).iter().all(|p| {
                    self.best_credit(holdings, holdings.entries_for(p.cap), p.level)
                        .is_some_and(|c| c.credit >= self.config.route.prerequisite_credit)
                        || units.iter().any(|&u| {
                            u != o && self.teaches.row(u as usize).iter().any(|t| t.cap == p.cap)
                        })
                })
            });
            if reachable && prerequisites_met {
                let hours = units
                    .iter()
                    .filter(|u| forced.binary_search(u).is_err())
                    .map(|&u| self.offer_info[u as usize].hours)
                    .fold(0.0, |a, b| a + b);
                best = Some((
                    None,
                    Reached {
                        status: EntryStatus::OnRoute,
                        granted_on: None,
                        units,
                        exempt,
                        hours,
                    },
                ));
            }
        }
        // Or granted on one of the qualifications it lists: one held first, then fewest hours.
        if depth < MAX_GRANT_DEPTH {
            // Held first (0 before 1), then fewest hours.
            let rank = |r: &Reached| (u8::from(r.status != EntryStatus::Held), r.hours);
            for &g in self.qual_grants.row(q as usize) {
                let r = self.reach_qualification(holdings, g, options, forced, depth + 1);
                if r.status == EntryStatus::Missing {
                    continue;
                }
                let better = best.as_ref().is_none_or(|(_, b)| {
                    let (a, b) = (rank(&r), rank(b));
                    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
                });
                if better {
                    best = Some((Some(g), r));
                }
            }
        }
        match best {
            None => missing,
            Some((None, r)) => r,
            Some((Some(g), r)) => Reached {
                status: EntryStatus::ToApply,
                granted_on: Some(g),
                ..r
            },
        }
    }

    /// Whether the person holds every skill offer `o` teaches with formal or validated proof,
    /// well enough to skip it (validation of prior learning).
    fn exempt_by_prior_learning(&self, holdings: &Holdings, o: u32) -> bool {
        let taught = self.teaches.row(o as usize);
        !taught.is_empty()
            && taught.iter().all(|t| {
                self.best_credit(holdings, holdings.entries_for(t.cap), t.level)
                    .is_some_and(|c: Credit| {
                        let proven = holdings
                            .held
                            .get(c.entry.held as usize)
                            .is_some_and(|h| h.validated || h.evidence.is_formal());
                        proven
                            && !Credit::needs_study(Some(&c), self.config.route.target_below_credit)
                    })
            })
    }

    /// The requirements of `plan`, named.
    pub(crate) fn describe_entry(&self, plan: &EntryPlan) -> Vec<EntryRequirement> {
        plan.items
            .iter()
            .map(|i| {
                let info = i.qual.map(|q| &self.qual_info[q as usize]);
                EntryRequirement {
                    qualification: i.qual.map(|q| self.qual_named(q)),
                    qualification_type: info.map(|q| q.qualification_type),
                    code: info.map(|q| q.code.clone()).filter(|c| !c.is_empty()),
                    nlqf: info.and_then(|q| q.nlqf).or(i.min_nlqf),
                    status: i.status,
                    granted_on: i.granted_on.map(|g| self.qual_named(g)),
                    units: i.units.iter().map(|&o| self.offer_named(o)).collect(),
                    exempt_units: i.exempt.iter().map(|&o| self.offer_named(o)).collect(),
                }
            })
            .collect()
    }
}
