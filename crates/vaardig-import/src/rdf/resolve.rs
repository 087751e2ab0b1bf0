//! From collected resources to staged concepts and relations: what each resource is, which
//! languages the ontology has, the manifest, and the relations with their qualifiers.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use vaardig_core::Concept;
use vaardig_core::{
    ConceptData, ConceptKind, Diagnostic, DiagnosticKind as K, Labels, Level, Location, Manifest,
    Nlqf, Relation,
};

use crate::error::ImportError;
use crate::options::ImportOptions;
use crate::rdf::collect::{Collector, Key, LabelValue, Pos, Resource, is_blank};
use crate::rdf::mapping::{Attribute, ClassRule, LabelRole, Mapping, SchemeField};
use crate::report::ImportReport;
use crate::staging::{Duplicates, Staging, is_isco};
use crate::vocab::VAARDIG_SCHEME;

/// What a resource turned out to be.
enum Fate<'m> {
    Concept(ConceptKind, &'m [(Attribute, String)]),
    Scheme,
    Ignore,
    Unmapped,
    Rejected(Diagnostic),
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
        files,
        ..
    } = collector;
    let at =
        |pos: Pos| Location::line(files.get(pos.source).cloned().unwrap_or_default(), pos.line);
    // SKOS-XL: copy each label resource's literal form onto the concept.
    let mut label_nodes: HashSet<Key> = HashSet::new();
    let mut copied: Vec<(Key, LabelValue)> = Vec::new();
    let mut owners: Vec<&Key> = resources
        .iter()
        .filter(|(_, r)| !r.xl.is_empty())
        .map(|(k, _)| k)
        .collect();
    owners.sort_unstable();
    for key in owners {
        let Some(r) = resources.get(key) else {
            continue;
        };
        for (role, node) in &r.xl {
            let forms: Vec<&LabelValue> = resources
                .get(node)
                .map(|n| {
                    n.labels
                        .iter()
                        .filter(|l| l.role == LabelRole::LiteralForm)
                        .collect()
                })
                .unwrap_or_default();
            if forms.is_empty() {
                report.push(
                    Diagnostic::warning(
                        K::MissingValue,
                        at(r.first),
                        format!("SKOS-XL label `{node}` of `{key}` has no skosxl:literalForm"),
                    )
                    .about(key.clone()),
                );
                continue;
            }
            label_nodes.insert(node.clone());
            let role = match role {
                LabelRole::XlPref => LabelRole::Pref,
                LabelRole::XlAlt => LabelRole::Alt,
                _ => LabelRole::Hidden,
            };
            for form in forms {
                copied.push((
                    key.clone(),
                    LabelValue {
                        role,
                        ..form.clone()
                    },
                ));
            }
        }
    }
    for (key, label) in copied {
        if let Some(r) = resources.get_mut(&key) {
            r.labels.push(label);
        }
    }

    // What each resource is, in key order (so diagnostics come in a stable order).
    let resources = resources;
    let mut sorted: Vec<(&Key, &Resource)> = resources.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let fates: Vec<(&Key, &Resource, Fate<'_>)> = sorted
        .into_iter()
        .map(|(k, r)| (k, r, classify(k, r, mapping, &at)))
        .collect();

    // The manifest and its languages.
    let scheme = fates
        .iter()
        .filter(|(_, r, f)| matches!(f, Fate::Scheme) && !r.scheme.is_empty())
        .max_by(|a, b| {
            let score = |(k, r, _): &&(&Key, &Resource, Fate<'_>)| {
                (k.as_str() == VAARDIG_SCHEME, r.scheme.len())
            };
            score(a).cmp(&score(b)).then_with(|| b.0.cmp(a.0))
        })
        .map(|(_, r, _)| r.scheme.clone())
        .unwrap_or_default();
    let scheme: BTreeMap<SchemeField, String> = scheme.into_iter().rev().collect();
    let languages = choose_languages(&fates, &scheme, mapping, options, report);
    let mut manifest = rdf_manifest(&scheme, &languages, mapping, &files, options, report)?;
    let primary = languages[0].clone(); // ok: choose_languages never returns an empty list

    // Concepts.
    let mut staging = Staging::new(languages.clone(), Duplicates::Merge);
    let mut ignored: Vec<(&Key, &Resource)> = Vec::new();
    // The mapping's `[ids]` prefixes that shortened the IRI of a concept that was kept.
    let mut used_prefixes: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, r, fate) in fates {
        match fate {
            Fate::Scheme => settle(report, r, Settle::Imported),
            Fate::Ignore => ignored.push((key, r)),
            Fate::Unmapped => {
                if label_nodes.contains(key) {
                    settle(report, r, Settle::Imported);
                } else if r.statement.is_some() {
                    ignored.push((key, r));
                } else {
                    report.unmapped_subjects += 1;
                    settle(report, r, Settle::Skipped);
                }
            }
            Fate::Rejected(diagnostic) => {
                report.push(diagnostic);
                settle(report, r, Settle::Rejected);
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
                settle(report, r, Settle::Rejected);
            }
            Fate::Concept(kind, defaults) => {
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
                        build_concept(kind, defaults, r, id, &languages, &primary, &at, report)
                    });
                match built {
                    Ok(concept) => {
                        let id = concept.id.clone();
                        if staging.add_concept(concept, at(r.first), r.counts.clone(), report) {
                            if let Some((prefix, namespace)) = mapping.ids().shortening(key) {
                                used_prefixes.insert(prefix, namespace);
                            }
                        } else {
                            staging.mark_rejected(&id, at(r.first));
                        }
                    }
                    Err(diagnostic) => {
                        if let Ok(id) = mapping.ids().id_for_iri(key) {
                            staging.mark_rejected(&id, at(r.first));
                        }
                        report.push(diagnostic);
                        settle(report, r, Settle::Rejected);
                    }
                }
            }
        }
    }

    record_prefixes(&mut manifest, used_prefixes, report);

    // Relations, with levels from rdf:Statement qualifiers.
    let mut levels: HashMap<(&str, &str, &str), (&str, Pos, &Key)> = HashMap::new();
    for (key, r) in resources.iter() {
        if let Some(st) = &r.statement
            && let (Some(s), Some(p), Some(o), Some((level, pos))) =
                (&st.subject, &st.predicate, &st.object, &st.level)
        {
            levels.insert((s, p, o), (level, *pos, key));
        }
    }
    let mut used_statements: HashSet<&Key> = HashSet::new();
    for rel in &relations {
        let Some(rule) = mapping.relations.get(&rel.predicate) else {
            continue;
        };
        let (from, to) = if rule.inverse {
            (&rel.object, &rel.subject)
        } else {
            (&rel.subject, &rel.object)
        };
        let ids = (node_id(from, mapping), node_id(to, mapping));
        let (from_id, to_id) = match ids {
            (Ok(f), Ok(t)) => (f, t),
            (Err(problem), _) | (_, Err(problem)) => {
                report.reject(
                    rel.pos.source,
                    Diagnostic::error(K::InvalidId, at(rel.pos), problem),
                );
                continue;
            }
        };
        let mut relation = Relation {
            kind: rule.kind,
            importance: rule.importance,
            level: None,
        };
        let statement_key = (
            rel.subject.as_str(),
            rel.predicate.as_str(),
            rel.object.as_str(),
        );
        if let Some((level, pos, st)) = levels.remove(&statement_key) {
            used_statements.insert(st);
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
        staging.add_relation(from_id, to_id, relation, at(rel.pos), rel.pos.source);
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
    for (key, r) in ignored {
        let used = label_nodes.contains(key) || used_statements.contains(key);
        settle(
            report,
            r,
            if used {
                Settle::Imported
            } else {
                Settle::Skipped
            },
        );
    }
    Ok((staging, manifest))
}

/// How a resource's triples are counted.
enum Settle {
    Imported,
    Skipped,
    Rejected,
}

fn settle(report: &mut ImportReport, r: &Resource, how: Settle) {
    for &(source, n) in &r.counts {
        if let Some(s) = report.sources.get_mut(source) {
            match how {
                Settle::Imported => s.imported += n,
                Settle::Skipped => s.skipped += n,
                Settle::Rejected => s.rejected += n,
            }
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
    let concepts: Vec<ConceptRule<'_, 'm>> = rules
        .iter()
        .filter_map(|(c, rule)| match rule {
            ClassRule::Concept {
                kind,
                defaults,
                fallback: false,
            } => Some((*c, *kind, defaults)),
            _ => None,
        })
        .collect();
    if let Some((first_class, kind, defaults)) = concepts.first() {
        if let Some((other_class, other, _)) = concepts.iter().find(|(_, k, _)| k != kind) {
            return Fate::Rejected(
                Diagnostic::error(
                    K::InvalidValue,
                    at(r.first),
                    format!(
                        "`{key}` is typed both `{first_class}` ({kind}) and `{other_class}` ({other})"
                    ),
                )
                .about(key.to_owned()),
            );
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
fn choose_languages(
    fates: &[(&Key, &Resource, Fate<'_>)],
    scheme: &BTreeMap<SchemeField, String>,
    mapping: &Mapping,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Vec<String> {
    let clean = |list: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in list {
            let l = l.trim().to_ascii_lowercase();
            if valid_language(&l) && !out.contains(&l) {
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
    for (_, r, fate) in fates {
        if let Fate::Concept(..) = fate {
            for l in r.labels.iter().filter(|l| l.role == LabelRole::Pref) {
                if let Some(lang) = &l.lang {
                    *counts.entry(lang.clone()).or_default() += 1;
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

fn valid_language(l: &str) -> bool {
    (2..=8).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase() || c == '-')
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
    let release_date = match over.release_date.clone() {
        Some(d) => d,
        None => match get(SchemeField::ReleaseDate).and_then(|d| d.get(..10).map(str::to_owned)) {
            Some(d) if is_date(&d) => d,
            _ => {
                report
                    .notes
                    .push("no release date in the graph: set to 1970-01-01".to_owned());
                "1970-01-01".to_owned()
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

fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Builds the concept `id` of `kind` from what the graph says about it.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename them"
)]
fn build_concept(
    kind: ConceptKind,
    defaults: &[(Attribute, String)],
    r: &Resource,
    id: String,
    languages: &[String],
    primary: &str,
    at: &impl Fn(Pos) -> Location,
    report: &mut ImportReport,
) -> Result<Concept, Diagnostic> {
    let mut warnings: Vec<(Pos, String)> = Vec::new();
    let mut labels = Labels::default();
    let mut descriptions: BTreeMap<String, String> = BTreeMap::new();
    for l in &r.labels {
        let lang = l.lang.clone().unwrap_or_else(|| primary.to_owned());
        if !languages.contains(&lang) {
            *report.ignored_languages.entry(lang).or_default() += 1;
            continue;
        }
        match l.role {
            LabelRole::Pref => match labels.pref.get(&lang) {
                None => {
                    labels.pref.insert(lang, l.text.clone());
                }
                Some(p) if *p == l.text => {}
                Some(p) => {
                    warnings.push((
                        l.pos,
                        format!(
                            "`{id}` has a second preferred label in `{lang}` (`{}` besides `{p}`); kept as a synonym",
                            l.text
                        ),
                    ));
                    labels.alt.entry(lang).or_default().push(l.text.clone());
                }
            },
            LabelRole::Alt | LabelRole::Hidden => {
                labels.alt.entry(lang).or_default().push(l.text.clone());
            }
            LabelRole::Definition => match labels.definition.get(&lang) {
                None => {
                    labels.definition.insert(lang, l.text.clone());
                }
                Some(d) if *d == l.text => {}
                Some(_) => warnings.push((
                    l.pos,
                    format!("`{id}` has a second definition in `{lang}`; dropped"),
                )),
            },
            LabelRole::Description => {
                descriptions.entry(lang).or_insert_with(|| l.text.clone());
            }
            LabelRole::LiteralForm | LabelRole::XlPref | LabelRole::XlAlt | LabelRole::XlHidden => {
            }
        }
    }
    for (lang, d) in descriptions {
        labels.definition.entry(lang).or_insert(d);
    }

    let mut values: BTreeMap<Attribute, (String, Pos)> = BTreeMap::new();
    for (attr, value, pos) in &r.attributes {
        match values.get(attr) {
            None => {
                values.insert(*attr, (value.trim().to_owned(), *pos));
            }
            Some((v, _)) if v == value.trim() => {}
            Some((v, _)) => warnings.push((
                *pos,
                format!(
                    "`{id}` has a second `{}` (`{value}` besides `{v}`); dropped",
                    attr.name()
                ),
            )),
        }
    }
    for (attr, value) in defaults {
        values
            .entry(*attr)
            .or_insert_with(|| (value.clone(), r.first));
    }
    let mut attrs = Attrs {
        values,
        id: &id,
        kind,
        first: r.first,
        at,
    };
    let data = match kind {
        ConceptKind::Skill => ConceptData::Skill {
            skill_type: attrs
                .parse_opt(Attribute::SkillType)?
                .unwrap_or(vaardig_core::SkillType::Skill),
        },
        ConceptKind::KnowledgeArea => ConceptData::KnowledgeArea,
        ConceptKind::OccupationTask => ConceptData::OccupationTask,
        ConceptKind::Occupation => {
            let notation = attrs.take(Attribute::Notation);
            let isco = attrs
                .take(Attribute::Isco)
                .map(|(v, _)| v)
                .or_else(|| match notation {
                    Some((n, _)) if is_isco(&n) => Some(n),
                    Some(_) => {
                        *report
                            .unused_attributes
                            .entry("notation".into())
                            .or_default() += 1;
                        None
                    }
                    None => None,
                })
                .or_else(|| r.isco.first().map(|(code, _)| code.clone()));
            ConceptData::Occupation { isco }
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
                nlqf: attrs.parse::<Nlqf>(Attribute::Nlqf)?,
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
    for attr in attrs.values.keys() {
        *report
            .unused_attributes
            .entry(attr.name().to_owned())
            .or_default() += 1;
    }
    for (pos, message) in warnings {
        report.push(Diagnostic::warning(K::InvalidValue, at(pos), message).about(id.clone()));
    }
    Ok(Concept::new(id, labels, data))
}

/// The attribute values of one resource, taken one by one as the concept is built; what is left
/// over had no place in the concept's kind.
struct Attrs<'a, F> {
    values: BTreeMap<Attribute, (String, Pos)>,
    id: &'a str,
    kind: ConceptKind,
    first: Pos,
    at: &'a F,
}

impl<F: Fn(Pos) -> Location> Attrs<'_, F> {
    fn take(&mut self, attr: Attribute) -> Option<(String, Pos)> {
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
