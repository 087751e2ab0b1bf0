//! Markdown reports for people: [`diff_report`], [`impact_section`] and [`quality_report`].
//!
//! GitHub-flavoured Markdown: headline numbers first, then one table per kind of change, the
//! largest changes first (ties by id), each cut at [`MarkdownOptions::rows`] rows with a note of
//! how many more the JSON output holds. Labels are escaped so a `|`, `*` or `<` in the data
//! cannot break a table.

mod diff;
mod quality;

use std::fmt::Write as _;

pub use diff::{diff_report, impact_section};
pub use quality::quality_report;

/// How Markdown reports are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// At most this many rows per table.
    pub rows: usize,
    /// A path (relative to the report) of the rank-change SVG to embed, if one was written.
    pub chart: Option<String>,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            rows: 25,
            chart: None,
        }
    }
}

/// Escapes text for a table cell: Markdown punctuation is backslash-escaped, `<` and `>` become
/// entities, line breaks become spaces.
///
/// ```
/// use vaardig_diff::markdown::escape;
/// assert_eq!(escape("a|b *c*\n<d>"), r"a\|b \*c\* &lt;d&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An id as inline code (ids have no whitespace and no `|`; a backtick gets a longer fence).
pub(crate) fn code(id: &str) -> String {
    if id.contains('`') {
        format!("`` {} ``", id.replace(['\n', '\r'], " "))
    } else {
        format!("`{id}`")
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share in `[0, 1]` as a percentage with one decimal.
pub(crate) fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// Text cut to `max` characters with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A table under construction. Cells are written as given (escape them first).
pub(crate) struct Table {
    header: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns; a column whose name starts with `>` is right-aligned (the
    /// `>` is not shown).
    pub fn new<S: AsRef<str>>(header: &[S]) -> Table {
        Table {
            header: header
                .iter()
                .map(|h| h.as_ref().trim_start_matches('>').to_owned())
                .collect(),
            right: header.iter().map(|h| h.as_ref().starts_with('>')).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Writes at most `limit` rows, then a note on the rest (`total` rows exist in all).
    pub fn write(&self, out: &mut String, limit: usize, total: usize) {
        let _ = writeln!(out, "| {} |", self.header.join(" | "));
        let rule: Vec<&str> = self
            .right
            .iter()
            .map(|r| if *r { "---:" } else { "---" })
            .collect();
        let _ = writeln!(out, "|{}|", rule.join("|"));
        for row in self.rows.iter().take(limit) {
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        let shown = self.rows.len().min(limit);
        if total > shown {
            let _ = writeln!(
                out,
                "\n… and {} more (the JSON output lists them all).",
                count(total - shown)
            );
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(123_855), "123,855");
    }

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdefgh", 5), "abcd…");
    }

    #[test]
    fn table_notes_the_rows_it_leaves_out() {
        let mut t = Table::new(&["id", ">n"]);
        for i in 0..3 {
            t.row(vec![format!("x{i}"), i.to_string()]);
        }
        let mut out = String::new();
        t.write(&mut out, 2, 3);
        assert!(out.contains("|---|---:|"), "{out}");
        assert!(out.contains("| x1 | 1 |"), "{out}");
        assert!(!out.contains("x2"), "{out}");
        assert!(out.contains("… and 1 more"), "{out}");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("skill:a"), "`skill:a`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
