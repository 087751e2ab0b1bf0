//! Strings kept once and numbered, and source locations in 16 bytes: what the staging area keeps
//! per relation instead of two id strings and a [`Location`] with its own copy of the file name
//! (relations are most of a large taxonomy, and those copies made import cost several times its
//! input).

use indexmap::IndexSet;
use vaardig_core::Location;

/// The marker for "none" in a [`Place`]'s numbers.
const NONE_U32: u32 = u32::MAX;
const NONE_U64: u64 = u64::MAX;

/// Distinct strings, each kept once and numbered in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    set: IndexSet<Box<str>>,
}

impl Strings {
    /// The number of `s`, kept when new; `None` past 2^32 − 2 distinct strings (far more than
    /// any input within the limits holds).
    pub(crate) fn intern(&mut self, s: &str) -> Option<u32> {
        let i = match self.set.get_index_of(s) {
            Some(i) => i,
            None => self.set.insert_full(s.into()).0,
        };
        u32::try_from(i).ok().filter(|&i| i != NONE_U32)
    }

    /// The string numbered `i` (empty for a number never given out).
    pub(crate) fn get(&self, i: u32) -> &str {
        self.set.get_index(i as usize).map_or("", |s| s)
    }

    /// How many strings are kept.
    pub(crate) fn len(&self) -> usize {
        self.set.len()
    }
}

/// A [`Location`] with its file and column numbered in a [`Strings`]: 16 bytes, no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    file: u32,
    column: u32,
    line: u64,
}

impl Place {
    /// The place of `location`, its strings kept in `strings`; `None` when they do not fit.
    /// A run of places in one file (the usual case) hashes its name once: `recent` is the
    /// place made before, whose file and column are compared first.
    pub(crate) fn new(
        location: &Location,
        strings: &mut Strings,
        recent: Option<Place>,
    ) -> Option<Place> {
        Place::of(
            location.file.as_deref(),
            location.line,
            location.column.as_deref(),
            strings,
            recent,
        )
    }

    /// The place of `line` in `file` at `column`, as [`Place::new`].
    pub(crate) fn of(
        file: Option<&str>,
        line: Option<u64>,
        column: Option<&str>,
        strings: &mut Strings,
        recent: Option<Place>,
    ) -> Option<Place> {
        let mut number = |s: Option<&str>, before: Option<u32>| match s {
            Some(s) => match before {
                Some(b) if b != NONE_U32 && strings.get(b) == s => Some(b),
                _ => strings.intern(s),
            },
            None => Some(NONE_U32),
        };
        Some(Place {
            file: number(file, recent.map(|p| p.file))?,
            column: number(column, recent.map(|p| p.column))?,
            // A line past u64::MAX − 1 cannot be read; such a line number is taken as unknown.
            line: line.unwrap_or(NONE_U64),
        })
    }

    /// The location again.
    pub(crate) fn location(self, strings: &Strings) -> Location {
        let text = |i: u32| (i != NONE_U32).then(|| strings.get(i).to_owned());
        Location {
            file: text(self.file),
            line: (self.line != NONE_U64).then_some(self.line),
            column: text(self.column),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_give_back_their_locations_and_keep_each_file_name_once() {
        let mut strings = Strings::default();
        let locations = [
            Location::line("requires.csv", 7),
            Location::line("requires.csv", 8).with_column("to"),
            Location::file("x.ttl"),
            Location::default(),
        ];
        let mut recent = None;
        let places: Vec<Place> = locations
            .iter()
            .map(|l| {
                recent = Place::new(l, &mut strings, recent);
                recent.expect("fits") // ok: test code
            })
            .collect();
        for (place, location) in places.iter().zip(&locations) {
            assert_eq!(&place.location(&strings), location);
        }
        assert_eq!(strings.len(), 3, "requires.csv, to, x.ttl");
        assert_eq!(std::mem::size_of::<Place>(), 16);
    }
}
