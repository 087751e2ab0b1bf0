//! [`Searcher`]: the index over one ontology, and the two ways to ask it things.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use tantivy::{Index, IndexReader, ReloadPolicy};
use vaardig_core::{ConceptKind, NodeIndex, Ontology};

use crate::analysis::{self, Analyzers};
use crate::collect::{BestPerConcept, Candidate, Params};
use crate::error::SearchError;
use crate::extract::Extractor;
use crate::index;
use crate::options::{Hit, MAX_LIMIT, Mention, SearchOptions};
use crate::query::Planner;
use crate::schema::{self, Fields, LabelType};
use crate::store::{self, Origin};
use crate::suggest::Suggester;

/// A full-text index over one [`Ontology`]: search by label and find mentions in text.
///
/// Cloning is one reference-count increment; a `Searcher` is `Send + Sync` and answers from
/// many threads at once.
///
/// ```
/// # let ontology = vaardig_core::generate::generate(
/// #     &vaardig_core::generate::GeneratorConfig::small())?.ontology;
/// use vaardig_search::{SearchOptions, Searcher};
/// let searcher = Searcher::new(&ontology)?;
/// let other = searcher.clone(); // cheap
/// let label = ontology.concepts(vaardig_core::ConceptKind::Skill).next()
///     .map(|(_, c)| c.label("nl").to_owned()).unwrap_or_default();
/// let hits = std::thread::spawn(move || other.search(&label, &SearchOptions::default()))
///     .join().expect("no panic");
/// assert!(!hits.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Searcher {
    inner: Arc<Inner>,
}

struct Inner {
    ontology: Ontology,
    /// Language slots: a document's language byte indexes this.
    languages: Vec<String>,
    fields: Fields,
    /// Kept so the index outlives every searcher generation.
    _reader: IndexReader,
    searcher: tantivy::Searcher,
    analyzers: Analyzers,
    extractor: OnceLock<Extractor>,
    suggester: OnceLock<Suggester>,
    origin: Origin,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("ontology", &self.inner.ontology.manifest().name)
            .field("languages", &self.inner.languages)
            .field("documents", &self.inner.searcher.num_docs())
            .finish_non_exhaustive()
    }
}

impl Searcher {
    /// Builds an index of `ontology` in RAM.
    ///
    /// # Errors
    /// [`SearchError::Index`] when tantivy fails (it should not for a valid ontology);
    /// [`SearchError::TooLarge`] past 2³² concepts.
    pub fn new(ontology: &Ontology) -> Result<Searcher, SearchError> {
        let (schema, fields) = schema::schema();
        let index = Index::create_in_ram(schema);
        analysis::register(index.tokenizers());
        let languages = index::languages(ontology);
        index::write(&index, &fields, ontology, &languages)?;
        Searcher::from_index(ontology, &index, fields, languages, Origin::Built)
    }

    /// Opens the index of `ontology` in directory `dir` (memory-mapped), or builds it there.
    ///
    /// The directory is reused when it holds an index built, by this version of the crate, for
    /// an ontology with the same [`Ontology::content_hash`]; otherwise it is rebuilt. The
    /// directory belongs to vaardig-search: it must be empty, missing, or hold such an index.
    ///
    /// # Errors
    /// [`SearchError::Io`] when the directory cannot be created, read or written;
    /// [`SearchError::ForeignDirectory`] when it holds other files;
    /// [`SearchError::Index`] when tantivy fails.
    pub fn open_or_build(ontology: &Ontology, dir: &Path) -> Result<Searcher, SearchError> {
        let languages = index::languages(ontology);
        let (index, fields, origin) = store::open_or_build(ontology, dir, |index, fields| {
            index::write(index, fields, ontology, &languages)
        })?;
        Searcher::from_index(ontology, &index, fields, languages, origin)
    }

    fn from_index(
        ontology: &Ontology,
        index: &Index,
        fields: Fields,
        languages: Vec<String>,
        origin: Origin,
    ) -> Result<Searcher, SearchError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        Ok(Searcher {
            inner: Arc::new(Inner {
                ontology: ontology.clone(),
                languages,
                fields,
                _reader: reader,
                searcher,
                analyzers: Analyzers::default(),
                extractor: OnceLock::new(),
                suggester: OnceLock::new(),
                origin,
            }),
        })
    }

    /// The ontology this index was built from.
    pub fn ontology(&self) -> &Ontology {
        &self.inner.ontology
    }

    /// Whether [`Searcher::open_or_build`] reused an existing index (`false` when it built one,
    /// and for [`Searcher::new`]).
    pub fn reused(&self) -> bool {
        self.inner.origin == Origin::Reused
    }

    /// How many label documents the index holds.
    pub fn documents(&self) -> u64 {
        self.inner.searcher.num_docs()
    }

    /// Finds the concepts a query means, best first.
    ///
    /// # Arguments
    /// - `query`: any text. It is never parsed as query syntax; only its first 4 KiB and first
    ///   32 distinct words are used.
    /// - `options`: kinds, language, limit, autocomplete ([`SearchOptions`]).
    ///
    /// # Returns
    /// At most `options.limit` hits (capped at 1,000), one per concept, each with the concept's
    /// best-matching label. Empty when nothing matches or the query has no words; never an
    /// error, never a panic.
    ///
    /// With `options.prefix` (autocomplete) this is [`Searcher::suggest`]: one answer for
    /// autocomplete, whichever method a front calls.
    ///
    /// # Ranking
    /// Each query word matches by its best alternative — stemmed exact, prefix, compound part,
    /// compound tail, edit distance 1, edit distance 2, in that order of strength — weighted by
    /// how rare the word is. A label's score is the share of the query it matches, times 0.95
    /// for a synonym or 0.5 for a definition, times `1 / (1 + 0.08 · extra words)`, times 0.9
    /// unless its words are exactly the query's, times a kind prior (skills and occupations
    /// 1, knowledge areas, qualifications and sectors 0.97, offers 0.96, tasks 0.95, so the
    /// taxonomy's own concept comes before an offer named after it). A concept scores as its
    /// best label.
    /// Ties break by concept id (ascending), so the same index and query always give the same
    /// list.
    ///
    /// # Complexity
    /// One term lookup per word and alternative, plus the postings they match; fuzzy words cost
    /// a Levenshtein automaton walk over the term dictionary.
    ///
    /// # Examples
    /// ```
    /// # use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
    /// # let mut b = OntologyBuilder::new(Manifest::new("demo", "1", &["nl", "en"]));
    /// # let mut labels = Labels::with_pref([("nl", "Microsoft Excel"), ("en", "Microsoft Excel")]);
    /// # labels.alt.insert("nl".into(), vec!["spreadsheets".into()]);
    /// # b.add_concept(Concept::new("skill:excel", labels,
    /// #     ConceptData::Skill { skill_type: SkillType::Skill }));
    /// # let ontology = b.build()?.ontology;
    /// use vaardig_search::{SearchOptions, Searcher};
    /// let searcher = Searcher::new(&ontology)?;
    /// let hits = searcher.search("Excell", &SearchOptions::default());
    /// assert_eq!(hits[0].id, "skill:excel");
    /// assert!(searcher.search("\"Excel\" AND (*:~)", &SearchOptions::default()).len() == 1);
    /// assert!(searcher.search("", &SearchOptions::default()).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        if options.prefix {
            return self.suggest(query, options);
        }
        self.search_index(query, options)
    }

    /// The full-text search itself (`prefix` makes the last word a word prefix).
    fn search_index(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        let limit = options.limit.min(MAX_LIMIT);
        if limit == 0 {
            return Vec::new();
        }
        let inner = &*self.inner;
        let mut planner = Planner {
            searcher: &inner.searcher,
            fields: &inner.fields,
            analyzers: inner.analyzers.clone(),
            present: inner
                .languages
                .iter()
                .map(|l| analysis::Lang::of(l))
                .collect(),
        };
        let query = analysis::nfc(query);
        let Some(plan) = planner.plan(&query, options.lang, options.prefix) else {
            return Vec::new();
        };
        let mut accept_kind = [false; 16];
        for kind in ConceptKind::ALL {
            if let Some(slot) = accept_kind.get_mut(kind.index()) {
                *slot = options.accepts_kind(*kind);
            }
        }
        let params = Params {
            accept_kind,
            accept_lang: inner
                .languages
                .iter()
                .map(|l| options.lang.accepts(l))
                .collect(),
            total: plan.total,
            norm: plan.norm,
            words: plan.words,
            limit,
        };
        let Ok(candidates) = inner
            .searcher
            .search(&plan.query, &BestPerConcept::new(params))
        else {
            return Vec::new();
        };
        candidates.into_iter().filter_map(|c| self.hit(c)).collect()
    }

    fn hit(&self, c: Candidate) -> Option<Hit> {
        let inner = &*self.inner;
        let ix = NodeIndex::new(c.concept as usize);
        let concept = inner.ontology.try_concept(ix)?;
        let lang = inner.languages.get(usize::from(c.meta.lang))?;
        let labels = &concept.labels;
        let label = match c.meta.label_type {
            LabelType::Pref => labels.pref(lang),
            LabelType::Alt => labels
                .alt(lang)
                .get(usize::from(c.meta.alt))
                .map(String::as_str),
            LabelType::Definition => labels.pref(lang).or_else(|| labels.best(&[lang])),
        }
        .unwrap_or(&concept.id);
        Some(Hit {
            id: concept.id.clone(),
            uri: inner.ontology.uri_of(ix),
            kind: concept.kind(),
            label: label.to_owned(),
            lang: lang.clone(),
            score: c.score,
        })
    }

    /// Autocomplete: the concepts whose labels start with what was typed so far, best first.
    ///
    /// Answers from a sorted table of every preferred label and synonym (built on the first
    /// call; about a second on all of ESCO), so a keystroke costs microseconds. A label is
    /// found by its start (`wondverz` → *wondverzorging*), by the start of a later word
    /// (`care` → *wound care*) and, in Dutch, by a compound part (`verzorg` → *wondverzorging*).
    /// Words are folded as in [`Searcher::search`]; typed words must follow the label's order.
    ///
    /// # Ranking
    /// Labels equal to the typed text come first (score 1). Then, by tier: label start (0.95),
    /// synonym start (0.9), later word (0.8), compound part (0.7). Within a tier: skills and
    /// occupations before other kinds, then the skill more occupations require (in powers of
    /// two), then the shorter label, then concept id. One hit per concept, with the label that
    /// matched; `options` filter kinds and language and cap the number of hits.
    ///
    /// When no label starts with the text (a typo), the answer is [`Searcher::search`] with
    /// `prefix` set, which is typo tolerant but slower.
    ///
    /// ```
    /// # use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
    /// # let mut b = OntologyBuilder::new(Manifest::new("demo", "1", &["nl", "en"]));
    /// # for (id, nl, en) in [("skill:wond", "wondverzorging", "wound care"),
    /// #                      ("skill:wonen", "begeleid wonen", "supported living")] {
    /// #     b.add_concept(Concept::new(id, Labels::with_pref([("nl", nl), ("en", en)]),
    /// #         ConceptData::Skill { skill_type: SkillType::Skill }));
    /// # }
    /// # let ontology = b.build()?.ontology;
    /// use vaardig_search::{SearchOptions, Searcher};
    /// let searcher = Searcher::new(&ontology)?;
    /// let first = |typed: &str| searcher.suggest(typed, &SearchOptions::default())[0].id.clone();
    /// assert_eq!(first("wondv"), "skill:wond");
    /// assert_eq!(first("verzorg"), "skill:wond"); // a compound part
    /// assert_eq!(first("care"), "skill:wond"); // a later word
    /// assert_eq!(first("wonen"), "skill:wonen");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn suggest(&self, text: &str, options: &SearchOptions) -> Vec<Hit> {
        let limit = options.limit.min(MAX_LIMIT);
        if limit == 0 {
            return Vec::new();
        }
        let inner = &*self.inner;
        let suggester = inner.suggester.get_or_init(|| {
            Suggester::new(
                &inner.ontology,
                &inner.languages,
                &mut inner.analyzers.clone(),
            )
        });
        let hits = suggester.suggest(&inner.languages, text, options, limit);
        if !hits.is_empty() {
            return hits;
        }
        let fallback = SearchOptions {
            prefix: true,
            ..options.clone()
        };
        self.search_index(text, &fallback)
    }

    /// Finds skill and occupation mentions in free text (Dutch, English or mixed).
    ///
    /// A mention is a preferred label or synonym of a skill or occupation, matched word by word
    /// after stemming (so `verpleegkundigen` mentions `verpleegkundige`), or — scored lower —
    /// the content words of a short label close together in any order (`installeert laadpalen`
    /// mentions `laadpalen installeren`). Mentions never overlap: the match of more label words
    /// wins, then in-order matches, then the highest score, the earliest, the lowest id. They come in text order,
    /// with byte offsets into `text`.
    ///
    /// The label trie is built on the first call (about as long as indexing the labels); after
    /// that, cost is linear in the text.
    ///
    /// ```
    /// # let ontology = vaardig_core::generate::generate(
    /// #     &vaardig_core::generate::GeneratorConfig::small())?.ontology;
    /// # let searcher = vaardig_search::Searcher::new(&ontology)?;
    /// let text = "Geen vaardigheden hier.";
    /// assert!(searcher.extract(text).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        let inner = &*self.inner;
        let mut analyzers = inner.analyzers.clone();
        let extractor = inner.extractor.get_or_init(|| {
            Extractor::new(&inner.ontology, &inner.languages, &mut analyzers.clone())
        });
        // Labels are NFC; so must the text be. Spans are given back in the caller's text.
        match analysis::nfc_with_offsets(text) {
            None => extractor.extract(&inner.ontology, &inner.languages, &mut analyzers, text),
            Some((normal, offsets)) => {
                let mut mentions =
                    extractor.extract(&inner.ontology, &inner.languages, &mut analyzers, &normal);
                for m in &mut mentions {
                    m.start = offsets.get(m.start).copied().unwrap_or(text.len());
                    m.end = offsets.get(m.end).copied().unwrap_or(text.len());
                }
                mentions
            }
        }
    }
}
