//! The human-readable format: location, rule, message, and the source line
//! with the span underlined.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{rule_name, Emitter, FileFindings};
use crate::diagnostic::Diagnostic;

/// One block per finding — `name:line:column: severity[ID name] message`
/// (the [`super::SourceMap`]'s place instead of the line when there is one),
/// the source line, carets under the span at display width (2 for a
/// full-width character) and the English message — then a count of the
/// findings and of those `gangmu fix` repairs. Writes nothing when there is
/// no finding.
///
/// ```
/// use gangmu::lint::emit::{Emitter, FileFindings, TextEmitter};
/// let text = "要加强领导,落实责任。\n";
/// let found = gangmu::lint::lint(text, &Default::default());
/// let mut out = Vec::new();
/// TextEmitter.emit(&mut out, &[FileFindings::new("a.txt", text, &found)]).unwrap();
/// let shown = String::from_utf8(out).unwrap();
/// // `要加强领导` is five full-width characters: ten columns before the caret.
/// assert!(shown.contains("\n  |           ^ "), "{shown}");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TextEmitter;

impl TextEmitter {
    /// One finding as text, ending with a line break (without the blank line
    /// [`Emitter::emit`] puts between findings).
    ///
    /// ```
    /// use gangmu::lint::emit::{FileFindings, TextEmitter};
    /// let text = "一.总则\n";
    /// let found = gangmu::lint::lint(text, &Default::default());
    /// let file = FileFindings::new("a.txt", text, &found);
    /// let block = TextEmitter::finding(&file, &found[0]);
    /// assert_eq!(block.lines().nth(2), Some("1 | 一.总则"));
    /// assert_eq!(block.lines().nth(3).map(|l| &l[..7]), Some("  | ^^^"));
    /// ```
    pub fn finding(file: &FileFindings<'_>, d: &Diagnostic) -> String {
        let text = file.text();
        let (line, col) = file.location(d.span.start);
        let (ls, src) = line_at(text, d.span.start);
        let end = d.span.end.min(ls + src.len()).max(d.span.start);
        let pad = display(&src[..d.span.start - ls]).width();
        let width = display(&text[d.span.start..end]).width().max(1);
        let gutter = line.width();
        let fix = match &d.fix {
            Some(f) if f.safe => " [fix]",
            Some(_) => " [unsafe fix]",
            None => "",
        };
        format!(
            "{name}:{line}:{col}: {sev}[{rule} {rname}] {msg}{fix}\n{sp} |\n{line} | {src}\n{sp} | {pad}{marks} {en}\n",
            name = file.name(),
            sev = d.severity,
            rule = d.rule,
            rname = rule_name(&d.rule),
            msg = d.message,
            sp = " ".repeat(gutter),
            src = display(src),
            pad = " ".repeat(pad),
            marks = "^".repeat(width),
            en = d.message_en,
        )
    }
}

impl Emitter for TextEmitter {
    fn emit(&self, out: &mut dyn Write, files: &[FileFindings<'_>]) -> io::Result<()> {
        let mut s = String::new();
        let mut total = 0;
        let mut fixable = 0;
        for file in files {
            for d in file.diagnostics() {
                s.push_str(&Self::finding(file, d));
                s.push('\n');
                total += 1;
                fixable += usize::from(d.fix.as_ref().is_some_and(|f| f.safe));
            }
        }
        if total > 0 {
            s.push_str(&format!(
                "Found {total} finding(s); {fixable} fixable with `gangmu fix`.\n"
            ));
        }
        out.write_all(s.as_bytes())
    }
}

/// The line of `text` holding byte `at`: its start and its text.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let (start, end) = crate::parse::line_bounds(text, at);
    (start, &text[start..end])
}

/// A tab shows as one column, like the carets under it.
fn display(s: &str) -> String {
    s.replace('\t', " ")
}
