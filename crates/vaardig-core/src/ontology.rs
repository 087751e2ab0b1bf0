//! The built, immutable [`Ontology`]: a petgraph graph of concepts and relations with an id index.
//!
//! # Graph facts
//! - Node indices are dense (`0..len()`) and ordered by concept id: iterating indices iterates ids
//!   in byte order. Everything that ranks breaks ties by id, so this order is the tie-break order.
//! - Neighbours of a node, for every relation kind and direction, come in ascending id order.
//! - There are no duplicate `(from, to, kind)` edges, no self-loops, and `broader` is acyclic.
//! - An `Ontology` is `Send + Sync`; cloning it is one reference-count increment.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::concept::{Concept, Relation};
use crate::manifest::Manifest;
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
    index: HashMap<String, NodeIndex>,
    by_kind: Vec<Vec<NodeIndex>>,
    relation_counts: Vec<usize>,
    content_hash: OnceLock<u64>,
}

impl Ontology {
    /// Wraps a graph whose invariants the builder has established.
    pub(crate) fn from_parts(manifest: Manifest, graph: OntologyGraph) -> Self {
        let mut index = HashMap::with_capacity(graph.node_count());
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
        Ontology {
            inner: Arc::new(Inner {
                manifest,
                graph,
                index,
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

    /// The node index of concept `id`.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.inner.index.get(id).copied()
    }

    /// The concept with this id.
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
}
