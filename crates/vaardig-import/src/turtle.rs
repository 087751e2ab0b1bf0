//! Writing an ontology as SKOS in Turtle, in CompetentNL's vocabulary where it has a term and
//! vaardig's (`vd:`, `urn:vaardig:def:`) where it has none. Reading the output with the default
//! mapping ([`crate::Mapping::competentnl`]) gives back an equal ontology.
//!
//! | vaardig | Turtle |
//! |---|---|
//! | every concept | `a skos:Concept` plus its kind's class |
//! | skill / knowledge area / occupation / task / qualification | `cnlo:HumanCapability` (+ `vd:skillType`) / `cnlo:KnowledgeArea` / `cnlo:Occupation` (+ `vd:isco`, `vd:nlqf` its minimum level) / `cnluwv:OccupationTask` / `cnlo:EducationalNorm` (+ `skos:notation`, `vd:qualificationType`, `vd:codeSystem`, `vd:nlqf`) |
//! | learning offer / sector | `vd:LearningOffer` (+ `vd:offerType`, `vd:provider`, ...) / `vd:Sector` (+ `vd:shortage`) |
//! | labels | `skos:prefLabel`, `skos:altLabel`, `skos:definition`, language-tagged |
//! | `broader` / `related` | `skos:broader` / `skos:related` |
//! | `requires` essential / important / optional | `cnlo:requiresHATEssential` / `…Important` / `…Somewhat` |
//! | `has_task` | `cnluwv:isCharacterizedByOccupationTask_Essential` |
//! | `covers`, `teaches`, `part_of`, `prerequisite`, `in_sector` | `vd:covers`, `vd:teaches`, `vd:partOf`, `vd:prerequisite`, `vd:inSector` |
//! | `requires_qualification` | `vd:requiresQualification` |
//! | `related_occupation` | `vd:relatedOccupation` |
//! | a relation's level, weight, source level, tier, rank | an `rdf:Statement` reifying the triple, with `vd:level`, `vd:weight` / `vd:sourceLevel` (`"3.88 onet_im"`), `vd:tier`, `vd:rank` |
//! | status (not current), replaced by | `vd:status`, `dcterms:isReplacedBy` |
//! | codes | `vd:code "onet_soc 15-1252.00"` |
//! | notes, scope notes, regulation notes | `skos:note`, `skos:scopeNote`, `vd:regulationNote`, language-tagged |
//! | matches | `skos:exactMatch`, `skos:closeMatch`, `skos:broadMatch`, `skos:narrowMatch`, `skos:relatedMatch` |
//! | the manifest | `<urn:vaardig:scheme> a skos:ConceptScheme` with `dcterms:title`, `owl:versionInfo`, `dcterms:issued`, `vd:languages` (primary first), ... |
//!
//! Ids become IRIs through an [`IdScheme`]: `esco:…` ids become ESCO URIs again, other ids live
//! under `urn:vaardig:id:`. Output is deterministic: concepts in id order, then each concept's
//! labels, attributes and relations in a fixed order.

use std::io::Write;

use oxrdf::vocab::xsd;
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use oxttl::TurtleSerializer;
use vaardig_core::{
    Concept, ConceptData, ConceptKind, Importance, MatchKind, NoteKind, Ontology, RelationKind,
};

use crate::error::ExportError;
use crate::ids::IdScheme;
use crate::rdf::Mapping;
use crate::vocab::{
    CNLO, CNLUWV, DCTERMS, OWL, RDF_OBJECT, RDF_PREDICATE, RDF_STATEMENT, RDF_SUBJECT, RDF_TYPE,
    SKOS, STANDARD_PREFIXES, VAARDIG, VAARDIG_ID, VAARDIG_SCHEME,
};

/// Writes `ontology` as SKOS Turtle to `out`, with the id scheme of the default mapping (so
/// `esco:` ids become ESCO URIs).
///
/// ```
/// use vaardig_core::generate::{GeneratorConfig, generate};
/// use vaardig_import::{ImportOptions, Mapping, RdfFormat, import_rdf_reader, write_turtle};
///
/// let ontology = generate(&GeneratorConfig::small())?.ontology;
/// let mut ttl = Vec::new();
/// write_turtle(&ontology, &mut ttl)?;
/// let back = import_rdf_reader(
///     ttl.as_slice(),
///     RdfFormat::Turtle,
///     "export.ttl",
///     &Mapping::competentnl(),
///     ImportOptions::new().strict(true),
/// )?
/// .build()?
/// .ontology;
/// assert_eq!(back, ontology);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_turtle(ontology: &Ontology, out: &mut impl Write) -> Result<(), ExportError> {
    write_turtle_with_ids(ontology, out, Mapping::competentnl().ids())
}

/// Writes `ontology` as SKOS Turtle, turning ids into IRIs with `ids`.
pub fn write_turtle_with_ids(
    ontology: &Ontology,
    out: &mut impl Write,
    ids: &IdScheme,
) -> Result<(), ExportError> {
    let mut serializer = TurtleSerializer::new();
    let declared = STANDARD_PREFIXES
        .iter()
        .map(|(p, ns)| ((*p).to_owned(), (*ns).to_owned()))
        .chain(ids.prefixes().iter().cloned())
        .chain([("id".to_owned(), VAARDIG_ID.to_owned())]);
    for (prefix, ns) in declared {
        serializer =
            serializer
                .with_prefix(prefix, ns)
                .map_err(|e| ExportError::Unrepresentable {
                    id: String::new(),
                    message: format!("namespace is not an IRI: {e}"),
                })?;
    }
    let mut w = serializer.for_writer(out);
    let mut emit = |s: NamedOrBlankNode, p: &str, o: Term| -> Result<(), ExportError> {
        w.serialize_triple(&Triple::new(s, NamedNode::new_unchecked(p), o))?;
        Ok(())
    };

    // The manifest.
    let m = ontology.manifest();
    let scheme: NamedOrBlankNode = NamedNode::new_unchecked(VAARDIG_SCHEME).into();
    emit(
        scheme.clone(),
        RDF_TYPE,
        iri(&format!("{SKOS}ConceptScheme")),
    )?;
    emit(scheme.clone(), &format!("{DCTERMS}title"), text(&m.name))?;
    emit(
        scheme.clone(),
        &format!("{OWL}versionInfo"),
        text(&m.version),
    )?;
    emit(
        scheme.clone(),
        &format!("{DCTERMS}issued"),
        Literal::new_typed_literal(m.release_date.to_string(), xsd::DATE).into(),
    )?;
    emit(
        scheme.clone(),
        &format!("{VAARDIG}languages"),
        text(&m.languages.join(" ")),
    )?;
    emit(
        scheme.clone(),
        &format!("{DCTERMS}license"),
        text(&m.licence),
    )?;
    emit(scheme.clone(), &format!("{DCTERMS}source"), text(&m.source))?;
    if m.illustrative_codes {
        emit(
            scheme.clone(),
            &format!("{VAARDIG}illustrativeCodes"),
            Literal::from(true).into(),
        )?;
    }
    if let Some(notes) = &m.notes {
        emit(scheme, &format!("{SKOS}note"), text(notes))?;
    }

    let node = |id: &str| -> Result<NamedNode, ExportError> {
        NamedNode::new(ids.iri_for_id(id)).map_err(|e| ExportError::Unrepresentable {
            id: id.to_owned(),
            message: e.to_string(),
        })
    };
    let mut statements = 0u64;
    for (ix, concept) in ontology.iter() {
        let subject: NamedOrBlankNode = node(&concept.id)?.into();
        emit(subject.clone(), RDF_TYPE, iri(&format!("{SKOS}Concept")))?;
        emit(
            subject.clone(),
            RDF_TYPE,
            iri(class(concept.kind()).as_str()),
        )?;
        for (lang, label) in &concept.labels.pref {
            emit(
                subject.clone(),
                &format!("{SKOS}prefLabel"),
                tagged(label, lang, &concept.id)?,
            )?;
        }
        for (lang, alts) in &concept.labels.alt {
            for alt in alts {
                emit(
                    subject.clone(),
                    &format!("{SKOS}altLabel"),
                    tagged(alt, lang, &concept.id)?,
                )?;
            }
        }
        for (lang, definition) in &concept.labels.definition {
            emit(
                subject.clone(),
                &format!("{SKOS}definition"),
                tagged(definition, lang, &concept.id)?,
            )?;
        }
        for (property, value) in attributes(concept) {
            emit(subject.clone(), &property, value)?;
        }
        if !concept.status.is_current() {
            emit(
                subject.clone(),
                &format!("{VAARDIG}status"),
                text(concept.status.as_str()),
            )?;
        }
        if let Some(target) = &concept.replaced_by {
            emit(
                subject.clone(),
                &format!("{DCTERMS}isReplacedBy"),
                node(target)?.into(),
            )?;
        }
        for code in &concept.codes {
            emit(
                subject.clone(),
                &format!("{VAARDIG}code"),
                text(&format!("{} {}", code.system, code.code)),
            )?;
        }
        for note in &concept.notes {
            let property = match note.kind {
                NoteKind::Note => format!("{SKOS}note"),
                NoteKind::ScopeNote => format!("{SKOS}scopeNote"),
                NoteKind::Regulation => format!("{VAARDIG}regulationNote"),
            };
            emit(
                subject.clone(),
                &property,
                tagged(&note.text, &note.lang, &concept.id)?,
            )?;
        }
        for m in &concept.matches {
            let property = match m.kind {
                MatchKind::Exact => "exactMatch",
                MatchKind::Close => "closeMatch",
                MatchKind::Broad => "broadMatch",
                MatchKind::Narrow => "narrowMatch",
                MatchKind::Related => "relatedMatch",
            };
            let object = NamedNode::new(&m.uri).map_err(|e| ExportError::Unrepresentable {
                id: concept.id.clone(),
                message: format!("match `{}`: {e}", m.uri),
            })?;
            emit(subject.clone(), &format!("{SKOS}{property}"), object.into())?;
        }
        // Qualifiers are written after the concept, so its triples stay in one block.
        let mut levelled: Vec<(String, NamedNode, Qualifiers)> = Vec::new();
        for &kind in RelationKind::ALL {
            for (target, relation) in ontology.outgoing(ix, kind) {
                let predicate = relation_predicate(kind, relation.importance).ok_or_else(|| {
                    ExportError::Unrepresentable {
                        id: concept.id.clone(),
                        message: format!("a `{kind}` relation without an importance"),
                    }
                })?;
                let object = node(&ontology.concept(target).id)?;
                emit(subject.clone(), &predicate, object.clone().into())?;
                let qualifiers = qualifiers(relation);
                if !qualifiers.is_empty() {
                    levelled.push((predicate, object, qualifiers));
                }
            }
        }
        for (predicate, object, qualifiers) in levelled {
            statements += 1;
            let st: NamedOrBlankNode = BlankNode::new_unchecked(format!("l{statements}")).into();
            emit(st.clone(), RDF_TYPE, iri(RDF_STATEMENT))?;
            emit(st.clone(), RDF_SUBJECT, subject.clone().into())?;
            emit(st.clone(), RDF_PREDICATE, iri(&predicate))?;
            emit(st.clone(), RDF_OBJECT, object.into())?;
            for (property, value) in qualifiers {
                emit(st.clone(), &property, value)?;
            }
        }
    }
    w.finish()?;
    Ok(())
}

/// Qualifiers of one relation as `(property, value)`.
type Qualifiers = Vec<(String, Term)>;

/// A relation's qualifiers as `(property, value)`: level, weight and source level as
/// `value scale`, tier, rank.
fn qualifiers(relation: &vaardig_core::Relation) -> Qualifiers {
    let v = |local: &str| format!("{VAARDIG}{local}");
    let int = |n: u64| -> Term { Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into() };
    let rating = |r: vaardig_core::Rating| text(&format!("{} {}", r.value(), r.scale()));
    let mut out = Vec::new();
    out.extend(
        relation
            .level
            .map(|l| (v("level"), int(u64::from(l.get())))),
    );
    out.extend(relation.weight.map(|r| (v("weight"), rating(r))));
    out.extend(relation.source_level.map(|r| (v("sourceLevel"), rating(r))));
    out.extend(relation.tier.map(|t| (v("tier"), text(t.as_str()))));
    out.extend(relation.rank.map(|n| (v("rank"), int(u64::from(n)))));
    out
}

fn iri(s: &str) -> Term {
    NamedNode::new_unchecked(s).into()
}

fn text(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

fn tagged(value: &str, lang: &str, id: &str) -> Result<Term, ExportError> {
    Literal::new_language_tagged_literal(value, lang)
        .map(Term::from)
        .map_err(|e| ExportError::Unrepresentable {
            id: id.to_owned(),
            message: format!("language `{lang}`: {e}"),
        })
}

/// The RDF class of a concept kind.
fn class(kind: ConceptKind) -> String {
    match kind {
        ConceptKind::Skill => format!("{CNLO}HumanCapability"),
        ConceptKind::KnowledgeArea => format!("{CNLO}KnowledgeArea"),
        ConceptKind::Occupation => format!("{CNLO}Occupation"),
        ConceptKind::OccupationTask => format!("{CNLUWV}OccupationTask"),
        ConceptKind::Qualification => format!("{CNLO}EducationalNorm"),
        ConceptKind::LearningOffer => format!("{VAARDIG}LearningOffer"),
        ConceptKind::Sector => format!("{VAARDIG}Sector"),
    }
}

/// The predicate of a relation kind (and importance, for `requires`).
fn relation_predicate(kind: RelationKind, importance: Option<Importance>) -> Option<String> {
    Some(match kind {
        RelationKind::Broader => format!("{SKOS}broader"),
        RelationKind::Related => format!("{SKOS}related"),
        RelationKind::Requires => match importance? {
            Importance::Essential => format!("{CNLO}requiresHATEssential"),
            Importance::Important => format!("{CNLO}requiresHATImportant"),
            Importance::Optional => format!("{CNLO}requiresHATSomewhat"),
        },
        RelationKind::HasTask => format!("{CNLUWV}isCharacterizedByOccupationTask_Essential"),
        RelationKind::Covers => format!("{VAARDIG}covers"),
        RelationKind::Teaches => format!("{VAARDIG}teaches"),
        RelationKind::PartOf => format!("{VAARDIG}partOf"),
        RelationKind::Prerequisite => format!("{VAARDIG}prerequisite"),
        RelationKind::InSector => format!("{VAARDIG}inSector"),
        RelationKind::RequiresQualification => format!("{VAARDIG}requiresQualification"),
        RelationKind::RelatedOccupation => format!("{VAARDIG}relatedOccupation"),
    })
}

/// The kind-specific attributes of a concept as `(property, value)`.
fn attributes(concept: &Concept) -> Vec<(String, Term)> {
    let v = |local: &str| format!("{VAARDIG}{local}");
    let int = |n: u8| -> Term { Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into() };
    let dec = |x: f64| -> Term { Literal::new_typed_literal(x.to_string(), xsd::DECIMAL).into() };
    match &concept.data {
        ConceptData::Skill { skill_type } => vec![(v("skillType"), text(skill_type.as_str()))],
        ConceptData::KnowledgeArea | ConceptData::OccupationTask => Vec::new(),
        ConceptData::Occupation { isco, min_nlqf } => {
            let mut out: Vec<(String, Term)> =
                isco.iter().map(|code| (v("isco"), text(code))).collect();
            out.extend(min_nlqf.map(|n| (v("nlqf"), int(n.get()))));
            out
        }
        ConceptData::Qualification {
            qualification_type,
            code_system,
            code,
            nlqf,
        } => {
            let mut out = vec![
                (format!("{SKOS}notation"), text(code)),
                (v("qualificationType"), text(qualification_type.as_str())),
                (v("codeSystem"), text(code_system.as_str())),
            ];
            out.extend(nlqf.map(|n| (v("nlqf"), int(n.get()))));
            out
        }
        ConceptData::LearningOffer {
            offer_type,
            provider,
            provider_type,
            hours,
            cost_eur,
            nlqf,
        } => {
            let mut out = vec![
                (v("offerType"), text(offer_type.as_str())),
                (v("provider"), text(provider)),
                (v("providerType"), text(provider_type.as_str())),
                (v("hours"), dec(*hours)),
                (v("costEur"), dec(*cost_eur)),
            ];
            if let Some(n) = nlqf {
                out.push((v("nlqf"), int(n.get())));
            }
            out
        }
        ConceptData::Sector { shortage } => vec![(v("shortage"), Literal::from(*shortage).into())],
    }
}

/// The id scheme the Turtle export uses by default (the default mapping's).
pub fn default_ids() -> IdScheme {
    Mapping::competentnl().ids().clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{ESCO_DATA, RDF};

    #[test]
    fn esco_ids_become_esco_uris() {
        let ids = default_ids();
        assert_eq!(
            ids.iri_for_id("esco:skill/abc"),
            format!("{ESCO_DATA}skill/abc")
        );
        assert!(RDF.starts_with("http://www.w3.org/"));
    }
}
