//! Streaming RDF parsing with line numbers: the file is fed to oxttl's low-level parser one line
//! at a time, so each triple is known to end on (or just after) the line being fed — enough to
//! report where a rejected triple is. Memory stays bounded by the longest statement.

use std::io::{self, BufRead};
use std::path::Path;

use oxrdf::Triple;
use oxttl::nquads::LowLevelNQuadsParser;
use oxttl::ntriples::LowLevelNTriplesParser;
use oxttl::turtle::LowLevelTurtleParser;
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser, TurtleSyntaxError};

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

/// Parses `reader` as `format`, calling `on_event` for every triple and syntax error, in order.
/// Only I/O errors stop it.
pub(crate) fn parse(
    mut reader: impl BufRead,
    format: RdfFormat,
    mut on_event: impl FnMut(Event),
) -> io::Result<()> {
    let mut parser = match format {
        RdfFormat::Turtle => LowLevel::Turtle(TurtleParser::new().low_level()),
        RdfFormat::NTriples => LowLevel::NTriples(NTriplesParser::new().low_level()),
        RdfFormat::NQuads => LowLevel::NQuads(NQuadsParser::new().low_level()),
    };
    let mut line = 0u64;
    let mut buf = Vec::with_capacity(256);
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            parser.end();
        } else {
            line += 1;
            parser.extend(&buf);
        }
        while let Some(result) = parser.next() {
            match result {
                Ok(triple) => on_event(Event::Triple(triple, line)),
                Err(e) => {
                    let at = (e.location().start.line + 1).min(line.max(1));
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
        .expect("in memory");
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
}
