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
//! to scan per query (short prefixes) have their best concepts precomputed, copied next to each
//! other and found by one hash lookup; shorter runs are found in [`keys`] and scanned.
//!
//! A keystroke allocates only its hits: the analyzers and buffers are per thread, and what a
//! hit shows is read from [`cards`] rather than from the ontology.

mod cards;
mod keys;

use std::cell::RefCell;
use std::collections::HashMap;

use vaardig_core::{ConceptKind, NodeIndex, Ontology, RelationKind};

use crate::analysis::Analyzers;
use crate::options::{Hit, SearchOptions};
use cards::Cards;
use keys::{Keys, head};

thread_local! {
    /// One set of analyzers and buffers per thread, so a keystroke neither clones the analyzers
    /// nor allocates more than its hits.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A thread's reusable state for [`Suggester::suggest`].
#[derive(Default)]
struct Scratch {
    analyzers: Analyzers,
    /// The normalised query.
    query: String,
    /// The candidates of a scanned run, by rank.
    picked: Vec<Entry>,
    /// The best of a scanned run.
    best: Vec<Entry>,
    /// The concepts already hit.
    seen: Vec<u32>,
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
/// How many distinct concepts are precomputed for a long run …
const PRECOMPUTED: usize = 32;
/// … and, when there is more than one language, in each language.
const PER_LANGUAGE: usize = 16;
/// Only this much of the typed text is used.
const MAX_QUERY_BYTES: usize = 256;

/// One label under one key.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The entry's place in the global order (lower is better); unique.
    rank: u32,
    concept: u32,
    /// The label's record in [`Suggester::cards`].
    card: u32,
    lang: u8,
    /// The concept's kind, by [`ConceptKind::index`].
    kind: u8,
    tier: Tier,
}

/// The autocomplete index of one ontology. Built once, read by many threads.
pub(crate) struct Suggester {
    /// Every key, sorted and unique.
    keys: Keys,
    /// `entries[offsets[k]..offsets[k + 1]]` are the entries under key ordinal `k`, by rank.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
    /// The runs of long prefixes of at most 16 bytes, keyed by the prefix's head (which, with
    /// no zero bytes in keys, is the prefix itself) …
    short: HashMap<u128, Precomputed, fnv::FnvBuildHasher>,
    /// … and of longer prefixes.
    long: HashMap<Box<[u8]>, Precomputed, fnv::FnvBuildHasher>,
    /// The entries the precomputed runs list, each run's together.
    picks: Vec<Entry>,
    /// With more than one language, each precomputed run's best in each language, as
    /// `picks[at..at + len]`: `lists[run.lists + slot]` is `(at, len)`.
    lists: Vec<(u32, u32)>,
    /// What each hit shows: ids, URIs and labels.
    cards: Cards,
}

impl std::fmt::Debug for Suggester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggester")
            .field("keys", &self.keys.len())
            .field("entries", &self.entries.len())
            .field("precomputed", &(self.short.len() + self.long.len()))
            .field("card_bytes", &self.cards.len())
            .finish()
    }
}

/// A prefix whose run is too long to scan per query.
#[derive(Debug, Clone, Copy)]
struct Precomputed {
    /// The run: keys `lo..hi`.
    lo: u32,
    hi: u32,
    /// Whether key `lo` is the prefix itself.
    exact: bool,
    /// `picks[at..at + whole]`: key `lo`'s whole-label entries when it is the prefix, by
    /// rank; then `picks[at + whole..at + whole + best]`: the run's best entries, one per
    /// concept, by rank.
    at: u32,
    whole: u32,
    best: u32,
    /// Where this run's lists per language start in [`Suggester::lists`].
    lists: u32,
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

/// The best `limit` of `candidates` that `accept`, one per concept, by rank, into `out`
/// (`picked` is scratch space).
fn best_of(
    candidates: impl IntoIterator<Item = Entry>,
    limit: usize,
    accept: &dyn Fn(&Entry) -> bool,
    picked: &mut Vec<Entry>,
    out: &mut Vec<Entry>,
) {
    picked.clear();
    picked.extend(candidates.into_iter().filter(|e| accept(e)));
    // One key's entries are in rank order already.
    if !picked.is_sorted_by_key(|e| e.rank) {
        picked.sort_unstable_by_key(|e| e.rank);
    }
    out.clear();
    for e in picked.iter() {
        if out.len() == limit {
            break;
        }
        if !out.iter().any(|o| o.concept == e.concept) {
            out.push(*e);
        }
    }
}

impl Suggester {
    /// Builds the index of every preferred label and synonym of `ontology` in `languages`.
    pub(crate) fn new(
        ontology: &Ontology,
        languages: &[String],
        analyzers: &mut Analyzers,
    ) -> Suggester {
        let mut raw: Vec<Raw> = Vec::new();
        let mut cards = Cards::default();
        for (ix, concept) in ontology.iter() {
            let Ok(node) = u32::try_from(ix.index()) else {
                continue;
            };
            let uri = ontology.uri_of(ix);
            let Some(id_card) = cards.push_concept(&concept.id, uri.as_deref()) else {
                continue;
            };
            let labels = &concept.labels;
            // Preferred labels next to the id: they are hit most.
            let pref_cards: Vec<Option<u32>> = languages
                .iter()
                .map(|lang| labels.pref(lang).and_then(|p| cards.push_label(id_card, p)))
                .collect();
            let kind = kind_rank(concept.kind());
            let kind_index = u8::try_from(concept.kind().index()).unwrap_or(u8::MAX);
            let pop = std::cmp::Reverse(popularity(ontology, ix));
            for (slot, lang) in languages.iter().enumerate() {
                let Ok(lang_slot) = u8::try_from(slot) else {
                    continue;
                };
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
                    let card = if alt == u16::MAX {
                        pref_cards.get(slot).copied().flatten()
                    } else {
                        cards.push_label(id_card, text)
                    };
                    let Some(card) = card else {
                        continue;
                    };
                    let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                    let mut push = |key: String, tier: Tier| {
                        raw.push(Raw {
                            key,
                            order: (tier, kind, pop, chars, node, lang_slot, alt),
                            entry: Entry {
                                rank: 0,
                                concept: node,
                                card,
                                lang: lang_slot,
                                kind: kind_index,
                                tier,
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
        cards.finish();
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
        let at = |k: u32| offsets.get(k as usize).copied().unwrap_or(0) as usize;
        let span = |lo: u32, hi: u32| entries.get(at(lo)..at(hi)).unwrap_or_default();
        // List 0 is every language; with more than one, list `1 + slot` is language `slot`
        // alone (a concept's best entry in one language is not its best overall).
        let lists: Vec<(Option<u8>, usize)> = std::iter::once((None, PRECOMPUTED))
            .chain(
                (0..languages.len())
                    .filter(|_| languages.len() > 1)
                    .filter_map(|slot| Some((Some(u8::try_from(slot).ok()?), PER_LANGUAGE))),
            )
            .collect();
        // Deepest runs first: a run's best concepts are the best of its pieces' best.
        let mut by_run: HashMap<(u32, u32, usize), Vec<Entry>, fnv::FnvBuildHasher> =
            HashMap::default();
        let (mut candidates, mut picked) = (Vec::new(), Vec::new());
        for run in runs.iter().rev() {
            for (list, &(lang, size)) in lists.iter().enumerate() {
                let in_list = |e: &Entry| lang.is_none_or(|l| e.lang == l);
                candidates.clear();
                for piece in &run.pieces {
                    match by_run.get(&(piece.0, piece.1, list)) {
                        Some(best) => candidates.extend(best),
                        None => candidates.extend(span(piece.0, piece.1)),
                    }
                }
                let mut best = Vec::new();
                best_of(candidates.drain(..), size, &in_list, &mut picked, &mut best);
                by_run.insert((run.lo, run.hi, list), best);
            }
        }
        let mut short = HashMap::default();
        let mut long = HashMap::default();
        let mut picks = Vec::new();
        let mut per_language = Vec::new();
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for run in runs {
            let list = |k: usize| {
                by_run
                    .get(&(run.lo, run.hi, k))
                    .map_or(&[][..], Vec::as_slice)
            };
            let best = list(0);
            let exact = keys.get(run.lo as usize).map(String::as_str) == Some(&*run.prefix);
            let start = picks.len();
            if exact {
                picks.extend(
                    span(run.lo, run.lo + 1)
                        .iter()
                        .filter(|e| e.tier <= Tier::Synonym),
                );
            }
            let whole = picks.len() - start;
            picks.extend(best);
            let node = Precomputed {
                lo: run.lo,
                hi: run.hi,
                exact,
                at: count(start),
                whole: count(whole),
                best: count(best.len()),
                lists: count(per_language.len()),
            };
            for k in 1..lists.len() {
                per_language.push((count(picks.len()), count(list(k).len())));
                picks.extend(list(k));
            }
            let prefix = run.prefix.as_bytes();
            if prefix.len() <= 16 {
                short.insert(head(prefix), node);
            } else {
                long.insert(Box::from(prefix), node);
            }
        }
        picks.shrink_to_fit();
        per_language.shrink_to_fit();
        Suggester {
            keys: Keys::new(&keys),
            offsets,
            entries,
            short,
            long,
            picks,
            lists: per_language,
            cards,
        }
    }

    /// The precomputed run of `prefix`, if it is long.
    fn precomputed(&self, prefix: &[u8]) -> Option<&Precomputed> {
        if prefix.len() <= 16 {
            self.short.get(&head(prefix))
        } else {
            self.long.get(prefix)
        }
    }

    /// The entries under keys `lo..hi`.
    fn span(&self, lo: u32, hi: u32) -> &[Entry] {
        let at = |k: u32| self.offsets.get(k as usize).copied().unwrap_or(0) as usize;
        self.entries.get(at(lo)..at(hi)).unwrap_or_default()
    }

    /// `picks[at..at + n]`.
    fn picks(&self, at: u32, n: u32) -> &[Entry] {
        let at = at as usize;
        self.picks.get(at..at + n as usize).unwrap_or_default()
    }

    /// Autocomplete hits for `text`: see [`crate::Searcher::suggest`].
    pub(crate) fn suggest(
        &self,
        languages: &[String],
        text: &str,
        options: &SearchOptions,
        limit: usize,
    ) -> Vec<Hit> {
        SCRATCH
            .with_borrow_mut(|scratch| self.suggest_with(scratch, languages, text, options, limit))
    }

    fn suggest_with(
        &self,
        scratch: &mut Scratch,
        languages: &[String],
        text: &str,
        options: &SearchOptions,
        limit: usize,
    ) -> Vec<Hit> {
        let Scratch {
            analyzers,
            query,
            picked,
            best,
            seen,
        } = scratch;
        if !normalise(analyzers, text, query) {
            return Vec::new();
        }
        let long = self.precomputed(query.as_bytes());
        let (lo, hi, is_exact) = match long {
            Some(p) => (p.lo, p.hi, p.exact),
            None => {
                let (lo, hi, exact) = self.keys.run(query.as_bytes());
                let ord = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
                (ord(lo), ord(hi), exact)
            }
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
        // Entries whose key is exactly the query come first (a key's entries are by rank);
        // only a whole label or synonym typed out counts as exact, not a later word.
        let exact: &[Entry] = match long {
            Some(p) => self.picks(p.at, p.whole),
            None if is_exact => self.span(lo, lo + 1),
            None => &[],
        };
        let whole = |e: &Entry| accept(e) && e.tier <= Tier::Synonym;
        let exact_count = exact.iter().filter(|e| whole(e)).take(limit).count();
        let wanted = limit + exact_count;
        // The precomputed list for the accepted languages: every language's, or one's.
        let accepted = langs.iter().filter(|&&a| a).count();
        let list = long.and_then(|p| match accepted {
            0 => Some((self.picks(p.at + p.whole, p.best), PRECOMPUTED)),
            n if n == languages.len() => Some((self.picks(p.at + p.whole, p.best), PRECOMPUTED)),
            1 if languages.len() > 1 => {
                let slot = langs.iter().position(|&a| a)?;
                let &(at, len) = self.lists.get(p.lists as usize + slot)?;
                Some((self.picks(at, len), PER_LANGUAGE))
            }
            _ => None,
        });
        let rest: &[Entry] = match list {
            Some((top, size))
                if top.len() < size
                    || top.iter().filter(|e| accept(e)).take(wanted).count() >= wanted =>
            {
                top
            }
            _ => {
                best_of(
                    self.span(lo, hi).iter().copied(),
                    wanted,
                    &accept,
                    picked,
                    best,
                );
                best
            }
        };
        seen.clear();
        let mut hits = Vec::with_capacity(limit.min(exact.len() + rest.len()));
        let candidates = exact
            .iter()
            .map(|e| (e, true))
            .chain(rest.iter().map(|e| (e, false)));
        for (e, is_exact) in candidates {
            if hits.len() == limit {
                break;
            }
            if !accept(e) || (is_exact && !whole(e)) || seen.contains(&e.concept) {
                continue;
            }
            seen.push(e.concept);
            if let Some(hit) = self.hit(languages, e, is_exact) {
                hits.push(hit);
            }
        }
        hits
    }

    /// The hit of entry `e`.
    fn hit(&self, languages: &[String], e: &Entry, exact: bool) -> Option<Hit> {
        let card = self.cards.card(e.card)?;
        let kind = ConceptKind::ALL
            .iter()
            .copied()
            .find(|k| k.index() == usize::from(e.kind))?;
        Some(Hit {
            id: card.id.to_owned(),
            uri: card.uri(),
            kind,
            label: card.label.to_owned(),
            lang: languages.get(usize::from(e.lang))?.clone(),
            score: if exact { 1.0 } else { e.tier.score() },
        })
    }
}

/// The typed text as a key prefix, into `out`: folded words joined by one space, with a
/// trailing space when the text ends after a finished word. `false` when it has no words.
fn normalise(analyzers: &mut Analyzers, text: &str, out: &mut String) -> bool {
    out.clear();
    let text = crate::query::truncate(text, MAX_QUERY_BYTES);
    // Labels are NFC; a decomposed accent must fold the same way.
    let text = crate::analysis::nfc(text);
    let text = text.as_ref();
    let Some(end) = analyzers.fold_into(text, out) else {
        return false;
    };
    if end < text.len() {
        out.push(' ');
    }
    true
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
