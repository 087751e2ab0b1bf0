//! Text analysis, the same for indexing and for querying: text is put in Unicode NFC (queries
//! here, labels by the ontology builder), words are split on anything that is not
//! a letter or digit, lower-cased and accent-folded (é → e, ĳ → ij); labels are also stemmed in
//! every language tantivy has a Snowball stemmer for. Edge n-grams (word prefixes) and suffixes
//! are made here too, for partial words and Dutch compounds.
//!
//! # Which stemmer
//! A label's BCP 47 tag picks its stemmer by the primary language subtag alone
//! ([`vaardig_core::primary_language`]: `pt-BR` and `pt` are Portuguese, `en-US` is English):
//! `ar` Arabic, `da` Danish, `nl` Dutch, `en` English, `fi` Finnish, `fr` French, `de` German,
//! `el` Greek, `hu` Hungarian, `it` Italian, `no`/`nb`/`nn` Norwegian, `pt` Portuguese,
//! `ro` Romanian, `ru` Russian, `es` Spanish, `sv` Swedish, `ta` Tamil, `tr` Turkish
//! ([`STEMMED`]). Every other language, and a tag that is not well-formed, falls back to folded
//! words without stemming (`text_other`): nothing is lost, only inflected forms do not meet.
//!
//! All analyzers are tantivy's own ([`SimpleTokenizer`], [`LowerCaser`], [`AsciiFoldingFilter`],
//! [`Stemmer`], [`StopWordFilter`]); this module only chains them and registers them by name.

use std::borrow::Cow;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, TokenizerManager, WhitespaceTokenizer,
};

/// `text` in Unicode NFC (`e` + U+0301 becomes `é`), borrowed when it already is (nearly always):
/// labels are NFC (the ontology builder normalises them), so queries must be too, or decomposed
/// accents split words apart.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};
    // ASCII is NFC, and much quicker to check.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` in NFC with, for every byte offset of the result, the byte offset in `text` it came
/// from (`offsets.len()` is the result's length + 1), so spans found in the normalised text can
/// be given back in the caller's text. `None` when `text` is NFC already.
///
/// Each starter (a character of canonical combining class 0) and the marks after it are
/// normalised on their own: a composed character's offsets all point at its start in `text`.
/// Complexity: linear in the length of `text`.
pub(crate) fn nfc_with_offsets(text: &str) -> Option<(String, Vec<usize>)> {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut flush = |segment_start: usize, segment: &str, out: &mut String| {
        let normal: String = segment.nfc().collect();
        if normal == segment {
            offsets.extend(segment_start..segment_start + segment.len());
        } else {
            offsets.extend(std::iter::repeat_n(segment_start, normal.len()));
        }
        out.push_str(&normal);
    };
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && canonical_combining_class(c) == 0 {
            flush(start, &text[start..i], &mut out);
            start = i;
        }
    }
    flush(start, &text[start..], &mut out);
    offsets.push(text.len());
    Some((out, offsets))
}

/// The analyzer name for folded, unstemmed words.
pub(crate) const PLAIN: &str = "vaardig_plain";
/// The stemmed languages: the primary language subtags that pick each, tantivy's stemmer, and
/// the name of the index field and analyzer (`text_<name>`, `vaardig_<name>`). Dutch and
/// English come first: [`Lang::NL`] and [`Lang::EN`] are their positions.
pub(crate) const STEMMED: [(&[&str], Language, &str); 18] = [
    (&["nl"], Language::Dutch, "nl"),
    (&["en"], Language::English, "en"),
    (&["ar"], Language::Arabic, "ar"),
    (&["da"], Language::Danish, "da"),
    (&["fi"], Language::Finnish, "fi"),
    (&["fr"], Language::French, "fr"),
    (&["de"], Language::German, "de"),
    (&["el"], Language::Greek, "el"),
    (&["hu"], Language::Hungarian, "hu"),
    (&["it"], Language::Italian, "it"),
    (&["no", "nb", "nn"], Language::Norwegian, "no"),
    (&["pt"], Language::Portuguese, "pt"),
    (&["ro"], Language::Romanian, "ro"),
    (&["ru"], Language::Russian, "ru"),
    (&["es"], Language::Spanish, "es"),
    (&["sv"], Language::Swedish, "sv"),
    (&["ta"], Language::Tamil, "ta"),
    (&["tr"], Language::Turkish, "tr"),
];
/// The analyzer name for lists of ready-made terms separated by spaces (n-grams).
pub(crate) const TERMS: &str = "vaardig_terms";

/// Words longer than this (in bytes, before folding) are dropped: no real label word is this long.
const MAX_WORD_BYTES: usize = 48;
/// The longest prefix indexed as an edge n-gram, in characters. Longer prefixes are matched by
/// a prefix automaton over the `words` field instead: they match few words, while short ones
/// match many and are cheaper as one posting list.
pub(crate) const MAX_GRAM_CHARS: usize = 6;
/// The shortest suffix indexed, in characters (shorter tails are too ambiguous).
pub(crate) const MIN_SUFFIX_CHARS: usize = 4;
/// The longest suffix indexed, in characters.
pub(crate) const MAX_SUFFIX_CHARS: usize = 12;

/// The language of a label, as far as analysis cares: which stemmer applies. A position in
/// [`STEMMED`], or [`Lang::OTHER`] (folded words, no stemming).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Lang(u8);

impl Lang {
    /// Dutch: the Dutch snowball stemmer.
    pub(crate) const NL: Lang = Lang(0);
    /// English: the English snowball stemmer.
    pub(crate) const EN: Lang = Lang(1);
    /// Any other language: folded words, no stemming.
    pub(crate) const OTHER: Lang = Lang(STEMMED.len() as u8);

    /// The analysis language of a BCP 47 tag, by its primary language (see the module docs).
    pub(crate) fn of(code: &str) -> Lang {
        let primary = vaardig_core::primary_language(code);
        STEMMED
            .iter()
            .position(|(codes, _, _)| codes.contains(&primary.as_str()))
            .map_or(Lang::OTHER, |i| Lang(i as u8))
    }

    /// Every analysis language: the stemmed ones in [`STEMMED`] order, then [`Lang::OTHER`].
    pub(crate) fn all() -> impl Iterator<Item = Lang> {
        (0..=STEMMED.len() as u8).map(Lang)
    }

    /// The position of this language among [`Lang::all`].
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The stemmer, or `None` for [`Lang::OTHER`].
    pub(crate) fn stemmer(self) -> Option<Language> {
        STEMMED.get(self.index()).map(|(_, language, _)| *language)
    }

    /// The name in field and analyzer names: `nl`, `en`, ..., `other`.
    pub(crate) fn name(self) -> &'static str {
        STEMMED
            .get(self.index())
            .map_or("other", |(_, _, name)| name)
    }

    /// The analyzer of this language's text field.
    pub(crate) fn analyzer(self) -> String {
        match self.stemmer() {
            Some(_) => format!("vaardig_{}", self.name()),
            None => PLAIN.to_owned(),
        }
    }
}

/// One word of a text: folded text, byte span in the original and position (word number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Lower-cased, accent-folded text.
    pub text: String,
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte in the original text.
    pub end: usize,
    /// The word's position (its index among the words the tokenizer saw).
    pub position: usize,
}

fn plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn stemmed(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

/// An analyzer that keeps a whole (already folded) word unless it is a Dutch or English stop word.
fn stop_words() -> TextAnalyzer {
    let mut builder = TextAnalyzer::builder(RawTokenizer::default()).dynamic();
    for language in [Language::Dutch, Language::English] {
        if let Some(filter) = StopWordFilter::new(language) {
            builder = builder.filter_dynamic(filter);
        }
    }
    builder.build()
}

/// Registers the analyzers an index's schema names.
pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(PLAIN, plain());
    for lang in Lang::all() {
        if let Some(language) = lang.stemmer() {
            manager.register(&lang.analyzer(), stemmed(language));
        }
    }
    manager.register(TERMS, WhitespaceTokenizer::default());
}

/// A set of analyzers for one thread of work (tantivy analyzers need `&mut`; clone per use).
#[derive(Clone)]
pub(crate) struct Analyzers {
    plain: TextAnalyzer,
    /// One per [`STEMMED`] language, made on first use.
    stemmed: [Option<TextAnalyzer>; STEMMED.len()],
    stop: TextAnalyzer,
}

impl std::fmt::Debug for Analyzers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzers")
    }
}

impl Default for Analyzers {
    fn default() -> Self {
        Analyzers {
            plain: plain(),
            stemmed: std::array::from_fn(|_| None),
            stop: stop_words(),
        }
    }
}

impl Analyzers {
    /// The words of `text`, folded, with their spans.
    pub(crate) fn words(&mut self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        let mut stream = self.plain.token_stream(text);
        while let Some(token) = stream.next() {
            out.push(Word {
                text: token.text.clone(),
                start: token.offset_from,
                end: token.offset_to,
                position: token.position,
            });
        }
        out
    }

    /// Appends the folded words of `text` to `out`, joined by single spaces, and returns the
    /// byte offset just past the last word (`None` when `text` has no words).
    ///
    /// ASCII text (nearly every keystroke) takes a direct path that gives the same words as the
    /// analyzer chain: runs of ASCII letters and digits, shorter than the word limit, lower-cased.
    pub(crate) fn fold_into(&mut self, text: &str, out: &mut String) -> Option<usize> {
        if text.is_ascii() {
            return fold_ascii_into(text, out);
        }
        self.fold_analyzed_into(text, out)
    }

    /// [`Analyzers::fold_into`] through the analyzer chain, for any text.
    fn fold_analyzed_into(&mut self, text: &str, out: &mut String) -> Option<usize> {
        let mut end = None;
        let mut stream = self.plain.token_stream(text);
        while let Some(token) = stream.next() {
            if end.is_some() {
                out.push(' ');
            }
            out.push_str(&token.text);
            end = Some(token.offset_to);
        }
        end
    }

    /// The analyzed terms of `text` in `lang` as `(position, term)`: stems for a stemmed
    /// language, folded words otherwise. Positions match those of [`Analyzers::words`].
    pub(crate) fn terms(&mut self, lang: Lang, text: &str) -> Vec<(usize, String)> {
        let analyzer = match (lang.stemmer(), self.stemmed.get_mut(lang.index())) {
            (Some(language), Some(slot)) => slot.get_or_insert_with(|| stemmed(language)),
            _ => &mut self.plain,
        };
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            out.push((token.position, token.text.clone()));
        }
        out
    }

    /// The stem of one folded word in `lang` (the word itself when analysis leaves nothing).
    pub(crate) fn stem(&mut self, lang: Lang, word: &str) -> String {
        match lang {
            Lang::OTHER => word.to_owned(),
            _ => self
                .terms(lang, word)
                .into_iter()
                .next()
                .map(|(_, t)| t)
                .unwrap_or_else(|| word.to_owned()),
        }
    }

    /// Whether a folded word is a Dutch or English stop word (`de`, `van`, `and`, ...).
    pub(crate) fn is_stop_word(&mut self, word: &str) -> bool {
        let mut stream = self.stop.token_stream(word);
        !stream.advance()
    }
}

/// [`Analyzers::fold_into`] for ASCII `text`: what [`SimpleTokenizer`], [`RemoveLongFilter`],
/// [`LowerCaser`] and [`AsciiFoldingFilter`] make of it, without a token stream.
fn fold_ascii_into(text: &str, out: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = None;
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_alphanumeric() {
            k += 1;
            continue;
        }
        let start = k;
        while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
            k += 1;
        }
        if k - start >= MAX_WORD_BYTES {
            continue;
        }
        if end.is_some() {
            out.push(' ');
        }
        let from = out.len();
        out.push_str(&text[start..k]);
        if let Some(word) = out.get_mut(from..) {
            word.make_ascii_lowercase();
        }
        end = Some(k);
    }
    end
}

/// Appends the prefixes of `word` (1 to [`MAX_GRAM_CHARS`] characters) to `out`, space
/// separated.
pub(crate) fn push_prefixes(word: &str, out: &mut String) {
    for end in word
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .take(MAX_GRAM_CHARS)
    {
        out.push_str(&word[..end]);
        out.push(' ');
    }
}

/// Appends the proper suffixes of `word` of [`MIN_SUFFIX_CHARS`] to [`MAX_SUFFIX_CHARS`]
/// characters to `out`, space separated (`wondzorg` → `ondzorg ndzorg dzorg zorg`).
pub(crate) fn push_suffixes(word: &str, out: &mut String) {
    let chars = word.chars().count();
    if chars <= MIN_SUFFIX_CHARS {
        return;
    }
    let skip = chars.saturating_sub(MAX_SUFFIX_CHARS).max(1);
    for (i, _) in word
        .char_indices()
        .skip(skip)
        .take((chars - MIN_SUFFIX_CHARS + 1).saturating_sub(skip))
    {
        out.push_str(&word[i..]);
        out.push(' ');
    }
}

/// `word` with its last doubled vowel written once (`installeer` → `installer`), if it has one
/// in its final syllable.
pub(crate) fn single_long_vowel(word: &str) -> Option<String> {
    let bytes = word.as_bytes();
    let n = bytes.len();
    // The doubled vowel must be followed only by consonants.
    let mut i = n;
    while i > 0 && !b"aeiou".contains(&bytes[i - 1]) {
        i -= 1;
    }
    if i >= 2 && i < n && bytes[i - 1] == bytes[i - 2] && b"aeou".contains(&bytes[i - 1]) {
        let mut out = String::with_capacity(n - 1);
        out.push_str(&word[..i - 1]);
        out.push_str(&word[i..]);
        return Some(out);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(words: Vec<Word>) -> Vec<String> {
        words.into_iter().map(|w| w.text).collect()
    }

    proptest::proptest! {
        /// The ASCII path folds exactly like the analyzer chain, words past the limit included.
        #[test]
        fn ascii_folding_matches_the_analyzers(
            text in "([A-Za-z0-9]{0,3}|[a-z]{47,49}|[ -/:-@\\[-`{-~\t]{0,2}){0,8}",
        ) {
            let mut a = Analyzers::default();
            let (mut fast, mut chain) = (String::new(), String::new());
            let got = fold_ascii_into(&text, &mut fast);
            let want = a.fold_analyzed_into(&text, &mut chain);
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(fast, chain);
        }
    }

    #[test]
    fn ascii_folding_keeps_short_words_and_offsets() {
        let mut out = String::new();
        let long = "x".repeat(MAX_WORD_BYTES);
        let text = format!("C++ {long} Wond-Zorg! ");
        assert_eq!(fold_ascii_into(&text, &mut out), Some(text.len() - 2));
        assert_eq!(out, "c wond zorg");
        out.clear();
        assert_eq!(fold_ascii_into(" -- ", &mut out), None);
        assert_eq!(out, "");
    }

    #[test]
    fn words_are_lowercased_and_folded() {
        let mut a = Analyzers::default();
        assert_eq!(
            texts(a.words("Café-Eigenaar ÉÉN Ĳzer")),
            ["cafe", "eigenaar", "een", "ijzer"]
        );
    }

    #[test]
    fn word_spans_point_into_the_original() {
        let mut a = Analyzers::default();
        let text = "Wondzorg én Excel";
        let words = a.words(text);
        assert_eq!(&text[words[1].start..words[1].end], "én");
        assert_eq!(&text[words[2].start..words[2].end], "Excel");
    }

    #[test]
    fn plurals_stem_alike() {
        let mut a = Analyzers::default();
        assert_eq!(
            a.stem(Lang::NL, "verpleegkundigen"),
            a.stem(Lang::NL, "verpleegkundige")
        );
        assert_eq!(a.stem(Lang::EN, "nurses"), a.stem(Lang::EN, "nurse"));
    }

    #[test]
    fn every_tantivy_stemmer_is_picked_by_the_primary_language() {
        let mut a = Analyzers::default();
        for (tag, plural, singular) in [
            ("de", "kinder", "kind"),
            ("de-CH", "arbeiten", "arbeit"),
            ("fr", "infirmières", "infirmière"),
            ("pt-BR", "enfermeiras", "enfermeira"),
            ("es", "enfermeros", "enfermero"),
            ("sv", "sjuksköterskor", "sjuksköterska"),
            ("it", "libri", "libro"),
            ("nb", "bilene", "bil"),
        ] {
            let lang = Lang::of(tag);
            assert_ne!(lang, Lang::OTHER, "{tag}");
            assert_eq!(a.stem(lang, plural), a.stem(lang, singular), "{tag}");
        }
        assert_eq!(Lang::of("en-US"), Lang::EN);
        assert_eq!(Lang::of("NL"), Lang::NL);
        assert_eq!(Lang::all().count(), STEMMED.len() + 1);
        // Unstemmed: languages without a Snowball stemmer, and tags that are not well-formed.
        for tag in ["pl", "zh-Hant-TW", "sw", "x_y"] {
            assert_eq!(Lang::of(tag), Lang::OTHER, "{tag}");
            assert_eq!(a.stem(Lang::of(tag), "words"), "words");
        }
    }

    #[test]
    fn stop_words_are_recognised() {
        let mut a = Analyzers::default();
        assert!(a.is_stop_word("van"));
        assert!(a.is_stop_word("the"));
        assert!(!a.is_stop_word("heftruck"));
    }

    #[test]
    fn prefixes_and_suffixes() {
        let mut out = String::new();
        push_prefixes("zorgé", &mut out);
        assert_eq!(out, "z zo zor zorg zorgé ");
        out.clear();
        push_suffixes("wondzorg", &mut out);
        assert_eq!(out, "ondzorg ndzorg dzorg zorg ");
        out.clear();
        push_suffixes("zorg", &mut out);
        assert_eq!(out, "");
        out.clear();
        push_prefixes("verpleegkundige", &mut out);
        assert_eq!(out, "v ve ver verp verpl verple ");
        out.clear();
        push_suffixes("wondverzorging", &mut out);
        assert_eq!(
            out,
            "ndverzorging dverzorging verzorging erzorging rzorging zorging orging rging ging "
        );
    }

    #[test]
    fn long_vowels_are_written_single() {
        assert_eq!(
            single_long_vowel("installeer").as_deref(),
            Some("installer")
        );
        assert_eq!(
            single_long_vowel("optimaliseer").as_deref(),
            Some("optimaliser")
        );
        assert_eq!(single_long_vowel("maak").as_deref(), Some("mak"));
        assert_eq!(single_long_vowel("installer"), None);
        assert_eq!(single_long_vowel("zee"), None);
        assert_eq!(single_long_vowel(""), None);
    }
}
