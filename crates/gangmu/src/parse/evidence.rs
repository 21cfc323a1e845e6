//! Evidence about lines from outside the text — a .docx's paragraph styles
//! (`Title`, `Heading N` / `标题 N`, `w:outlineLvl`; headers and footers) — and
//! the small decisions the stages take on it. Evidence is never stronger than
//! a clear marker: a line that opens with a heading marker keeps the marker's
//! reading whatever its style says.
//!
//! Without hints (plain text) every function here decides nothing, so the
//! parse of text is unchanged.

use crate::text::char_len;
use crate::tree::NoiseKind;

use super::depth::LevelKey;
use super::{Decisions, LineKind, Page};

/// What the source says about one line of the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LineHint {
    /// Nothing.
    #[default]
    None,
    /// The paragraph is in the Title style.
    Title,
    /// The paragraph is in a heading style or has an outline level: 1–9.
    Heading(u8),
    /// A running header or footer (页眉, 页脚, page numbers): not the document.
    Noise,
    /// A footnote or endnote, put after the body: the body's end matter
    /// (署名, 成文日期) is sought before the notes.
    Note,
}

/// A styled title line is at most this long: a `Title` style on a long
/// paragraph is misuse, not a title (the longest 公文 title in the corpus,
/// a two-line 通知 title, has 76 characters).
const STYLED_TITLE_MAX_CHARS: usize = 120;

/// A line in a heading style is an unnumbered heading when it has at most
/// this many characters; longer, it is a paragraph put in a heading style
/// (drafts do that to get bold text).
const STYLED_HEADING_MAX_CHARS: usize = 80;

/// The hints of the page's lines.
pub(crate) struct Hints(Vec<LineHint>);

impl Hints {
    /// Maps `hints` — one per line of the text split at `\n` — onto the page's
    /// lines by byte position (the page also splits at `\r`: such lines take
    /// the hint of the `\n`-line they lie in). No hints: no evidence.
    pub fn for_page(page: &Page<'_>, hints: &[LineHint]) -> Hints {
        if hints.is_empty() {
            return Hints(Vec::new());
        }
        let mut out = Vec::with_capacity(page.len());
        let mut k = 0;
        let mut next_break = memchr::memchr(b'\n', page.text.as_bytes()).unwrap_or(page.text.len());
        for line in &page.lines {
            while line.start > next_break {
                k += 1;
                next_break = memchr::memchr(b'\n', &page.text.as_bytes()[next_break + 1..])
                    .map_or(page.text.len(), |j| next_break + 1 + j);
            }
            out.push(hints.get(k).copied().unwrap_or_default());
        }
        Hints(out)
    }

    fn get(&self, i: usize) -> LineHint {
        self.0.get(i).copied().unwrap_or_default()
    }

    /// Where the document's own text ends: the first of the trailing lines
    /// that are notes, headers, footers or blank (the page's length without
    /// hints).
    pub fn story_end(&self, page: &Page<'_>) -> usize {
        let mut end = page.len();
        if self.0.is_empty() {
            return end;
        }
        while end > 0
            && (matches!(self.get(end - 1), LineHint::Note | LineHint::Noise)
                || page.is_blank(end - 1))
        {
            end -= 1;
        }
        end
    }

    /// The heading level a style gives line `i`.
    pub fn heading_level(&self, i: usize) -> Option<u8> {
        match self.get(i) {
            LineHint::Heading(n) => Some(n),
            _ => None,
        }
    }
}

/// After line classes: running headers and footers are noise, whatever they
/// say (a header `XX市人民政府文件` is not the issuer mark of the text).
pub(crate) fn noise(hints: &Hints, kinds: &[LineKind]) -> Decisions {
    kinds
        .iter()
        .enumerate()
        .filter(|&(i, k)| *k != LineKind::Blank && hints.get(i) == LineHint::Noise)
        .map(|(i, _)| (i, LineKind::Noise(NoiseKind::PageNumber)))
        .collect()
}

/// For the front matter: a body line in the Title style can be the title
/// even where the text alone says no (a title ending in `。` in a draft). A
/// line in a heading style is never the title (front.rs asks
/// [`Hints::heading_level`]).
pub(crate) fn styled_title(hints: &Hints, page: &Page<'_>, kind: LineKind, i: usize) -> bool {
    kind == LineKind::Body
        && hints.get(i) == LineHint::Title
        && (1..=STYLED_TITLE_MAX_CHARS).contains(&char_len(page.content(i)))
}

/// For the body: a body line in a heading style is an unnumbered heading.
pub(crate) fn styled_heading(hints: &Hints, page: &Page<'_>, i: usize) -> bool {
    hints.heading_level(i).is_some()
        && (1..=STYLED_HEADING_MAX_CHARS).contains(&char_len(page.content(i)))
}

/// For depths: a heading styled at outline level `level` closes every open
/// level except styled headings of a higher (smaller) level, as Word's
/// outline does, and opens its own; numbered headings after it nest under it.
pub(crate) fn open_styled(stack: &mut Vec<LevelKey>, last: &mut Vec<u32>, level: u8) {
    while let Some(&top) = stack.last() {
        if matches!(top, LevelKey::Styled(m) if m < level) {
            break;
        }
        stack.pop();
        last.pop();
    }
    stack.push(LevelKey::Styled(level));
    last.push(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_the_lines_by_position() {
        let page = Page::new("甲\r乙\n丙\n\n丁");
        let hints = Hints::for_page(
            &page,
            &[
                LineHint::Title,
                LineHint::Heading(2),
                LineHint::None,
                LineHint::Noise,
            ],
        );
        // 甲 and 乙 share the first \n-line.
        assert_eq!(
            hints.0,
            [
                LineHint::Title,
                LineHint::Title,
                LineHint::Heading(2),
                LineHint::None,
                LineHint::Noise
            ]
        );
        assert!(Hints::for_page(&page, &[]).0.is_empty());
    }

    use super::super::parse_document_with;
    use crate::tree::{MetaKind, Node};
    use LineHint::{Heading as H, None as N};

    fn outline(text: &str, hints: &[LineHint]) -> Vec<(u32, String)> {
        let doc = parse_document_with(text, hints);
        doc.headings().map(|h| (h.depth, h.label(text))).collect()
    }

    #[test]
    fn a_title_style_makes_a_title_the_text_alone_would_not() {
        // A comma: the text alone reads a sentence, the style says title.
        let text = "关于申请购置设备的请示，妥否。\n县财政局：\n现申请购置设备。\n";
        let plain = parse_document_with(text, &[]);
        assert_eq!(plain.title_text(), Option::None);
        let styled = parse_document_with(text, &[LineHint::Title, N, N]);
        assert_eq!(styled.title_text(), Some("关于申请购置设备的请示，妥否。"));
        // A clear marker wins over the style.
        let marked = parse_document_with("一、总则\n正文。\n", &[LineHint::Title, N]);
        assert_eq!(marked.title_text(), Option::None);
        assert_eq!(marked.headings().count(), 1);
    }

    #[test]
    fn heading_styles_make_unnumbered_headings_at_their_levels() {
        let text = "总则\n正文。\n适用范围\n正文。\n一、本市\n（一）城区\n管理职责\n正文。\n";
        let hints = [H(1), N, H(2), N, N, N, H(1), N];
        assert_eq!(
            outline(text, &hints),
            [
                (1, "总则".to_string()),
                (2, "适用范围".to_string()),
                (3, "一、本市".to_string()),
                (4, "（一）城区".to_string()),
                (1, "管理职责".to_string()),
            ]
        );
        // Without the styles, the same lines are body text.
        assert_eq!(outline(text, &[]).len(), 2);
        // A style never changes a marker's reading: 一、 stays a heading of its family.
        let doc = parse_document_with("一、总则\n正文。\n", &[H(3), N]);
        let h = doc.headings().next().unwrap();
        assert_eq!((h.depth, h.level), (1, Some(1)));
        // A long paragraph put in a heading style stays a paragraph.
        let long = "为".repeat(STYLED_HEADING_MAX_CHARS + 1) + "。\n";
        assert_eq!(outline(&long, &[H(1)]).len(), 0);
    }

    #[test]
    fn headers_footers_are_noise_and_end_matter_comes_before_the_notes() {
        let text = "关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\nXX县人民政府\n2024年9月30日\n\n1注释。\n\nXX县人民政府文件\n\n— 1 —\n";
        let hints = [
            N,
            N,
            N,
            N,
            N,
            N,
            N,
            N,
            LineHint::Note,
            LineHint::Note,
            LineHint::Noise,
            LineHint::Noise,
            LineHint::Noise,
            LineHint::Noise,
        ];
        let doc = parse_document_with(text, &hints);
        let kinds: Vec<String> = doc
            .children
            .iter()
            .filter_map(|n| match n {
                Node::Meta(m) => Some(format!("{:?}", m.kind)),
                Node::Noise(_) => Some("noise".into()),
                _ => Option::None,
            })
            .collect();
        assert_eq!(kinds, ["Addressee", "Signature", "Date", "noise", "noise"]);
        assert!(doc
            .children
            .iter()
            .any(|n| matches!(n, Node::Meta(m) if m.kind == MetaKind::Date)));
    }
}
