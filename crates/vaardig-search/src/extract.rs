//! Finding skill and occupation mentions in free text (a CV paragraph, a vacancy).
//!
//! Every preferred label and synonym of a skill or occupation, in every language, is analyzed
//! into its word stems. Two passes look for them in the text, analyzed the same way (once per
//! language), never across sentence punctuation:
//!
//! 1. **Contiguous**: the label's stems in order (`wondverzorging`, `heftruck rijden`,
//!    `Nurses`). A trie walk from every word. A one-word label must also look like the word
//!    typed (same start, at most two letters longer or shorter), so `houd` does not mention
//!    `houding`.
//! 2. **Scattered**: the content words of a 2–4 word label in any order within a short window,
//!    allowing verb endings (`installeert laadpalen` for `laadpalen installeren`,
//!    `het meten van vitale functies`). Scored lower.
//!
//! Overlaps are resolved greedily: more label words matched first, then contiguous before
//! scattered, then longer spans (for scattered: tighter), then higher score, earlier start,
//! lower concept id. The cost grows with the text times the logarithm of its longest sentence,
//! never with its square (each label's words are found by binary search in their position
//! lists): a 300-word paragraph takes well under a millisecond once the tables are built, and
//! 2 MB of one unpunctuated sentence of label words well under a second.

use std::collections::{HashMap, HashSet};

use vaardig_core::{ConceptKind, NodeIndex, Ontology};

use crate::analysis::{Analyzers, Lang, Word, single_long_vowel};
use crate::options::Mention;
use crate::schema::{LabelType, MAX_ALT, norm_hash};

/// Labels longer than this many words are not looked for in text.
const MAX_LABEL_WORDS: usize = 10;
/// Scattered matching: labels with this many content words at most.
const MAX_SCATTERED_WORDS: usize = 4;
/// Scattered matching: how many other words may sit between a label's words.
const SCATTER_SLACK: usize = 2;
/// Scattered matching: a text stem may be this many letters longer than the label stem it
/// stands for (verb endings: `installeert` for `installer`).
const MAX_ENDING: usize = 3;
/// Shortest label stem matched by a longer text stem.
const MIN_STEM_PREFIX: usize = 4;
/// A one-word label matches a text word only if their lengths differ by at most this much.
const MAX_SINGLE_WORD_SLACK: usize = 2;
/// Score factor of a scattered match relative to a contiguous one.
const SCATTERED: f32 = 0.75;
/// Characters between two words that end a possible mention.
const BREAKS: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '<', '>', '|', '\n', '\r', '"', '•',
];

/// One label that may be mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    concept: u32,
    lang: u8,
    label_type: LabelType,
    alt: u16,
    /// [`norm_hash`] of the label's folded (unstemmed) words.
    surface: u64,
    /// For one-word labels, the index of the folded word in [`Extractor::single`].
    single: Option<u32>,
}

/// A trie over word ids.
#[derive(Debug)]
struct Trie {
    /// `(node, word id) → child node`; node 0 is the root.
    edges: HashMap<(u32, u32), u32>,
    /// The labels ending at each node.
    ends: Vec<Vec<Entry>>,
}

impl Trie {
    fn new() -> Self {
        Trie {
            edges: HashMap::new(),
            ends: vec![Vec::new()],
        }
    }

    fn insert(&mut self, path: &[u32], entry: Entry) {
        let mut node = 0u32;
        for &id in path {
            let next = self.ends.len() as u32;
            let child = *self.edges.entry((node, id)).or_insert(next);
            if child == next {
                self.ends.push(Vec::new());
            }
            node = child;
        }
        if let Some(ends) = self.ends.get_mut(node as usize)
            && !ends.contains(&entry)
        {
            ends.push(entry);
        }
    }

    fn child(&self, node: u32, id: u32) -> Option<u32> {
        self.edges.get(&(node, id)).copied()
    }
}

/// A label for scattered matching: its distinct content-word ids.
#[derive(Debug)]
struct Scattered {
    words: Vec<u32>,
    entry: Entry,
}

/// The tables of one analysis language.
#[derive(Debug)]
struct Tables {
    lang: Lang,
    trie: Trie,
    scattered: Vec<Scattered>,
    /// Content-word id → the scattered labels that contain it.
    by_word: HashMap<u32, Vec<u32>>,
}

impl Tables {
    fn new(lang: Lang) -> Self {
        Tables {
            lang,
            trie: Trie::new(),
            scattered: Vec::new(),
            by_word: HashMap::new(),
        }
    }
}

/// The mention finder for one ontology.
#[derive(Debug)]
pub(crate) struct Extractor {
    /// Stem (or word) → id, shared by all languages.
    vocab: HashMap<String, u32>,
    /// The folded words of one-word labels.
    single: Vec<String>,
    /// One set of tables per analysis language that has labels.
    tables: Vec<Tables>,
}

/// A possible mention: words `[first, last]` match `entry`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: usize,
    last: usize,
    entry: Entry,
    score: f32,
    contiguous: bool,
    /// How many label words it matched.
    matched: usize,
}

fn intern(vocab: &mut HashMap<String, u32>, term: String) -> u32 {
    let next = vocab.len() as u32;
    *vocab.entry(term).or_insert(next)
}

impl Extractor {
    /// Indexes the skill and occupation labels of `ontology` (`languages` are the searcher's
    /// language slots).
    pub(crate) fn new(
        ontology: &Ontology,
        languages: &[String],
        analyzers: &mut Analyzers,
    ) -> Self {
        let mut ex = Extractor {
            vocab: HashMap::new(),
            single: Vec::new(),
            tables: Vec::new(),
        };
        for kind in [ConceptKind::Skill, ConceptKind::Occupation] {
            for (ix, concept) in ontology.concepts(kind) {
                let Ok(concept_ix) = u32::try_from(ix.index()) else {
                    continue;
                };
                for (slot, lang) in languages.iter().enumerate() {
                    let Ok(slot) = u8::try_from(slot) else {
                        continue;
                    };
                    let labels = &concept.labels;
                    let pref = labels.pref(lang).map(|l| (l, LabelType::Pref, 0u16));
                    let alts = labels
                        .alt(lang)
                        .iter()
                        .take(MAX_ALT)
                        .enumerate()
                        .map(|(k, l)| {
                            (
                                l.as_str(),
                                LabelType::Alt,
                                u16::try_from(k).unwrap_or(u16::MAX),
                            )
                        });
                    for (label, label_type, alt) in pref.into_iter().chain(alts) {
                        let entry = Entry {
                            concept: concept_ix,
                            lang: slot,
                            label_type,
                            alt,
                            surface: 0,
                            single: None,
                        };
                        ex.add(analyzers, Lang::of(lang), label, entry);
                    }
                }
            }
        }
        ex.tables.sort_by_key(|t| t.lang);
        ex
    }

    fn tables_mut(&mut self, lang: Lang) -> &mut Tables {
        let i = match self.tables.iter().position(|t| t.lang == lang) {
            Some(i) => i,
            None => {
                self.tables.push(Tables::new(lang));
                self.tables.len() - 1
            }
        };
        &mut self.tables[i]
    }

    fn add(&mut self, analyzers: &mut Analyzers, lang: Lang, label: &str, mut entry: Entry) {
        let words = analyzers.words(label);
        if words.is_empty()
            || words.len() > MAX_LABEL_WORDS
            || (words.len() == 1 && too_vague(analyzers, &words[0].text))
        {
            return;
        }
        let terms = analyzers.terms(lang, label);
        if terms.len() != words.len() {
            return;
        }
        entry.surface = norm_hash(words.iter().map(|w| w.text.as_str()));
        if let [only] = words.as_slice() {
            entry.single = Some(self.single.len() as u32);
            self.single.push(only.text.clone());
        }
        let mut path = Vec::with_capacity(terms.len());
        let mut content = Vec::new();
        for ((_, term), word) in terms.into_iter().zip(&words) {
            let id = intern(&mut self.vocab, term);
            path.push(id);
            if !analyzers.is_stop_word(&word.text) && !content.contains(&id) {
                content.push(id);
            }
        }
        let tables = self.tables_mut(lang);
        tables.trie.insert(&path, entry);
        if (2..=MAX_SCATTERED_WORDS).contains(&content.len()) {
            let label_ix = tables.scattered.len() as u32;
            for &id in &content {
                tables.by_word.entry(id).or_default().push(label_ix);
            }
            tables.scattered.push(Scattered {
                words: content,
                entry,
            });
        }
    }

    /// The mentions in `text`, in text order.
    pub(crate) fn extract(
        &self,
        ontology: &Ontology,
        languages: &[String],
        analyzers: &mut Analyzers,
        text: &str,
    ) -> Vec<Mention> {
        let words = analyzers.words(text);
        if words.is_empty() {
            return Vec::new();
        }
        // `breaks[i]`: a mention may not run from word i-1 into word i.
        let breaks: Vec<bool> = (0..words.len())
            .map(|i| {
                i == 0 || {
                    let (prev, cur) = (&words[i - 1], &words[i]);
                    cur.position != prev.position + 1
                        || text
                            .get(prev.end..cur.start)
                            .is_none_or(|gap| gap.contains(BREAKS))
                }
            })
            .collect();
        let mut candidates = Vec::new();
        for tables in &self.tables {
            let terms = self.terms(analyzers, tables.lang, text, &words);
            let ids: Vec<Option<u32>> = terms
                .iter()
                .map(|t| t.as_deref().and_then(|t| self.vocab.get(t).copied()))
                .collect();
            self.contiguous(&tables.trie, &ids, &words, &breaks, &mut candidates);
            self.scattered(tables, &terms, &breaks, &mut candidates);
        }
        resolve(candidates, words.len())
            .into_iter()
            .filter_map(|c| mention(ontology, languages, &words, c))
            .collect()
    }

    /// Each word's term in `lang` (`None` when the analyses disagree on positions).
    fn terms(
        &self,
        analyzers: &mut Analyzers,
        lang: Lang,
        text: &str,
        words: &[Word],
    ) -> Vec<Option<String>> {
        let mut out = vec![None; words.len()];
        // Both analyses use the same tokenizer, so term i belongs to word i; positions confirm.
        for (i, (position, term)) in analyzers.terms(lang, text).into_iter().enumerate() {
            if let Some(w) = words.get(i)
                && w.position == position
                && let Some(slot) = out.get_mut(i)
            {
                *slot = Some(term);
            }
        }
        out
    }

    fn contiguous(
        &self,
        trie: &Trie,
        ids: &[Option<u32>],
        words: &[Word],
        breaks: &[bool],
        out: &mut Vec<Candidate>,
    ) {
        for first in 0..ids.len() {
            let mut node = 0u32;
            for last in first..ids.len().min(first + MAX_LABEL_WORDS) {
                if last > first && breaks[last] {
                    break;
                }
                let Some(next) = ids[last].and_then(|id| trie.child(node, id)) else {
                    break;
                };
                node = next;
                let ends = trie
                    .ends
                    .get(node as usize)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                if ends.is_empty() {
                    continue;
                }
                let surface = norm_hash(words[first..=last].iter().map(|w| w.text.as_str()));
                for entry in ends {
                    if let Some(single) = entry.single
                        && !self.looks_like(single, &words[first].text)
                    {
                        continue;
                    }
                    out.push(Candidate {
                        first,
                        last,
                        entry: *entry,
                        score: score(last - first + 1, entry, surface),
                        contiguous: true,
                        matched: last - first + 1,
                    });
                }
            }
        }
    }

    /// Whether a text word looks like a one-word label: one starts with the other and their
    /// lengths differ by at most [`MAX_SINGLE_WORD_SLACK`].
    fn looks_like(&self, single: u32, word: &str) -> bool {
        let Some(label) = self.single.get(single as usize) else {
            return false;
        };
        let (short, long) = if label.len() <= word.len() {
            (label.as_str(), word)
        } else {
            (word, label.as_str())
        };
        long.starts_with(short) && long.len() - short.len() <= MAX_SINGLE_WORD_SLACK
    }

    /// The ids a text term may stand for: itself, and label stems it extends by a verb ending,
    /// also with a Dutch long vowel written single (`installeert` → `installer`,
    /// `optimaliseer` → `optimaliser`).
    fn ids_for(&self, term: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self.vocab.get(term).copied().into_iter().collect();
        let bounds: Vec<usize> = term.char_indices().map(|(i, _)| i).collect();
        for k in (bounds.len().saturating_sub(MAX_ENDING)..bounds.len()).rev() {
            if k < MIN_STEM_PREFIX {
                continue;
            }
            let Some(&b) = bounds.get(k) else { continue };
            let prefix = &term[..b];
            for candidate in [Some(prefix.to_owned()), single_long_vowel(prefix)]
                .into_iter()
                .flatten()
            {
                if let Some(id) = self.vocab.get(&candidate)
                    && !out.contains(id)
                {
                    out.push(*id);
                }
            }
        }
        out
    }

    fn scattered(
        &self,
        tables: &Tables,
        terms: &[Option<String>],
        breaks: &[bool],
        out: &mut Vec<Candidate>,
    ) {
        let mut start = 0;
        while start < terms.len() {
            let mut end = start + 1;
            while end < terms.len() && !breaks[end] {
                end += 1;
            }
            self.scattered_in(tables, terms, start, end, out);
            start = end;
        }
    }

    /// Scattered matches within one sentence, words `start..end`.
    fn scattered_in(
        &self,
        tables: &Tables,
        terms: &[Option<String>],
        start: usize,
        end: usize,
        out: &mut Vec<Candidate>,
    ) {
        let mut positions: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, term) in terms.iter().enumerate().take(end).skip(start) {
            if let Some(term) = term {
                for id in self.ids_for(term) {
                    positions.entry(id).or_default().push(i);
                }
            }
        }
        let mut seen: HashSet<u32> = HashSet::new();
        for id in positions.keys() {
            for &label_ix in tables.by_word.get(id).into_iter().flatten() {
                if !seen.insert(label_ix) {
                    continue;
                }
                let Some(label) = tables.scattered.get(label_ix as usize) else {
                    continue;
                };
                if let Some((first, last)) = tightest(&label.words, &positions)
                    && last - first < label.words.len() + SCATTER_SLACK
                    && last - first + 1 >= label.words.len()
                {
                    let length = match label.words.len() {
                        2 => 0.9,
                        _ => 1.0,
                    };
                    let kind = if label.entry.label_type == LabelType::Pref {
                        1.0
                    } else {
                        0.95
                    };
                    out.push(Candidate {
                        first,
                        last,
                        entry: label.entry,
                        score: SCATTERED * length * kind,
                        contiguous: false,
                        matched: label.words.len(),
                    });
                }
            }
        }
    }
}

/// The smallest span `(first, last)` holding one position of every id, if all occur: around
/// each position of the rarest id, the nearest position of every other id (the earlier one on
/// a tie), the first smallest span kept. Position lists are ascending, so each nearest position
/// is a binary search: `O(r · k · log n)` for `r` positions of the rarest of `k` ids, never a
/// scan of every list per position (which made 1 MB of repeated label words take 11 s).
fn tightest(ids: &[u32], positions: &HashMap<u32, Vec<usize>>) -> Option<(usize, usize)> {
    let lists: Vec<&Vec<usize>> = ids
        .iter()
        .map(|id| positions.get(id))
        .collect::<Option<_>>()?;
    let anchor = lists.iter().min_by_key(|l| l.len())?;
    let mut best: Option<(usize, usize)> = None;
    for &p in anchor.iter() {
        let (mut lo, mut hi) = (p, p);
        for list in &lists {
            let nearest = nearest(list, p)?;
            lo = lo.min(nearest);
            hi = hi.max(nearest);
        }
        if best.is_none_or(|(a, b)| hi - lo < b - a) {
            best = Some((lo, hi));
        }
    }
    best
}

/// The position in ascending `list` nearest to `p`, the smaller one on a tie.
fn nearest(list: &[usize], p: usize) -> Option<usize> {
    let after = list.partition_point(|&q| q < p);
    match (
        after.checked_sub(1).and_then(|i| list.get(i)),
        list.get(after),
    ) {
        (Some(&before), Some(&at)) => Some(if p - before <= at - p { before } else { at }),
        (Some(&before), None) => Some(before),
        (None, at) => at.copied(),
    }
}

/// Single-word labels too vague to look for in text: stop words and words under 3 letters.
fn too_vague(analyzers: &mut Analyzers, word: &str) -> bool {
    word.chars().count() < 3 || analyzers.is_stop_word(word)
}

/// A contiguous mention's confidence: by length in words, label type, and whether the words
/// are the label's own (not only its stems).
fn score(words: usize, entry: &Entry, surface: u64) -> f32 {
    let length = match words {
        1 => 0.8,
        2 => 0.9,
        _ => 1.0,
    };
    let label = match entry.label_type {
        LabelType::Pref => 1.0,
        _ => 0.95,
    };
    let form = if surface == entry.surface { 1.0 } else { 0.9 };
    length * label * form
}

/// Keeps non-overlapping candidates (see the module docs for the order).
fn resolve(mut candidates: Vec<Candidate>, n_words: usize) -> Vec<Candidate> {
    let span = |c: &Candidate| c.last - c.first;
    candidates.sort_by(|a, b| {
        b.matched
            .cmp(&a.matched)
            .then(b.contiguous.cmp(&a.contiguous))
            .then_with(|| {
                if a.contiguous {
                    span(b).cmp(&span(a))
                } else {
                    span(a).cmp(&span(b))
                }
            })
            .then(b.score.total_cmp(&a.score))
            .then(a.first.cmp(&b.first))
            .then(a.entry.concept.cmp(&b.entry.concept))
            .then((a.entry.label_type, a.entry.lang, a.entry.alt).cmp(&(
                b.entry.label_type,
                b.entry.lang,
                b.entry.alt,
            )))
    });
    let mut taken = vec![false; n_words];
    let mut kept = Vec::new();
    for c in candidates {
        let Some(words) = taken.get_mut(c.first..=c.last) else {
            continue;
        };
        if words.iter().any(|t| *t) {
            continue;
        }
        words.iter_mut().for_each(|t| *t = true);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.first);
    kept
}

fn mention(
    ontology: &Ontology,
    languages: &[String],
    words: &[Word],
    c: Candidate,
) -> Option<Mention> {
    let ix = NodeIndex::new(c.entry.concept as usize);
    let concept = ontology.try_concept(ix)?;
    let lang = languages.get(usize::from(c.entry.lang))?;
    let label = match c.entry.label_type {
        LabelType::Pref => concept.labels.pref(lang)?,
        _ => concept
            .labels
            .alt(lang)
            .get(usize::from(c.entry.alt))?
            .as_str(),
    };
    Some(Mention {
        id: concept.id.clone(),
        uri: ontology.uri_of(ix),
        kind: concept.kind(),
        label: label.to_owned(),
        start: words.get(c.first)?.start,
        end: words.get(c.last)?.end,
        score: c.score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tightest_span_covers_every_id() {
        let positions: HashMap<u32, Vec<usize>> = [(1, vec![0, 9]), (2, vec![7]), (3, vec![8, 20])]
            .into_iter()
            .collect();
        assert_eq!(tightest(&[1, 2, 3], &positions), Some((7, 9)));
        assert_eq!(tightest(&[1, 4], &positions), None);
    }

    #[test]
    fn nearest_is_the_closest_position_and_the_earlier_on_a_tie() {
        let list = [2, 6, 10, 11];
        for p in 0..14 {
            let brute = list.iter().copied().min_by_key(|q: &usize| q.abs_diff(p));
            assert_eq!(nearest(&list, p), brute, "at {p}");
        }
        assert_eq!(nearest(&list, 4), Some(2));
        assert_eq!(nearest(&[], 4), None);
    }
}
