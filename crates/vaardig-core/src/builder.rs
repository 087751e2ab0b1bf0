//! [`OntologyBuilder`]: collects concepts and relations, validates them all, builds an [`Ontology`].
//!
//! Validation never stops at the first problem: `build` returns every error (with the location the
//! caller gave for each record) or the ontology plus its warnings.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::concept::{Code, Concept, ConceptData, Labels, Match, Note, Relation};
use crate::diagnostic::{Diagnostic, DiagnosticKind as K, Location, OntologyError};
use crate::manifest::Manifest;
use crate::model::{CodeSystem, RelationKind};
use crate::ontology::{Ontology, OntologyGraph};
use crate::validate::soft_warnings;

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 200;
/// The most study hours one learning offer may have.
pub const MAX_HOURS: f64 = 100_000.0;
/// The highest cost one learning offer may have, in euros.
pub const MAX_COST_EUR: f64 = 10_000_000.0;

/// A successfully built ontology and the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Built {
    /// The ontology.
    pub ontology: Ontology,
    /// Soft problems: the ontology works, but these look wrong.
    pub warnings: Vec<Diagnostic>,
}

/// A relation as added, in 32 bytes and no heap allocation: its endpoints, its attributes
/// (a table has few distinct ones) and its place interned (memory proportional to what is
/// kept, not three strings and a 48-byte relation per row).
#[derive(Debug)]
struct PendingRelation {
    from: u32,
    to: u32,
    relation: u32,
    at: Place,
}

/// No entry: a [`Place`] without a file or column.
const NONE: u32 = u32::MAX;

/// A [`Location`] kept compactly: the file and column as indices into the builder's interned
/// names ([`NONE`] for none), the line as a number (0 for none; lines start at 1).
#[derive(Debug, Clone, Copy)]
struct Place {
    file: u32,
    column: u32,
    line: u64,
}

/// The strings and attributes the builder keeps once, however many records name them.
#[derive(Debug, Default)]
struct Interned {
    ids: IndexSet<Box<str>>,
    files: IndexSet<Box<str>>,
    columns: IndexSet<Box<str>>,
    relations: IndexSet<Relation>,
}

impl Interned {
    /// `location` as a place; `None` past 2^32 − 1 distinct files or columns.
    fn place(&mut self, location: &Location) -> Option<Place> {
        let name = |set: &mut IndexSet<Box<str>>, text: Option<&str>| match text {
            None => Some(NONE),
            // Rows come file by file: the last name is compared before anything is hashed.
            Some(text) => match set.last() {
                Some(last) if **last == *text => Some(set.len() - 1),
                _ => Some(intern(set, text)),
            }
            .and_then(|i| u32::try_from(i).ok())
            .filter(|&i| i != NONE),
        };
        Some(Place {
            file: name(&mut self.files, location.file.as_deref())?,
            column: name(&mut self.columns, location.column.as_deref())?,
            line: location.line.unwrap_or(0),
        })
    }

    /// The number of `relation`'s attributes, interned when new. A table has a handful of
    /// distinct ones, compared directly before anything is hashed.
    fn relation(&mut self, relation: Relation) -> usize {
        if self.relations.len() <= 16
            && let Some(i) = self.relations.iter().position(|r| *r == relation)
        {
            return i;
        }
        self.relations.insert_full(relation).0
    }

    fn file(&self, place: &Place) -> Option<&str> {
        self.files.get_index(place.file as usize).map(|f| &**f)
    }

    fn location(&self, place: &Place) -> Location {
        Location {
            file: self.file(place).map(str::to_owned),
            line: (place.line != 0).then_some(place.line),
            column: self
                .columns
                .get_index(place.column as usize)
                .map(|c| c.to_string()),
        }
    }
}

/// The index of `text` in `set`, inserting it when it is new.
fn intern(set: &mut IndexSet<Box<str>>, text: &str) -> usize {
    match set.get_index_of(text) {
        Some(i) => i,
        None => set.insert_full(text.into()).0,
    }
}

/// What was rejected before building: concepts by id, and whole concept tables that were not
/// read (a refused header, an unreadable or oversized file). A reference into a rejected
/// table is not reported one by one (the table's own error says why), only counted.
#[derive(Debug, Default)]
struct Rejected {
    ids: HashSet<String>,
    tables: Vec<String>,
    unreported: Cell<usize>,
}

impl Rejected {
    /// Whether an unknown `id` is explained by an earlier rejection (and so not reported).
    fn excuses(&self, id: &str) -> bool {
        if self.ids.contains(id) {
            true
        } else if self.tables.is_empty() {
            false
        } else {
            self.unreported.set(self.unreported.get() + 1);
            true
        }
    }

    /// One warning summing up the references not reported, if any (the table's own error
    /// already makes building fail).
    fn summary(&self) -> Option<Diagnostic> {
        let n = self.unreported.get();
        (n > 0).then(|| {
            Diagnostic::warning(
                K::DanglingReference,
                Location::default(),
                format!(
                    "{n} reference(s) to concepts not found, not listed one by one because {} could not be read",
                    self.tables.join(", ")
                ),
            )
        })
    }
}

/// The most problems of one kind listed for relations and annotations; past it they are only
/// counted. A table of millions of duplicate or dangling rows would otherwise cost a diagnostic
/// (some 200 bytes) per row that is not even kept.
const MAX_LISTED_PER_KIND: usize = 1_000;

/// Problems found per row of relations and annotations, listed up to [`MAX_LISTED_PER_KIND`]
/// per kind, the rest counted and summed up by [`Cap::summary`].
#[derive(Debug, Default)]
struct Cap {
    listed: HashMap<K, usize>,
    unlisted: std::collections::BTreeMap<(K, crate::diagnostic::Severity), usize>,
}

impl Cap {
    fn push(&mut self, out: &mut Vec<Diagnostic>, d: Diagnostic) {
        let listed = self.listed.entry(d.kind).or_default();
        if *listed < MAX_LISTED_PER_KIND {
            *listed += 1;
            out.push(d);
        } else {
            *self.unlisted.entry((d.kind, d.severity)).or_default() += 1;
        }
    }

    /// One diagnostic per kind that was not listed in full, of the same severity (so an
    /// unlisted error still fails the build).
    fn summary(self) -> impl Iterator<Item = Diagnostic> {
        self.unlisted.into_iter().map(|((kind, severity), n)| {
            let message = format!(
                "{n} more `{}` problem(s) not listed (the first {MAX_LISTED_PER_KIND} are)",
                kind.code()
            );
            match severity {
                crate::diagnostic::Severity::Error => {
                    Diagnostic::error(kind, Location::default(), message)
                }
                _ => Diagnostic::warning(kind, Location::default(), message),
            }
        })
    }
}

/// A code, note or match given apart from its concept (a row of `codes.csv`, ...).
#[derive(Debug)]
enum Annotation {
    Code(Code),
    Note(Note),
    Match(Match),
}

#[derive(Debug)]
struct PendingAnnotation {
    id: String,
    annotation: Annotation,
    location: Location,
}

/// Collects concepts and relations; [`OntologyBuilder::build`] validates and freezes them.
///
/// ```
/// use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, Relation};
/// use vaardig_core::{Importance, SkillType};
///
/// let mut b = OntologyBuilder::new(Manifest::new("demo", "1", &["nl", "en"]));
/// b.add_concept(Concept::new(
///     "skill:wondverzorging",
///     Labels::with_pref([("nl", "wondverzorging"), ("en", "wound care")]),
///     ConceptData::Skill { skill_type: SkillType::Skill },
/// ));
/// b.add_concept(Concept::new(
///     "occ:verpleegkundige",
///     Labels::with_pref([("nl", "verpleegkundige"), ("en", "nurse")]),
///     ConceptData::occupation(Some("2221".into())),
/// ));
/// b.add_relation("occ:verpleegkundige", "skill:wondverzorging",
///     Relation::requires(Importance::Essential, None));
/// let built = b.build().expect("valid");
/// assert_eq!(built.ontology.len(), 2);
/// ```
#[derive(Debug)]
pub struct OntologyBuilder {
    manifest: Manifest,
    /// The concepts as added, already the graph's nodes (put in id order when building): a
    /// concept is held once, never moved from a list into the graph beside a second copy.
    graph: OntologyGraph,
    /// Where each node was added, by node index.
    places: Vec<Place>,
    relations: Vec<PendingRelation>,
    annotations: Vec<PendingAnnotation>,
    diagnostics: Vec<Diagnostic>,
    rejected: Rejected,
    interned: Interned,
}

impl OntologyBuilder {
    /// An empty builder for an ontology described by `manifest`.
    pub fn new(manifest: Manifest) -> Self {
        OntologyBuilder {
            manifest,
            graph: OntologyGraph::default(),
            places: Vec::new(),
            relations: Vec::new(),
            annotations: Vec::new(),
            diagnostics: Vec::new(),
            rejected: Rejected::default(),
            interned: Interned::default(),
        }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds a concept without a known source location.
    pub fn add_concept(&mut self, concept: Concept) -> &mut Self {
        self.add_concept_at(concept, Location::default())
    }

    /// Adds a concept read from `location` (reported with any problem it has). Its labels are
    /// put in Unicode NFC.
    pub fn add_concept_at(&mut self, mut concept: Concept, location: Location) -> &mut Self {
        concept.labels.normalize();
        // A node index is a u32 whose largest value petgraph reserves.
        let room = self.graph.node_count() < (u32::MAX - 1) as usize;
        match self.interned.place(&location).filter(|_| room) {
            Some(place) => {
                self.graph.add_node(concept);
                self.places.push(place);
            }
            None => self.too_many(location),
        }
        self
    }

    /// Reports a record past what the builder can number (2^32 − 1 distinct ids, files,
    /// columns or relation attributes): far more than any table within `io::Limits`.
    fn too_many(&mut self, location: Location) {
        self.diagnostics.push(Diagnostic::error(
            K::TooLarge,
            location,
            "more distinct ids, files or relation attributes than one ontology can hold (2^32 − 1)",
        ));
    }

    /// Adds a relation `from → to` without a known source location.
    pub fn add_relation(&mut self, from: &str, to: &str, relation: Relation) -> &mut Self {
        self.add_relation_at(from, to, relation, Location::default())
    }

    /// Adds a relation read from `location`.
    pub fn add_relation_at(
        &mut self,
        from: &str,
        to: &str,
        relation: Relation,
        location: Location,
    ) -> &mut Self {
        let number = |i: usize| u32::try_from(i).ok().filter(|&i| i != NONE);
        let interned = &mut self.interned;
        let pending = (|| {
            Some(PendingRelation {
                from: number(intern(&mut interned.ids, from))?,
                to: number(intern(&mut interned.ids, to))?,
                relation: number(interned.relation(relation))?,
                at: interned.place(&location)?,
            })
        })();
        match pending {
            Some(p) => self.relations.push(p),
            None => self.too_many(location),
        }
        self
    }

    /// Adds a code to concept `id` (which may be added before or after), read from `location`.
    pub fn add_code_at(&mut self, id: &str, code: Code, location: Location) -> &mut Self {
        self.annotate(id, Annotation::Code(code), location)
    }

    /// Adds a note to concept `id`, read from `location`.
    pub fn add_note_at(&mut self, id: &str, note: Note, location: Location) -> &mut Self {
        self.annotate(id, Annotation::Note(note), location)
    }

    /// Adds a match to another taxonomy to concept `id`, read from `location`.
    pub fn add_match_at(&mut self, id: &str, m: Match, location: Location) -> &mut Self {
        self.annotate(id, Annotation::Match(m), location)
    }

    fn annotate(&mut self, id: &str, annotation: Annotation, location: Location) -> &mut Self {
        self.annotations.push(PendingAnnotation {
            id: id.to_owned(),
            annotation,
            location,
        });
        self
    }

    /// Records a problem found before building (e.g. a row a reader could not parse); any error
    /// makes `build` fail, after all other checks have run.
    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) -> &mut Self {
        self.diagnostics.push(diagnostic);
        self
    }

    /// Records that the record defining concept `id` was rejected (and reported): relations that
    /// name `id` are then dropped without a second, dangling-reference error. Building still
    /// fails, because the rejection itself was an error.
    pub fn mark_rejected(&mut self, id: &str) -> &mut Self {
        self.rejected.ids.insert(id.to_owned());
        self
    }

    /// Records that concept table `file` was not read (its error already pushed): references
    /// to concepts not found are then summed up in one error instead of reported one by one,
    /// since they may well have been defined in that table. Building still fails.
    pub fn mark_table_rejected(&mut self, file: &str) -> &mut Self {
        if !self.rejected.tables.iter().any(|t| t == file) {
            self.rejected.tables.push(file.to_owned());
        }
        self
    }

    /// How many concepts have been added.
    pub fn concept_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Validates everything and builds the ontology, or returns every error found.
    pub fn build(self) -> Result<Built, OntologyError> {
        let OntologyBuilder {
            manifest,
            mut graph,
            mut places,
            relations,
            annotations,
            mut diagnostics,
            rejected,
            interned,
        } = self;
        let languages = manifest.languages.clone();
        let primary = manifest.primary_language().to_owned();

        for (concept, place) in graph.node_weights_mut().zip(&places) {
            normalise_labels(&mut concept.labels);
            let location = interned.location(place);
            check_concept(concept, &location, &languages, &primary, &mut diagnostics);
        }
        let mut cap = Cap::default();
        attach_annotations(
            &mut graph,
            annotations,
            &rejected,
            &languages,
            &mut diagnostics,
            &mut cap,
        );
        for concept in graph.node_weights_mut() {
            concept.sort_annotations();
        }

        // Sort by id so node indices follow id order, in place (the nodes are permuted, not
        // copied); the place breaks ties, so the first definition of a duplicate id comes
        // first. Then find duplicates side by side.
        let order = {
            let concepts: Vec<&Concept> = graph.node_weights().collect();
            let mut order: Vec<u32> = (0..concepts.len() as u32).collect();
            order.sort_by(|&a, &b| {
                let (pa, pb) = (&places[a as usize], &places[b as usize]);
                (&concepts[a as usize].id, pa.file, pa.line).cmp(&(
                    &concepts[b as usize].id,
                    pb.file,
                    pb.line,
                ))
            });
            order
        };
        permute(&mut graph, &mut places, &order);
        drop(order);
        // A duplicate stays a node (building fails anyway) but is left out of everything else.
        let mut duplicate = vec![false; graph.node_count()];
        let mut first = 0;
        for i in 1..graph.node_count() {
            let (prev, this) = (&graph[NodeIndex::new(first)], &graph[NodeIndex::new(i)]);
            if prev.id == this.id {
                duplicate[i] = true;
                diagnostics.push(
                    Diagnostic::error(
                        K::DuplicateId,
                        interned.location(&places[i]),
                        format!(
                            "duplicate id `{}` (first defined at {})",
                            this.id,
                            describe(&interned.location(&places[first]))
                        ),
                    )
                    .about(this.id.clone()),
                );
            } else {
                first = i;
            }
        }
        let locations = places;
        let index: HashMap<&str, NodeIndex> = graph
            .node_indices()
            .filter(|ix| !duplicate[ix.index()])
            .map(|ix| (graph[ix].id.as_str(), ix))
            .collect();

        for (ix, location) in graph.node_indices().zip(&locations) {
            if duplicate[ix.index()] {
                continue;
            }
            let concept = &graph[ix];
            let Some(target) = &concept.replaced_by else {
                continue;
            };
            let problem = if *target == concept.id {
                Some(format!("`{}` is replaced by itself", concept.id))
            } else if !index.contains_key(target.as_str()) && !rejected.excuses(target) {
                Some(format!(
                    "`{}` is replaced by unknown concept `{}`",
                    concept.id,
                    target.escape_debug()
                ))
            } else {
                None
            };
            if let Some(message) = problem {
                diagnostics.push(
                    Diagnostic::error(
                        K::DanglingReference,
                        interned.location(location).with_column("replaced_by"),
                        message,
                    )
                    .about(concept.id.clone()),
                );
            }
        }

        // Each interned id is looked up once, not once per row.
        let node_of: Vec<Option<NodeIndex>> = interned
            .ids
            .iter()
            .map(|id| index.get(id.as_ref()).copied())
            .collect();
        // Checked, deduplicated and sorted in place: one row costs one `PendingRelation` until
        // it becomes an edge, never a second copy in another list.
        let mut relations = relations;
        relations.retain_mut(|rel| {
            let (from, to) = (rel.from as usize, rel.to as usize);
            let ends = Ends {
                from: &interned.ids[from],
                to: &interned.ids[to],
                from_node: node_of[from],
                to_node: node_of[to],
            };
            let at = || interned.location(&rel.at);
            let mut found = Vec::new();
            let checked = check_relation(
                &interned.relations[rel.relation as usize],
                &ends,
                &at,
                &rejected,
                &graph,
                &mut found,
            );
            for d in found {
                cap.push(&mut diagnostics, d);
            }
            match checked {
                Some((from, to)) => {
                    // From here on `from` and `to` are node indices, not interned ids.
                    rel.from = from.index() as u32;
                    rel.to = to.index() as u32;
                    true
                }
                None => false,
            }
        });
        drop(node_of);
        drop(index);
        let node = |i: u32| NodeIndex::new(i as usize);
        let kind = |r: &PendingRelation| interned.relations[r.relation as usize].kind;
        // Duplicates: the same (from, to, kind), or a `related` pair stored in both directions;
        // the first in file order is kept. A stable sort: linear on tables already in order
        // (most are), and its buffer of half the 32-byte rows is less than the edges need
        // later, so it does not raise the peak.
        let sort_key = |r: &PendingRelation| {
            (
                key(node(r.from), node(r.to), kind(r)),
                interned.file(&r.at),
                r.at.line,
            )
        };
        relations.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        let mut last_key = None;
        relations.retain(|rel| {
            let (from, to) = (node(rel.from), node(rel.to));
            let k = key(from, to, kind(rel));
            if last_key == Some(k) {
                cap.push(
                    &mut diagnostics,
                    Diagnostic::error(
                        K::DuplicateRelation,
                        interned.location(&rel.at),
                        format!(
                            "duplicate `{}` relation {} → {}",
                            k.2, graph[from].id, graph[to].id
                        ),
                    )
                    .about(graph[from].id.clone()),
                );
                return false;
            }
            last_key = Some(k);
            true
        });

        // Inserting in descending order makes petgraph's (reverse-insertion) adjacency lists
        // iterate in ascending id order, in both directions. The places are no longer needed:
        // the rows shrink to 12 bytes before the graph reserves its edges, so the two are
        // never both held at full size.
        relations.sort_by_key(|r| std::cmp::Reverse((r.from, r.to, kind(r))));
        let ends: Vec<(u32, u32, u32)> = relations
            .iter()
            .map(|r| (r.from, r.to, r.relation))
            .collect();
        drop(relations);
        graph.reserve_exact_edges(ends.len());
        for (from, to, relation) in ends {
            graph.add_edge(node(from), node(to), interned.relations[relation as usize]);
        }

        diagnostics.extend(cap.summary());
        check_cycles(&graph, &mut diagnostics);
        diagnostics.extend(rejected.summary());

        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(OntologyError::new(diagnostics));
        }
        let ontology = Ontology::from_parts(manifest, graph);
        diagnostics.extend(soft_warnings(&ontology));
        Ok(Built {
            ontology,
            warnings: diagnostics,
        })
    }
}

/// Puts the nodes (and their places) in `order`: node `k` becomes the node that was at
/// `order[k]`. In place, by following each cycle of the permutation with swaps.
fn permute(graph: &mut OntologyGraph, places: &mut [Place], order: &[u32]) {
    let mut nodes: Vec<&mut Concept> = graph.node_weights_mut().collect();
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k] as usize;
            if from == start {
                break;
            }
            // Position `k` takes what is at `from`; what `k` held moves on along the cycle.
            let (lo, hi) = (k.min(from), k.max(from));
            let (left, right) = nodes.split_at_mut(hi);
            std::mem::swap(&mut *left[lo], &mut *right[0]);
            places.swap(k, from);
            k = from;
        }
    }
}

/// A sort key for an edge; `related` is symmetric, so its endpoints are ordered.
fn key(from: NodeIndex, to: NodeIndex, kind: RelationKind) -> (NodeIndex, NodeIndex, RelationKind) {
    if kind == RelationKind::Related && to < from {
        (to, from, kind)
    } else {
        (from, to, kind)
    }
}

fn describe(location: &Location) -> String {
    if location.is_unknown() {
        "an earlier record".to_owned()
    } else {
        location.to_string()
    }
}

/// Trims labels and drops empty synonyms, so loading what was written gives the same labels.
fn normalise_labels(labels: &mut Labels) {
    labels.pref.retain(|_, v| trim_in_place(v));
    labels.definition.retain(|_, v| trim_in_place(v));
    for alts in labels.alt.values_mut() {
        alts.retain_mut(trim_in_place);
    }
    labels.alt.retain(|_, v| !v.is_empty());
}

/// Trims `text` (reallocating only when there is something to trim); `false` when nothing is left.
fn trim_in_place(text: &mut String) -> bool {
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
    !text.is_empty()
}

/// Checks an id's form; `None` when it is fine.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        Some("empty id".to_owned())
    } else if id.len() > MAX_ID_LEN {
        Some(format!("id longer than {MAX_ID_LEN} bytes"))
    } else if id
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '|')
    {
        Some(format!(
            "id `{}` contains whitespace, a control character or `|`",
            id.escape_debug()
        ))
    } else {
        None
    }
}

fn check_concept(
    concept: &Concept,
    location: &Location,
    languages: &[String],
    primary: &str,
    out: &mut Vec<Diagnostic>,
) {
    let id = &concept.id;
    if let Some(problem) = id_problem(id) {
        out.push(Diagnostic::error(
            K::InvalidId,
            location.clone().with_column("id"),
            problem,
        ));
    }
    if concept.labels.pref(primary).is_none() {
        out.push(
            Diagnostic::error(
                K::MissingValue,
                location
                    .clone()
                    .with_column(format!("pref_label_{primary}")),
                format!("`{id}` has no preferred label in the primary language `{primary}`"),
            )
            .about(id.clone()),
        );
    }
    let known = |lang: &String| languages.iter().any(|l| l == lang);
    let labelled = concept
        .labels
        .pref
        .keys()
        .chain(concept.labels.alt.keys())
        .chain(concept.labels.definition.keys());
    for lang in labelled {
        if !known(lang) {
            out.push(
                Diagnostic::error(
                    K::InvalidValue,
                    location.clone(),
                    format!("`{id}` has a label in `{lang}`, which the manifest does not list"),
                )
                .about(id.clone()),
            );
        }
    }
    for (lang, alts) in &concept.labels.alt {
        if let Some(bad) = alts.iter().find(|a| a.contains('|')) {
            out.push(
                Diagnostic::error(
                    K::InvalidValue,
                    location.clone().with_column(format!("alt_labels_{lang}")),
                    format!("synonym `{bad}` of `{id}` contains `|`, the synonym separator"),
                )
                .about(id.clone()),
            );
        }
    }
    if let Some(target) = &concept.replaced_by
        && let Some(problem) = id_problem(target)
    {
        out.push(
            Diagnostic::error(
                K::InvalidId,
                location.clone().with_column("replaced_by"),
                problem,
            )
            .about(id.clone()),
        );
    }
    let occupation = concept.kind() == crate::model::ConceptKind::Occupation;
    for code in &concept.codes {
        check_code(code, occupation, id, location, out);
    }
    for note in &concept.notes {
        check_note(note, languages, id, location, out);
    }
    for m in &concept.matches {
        check_match(m, id, location, out);
    }
    match &concept.data {
        ConceptData::LearningOffer {
            hours, cost_eur, ..
        } => {
            if !(hours.is_finite() && *hours > 0.0 && *hours <= MAX_HOURS) {
                out.push(
                    Diagnostic::error(
                        K::InvalidValue,
                        location.clone().with_column("hours"),
                        format!("hours of `{id}` must be more than 0 and at most {MAX_HOURS}, got {hours}"),
                    )
                    .about(id.clone()),
                );
            }
            if !(cost_eur.is_finite() && *cost_eur >= 0.0 && *cost_eur <= MAX_COST_EUR) {
                out.push(
                    Diagnostic::error(
                        K::InvalidValue,
                        location.clone().with_column("cost_eur"),
                        format!(
                            "cost_eur of `{id}` must be from 0 to {MAX_COST_EUR}, got {cost_eur}"
                        ),
                    )
                    .about(id.clone()),
                );
            }
        }
        ConceptData::Occupation {
            isco: Some(code), ..
        } if code.is_empty() || code.len() > 4 || !code.chars().all(|c| c.is_ascii_digit()) => {
            out.push(
                Diagnostic::error(
                    K::InvalidValue,
                    location.clone().with_column("isco"),
                    format!("ISCO code `{code}` of `{id}` is not 1–4 digits"),
                )
                .about(id.clone()),
            );
        }
        _ => {}
    }
}

/// Puts each annotation on its concept (the first with its id), or reports it.
fn attach_annotations(
    graph: &mut OntologyGraph,
    annotations: Vec<PendingAnnotation>,
    rejected: &Rejected,
    languages: &[String],
    out: &mut Vec<Diagnostic>,
    cap: &mut Cap,
) {
    if annotations.is_empty() {
        return;
    }
    let mut at: HashMap<String, NodeIndex> = HashMap::with_capacity(graph.node_count());
    for ix in graph.node_indices() {
        at.entry(graph[ix].id.clone()).or_insert(ix);
    }
    for PendingAnnotation {
        id,
        annotation,
        location,
    } in annotations
    {
        let Some(&i) = at.get(&id) else {
            if !rejected.excuses(&id) {
                cap.push(
                    out,
                    Diagnostic::error(
                        K::DanglingReference,
                        location.with_column("concept"),
                        format!("names unknown concept `{}`", id.escape_debug()),
                    )
                    .about(id),
                );
            }
            continue;
        };
        let mut found = Vec::new();
        let concept = &mut graph[i];
        let occupation = concept.kind() == crate::model::ConceptKind::Occupation;
        match annotation {
            Annotation::Code(code) => {
                check_code(&code, occupation, &id, &location, &mut found);
                if found.is_empty() {
                    concept.codes.push(code);
                }
            }
            Annotation::Note(note) => {
                check_note(&note, languages, &id, &location, &mut found);
                if found.is_empty() {
                    concept.notes.push(note);
                }
            }
            Annotation::Match(m) => {
                check_match(&m, &id, &location, &mut found);
                if found.is_empty() {
                    concept.matches.push(m);
                }
            }
        }
        for d in found {
            cap.push(out, d);
        }
    }
}

/// The longest note accepted, in bytes (as a CSV field).
const MAX_NOTE_BYTES: usize = 64 * 1024;
/// The longest match URI accepted, in bytes.
const MAX_URI_BYTES: usize = 2_000;

fn check_code(
    code: &Code,
    occupation: bool,
    id: &str,
    location: &Location,
    out: &mut Vec<Diagnostic>,
) {
    let problem = if occupation && code.system == CodeSystem::Isco08 {
        Some(format!(
            "an occupation's ISCO code belongs in its `isco` attribute, not among its codes (`{}`)",
            code.code
        ))
    } else {
        code.system.problem(&code.code)
    };
    if let Some(problem) = problem {
        out.push(
            Diagnostic::error(
                K::InvalidValue,
                location.clone().with_column("code"),
                format!("code of `{id}`: {problem}"),
            )
            .about(id.to_owned()),
        );
    }
}

fn check_note(
    note: &Note,
    languages: &[String],
    id: &str,
    location: &Location,
    out: &mut Vec<Diagnostic>,
) {
    let problem = if !languages.contains(&note.lang) {
        Some(format!(
            "a note of `{id}` is in `{}`, which the manifest does not list",
            note.lang.escape_debug()
        ))
    } else if note.text.trim().is_empty() {
        Some(format!("a note of `{id}` is empty"))
    } else if note.text.len() > MAX_NOTE_BYTES {
        Some(format!(
            "a note of `{id}` is longer than {MAX_NOTE_BYTES} bytes"
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        out.push(
            Diagnostic::error(
                K::InvalidValue,
                location.clone().with_column("text"),
                problem,
            )
            .about(id.to_owned()),
        );
    }
}

fn check_match(m: &Match, id: &str, location: &Location, out: &mut Vec<Diagnostic>) {
    if let Some(problem) = uri_problem(&m.uri) {
        out.push(
            Diagnostic::error(
                K::InvalidValue,
                location.clone().with_column("uri"),
                format!("{} match of `{id}`: {problem}", m.kind),
            )
            .about(id.to_owned()),
        );
    }
}

/// Why `uri` is not an absolute URI a match may name, or `None`: a scheme (letters, digits,
/// `+ - .`, starting with a letter), a colon and something after it, no whitespace, control
/// characters or `|`, at most 2,000 bytes.
pub fn uri_problem(uri: &str) -> Option<String> {
    let shown = || {
        uri.chars()
            .take(80)
            .collect::<String>()
            .escape_debug()
            .to_string()
    };
    if uri.len() > MAX_URI_BYTES {
        return Some(format!("URI longer than {MAX_URI_BYTES} bytes"));
    }
    let scheme_ok = uri.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if !scheme_ok {
        Some(format!("`{}` is not an absolute URI", shown()))
    } else if uri
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '|')
    {
        Some(format!(
            "URI `{}` contains whitespace, a control character or `|`",
            shown()
        ))
    } else {
        None
    }
}

/// The endpoints of one pending relation: their ids and, when they exist, their nodes.
struct Ends<'a> {
    from: &'a str,
    to: &'a str,
    from_node: Option<NodeIndex>,
    to_node: Option<NodeIndex>,
}

fn check_relation(
    relation: &Relation,
    ends: &Ends<'_>,
    at: &dyn Fn() -> Location,
    rejected: &Rejected,
    graph: &DiGraph<Concept, Relation, u32>,
    out: &mut Vec<Diagnostic>,
) -> Option<(NodeIndex, NodeIndex)> {
    let kind = relation.kind;
    let lookup = |id: &str, found: Option<NodeIndex>, column: &str, out: &mut Vec<Diagnostic>| {
        if found.is_none() && !rejected.excuses(id) {
            out.push(
                Diagnostic::error(
                    K::DanglingReference,
                    at().with_column(column),
                    format!(
                        "`{kind}` relation names unknown concept `{}`",
                        id.escape_debug()
                    ),
                )
                .about(id.to_owned()),
            );
        }
        found
    };
    let from = lookup(ends.from, ends.from_node, "from", out);
    let to = lookup(ends.to, ends.to_node, "to", out);
    let (from, to) = (from?, to?);
    let (fk, tk) = (graph[from].kind(), graph[to].kind());
    let mut ok = true;
    if !kind.allows(fk, tk) {
        out.push(
            Diagnostic::error(
                K::WrongEndpoint,
                at(),
                format!(
                    "`{kind}` cannot go from {fk} `{}` to {tk} `{}` (allowed: {})",
                    ends.from,
                    ends.to,
                    kind.endpoints()
                ),
            )
            .about(ends.from.to_owned()),
        );
        ok = false;
    }
    if from == to {
        out.push(
            Diagnostic::error(
                if kind == RelationKind::Broader {
                    K::Cycle
                } else {
                    K::InvalidValue
                },
                at(),
                format!("`{kind}` relation from `{}` to itself", ends.from),
            )
            .about(ends.from.to_owned()),
        );
        ok = false;
    }
    match (kind.has_importance(), relation.importance) {
        (true, None) => {
            out.push(Diagnostic::error(
                K::MissingValue,
                at().with_column("importance"),
                format!(
                    "`requires` relation {} → {} has no importance",
                    ends.from, ends.to
                ),
            ));
            ok = false;
        }
        (false, Some(_)) => {
            out.push(Diagnostic::error(
                K::InvalidValue,
                at().with_column("importance"),
                format!("`{kind}` relations have no importance"),
            ));
            ok = false;
        }
        _ => {}
    }
    if !kind.has_ratings() && (relation.weight.is_some() || relation.source_level.is_some()) {
        out.push(Diagnostic::error(
            K::InvalidValue,
            at().with_column("weight"),
            format!("`{kind}` relations have no weight or source level"),
        ));
        ok = false;
    }
    if !kind.has_rank() && (relation.tier.is_some() || relation.rank.is_some()) {
        out.push(Diagnostic::error(
            K::InvalidValue,
            at().with_column("rank"),
            format!("`{kind}` relations have no tier or rank"),
        ));
        ok = false;
    }
    if relation.rank == Some(0) {
        out.push(Diagnostic::error(
            K::InvalidValue,
            at().with_column("rank"),
            "rank 0: ranks start at 1".to_owned(),
        ));
        ok = false;
    }
    if !kind.has_level() && relation.level.is_some() {
        out.push(Diagnostic::error(
            K::InvalidValue,
            at().with_column("level"),
            format!("`{kind}` relations have no level"),
        ));
        ok = false;
    }
    ok.then_some((from, to))
}

fn check_cycles(graph: &DiGraph<Concept, Relation, u32>, out: &mut Vec<Diagnostic>) {
    let hierarchy = graph.filter_map(
        |_, _| Some(()),
        |_, e| (e.kind == RelationKind::Broader).then_some(()),
    );
    // Kosaraju is iterative: no recursion on hierarchy depth (Tarjan in petgraph recurses).
    for component in kosaraju_scc(&hierarchy) {
        if component.len() < 2 {
            continue;
        }
        let mut ids: Vec<&str> = component.iter().map(|ix| graph[*ix].id.as_str()).collect();
        ids.sort_unstable();
        let shown: Vec<&str> = ids.iter().take(10).copied().collect();
        out.push(
            Diagnostic::error(
                K::Cycle,
                Location::file(RelationKind::Broader.table_file()),
                format!(
                    "`broader` cycle through {} concept(s): {}{}",
                    ids.len(),
                    shown.join(" → "),
                    if ids.len() > shown.len() { " …" } else { "" }
                ),
            )
            .about(ids[0].to_owned()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Importance;

    #[test]
    fn millions_of_bad_rows_list_a_thousand_problems_and_count_the_rest() {
        // Before, every duplicate row became a diagnostic: 3.8M duplicate rows (133 MB) took
        // 1.2 GB and 17 s to validate.
        let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["nl"]));
        b.add_concept(Concept::new(
            "occ:x",
            Labels::with_pref([("nl", "x")]),
            ConceptData::occupation(None),
        ));
        b.add_concept(Concept::new(
            "skill:a",
            Labels::with_pref([("nl", "a")]),
            ConceptData::Skill {
                skill_type: crate::model::SkillType::Skill,
            },
        ));
        for line in 2..5_002 {
            b.add_relation_at(
                "occ:x",
                "skill:a",
                Relation::requires(Importance::Essential, None),
                Location::line("requires.csv", line),
            );
            b.add_relation_at(
                "occ:x",
                "skill:nowhere",
                Relation::requires(Importance::Essential, None),
                Location::line("requires.csv", line),
            );
        }
        let err = b
            .build()
            .expect_err("duplicates and dangling rows are errors");
        let of = |kind: K| err.errors().filter(|d| d.kind == kind).count();
        // 1,000 listed and one summing up the rest, for each kind.
        assert_eq!(of(K::DuplicateRelation), MAX_LISTED_PER_KIND + 1);
        assert_eq!(of(K::DanglingReference), MAX_LISTED_PER_KIND + 1);
        assert!(err.errors().any(|d| {
            d.kind == K::DuplicateRelation
                && d.message
                    .starts_with("3999 more `duplicate_relation` problem(s)")
        }));
        assert!(err.errors().any(|d| {
            d.kind == K::DanglingReference
                && d.message
                    .starts_with("4000 more `dangling_reference` problem(s)")
        }));
    }

    #[test]
    fn relations_keep_interned_ids_and_files_not_strings_per_row() {
        let mut b = OntologyBuilder::new(Manifest::new("t", "1", &["nl"]));
        for line in 0..1_000 {
            b.add_relation_at(
                "occ:x",
                if line % 2 == 0 { "skill:a" } else { "skill:b" },
                Relation::requires(Importance::Essential, None),
                Location::line("requires.csv", line),
            );
        }
        // Three ids, one file name and one set of attributes are kept, however many rows
        // name them; a row is 32 bytes.
        assert_eq!(b.interned.ids.len(), 3);
        assert_eq!(b.interned.files.len(), 1);
        assert_eq!(b.interned.relations.len(), 1);
        assert_eq!(b.relations.len(), 1_000);
        assert_eq!(std::mem::size_of::<PendingRelation>(), 32);
        let last = &b.relations[999];
        assert_eq!(&*b.interned.ids[last.to as usize], "skill:b");
        assert_eq!(
            b.interned.location(&last.at),
            Location::line("requires.csv", 999)
        );
    }
}
