//! Soft checks on a built ontology: things that work but look wrong (warnings, never errors).

use crate::diagnostic::{Diagnostic, DiagnosticKind as K, Location};
use crate::model::{ConceptKind, Importance, RelationKind};
use crate::ontology::Ontology;

/// The warnings for a built ontology, in a stable order (by kind of check, then id).
///
/// - an occupation without essential skills;
/// - a skill or knowledge area that nothing requires, covers, teaches or needs, and that has no
///   narrower concepts;
/// - a concept without a preferred label in a language of the manifest;
/// - a learning offer that teaches nothing;
/// - a qualification without an NLQF level (it imports, but routes and transitions cannot use
///   its level).
pub fn soft_warnings(ontology: &Ontology) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (ix, occ) in ontology.concepts(ConceptKind::Occupation) {
        let has_essential = ontology
            .outgoing(ix, RelationKind::Requires)
            .any(|(_, r)| r.importance == Some(Importance::Essential));
        if !has_essential {
            out.push(
                Diagnostic::warning(
                    K::NoEssentialSkills,
                    Location::file(ConceptKind::Occupation.table_file()),
                    format!("occupation `{}` requires no essential skill", occ.id),
                )
                .about(occ.id.clone()),
            );
        }
    }
    for kind in [ConceptKind::Skill, ConceptKind::KnowledgeArea] {
        for (ix, c) in ontology.concepts(kind) {
            let used = [
                RelationKind::Requires,
                RelationKind::Covers,
                RelationKind::Teaches,
                RelationKind::Prerequisite,
                RelationKind::Broader,
            ]
            .into_iter()
            .any(|k| ontology.incoming(ix, k).next().is_some());
            if !used {
                out.push(
                    Diagnostic::warning(
                        K::UnusedCapability,
                        Location::file(kind.table_file()),
                        format!(
                            "{kind} `{}` is not required, covered or taught by anything",
                            c.id
                        ),
                    )
                    .about(c.id.clone()),
                );
            }
        }
    }
    let languages = &ontology.manifest().languages;
    for (_, c) in ontology.iter() {
        for lang in languages.iter().skip(1) {
            if c.labels.pref(lang).is_none() {
                out.push(
                    Diagnostic::warning(
                        K::MissingLabel,
                        Location::file(c.kind().table_file())
                            .with_column(format!("pref_label_{lang}")),
                        format!("`{}` has no preferred label in `{lang}`", c.id),
                    )
                    .about(c.id.clone()),
                );
            }
        }
    }
    for (ix, offer) in ontology.concepts(ConceptKind::LearningOffer) {
        if ontology
            .outgoing(ix, RelationKind::Teaches)
            .next()
            .is_none()
        {
            out.push(
                Diagnostic::warning(
                    K::OfferTeachesNothing,
                    Location::file(ConceptKind::LearningOffer.table_file()),
                    format!("learning offer `{}` teaches nothing", offer.id),
                )
                .about(offer.id.clone()),
            );
        }
    }
    for (_, q) in ontology.concepts(ConceptKind::Qualification) {
        // A registration or licence has no level of its own: it is granted on a qualification.
        let permit = matches!(
            q.data,
            crate::concept::ConceptData::Qualification {
                qualification_type, ..
            } if qualification_type.is_permit()
        );
        if q.nlqf().is_none() && !permit {
            out.push(
                Diagnostic::warning(
                    K::MissingValue,
                    Location::file(ConceptKind::Qualification.table_file()).with_column("nlqf"),
                    format!(
                        "qualification `{}` has no NLQF level; routes and transitions cannot use its level",
                        q.id
                    ),
                )
                .about(q.id.clone()),
            );
        }
    }
    out
}
