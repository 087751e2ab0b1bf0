//! Calendar dates (`YYYY-MM-DD`), as the manifest's release date and every importer read them: a
//! checked newtype over [`time::Date`], so an impossible day such as 2024-02-31 is refused with a
//! [`DateError`] that names the text and what is wrong with it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the Gregorian calendar, written and read as `YYYY-MM-DD` (years 0000–9999).
///
/// ```
/// use vaardig_core::Date;
///
/// let d: Date = "2024-02-29".parse()?;
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2024-02-31".parse::<Date>().is_err());
/// # Ok::<(), vaardig_core::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a text is not a [`Date`]: the text, and the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: {problem}")]
pub struct DateError {
    text: String,
    problem: DateProblem,
}

/// What is wrong with a text that should be a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not shaped `YYYY-MM-DD` (four, two and two digits).
    #[error("write it as YYYY-MM-DD, e.g. 2026-01-31")]
    Shape,
    /// The month is not 1–12.
    #[error("month {0} does not exist")]
    Month(u8),
    /// The day is not in the month: 2024-02-31.
    #[error("{month} {year} has {days} days")]
    Day {
        /// The year.
        year: i32,
        /// The month's English name.
        month: &'static str,
        /// The days the month has that year.
        days: u8,
    },
}

impl DateError {
    /// The text that was refused.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What is wrong with it.
    pub fn problem(&self) -> &DateProblem {
        &self.problem
    }
}

impl Date {
    /// 1970-01-01: the date importers set when a source names none (with a note in the report).
    pub const EPOCH: Date = match time::Date::from_calendar_date(1970, time::Month::January, 1) {
        Ok(d) => Date(d),
        // Evaluated at compile time: 1970-01-01 exists.
        Err(_) => panic!("1970-01-01 is a date"),
    };

    /// The date of `year`, `month` (1–12) and `day`.
    ///
    /// # Errors
    /// A [`DateError`] when the month or the day does not exist (2023-02-29, 2025-04-31).
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        let text = || format!("{year:04}-{month:02}-{day:02}");
        let m = time::Month::try_from(month).map_err(|_| DateError {
            text: text(),
            problem: DateProblem::Month(month),
        })?;
        let y = i32::from(year);
        time::Date::from_calendar_date(y, m, day)
            .map(Date)
            .map_err(|_| DateError {
                text: text(),
                problem: DateProblem::Day {
                    year: y,
                    month: month_name(m),
                    days: m.length(y),
                },
            })
    }

    /// Parses `YYYY-MM-DD` exactly (no time, no surrounding spaces).
    ///
    /// # Errors
    /// A [`DateError`] naming `text` when it is not shaped so, or is not a day of the calendar.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        let number = |r: std::ops::Range<usize>| {
            text.get(r).and_then(|s| s.parse::<u16>().ok()).unwrap_or(0)
        };
        if !shaped {
            return Err(DateError {
                text: text.to_owned(),
                problem: DateProblem::Shape,
            });
        }
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        // Both are at most 99: two digits each.
        Date::from_ymd(year, month as u8, day as u8)
    }

    /// The date at the start of `text` when it starts with `YYYY-MM-DD` (an `xsd:dateTime` such
    /// as `2024-11-01T10:00:00Z`, or a date with a zone), else the whole text parsed.
    ///
    /// # Errors
    /// As [`Date::parse`], naming the whole text.
    pub fn parse_prefix(text: &str) -> Result<Date, DateError> {
        let head = text.get(..10).filter(|_| {
            text.as_bytes()
                .get(10)
                .is_none_or(|c| matches!(c, b'T' | b'Z' | b'+' | b'-' | b' '))
        });
        match head {
            Some(head) => Date::parse(head).map_err(|e| DateError {
                text: text.to_owned(),
                problem: e.problem,
            }),
            None => Date::parse(text),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }
}

/// The English name of `m`, for messages.
fn month_name(m: time::Month) -> &'static str {
    use time::Month::*;
    match m {
        January => "January",
        February => "February",
        March => "March",
        April => "April",
        May => "May",
        June => "June",
        July => "July",
        August => "August",
        September => "September",
        October => "October",
        November => "November",
        December => "December",
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl PartialEq<str> for Date {
    fn eq(&self, other: &str) -> bool {
        Date::parse(other).is_ok_and(|d| d == *self)
    }
}

impl PartialEq<&str> for Date {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_days_are_refused_and_named() {
        for (text, ok) in [
            ("2024-02-29", true),
            ("2024-02-31", false),
            ("2023-02-29", false),
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2025-04-31", false),
            ("2025-12-31", true),
            ("2025-00-10", false),
            ("2025-13-01", false),
            ("2025-01-00", false),
            ("31-01-2030", false),
            ("2030-1-31", false),
            (" 2030-01-31", false),
            ("", false),
        ] {
            assert_eq!(Date::parse(text).is_ok(), ok, "{text}");
        }
        let e = Date::parse("2024-02-31").expect_err("refused");
        assert_eq!(e.text(), "2024-02-31");
        assert_eq!(
            e.to_string(),
            "`2024-02-31` is not a date: February 2024 has 29 days"
        );
        let e = Date::parse("31-01-2030").expect_err("refused");
        assert_eq!(e.problem(), &DateProblem::Shape);
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn dates_write_back_as_read_and_order_by_day() -> Result<(), DateError> {
        let a = Date::parse("0999-01-02")?;
        assert_eq!(a.to_string(), "0999-01-02");
        assert!(Date::parse("2024-12-31")? < Date::parse("2025-01-01")?);
        assert_eq!(Date::EPOCH.to_string(), "1970-01-01");
        assert_eq!(Date::parse("2024-11-01")?, "2024-11-01");
        assert_ne!(Date::parse("2024-11-01")?, "2024-11-02");
        Ok(())
    }

    #[test]
    fn date_times_give_their_day() -> Result<(), DateError> {
        assert_eq!(Date::parse_prefix("2024-11-01T10:00:00Z")?, "2024-11-01");
        assert_eq!(Date::parse_prefix("2024-11-01+02:00")?, "2024-11-01");
        assert_eq!(Date::parse_prefix("2024-11-01")?, "2024-11-01");
        let e = Date::parse_prefix("2024-02-31T00:00:00").expect_err("refused");
        assert_eq!(e.text(), "2024-02-31T00:00:00");
        assert!(Date::parse_prefix("2024-11-011").is_err());
        Ok(())
    }

    #[test]
    fn serde_uses_the_text_form() {
        let d = Date::parse("2026-01-02").expect("a date"); // ok: test code, a failure here fails the test
        assert_eq!(
            serde_json::to_string(&d).ok().as_deref(),
            Some("\"2026-01-02\"")
        );
        let back: Result<Date, _> = serde_json::from_str("\"2024-02-31\"");
        let e = back.expect_err("refused").to_string();
        assert!(e.contains("February 2024 has 29 days"), "{e}");
    }
}
