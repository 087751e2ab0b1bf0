//! The manifest (`ontology.toml`): what an ontology is, which version, in which languages.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};

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
    /// The release date, `YYYY-MM-DD`.
    pub release_date: String,
    /// Language codes; the first is the primary language, whose labels are required.
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
}

impl Manifest {
    /// A manifest for an ontology built in code.
    pub fn new(name: &str, version: &str, languages: &[&str]) -> Self {
        Manifest {
            name: name.to_owned(),
            version: version.to_owned(),
            release_date: "1970-01-01".to_owned(),
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            licence: "unspecified".to_owned(),
            source: "built in code".to_owned(),
            illustrative_codes: false,
            notes: None,
        }
    }

    /// The primary language (the first listed).
    pub fn primary_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("nl")
    }

    /// Parses and checks a manifest.
    pub fn parse(text: &str) -> Result<Manifest, Diagnostic> {
        let at = || Location::file(MANIFEST_FILE);
        let manifest: Manifest = toml::from_str(text).map_err(|e| {
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
        manifest
            .check()
            .map_err(|msg| Diagnostic::error(DiagnosticKind::Manifest, at(), msg))?;
        Ok(manifest)
    }

    /// Checks the values a parser cannot: languages and the date format.
    pub fn check(&self) -> Result<(), String> {
        if self.languages.is_empty() {
            return Err("`languages` must name at least one language".into());
        }
        for lang in &self.languages {
            let ok = (2..=8).contains(&lang.len())
                && lang.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            if !ok {
                return Err(format!(
                    "language code `{lang}` is not a lowercase code such as `nl` or `en`"
                ));
            }
        }
        let mut seen = self.languages.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.languages.len() {
            return Err("`languages` lists a language twice".into());
        }
        let date_ok = {
            let parts: Vec<&str> = self.release_date.split('-').collect();
            parts.len() == 3
                && parts[0].len() == 4
                && parts[1].len() == 2
                && parts[2].len() == 2
                && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
                && matches!(parts[1].parse::<u8>(), Ok(1..=12))
                && matches!(parts[2].parse::<u8>(), Ok(1..=31))
        };
        if !date_ok {
            return Err(format!(
                "`release_date` `{}` is not a date in the form YYYY-MM-DD",
                self.release_date
            ));
        }
        if self.name.trim().is_empty() || self.version.trim().is_empty() {
            return Err("`name` and `version` must not be empty".into());
        }
        Ok(())
    }

    /// The manifest as TOML.
    pub fn to_toml(&self) -> String {
        // Serialising a struct of strings, bools and a string list cannot fail.
        toml::to_string(self).unwrap_or_default()
    }
}
