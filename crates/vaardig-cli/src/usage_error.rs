//! Clap's usage errors (an unknown option, a bad value, a missing argument) in the chosen
//! language. English is clap's own text; Dutch is written here from the error's kind and
//! context, for the kinds a person meets. Other kinds keep clap's English sentence under
//! Dutch headings, and so does the reason a value parser gives (e.g. "3000 is not in
//! 0..=120").

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use vaardig_score::Lang;

use crate::i18n::{tr, tr_args};

/// The error `err` as text to print (clap's own rendering for help and version output and for
/// English).
pub fn render(err: &clap::Error, lang: Lang) -> String {
    let text = err.render().to_string();
    if lang == Lang::En
        || matches!(
            err.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return text;
    }
    let get = |kind| err.get(kind).map(value).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let given = get(ContextKind::InvalidValue);
    let sentence = match err.kind() {
        ErrorKind::UnknownArgument => format!("onbekend argument '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "onbekende opdracht '{}'",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if given.is_empty() => {
            format!("'{arg}' vraagt een waarde, maar kreeg er geen")
        }
        ErrorKind::InvalidValue => {
            let mut s = format!("ongeldige waarde '{given}' voor '{arg}'");
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                let _ = write!(s, "\n  [{}: {valid}]", tr(lang, "clap-possible-values"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err)
                .map(|e| format!(": {}", dutch_reason(&e.to_string())))
                .unwrap_or_default();
            format!("ongeldige waarde '{given}' voor '{arg}'{why}")
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match err.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => v.join("\n  "),
                _ => arg.clone(),
            };
            format!("deze verplichte argumenten ontbreken:\n  {missing}")
        }
        ErrorKind::ArgumentConflict => match err.get(ContextKind::PriorArg) {
            Some(prior) => format!("'{arg}' kan niet samen met '{}'", value(prior)),
            None => format!("'{arg}' mag maar één keer worden gegeven"),
        },
        ErrorKind::MissingSubcommand => format!(
            "'{}' vraagt een opdracht: {}",
            get(ContextKind::InvalidSubcommand),
            get(ContextKind::ValidSubcommand)
        ),
        ErrorKind::TooManyValues => format!("onverwachte waarde '{given}' voor '{arg}'"),
        ErrorKind::NoEquals => format!("'{arg}' vraagt een waarde na een '='"),
        // Rare kinds: clap's sentence, with the Dutch headings below.
        _ => text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_owned(),
    };
    let mut out = format!("{}: {sentence}\n", tr(lang, "clap-error"));
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(v) = err.get(kind) {
            let _ = write!(
                out,
                "\n  {}: bedoelde u '{}'?\n",
                tr(lang, "clap-tip"),
                value(v)
            );
        }
    }
    if err.get(ContextKind::Suggested).is_some() && arg.starts_with('-') {
        let _ = write!(
            out,
            "\n  {}: gebruik '-- {arg}' om '{arg}' als waarde mee te geven\n",
            tr(lang, "clap-tip")
        );
    }
    if let Some(usage) = err.get(ContextKind::Usage) {
        let usage = value(usage);
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let _ = write!(out, "\n{}: {usage}\n", tr(lang, "clap-usage"));
    }
    let _ = write!(
        out,
        "\n{}\n",
        tr_args(lang, "clap-more-info", &[("help", "--help".into())])
    );
    out
}

/// The reasons Rust's and clap's number parsers give, in Dutch; other reasons as they are
/// (vaardig's own parsers word theirs in English).
fn dutch_reason(why: &str) -> String {
    if let Some((value, range)) = why.split_once(" is not in ") {
        // clap's ranges: `0..=120`, `1..`.
        return match range.split_once("..=") {
            Some((lo, hi)) => format!("{value} ligt niet tussen {lo} en {hi}"),
            None => format!("{value} ligt buiten {range}"),
        };
    }
    match why {
        "invalid digit found in string" => "geen geheel getal".to_owned(),
        "invalid float literal" => "geen getal".to_owned(),
        "cannot parse integer from empty string" | "cannot parse float from empty string" => {
            "leeg".to_owned()
        }
        "number too large to fit in target type" => "te groot".to_owned(),
        "number too small to fit in target type" => "te klein".to_owned(),
        other => other.to_owned(),
    }
}

fn value(v: &ContextValue) -> String {
    match v {
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_reasons_read_in_dutch() {
        assert_eq!(
            dutch_reason("300 is not in 0..=120"),
            "300 ligt niet tussen 0 en 120"
        );
        assert_eq!(
            dutch_reason("invalid digit found in string"),
            "geen geheel getal"
        );
        assert_eq!(dutch_reason("something else"), "something else");
    }
}
