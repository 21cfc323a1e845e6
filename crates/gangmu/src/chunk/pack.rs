//! Packing: the outline of a document cut into chunks that fit the budget.
//!
//! Each container (the document, a section, an attachment) is a sequence of
//! *units*: runs of its own blocks (its heading and the text under it before
//! its first subsection; the front matter and closing elements of the
//! document) and its child containers. Units that fit are packed together,
//! in order, into as few chunks as possible with the smallest one as large
//! as possible ([`Packer::partition`]); a unit that does not fit is opened: a child is
//! packed the same way one level down, a run of blocks is cut into *atoms* (`cut.rs`)
//! (paragraphs, then enumeration items, then sentences, then hard cuts) that
//! are packed in turn.
//!
//! Rules every chunk keeps:
//! - units are packed only inside their container, never across noise, and
//!   not across a title (a new document or attachment), after closing
//!   elements (署名, 成文日期) or after a promulgation block (令);
//! - a heading (or title) is never the last thing in a chunk: it goes with
//!   the text after it, if need be into the first chunk of the section it
//!   heads; headings with no text after them (noise in between, an empty
//!   section at the end) are left out and live on in the heading paths;
//! - a unit that fits is never cut, except where the headings it must carry
//!   push it over the budget.

use std::ops::Range;

use super::cite::{range, Cite};
use super::measure::Measure;
use super::outline::{Block, Container, Item, Outline, Role};
use super::ChunkPart;
use crate::span::Span;

/// How many units [`partition`] looks back for the start of a chunk: a bound
/// on its work per unit. Reached only when units are under 1/1024 of the
/// budget (a budget of 500 characters and units of one character).
const MAX_UNITS_PER_CHUNK: usize = 1024;

/// What [`Packer::partition`] minimises, field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    sticky_ends: usize,
    chunks: usize,
    small: usize,
    inside: usize,
    smallest: std::cmp::Reverse<usize>,
}

impl Default for Cost {
    fn default() -> Self {
        Cost {
            sticky_ends: 0,
            chunks: 0,
            small: 0,
            inside: 0,
            smallest: std::cmp::Reverse(usize::MAX),
        }
    }
}

/// A chunk before ids, title and neighbours are set.
pub(super) struct Draft {
    pub span: Span,
    pub size: usize,
    pub heading_path: Vec<String>,
    pub citation: String,
    pub parts: Vec<ChunkPart>,
    pub parent_id: Option<usize>,
}

/// Headings carried from a container into the first chunk of the unit that
/// follows them.
#[derive(Clone, Copy)]
pub(super) struct Prefix {
    pub span: Span,
}

enum What<'c> {
    Blocks(Vec<&'c Block>),
    Child(&'c Container),
    Prefix,
}

struct Unit<'c> {
    span: Span,
    len: usize,
    /// Headings (or a title) with no text: must go with the unit after them,
    /// into the first chunk of that unit if need be.
    sticky: bool,
    /// A section with nothing but headings: packed like any section, but a
    /// chunk is not ended on it where that can be helped.
    empty: bool,
    /// Never packed with the unit before it.
    cut_before: bool,
    /// Never packed with the unit after it.
    cut_after: bool,
    what: What<'c>,
}

pub(super) struct Packer<'a, 'm> {
    pub text: &'a str,
    outline: &'a Outline,
    pub measure: Measure<'m>,
    pub max: usize,
    pub overlap: usize,
    pub out: Vec<Draft>,
    /// Labels of the containers being packed, outermost first.
    pub path: Vec<String>,
}

impl<'a, 'm> Packer<'a, 'm> {
    pub fn new(
        text: &'a str,
        outline: &'a Outline,
        measure: Measure<'m>,
        max: usize,
        overlap: usize,
    ) -> Self {
        Packer {
            text,
            outline,
            measure,
            max,
            overlap,
            out: Vec::new(),
            path: Vec::new(),
        }
    }

    pub fn len(&mut self, span: Span) -> usize {
        self.measure.len(self.text, span)
    }

    pub fn trim(&self, span: Span) -> Span {
        super::trim(self.text, span)
    }

    /// Packs container `c`, the first chunk starting with `prefix`.
    fn container(&mut self, c: &Container, prefix: Option<Prefix>) {
        if let Some(label) = &c.label {
            self.path.push(label.clone());
        }
        let units = self.units(c, prefix);
        self.pack(c, &units);
        if c.label.is_some() {
            self.path.pop();
        }
    }

    pub fn document(&mut self) {
        self.container(&self.outline.root, None);
    }

    fn units<'c>(&mut self, c: &'c Container, prefix: Option<Prefix>) -> Vec<Unit<'c>> {
        let mut units = Vec::new();
        if let Some(p) = prefix {
            let len = self.len(p.span);
            units.push(Unit {
                span: p.span,
                len,
                sticky: true,
                empty: false,
                cut_before: false,
                cut_after: false,
                what: What::Prefix,
            });
        }
        let mut blocks: Vec<&Block> = Vec::new();
        let mut cut_next = false;
        for item in &c.items {
            match item {
                Item::Noise => {
                    self.push_blocks(&mut units, &mut blocks, &mut cut_next);
                    cut_next = true;
                }
                Item::Block(b) => {
                    let body_before = blocks.iter().any(|x| !x.role.sticky());
                    let after_closing = blocks.last().is_some_and(|x| x.role == Role::Closing);
                    if (b.role == Role::Title && body_before)
                        || (after_closing && b.role != Role::Closing)
                    {
                        self.push_blocks(&mut units, &mut blocks, &mut cut_next);
                        cut_next = true;
                    }
                    blocks.push(b);
                }
                Item::Child(k) => {
                    self.push_blocks(&mut units, &mut blocks, &mut cut_next);
                    let Some(span) = k.extent else { continue };
                    let len = self.len(span);
                    units.push(Unit {
                        span,
                        len,
                        sticky: false,
                        empty: k.heading_only,
                        cut_before: std::mem::take(&mut cut_next) || k.attachment,
                        cut_after: k.attachment,
                        what: What::Child(k),
                    });
                }
            }
        }
        self.push_blocks(&mut units, &mut blocks, &mut cut_next);
        units
    }

    fn push_blocks<'c>(
        &mut self,
        units: &mut Vec<Unit<'c>>,
        blocks: &mut Vec<&'c Block>,
        cut_next: &mut bool,
    ) {
        let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
            return;
        };
        let span = Span::new(first.span.start, last.span.end);
        let len = self.len(span);
        units.push(Unit {
            span,
            len,
            sticky: blocks.iter().all(|b| b.role.sticky()),
            empty: false,
            cut_before: std::mem::take(cut_next),
            cut_after: last.role == Role::Closing || blocks.iter().any(|b| b.role == Role::Decree),
            what: What::Blocks(std::mem::take(blocks)),
        });
    }

    fn pack(&mut self, c: &Container, units: &[Unit<'_>]) {
        let mut run: Vec<usize> = Vec::new();
        for (i, u) in units.iter().enumerate() {
            let joined = run.last().is_some_and(|&p| {
                !units[p].cut_after
                    && !u.cut_before
                    && !self.outline.noise_between(units[p].span.end, u.span.start)
            });
            if !joined {
                self.flush(c, units, &mut run);
            }
            let big = u.len > self.max || matches!(u.what, What::Child(k) if k.noisy);
            // The headings at the end of the run go into the same chunk as `u`.
            let tail = run
                .iter()
                .rposition(|&p| !units[p].sticky)
                .map_or(0, |p| p + 1);
            let need = match run.get(tail) {
                Some(&s) => self.len(Span::new(units[s].span.start, u.span.end)),
                None => u.len,
            };
            if !big && need <= self.max {
                run.push(i);
                continue;
            }
            let prefix = run.get(tail).map(|&s| Prefix {
                span: Span::new(units[s].span.start, units[run[run.len() - 1]].span.end),
            });
            run.truncate(tail);
            self.flush(c, units, &mut run);
            match &u.what {
                What::Child(k) => self.container(k, prefix),
                What::Blocks(blocks) => self.cut(c, blocks, prefix),
                What::Prefix => self.cut(c, &[], Some(Prefix { span: u.span })),
            }
        }
        self.flush(c, units, &mut run);
    }

    /// Emits the units of `run` (indices into `units`), packed.
    fn flush(&mut self, c: &Container, units: &[Unit<'_>], run: &mut Vec<usize>) {
        // Headings with no text after them in this run cannot end a chunk.
        let body = run
            .iter()
            .rposition(|&p| !units[p].sticky)
            .map_or(0, |p| p + 1);
        if body == 0 {
            run.clear();
            return;
        }
        let members: Vec<&Unit<'_>> = run[..body].iter().map(|&p| &units[p]).collect();
        let spans: Vec<Span> = members.iter().map(|u| u.span).collect();
        let lens: Vec<usize> = members.iter().map(|u| u.len).collect();
        let sticky: Vec<bool> = members.iter().map(|u| u.sticky || u.empty).collect();
        let within = vec![false; spans.len()];
        let groups = self.partition(&spans, &lens, &sticky, &within, self.max);
        let tail: Vec<&Unit<'_>> = run[body..].iter().map(|&p| &units[p]).collect();
        let count = groups.len();
        for (k, g) in groups.into_iter().enumerate() {
            let mut chunk: Vec<&Unit<'_>> = members[g.clone()].to_vec();
            // Empty sections after the last one with text join it when they fit.
            if k + 1 == count && !tail.is_empty() {
                let whole = Span::new(spans[g.start].start, tail[tail.len() - 1].span.end);
                if self.len(whole) <= self.max {
                    chunk.extend(tail.iter().copied());
                }
            }
            let d = self.draft(c, &chunk);
            self.out.push(d);
        }
        run.clear();
    }

    /// A chunk of whole units of container `c`.
    fn draft(&mut self, c: &Container, units: &[&Unit<'_>]) -> Draft {
        let span = Span::new(units[0].span.start, units[units.len() - 1].span.end);
        let mut parts: Vec<(ChunkPart, Cite)> = Vec::new();
        let last_body = units.iter().rposition(|u| !u.sticky).unwrap_or(0);
        let mut pending: Option<usize> = None;
        for (k, u) in units.iter().enumerate() {
            if u.sticky && k < last_body {
                pending.get_or_insert(u.span.start);
                continue;
            }
            if u.sticky {
                // An empty section closing the chunk belongs to the last part.
                if let Some((p, _)) = parts.last_mut() {
                    p.span.end = u.span.end;
                }
                continue;
            }
            let start = pending.take().unwrap_or(u.span.start);
            let (cite, section) = match &u.what {
                What::Child(k) => (k.cite.clone(), k.id),
                _ => (c.cite.clone(), c.id),
            };
            parts.push((
                ChunkPart {
                    span: Span::new(start, u.span.end),
                    citation: cite.render(),
                    section_id: section,
                },
                cite,
            ));
        }
        let whole: Vec<&Unit<'_>> = units.iter().copied().filter(|u| !u.sticky).collect();
        let mut path = self.path.clone();
        let mut parent = c.id;
        if let [only] = whole.as_slice() {
            if let What::Child(k) = &only.what {
                path.extend(k.label.clone());
                parent = k.id;
            }
        }
        let cites: Vec<&Cite> = parts.iter().map(|(_, c)| c).collect();
        let citation = range(&cites);
        let size = self.len(span);
        Draft {
            span,
            size,
            heading_path: path,
            citation,
            parts: parts.into_iter().map(|(p, _)| p).collect(),
            parent_id: parent,
        }
    }

    /// Groups consecutive items (`spans`, of lengths `lens`) into chunks of at
    /// most `max`. In order of precedence: no chunk ending on a sticky item
    /// where that can be helped; the fewest chunks; the fewest under a quarter
    /// of the budget; the fewest cuts inside a block (`within[i]`: a cut
    /// before item i splits a paragraph); the largest smallest chunk.
    pub fn partition(
        &mut self,
        spans: &[Span],
        lens: &[usize],
        sticky: &[bool],
        within: &[bool],
        max: usize,
    ) -> Vec<Range<usize>> {
        let n = spans.len();
        // gaps[i]: the text between item i-1 and item i.
        let gaps: Vec<usize> = (0..n)
            .map(|i| {
                if i == 0 {
                    0
                } else {
                    self.len(Span::new(spans[i - 1].end, spans[i].start))
                }
            })
            .collect();
        let mut sum = vec![0usize; n + 1];
        for i in 0..n {
            sum[i + 1] = sum[i] + lens[i] + gaps[i];
        }
        let est = |i: usize, j: usize| sum[j] - sum[i] - gaps[i];
        let quarter = max.div_ceil(4);
        // best[j]: the cost of the best grouping of items 0..j.
        let mut best: Vec<Cost> = vec![Cost::default(); n + 1];
        let mut from = vec![0usize; n + 1];
        for j in 1..=n {
            let mut choice: Option<(Cost, usize)> = None;
            let lowest = j.saturating_sub(MAX_UNITS_PER_CHUNK);
            for i in (lowest..j).rev() {
                let size = est(i, j);
                if size > max && i + 1 < j {
                    break;
                }
                let b = best[i];
                let cand = Cost {
                    sticky_ends: b.sticky_ends + usize::from(sticky[j - 1]),
                    chunks: b.chunks + 1,
                    small: b.small + usize::from(size < quarter),
                    inside: b.inside + usize::from(i > 0 && within[i]),
                    smallest: std::cmp::Reverse(b.smallest.0.min(size)),
                };
                if choice.map_or(true, |(c, _)| cand < c) {
                    choice = Some((cand, i));
                }
            }
            let (cost, i) = choice.expect("a single item is always a group");
            best[j] = cost;
            from[j] = i;
        }
        let mut groups = Vec::new();
        let mut j = n;
        while j > 0 {
            groups.push(from[j]..j);
            j = from[j];
        }
        groups.reverse();
        if self.measure.exact() {
            return groups;
        }
        // A length function is not additive: re-measure each chunk whole and
        // split any that came out over the budget.
        let mut checked = Vec::new();
        for g in groups {
            if self.len(Span::new(spans[g.start].start, spans[g.end - 1].end)) <= max {
                checked.push(g);
                continue;
            }
            let mut start = g.start;
            while start < g.end {
                let mut end = start + 1;
                while end < g.end && self.len(Span::new(spans[start].start, spans[end].end)) <= max
                {
                    end += 1;
                }
                checked.push(start..end);
                start = end;
            }
        }
        checked
    }
}
