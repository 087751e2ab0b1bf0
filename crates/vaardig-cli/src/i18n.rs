//! The command line's own words — headings, table headers, status words — in Dutch and English,
//! from the Fluent files `i18n/nl.ftl` and `i18n/en.ftl` compiled into the binary. Sentences that
//! explain a score come from the library (`explain(lang)`); this module only words the tables
//! around them.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use vaardig_score::Lang;

/// The Dutch messages.
pub const NL_FTL: &str = include_str!("../i18n/nl.ftl");
/// The English messages.
pub const EN_FTL: &str = include_str!("../i18n/en.ftl");
/// The Dutch help texts (see [`crate::help`]).
pub const HELP_NL_FTL: &str = include_str!("../i18n/help.nl.ftl");
/// The English help texts.
pub const HELP_EN_FTL: &str = include_str!("../i18n/help.en.ftl");

struct Bundles {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    nl: bundle("nl", &[NL_FTL, HELP_NL_FTL]),
    en: bundle("en", &[EN_FTL, HELP_EN_FTL]),
});

/// A bundle of one language. A syntax error drops only the broken message (the tests check
/// there are none).
fn bundle(lang: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
    let mut b = FluentBundle::new_concurrent(vec![lang.parse().unwrap_or_default()]);
    // Terminal output: no Unicode isolation marks around the values.
    b.set_use_isolating(false);
    for source in sources {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, _)| partial);
        // ok: a message defined twice is reported by the tests; the first one is kept.
        let _ = b.add_resource(resource);
    }
    b
}

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Nl => &BUNDLES.nl,
        Lang::En => &BUNDLES.en,
    }
}

/// Whether `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// Message `id` in `lang`, with `args`. A message that is missing shows as its id.
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let b = bundle_of(lang);
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
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
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
        let nl_all = format!("{NL_FTL}\n{HELP_NL_FTL}");
        let en_all = format!("{EN_FTL}\n{HELP_EN_FTL}");
        for (name, source) in [
            ("nl", NL_FTL),
            ("en", EN_FTL),
            ("help.nl", HELP_NL_FTL),
            ("help.en", HELP_EN_FTL),
        ] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{name}.ftl: {errors:?}");
            }
        }
        let (mut nl, mut en) = (ids(&nl_all), ids(&en_all));
        assert!(nl.len() > 40, "{nl:?}");
        nl.sort();
        en.sort();
        let mut dedup = nl.clone();
        dedup.dedup();
        assert_eq!(dedup, nl, "a message defined twice");
        assert_eq!(nl, en, "nl.ftl and en.ftl define different messages");
    }

    #[test]
    fn messages_format_with_their_arguments_and_plurals() {
        assert_eq!(tr(Lang::Nl, "status-partial"), "deels");
        assert_eq!(tr(Lang::En, "status-partial"), "partly");
        let one = tr_args(Lang::Nl, "units-on-route", &[("count", 1.into())]);
        assert_eq!(one, "1 onderdeel op de route");
        let two = tr_args(Lang::En, "units-on-route", &[("count", 2.into())]);
        assert_eq!(two, "2 units on the route");
        assert_eq!(tr(Lang::En, "no-such-message"), "no-such-message");
    }
}
