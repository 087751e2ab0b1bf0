//! Labels in any language the ontology declares: which of the manifest's languages a requested
//! BCP 47 tag names ([`label_language`]), the refusal when it names none
//! ([`LabelLanguageError`], worded in Dutch and English), and every concept's label in that
//! language with its fallbacks (the table [`crate::Scorer::labelled_in`] shares into results).

use std::sync::Arc;

use vaardig_core::{LanguageError, Ontology, normalise_language, primary_language, same_language};

use crate::lang::{Lang, OtherLabel};

/// Why a scorer cannot give labels in a requested language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LabelLanguageError {
    /// The text is not a BCP 47 language tag.
    #[error(transparent)]
    NotATag(#[from] LanguageError),
    /// The ontology declares no such language (nor Dutch or English, which are always given).
    #[error("the ontology has no labels in `{tag}` (it has {})", .declared.join(", "))]
    Undeclared {
        /// The requested tag, normalised.
        tag: String,
        /// The languages the ontology's manifest declares, in its order.
        declared: Vec<String>,
    },
}

impl LabelLanguageError {
    /// The message in `lang`: the same words in every front (CLI, HTTP service, Python).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LabelLanguageError::Undeclared { tag, declared }, Lang::Nl) => format!(
                "de ontologie heeft geen labels in `{tag}` (wel in {})",
                declared.join(", ")
            ),
            _ => self.to_string(),
        }
    }
}

/// The manifest language whose labels answer a request for `tag`.
///
/// In this order: the declared language equal to `tag` (BCP 47 ignores case, so `de-de` is
/// `de-DE`); the declared language equal to the tag's primary language (`de-AT` asks for
/// `de`); the first declared language with the same primary language (`de` asks for `de-DE`);
/// and `nl` or `en` themselves when the tag is Dutch or English, which every ontology answers
/// (a label missing in them falls back to another language).
///
/// ```
/// use vaardig_core::Ontology;
/// use vaardig_score::label_language;
///
/// let ontology = Ontology::embedded()?;
/// assert_eq!(label_language(&ontology, "EN-gb")?, "en");
/// assert!(label_language(&ontology, "fr").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LabelLanguageError::NotATag`] when `tag` is not a language tag;
/// [`LabelLanguageError::Undeclared`], listing what the ontology has, when no declared language
/// matches and the tag is neither Dutch nor English.
pub fn label_language(ontology: &Ontology, tag: &str) -> Result<String, LabelLanguageError> {
    let tag = normalise_language(tag.trim())?;
    let declared = &ontology.manifest().languages;
    let primary = primary_language(&tag);
    let found = declared
        .iter()
        .find(|l| same_language(l, &tag))
        .or_else(|| declared.iter().find(|l| same_language(l, &primary)))
        .or_else(|| declared.iter().find(|l| primary_language(l) == primary));
    match found {
        Some(l) => Ok(l.clone()),
        None if primary == "nl" || primary == "en" => Ok(primary),
        None => Err(LabelLanguageError::Undeclared {
            tag,
            declared: declared.clone(),
        }),
    }
}

/// The manifest language of a *third* label for `tag` — one besides the Dutch and English every
/// result carries: [`label_language`]'s choice, or `None` when that is Dutch or English.
///
/// ```
/// use vaardig_core::Ontology;
/// use vaardig_score::third_language;
///
/// let ontology = Ontology::embedded()?;
/// assert_eq!(third_language(&ontology, "en-GB")?, None);
/// assert!(third_language(&ontology, "fr").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`label_language`].
pub fn third_language(
    ontology: &Ontology,
    tag: &str,
) -> Result<Option<String>, LabelLanguageError> {
    let lang = label_language(ontology, tag)?;
    Ok((lang != "nl" && lang != "en").then_some(lang))
}

/// Every concept's label in `lang` (a manifest language), by node index: its preferred label in
/// `lang`, else in English, else in the ontology's primary language (which the builder makes
/// every concept have), else its id (tagged `zxx`, "no linguistic content").
pub(crate) fn labels_in(ontology: &Ontology, lang: &str) -> Vec<OtherLabel> {
    let tag = |l: &str| -> Arc<str> { l.into() };
    let wanted = tag(lang);
    let en = tag("en");
    let primary = tag(ontology.primary_language());
    let none = tag("zxx");
    ontology
        .iter()
        .map(|(_, c)| {
            let pref = &c.labels.pref;
            let (lang, text) = [&wanted, &en, &primary]
                .into_iter()
                .find_map(|l| pref.get(l).map(|text| (l.clone(), text.as_str())))
                .unwrap_or((none.clone(), c.id.as_str()));
            OtherLabel {
                lang,
                text: text.into(),
            }
        })
        .collect()
}
