//! Streaming triples into per-resource state: classes, labels, attributes, SKOS-XL label links,
//! reification qualifiers, and relation triples. Nothing is decided here that needs the whole
//! graph (what a resource is, which languages); [`super::resolve`] does that at the end.

use std::collections::HashMap;
use std::rc::Rc;

use indexmap::{IndexMap, IndexSet};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use vaardig_core::{Diagnostic, DiagnosticKind as K, Location, MatchKind};

use crate::rdf::mapping::{Attribute, LabelRole, Mapping, Qualifier, Role, SchemeField};
use crate::report::ImportReport;

/// A resource: its IRI, or `_:<file>:<label>` for a blank node (blank nodes are local to a file).
pub(crate) type Key = String;

/// Where a triple was: the source index and the 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) source: usize,
    pub(crate) line: u64,
}

/// A predicate, interned: an index into [`Collector::predicates`].
pub(crate) type Pred = u32;

/// One triple's place in the accounting: its source and predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Origin {
    pub(crate) source: usize,
    pub(crate) pred: Pred,
}

/// A label-like literal: its role, language tag (lowercase; `None` when untagged) and text, in
/// 64 bytes beside the text (104 and an allocation per tag before): labels are most of what a
/// taxonomy's resources hold.
#[derive(Debug, Clone)]
pub(crate) struct LabelValue {
    pub(crate) role: LabelRole,
    /// Interned: each tag is kept once per import ([`Collector::triple`]).
    pub(crate) lang: Option<Rc<str>>,
    pub(crate) text: Box<str>,
    pub(crate) pos: Pos,
    pub(crate) pred: Pred,
    /// For a form copied from a SKOS-XL label or node-literal resource: that resource and the
    /// form's index in its labels (the triple belongs to it, not to the concept).
    pub(crate) node: Option<Box<(Key, usize)>>,
}

impl LabelValue {
    /// Where the triple of this label is counted.
    pub(crate) fn origin(&self) -> Origin {
        Origin {
            source: self.pos.source,
            pred: self.pred,
        }
    }
}

/// The parts of an `rdf:Statement` that qualify a relation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Statement {
    pub(crate) subject: Option<Key>,
    pub(crate) predicate: Option<String>,
    pub(crate) object: Option<Key>,
    pub(crate) level: Option<(String, Pos)>,
    /// The other qualifiers (weight, source level, tier, rank), with their text.
    pub(crate) extra: Vec<(Qualifier, String, Pos)>,
}

/// What the triples say about one resource.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    /// Its first triple.
    pub(crate) first: Pos,
    /// Mapped classes (IRIs).
    pub(crate) classes: Vec<String>,
    pub(crate) labels: Vec<LabelValue>,
    pub(crate) attributes: Vec<(Attribute, String, Pos, Pred)>,
    pub(crate) scheme: Vec<(SchemeField, String, Origin)>,
    /// Matches to concepts of other taxonomies: kind, IRI, place, predicate.
    pub(crate) matches: Vec<(MatchKind, String, Pos, Pred)>,
    /// Codes as `system code`, place, predicate.
    pub(crate) codes: Vec<(String, Pos, Pred)>,
    /// ISCO codes from links into an ISCO namespace.
    pub(crate) isco: Vec<(String, Pos, Pred)>,
    /// Links to label resources: SKOS-XL labels (role `Xl*`) and node literals
    /// (`Description`), with the link's origin.
    pub(crate) xl: Vec<(LabelRole, Key, Origin)>,
    /// Boxed: few resources are statements (a resource is 240 bytes with it boxed, 368 inline).
    pub(crate) statement: Option<Box<Statement>>,
    /// Triples about this resource per source and predicate, counted once its fate is known.
    pub(crate) counts: Vec<(Origin, u64)>,
}

impl Resource {
    fn new(first: Pos) -> Self {
        Resource {
            first,
            classes: Vec::new(),
            labels: Vec::new(),
            attributes: Vec::new(),
            scheme: Vec::new(),
            matches: Vec::new(),
            codes: Vec::new(),
            isco: Vec::new(),
            xl: Vec::new(),
            statement: None,
            counts: Vec::new(),
        }
    }

    fn attach(&mut self, origin: Origin) {
        match self.counts.iter_mut().find(|(o, _)| *o == origin) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((origin, 1)),
        }
    }

    /// The triples per source, for the staging weight.
    pub(crate) fn weight(&self) -> Vec<(usize, u64)> {
        let mut out: Vec<(usize, u64)> = Vec::new();
        for &(o, n) in &self.counts {
            match out.iter_mut().find(|(s, _)| *s == o.source) {
                Some((_, m)) => *m += n,
                None => out.push((o.source, n)),
            }
        }
        out
    }
}

/// Resources by key, stored densely and each key once: the hash table holds only indices, so
/// growing it moves small entries rather than whole resources.
#[derive(Debug, Default)]
pub(crate) struct Resources {
    items: IndexMap<Key, Resource>,
    /// The position of the resource found last: a subject's triples come in a run (Turtle's
    /// `;`), so its key is compared before it is hashed.
    last: usize,
}

impl Resources {
    /// Takes every resource's labels out, by position ([`Resources::position`]), so they can be
    /// moved into concepts one by one while the rest is still read.
    pub(crate) fn take_labels(&mut self) -> Vec<Vec<LabelValue>> {
        self.items
            .values_mut()
            .map(|r| std::mem::take(&mut r.labels))
            .collect()
    }

    /// The position of resource `key` (its labels' index in [`Resources::take_labels`]).
    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        self.items.get_index_of(key)
    }

    /// The resource `key`, created at `pos` when new.
    fn get_or_insert(&mut self, key: Key, pos: Pos) -> &mut Resource {
        let i = if self
            .items
            .get_index(self.last)
            .is_some_and(|(k, _)| *k == key)
        {
            self.last
        } else {
            match self.items.get_index_of(key.as_str()) {
                Some(i) => i,
                None => self.items.insert_full(key, Resource::new(pos)).0,
            }
        };
        self.last = i;
        &mut self.items[i]
    }

    /// The resource `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Resource> {
        self.items.get(key)
    }

    /// Every resource with its position and key, in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &Key, &Resource)> {
        self.items.iter().enumerate().map(|(i, (k, r))| (i, k, r))
    }
}

/// A triple whose predicate maps to a relation, in 32 bytes: its subject and object interned
/// ([`Collector::iris`]), its predicate as a [`Pred`]. Relation triples are most of a large
/// taxonomy; three strings each made RDF import cost about ten times its input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RelationTriple {
    pub(crate) subject: u32,
    pub(crate) predicate: Pred,
    pub(crate) object: u32,
    pub(crate) pos: Pos,
}

/// An ISCO group's link to an occupation (`skos:narrower` from the group): the occupation's
/// ISCO code, stated from the other side.
#[derive(Debug, Clone)]
pub(crate) struct IscoLink {
    pub(crate) occupation: Key,
    pub(crate) code: String,
    pub(crate) origin: Origin,
}

/// The state of an RDF import while its files stream through.
#[derive(Debug)]
pub(crate) struct Collector<'m> {
    mapping: &'m Mapping,
    /// Labels in other languages are skipped at once when the caller fixed the languages.
    languages: Option<Vec<String>>,
    pub(crate) resources: Resources,
    pub(crate) relations: Vec<RelationTriple>,
    /// The subjects and objects of relation triples, each once ([`RelationTriple`] indexes it).
    pub(crate) iris: IndexSet<Box<str>>,
    /// ISCO codes stated by ISCO groups about occupations.
    pub(crate) isco_links: Vec<IscoLink>,
    /// Source index → file name, for locations.
    pub(crate) files: Vec<String>,
    /// Interned predicate IRIs ([`Pred`] indexes this).
    pub(crate) predicates: Vec<String>,
    predicate_index: HashMap<String, Pred>,
    /// The number of the last relation subject ([`Collector::subject_iri`]).
    last_subject: Option<u32>,
    /// Language tags, each kept once, in order of first use.
    languages_seen: IndexSet<Rc<str>>,
}

impl<'m> Collector<'m> {
    /// A collector for `mapping`; with `languages`, labels in other languages are dropped early.
    pub(crate) fn new(mapping: &'m Mapping, languages: Option<Vec<String>>) -> Self {
        Collector {
            mapping,
            languages,
            resources: Resources::default(),
            relations: Vec::new(),
            iris: IndexSet::new(),
            isco_links: Vec::new(),
            files: Vec::new(),
            predicates: Vec::new(),
            predicate_index: HashMap::new(),
            last_subject: None,
            languages_seen: IndexSet::new(),
        }
    }

    /// Gives back the room the growing lists hold beyond what they keep.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.resources.items.shrink_to_fit();
        self.relations.shrink_to_fit();
    }

    /// The language tag `tag`, kept once. An input has a handful of tags, compared directly
    /// before anything is hashed.
    fn language(&mut self, tag: &str) -> Rc<str> {
        if let Some(l) = self.languages_seen.iter().take(8).find(|l| ***l == *tag) {
            return Rc::clone(l);
        }
        if let Some(l) = self.languages_seen.get(tag) {
            return Rc::clone(l);
        }
        let l: Rc<str> = Rc::from(tag);
        self.languages_seen.insert(Rc::clone(&l));
        l
    }

    fn intern(&mut self, predicate: &str) -> Pred {
        if let Some(&p) = self.predicate_index.get(predicate) {
            return p;
        }
        let p = self.predicates.len() as Pred;
        self.predicates.push(predicate.to_owned());
        self.predicate_index.insert(predicate.to_owned(), p);
        p
    }

    /// The number of relation endpoint `iri`, interned when new; `None` past `u32::MAX`.
    fn iri(&mut self, iri: &str) -> Option<u32> {
        let i = match self.iris.get_index_of(iri) {
            Some(i) => i,
            None => self.iris.insert_full(iri.into()).0,
        };
        u32::try_from(i).ok()
    }

    /// As [`Collector::iri`] for a relation's subject: compared with the last one before it is
    /// hashed (a subject's relations come in a run).
    fn subject_iri(&mut self, iri: &str) -> Option<u32> {
        if let Some(last) = self.last_subject
            && self
                .iris
                .get_index(last as usize)
                .is_some_and(|k| **k == *iri)
        {
            return Some(last);
        }
        let i = self.iri(iri);
        self.last_subject = i;
        i
    }

    /// The location of `pos`.
    fn location(&self, pos: Pos) -> Location {
        Location::line(
            self.files.get(pos.source).cloned().unwrap_or_default(),
            pos.line,
        )
    }

    fn resource(&mut self, key: Key, pos: Pos) -> &mut Resource {
        self.resources.get_or_insert(key, pos)
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
        let Triple {
            subject,
            predicate,
            object,
        } = triple;
        let mapping = self.mapping;
        let Some(role) = mapping.role(predicate.as_str()) else {
            match report.unknown_predicates.get_mut(predicate.as_str()) {
                Some(n) => *n += 1,
                None => {
                    report.unknown_predicates.insert(predicate.into_string(), 1);
                }
            }
            report.skipped(pos.source);
            return;
        };
        if !matches!(role, Role::Type | Role::Reify(_) | Role::Unused) {
            match report.predicates.get_mut(predicate.as_str()) {
                Some(n) => *n += 1,
                None => {
                    report.predicates.insert(predicate.as_str().to_owned(), 1);
                }
            }
        }
        if role == Role::Unused {
            *report
                .unused_predicates
                .entry(predicate.into_string())
                .or_default() += 1;
            report.skipped(pos.source);
            return;
        }
        let pred = self.intern(predicate.as_str());
        let origin = Origin {
            source: pos.source,
            pred,
        };
        let subject = key(subject, pos.source);

        match role {
            Role::Type => match object {
                Term::NamedNode(class) if mapping.classes.contains_key(class.as_str()) => {
                    let r = self.resource(subject, pos);
                    r.classes.push(class.into_string());
                    r.attach(origin);
                }
                Term::NamedNode(class) => {
                    match report.unknown_classes.get_mut(class.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            report.unknown_classes.insert(class.into_string(), 1);
                        }
                    }
                    report.skipped(pos.source);
                }
                _ => self.reject(report, pos, "`rdf:type` needs a class IRI as object".into()),
            },
            Role::Reify(part) => {
                let value = match object {
                    Term::NamedNode(n) => n.into_string(),
                    Term::BlankNode(b) if part != 1 => blank_key(pos.source, b.as_str()),
                    _ => {
                        self.reject(
                            report,
                            pos,
                            format!("`{predicate}` needs a resource as object"),
                        );
                        return;
                    }
                };
                let r = self.resource(subject, pos);
                let st = r.statement.get_or_insert_with(Box::default);
                match part {
                    0 => st.subject = Some(value),
                    1 => st.predicate = Some(value),
                    _ => st.object = Some(value),
                }
                r.attach(origin);
            }
            Role::Label(role @ (LabelRole::XlPref | LabelRole::XlAlt | LabelRole::XlHidden)) => {
                let node = match object {
                    Term::NamedNode(n) => n.into_string(),
                    Term::BlankNode(b) => blank_key(pos.source, b.as_str()),
                    _ => {
                        self.reject(
                            report,
                            pos,
                            format!("SKOS-XL label property `{predicate}` needs a label resource as object, not a literal"),
                        );
                        return;
                    }
                };
                let r = self.resource(subject, pos);
                r.xl.push((role, node, origin));
                r.attach(origin);
            }
            Role::Label(LabelRole::Description)
                if matches!(object, Term::NamedNode(_) | Term::BlankNode(_)) =>
            {
                // A node-literal description (ESCO): the text is on the node.
                let node = match object {
                    Term::NamedNode(n) => n.into_string(),
                    Term::BlankNode(b) => blank_key(pos.source, b.as_str()),
                    _ => return,
                };
                let r = self.resource(subject, pos);
                r.xl.push((LabelRole::Description, node, origin));
                r.attach(origin);
            }
            Role::Label(role) => {
                let Term::Literal(literal) = object else {
                    self.reject(
                        report,
                        pos,
                        format!("label property `{predicate}` needs a literal as object"),
                    );
                    return;
                };
                let (text, _, lang) = literal.destruct();
                let lang = lang.map(|mut l| {
                    l.make_ascii_lowercase();
                    l
                });
                if let (Some(wanted), Some(l)) = (&self.languages, &lang)
                    && role != LabelRole::NodeLanguage
                    && crate::rdf::resolve::fold_language(l, wanted).is_none()
                {
                    *report.ignored_languages.entry(l.clone()).or_default() += 1;
                    *report
                        .unused_predicates
                        .entry(predicate.into_string())
                        .or_default() += 1;
                    report.skipped(pos.source);
                    return;
                }
                let lang = lang.map(|l| self.language(&l));
                let r = self.resource(subject, pos);
                r.labels.push(LabelValue {
                    role,
                    lang,
                    text: text.into_boxed_str(),
                    pos,
                    pred,
                    node: None,
                });
                r.attach(origin);
            }
            Role::Relation => {
                let Term::NamedNode(object) = object else {
                    self.reject(
                        report,
                        pos,
                        format!("relation property `{predicate}` needs an IRI as object"),
                    );
                    return;
                };
                let rule = mapping.relations.get(predicate.as_str());
                let isco_ns = rule.and_then(|rule| rule.isco_namespace.as_deref());
                let inverse = rule.is_some_and(|rule| rule.inverse);
                if let Some(ns) = isco_ns {
                    if !inverse && let Some(code) = object.as_str().strip_prefix(ns) {
                        let code = code.to_owned();
                        let r = self.resource(subject, pos);
                        r.isco.push((code, pos, pred));
                        r.attach(origin);
                        return;
                    }
                    if inverse && let Some(code) = subject.strip_prefix(ns) {
                        // The group states the link from its side (`skos:narrower`): the
                        // occupation's code, merged with its own `skos:broader` if it has one.
                        self.isco_links.push(IscoLink {
                            occupation: object.into_string(),
                            code: code.to_owned(),
                            origin,
                        });
                        return;
                    }
                }
                let (Some(subject), Some(object)) =
                    (self.subject_iri(&subject), self.iri(object.as_str()))
                else {
                    self.reject(
                        report,
                        pos,
                        "more than 2^32 − 1 distinct resources in relations".to_owned(),
                    );
                    return;
                };
                self.relations.push(RelationTriple {
                    subject,
                    predicate: pred,
                    object,
                    pos,
                });
            }
            Role::Attribute(attribute) => {
                let value = match object {
                    Term::Literal(l) => l.destruct().0,
                    Term::NamedNode(n) => match mapping.values.get(n.as_str()) {
                        Some(v) => v.clone(),
                        None => n.into_string(),
                    },
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
                let r = self.resource(subject, pos);
                if attribute == Attribute::Codes {
                    r.codes.push((value, pos, pred));
                } else {
                    r.attributes.push((attribute, value, pos, pred));
                }
                r.attach(origin);
            }
            Role::Scheme(field) => {
                let value = match object {
                    Term::Literal(l) => l.destruct().0,
                    Term::NamedNode(n) => n.into_string(),
                    _ => {
                        self.reject(report, pos, format!("`{predicate}` needs a value"));
                        return;
                    }
                };
                let r = self.resource(subject, pos);
                r.scheme.push((field, value, origin));
                r.attach(origin);
            }
            Role::Qualifier(q) => {
                let Term::Literal(l) = object else {
                    self.reject(report, pos, format!("`{predicate}` needs a literal"));
                    return;
                };
                let r = self.resource(subject, pos);
                let st = r.statement.get_or_insert_with(Box::default);
                if q == Qualifier::Level {
                    st.level = Some((l.destruct().0, pos));
                } else {
                    st.extra.push((q, l.destruct().0, pos));
                }
                r.attach(origin);
            }
            Role::Match(kind) => {
                let Term::NamedNode(n) = object else {
                    self.reject(
                        report,
                        pos,
                        format!("match property `{predicate}` needs an IRI as object"),
                    );
                    return;
                };
                let r = self.resource(subject, pos);
                r.matches.push((kind, n.into_string(), pos, pred));
                r.attach(origin);
            }
            Role::Unused => {}
        }
    }
}

/// The key of a subject (moved, not copied, for IRIs).
fn key(node: NamedOrBlankNode, source: usize) -> Key {
    match node {
        NamedOrBlankNode::NamedNode(n) => n.into_string(),
        NamedOrBlankNode::BlankNode(b) => blank_key(source, b.as_str()),
    }
}

/// `_:<source>:<label>`: blank nodes are local to their file.
fn blank_key(source: usize, label: &str) -> Key {
    let source = source.to_string();
    let mut key = String::with_capacity(3 + source.len() + label.len());
    key.push_str("_:");
    key.push_str(&source);
    key.push(':');
    key.push_str(label);
    key
}

/// Whether a key is a blank node.
pub(crate) fn is_blank(key: &str) -> bool {
    key.starts_with("_:")
}

#[cfg(test)]
mod tests {
    use oxrdf::{NamedNode, Triple};

    use super::*;

    #[test]
    fn relation_triples_keep_numbers_not_strings() {
        // Before, each relation triple kept its subject, predicate and object IRIs as strings
        // (RDF import peaked at about ten times its input).
        let mapping = Mapping::competentnl();
        let mut collector = Collector::new(&mapping, None);
        let mut report = ImportReport::new("rdf");
        let source = report.add_source("t.ttl");
        collector.files.push("t.ttl".to_owned());
        let requires = "https://linkeddata.competentnl.nl/def/competentnl#requiresHATEssential";
        for i in 0..1_000u64 {
            let triple = Triple::new(
                NamedNode::new_unchecked(format!("https://example.org/occ{}", i % 10)),
                NamedNode::new_unchecked(requires),
                NamedNode::new_unchecked(format!("https://example.org/skill{}", i % 100)),
            );
            collector.triple(
                triple,
                Pos {
                    source,
                    line: i + 1,
                },
                &mut report,
            );
        }
        assert_eq!(collector.relations.len(), 1_000);
        // 110 IRIs kept once each, one predicate, and 32 bytes per triple.
        assert_eq!(collector.iris.len(), 110);
        assert_eq!(collector.predicates.len(), 1);
        assert_eq!(std::mem::size_of::<RelationTriple>(), 32);
        // The same size and alignment as a staged relation, so resolution turns the triples into
        // staged relations in place.
        assert_eq!(
            std::alloc::Layout::new::<RelationTriple>(),
            std::alloc::Layout::new::<crate::staging::StagedRelation>()
        );
        let last = collector.relations[999];
        assert_eq!(
            &*collector.iris[last.object as usize],
            "https://example.org/skill99"
        );
    }
}
