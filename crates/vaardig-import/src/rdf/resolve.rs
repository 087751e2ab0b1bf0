//! From collected resources to staged concepts and relations: what each resource is, which
//! languages the ontology has, the manifest, and the relations with their qualifiers.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use std::str::FromStr;

use vaardig_core::{Concept, Date, normalise_language, primary_language, same_language};
use vaardig_core::{
    ConceptData, ConceptKind, Diagnostic, DiagnosticKind as K, Labels, Level, Location, Manifest,
    Nlqf, Relation,
};

use crate::error::ImportError;
use crate::options::ImportOptions;
use crate::rdf::collect::Statement;
use crate::rdf::collect::{
    Collector, Key, LabelValue, Origin, Pos, Pred, Resource, Resources, is_blank,
};
use crate::rdf::mapping::{Attribute, ClassRule, LabelRole, Mapping, Qualifier, Role, SchemeField};
use crate::report::ImportReport;
use crate::staging::{Duplicates, StagedRelation, Staging, is_isco};
use crate::vocab::VAARDIG_SCHEME;

/// What a resource turned out to be.
enum Fate<'m> {
    Concept(ConceptKind, &'m [(Attribute, String)]),
    Scheme,
    Ignore,
    Unmapped,
    /// Boxed: a fate is made for every resource, and few are rejected.
    Rejected(Box<Diagnostic>),
}

/// A content status (UWV's `cnluwv:hasContentStatus`: Actueel, Historisch, Gearchiveerd).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Current,
    Historical,
    Archived,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Historical => "historical",
            Status::Archived => "archived",
        }
    }

    /// Reads a status from its name (Dutch or English, any case) or an IRI ending in one.
    fn from_name(name: &str) -> Option<Status> {
        let last = name
            .rsplit(['/', '#', ':'])
            .next()
            .unwrap_or(name)
            .trim()
            .to_lowercase();
        match last.as_str() {
            "actueel" | "current" | "active" => Some(Status::Current),
            "historisch" | "historical" | "historic" => Some(Status::Historical),
            "gearchiveerd" | "archived" | "archief" => Some(Status::Archived),
            _ => None,
        }
    }
}

/// A triple read but not kept while building a concept: the concept's own, or one of a label
/// resource whose form was copied onto it.
enum Dropped {
    Own(Origin),
    Node(Key, usize, Origin),
}

/// The manifest language a label tag belongs to: the tag itself when the manifest has it, else
/// its primary subtag (`en-us` → `en`) when the manifest has that. `None`: not imported.
///
/// Tags compare without case, as BCP 47 says (`en-us` is the manifest's `en-US`).
pub(crate) fn fold_language<'a>(tag: &str, languages: &'a [String]) -> Option<&'a str> {
    if let Some(l) = languages.iter().find(|l| same_language(l, tag)) {
        return Some(l.as_str());
    }
    let primary = primary_language(tag);
    languages
        .iter()
        .find(|l| same_language(l, &primary))
        .map(String::as_str)
}

/// The labels of resource `key` ([`Resources::take_labels`] took them out into `labels`).
fn labels_of<'a>(
    resources: &Resources,
    labels: &'a [Vec<LabelValue>],
    key: &str,
) -> &'a [LabelValue] {
    resources
        .position(key)
        .and_then(|i| labels.get(i))
        .map_or(&[], Vec::as_slice)
}

/// The status a resource's `status` attribute names, if it has one; an unreadable status is
/// warned about and taken as current.
fn status_of(
    r: &Resource,
    resources: &Resources,
    labels: &[Vec<LabelValue>],
    mapping: &Mapping,
    used: &mut HashSet<Key>,
    warn: &mut dyn FnMut(Pos, String),
) -> Option<Status> {
    let (_, value, pos, _) = r
        .attributes
        .iter()
        .find(|(a, _, _, _)| *a == Attribute::Status)?;
    if let Some(s) = mapping.values.get(value).and_then(|v| Status::from_name(v)) {
        return Some(s);
    }
    let named = resources.get(value).and_then(|_| {
        labels_of(resources, labels, value)
            .iter()
            .filter(|l| matches!(l.role, LabelRole::Name | LabelRole::Pref))
            .find_map(|l| Status::from_name(&l.text))
    });
    if named.is_some() {
        used.insert(value.clone());
    }
    match named.or_else(|| Status::from_name(value)) {
        Some(s) => Some(s),
        None => {
            warn(
                *pos,
                format!(
                    "content status `{value}` is not current, historical or archived; taken as current"
                ),
            );
            Some(Status::Current)
        }
    }
}

/// Decides every resource, stages concepts and relations, and derives the manifest.
pub(crate) fn resolve(
    collector: Collector<'_>,
    mapping: &Mapping,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<(Staging, Manifest), ImportError> {
    let Collector {
        mut resources,
        relations,
        iris,
        isco_links,
        files,
        predicates,
        ..
    } = collector;
    let iri = |i: u32| iris.get_index(i as usize).map_or("", |s| &**s);
    let at =
        |pos: Pos| Location::line(files.get(pos.source).cloned().unwrap_or_default(), pos.line);
    let pname = |p: Pred| predicates.get(p as usize).map_or("", String::as_str);

    // The labels apart, so each concept's can be moved into it (not copied) while the rest of
    // the resources is still read.
    let mut labels = resources.take_labels();
    let resources = resources;
    // What each resource is, in key order (so diagnostics come in a stable order).
    let mut sorted: Vec<(&Key, &Resource)> = resources.iter().map(|(_, k, r)| (k, r)).collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let fates: Vec<(&Key, &Resource, Fate<'_>)> = sorted
        .into_iter()
        .map(|(k, r)| (k, r, classify(k, r, mapping, &at)))
        .collect();

    // Label resources: SKOS-XL labels and node literals, copied onto their owners.
    let mut status_warnings: Vec<(Pos, String)> = Vec::new();
    let mut used_status: HashSet<Key> = HashSet::new();
    let mut label_nodes: HashSet<&Key> = HashSet::new();
    let mut not_current_nodes: HashSet<&Key> = HashSet::new();
    let mut copied: HashMap<&Key, Vec<LabelValue>> = HashMap::new();
    let mut link_dropped: HashMap<&Key, Vec<Origin>> = HashMap::new();
    for (key, r, fate) in &fates {
        if r.xl.is_empty() {
            continue;
        }
        let is_concept = matches!(fate, Fate::Concept(..));
        let mut absent: Vec<&Key> = Vec::new();
        for (role, node_key, link) in &r.xl {
            let node = resources.get(node_key);
            let node_labels = labels_of(&resources, &labels, node_key);
            if let Some(node) = node {
                let status = status_of(
                    node,
                    &resources,
                    &labels,
                    mapping,
                    &mut used_status,
                    &mut |p, m| status_warnings.push((p, m)),
                );
                if let Some(s @ (Status::Historical | Status::Archived)) = status {
                    if not_current_nodes.insert(node_key) {
                        *report
                            .labels_not_current
                            .entry(s.as_str().to_owned())
                            .or_default() += 1;
                    }
                    label_nodes.insert(node_key);
                    link_dropped.entry(key).or_default().push(*link);
                    continue;
                }
            }
            let (form_role, language) = if *role == LabelRole::Description {
                let language = node_labels
                    .iter()
                    .find(|l| l.role == LabelRole::NodeLanguage)
                    .map(|l| Rc::from(l.text.trim().to_ascii_lowercase()));
                (LabelRole::NodeLiteral, language)
            } else {
                (LabelRole::LiteralForm, None)
            };
            let forms: Vec<(usize, &LabelValue)> = node_labels
                .iter()
                .enumerate()
                .filter(|(_, l)| l.role == form_role)
                .collect();
            if forms.is_empty() {
                if is_concept && node.is_none() {
                    absent.push(node_key);
                } else if is_concept {
                    report.push(
                        Diagnostic::warning(
                            K::MissingValue,
                            at(r.first),
                            format!("label resource `{node_key}` of `{key}` has no text"),
                        )
                        .about((*key).clone()),
                    );
                }
                link_dropped.entry(key).or_default().push(*link);
                continue;
            }
            label_nodes.insert(node_key);
            let role = match role {
                LabelRole::XlPref => LabelRole::Pref,
                LabelRole::XlAlt => LabelRole::Alt,
                LabelRole::Description => LabelRole::Description,
                _ => LabelRole::Hidden,
            };
            let entry = copied.entry(key).or_default();
            for (i, form) in forms {
                entry.push(LabelValue {
                    role,
                    lang: form.lang.clone().or_else(|| language.clone()),
                    node: Some(Box::new((node_key.clone(), i))),
                    ..form.clone()
                });
            }
        }
        if let Some(first) = absent.first() {
            report.missing_label_resources += absent.len() as u64;
            report.push(
                Diagnostic::warning(
                    K::MissingValue,
                    at(r.first),
                    format!(
                        "`{key}` links to {} label resource(s) the input does not describe (first: `{first}`); their text is missing",
                        absent.len()
                    ),
                )
                .about((*key).clone()),
            );
        }
    }
    let no_labels: Vec<LabelValue> = Vec::new();
    let extra = |key: &Key| copied.get(key).unwrap_or(&no_labels);

    // The manifest and its languages.
    let chosen_scheme = fates
        .iter()
        .filter(|(_, r, f)| matches!(f, Fate::Scheme) && !r.scheme.is_empty())
        .max_by(|a, b| {
            let score = |(k, r, _): &&(&Key, &Resource, Fate<'_>)| {
                (k.as_str() == VAARDIG_SCHEME, r.scheme.len())
            };
            score(a).cmp(&score(b)).then_with(|| b.0.cmp(a.0))
        })
        .map(|(k, r, _)| (*k, *r));
    let mut scheme: BTreeMap<SchemeField, String> = chosen_scheme
        .map(|(_, r)| {
            r.scheme
                .iter()
                .rev()
                .map(|(f, v, _)| (*f, v.clone()))
                .collect()
        })
        .unwrap_or_default();
    // `skos:note` is a concept's note, and on the scheme the manifest's notes.
    if let Some((k, _)) = chosen_scheme
        && let Some(note) = labels_of(&resources, &labels, k)
            .iter()
            .find(|l| l.role == LabelRole::Note)
    {
        scheme
            .entry(SchemeField::Notes)
            .or_insert_with(|| note.text.to_string());
    }
    let own = |k: &Key| labels_of(&resources, &labels, k);
    let languages = choose_languages(&fates, &own, &extra, &scheme, mapping, options, report);
    // Without a title, the scheme's own `skos:prefLabel` names the ontology: in the primary
    // language, else the first in another.
    if let Some((k, _)) = chosen_scheme {
        let prefs = || own(k).iter().filter(|l| l.role == LabelRole::Pref);
        let in_primary = prefs().find(|l| {
            l.lang
                .as_deref()
                .is_some_and(|t| fold_language(t, &languages[..1]).is_some())
        });
        if let Some(label) = in_primary.or_else(|| prefs().next()) {
            scheme
                .entry(SchemeField::Name)
                .or_insert_with(|| label.text.to_string());
        }
    }
    let mut manifest = rdf_manifest(&scheme, &languages, mapping, &files, options, report)?;
    let primary = languages[0].clone(); // ok: choose_languages never returns an empty list

    // Concepts. The resources a status names (their labels can name the status).
    let status_targets: HashSet<&str> = resources
        .iter()
        .flat_map(|(_, _, r)| &r.attributes)
        .filter(|(a, _, _, _)| *a == Attribute::Status)
        .map(|(_, value, _, _)| value.as_str())
        .collect();
    let mut staging = Staging::new(languages.clone(), Duplicates::Merge);
    // As many as there can be, so the lists do not grow by doubling (up to twice the room).
    staging.reserve(
        fates
            .iter()
            .filter(|(_, _, f)| matches!(f, Fate::Concept(..)))
            .count(),
    );
    let mut deferred: Vec<(&Key, &Resource)> = Vec::new();
    let mut inactive: HashSet<String> = HashSet::new();
    let mut node_kept: HashSet<Key> = HashSet::new();
    let mut node_dropped: BTreeSet<(Key, usize, Origin)> = BTreeSet::new();
    // The mapping's `[ids]` prefixes that shortened the IRI of a concept that was kept.
    let mut used_prefixes: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, r, fate) in fates {
        match fate {
            Fate::Scheme if chosen_scheme.is_some_and(|(k, _)| k == key) => {
                // The manifest uses the scheme fields; the rest of the node is not kept.
                let kept = |o: &Origin| {
                    matches!(
                        mapping.role(pname(o.pred)),
                        Some(Role::Scheme(_) | Role::Type | Role::Label(LabelRole::Note))
                    )
                };
                settle_partly(report, r, &kept, &pname);
            }
            Fate::Scheme => settle(report, r, Settle::Skipped, &pname),
            Fate::Ignore => deferred.push((key, r)),
            Fate::Unmapped => {
                if label_nodes.contains(key) || r.statement.is_some() {
                    deferred.push((key, r));
                } else if used_status.contains(key) {
                    settle(report, r, Settle::Imported, &pname);
                } else {
                    report.unmapped_subjects += 1;
                    settle(report, r, Settle::Skipped, &pname);
                }
            }
            Fate::Rejected(diagnostic) => {
                report.push(*diagnostic);
                settle(report, r, Settle::Rejected, &pname);
            }
            Fate::Concept(..) if is_blank(key) => {
                report.push(Diagnostic::error(
                    K::InvalidId,
                    at(r.first),
                    format!(
                        "a {} is a blank node; concepts need an IRI to have an id",
                        match &fate {
                            Fate::Concept(kind, _) => kind.as_str(),
                            _ => "concept",
                        }
                    ),
                ));
                settle(report, r, Settle::Rejected, &pname);
            }
            Fate::Concept(kind, defaults) => {
                let status = status_of(
                    r,
                    &resources,
                    &labels,
                    mapping,
                    &mut used_status,
                    &mut |p, m| status_warnings.push((p, m)),
                );
                let kept_status = match status {
                    Some(Status::Historical) if options.keeps_not_current() => {
                        Some(vaardig_core::Status::Historical)
                    }
                    Some(Status::Archived) if options.keeps_not_current() => {
                        Some(vaardig_core::Status::Archived)
                    }
                    _ => None,
                };
                if let Some(s @ (Status::Historical | Status::Archived)) = status
                    && kept_status.is_none()
                {
                    // Not a live concept: not imported, counted, and its relations skipped.
                    *report
                        .concepts_not_current
                        .entry(format!("{} {kind}", s.as_str()))
                        .or_default() += 1;
                    if let Ok(id) = mapping.ids().id_for_iri(key) {
                        inactive.insert(id);
                    }
                    settle(report, r, Settle::Skipped, &pname);
                    continue;
                }
                // Moved into the concept, unless a status names this resource (its labels are
                // read again then).
                let own_labels = match resources.position(key) {
                    Some(i) if status_targets.contains(key.as_str()) => {
                        labels.get(i).cloned().unwrap_or_default()
                    }
                    Some(i) => labels.get_mut(i).map(std::mem::take).unwrap_or_default(),
                    None => Vec::new(),
                };
                let built = mapping
                    .ids()
                    .id_for_iri(key)
                    .map_err(|problem| {
                        Diagnostic::error(
                            K::InvalidId,
                            at(r.first),
                            format!("`{key}` cannot be an id: {problem}"),
                        )
                    })
                    .and_then(|id| {
                        build_concept(
                            kind,
                            defaults,
                            r,
                            own_labels,
                            extra(key),
                            id,
                            &languages,
                            &primary,
                            mapping.notation_system,
                            mapping.ids(),
                            &at,
                            report,
                        )
                    });
                match built {
                    Ok((mut concept, dropped)) => {
                        if let Some(s) = kept_status {
                            concept.status = s;
                            *report
                                .concepts_not_current
                                .entry(format!("{s} {kind} (kept)"))
                                .or_default() += 1;
                        }
                        let id = concept.id.clone();
                        let mut weight = r.weight();
                        let mut nodes: Vec<(Key, usize, Origin)> = Vec::new();
                        let own = dropped
                            .into_iter()
                            .filter_map(|d| match d {
                                Dropped::Own(o) => Some(o),
                                Dropped::Node(k, i, o) => {
                                    nodes.push((k, i, o));
                                    None
                                }
                            })
                            .chain(link_dropped.get(key).into_iter().flatten().copied());
                        for o in own {
                            if let Some((_, n)) = weight.iter_mut().find(|(s, _)| *s == o.source)
                                && *n > 0
                            {
                                *n -= 1;
                                report.skipped(o.source);
                                *report
                                    .unused_predicates
                                    .entry(pname(o.pred).to_owned())
                                    .or_default() += 1;
                            }
                        }
                        if staging.add_concept(concept, at(r.first), weight, report) {
                            if let Some((prefix, namespace)) = mapping.ids().shortening(key) {
                                used_prefixes.insert(prefix, namespace);
                            }
                            for l in extra(key) {
                                if let Some((node, _)) = l.node.as_deref() {
                                    node_kept.insert(node.clone());
                                }
                            }
                            node_dropped.extend(nodes);
                        } else {
                            staging.mark_rejected(&id, at(r.first));
                        }
                    }
                    Err(diagnostic) => {
                        if let Ok(id) = mapping.ids().id_for_iri(key) {
                            staging.mark_rejected(&id, at(r.first));
                        }
                        report.push(diagnostic);
                        settle(report, r, Settle::Rejected, &pname);
                    }
                }
            }
        }
    }
    for (pos, message) in status_warnings {
        report.push(Diagnostic::warning(K::InvalidValue, at(pos), message));
    }

    record_prefixes(&mut manifest, used_prefixes, report);

    // ISCO codes stated by ISCO groups (`skos:narrower`), merged with the occupations' own.
    let mut outside = 0u64;
    for link in &isco_links {
        let id = node_id(&link.occupation, mapping).ok();
        let target = id.as_deref().and_then(|id| staging.concept_mut(id));
        match target {
            Some(Concept {
                data: ConceptData::Occupation { isco, .. },
                ..
            }) => match isco {
                None => {
                    *isco = Some(link.code.clone());
                    report.imported(link.origin.source);
                }
                Some(code) if *code == link.code => {
                    report.merged_duplicates += 1;
                    report.imported(link.origin.source);
                }
                Some(code) => {
                    report.push(Diagnostic::warning(
                        K::InvalidValue,
                        Location::file(files.get(link.origin.source).cloned().unwrap_or_default()),
                        format!(
                            "ISCO group {} lists `{}`, whose ISCO code is {code}; kept {code}",
                            link.code, link.occupation
                        ),
                    ));
                    report.skipped(link.origin.source);
                    *report
                        .unused_predicates
                        .entry(pname(link.origin.pred).to_owned())
                        .or_default() += 1;
                }
            },
            _ => {
                outside += 1;
                report.skipped(link.origin.source);
                *report
                    .unused_predicates
                    .entry(pname(link.origin.pred).to_owned())
                    .or_default() += 1;
            }
        }
    }
    if outside > 0 {
        report.notes.push(format!(
            "{outside} ISCO group link(s) name occupations that are not imported (not in the graph, rejected or not current); skipped"
        ));
    }

    // Relations, with levels from rdf:Statement qualifiers.
    let mut levels: HashMap<(&str, &str, &str), (&Statement, Pos, &Key)> = HashMap::new();
    for (_, key, r) in resources.iter() {
        if let Some(st) = &r.statement
            && let (Some(s), Some(p), Some(o)) = (&st.subject, &st.predicate, &st.object)
            && let Some(pos) = st
                .level
                .as_ref()
                .map(|(_, pos)| *pos)
                .or_else(|| st.extra.first().map(|(_, _, pos)| *pos))
        {
            levels.insert((s, p, o), (st, pos, key));
        }
    }
    let mut used_statements: HashSet<&Key> = HashSet::new();
    let mut not_current_relations = 0u64;
    // Staged in place: each staged relation takes the room of the triple it came from.
    let staged: Vec<StagedRelation> = relations
        .into_iter()
        .filter_map(|rel| {
            let predicate = pname(rel.predicate);
            let rule = mapping.relations.get(predicate)?;
            let (from, to) = if rule.inverse {
                (iri(rel.object), iri(rel.subject))
            } else {
                (iri(rel.subject), iri(rel.object))
            };
            let ids = (node_id(from, mapping), node_id(to, mapping));
            let (from_id, to_id) = match ids {
                (Ok(f), Ok(t)) => (f, t),
                (Err(problem), _) | (_, Err(problem)) => {
                    report.reject(
                        rel.pos.source,
                        Diagnostic::error(K::InvalidId, at(rel.pos), problem),
                    );
                    return None;
                }
            };
            if options.is_partial()
                && (resources.get(from).is_none() || resources.get(to).is_none())
            {
                report.outside_graph += 1;
                report.skipped(rel.pos.source);
                *report
                    .unused_predicates
                    .entry(predicate.to_owned())
                    .or_default() += 1;
                return None;
            }
            if inactive.contains(&from_id) || inactive.contains(&to_id) {
                not_current_relations += 1;
                report.skipped(rel.pos.source);
                *report
                    .unused_predicates
                    .entry(predicate.to_owned())
                    .or_default() += 1;
                return None;
            }
            let mut relation = Relation {
                importance: rule.importance,
                ..Relation::plain(rule.kind)
            };
            let statement_key = (iri(rel.subject), predicate, iri(rel.object));
            if let Some((st, _, key)) = levels.remove(&statement_key) {
                used_statements.insert(key);
                if let Some((level, pos)) = &st.level {
                    let pos = *pos;
                    match Level::from_str(level) {
                        Ok(l) if rule.kind.has_level() => relation.level = Some(l),
                        Ok(_) => report.push(Diagnostic::warning(
                            K::InvalidValue,
                            at(pos),
                            format!(
                                "`{}` relations have no level; level {level} dropped",
                                rule.kind
                            ),
                        )),
                        Err(e) => report.push(Diagnostic::warning(
                            K::InvalidValue,
                            at(pos),
                            format!("{e}; level dropped"),
                        )),
                    }
                }
                for (q, text, pos) in &st.extra {
                    if let Err(message) = qualify(&mut relation, *q, text) {
                        report.push(Diagnostic::warning(
                            K::InvalidValue,
                            at(*pos),
                            format!("{message}; dropped"),
                        ));
                    }
                }
            }
            let file = files.get(rel.pos.source).map_or("", String::as_str);
            staging.stage_relation(
                &from_id,
                &to_id,
                relation,
                (file, rel.pos.line),
                rel.pos.source,
            )
        })
        .collect();
    staging.set_relations(staged);
    if report.outside_graph > 0 {
        report.notes.push(format!(
            "{} relation triple(s) name resources outside the input (a partial graph); skipped",
            report.outside_graph
        ));
    }
    if not_current_relations > 0 {
        report.notes.push(format!(
            "{not_current_relations} relation triple(s) of concepts that are not current skipped with them"
        ));
    }
    let mut unmatched: Vec<(Pos, &Key)> = levels.into_values().map(|(_, p, k)| (p, k)).collect();
    unmatched.sort_by(|a, b| (a.0.source, a.0.line, a.1).cmp(&(b.0.source, b.0.line, b.1)));
    for (pos, key) in unmatched {
        report.push(Diagnostic::warning(
            K::DanglingReference,
            at(pos),
            format!("statement `{key}` qualifies a relation the graph does not state; ignored"),
        ));
    }
    for (key, r) in deferred {
        let used = node_kept.contains(key.as_str())
            || used_statements.contains(key)
            || used_status.contains(key.as_str());
        settle(
            report,
            r,
            if used {
                Settle::Imported
            } else {
                Settle::Skipped
            },
            &pname,
        );
    }
    // Forms of kept label resources that were not kept themselves (another language, ...).
    for (_, _, origin) in node_dropped {
        report.unkept(origin.source, pname(origin.pred));
    }
    Ok((staging, manifest))
}

/// How a resource's triples are counted.
enum Settle {
    Imported,
    Skipped,
    Rejected,
}

/// Sets a relation qualifier other than the level from its text: a weight or source level as
/// `value scale` (`3.88 onet_im`), a tier by name, a rank as a number from 1.
fn qualify(relation: &mut Relation, q: Qualifier, text: &str) -> Result<(), String> {
    let kind = relation.kind;
    let rating = |text: &str| -> Result<vaardig_core::Rating, String> {
        let (value, scale) = text
            .trim()
            .split_once(' ')
            .ok_or_else(|| format!("`{text}` is not `value scale`"))?;
        let scale: vaardig_core::Scale = scale.trim().parse().map_err(|e| format!("{e}"))?;
        let value: f64 = value
            .parse()
            .map_err(|_| format!("`{value}` is not a number"))?;
        vaardig_core::Rating::new(scale, value)
            .ok_or_else(|| vaardig_core::Rating::out_of_range(scale, value))
    };
    match q {
        Qualifier::Weight | Qualifier::SourceLevel if !kind.has_ratings() => {
            Err(format!("`{kind}` relations have no weight or source level"))
        }
        Qualifier::Tier | Qualifier::Rank if !kind.has_rank() => {
            Err(format!("`{kind}` relations have no tier or rank"))
        }
        Qualifier::Weight => rating(text).map(|r| relation.weight = Some(r)),
        Qualifier::SourceLevel => rating(text).map(|r| relation.source_level = Some(r)),
        Qualifier::Tier => text
            .trim()
            .parse()
            .map(|t| relation.tier = Some(t))
            .map_err(|e: vaardig_core::UnknownVariant| e.to_string()),
        Qualifier::Rank => text
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|&n| n >= 1)
            .map(|n| relation.rank = Some(n))
            .ok_or_else(|| format!("`{text}` is not a rank from 1")),
        Qualifier::Level => Ok(()),
    }
}

/// Counts a resource's triples; skipped ones by predicate in `unused_predicates`.
fn settle<'p>(
    report: &mut ImportReport,
    r: &Resource,
    how: Settle,
    pname: &impl Fn(Pred) -> &'p str,
) {
    for &(origin, n) in &r.counts {
        if let Some(s) = report.sources.get_mut(origin.source) {
            match how {
                Settle::Imported => s.imported += n,
                Settle::Skipped => s.skipped += n,
                Settle::Rejected => s.rejected += n,
            }
        }
        if let Settle::Skipped = how {
            *report
                .unused_predicates
                .entry(pname(origin.pred).to_owned())
                .or_default() += n;
        }
    }
}

/// Counts a resource's triples as imported where `kept`, else as skipped (by predicate).
fn settle_partly<'p>(
    report: &mut ImportReport,
    r: &Resource,
    kept: &impl Fn(&Origin) -> bool,
    pname: &impl Fn(Pred) -> &'p str,
) {
    for &(origin, n) in &r.counts {
        let keep = kept(&origin);
        if let Some(s) = report.sources.get_mut(origin.source) {
            if keep {
                s.imported += n;
            } else {
                s.skipped += n;
            }
        }
        if !keep {
            *report
                .unused_predicates
                .entry(pname(origin.pred).to_owned())
                .or_default() += n;
        }
    }
}

/// The id of a relation endpoint.
fn node_id(key: &str, mapping: &Mapping) -> Result<String, String> {
    if is_blank(key) {
        return Err(format!(
            "relation endpoint `{key}` is a blank node; concepts need an IRI"
        ));
    }
    mapping
        .ids()
        .id_for_iri(key)
        .map_err(|problem| format!("`{key}` cannot be an id: {problem}"))
}

/// A concept class: its IRI, kind and default attributes.
type ConceptRule<'a, 'm> = (&'a String, ConceptKind, &'m Vec<(Attribute, String)>);

/// What a resource is, from its mapped classes: a concept class beats `scheme`, which beats
/// `ignore`, which beats a fallback class. Two concept classes of different kinds are an error.
fn classify<'m>(
    key: &str,
    r: &Resource,
    mapping: &'m Mapping,
    at: &impl Fn(Pos) -> Location,
) -> Fate<'m> {
    let mut rules: Vec<(&String, &'m ClassRule)> = r
        .classes
        .iter()
        .filter_map(|c| mapping.classes.get(c).map(|rule| (c, rule)))
        .collect();
    rules.sort_by(|a, b| a.0.cmp(b.0));
    rules.dedup_by(|a, b| a.0 == b.0);
    // A class another present class refines gives way to it.
    let refined: Vec<&str> = rules
        .iter()
        .filter_map(|(_, rule)| match rule {
            ClassRule::Concept {
                subclass_of: Some(parent),
                ..
            } => Some(parent.as_str()),
            _ => None,
        })
        .collect();
    let concepts: Vec<ConceptRule<'_, 'm>> = rules
        .iter()
        .filter(|(c, _)| !refined.contains(&c.as_str()))
        .filter_map(|(c, rule)| match rule {
            ClassRule::Concept {
                kind,
                defaults,
                fallback: false,
                ..
            } => Some((*c, *kind, defaults)),
            _ => None,
        })
        .collect();
    if let Some((first_class, kind, defaults)) = concepts.first() {
        if let Some((other_class, other, _)) = concepts.iter().find(|(_, k, _)| k != kind) {
            return Fate::Rejected(Box::new(
                Diagnostic::error(
                    K::InvalidValue,
                    at(r.first),
                    format!(
                        "`{key}` is typed both `{first_class}` ({kind}) and `{other_class}` ({other})"
                    ),
                )
                .about(key.to_owned()),
            ));
        }
        return Fate::Concept(*kind, defaults.as_slice());
    }
    if rules.iter().any(|(_, r)| matches!(r, ClassRule::Scheme)) {
        return Fate::Scheme;
    }
    if rules.iter().any(|(_, r)| matches!(r, ClassRule::Ignore)) {
        return Fate::Ignore;
    }
    match rules.iter().find_map(|(_, rule)| match rule {
        ClassRule::Concept { kind, defaults, .. } => Some((*kind, defaults.as_slice())),
        _ => None,
    }) {
        Some((kind, defaults)) => Fate::Concept(kind, defaults),
        None => Fate::Unmapped,
    }
}

/// The manifest languages: the caller's, else the concept scheme's, else the mapping's that the
/// graph uses, else the languages of the graph's preferred labels by frequency.
fn choose_languages<'o, 'l>(
    fates: &[(&Key, &Resource, Fate<'_>)],
    own: &impl Fn(&Key) -> &'o [LabelValue],
    extra: &impl Fn(&Key) -> &'l Vec<LabelValue>,
    scheme: &BTreeMap<SchemeField, String>,
    mapping: &Mapping,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Vec<String> {
    let clean = |list: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in list {
            if let Ok(l) = normalise_language(l.trim())
                && !out.contains(&l)
            {
                out.push(l);
            }
        }
        out
    };
    if let Some(requested) = options.requested_languages() {
        let list = clean(requested.to_vec());
        if !list.is_empty() {
            return list;
        }
    }
    if let Some(listed) = scheme.get(&SchemeField::Languages) {
        let list = clean(
            listed
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(str::to_owned)
                .collect(),
        );
        if !list.is_empty() {
            return list;
        }
    }
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (k, _, fate) in fates {
        if let Fate::Concept(..) = fate {
            for l in own(k)
                .iter()
                .chain(extra(k).iter())
                .filter(|l| l.role == LabelRole::Pref)
            {
                if let Some(lang) = &l.lang {
                    *counts.entry(lang.to_string()).or_default() += 1;
                }
            }
        }
    }
    let used: Vec<String> = mapping
        .languages()
        .iter()
        .filter(|l| counts.contains_key(*l))
        .cloned()
        .collect();
    if !used.is_empty() || counts.is_empty() {
        let list = if used.is_empty() {
            clean(mapping.languages().to_vec())
        } else {
            used
        };
        if !list.is_empty() {
            return list;
        }
    }
    let mut by_count: Vec<(String, u64)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let list = clean(by_count.into_iter().map(|(l, _)| l).collect());
    if list.is_empty() {
        return vec!["nl".to_owned()];
    }
    report.notes.push(format!(
        "the graph has no labels in the mapping's languages ({}); using {} by frequency",
        mapping.languages().join(", "),
        list.join(", ")
    ));
    list
}

/// The manifest: the caller's overrides, else the concept scheme's values, else defaults.
fn rdf_manifest(
    scheme: &BTreeMap<SchemeField, String>,
    languages: &[String],
    mapping: &Mapping,
    files: &[String],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Manifest, ImportError> {
    let over = options.manifest_overrides();
    let get = |f: SchemeField| {
        scheme
            .get(&f)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let release_date = match over.release_date {
        Some(d) => d,
        None => match get(SchemeField::ReleaseDate)
            .or_else(|| get(SchemeField::Created))
            .map(|d| Date::parse_prefix(&d))
        {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                report.notes.push(format!(
                    "the graph's release date is refused ({e}): set to 1970-01-01"
                ));
                Date::EPOCH
            }
            None => {
                report
                    .notes
                    .push("no release date in the graph: set to 1970-01-01".to_owned());
                Date::EPOCH
            }
        },
    };
    let file_names: Vec<String> = files
        .iter()
        .map(|f| {
            std::path::Path::new(f)
                .file_name()
                .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let manifest = Manifest {
        name: over
            .name
            .clone()
            .or_else(|| get(SchemeField::Name))
            .unwrap_or_else(|| mapping.name().to_owned()),
        version: over
            .version
            .clone()
            .or_else(|| get(SchemeField::Version))
            .unwrap_or_else(|| "unknown".to_owned()),
        release_date,
        languages: languages.to_vec(),
        licence: over
            .licence
            .clone()
            .or_else(|| get(SchemeField::Licence))
            .unwrap_or_else(|| "unspecified".to_owned()),
        source: over
            .source
            .clone()
            .or_else(|| get(SchemeField::Source))
            .unwrap_or_else(|| {
                format!(
                    "imported by vaardig-import from {} with the {} mapping",
                    file_names.join(", "),
                    mapping.name()
                )
            }),
        illustrative_codes: get(SchemeField::IllustrativeCodes)
            .is_some_and(|v| v == "true" || v == "1"),
        notes: over.notes.clone().or_else(|| get(SchemeField::Notes)),
        // Filled in once the concepts are known: only the prefixes their ids use.
        prefixes: BTreeMap::new(),
    };
    manifest.check().map_err(ImportError::Options)?;
    Ok(manifest)
}

/// Records in the manifest the id prefixes the concepts' ids use, so their full IRIs find them
/// again ([`vaardig_core::Ontology::index_of`]); a pair the manifest cannot hold is left out with
/// a note.
fn record_prefixes(manifest: &mut Manifest, used: BTreeMap<&str, &str>, report: &mut ImportReport) {
    for (prefix, namespace) in used {
        match Manifest::check_prefix(prefix, namespace) {
            Ok(()) => {
                manifest
                    .prefixes
                    .insert(prefix.to_owned(), namespace.to_owned());
            }
            Err(problem) => report.notes.push(format!(
                "ids keep the prefix `{prefix}`, but the manifest cannot record it ({problem}): \
                 their full IRIs will not find them"
            )),
        }
    }
}

/// The status a `concept_status` value names: vaardig's own words (`current`, `historical`,
/// `archived`), or the ISO 25964 thesaurus status ESCO writes as `isothes:status`: `released`
/// is current, `obsolete` (and `deprecated`) archived.
fn concept_status(text: &str) -> Result<vaardig_core::Status, vaardig_core::UnknownVariant> {
    match text.trim() {
        "released" => Ok(vaardig_core::Status::Current),
        "obsolete" | "deprecated" => Ok(vaardig_core::Status::Archived),
        other => other.parse(),
    }
}

/// Builds the concept `id` of `kind` from what the graph says about it (its own labels and
/// the forms copied from its label resources, `extra`), with the triples read but not kept.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename them"
)]
fn build_concept(
    kind: ConceptKind,
    defaults: &[(Attribute, String)],
    r: &Resource,
    own: Vec<LabelValue>,
    extra: &[LabelValue],
    id: String,
    languages: &[String],
    primary: &str,
    notation_system: Option<vaardig_core::CodeSystem>,
    ids: &crate::ids::IdScheme,
    at: &impl Fn(Pos) -> Location,
    report: &mut ImportReport,
) -> Result<(Concept, Vec<Dropped>), Diagnostic> {
    let mut warnings: Vec<(Pos, String)> = Vec::new();
    let mut dropped: Vec<Dropped> = Vec::new();
    let drop_label = |l: &LabelValue, dropped: &mut Vec<Dropped>| {
        dropped.push(match l.node.as_deref() {
            Some((node, i)) => Dropped::Node(node.clone(), *i, l.origin()),
            None => Dropped::Own(l.origin()),
        });
    };
    let mut labels = Labels::default();
    let mut descriptions: BTreeMap<String, LabelValue> = BTreeMap::new();
    let mut names: Vec<(String, LabelValue)> = Vec::new();
    let mut notes: Vec<vaardig_core::Note> = Vec::new();
    // Labels in an imported language first, then regional variants folded into one (so `en`
    // wins over `en-us`). The concept's own labels are moved, the copied forms cloned.
    let mut placed: Vec<(bool, String, LabelValue)> = Vec::with_capacity(own.len() + extra.len());
    for l in own.into_iter().chain(extra.iter().cloned()) {
        let tag = l.lang.as_deref().unwrap_or(primary);
        match fold_language(tag, languages) {
            Some(lang) => placed.push((lang != tag, lang.to_owned(), l)),
            None => {
                if !matches!(
                    l.role,
                    LabelRole::NodeLanguage | LabelRole::LiteralForm | LabelRole::NodeLiteral
                ) {
                    *report.ignored_languages.entry(tag.to_owned()).or_default() += 1;
                }
                drop_label(&l, &mut dropped);
            }
        }
    }
    placed.sort_by_key(|(folded, _, _)| *folded);
    for (folded, lang, l) in placed {
        if folded && let Some(tag) = &l.lang {
            *report.folded_languages.entry(tag.to_string()).or_default() += 1;
        }
        match l.role {
            LabelRole::Pref => match labels.pref.get(&lang) {
                None => {
                    labels.pref.insert(lang, l.text.into_string());
                }
                Some(p) if **p == *l.text => {}
                Some(_) if folded => {
                    // `behavior`@en-us beside `behaviour`@en: a synonym, found by search.
                    labels.alt.get_or_default(lang).push(l.text.into_string());
                }
                Some(p) => {
                    warnings.push((
                        l.pos,
                        format!(
                            "`{id}` has a second preferred label in `{lang}` (`{}` besides `{p}`); kept as a synonym",
                            l.text
                        ),
                    ));
                    labels.alt.get_or_default(lang).push(l.text.into_string());
                }
            },
            LabelRole::Alt | LabelRole::Hidden => {
                labels.alt.get_or_default(lang).push(l.text.into_string());
            }
            LabelRole::Definition => match labels.definition.get(&lang) {
                None => {
                    labels.definition.insert(lang, l.text.into_string());
                }
                Some(d) if **d == *l.text => {}
                Some(_) => {
                    if !folded {
                        warnings.push((
                            l.pos,
                            format!("`{id}` has a second definition in `{lang}`; dropped"),
                        ));
                    }
                    drop_label(&l, &mut dropped);
                }
            },
            LabelRole::Description => match descriptions.entry(lang) {
                std::collections::btree_map::Entry::Occupied(_) => {
                    drop_label(&l, &mut dropped);
                }
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(l);
                }
            },
            LabelRole::Name => names.push((lang, l)),
            LabelRole::Note | LabelRole::ScopeNote | LabelRole::RegulationNote
                if l.text.trim().is_empty() =>
            {
                drop_label(&l, &mut dropped);
            }
            LabelRole::Note => notes.push(vaardig_core::Note::new(
                vaardig_core::NoteKind::Note,
                lang,
                l.text.into_string(),
            )),
            LabelRole::ScopeNote => notes.push(vaardig_core::Note::new(
                vaardig_core::NoteKind::ScopeNote,
                lang,
                l.text.into_string(),
            )),
            LabelRole::RegulationNote => notes.push(vaardig_core::Note::new(
                vaardig_core::NoteKind::Regulation,
                lang,
                l.text.into_string(),
            )),
            LabelRole::LiteralForm
            | LabelRole::NodeLiteral
            | LabelRole::NodeLanguage
            | LabelRole::XlPref
            | LabelRole::XlAlt
            | LabelRole::XlHidden => drop_label(&l, &mut dropped),
        }
    }
    for (lang, l) in descriptions {
        if labels.definition.contains_key(&lang) {
            drop_label(&l, &mut dropped);
        } else {
            labels.definition.insert(lang, l.text.into_string());
        }
    }
    // rdfs:label: a preferred label where SKOS gives none.
    for (lang, l) in names {
        match labels.pref.get(&lang) {
            None => {
                labels.pref.insert(lang, l.text.into_string());
            }
            Some(p) if **p == *l.text => {}
            Some(_) => drop_label(&l, &mut dropped),
        }
    }

    let mut values: BTreeMap<Attribute, (String, Pos, Pred)> = BTreeMap::new();
    for (attr, value, pos, pred) in &r.attributes {
        if *attr == Attribute::Status {
            continue; // decided before the concept is built
        }
        let origin = Origin {
            source: pos.source,
            pred: *pred,
        };
        match values.get(attr) {
            None => {
                values.insert(*attr, (value.trim().to_owned(), *pos, *pred));
            }
            Some((v, _, _)) if v == value.trim() => {}
            Some((v, _, _)) => {
                warnings.push((
                    *pos,
                    format!(
                        "`{id}` has a second `{}` (`{value}` besides `{v}`); dropped",
                        attr.name()
                    ),
                ));
                dropped.push(Dropped::Own(origin));
            }
        }
    }
    // A concept's scheme-only properties (a `skos:note`, ...) have no place on it.
    for (_, _, origin) in &r.scheme {
        dropped.push(Dropped::Own(*origin));
    }
    let mut attrs = Attrs {
        values: values
            .into_iter()
            .map(|(a, (v, pos, pred))| (a, (v, pos, Some(pred))))
            .collect(),
        id: &id,
        kind,
        first: r.first,
        at,
    };
    for (attr, value) in defaults {
        attrs
            .values
            .entry(*attr)
            .or_insert_with(|| (value.clone(), r.first, None));
    }
    let data = match kind {
        ConceptKind::Skill => ConceptData::Skill {
            skill_type: attrs
                .parse_opt(Attribute::SkillType)?
                .unwrap_or(vaardig_core::SkillType::Skill),
        },
        ConceptKind::KnowledgeArea => ConceptData::KnowledgeArea,
        ConceptKind::OccupationTask => ConceptData::OccupationTask,
        ConceptKind::Occupation => {
            let notation = attrs.take_full(Attribute::Notation);
            let isco = attrs
                .take(Attribute::Isco)
                .map(|(v, _)| v)
                .or_else(|| match notation {
                    Some((n, _, _)) if is_isco(&n) => Some(n),
                    Some((n, pos, Some(pred))) if notation_system.is_some() => {
                        // Kept as a code below.
                        attrs
                            .values
                            .insert(Attribute::Notation, (n, pos, Some(pred)));
                        None
                    }
                    Some((_, pos, pred)) => {
                        *report
                            .unused_attributes
                            .entry("notation".into())
                            .or_default() += 1;
                        if let Some(pred) = pred {
                            dropped.push(Dropped::Own(Origin {
                                source: pos.source,
                                pred,
                            }));
                        }
                        None
                    }
                    None => None,
                })
                .or_else(|| r.isco.first().map(|(code, _, _)| code.clone()));
            ConceptData::Occupation {
                isco,
                min_nlqf: attrs.parse_opt::<Nlqf>(Attribute::Nlqf)?,
            }
        }
        ConceptKind::Qualification => {
            let code = match attrs.take(Attribute::Code) {
                Some(c) => Some(c),
                None => attrs.take(Attribute::Notation),
            };
            ConceptData::Qualification {
                qualification_type: attrs.parse(Attribute::QualificationType)?,
                code_system: attrs.parse(Attribute::CodeSystem)?,
                code: match code {
                    Some((c, _)) if !c.is_empty() => c,
                    _ => return Err(attrs.missing(Attribute::Code)),
                },
                nlqf: attrs.parse_opt::<Nlqf>(Attribute::Nlqf)?,
            }
        }
        ConceptKind::LearningOffer => ConceptData::LearningOffer {
            offer_type: attrs.parse(Attribute::OfferType)?,
            provider: match attrs.take(Attribute::Provider) {
                Some((p, _)) if !p.is_empty() => p,
                _ => return Err(attrs.missing(Attribute::Provider)),
            },
            provider_type: attrs.parse(Attribute::ProviderType)?,
            hours: attrs.parse(Attribute::Hours)?,
            cost_eur: attrs.parse(Attribute::CostEur)?,
            nlqf: attrs.parse_opt(Attribute::Nlqf)?,
        },
        ConceptKind::Sector => ConceptData::Sector {
            shortage: match attrs.take(Attribute::Shortage) {
                Some((v, _)) if v == "true" || v == "1" => true,
                Some((v, _)) if v == "false" || v == "0" => false,
                Some((v, pos)) => {
                    return Err(attrs.invalid(pos, format!("`{v}` is not `true` or `false`")));
                }
                None => return Err(attrs.missing(Attribute::Shortage)),
            },
        },
    };
    // A notation that is no qualification's code and no ISCO code: a code of the mapping's
    // notation system (CompetentNL's notations), when it names one.
    let mut codes: Vec<vaardig_core::Code> = Vec::new();
    if let Some(system) = notation_system
        && let Some((n, pos, pred)) = attrs.take_full(Attribute::Notation)
    {
        match system.problem(&n) {
            None => codes.push(vaardig_core::Code::new(system, n)),
            Some(problem) => {
                warnings.push((pos, format!("notation of `{id}`: {problem}; dropped")));
                attrs.values.insert(Attribute::Notation, (n, pos, pred));
            }
        }
    }
    for (text, pos, pred) in &r.codes {
        let parsed = text
            .trim()
            .split_once(' ')
            .ok_or_else(|| format!("`{text}` is not `system code`"))
            .and_then(|(system, code)| {
                let system: vaardig_core::CodeSystem =
                    system.parse().map_err(|e| format!("{e}"))?;
                match system.problem(code.trim()) {
                    Some(problem) => Err(problem),
                    None => Ok(vaardig_core::Code::new(system, code.trim())),
                }
            });
        match parsed {
            Ok(code) => codes.push(code),
            Err(problem) => {
                warnings.push((*pos, format!("code of `{id}`: {problem}; dropped")));
                dropped.push(Dropped::Own(Origin {
                    source: pos.source,
                    pred: *pred,
                }));
            }
        }
    }
    let status = match attrs.take_full(Attribute::ConceptStatus) {
        None => vaardig_core::Status::Current,
        Some((text, pos, pred)) => match concept_status(&text) {
            Ok(s) => s,
            Err(e) => {
                warnings.push((pos, format!("{e}; `{id}` taken as current")));
                attrs
                    .values
                    .insert(Attribute::ConceptStatus, (text, pos, pred));
                vaardig_core::Status::Current
            }
        },
    };
    let replaced_by = match attrs.take_full(Attribute::ReplacedBy) {
        None => None,
        Some((iri, pos, pred)) => match ids.id_for_iri(&iri) {
            Ok(target) => Some(target),
            Err(problem) => {
                warnings.push((pos, format!("replaced_by of `{id}`: {problem}; dropped")));
                attrs.values.insert(Attribute::ReplacedBy, (iri, pos, pred));
                None
            }
        },
    };
    let mut matches: Vec<vaardig_core::Match> = Vec::new();
    for (how, uri, pos, pred) in &r.matches {
        match vaardig_core::uri_problem(uri) {
            None => matches.push(vaardig_core::Match::new(*how, uri.clone())),
            Some(problem) => {
                warnings.push((*pos, format!("{how} match of `{id}`: {problem}; dropped")));
                dropped.push(Dropped::Own(Origin {
                    source: pos.source,
                    pred: *pred,
                }));
            }
        }
    }
    if kind != ConceptKind::Occupation {
        // ISCO links of a concept that is not an occupation.
        for (_, pos, pred) in &r.isco {
            dropped.push(Dropped::Own(Origin {
                source: pos.source,
                pred: *pred,
            }));
        }
    }
    for (attr, (_, pos, pred)) in &attrs.values {
        // Only values the graph gave count; a class default that found no place is no loss.
        if let Some(pred) = pred {
            *report
                .unused_attributes
                .entry(attr.name().to_owned())
                .or_default() += 1;
            dropped.push(Dropped::Own(Origin {
                source: pos.source,
                pred: *pred,
            }));
        }
    }
    for (pos, message) in warnings {
        report.push(Diagnostic::warning(K::InvalidValue, at(pos), message).about(id.clone()));
    }
    let mut concept = Concept::new(id, labels, data);
    concept.status = status;
    concept.replaced_by = replaced_by;
    concept.codes = codes;
    concept.notes = notes;
    concept.matches = matches;
    Ok((concept, dropped))
}

/// The attribute values of one resource, taken one by one as the concept is built; what is left
/// over had no place in the concept's kind.
struct Attrs<'a, F> {
    /// Value, place, and the predicate that gave it (`None` for a class default).
    values: BTreeMap<Attribute, (String, Pos, Option<Pred>)>,
    id: &'a str,
    kind: ConceptKind,
    first: Pos,
    at: &'a F,
}

impl<F: Fn(Pos) -> Location> Attrs<'_, F> {
    fn take(&mut self, attr: Attribute) -> Option<(String, Pos)> {
        self.values.remove(&attr).map(|(v, pos, _)| (v, pos))
    }

    fn take_full(&mut self, attr: Attribute) -> Option<(String, Pos, Option<Pred>)> {
        self.values.remove(&attr)
    }

    fn missing(&self, attr: Attribute) -> Diagnostic {
        Diagnostic::error(
            K::MissingValue,
            (self.at)(self.first).with_column(attr.name()),
            format!("{} `{}` has no `{}`", self.kind, self.id, attr.name()),
        )
        .about(self.id.to_owned())
    }

    fn invalid(&self, pos: Pos, message: String) -> Diagnostic {
        Diagnostic::error(K::InvalidValue, (self.at)(pos), message).about(self.id.to_owned())
    }

    fn parse_opt<T: FromStr>(&mut self, attr: Attribute) -> Result<Option<T>, Diagnostic>
    where
        T::Err: std::fmt::Display,
    {
        match self.take(attr) {
            None => Ok(None),
            Some((v, pos)) => v
                .parse::<T>()
                .map(Some)
                .map_err(|e| self.invalid(pos, format!("`{}` of `{}`: {e}", attr.name(), self.id))),
        }
    }

    fn parse<T: FromStr>(&mut self, attr: Attribute) -> Result<T, Diagnostic>
    where
        T::Err: std::fmt::Display,
    {
        self.parse_opt(attr)?.ok_or_else(|| self.missing(attr))
    }
}
