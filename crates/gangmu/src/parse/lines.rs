//! Lines of the input and what surrounds their text: indentation, Markdown
//! markup, glued page numbers, trailing white space and line breaks.

use crate::text::is_space;

/// One line of the input with the byte offsets of its parts:
/// `start ≤ content_start ≤ content_end ≤ end ≤ next`.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// First byte of the line.
    pub start: usize,
    /// Start of the text after indentation, markup and a glued page number.
    pub content_start: usize,
    /// End of the text before trailing white space and closing markup.
    pub content_end: usize,
    /// End of the line before its line break.
    pub end: usize,
    /// Start of the next line (after the line break).
    pub next: usize,
    /// A glued page number at the start (`-2-第四条`), as a byte range.
    pub page_prefix: Option<(usize, usize)>,
    /// The line opened with Markdown heading markup (`#`, `##`…): its level.
    pub md_heading: u8,
    /// The text is wrapped in bold markup (`**…**`).
    pub bold: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content_start >= self.content_end
    }

    /// Blank with nothing but ordinary white space (no zero-width characters).
    pub fn is_empty_in(&self, text: &str) -> bool {
        self.is_blank()
            && text[self.start..self.end]
                .chars()
                .all(|c| c.is_whitespace() || c == '\u{3000}')
    }

    pub fn content<'a>(&self, text: &'a str) -> &'a str {
        &text[self.content_start..self.content_end]
    }
}

fn skip_spaces(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = match text[i..end].chars().next() {
            Some(c) => c,
            None => break,
        };
        if is_space(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn trim_end_spaces(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        let c = match text[start..end].chars().next_back() {
            Some(c) => c,
            None => break,
        };
        if is_space(c) || c == '\\' {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Emoji and pictographic symbols that decorate the start of a line
/// (`🌟`, `✅`, `★`, `⭐`, `📌`), with the variation selector that follows
/// some of them.
fn is_decoration(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D | 0x1F000..=0x1F2FF)
}

/// A page number glued to the start of a line: `-12-`, `—2—`, `－3－`.
fn glued_page_number(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, c0) = chars.next()?;
    if !matches!(c0, '-' | '—' | '－' | '–') {
        return None;
    }
    let mut digits = 0;
    for (i, c) in chars {
        if c.is_ascii_digit() && digits < 3 {
            digits += 1;
        } else if digits > 0 && matches!(c, '-' | '—' | '－' | '–') {
            let end = i + c.len_utf8();
            // `-2024-08-28` is a date, not a page number.
            return (!s[end..].starts_with(|d: char| d.is_ascii_digit())).then_some(end);
        } else {
            return None;
        }
    }
    None
}

/// Splits `text` into lines on `\n`, `\r\n` and `\r`, and finds each line's
/// content. One pass; no allocation besides the result.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let n = bytes.len();
    while start < n || (start == n && lines.is_empty()) {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(n, |k| start + k);
        let next = if end < n && bytes[end] == b'\r' && end + 1 < n && bytes[end + 1] == b'\n' {
            end + 2
        } else if end < n {
            end + 1
        } else {
            end
        };
        lines.push(analyse(text, start, end, next));
        if next == start {
            break;
        }
        start = next;
    }
    lines
}

/// The line of `text` that holds byte `pos` (the start of a node, say), as
/// [`split_lines`] would have read it.
pub(crate) fn line_at(text: &str, pos: usize) -> Line {
    let (start, end) = line_bounds(text, pos);
    analyse(text, start, end, end)
}

/// Where the line holding byte `pos` of `text` starts and where its line
/// break (or the text) begins. Line breaks are ASCII, so a byte search finds
/// them; a search for a set of characters decodes every character before.
pub(crate) fn line_bounds(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let bytes = text.as_bytes();
    let start = memchr::memrchr2(b'\n', b'\r', &bytes[..pos]).map_or(0, |k| k + 1);
    let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(text.len(), |k| start + k);
    (start, end)
}

/// The last line of a node whose span ends at `end` (after the line break
/// of its last line, as paragraphs and noise do).
pub(crate) fn line_ending_at(text: &str, end: usize) -> Line {
    let end = text[..end.min(text.len())]
        .trim_end_matches(['\n', '\r'])
        .len();
    line_at(text, end)
}

fn analyse(text: &str, start: usize, end: usize, next: usize) -> Line {
    let mut cs = skip_spaces(text, start, end);
    // Most lines open with an ideograph (lead byte E4–E9): none of the
    // markup below (`#`, `>`, decoration, `*`/`_`, a glued page number) can
    // open them.
    if cs < end && (0xE4..=0xE9).contains(&text.as_bytes()[cs]) {
        let ce = trim_end_spaces(text, cs, end);
        return Line {
            start,
            content_start: cs,
            content_end: ce.max(cs),
            end,
            next,
            page_prefix: None,
            md_heading: 0,
            bold: false,
        };
    }
    let mut md_heading = 0u8;
    // Markdown heading markup: up to six `#` then a space.
    let hashes = text[cs..end].bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes)
        && text[cs + hashes..end]
            .chars()
            .next()
            .is_some_and(|c| c == ' ' || c == '\u{3000}')
    {
        md_heading = hashes as u8;
        cs = skip_spaces(text, cs + hashes, end);
    }
    // Block quote markers.
    while text[cs..end].starts_with('>') {
        cs = skip_spaces(text, cs + 1, end);
    }
    // Decoration before the text: emoji and symbols (`🌟一、`, `✅二、`, `★`).
    let decorated = text[cs..end]
        .char_indices()
        .find(|&(_, c)| !is_decoration(c))
        .map_or(0, |(k, _)| k);
    if decorated > 0 && cs + decorated < end {
        cs = skip_spaces(text, cs + decorated, end);
    }
    let mut ce = trim_end_spaces(text, cs, end);
    let mut bold = false;
    // Bold markup around the whole text: `**一、…**`, also `__…__`.
    for m in ["**", "__", "*", "_"] {
        if text[cs..ce].starts_with(m) && text[cs..ce].ends_with(m) && ce - cs > 2 * m.len() {
            // Bold (`**…**`) or emphasis (`*…*`) around the whole text.
            bold = m.len() == 2;
            cs = skip_spaces(text, cs + m.len(), ce);
            ce = trim_end_spaces(text, cs, ce - m.len());
            break;
        }
    }
    if !bold && text[cs..ce].starts_with("**") {
        // `**一、总则**其他` or a bold lead-in: skip the opening markup only.
        if let Some(close) = text[cs + 2..ce].find("**") {
            if close > 0 {
                bold = true;
                cs += 2;
            }
        }
    }
    let mut page_prefix = None;
    if let Some(len) = glued_page_number(&text[cs..ce]) {
        if cs + len < ce {
            page_prefix = Some((cs, cs + len));
            cs = skip_spaces(text, cs + len, ce);
        }
    }
    Line {
        start,
        content_start: cs,
        content_end: ce.max(cs),
        end,
        next,
        page_prefix,
        md_heading,
        bold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        split_lines(text).iter().map(|l| l.content(text)).collect()
    }

    #[test]
    fn splits_on_every_line_ending_and_keeps_every_byte() {
        let text = "a\r\nb\rc\n\nd";
        let lines = split_lines(text);
        assert_eq!(contents(text), ["a", "b", "c", "", "d"]);
        let mut at = 0;
        for l in &lines {
            assert_eq!(l.start, at);
            at = l.next;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn strips_indentation_markup_and_glued_page_numbers() {
        let text = "\u{3000}\u{3000}## 第一章 总则\n**一、总体要求**\n-2-第四条　目的\n> 引文  \n";
        assert_eq!(
            contents(text),
            ["第一章 总则", "一、总体要求", "第四条　目的", "引文"]
        );
        let lines = split_lines(text);
        assert_eq!(lines[0].md_heading, 2);
        assert!(lines[1].bold);
        assert!(lines[2].page_prefix.is_some());
    }

    #[test]
    fn handles_empty_input() {
        let lines = split_lines("");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].next, 0);
    }
}
