//! Ids from IRIs and IRIs from ids.
//!
//! vaardig ids may not contain whitespace or `|`; IRIs never do, so an IRI is a valid id as it is.
//! Long namespaces make poor ids, though, so an [`IdScheme`] shortens IRIs in known namespaces to
//! `prefix:rest` — ESCO's `http://data.europa.eu/esco/skill/0005c151-…` becomes
//! `esco:skill/0005c151-…` — and expands them again when writing RDF. Ids without a namespace of
//! their own (`skill:lassen`) live under [`crate::vocab::VAARDIG_ID`], percent-encoded.
//!
//! The two directions are inverse: `id_for_iri(iri_for_id(id)) == id` for every valid id.

use oxrdf::NamedNode;
use vaardig_core::id_problem;

use crate::vocab::{ESCO_DATA, VAARDIG_ID};

/// A table of `prefix → namespace` pairs that shortens IRIs into ids and expands ids into IRIs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdScheme {
    /// `(prefix, namespace)`, longest namespace first, so the most specific namespace wins.
    prefixes: Vec<(String, String)>,
}

impl IdScheme {
    /// A scheme with these `(prefix, namespace)` pairs.
    ///
    /// ```
    /// use vaardig_import::IdScheme;
    ///
    /// let ids = IdScheme::new([("esco", "http://data.europa.eu/esco/")]);
    /// let id = ids.id_for_iri("http://data.europa.eu/esco/skill/42").unwrap();
    /// assert_eq!(id, "esco:skill/42");
    /// assert_eq!(ids.iri_for_id(&id), "http://data.europa.eu/esco/skill/42");
    /// assert_eq!(ids.iri_for_id("skill:lassen"), "urn:vaardig:id:skill:lassen");
    /// ```
    pub fn new<P: Into<String>, N: Into<String>>(pairs: impl IntoIterator<Item = (P, N)>) -> Self {
        let mut prefixes: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(p, n)| (p.into(), n.into()))
            .filter(|(p, n)| !p.is_empty() && !n.is_empty())
            .collect();
        prefixes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.cmp(b)));
        prefixes.dedup();
        IdScheme { prefixes }
    }

    /// The scheme for ESCO: `esco:` is `http://data.europa.eu/esco/`.
    pub fn esco() -> Self {
        IdScheme::new([("esco", ESCO_DATA)])
    }

    /// The `(prefix, namespace)` pairs, longest namespace first.
    pub fn prefixes(&self) -> &[(String, String)] {
        &self.prefixes
    }

    /// The id for `iri`, or why it cannot be one (too long, undecodable).
    pub fn id_for_iri(&self, iri: &str) -> Result<String, String> {
        let id = if let Some(rest) = iri.strip_prefix(VAARDIG_ID) {
            percent_decode(rest)
                .ok_or_else(|| format!("`{iri}` is not a percent-encoded vaardig id"))?
        } else if let Some((prefix, namespace)) = self.shortening(iri) {
            format!(
                "{prefix}:{}",
                iri.get(namespace.len()..).unwrap_or_default()
            )
        } else {
            iri.to_owned()
        };
        match id_problem(&id) {
            None => Ok(id),
            Some(problem) => Err(problem),
        }
    }

    /// The `(prefix, namespace)` pair [`IdScheme::id_for_iri`] shortens `iri` with: the longest
    /// namespace that starts it, when something follows; `None` for IRIs kept whole and for
    /// `urn:vaardig:id:` IRIs, which are decoded instead.
    pub(crate) fn shortening(&self, iri: &str) -> Option<(&str, &str)> {
        if iri.starts_with(VAARDIG_ID) {
            return None;
        }
        let (prefix, namespace) = self
            .prefixes
            .iter()
            .find(|(_, ns)| iri.starts_with(ns.as_str()))?;
        (iri.len() > namespace.len()).then_some((prefix.as_str(), namespace.as_str()))
    }

    /// The IRI for `id`: its namespace expanded when it has a known prefix, the id itself when it
    /// is already an absolute IRI, else the id percent-encoded under `urn:vaardig:id:`.
    pub fn iri_for_id(&self, id: &str) -> String {
        if let Some((prefix, rest)) = id.split_once(':')
            && let Some((_, ns)) = self.prefixes.iter().find(|(p, _)| p == prefix)
        {
            let iri = format!("{ns}{rest}");
            if NamedNode::new(iri.as_str()).is_ok() && self.id_for_iri(&iri).as_deref() == Ok(id) {
                return iri;
            }
        }
        let looks_absolute = ["http://", "https://", "urn:"]
            .iter()
            .any(|s| id.starts_with(s));
        if looks_absolute && NamedNode::new(id).is_ok() && self.id_for_iri(id).as_deref() == Ok(id)
        {
            return id.to_owned();
        }
        format!("{VAARDIG_ID}{}", percent_encode(id))
    }
}

/// Whether `b` may stay as it is inside the path of an IRI.
fn keep(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:@!$&'()*+,;=/".contains(&b)
}

/// Percent-encodes every byte of `text` that is not safe in an IRI path (and `%` itself).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`percent_encode`]; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esco_iris_shorten_and_expand() {
        let ids = IdScheme::esco();
        let iri = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
        let id = ids.id_for_iri(iri).expect("an id");
        assert_eq!(id, "esco:occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
        assert_eq!(ids.iri_for_id(&id), iri);
    }

    #[test]
    fn unknown_namespaces_keep_the_iri_as_id() {
        let ids = IdScheme::esco();
        assert_eq!(
            ids.id_for_iri("https://example.org/x").expect("an id"),
            "https://example.org/x"
        );
        assert_eq!(
            ids.iri_for_id("https://example.org/x"),
            "https://example.org/x"
        );
    }

    #[test]
    fn ids_round_trip_through_iris() {
        let ids = IdScheme::new([("a", "http://x.org/"), ("b", "http://x.org/y/")]);
        for id in [
            "skill:lassen",
            "occ:verpleegkundige",
            "a:y/z",
            "b:z",
            "ka:k00001",
            "skill:wond%verzorging",
            "skill:énergie<x>",
            "urn:vaardig:id:skill:x",
            "http://a<b",
            "a:",
            "x#y?z",
        ] {
            let iri = ids.iri_for_id(id);
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri} is not an IRI");
            assert_eq!(ids.id_for_iri(&iri).as_deref(), Ok(id), "via {iri}");
        }
    }

    #[test]
    fn shortening_names_the_pair_id_for_iri_uses() {
        let ids = IdScheme::new([("a", "http://x.org/"), ("b", "http://x.org/y/")]);
        assert_eq!(
            ids.shortening("http://x.org/y/z"),
            Some(("b", "http://x.org/y/"))
        );
        assert_eq!(
            ids.shortening("http://x.org/z"),
            Some(("a", "http://x.org/"))
        );
        // Nothing after the longest namespace: the IRI stays whole.
        assert_eq!(ids.shortening("http://x.org/y/"), None);
        assert_eq!(
            ids.id_for_iri("http://x.org/y/").as_deref(),
            Ok("http://x.org/y/")
        );
        assert_eq!(ids.shortening("https://example.org/x"), None);
        assert_eq!(ids.shortening("urn:vaardig:id:skill:lassen"), None);
    }

    #[test]
    fn overlong_iris_are_not_ids() {
        let iri = format!("http://example.org/{}", "x".repeat(300));
        assert!(IdScheme::default().id_for_iri(&iri).is_err());
    }

    #[test]
    fn broken_escapes_are_reported() {
        assert!(
            IdScheme::default()
                .id_for_iri("urn:vaardig:id:%ZZ")
                .is_err()
        );
    }
}
