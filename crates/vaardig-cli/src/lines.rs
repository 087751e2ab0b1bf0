//! Reading input line by line with a bound on what one line may hold in memory: the rest of a
//! longer line is skipped as it is read, never buffered (`search --batch` held a 1.2 GB line).

use std::io::{self, BufRead};

/// The most bytes of one `--batch` line kept; search reads only the first 4 KiB of a query.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Reads the next line into `line` (cleared first, without its `\n` or `\r\n`), keeping at most
/// `max` bytes of it and skipping the rest. `Ok(None)` at the end of the input, otherwise the
/// number of bytes skipped.
pub fn read_bounded(
    input: &mut dyn BufRead,
    max: usize,
    line: &mut Vec<u8>,
) -> io::Result<Option<u64>> {
    line.clear();
    let mut skipped = 0u64;
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = max.saturating_sub(line.len());
        let keep = chunk.len().min(room);
        line.extend_from_slice(&chunk[..keep]);
        skipped += (chunk.len() - keep) as u64;
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    /// A long line from a generator, counting the bytes asked of it and never holding them.
    struct Long {
        left: u64,
    }

    impl Read for Long {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = (buf.len() as u64).min(self.left) as usize;
            buf[..n].fill(b'a');
            if self.left > 0 && self.left == n as u64 {
                buf[n - 1] = b'\n';
            }
            self.left -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn a_long_line_is_cut_at_the_limit_and_the_rest_skipped() {
        let size = 50 * 1024 * 1024;
        let input = Long { left: size }.chain(&b"wondzorg\r\n"[..]);
        let mut input = BufReader::new(input);
        let mut line = Vec::new();
        let skipped = read_bounded(&mut input, MAX_LINE_BYTES, &mut line).expect("read"); // ok: test code, a failure here fails the test
        assert_eq!(line.len(), MAX_LINE_BYTES);
        assert!(line.capacity() < 2 * MAX_LINE_BYTES, "{}", line.capacity());
        assert_eq!(skipped, Some(size - 1 - MAX_LINE_BYTES as u64));
        let next = read_bounded(&mut input, MAX_LINE_BYTES, &mut line).expect("read"); // ok: test code, a failure here fails the test
        assert_eq!((next, line.as_slice()), (Some(0), &b"wondzorg"[..]));
        let end = read_bounded(&mut input, MAX_LINE_BYTES, &mut line).expect("read"); // ok: test code, a failure here fails the test
        assert_eq!(end, None);
    }

    #[test]
    fn a_last_line_without_newline_and_empty_lines_count() {
        let mut input = &b"a\n\nb"[..];
        let mut line = Vec::new();
        let mut lines = Vec::new();
        while read_bounded(&mut input, 10, &mut line)
            .expect("read") // ok: test code, a failure here fails the test
            .is_some()
        {
            lines.push(line.clone());
        }
        assert_eq!(lines, vec![b"a".to_vec(), Vec::new(), b"b".to_vec()]);
    }
}
