//! Finding skill and occupation mentions in free text (a CV paragraph, a vacancy).
//!
//! Every preferred label and synonym of a skill or occupation, in every language, is analyzed
//! into its word stems and stored in a trie. The text is analyzed the same way (once per
//! language); from every word a walk down the trie yields each label that starts there. Spans do
//! not cross sentence punctuation. Overlaps are resolved greedily: longer spans first, then higher
//! score, then earlier start, then concept id. The cost is linear in the text: a 300-word
//! paragraph takes well under a millisecond once the trie is built.

use std::collections::HashMap;

use vaardig_core::{ConceptKind, NodeIndex, Ontology};

use crate::analysis::{Analyzers, Lang, Word};
use crate::options::Mention;
use crate::schema::{LabelType, MAX_ALT, norm_hash};

/// Labels longer than this many words are not looked for in text.
const MAX_LABEL_WORDS: usize = 10;
/// Characters between two words that end a possible mention.
const BREAKS: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '<', '>', '|', '\n', '\r', '"', '•',
];

/// One label that ends at a trie node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    concept: u32,
    lang: u8,
    label_type: LabelType,
    alt: u16,
    /// [`norm_hash`] of the label's folded (unstemmed) words.
    surface: u64,
}

/// A trie over word ids, one per analysis language.
#[derive(Debug, Default)]
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

/// The mention finder for one ontology.
#[derive(Debug)]
pub(crate) struct Extractor {
    /// Stem (or word) → id, shared by all languages.
    vocab: HashMap<String, u32>,
    /// One trie per analysis language that has labels.
    tries: Vec<(Lang, Trie)>,
}

/// A possible mention: words `[first, last]` match `entry`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: usize,
    last: usize,
    entry: Entry,
    score: f32,
}

impl Extractor {
    /// Indexes the skill and occupation labels of `ontology` (`languages` are the searcher's
    /// language slots).
    pub(crate) fn new(
        ontology: &Ontology,
        languages: &[String],
        analyzers: &mut Analyzers,
    ) -> Self {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut tries: Vec<(Lang, Trie)> = Vec::new();
        for kind in [ConceptKind::Skill, ConceptKind::Occupation] {
            for (ix, concept) in ontology.concepts(kind) {
                let Ok(concept_ix) = u32::try_from(ix.index()) else {
                    continue;
                };
                for (slot, lang) in languages.iter().enumerate() {
                    let Ok(slot) = u8::try_from(slot) else {
                        continue;
                    };
                    let analysis = Lang::of(lang);
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
                        let words = analyzers.words(label);
                        if words.is_empty()
                            || words.len() > MAX_LABEL_WORDS
                            || (words.len() == 1 && too_vague(analyzers, &words[0].text))
                        {
                            continue;
                        }
                        let terms = analyzers.terms(analysis, label);
                        if terms.len() != words.len() {
                            continue;
                        }
                        let path: Vec<u32> = terms
                            .into_iter()
                            .map(|(_, t)| {
                                let next = vocab.len() as u32;
                                *vocab.entry(t).or_insert(next)
                            })
                            .collect();
                        let entry = Entry {
                            concept: concept_ix,
                            lang: slot,
                            label_type,
                            alt,
                            surface: norm_hash(words.iter().map(|w| w.text.as_str())),
                        };
                        let trie = match tries.iter_mut().position(|(l, _)| *l == analysis) {
                            Some(i) => &mut tries[i].1,
                            None => {
                                tries.push((analysis, Trie::new()));
                                let last = tries.len() - 1;
                                &mut tries[last].1
                            }
                        };
                        trie.insert(&path, entry);
                    }
                }
            }
        }
        tries.sort_by_key(|(l, _)| *l);
        Extractor { vocab, tries }
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
        for (lang, trie) in &self.tries {
            let ids = self.word_ids(analyzers, *lang, text, &words);
            self.walk(trie, &ids, &words, &breaks, &mut candidates);
        }
        resolve(candidates, words.len())
            .into_iter()
            .filter_map(|c| mention(ontology, languages, &words, c))
            .collect()
    }

    /// The vocabulary id of each word's term in `lang` (`None`: no label has it).
    fn word_ids(
        &self,
        analyzers: &mut Analyzers,
        lang: Lang,
        text: &str,
        words: &[Word],
    ) -> Vec<Option<u32>> {
        let terms = analyzers.terms(lang, text);
        let mut ids = vec![None; words.len()];
        // Both analyses use the same tokenizer, so term i belongs to word i; positions confirm.
        for (i, (position, term)) in terms.into_iter().enumerate() {
            if let Some(w) = words.get(i)
                && w.position == position
                && let Some(slot) = ids.get_mut(i)
            {
                *slot = self.vocab.get(&term).copied();
            }
        }
        ids
    }

    fn walk(
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
                    out.push(Candidate {
                        first,
                        last,
                        entry: *entry,
                        score: score(last - first + 1, entry, surface),
                    });
                }
            }
        }
    }
}

/// Single-word labels too vague to look for in text: stop words and words under 3 letters.
fn too_vague(analyzers: &mut Analyzers, word: &str) -> bool {
    word.chars().count() < 3 || analyzers.is_stop_word(word)
}

/// A mention's confidence: by length in words, label type, and whether the words are the
/// label's own (not only its stems).
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

/// Keeps non-overlapping candidates: longer first, then higher score, earlier, lower concept id.
fn resolve(mut candidates: Vec<Candidate>, n_words: usize) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        (b.last - b.first)
            .cmp(&(a.last - a.first))
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
        let Some(span) = taken.get_mut(c.first..=c.last) else {
            continue;
        };
        if span.iter().any(|t| *t) {
            continue;
        }
        span.iter_mut().for_each(|t| *t = true);
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
    let concept = ontology.try_concept(NodeIndex::new(c.entry.concept as usize))?;
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
        kind: concept.kind(),
        label: label.to_owned(),
        start: words.get(c.first)?.start,
        end: words.get(c.last)?.end,
        score: c.score,
    })
}
