//! lines: byte offset -> 1-based line number, so that every fact can carry its line.

use std::cell::Cell;

/// Lines of byte offsets asked for in increasing order, as the markdown reader asks for them
/// (document order): the newlines between one offset and the next are counted (one SIMD pass
/// over the page in all) instead of indexing every line start first, which cost an allocation
/// and a call per line of every page. An offset before the last one is counted from the start.
pub struct LineCursor<'t> {
    text: &'t [u8],
    /// The last offset asked for (clamped to the text) and its line.
    at: Cell<(usize, u32)>,
}

impl<'t> LineCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        LineCursor { text: text.as_bytes(), at: Cell::new((0, 1)) }
    }

    /// 1-based line of `offset`; offsets past the end map to the last line (as [`LineIndex`]).
    pub fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        let (from, line) = match self.at.get() {
            (at, line) if at <= offset => (at, line),
            _ => (0, 1),
        };
        let newlines = memchr::memchr_iter(b'\n', &self.text[from..offset]).count();
        let line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.at.set((offset, line));
        line
    }
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Every page is indexed once; memchr's SIMD scan is several times faster here than
        // `match_indices('\n')`. Counting first (another SIMD pass) sizes the index exactly:
        // growing it by doubling copied it about twice over.
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The start offset of every line, in order (the first is 0).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line of `offset`; offsets past the end map to the last line.
    pub fn line(&self, offset: usize) -> u32 {
        let idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        u32::try_from(idx + 1).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        let cases = [(0, 1), (1, 1), (2, 1), (3, 2), (6, 3), (7, 4), (100, 4)];
        for (offset, line) in cases {
            assert_eq!(idx.line(offset), line, "offset {offset}");
        }
        assert_eq!(LineIndex::new("").line(0), 1);
    }

    #[test]
    fn cursor_agrees_with_the_index_in_any_order() {
        let text = "ab\ncd\n\nef\n";
        let idx = LineIndex::new(text);
        let cursor = LineCursor::new(text);
        for offset in [0, 1, 3, 3, 6, 7, 100, 2, 8, 0, 11, 12, 13] {
            assert_eq!(cursor.line(offset), idx.line(offset), "offset {offset}");
        }
        assert_eq!(LineCursor::new("").line(5), 1);
    }
}
