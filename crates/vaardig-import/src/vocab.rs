//! The IRIs this crate reads and writes: SKOS, SKOS-XL, RDF, XSD, Dublin Core, the CompetentNL
//! vocabularies, and vaardig's own small vocabulary for what SKOS and CompetentNL do not say.
//!
//! Namespaces are plain string constants so mapping files, the reader and the Turtle writer agree
//! on one spelling.

/// SKOS core.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// SKOS-XL (labels as resources).
pub const SKOSXL: &str = "http://www.w3.org/2008/05/skos-xl#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// The CompetentNL ontology.
pub const CNLO: &str = "https://linkeddata.competentnl.nl/def/competentnl#";
/// The UWV part of CompetentNL (occupation tasks).
pub const CNLUWV: &str = "https://linkeddata.competentnl.nl/uwv/def/competentnl_uwv#";
/// The ESCO model (classes and properties).
pub const ESCO_MODEL: &str = "http://data.europa.eu/esco/model#";
/// The ESCO concept namespace; ids shorten it to `esco:`.
pub const ESCO_DATA: &str = "http://data.europa.eu/esco/";
/// vaardig's vocabulary: classes and properties CompetentNL and SKOS have no term for.
pub const VAARDIG: &str = "urn:vaardig:def:";
/// The namespace of vaardig ids that have no namespace of their own: `skill:lassen` is
/// `<urn:vaardig:id:skill:lassen>`.
pub const VAARDIG_ID: &str = "urn:vaardig:id:";
/// The IRI of the concept scheme node that carries an exported ontology's manifest.
pub const VAARDIG_SCHEME: &str = "urn:vaardig:scheme";

/// The prefixes every mapping file may use without declaring them, and the Turtle writer declares.
pub const STANDARD_PREFIXES: &[(&str, &str)] = &[
    ("skos", SKOS),
    ("skosxl", SKOSXL),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("owl", OWL),
    ("dcterms", DCTERMS),
    ("cnlo", CNLO),
    ("cnluwv", CNLUWV),
    ("vd", VAARDIG),
];

/// `rdf:type`.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// `rdf:Statement`.
pub const RDF_STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
/// `rdf:subject`.
pub const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
/// `rdf:predicate`.
pub const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
/// `rdf:object`.
pub const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";

/// Expands `prefix:local` with `prefixes` (and the standard prefixes); a full IRI (with `://` or
/// starting with `urn:`) is returned unchanged; `None` when the prefix is unknown.
pub fn expand(curie: &str, prefixes: &[(String, String)]) -> Option<String> {
    if curie.contains("://") || curie.starts_with("urn:") {
        return Some(curie.to_owned());
    }
    let (prefix, local) = curie.split_once(':')?;
    prefixes
        .iter()
        .map(|(p, ns)| (p.as_str(), ns.as_str()))
        .chain(STANDARD_PREFIXES.iter().copied())
        .find(|(p, _)| *p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_standard_and_declared_prefixes() {
        let declared = vec![("ex".to_owned(), "http://example.org/".to_owned())];
        assert_eq!(
            expand("skos:broader", &declared).as_deref(),
            Some("http://www.w3.org/2004/02/skos/core#broader")
        );
        assert_eq!(
            expand("ex:a", &declared).as_deref(),
            Some("http://example.org/a")
        );
        assert_eq!(
            expand("http://x.org/y", &declared).as_deref(),
            Some("http://x.org/y")
        );
        assert_eq!(expand("nope:a", &declared), None);
    }
}
