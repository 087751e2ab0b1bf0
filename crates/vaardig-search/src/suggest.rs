//! Autocomplete: the normalised label texts sorted end to end in one string, so that a typed
//! prefix finds its labels with two binary searches and a short scan instead of a full query.
//!
//! Every label (preferred and synonym, per language) is entered under four kinds of key, each a
//! [`Tier`]: the whole label; the label from each later word on (`wound care` is also found by
//! `care`); and, for Dutch words of eight letters or more, each compound part from its third
//! letter on (`wondverzorging` is found by `verzorg`). Keys are folded like the search index
//! (lower case, accents removed, words joined by one space).
//!
//! A typed prefix selects a contiguous run of keys. Every entry has a rank fixed at build time —
//! tier, then a kind prior, then popularity (how many occupations require the skill, in
//! powers of two), then label length, then concept id — so the answer is the best distinct
//! concepts of that run by rank, after the entries whose key is exactly the query. Runs too long
//! to scan per query (short prefixes) have their best concepts precomputed.

use std::cell::RefCell;
use std::collections::HashMap;

use vaardig_core::{ConceptKind, NodeIndex, Ontology, RelationKind};

use crate::analysis::Analyzers;
use crate::options::{Hit, SearchOptions};

thread_local! {
    /// One set of analyzers per thread, so a keystroke does not clone them.
    static ANALYZERS: RefCell<Analyzers> = RefCell::new(Analyzers::default());
}

/// How a key was made from a label, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// The whole preferred label.
    Label,
    /// The whole synonym.
    Synonym,
    /// A preferred label or synonym from one of its later words on.
    Word,
    /// A Dutch compound word from one of its parts on.
    Part,
}

impl Tier {
    /// The score a hit of this tier carries; an exact whole-key match scores 1.
    pub(crate) fn score(self) -> f32 {
        match self {
            Tier::Label => 0.95,
            Tier::Synonym => 0.9,
            Tier::Word => 0.8,
            Tier::Part => 0.7,
        }
    }
}

/// Compound parts are indexed for Dutch words of at least this many letters …
const PART_MIN_WORD: usize = 8;
/// … from this letter on (0-based), …
const PART_MIN_HEAD: usize = 3;
/// … leaving at least this many letters.
const PART_MIN_TAIL: usize = 4;
/// Runs of more entries than this get their best concepts precomputed.
const LONG_RUN: u32 = 32;
/// How many distinct concepts are precomputed for a long run.
const PRECOMPUTED: usize = 32;
/// Only this much of the typed text is used.
const MAX_QUERY_BYTES: usize = 256;

/// One label under one key.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The entry's place in the global order (lower is better); unique.
    rank: u32,
    concept: u32,
    lang: u8,
    /// The concept's kind, by [`ConceptKind::index`].
    kind: u8,
    tier: Tier,
    /// The synonym's index, or `u16::MAX` for the preferred label.
    alt: u16,
}

/// The autocomplete index of one ontology. Built once, read by many threads.
pub(crate) struct Suggester {
    /// Every key, sorted and unique, end to end; key `k` is `text[ends[k - 1]..ends[k]]`.
    text: String,
    ends: Vec<u32>,
    /// The first 16 bytes of each key, big-endian and zero-padded: binary searches compare
    /// these, which sit together in memory, and touch `text` only past 16 bytes.
    heads: Vec<u128>,
    /// `entries[offsets[k]..offsets[k + 1]]` are the entries under key ordinal `k`, by rank.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
    /// The runs of long prefixes, with their best entries, keyed by the prefix.
    precomputed: HashMap<Box<str>, Precomputed, fnv::FnvBuildHasher>,
    /// Each concept's full URI, by node index, made once rather than for every hit.
    uris: Vec<Option<Box<str>>>,
}

impl std::fmt::Debug for Suggester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggester")
            .field("keys", &self.ends.len())
            .field("entries", &self.entries.len())
            .field("precomputed", &self.precomputed.len())
            .finish()
    }
}

/// A prefix whose run is too long to scan per query.
#[derive(Debug)]
struct Precomputed {
    /// The run: keys `lo..hi`.
    lo: u32,
    hi: u32,
    /// Whether key `lo` is the prefix itself.
    exact: bool,
    /// The best entries of the run (indices into `entries`, one per concept, by rank).
    best: Vec<u32>,
}

/// The order of kinds before popularity: the taxonomy's own concepts first.
fn kind_rank(kind: ConceptKind) -> u8 {
    match kind {
        ConceptKind::Skill | ConceptKind::Occupation => 0,
        ConceptKind::KnowledgeArea | ConceptKind::Qualification | ConceptKind::Sector => 1,
        ConceptKind::LearningOffer => 2,
        ConceptKind::OccupationTask => 3,
    }
}

/// How many occupations require the concept, as a power of two (0 for none).
fn popularity(ontology: &Ontology, ix: NodeIndex) -> u8 {
    let n = ontology.incoming(ix, RelationKind::Requires).count();
    // ok: log2 of a usize is < 64.
    u8::try_from(usize::BITS - n.leading_zeros()).unwrap_or(u8::MAX)
}

/// The key text of `words` from word `from` on, joined by single spaces.
fn join(words: &[String], from: usize) -> String {
    let mut out = String::new();
    for (k, w) in words.iter().enumerate().skip(from) {
        if k > from {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A raw entry before ranking: key, the sort key for the rank, and the entry itself.
struct Raw {
    key: String,
    order: (Tier, u8, std::cmp::Reverse<u8>, u32, u32, u8, u16),
    entry: Entry,
}

impl Suggester {
    /// Builds the index of every preferred label and synonym of `ontology` in `languages`.
    pub(crate) fn new(
        ontology: &Ontology,
        languages: &[String],
        analyzers: &mut Analyzers,
    ) -> Suggester {
        let mut raw: Vec<Raw> = Vec::new();
        for (ix, concept) in ontology.iter() {
            let Ok(node) = u32::try_from(ix.index()) else {
                continue;
            };
            let kind = kind_rank(concept.kind());
            let kind_index = u8::try_from(concept.kind().index()).unwrap_or(u8::MAX);
            let pop = std::cmp::Reverse(popularity(ontology, ix));
            for (slot, lang) in languages.iter().enumerate() {
                let Ok(lang_slot) = u8::try_from(slot) else {
                    continue;
                };
                let labels = &concept.labels;
                let pref = labels.pref(lang).map(|p| (p, u16::MAX, Tier::Label));
                let alts =
                    labels.alt(lang).iter().enumerate().filter_map(|(k, a)| {
                        Some((a.as_str(), u16::try_from(k).ok()?, Tier::Synonym))
                    });
                for (text, alt, whole) in pref.into_iter().chain(alts) {
                    let words: Vec<String> =
                        analyzers.words(text).into_iter().map(|w| w.text).collect();
                    if words.is_empty() {
                        continue;
                    }
                    let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                    let mut push = |key: String, tier: Tier| {
                        raw.push(Raw {
                            key,
                            order: (tier, kind, pop, chars, node, lang_slot, alt),
                            entry: Entry {
                                rank: 0,
                                concept: node,
                                lang: lang_slot,
                                kind: kind_index,
                                tier,
                                alt,
                            },
                        });
                    };
                    for from in 0..words.len() {
                        let tier = if from == 0 { whole } else { Tier::Word };
                        push(join(&words, from), tier);
                        if lang != "nl" || words[from].chars().count() < PART_MIN_WORD {
                            continue;
                        }
                        let rest = join(&words, from + 1);
                        let word = &words[from];
                        let n = word.chars().count();
                        for (c, (b, _)) in word.char_indices().enumerate() {
                            if c < PART_MIN_HEAD || n - c < PART_MIN_TAIL {
                                continue;
                            }
                            let mut key = word[b..].to_owned();
                            if !rest.is_empty() {
                                key.push(' ');
                                key.push_str(&rest);
                            }
                            push(key, Tier::Part);
                        }
                    }
                }
            }
        }
        // The rank is the place in the global order.
        raw.sort_unstable_by_key(|r| r.order);
        for (r, e) in raw.iter_mut().enumerate() {
            e.entry.rank = u32::try_from(r).unwrap_or(u32::MAX);
        }
        // Grouped by key, by rank within a key; one entry per concept and key (its best).
        raw.sort_unstable_by(|a, b| (&a.key, a.entry.rank).cmp(&(&b.key, b.entry.rank)));
        let mut group: Vec<u32> = Vec::new();
        let mut last_key: Option<String> = None;
        raw.retain(|r| {
            if last_key.as_ref() != Some(&r.key) {
                group.clear();
                last_key = Some(r.key.clone());
            }
            if group.contains(&r.entry.concept) {
                return false;
            }
            group.push(r.entry.concept);
            true
        });
        let mut offsets = Vec::new();
        let mut entries = Vec::with_capacity(raw.len());
        let mut keys: Vec<String> = Vec::new();
        for r in raw {
            if keys.last() != Some(&r.key) {
                offsets.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
                keys.push(r.key);
            }
            entries.push(r.entry);
        }
        offsets.push(u32::try_from(entries.len()).unwrap_or(u32::MAX));
        let runs = long_runs(&keys, &offsets);
        let mut text = String::with_capacity(keys.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(keys.len());
        for key in &keys {
            text.push_str(key);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        let heads = keys.iter().map(|k| head(k.as_bytes())).collect();
        let mut s = Suggester {
            text,
            ends,
            heads,
            offsets,
            entries,
            precomputed: HashMap::default(),
            uris: ontology
                .iter()
                .map(|(ix, _)| ontology.uri_of(ix).map(String::into_boxed_str))
                .collect(),
        };
        // Deepest runs first: a run's best concepts are the best of its pieces' best.
        let mut by_run: HashMap<(u32, u32), Vec<u32>, fnv::FnvBuildHasher> = HashMap::default();
        for run in runs.iter().rev() {
            let mut candidates: Vec<u32> = Vec::new();
            for piece in &run.pieces {
                match by_run.get(piece) {
                    Some(best) => candidates.extend(best),
                    None => {
                        let at = |k: u32| s.offsets.get(k as usize).copied().unwrap_or(0);
                        candidates.extend(at(piece.0)..at(piece.1));
                    }
                }
            }
            let best = s.best_of(candidates, PRECOMPUTED, &|_| true);
            by_run.insert((run.lo, run.hi), best);
        }
        for run in runs {
            let best = by_run.get(&(run.lo, run.hi)).cloned().unwrap_or_default();
            let exact = keys.get(run.lo as usize).map(String::as_str) == Some(&*run.prefix);
            s.precomputed.insert(
                run.prefix,
                Precomputed {
                    lo: run.lo,
                    hi: run.hi,
                    exact,
                    best,
                },
            );
        }
        s
    }

    /// The best `limit` entries (indices into `entries`, one per concept, by rank) among keys
    /// `lo..hi` that `accept`.
    fn best_in(&self, lo: u32, hi: u32, limit: usize, accept: &dyn Fn(&Entry) -> bool) -> Vec<u32> {
        let at = |k: u32| self.offsets.get(k as usize).copied().unwrap_or(0);
        self.best_of(at(lo)..at(hi), limit, accept)
    }

    /// The best `limit` of `candidates` (indices into `entries`), one per concept, by rank.
    fn best_of(
        &self,
        candidates: impl IntoIterator<Item = u32>,
        limit: usize,
        accept: &dyn Fn(&Entry) -> bool,
    ) -> Vec<u32> {
        let candidates = candidates.into_iter();
        let mut picked: Vec<(u32, u32)> = Vec::with_capacity(candidates.size_hint().0);
        picked.extend(candidates.filter_map(|i| {
            let e = self.entries.get(i as usize)?;
            accept(e).then_some((e.rank, i))
        }));
        picked.sort_unstable();
        let mut out = Vec::with_capacity(limit);
        let mut seen = Vec::with_capacity(limit);
        for (_, i) in picked {
            if out.len() == limit {
                break;
            }
            let Some(e) = self.entries.get(i as usize) else {
                continue;
            };
            if !seen.contains(&e.concept) {
                seen.push(e.concept);
                out.push(i);
            }
        }
        out
    }

    /// Whether entry `i` exists and `accept` takes it.
    fn accepts(&self, i: u32, accept: &dyn Fn(&Entry) -> bool) -> bool {
        self.entries.get(i as usize).is_some_and(accept)
    }

    /// Key `k`.
    fn key(&self, k: usize) -> &[u8] {
        let start = match k.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.text
            .as_bytes()
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The key ordinals `lo..hi` of the keys that start with `prefix`, and whether key `lo` is
    /// `prefix` itself, for a prefix that is not precomputed (so its run is short): a binary
    /// search over the sorted keys, then a walk.
    fn run(&self, prefix: &[u8]) -> (u32, u32, bool) {
        let n = self.ends.len();
        // Keys with a smaller head are smaller than the prefix, with a larger head larger; the
        // keys with the same head are searched by their text.
        let h = head(prefix);
        let a = self.heads.partition_point(|&k| k < h);
        let b = a + self
            .heads
            .get(a..)
            .map_or(0, |t| t.partition_point(|&k| k == h));
        let lo = a + partition(b - a, |k| self.key(a + k) < prefix);
        // Not precomputed, so the run is short: walk it (the keys are contiguous in memory).
        let mut hi = lo;
        while hi < n && self.key(hi).starts_with(prefix) {
            hi += 1;
        }
        let ord = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
        (ord(lo), ord(hi), lo < hi && self.key(lo) == prefix)
    }

    /// Autocomplete hits for `text`: see [`crate::Searcher::suggest`].
    pub(crate) fn suggest(
        &self,
        ontology: &Ontology,
        languages: &[String],
        text: &str,
        options: &SearchOptions,
        limit: usize,
    ) -> Vec<Hit> {
        let Some(query) = ANALYZERS.with_borrow_mut(|a| normalise(a, text)) else {
            return Vec::new();
        };
        let long = self.precomputed.get(query.as_str());
        let (lo, hi, is_exact) = match long {
            Some(p) => (p.lo, p.hi, p.exact),
            None => self.run(query.as_bytes()),
        };
        if lo >= hi {
            return Vec::new();
        }
        let mut kinds = [false; 16];
        for kind in ConceptKind::ALL {
            if let Some(k) = kinds.get_mut(kind.index()) {
                *k = options.accepts_kind(*kind);
            }
        }
        let mut langs = [false; 16];
        for (slot, lang) in languages.iter().enumerate().take(16) {
            langs[slot] = options.lang.accepts(lang);
        }
        let accept = |e: &Entry| {
            kinds.get(usize::from(e.kind)).copied().unwrap_or(false)
                && langs.get(usize::from(e.lang)).copied().unwrap_or(false)
        };
        // Entries whose key is exactly the query come first (a key's entries are by rank).
        let at = |k: u32| self.offsets.get(k as usize).copied().unwrap_or(0);
        let exact = if is_exact { at(lo)..at(lo + 1) } else { 0..0 };
        // Only a whole label or synonym typed out counts as exact, not a later word.
        let whole = |e: &Entry| accept(e) && e.tier <= Tier::Synonym;
        let exact_count = exact
            .clone()
            .filter(|&i| self.accepts(i, &whole))
            .take(limit)
            .count();
        let wanted = limit + exact_count;
        let scanned;
        let rest: &[u32] = match long.map(|p| &p.best) {
            Some(best)
                if best.len() < PRECOMPUTED
                    || best.iter().filter(|&&i| self.accepts(i, &accept)).count() >= wanted =>
            {
                best
            }
            _ => {
                scanned = self.best_in(lo, hi, wanted, &accept);
                &scanned
            }
        };
        let mut seen: Vec<u32> = Vec::with_capacity(limit);
        let mut hits = Vec::with_capacity(limit);
        let candidates = exact
            .map(|i| (i, true))
            .chain(rest.iter().map(|&i| (i, false)));
        for (i, is_exact) in candidates {
            if hits.len() == limit {
                break;
            }
            let Some(e) = self.entries.get(i as usize) else {
                continue;
            };
            if !accept(e) || (is_exact && !whole(e)) || seen.contains(&e.concept) {
                continue;
            }
            seen.push(e.concept);
            let uri = self.uris.get(e.concept as usize).cloned().flatten();
            if let Some(hit) = hit(ontology, languages, e, uri, is_exact) {
                hits.push(hit);
            }
        }
        hits
    }
}

fn hit(
    ontology: &Ontology,
    languages: &[String],
    e: &Entry,
    uri: Option<Box<str>>,
    exact: bool,
) -> Option<Hit> {
    let ix = NodeIndex::new(e.concept as usize);
    let concept = ontology.try_concept(ix)?;
    let lang = languages.get(usize::from(e.lang))?;
    let label = if e.alt == u16::MAX {
        concept.labels.pref(lang)?
    } else {
        concept.labels.alt(lang).get(usize::from(e.alt))?.as_str()
    };
    Some(Hit {
        id: concept.id.clone(),
        uri: uri.map(String::from),
        kind: concept.kind(),
        label: label.to_owned(),
        lang: lang.clone(),
        score: if exact { 1.0 } else { e.tier.score() },
    })
}

/// The typed text as a key prefix: folded words joined by one space, with a trailing space when
/// the text ends after a finished word. `None` when it has no words.
fn normalise(analyzers: &mut Analyzers, text: &str) -> Option<String> {
    let text = crate::query::truncate(text, MAX_QUERY_BYTES);
    // Labels are NFC; a decomposed accent must fold the same way.
    let text = crate::analysis::nfc(text);
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len() + 1);
    let end = analyzers.fold_into(text, &mut out)?;
    if end < text.len() {
        out.push(' ');
    }
    Some(out)
}

/// The first 16 bytes of `key`, big-endian, zero-padded (keys hold no zero bytes, so heads
/// order like keys).
fn head(key: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    let n = key.len().min(16);
    bytes[..n].copy_from_slice(&key[..n]);
    u128::from_be_bytes(bytes)
}

/// The number of leading `k` in `0..n` for which `pred` holds (`pred` true, then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// A character prefix that holds more than [`LONG_RUN`] entries: its keys `lo..hi`, split into
/// the pieces one character longer (and the key equal to the prefix itself, if any).
struct LongRun {
    prefix: Box<str>,
    lo: u32,
    hi: u32,
    pieces: Vec<(u32, u32)>,
}

/// Every long run, shallowest first: each long run at one depth is split into the runs of the
/// next depth.
fn long_runs(keys: &[String], offsets: &[u32]) -> Vec<LongRun> {
    let len = |lo: usize, hi: usize| {
        let at = |k: usize| offsets.get(k).copied().unwrap_or(0);
        at(hi).saturating_sub(at(lo))
    };
    let ord = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
    let mut out: Vec<LongRun> = Vec::new();
    let mut level: Vec<(Option<usize>, usize, usize)> = vec![(None, 0, keys.len())];
    let mut depth = 0usize;
    while !level.is_empty() {
        depth += 1;
        let mut next = Vec::new();
        for (parent, lo, hi) in level {
            let mut pieces = Vec::new();
            let mut k = lo;
            while k < hi {
                let Some(p) = prefix_chars(&keys[k], depth) else {
                    // Shorter than `depth`: the parent's prefix itself.
                    pieces.push((ord(k), ord(k + 1)));
                    k += 1;
                    continue;
                };
                let mut end = k + 1;
                while end < hi && keys[end].starts_with(p) {
                    end += 1;
                }
                pieces.push((ord(k), ord(end)));
                if len(k, end) > LONG_RUN {
                    out.push(LongRun {
                        prefix: p.into(),
                        lo: ord(k),
                        hi: ord(end),
                        pieces: Vec::new(),
                    });
                    next.push((Some(out.len() - 1), k, end));
                }
                k = end;
            }
            if let Some(run) = parent.and_then(|i| out.get_mut(i)) {
                run.pieces = pieces;
            }
        }
        level = next;
    }
    out
}

/// The first `depth` characters of `key`, when it has that many.
fn prefix_chars(key: &str, depth: usize) -> Option<&str> {
    match key.char_indices().nth(depth) {
        Some((end, _)) => Some(&key[..end]),
        None => (key.chars().count() == depth).then_some(key),
    }
}
