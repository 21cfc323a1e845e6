//! Writing fixes back into a .docx: only the text of the edited runs changes.
//!
//! A fix is written when every one of its edits lies in the text of `w:t`
//! elements that follow each other in the text (an edit may span runs: the
//! replacement goes into the first, the rest of the span is removed from the
//! others). A fix that touches anything else — a generated label, a tab, a
//! break, a field result, the seam between paragraphs — is left out whole and
//! counted. Each edited `w:t` gets its new text, escaped; every other byte of
//! every part is kept, and entries that did not change are copied into the new
//! archive as they were, still compressed.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{lint, read, DocxError, DocxText, TextPiece};
use crate::diagnostic::{Diagnostic, Edit};
use crate::lint::{compose, splice, Config, FixEdit};
use crate::span::Span;

/// Rounds of lint-and-write, as in [`crate::lint::fix`]: fixes that overlapped
/// in one round are written in the next.
const MAX_ROUNDS: usize = 8;

/// A .docx with fixes written into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedDocx {
    /// The new .docx.
    pub bytes: Vec<u8>,
    /// Its text, as [`super::read`] renders it.
    pub text: String,
    /// Fixes written.
    pub written: usize,
    /// Fixes still found that could not be written into runs (they touch a
    /// generated label, a tab or break, a field, or several paragraphs).
    pub left: usize,
    /// The edits from the original file's text to `text`, in the original's
    /// bytes, sorted, each with the rules whose fixes it carries (as
    /// [`crate::lint::fix_with_edits`] gives them for plain text).
    pub edits: Vec<FixEdit>,
}

/// Applies the fixes of [`lint`] to a .docx and returns the new file: only the
/// edited runs' text changes, generated numbering never (see `docs/docx.md`).
///
/// ```
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/docx/faulty_request.docx");
/// let bytes = std::fs::read(path).unwrap();
/// let fixed = gangmu::docx::fix_docx(&bytes, &Default::default(), false).unwrap();
/// assert!(fixed.text.contains("（一）计算机十台。"));   // typed brackets fixed
/// assert!(fixed.text.contains("一.购置理由"));          // generated label untouched
/// assert!(fixed.written >= 3);
/// let again = gangmu::docx::read(&fixed.bytes).unwrap();
/// assert_eq!(again.text, fixed.text);
/// // The edits turn the original text into the fixed one.
/// let original = gangmu::docx::read(&bytes).unwrap().text;
/// let mut out = String::new();
/// let mut at = 0;
/// for e in &fixed.edits {
///     out.push_str(&original[at..e.span.start]);
///     out.push_str(&e.replacement);
///     at = e.span.end;
/// }
/// out.push_str(&original[at..]);
/// assert_eq!(out, fixed.text);
/// ```
pub fn fix_docx(
    bytes: &[u8],
    config: &Config,
    include_unsafe: bool,
) -> Result<FixedDocx, DocxError> {
    fix_rounds(bytes, config, include_unsafe, MAX_ROUNDS, |_| true)
}

/// Writes the fixes of the findings `keep` selects into a .docx, in one round
/// (no second lint): what a reviewer's “fix this finding” does. The findings
/// are those of [`lint`] on the file; a fix that cannot be written into runs
/// is left, as in [`fix_docx`].
///
/// ```
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/docx/faulty_request.docx");
/// let bytes = std::fs::read(path).unwrap();
/// let one = gangmu::docx::fix_docx_selected(&bytes, &Default::default(), false, |d| {
///     d.rule == "HDR004"
/// })
/// .unwrap();
/// assert!(one.edits.iter().all(|e| e.rules == ["HDR004"]));
/// assert!(one.text.contains("（一）计算机十台。"));
/// let all = gangmu::docx::fix_docx(&bytes, &Default::default(), false).unwrap();
/// assert!(one.written < all.written);
/// ```
pub fn fix_docx_selected(
    bytes: &[u8],
    config: &Config,
    include_unsafe: bool,
    keep: impl Fn(&Diagnostic) -> bool,
) -> Result<FixedDocx, DocxError> {
    fix_rounds(bytes, config, include_unsafe, 1, keep)
}

/// Up to `rounds` rounds of lint, select (the findings `keep` takes, whose
/// fixes lie in runs), write.
fn fix_rounds(
    bytes: &[u8],
    config: &Config,
    include_unsafe: bool,
    rounds: usize,
    keep: impl Fn(&Diagnostic) -> bool,
) -> Result<FixedDocx, DocxError> {
    let mut current = bytes.to_vec();
    let mut written = 0;
    let mut edits: Vec<FixEdit> = Vec::new();
    let mut docx = read(&current)?;
    for _ in 0..rounds {
        let found = lint(&docx, config);
        let writable: Vec<Diagnostic> = found
            .into_iter()
            .filter(|d| {
                keep(d)
                    && d.fix.as_ref().is_some_and(|f| {
                        (f.safe || include_unsafe)
                            && !f.edits.is_empty()
                            && f.edits.iter().all(|e| covering(&docx, e.span).is_some())
                    })
            })
            .collect();
        let selected = crate::lint::select_edits(&docx.text, &writable, include_unsafe);
        if selected.is_empty() {
            break;
        }
        let round: Vec<Edit> = selected.iter().map(|(e, _)| (*e).clone()).collect();
        let taken = writable
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.edits.iter().all(|e| round.contains(e)))
            })
            .count();
        let Some(next) = rewrite(&current, &docx, &round)? else {
            break;
        };
        let next_docx = read(&next)?;
        let round_edits = written_edits(&docx.text, &next_docx.text, &selected);
        edits = compose(&edits, &docx.text, &round_edits);
        current = next;
        docx = next_docx;
        written += taken;
    }
    let left = lint(&docx, config)
        .iter()
        .filter(|d| keep(d) && d.fix.as_ref().is_some_and(|f| f.safe || include_unsafe))
        .count();
    Ok(FixedDocx {
        bytes: current,
        text: docx.text,
        written,
        left,
        edits,
    })
}

/// The edits of one round as the new file shows them: the selected edits
/// with their rules when the text read back is the text with them applied
/// (the rule), else one edit over the part that changed, carrying every rule
/// of the round (the runs' XML can say more than the edit: spaces at the ends
/// of a `w:t` without `xml:space="preserve"` are not kept).
fn written_edits(before: &str, after: &str, selected: &[(&Edit, &str)]) -> Vec<FixEdit> {
    if splice(before, selected.iter().map(|(e, _)| *e)) == after {
        return selected
            .iter()
            .map(|(e, rule)| FixEdit {
                span: e.span,
                replacement: e.replacement.clone(),
                rules: vec![rule.to_string()],
            })
            .collect();
    }
    if before == after {
        return Vec::new();
    }
    let prefix = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(after.len()), |((i, _), _)| i);
    let suffix = before[prefix..]
        .chars()
        .rev()
        .zip(after[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let mut rules: Vec<String> = selected.iter().map(|(_, r)| r.to_string()).collect();
    rules.sort();
    rules.dedup();
    vec![FixEdit {
        span: Span::new(prefix, before.len() - suffix),
        replacement: after[prefix..after.len() - suffix].to_string(),
        rules,
    }]
}

/// The pieces (indices into `docx.xml.pieces`) an edit lies in: one piece
/// holding an insertion point, or contiguous pieces covering the span.
fn covering(docx: &DocxText, span: Span) -> Option<std::ops::Range<usize>> {
    let pieces = &docx.xml.pieces;
    if span.is_empty() {
        let i = pieces.partition_point(|p| p.text.end < span.start);
        return pieces
            .get(i)
            .filter(|p| p.text.start <= span.start)
            .map(|_| i..i + 1);
    }
    let first = pieces.partition_point(|p| p.text.end <= span.start);
    let mut k = first;
    let mut covered = pieces
        .get(first)
        .filter(|p| p.text.start <= span.start)?
        .text
        .end;
    while covered < span.end {
        k += 1;
        let next = pieces.get(k)?;
        if next.text.start != covered {
            return None; // a gap: a tab, a label, a field, a line break
        }
        covered = next.text.end;
    }
    Some(first..k + 1)
}

/// Escapes text for the content of `w:t`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The archive with `edits` (taken fixes, all covered by pieces) written into
/// the runs' XML; `None` when nothing could be written.
fn rewrite(
    zip_bytes: &[u8],
    docx: &DocxText,
    edits: &[Edit],
) -> Result<Option<Vec<u8>>, DocxError> {
    // New text of every edited piece, by piece index.
    let mut new_text: BTreeMap<usize, String> = BTreeMap::new();
    // Apply per piece, from the last edit to the first, so offsets hold.
    let mut per_piece: BTreeMap<usize, Vec<(usize, usize, &str)>> = BTreeMap::new();
    for e in edits {
        let Some(range) = covering(docx, e.span) else {
            continue;
        };
        for (n, k) in range.enumerate() {
            let p = docx.xml.pieces[k];
            let from = e.span.start.max(p.text.start) - p.text.start;
            let to = e.span.end.min(p.text.end) - p.text.start;
            let replacement = if n == 0 { e.replacement.as_str() } else { "" };
            per_piece
                .entry(k)
                .or_default()
                .push((from, to, replacement));
        }
    }
    for (k, mut changes) in per_piece {
        let p = docx.xml.pieces[k];
        let mut text = docx.text[p.text.range()].to_string();
        changes.sort_by_key(|c| std::cmp::Reverse((c.0, c.1)));
        for (from, to, r) in changes {
            if text.is_char_boundary(from) && text.is_char_boundary(to) && from <= to {
                text.replace_range(from..to, r);
            }
        }
        new_text.insert(k, text);
    }
    // Group by part, then splice each part's XML from the back.
    let mut by_part: BTreeMap<u16, Vec<(TextPiece, String)>> = BTreeMap::new();
    for (k, text) in new_text {
        let p = docx.xml.pieces[k];
        by_part.entry(p.part).or_default().push((p, text));
    }
    let mut archive =
        ZipArchive::new(Cursor::new(zip_bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let mut parts: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (part, mut pieces) in by_part {
        let Some(name) = docx.xml.part_names.get(usize::from(part)) else {
            continue;
        };
        let zip_error = |e: &dyn std::fmt::Display| DocxError::Zip {
            part: name.clone(),
            message: e.to_string(),
        };
        let mut raw = Vec::new();
        archive
            .by_name(name)
            .map_err(|e| zip_error(&e))?
            .read_to_end(&mut raw)
            .map_err(|e| zip_error(&e))?;
        // The offsets are in the text the reader parsed: UTF-8 without a BOM.
        let bom = if raw.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if std::str::from_utf8(&raw[bom..]).is_err() {
            continue; // a UTF-16 part: not rewritten
        }
        pieces.sort_by_key(|(p, _)| std::cmp::Reverse(p.xml.start));
        for (p, text) in pieces {
            let (start, end) = (p.xml.start + bom, p.xml.end + bom);
            if end > raw.len() || start > end {
                continue;
            }
            let mut escaped = escape(&text);
            // Leading or trailing spaces need xml:space="preserve" on the w:t.
            let open_tag_start = raw[..start].iter().rposition(|&b| b == b'<').unwrap_or(0);
            let open_tag = &raw[open_tag_start..start];
            let preserves = open_tag.windows(9).any(|w| w == b"xml:space");
            if !preserves && (text.starts_with(' ') || text.ends_with(' ')) {
                escaped = escape(text.trim_matches(' '));
            }
            raw.splice(start..end, escaped.into_bytes());
        }
        parts.insert(name.clone(), raw);
    }
    if parts.is_empty() {
        return Ok(None);
    }
    // The new archive: changed parts deflated, the rest copied raw.
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| DocxError::Zip {
            part: format!("entry {i}"),
            message: e.to_string(),
        })?;
        let name = entry.name().to_string();
        let fail = |e: &dyn std::fmt::Display| DocxError::Zip {
            part: name.clone(),
            message: e.to_string(),
        };
        match parts.get(&name) {
            Some(bytes) => {
                drop(entry);
                out.start_file(name.as_str(), opts).map_err(|e| fail(&e))?;
                out.write_all(bytes).map_err(|e| fail(&e))?;
            }
            None => out.raw_copy_file(entry).map_err(|e| fail(&e))?,
        }
    }
    let bytes = out
        .finish()
        .map_err(|e| DocxError::NotZip(e.to_string()))?
        .into_inner();
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::tests::zip_of;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn docx(body: &str) -> Vec<u8> {
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        );
        zip_of(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/other.bin", b"\x00\x01 kept as it is"),
        ])
    }

    fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
        let mut a = ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = Vec::new();
        a.by_name(name).unwrap().read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn only_the_edited_runs_change() {
        let body = r#"<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>(一)</w:t></w:r><w:r><w:t>A&amp;B指导思想</w:t></w:r></w:p>"#;
        let bytes = docx(body);
        let fixed = fix_docx(&bytes, &Config::default(), false).unwrap();
        assert_eq!(fixed.text, "一、总体要求\n（一）A&B指导思想\n");
        assert_eq!(fixed.written, 1);
        let xml = String::from_utf8(entry(&fixed.bytes, "word/document.xml")).unwrap();
        let before = String::from_utf8(entry(&bytes, "word/document.xml")).unwrap();
        assert_eq!(xml, before.replace("<w:t>(一)</w:t>", "<w:t>（一）</w:t>"));
        assert_eq!(
            entry(&fixed.bytes, "word/other.bin"),
            b"\x00\x01 kept as it is"
        );
    }

    #[test]
    fn an_edit_across_runs_goes_into_the_first() {
        // HDR006: the spaces after 一、 lie in two runs; the second keeps its bold.
        let body = r#"<w:p><w:r><w:t xml:space="preserve">一、 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 总体要求</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p>"#;
        let fixed = fix_docx(&docx(body), &Config::default(), false).unwrap();
        assert_eq!(fixed.text, "一、总体要求\n正文。\n");
        let xml = String::from_utf8(entry(&fixed.bytes, "word/document.xml")).unwrap();
        assert!(xml.contains(r#"<w:t xml:space="preserve">一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">总体要求</w:t>"#), "{xml}");
    }

    #[test]
    fn fixes_that_touch_more_than_runs_are_left() {
        // A typed tab after the marker: not the text of a w:t.
        let body = r#"<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体要求</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p>"#;
        let bytes = docx(body);
        let fixed = fix_docx(&bytes, &Config::default(), false).unwrap();
        assert_eq!(fixed.written, 0);
        assert_eq!(fixed.left, 1);
        assert_eq!(fixed.bytes, bytes, "nothing written: the same file");
    }

    fn apply(text: &str, edits: &[FixEdit]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            assert!(e.span.start >= at, "sorted and apart: {edits:?}");
            out.push_str(&text[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out + &text[at..]
    }

    #[test]
    fn the_edits_turn_each_fixture_s_text_into_the_fixed_text() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/docx");
        let mut fixed_some = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|x| x.to_str()) != Some("docx") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let original = read(&bytes).unwrap().text;
            for unsafe_too in [false, true] {
                let fixed = fix_docx(&bytes, &Config::default(), unsafe_too).unwrap();
                assert_eq!(apply(&original, &fixed.edits), fixed.text, "{path:?}");
                assert!(fixed.edits.iter().all(|e| !e.rules.is_empty()));
                assert_eq!(fixed.edits.is_empty(), fixed.text == original);
                fixed_some += usize::from(!fixed.edits.is_empty());
            }
        }
        assert!(fixed_some >= 2, "the fixtures should have fixes to write");
    }

    #[test]
    fn one_selected_finding_is_written_alone() {
        let body = r#"<w:p><w:r><w:t>一.总体要求</w:t></w:r></w:p><w:p><w:r><w:t>(一)指导思想</w:t></w:r></w:p>"#;
        let bytes = docx(body);
        let one =
            fix_docx_selected(&bytes, &Config::default(), false, |d| d.rule == "HDR001").unwrap();
        assert_eq!(one.text, "一、总体要求\n(一)指导思想\n");
        assert_eq!(one.written, 1);
        assert_eq!(one.left, 0, "only the selected findings are counted");
        assert_eq!(one.edits.len(), 1);
        assert_eq!(one.edits[0].rules, ["HDR001"]);
        let all = fix_docx(&bytes, &Config::default(), false).unwrap();
        assert_eq!(all.text, "一、总体要求\n（一）指导思想\n");
    }

    #[test]
    fn edits_the_file_does_not_keep_as_given_become_the_changed_part() {
        // The text read back differs from the edit applied (say, an end space
        // the run drops): one edit over what changed, with the round's rules.
        let e = Edit {
            span: Span::new(3, 4),
            replacement: "、 ".into(),
        };
        let edits = written_edits("一.总则\n", "一、总则\n", &[(&e, "HDR001")]);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].span, Span::new(3, 4));
        assert_eq!(edits[0].replacement, "、");
        assert_eq!(edits[0].rules, ["HDR001"]);
        assert!(written_edits("同\n", "同\n", &[(&e, "HDR001")]).is_empty());
        // As given: the edit itself.
        let kept = written_edits("一.总则\n", "一、 总则\n", &[(&e, "HDR001")]);
        assert_eq!(kept[0].replacement, "、 ");
    }

    #[test]
    fn covering_finds_contiguous_pieces_only() {
        let t = read(&docx(
            r#"<w:p><w:r><w:t>甲乙</w:t><w:t>丙</w:t><w:tab/><w:t>丁</w:t></w:r></w:p>"#,
        ))
        .unwrap();
        assert_eq!(t.text, "甲乙丙\t丁\n");
        assert_eq!(covering(&t, Span::new(3, 9)), Some(0..2));
        // An insertion between two runs goes to the one before (as typing would).
        assert_eq!(covering(&t, Span::new(6, 6)), Some(0..1));
        assert_eq!(covering(&t, Span::new(7, 7)), Some(1..2));
        assert_eq!(covering(&t, Span::new(6, 13)), None);
        assert_eq!(covering(&t, Span::new(20, 20)), None);
    }
}
