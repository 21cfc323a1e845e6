//! W002 `truncated`: the text ends mid-sentence.
//!
//! Paywalled template sites cut documents off mid-list. The cut shows in the
//! tree: the last line of text (of a paragraph or a heading) ends without
//! terminal punctuation, and no element (署名, 成文日期) follows it.

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::parse::{line_at, line_ending_at};
use crate::span::Span;
use crate::text::{char_len, ends_sentence};
use crate::tree::{Document, Node};
use crate::{Diagnostic, Severity};

/// A standalone heading this short may close a text (a cut after a heading
/// is not mid-sentence).
const STANDALONE_HEADING_MAX_CHARS: usize = 40;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "W002",
        name: "truncated",
        severity: Severity::Warning,
        source: Source::W,
        summary: "文本在句中截断",
        summary_en: "the text is truncated mid-sentence",
    },
    doc: RuleDoc {
        what: "The last line of text ends without terminal punctuation and is not a heading or an end element.",
        why: "A cut text is incomplete; what follows the cut is lost.",
        fires: &["关于开展检查的通知\n\n各单位：\n\n一是统一思想，提高认识，切实加强对检查工作的组织领导和统筹"],
        passes: &["关于开展检查的通知\n\n各单位：\n\n一是统一思想，提高认识。\n"],
        fix: "None: find the full text.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(find(ctx.text, ctx.doc));
}

/// The W002 finding of a tree, if its text is cut.
pub(crate) fn find(text: &str, doc: &Document) -> Option<Diagnostic> {
    // The last line of text: the last line of the last paragraph, or the
    // line of the last heading; a heading starting on it makes it a heading
    // line (a run-in heading and its paragraph share one).
    let mut last: Option<(crate::parse::Line, bool)> = None;
    let mut later_element = false;
    for (_, n) in doc.walk() {
        let (line, heading) = match n {
            Node::Paragraph(p) => (line_ending_at(text, p.span.end), false),
            Node::Heading(h) => (line_at(text, h.span.start), true),
            Node::Meta(_) | Node::Title(_) => {
                if let Some((l, _)) = &last {
                    later_element |= n.span().start >= l.end;
                }
                continue;
            }
            _ => continue,
        };
        match &mut last {
            Some((l, h)) if l.start == line.start => *h |= heading,
            Some((l, _)) if l.start > line.start => {}
            _ => {
                last = Some((line, heading));
                later_element = false;
            }
        }
    }
    let (line, heading) = last?;
    let c = line.content(text);
    let standalone_heading = heading
        && char_len(c) <= STANDALONE_HEADING_MAX_CHARS
        && !c
            .trim_end_matches(['。', '！', '？'])
            .contains(['。', '！', '？']);
    // A text that stops on a clause (；，、：) or without punctuation was cut.
    let open_end = !ends_sentence(c)
        || c.trim_end_matches(['”', '’', '）', ')', '*'])
            .ends_with(['；', ';', '：', ':']);
    (open_end && !standalone_heading && !later_element && !c.is_empty()).then(|| {
        diag(
            Span::new(line.content_start, line.content_end),
            "文本在句中截断",
            "the text is truncated mid-sentence",
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W002");
    }
}
