//! The tantivy collector behind [`crate::Searcher::search`]: it filters label documents by kind
//! and language, turns a document's raw score into a final one (label type, extra words, whole
//! label matched) and keeps the best label per concept.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use vaardig_core::ConceptKind;

use crate::schema::{LabelType, META, Meta, NORM};

/// Weight of a synonym match relative to a preferred-label match.
pub(crate) const ALT_WEIGHT: f32 = 0.95;
/// Weight of a definition match relative to a preferred-label match.
pub(crate) const DEFINITION_WEIGHT: f32 = 0.5;
/// Score penalty per label word beyond the number of query words: `1 / (1 + p·extra)`.
pub(crate) const EXTRA_WORD_PENALTY: f32 = 0.08;
/// Factor for labels whose words are not exactly the query's words.
pub(crate) const NOT_WHOLE_LABEL: f32 = 0.9;

/// A prior per concept kind, applied to every score: the taxonomy's own concepts (skills,
/// occupations) come before offers, qualifications and tasks that are named after them.
pub(crate) fn kind_weight(kind: u8) -> f32 {
    match ConceptKind::ALL.get(usize::from(kind)) {
        Some(ConceptKind::Skill | ConceptKind::Occupation) => 1.0,
        Some(ConceptKind::KnowledgeArea | ConceptKind::Qualification | ConceptKind::Sector) => 0.97,
        Some(ConceptKind::LearningOffer) => 0.96,
        Some(ConceptKind::OccupationTask) | None => 0.95,
    }
}

/// What the collector needs to know about the query.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    /// Accepted concept kinds, by [`vaardig_core::ConceptKind::index`].
    pub accept_kind: [bool; 16],
    /// Accepted language slots.
    pub accept_lang: Vec<bool>,
    /// The highest raw score possible (every query word matched exactly).
    pub total: f32,
    /// The [`crate::schema::norm_hash`] of the query's words.
    pub norm: u64,
    /// How many words the query has (for the extra-word penalty).
    pub words: usize,
    /// How many candidates to return.
    pub limit: usize,
}

impl Params {
    fn accepts(&self, meta: Meta) -> bool {
        self.accept_kind
            .get(usize::from(meta.kind))
            .copied()
            .unwrap_or(false)
            && self
                .accept_lang
                .get(usize::from(meta.lang))
                .copied()
                .unwrap_or(false)
    }

    /// The final score of a label document.
    fn score(&self, raw: Score, meta: Meta, norm: u64) -> f32 {
        let coverage = if self.total > 0.0 {
            (raw / self.total).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let label = match meta.label_type {
            LabelType::Pref => 1.0,
            LabelType::Alt => ALT_WEIGHT,
            LabelType::Definition => DEFINITION_WEIGHT,
        };
        let extra = usize::from(meta.words).saturating_sub(self.words) as f32;
        let length = 1.0 / (1.0 + EXTRA_WORD_PENALTY * extra);
        let whole = if norm != 0 && norm == self.norm {
            1.0
        } else {
            NOT_WHOLE_LABEL
        };
        coverage * label * length * whole * kind_weight(meta.kind)
    }
}

/// One concept's best label document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    /// The concept's node index.
    pub concept: u32,
    /// The final score.
    pub score: f32,
    /// The winning label document.
    pub meta: Meta,
}

impl Candidate {
    /// Whether `self` should replace `other` as a concept's best label.
    fn beats(&self, other: &Candidate) -> bool {
        match self.score.total_cmp(&other.score) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => self.meta.tie_key() < other.meta.tie_key(),
        }
    }

    /// Ranking order: higher score first, then lower concept index (= id order).
    fn rank(a: &Candidate, b: &Candidate) -> Ordering {
        b.score.total_cmp(&a.score).then(a.concept.cmp(&b.concept))
    }
}

fn keep_best(best: &mut HashMap<u32, Candidate>, c: Candidate) {
    match best.entry(c.concept) {
        Entry::Occupied(mut e) => {
            if c.beats(e.get()) {
                e.insert(c);
            }
        }
        Entry::Vacant(e) => {
            e.insert(c);
        }
    }
}

/// Collects the best label per concept, ranked; at most `limit` concepts.
#[derive(Debug, Clone)]
pub(crate) struct BestPerConcept {
    params: Arc<Params>,
}

impl BestPerConcept {
    /// A collector for a query described by `params`.
    pub(crate) fn new(params: Params) -> Self {
        BestPerConcept {
            params: Arc::new(params),
        }
    }
}

impl Collector for BestPerConcept {
    type Fruit = Vec<Candidate>;
    type Child = SegmentBest;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentBest> {
        let fast = segment.fast_fields();
        Ok(SegmentBest {
            params: Arc::clone(&self.params),
            meta: fast.u64(META)?.first_or_default_col(0),
            norm: fast.u64(NORM)?.first_or_default_col(0),
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Candidate>>) -> tantivy::Result<Vec<Candidate>> {
        let mut best = HashMap::new();
        for c in fruits.into_iter().flatten() {
            keep_best(&mut best, c);
        }
        let mut all: Vec<Candidate> = best.into_values().collect();
        let limit = self.params.limit;
        if all.len() > limit && limit > 0 {
            all.select_nth_unstable_by(limit - 1, Candidate::rank);
            all.truncate(limit);
        }
        all.sort_by(Candidate::rank);
        all.truncate(limit);
        Ok(all)
    }
}

/// The per-segment half of [`BestPerConcept`].
pub(crate) struct SegmentBest {
    params: Arc<Params>,
    meta: Arc<dyn ColumnValues<u64>>,
    norm: Arc<dyn ColumnValues<u64>>,
    best: HashMap<u32, Candidate>,
}

impl SegmentCollector for SegmentBest {
    type Fruit = Vec<Candidate>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let meta = Meta::unpack(self.meta.get_val(doc));
        if !self.params.accepts(meta) {
            return;
        }
        // Only a label matching the whole query can be exactly the query: read its hash then.
        let norm = if score >= self.params.total * 0.999 {
            self.norm.get_val(doc)
        } else {
            0
        };
        let score = self.params.score(score, meta, norm);
        keep_best(
            &mut self.best,
            Candidate {
                concept: meta.concept,
                score,
                meta,
            },
        );
    }

    fn harvest(self) -> Vec<Candidate> {
        self.best.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(label_type: LabelType, words: u8) -> Meta {
        Meta {
            concept: 0,
            lang: 0,
            label_type,
            alt: 0,
            words,
            kind: 0,
        }
    }

    fn params() -> Params {
        Params {
            accept_kind: [true; 16],
            accept_lang: vec![true],
            total: 10.0,
            norm: 42,
            words: 2,
            limit: 10,
        }
    }

    #[test]
    fn whole_preferred_label_scores_one() {
        let p = params();
        assert_eq!(p.score(10.0, meta(LabelType::Pref, 2), 42), 1.0);
    }

    #[test]
    fn synonyms_definitions_and_extra_words_score_lower() {
        let p = params();
        let pref = p.score(10.0, meta(LabelType::Pref, 2), 7);
        assert!(p.score(10.0, meta(LabelType::Alt, 2), 7) < pref);
        assert!(p.score(10.0, meta(LabelType::Definition, 2), 7) < pref);
        assert!(p.score(10.0, meta(LabelType::Pref, 4), 7) < pref);
        assert!(p.score(5.0, meta(LabelType::Pref, 2), 7) < pref);
    }

    #[test]
    fn ties_break_by_concept_then_label() {
        let a = Candidate {
            concept: 1,
            score: 0.5,
            meta: meta(LabelType::Alt, 1),
        };
        let b = Candidate {
            concept: 2,
            score: 0.5,
            meta: meta(LabelType::Pref, 1),
        };
        assert_eq!(Candidate::rank(&a, &b), Ordering::Less);
        assert!(b.beats(&a));
    }
}
