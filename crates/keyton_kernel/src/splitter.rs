//! Cuts captured bytes into text to forward and sync sentinels. A sentinel
//! is `marker` + a decimal number + NUL; text is forwarded as UTF-8, with a
//! character or a sentinel cut by a read boundary kept until its rest comes.

/// What the captured bytes hold, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Sync(u64),
}

pub struct Splitter {
    marker: Vec<u8>,
    pending: Vec<u8>,
}

impl Splitter {
    pub fn new(marker: Vec<u8>) -> Splitter {
        Splitter {
            marker,
            pending: Vec::new(),
        }
    }

    pub fn push(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Bytes not yet taken.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The pieces ready: every complete sentinel and the text before it;
    /// with `flush`, also the text after the last one, short of an
    /// unfinished sentinel or character at the end.
    pub fn take(&mut self, flush: bool) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some(at) = find(&self.pending, &self.marker) {
            let digits = at + self.marker.len();
            let Some(len) = self.pending[digits..].iter().position(|&b| b == 0) else {
                // An unfinished sentinel: the text before it can go.
                if flush {
                    self.emit(at, &mut pieces);
                }
                return pieces;
            };
            self.emit(at, &mut pieces);
            let digits = digits - at;
            let number = std::str::from_utf8(&self.pending[digits..digits + len])
                .ok()
                .and_then(|n| n.parse().ok());
            self.pending.drain(..digits + len + 1);
            match number {
                Some(number) => pieces.push(Piece::Sync(number)),
                None => pieces.push(Piece::Text(String::from_utf8_lossy(&self.marker).into())),
            }
        }
        if flush {
            let end = self.pending.len() - partial_suffix(&self.pending, &self.marker);
            let end = complete_utf8(&self.pending[..end]);
            self.emit(end, &mut pieces);
        }
        pieces
    }

    /// The first `end` pending bytes, as text, if there are any.
    fn emit(&mut self, end: usize, pieces: &mut Vec<Piece>) {
        if end > 0 {
            let text = String::from_utf8_lossy(&self.pending[..end]).into_owned();
            self.pending.drain(..end);
            pieces.push(Piece::Text(text));
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The length of the longest end of `bytes` that is a proper start of
/// `marker` (a sentinel the next read will finish).
fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len().min(bytes.len() + 1))
        .rev()
        .find(|&k| bytes.ends_with(&marker[..k]))
        .unwrap_or(0)
}

/// The length of `bytes` without a UTF-8 character cut short at its end.
fn complete_utf8(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(4) {
        let byte = bytes[n - back];
        if byte & 0xC0 != 0x80 {
            let width = match byte {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if width > back { n - back } else { n };
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitter() -> Splitter {
        Splitter::new(b"\0mark:".to_vec())
    }

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    #[test]
    fn text_and_sentinels_come_out_in_order() {
        let mut s = splitter();
        s.push(b"a\nb\0mark:1\0c\0mark:2\0");
        assert_eq!(
            s.take(false),
            [text("a\nb"), Piece::Sync(1), text("c"), Piece::Sync(2)]
        );
        assert_eq!(s.take(true), []);
    }

    #[test]
    fn text_waits_for_a_flush() {
        let mut s = splitter();
        s.push(b"hello");
        assert_eq!(s.take(false), []);
        assert_eq!(s.take(true), [text("hello")]);
    }

    #[test]
    fn a_sentinel_cut_by_a_read_waits_for_its_rest() {
        let mut s = splitter();
        s.push(b"x\0ma");
        assert_eq!(s.take(true), [text("x")]);
        s.push(b"rk:7");
        assert_eq!(s.take(true), []);
        s.push(b"\0y");
        assert_eq!(s.take(true), [Piece::Sync(7), text("y")]);
    }

    #[test]
    fn a_character_cut_by_a_read_waits_for_its_rest() {
        let mut s = splitter();
        let snowman = "☃".as_bytes();
        s.push(b"a");
        s.push(&snowman[..2]);
        assert_eq!(s.take(true), [text("a")]);
        s.push(&snowman[2..]);
        assert_eq!(s.take(true), [text("☃")]);
    }

    #[test]
    fn nul_bytes_that_are_not_sentinels_are_text() {
        let mut s = splitter();
        s.push(b"a\0b\0c");
        assert_eq!(s.take(true), [text("a\0b\0c")]);
    }
}
