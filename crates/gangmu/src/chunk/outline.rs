//! The chunker's view of a parsed document: containers (the document, its
//! sections and attachments) holding, in order, text blocks, child
//! containers and noise. This is the only part of chunking that reads
//! [`Node`]s; the packer works on what is built here.

use super::cite::Cite;
use super::section_label;
use crate::span::Span;
use crate::tree::{Document, MetaKind, Node};

/// The document, a section or an attachment.
#[derive(Debug)]
pub(super) struct Container {
    /// Index of the node in [`Document::walk`] order; `None` for the document.
    pub id: Option<usize>,
    /// The label it adds to heading paths; `None` for the document.
    pub label: Option<String>,
    pub cite: Cite,
    /// A regulation article (条): its paragraphs are cited as 款.
    pub article: bool,
    /// An attachment (附件): a document of its own, never packed with its
    /// neighbours.
    pub attachment: bool,
    /// The number of paragraphs (款) of an article; 0 for other containers.
    pub clauses: u32,
    pub items: Vec<Item>,
    /// From the first to the last text it holds (blank lines and noise at
    /// either end left out); `None` when it holds no text.
    pub extent: Option<Span>,
    /// Noise lies inside the extent, so the container can never be one chunk.
    pub noisy: bool,
    /// Every block it holds is a heading or title (no body text).
    pub heading_only: bool,
}

#[derive(Debug)]
pub(super) enum Item {
    Block(Block),
    Child(Container),
    Noise,
}

/// A block of text: a heading, a paragraph, a document element.
#[derive(Debug)]
pub(super) struct Block {
    /// Byte span without surrounding white space.
    pub span: Span,
    pub role: Role,
    /// The article paragraph (款, from 1) the block belongs to; 0 outside articles.
    pub clause: u32,
    /// For a paragraph with inline enumerations: its text runs and items, in
    /// order (an item is cut only when it alone exceeds the budget).
    pub pieces: Vec<Span>,
}

/// What a block is to the packer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A heading: never the last thing in a chunk.
    Heading,
    /// The title (标题) of the document or an attachment: opens a new run
    /// and, like a heading, is never the last thing in a chunk.
    Title,
    /// Lines that go with a title and hold no body text: subtitle, 发文字号,
    /// 发文机关标志, 份号, 密级, 紧急程度, 签发人, a wrapped title line.
    Front,
    /// Body text: paragraphs, 主送机关, 附件说明, 附注, meeting fields.
    Body,
    /// 署名, 成文日期, 抄送, 印发: nothing after them shares their chunk.
    Closing,
    /// A 令 header: its promulgation block never shares a chunk with what follows.
    Decree,
}

impl Role {
    /// Holds no body text: must be followed by body text in its chunk.
    pub fn sticky(self) -> bool {
        matches!(self, Role::Heading | Role::Title | Role::Front)
    }
}

/// Builds the outline of `doc`.
pub(super) fn build(text: &str, doc: &Document) -> Outline {
    let attachments = doc
        .children
        .iter()
        .filter(|n| matches!(n, Node::Attachment(_)))
        .count();
    let mut b = Builder {
        text,
        next_id: 0,
        attachments,
        attachment_no: 0,
        noise: Vec::new(),
    };
    let mut root = Container {
        id: None,
        label: None,
        cite: Cite::default(),
        article: false,
        attachment: false,
        clauses: 0,
        items: Vec::new(),
        extent: None,
        noisy: false,
        heading_only: true,
    };
    b.fill(&mut root, &doc.children);
    Outline {
        root,
        noise: b.noise,
    }
}

/// The containers of a document, and where its noise lies.
pub(super) struct Outline {
    pub root: Container,
    /// Byte spans of the noise nodes, in order.
    pub noise: Vec<Span>,
}

impl Outline {
    /// Noise lies between byte offsets `a` and `b`.
    pub fn noise_between(&self, a: usize, b: usize) -> bool {
        let i = self.noise.partition_point(|n| n.end <= a);
        self.noise.get(i).is_some_and(|n| n.start < b)
    }
}

struct Builder<'t> {
    text: &'t str,
    /// The [`Document::walk`] index of the next node visited.
    next_id: usize,
    attachments: usize,
    attachment_no: usize,
    noise: Vec<Span>,
}

impl Builder<'_> {
    fn trim(&self, span: Span) -> Span {
        super::trim(self.text, span)
    }

    /// Skips `node` and everything under it in the walk numbering.
    fn skip(&mut self, node: &Node) {
        // Paragraph → enumeration → item: three levels at most.
        self.next_id += 1;
        for c in node.children() {
            self.skip(c);
        }
    }

    fn fill(&mut self, c: &mut Container, children: &[Node]) {
        let mut clauses = 0u32;
        for child in children {
            match child {
                Node::Blank(_) => self.skip(child),
                Node::Noise(noise) => {
                    self.skip(child);
                    self.noise.push(noise.span);
                    c.items.push(Item::Noise);
                }
                Node::Section(_) | Node::Attachment(_) | Node::Entry(_) => {
                    let clause = (c.article && clauses > 1).then_some(clauses);
                    let sub = self.container(child, c, clause);
                    c.items.push(Item::Child(sub));
                }
                _ => {
                    let span = self.trim(child.span());
                    let role = role(child);
                    if c.article && matches!(child, Node::Paragraph(_)) {
                        clauses += 1;
                    }
                    let pieces = match child {
                        Node::Paragraph(p) => self.pieces(&p.children),
                        _ => Vec::new(),
                    };
                    self.skip(child);
                    if !span.is_empty() {
                        c.items.push(Item::Block(Block {
                            span,
                            role,
                            clause: if c.article { clauses.max(1) } else { 0 },
                            pieces,
                        }));
                    }
                }
            }
        }
        if c.article {
            c.clauses = clauses;
        }
        self.finish(c);
    }

    fn container(&mut self, node: &Node, parent: &Container, clause: Option<u32>) -> Container {
        let id = self.next_id;
        self.next_id += 1;
        let label = section_label(self.text, node);
        let attachment = matches!(node, Node::Attachment(_));
        let (cite, article) = match node {
            // Each document of a collection is cited on its own.
            Node::Entry(_) => (Cite::default(), false),
            Node::Attachment(a) => {
                self.attachment_no += 1;
                (Cite::attachment(self.attachment_label(&a.children)), false)
            }
            _ => {
                let heading = node.children().first().and_then(Node::as_heading);
                let marker = heading.and_then(|h| h.marker.as_deref());
                let own = heading.map(|h| h.label(self.text)).unwrap_or_default();
                let article = marker.is_some_and(|m| m.family == crate::MarkerFamily::Article);
                (parent.cite.child(marker, &own, clause), article)
            }
        };
        let mut c = Container {
            id: Some(id),
            label,
            cite,
            article,
            attachment,
            clauses: 0,
            items: Vec::new(),
            extent: None,
            noisy: false,
            heading_only: true,
        };
        self.fill(&mut c, node.children());
        c
    }

    /// `附件2` from the attachment's own 附件 line, else its number among
    /// several (`附件1`), else `附件`.
    fn attachment_label(&self, children: &[Node]) -> String {
        let written = children.iter().find_map(|n| match n {
            Node::Meta(m) if m.kind == MetaKind::AttachmentNote => {
                let t = m.text.trim();
                let rest = t.strip_prefix("附件")?;
                let number: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| {
                        c.is_ascii_digit()
                            || ('０'..='９').contains(c)
                            || crate::chinese_numeral_value(c.encode_utf8(&mut [0; 4])).is_some()
                    })
                    .collect();
                Some(format!("附件{number}"))
            }
            _ => None,
        });
        match written {
            Some(w) if w != "附件" || self.attachments == 1 => w,
            _ if self.attachments > 1 => format!("附件{}", self.attachment_no),
            _ => "附件".to_string(),
        }
    }

    /// The text runs and enumeration items of a paragraph, in order.
    fn pieces(&self, children: &[Node]) -> Vec<Span> {
        let mut out = Vec::new();
        for child in children {
            match child {
                Node::Enumeration(e) => out.extend(e.children.iter().map(|i| self.trim(i.span()))),
                _ => out.push(self.trim(child.span())),
            }
        }
        out.retain(|s| !s.is_empty());
        out
    }

    /// Sets the extent, noise and heading-only flags from the items.
    fn finish(&self, c: &mut Container) {
        let extent = |item: &Item| match item {
            Item::Block(b) => Some(b.span),
            Item::Child(k) => k.extent,
            Item::Noise => None,
        };
        let first = c.items.iter().position(|i| extent(i).is_some());
        let last = c.items.iter().rposition(|i| extent(i).is_some());
        if let (Some(f), Some(l)) = (first, last) {
            let (a, b) = (extent(&c.items[f]), extent(&c.items[l]));
            c.extent = a.zip(b).map(|(a, b)| Span::new(a.start, b.end));
            // Noise seen so far (in document order) that lies inside the extent.
            c.noisy = c.extent.is_some_and(|e| {
                let i = self.noise.partition_point(|n| n.end <= e.start);
                self.noise.get(i).is_some_and(|n| n.start < e.end)
            });
        }
        c.heading_only = c.items.iter().all(|i| match i {
            Item::Block(b) => b.role.sticky(),
            Item::Child(k) => k.heading_only,
            Item::Noise => true,
        });
    }
}

fn role(node: &Node) -> Role {
    match node {
        // An attachment's own label (`附件2`) goes with its title.
        Node::Meta(m) if m.kind == MetaKind::AttachmentNote && is_attachment_label(&m.text) => {
            Role::Front
        }
        Node::Heading(_) => Role::Heading,
        Node::Title(_) => Role::Title,
        Node::Subtitle(_) | Node::Continuation(_) => Role::Front,
        Node::Meta(m) => match m.kind {
            MetaKind::CopyNumber
            | MetaKind::Secrecy
            | MetaKind::Urgency
            | MetaKind::IssuerMark
            | MetaKind::DocNumber
            | MetaKind::Signer => Role::Front,
            MetaKind::Decree => Role::Decree,
            MetaKind::Signature | MetaKind::Date | MetaKind::Cc | MetaKind::Issued => Role::Closing,
            MetaKind::Addressee | MetaKind::AttachmentNote | MetaKind::Note | MetaKind::Field => {
                Role::Body
            }
        },
        _ => Role::Body,
    }
}

/// `附件`, `附件2`, `附件二：`: the label above an attachment, no list after it.
fn is_attachment_label(text: &str) -> bool {
    text.trim().strip_prefix("附件").is_some_and(|rest| {
        rest.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || c.is_whitespace()
                || matches!(c, '：' | ':')
                || crate::chinese_numeral_value(c.encode_utf8(&mut [0; 4])).is_some()
        })
    })
}
