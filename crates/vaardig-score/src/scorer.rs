//! [`Scorer`]: the per-ontology structures every score reads, built once and shared.
//!
//! Everything is over dense `u32` indices per kind (capabilities, occupations, offers,
//! qualifications), assigned in id order, so iterating an index range iterates ids in order and
//! every tie can break on the dense index. Lists are compressed sparse rows ([`crate::csr`]):
//! the skill hierarchy as parent/child/related lists, occupation requirements, offers per skill.

use std::sync::{Arc, OnceLock};

use ndarray::Array2;
use vaardig_core::{
    ConceptData, ConceptKind, Importance, Nlqf, NodeIndex, OfferType, Ontology, ProviderType,
    RelationKind, SkillType,
};

use crate::config::{ConfigError, ScoringConfig};
use crate::csr::{Csr, to_u32};
use crate::entry::QualInfo;
use crate::error::ScoreError;
use crate::labels::{LabelLanguageError, labels_in, third_language};
use crate::lang::{Named, OtherLabel};
use crate::relatedness::RelatednessIndex;

/// Marks "no dense index" in [`Scorer::dense`].
pub(crate) const NONE: u32 = u32::MAX;

/// One requirement of an occupation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Req {
    /// Dense capability index.
    pub cap: u32,
    /// How much the occupation needs it.
    pub importance: Importance,
    /// The required level, when stated.
    pub level: Option<u8>,
    /// The importance weight from the configuration.
    pub weight: f64,
}

/// A capability with an optional level (what an offer teaches or needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CapLevel {
    /// Dense capability index.
    pub cap: u32,
    /// The level, when stated.
    pub level: Option<u8>,
}

/// The attributes of one learning offer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OfferInfo {
    /// Study load in hours.
    pub hours: f64,
    /// Cost in euros.
    pub cost_eur: f64,
    /// The NLQF level, when the offer has one.
    pub nlqf: Option<Nlqf>,
    /// Public or private provider.
    pub provider_type: ProviderType,
    /// Formal unit, course or microcredential.
    pub offer_type: OfferType,
}

/// Precomputed scoring structures over one ontology with one configuration.
///
/// Cheap to share across threads (`Send + Sync`) and cheap to clone: every structure sits
/// behind one [`Arc`] (and the labels of a third language, [`Scorer::labelled_in`], behind
/// another), so a clone is a reference-count increment and answers exactly as the original
/// (clones share the occupation matrix once either computed it). Building it is linear in the
/// size of the ontology; the occupation similarity matrix is computed on first use and cached.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_score::{Scorer, ScoringConfig};
///
/// let ontology = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let scorer = Scorer::new(&ontology, ScoringConfig::default())?;
/// assert_eq!(scorer.occupation_count(), 100);
/// # Ok::<(), vaardig_score::ConfigError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    /// Everything built from the ontology, shared by every clone.
    data: Arc<ScorerData>,
    /// Where the occupation matrix is kept between processes, if anywhere.
    pub(crate) matrix_store: Option<Arc<dyn crate::MatrixStore>>,
    /// The labels in a third language results carry as [`Named::label_other`], when
    /// [`Scorer::labelled_in`] asked for one.
    labels: Option<Arc<LabelsIn>>,
}

/// Every concept's label in one language other than Dutch and English, by node index.
#[derive(Debug)]
struct LabelsIn {
    /// The manifest language.
    lang: String,
    /// Per node index.
    labels: Vec<OtherLabel>,
}

/// The structures a [`Scorer`] shares between its clones, read through `Deref` inside the
/// crate. Public only because `Deref` names it; nothing in it is reachable from outside.
#[doc(hidden)]
#[derive(Debug)]
pub struct ScorerData {
    pub(crate) ontology: Ontology,
    pub(crate) config: ScoringConfig,
    /// Node index → dense index within its kind (or [`NONE`] for kinds not indexed).
    pub(crate) dense: Vec<u32>,
    pub(crate) caps: Vec<NodeIndex>,
    /// Per capability: whether it is an attitude (a disposition, not taught by a course: no
    /// near-skill credit, no study hours, discussed rather than learned).
    pub(crate) attitude: Vec<bool>,
    pub(crate) occs: Vec<NodeIndex>,
    pub(crate) offers: Vec<NodeIndex>,
    pub(crate) quals: Vec<NodeIndex>,
    /// Per capability: its direct broader capabilities.
    pub(crate) parents: Csr<u32>,
    /// Per capability: its direct narrower capabilities.
    pub(crate) children: Csr<u32>,
    /// Per capability: its `related` neighbours (both directions).
    pub(crate) related: Csr<u32>,
    /// Per occupation: its requirements, in capability id order.
    pub(crate) requires: Csr<Req>,
    /// Per occupation: its sectors (node indices, id order).
    pub(crate) occ_sectors: Csr<NodeIndex>,
    /// Per occupation: whether any of its sectors has a shortage.
    pub(crate) occ_shortage: Vec<bool>,
    /// Per occupation: the NLQF of the qualification that best covers its essential skills.
    pub(crate) occ_nlqf: Vec<Option<u8>>,
    /// Per offer: its attributes.
    pub(crate) offer_info: Vec<OfferInfo>,
    /// Per offer: what it teaches.
    pub(crate) teaches: Csr<CapLevel>,
    /// Per offer: its prerequisites.
    pub(crate) prereqs: Csr<CapLevel>,
    /// Per offer: the qualifications it stacks towards (dense qualification indices).
    pub(crate) part_of: Csr<u32>,
    /// Per capability: the offers teaching it (dense offer indices, id order).
    pub(crate) teachers: Csr<u32>,
    /// Per qualification: its offers (dense offer indices, id order).
    pub(crate) qual_offers: Csr<u32>,
    /// Per qualification: its attributes.
    pub(crate) qual_info: Vec<QualInfo>,
    /// Per qualification: the qualifications it is granted on (any one; dense, id order).
    pub(crate) qual_grants: Csr<u32>,
    /// Per occupation: the qualifications, registrations and licences it requires (dense).
    pub(crate) occ_entry: Csr<u32>,
    /// Per occupation: the minimum NLQF level it states.
    pub(crate) occ_min_nlqf: Vec<Option<u8>>,
    pub(crate) similarity: OnceLock<Array2<f32>>,
    /// The relatedness model's postings, weights and occupation hierarchy.
    pub(crate) rel: RelatednessIndex,
    /// Id and labels per node index, shared into results.
    pub(crate) names: Vec<Named>,
}

#[doc(hidden)]
impl std::ops::Deref for Scorer {
    type Target = ScorerData;

    fn deref(&self) -> &ScorerData {
        &self.data
    }
}

impl Scorer {
    /// Builds the index over `ontology` with `config`.
    ///
    /// # Errors
    /// When a weight in `config` is out of range.
    ///
    /// # Complexity
    /// O(concepts + relations), plus O(occupations × essential skills × qualifications per skill)
    /// for the typical NLQF level of each occupation.
    pub fn new(ontology: &Ontology, config: ScoringConfig) -> Result<Scorer, ConfigError> {
        config.validate()?;
        Ok(Scorer::build(ontology, config))
    }

    /// An index with the default configuration (which is valid, so this cannot fail).
    pub fn with_defaults(ontology: &Ontology) -> Scorer {
        Scorer::build(ontology, ScoringConfig::default())
    }

    fn build(ontology: &Ontology, config: ScoringConfig) -> Scorer {
        let mut dense = vec![NONE; ontology.len()];
        let mut caps = Vec::new();
        let mut occs = Vec::new();
        let mut offers = Vec::new();
        let mut quals = Vec::new();
        for (ix, concept) in ontology.iter() {
            let list = match concept.kind() {
                ConceptKind::Skill | ConceptKind::KnowledgeArea => &mut caps,
                ConceptKind::Occupation => &mut occs,
                ConceptKind::LearningOffer => &mut offers,
                ConceptKind::Qualification => &mut quals,
                _ => continue,
            };
            dense[ix.index()] = to_u32(list.len());
            list.push(ix);
        }
        let d = |ix: NodeIndex| dense[ix.index()];

        let broader_caps = |ix: NodeIndex| {
            ontology
                .outgoing(ix, RelationKind::Broader)
                .map(|(t, _)| d(t))
                .filter(|&c| c != NONE)
                .collect::<Vec<_>>()
        };
        let parents = Csr::from_rows(caps.iter().map(|&ix| broader_caps(ix)));
        let children = Csr::from_rows(caps.iter().map(|&ix| {
            ontology
                .incoming(ix, RelationKind::Broader)
                .map(|(s, _)| d(s))
                .filter(|&c| c != NONE)
                .collect::<Vec<_>>()
        }));
        let related = Csr::from_rows(caps.iter().map(|&ix| {
            ontology
                .related(ix)
                .into_iter()
                .map(d)
                .filter(|&c| c != NONE)
        }));

        let requires = Csr::from_rows(occs.iter().map(|&ix| {
            let mut reqs: Vec<Req> = ontology
                .outgoing(ix, RelationKind::Requires)
                .filter_map(|(t, rel)| {
                    let cap = d(t);
                    let importance = rel.importance.unwrap_or(Importance::Optional);
                    (cap != NONE).then(|| Req {
                        cap,
                        importance,
                        level: rel.level.map(|l| l.get()),
                        weight: config.importance.of(importance),
                    })
                })
                .collect();
            reqs.sort_by_key(|r| r.cap);
            reqs
        }));
        let occ_sectors = Csr::from_rows(occs.iter().map(|&ix| {
            ontology
                .outgoing(ix, RelationKind::InSector)
                .map(|(t, _)| t)
                .collect::<Vec<_>>()
        }));
        let occ_shortage = (0..occs.len())
            .map(|o| {
                occ_sectors
                    .row(o)
                    .iter()
                    .any(|&s| ontology.concept(s).shortage() == Some(true))
            })
            .collect();

        let mut offer_info = Vec::with_capacity(offers.len());
        for &ix in &offers {
            let info = match &ontology.concept(ix).data {
                vaardig_core::ConceptData::LearningOffer {
                    offer_type,
                    provider_type,
                    hours,
                    cost_eur,
                    nlqf,
                    ..
                } => OfferInfo {
                    hours: *hours,
                    cost_eur: *cost_eur,
                    nlqf: *nlqf,
                    provider_type: *provider_type,
                    offer_type: *offer_type,
                },
                // ok: `offers` holds learning offers only; this arm is never taken.
                _ => OfferInfo {
                    hours: 0.0,
                    cost_eur: 0.0,
                    nlqf: None,
                    provider_type: ProviderType::Public,
                    offer_type: OfferType::Course,
                },
            };
            offer_info.push(info);
        }
        let cap_levels = |ix: NodeIndex, kind: RelationKind| {
            ontology
                .outgoing(ix, kind)
                .filter_map(|(t, rel)| {
                    let cap = d(t);
                    (cap != NONE).then(|| CapLevel {
                        cap,
                        level: rel.level.map(|l| l.get()),
                    })
                })
                .collect::<Vec<_>>()
        };
        let teaches = Csr::from_rows(
            offers
                .iter()
                .map(|&ix| cap_levels(ix, RelationKind::Teaches)),
        );
        let prereqs = Csr::from_rows(
            offers
                .iter()
                .map(|&ix| cap_levels(ix, RelationKind::Prerequisite)),
        );
        let part_of = Csr::from_rows(offers.iter().map(|&ix| {
            ontology
                .outgoing(ix, RelationKind::PartOf)
                .map(|(t, _)| d(t))
                .filter(|&q| q != NONE)
                .collect::<Vec<_>>()
        }));
        let mut teach_pairs = Vec::with_capacity(teaches.len());
        for o in 0..offers.len() {
            for t in teaches.row(o) {
                teach_pairs.push((t.cap, to_u32(o)));
            }
        }
        let teachers = Csr::from_pairs(caps.len(), teach_pairs);
        let mut qual_pairs = Vec::new();
        for o in 0..offers.len() {
            for &q in part_of.row(o) {
                qual_pairs.push((q, to_u32(o)));
            }
        }
        let qual_offers = Csr::from_pairs(quals.len(), qual_pairs);

        let qual_info: Vec<QualInfo> = quals
            .iter()
            .map(|&ix| match &ontology.concept(ix).data {
                ConceptData::Qualification {
                    qualification_type,
                    code_system,
                    code,
                    nlqf,
                } => QualInfo {
                    nlqf: nlqf.map(Nlqf::get),
                    qualification_type: *qualification_type,
                    code: match code_system {
                        vaardig_core::CodeSystem::Other => code.clone(),
                        system => format!("{system} {code}"),
                    },
                },
                // ok: `quals` holds qualifications only; this arm is never taken.
                _ => QualInfo {
                    nlqf: None,
                    qualification_type: vaardig_core::QualificationType::MboDiploma,
                    code: String::new(),
                },
            })
            .collect();
        let entry_row = |ix: NodeIndex| {
            let mut row: Vec<u32> = ontology
                .outgoing(ix, RelationKind::RequiresQualification)
                .map(|(t, _)| d(t))
                .filter(|&q| q != NONE)
                .collect();
            row.sort_unstable();
            row.dedup();
            row
        };
        let qual_grants = Csr::from_rows(quals.iter().map(|&ix| entry_row(ix)));
        let occ_entry = Csr::from_rows(occs.iter().map(|&ix| entry_row(ix)));
        let occ_min_nlqf: Vec<Option<u8>> = occs
            .iter()
            .map(|&ix| ontology.concept(ix).nlqf().map(Nlqf::get))
            .collect();
        // An occupation's level is what it states (its minimum, its required diplomas); only
        // when it states nothing is it the level of the qualification covering it best.
        let occ_nlqf = typical_nlqf(ontology, &dense, &caps, &quals, &requires)
            .into_iter()
            .enumerate()
            .map(|(o, typical)| {
                let stated = occ_entry
                    .row(o)
                    .iter()
                    .filter_map(|&q| qual_info[q as usize].nlqf)
                    .chain(occ_min_nlqf[o])
                    .max();
                stated.or(typical)
            })
            .collect();
        let attitude = caps
            .iter()
            .map(|&ix| {
                matches!(
                    ontology.concept(ix).data,
                    ConceptData::Skill {
                        skill_type: SkillType::Attitude
                    }
                )
            })
            .collect();
        let rel = RelatednessIndex::build(
            ontology,
            &dense,
            &occs,
            caps.len(),
            &requires,
            &config.relatedness,
        );
        let data = ScorerData {
            ontology: ontology.clone(),
            config,
            dense,
            caps,
            attitude,
            occs,
            offers,
            quals,
            parents,
            children,
            related,
            requires,
            occ_sectors,
            occ_shortage,
            occ_nlqf,
            offer_info,
            teaches,
            prereqs,
            part_of,
            teachers,
            qual_offers,
            qual_info,
            qual_grants,
            occ_entry,
            occ_min_nlqf,
            similarity: OnceLock::new(),
            rel,
            names: ontology
                .iter()
                .map(|(ix, c)| Named {
                    id: c.id.as_str().into(),
                    label: c.label("nl").into(),
                    label_en: c.label("en").into(),
                    uri: ontology.uri_of(ix).map(Into::into),
                    label_other: None,
                })
                .collect(),
        };
        Scorer {
            data: Arc::new(data),
            matrix_store: None,
            labels: None,
        }
    }

    /// This scorer with labels in the language `tag` asks for: results carry them as
    /// [`Named::label_other`] (and [`Transition::label_other`](crate::Transition)), and
    /// explanations use them. `nl` and `en` (and their regional variants when the ontology
    /// declares none) give the scorer's own Dutch and English labels with no third one, so
    /// their answers are exactly those of [`Scorer::new`].
    ///
    /// Which manifest language answers `tag` is [`label_language`](crate::label_language)'s choice; a concept without a
    /// label in it shows its English label, else the one in the ontology's primary language
    /// (which every concept has), else its id ([`OtherLabel`] says which). The interface words of
    /// explanations stay the caller's choice: [`Lang::for_tag`](crate::Lang::for_tag) gives Dutch
    /// for Dutch tags and English for every other.
    ///
    /// Shares every structure with `self` (the occupation matrix included); only the label table
    /// is new.
    ///
    /// # Errors
    /// A [`LabelLanguageError`] when `tag` is not a language tag, or names a language the
    /// ontology does not declare (listing the ones it does).
    ///
    /// # Complexity
    /// O(concepts) for a third language, O(1) for Dutch and English.
    pub fn labelled_in(&self, tag: &str) -> Result<Scorer, LabelLanguageError> {
        let labels = match third_language(&self.ontology, tag)? {
            None => None,
            Some(lang) if self.labels.as_ref().is_some_and(|l| l.lang == lang) => {
                self.labels.clone()
            }
            Some(lang) => Some(Arc::new(LabelsIn {
                labels: labels_in(&self.ontology, &lang),
                lang,
            })),
        };
        Ok(Scorer {
            data: Arc::clone(&self.data),
            matrix_store: self.matrix_store.clone(),
            labels,
        })
    }

    /// The manifest language of the third label results carry, when
    /// [`Scorer::labelled_in`] chose one.
    pub fn label_language(&self) -> Option<&str> {
        self.labels.as_deref().map(|l| l.lang.as_str())
    }

    /// The ontology this index was built over.
    pub fn ontology(&self) -> &Ontology {
        &self.ontology
    }

    /// The configuration.
    pub fn config(&self) -> &ScoringConfig {
        &self.config
    }

    /// How many occupations.
    pub fn occupation_count(&self) -> usize {
        self.occs.len()
    }

    /// How many learning offers.
    pub fn offer_count(&self) -> usize {
        self.offers.len()
    }

    /// The attributes of learning offer `id`, or `None` when it is not a learning offer.
    pub fn offer(&self, id: &str) -> Option<OfferInfo> {
        let ix = self.ontology.index_of(id)?;
        (self.ontology.concept(ix).kind() == ConceptKind::LearningOffer)
            .then(|| self.offer_info[self.dense[ix.index()] as usize])
    }

    /// The typical NLQF level of occupation `id`: the level of the qualification covering most of
    /// its essential skills (ties: the lower level, then the qualification id). `None` when no
    /// qualification covers any, or when `id` is not an occupation.
    pub fn occupation_nlqf(&self, id: &str) -> Option<Nlqf> {
        let o = self.occupation_index(id).ok()?;
        self.occ_nlqf[o as usize].and_then(Nlqf::new)
    }

    /// The dense index of occupation `id`.
    pub(crate) fn occupation_index(&self, id: &str) -> Result<u32, ScoreError> {
        let ix = self
            .ontology
            .index_of(id)
            .ok_or_else(|| ScoreError::UnknownId { id: id.to_owned() })?;
        let kind = self.ontology.concept(ix).kind();
        if kind != ConceptKind::Occupation {
            return Err(ScoreError::NotAnOccupation {
                id: id.to_owned(),
                kind,
            });
        }
        Ok(self.dense[ix.index()])
    }

    /// The dense capability index of `id`, if it is a skill or knowledge area.
    pub(crate) fn cap_index(&self, id: &str) -> Option<u32> {
        let ix = self.ontology.index_of(id)?;
        self.ontology
            .concept(ix)
            .kind()
            .is_capability()
            .then(|| self.dense[ix.index()])
    }

    /// The dense index of a concept of a known kind.
    pub(crate) fn dense_of(&self, id: &str, kind: ConceptKind) -> Option<u32> {
        let ix = self.ontology.index_of(id)?;
        (self.ontology.concept(ix).kind() == kind).then(|| self.dense[ix.index()])
    }

    /// Id and labels of a node.
    pub(crate) fn named(&self, ix: NodeIndex) -> Named {
        let mut named = self.names[ix.index()].clone();
        if let Some(labels) = &self.labels {
            named.label_other = labels.labels.get(ix.index()).cloned();
        }
        named
    }

    /// Id and labels of a capability.
    /// Whether capability `cap` is an attitude.
    pub(crate) fn is_attitude(&self, cap: u32) -> bool {
        self.attitude.get(cap as usize).copied().unwrap_or(false)
    }

    pub(crate) fn cap_named(&self, cap: u32) -> Named {
        self.named(self.caps[cap as usize])
    }

    /// Id and labels of an occupation.
    pub(crate) fn occ_named(&self, occ: u32) -> Named {
        self.named(self.occs[occ as usize])
    }

    /// Id and labels of an offer.
    pub(crate) fn offer_named(&self, offer: u32) -> Named {
        self.named(self.offers[offer as usize])
    }

    /// Id and labels of a qualification.
    pub(crate) fn qual_named(&self, qual: u32) -> Named {
        self.named(self.quals[qual as usize])
    }

    /// The id of an offer.
    pub(crate) fn offer_id(&self, offer: u32) -> &str {
        &self.ontology.concept(self.offers[offer as usize]).id
    }
}

/// The NLQF of the qualification that covers most essential skills of each occupation.
fn typical_nlqf(
    ontology: &Ontology,
    dense: &[u32],
    caps: &[NodeIndex],
    quals: &[NodeIndex],
    requires: &Csr<Req>,
) -> Vec<Option<u8>> {
    let covered_by = Csr::from_rows(caps.iter().map(|&ix| {
        ontology
            .incoming(ix, RelationKind::Covers)
            .map(|(q, _)| dense[q.index()])
            .filter(|&q| q != NONE)
            .collect::<Vec<_>>()
    }));
    let qual_nlqf: Vec<u8> = quals
        .iter()
        .map(|&q| ontology.concept(q).nlqf().map_or(0, Nlqf::get))
        .collect();
    let mut counts = vec![0u32; quals.len()];
    let mut touched: Vec<u32> = Vec::new();
    (0..requires.rows())
        .map(|o| {
            for r in requires.row(o) {
                if r.importance != Importance::Essential {
                    continue;
                }
                for &q in covered_by.row(r.cap as usize) {
                    if counts[q as usize] == 0 {
                        touched.push(q);
                    }
                    counts[q as usize] += 1;
                }
            }
            touched.sort_unstable();
            let best = touched
                .iter()
                .map(|&q| (q, counts[q as usize], qual_nlqf[q as usize]))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(b.0.cmp(&a.0)))
                .map(|(_, _, n)| n)
                .filter(|&n| n > 0);
            for &q in &touched {
                counts[q as usize] = 0;
            }
            touched.clear();
            best
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn scorer_is_send_and_sync() {
        assert_send_sync::<Scorer>();
    }
}
