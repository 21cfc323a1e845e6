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
use crate::text::class::{is_digit, is_space, Scan};
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
    // One pass over the nodes for the last of each; the lines are read once.
    let (mut paragraph_end, mut heading_start, mut element_start) = (None, None, None);
    for (_, n) in doc.walk() {
        let s = n.span();
        match n {
            Node::Paragraph(_) => paragraph_end = paragraph_end.max(Some(s.end)),
            Node::Heading(_) => heading_start = heading_start.max(Some(s.start)),
            Node::Meta(_) | Node::Title(_) => element_start = element_start.max(Some(s.start)),
            _ => {}
        }
    }
    let of_paragraph = paragraph_end.map(|e| line_ending_at(text, e));
    let of_heading = heading_start.map(|s| line_at(text, s));
    let (line, heading) = match (of_paragraph, of_heading) {
        (Some(p), Some(h)) if h.start >= p.start => (h, true),
        (Some(p), _) => (p, false),
        (None, Some(h)) => (h, true),
        (None, None) => return None,
    };
    let later_element = element_start.is_some_and(|e| e >= line.end);
    let c = line.content(text);
    // A short heading line may close a text, unless it stops inside a
    // quotation, a title in 书名号 or a bracket: `（五）整改销号：实行“编`.
    let standalone_heading = heading
        && char_len(c) <= STANDALONE_HEADING_MAX_CHARS
        && !c
            .trim_end_matches(['。', '！', '？'])
            .contains(['。', '！', '？'])
        && !leaves_a_mark_open(c);
    // A text that stops on a clause (；，、：) or without punctuation was cut.
    let open_end = !ends_sentence(c)
        || c.trim_end_matches(['”', '’', '）', ')', '*'])
            .ends_with(['；', ';', '：', ':']);
    // A line wholly in parentheses is a note (`（联系人：王明，电话：…）`,
    // 附注 the parser did not take): complete as it stands.
    let note = {
        let t = c.trim_matches(|ch: char| crate::text::is_space(ch));
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'))
    };
    // A date the parser did not take for the 成文日期 (`2025年11月`,
    // `2025年3月1日。`) ends the text as well as an element does.
    let date = ends_with_date(c);
    (open_end && !standalone_heading && !later_element && !note && !date && !c.is_empty()).then(|| {
        diag(
            Span::new(line.content_start, line.content_end),
            "文本在句中截断",
            "the text is truncated mid-sentence",
        )
    })
}

/// A line that ends with a date: `2025年11月`, `……2025年3月1日`. Read
/// backwards from the end, in place of
/// `(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?[\s　]*$`
/// (1.6M instructions to compile): each run of figures lies between
/// characters it cannot hold, so its whole length decides; the year is the
/// four characters before 年.
fn ends_with_date(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    if !line.ends_with(['月', '日']) {
        return false;
    }
    let reversed: String = line.chars().rev().collect();
    let mut s = Scan(&reversed);
    let figure = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let day = !s.eat(|c| c == '日') || {
        s.spaces();
        let n = s.run(figure);
        s.spaces();
        (1..=3).contains(&n)
    };
    day && s.eat(|c| c == '月')
        && {
            s.spaces();
            (1..=2).contains(&s.run(figure))
        }
        && {
            s.spaces();
            s.eat(|c| c == '年')
        }
        && {
            s.spaces();
            let year: Vec<char> = s.0.chars().take(4).collect();
            year.len() == 4
                && (year.iter().all(|&c| is_digit(c))
                    || year.iter().all(|&c| "〇零一二三四五六七八九○".contains(c)))
        }
}

/// Whether `s` opens a quotation, a 书名号 title or a bracket it does not
/// close.
fn leaves_a_mark_open(s: &str) -> bool {
    const PAIRS: [(char, char); 5] = [('“', '”'), ('《', '》'), ('（', '）'), ('(', ')'), ('【', '】')];
    PAIRS.iter().any(|&(o, c)| {
        let mut depth = 0i32;
        for ch in s.chars() {
            if ch == o {
                depth += 1;
            } else if ch == c {
                depth = (depth - 1).max(0);
            }
        }
        depth > 0
    })
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn end_date_as_its_pattern() {
        crate::text::class::assert_same_as(
            r"(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?[\s　]*$",
            super::ends_with_date,
            &["某某办公室 2025年11月", "二〇二五年十一月　", "……2025年3月1日", "12025 年 3 月 二十一 日 ", "〇〇〇〇年1月"],
            "年月日〇零一二三四五六七八九十○0123456789１٣",
        );
    }

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W002");
    }

    #[test]
    fn a_closing_date_is_complete() {
        passes("W002", "关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n某某办公室\n2025年11月\n");
        passes("W002", "关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n某某办公室\n二〇二五年十一月\n");
    }

    #[test]
    fn a_closing_note_in_parentheses_is_complete() {
        passes("W002", "关于商请协助的函\n\n市财政局：\n\n特此函告。\n\n某某局\n\n（联系人：王明，联系电话：0871-6123456）");
        passes("W002", "关于商请协助的函\n\n市财政局：\n\n特此函告。\n\n(联系人:王明,电话:6123456)\n");
        fires("W002", "关于商请协助的函\n\n市财政局：\n\n特此函告。\n\n（联系人：王明，联系电话：0871-6123456");
    }

    #[test]
    fn a_heading_line_cut_inside_a_quotation_or_title_is_truncated() {
        fires("W002", "关于整改情况的报告\n\n一、整改措施\n\n（一）实行销号管理。\n\n（五）整改销号：实行“编");
        fires("W002", "会议纪要\n\n（二）会议原则同意县农业局《关于秋冬生产管理");
        // A short standalone heading may still close a text.
        passes("W002", "关于整改情况的报告\n\n一、整改措施\n\n（一）实行销号管理。\n\n二、下步打算");
        passes("W002", "关于整改情况的报告\n\n一、整改措施\n\n（一）实行销号管理。\n\n二、《条例》学习");
    }
}
