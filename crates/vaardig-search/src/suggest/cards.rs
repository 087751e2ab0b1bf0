//! What an autocomplete hit shows — concept id, URI and label — copied into one byte arena at
//! build time, so a hit reads one or two neighbouring cache lines instead of following the
//! ontology's pointers (concept, id, label map, label, URI) for each field.
//!
//! Per concept the arena holds its id record, then its label records (preferred labels first, so
//! the most frequent hits find the id on the same cache line):
//! - id record: id length, URI prefix (an index into the interned prefixes, or [`NO_URI`]), the
//!   byte of the id the URI continues with, then the id;
//! - label record: the id record's offset, label length, then the label.
//!
//! The numbers are written in 7-bit groups, one ASCII byte each (three for a length, five for
//! an offset), so the arena is one `String` and reading a hit needs no UTF-8 validation.
//!
//! A concept's URI is an interned prefix followed by the rest of its id (for ESCO, the namespace
//! and the part after `esco:`), so it costs no more than the id.

use std::collections::HashMap;

/// Bytes for a number below 2²¹ (a length or an index) …
const SMALL: usize = 3;
/// … and for an offset (below 2³²).
const OFFSET: usize = 5;
/// The largest length or index stored.
const MAX_SMALL: u32 = (1 << (7 * SMALL)) - 1;
/// The URI prefix of a concept without a URI.
const NO_URI: u32 = MAX_SMALL;

/// The arena of id and label records.
#[derive(Default)]
pub(super) struct Cards {
    text: String,
    /// The distinct URI prefixes.
    prefixes: Vec<Box<str>>,
    prefix_ids: HashMap<Box<str>, u32, fnv::FnvBuildHasher>,
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

/// Appends `value` (below 2^(7 · `width`)) in `width` 7-bit groups, most significant first.
fn put(text: &mut String, value: u32, width: usize) {
    for k in (0..width).rev() {
        let group = (u64::from(value) >> (7 * k)) & 0x7f;
        // ok: a 7-bit group is an ASCII character.
        text.push(char::from(group as u8));
    }
}

/// The number [`put`] wrote at `at`.
fn get(bytes: &[u8], at: usize, width: usize) -> Option<u32> {
    let groups = bytes.get(at..at + width)?;
    let value = groups
        .iter()
        .fold(0u64, |v, &g| (v << 7) | u64::from(g & 0x7f));
    u32::try_from(value).ok()
}

impl Cards {
    /// Adds a concept's id record; `None` when the id is too long (2 MiB) or the arena full.
    pub(super) fn push_concept(&mut self, id: &str, uri: Option<&str>) -> Option<u32> {
        let at = u32::try_from(self.text.len()).ok()?;
        let id_len = u32::try_from(id.len()).ok().filter(|&n| n <= MAX_SMALL)?;
        let (prefix, rest) = match uri {
            None => (NO_URI, 0),
            Some(uri) => {
                // The longest tail of the id the URI ends with, so the prefix is shared.
                let rest = (0..=id.len())
                    .filter(|&k| id.is_char_boundary(k))
                    .find(|&k| uri.ends_with(&id[k..]))
                    .unwrap_or(id.len());
                let prefix = &uri[..uri.len() - (id.len() - rest)];
                (self.prefix(prefix)?, u32::try_from(rest).ok()?)
            }
        };
        u32::try_from(self.text.len() + 3 * SMALL + id.len()).ok()?;
        put(&mut self.text, id_len, SMALL);
        put(&mut self.text, prefix, SMALL);
        put(&mut self.text, rest, SMALL);
        self.text.push_str(id);
        Some(at)
    }

    /// Adds a label record of the concept whose id record is at `concept`; `None` when the
    /// label is too long (2 MiB) or the arena full.
    pub(super) fn push_label(&mut self, concept: u32, label: &str) -> Option<u32> {
        let at = u32::try_from(self.text.len()).ok()?;
        let len = u32::try_from(label.len())
            .ok()
            .filter(|&n| n <= MAX_SMALL)?;
        u32::try_from(self.text.len() + OFFSET + SMALL + label.len()).ok()?;
        put(&mut self.text, concept, OFFSET);
        put(&mut self.text, len, SMALL);
        self.text.push_str(label);
        Some(at)
    }

    /// The interned URI prefix's number.
    fn prefix(&mut self, prefix: &str) -> Option<u32> {
        if let Some(&k) = self.prefix_ids.get(prefix) {
            return Some(k);
        }
        let k = u32::try_from(self.prefixes.len())
            .ok()
            .filter(|&k| k < NO_URI)?;
        self.prefixes.push(prefix.into());
        self.prefix_ids.insert(prefix.into(), k);
        Some(k)
    }

    /// The hit fields of the label record at `at`.
    pub(super) fn card(&self, at: u32) -> Option<Card<'_>> {
        let bytes = self.text.as_bytes();
        let at = at as usize;
        let concept = get(bytes, at, OFFSET)? as usize;
        let label_len = get(bytes, at + OFFSET, SMALL)? as usize;
        let label_at = at + OFFSET + SMALL;
        let label = self.text.get(label_at..label_at + label_len)?;
        let id_len = get(bytes, concept, SMALL)? as usize;
        let prefix = get(bytes, concept + SMALL, SMALL)?;
        let rest = get(bytes, concept + 2 * SMALL, SMALL)? as usize;
        let id_at = concept + 3 * SMALL;
        let id = self.text.get(id_at..id_at + id_len)?;
        let uri = match prefix {
            NO_URI => None,
            k => Some((&**self.prefixes.get(k as usize)?, id.get(rest..)?)),
        };
        Some(Card { id, uri, label })
    }

    /// Shrinks the arena to its contents, once every record is in.
    pub(super) fn finish(&mut self) {
        self.text.shrink_to_fit();
        self.prefix_ids = HashMap::default();
    }

    /// How many bytes the arena holds.
    pub(super) fn len(&self) -> usize {
        self.text.len()
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
            .expect("fits"); // ok: test code
        let plain = cards.push_concept("skill:local", None).expect("fits"); // ok: test code
        let absolute = cards
            .push_concept("https://example.org/x", Some("https://example.org/x"))
            .expect("fits"); // ok: test code
        let other = cards
            .push_concept("a:b", Some("urn:unrelated"))
            .expect("fits"); // ok: test code
        let labels = [
            (esco, "wondverzorging"),
            (plain, "wound care"),
            (absolute, "één"),
            (other, ""),
        ];
        let ats: Vec<u32> = labels
            .iter()
            .map(|&(c, l)| cards.push_label(c, l).expect("fits")) // ok: test code
            .collect();
        cards.finish();
        let read = |k: usize| cards.card(ats[k]).expect("a record"); // ok: test code
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

    #[test]
    fn numbers_round_trip_in_ascii() {
        for (value, width) in [
            (0, SMALL),
            (MAX_SMALL, SMALL),
            (300, SMALL),
            (u32::MAX, OFFSET),
        ] {
            let mut text = String::new();
            put(&mut text, value, width);
            assert_eq!(text.len(), width);
            assert!(text.is_ascii());
            assert_eq!(get(text.as_bytes(), 0, width), Some(value));
        }
        assert_eq!(get(b"ab", 0, SMALL), None);
    }
}
