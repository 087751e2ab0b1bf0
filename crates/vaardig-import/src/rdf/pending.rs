//! A small scanner that follows the input line by line just far enough to know whether a token
//! is still open at the end of a line: a `"""`/`'''` string, or a one-line string broken by a line
//! end (which oxttl reads on to the next quote to recover). While one is open, asking the parser
//! for the next triple after every line would re-scan the whole open token each time (quadratic
//! in its length); [`parse`](super::parse::parse) asks less often then, and refuses a token past
//! [`MAX_TOKEN_BYTES`] at the line and column where it opened.
//!
//! The scanner only schedules work and places errors: if it misjudges (it knows strings, IRIs,
//! comments and escapes, not the grammar), the parser still sees every byte and decides.

/// The longest token (in practice a string literal) accepted, in bytes: oxttl's own buffer
/// limit. A longer one is refused before it is read further.
pub(crate) const MAX_TOKEN_BYTES: u64 = 16 << 20;

/// Where the scanner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between tokens, or in a token that ends with its line.
    Normal,
    /// In a comment, to the end of the line.
    Comment,
    /// In an `<IRI>`.
    Iri,
    /// In a one-line string with this delimiter.
    Short(u8),
    /// A one-line string broken by a line end: the parser reads on to the next delimiter.
    Broken(u8),
    /// In a long string (`"""` or `'''`); the count is how many delimiters in a row were just
    /// seen.
    Long(u8, u8),
}

/// Where an open token started: 1-based line and column (in characters), and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start {
    pub line: u64,
    pub column: u64,
    offset: u64,
}

/// Follows the bytes fed to the parser (see the module docs).
#[derive(Debug)]
pub(crate) struct Scanner {
    state: State,
    /// Whether `"""`/`'''` strings and `'` strings exist (Turtle; not N-Triples or N-Quads).
    turtle: bool,
    /// Bytes scanned so far.
    offset: u64,
    /// Where the current string started, while in one.
    start: Option<Start>,
}

impl Scanner {
    /// A scanner for Turtle (`turtle`) or for N-Triples and N-Quads.
    pub(crate) fn new(turtle: bool) -> Self {
        Scanner {
            state: State::Normal,
            turtle,
            offset: 0,
            start: None,
        }
    }

    /// Scans one line (with its line end), the `line`-th (1-based). Linear in its length.
    pub(crate) fn line(&mut self, bytes: &[u8], line: u64) {
        let mut column = 0u64;
        let mut i = 0;
        // The byte after a backslash is taken as it is.
        let mut escaped = false;
        if matches!(self.state, State::Comment | State::Iri | State::Short(_)) {
            // These end with the line they are on.
            self.state = State::Normal;
            self.start = None;
        }
        while let Some(&b) = bytes.get(i) {
            // UTF-8 continuation bytes do not start a character.
            if b & 0xC0 != 0x80 {
                column += 1;
            }
            let here = self.offset + i as u64;
            i += 1;
            if escaped {
                escaped = false;
                continue;
            }
            self.state = match self.state {
                State::Normal => match b {
                    b'#' => State::Comment,
                    b'<' if bytes.get(i) != Some(&b'<') => State::Iri,
                    b'<' => {
                        // `<<`: RDF-star punctuation.
                        i += 1;
                        column += 1;
                        State::Normal
                    }
                    b'\\' => {
                        // An escape in a prefixed name (`ex:it\'s`).
                        escaped = true;
                        State::Normal
                    }
                    b'"' | b'\'' if b == b'"' || self.turtle => {
                        self.start = Some(Start {
                            line,
                            column,
                            offset: here,
                        });
                        if self.turtle && bytes.get(i) == Some(&b) && bytes.get(i + 1) == Some(&b) {
                            i += 2;
                            column += 2;
                            State::Long(b, 0)
                        } else {
                            State::Short(b)
                        }
                    }
                    _ => State::Normal,
                },
                State::Comment => match b {
                    b'\n' | b'\r' => State::Normal,
                    _ => State::Comment,
                },
                State::Iri => match b {
                    b'>' => State::Normal,
                    0..=0x20 => State::Normal,
                    _ => State::Iri,
                },
                State::Short(d) => match b {
                    b'\\' => {
                        escaped = true;
                        State::Short(d)
                    }
                    b'\n' | b'\r' => State::Broken(d),
                    _ if b == d => self.close(),
                    _ => State::Short(d),
                },
                State::Broken(d) => {
                    if b == d {
                        self.close()
                    } else {
                        State::Broken(d)
                    }
                }
                State::Long(d, seen) => match b {
                    b'\\' => {
                        escaped = true;
                        State::Long(d, 0)
                    }
                    _ if b == d && seen == 2 => self.close(),
                    _ if b == d => State::Long(d, seen + 1),
                    _ => State::Long(d, 0),
                },
            };
        }
        self.offset += bytes.len() as u64;
    }

    fn close(&mut self) -> State {
        self.start = None;
        State::Normal
    }

    /// Where the token still open after the last line started, if one is (a long string, or a
    /// broken one-line string).
    pub(crate) fn open(&self) -> Option<Start> {
        match self.state {
            State::Long(..) | State::Broken(_) => self.start,
            _ => None,
        }
    }

    /// How many bytes of the open token have been scanned (0 when none is open).
    pub(crate) fn open_bytes(&self) -> u64 {
        self.open().map_or(0, |s| self.offset - s.offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, turtle: bool) -> Scanner {
        let mut s = Scanner::new(turtle);
        for (n, line) in text.split_inclusive('\n').enumerate() {
            s.line(line.as_bytes(), n as u64 + 1);
        }
        s
    }

    #[test]
    fn long_strings_stay_open_across_lines_and_close() {
        let s = scan("ex:a ex:p \"\"\"one\ntwo\n", true);
        assert_eq!(
            s.open().map(|s| (s.line, s.column)),
            Some((1, 11)),
            "the string opened at line 1, column 11"
        );
        assert_eq!(s.open_bytes(), 11);
        let s = scan(
            "ex:a ex:p \"\"\"one\ntwo \"\" \\\"\"\" three\"\"\" .\n",
            true,
        );
        assert_eq!(s.open(), None);
        // Four quotes close after three; the fourth opens a one-line string, here broken.
        let s = scan("ex:a ex:p '''x'''' .\nex:b ex:p ex:c .\n", true);
        assert_eq!(s.open().map(|s| (s.line, s.column)), Some((1, 18)));
        let s = scan("ex:a ex:p '''x'''' ' .\nex:b ex:p ex:c .\n", true);
        assert_eq!(s.open(), None);
    }

    #[test]
    fn quotes_in_comments_iris_and_one_line_strings_open_nothing() {
        let s = scan(
            "# a \"\"\" comment\n<http://e.org/it's> ex:p \"a '''\" , ex:it\\'s .\n",
            true,
        );
        assert_eq!(s.open(), None);
        // In N-Triples `'` is no delimiter and `"""` is an empty string then a quote.
        let s = scan("<a> <p> \"x's\" .\n", false);
        assert_eq!(s.open(), None);
    }

    #[test]
    fn a_one_line_string_broken_by_a_line_end_stays_open_to_the_next_quote() {
        let s = scan("ex:a ex:p \"broken\nmore\n", true);
        assert_eq!(s.open().map(|s| s.line), Some(1));
        let s = scan("ex:a ex:p \"broken\nmore\" .\n", true);
        assert_eq!(s.open(), None);
    }

    #[test]
    fn columns_count_characters() {
        let s = scan("ex:é ex:p \"\"\"x\n", true);
        assert_eq!(s.open().map(|s| s.column), Some(11));
    }
}
