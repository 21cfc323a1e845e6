//! Cutting: a run of blocks that does not fit the budget, cut into atoms —
//! paragraphs, then their text runs and enumeration items, then sentences,
//! then hard cuts of about equal length — that are packed in turn, with the
//! headings that open the run kept with the text after them.

use super::measure::Measure;
use super::outline::{Block, Container};
use super::pack::{Draft, Packer, Prefix};
use super::ChunkPart;
use crate::span::Span;

/// A piece of a run of blocks that is cut.
pub(super) struct Atom {
    span: Span,
    sticky: bool,
    clause: u32,
    /// Which block of the run it comes from (`usize::MAX` for the prefix).
    block: usize,
}

impl Packer<'_, '_> {
    /// Cuts a run of blocks of `c` (after `prefix`) into chunks.
    pub(super) fn cut(&mut self, c: &Container, blocks: &[&Block], prefix: Option<Prefix>) {
        let budget = (self.max - self.overlap).max(1);
        let mut atoms: Vec<Atom> = Vec::new();
        let first_clause = blocks.first().map_or(0, |b| b.clause);
        if let Some(p) = prefix {
            atoms.push(Atom {
                span: p.span,
                sticky: !blocks.is_empty(),
                clause: first_clause,
                block: usize::MAX,
            });
        }
        for (k, b) in blocks.iter().enumerate() {
            let sticky = b.role.sticky();
            for span in self.split(b.span, &b.pieces, budget) {
                atoms.push(Atom {
                    span,
                    sticky,
                    clause: b.clause,
                    block: k,
                });
            }
        }
        // Oversized headings were split: only their last piece needs company.
        let n = atoms.len();
        for i in 0..n.saturating_sub(1) {
            if atoms[i].sticky
                && atoms[i + 1].sticky
                && atoms[i].span.end == atoms[i + 1].span.start
            {
                atoms[i].sticky = false;
            }
        }
        self.fit_after_headings(&mut atoms, budget);
        while atoms.last().is_some_and(|a| a.sticky) {
            atoms.pop();
        }
        if atoms.is_empty() {
            return;
        }
        let spans: Vec<Span> = atoms.iter().map(|a| a.span).collect();
        let lens: Vec<usize> = spans.iter().map(|&s| self.len(s)).collect();
        let sticky: Vec<bool> = atoms.iter().map(|a| a.sticky).collect();
        let within: Vec<bool> = (0..atoms.len())
            .map(|i| i > 0 && atoms[i].block == atoms[i - 1].block)
            .collect();
        let groups = self.partition(&spans, &lens, &sticky, &within, budget);
        let floor = atoms[0].span.start;
        let mut previous_start = floor;
        for (gi, g) in groups.iter().enumerate() {
            let piece_start = atoms[g.start].span.start;
            let end = atoms[g.end - 1].span.end;
            let start = if gi == 0 || self.overlap == 0 {
                piece_start
            } else {
                // Not back to where the previous piece starts: each chunk starts later.
                let after = self.text[previous_start..]
                    .chars()
                    .next()
                    .map_or(previous_start, |c| previous_start + c.len_utf8());
                self.back(piece_start, end, after.min(piece_start))
            };
            previous_start = piece_start;
            let span = self.trim(Span::new(start, end));
            if span.is_empty() {
                continue;
            }
            let draft = self.piece(c, span, &atoms[g.clone()]);
            self.out.push(draft);
        }
    }

    /// A chunk cut from the blocks of `c`; for an article, one part per 款.
    fn piece(&mut self, c: &Container, span: Span, atoms: &[Atom]) -> Draft {
        let cite_of = |first: u32, last: u32| {
            if c.article && c.clauses > 1 {
                c.cite.clauses(first.max(1), last.max(1))
            } else {
                c.cite.clone()
            }
        };
        let mut parts: Vec<ChunkPart> = Vec::new();
        if !(c.article && c.clauses > 1) {
            parts.push(ChunkPart {
                span,
                citation: c.cite.render(),
                section_id: c.id,
            });
        } else {
            let mut start = span.start;
            let mut i = 0;
            while i < atoms.len() {
                let clause = atoms[i].clause;
                let mut j = i;
                while j + 1 < atoms.len() && atoms[j + 1].clause == clause {
                    j += 1;
                }
                let last = j + 1 == atoms.len();
                let end = if last { span.end } else { atoms[j].span.end };
                parts.push(ChunkPart {
                    span: Span::new(start, end),
                    citation: cite_of(clause, clause).render(),
                    section_id: c.id,
                });
                if !last {
                    start = atoms[j + 1].span.start;
                }
                i = j + 1;
            }
        }
        let first = atoms.first().map_or(0, |a| a.clause);
        let last = atoms.last().map_or(0, |a| a.clause);
        let size = self.len(span);
        Draft {
            span,
            size,
            heading_path: self.path.clone(),
            citation: cite_of(first, last).render(),
            parts,
            parent_id: c.id,
        }
    }

    /// `span` in pieces of at most `budget`: whole when it fits, else its
    /// `pieces` (text runs and enumeration items), each cut at sentences, and
    /// sentences cut hard.
    fn split(&mut self, span: Span, pieces: &[Span], budget: usize) -> Vec<Span> {
        if self.len(span) <= budget {
            return vec![span];
        }
        let mut out = Vec::new();
        let whole = [span];
        let pieces = if pieces.is_empty() {
            &whole[..]
        } else {
            pieces
        };
        for &piece in pieces {
            if self.len(piece) <= budget {
                out.push(piece);
                continue;
            }
            for sentence in self.sentences(piece) {
                if self.len(sentence) <= budget {
                    out.push(sentence);
                } else {
                    self.hard_cut(sentence, budget, &mut out);
                }
            }
        }
        out
    }

    /// Makes every run of headings fit, with the atom after it, in one chunk:
    /// that atom is cut (at sentences, then hard) so that its first piece fits.
    fn fit_after_headings(&mut self, atoms: &mut Vec<Atom>, budget: usize) {
        let mut i = 0;
        while i < atoms.len() {
            if !atoms[i].sticky {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < atoms.len() && atoms[j].sticky {
                j += 1;
            }
            if j == atoms.len() {
                break;
            }
            let heads = Span::new(atoms[i].span.start, atoms[j - 1].span.end);
            let with = Span::new(heads.start, atoms[j].span.end);
            if self.len(with) > budget {
                let target = atoms[j].span;
                let used = self.len(Span::new(heads.start, target.start));
                let room = budget.saturating_sub(used).max(1);
                let mut pieces = Vec::new();
                let sentences = self.sentences(target);
                let mut k = 0;
                // The first piece: as many sentences as fit the room left.
                let mut first_end = None;
                while k < sentences.len()
                    && self.len(Span::new(target.start, sentences[k].end)) <= room
                {
                    first_end = Some(sentences[k].end);
                    k += 1;
                }
                match first_end {
                    Some(e) => pieces.push(Span::new(target.start, e)),
                    None => {
                        let first = sentences.first().copied().unwrap_or(target);
                        let cut = self.fit_prefix(first, room);
                        pieces.push(Span::new(first.start, cut));
                        if cut < first.end {
                            self.hard_cut(Span::new(cut, first.end), budget, &mut pieces);
                        }
                        k = 1;
                    }
                }
                for s in &sentences[k.min(sentences.len())..] {
                    pieces.push(*s);
                }
                let (clause, block) = (atoms[j].clause, atoms[j].block);
                let replaced: Vec<Atom> = pieces
                    .into_iter()
                    .map(|span| self.trim(span))
                    .filter(|s| !s.is_empty())
                    .map(|span| Atom {
                        span,
                        sticky: false,
                        clause,
                        block,
                    })
                    .collect();
                atoms.splice(j..=j, replaced);
            }
            i = j + 1;
        }
    }

    /// The end of the longest start of `span` (at a character boundary) no
    /// longer than `budget`; at least one character.
    fn fit_prefix(&mut self, span: Span, budget: usize) -> usize {
        let bounds: Vec<usize> = self.text[span.range()]
            .char_indices()
            .map(|(i, _)| span.start + i)
            .skip(1)
            .chain(std::iter::once(span.end))
            .collect();
        if let Measure::Chars(_) = self.measure {
            return bounds[budget.min(bounds.len()) - 1];
        }
        // Lengths grow with the end: binary search for the last that fits.
        let (mut lo, mut hi) = (0, bounds.len() - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.len(Span::new(span.start, bounds[mid])) <= budget {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        bounds[lo]
    }

    /// `span` cut at characters into the fewest pieces of at most `budget`,
    /// of about equal length.
    fn hard_cut(&mut self, span: Span, budget: usize, out: &mut Vec<Span>) {
        let total = self.len(span);
        let pieces = total.div_ceil(budget.max(1)).max(1);
        let even = total.div_ceil(pieces).max(1);
        let mut start = span.start;
        while start < span.end {
            let rest = Span::new(start, span.end);
            let end = if self.len(rest) <= budget {
                span.end
            } else {
                self.fit_prefix(rest, even)
            };
            // Pieces of white space alone are no text.
            let piece = self.trim(Span::new(start, end));
            if !piece.is_empty() {
                out.push(piece);
            }
            start = end;
        }
    }

    /// The start of the overlap before `at`: as far back as `overlap` allows
    /// (with the piece up to `end` still within the budget), not before `floor`.
    fn back(&mut self, at: usize, end: usize, floor: usize) -> usize {
        let starts: Vec<usize> = self.text[floor..at]
            .char_indices()
            .map(|(i, _)| floor + i)
            .collect();
        if starts.is_empty() {
            return at;
        }
        if let Measure::Chars(_) = self.measure {
            return starts[starts.len().saturating_sub(self.overlap)];
        }
        // The earliest start whose overlap and piece both fit.
        let (mut lo, mut hi) = (0, starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let fits = self.len(Span::new(starts[mid], at)) <= self.overlap
                && self.len(Span::new(starts[mid], end)) <= self.max;
            if fits {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        starts.get(lo).copied().unwrap_or(at)
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
}
