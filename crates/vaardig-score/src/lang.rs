//! The two languages explanations are written in, the labels results carry, and small helpers
//! for wording them.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The language of an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Dutch (the primary language of the ontology).
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language code used for labels in the ontology (`"nl"`, `"en"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Picks the Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

impl Lang {
    /// The interface language for a BCP 47 tag: Dutch for a Dutch tag (`nl`, `nl-BE`), English
    /// for every other language, whose labels may still be German, French, ….
    ///
    /// ```
    /// use vaardig_score::Lang;
    ///
    /// assert_eq!(Lang::for_tag("nl-BE"), Lang::Nl);
    /// assert_eq!(Lang::for_tag("de"), Lang::En);
    /// ```
    pub fn for_tag(tag: &str) -> Lang {
        if vaardig_core::primary_language(tag) == "nl" {
            Lang::Nl
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither `nl` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected nl or en)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            "en" | "english" | "engels" => Ok(Lang::En),
            other => Err(UnknownLang(other.chars().take(20).collect())),
        }
    }
}

/// A concept reference as results carry it: the id and its preferred labels in Dutch and
/// English, and in a third language when the [`crate::Scorer`] was asked for one
/// ([`crate::Scorer::labelled_in`]).
///
/// The strings are shared with the [`crate::Scorer`] that made the result, so results are cheap
/// to build; they serialise as plain strings, `label_other` as `{"lang": "de", "text": "…"}`
/// and only when it is there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Named {
    /// The concept id.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id: Arc<str>,
    /// The Dutch preferred label (falling back to another language, then the id).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub label: Arc<str>,
    /// The English preferred label (falling back to another language, then the id).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub label_en: Arc<str>,
    /// The full concept URI, when the source had one (e.g. an ESCO import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub uri: Option<Arc<str>>,
    /// The preferred label in the language the scorer was asked for, when that is neither
    /// Dutch nor English (see [`crate::Scorer::labelled_in`] for the fallbacks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_other: Option<OtherLabel>,
}

impl Named {
    /// The label to show with interface words in `lang`: the label in the scorer's requested
    /// language when there is one ([`Named::label_other`]), else the Dutch or the English one.
    pub fn label_in(&self, lang: Lang) -> &str {
        shown_label(lang, self.label_other.as_ref(), &self.label, &self.label_en)
    }
}

/// The label shown with interface words in `lang`: the third-language one when there is one,
/// else the Dutch or the English one (for [`Named`] and [`crate::Transition`] alike).
pub(crate) fn shown_label<'a>(
    lang: Lang,
    other: Option<&'a OtherLabel>,
    nl: &'a str,
    en: &'a str,
) -> &'a str {
    other.map_or_else(|| lang.pick(nl, en), |o| &o.text)
}

/// A label in a language other than Dutch and English, with the language it is actually in.
///
/// `lang` is the requested language when the concept has a label in it, else the language the
/// text fell back to (`en`, then the ontology's primary language), and `zxx` ("no linguistic
/// content") when the text is the concept id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherLabel {
    /// The BCP 47 tag of `text` (as the ontology's manifest writes it).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub lang: Arc<str>,
    /// The label.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub text: Arc<str>,
}

/// Joins labels as `a, b en c` / `a, b and c`, listing at most `max` and counting the rest.
pub(crate) fn join_list(lang: Lang, items: &[&str], max: usize) -> String {
    let and = lang.pick("en", "and");
    let shown: Vec<&str> = items.iter().take(max).copied().collect();
    let rest = items.len().saturating_sub(shown.len());
    let mut out = match shown.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] if rest == 0 => format!("{} {and} {last}", init.join(", ")),
        all => all.join(", "),
    };
    if rest > 0 {
        out.push_str(&match lang {
            Lang::Nl => format!(" en nog {rest}"),
            Lang::En => format!(" and {rest} more"),
        });
    }
    out
}

/// A share in `[0, 1]` as a whole percentage.
/// `one` when `n` is 1, else `many` ("1 eis", "3 eisen").
pub(crate) fn plural<'a>(n: f64, one: &'a str, many: &'a str) -> &'a str {
    if (n - 1.0).abs() < 1e-9 { one } else { many }
}

pub(crate) fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

/// A number of hours or euros, without decimals when it is whole; never `-0` or `-0.00`.
pub(crate) fn amount(x: f64) -> String {
    let text = if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    };
    without_negative_zero(text)
}

/// `text` (a formatted number) without the sign when every digit is 0: `-0.00` is `0.00`.
pub(crate) fn without_negative_zero(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_list_uses_the_language_and_counts_the_rest() {
        assert_eq!(join_list(Lang::Nl, &["a", "b", "c"], 5), "a, b en c");
        assert_eq!(join_list(Lang::En, &["a", "b"], 5), "a and b");
        assert_eq!(join_list(Lang::En, &["a", "b", "c"], 2), "a, b and 1 more");
        assert_eq!(join_list(Lang::Nl, &[], 2), "");
    }

    #[test]
    fn amounts_never_print_a_negative_zero() {
        assert_eq!(amount(-0.0), "0");
        assert_eq!(amount(-0.001), "0.00");
        assert_eq!(amount(-1.5), "-1.50");
        assert_eq!(amount(2.0), "2");
        assert_eq!(without_negative_zero("-0.000".to_owned()), "0.000");
        assert_eq!(without_negative_zero("-10".to_owned()), "-10");
    }

    #[test]
    fn lang_parses_codes() {
        assert_eq!("NL".parse::<Lang>(), Ok(Lang::Nl));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }
}
