//! The words of the Markdown reports in Dutch and English, from the Fluent files `i18n/nl.ftl`
//! and `i18n/en.ftl` compiled into the crate, and numbers as each language writes them
//! (`1.234` and `12,5 %` in Dutch, `1,234` and `12.5 %` in English).
//!
//! Whole numbers passed to a message as numbers are grouped this way too, so a message can
//! both choose its plural and show the number from one argument.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use vaardig_score::Lang;

/// The Dutch messages.
pub(crate) const NL_FTL: &str = include_str!("../i18n/nl.ftl");
/// The English messages.
pub(crate) const EN_FTL: &str = include_str!("../i18n/en.ftl");

struct Bundles {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    nl: bundle(Lang::Nl, NL_FTL),
    en: bundle(Lang::En, EN_FTL),
});

/// A bundle of one language. A syntax error drops only the broken message (the tests check
/// there are none).
fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let id = lang.code().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Markdown, not bidirectional UI text: no Unicode isolation marks around the values.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Lang::Nl => format_nl,
        Lang::En => format_en,
    }));
    // ok: a message defined twice is reported by the tests; the first one is kept.
    let _ = b.add_resource(resource);
    b
}

fn format_nl<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(|n| group(n, '.'))
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(|n| group(n, ','))
}

/// A whole, non-negative number among the arguments (others are left to Fluent).
fn whole(value: &FluentValue) -> Option<u64> {
    match value {
        FluentValue::Number(n) if n.value >= 0.0 && n.value.fract() == 0.0 => Some(n.value as u64),
        _ => None,
    }
}

fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Message `id` in `lang`, with `args`. A message that is missing shows as its id.
pub(crate) fn tr_args(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let b = match lang {
        Lang::Nl => &BUNDLES.nl,
        Lang::En => &BUNDLES.en,
    };
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Message `id` in `lang`, without arguments.
pub(crate) fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

/// A count with the language's thousands separator: `123.855` / `123,855`.
pub(crate) fn count(lang: Lang, n: usize) -> String {
    group(n as u64, lang.pick(".", ",").chars().next().unwrap_or(','))
}

/// `x` with `places` decimals and the language's decimal mark: `0,07` / `0.07`.
pub(crate) fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A share in `[0, 1]` as a percentage with one decimal: `12,5 %` / `12.5 %`.
pub(crate) fn percent(lang: Lang, share: f64) -> String {
    format!("{} %", decimal(lang, share * 100.0, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        source
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '*', '[']) && l.contains(" = "))
            .filter_map(|l| l.split(" = ").next())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn both_languages_parse_and_have_the_same_messages() {
        for (name, source) in [("nl", NL_FTL), ("en", EN_FTL)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{name}.ftl: {errors:?}");
            }
        }
        let (mut nl, mut en) = (ids(NL_FTL), ids(EN_FTL));
        assert!(nl.len() > 40, "{nl:?}");
        nl.sort();
        en.sort();
        let mut dedup = nl.clone();
        dedup.dedup();
        assert_eq!(dedup, nl, "a message defined twice");
        assert_eq!(nl, en, "nl.ftl and en.ftl define different messages");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(count(Lang::Nl, 123_855), "123.855");
        assert_eq!(count(Lang::En, 123_855), "123,855");
        assert_eq!(count(Lang::Nl, 999), "999");
        assert_eq!(percent(Lang::Nl, 0.125), "12,5 %");
        assert_eq!(percent(Lang::En, 1.0), "100.0 %");
        assert_eq!(decimal(Lang::Nl, 0.0714, 2), "0,07");
        // Plurals choose on the number, which shows grouped.
        let one = tr_args(Lang::Nl, "table-more", &[("count", 1.into())]);
        assert!(one.starts_with("… en nog 1 "), "{one}");
        let many = tr_args(Lang::Nl, "table-more", &[("count", 1234.into())]);
        assert!(many.starts_with("… en nog 1.234 "), "{many}");
        let en = tr_args(Lang::En, "table-more", &[("count", 1234.into())]);
        assert!(en.starts_with("… and 1,234 more"), "{en}");
        assert_eq!(tr(Lang::En, "no-such-message"), "no-such-message");
    }
}
