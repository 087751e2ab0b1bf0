//! The index schema: which fields a label document has, and how a document's facts (concept,
//! language, label slot, kind, word count) are packed into one fast `u64`.
//!
//! One document is one label: a preferred label, a synonym or a definition, in one language.
//! Hits map back into the graph through the packed concept index, never through stored text:
//! the [`crate::Searcher`] holds the very [`vaardig_core::Ontology`] the index was built from
//! (checked by content hash for on-disk indexes).

use std::hash::Hasher;

use tantivy::schema::{
    FAST, Field, IndexRecordOption, Schema, SchemaBuilder, TextFieldIndexing, TextOptions,
};

use crate::analysis::{self, Lang};

/// Bumped whenever the schema or the analysis changes, so old on-disk indexes are rebuilt.
pub const FORMAT_VERSION: u32 = 2;

/// The most synonyms per concept and language that are indexed.
pub(crate) const MAX_ALT: usize = (1 << 12) - 1;
/// The most languages an index can hold.
pub(crate) const MAX_LANGUAGES: usize = 1 << 8;

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Label text (labels, synonyms and definitions) per analysis language, by
    /// [`Lang::index`]: stemmed (`text_nl`, `text_en`, `text_de`, ...), and folded only for the
    /// languages without a stemmer (`text_other`).
    pub text: [Field; analysis::STEMMED.len() + 1],
    /// Folded, unstemmed words of labels and synonyms (not definitions): for fuzzy matching.
    pub words: Field,
    /// Word prefixes (edge n-grams) of labels and synonyms.
    pub prefix: Field,
    /// Word suffixes of labels and synonyms: compound tails.
    pub suffix: Field,
    /// The packed [`Meta`] (fast).
    pub meta: Field,
    /// The [`norm_hash`] of the label's folded words (fast; 0 for definitions).
    pub norm: Field,
}

/// The fast field with the packed [`Meta`].
pub(crate) const META: &str = "meta";
/// The fast field with the hash of the label's folded words ([`norm_hash`]).
pub(crate) const NORM: &str = "norm";

impl Fields {
    /// The text field for labels in `lang`.
    pub(crate) fn text(&self, lang: Lang) -> Field {
        self.text[lang.index().min(analysis::STEMMED.len())]
    }

    /// Reads the fields of `schema`, or `None` when it is not this crate's schema.
    pub(crate) fn of(schema: &Schema) -> Option<Fields> {
        let get = |name: &str| schema.get_field(name).ok();
        let mut text = Vec::with_capacity(analysis::STEMMED.len() + 1);
        for lang in Lang::all() {
            text.push(get(&format!("text_{}", lang.name()))?);
        }
        Some(Fields {
            text: text.try_into().ok()?,
            meta: get(META)?,
            norm: get(NORM)?,
            words: get("words")?,
            prefix: get("prefix")?,
            suffix: get("suffix")?,
        })
    }
}

fn text(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// The schema and its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b: SchemaBuilder = Schema::builder();
    let meta = b.add_u64_field(META, FAST);
    let norm = b.add_u64_field(NORM, FAST);
    let text_fields: [Field; analysis::STEMMED.len() + 1] = std::array::from_fn(|i| {
        let lang = Lang::all().nth(i).unwrap_or(Lang::OTHER);
        b.add_text_field(&format!("text_{}", lang.name()), text(&lang.analyzer()))
    });
    let fields = Fields {
        meta,
        norm,
        text: text_fields,
        words: b.add_text_field("words", text(analysis::PLAIN)),
        prefix: b.add_text_field("prefix", text(analysis::TERMS)),
        suffix: b.add_text_field("suffix", text(analysis::TERMS)),
    };
    (b.build(), fields)
}

/// Which label of a concept a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum LabelType {
    /// The preferred label.
    Pref = 0,
    /// A synonym (alternative label).
    Alt = 1,
    /// The definition.
    Definition = 2,
}

/// The facts of one label document, packed into a `u64` fast field:
/// bits 0–31 concept index, 32–39 language slot, 40–41 label type, 42–53 synonym number,
/// 54–59 word count (capped at 63), 60–63 concept kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The concept's node index in the ontology.
    pub concept: u32,
    /// The label's language, as an index into the searcher's language list.
    pub lang: u8,
    /// Preferred label, synonym or definition.
    pub label_type: LabelType,
    /// For synonyms: which one (0-based); 0 otherwise.
    pub alt: u16,
    /// How many words the label has (capped at 63).
    pub words: u8,
    /// The concept kind's index ([`vaardig_core::ConceptKind::index`]).
    pub kind: u8,
}

impl Meta {
    /// Packs into a `u64`.
    pub(crate) fn pack(self) -> u64 {
        u64::from(self.concept)
            | u64::from(self.lang) << 32
            | (self.label_type as u64) << 40
            | (u64::from(self.alt) & 0xfff) << 42
            | (u64::from(self.words.min(63))) << 54
            | (u64::from(self.kind) & 0xf) << 60
    }

    /// Unpacks a `u64` made by [`Meta::pack`].
    pub(crate) fn unpack(v: u64) -> Meta {
        Meta {
            concept: (v & 0xffff_ffff) as u32,
            lang: ((v >> 32) & 0xff) as u8,
            label_type: match (v >> 40) & 0x3 {
                0 => LabelType::Pref,
                1 => LabelType::Alt,
                _ => LabelType::Definition,
            },
            alt: ((v >> 42) & 0xfff) as u16,
            words: ((v >> 54) & 0x3f) as u8,
            kind: ((v >> 60) & 0xf) as u8,
        }
    }

    /// The order in which a concept's labels win ties: preferred first, then by language slot,
    /// then by synonym number.
    pub(crate) fn tie_key(self) -> (LabelType, u8, u16) {
        (self.label_type, self.lang, self.alt)
    }
}

/// A platform-independent hash of a sequence of folded words (0 for none): equal word sequences
/// hash equal, so "the query is exactly this label" is one integer comparison.
pub(crate) fn norm_hash<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = fnv::FnvHasher::default();
    let mut any = false;
    for w in words {
        h.write(w.as_bytes());
        h.write_u8(0);
        any = true;
    }
    if any { h.finish().max(1) } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trips() {
        let m = Meta {
            concept: 123_456,
            lang: 3,
            label_type: LabelType::Alt,
            alt: 4000,
            words: 17,
            kind: 6,
        };
        assert_eq!(Meta::unpack(m.pack()), m);
        let max = Meta {
            concept: u32::MAX,
            lang: u8::MAX,
            label_type: LabelType::Definition,
            alt: 0xfff,
            words: 63,
            kind: 15,
        };
        assert_eq!(Meta::unpack(max.pack()), max);
    }

    #[test]
    fn norm_hash_separates_words() {
        assert_ne!(norm_hash(["ab", "c"]), norm_hash(["a", "bc"]));
        assert_eq!(norm_hash(["wound", "care"]), norm_hash(["wound", "care"]));
        assert_eq!(norm_hash([]), 0);
    }

    #[test]
    fn schema_fields_are_found_again() {
        let (schema, fields) = schema();
        let again = Fields::of(&schema).map(|f| f.words);
        assert_eq!(again, Some(fields.words));
    }
}
