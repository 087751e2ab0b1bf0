//! Evaluation of the transition ranking against truths, with plain baselines computed in the
//! same run on the same sources: cosine and Jaccard over the occupations' requirement vectors.
//!
//! A [`Truth`] lists, per source occupation, the occupations that should rank high (relevant)
//! and, optionally, ones that must stay out of the top `k` (implausible). [`evaluate`] ranks
//! every source with each [`Method`] and reports P@k, recall@k, MRR (ranks beyond
//! [`MRR_CUTOFF`] count 0), nDCG@k and how many implausible targets reached a top `k`.
//!
//! Truths built here from public signals:
//! - [`Truth::handwritten_nl`]: the hand-written Dutch transitions for the embedded ontology
//!   (`data/transitions_nl.tsv`, each with a reason).
//! - [`Truth::same_isco`]: occupations in the same ISCO-08 unit group; rank on
//!   [`strip_isco`]'d ontology so the ranker never sees the codes.
//! - [`Truth::occupation_hierarchy`]: parent, children and siblings in the occupation hierarchy;
//!   rank on [`strip_occupation_hierarchy`]'d ontology so the ranker cannot read the answer.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use vaardig_core::{
    ConceptData, ConceptKind, Importance, Ontology, OntologyBuilder, OntologyError, RelationKind,
};

use crate::csr::{Csr, to_u32};
use crate::error::ScoreError;
use crate::scorer::Scorer;
use crate::transitions::TransitionOptions;

/// Ranks beyond this count 0 in MRR (the same for every method).
pub const MRR_CUTOFF: usize = 100;

/// The hand-written transitions of the embedded ontology (TSV: from, to, verdict, reasons).
pub const HANDWRITTEN_NL: &str = include_str!("../data/transitions_nl.tsv");

/// One source occupation and what should (and must not) rank high for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruthSource {
    /// The source occupation id.
    pub source: String,
    /// Occupations that should rank high.
    pub relevant: BTreeSet<String>,
    /// Occupations that must not be in the top `k`.
    pub implausible: BTreeSet<String>,
}

/// A named set of truth sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truth {
    /// A short name, e.g. `same-isco`.
    pub name: String,
    /// The sources, in id order.
    pub sources: Vec<TruthSource>,
}

/// A truth file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("truth line {line}: {message}")]
pub struct TruthError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Truth {
    /// Parses a truth table: tab-separated `from`, `to`, `verdict` (`plausible` or
    /// `implausible`) and any further columns (reasons); a header line starting with `from` and
    /// lines starting with `#` are skipped. Ids must be occupations of `ontology`.
    ///
    /// # Errors
    /// A line with too few columns, an unknown verdict, or an id that is not an occupation.
    pub fn parse_tsv(name: &str, text: &str, ontology: &Ontology) -> Result<Truth, TruthError> {
        let mut by_source: BTreeMap<String, TruthSource> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("from\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |message: String| TruthError {
                line: line_no,
                message,
            };
            let [from, to, verdict, ..] = cols.as_slice() else {
                return Err(err(format!(
                    "expected at least 3 tab-separated columns (from, to, verdict), found {}",
                    cols.len()
                )));
            };
            for id in [from, to] {
                match ontology.get(id) {
                    Some(c) if c.kind() == ConceptKind::Occupation => {}
                    Some(c) => {
                        return Err(err(format!("`{id}` is a {}, not an occupation", c.kind())));
                    }
                    None => return Err(err(format!("unknown occupation `{id}`"))),
                }
            }
            let entry = by_source
                .entry((*from).to_owned())
                .or_insert_with(|| TruthSource {
                    source: (*from).to_owned(),
                    relevant: BTreeSet::new(),
                    implausible: BTreeSet::new(),
                });
            match *verdict {
                "plausible" => entry.relevant.insert((*to).to_owned()),
                "implausible" => entry.implausible.insert((*to).to_owned()),
                other => {
                    return Err(err(format!(
                        "verdict `{other}` is neither `plausible` nor `implausible`"
                    )));
                }
            };
        }
        Ok(Truth {
            name: name.to_owned(),
            sources: by_source.into_values().collect(),
        })
    }

    /// The hand-written Dutch transitions ([`HANDWRITTEN_NL`]) over `ontology`.
    ///
    /// # Errors
    /// When `ontology` lacks one of its occupations (it is written for the embedded one).
    pub fn handwritten_nl(ontology: &Ontology) -> Result<Truth, TruthError> {
        Truth::parse_tsv("handwritten-nl", HANDWRITTEN_NL, ontology)
    }

    /// For every occupation with an ISCO-08 code shared by another: the others with that code.
    pub fn same_isco(ontology: &Ontology) -> Truth {
        let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (_, c) in ontology.concepts(ConceptKind::Occupation) {
            if let ConceptData::Occupation {
                isco: Some(code), ..
            } = &c.data
            {
                groups.entry(code.as_str()).or_default().push(c.id.as_str());
            }
        }
        let mut sources = Vec::new();
        for members in groups.values().filter(|m| m.len() > 1) {
            for &m in members {
                sources.push(TruthSource {
                    source: m.to_owned(),
                    relevant: members
                        .iter()
                        .filter(|&&x| x != m)
                        .map(|&x| x.to_owned())
                        .collect(),
                    implausible: BTreeSet::new(),
                });
            }
        }
        sources.sort_by(|a, b| a.source.cmp(&b.source));
        Truth {
            name: "same-isco".into(),
            sources,
        }
    }

    /// For every occupation in the occupation hierarchy: its broader and narrower occupations and
    /// its siblings.
    pub fn occupation_hierarchy(ontology: &Ontology) -> Truth {
        let is_occ = |ix| ontology.concept(ix).kind() == ConceptKind::Occupation;
        let mut sources = Vec::new();
        for (ix, c) in ontology.concepts(ConceptKind::Occupation) {
            let parents: Vec<_> = ontology
                .outgoing(ix, RelationKind::Broader)
                .map(|(t, _)| t)
                .filter(|&t| is_occ(t))
                .collect();
            let mut relevant = BTreeSet::new();
            for &p in &parents {
                relevant.insert(ontology.concept(p).id.clone());
                for (s, _) in ontology.incoming(p, RelationKind::Broader) {
                    if s != ix && is_occ(s) {
                        relevant.insert(ontology.concept(s).id.clone());
                    }
                }
            }
            for (s, _) in ontology.incoming(ix, RelationKind::Broader) {
                if is_occ(s) {
                    relevant.insert(ontology.concept(s).id.clone());
                }
            }
            if !relevant.is_empty() {
                sources.push(TruthSource {
                    source: c.id.clone(),
                    relevant,
                    implausible: BTreeSet::new(),
                });
            }
        }
        Truth {
            name: "occupation-hierarchy".into(),
            sources,
        }
    }

    /// Keeps every `step`-th source (1 keeps all), for a quicker run.
    pub fn every(mut self, step: usize) -> Truth {
        let step = step.max(1);
        self.sources = self
            .sources
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, s)| s)
            .collect();
        self
    }
}

/// `ontology` without ISCO codes on occupations, so a ranker cannot see them.
///
/// # Errors
/// Only if rebuilding fails, which a valid ontology never does.
pub fn strip_isco(ontology: &Ontology) -> Result<Ontology, OntologyError> {
    rebuild(ontology, without_isco, |_, _, _| true)
}

/// `ontology` without ISCO codes and without `broader` between occupations.
///
/// # Errors
/// Only if rebuilding fails, which a valid ontology never does.
pub fn strip_occupation_hierarchy(ontology: &Ontology) -> Result<Ontology, OntologyError> {
    let occ = |id: &str| {
        ontology
            .get(id)
            .is_some_and(|c| c.kind() == ConceptKind::Occupation)
    };
    rebuild(ontology, without_isco, |from, to, kind| {
        !(kind == RelationKind::Broader && occ(from) && occ(to))
    })
}

/// An occupation's data without its ISCO code (`None`: keep the concept as it is).
fn without_isco(c: &vaardig_core::Concept) -> Option<ConceptData> {
    match &c.data {
        ConceptData::Occupation {
            isco: Some(_),
            min_nlqf,
        } => Some(ConceptData::Occupation {
            isco: None,
            min_nlqf: *min_nlqf,
        }),
        _ => None,
    }
}

fn rebuild(
    ontology: &Ontology,
    data: impl Fn(&vaardig_core::Concept) -> Option<ConceptData>,
    keep: impl Fn(&str, &str, RelationKind) -> bool,
) -> Result<Ontology, OntologyError> {
    let mut b = OntologyBuilder::new(ontology.manifest().clone());
    for (_, c) in ontology.iter() {
        let mut c = c.clone();
        if let Some(d) = data(&c) {
            c.data = d;
        }
        b.add_concept(c);
    }
    for (from, to, rel) in ontology.relations() {
        let (f, t) = (&ontology.concept(from).id, &ontology.concept(to).id);
        if keep(f, t, rel.kind) {
            b.add_relation(f, t, *rel);
        }
    }
    Ok(b.build()?.ontology)
}

/// A ranking method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// vaardig's default transition ranking (`transitions --from`).
    Vaardig,
    /// vaardig's relatedness alone (`--rank-by relatedness`).
    Relatedness,
    /// Cosine of requirement vectors (essential 1.0, important 0.75, optional 0.5).
    Cosine,
    /// Jaccard of requirement sets.
    Jaccard,
}

impl Method {
    /// The name reports use (as in JSON).
    pub fn name(self) -> &'static str {
        match self {
            Method::Vaardig => "vaardig",
            Method::Relatedness => "relatedness",
            Method::Cosine => "cosine",
            Method::Jaccard => "jaccard",
        }
    }

    /// Every method, in report order.
    pub const ALL: [Method; 4] = [
        Method::Vaardig,
        Method::Relatedness,
        Method::Cosine,
        Method::Jaccard,
    ];
}

/// The figures of one method on one truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// The method.
    pub method: Method,
    /// Mean precision in the top `k`.
    pub precision_at_k: f64,
    /// Mean share of a source's relevant occupations in its top `k`.
    pub recall_at_k: f64,
    /// Share of all relevant (source, target) pairs in their source's top `k`.
    pub pair_recall_at_k: f64,
    /// Mean reciprocal rank of the first relevant occupation (0 beyond [`MRR_CUTOFF`]).
    pub mrr: f64,
    /// Mean nDCG of the top `k` (binary gains).
    pub ndcg_at_k: f64,
    /// Implausible targets found in a top `k`, over all sources.
    pub implausible_in_top_k: usize,
}

/// The figures of every method on one truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// The truth's name.
    pub truth: String,
    /// The cut-off `k`.
    pub k: usize,
    /// How many sources were ranked.
    pub sources: usize,
    /// Relevant pairs over all sources.
    pub relevant_pairs: usize,
    /// One entry per method, in [`Method::ALL`] order.
    pub methods: Vec<Metrics>,
    /// Implausible (source, target) pairs that reached a top `k` with vaardig's ranking.
    pub implausible_hits: Vec<(String, String)>,
}

impl EvalReport {
    /// The figures of `method`.
    pub fn metrics(&self, method: Method) -> Option<&Metrics> {
        self.methods.iter().find(|m| m.method == method)
    }

    /// A Markdown table of the figures.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "truth `{}`: {} sources, {} relevant pairs, k = {}\n\n| method | P@{k} | recall@{k} | pairs in top {k} | MRR | nDCG@{k} | implausible in top {k} |\n|---|---:|---:|---:|---:|---:|---:|\n",
            self.truth,
            self.sources,
            self.relevant_pairs,
            self.k,
            k = self.k
        );
        for m in &self.methods {
            out.push_str(&format!(
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {} |\n",
                m.method.name(),
                m.precision_at_k,
                m.recall_at_k,
                m.pair_recall_at_k,
                m.mrr,
                m.ndcg_at_k,
                m.implausible_in_top_k
            ));
        }
        out
    }
}

/// Ranks every source of `truth` with every [`Method`] over `scorer` and scores the rankings.
///
/// # Errors
/// When a source is not an occupation of the scorer's ontology.
pub fn evaluate(scorer: &Scorer, truth: &Truth, k: usize) -> Result<EvalReport, ScoreError> {
    let baselines = Baselines::new(scorer);
    let depth = k.max(MRR_CUTOFF);
    let mut acc: Vec<Acc> = Method::ALL.iter().map(|_| Acc::default()).collect();
    let mut implausible_hits = Vec::new();
    let mut relevant_pairs = 0;
    let mut sources = 0;
    for src in &truth.sources {
        let a = scorer.occupation_index(&src.source)?;
        let relevant: BTreeSet<u32> = src
            .relevant
            .iter()
            .filter_map(|id| scorer.occupation_index(id).ok())
            .collect();
        let implausible: BTreeSet<u32> = src
            .implausible
            .iter()
            .filter_map(|id| scorer.occupation_index(id).ok())
            .collect();
        if relevant.is_empty() && implausible.is_empty() {
            continue;
        }
        sources += 1;
        relevant_pairs += relevant.len();
        for (m, acc) in Method::ALL.iter().zip(acc.iter_mut()) {
            let ranked: Vec<u32> = match m {
                Method::Vaardig => scorer.ranked_from(
                    a,
                    &TransitionOptions {
                        limit: Some(depth),
                        ..Default::default()
                    },
                )?,
                Method::Relatedness => scorer
                    .top_related(a, depth)
                    .into_iter()
                    .map(|(b, _)| b)
                    .collect(),
                Method::Cosine => baselines.rank(a, depth, Baseline::Cosine),
                Method::Jaccard => baselines.rank(a, depth, Baseline::Jaccard),
            };
            acc.add(&ranked, &relevant, &implausible, k);
            if *m == Method::Vaardig {
                for &b in ranked.iter().take(k).filter(|b| implausible.contains(b)) {
                    implausible_hits.push((src.source.clone(), scorer.occ_named(b).id.to_string()));
                }
            }
        }
    }
    Ok(EvalReport {
        truth: truth.name.clone(),
        k,
        sources,
        relevant_pairs,
        methods: Method::ALL
            .iter()
            .zip(&acc)
            .map(|(&method, a)| a.metrics(method, relevant_pairs))
            .collect(),
        implausible_hits,
    })
}

/// Running sums of one method's figures.
#[derive(Default)]
struct Acc {
    precision: f64,
    recall: f64,
    pair_hits: usize,
    rr: f64,
    ndcg: f64,
    implausible: usize,
    with_relevant: usize,
}

impl Acc {
    fn add(
        &mut self,
        ranked: &[u32],
        relevant: &BTreeSet<u32>,
        implausible: &BTreeSet<u32>,
        k: usize,
    ) {
        let top = &ranked[..ranked.len().min(k)];
        self.implausible += top.iter().filter(|b| implausible.contains(b)).count();
        if relevant.is_empty() {
            return;
        }
        self.with_relevant += 1;
        let hits = top.iter().filter(|b| relevant.contains(b)).count();
        self.precision += hits as f64 / k as f64;
        self.recall += hits as f64 / relevant.len() as f64;
        self.pair_hits += hits;
        if let Some(pos) = ranked
            .iter()
            .take(MRR_CUTOFF)
            .position(|b| relevant.contains(b))
        {
            self.rr += 1.0 / (pos + 1) as f64;
        }
        let dcg: f64 = top
            .iter()
            .enumerate()
            .filter(|(_, b)| relevant.contains(b))
            .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
            .sum();
        let ideal: f64 = (0..relevant.len().min(k))
            .map(|i| 1.0 / ((i + 2) as f64).log2())
            .sum();
        if ideal > 0.0 {
            self.ndcg += dcg / ideal;
        }
    }

    fn metrics(&self, method: Method, relevant_pairs: usize) -> Metrics {
        let n = self.with_relevant.max(1) as f64;
        Metrics {
            method,
            precision_at_k: self.precision / n,
            recall_at_k: self.recall / n,
            pair_recall_at_k: self.pair_hits as f64 / relevant_pairs.max(1) as f64,
            mrr: self.rr / n,
            ndcg_at_k: self.ndcg / n,
            implausible_in_top_k: self.implausible,
        }
    }
}

/// The weight of a requirement in the cosine baseline.
fn baseline_weight(i: Importance) -> f64 {
    match i {
        Importance::Essential => 1.0,
        Importance::Important => 0.75,
        Importance::Optional => 0.5,
    }
}

#[derive(Clone, Copy)]
enum Baseline {
    Cosine,
    Jaccard,
}

/// Postings for the plain baselines.
struct Baselines<'a> {
    scorer: &'a Scorer,
    /// Per capability: (occupation, cosine weight).
    postings: Csr<(u32, f64)>,
    norm: Vec<f64>,
    size: Vec<f64>,
}

impl<'a> Baselines<'a> {
    fn new(scorer: &'a Scorer) -> Self {
        let n = scorer.occs.len();
        let mut pairs = Vec::new();
        let mut norm = vec![0.0; n];
        let mut size = vec![0.0; n];
        for (o, (nm, sz)) in norm.iter_mut().zip(size.iter_mut()).enumerate() {
            for r in scorer.requires.row(o) {
                let w = baseline_weight(r.importance);
                pairs.push((r.cap, (to_u32(o), w)));
                *nm += w * w;
                *sz += 1.0;
            }
            *nm = nm.sqrt();
        }
        Baselines {
            scorer,
            postings: Csr::from_pairs(scorer.caps.len(), pairs),
            norm,
            size,
        }
    }

    fn rank(&self, a: u32, depth: usize, how: Baseline) -> Vec<u32> {
        let n = self.norm.len();
        let mut dot = vec![0.0; n];
        let mut shared = vec![0.0; n];
        for r in self.scorer.requires.row(a as usize) {
            let wa = baseline_weight(r.importance);
            for &(b, wb) in self.postings.row(r.cap as usize) {
                dot[b as usize] += wa * wb;
                shared[b as usize] += 1.0;
            }
        }
        let mut scored: Vec<(u32, f64)> = (0..n)
            .filter(|&b| b != a as usize && shared[b] > 0.0)
            .map(|b| {
                let s = match how {
                    Baseline::Cosine => {
                        let d = self.norm[a as usize] * self.norm[b];
                        if d > 0.0 { dot[b] / d } else { 0.0 }
                    }
                    Baseline::Jaccard => {
                        shared[b] / (self.size[a as usize] + self.size[b] - shared[b])
                    }
                };
                (to_u32(b), s)
            })
            .collect();
        scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        scored.truncate(depth);
        scored.into_iter().map(|(b, _)| b).collect()
    }
}
