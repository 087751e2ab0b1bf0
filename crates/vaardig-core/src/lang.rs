//! Language tags (BCP 47, RFC 5646), checked and normalised by the `oxilangtag` crate: every
//! front and importer that reads a language (the manifest, label columns, RDF literals, ESCO
//! and Tabiya files, `--lang`) goes through [`normalise_language`], so `en-us`, `EN-US` and `en-US`
//! are one language, written `en-US`, and `pt-BR` is accepted like `nl`.

use oxilangtag::LanguageTag;

/// Why a text is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{tag}` is not a BCP 47 language tag such as `nl`, `en` or `pt-BR`: {reason}")]
pub struct LanguageError {
    tag: String,
    reason: String,
}

impl LanguageError {
    /// The text that was refused.
    pub fn tag(&self) -> &str {
        &self.tag
    }
}

/// `tag` checked as a well-formed BCP 47 language tag and written in its normal case: language
/// lower-case, script title-case, region upper-case (`en-us` → `en-US`, `ZH-hant-tw` →
/// `zh-Hant-TW`). Surrounding whitespace is not part of a tag and is refused.
///
/// ```
/// use vaardig_core::normalise_language;
///
/// assert_eq!(normalise_language("en-us").as_deref(), Ok("en-US"));
/// assert_eq!(normalise_language("NL").as_deref(), Ok("nl"));
/// assert!(normalise_language("en_US").is_err());
/// ```
///
/// # Errors
/// A [`LanguageError`] naming the tag and what the parser found wrong.
pub fn normalise_language(tag: &str) -> Result<String, LanguageError> {
    LanguageTag::parse_and_normalize(tag)
        .map(LanguageTag::into_inner)
        .map_err(|e| LanguageError {
            tag: tag.to_owned(),
            reason: lowercase_first(&e.to_string()),
        })
}

/// The primary language subtag of a tag, lower-case (`pt-BR` → `pt`, `nl` → `nl`); the tag
/// itself, lower-cased, when it is not well-formed.
pub fn primary_language(tag: &str) -> String {
    match LanguageTag::parse(tag) {
        Ok(t) => t.primary_language().to_ascii_lowercase(),
        Err(_) => tag.to_ascii_lowercase(),
    }
}

/// Whether two tags name the same language: equal ignoring ASCII case, as BCP 47 says.
pub fn same_language(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_and_compared_without_case() {
        for (tag, normal) in [
            ("nl", "nl"),
            ("en-us", "en-US"),
            ("EN-US", "en-US"),
            ("pt-BR", "pt-BR"),
            ("pt-br", "pt-BR"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("sr-Latn", "sr-Latn"),
            ("de-CH-1996", "de-CH-1996"),
        ] {
            assert_eq!(normalise_language(tag).as_deref(), Ok(normal), "{tag}");
        }
        assert!(same_language("en-US", "en-us"));
        assert!(!same_language("en-US", "en"));
    }

    #[test]
    fn malformed_tags_are_refused_with_the_tag_named() {
        for tag in [
            "",
            "en_US",
            "e",
            "english-language-x",
            "en-",
            " nl",
            "nl ",
            "123",
        ] {
            let e = normalise_language(tag).expect_err(tag);
            assert_eq!(e.tag(), tag);
            assert!(e.to_string().contains("BCP 47"), "{e}");
        }
    }

    #[test]
    fn the_primary_language_is_the_first_subtag() {
        assert_eq!(primary_language("pt-BR"), "pt");
        assert_eq!(primary_language("EN-us"), "en");
        assert_eq!(primary_language("nl"), "nl");
        assert_eq!(primary_language("zh-Hant-TW"), "zh");
    }
}
