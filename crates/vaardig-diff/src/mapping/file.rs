//! The mapping file: CSV with the header `old_id,new_id` (further columns such as `confidence`
//! or `note` are allowed and ignored), `#` comment lines, one pair per row.
//!
//! [`IdMapping::from_csv`] reads it; [`write_csv`] writes proposals in the same format, so a data
//! team can review them, delete the wrong rows and feed the file back with `--mapping`.

use vaardig_core::Location;

use super::{IdMapping, MappingEntry, SuppliedPair};
use crate::error::DiffError;

/// The header of a mapping file written by [`write_csv`].
pub const MAPPING_HEADER: &str = "old_id,new_id,confidence,status";

impl IdMapping {
    /// Reads a mapping file (see the module docs). `file` names it in error messages.
    ///
    /// # Errors
    /// Malformed CSV, a missing `old_id` or `new_id` column, or an empty id, with the line.
    /// Whether the ids exist is checked when the diff runs ([`crate::diff_with`]).
    pub fn from_csv(text: &str, file: &str) -> Result<IdMapping, DiffError> {
        let err = |line: Option<u64>, message: String| DiffError::Mapping {
            location: Location {
                file: Some(file.to_owned()),
                line,
                column: None,
            },
            message,
        };
        // The csv crate counts neither blank lines nor, in a record's position, the blank lines
        // before it: skip those from the record's byte offset, then look the line up.
        let bytes = text.as_bytes();
        let lines = LineIndex::new(bytes);
        let line_at = |byte: u64| {
            let mut at = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            lines.line_of(at)
        };
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| err(e.position().map(|p| line_at(p.byte())), e.to_string()))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| err(Some(1), format!("missing column `{name}`")))
        };
        let (old_col, new_col) = (column("old_id")?, column("new_id")?);
        let mut pairs = Vec::new();
        for record in reader.records() {
            let record =
                record.map_err(|e| err(e.position().map(|p| line_at(p.byte())), e.to_string()))?;
            let line = record.position().map(|p| line_at(p.byte()));
            let get = |col: usize, name: &str| match record.get(col) {
                Some(v) if !v.is_empty() => Ok(v.to_owned()),
                _ => Err(DiffError::Mapping {
                    location: Location {
                        file: Some(file.to_owned()),
                        line,
                        column: Some(name.to_owned()),
                    },
                    message: format!("empty `{name}`"),
                }),
            };
            pairs.push(SuppliedPair {
                old_id: get(old_col, "old_id")?,
                new_id: get(new_col, "new_id")?,
                line,
            });
        }
        Ok(IdMapping {
            source: Some(file.to_owned()),
            pairs,
        })
    }
}

/// The byte offsets of a text's line breaks, to turn a byte offset into a line number in
/// `O(log n)` (counting from the start for every row made an 80,000-row mapping take 83 s).
struct LineIndex {
    breaks: Vec<usize>,
}

impl LineIndex {
    fn new(bytes: &[u8]) -> Self {
        LineIndex {
            breaks: bytes
                .iter()
                .enumerate()
                .filter_map(|(i, &b)| (b == b'\n').then_some(i))
                .collect(),
        }
    }

    /// The 1-based line of byte `at`: one more than the line breaks before it.
    fn line_of(&self, at: usize) -> u64 {
        self.breaks.partition_point(|&b| b < at) as u64 + 1
    }
}

/// Writes mapping entries as a mapping file (header [`MAPPING_HEADER`]), in the given order.
/// `status` is `supplied`, `applied` (a proposal at or above the acceptance threshold) or
/// `suggested`; reading the file back applies every row, so a reviewer deletes the wrong ones.
///
/// ```
/// use vaardig_diff::{IdMapping, mapping::write_csv};
///
/// let text = write_csv(&[]);
/// assert!(IdMapping::from_csv(&text, "empty.csv")?.is_empty());
/// # Ok::<(), vaardig_diff::DiffError>(())
/// ```
pub fn write_csv(entries: &[MappingEntry]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail, and the records are plain strings.
    let _ = writer.write_record(MAPPING_HEADER.split(','));
    for e in entries {
        let status = match (e.source, e.applied) {
            (super::MappingSource::Supplied, _) => "supplied",
            (super::MappingSource::Proposed, true) => "applied",
            (super::MappingSource::Proposed, false) => "suggested",
        };
        let _ = writer.write_record([
            e.old_id.as_str(),
            e.new_id.as_str(),
            &format!("{:.3}", e.confidence),
            status,
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::MappingSource;
    use vaardig_core::ConceptKind;

    #[test]
    fn reads_pairs_with_lines_and_ignores_extra_columns_and_comments() -> Result<(), DiffError> {
        let text = "# reviewed by the data team\nold_id,new_id,note\nskill:a,skill:b,renamed\n\nskill:c , skill:d,\n";
        let m = IdMapping::from_csv(text, "map.csv")?;
        assert_eq!(m.pairs().len(), 2);
        assert_eq!(m.pairs()[0].old_id, "skill:a");
        assert_eq!(m.pairs()[1].new_id, "skill:d");
        assert_eq!(m.pairs()[1].line, Some(5));
        Ok(())
    }

    #[test]
    fn missing_column_is_an_error_naming_it() {
        let e = IdMapping::from_csv("old,new\na,b\n", "map.csv").err();
        let msg = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("map.csv"), "{msg}");
        assert!(msg.contains("old_id"), "{msg}");
    }

    #[test]
    fn empty_id_is_an_error_with_its_line() {
        let e = IdMapping::from_csv("old_id,new_id\na,b\nc,\n", "m.csv").err();
        let msg = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("m.csv:3"), "{msg}");
        assert!(msg.contains("new_id"), "{msg}");
    }

    #[test]
    fn lines_are_counted_from_line_breaks() {
        let index = LineIndex::new(b"a\nbb\n\nc");
        let lines: Vec<u64> = (0..8).map(|at| index.line_of(at)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 4, 4]);
    }

    /// Red team: an 80,000-row mapping took 83 s, every row's line counted from the file start.
    /// 300,000 rows (quadratic: minutes) now read in one pass, each with its line.
    #[test]
    fn a_long_mapping_file_reads_in_one_pass() -> Result<(), DiffError> {
        let mut text = String::from("old_id,new_id\n");
        for i in 0..300_000 {
            text.push_str(&format!("skill:o{i},skill:n{i}\n"));
            if i % 1000 == 0 {
                text.push_str("\n# a comment\n");
            }
        }
        let m = IdMapping::from_csv(&text, "big.csv")?;
        assert_eq!(m.pairs().len(), 300_000);
        let last = m.pairs().last().map(|p| (p.old_id.as_str(), p.line));
        assert_eq!(last, Some(("skill:o299999", Some(300_000 + 1 + 2 * 300))));
        Ok(())
    }

    #[test]
    fn written_proposals_read_back() -> Result<(), DiffError> {
        let entry = MappingEntry {
            old_id: "skill:x,1".into(),
            new_id: "skill:y".into(),
            kind: ConceptKind::Skill,
            source: MappingSource::Proposed,
            confidence: 0.912_34,
            label_similarity: Some(1.0),
            shared_neighbours: None,
            applied: true,
        };
        let text = write_csv(std::slice::from_ref(&entry));
        assert!(text.starts_with(MAPPING_HEADER));
        assert!(text.contains("0.912,applied"), "{text}");
        let m = IdMapping::from_csv(&text, "p.csv")?;
        assert_eq!(m.pairs()[0].old_id, "skill:x,1");
        assert_eq!(m.pairs()[0].new_id, "skill:y");
        Ok(())
    }
}
