//! The help in the chosen language: every about and argument text of the clap `Command` tree,
//! and clap's own words ("Usage", "Options", "Print help", default and possible values), come
//! from the Fluent messages in `i18n/help.{nl,en}.ftl`.
//!
//! The language is chosen before clap parses ([`chosen_lang`]): `--lang TAG` (or
//! `--lang=en`) anywhere on the command line, else `VAARDIG_LANG`, else Dutch; a Dutch tag gives
//! Dutch words, any other tag English ones. The same choice
//! is the default of every `--lang` option, so output follows it too.
//!
//! # Keys
//! - `about-PATH`: a command's about text; `PATH` is `vaardig` for the root, else the
//!   subcommand names joined by `-` (`about-import-esco`).
//! - `help-PATH-ARG`, else the shared `help-ARG`: an argument's help (`ARG` is its id with `-`
//!   for `_`: `help-transitions-from`, `help-json`).
//! - `value-PATH-ARG-VALUE`, else `value-ARG-VALUE`: the help of one possible value.
//! - `name-NAME`: a value placeholder (`name-file` = `BESTAND`; `_` and `=` become `-`), kept
//!   as it is when absent.
//! - `clap-…`: clap's own words.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};
use vaardig_score::Lang;

use crate::i18n::{has, tr};

/// The language of help, errors and output: the last `--lang TAG` / `--lang=TAG` before a
/// `--`, else `env` (the value of `VAARDIG_LANG`), else Dutch. A Dutch tag (`nl`, `nl-BE`) gives
/// Dutch, any other BCP 47 tag English (the only other language the interface words exist in);
/// a value that is no tag is left for clap to report.
pub fn chosen_lang(args: &[OsString], env: Option<&str>) -> Lang {
    let mut found = None;
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next()
        } else {
            a.strip_prefix("--lang=")
        };
        if let Some(lang) = value.and_then(parse) {
            found = Some(lang);
        }
    }
    found
        .or_else(|| {
            // `en_GB.UTF-8`, `nl-NL`: the language part.
            env.and_then(|e| parse(e.split(['_', '-', '.']).next().unwrap_or(e)))
        })
        .unwrap_or(Lang::Nl)
}

/// The interface language of a `--lang` value: Dutch for Dutch (`nl`, `nl-BE`), English for any
/// other well-formed BCP 47 tag (the interface words exist in these two only); `None` for a
/// value that is no tag.
fn parse(value: &str) -> Option<Lang> {
    let tag = vaardig_core::normalise_language(value.trim()).ok()?;
    Some(if vaardig_core::primary_language(&tag) == "nl" {
        Lang::Nl
    } else {
        Lang::En
    })
}

/// `cmd` (the whole tree, built) with every text in `lang`, and every `--lang` defaulting to
/// `lang`. Commands without a `--lang` of their own get one, so it is accepted anywhere.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let mut cmd = localize_tree(cmd, lang, &[]);
    cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(tr(lang, "clap-version"))
            .help_heading(tr(lang, "clap-options")),
    );
    cmd.build();
    after_build(&mut cmd, lang, false);
    cmd
}

/// clap's default help layout with a translated usage heading.
fn template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        tr(lang, "clap-usage")
    )
}

/// The key part of a command path: `vaardig` for the root.
fn path_key(path: &[String]) -> String {
    if path.is_empty() {
        "vaardig".to_owned()
    } else {
        path.join("-")
    }
}

/// The key part of an argument id.
fn arg_key(id: &str) -> String {
    id.replace('_', "-")
}

/// The message for the first of `keys` that exists.
fn first(lang: Lang, keys: &[String]) -> Option<String> {
    keys.iter().find(|k| has(lang, k)).map(|k| tr(lang, k))
}

/// The key of a command's about text.
pub fn about_key(path: &[String]) -> String {
    format!("about-{}", path_key(path))
}

/// The keys an argument's help is looked up by, the specific one first.
pub fn arg_keys(path: &[String], id: &str) -> [String; 2] {
    [
        format!("help-{}-{}", path_key(path), arg_key(id)),
        format!("help-{}", arg_key(id)),
    ]
}

/// The keys a possible value's help is looked up by, the specific one first.
pub fn value_keys(path: &[String], id: &str, value: &str) -> [String; 2] {
    [
        format!("value-{}-{}-{value}", path_key(path), arg_key(id)),
        format!("value-{}-{value}", arg_key(id)),
    ]
}

fn localize_tree(mut cmd: Command, lang: Lang, path: &[String]) -> Command {
    let about = tr(lang, &about_key(path));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let mut sub = path.to_vec();
        sub.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| localize_tree(s, lang, &sub));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in &ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, lang, path));
    }
    if !cmd.get_arguments().any(|a| a.get_long() == Some("lang")) {
        cmd = cmd.arg(localize_arg(
            Arg::new("lang")
                .long("lang")
                .value_name("LANG")
                // Any BCP 47 tag: Dutch ones give Dutch words, every other English ones.
                .value_parser(|s: &str| vaardig_core::normalise_language(s.trim()))
                .default_value(lang.code()),
            lang,
            path,
        ));
    }
    cmd.about(about)
        .long_about(None)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr(lang, "clap-help"))
                .help_heading(tr(lang, "clap-options")),
        )
        .help_template(template(lang))
        .subcommand_help_heading(tr(lang, "clap-commands"))
        .subcommand_value_name(tr(lang, "name-command"))
}

fn localize_arg(mut a: Arg, lang: Lang, path: &[String]) -> Arg {
    let id = a.get_id().as_str().to_owned();
    if id == "lang" && !a.get_default_values().is_empty() {
        a = a.default_value(lang.code());
    }
    if a.is_hide_set() {
        return a;
    }
    let help = first(lang, &arg_keys(path, &id))
        .unwrap_or_else(|| a.get_help().map(ToString::to_string).unwrap_or_default());
    // clap's own "[possible values: …]" and "[default: …]" are English: hidden, and written
    // here instead.
    let (mut short, mut long) = (help.clone(), help);
    if a.get_action().takes_values() {
        let values: Vec<_> = a
            .get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect();
        let mut listed = String::new();
        if !values.is_empty() && !a.is_hide_possible_values_set() {
            let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
            short.push_str(&format!(
                " [{}: {}]",
                tr(lang, "clap-possible-values"),
                names.join(", ")
            ));
            let described: Vec<String> = values
                .iter()
                .map(|v| {
                    let text = first(lang, &value_keys(path, &id, v.get_name()))
                        .or_else(|| v.get_help().map(ToString::to_string));
                    match text {
                        Some(text) => format!("  - {}: {text}", v.get_name()),
                        None => format!("  - {}", v.get_name()),
                    }
                })
                .collect();
            listed = format!(
                "\n\n{}:\n{}",
                tr(lang, "clap-values-heading"),
                described.join("\n")
            );
            a = a.hide_possible_values(true);
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            let default = format!(" [{}: {}]", tr(lang, "clap-default"), defaults.join(", "));
            short.push_str(&default);
            long.push_str(&default);
            a = a.hide_default_value(true);
        }
        long.push_str(&listed);
        let placeholders: Vec<String> = match a.get_value_names() {
            Some(names) => names.iter().map(ToString::to_string).collect(),
            None => vec![id.to_uppercase()],
        };
        let translated: Vec<String> = placeholders
            .iter()
            .map(|p| {
                let key = format!("name-{}", p.to_lowercase().replace(['_', '='], "-"));
                if has(lang, &key) {
                    tr(lang, &key)
                } else {
                    p.clone()
                }
            })
            .collect();
        a = a.value_names(translated);
    }
    if long != short {
        a = a.long_help(long);
    }
    let heading = if a.is_positional() {
        "clap-arguments"
    } else if a.is_global_set() {
        "clap-global-options"
    } else {
        "clap-options"
    };
    a.help(short).help_heading(tr(lang, heading))
}

/// What only exists once clap has built the tree: the generated `help` subcommands (and the
/// copies of the tree under them), and usage lines (clap writes `[OPTIONS]` itself).
fn after_build(cmd: &mut Command, lang: Lang, in_help: bool) {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", &format!("[{}]", tr(lang, "name-options")))
        .replace("[COMMAND]", &format!("[{}]", tr(lang, "name-command")));
    let mut c = std::mem::take(cmd).override_usage(usage);
    let generated = c.get_name() == "help"
        && c.get_about()
            .is_some_and(|a| a.to_string().starts_with("Print this message"));
    if generated {
        c = c.about(tr(lang, "clap-help-command"));
    }
    if generated || in_help {
        c = c
            .help_template(template(lang))
            .subcommand_help_heading(tr(lang, "clap-commands"))
            .subcommand_value_name(tr(lang, "name-command"));
    }
    *cmd = c;
    for sub in cmd.get_subcommands_mut() {
        after_build(sub, lang, generated || in_help);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every text of the (unlocalized) tree: (specific key, shared key, clap's text).
    fn texts(cmd: &Command, path: &[String], out: &mut Vec<(String, String, String)>) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        out.push((about_key(path), String::new(), about));
        for a in cmd.get_arguments() {
            if a.is_hide_set() || (!path.is_empty() && a.is_global_set()) {
                continue;
            }
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let [k, shared] = arg_keys(path, id);
            let text = a.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((k, shared, text));
            if a.get_action().takes_values() {
                for v in a.get_possible_values() {
                    if let Some(h) = v.get_help() {
                        let [k, shared] = value_keys(path, id, v.get_name());
                        out.push((k, shared, h.to_string()));
                    }
                }
            }
        }
        for s in cmd.get_subcommands() {
            if s.get_name() == "help" {
                continue;
            }
            let mut sub = path.to_vec();
            sub.push(s.get_name().to_owned());
            texts(s, &sub, out);
        }
    }

    fn derived() -> Command {
        let mut cmd = crate::Cli::command();
        cmd.build();
        cmd
    }

    #[test]
    fn every_command_argument_and_value_has_a_text_in_both_languages() {
        let mut entries = Vec::new();
        texts(&derived(), &[], &mut entries);
        assert!(entries.len() > 150, "{}", entries.len());
        let mut missing = Vec::new();
        for lang in [Lang::Nl, Lang::En] {
            for (key, shared, _) in &entries {
                if !has(lang, key) && (shared.is_empty() || !has(lang, shared)) {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "no help text for {missing:#?}");
    }

    /// Every command of the localized tree, with its path.
    fn walk(cmd: &mut Command, path: Vec<String>, visit: &mut dyn FnMut(&mut Command, &[String])) {
        visit(cmd, &path);
        for sub in cmd.get_subcommands_mut() {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, visit);
        }
    }

    #[test]
    fn dutch_help_has_no_english_left_from_clap() {
        let mut cmd = localize(crate::Cli::command(), Lang::Nl);
        let mut pages = 0;
        walk(&mut cmd, Vec::new(), &mut |c, path| {
            for help in [
                c.render_help().to_string(),
                c.render_long_help().to_string(),
            ] {
                pages += 1;
                for english in [
                    "Usage:",
                    "Options:",
                    "Commands:",
                    "Arguments:",
                    "Print help",
                    "Print version",
                    "Print this message",
                    "[default:",
                    "[possible values:",
                    "Possible values:",
                    "[OPTIONS]",
                    "<COMMAND>",
                    "<FILE>",
                    "<DIR>",
                    "<LIMIT>",
                ] {
                    assert!(!help.contains(english), "{path:?}: {english} in\n{help}");
                }
                assert!(help.contains("Gebruik: "), "{path:?}\n{help}");
            }
        });
        assert!(pages > 40, "{pages}");
    }

    #[test]
    fn the_localized_tree_carries_the_fluent_texts() {
        for lang in [Lang::Nl, Lang::En] {
            let mut cmd = localize(crate::Cli::command(), lang);
            // ok: the command tree always has `transitions` (a test, not user input).
            let t = cmd.find_subcommand_mut("transitions").expect("transitions"); // ok: test code, a failure here fails the test
            assert_eq!(
                t.get_about().map(ToString::to_string),
                Some(tr(lang, "about-transitions"))
            );
            let from = t
                .get_arguments()
                .find(|a| a.get_id() == "from")
                .and_then(|a| a.get_help())
                .map(ToString::to_string);
            assert_eq!(from, Some(tr(lang, "help-transitions-from")));
            // The output follows the chosen language too.
            let lang_default = t
                .get_arguments()
                .find(|a| a.get_id() == "lang")
                .map(|a| a.get_default_values().to_vec());
            assert_eq!(lang_default, Some(vec![lang.code().into()]));
        }
    }

    #[test]
    fn the_language_comes_from_the_command_line_then_the_environment() {
        let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        let en = Lang::En;
        assert_eq!(chosen_lang(&args(&["vaardig", "--help"]), None), Lang::Nl);
        assert_eq!(
            chosen_lang(&args(&["vaardig", "gap", "--lang", "en"]), None),
            en
        );
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang=en", "-h"]), Some("nl")),
            en
        );
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang", "nl"]), Some("en")),
            Lang::Nl
        );
        assert_eq!(
            chosen_lang(&args(&["vaardig", "stats"]), Some("en_GB.UTF-8")),
            en
        );
        // After `--` it is a value, not the option; a bad value is clap's to report.
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--", "--lang", "en"]), None),
            Lang::Nl
        );
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang", "fr"]), Some("en")),
            en
        );
        // Any other language has English interface words; Dutch ones Dutch words.
        assert_eq!(chosen_lang(&args(&["vaardig"]), Some("de")), en);
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang", "pt-BR"]), None),
            en
        );
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang", "nl-be"]), Some("en")),
            Lang::Nl
        );
        // Not a language tag: the environment decides (and clap reports the value).
        assert_eq!(
            chosen_lang(&args(&["vaardig", "--lang", "de_DE"]), Some("nl")),
            Lang::Nl
        );
    }
}
