//! The manifest (`ontology.toml`): what an ontology is, which version, in which languages, and
//! which id prefixes stand for which URI namespaces.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::lang::normalise_language;

/// The file name of the manifest inside an ontology directory.
pub const MANIFEST_FILE: &str = "ontology.toml";

/// Metadata of one ontology release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// A short name, e.g. `vaardig-nl`.
    pub name: String,
    /// The release version, e.g. `2026.11`.
    pub version: String,
    /// The release date, `YYYY-MM-DD` in the file; a day of the calendar (2024-02-31 is refused).
    pub release_date: Date,
    /// BCP 47 language tags in their normal case (`nl`, `en-US`, `pt-BR`; [`Manifest::parse`]
    /// normalises `en-us`); the first is the primary language, whose labels are required.
    pub languages: Vec<String>,
    /// The licence of the data.
    pub licence: String,
    /// Who made it, from what.
    pub source: String,
    /// Whether codes (CREBO, CROHO, ISCO) are illustrative rather than official.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative_codes: bool,
    /// Free notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Id prefixes and the URI namespaces they stand for: `esco` → `http://data.europa.eu/esco/`
    /// makes the id `esco:skill/42` the concept `http://data.europa.eu/esco/skill/42`. Lookups
    /// ([`crate::Ontology::index_of`]) accept the full URI, and [`crate::Ontology::uri_of`] gives
    /// it back. Empty for ontologies whose ids are not URIs (the embedded one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prefixes: BTreeMap<String, String>,
}

impl Manifest {
    /// A manifest for an ontology built in code.
    pub fn new(name: &str, version: &str, languages: &[&str]) -> Self {
        Manifest {
            name: name.to_owned(),
            version: version.to_owned(),
            release_date: Date::EPOCH,
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            licence: "unspecified".to_owned(),
            source: "built in code".to_owned(),
            illustrative_codes: false,
            notes: None,
            prefixes: BTreeMap::new(),
        }
    }

    /// The primary language (the first listed).
    pub fn primary_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("nl")
    }

    /// Parses and checks a manifest; language tags are normalised (`en-us` → `en-US`).
    ///
    /// # Errors
    /// A [`DiagnosticKind::Manifest`] diagnostic at the manifest file (and line, for values the
    /// TOML reader refuses, such as a release date that is not a day of the calendar).
    pub fn parse(text: &str) -> Result<Manifest, Diagnostic> {
        let at = || Location::file(MANIFEST_FILE);
        let mut manifest: Manifest = toml::from_str(text).map_err(|e| {
            let mut location = at();
            if let Some(span) = e.span() {
                let line = text
                    .get(..span.start)
                    .map_or(0, |s| s.matches('\n').count());
                location.line = Some(line as u64 + 1);
            }
            Diagnostic::error(
                DiagnosticKind::Manifest,
                location,
                e.message().trim().to_owned(),
            )
        })?;
        for lang in &mut manifest.languages {
            if let Ok(normal) = normalise_language(lang) {
                *lang = normal;
            }
        }
        manifest
            .check()
            .map_err(|msg| Diagnostic::error(DiagnosticKind::Manifest, at(), msg))?;
        Ok(manifest)
    }

    /// Checks the values a parser cannot: languages (well-formed BCP 47 tags in their normal
    /// case, none twice), name and version, and the prefixes. The release date is a [`Date`],
    /// checked when it was made.
    ///
    /// # Errors
    /// A message naming the field and what is wrong with it.
    pub fn check(&self) -> Result<(), String> {
        if self.languages.is_empty() {
            return Err("`languages` must name at least one language".into());
        }
        for lang in &self.languages {
            let normal = normalise_language(lang).map_err(|e| format!("`languages`: {e}"))?;
            if normal != *lang {
                return Err(format!(
                    "`languages`: write the language tag `{lang}` as `{normal}`"
                ));
            }
        }
        let mut seen = self.languages.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.languages.len() {
            return Err("`languages` lists a language twice".into());
        }
        if self.name.trim().is_empty() || self.version.trim().is_empty() {
            return Err("`name` and `version` must not be empty".into());
        }
        for (prefix, namespace) in &self.prefixes {
            Manifest::check_prefix(prefix, namespace).map_err(|e| format!("`prefixes`: {e}"))?;
        }
        Ok(())
    }

    /// Checks one `prefix → namespace` pair of [`Manifest::prefixes`]: the prefix is non-empty
    /// and has no `:`, whitespace, control character or `|` (it starts ids, which may contain
    /// none of the last three); the namespace is an absolute URI, `scheme://…` or `urn:…`, without
    /// whitespace or control characters.
    ///
    /// ```
    /// use vaardig_core::Manifest;
    ///
    /// assert!(Manifest::check_prefix("esco", "http://data.europa.eu/esco/").is_ok());
    /// assert!(Manifest::check_prefix("es:co", "http://data.europa.eu/esco/").is_err());
    /// assert!(Manifest::check_prefix("esco", "data.europa.eu/esco/").is_err());
    /// ```
    ///
    /// # Errors
    /// A message naming the pair and what is wrong with it (without saying where the pair is:
    /// [`Manifest::check`] adds `` `prefixes`: ``).
    pub fn check_prefix(prefix: &str, namespace: &str) -> Result<(), String> {
        if prefix.is_empty() {
            return Err(format!("empty prefix for `{}`", namespace.escape_debug()));
        }
        if prefix.contains(':') {
            return Err(format!(
                "prefix `{}` contains `:`; write it without the colon",
                prefix.escape_debug()
            ));
        }
        if prefix
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '|')
        {
            return Err(format!(
                "prefix `{}` contains whitespace, a control character or `|`",
                prefix.escape_debug()
            ));
        }
        if !is_absolute_uri(namespace)
            || namespace
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!(
                "namespace `{}` of prefix `{prefix}` is not an absolute URI \
                 such as `http://example.org/` or `urn:example:`",
                namespace.escape_debug()
            ));
        }
        Ok(())
    }

    /// The manifest as TOML.
    pub fn to_toml(&self) -> String {
        // Serialising a struct of strings, bools, a string list and a string table cannot fail.
        toml::to_string(self).unwrap_or_default()
    }
}

/// Whether `text` looks like an absolute URI: `scheme://` followed by something, where the scheme
/// is a letter and then letters, digits, `+`, `-` or `.`; or `urn:` followed by something.
pub(crate) fn is_absolute_uri(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix("urn:") {
        return !rest.is_empty();
    }
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_text(languages: &str, date: &str) -> String {
        format!(
            "name = \"t\"\nversion = \"1\"\nrelease_date = \"{date}\"\n\
             languages = {languages}\nlicence = \"x\"\nsource = \"y\"\n"
        )
    }

    #[test]
    fn an_impossible_release_date_is_refused_at_its_line() {
        let d = Manifest::parse(&manifest_text("[\"en\"]", "2024-02-31")).expect_err("refused");
        assert_eq!(d.kind, DiagnosticKind::Manifest);
        assert_eq!(d.location.line, Some(3), "{d:?}");
        assert!(
            d.message
                .contains("`2024-02-31` is not a date: February 2024 has 29 days"),
            "{}",
            d.message
        );
        let ok = Manifest::parse(&manifest_text("[\"en\"]", "2024-02-29")).expect("a leap day"); // ok: test code, a failure here fails the test
        assert_eq!(ok.release_date, "2024-02-29");
    }

    #[test]
    fn language_tags_are_normalised_and_checked() {
        let m = Manifest::parse(&manifest_text(
            "[\"nl\", \"en-us\", \"pt-BR\"]",
            "2026-01-02",
        ))
        .expect("loads"); // ok: test code, a failure here fails the test
        assert_eq!(m.languages, ["nl", "en-US", "pt-BR"]);
        let d = Manifest::parse(&manifest_text("[\"en-US\", \"en-us\"]", "2026-01-02"))
            .expect_err("twice");
        assert!(d.message.contains("twice"), "{}", d.message);
        let d = Manifest::parse(&manifest_text("[\"en_US\"]", "2026-01-02")).expect_err("bad tag");
        assert!(
            d.message.contains("`en_US` is not a BCP 47 language tag"),
            "{}",
            d.message
        );
        let mut built = Manifest::new("t", "1", &["en-us"]);
        assert!(built.check().expect_err("not normal").contains("`en-US`"));
        built.languages = vec!["en-US".into()];
        assert_eq!(built.check(), Ok(()));
    }

    fn with_prefix(prefix: &str, namespace: &str) -> Manifest {
        let mut m = Manifest::new("t", "1", &["en"]);
        m.prefixes.insert(prefix.to_owned(), namespace.to_owned());
        m
    }

    #[test]
    fn old_manifests_without_prefixes_load_and_write_unchanged() {
        let text = "name = \"t\"\nversion = \"1\"\nrelease_date = \"2026-01-02\"\n\
                    languages = [\"nl\"]\nlicence = \"x\"\nsource = \"y\"\n";
        let m = Manifest::parse(text).expect("loads"); // ok: test code, a failure here fails the test
        assert!(m.prefixes.is_empty());
        assert!(!m.to_toml().contains("prefixes"));
    }

    #[test]
    fn prefixes_parse_and_round_trip_through_toml() {
        let text = "name = \"esco\"\nversion = \"1.1.1\"\nrelease_date = \"2026-01-02\"\n\
                    languages = [\"en\"]\nlicence = \"x\"\nsource = \"y\"\n\n\
                    [prefixes]\nesco = \"http://data.europa.eu/esco/\"\n\
                    isbn = \"urn:isbn:\"\n";
        let m = Manifest::parse(text).expect("loads"); // ok: test code, a failure here fails the test
        assert_eq!(
            m.prefixes.get("esco").map(String::as_str),
            Some("http://data.europa.eu/esco/")
        );
        assert_eq!(
            m.prefixes.get("isbn").map(String::as_str),
            Some("urn:isbn:")
        );
        assert_eq!(Manifest::parse(&m.to_toml()), Ok(m));
    }

    #[test]
    fn bad_prefixes_say_what_is_wrong() {
        let cases = [
            ("", "http://x.org/", "empty prefix"),
            ("es:co", "http://x.org/", "contains `:`"),
            ("es co", "http://x.org/", "whitespace"),
            ("es|co", "http://x.org/", "`|`"),
            ("esco", "data.europa.eu/esco/", "not an absolute URI"),
            ("esco", "http://", "not an absolute URI"),
            ("esco", "urn:", "not an absolute URI"),
            ("esco", "1http://x.org/", "not an absolute URI"),
            ("esco", "http://x.org/a b/", "not an absolute URI"),
        ];
        for (prefix, namespace, expected) in cases {
            let err = with_prefix(prefix, namespace).check().expect_err("refused");
            assert!(err.contains(expected), "{prefix} → {namespace}: {err}");
            assert!(err.starts_with("`prefixes`: "), "{err}");
        }
        for (prefix, namespace) in [
            ("esco", "http://data.europa.eu/esco/"),
            ("cnl", "https://linkeddata.competentnl.nl/"),
            ("isbn", "urn:isbn:"),
            ("x", "tag+x.y-z://a"),
        ] {
            assert_eq!(with_prefix(prefix, namespace).check(), Ok(()));
        }
    }

    #[test]
    fn a_bad_prefix_in_the_file_is_a_manifest_diagnostic() {
        let text = "name = \"t\"\nversion = \"1\"\nrelease_date = \"2026-01-02\"\n\
                    languages = [\"nl\"]\nlicence = \"x\"\nsource = \"y\"\n\
                    [prefixes]\n\"a:b\" = \"http://x.org/\"\n";
        let d = Manifest::parse(text).expect_err("refused");
        assert_eq!(d.kind, DiagnosticKind::Manifest);
        assert!(d.message.contains("`a:b`"), "{}", d.message);
    }

    #[test]
    fn absolute_uris_are_recognised() {
        for yes in ["http://a", "https://x.org/y", "urn:x", "git+ssh://h"] {
            assert!(is_absolute_uri(yes), "{yes}");
        }
        for no in [
            "esco:skill/1",
            "skill:lassen",
            "urn:",
            "://x",
            "http:/x",
            "1a://x",
            "",
        ] {
            assert!(!is_absolute_uri(no), "{no}");
        }
    }
}
