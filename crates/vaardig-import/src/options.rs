//! [`ImportOptions`]: strict or lenient, which languages, manifest values, a progress callback.

use std::fmt;

/// How far an import has come, reported to the [`ImportOptions::on_progress`] callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The file being read.
    pub file: String,
    /// Bytes read so far, over all files.
    pub bytes_read: u64,
    /// Bytes of all files together.
    pub bytes_total: u64,
}

/// Manifest values to use instead of what the importer derives from the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestOverrides {
    /// The ontology name.
    pub name: Option<String>,
    /// The release version.
    pub version: Option<String>,
    /// The release date (a [`vaardig_core::Date`]: parse `YYYY-MM-DD` with `str::parse`).
    pub release_date: Option<vaardig_core::Date>,
    /// The licence.
    pub licence: Option<String>,
    /// Who made it, from what.
    pub source: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
}

/// The progress callback.
pub(crate) type ProgressFn = Box<dyn FnMut(&Progress) + Send>;

/// Options shared by every importer. Lenient by default: bad rows and triples are rejected,
/// reported and counted, and the rest is imported.
///
/// ```
/// use vaardig_import::ImportOptions;
///
/// let options = ImportOptions::new()
///     .strict(true)
///     .languages(["en", "nl"])
///     .on_progress(|p| eprintln!("{} / {} bytes", p.bytes_read, p.bytes_total));
/// assert!(options.is_strict());
/// ```
#[derive(Default)]
pub struct ImportOptions {
    strict: bool,
    partial: bool,
    keep_not_current: bool,
    languages: Option<Vec<String>>,
    manifest: ManifestOverrides,
    progress: Option<ProgressFn>,
}

impl fmt::Debug for ImportOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportOptions")
            .field("strict", &self.strict)
            .field("partial", &self.partial)
            .field("keep_not_current", &self.keep_not_current)
            .field("languages", &self.languages)
            .field("manifest", &self.manifest)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl ImportOptions {
    /// Lenient, languages from the input, manifest values derived, no progress callback.
    pub fn new() -> Self {
        ImportOptions::default()
    }

    /// In strict mode any rejected row or triple fails the import with
    /// [`crate::ImportError::Rejected`] (after reading everything, so the report is complete).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Whether strict mode is on.
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// RDF: the input is part of a larger graph (an excerpt, or one file of several). A relation
    /// or ISCO link naming a resource the input does not describe at all (no triple has it as
    /// subject) is then skipped and counted ([`crate::ImportReport::outside_graph`], and by
    /// predicate in [`crate::ImportReport::unused_predicates`]) instead of rejected as a
    /// dangling reference. A resource that is described but rejected still fails its relations.
    pub fn partial(mut self, partial: bool) -> Self {
        self.partial = partial;
        self
    }

    /// Whether the input is a part of a larger graph.
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// RDF: import concepts whose content status is historical or archived (CompetentNL's
    /// Historisch, Gearchiveerd), with that status and their relations, instead of leaving them
    /// out. Scoring does not look at the status, so by default they are left out (and counted).
    pub fn keep_not_current(mut self, keep: bool) -> Self {
        self.keep_not_current = keep;
        self
    }

    /// Whether historical and archived concepts are imported.
    pub fn keeps_not_current(&self) -> bool {
        self.keep_not_current
    }

    /// The languages to import, in preference order (the importer may move a language forward
    /// when the first one cannot be primary; the report notes it).
    pub fn languages<S: Into<String>>(mut self, languages: impl IntoIterator<Item = S>) -> Self {
        self.languages = Some(languages.into_iter().map(Into::into).collect());
        self
    }

    /// The languages asked for, if any.
    pub fn requested_languages(&self) -> Option<&[String]> {
        self.languages.as_deref()
    }

    /// Manifest values that override the derived ones.
    pub fn manifest(mut self, overrides: ManifestOverrides) -> Self {
        self.manifest = overrides;
        self
    }

    /// The manifest overrides.
    pub fn manifest_overrides(&self) -> &ManifestOverrides {
        &self.manifest
    }

    /// Calls `callback` as reading advances (about every 256 KiB and at the end of each file).
    pub fn on_progress(mut self, callback: impl FnMut(&Progress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(callback));
        self
    }

    /// Takes the progress callback out (the importer drives it).
    pub(crate) fn take_progress(&mut self) -> Option<ProgressFn> {
        self.progress.take()
    }
}
