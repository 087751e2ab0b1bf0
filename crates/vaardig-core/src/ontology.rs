//! The built, immutable [`Ontology`]: a petgraph graph of concepts and relations with an id index.
//!
//! # Graph facts
//! - Node indices are dense (`0..len()`) and ordered by concept id: iterating indices iterates ids
//!   in byte order. Everything that ranks breaks ties by id, so this order is the tie-break order.
//! - Neighbours of a node, for every relation kind and direction, come in ascending id order.
//! - There are no duplicate `(from, to, kind)` edges, no self-loops, and `broader` is acyclic.
//! - An `Ontology` is `Send + Sync`; cloning it is one reference-count increment.
//!
//! # Ids and URIs
//! Ids are short (`esco:skill/42`); the manifest's [`Manifest::prefixes`] say which URI namespace
//! each prefix stands for. [`Ontology::index_of`] (and so [`Ontology::get`]) accepts an id or the
//! full URI; [`Ontology::uri_of`] gives a concept's full URI back.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::concept::{Concept, Relation};
use crate::manifest::{Manifest, is_absolute_uri};
use crate::model::{ConceptKind, RelationKind};

/// The graph type underneath an [`Ontology`].
pub type OntologyGraph = DiGraph<Concept, Relation, u32>;

/// A validated, immutable ontology. Build one with [`crate::OntologyBuilder`], load one with
/// [`crate::load_dir`], or use the default one with [`Ontology::embedded`].
#[derive(Debug, Clone)]
pub struct Ontology {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    manifest: Manifest,
    graph: OntologyGraph,
    /// Id → node. foldhash, not SipHash: ids are long (ESCO's are URIs) and looked up for
    /// every profile skill; its seed is still random per process.
    index: HashMap<String, NodeIndex, foldhash::fast::RandomState>,
    /// The manifest's prefixes as `(namespace, prefix)`, longest namespace first (then by
    /// namespace and prefix), so the most specific namespace is tried first.
    namespaces: Vec<(String, String)>,
    by_kind: Vec<Vec<NodeIndex>>,
    relation_counts: Vec<usize>,
    content_hash: OnceLock<u64>,
}

impl Ontology {
    /// Wraps a graph whose invariants the builder has established.
    pub(crate) fn from_parts(manifest: Manifest, graph: OntologyGraph) -> Self {
        let mut index = HashMap::with_capacity_and_hasher(
            graph.node_count(),
            foldhash::fast::RandomState::default(),
        );
        let mut by_kind = vec![Vec::new(); ConceptKind::ALL.len()];
        for ix in graph.node_indices() {
            let concept = &graph[ix];
            index.insert(concept.id.clone(), ix);
            by_kind[concept.kind().index()].push(ix);
        }
        let mut relation_counts = vec![0; RelationKind::ALL.len()];
        for edge in graph.edge_weights() {
            relation_counts[edge.kind.index()] += 1;
        }
        let mut namespaces: Vec<(String, String)> = manifest
            .prefixes
            .iter()
            .map(|(prefix, namespace)| (namespace.clone(), prefix.clone()))
            .collect();
        namespaces.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        Ontology {
            inner: Arc::new(Inner {
                manifest,
                graph,
                index,
                namespaces,
                by_kind,
                relation_counts,
                content_hash: OnceLock::new(),
            }),
        }
    }

    /// The manifest: name, version, languages.
    pub fn manifest(&self) -> &Manifest {
        &self.inner.manifest
    }

    /// The primary language of the ontology.
    pub fn primary_language(&self) -> &str {
        self.inner.manifest.primary_language()
    }

    /// The underlying graph, for algorithms beyond this API.
    pub fn graph(&self) -> &OntologyGraph {
        &self.inner.graph
    }

    /// How many concepts.
    pub fn len(&self) -> usize {
        self.inner.graph.node_count()
    }

    /// Whether there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The node index of the concept with id `id`, or whose full URI is `id`.
    ///
    /// An exact id wins (one hash lookup, no allocation). Otherwise, when `id` looks like an
    /// absolute URI (`scheme://…` or `urn:…`), each of the manifest's [`Manifest::prefixes`]
    /// whose namespace starts it is tried, longest namespace first: with `esco` →
    /// `http://data.europa.eu/esco/`, `http://data.europa.eu/esco/skill/42` finds `esco:skill/42`.
    ///
    /// # Complexity
    /// One hash lookup for an id; for a URI, one more per matching prefix.
    ///
    /// # Examples
    /// ```
    /// use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
    ///
    /// let mut manifest = Manifest::new("esco", "1.2.0", &["en"]);
    /// manifest
    ///     .prefixes
    ///     .insert("esco".into(), "http://data.europa.eu/esco/".into());
    /// let mut builder = OntologyBuilder::new(manifest);
    /// builder.add_concept(Concept::new(
    ///     "esco:skill/42",
    ///     Labels::with_pref([("en", "welding")]),
    ///     ConceptData::Skill { skill_type: SkillType::Skill },
    /// ));
    /// let ontology = builder.build()?.ontology;
    ///
    /// let by_id = ontology.index_of("esco:skill/42");
    /// let by_uri = ontology.index_of("http://data.europa.eu/esco/skill/42");
    /// assert!(by_id.is_some());
    /// assert_eq!(by_id, by_uri);
    /// assert!(ontology.index_of("http://example.org/skill/42").is_none());
    /// # Ok::<(), vaardig_core::OntologyError>(())
    /// ```
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        match self.inner.index.get(id) {
            Some(&ix) => Some(ix),
            None => self.index_of_uri(id),
        }
    }

    /// The fallback of [`Ontology::index_of`]: `uri` shortened by each matching prefix.
    fn index_of_uri(&self, uri: &str) -> Option<NodeIndex> {
        if self.inner.namespaces.is_empty() || !is_absolute_uri(uri) {
            return None;
        }
        let mut id = String::new();
        for (namespace, prefix) in &self.inner.namespaces {
            if let Some(rest) = uri.strip_prefix(namespace.as_str()) {
                id.clear();
                id.push_str(prefix);
                id.push(':');
                id.push_str(rest);
                if let Some(&ix) = self.inner.index.get(id.as_str()) {
                    return Some(ix);
                }
            }
        }
        None
    }

    /// The full URI of the concept at `ix`: its id with the prefix expanded when the id is
    /// `prefix:rest` with a prefix of [`Manifest::prefixes`], the id itself when it already is an
    /// absolute URI (`scheme://…` or `urn:…`), else `None` (and `None` when `ix` is out of range).
    ///
    /// Whenever it returns a URI, [`Ontology::index_of`] finds `ix` by it, unless another concept
    /// has that URI as its literal id.
    ///
    /// # Examples
    /// ```
    /// use vaardig_core::{Concept, ConceptData, Labels, Manifest, OntologyBuilder, SkillType};
    ///
    /// let mut manifest = Manifest::new("esco", "1.2.0", &["en"]);
    /// manifest
    ///     .prefixes
    ///     .insert("esco".into(), "http://data.europa.eu/esco/".into());
    /// let mut builder = OntologyBuilder::new(manifest);
    /// for id in ["esco:skill/42", "skill:lassen", "https://example.org/skill/7"] {
    ///     builder.add_concept(Concept::new(
    ///         id,
    ///         Labels::with_pref([("en", id)]),
    ///         ConceptData::Skill { skill_type: SkillType::Skill },
    ///     ));
    /// }
    /// let ontology = builder.build()?.ontology;
    /// let uri = |id: &str| ontology.index_of(id).and_then(|ix| ontology.uri_of(ix));
    ///
    /// assert_eq!(uri("esco:skill/42").as_deref(), Some("http://data.europa.eu/esco/skill/42"));
    /// assert_eq!(uri("https://example.org/skill/7").as_deref(), Some("https://example.org/skill/7"));
    /// assert_eq!(uri("skill:lassen"), None);
    /// # Ok::<(), vaardig_core::OntologyError>(())
    /// ```
    pub fn uri_of(&self, ix: NodeIndex) -> Option<String> {
        let id = self.try_concept(ix)?.id.as_str();
        if let Some((prefix, rest)) = id.split_once(':')
            && let Some(namespace) = self.inner.manifest.prefixes.get(prefix)
        {
            let mut uri = String::with_capacity(namespace.len() + rest.len());
            uri.push_str(namespace);
            uri.push_str(rest);
            return Some(uri);
        }
        is_absolute_uri(id).then(|| id.to_owned())
    }

    /// The concept with this id or full URI (see [`Ontology::index_of`]).
    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.index_of(id).map(|ix| &self.inner.graph[ix])
    }

    /// The concept at a node index of this ontology.
    ///
    /// # Panics
    /// When `ix` is not a node index of this ontology (as indexing a petgraph graph does).
    pub fn concept(&self, ix: NodeIndex) -> &Concept {
        &self.inner.graph[ix]
    }

    /// The concept at `ix`, or `None` when `ix` is out of range.
    pub fn try_concept(&self, ix: NodeIndex) -> Option<&Concept> {
        self.inner.graph.node_weight(ix)
    }

    /// Every concept, in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (NodeIndex, &Concept)> + '_ {
        let g = &self.inner.graph;
        g.node_indices().map(move |ix| (ix, &g[ix]))
    }

    /// The concepts of one kind, in id order.
    pub fn concepts(
        &self,
        kind: ConceptKind,
    ) -> impl ExactSizeIterator<Item = (NodeIndex, &Concept)> + '_ {
        let g = &self.inner.graph;
        self.inner.by_kind[kind.index()]
            .iter()
            .map(move |&ix| (ix, &g[ix]))
    }

    /// The node indices of one kind, in id order.
    pub fn indices(&self, kind: ConceptKind) -> &[NodeIndex] {
        &self.inner.by_kind[kind.index()]
    }

    /// How many concepts of one kind.
    pub fn count(&self, kind: ConceptKind) -> usize {
        self.inner.by_kind[kind.index()].len()
    }

    /// How many relations of one kind.
    pub fn relation_count(&self, kind: RelationKind) -> usize {
        self.inner.relation_counts[kind.index()]
    }

    /// The targets of `ix`'s outgoing edges of `kind`, in id order, with the edge data.
    pub fn outgoing(
        &self,
        ix: NodeIndex,
        kind: RelationKind,
    ) -> impl Iterator<Item = (NodeIndex, &Relation)> + '_ {
        self.inner
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .filter(move |e| e.weight().kind == kind)
            .map(|e| (e.target(), e.weight()))
    }

    /// The sources of `ix`'s incoming edges of `kind`, in id order, with the edge data.
    pub fn incoming(
        &self,
        ix: NodeIndex,
        kind: RelationKind,
    ) -> impl Iterator<Item = (NodeIndex, &Relation)> + '_ {
        self.inner
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(move |e| e.weight().kind == kind)
            .map(|e| (e.source(), e.weight()))
    }

    /// The neighbours over `related`, in both directions (the relation is symmetric), in id order.
    pub fn related(&self, ix: NodeIndex) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = self
            .outgoing(ix, RelationKind::Related)
            .chain(self.incoming(ix, RelationKind::Related))
            .map(|(n, _)| n)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every relation as `(from, to, relation)`, ordered by `(from id, to id, kind)`.
    pub fn relations(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Relation)> + '_ {
        let g = &self.inner.graph;
        g.node_indices().flat_map(move |ix| {
            let mut edges: Vec<_> = g
                .edges_directed(ix, Direction::Outgoing)
                .map(|e| (e.source(), e.target(), e.weight()))
                .collect();
            edges.sort_by_key(|(_, to, rel)| (*to, rel.kind));
            edges
        })
    }

    /// A 64-bit hash of the whole content (manifest, concepts, relations), stable across runs
    /// and platforms: equal ontologies hash equal. Computed once, then cached.
    pub fn content_hash(&self) -> u64 {
        *self.inner.content_hash.get_or_init(|| self.compute_hash())
    }

    /// Sets the [`Ontology::content_hash`] a snapshot recorded for this content, sparing its
    /// computation; a hash already computed is kept.
    pub(crate) fn seed_content_hash(&self, hash: u64) {
        let _ = self.inner.content_hash.set(hash);
    }

    fn compute_hash(&self) -> u64 {
        // FNV-1a: fixed and platform-independent, unlike std's randomly keyed hashers.
        let mut h = fnv::FnvHasher::default();
        h.write(self.manifest().to_toml().as_bytes());
        for (_, concept) in self.iter() {
            // JSON of a concept is deterministic: maps are ordered, fields in declaration order.
            h.write(
                serde_json::to_string(concept)
                    .unwrap_or_default()
                    .as_bytes(),
            );
            h.write(&[0]);
        }
        for (from, to, rel) in self.relations() {
            h.write(&from.index().to_le_bytes());
            h.write(&to.index().to_le_bytes());
            h.write(serde_json::to_string(rel).unwrap_or_default().as_bytes());
        }
        h.finish()
    }
}

impl PartialEq for Ontology {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
            || (self.manifest() == other.manifest()
                && self.len() == other.len()
                && self.iter().zip(other.iter()).all(|((_, a), (_, b))| a == b)
                && self
                    .relations()
                    .map(|(f, t, r)| (self.concept(f).id.as_str(), self.concept(t).id.as_str(), *r))
                    .eq(other.relations().map(|(f, t, r)| {
                        (
                            other.concept(f).id.as_str(),
                            other.concept(t).id.as_str(),
                            *r,
                        )
                    })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn ontology_is_send_and_sync() {
        assert_send_sync::<Ontology>();
    }

    const ESCO: &str = "http://data.europa.eu/esco/";

    /// ESCO-style ids under `esco:`, a nested namespace `occ:` inside ESCO's, a plain id and an
    /// id that is a URI of its own.
    fn with_prefixes(prefixes: &[(&str, &str)]) -> Ontology {
        use crate::concept::{ConceptData, Labels};
        use crate::model::SkillType;

        let mut manifest = Manifest::new("t", "1", &["en"]);
        for (p, ns) in prefixes {
            manifest.prefixes.insert((*p).to_owned(), (*ns).to_owned());
        }
        let mut b = crate::OntologyBuilder::new(manifest);
        for id in [
            "esco:skill/s1",
            "esco:occupation/o1",
            "occ:o2",
            "skill:lassen",
            "https://example.org/skill/7",
        ] {
            b.add_concept(Concept::new(
                id,
                Labels::with_pref([("en", id)]),
                ConceptData::Skill {
                    skill_type: SkillType::Skill,
                },
            ));
        }
        b.build().expect("valid").ontology
    }

    fn esco_and_occ() -> Ontology {
        with_prefixes(&[
            ("esco", ESCO),
            ("occ", "http://data.europa.eu/esco/occupation/"),
        ])
    }

    fn id_of(o: &Ontology, text: &str) -> Option<String> {
        o.index_of(text).map(|ix| o.concept(ix).id.clone())
    }

    #[test]
    fn index_of_accepts_full_uris() {
        let o = esco_and_occ();
        assert_eq!(
            id_of(&o, "http://data.europa.eu/esco/skill/s1").as_deref(),
            Some("esco:skill/s1")
        );
        assert_eq!(id_of(&o, "esco:skill/s1").as_deref(), Some("esco:skill/s1"));
        assert_eq!(
            o.get(&format!("{ESCO}skill/s1")).map(|c| c.id.as_str()),
            Some("esco:skill/s1")
        );
        assert_eq!(
            id_of(&o, "https://example.org/skill/7").as_deref(),
            Some("https://example.org/skill/7")
        );
    }

    #[test]
    fn the_longest_namespace_is_tried_first_then_shorter_ones() {
        let o = esco_and_occ();
        // `occ:` is the longer namespace and has `o2`...
        assert_eq!(
            id_of(&o, "http://data.europa.eu/esco/occupation/o2").as_deref(),
            Some("occ:o2")
        );
        // ...but not `o1`, which only `esco:` finds.
        assert_eq!(
            id_of(&o, "http://data.europa.eu/esco/occupation/o1").as_deref(),
            Some("esco:occupation/o1")
        );
    }

    #[test]
    fn unknown_namespaces_and_non_uris_find_nothing() {
        let o = esco_and_occ();
        for text in [
            "http://data.europa.eu/other/skill/s1",
            "https://data.europa.eu/esco/skill/s1",
            "http://data.europa.eu/esco/skill/s9",
            "data.europa.eu/esco/skill/s1",
            "unknown:skill/s1",
            "urn:vaardig:id:skill:lassen",
            "",
        ] {
            assert_eq!(o.index_of(text), None, "{text}");
        }
        // Without prefixes in the manifest, URIs are only ever exact ids.
        let bare = with_prefixes(&[]);
        assert_eq!(bare.index_of("http://data.europa.eu/esco/skill/s1"), None);
        assert!(bare.index_of("esco:skill/s1").is_some());
    }

    #[test]
    fn uri_of_expands_known_prefixes_and_round_trips_through_index_of() {
        let o = esco_and_occ();
        let uri = |id: &str| o.uri_of(o.index_of(id).expect(id));
        assert_eq!(
            uri("esco:skill/s1").as_deref(),
            Some("http://data.europa.eu/esco/skill/s1")
        );
        assert_eq!(
            uri("occ:o2").as_deref(),
            Some("http://data.europa.eu/esco/occupation/o2")
        );
        assert_eq!(
            uri("https://example.org/skill/7").as_deref(),
            Some("https://example.org/skill/7")
        );
        assert_eq!(uri("skill:lassen"), None);
        for (ix, _) in o.iter() {
            if let Some(u) = o.uri_of(ix) {
                assert_eq!(o.index_of(&u), Some(ix), "{u}");
            }
        }
        assert_eq!(o.uri_of(NodeIndex::new(o.len())), None);
        // An unknown prefix is no URI.
        let bare = with_prefixes(&[]);
        assert_eq!(
            bare.uri_of(bare.index_of("esco:skill/s1").expect("present")),
            None
        );
    }

    #[test]
    fn prefixes_survive_the_native_format() {
        let o = esco_and_occ();
        let tables: Vec<(String, Vec<u8>)> = crate::io::to_tables(&o)
            .into_iter()
            .map(|(name, text)| (name.to_owned(), text.into_bytes()))
            .collect();
        let back = crate::io::load(&tables).expect("loads").ontology;
        assert_eq!(back, o);
        assert_eq!(back.manifest().prefixes, o.manifest().prefixes);
        assert_eq!(
            id_of(&back, "http://data.europa.eu/esco/occupation/o2").as_deref(),
            Some("occ:o2")
        );
    }
}
