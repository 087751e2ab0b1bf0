//! Relatedness: how alike two occupations' skill requirements are, or how much of an
//! occupation's requirements a person's skills cover. It leads the transition ranking; every
//! value comes with the parts that explain it ([`Relatedness`]).
//!
//! # The model
//! Each requirement `r` of an occupation weighs `w(r) = importance weight × idf(r)^p`, where
//! `idf = ln(1 + occupations / occupations requiring the skill)`: a skill every other occupation
//! asks for says little about how alike two occupations are.
//!
//! - **Target coverage** `tc(S → T) = Σ_{r ∈ T} w(r) × credit_S(r) / Σ_{r ∈ T} w(r)`: the share of
//!   the target's weighted requirements the source holds. From a person, `credit` is the gap credit
//!   (evidence × hierarchy × level); from an occupation, 1 for a shared skill and `near_skill ×`
//!   the hierarchy credit for a skill one step away.
//! - **Shrink** `n / (n + shrink)` with `n = Σ importance weights`: an occupation with few or no
//!   known requirements gets no free credit; with none it scores 0 ("unknown").
//! - **Skill relatedness**: from a person `tc × shrink_T` (a person's extra skills never count
//!   against them, so adding a held skill never lowers it); between occupations the weighted
//!   geometric mean `(tc × shrink_T)^(1−β) × (sc × shrink_S)^β` of both directions, `β =
//!   source_coverage` (0.5: symmetric).
//! - **Occupation hierarchy**: `skills + (1 − skills) × link credit` when the two occupations
//!   share at least one skill and are parent and child, siblings or in one family (a shared broader occupation); from a person, the
//!   link is measured from their current occupation.
//!
//! # Speed
//! Postings (capability → occupations requiring it) make a person's relatedness to every
//! occupation touch only the occupations that share something. Between occupations the whole
//! matrix is computed once, on first use, through the same postings, and cached.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use vaardig_core::{ConceptKind, NodeIndex, Ontology, RelationKind};

use crate::config::{HierarchyCredit, RelatednessWeights};
use crate::credit::Holdings;
use crate::csr::{Csr, to_u32};
use crate::error::ScoreError;
use crate::lang::{Lang, Named, join_list, percent, plural};
use crate::scorer::{NONE, Req, Scorer};
use crate::similarity::Similar;

/// How two occupations are linked in the occupation hierarchy, seen from the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OccupationLink {
    /// The target is the direct broader occupation of the source.
    Broader,
    /// The target is a direct narrower occupation of the source.
    Narrower,
    /// Both have the same direct broader occupation.
    Sibling,
    /// Both descend from the same broader occupation further up.
    Family,
}

impl OccupationLink {
    /// A short Dutch or English description.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (OccupationLink::Broader, Lang::Nl) => "het bredere beroep",
            (OccupationLink::Broader, Lang::En) => "the broader occupation",
            (OccupationLink::Narrower, Lang::Nl) => "een specialisatie",
            (OccupationLink::Narrower, Lang::En) => "a specialisation",
            (OccupationLink::Sibling, Lang::Nl) => "een zusterberoep",
            (OccupationLink::Sibling, Lang::En) => "a sister occupation",
            (OccupationLink::Family, Lang::Nl) => "uit dezelfde beroepsfamilie",
            (OccupationLink::Family, Lang::En) => "from the same occupation family",
        }
    }
}

/// Why a source (an occupation or a person) and a target occupation are related.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Relatedness {
    /// The relatedness in `[0, 1]`.
    pub score: f64,
    /// The skill part, before the occupation-hierarchy credit.
    pub skills: f64,
    /// Share of the target's weighted requirements the source holds (before shrinking).
    pub target_coverage: f64,
    /// Share of the source occupation's weighted requirements the target asks for (only when
    /// the source is an occupation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_coverage: Option<f64>,
    /// The target's shrink factor `n / (n + shrink)` (1: enough requirements known).
    pub shrink: f64,
    /// How many requirements the target lists.
    pub requirements: usize,
    /// The link in the occupation hierarchy, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<OccupationLink>,
    /// What the link added.
    pub link_credit: f64,
    /// The shared skills that count most (informative and important), largest first.
    pub shared: Vec<Named>,
}

impl Relatedness {
    /// A short explanation, e.g. "verwantschap 64 %: deelt vooral ...".
    pub fn explain(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::Nl => format!(
                "verwantschap {} (dekt {} van de eisen",
                percent(self.score),
                percent(self.target_coverage)
            ),
            Lang::En => format!(
                "relatedness {} (covers {} of the requirements",
                percent(self.score),
                percent(self.target_coverage)
            ),
        };
        if let Some(sc) = self.source_coverage {
            out.push_str(&match lang {
                Lang::Nl => format!(", gebruikt {} van het huidige beroep", percent(sc)),
                Lang::En => format!(", uses {} of the current occupation", percent(sc)),
            });
        }
        out.push(')');
        if !self.shared.is_empty() {
            let l: Vec<&str> = self.shared.iter().map(|n| n.label_in(lang)).collect();
            out.push_str(&format!(
                "; {} {}",
                lang.pick("vooral door", "mainly through"),
                join_list(lang, &l, 4)
            ));
        }
        if let Some(link) = self.link {
            out.push_str(&format!("; {}", link.describe(lang)));
        }
        // Worth saying only when it moves the score: about three requirements or fewer.
        if self.shrink < 0.8 {
            out.push_str(&match lang {
                Lang::Nl => format!(
                    "; het beroep noemt maar {} {}, dus de verwantschap is met {} verlaagd",
                    self.requirements,
                    plural(self.requirements as f64, "eis", "eisen"),
                    percent(1.0 - self.shrink)
                ),
                Lang::En => format!(
                    "; the occupation lists only {} {}, so relatedness is lowered by {}",
                    self.requirements,
                    plural(self.requirements as f64, "requirement", "requirements"),
                    percent(1.0 - self.shrink)
                ),
            });
        }
        out
    }
}

/// One occupation requiring one capability, as that capability's postings list holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Posting {
    /// Dense occupation index.
    pub occ: u32,
    /// Relatedness weight of the requirement (importance × idf^p).
    pub weight: f64,
    /// The required level, when stated.
    pub level: Option<u8>,
}

/// The per-ontology structures of the relatedness model.
#[derive(Debug)]
pub(crate) struct RelatednessIndex {
    /// Per capability: idf^p.
    idf: Vec<f64>,
    /// Per capability: the occupations requiring it, in occupation order.
    postings: Csr<Posting>,
    /// Per occupation: Σ relatedness weights of its requirements.
    total: Vec<f64>,
    /// Per occupation: `n / (n + shrink)`.
    shrink: Vec<f64>,
    /// Per occupation: its direct broader occupations.
    parents: Csr<u32>,
    /// Per occupation: the top occupations of its hierarchy (empty when it is in none).
    roots: Csr<u32>,
    /// Per root occupation: every occupation below it (and itself).
    members: Csr<u32>,
    /// The occupation × occupation relatedness, row-major, computed on first use.
    pairs: OnceLock<Vec<f32>>,
}

impl RelatednessIndex {
    /// Builds the index from the scorer's requirement lists and the ontology's occupation
    /// hierarchy.
    pub(crate) fn build(
        ontology: &Ontology,
        dense: &[u32],
        occs: &[NodeIndex],
        caps: usize,
        requires: &Csr<Req>,
        w: &RelatednessWeights,
    ) -> RelatednessIndex {
        let n = occs.len();
        let mut df = vec![0u32; caps];
        for o in 0..n {
            for r in requires.row(o) {
                df[r.cap as usize] += 1;
            }
        }
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| {
                (1.0 + n as f64 / f64::from(d.max(1)))
                    .ln()
                    .powf(w.idf_power)
            })
            .collect();
        let mut pairs = Vec::with_capacity(requires.len());
        let mut total = vec![0.0; n];
        let mut shrink = vec![0.0; n];
        for o in 0..n {
            let mut imp = 0.0;
            for r in requires.row(o) {
                let weight = w.importance.of(r.importance) * idf[r.cap as usize];
                total[o] += weight;
                imp += w.importance.of(r.importance);
                pairs.push((
                    r.cap,
                    Posting {
                        occ: to_u32(o),
                        weight,
                        level: r.level,
                    },
                ));
            }
            shrink[o] = if imp + w.shrink > 0.0 {
                imp / (imp + w.shrink)
            } else {
                0.0
            };
        }
        let postings = Csr::from_pairs(caps, pairs);

        let occ_dense = |ix: NodeIndex| {
            let d = dense[ix.index()];
            (d != NONE && ontology.concept(ix).kind() == ConceptKind::Occupation).then_some(d)
        };
        let parents = Csr::from_rows(occs.iter().map(|&ix| {
            ontology
                .outgoing(ix, RelationKind::Broader)
                .filter_map(|(t, _)| occ_dense(t))
                .collect::<Vec<_>>()
        }));
        let children = Csr::from_rows(occs.iter().map(|&ix| {
            ontology
                .incoming(ix, RelationKind::Broader)
                .filter_map(|(s, _)| occ_dense(s))
                .collect::<Vec<_>>()
        }));
        let roots = Csr::from_rows((0..n).map(|o| top_ancestors(&parents, &children, o)));
        let mut member_pairs = Vec::new();
        for o in 0..n {
            for &r in roots.row(o) {
                member_pairs.push((r, to_u32(o)));
            }
        }
        let members = Csr::from_pairs(n, member_pairs);
        RelatednessIndex {
            idf,
            postings,
            total,
            shrink,
            parents,
            roots,
            members,
            pairs: OnceLock::new(),
        }
    }

    /// The link from occupation `a` to occupation `b` in the occupation hierarchy.
    pub(crate) fn link(&self, a: u32, b: u32) -> Option<OccupationLink> {
        let (a, b) = (a as usize, b as usize);
        if a == b {
            return None;
        }
        let pa = self.parents.row(a);
        if pa.contains(&to_u32(b)) {
            return Some(OccupationLink::Broader);
        }
        if self.parents.row(b).contains(&to_u32(a)) {
            return Some(OccupationLink::Narrower);
        }
        if pa.iter().any(|p| self.parents.row(b).contains(p)) {
            return Some(OccupationLink::Sibling);
        }
        let rb = self.roots.row(b);
        self.roots
            .row(a)
            .iter()
            .any(|r| rb.contains(r))
            .then_some(OccupationLink::Family)
    }
}

/// The top occupations above `o` (itself when it has narrower occupations but no broader one);
/// empty when `o` is in no hierarchy. Sorted, deduplicated.
fn top_ancestors(parents: &Csr<u32>, children: &Csr<u32>, o: usize) -> Vec<u32> {
    if parents.row(o).is_empty() {
        return if children.row(o).is_empty() {
            Vec::new()
        } else {
            vec![to_u32(o)]
        };
    }
    let mut seen = vec![to_u32(o)];
    let mut frontier = vec![to_u32(o)];
    let mut tops = Vec::new();
    // `broader` is acyclic; the depth cap only bounds pathological inputs.
    for _ in 0..64 {
        let mut next = Vec::new();
        for &c in &frontier {
            let ps = parents.row(c as usize);
            if ps.is_empty() {
                tops.push(c);
            }
            for &p in ps {
                if !seen.contains(&p) {
                    seen.push(p);
                    next.push(p);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    tops.retain(|&t| t as usize != o);
    tops.sort_unstable();
    tops.dedup();
    tops
}

impl Scorer {
    fn link_credit(&self, link: Option<OccupationLink>) -> f64 {
        let h = &self.config.relatedness.occupations;
        match link {
            Some(OccupationLink::Broader | OccupationLink::Narrower) => h.parent_child,
            Some(OccupationLink::Sibling) => h.sibling,
            Some(OccupationLink::Family) => h.family,
            None => 0.0,
        }
    }

    /// The credit occupation `a` gives each capability as a source: 1 for its own requirements,
    /// `near_skill ×` the hierarchy credit for one step away. Fills `cred` (dense, zero outside
    /// `touched`) and lists the touched capabilities.
    fn source_credit(&self, a: u32, cred: &mut [f64], touched: &mut Vec<u32>) {
        let near = self.config.relatedness.near_skill;
        let h: &HierarchyCredit = &self.config.hierarchy;
        let mut raise = |c: u32, v: f64, touched: &mut Vec<u32>| {
            let slot = &mut cred[c as usize];
            if *slot == 0.0 && v > 0.0 {
                touched.push(c);
            }
            if v > *slot {
                *slot = v;
            }
        };
        for r in self.requires.row(a as usize) {
            raise(r.cap, 1.0, touched);
        }
        if near > 0.0 && h.max_depth >= 1 {
            // Attitudes neither give nor take near-skill credit (as in a gap).
            let skill = |c: &&u32| !self.is_attitude(**c);
            for r in self.requires.row(a as usize) {
                if self.is_attitude(r.cap) {
                    continue;
                }
                let c = r.cap as usize;
                // The held skill is narrower than its parent, broader than its children.
                for &p in self.parents.row(c).iter().filter(skill) {
                    raise(p, near * h.narrower, touched);
                }
                for &ch in self.children.row(c).iter().filter(skill) {
                    raise(ch, near * h.broader, touched);
                }
                for &x in self.related.row(c).iter().filter(skill) {
                    raise(x, near * h.related, touched);
                }
            }
        }
    }

    /// The capabilities occupation `a` requires, as a bit set over dense capability indices
    /// (made once per ranking for the source, and passed to [`Scorer::pair_relatedness`]).
    pub(crate) fn requirement_bits(&self, a: u32) -> Vec<u64> {
        let mut bits = vec![0u64; self.caps.len().div_ceil(64)];
        for r in self.requires.row(a as usize) {
            if let Some(w) = bits.get_mut(r.cap as usize / 64) {
                *w |= 1 << (r.cap % 64);
            }
        }
        bits
    }

    /// The credit a source requiring the capabilities in `held` (see
    /// [`Scorer::requirement_bits`]) gives capability `c` (what [`Scorer::source_credit`] puts
    /// at `c`), for explaining one pair.
    fn source_credit_at(&self, held: &[u64], c: u32) -> f64 {
        let holds = |x: u32| {
            held.get(x as usize / 64)
                .is_some_and(|w| w & (1 << (x % 64)) != 0)
        };
        if holds(c) {
            return 1.0;
        }
        let near = self.config.relatedness.near_skill;
        let h = &self.config.hierarchy;
        if near <= 0.0 || h.max_depth < 1 || self.is_attitude(c) {
            return 0.0;
        }
        let holds = |x: u32| !self.is_attitude(x) && holds(x);
        let c = c as usize;
        let mut best: f64 = 0.0;
        if self.children.row(c).iter().any(|&x| holds(x)) {
            best = best.max(near * h.narrower);
        }
        if self.parents.row(c).iter().any(|&x| holds(x)) {
            best = best.max(near * h.broader);
        }
        if self.related.row(c).iter().any(|&x| holds(x)) {
            best = best.max(near * h.related);
        }
        best
    }

    /// The occupation × occupation relatedness matrix (row = source, column = target), computed
    /// on first use and cached.
    ///
    /// # Complexity
    /// O(Σ over occupations of the postings their skills and near skills touch), once.
    pub(crate) fn pair_matrix(&self) -> &[f32] {
        self.rel.pairs.get_or_init(|| self.load_or_compute_matrix())
    }

    pub(crate) fn compute_pair_matrix(&self) -> Vec<f32> {
        let n = self.occs.len();
        let rel = &self.rel;
        // 1. Shrunk target coverage for every (source, target).
        let mut m = vec![0f32; n * n];
        let mut cred = vec![0f64; self.caps.len()];
        let mut touched = Vec::new();
        let mut acc = vec![0f64; n];
        for a in 0..n {
            self.source_credit(to_u32(a), &mut cred, &mut touched);
            for &c in &touched {
                let cr = cred[c as usize];
                for p in rel.postings.row(c as usize) {
                    acc[p.occ as usize] += cr * p.weight;
                }
                cred[c as usize] = 0.0;
            }
            touched.clear();
            let row = &mut m[a * n..(a + 1) * n];
            for b in 0..n {
                row[b] = (share(acc[b], rel.total[b]) * rel.shrink[b]) as f32;
                acc[b] = 0.0;
            }
        }
        // 2. Both directions combined, then the hierarchy credit.
        let beta = self.config.relatedness.source_coverage;
        for a in 0..n {
            m[a * n + a] = 1.0;
            for b in a + 1..n {
                let (ab, ba) = (f64::from(m[a * n + b]), f64::from(m[b * n + a]));
                m[a * n + b] = combine(ab, ba, beta) as f32;
                m[b * n + a] = combine(ba, ab, beta) as f32;
            }
        }
        // Pairs in one hierarchy; an occupation under several roots lists a pair more than once,
        // and the credit must be added once.
        let mut family: Vec<(u32, u32)> = Vec::new();
        for root in 0..n {
            let members = rel.members.row(root);
            for &a in members {
                family.extend(members.iter().filter(|&&b| b != a).map(|&b| (a, b)));
            }
        }
        family.sort_unstable();
        family.dedup();
        for (a, b) in family {
            let i = a as usize * n + b as usize;
            let skills = f64::from(m[i]);
            if skills > 0.0 {
                let credit = self.link_credit(rel.link(a, b));
                m[i] = (skills + (1.0 - skills) * credit) as f32;
            }
        }
        m
    }

    /// The (unshrunk) coverage of target `b`'s requirements by a source requiring `a` (as
    /// bits), and each requirement's contribution.
    fn coverage_from_occupation(&self, a: &[u64], b: u32) -> (f64, Vec<(u32, f64)>) {
        self.coverage_of(b, |r| self.source_credit_at(a, r.cap))
    }

    /// The (unshrunk) coverage of target `t`'s requirements given each requirement's credit, and
    /// each requirement's contribution (credit × relatedness weight).
    fn coverage_of(&self, t: u32, credit: impl Fn(&Req) -> f64) -> (f64, Vec<(u32, f64)>) {
        let rel = &self.rel;
        let mut got = 0.0;
        let reqs = self.requires.row(t as usize);
        let mut parts = Vec::with_capacity(reqs.len());
        for r in reqs {
            let cr = credit(r);
            if cr > 0.0 {
                let c = cr
                    * self.config.relatedness.importance.of(r.importance)
                    * rel.idf[r.cap as usize];
                got += c;
                parts.push((r.cap, c));
            }
        }
        (share(got, rel.total[t as usize]), parts)
    }

    /// The relatedness of occupation `from` to every occupation (`from` itself scores 1).
    pub(crate) fn relatedness_row(&self, from: u32) -> &[f32] {
        let n = self.occs.len();
        let m = self.pair_matrix();
        &m[from as usize * n..(from as usize + 1) * n]
    }

    /// The relatedness of a person to every occupation, through the postings of the
    /// capabilities they hold credit for.
    pub(crate) fn relatedness_all(&self, holdings: &Holdings) -> Vec<f64> {
        let rel = &self.rel;
        let n = self.occs.len();
        let mut acc = vec![0f64; n];
        let entries = &holdings.entries;
        let mut i = 0;
        while i < entries.len() {
            let cap = entries[i].cap;
            let end = i + entries[i..].partition_point(|e| e.cap == cap);
            let group = &entries[i..end];
            let plain = self
                .best_credit(holdings, group, None)
                .map_or(0.0, |c| c.credit);
            for p in rel.postings.row(cap as usize) {
                let credit = match p.level {
                    None => plain,
                    Some(_) => self
                        .best_credit(holdings, group, p.level)
                        .map_or(0.0, |c| c.credit),
                };
                acc[p.occ as usize] += credit * p.weight;
            }
            i = end;
        }
        for (t, a) in acc.iter_mut().enumerate() {
            let skills = share(*a, rel.total[t]) * rel.shrink[t];
            let credit = match holdings.current_occupation {
                Some(cur) => self.link_credit(rel.link(cur, to_u32(t))),
                None => 0.0,
            };
            *a = if skills > 0.0 {
                skills + (1.0 - skills) * credit
            } else {
                0.0
            };
        }
        acc
    }

    /// The parts of the relatedness between source occupation `a` (requiring `a_bits`, see
    /// [`Scorer::requirement_bits`]) and target `b`.
    pub(crate) fn pair_relatedness(
        &self,
        a: u32,
        a_bits: &[u64],
        b: u32,
        score: f64,
    ) -> Relatedness {
        let rel = &self.rel;
        let (tc, parts) = self.coverage_from_occupation(a_bits, b);
        let (sc, _) = self.coverage_from_occupation(&self.requirement_bits(b), a);
        let skills = combine(
            tc * rel.shrink[b as usize],
            sc * rel.shrink[a as usize],
            self.config.relatedness.source_coverage,
        );
        let link = rel.link(a, b);
        self.relatedness_parts(b, score, skills, tc, Some(sc), link, parts)
    }

    /// The parts of a person's relatedness to target `t`.
    pub(crate) fn person_relatedness(
        &self,
        holdings: &Holdings,
        t: u32,
        score: f64,
    ) -> Relatedness {
        let rel = &self.rel;
        let (tc, parts) = self.coverage_of(t, |r| {
            self.best_credit(holdings, holdings.entries_for(r.cap), r.level)
                .map_or(0.0, |c| c.credit)
        });
        let skills = tc * rel.shrink[t as usize];
        let link = holdings.current_occupation.and_then(|c| rel.link(c, t));
        self.relatedness_parts(t, score, skills, tc, None, link, parts)
    }

    #[allow(clippy::too_many_arguments)]
    fn relatedness_parts(
        &self,
        t: u32,
        score: f64,
        skills: f64,
        target_coverage: f64,
        source_coverage: Option<f64>,
        link: Option<OccupationLink>,
        mut parts: Vec<(u32, f64)>,
    ) -> Relatedness {
        // Only the largest few are shown: select them, then sort those.
        let order = |x: &(u32, f64), y: &(u32, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if parts.len() > SHOWN_DRIVERS {
            parts.select_nth_unstable_by(SHOWN_DRIVERS, order);
            parts.truncate(SHOWN_DRIVERS);
        }
        parts.sort_unstable_by(order);
        let credit = if skills > 0.0 {
            self.link_credit(link)
        } else {
            0.0
        };
        Relatedness {
            score,
            skills,
            target_coverage,
            source_coverage,
            shrink: self.rel.shrink[t as usize],
            requirements: self.requires.row(t as usize).len(),
            link,
            link_credit: (1.0 - skills) * credit,
            shared: parts.iter().map(|&(c, _)| self.cap_named(c)).collect(),
        }
    }

    /// The `limit` occupations most related to occupation `from` by the relatedness model, most
    /// related first, ties by id; occupations sharing nothing are left out. This is the ranking
    /// alone, without explanations or study hours (see [`Scorer::transitions_from`] for those).
    ///
    /// # Errors
    /// When `from` is not an occupation.
    ///
    /// # Complexity
    /// The first call computes the occupation × occupation matrix; later calls are one pass
    /// over a row.
    pub fn related_occupations(
        &self,
        from: &str,
        limit: usize,
    ) -> Result<Vec<Similar>, ScoreError> {
        let a = self.occupation_index(from)?;
        Ok(self
            .top_related(a, limit)
            .into_iter()
            .map(|(b, s)| Similar {
                occupation: self.occ_named(b),
                similarity: f64::from(s),
            })
            .collect())
    }

    /// The `limit` most related occupations to `a` as dense indices, best first, ties by index.
    pub(crate) fn top_related(&self, a: u32, limit: usize) -> Vec<(u32, f32)> {
        let row = self.relatedness_row(a);
        let mut top: Vec<(u32, f32)> = row
            .iter()
            .enumerate()
            .filter(|&(b, &s)| b != a as usize && s > 0.0)
            .map(|(b, &s)| (to_u32(b), s))
            .collect();
        let order = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if top.len() > limit {
            top.select_nth_unstable_by(limit, order);
            top.truncate(limit);
        }
        top.sort_by(order);
        top
    }
}

/// How many shared skills [`Relatedness::shared`] lists.
const SHOWN_DRIVERS: usize = 5;

/// `got / total`, at most 1; 0 for an occupation without requirements.
fn share(got: f64, total: f64) -> f64 {
    if total > 0.0 {
        (got / total).min(1.0)
    } else {
        0.0
    }
}

/// The weighted geometric mean `target^(1−β) × source^β`.
fn combine(target: f64, source: f64, beta: f64) -> f64 {
    if beta <= 0.0 {
        target
    } else if beta >= 1.0 {
        source
    } else if target <= 0.0 || source <= 0.0 {
        0.0
    } else {
        (target.powf(1.0 - beta) * source.powf(beta)).clamp(0.0, 1.0)
    }
}
