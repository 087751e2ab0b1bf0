//! Hierarchy-aware credit: which required skills a profile covers, fully or partly.
//!
//! Attitudes (betrouwbaarheid, inlevingsvermogen) are held or not: they give no credit to near
//! skills and receive none from them.
//!
//! A profile is resolved once into [`Holdings`]: for every capability within
//! `hierarchy.max_depth` steps of a held skill, the credit that held skill gives it (evidence
//! weight × the factor of the path). A requirement then looks up its capability and takes the best
//! candidate after the level penalty.

use serde::{Deserialize, Serialize};
use vaardig_core::ConceptKind;

use crate::csr::to_u32;
use crate::error::ScoreError;
use crate::profile::{Evidence, Profile};
use crate::scorer::Scorer;

/// How a held skill relates to the required one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "relation", rename_all = "snake_case")]
pub enum MatchKind {
    /// The person holds the required skill itself.
    Exact,
    /// The person holds a narrower skill, `distance` broader-steps below the required one.
    Narrower {
        /// Steps in the hierarchy.
        distance: u8,
    },
    /// The person holds a broader skill, `distance` steps above the required one.
    Broader {
        /// Steps in the hierarchy.
        distance: u8,
    },
    /// The person holds a skill with the same direct broader skill.
    Sibling,
    /// The person holds a skill linked to the required one by `related`.
    Related,
}

impl MatchKind {
    /// A short Dutch or English description, e.g. "smallere vaardigheid".
    pub fn describe(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Nl};
        match (self, lang) {
            (MatchKind::Exact, Nl) => "zelfde vaardigheid",
            (MatchKind::Exact, En) => "same skill",
            (MatchKind::Narrower { .. }, Nl) => "smallere vaardigheid",
            (MatchKind::Narrower { .. }, En) => "narrower skill",
            (MatchKind::Broader { .. }, Nl) => "bredere vaardigheid",
            (MatchKind::Broader { .. }, En) => "broader skill",
            (MatchKind::Sibling, Nl) => "verwante vaardigheid (zelfde groep)",
            (MatchKind::Sibling, En) => "sibling skill (same group)",
            (MatchKind::Related, Nl) => "gerelateerde vaardigheid",
            (MatchKind::Related, En) => "related skill",
        }
    }
}

/// A profile skill resolved to a dense capability index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HeldSkill {
    pub cap: u32,
    pub level: Option<u8>,
    pub evidence: Evidence,
    pub validated: bool,
    /// The evidence weight.
    pub weight: f64,
}

/// One way a profile gives credit to one capability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    /// The capability that receives credit.
    pub cap: u32,
    /// Evidence weight × path factor (before the level penalty).
    pub base: f64,
    /// How the held skill relates to `cap`.
    pub kind: MatchKind,
    /// Index into [`Holdings::held`].
    pub held: u32,
    /// Whether the held skill implies this one (the skill itself, or a path factor of 1 such
    /// as a specialisation of it): then it counts as held, not as partly held.
    pub implied: bool,
}

/// The best credit a profile gives one requirement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Credit {
    /// The credit in `[0, 1]`.
    pub credit: f64,
    /// The level factor applied.
    pub level_factor: f64,
    /// The entry that gave it.
    pub entry: Entry,
}

impl Credit {
    /// Whether a requirement with this credit still has to be studied: the credit is below
    /// `threshold`, or the skill is held below the required level.
    pub(crate) fn needs_study(credit: Option<&Credit>, threshold: f64) -> bool {
        credit.is_none_or(|c| c.credit < threshold || c.level_factor < 1.0)
    }
}

/// A profile resolved against a [`Scorer`]: held skills and the credit they spread.
#[derive(Debug, Clone)]
pub struct Holdings {
    /// Held skills sorted by (capability, level, evidence, validated), deduplicated.
    pub(crate) held: Vec<HeldSkill>,
    /// Credit entries sorted by capability, then by held skill and kind.
    pub(crate) entries: Vec<Entry>,
    /// The person's current occupation (dense index).
    pub(crate) current_occupation: Option<u32>,
    /// Highest completed NLQF level.
    pub(crate) nlqf: Option<u8>,
    /// Completed offers (dense, sorted).
    pub(crate) completed: Vec<u32>,
    /// Qualifications being stacked towards (dense, sorted).
    pub(crate) stacking: Vec<u32>,
    /// Qualifications, registrations and licences held (dense, sorted).
    pub(crate) qualifications: Vec<u32>,
}

impl Holdings {
    /// The number of credit entries (held skills plus the near skills they give credit to).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the profile gives credit to nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries for one capability (a sorted range).
    pub(crate) fn entries_for(&self, cap: u32) -> &[Entry] {
        let start = self.entries.partition_point(|e| e.cap < cap);
        // One capability's run is short: walk it rather than search the whole tail.
        let tail = self.entries.get(start..).unwrap_or_default();
        let len = tail.iter().take_while(|e| e.cap == cap).count();
        &tail[..len]
    }
}

impl Scorer {
    /// Resolves a profile: checks its ids and spreads credit over the skill graph.
    ///
    /// # Errors
    /// [`ScoreError::Profile`] when an id is unknown or of the wrong kind.
    ///
    /// # Complexity
    /// O(skills × neighbourhood within `max_depth`), then a sort of the entries.
    pub fn holdings(&self, profile: &Profile) -> Result<Holdings, ScoreError> {
        profile.check(&self.ontology)?;
        let mut held: Vec<HeldSkill> = profile
            .skills
            .iter()
            .filter_map(|s| {
                let cap = self.cap_index(&s.id)?;
                Some(HeldSkill {
                    cap,
                    level: s.level.map(|l| l.get()),
                    evidence: s.evidence,
                    validated: s.validated,
                    weight: self.config.evidence.of(s.evidence, s.validated),
                })
            })
            .collect();
        // A language held is its skill and the skills under it (speaking, reading, writing).
        for l in &profile.languages {
            let Some(cap) = self.cap_index(&l.id) else {
                continue;
            };
            let (evidence, validated) = if l.native {
                (Evidence::WorkExperience, true)
            } else {
                (Evidence::SelfDeclared, false)
            };
            let mut caps = vec![cap];
            let mut i = 0;
            while i < caps.len() && caps.len() < 64 {
                let c = caps[i] as usize;
                caps.extend(
                    self.children
                        .row(c)
                        .iter()
                        .filter(|x| !caps.contains(x))
                        .collect::<Vec<_>>(),
                );
                i += 1;
            }
            for c in caps {
                held.push(HeldSkill {
                    cap: c,
                    level: Some(l.level().get()),
                    evidence,
                    validated,
                    weight: self.config.evidence.of(evidence, validated),
                });
            }
        }
        held.sort_by(|a, b| {
            (a.cap, a.level, a.evidence, a.validated).cmp(&(
                b.cap,
                b.level,
                b.evidence,
                b.validated,
            ))
        });
        held.dedup_by(|a, b| {
            (a.cap, a.level, a.evidence, a.validated) == (b.cap, b.level, b.evidence, b.validated)
        });
        let dense = |id: &String, kind| self.dense_of(id, kind);
        let mut completed: Vec<u32> = profile
            .completed_offers
            .iter()
            .filter_map(|id| dense(id, ConceptKind::LearningOffer))
            .collect();
        completed.sort_unstable();
        completed.dedup();
        let mut stacking: Vec<u32> = profile
            .stacking
            .iter()
            .filter_map(|id| dense(id, ConceptKind::Qualification))
            .collect();
        // A qualification with a completed offer is one the person is stacking towards.
        for &o in &completed {
            stacking.extend_from_slice(self.part_of.row(o as usize));
        }
        stacking.sort_unstable();
        stacking.dedup();
        let mut qualifications: Vec<u32> = profile
            .qualifications
            .iter()
            .filter_map(|id| dense(id, ConceptKind::Qualification))
            .collect();
        qualifications.sort_unstable();
        qualifications.dedup();
        let mut holdings = self.spread(
            held,
            profile
                .current_occupation
                .as_ref()
                .and_then(|id| dense(id, ConceptKind::Occupation)),
            profile.nlqf.map(|n| n.get()),
            completed,
            stacking,
        );
        holdings.qualifications = qualifications;
        holdings.nlqf = self.person_nlqf(&holdings);
        Ok(holdings)
    }

    /// Holdings of someone coming from occupation `occ`: its essential and important skills at the
    /// required level, as (unvalidated) work experience.
    pub(crate) fn occupation_holdings(&self, occ: u32) -> Holdings {
        let evidence = Evidence::WorkExperience;
        let held = self
            .requires
            .row(occ as usize)
            .iter()
            .filter(|r| r.importance != vaardig_core::Importance::Optional)
            .map(|r| HeldSkill {
                cap: r.cap,
                level: r.level,
                evidence,
                validated: false,
                weight: self.config.evidence.of(evidence, false),
            })
            .collect();
        let mut holdings = self.spread(
            held,
            Some(occ),
            self.occ_nlqf[occ as usize],
            Vec::new(),
            Vec::new(),
        );
        // Someone working in `occ` holds what it takes to enter it, and what those are granted on.
        let mut quals: Vec<u32> = self.occ_entry.row(occ as usize).to_vec();
        let mut i = 0;
        while i < quals.len() && quals.len() < 64 {
            let q = quals[i] as usize;
            if self.qual_offers.row(q).is_empty() {
                // A registration: its grounds are held too, the first one at least.
                quals.extend(self.qual_grants.row(q).first());
            }
            i += 1;
        }
        quals.sort_unstable();
        quals.dedup();
        holdings.qualifications = quals;
        holdings
    }

    fn spread(
        &self,
        held: Vec<HeldSkill>,
        current_occupation: Option<u32>,
        nlqf: Option<u8>,
        completed: Vec<u32>,
        stacking: Vec<u32>,
    ) -> Holdings {
        let h = &self.config.hierarchy;
        // About 30 per held skill on ESCO (its near skills within two steps, before duplicates go).
        let mut entries: Vec<Entry> = Vec::with_capacity(held.len() * 32);
        let mut frontier: Vec<u32> = Vec::new();
        let mut next: Vec<u32> = Vec::new();
        for (i, s) in held.iter().enumerate() {
            let hi = to_u32(i);
            let push = |entries: &mut Vec<Entry>, cap: u32, factor: f64, kind: MatchKind| {
                entries.push(Entry {
                    cap,
                    base: s.weight * factor,
                    kind,
                    held: hi,
                    implied: factor >= 1.0,
                });
            };
            push(&mut entries, s.cap, 1.0, MatchKind::Exact);
            // An attitude is held or not: it neither gives nor takes near-skill credit.
            if self.is_attitude(s.cap) {
                continue;
            }
            let skill = |c: &u32| !self.is_attitude(*c);
            // Up: the required skill is broader than the held one.
            for (rows, base, up) in [
                (&self.parents, h.narrower, true),
                (&self.children, h.broader, false),
            ] {
                frontier.clear();
                frontier.push(s.cap);
                let mut factor = base;
                for distance in 1..=h.max_depth {
                    next.clear();
                    for &c in &frontier {
                        let row = rows.row(c as usize);
                        // A skill with more narrower skills than this is a category, not
                        // evidence for any one of them; and a hostile hierarchy (one skill
                        // with 200,000 children) must not cost gigabytes per held skill.
                        if !up && row.len() > MAX_CHILDREN_CREDITED {
                            continue;
                        }
                        next.extend_from_slice(row);
                    }
                    next.sort_unstable();
                    next.dedup();
                    for &c in next.iter().filter(|c| skill(c)) {
                        let kind = if up {
                            MatchKind::Narrower { distance }
                        } else {
                            MatchKind::Broader { distance }
                        };
                        push(&mut entries, c, factor, kind);
                    }
                    std::mem::swap(&mut frontier, &mut next);
                    factor *= h.decay;
                }
            }
            if h.max_depth >= 2 {
                for &p in self.parents.row(s.cap as usize) {
                    let group = self.children.row(p as usize);
                    if group.len() > h.max_group as usize {
                        continue;
                    }
                    for &c in group {
                        if c != s.cap && skill(&c) {
                            push(&mut entries, c, h.sibling, MatchKind::Sibling);
                        }
                    }
                }
            }
            if h.max_depth >= 1 {
                for &c in self.related.row(s.cap as usize).iter().filter(|c| skill(c)) {
                    push(&mut entries, c, h.related, MatchKind::Related);
                }
            }
        }
        // Entries equal in (capability, held skill, kind) came by different paths of the same
        // kind and length, so they are equal in every field: sorting on that key is
        // deterministic, and the duplicates go next to each other.
        let mut entries = sort_entries(entries);
        entries.dedup_by(|a, b| a.cap == b.cap && a.held == b.held && a.kind == b.kind);
        Holdings {
            held,
            entries,
            current_occupation,
            nlqf,
            completed,
            stacking,
            qualifications: Vec::new(),
        }
    }

    /// The best credit among `entries` for a requirement at `required_level`.
    ///
    /// Ties break on the match kind (exact first), then on the held skill's position in id order.
    pub(crate) fn best_credit(
        &self,
        holdings: &Holdings,
        entries: &[Entry],
        required_level: Option<u8>,
    ) -> Option<Credit> {
        let mut best: Option<Credit> = None;
        for e in entries {
            let held_level = holdings.held.get(e.held as usize).and_then(|h| h.level);
            let level_factor = self.config.level.factor(required_level, held_level);
            let credit = (e.base * level_factor).clamp(0.0, 1.0);
            let better = match &best {
                None => true,
                Some(b) => {
                    credit > b.credit
                        || (credit == b.credit && (e.kind, e.held) < (b.entry.kind, b.entry.held))
                }
            };
            if better {
                best = Some(Credit {
                    credit,
                    level_factor,
                    entry: *e,
                });
            }
        }
        best.filter(|b| b.credit > 0.0)
    }
}

/// Downward credit (a held skill giving credit to its narrower skills) skips a skill with more
/// narrower skills than this. Real taxonomies stay far below it (ESCO v1.1.1's widest skill has
/// 271), so no real answer changes; it bounds the entries one held skill makes.
pub(crate) const MAX_CHILDREN_CREDITED: usize = 4_096;

/// `entries` sorted by (capability, held skill, kind), by a stable radix sort on the
/// capability alone: a byte of it per pass, as many passes as the largest index needs (two for
/// up to 65,536 capabilities), each pass a count and a scatter, with no comparison.
///
/// That suffices because [`Scorer::spread`] makes the entries held skill by held skill (in
/// `held` order), and for one held skill in kind order (exact, narrower by distance, broader
/// by distance, sibling, related): a stable sort by capability keeps them in (held skill, kind)
/// order within each capability. Entries equal in the key are equal in every field, and they end
/// up next to each other.
fn sort_entries(entries: Vec<Entry>) -> Vec<Entry> {
    let Some(max) = entries.iter().map(|e| e.cap).max() else {
        return entries;
    };
    let passes = (u32::BITS - max.leading_zeros()).div_ceil(8);
    let mut from = entries;
    let mut to = from.clone();
    for pass in 0..passes {
        let shift = pass * 8;
        let digit = |e: &Entry| ((e.cap >> shift) & 0xff) as usize;
        let mut starts = [0usize; 257];
        for e in &from {
            starts[digit(e) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        for e in &from {
            // In bounds: the counts were taken from these very entries.
            let at = &mut starts[digit(e)];
            if let Some(slot) = to.get_mut(*at) {
                *slot = *e;
            }
            *at += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_gives_the_comparison_sorts_order() {
        let kinds = [
            MatchKind::Exact,
            MatchKind::Narrower { distance: 2 },
            MatchKind::Narrower { distance: 1 },
            MatchKind::Broader { distance: 1 },
            MatchKind::Sibling,
            MatchKind::Related,
        ];
        // A fixed pseudo-random mix: many entries over few capabilities, so buckets hold
        // several kinds and held skills each. They come in (held skill, kind) order, as
        // `spread` makes them.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for (n, caps) in [
            (10usize, 40u64),
            (64, 40),
            (500, 40),
            (3_000, 40),
            (3_000, 70_000),
        ] {
            let entries: Vec<Entry> = (0..n)
                .map(|_| {
                    let kind = kinds[(next() % kinds.len() as u64) as usize];
                    Entry {
                        cap: (next() % caps) as u32,
                        base: 0.5,
                        kind,
                        held: (next() % 7) as u32,
                        implied: false,
                    }
                })
                .collect();
            let mut entries = entries;
            entries.sort_by_key(|e| (e.held, e.kind));
            let mut expected = entries.clone();
            expected.sort_unstable_by_key(|e| (e.cap, e.held, e.kind));
            let got = sort_entries(entries);
            let keys = |v: &[Entry]| {
                v.iter()
                    .map(|e| (e.cap, e.held, e.kind))
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(&got), keys(&expected), "{n} entries");
        }
    }
}
