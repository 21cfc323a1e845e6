//! Byte spans into the source text, and line/column lookup.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the parsed text. Both ends always
/// fall on UTF-8 character boundaries.
///
/// ```
/// let s = gangmu::Span::new(6, 12);
/// assert_eq!(s.len(), 6);
/// assert_eq!(&"一、总则"[s.range()], "总则");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// ```
    /// assert!(gangmu::Span::new(0, 0).is_empty());
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes (0 for a span that ends before it starts, which a tree
    /// read from JSON may hold).
    ///
    /// ```
    /// assert_eq!(gangmu::Span::new(2, 5).len(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(!gangmu::Span::new(2, 5).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range`, for slicing the source text.
    ///
    /// ```
    /// assert_eq!(&"abc"[gangmu::Span::new(1, 3).range()], "bc");
    /// ```
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies within this span.
    ///
    /// ```
    /// use gangmu::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 4)));
    /// ```
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps byte offsets to 1-based lines and columns (columns in characters), and
/// byte offsets to code-point offsets.
///
/// ```
/// let idx = gangmu::LineIndex::new("一、总则\n第一条　目的");
/// assert_eq!(idx.line_col("一、总则\n第一条　目的".find("第").unwrap()), (2, 1));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    text_len: usize,
    /// One word per 64-byte block of the text: bit `i` is set when byte `i` of
    /// the block starts a character.
    char_starts: Vec<u64>,
    /// Characters before each block (and, last, in the whole text), counted
    /// from the start of its group of [`GROUP_BLOCKS`] blocks. Together with
    /// `char_starts` and `group_before` this answers byte → code point in
    /// O(1) with about a fifth of the text's size in memory, whatever the
    /// script.
    chars_before: Vec<u32>,
    /// Characters before each group of [`GROUP_BLOCKS`] blocks.
    group_before: Vec<usize>,
}

/// Blocks of 64 bytes in a group of [`LineIndex`]: a group holds at most
/// 64 MiB, so a count within it fits a `u32`. (Four in the unit tests, so
/// that their texts cross groups.)
const GROUP_BLOCKS: usize = if cfg!(test) { 4 } else { 1 << 20 };

impl LineIndex {
    /// Indexes `text`. Lines end at `\n`, `\r\n` or a lone `\r`.
    ///
    /// ```
    /// let idx = gangmu::LineIndex::new("a\r\nb\rc");
    /// assert_eq!(idx.line_count(), 3);
    /// ```
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A `\r\n` pair ends one line, at its `\n`.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        let mut char_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut chars_before = Vec::with_capacity(bytes.len() / 64 + 2);
        let mut group_before = Vec::with_capacity(bytes.len() / (64 * GROUP_BLOCKS) + 2);
        let mut count = 0;
        // The count before block `chars_before.len()`, within its group.
        let mut push_count = |chars_before: &mut Vec<u32>, count: usize| {
            if chars_before.len() % GROUP_BLOCKS == 0 {
                group_before.push(count);
            }
            let base = group_before[chars_before.len() / GROUP_BLOCKS];
            chars_before.push(u32::try_from(count - base).expect("a group holds 64 MiB"));
        };
        let mut blocks = bytes.chunks_exact(64);
        for block in &mut blocks {
            let bits = char_start_bits(block);
            push_count(&mut chars_before, count);
            count += bits.count_ones() as usize;
            char_starts.push(bits);
        }
        let rest = blocks.remainder();
        if !rest.is_empty() {
            let mut block = [0u8; 64];
            block[..rest.len()].copy_from_slice(rest);
            let bits = char_start_bits(&block) & ((1u64 << rest.len()) - 1);
            push_count(&mut chars_before, count);
            count += bits.count_ones() as usize;
            char_starts.push(bits);
        }
        push_count(&mut chars_before, count);
        LineIndex {
            line_starts,
            text_len: text.len(),
            char_starts,
            chars_before,
            group_before,
        }
    }

    /// Number of lines (a trailing line break opens an empty last line).
    ///
    /// ```
    /// assert_eq!(gangmu::LineIndex::new("a\n").line_count(), 2);
    /// ```
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line of the byte `offset`.
    ///
    /// ```
    /// assert_eq!(gangmu::LineIndex::new("a\nb").line(2), 2);
    /// ```
    pub fn line(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based line and 1-based column (in characters) of the byte `offset`.
    ///
    /// ```
    /// let idx = gangmu::LineIndex::new("一二\n三");
    /// assert_eq!(idx.line_col(3), (1, 2));
    /// ```
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts[line - 1];
        let col = self.char_offset(offset) - self.char_offset(start) + 1;
        (line, col)
    }

    /// Byte offset where 1-based `line` starts.
    ///
    /// ```
    /// assert_eq!(gangmu::LineIndex::new("ab\ncd").line_start(2), Some(3));
    /// ```
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i).copied())
    }

    /// Code-point offset of the byte `offset` (which must be a char boundary).
    ///
    /// ```
    /// let idx = gangmu::LineIndex::new("一a二");
    /// assert_eq!(idx.char_offset(4), 2);
    /// ```
    pub fn char_offset(&self, offset: usize) -> usize {
        let offset = offset.min(self.text_len);
        let (block, bit) = (offset / 64, offset % 64);
        match self.char_starts.get(block) {
            Some(bits) => {
                let below = bits & ((1u64 << bit) - 1);
                self.chars_before(block) + below.count_ones() as usize
            }
            None => self.chars_before(block.min(self.chars_before.len() - 1)),
        }
    }

    /// Characters before 64-byte block `block` (the last: in the whole text).
    fn chars_before(&self, block: usize) -> usize {
        self.group_before[block / GROUP_BLOCKS] + self.chars_before[block] as usize
    }
}

/// Bit `i` set when byte `i` of a 64-byte block starts a character, that is,
/// is not a UTF-8 continuation byte (`10xxxxxx`): eight bytes at a time, each
/// byte's verdict in its top bit, gathered into one byte by a multiplication
/// (no two partial products share a bit, so nothing carries).
fn char_start_bits(block: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let mut bits = 0u64;
    for (k, word) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let continuation = w & !(w << 1) & HIGH;
        let starts = !continuation & HIGH;
        bits |= ((starts >> 7).wrapping_mul(GATHER) >> 56) << (8 * k);
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_offsets_hold_across_blocks_and_groups() {
        let text = "a一b😀c二\n三x\u{301}é\r\n𠮷".repeat(40);
        let idx = LineIndex::new(&text);
        assert!(text.len() > 64 * GROUP_BLOCKS * 3, "several groups");
        for (n, (i, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(i), n, "byte {i}");
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
        assert_eq!(idx.char_offset(text.len() + 5), text.chars().count());
    }

    #[test]
    fn char_start_bits_agree_with_a_byte_by_byte_scan() {
        let text = "a一b😀c二\n三x\u{301}é\r\n𠮷".repeat(9);
        for block in text.as_bytes().chunks_exact(64) {
            let slow = block
                .iter()
                .enumerate()
                .filter(|(_, &b)| b & 0xC0 != 0x80)
                .fold(0u64, |bits, (i, _)| bits | 1 << i);
            assert_eq!(char_start_bits(block), slow);
        }
        let all: Vec<u8> = (0..=255).chain(0..=255).take(512).collect();
        for block in all.chunks_exact(64) {
            let slow = block
                .iter()
                .enumerate()
                .filter(|(_, &b)| b & 0xC0 != 0x80)
                .fold(0u64, |bits, (i, _)| bits | 1 << i);
            assert_eq!(char_start_bits(block), slow, "every byte value");
        }
    }

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "a一b😀c二\n三x";
        let idx = LineIndex::new(text);
        for (cp, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(b), cp, "byte {b}");
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn char_offsets_hold_across_block_boundaries() {
        // 64-byte blocks: mix one-, three- and four-byte characters over many blocks,
        // with lengths that do and do not end on a block boundary.
        for n in [0, 1, 21, 64, 100, 333] {
            let text: String = "a一😀b\u{301}".chars().cycle().take(n).collect();
            let idx = LineIndex::new(&text);
            for (cp, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_offset(b), cp, "byte {b} of a {n}-char text");
            }
            assert_eq!(idx.char_offset(text.len()), text.chars().count());
        }
    }

    #[test]
    fn lines_split_on_all_three_line_endings() {
        let idx = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(7), 4);
    }
}
