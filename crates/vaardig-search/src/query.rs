//! Turning user text into a tantivy query — never through a query parser, so quotes, brackets,
//! `AND`, `*`, `~` and `:` are plain text.
//!
//! Each query word `w` gets a weight `W = COVERAGE + idf(w)` (stop words: `0.3 · idf`), where
//! the idf comes from the word's stem among label documents. The word matches a document by the
//! best of these alternatives, each a constant score of `tier · W`:
//!
//! | alternative | tier | when |
//! |---|---|---|
//! | stemmed exact match (`nurses` = `nurse`) | 1.0 | always |
//! | Dutch long vowel written single (`zonnepaneel` = `zonnepanelen`) | 0.95 | Dutch |
//! | word prefix, autocomplete (last word, `prefix` on) | 0.95 | any length |
//! | compound split (`heftruckrijden` = `heftruck` + `rijden`) | 0.75 | ≥ 6 letters, no exact match |
//! | word prefix (`verpleeg` → `verpleegkundige`) | 0.7 | ≥ 4 letters |
//! | compound tail (`verzorging` → `wondverzorging`) | 0.6 | 4–12 letters |
//! | edit distance 1 (`Excell`, `verpleegkundie`) | 0.55 | 4–30 letters |
//! | fuzzy prefix, autocomplete | 0.45 | last word, ≥ 4 letters |
//! | edit distance 2 | 0.4 | 8–30 letters, no exact match |
//!
//! Two adjacent words that together form a label word (`glazen wasser` → `glazenwasser`) score as
//! the better of both readings: apart, or joined (matched as one word at full weight).
//!
//! A document's raw score is the sum over words; the collector divides it by the sum of all
//! weights (so it is the share of the query matched) and applies the label factors.

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher as TantivySearcher, Term};

use crate::analysis::{self, Analyzers, Lang};
use crate::options::LangFilter;
use crate::schema::{Fields, norm_hash};

/// Only the first this many bytes of a query are read.
pub(crate) const MAX_QUERY_BYTES: usize = 4096;
/// Only the first this many words of a query are used.
pub(crate) const MAX_QUERY_WORDS: usize = 32;

/// Added to every word's idf: matching one more query word counts for more than rarity.
const COVERAGE: f32 = 3.0;
/// Share of its idf a stop word weighs.
const STOP_WORD_WEIGHT: f32 = 0.3;

const EXACT: f32 = 1.0;
const LONG_VOWEL: f32 = 0.95;
const PREFIX_AUTOCOMPLETE: f32 = 0.95;
const COMPOUND: f32 = 0.75;
const PREFIX: f32 = 0.7;
const SUFFIX: f32 = 0.6;
const FUZZY_1: f32 = 0.55;
const FUZZY_PREFIX: f32 = 0.45;
const FUZZY_2: f32 = 0.4;

/// Shortest word (in characters) that gets prefix, suffix and fuzzy alternatives.
const MIN_EXPANDED_CHARS: usize = 4;
/// Shortest word that also gets edit distance 2.
const MIN_DISTANCE_2_CHARS: usize = 8;
/// Longest word that gets fuzzy alternatives (longer automata cost more than they find).
const MAX_FUZZY_CHARS: usize = 30;
/// Shortest word tried as a compound, and shortest part of one.
const MIN_COMPOUND_CHARS: usize = 6;
const MIN_PART_CHARS: usize = 3;

/// A query ready to run, with what the collector needs to score it.
pub(crate) struct Plan {
    /// The tantivy query.
    pub query: BooleanQuery,
    /// The sum of word weights: the raw score of a perfect match.
    pub total: f32,
    /// The hash of the query's folded words.
    pub norm: u64,
    /// How many (distinct) words the query has.
    pub words: usize,
}

/// What planning reads: the index, its fields, analyzers.
pub(crate) struct Planner<'a> {
    /// The tantivy searcher, for document frequencies.
    pub searcher: &'a TantivySearcher,
    /// The index fields.
    pub fields: &'a Fields,
    /// Analyzers (cloned per query).
    pub analyzers: Analyzers,
    /// The analysis languages of the index's labels.
    pub present: Vec<Lang>,
}

/// The analysis languages a language filter searches: Dutch, English, or Dutch and English
/// with every analysis language of the index (`present`), in [`Lang`] order.
fn languages(filter: LangFilter, present: &[Lang]) -> Vec<Lang> {
    match filter {
        LangFilter::Nl => vec![Lang::NL],
        LangFilter::En => vec![Lang::EN],
        LangFilter::Both => {
            let mut all = vec![Lang::NL, Lang::EN];
            all.extend(present.iter().copied());
            all.sort();
            all.dedup();
            all
        }
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
pub(crate) fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Planner<'_> {
    /// Plans a query; `None` when the text has no words.
    pub(crate) fn plan(&mut self, text: &str, filter: LangFilter, prefix: bool) -> Option<Plan> {
        let text = truncate(text, MAX_QUERY_BYTES);
        let typed = self.analyzers.words(text);
        let last_typed = typed.last().map(|w| w.text.clone());
        let mut words: Vec<String> = Vec::new();
        for w in typed {
            if !words.contains(&w.text) {
                words.push(w.text);
            }
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        if words.is_empty() {
            return None;
        }
        let n_docs = self.searcher.num_docs().max(1) as f32;
        let mut planned: Vec<(Box<dyn Query>, f32, bool)> = Vec::with_capacity(words.len());
        for word in &words {
            let autocomplete = prefix && last_typed.as_ref() == Some(word);
            let (query, weight) = self.word(word, filter, autocomplete, n_docs);
            planned.push((query, weight, self.analyzers.is_stop_word(word)));
        }
        let total = planned.iter().map(|(_, w, _)| w).sum::<f32>();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(words.len());
        let mut planned = planned.into_iter().enumerate().peekable();
        while let Some((i, (query, weight, stop))) = planned.next() {
            let pair = match (planned.peek(), words.get(i + 1)) {
                (Some((_, (_, next_weight, next_stop))), Some(next)) if !stop && !next_stop => {
                    let autocomplete = prefix && last_typed.as_ref() == Some(next);
                    self.joined(&words[i], next, filter, autocomplete, weight + next_weight)
                }
                _ => None,
            };
            match pair {
                // Two words that are also one label word (`glazen wasser` = `glazenwasser`):
                // the pair scores as the better of the two readings.
                Some(joined) => {
                    let Some((_, (next_query, _, _))) = planned.next() else {
                        clauses.push((Occur::Should, query));
                        continue;
                    };
                    let apart = BooleanQuery::new(vec![
                        (Occur::Should, query),
                        (Occur::Should, next_query),
                    ]);
                    clauses.push((
                        Occur::Should,
                        Box::new(DisjunctionMaxQuery::new(vec![Box::new(apart), joined])),
                    ));
                }
                None => clauses.push((Occur::Should, query)),
            }
        }
        Some(Plan {
            query: BooleanQuery::new(clauses),
            // A query of stop words only can match, but never well.
            total: total.max(COVERAGE),
            norm: norm_hash(words.iter().map(String::as_str)),
            words: words.len(),
        })
    }

    fn doc_freq(&self, term: &Term) -> u64 {
        self.searcher.doc_freq(term).unwrap_or(0)
    }

    /// The disjunction of a word's alternatives, and the word's weight.
    fn word(
        &mut self,
        word: &str,
        filter: LangFilter,
        autocomplete: bool,
        n_docs: f32,
    ) -> (Box<dyn Query>, f32) {
        let f = *self.fields;
        let chars = word.chars().count();
        let stop = self.analyzers.is_stop_word(word);
        let expand = !stop && chars >= MIN_EXPANDED_CHARS;

        let exact_terms: Vec<Term> = languages(filter, &self.present)
            .iter()
            .map(|&lang| Term::from_field_text(f.text(lang), &self.analyzers.stem(lang, word)))
            .collect();
        let exact_df = exact_terms
            .iter()
            .map(|t| self.doc_freq(t))
            .max()
            .unwrap_or(0);
        let gram =
            (chars <= analysis::MAX_GRAM_CHARS).then(|| Term::from_field_text(f.prefix, word));
        let df = match (exact_df, &gram) {
            (0, Some(gram)) => self.doc_freq(gram).max(1),
            (0, None) => 1,
            (df, _) => df,
        } as f32;
        let idf = (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln().max(0.1);
        let weight = if stop {
            STOP_WORD_WEIGHT * idf
        } else {
            COVERAGE + idf
        };

        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        let mut add = |query: Box<dyn Query>, tier: f32| {
            alternatives.push(Box::new(ConstScoreQuery::new(query, tier * weight)));
        };
        for term in exact_terms {
            // Dutch writes a long vowel double in a closed syllable only: `paneel` / `panelen`,
            // `factuur` / `facturen`. The stemmer keeps the difference; this undoes it.
            if term.field() == f.text(Lang::NL)
                && let Some(single) = term.value().as_str().and_then(analysis::single_long_vowel)
            {
                add(
                    term_query(Term::from_field_text(f.text(Lang::NL), &single)),
                    LONG_VOWEL,
                );
            }
            add(term_query(term), EXACT);
        }
        if autocomplete {
            add(prefix_query(f, word, gram), PREFIX_AUTOCOMPLETE);
        } else if expand {
            add(prefix_query(f, word, gram), PREFIX);
        }
        if expand && chars <= analysis::MAX_SUFFIX_CHARS {
            add(term_query(Term::from_field_text(f.suffix, word)), SUFFIX);
        }
        if expand && chars <= MAX_FUZZY_CHARS {
            let term = Term::from_field_text(f.words, word);
            add(
                Box::new(FuzzyTermQuery::new(term.clone(), 1, true)),
                FUZZY_1,
            );
            // Distance 2 only for words no label has: it is the costliest automaton.
            if chars >= MIN_DISTANCE_2_CHARS && exact_df == 0 {
                add(
                    Box::new(FuzzyTermQuery::new(term.clone(), 2, true)),
                    FUZZY_2,
                );
            }
            if autocomplete {
                add(
                    Box::new(FuzzyTermQuery::new_prefix(term, 1, true)),
                    FUZZY_PREFIX,
                );
            }
        }
        if !stop
            && exact_df == 0
            && chars >= MIN_COMPOUND_CHARS
            && let Some((head, tail)) = self.split_compound(word)
        {
            let part = |text: &str| -> Box<dyn Query> {
                Box::new(ConstScoreQuery::new(
                    term_query(Term::from_field_text(f.words, text)),
                    COMPOUND * weight / 2.0,
                ))
            };
            alternatives.push(Box::new(BooleanQuery::new(vec![
                (Occur::Must, part(&head)),
                (Occur::Must, part(&tail)),
            ])));
        }
        (Box::new(DisjunctionMaxQuery::new(alternatives)), weight)
    }

    /// The query for two adjacent words written as one (`heftruck chauffeur` →
    /// `heftruckchauffeur`), when some label has that word; scored as both words matched.
    fn joined(
        &mut self,
        first: &str,
        second: &str,
        filter: LangFilter,
        autocomplete: bool,
        weight: f32,
    ) -> Option<Box<dyn Query>> {
        let f = *self.fields;
        let joined = format!("{first}{second}");
        let mut terms: Vec<(Term, f32)> = languages(filter, &self.present)
            .iter()
            .map(|&lang| {
                let stem = self.analyzers.stem(lang, &joined);
                (Term::from_field_text(f.text(lang), &stem), EXACT)
            })
            .collect();
        terms.push((Term::from_field_text(f.words, &joined), EXACT));
        let mut found: Vec<Box<dyn Query>> = terms
            .into_iter()
            .filter(|(t, _)| self.doc_freq(t) > 0)
            .map(|(t, tier)| -> Box<dyn Query> {
                Box::new(ConstScoreQuery::new(term_query(t), tier * weight))
            })
            .collect();
        // Autocomplete: the joined words may be the start of one label word (`wond verz`).
        if autocomplete {
            found.push(Box::new(ConstScoreQuery::new(
                prefix_query(f, &joined, None),
                PREFIX_AUTOCOMPLETE * weight,
            )));
        }
        if found.is_empty() {
            return None;
        }
        Some(Box::new(DisjunctionMaxQuery::new(found)))
    }

    /// Splits a compound into two label words (`heftruckrijden` → `heftruck` + `rijden`), also
    /// across a linking `s` (`arbeidsveiligheid` → `arbeid` + `veiligheid`); prefers the split
    /// whose shorter part is longest, then the longer head.
    fn split_compound(&self, word: &str) -> Option<(String, String)> {
        let f = self.fields;
        let known = |w: &str| self.doc_freq(&Term::from_field_text(f.words, w)) > 0;
        let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let n = bounds.len();
        let mut best: Option<(usize, usize, String, String)> = None;
        for k in MIN_PART_CHARS..=n.saturating_sub(MIN_PART_CHARS) {
            let Some(&at) = bounds.get(k) else { continue };
            let (head, tail) = word.split_at(at);
            let mut tails = vec![(tail, n - k)];
            if let Some(rest) = tail.strip_prefix('s') {
                tails.push((rest, n - k - 1));
            }
            for (t, t_chars) in tails {
                if t_chars < MIN_PART_CHARS {
                    continue;
                }
                let key = (k.min(t_chars), k);
                if best.as_ref().is_some_and(|b| (b.0, b.1) >= key) {
                    continue;
                }
                if known(head) && known(t) {
                    best = Some((key.0, key.1, head.to_owned(), t.to_owned()));
                }
            }
        }
        best.map(|(_, _, h, t)| (h, t))
    }
}

/// Words starting with `word`: one edge n-gram posting list when `word` is short enough to be
/// indexed as one (`gram`), else a prefix automaton over the label words.
fn prefix_query(f: Fields, word: &str, gram: Option<Term>) -> Box<dyn Query> {
    match gram {
        Some(gram) => term_query(gram),
        None => Box::new(FuzzyTermQuery::new_prefix(
            Term::from_field_text(f.words, word),
            0,
            false,
        )),
    }
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_char_boundaries() {
        let s = "ééé";
        assert_eq!(truncate(s, 3), "é");
        assert_eq!(truncate(s, 100), s);
        assert_eq!(truncate(s, 0), "");
    }
}
