//! Stage 9, the tree: nodes from the decided line kinds and depths, built in
//! one pass with an explicit stack of open sections and attachments.

use crate::chrome;
use crate::marker::{Marker, MarkerFamily};
use crate::span::Span;
use crate::text::is_space;
use crate::tree::{
    Attachment, Blank, Continuation, Entry, Heading, Meta, MetaKind, Node, Noise, NoiseKind,
    Paragraph, Section, Subtitle, Title,
};

use super::wrap::paragraph_end;
use super::{LineKind, Page, Segments};

/// The tree, and where each paragraph's text ends.
pub(crate) struct Tree {
    /// The top-level nodes.
    pub nodes: Vec<Node>,
    /// For every paragraph node, in document order: where its text ends
    /// (before the trailing white space and line break of its last line).
    pub paragraphs: Vec<usize>,
}

/// Builds the tree.
pub(crate) fn tree(
    page: &Page<'_>,
    kinds: &[LineKind],
    markers: &[Marker],
    depths: &[Option<u32>],
    segments: &Segments,
) -> Tree {
    let n = page.len();
    // Lines that open an entry, an attachment or an end matter, as flags: a
    // lookup per line must not cost a scan of the lists. A page with one
    // document has no entries.
    let mut opens_entry = vec![false; n];
    if segments.documents.len() > 1 {
        for &d in &segments.documents {
            opens_entry[d] = true;
        }
    }
    let mut opens_attachment = vec![false; n];
    for &a in &segments.attachments {
        opens_attachment[a] = true;
    }
    let mut opens_end_matter = vec![false; n];
    for &e in &segments.end_matters {
        opens_end_matter[e] = true;
    }
    for (k, &entry) in opens_entry.iter().enumerate() {
        opens_attachment[k] |= entry;
    }
    let mut t = TreeBuilder {
        page,
        kinds,
        markers,
        depths,
        opens_attachment,
        opens_end_matter,
        b: Builder::default(),
        paragraphs: Vec::new(),
    };
    let mut i = 0;
    while i < n {
        let line = &page.lines[i];
        if opens_entry[i] {
            t.b.open_entry(line.start);
        } else if t.opens_attachment[i] {
            t.b.open_attachment(line.start);
        }
        if t.opens_end_matter[i] {
            t.b.close_sections();
        }
        i = match kinds[i] {
            LineKind::Blank => t.blank_lines(i),
            LineKind::Noise(k) => t.noise_lines(i, k),
            LineKind::Title => t.title(i),
            LineKind::Continuation => {
                t.b.leaf(Node::Continuation(Continuation {
                    span: Span::new(line.start, line.next),
                }));
                i + 1
            }
            LineKind::Subtitle => {
                t.b.leaf(Node::Subtitle(Subtitle {
                    span: Span::new(line.start, line.next),
                    text: clean_text(page.content(i)),
                }));
                i + 1
            }
            LineKind::Meta(k) => t.element(i, k),
            LineKind::Heading(m) => t.heading(i, m),
            LineKind::Body => {
                let start = t.page_prefix(i);
                let last = paragraph_end(page, |k| kinds[k], i);
                t.paragraph(start, last);
                last + 1
            }
        };
    }
    Tree {
        nodes: t.b.finish(),
        paragraphs: t.paragraphs,
    }
}

/// The tree being built, and what it is built from. Each method takes the
/// line where a node starts and returns the line after it.
struct TreeBuilder<'p, 'a> {
    page: &'p Page<'a>,
    kinds: &'p [LineKind],
    markers: &'p [Marker],
    depths: &'p [Option<u32>],
    opens_attachment: Vec<bool>,
    opens_end_matter: Vec<bool>,
    b: Builder,
    paragraphs: Vec<usize>,
}

impl TreeBuilder<'_, '_> {
    /// A run of blank lines, up to a line that opens an attachment or an end
    /// matter.
    fn blank_lines(&mut self, i: usize) -> usize {
        let n = self.page.len();
        let mut j = i;
        while j + 1 < n
            && self.kinds[j + 1] == LineKind::Blank
            && !self.opens_attachment[j + 1]
            && !self.opens_end_matter[j + 1]
        {
            j += 1;
        }
        self.b.leaf(Node::Blank(Blank {
            span: Span::new(self.page.lines[i].start, self.page.lines[j].next),
        }));
        j + 1
    }

    /// A run of noise lines of one kind.
    fn noise_lines(&mut self, i: usize, kind: NoiseKind) -> usize {
        let n = self.page.len();
        let mut j = i;
        while j + 1 < n
            && self.kinds[j + 1] == LineKind::Noise(kind)
            && !self.opens_attachment[j + 1]
        {
            j += 1;
        }
        self.b.leaf(Node::Noise(Noise {
            span: Span::new(self.page.lines[i].start, self.page.lines[j].next),
            kind,
        }));
        j + 1
    }

    /// Title lines with their hard-wrapped tails (continuations), and the
    /// blank lines between them: one node, whose text joins them.
    fn title(&mut self, i: usize) -> usize {
        let (page, kinds, n) = (self.page, self.kinds, self.page.len());
        let part = |k: usize| matches!(kinds[k], LineKind::Title | LineKind::Continuation);
        let mut j = i;
        let mut k = i + 1;
        while k < n && (part(k) || kinds[k] == LineKind::Blank) && !self.opens_attachment[k] {
            if part(k) {
                j = k;
            }
            k += 1;
        }
        // A collection's separator as the title (`某某讲话稿 篇1`): its name.
        let content = |x: usize| {
            let c = page.content(x);
            match chrome::collection_separator(c).and_then(|s| s.name) {
                Some((a, b)) if x == i => &c[a..b],
                _ => c,
            }
        };
        let title_text: String = (i..=j).filter(|&x| part(x)).map(content).collect();
        self.b.leaf(Node::Title(Title {
            span: Span::new(page.lines[i].start, page.lines[j].next),
            text: clean_text(&title_text),
        }));
        j + 1
    }

    /// A document element; a 主送机关 over several lines stays one.
    fn element(&mut self, i: usize, kind: MetaKind) -> usize {
        let (page, n) = (self.page, self.page.len());
        let mut j = i;
        while kind == MetaKind::Addressee
            && j + 1 < n
            && self.kinds[j + 1] == LineKind::Meta(MetaKind::Addressee)
        {
            j += 1;
        }
        let start = self.page_prefix(i);
        let t: String = (i..=j).map(|x| page.content(x)).collect();
        self.b.leaf(Node::Meta(Meta {
            span: Span::new(start, page.lines[j].next),
            kind,
            text: clean_text(&t),
        }));
        j + 1
    }

    /// A heading opens a section; the body text of a run-in heading follows
    /// as a paragraph.
    fn heading(&mut self, i: usize, marker: Option<super::MarkerId>) -> usize {
        let (page, kinds) = (self.page, self.kinds);
        let depth = self.depths[i].unwrap_or(1);
        let start = self.page_prefix(i);
        let marker = marker.map(|id| id.get(self.markers));
        let (heading, rest) = heading_node(page, kinds, i, start, marker, depth);
        self.b.open_section(depth, heading);
        match rest {
            Some(rest_start) => {
                let last = paragraph_end(page, |k| kinds[k], i);
                self.paragraph(rest_start, last);
                last + 1
            }
            // A marker alone on its line takes its title from the next.
            None if i + 1 < page.len() && kinds[i + 1] == LineKind::Continuation => i + 2,
            None => i + 1,
        }
    }

    /// A paragraph from byte `start` to the end of line `last`.
    fn paragraph(&mut self, start: usize, last: usize) {
        let line = &self.page.lines[last];
        if start < line.next {
            self.paragraphs.push(line.content_end.max(start));
            self.b.leaf(Node::Paragraph(Paragraph {
                span: Span::new(start, line.next),
                children: Vec::new(),
            }));
        }
    }

    /// Emits a page number glued to the start of line `i` as noise; returns
    /// where the line's own node starts.
    fn page_prefix(&mut self, i: usize) -> usize {
        let line = &self.page.lines[i];
        match line.page_prefix {
            Some((_, e)) => {
                self.b.leaf(Node::Noise(Noise {
                    span: Span::new(line.start, e),
                    kind: NoiseKind::PageNumber,
                }));
                e
            }
            None => line.start,
        }
    }
}

/// The heading node for line `i`, and where a run-in paragraph starts.
fn heading_node(
    page: &Page<'_>,
    kinds: &[LineKind],
    i: usize,
    start: usize,
    marker: Option<&Marker>,
    depth: u32,
) -> (Node, Option<usize>) {
    let line = &page.lines[i];
    let text = page.text;
    let cs = line.content_start;
    let ce = line.content_end;
    let after_marker = match marker {
        Some(m) => m.span.end,
        None => cs,
    };
    // Skip separators after the marker: spaces and emphasis markup.
    let mut title_start = after_marker;
    while title_start < ce {
        let ch = text[title_start..ce].chars().next().unwrap_or(' ');
        if is_space(ch) || ch == '*' {
            title_start += ch.len_utf8();
        } else {
            break;
        }
    }
    let is_article = marker.is_some_and(|m| m.family == MarkerFamily::Article);
    // Run-in: the heading ends at its first sentence end when text follows.
    let split = if is_article {
        (title_start < ce).then_some(title_start)
    } else {
        let body = &text[title_start..ce];
        let mut prev = ' ';
        body.char_indices()
            .find(|&(k, ch)| {
                let stop = matches!(ch, '。' | '！' | '？')
                    || (ch == '.'
                        && !prev.is_ascii_alphanumeric()
                        && body[k + 1..].chars().next().is_some_and(|n| !n.is_ascii()));
                prev = ch;
                stop
            })
            .map(|(k, ch)| title_start + k + ch.len_utf8())
            .filter(|&k| {
                let rest = text[k..ce].trim_matches(|c: char| is_space(c) || c == '*');
                !rest.is_empty()
            })
    };
    let (title, heading_end, rest) = match split {
        Some(k) if is_article => (Span::new(after_marker, after_marker), k, Some(k)),
        Some(k) => (Span::new(title_start, k), k, Some(k)),
        None if title_start >= ce
            && i + 1 < page.len()
            && kinds[i + 1] == LineKind::Continuation =>
        {
            let next = &page.lines[i + 1];
            (
                Span::new(next.content_start, next.content_end),
                next.next,
                None,
            )
        }
        None => (Span::new(title_start.min(ce), ce), line.next, None),
    };
    let node = Node::Heading(Heading {
        span: Span::new(start, heading_end),
        depth,
        level: marker.and_then(|m| m.family.canonical_level()),
        marker: marker.cloned().map(Box::new),
        title,
        run_in: rest.is_some(),
    });
    (node, rest)
}

/// Title text without markup, indentation and inner white space runs.
fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '#') || (is_space(c) && c != ' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Builds the tree with an explicit stack of open sections and attachments.
///
/// The nodes not yet in a closed container wait on one stack, `pending`; an
/// open container remembers where its children start there, and closing it
/// moves them into a vector of their exact length. No vector of the tree grows
/// by doubling or is shrunk afterwards (that was a fifth of the tree's memory,
/// and the copies a tenth of the stage's time).
#[derive(Default)]
struct Builder {
    /// The children of the open containers, innermost last, then the
    /// top-level nodes before them.
    pending: Vec<Node>,
    /// The open containers (sections, attachments, entries), outermost first,
    /// with no children yet, and where their children start in `pending`.
    open: Vec<(Node, usize)>,
}

impl Builder {
    fn leaf(&mut self, node: Node) {
        // Empty leaves add nothing to the tiling (empty input makes one).
        if node.span().is_empty() && node.children().is_empty() {
            return;
        }
        self.pending.push(node);
    }

    fn close_top(&mut self) {
        if let Some((mut node, start)) = self.open.pop() {
            // Not `split_off`: at 0 it hands over the whole stack's capacity.
            let children: Vec<Node> = self.pending.drain(start..).collect();
            if let Some(end) = children.last().map(|c| c.span().end) {
                node.set_span_end(end);
            }
            if let Some(slot) = node.children_mut() {
                *slot = children;
            }
            self.leaf(node);
        }
    }

    fn top(&self) -> Option<&Node> {
        self.open.last().map(|(node, _)| node)
    }

    fn close_sections(&mut self) {
        while matches!(self.top(), Some(Node::Section(_))) {
            self.close_top();
        }
    }

    fn open_section(&mut self, depth: u32, heading: Node) {
        while matches!(self.top(), Some(Node::Section(s)) if s.depth >= depth) {
            self.close_top();
        }
        let span = heading.span();
        self.open.push((
            Node::Section(Section {
                span,
                depth,
                children: Vec::new(),
            }),
            self.pending.len(),
        ));
        self.pending.push(heading);
    }

    fn open_entry(&mut self, start: usize) {
        while !self.open.is_empty() {
            self.close_top();
        }
        self.open.push((
            Node::Entry(Entry {
                span: Span::new(start, start),
                children: Vec::new(),
            }),
            self.pending.len(),
        ));
    }

    fn open_attachment(&mut self, start: usize) {
        while !matches!(self.top(), None | Some(Node::Entry(_))) {
            self.close_top();
        }
        self.open.push((
            Node::Attachment(Attachment {
                span: Span::new(start, start),
                children: Vec::new(),
            }),
            self.pending.len(),
        ));
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close_top();
        }
        // What is left are the top-level nodes; the stack's slack goes.
        self.pending.shrink_to_fit();
        self.pending
    }
}
