//! Markdown reports for people: [`diff_report`], [`impact_section`] and [`quality_report`].
//!
//! GitHub-flavoured Markdown: headline numbers first, then one table per kind of change, the
//! largest changes first (ties by id), each cut at [`MarkdownOptions::rows`] rows with a note of
//! how many more the JSON output holds. Labels are escaped so a `|`, `*` or `<` in the data
//! cannot break a table.
//!
//! Reports come out in [`MarkdownOptions::lang`], Dutch by default: headings, column names,
//! notes, kinds of concepts and relations, and numbers (`1.234`, `12,5 %` in Dutch). The words
//! are Fluent messages in the crate's `i18n/nl.ftl` and `i18n/en.ftl`.

mod diff;
mod quality;

use std::fmt::Write as _;

use vaardig_score::Lang;

use crate::i18n::tr_args;

pub use diff::{diff_report, impact_section};
pub use quality::quality_report;

/// How Markdown reports are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// At most this many rows per table.
    pub rows: usize,
    /// A path (relative to the report) of the rank-change SVG to embed, if one was written.
    pub chart: Option<String>,
    /// The language of the report's own words and numbers (concept labels are the data's).
    pub lang: Lang,
    /// The language of concept labels (a manifest language such as `de`, falling back to
    /// English and then the primary language); `None`: each version's primary language.
    pub label_language: Option<String>,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            rows: 25,
            chart: None,
            lang: Lang::Nl,
            label_language: None,
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

    /// Writes at most `limit` rows, then a note in `lang` on the rest (`total` rows exist in
    /// all).
    pub fn write(&self, out: &mut String, limit: usize, total: usize, lang: Lang) {
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
                "\n{}",
                tr_args(lang, "table-more", &[("count", (total - shown).into())])
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
        use crate::i18n;
        assert_eq!(i18n::count(Lang::En, 0), "0");
        assert_eq!(i18n::count(Lang::En, 999), "999");
        assert_eq!(i18n::count(Lang::En, 1000), "1,000");
        assert_eq!(i18n::count(Lang::Nl, 123_855), "123.855");
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
        t.write(&mut out, 2, 3, Lang::En);
        assert!(out.contains("|---|---:|"), "{out}");
        assert!(out.contains("| x1 | 1 |"), "{out}");
        assert!(!out.contains("x2"), "{out}");
        assert!(out.contains("… and 1 more"), "{out}");
        let mut dutch = String::new();
        t.write(&mut dutch, 2, 3, Lang::Nl);
        assert!(dutch.contains("… en nog 1 (de JSON-uitvoer"), "{dutch}");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("skill:a"), "`skill:a`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
