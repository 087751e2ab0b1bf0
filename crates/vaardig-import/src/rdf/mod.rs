//! RDF import: Turtle, N-Triples and N-Quads, streamed, mapped onto concepts and relations by a
//! [`Mapping`].
//!
//! # What is read
//! - **Classes** (`rdf:type`) decide what a resource is, per the mapping's `[classes]`; a
//!   resource with two concept classes of different kinds is rejected; resources of no mapped
//!   class are counted ([`crate::ImportReport::unmapped_subjects`]) and their triples skipped.
//! - **Labels**: `skos:prefLabel`, `skos:altLabel`, `skos:hiddenLabel` (a synonym: it exists to be
//!   found), `skos:definition`, and SKOS-XL labels (`skosxl:prefLabel` → a label resource →
//!   `skosxl:literalForm`), with language tags. Untagged literals are in the primary language;
//!   labels in languages outside the manifest are counted and skipped. A second preferred label
//!   in one language becomes a synonym (with a warning).
//! - **Relations** per the mapping's `[relations]`, with importance (`cnlo:requiresHATEssential`
//!   → `requires`, essential) and direction (`skos:narrower` is `broader` inverted). A relation
//!   stated twice (e.g. `skos:broader` and the inverse `skos:narrower`) is merged. A relation's
//!   level comes from an `rdf:Statement` that reifies it, with `vd:level`.
//! - **Attributes** per `[attributes]`: `skos:notation` is a qualification's code or an
//!   occupation's ISCO code (1–4 digits); vaardig's own `vd:` properties carry the rest.
//! - **The manifest** from the `skos:ConceptScheme` (`dcterms:title`, `owl:versionInfo`,
//!   `dcterms:issued`, `vd:languages`, ...), overridable by the caller.
//! - **Ids**: IRIs, shortened by the mapping's `[ids]` namespaces (see [`crate::IdScheme`]). Every
//!   `[ids]` prefix that shortened a concept's id is recorded in the manifest's `prefixes`, so the
//!   full IRI finds the concept again ([`vaardig_core::Ontology::index_of`]); IRIs under
//!   `urn:vaardig:id:` (vaardig's own export of ids without a namespace) are decoded, not
//!   recorded.
//!
//! Unknown predicates and classes are counted, never fatal. Broken syntax is reported with its
//! line and column, and parsing resumes at the next statement.

mod collect;
mod mapping;
mod parse;
mod pending;
mod resolve;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use vaardig_core::{Diagnostic, DiagnosticKind as K, Location};

use crate::error::ImportError;
use crate::imported::Import;
use crate::options::ImportOptions;
use crate::progress::Tracker;
use crate::report::ImportReport;

pub use self::mapping::{COMPETENTNL_TOML, ESCO_TOML, Mapping};
pub use self::parse::RdfFormat;

use self::collect::{Collector, Pos};
use self::parse::{Event, Stop, parse};

/// Imports RDF files (format from the extension: `.ttl`, `.nt`, `.nq`) with `mapping`.
///
/// ```
/// use vaardig_import::{ImportOptions, Mapping, RdfFormat, import_rdf_reader};
///
/// let ttl = r#"
/// @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
/// @prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
/// @prefix ex: <https://example.org/> .
/// ex:lassen a cnlo:HumanCapability ; skos:prefLabel "lassen"@nl, "welding"@en .
/// ex:lasser a cnlo:Occupation ; skos:prefLabel "lasser"@nl, "welder"@en ;
///     cnlo:requiresHATEssential ex:lassen .
/// "#;
/// let import = import_rdf_reader(
///     ttl.as_bytes(),
///     RdfFormat::Turtle,
///     "example.ttl",
///     &Mapping::competentnl(),
///     ImportOptions::new(),
/// )?;
/// assert_eq!(import.report().rejected(), 0);
/// let ontology = import.build()?.ontology;
/// assert_eq!(ontology.len(), 2);
/// assert!(ontology.get("https://example.org/lasser").is_some());
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
///
/// # Errors
/// [`ImportError::Io`] for unreadable files, [`ImportError::Options`] for an unknown extension
/// or unusable manifest values, [`ImportError::Limit`] for a line or string over 16 MiB or more
/// than 1,000 syntax errors in one file, and in strict mode [`ImportError::Rejected`] when any triple was
/// rejected (syntax errors included).
pub fn import_rdf<P: AsRef<Path>>(
    files: &[P],
    mapping: &Mapping,
    mut options: ImportOptions,
) -> Result<Import, ImportError> {
    let mut inputs = Vec::with_capacity(files.len());
    let mut total = 0;
    for path in files {
        let path = path.as_ref();
        let format = RdfFormat::from_path(path).ok_or_else(|| {
            ImportError::Options(format!(
                "cannot tell the RDF format of {} from its extension (expected .ttl, .nt or .nq)",
                path.display()
            ))
        })?;
        total += std::fs::metadata(path).map_or(0, |m| m.len());
        inputs.push((path.to_owned(), format));
    }
    let mut tracker = Tracker::new(options.take_progress(), total);
    let mut report = ImportReport::new("rdf");
    let mut collector = Collector::new(mapping, options.requested_languages().map(<[_]>::to_vec));
    for (path, format) in inputs {
        let file = File::open(&path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        let name = path.display().to_string();
        let reader = tracker.start(&name, BufReader::with_capacity(1 << 16, file));
        read_one(
            reader,
            format,
            &name,
            &mut collector,
            &mut report,
            &mut tracker,
        )
        .map_err(|stop| stopped(stop, &path))?;
    }
    finish(collector, mapping, &options, report)
}

/// Imports one RDF document from a reader; `name` names it in diagnostics.
///
/// # Errors
/// As [`import_rdf`].
pub fn import_rdf_reader(
    input: impl BufRead,
    format: RdfFormat,
    name: &str,
    mapping: &Mapping,
    mut options: ImportOptions,
) -> Result<Import, ImportError> {
    let mut tracker = Tracker::new(options.take_progress(), 0);
    let mut report = ImportReport::new("rdf");
    let mut collector = Collector::new(mapping, options.requested_languages().map(<[_]>::to_vec));
    let reader = tracker.start(name, input);
    read_one(
        reader,
        format,
        name,
        &mut collector,
        &mut report,
        &mut tracker,
    )
    .map_err(|stop| stopped(stop, Path::new(name)))?;
    finish(collector, mapping, &options, report)
}

/// The error for parsing that stopped early in `path`.
fn stopped(stop: Stop, path: &Path) -> ImportError {
    match stop {
        Stop::Io(source) => ImportError::Io {
            path: path.to_owned(),
            source,
        },
        Stop::Limit {
            line,
            column,
            message,
        } => ImportError::Limit {
            file: path.display().to_string(),
            line,
            column,
            message,
        },
    }
}

/// Streams one document into the collector.
fn read_one(
    reader: impl BufRead,
    format: RdfFormat,
    name: &str,
    collector: &mut Collector<'_>,
    report: &mut ImportReport,
    tracker: &mut Tracker,
) -> Result<(), Stop> {
    let source = report.add_source(name);
    collector.files.push(name.to_owned());
    let mut n = 0u32;
    parse(reader, format, |event| {
        match event {
            Event::Triple(triple, line) => collector.triple(triple, Pos { source, line }, report),
            Event::Error(e, line) => {
                let start = e.location().start;
                report.read_one(source);
                report.reject(
                    source,
                    Diagnostic::error(
                        K::Syntax,
                        Location::line(name, line),
                        format!("{} (column {})", e.message(), start.column + 1),
                    ),
                );
            }
        }
        n += 1;
        if n.is_multiple_of(8192) {
            tracker.tick();
        }
    })?;
    tracker.flush();
    Ok(())
}

/// Resolves what was collected and stages it into a builder.
fn finish(
    mut collector: Collector<'_>,
    mapping: &Mapping,
    options: &ImportOptions,
    mut report: ImportReport,
) -> Result<Import, ImportError> {
    // Done growing: the lists give back the up to half of their room that doubling left empty
    // before resolution adds the concepts and relations beside them.
    collector.shrink_to_fit();
    let (staging, manifest) = resolve::resolve(collector, mapping, options, &mut report)?;
    report.languages = staging.languages().to_vec();
    let builder = staging.finish(manifest, &mut report);
    Import::new(builder, report, options.is_strict())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One concept per built-in mapping that carries one triple of every predicate the
    /// mapping knows but does not keep (`[unused]`), and every manifest-only predicate
    /// (`[scheme]`, e.g. `skos:note`): each must be reported by name, none imported silently.
    #[test]
    fn every_known_but_unused_predicate_is_reported_by_name() {
        for (mapping, class, lang) in [
            (
                Mapping::competentnl(),
                "https://linkeddata.competentnl.nl/def/competentnl#HumanCapability",
                "nl",
            ),
            (
                Mapping::esco(),
                "http://data.europa.eu/esco/model#Skill",
                "en",
            ),
        ] {
            let mut predicates: Vec<&String> = mapping.unused.keys().collect();
            predicates.extend(mapping.scheme.keys());
            predicates.sort();
            let mut ttl = format!(
                "<https://example.org/c> a <{class}> ;\n    <http://www.w3.org/2004/02/skos/core#prefLabel> \"c\"@{lang}"
            );
            for p in &predicates {
                ttl.push_str(&format!(" ;\n    <{p}> \"x\""));
            }
            ttl.push_str(" .\n");
            let import = import_rdf_reader(
                ttl.as_bytes(),
                RdfFormat::Turtle,
                "all.ttl",
                &mapping,
                ImportOptions::new().strict(true),
            )
            .expect("nothing is rejected"); // ok: test code, a failure here fails the test
            let r = import.report();
            for p in &predicates {
                assert_eq!(
                    r.unused_predicates.get(p.as_str()),
                    Some(&1),
                    "{}: `{p}` is not reported",
                    mapping.name()
                );
            }
            assert_eq!(r.unexplained_skipped(), 0, "{}", mapping.name());
            assert!(r.counts_balance());
            // Only the type and the label went in.
            assert_eq!(r.sources[0].imported, 2, "{}", mapping.name());
        }
    }
}
