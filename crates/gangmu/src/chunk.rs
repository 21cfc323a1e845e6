//! Structure-aware chunks for retrieval: pieces of a document no longer than a
//! limit, cut along its structure, each with the headings it sits under.
//!
//! A chunk never crosses a section boundary unless a section is larger than the
//! limit; then the section is cut between its paragraphs, a paragraph larger
//! than the limit between its sentences, and a sentence larger than the limit
//! every `max_chars` characters. Web noise (page numbers, site chrome, tables of
//! contents) never ends up in a chunk, and chunks do not run across it.
//!
//! ```
//! let text = "关于做好工作的通知\n\n一、工作开展情况\n（一）周密部署。要加强领导。\n（二）狠抓落实。要强化督导。\n二、下一步打算\n继续推进。\n";
//! let doc = gangmu::parse(text);
//! let chunks = gangmu::chunk::chunks(text, &doc, 20, 0);
//! assert_eq!(chunks[2].text(text), "（一）周密部署。要加强领导。");
//! assert_eq!(chunks[2].heading_path, ["一、工作开展情况", "（一）周密部署"]);
//! ```

use serde::Serialize;

use crate::span::{LineIndex, Span};
use crate::tree::{Document, Node};

/// One chunk: a span of the source text and the labels of the headings that
/// govern it, outermost first (`["一、工作开展情况", "（一）周密部署"]`).
///
/// ```
/// let text = "一、总则\n正文。\n二、附则\n附文。\n";
/// let chunks = gangmu::chunk::chunks(text, &gangmu::parse(text), 10, 0);
/// assert_eq!(chunks[0].text(text), "一、总则\n正文。");
/// assert_eq!(chunks[0].heading_path, ["一、总则"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chunk {
    /// Byte span of the chunk in the source, without surrounding whitespace.
    pub span: Span,
    /// Labels (marker and title) of the enclosing headings, outermost first;
    /// empty before the first heading.
    pub heading_path: Vec<String>,
}

impl Chunk {
    /// The chunk's text, sliced from the source it was made from.
    ///
    /// ```
    /// let text = "正文。";
    /// let c = &gangmu::chunk::chunks(text, &gangmu::parse(text), 10, 0)[0];
    /// assert_eq!(c.text(text), "正文。");
    /// ```
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.range()]
    }
}

/// The label a section or attachment contributes to heading paths: the label
/// of its heading ([`Heading::label`](crate::Heading::label)), or for an attachment its title (`附件`
/// when it has none). `None` for other nodes.
///
/// ```
/// let text = "一、总则\n正文。";
/// let doc = gangmu::parse(text);
/// assert_eq!(gangmu::chunk::section_label(text, &doc.children[0]).as_deref(), Some("一、总则"));
/// ```
pub fn section_label(text: &str, node: &Node) -> Option<String> {
    match node {
        Node::Section(s) => s.heading().map(|h| h.label(text)),
        Node::Attachment(a) => Some(
            a.title()
                .map_or_else(|| "附件".to_string(), |t| t.text.clone()),
        ),
        _ => None,
    }
}

/// Cuts `doc` (parsed from `text`) into chunks of at most `max_chars`
/// characters (code points), in document order.
///
/// Where a section has to be cut, consecutive pieces of it share `overlap`
/// characters: each piece after the first starts `overlap` characters before
/// the end of the previous one (never before the run of text it was cut from),
/// and pieces are packed to `max_chars - overlap` so that no chunk exceeds
/// `max_chars`. Chunks made of whole sections do not overlap. `max_chars` is at
/// least 1 and `overlap` at most `max_chars - 1`; other values are clamped.
///
/// ```
/// let text = "一、总则\n第一句话。第二句话。第三句话。\n";
/// let doc = gangmu::parse(text);
/// let chunks = gangmu::chunk::chunks(text, &doc, 13, 3);
/// let texts: Vec<&str> = chunks.iter().map(|c| c.text(text)).collect();
/// assert_eq!(texts, ["一、总则\n第一句话。", "句话。第二句话。第三句话。"]);
/// assert!(chunks.iter().all(|c| c.heading_path == ["一、总则"]));
/// ```
pub fn chunks(text: &str, doc: &Document, max_chars: usize, overlap: usize) -> Vec<Chunk> {
    let max = max_chars.max(1);
    let mut cx = Chunker {
        text,
        index: LineIndex::new(text),
        max,
        overlap: overlap.min(max - 1),
        out: Vec::new(),
        path: Vec::new(),
    };
    let whole = cx.trim(doc.span);
    if whole.is_empty() {
        return cx.out;
    }
    // The document itself is not a section: its top-level sections are never
    // merged into one chunk, even when the whole text would fit.
    cx.container(&doc.children);
    cx.out
}

fn has_noise(node: &Node) -> bool {
    // Sections nest by marker family, so the depth is bounded by the number of
    // families, not by the input.
    matches!(node, Node::Noise(_)) || node.children().iter().any(has_noise)
}

struct Chunker<'a> {
    text: &'a str,
    index: LineIndex,
    max: usize,
    overlap: usize,
    out: Vec<Chunk>,
    path: Vec<String>,
}

impl Chunker<'_> {
    fn chars(&self, span: Span) -> usize {
        self.index.char_offset(span.end) - self.index.char_offset(span.start)
    }

    /// `span` without leading and trailing whitespace (U+3000 included).
    fn trim(&self, span: Span) -> Span {
        let s = &self.text[span.range()];
        let start = span.start + (s.len() - s.trim_start().len());
        let end = span.start + s.trim_end().len();
        if start >= end {
            Span::new(start, start)
        } else {
            Span::new(start, end)
        }
    }

    fn emit(&mut self, span: Span) {
        if !span.is_empty() {
            self.out.push(Chunk {
                span,
                heading_path: self.path.clone(),
            });
        }
    }

    /// The children of a document, section or attachment: runs of blocks
    /// separated by subsections and noise.
    fn container(&mut self, children: &[Node]) {
        let mut run: Vec<Span> = Vec::new();
        for child in children {
            match child {
                Node::Blank(_) => {}
                Node::Noise(_) => self.flush(&mut run),
                Node::Section(_) | Node::Attachment(_) => {
                    self.flush(&mut run);
                    self.section(child);
                }
                _ => {
                    let span = self.trim(child.span());
                    if !span.is_empty() {
                        run.push(span);
                    }
                }
            }
        }
        self.flush(&mut run);
    }

    fn section(&mut self, node: &Node) {
        let label = section_label(self.text, node).unwrap_or_default();
        self.path.push(label);
        let span = self.trim(node.span());
        if self.chars(span) <= self.max && !has_noise(node) {
            self.emit(span);
        } else {
            self.container(node.children());
        }
        self.path.pop();
    }

    /// Emits a run of contiguous blocks: whole when it fits, otherwise packed
    /// from paragraphs, sentences or hard cuts, with overlap between pieces.
    fn flush(&mut self, run: &mut Vec<Span>) {
        let Some((first, last)) = run.first().zip(run.last()) else {
            return;
        };
        let whole = Span::new(first.start, last.end);
        if self.chars(whole) <= self.max {
            self.emit(whole);
            run.clear();
            return;
        }
        let budget = self.max - self.overlap;
        let mut atoms = Vec::new();
        for &block in run.iter() {
            if self.chars(block) <= budget {
                atoms.push(block);
            } else {
                for sentence in self.sentences(block) {
                    if self.chars(sentence) <= budget {
                        atoms.push(sentence);
                    } else {
                        self.hard_cut(sentence, budget, &mut atoms);
                    }
                }
            }
        }
        let mut pieces: Vec<Span> = Vec::new();
        for atom in atoms {
            match pieces.last_mut() {
                Some(p) if self.chars(Span::new(p.start, atom.end)) <= budget => p.end = atom.end,
                _ => pieces.push(atom),
            }
        }
        let mut previous_start = whole.start;
        for (i, piece) in pieces.iter().enumerate() {
            let start = if i == 0 || self.overlap == 0 {
                piece.start
            } else {
                self.back(piece.start, self.overlap, previous_start)
            };
            previous_start = piece.start;
            let span = self.trim(Span::new(start, piece.end));
            self.emit(span);
        }
        run.clear();
    }

    /// The byte offset `n` characters before `at`, but not before `floor`.
    fn back(&self, at: usize, n: usize, floor: usize) -> usize {
        self.text[floor..at]
            .char_indices()
            .rev()
            .nth(n - 1)
            .map(|(i, _)| floor + i)
            .unwrap_or(floor)
    }

    /// A block cut after each sentence end (。！？；!?; and line breaks), closing
    /// quotes and brackets staying with their sentence.
    fn sentences(&self, block: Span) -> Vec<Span> {
        let s = &self.text[block.range()];
        let mut out = Vec::new();
        let mut start = 0;
        let mut ended = false;
        for (i, c) in s.char_indices() {
            let closer = matches!(c, '”' | '’' | '」' | '』' | '》' | '）' | ')' | '"' | '\'');
            if ended && !closer {
                out.push(Span::new(block.start + start, block.start + i));
                start = i;
                ended = false;
            }
            if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
                ended = true;
            }
        }
        out.push(Span::new(block.start + start, block.end));
        out.into_iter()
            .map(|s| self.trim(s))
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn hard_cut(&self, span: Span, budget: usize, atoms: &mut Vec<Span>) {
        let mut start = span.start;
        for (n, (i, _)) in self.text[span.range()].char_indices().enumerate() {
            if n > 0 && n % budget == 0 {
                atoms.push(Span::new(start, span.start + i));
                start = span.start + i;
            }
        }
        atoms.push(Span::new(start, span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, max: usize, overlap: usize) -> Vec<(String, Vec<String>)> {
        chunks(text, &crate::parse(text), max, overlap)
            .into_iter()
            .map(|c| (c.text(text).to_string(), c.heading_path))
            .collect()
    }

    #[test]
    fn top_level_sections_are_never_merged_even_when_the_document_fits() {
        let text = "关于开展检查的通知\n\n一、检查内容\n正文。\n二、工作要求\n要求。\n";
        let out = texts(text, 1000, 0);
        let paths: Vec<&Vec<String>> = out.iter().map(|c| &c.1).collect();
        assert_eq!(
            paths,
            [
                &vec![],
                &vec!["一、检查内容".to_string()],
                &vec!["二、工作要求".to_string()]
            ]
        );
        assert_eq!(
            out[0].0, "关于开展检查的通知",
            "the front matter is a chunk of its own"
        );
    }

    #[test]
    fn sections_that_fit_are_kept_whole_with_their_path() {
        let text = "一、工作开展情况\n（一）周密部署，认真落实主体责任。要加强领导。\n（二）狠抓落实。要强化督导。\n二、下一步\n继续推进。\n";
        let out = texts(text, 30, 0);
        let paths: Vec<_> = out.iter().map(|c| c.1.clone()).collect();
        assert_eq!(
            paths,
            [
                vec!["一、工作开展情况".to_string()],
                vec![
                    "一、工作开展情况".to_string(),
                    "（一）周密部署，认真落实主体责任".to_string()
                ],
                vec!["一、工作开展情况".to_string(), "（二）狠抓落实".to_string()],
                vec!["二、下一步".to_string()],
            ],
            "should give each chunk the headings above it, run-in full stop removed"
        );
        assert_eq!(
            out[0].0, "一、工作开展情况",
            "the heading line alone opens the section"
        );
        assert_eq!(out[3].0, "二、下一步\n继续推进。");
    }

    #[test]
    fn no_chunk_exceeds_the_limit_and_overlap_stays_inside_the_run() {
        let sentence = "这是一个用来测试切分的句子。";
        let text = format!(
            "一、总则\n{}\n二、附则\n{}\n",
            sentence.repeat(20),
            sentence.repeat(3)
        );
        for (max, overlap) in [(10, 0), (30, 5), (50, 20), (7, 6)] {
            let out = chunks(&text, &crate::parse(&text), max, overlap);
            for c in &out {
                assert!(
                    c.text(&text).chars().count() <= max,
                    "chunk {:?} should fit in {max}",
                    c.text(&text)
                );
                assert!(!c.heading_path.is_empty());
            }
            let second = text.find("二、").unwrap();
            assert!(
                out.iter()
                    .all(|c| c.span.end <= second || c.span.start >= second),
                "no chunk should cross from one section into the next"
            );
        }
    }

    #[test]
    fn noise_is_left_out_of_chunks() {
        let text = "一、总则\n第一段。\n-2-\n第二段。\n";
        let out = texts(text, 1000, 0);
        assert!(out.iter().all(|c| !c.0.contains("-2-")), "{out:?}");
        assert_eq!(out.len(), 2, "the page number should split the section");
    }

    #[test]
    fn empty_and_blank_inputs_give_no_chunk() {
        assert!(texts("", 10, 0).is_empty());
        assert!(texts("\n\n　　\n", 10, 0).is_empty());
    }
}
