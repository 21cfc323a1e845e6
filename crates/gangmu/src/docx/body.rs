//! The story parts (`document.xml`, notes, headers, footers) read as lines of
//! text: one line per paragraph, the numbering label in front, runs joined,
//! tabs and breaks kept, tracked deletions, hidden text and field codes left
//! out, table cells and text boxes in reading order.

use super::numbering::{Counters, Numbering};
use super::numfmt::format_number;
use super::styles::{clamp_level, Styles};
use super::xml::{attr, attr_u32, on_off, Ev, Xml};
use super::{Container, DocxError, Evidence, NumberLabel, Part, SourceLine, TextPiece};
use crate::span::Span;

/// The document's definitions, shared by every part.
pub(super) struct Defs<'d> {
    pub(super) styles: &'d Styles,
    pub(super) numbering: &'d Numbering,
    pub(super) max_depth: usize,
}

/// The text being built and its source map.
#[derive(Default)]
pub(super) struct Out {
    pub(super) text: String,
    pub(super) lines: Vec<SourceLine>,
    pub(super) labels: Vec<NumberLabel>,
    /// The number each footnote and endnote got at its reference in the body
    /// (Word numbers notes in the order they are referenced: 1, 2, … and
    /// i, ii, …), shown again before the note's own text.
    footnotes: std::collections::HashMap<i64, u32>,
    endnotes: std::collections::HashMap<i64, u32>,
    /// Where each `w:t`'s text lies in the text and in its part's XML.
    pub(super) pieces: Vec<TextPiece>,
    /// The parts read, in order (`TextPiece::part` indexes this).
    pub(super) part_names: Vec<String>,
}

impl Out {
    /// A blank line that belongs to no paragraph (between the body and the
    /// notes, headers and footers).
    pub(super) fn separator(&mut self, part: Part) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let at = self.text.len();
        self.text.push('\n');
        self.lines.push(SourceLine {
            span: Span::new(at, at),
            part,
            paragraph: None,
            container: Container::Text,
            evidence: Evidence::Body,
            style: None,
        });
    }

    fn emit(&mut self, p: Finished, part: Part) {
        let first = self.lines.len();
        let start = self.text.len();
        if let Some(label) = &p.label {
            let marker = Span::new(start, start + label.text.len());
            self.text.push_str(&label.text);
            self.text.push_str(label.suffix.text());
            self.labels.push(NumberLabel {
                line: first,
                marker,
                suffix: Span::new(marker.end, self.text.len()),
                num_id: p.num_id,
                level: label.level,
                format: label.format.clone(),
            });
        }
        let base = self.text.len();
        let part_index = self.part_names.len().saturating_sub(1) as u16;
        for &(at, len, xml) in &p.pieces {
            self.pieces.push(TextPiece {
                text: Span::new(base + at, base + at + len),
                part: part_index,
                xml,
            });
        }
        let mut line_start = start;
        for (k, piece) in p.text.split('\n').enumerate() {
            if k > 0 {
                self.text.push('\n');
                line_start = self.text.len();
            }
            self.text.push_str(piece);
            self.lines.push(SourceLine {
                span: Span::new(line_start, self.text.len()),
                part,
                paragraph: Some(p.index),
                container: p.container,
                evidence: p.evidence,
                style: p.style_name.clone(),
            });
        }
        self.text.push('\n');
        for n in p.nested {
            self.emit(n, part);
        }
    }
}

/// A paragraph being read.
struct Para {
    depth: usize,
    index: usize,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    text: String,
    /// Each `w:t`: (offset in `text`, length, its content's bytes in the part).
    pieces: Vec<(usize, usize, Span)>,
    container: Container,
    nested: Vec<Finished>,
}

/// A paragraph read to its end.
struct Finished {
    index: usize,
    container: Container,
    evidence: Evidence,
    style_name: Option<String>,
    label: Option<super::numbering::Label>,
    num_id: u32,
    text: String,
    pieces: Vec<(usize, usize, Span)>,
    nested: Vec<Finished>,
}

enum Frame {
    Table {
        index: u32,
        row: Option<u32>,
        cell: Option<u32>,
    },
    TextBox,
}

/// Reads one story part into `out`.
pub(super) fn read_part(
    text: &str,
    name: &str,
    part: Part,
    defs: &Defs<'_>,
    counters: &mut Counters,
    out: &mut Out,
) -> Result<(), DocxError> {
    let mut xml = Xml::new(text, name, defs.max_depth);
    out.part_names.push(name.to_string());
    // The `w:t` being read: (its paragraph's text length, XML offset) at its start.
    let mut t_start: Option<(usize, usize)> = None;
    let mut paras: Vec<Para> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut frame_depths: Vec<usize> = Vec::new();
    let mut tables = 0u32;
    let mut next_index = 0usize;
    // Runs open (their depth, whether hidden), innermost last.
    let mut runs: Vec<(usize, bool)> = Vec::new();
    // Open fields: whether each shows its result yet; and how many do not.
    let mut fields: Vec<bool> = Vec::new();
    let mut in_instruction = 0usize;
    let mut text_depth: Option<usize> = None;
    let mut ppr_depth: Option<usize> = None;
    // The note being read (footnotes and endnotes parts).
    let mut note = part;
    let is_notes = matches!(part, Part::Footnote { .. } | Part::Endnote { .. });
    loop {
        match xml.next()? {
            Ev::Open(e) => {
                let d = xml.depth();
                let local = e.local_name();
                let in_run = runs.last().is_some_and(|r| r.0 + 1 == d);
                match local.as_ref() {
                    // Text that Word does not show: deleted, moved away, the
                    // fallback copy of a drawing, field codes, old properties.
                    b"del" | b"moveFrom" | b"Fallback" | b"instrText" | b"delInstrText"
                    | b"pPrChange" | b"rPrChange" | b"sectPr" | b"sdtPr" | b"sdtEndPr"
                    | b"tblPr" | b"tblGrid" | b"trPr" | b"tcPr" | b"numberingChange" => {
                        xml.skip()?
                    }
                    b"footnote" | b"endnote" if is_notes => {
                        let kind = attr(&e, b"type");
                        if matches!(
                            kind.as_deref(),
                            Some("separator" | "continuationSeparator" | "continuationNotice")
                        ) {
                            xml.skip()?;
                            continue;
                        }
                        let id = attr(&e, b"id")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0);
                        note = match part {
                            Part::Endnote { .. } => Part::Endnote { id },
                            _ => Part::Footnote { id },
                        };
                    }
                    b"p" => {
                        let container = match frames.last() {
                            Some(Frame::Table { index, row, cell }) => Container::TableCell {
                                table: *index,
                                row: row.unwrap_or(0),
                                cell: cell.unwrap_or(0),
                            },
                            Some(Frame::TextBox) => Container::TextBox,
                            None => Container::Text,
                        };
                        paras.push(Para {
                            depth: d,
                            index: next_index,
                            style: None,
                            num_id: None,
                            ilvl: None,
                            outline: None,
                            text: String::new(),
                            pieces: Vec::new(),
                            container,
                            nested: Vec::new(),
                        });
                        next_index += 1;
                    }
                    b"pPr" if paras.last().is_some_and(|p| p.depth + 1 == d) => ppr_depth = Some(d),
                    b"pStyle" if ppr_depth.is_some_and(|p| p + 1 == d) => {
                        if let Some(p) = paras.last_mut() {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"numId" if ppr_depth.is_some_and(|p| p + 2 == d) => {
                        if let Some(p) = paras.last_mut() {
                            p.num_id = attr_u32(&e, b"val");
                        }
                    }
                    b"ilvl" if ppr_depth.is_some_and(|p| p + 2 == d) => {
                        if let Some(p) = paras.last_mut() {
                            p.ilvl = attr_u32(&e, b"val").map(clamp_level);
                        }
                    }
                    b"outlineLvl" if ppr_depth.is_some_and(|p| p + 1 == d) => {
                        if let Some(p) = paras.last_mut() {
                            p.outline = attr_u32(&e, b"val").map(|v| v.min(9) as u8);
                        }
                    }
                    b"r" => runs.push((d, false)),
                    b"vanish" | b"specVanish" => {
                        // r > rPr > vanish: the run is hidden.
                        if let Some(r) = runs.last_mut().filter(|r| r.0 + 2 == d) {
                            r.1 = on_off(&e);
                        }
                    }
                    b"fldChar" => match attr(&e, b"fldCharType").as_deref() {
                        Some("begin") => {
                            fields.push(false);
                            in_instruction += 1;
                        }
                        Some("separate") => {
                            if let Some(top) = fields.last_mut().filter(|t| !**t) {
                                *top = true;
                                in_instruction -= 1;
                            }
                        }
                        Some("end") if fields.pop() == Some(false) => in_instruction -= 1,
                        _ => {}
                    },
                    b"t" => {
                        text_depth = Some(d);
                        t_start = paras.last().map(|p| (p.text.len(), xml.position()));
                    }
                    b"tab" | b"ptab" if in_run => push(&mut paras, &runs, in_instruction, "\t"),
                    // A page or column break starts no new line of text.
                    b"br" | b"cr"
                        if in_run
                            && !matches!(attr(&e, b"type").as_deref(), Some("page" | "column")) =>
                    {
                        push(&mut paras, &runs, in_instruction, "\n")
                    }
                    b"noBreakHyphen" if in_run => push(&mut paras, &runs, in_instruction, "-"),
                    // A note's reference mark, as Word shows it; a custom mark
                    // is the run's own text.
                    b"footnoteReference" | b"endnoteReference"
                        if in_run
                            && !attr(&e, b"customMarkFollows")
                                .is_some_and(|v| v == "1" || v == "true") =>
                    {
                        let foot = local.as_ref() == b"footnoteReference";
                        let map = if foot {
                            &mut out.footnotes
                        } else {
                            &mut out.endnotes
                        };
                        let n = map.len() as u32 + 1;
                        let id = attr(&e, b"id")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(-1);
                        let n = *map.entry(id).or_insert(n);
                        let mark = if foot {
                            n.to_string()
                        } else {
                            format_number(n, "lowerRoman")
                        };
                        push(&mut paras, &runs, in_instruction, &mark);
                    }
                    b"footnoteRef" | b"endnoteRef" if in_run => {
                        let (map, id, fmt) = match note {
                            Part::Footnote { id } => (&out.footnotes, id, "decimal"),
                            Part::Endnote { id } => (&out.endnotes, id, "lowerRoman"),
                            _ => continue,
                        };
                        if let Some(&n) = map.get(&id) {
                            push(&mut paras, &runs, in_instruction, &format_number(n, fmt));
                        }
                    }
                    b"tbl" => {
                        frames.push(Frame::Table {
                            index: tables,
                            row: None,
                            cell: None,
                        });
                        frame_depths.push(d);
                        tables += 1;
                    }
                    b"tr" => {
                        if let Some(Frame::Table { row, cell, .. }) = frames.last_mut() {
                            *row = Some(row.map_or(0, |r| r + 1));
                            *cell = None;
                        }
                    }
                    b"tc" => {
                        if let Some(Frame::Table { cell, .. }) = frames.last_mut() {
                            *cell = Some(cell.map_or(0, |c| c + 1));
                        }
                    }
                    b"txbxContent" => {
                        frames.push(Frame::TextBox);
                        frame_depths.push(d);
                    }
                    _ => {}
                }
            }
            Ev::Text(t) => {
                if text_depth == Some(xml.depth()) {
                    let clean: String = t
                        .chars()
                        .map(|c| {
                            if matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}') {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    push(&mut paras, &runs, in_instruction, &clean);
                }
            }
            Ev::Close(_) => {
                let d = xml.depth();
                if text_depth.is_some_and(|t| d < t) {
                    text_depth = None;
                    // The content ends where the closing tag starts.
                    let end = text[..xml.position()].rfind('<');
                    if let (Some((at, start)), Some(end), Some(p)) =
                        (t_start.take(), end, paras.last_mut())
                    {
                        let len = p.text.len() - at;
                        if len > 0 && start <= end {
                            p.pieces.push((at, len, Span::new(start, end)));
                        }
                    }
                }
                if ppr_depth.is_some_and(|p| d < p) {
                    ppr_depth = None;
                }
                while runs.last().is_some_and(|r| d < r.0) {
                    runs.pop();
                }
                while frame_depths.last().is_some_and(|&f| d < f) {
                    frame_depths.pop();
                    frames.pop();
                }
                if paras.last().is_some_and(|p| d < p.depth) {
                    let p = paras.pop().expect("checked above");
                    let done = finish(p, part, defs, counters);
                    match paras.last_mut() {
                        Some(outer) => outer.nested.push(done),
                        None => {
                            out.emit(done, note);
                            // A field still in its code at the end of a
                            // paragraph has no result: it ends there (field
                            // results may span paragraphs, codes do not).
                            fields.retain(|shows| *shows);
                            in_instruction = 0;
                        }
                    }
                }
            }
            Ev::Eof => break,
        }
    }
    Ok(())
}

/// Appends shown text to the innermost open paragraph.
fn push(paras: &mut [Para], runs: &[(usize, bool)], in_instruction: usize, s: &str) {
    if in_instruction > 0 || runs.last().is_some_and(|r| r.1) {
        return;
    }
    if let Some(p) = paras.last_mut() {
        p.text.push_str(s);
    }
}

/// The label, the evidence and the style name of a paragraph read to its end.
fn finish(p: Para, part: Part, defs: &Defs<'_>, counters: &mut Counters) -> Finished {
    let styles = defs.styles;
    let style = p.style.as_deref().or(styles.default_paragraph.as_deref());
    let (style_num, style_ilvl) = styles.numbering(style);
    let num_id = p.num_id.or(style_num);
    let ilvl = p.ilvl.or(style_ilvl);
    let label = num_id.and_then(|n| counters.next(defs.numbering, styles, n, ilvl, style));
    let evidence = match part {
        Part::Header { .. } | Part::Footer { .. } => Evidence::Noise,
        _ => styles.evidence(style, p.outline),
    };
    Finished {
        index: p.index,
        container: p.container,
        evidence,
        style_name: style.map(|s| styles.name(s).unwrap_or(s).to_string()),
        label: label.filter(|l| !l.text.is_empty()),
        num_id: num_id.unwrap_or(0),
        text: p.text,
        pieces: p.pieces,
        nested: p.nested,
    }
}
