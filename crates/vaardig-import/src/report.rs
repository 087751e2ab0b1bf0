//! [`ImportReport`]: what an import read, used, skipped and rejected — nothing is dropped
//! without being counted here, and every rejected row or triple has a [`Diagnostic`] with file,
//! line and reason.

use std::collections::BTreeMap;

use serde::Serialize;
use vaardig_core::{Diagnostic, Severity};

/// At most this many diagnostics are kept per import; further ones are counted in
/// [`ImportReport::diagnostics_not_listed`] (so a garbage file cannot exhaust memory).
pub const MAX_DIAGNOSTICS: usize = 10_000;

/// Counts for one input file: a CSV table or an RDF document.
///
/// Invariant: `read == imported + skipped + rejected`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    /// The file as it was named to the importer.
    pub file: String,
    /// Data rows (CSV, header excluded) or triples and syntax errors (RDF) read.
    pub read: u64,
    /// Rows or triples that went into the ontology (as a concept, labels, an attribute or a
    /// relation; a relation stated twice in RDF counts both times, see `merged_duplicates`).
    pub imported: u64,
    /// Rows or triples the mapping deliberately does not import (ISCO group rows, unknown
    /// predicates, triples about resources of unmapped classes); not errors.
    pub skipped: u64,
    /// Rows or triples rejected; each has a diagnostic (up to [`MAX_DIAGNOSTICS`]).
    pub rejected: u64,
}

/// Everything an import did, for people (`vaardig import` prints it) and programs (JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// `esco-csv` or `rdf`.
    pub format: String,
    /// The manifest languages chosen, primary first.
    pub languages: Vec<String>,
    /// Per input file, in reading order.
    pub sources: Vec<SourceCounts>,
    /// RDF: triples per mapped predicate IRI.
    pub predicates: BTreeMap<String, u64>,
    /// RDF: triples per predicate IRI the mapping does not know (skipped, not fatal).
    pub unknown_predicates: BTreeMap<String, u64>,
    /// RDF: `rdf:type` triples per class IRI the mapping does not know.
    pub unknown_classes: BTreeMap<String, u64>,
    /// RDF: triples of known predicates that were read but not kept, per predicate IRI: the
    /// mapping's `[unused]` predicates, labels in languages not imported, a second definition,
    /// an attribute the concept's kind has no place for, a note on a concept, a historical
    /// label, the triples of an archived concept or of a resource of no mapped class.
    ///
    /// Invariant (RDF): every skipped triple is counted here, in `unknown_predicates` or in
    /// `unknown_classes`, so the three add up to the sources' `skipped`.
    pub unused_predicates: BTreeMap<String, u64>,
    /// RDF: concepts not imported because their content status is not current (UWV's
    /// `cnluwv:hasContentStatus` Historisch / Gearchiveerd), by status; their relations are
    /// skipped with them.
    pub concepts_not_current: BTreeMap<String, u64>,
    /// RDF: SKOS-XL labels not imported because their content status is not current, by status
    /// (a historical job title is not a synonym).
    pub labels_not_current: BTreeMap<String, u64>,
    /// RDF, with [`crate::ImportOptions::partial`]: relations skipped because an endpoint is
    /// not described in the input (also counted by predicate in `unused_predicates`).
    pub outside_graph: u64,
    /// RDF: links to label resources (SKOS-XL labels, node literals) that the input does not
    /// describe; one warning per concept lists them.
    pub missing_label_resources: u64,
    /// RDF: labels in a regional variant folded into an imported language (`en-us` → `en`), by
    /// tag; a preferred label that differs from the imported language's becomes a synonym.
    pub folded_languages: BTreeMap<String, u64>,
    /// RDF: resources with triples but no mapped class (their triples are skipped).
    pub unmapped_subjects: u64,
    /// Labels, synonyms and definitions skipped because their language is not imported, by
    /// language tag.
    pub ignored_languages: BTreeMap<String, u64>,
    /// RDF: attribute values a concept's kind has no place for (a `skos:notation` on a skill, a
    /// notation on an occupation that is not an ISCO code), by attribute.
    pub unused_attributes: BTreeMap<String, u64>,
    /// RDF: relations stated more than once (e.g. both `skos:broader` and the inverse
    /// `skos:narrower`) and merged into one.
    pub merged_duplicates: u64,
    /// Tables: rows deliberately not imported, by `file: reason` (O*NET's job zones, a rating
    /// with Recommend Suppress = Y, an importance below the optional threshold, ...).
    ///
    /// Invariant (O*NET): these add up to the sources' `skipped`.
    pub skipped_rows: BTreeMap<String, u64>,
    /// Tables: non-empty cells of columns that are read but not kept, by `file: column`
    /// (O*NET's N, standard error, confidence bounds, dates, domain source, ...).
    pub unused_columns: BTreeMap<String, u64>,
    /// Concepts imported, by kind.
    pub concepts: BTreeMap<String, u64>,
    /// Relations imported, by kind.
    pub relations: BTreeMap<String, u64>,
    /// Decisions the importer took that the reader should know (e.g. the primary language).
    pub notes: Vec<String>,
    /// Every rejection (error) and adjustment (warning), with file, line and reason.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics beyond [`MAX_DIAGNOSTICS`], counted only.
    pub diagnostics_not_listed: u64,
}

impl ImportReport {
    /// An empty report for `format`.
    pub fn new(format: &str) -> Self {
        ImportReport {
            format: format.to_owned(),
            ..ImportReport::default()
        }
    }

    /// Rows and triples rejected, over all sources.
    pub fn rejected(&self) -> u64 {
        self.sources.iter().map(|s| s.rejected).sum()
    }

    /// Rows and triples read, over all sources.
    pub fn read(&self) -> u64 {
        self.sources.iter().map(|s| s.read).sum()
    }

    /// How many error diagnostics (rejections) there are, listed or not.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many warning diagnostics (adjustments) are listed.
    pub fn warning_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// The counts of the source named `file`.
    pub fn source(&self, file: &str) -> Option<&SourceCounts> {
        self.sources.iter().find(|s| s.file == file)
    }

    /// Adds a source and returns its index.
    pub(crate) fn add_source(&mut self, file: impl Into<String>) -> usize {
        self.sources.push(SourceCounts {
            file: file.into(),
            ..SourceCounts::default()
        });
        self.sources.len() - 1
    }

    /// Records a diagnostic (kept up to [`MAX_DIAGNOSTICS`], counted beyond).
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(diagnostic);
        } else {
            self.diagnostics_not_listed += 1;
        }
    }

    /// Counts one rejected row or triple of `source` and records why.
    pub(crate) fn reject(&mut self, source: usize, diagnostic: Diagnostic) {
        if let Some(s) = self.sources.get_mut(source) {
            s.rejected += 1;
        }
        self.push(diagnostic);
    }

    /// Counts one imported row or triple of `source`.
    pub(crate) fn imported(&mut self, source: usize) {
        if let Some(s) = self.sources.get_mut(source) {
            s.imported += 1;
        }
    }

    /// Counts one skipped row or triple of `source`.
    pub(crate) fn skipped(&mut self, source: usize) {
        if let Some(s) = self.sources.get_mut(source) {
            s.skipped += 1;
        }
    }

    /// Counts one row or triple read from `source`.
    pub(crate) fn read_one(&mut self, source: usize) {
        if let Some(s) = self.sources.get_mut(source) {
            s.read += 1;
        }
    }

    /// Moves one triple of `source` from imported to skipped, as not kept, under `predicate`.
    pub(crate) fn unkept(&mut self, source: usize, predicate: &str) {
        if let Some(s) = self.sources.get_mut(source) {
            s.imported = s.imported.saturating_sub(1);
            s.skipped += 1;
        }
        *self
            .unused_predicates
            .entry(predicate.to_owned())
            .or_default() += 1;
    }

    /// Skipped triples that no per-name count explains: 0 for an RDF import (see
    /// [`ImportReport::unused_predicates`]).
    pub fn unexplained_skipped(&self) -> i64 {
        let skipped: u64 = self.sources.iter().map(|s| s.skipped).sum();
        let named: u64 = self.unknown_predicates.values().sum::<u64>()
            + self.unknown_classes.values().sum::<u64>()
            + self.unused_predicates.values().sum::<u64>();
        skipped as i64 - named as i64
    }

    /// Whether any source's counts break `read == imported + skipped + rejected`.
    pub fn counts_balance(&self) -> bool {
        self.sources
            .iter()
            .all(|s| s.read == s.imported + s.skipped + s.rejected)
    }
}
