//! Writing an ontology into a tantivy index: one document per label, in one segment.
//!
//! Documents are added in concept-id order, language order, then preferred label, synonyms in
//! their given order, definition, by up to four indexing threads. The index ends as a single
//! segment: scores are constant per matched alternative, weighted by index-wide document
//! frequencies, and ties break by concept id, so the same ontology always gives the same
//! answers however the threads split the documents.

use std::collections::BTreeSet;

use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter, TantivyDocument};
use vaardig_core::{Concept, Ontology};

use crate::analysis::{self, Analyzers, Lang};
use crate::error::SearchError;
use crate::schema::{Fields, LabelType, MAX_ALT, MAX_LANGUAGES, Meta, norm_hash};

/// The indexing memory budget: large enough that an ESCO-sized ontology fits one segment.
const WRITER_MEMORY: usize = 256 * 1024 * 1024;

/// The label languages of an ontology: the manifest's, in its order, then any other language a
/// label uses, in code order; at most [`MAX_LANGUAGES`]. A document's language slot indexes this.
pub(crate) fn languages(ontology: &Ontology) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lang in &ontology.manifest().languages {
        if !out.contains(lang) {
            out.push(lang.clone());
        }
    }
    let mut extra = BTreeSet::new();
    for (_, concept) in ontology.iter() {
        let l = &concept.labels;
        for lang in l.pref.keys().chain(l.alt.keys()).chain(l.definition.keys()) {
            if !out.contains(lang) {
                extra.insert(lang.clone());
            }
        }
    }
    out.extend(extra);
    out.truncate(MAX_LANGUAGES);
    out
}

/// Writes every label of `ontology` into the empty `index` and commits.
pub(crate) fn write(
    index: &Index,
    fields: &Fields,
    ontology: &Ontology,
    languages: &[String],
) -> Result<(), SearchError> {
    // Indexing threads work beside this one, which analyses labels into documents; the
    // segments they write are merged into one below, so results do not depend on the split.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, WRITER_MEMORY)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let mut labeller = Labeller {
        fields,
        analyzers: Analyzers::default(),
        grams: String::new(),
    };
    for (ix, concept) in ontology.iter() {
        let concept_ix = u32::try_from(ix.index()).map_err(|_| SearchError::TooLarge {
            what: format!("{} concepts", ontology.len()),
        })?;
        for (slot, lang) in languages.iter().enumerate() {
            // ok: `languages` is truncated to MAX_LANGUAGES (256) entries.
            let slot = u8::try_from(slot).unwrap_or(u8::MAX);
            let at = Slot {
                concept: concept_ix,
                lang: slot,
                analysis: Lang::of(lang),
                kind: concept.kind().index() as u8,
            };
            for doc in labeller.documents(concept, lang, at) {
                writer.add_document(doc)?;
            }
        }
    }
    writer.commit()?;
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

/// Where a label belongs: concept, language slot and kind.
#[derive(Debug, Clone, Copy)]
struct Slot {
    concept: u32,
    lang: u8,
    analysis: Lang,
    kind: u8,
}

/// Turns labels into documents, reusing buffers.
struct Labeller<'a> {
    fields: &'a Fields,
    analyzers: Analyzers,
    grams: String,
}

impl Labeller<'_> {
    /// The documents for a concept's labels in one language.
    fn documents(&mut self, concept: &Concept, lang: &str, at: Slot) -> Vec<TantivyDocument> {
        let mut docs = Vec::new();
        if let Some(pref) = concept.labels.pref(lang) {
            docs.extend(self.label(pref, at, LabelType::Pref, 0));
        }
        for (k, alt) in concept.labels.alt(lang).iter().enumerate().take(MAX_ALT) {
            // ok: k < MAX_ALT < u16::MAX.
            let k = u16::try_from(k).unwrap_or(u16::MAX);
            docs.extend(self.label(alt, at, LabelType::Alt, k));
        }
        if let Some(definition) = concept.labels.definition(lang) {
            docs.extend(self.definition(definition, at));
        }
        docs
    }

    fn label(
        &mut self,
        text: &str,
        at: Slot,
        label_type: LabelType,
        alt: u16,
    ) -> Option<TantivyDocument> {
        let words = self.analyzers.words(text);
        if words.is_empty() {
            return None;
        }
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.text(at.analysis), text);
        doc.add_text(f.words, text);
        self.grams.clear();
        for w in &words {
            analysis::push_prefixes(&w.text, &mut self.grams);
        }
        doc.add_text(f.prefix, &self.grams);
        self.grams.clear();
        for w in &words {
            analysis::push_suffixes(&w.text, &mut self.grams);
        }
        doc.add_text(f.suffix, &self.grams);
        let meta = Meta {
            concept: at.concept,
            lang: at.lang,
            label_type,
            alt,
            words: u8::try_from(words.len()).unwrap_or(u8::MAX),
            kind: at.kind,
        };
        doc.add_u64(f.meta, meta.pack());
        doc.add_u64(f.norm, norm_hash(words.iter().map(|w| w.text.as_str())));
        Some(doc)
    }

    fn definition(&mut self, text: &str, at: Slot) -> Option<TantivyDocument> {
        let words = self.analyzers.words(text);
        if words.is_empty() {
            return None;
        }
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.text(at.analysis), text);
        let meta = Meta {
            concept: at.concept,
            lang: at.lang,
            label_type: LabelType::Definition,
            alt: 0,
            words: u8::try_from(words.len()).unwrap_or(u8::MAX),
            kind: at.kind,
        };
        doc.add_u64(f.meta, meta.pack());
        doc.add_u64(f.norm, 0);
        Some(doc)
    }
}
