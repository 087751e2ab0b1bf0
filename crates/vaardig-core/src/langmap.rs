//! [`LangMap`]: a small map from language tag to a value, kept as one vector sorted by tag.
//!
//! A concept has labels in a handful of languages. A `BTreeMap` allocates a node of eleven
//! slots for its first entry (544 bytes for `String` → `String`), three maps per concept; this
//! map allocates exactly its entries (48 bytes per language). It iterates, compares and
//! serialises in tag order, exactly as a `BTreeMap` does, so the bytes written are the same.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map from language tag to `V`, sorted by tag, with the part of the `BTreeMap` API labels
/// need.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct LangMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for LangMap<V> {
    fn default() -> Self {
        LangMap {
            entries: Vec::new(),
        }
    }
}

impl<V> LangMap<V> {
    /// An empty map (no allocation).
    pub fn new() -> Self {
        LangMap::default()
    }

    fn find(&self, lang: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(lang))
    }

    /// The value for `lang`.
    pub fn get(&self, lang: &str) -> Option<&V> {
        self.find(lang).ok().map(|i| &self.entries[i].1)
    }

    /// The value for `lang`, to change.
    pub fn get_mut(&mut self, lang: &str) -> Option<&mut V> {
        match self.find(lang) {
            Ok(i) => Some(&mut self.entries[i].1),
            Err(_) => None,
        }
    }

    /// Whether there is a value for `lang`.
    pub fn contains_key(&self, lang: &str) -> bool {
        self.find(lang).is_ok()
    }

    /// Sets the value for `lang`, returning the one it replaces.
    pub fn insert(&mut self, lang: String, value: V) -> Option<V> {
        match self.find(&lang) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (lang, value));
                None
            }
        }
    }

    /// The value for `lang`, inserted as `V::default()` when there is none
    /// (`entry(lang).or_default()` of a `BTreeMap`).
    pub fn get_or_default(&mut self, lang: String) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&lang) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (lang, V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Removes and returns the value for `lang`.
    pub fn remove(&mut self, lang: &str) -> Option<V> {
        self.find(lang).ok().map(|i| self.entries.remove(i).1)
    }

    /// How many languages have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no language has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `(language, value)` in tag order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// `(language, value)` in tag order, the values to change.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&String, &mut V)> + ExactSizeIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The languages, in tag order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in tag order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values, in tag order, to change.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// Gives back the memory of slots not in use (after the last insert).
    pub fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }
}

impl<V: fmt::Debug> fmt::Debug for LangMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> FromIterator<(String, V)> for LangMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = LangMap::new();
        map.extend(iter);
        map
    }
}

impl<V> Extend<(String, V)> for LangMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<V, const N: usize> From<[(String, V); N]> for LangMap<V> {
    fn from(entries: [(String, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<V> From<LangMap<V>> for std::collections::BTreeMap<String, V> {
    fn from(map: LangMap<V>) -> Self {
        map.into_iter().collect()
    }
}

impl<V> IntoIterator for LangMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a LangMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Serialize> Serialize for LangMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for LangMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = LangMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from language tag to value")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // A hostile length is not trusted beyond a few languages.
                let mut map = LangMap {
                    entries: Vec::with_capacity(access.size_hint().unwrap_or(0).min(16)),
                };
                while let Some((k, v)) = access.next_entry::<String, V>()? {
                    // Sorted input (what is written) appends; a repeated tag keeps the last
                    // value, as a `BTreeMap` does.
                    match map.entries.last() {
                        Some((last, _)) if *last < k => map.entries.push((k, v)),
                        None => map.entries.push((k, v)),
                        _ => {
                            map.insert(k, v);
                        }
                    }
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::LangMap;

    #[test]
    fn keeps_tag_order_and_the_last_value_like_a_btreemap() {
        let pairs = [("nl", "b"), ("en", "a"), ("de", "c"), ("nl", "d")];
        let map: LangMap<String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let tree: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            tree.iter().collect::<Vec<_>>()
        );
        assert_eq!(map.get("nl").map(String::as_str), Some("d"));
        assert_eq!(map.get("fr"), None);
    }

    #[test]
    fn serialises_to_the_bytes_of_a_btreemap() {
        let tree: BTreeMap<String, Vec<String>> = [
            ("nl".to_owned(), vec!["x".to_owned()]),
            ("en".to_owned(), vec!["y".to_owned(), "z".to_owned()]),
        ]
        .into_iter()
        .collect();
        let map: LangMap<Vec<String>> = tree.clone().into_iter().collect();
        let ours = rmp_serde::to_vec_named(&map).expect("serialises");
        assert_eq!(ours, rmp_serde::to_vec_named(&tree).expect("serialises"));
        assert_eq!(
            serde_json::to_string(&map).expect("serialises"),
            serde_json::to_string(&tree).expect("serialises")
        );
        let back: LangMap<Vec<String>> = rmp_serde::from_slice(&ours).expect("reads back");
        assert_eq!(back, map);
        // Unsorted input with a repeated tag reads as a BTreeMap would.
        let back: LangMap<u8> = serde_json::from_str(r#"{"nl":1,"en":2,"nl":3}"#).expect("reads");
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            [(&"en".to_owned(), &2), (&"nl".to_owned(), &3)]
        );
    }

    #[test]
    fn removes_retains_and_defaults() {
        let mut map: LangMap<Vec<u8>> = LangMap::new();
        map.get_or_default("nl".to_owned()).push(1);
        map.get_or_default("nl".to_owned()).push(2);
        map.get_or_default("en".to_owned()).push(3);
        assert_eq!(map.get("nl").map(Vec::len), Some(2));
        map.retain(|k, _| k != "en");
        assert_eq!(map.len(), 1);
        assert_eq!(map.remove("nl"), Some(vec![1, 2]));
        assert!(map.is_empty());
    }
}
