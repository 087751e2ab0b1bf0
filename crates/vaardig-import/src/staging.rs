//! The staging area between a reader and the core's [`OntologyBuilder`].
//!
//! Readers add concepts and relations here as they stream through their input. [`Staging::finish`]
//! then applies, in lenient fashion, the checks the core would apply in one go — ids, labels in
//! the primary language, endpoints, duplicates, cycles — rejecting (and reporting) each offending
//! record instead of failing the whole import, and hands the rest to the builder. The builder
//! still validates everything; staging only makes sure what reaches it is acceptable.

use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::Dfs;
use vaardig_core::io::MAX_FIELD_BYTES;
use vaardig_core::{
    Concept, ConceptData, Diagnostic, DiagnosticKind as K, Location, MAX_COST_EUR, MAX_HOURS,
    Manifest, OntologyBuilder, Relation, RelationKind, id_problem,
};

use crate::interned::{Place, Strings};
use crate::report::ImportReport;

/// What to do with a relation stated twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Duplicates {
    /// Reject the second statement (tables: a repeated row is a mistake).
    Reject,
    /// Merge them (RDF: a graph is a set, and inverse predicates restate relations).
    Merge,
}

/// Rows or triples per source that stand or fall with one concept: `(source, count)`.
pub(crate) type Weight = Vec<(usize, u64)>;

/// A concept waiting to be checked.
#[derive(Debug)]
struct StagedConcept {
    concept: Concept,
    location: Location,
    /// The rows or triples counted as imported or rejected with this concept (empty when the
    /// reader counted them itself).
    weight: Weight,
}

/// A relation waiting to be checked, in 32 bytes: its endpoints' ids and its place numbered in
/// [`Staging::strings`], its attributes in [`Staging::attributes`]. Once checked, the same
/// record holds the endpoints' positions among the accepted concepts instead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StagedRelation {
    from: u32,
    to: u32,
    relation: u32,
    /// Relations are always counted at `finish`, against this source.
    source: u32,
    place: Place,
}

/// Concepts and relations on their way into an [`OntologyBuilder`].
#[derive(Debug)]
pub(crate) struct Staging {
    languages: Vec<String>,
    duplicates: Duplicates,
    index: HashMap<String, usize>,
    concepts: Vec<Option<StagedConcept>>,
    rejected: HashMap<String, Location>,
    relations: Vec<StagedRelation>,
    /// The relations' endpoint ids, file names and columns, each once.
    strings: Strings,
    /// The relation numbered last (the next most likely shares parts with it).
    recent: Option<StagedRelation>,
    /// The relations' distinct attributes (kind, importance, level, ...): a handful in most
    /// inputs.
    attributes: IndexSet<Relation>,
    /// Relations past what [`Strings`] can number (2^32 − 1 distinct strings): their source and
    /// location, rejected at `finish`.
    too_many: Vec<(usize, Location)>,
}

impl Staging {
    /// An empty staging area for an ontology in `languages` (primary first).
    pub(crate) fn new(languages: Vec<String>, duplicates: Duplicates) -> Self {
        Staging {
            languages,
            duplicates,
            index: HashMap::new(),
            concepts: Vec::new(),
            rejected: HashMap::new(),
            relations: Vec::new(),
            strings: Strings::default(),
            recent: None,
            attributes: IndexSet::new(),
            too_many: Vec::new(),
        }
    }

    /// Makes room for `concepts` more concepts at once: a reader that knows how many are coming
    /// saves the up to twice the room a growing list takes.
    pub(crate) fn reserve(&mut self, concepts: usize) {
        self.concepts.reserve_exact(concepts);
    }

    /// The manifest languages, primary first.
    pub(crate) fn languages(&self) -> &[String] {
        &self.languages
    }

    /// Stages a concept whose fate decides how `weight` is counted. An invalid or duplicate id
    /// is rejected at once; `false` then.
    pub(crate) fn add_concept(
        &mut self,
        concept: Concept,
        location: Location,
        weight: Weight,
        report: &mut ImportReport,
    ) -> bool {
        let problem = if let Some(problem) = id_problem(&concept.id) {
            Some(Diagnostic::error(K::InvalidId, location.clone(), problem))
        } else if let Some(&first) = self.index.get(&concept.id) {
            let at = self.concepts[first]
                .as_ref()
                .map(|c| describe(&c.location))
                .unwrap_or_default();
            Some(
                Diagnostic::error(
                    K::DuplicateId,
                    location.clone(),
                    format!("duplicate id `{}` (first defined at {at})", concept.id),
                )
                .about(concept.id.clone()),
            )
        } else {
            None
        };
        if let Some(diagnostic) = problem {
            report.push(diagnostic);
            settle(report, &weight, false);
            return false;
        }
        self.index.insert(concept.id.clone(), self.concepts.len());
        self.concepts.push(Some(StagedConcept {
            concept,
            location,
            weight,
        }));
        true
    }

    /// The staged concept `id`, to add labels or attributes to.
    pub(crate) fn concept_mut(&mut self, id: &str) -> Option<&mut Concept> {
        let &i = self.index.get(id)?;
        self.concepts[i].as_mut().map(|c| &mut c.concept)
    }

    /// Whether `id` is staged.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Records that the record defining `id` was rejected at `location`, so relations naming it
    /// say so instead of calling it unknown.
    pub(crate) fn mark_rejected(&mut self, id: &str, location: Location) {
        self.rejected.entry(id.to_owned()).or_insert(location);
    }

    /// Stages a relation `from → to`, counted against `source` when checked.
    pub(crate) fn add_relation(
        &mut self,
        from: String,
        to: String,
        relation: Relation,
        location: Location,
        source: usize,
    ) {
        match self.number(&from, &to, relation, source, |strings, recent| {
            Place::new(&location, strings, recent)
        }) {
            Some(staged) => self.relations.push(staged),
            None => self.too_many.push((source, location)),
        }
    }

    /// The staged record of a relation at `line` of `file`, for a reader that keeps its
    /// relations in a list of its own until [`Staging::set_relations`] (the RDF reader turns its
    /// triples into these in place). `None` when it cannot be numbered (it is rejected at
    /// `finish` then).
    pub(crate) fn stage_relation(
        &mut self,
        from: &str,
        to: &str,
        relation: Relation,
        (file, line): (&str, u64),
        source: usize,
    ) -> Option<StagedRelation> {
        let staged = self.number(from, to, relation, source, |strings, recent| {
            Place::of(Some(file), Some(line), None, strings, recent)
        });
        if staged.is_none() {
            self.too_many.push((source, Location::line(file, line)));
        }
        staged
    }

    /// A relation as numbers. Readers give relations in runs (one occupation's skills, one
    /// file), so each part is first compared with the relation numbered before, and hashed
    /// only when it differs.
    fn number(
        &mut self,
        from: &str,
        to: &str,
        relation: Relation,
        source: usize,
        place: impl FnOnce(&mut Strings, Option<Place>) -> Option<Place>,
    ) -> Option<StagedRelation> {
        let recent = self.recent;
        let strings = &mut self.strings;
        let mut id = |s: &str, before: Option<u32>| match before {
            Some(b) if strings.get(b) == s => Some(b),
            _ => strings.intern(s),
        };
        let from = id(from, recent.map(|r| r.from))?;
        let to = id(to, recent.map(|r| r.to))?;
        let relation = match recent {
            Some(r) if self.attributes.get_index(r.relation as usize) == Some(&relation) => {
                r.relation
            }
            _ => number(&mut self.attributes, relation)?,
        };
        let staged = StagedRelation {
            from,
            to,
            relation,
            source: u32::try_from(source).ok()?,
            place: place(&mut self.strings, recent.map(|r| r.place))?,
        };
        self.recent = Some(staged);
        Some(staged)
    }

    /// Adds relations from [`Staging::stage_relation`], after those staged so far.
    pub(crate) fn set_relations(&mut self, relations: Vec<StagedRelation>) {
        if self.relations.is_empty() {
            self.relations = relations;
        } else {
            self.relations.extend(relations);
        }
    }

    /// Checks everything, reports and drops what the core would refuse, and fills a builder.
    pub(crate) fn finish(self, manifest: Manifest, report: &mut ImportReport) -> OntologyBuilder {
        let Staging {
            languages,
            duplicates,
            index: _,
            concepts,
            mut rejected,
            mut relations,
            strings,
            mut attributes,
            too_many,
            recent: _,
        } = self;
        let primary = languages.first().cloned().unwrap_or_default();

        // Concepts: labels and attributes.
        // (Collected in place: the accepted concepts reuse the staged ones' room.)
        let accepted: Vec<StagedConcept> = concepts
            .into_iter()
            .filter_map(|staged| {
                let mut staged = staged?;
                normalise(&mut staged, &languages, report);
                match concept_problem(&staged.concept, &staged.location, &primary) {
                    None => Some(staged),
                    Some(diagnostic) => {
                        rejected.insert(staged.concept.id.clone(), staged.location.clone());
                        report.push(diagnostic);
                        settle(report, &staged.weight, false);
                        None
                    }
                }
            })
            .collect();
        // The accepted concept each numbered string names, looked up once per string rather
        // than twice per relation.
        let accepted_as: Vec<Option<u32>> = {
            let index: HashMap<&str, u32> = accepted
                .iter()
                .enumerate()
                .map(|(i, c)| (c.concept.id.as_str(), i as u32))
                .collect();
            (0..strings.len())
                .map(|i| {
                    let i = u32::try_from(i).ok()?;
                    index.get(strings.get(i)).copied()
                })
                .collect()
        };

        for (source, location) in too_many {
            report.reject(
                source,
                Diagnostic::error(
                    K::TooLarge,
                    location,
                    "more distinct ids, files or columns in relations than one import can hold (2^32 − 1)",
                ),
            );
        }
        // Relations: endpoints, kinds, self-loops, duplicates. The kept ones are written over the
        // list as it is read (the first `kept` records), so no second list is needed.
        let mut kept = 0usize;
        let mut seen: HashMap<(u32, u32, RelationKind), usize> = HashMap::new();
        for i in 0..relations.len() {
            let rel = relations[i];
            let Some(&relation) = attributes.get_index(rel.relation as usize) else {
                continue; // never: `add_relation` numbered it
            };
            let source = rel.source as usize;
            let kind = relation.kind;
            let lookup = |n: u32| -> Result<u32, Diagnostic> {
                accepted_as
                    .get(n as usize)
                    .copied()
                    .flatten()
                    .ok_or_else(|| {
                        let id = strings.get(n);
                        let message = match rejected.get(id) {
                            Some(at) => format!(
                                "`{kind}` relation names `{id}`, whose record was rejected ({})",
                                describe(at)
                            ),
                            None => format!("`{kind}` relation names unknown concept `{id}`"),
                        };
                        Diagnostic::error(
                            K::DanglingReference,
                            rel.place.location(&strings),
                            message,
                        )
                        .about(id.to_owned())
                    })
            };
            let checked = lookup(rel.from).and_then(|f| Ok((f, lookup(rel.to)?)));
            let (from, to) = match checked {
                Ok(pair) => pair,
                Err(diagnostic) => {
                    report.reject(source, diagnostic);
                    continue;
                }
            };
            let (fk, tk) = (
                accepted[from as usize].concept.kind(),
                accepted[to as usize].concept.kind(),
            );
            if from == to {
                report.reject(
                    source,
                    Diagnostic::error(
                        if kind == RelationKind::Broader {
                            K::Cycle
                        } else {
                            K::InvalidValue
                        },
                        rel.place.location(&strings),
                        format!("`{kind}` relates `{}` to itself", strings.get(rel.from)),
                    )
                    .about(strings.get(rel.from).to_owned()),
                );
                continue;
            }
            if !kind.allows(fk, tk) {
                report.reject(
                    source,
                    Diagnostic::error(
                        K::WrongEndpoint,
                        rel.place.location(&strings),
                        format!(
                            "`{kind}` cannot go from {fk} `{}` to {tk} `{}` (allowed: {})",
                            strings.get(rel.from),
                            strings.get(rel.to),
                            kind.endpoints()
                        ),
                    )
                    .about(strings.get(rel.from).to_owned()),
                );
                continue;
            }
            let key = if kind == RelationKind::Related && to < from {
                (to, from, kind)
            } else {
                (from, to, kind)
            };
            if let Some(&first) = seen.get(&key) {
                match duplicates {
                    Duplicates::Reject => {
                        let at = describe(&relations[first].place.location(&strings));
                        report.reject(
                            source,
                            Diagnostic::error(
                                K::DuplicateRelation,
                                rel.place.location(&strings),
                                format!(
                                    "duplicate `{kind}` relation {} → {} (first at {at})",
                                    strings.get(rel.from),
                                    strings.get(rel.to)
                                ),
                            )
                            .about(strings.get(rel.from).to_owned()),
                        );
                    }
                    Duplicates::Merge => {
                        let mut previous = attributes
                            .get_index(relations[first].relation as usize)
                            .copied()
                            .unwrap_or(relation);
                        if let Some(warning) = merge(&mut previous, &relation, &rel, &strings) {
                            report.push(warning);
                        }
                        if let Some(n) = number(&mut attributes, previous) {
                            relations[first].relation = n;
                        }
                        report.merged_duplicates += 1;
                        report.imported(source);
                    }
                }
                continue;
            }
            seen.insert(key, kept);
            relations[kept] = StagedRelation { from, to, ..rel };
            kept += 1;
        }
        drop(seen);
        drop(accepted_as);
        relations.truncate(kept);

        let cyclic = cycle_closing_edges(&relations, &attributes, accepted.len());
        let mut builder = OntologyBuilder::new(manifest);
        for (i, rel) in relations.into_iter().enumerate() {
            let Some(&relation) = attributes.get_index(rel.relation as usize) else {
                continue; // never: every kept relation is numbered
            };
            let (from, to, source) = (rel.from, rel.to, rel.source as usize);
            let location = rel.place.location(&strings);
            if cyclic.contains(&i) {
                let (f, t) = (
                    &accepted[from as usize].concept.id,
                    &accepted[to as usize].concept.id,
                );
                report.reject(
                    source,
                    Diagnostic::error(
                        K::Cycle,
                        location,
                        format!("`broader` {f} → {t} would close a cycle in the hierarchy"),
                    )
                    .about(f.clone()),
                );
                continue;
            }
            report.imported(source);
            *report
                .relations
                .entry(relation.kind.as_str().to_owned())
                .or_default() += 1;
            builder.add_relation_at(
                &accepted[from as usize].concept.id,
                &accepted[to as usize].concept.id,
                relation,
                location,
            );
        }
        drop(strings);
        for staged in accepted {
            settle(report, &staged.weight, true);
            *report
                .concepts
                .entry(staged.concept.kind().as_str().to_owned())
                .or_default() += 1;
            builder.add_concept_at(staged.concept, staged.location);
        }
        builder
    }
}

/// The number of `relation`'s attributes in `attributes`, kept when new; a handful are compared
/// directly before anything is hashed. `None` past 2^32 − 1.
fn number(attributes: &mut IndexSet<Relation>, relation: Relation) -> Option<u32> {
    let i = match attributes.iter().take(16).position(|r| *r == relation) {
        Some(i) => i,
        None => attributes.insert_full(relation).0,
    };
    u32::try_from(i).ok()
}

/// Counts `weight` as imported or rejected.
fn settle(report: &mut ImportReport, weight: &Weight, imported: bool) {
    for &(source, n) in weight {
        if let Some(s) = report.sources.get_mut(source) {
            if imported {
                s.imported += n;
            } else {
                s.rejected += n;
            }
        }
    }
}

/// `file:line`, or a placeholder when the location is unknown.
fn describe(location: &Location) -> String {
    if location.is_unknown() {
        "an earlier record".to_owned()
    } else {
        location.to_string()
    }
}

/// Merges a restated relation into the first statement; a warning when they disagree.
fn merge(
    first: &mut Relation,
    second: &Relation,
    again: &StagedRelation,
    strings: &Strings,
) -> Option<Diagnostic> {
    if first == second {
        return None;
    }
    // Keep the stronger importance (declaration order: essential first) and the known level.
    let importance = match (first.importance, second.importance) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let level = match (first.level, second.level) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let conflict = (first.importance.is_some()
        && second.importance.is_some()
        && first.importance != second.importance)
        || (first.level.is_some() && second.level.is_some() && first.level != second.level);
    first.importance = importance;
    first.level = level;
    conflict.then(|| {
        Diagnostic::warning(
            K::DuplicateRelation,
            again.place.location(strings),
            format!(
                "`{}` relation {} → {} stated twice with different attributes; kept {}",
                second.kind,
                strings.get(again.from),
                strings.get(again.to),
                describe_relation(first)
            ),
        )
        .about(strings.get(again.from).to_owned())
    })
}

fn describe_relation(relation: &Relation) -> String {
    let mut parts = Vec::new();
    if let Some(i) = relation.importance {
        parts.push(i.to_string());
    }
    if let Some(l) = relation.level {
        parts.push(format!("level {l}"));
    }
    if parts.is_empty() {
        "no attributes".to_owned()
    } else {
        parts.join(", ")
    }
}

/// Indices (into `kept`) of `broader` edges that close a cycle: in input order, an edge is kept
/// unless its target already reaches its source. Only edges inside a strongly connected
/// component are examined, so an acyclic hierarchy costs one Kosaraju pass (iterative:
/// no recursion on hierarchy depth).
fn cycle_closing_edges(
    kept: &[StagedRelation],
    attributes: &IndexSet<Relation>,
    nodes: usize,
) -> HashSet<usize> {
    let broader: Vec<(usize, u32, u32)> = kept
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            attributes
                .get_index(e.relation as usize)
                .is_some_and(|r| r.kind == RelationKind::Broader)
        })
        .map(|(i, e)| (i, e.from, e.to))
        .collect();
    let mut graph: DiGraph<(), (), u32> = DiGraph::with_capacity(nodes, broader.len());
    for _ in 0..nodes {
        graph.add_node(());
    }
    for &(_, f, t) in &broader {
        graph.add_edge(NodeIndex::new(f as usize), NodeIndex::new(t as usize), ());
    }
    let mut component = vec![usize::MAX; nodes];
    let mut any = false;
    // Kosaraju is iterative: no recursion on hierarchy depth (Tarjan in petgraph recurses).
    for (c, scc) in kosaraju_scc(&graph).into_iter().enumerate() {
        if scc.len() > 1 {
            any = true;
            for n in scc {
                component[n.index()] = c;
            }
        }
    }
    let mut closing = HashSet::new();
    if !any {
        return closing;
    }
    // Re-add the edges inside cyclic components one by one.
    let mut inner: DiGraph<(), (), u32> = DiGraph::with_capacity(nodes, 0);
    for _ in 0..nodes {
        inner.add_node(());
    }
    for &(i, f, t) in &broader {
        let (fc, tc) = (component[f as usize], component[t as usize]);
        if fc == usize::MAX || fc != tc {
            continue;
        }
        let (from, to) = (NodeIndex::new(f as usize), NodeIndex::new(t as usize));
        let mut dfs = Dfs::new(&inner, to);
        let mut reaches = false;
        while let Some(n) = dfs.next(&inner) {
            if n == from {
                reaches = true;
                break;
            }
        }
        if reaches {
            closing.insert(i);
        } else {
            inner.add_edge(from, to, ());
        }
    }
    closing
}

/// Trims labels, drops empty ones and labels in languages the manifest lacks, de-duplicates
/// synonyms, and drops synonyms or definitions the native format cannot hold (with a warning).
fn normalise(staged: &mut StagedConcept, languages: &[String], report: &mut ImportReport) {
    let labels = &mut staged.concept.labels;
    let id = &staged.concept.id;
    let known = |l: &String| languages.contains(l);
    for map_lang in labels
        .pref
        .keys()
        .chain(labels.alt.keys())
        .chain(labels.definition.keys())
        .filter(|l| !known(l))
    {
        *report
            .ignored_languages
            .entry(map_lang.clone())
            .or_default() += 1;
    }
    labels.pref.retain(|l, _| known(l));
    labels.alt.retain(|l, _| known(l));
    labels.definition.retain(|l, _| known(l));
    for value in labels
        .pref
        .values_mut()
        .chain(labels.definition.values_mut())
    {
        let t = value.trim();
        if t.len() != value.len() {
            *value = t.to_owned();
        }
    }
    labels.pref.retain(|_, v| !v.is_empty());
    let mut warnings = Vec::new();
    labels.definition.retain(|lang, v| {
        if v.len() > MAX_FIELD_BYTES {
            warnings.push(format!(
                "definition of `{id}` in `{lang}` is {} bytes, more than the {MAX_FIELD_BYTES} a field may hold; dropped",
                v.len()
            ));
            return false;
        }
        !v.is_empty()
    });
    for (lang, alts) in labels.alt.iter_mut() {
        let mut seen: HashSet<String> = HashSet::with_capacity(alts.len());
        let mut bytes = 0usize;
        let mut out = Vec::with_capacity(alts.len());
        for alt in alts.drain(..) {
            let t = alt.trim();
            if t.is_empty() || seen.contains(t) {
                continue;
            }
            if t.contains('|') {
                warnings.push(format!(
                    "synonym `{t}` of `{id}` in `{lang}` contains `|`, the synonym separator; dropped"
                ));
                continue;
            }
            if bytes + t.len() + 1 > MAX_FIELD_BYTES {
                warnings.push(format!(
                    "synonyms of `{id}` in `{lang}` exceed the {MAX_FIELD_BYTES} bytes a field may hold; `{t}` and later ones dropped"
                ));
                break;
            }
            bytes += t.len() + 1;
            seen.insert(t.to_owned());
            out.push(t.to_owned());
        }
        *alts = out;
    }
    labels.alt.retain(|_, v| !v.is_empty());
    if let ConceptData::Occupation {
        isco: Some(code), ..
    } = &staged.concept.data
        && !is_isco(code)
    {
        warnings.push(format!(
            "ISCO code `{code}` of `{id}` is not 1–4 digits; dropped"
        ));
        if let ConceptData::Occupation { isco, .. } = &mut staged.concept.data {
            *isco = None;
        }
    }
    let id = staged.concept.id.clone();
    for message in warnings {
        report.push(
            Diagnostic::warning(K::InvalidValue, staged.location.clone(), message)
                .about(id.clone()),
        );
    }
}

/// Whether `code` is an ISCO-08 code the core accepts: 1–4 digits.
pub(crate) fn is_isco(code: &str) -> bool {
    !code.is_empty() && code.len() <= 4 && code.chars().all(|c| c.is_ascii_digit())
}

/// Why the core would refuse this concept, if it would.
fn concept_problem(concept: &Concept, location: &Location, primary: &str) -> Option<Diagnostic> {
    let id = &concept.id;
    let fail = |kind, column: &str, message: String| {
        Some(
            Diagnostic::error(kind, location.clone().with_column(column), message)
                .about(id.clone()),
        )
    };
    match concept.labels.pref(primary) {
        None => {
            return fail(
                K::MissingValue,
                &format!("pref_label_{primary}"),
                format!("`{id}` has no preferred label in the primary language `{primary}`"),
            );
        }
        Some(p) if p.len() > MAX_FIELD_BYTES => {
            return fail(
                K::TooLarge,
                &format!("pref_label_{primary}"),
                format!("preferred label of `{id}` is longer than {MAX_FIELD_BYTES} bytes"),
            );
        }
        Some(_) => {}
    }
    if let Some((lang, _)) = concept
        .labels
        .pref
        .iter()
        .find(|(_, p)| p.len() > MAX_FIELD_BYTES)
    {
        return fail(
            K::TooLarge,
            &format!("pref_label_{lang}"),
            format!("preferred label of `{id}` in `{lang}` is longer than {MAX_FIELD_BYTES} bytes"),
        );
    }
    if let ConceptData::LearningOffer {
        hours, cost_eur, ..
    } = &concept.data
    {
        if !(hours.is_finite() && *hours > 0.0 && *hours <= MAX_HOURS) {
            return fail(
                K::InvalidValue,
                "hours",
                format!("hours of `{id}` must be more than 0 and at most {MAX_HOURS}, got {hours}"),
            );
        }
        if !(cost_eur.is_finite() && *cost_eur >= 0.0 && *cost_eur <= MAX_COST_EUR) {
            return fail(
                K::InvalidValue,
                "cost_eur",
                format!("cost_eur of `{id}` must be from 0 to {MAX_COST_EUR}, got {cost_eur}"),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use vaardig_core::{Importance, Labels, SkillType};

    use super::*;

    fn skill(id: &str) -> Concept {
        Concept::new(
            id,
            Labels::with_pref([("en", id)]),
            ConceptData::Skill {
                skill_type: SkillType::Skill,
            },
        )
    }

    fn staged(duplicates: Duplicates) -> (Staging, ImportReport, usize) {
        let mut report = ImportReport::new("test");
        let source = report.add_source("t.csv");
        (Staging::new(vec!["en".into()], duplicates), report, source)
    }

    #[test]
    fn cycles_are_broken_at_the_closing_edge() {
        let (mut s, mut report, src) = staged(Duplicates::Reject);
        for id in ["a", "b", "c"] {
            assert!(s.add_concept(skill(id), Location::default(), Vec::new(), &mut report));
        }
        let broader = Relation::plain(RelationKind::Broader);
        for (i, (f, t)) in [("a", "b"), ("b", "c"), ("c", "a")].into_iter().enumerate() {
            report.read_one(src);
            s.add_relation(
                f.into(),
                t.into(),
                broader,
                Location::line("t.csv", i as u64 + 2),
                src,
            );
        }
        let built = s
            .finish(Manifest::new("t", "1", &["en"]), &mut report)
            .build();
        let ontology = built.expect("the cycle was broken").ontology;
        assert_eq!(ontology.relation_count(RelationKind::Broader), 2);
        let cycle: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.kind == K::Cycle)
            .collect();
        assert_eq!(cycle.len(), 1);
        assert_eq!(cycle[0].location.line, Some(4));
        assert!(report.counts_balance());
    }

    #[test]
    fn duplicates_merge_keeping_the_stronger_importance() {
        let (mut s, mut report, src) = staged(Duplicates::Merge);
        let mut occ = skill("o");
        occ.data = ConceptData::occupation(None);
        s.add_concept(occ, Location::default(), Vec::new(), &mut report);
        s.add_concept(skill("k"), Location::default(), Vec::new(), &mut report);
        for importance in [Importance::Optional, Importance::Essential] {
            report.read_one(src);
            s.add_relation(
                "o".into(),
                "k".into(),
                Relation::requires(importance, None),
                Location::default(),
                src,
            );
        }
        let ontology = s
            .finish(Manifest::new("t", "1", &["en"]), &mut report)
            .build()
            .expect("valid")
            .ontology;
        let o = ontology.index_of("o").expect("o");
        let rel: Vec<_> = ontology.outgoing(o, RelationKind::Requires).collect();
        assert_eq!(rel.len(), 1);
        assert_eq!(rel[0].1.importance, Some(Importance::Essential));
        assert_eq!(report.merged_duplicates, 1);
        assert_eq!(report.warning_count(), 1);
    }

    #[test]
    fn a_staged_relation_keeps_numbers_not_strings() {
        // Before, a staged relation held its two ids and a location with its own copy of the
        // file name: 168 bytes and three allocations; now 32 bytes and none.
        assert_eq!(std::mem::size_of::<StagedRelation>(), 32);
        let (mut s, mut report, src) = staged(Duplicates::Merge);
        for i in 0..100u64 {
            report.read_one(src);
            s.add_relation(
                format!("o{}", i % 2),
                format!("k{}", i % 5),
                Relation::plain(RelationKind::Related),
                Location::line("r.ttl", i + 1),
                src,
            );
        }
        // Seven ids and one file name, each kept once.
        assert_eq!(s.strings.len(), 8);
        assert_eq!(
            s.relations[99].place.location(&s.strings),
            Location::line("r.ttl", 100)
        );
    }

    #[test]
    fn relations_naming_rejected_concepts_say_so() {
        let (mut s, mut report, src) = staged(Duplicates::Reject);
        s.add_concept(skill("a"), Location::default(), Vec::new(), &mut report);
        let mut unlabelled = skill("b");
        unlabelled.labels = Labels::default();
        s.add_concept(
            unlabelled,
            Location::line("t.csv", 9),
            Vec::new(),
            &mut report,
        );
        report.read_one(src);
        s.add_relation(
            "a".into(),
            "b".into(),
            Relation::plain(RelationKind::Related),
            Location::line("r.csv", 2),
            src,
        );
        s.finish(Manifest::new("t", "1", &["en"]), &mut report);
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(messages[0].contains("no preferred label"), "{messages:?}");
        assert!(
            messages[1].contains("was rejected (t.csv:9"),
            "{messages:?}"
        );
        assert_eq!(report.sources[0].rejected, 1);
    }
}
