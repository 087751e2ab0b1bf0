//! Streaming triples into per-resource state: classes, labels, attributes, SKOS-XL label links,
//! reification qualifiers, and relation triples. Nothing is decided here that needs the whole
//! graph (what a resource is, which languages); [`super::resolve`] does that at the end.

use std::collections::HashMap;

use oxrdf::{NamedOrBlankNode, Term, Triple};
use vaardig_core::{Diagnostic, DiagnosticKind as K, Location};

use crate::rdf::mapping::{Attribute, LabelRole, Mapping, Qualifier, SchemeField};
use crate::report::ImportReport;
use crate::vocab::{RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE};

/// A resource: its IRI, or `_:<file>:<label>` for a blank node (blank nodes are local to a file).
pub(crate) type Key = String;

/// Where a triple was: the source index and the 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) source: usize,
    pub(crate) line: u64,
}

/// A label-like literal: its role, language tag (lowercase; `None` when untagged) and text.
#[derive(Debug, Clone)]
pub(crate) struct LabelValue {
    pub(crate) role: LabelRole,
    pub(crate) lang: Option<String>,
    pub(crate) text: String,
    pub(crate) pos: Pos,
}

/// The parts of an `rdf:Statement` that qualify a relation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Statement {
    pub(crate) subject: Option<Key>,
    pub(crate) predicate: Option<String>,
    pub(crate) object: Option<Key>,
    pub(crate) level: Option<(String, Pos)>,
}

/// What the triples say about one resource.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    /// Its first triple.
    pub(crate) first: Pos,
    /// Mapped classes (IRIs).
    pub(crate) classes: Vec<String>,
    pub(crate) labels: Vec<LabelValue>,
    pub(crate) attributes: Vec<(Attribute, String, Pos)>,
    pub(crate) scheme: Vec<(SchemeField, String)>,
    /// ISCO codes from links into an ISCO namespace.
    pub(crate) isco: Vec<(String, Pos)>,
    /// SKOS-XL label links: role and label resource.
    pub(crate) xl: Vec<(LabelRole, Key)>,
    pub(crate) statement: Option<Statement>,
    /// Triples about this resource per source, counted once its fate is known.
    pub(crate) counts: Vec<(usize, u64)>,
}

impl Resource {
    fn new(first: Pos) -> Self {
        Resource {
            first,
            classes: Vec::new(),
            labels: Vec::new(),
            attributes: Vec::new(),
            scheme: Vec::new(),
            isco: Vec::new(),
            xl: Vec::new(),
            statement: None,
            counts: Vec::new(),
        }
    }

    fn attach(&mut self, source: usize) {
        match self.counts.iter_mut().find(|(s, _)| *s == source) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((source, 1)),
        }
    }
}

/// A triple whose predicate maps to a relation.
#[derive(Debug, Clone)]
pub(crate) struct RelationTriple {
    pub(crate) subject: Key,
    pub(crate) predicate: String,
    pub(crate) object: Key,
    pub(crate) pos: Pos,
}

/// The state of an RDF import while its files stream through.
#[derive(Debug)]
pub(crate) struct Collector<'m> {
    mapping: &'m Mapping,
    /// Labels in other languages are skipped at once when the caller fixed the languages.
    languages: Option<Vec<String>>,
    pub(crate) resources: HashMap<Key, Resource>,
    pub(crate) relations: Vec<RelationTriple>,
    /// Source index → file name, for locations.
    pub(crate) files: Vec<String>,
}

impl<'m> Collector<'m> {
    /// A collector for `mapping`; with `languages`, labels in other languages are dropped early.
    pub(crate) fn new(mapping: &'m Mapping, languages: Option<Vec<String>>) -> Self {
        Collector {
            mapping,
            languages,
            resources: HashMap::new(),
            relations: Vec::new(),
            files: Vec::new(),
        }
    }

    /// The location of `pos`.
    fn location(&self, pos: Pos) -> Location {
        Location::line(
            self.files.get(pos.source).cloned().unwrap_or_default(),
            pos.line,
        )
    }

    fn resource(&mut self, key: &str, pos: Pos) -> &mut Resource {
        if !self.resources.contains_key(key) {
            self.resources.insert(key.to_owned(), Resource::new(pos));
        }
        // ok: inserted just above when absent.
        self.resources.get_mut(key).expect("present")
    }

    fn reject(&self, report: &mut ImportReport, pos: Pos, message: String) {
        report.reject(
            pos.source,
            Diagnostic::error(K::InvalidValue, self.location(pos), message),
        );
    }

    /// Takes in one triple of source `pos.source`.
    pub(crate) fn triple(&mut self, triple: Triple, pos: Pos, report: &mut ImportReport) {
        report.read_one(pos.source);
        let subject = key(&triple.subject, pos.source);
        let predicate = triple.predicate.as_str();
        let mapping = self.mapping;

        if predicate == RDF_TYPE {
            match &triple.object {
                Term::NamedNode(class) if mapping.classes.contains_key(class.as_str()) => {
                    let r = self.resource(&subject, pos);
                    r.classes.push(class.as_str().to_owned());
                    r.attach(pos.source);
                }
                Term::NamedNode(class) => {
                    *report
                        .unknown_classes
                        .entry(class.as_str().to_owned())
                        .or_default() += 1;
                    report.skipped(pos.source);
                }
                _ => self.reject(report, pos, "`rdf:type` needs a class IRI as object".into()),
            }
            return;
        }

        if let Some(part) = [RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT]
            .iter()
            .position(|p| *p == predicate)
        {
            let value = match &triple.object {
                Term::NamedNode(n) => n.as_str().to_owned(),
                Term::BlankNode(b) if part != 1 => format!("_:{}:{}", pos.source, b.as_str()),
                _ => {
                    self.reject(
                        report,
                        pos,
                        format!("`{predicate}` needs a resource as object"),
                    );
                    return;
                }
            };
            let r = self.resource(&subject, pos);
            let st = r.statement.get_or_insert_with(Statement::default);
            match part {
                0 => st.subject = Some(value),
                1 => st.predicate = Some(value),
                _ => st.object = Some(value),
            }
            r.attach(pos.source);
            return;
        }

        if let Some(&role) = mapping.labels.get(predicate) {
            *report.predicates.entry(predicate.to_owned()).or_default() += 1;
            match role {
                LabelRole::XlPref | LabelRole::XlAlt | LabelRole::XlHidden => {
                    let Some(node) = resource_key(&triple.object, pos.source) else {
                        self.reject(
                            report,
                            pos,
                            format!("SKOS-XL label property `{predicate}` needs a label resource as object, not a literal"),
                        );
                        return;
                    };
                    let r = self.resource(&subject, pos);
                    r.xl.push((role, node));
                    r.attach(pos.source);
                }
                _ => {
                    let Term::Literal(literal) = &triple.object else {
                        self.reject(
                            report,
                            pos,
                            format!("label property `{predicate}` needs a literal as object"),
                        );
                        return;
                    };
                    let lang = literal.language().map(str::to_ascii_lowercase);
                    if let (Some(wanted), Some(l)) = (&self.languages, &lang)
                        && !wanted.contains(l)
                    {
                        *report.ignored_languages.entry(l.clone()).or_default() += 1;
                        report.skipped(pos.source);
                        return;
                    }
                    let value = LabelValue {
                        role,
                        lang,
                        text: literal.value().to_owned(),
                        pos,
                    };
                    let r = self.resource(&subject, pos);
                    r.labels.push(value);
                    r.attach(pos.source);
                }
            }
            return;
        }

        if let Some(rule) = mapping.relations.get(predicate) {
            *report.predicates.entry(predicate.to_owned()).or_default() += 1;
            let object = match &triple.object {
                Term::NamedNode(n) => n.as_str(),
                _ => {
                    self.reject(
                        report,
                        pos,
                        format!("relation property `{predicate}` needs an IRI as object"),
                    );
                    return;
                }
            };
            if let Some(code) = rule
                .isco_namespace
                .as_deref()
                .and_then(|ns| object.strip_prefix(ns))
            {
                let r = self.resource(&subject, pos);
                r.isco.push((code.to_owned(), pos));
                r.attach(pos.source);
                return;
            }
            self.relations.push(RelationTriple {
                subject,
                predicate: predicate.to_owned(),
                object: object.to_owned(),
                pos,
            });
            return;
        }

        if let Some(&attribute) = mapping.attributes.get(predicate) {
            *report.predicates.entry(predicate.to_owned()).or_default() += 1;
            let value = match &triple.object {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => mapping
                    .values
                    .get(n.as_str())
                    .cloned()
                    .unwrap_or_else(|| n.as_str().to_owned()),
                _ => {
                    self.reject(
                        report,
                        pos,
                        format!(
                            "attribute property `{predicate}` needs a literal or IRI as object"
                        ),
                    );
                    return;
                }
            };
            let r = self.resource(&subject, pos);
            r.attributes.push((attribute, value, pos));
            r.attach(pos.source);
            return;
        }

        if let Some(&field) = mapping.scheme.get(predicate) {
            *report.predicates.entry(predicate.to_owned()).or_default() += 1;
            let value = match &triple.object {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => n.as_str().to_owned(),
                _ => {
                    self.reject(report, pos, format!("`{predicate}` needs a value"));
                    return;
                }
            };
            let r = self.resource(&subject, pos);
            r.scheme.push((field, value));
            r.attach(pos.source);
            return;
        }

        if let Some(Qualifier::Level) = mapping.qualifiers.get(predicate) {
            *report.predicates.entry(predicate.to_owned()).or_default() += 1;
            let Term::Literal(l) = &triple.object else {
                self.reject(report, pos, format!("`{predicate}` needs a literal"));
                return;
            };
            let r = self.resource(&subject, pos);
            r.statement.get_or_insert_with(Statement::default).level =
                Some((l.value().to_owned(), pos));
            r.attach(pos.source);
            return;
        }

        *report
            .unknown_predicates
            .entry(predicate.to_owned())
            .or_default() += 1;
        report.skipped(pos.source);
    }
}

/// The key of a subject.
fn key(node: &NamedOrBlankNode, source: usize) -> Key {
    match node {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{source}:{}", b.as_str()),
    }
}

/// The key of an object that is a resource.
fn resource_key(term: &Term, source: usize) -> Option<Key> {
    match term {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        Term::BlankNode(b) => Some(format!("_:{source}:{}", b.as_str())),
        _ => None,
    }
}

/// Whether a key is a blank node.
pub(crate) fn is_blank(key: &str) -> bool {
    key.starts_with("_:")
}
