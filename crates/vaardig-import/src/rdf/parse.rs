//! Streaming RDF parsing with line numbers: the file is fed to oxttl's low-level parser one line
//! at a time, so each triple is known to end on (or just after) the line being fed — enough to
//! report where a rejected triple is. Memory stays bounded by the longest statement, and time is
//! linear in the input: long lines, long strings and error-dense garbage hit limits (see
//! [`parse`]) instead of re-scanning.

use std::io::{self, BufRead};
use std::path::Path;

use oxrdf::Triple;
use oxttl::nquads::LowLevelNQuadsParser;
use oxttl::ntriples::LowLevelNTriplesParser;
use oxttl::turtle::LowLevelTurtleParser;
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser, TurtleSyntaxError};

use super::pending::{MAX_TOKEN_BYTES, Scanner};

/// The RDF serialisations the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfFormat {
    /// Turtle (`.ttl`).
    Turtle,
    /// N-Triples (`.nt`).
    NTriples,
    /// N-Quads (`.nq`): graph names are ignored.
    NQuads,
}

impl RdfFormat {
    /// The format a file name's extension names: `.ttl`/`.turtle`, `.nt`, `.nq`.
    pub fn from_path(path: impl AsRef<Path>) -> Option<RdfFormat> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "ttl" | "turtle" => Some(RdfFormat::Turtle),
            "nt" => Some(RdfFormat::NTriples),
            "nq" => Some(RdfFormat::NQuads),
            _ => None,
        }
    }

    /// The format's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            RdfFormat::Turtle => "Turtle",
            RdfFormat::NTriples => "N-Triples",
            RdfFormat::NQuads => "N-Quads",
        }
    }
}

/// One thing the parser found.
pub(crate) enum Event {
    /// A triple, ending on or just before this 1-based line.
    Triple(Triple, u64),
    /// A syntax error (the parser skips to the next statement), and its 1-based line (at the
    /// end of the input: the last line, not the empty one after the final newline).
    Error(TurtleSyntaxError, u64),
}

enum LowLevel {
    Turtle(LowLevelTurtleParser),
    NTriples(LowLevelNTriplesParser),
    NQuads(LowLevelNQuadsParser),
}

impl LowLevel {
    fn extend(&mut self, bytes: &[u8]) {
        match self {
            LowLevel::Turtle(p) => p.extend_from_slice(bytes),
            LowLevel::NTriples(p) => p.extend_from_slice(bytes),
            LowLevel::NQuads(p) => p.extend_from_slice(bytes),
        }
    }

    fn end(&mut self) {
        match self {
            LowLevel::Turtle(p) => p.end(),
            LowLevel::NTriples(p) => p.end(),
            LowLevel::NQuads(p) => p.end(),
        }
    }

    fn next(&mut self) -> Option<Result<Triple, TurtleSyntaxError>> {
        match self {
            LowLevel::Turtle(p) => p.parse_next(),
            LowLevel::NTriples(p) => p.parse_next(),
            LowLevel::NQuads(p) => p.parse_next().map(|r| r.map(Triple::from)),
        }
    }
}

/// The longest line read, in bytes (with its line end): oxttl's own buffer limit. A longer one is
/// refused before it is read further.
pub(crate) const MAX_LINE_BYTES: u64 = 16 << 20;
/// The most syntax errors reported per file; past them the file is refused (it is most likely
/// not RDF at all).
pub(crate) const MAX_SYNTAX_ERRORS: usize = 1_000;
/// The most characters the parser may count to place syntax errors in one file (oxttl counts
/// each error's column from the start of its line): with a long line, many errors cost this
/// before the file is refused.
const MAX_ERROR_COLUMNS: u64 = 64 << 20;
/// While a token is open, the parser is asked again only after at least this many more bytes
/// (and at least as many as the open token already has, so re-scanning it stays linear).
const MIN_RETRY_BYTES: u64 = 64 << 10;

/// Why parsing stopped before the end.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Reading failed.
    Io(io::Error),
    /// A limit was reached at this 1-based line and column.
    Limit {
        /// The line.
        line: u64,
        /// The column, in characters.
        column: u64,
        /// Which limit.
        message: String,
    },
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Io(e)
    }
}

/// Parses `reader` as `format`, calling `on_event` for every triple and syntax error, in order.
/// Stops only for I/O errors and at the limits: a line over [`MAX_LINE_BYTES`], a token over
/// [`MAX_TOKEN_BYTES`], more than [`MAX_SYNTAX_ERRORS`] syntax errors (or errors that cost more
/// than [`MAX_ERROR_COLUMNS`] to place). Linear in the input.
///
/// A triple's line is the line it ends on, or a later one when it ends just after a long token
/// (the parser is asked less often while one is open).
pub(crate) fn parse(
    reader: impl BufRead,
    format: RdfFormat,
    mut on_event: impl FnMut(Event),
) -> Result<(), Stop> {
    let mut parser = match format {
        RdfFormat::Turtle => LowLevel::Turtle(TurtleParser::new().low_level()),
        RdfFormat::NTriples => LowLevel::NTriples(NTriplesParser::new().low_level()),
        RdfFormat::NQuads => LowLevel::NQuads(NQuadsParser::new().low_level()),
    };
    let mut scanner = Scanner::new(format == RdfFormat::Turtle);
    let mut reader = reader.take(MAX_LINE_BYTES + 1);
    let mut line = 0u64;
    let mut fed = 0u64;
    let mut retry_at = 0u64;
    let (mut errors, mut error_columns) = (0usize, 0u64);
    let mut buf = Vec::with_capacity(256);
    loop {
        buf.clear();
        reader.set_limit(MAX_LINE_BYTES + 1);
        let n = reader.read_until(b'\n', &mut buf)?;
        if n as u64 > MAX_LINE_BYTES {
            return Err(Stop::Limit {
                line: line + 1,
                column: 1,
                message: format!("a line longer than {} MiB", MAX_LINE_BYTES >> 20),
            });
        }
        let was_open = scanner.open().is_some();
        if n == 0 {
            parser.end();
        } else {
            line += 1;
            fed += n as u64;
            scanner.line(&buf, line);
            parser.extend(&buf);
        }
        if let Some(start) = scanner.open() {
            if scanner.open_bytes() > MAX_TOKEN_BYTES {
                return Err(Stop::Limit {
                    line: start.line,
                    column: start.column,
                    message: format!(
                        "a string longer than {} MiB (is it closed?)",
                        MAX_TOKEN_BYTES >> 20
                    ),
                });
            }
            // A token opened on an earlier line is still open: ask again only once enough has
            // been added (a token opened on this line: ask now, for the triples before it).
            if n > 0 && was_open && fed < retry_at {
                continue;
            }
            retry_at = fed + scanner.open_bytes().max(MIN_RETRY_BYTES);
        }
        while let Some(result) = parser.next() {
            match result {
                Ok(triple) => on_event(Event::Triple(triple, line)),
                Err(e) => {
                    let start = e.location().start;
                    errors += 1;
                    error_columns += start.column + e.location().end.column;
                    let at = (start.line + 1).min(line.max(1));
                    if errors > MAX_SYNTAX_ERRORS || error_columns > MAX_ERROR_COLUMNS {
                        return Err(Stop::Limit {
                            line: at,
                            column: start.column + 1,
                            message: if errors > MAX_SYNTAX_ERRORS {
                                format!(
                                    "more than {MAX_SYNTAX_ERRORS} syntax errors: is this {}?",
                                    format.name()
                                )
                            } else {
                                format!(
                                    "{errors} syntax errors on lines too long to place more: \
                                     is this {}?",
                                    format.name()
                                )
                            },
                        });
                    }
                    on_event(Event::Error(e, at))
                }
            }
        }
        if n == 0 {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, format: RdfFormat) -> Vec<Result<u64, u64>> {
        let mut out = Vec::new();
        parse(text.as_bytes(), format, |e| match e {
            Event::Triple(_, line) => out.push(Ok(line)),
            Event::Error(_, line) => out.push(Err(line)),
        })
        .expect("in memory"); // ok: test code, a failure here fails the test
        out
    }

    #[test]
    fn triples_carry_their_line() {
        let ttl = "@prefix ex: <http://example.org/> .\n\
                   ex:a ex:p ex:b ;\n\
                   \x20 ex:q \"x\" .\n\
                   \n\
                   ex:c ex:p ex:d .\n";
        assert_eq!(lines(ttl, RdfFormat::Turtle), [Ok(2), Ok(3), Ok(5)]);
    }

    #[test]
    fn errors_do_not_stop_parsing() {
        let ttl = "@prefix ex: <http://example.org/> .\n\
                   ex:a ex:p ex:b .\n\
                   ex:a nope:p ex:b .\n\
                   ex:c ex:p ex:d .\n";
        let got = lines(ttl, RdfFormat::Turtle);
        assert_eq!(got.first(), Some(&Ok(2)));
        assert!(got.contains(&Err(3)), "{got:?}");
        assert_eq!(got.last(), Some(&Ok(4)));
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(RdfFormat::from_path("a/b.TTL"), Some(RdfFormat::Turtle));
        assert_eq!(RdfFormat::from_path("b.nt"), Some(RdfFormat::NTriples));
        assert_eq!(RdfFormat::from_path("b.nq"), Some(RdfFormat::NQuads));
        assert_eq!(RdfFormat::from_path("b.rdf"), None);
    }

    /// Parses `bytes`, returning the events (triples with their line, errors as `Err(line)`)
    /// and how parsing ended.
    type Events = Vec<Result<(u64, Triple), u64>>;

    fn run(bytes: &[u8], format: RdfFormat) -> (Events, Result<(), Stop>) {
        let mut out = Vec::new();
        let end = parse(bytes, format, |e| match e {
            Event::Triple(t, line) => out.push(Ok((line, t))),
            Event::Error(_, line) => out.push(Err(line)),
        });
        (out, end)
    }

    /// Red team: 512 KiB of NULs on one line took 33 s (every error's column was counted from
    /// the line start) and 2 MiB over 5 minutes. Now the file is refused after 1,000 errors.
    #[test]
    fn a_line_of_nuls_is_refused_after_a_thousand_errors() {
        let mut ttl = b"@prefix ex: <http://example.org/> .\n".to_vec();
        ttl.extend(std::iter::repeat_n(0u8, 2 << 20));
        ttl.push(b'\n');
        let (events, end) = run(&ttl, RdfFormat::Turtle);
        assert_eq!(events.len(), MAX_SYNTAX_ERRORS);
        assert!(
            events.iter().all(|e| *e == Err(2)),
            "every error is on line 2"
        );
        match end {
            Err(Stop::Limit { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("1000 syntax errors"), "{message}");
            }
            other => panic!("expected a limit, got {other:?}"),
        }
    }

    /// Red team: one 8 MB `"""` literal took 5.5 s (re-scanned from its start for every line
    /// fed) and 100 MB over 5 minutes. Now a 15 MiB one over 300,000 lines is read in one pass,
    /// and its triple is placed on the line the literal closes on.
    #[test]
    fn a_long_literal_over_many_lines_is_read_whole() {
        let mut ttl = b"@prefix ex: <http://example.org/> .\nex:a ex:p \"\"\"".to_vec();
        let line = b"woord woord woord woord woord woord woord woord\n";
        let lines = (15 << 20) / line.len();
        for _ in 0..lines {
            ttl.extend_from_slice(line);
        }
        ttl.extend_from_slice(b"\"\"\" .\nex:b ex:p ex:c .\n");
        let (events, end) = run(&ttl, RdfFormat::Turtle);
        assert!(end.is_ok(), "{end:?}");
        let [Ok((l1, t1)), Ok((l2, _))] = events.as_slice() else {
            panic!("expected two triples, got {} events", events.len());
        };
        assert_eq!(
            *l1,
            lines as u64 + 2,
            "the triple ends with the `.` after the literal"
        );
        assert_eq!(*l2, lines as u64 + 3);
        let oxrdf::Term::Literal(value) = &t1.object else {
            panic!("expected a literal");
        };
        assert_eq!(value.value().len(), lines * line.len());
    }

    #[test]
    fn a_string_past_the_limit_is_refused_where_it_opens() {
        let mut ttl =
            b"@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:a ex:q   '''".to_vec();
        let mut line = vec![b'x'; 1023];
        line.push(b'\n');
        for _ in 0..=(MAX_TOKEN_BYTES as usize / line.len()) {
            ttl.extend_from_slice(&line);
        }
        let (events, end) = run(&ttl, RdfFormat::Turtle);
        assert_eq!(events.len(), 1, "the triple before it is read");
        match end {
            Err(Stop::Limit {
                line,
                column,
                message,
            }) => {
                assert_eq!((line, column), (3, 13));
                assert!(message.contains("16 MiB"), "{message}");
            }
            other => panic!("expected a limit, got {other:?}"),
        }
    }

    #[test]
    fn a_line_past_the_limit_is_refused_with_its_number() {
        let mut nt = b"<http://e.org/a> <http://e.org/p> <http://e.org/b> .\n".to_vec();
        nt.extend(std::iter::repeat_n(b' ', MAX_LINE_BYTES as usize + 1));
        let (events, end) = run(&nt, RdfFormat::NTriples);
        assert_eq!(events.len(), 1);
        match end {
            Err(Stop::Limit { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("line longer than 16 MiB"), "{message}");
            }
            other => panic!("expected a limit, got {other:?}"),
        }
    }
}
