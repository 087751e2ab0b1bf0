//! What an importer returns: an [`Import`] (the staged builder and its report), and after
//! [`Import::build`] an [`Imported`] ontology.

use vaardig_core::{Diagnostic, Ontology, OntologyBuilder};

use crate::error::ImportError;
use crate::report::ImportReport;

/// A finished read: every accepted concept and relation is in the builder, every rejected one in
/// the report. Build it to validate and freeze the ontology.
#[derive(Debug)]
pub struct Import {
    builder: OntologyBuilder,
    report: ImportReport,
}

impl Import {
    /// Wraps a staged builder; in strict mode any rejection fails the import.
    pub(crate) fn new(
        builder: OntologyBuilder,
        report: ImportReport,
        strict: bool,
    ) -> Result<Import, ImportError> {
        if strict && (report.rejected() > 0 || report.error_count() > 0) {
            return Err(ImportError::Rejected {
                report: Box::new(report),
            });
        }
        Ok(Import { builder, report })
    }

    /// The report: counts per file, unknown predicates, every rejection.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// The builder, to inspect before building.
    pub fn builder(&self) -> &OntologyBuilder {
        &self.builder
    }

    /// The builder (to add to it before building) and the report.
    pub fn into_parts(self) -> (OntologyBuilder, ImportReport) {
        (self.builder, self.report)
    }

    /// Validates and builds the ontology (the core's validation; the importer has already
    /// removed what it would refuse).
    pub fn build(self) -> Result<Imported, ImportError> {
        let built = self.builder.build()?;
        Ok(Imported {
            ontology: built.ontology,
            warnings: built.warnings,
            report: self.report,
        })
    }
}

/// An imported, validated ontology.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The ontology.
    pub ontology: Ontology,
    /// The core's soft warnings about it (an occupation without essential skills, a missing
    /// label in a secondary language, ...).
    pub warnings: Vec<Diagnostic>,
    /// What the import read, used and rejected.
    pub report: ImportReport,
}
