//! What an autocomplete hit shows — concept id, URI and label — copied into one byte arena at
//! build time, so a hit reads one or two neighbouring cache lines instead of following the
//! ontology's pointers (concept, id, label map, label, URI) for each field.
//!
//! Per concept the arena holds its id record, then its label records (preferred labels first, so
//! the most frequent hits find the id on the same cache line):
//! - id record: id length (`u16`), URI prefix (`u16` index into the interned prefixes, or
//!   `u16::MAX` for no URI), the byte of the id the URI continues with (`u16`), the id;
//! - label record: the id record's offset (`u32`), label length (`u16`), the label.
//!
//! A concept's URI is an interned prefix followed by the rest of its id (for ESCO, the namespace
//! and the part after `esco:`), so it costs no more than the id.

use std::collections::HashMap;

/// The arena of id and label records.
#[derive(Default)]
pub(super) struct Cards {
    bytes: Vec<u8>,
    /// The distinct URI prefixes.
    prefixes: Vec<Box<str>>,
    prefix_ids: HashMap<Box<str>, u16, fnv::FnvBuildHasher>,
}

/// The fields of one hit, borrowed from the arena.
pub(super) struct Card<'a> {
    pub(super) id: &'a str,
    pub(super) uri: Option<(&'a str, &'a str)>,
    pub(super) label: &'a str,
}

impl Card<'_> {
    /// The URI as one string.
    pub(super) fn uri(&self) -> Option<String> {
        self.uri.map(|(prefix, rest)| {
            let mut uri = String::with_capacity(prefix.len() + rest.len());
            uri.push_str(prefix);
            uri.push_str(rest);
            uri
        })
    }
}

impl Cards {
    /// Adds a concept's id record; `None` when the id is too long (64 KiB) or the arena full.
    pub(super) fn push_concept(&mut self, id: &str, uri: Option<&str>) -> Option<u32> {
        let at = u32::try_from(self.bytes.len()).ok()?;
        let id_len = u16::try_from(id.len()).ok()?;
        let (prefix, rest) = match uri {
            None => (u16::MAX, 0),
            Some(uri) => {
                // The longest tail of the id the URI ends with, so the prefix is shared.
                let rest = (0..=id.len())
                    .filter(|&k| id.is_char_boundary(k))
                    .find(|&k| uri.ends_with(&id[k..]))
                    .unwrap_or(id.len());
                let prefix = &uri[..uri.len() - (id.len() - rest)];
                (self.prefix(prefix)?, u16::try_from(rest).ok()?)
            }
        };
        self.bytes.extend_from_slice(&id_len.to_le_bytes());
        self.bytes.extend_from_slice(&prefix.to_le_bytes());
        self.bytes.extend_from_slice(&rest.to_le_bytes());
        self.bytes.extend_from_slice(id.as_bytes());
        Some(at)
    }

    /// Adds a label record of the concept whose id record is at `concept`; `None` when the
    /// label is too long (64 KiB) or the arena full.
    pub(super) fn push_label(&mut self, concept: u32, label: &str) -> Option<u32> {
        let at = u32::try_from(self.bytes.len()).ok()?;
        let len = u16::try_from(label.len()).ok()?;
        self.bytes.extend_from_slice(&concept.to_le_bytes());
        self.bytes.extend_from_slice(&len.to_le_bytes());
        self.bytes.extend_from_slice(label.as_bytes());
        Some(at)
    }

    /// The interned URI prefix's number.
    fn prefix(&mut self, prefix: &str) -> Option<u16> {
        if let Some(&k) = self.prefix_ids.get(prefix) {
            return Some(k);
        }
        let k = u16::try_from(self.prefixes.len())
            .ok()
            .filter(|&k| k != u16::MAX)?;
        self.prefixes.push(prefix.into());
        self.prefix_ids.insert(prefix.into(), k);
        Some(k)
    }

    /// The hit fields of the label record at `at`.
    pub(super) fn card(&self, at: u32) -> Option<Card<'_>> {
        let at = at as usize;
        let concept = u32::from_le_bytes(self.array(at)?) as usize;
        let label = self.text(at + 4)?;
        let id_len = u16::from_le_bytes(self.array(concept)?);
        let prefix = u16::from_le_bytes(self.array(concept + 2)?);
        let rest = usize::from(u16::from_le_bytes(self.array(concept + 4)?));
        let id_at = concept + 6;
        let id = self.str_at(id_at, usize::from(id_len))?;
        let uri = match prefix {
            u16::MAX => None,
            k => Some((&**self.prefixes.get(usize::from(k))?, id.get(rest..)?)),
        };
        Some(Card { id, uri, label })
    }

    /// Shrinks the arena to its contents, once every record is in.
    pub(super) fn finish(&mut self) {
        self.bytes.shrink_to_fit();
        self.prefix_ids = HashMap::default();
    }

    /// How many bytes the arena holds.
    pub(super) fn len(&self) -> usize {
        self.bytes.len()
    }

    fn array<const N: usize>(&self, at: usize) -> Option<[u8; N]> {
        self.bytes.get(at..at + N)?.try_into().ok()
    }

    /// A length-prefixed (`u16`) text at `at`.
    fn text(&self, at: usize) -> Option<&str> {
        let len = u16::from_le_bytes(self.array(at)?);
        self.str_at(at + 2, usize::from(len))
    }

    fn str_at(&self, at: usize, len: usize) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(at..at + len)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back() {
        let mut cards = Cards::default();
        let esco = cards
            .push_concept(
                "esco:skill/abc",
                Some("http://data.europa.eu/esco/skill/abc"),
            )
            .expect("fits");
        let plain = cards.push_concept("skill:local", None).expect("fits");
        let absolute = cards
            .push_concept("https://example.org/x", Some("https://example.org/x"))
            .expect("fits");
        let other = cards
            .push_concept("a:b", Some("urn:unrelated"))
            .expect("fits");
        let labels = [
            (esco, "wondverzorging"),
            (plain, "wound care"),
            (absolute, "één"),
            (other, ""),
        ];
        let ats: Vec<u32> = labels
            .iter()
            .map(|&(c, l)| cards.push_label(c, l).expect("fits"))
            .collect();
        cards.finish();
        let read = |k: usize| cards.card(ats[k]).expect("a record");
        assert_eq!(read(0).id, "esco:skill/abc");
        assert_eq!(read(0).label, "wondverzorging");
        assert_eq!(
            read(0).uri().as_deref(),
            Some("http://data.europa.eu/esco/skill/abc")
        );
        assert_eq!(read(1).uri(), None);
        assert_eq!(read(1).label, "wound care");
        assert_eq!(read(2).uri().as_deref(), Some("https://example.org/x"));
        assert_eq!(read(2).label, "één");
        assert_eq!(read(3).uri().as_deref(), Some("urn:unrelated"));
        assert_eq!(read(3).id, "a:b");
        // Shared prefixes are interned once.
        assert_eq!(cards.prefixes.len(), 3);
        assert!(cards.card(u32::MAX).is_none());
    }
}
