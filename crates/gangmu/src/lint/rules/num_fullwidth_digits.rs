//! NUM001 `num-fullwidth-digits`: full-width digits `０–９`.
//!
//! GB/T 15835—2011 writes Arabic numerals half-width. Full-width digits come
//! from Chinese input methods and OCR (`１９９６年`, `１．`). Safe fix: ASCII digits.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::non_ideographs;
use crate::text::is_fullwidth_digit;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "NUM001",
        name: "num-fullwidth-digits",
        severity: Severity::Warning,
        source: Source::P15835,
        summary: "使用了全角数字",
        summary_en: "full-width digits",
    },
    doc: RuleDoc {
        what: "A run of full-width digits `０`–`９` in the text or in a heading marker.",
        why: "GB/T 15835—2011 writes Arabic numerals half-width; full-width ones break search and sorting.",
        fires: &["１９９６年通过。\n", "一、总则\n１．目的\n"],
        passes: &["1996年通过。\n"],
        fix: "Safe: each digit becomes its ASCII form.",
        fix_example: Some(("１９９６年通过。\n", "1996年通过。\n")),
        options: "",
        config: "",
    },
    check,
};

/// Reports the full-width digit runs of `s` (at `base`); `chars` are its
/// non-ideograph characters with their offsets.
fn scan(base: usize, s: &str, chars: impl Iterator<Item = (usize, char)>, out: &mut Vec<Diagnostic>) {
    let mut skip_to = 0;
    for (i, c) in chars {
        if i < skip_to || !is_fullwidth_digit(c) {
            continue;
        }
        let ascii: String = s[i..]
            .chars()
            .take_while(|&d| is_fullwidth_digit(d))
            .map(|d| char::from_u32(d as u32 - '０' as u32 + '0' as u32).unwrap_or(d))
            .collect();
        // Full-width digits are three bytes each.
        let end = i + ascii.len() * '０'.len_utf8();
        skip_to = end;
        let d = diag(
            Span::new(base + i, base + end),
            format!("“{}”应使用半角数字", &s[i..end]),
            format!("write `{}` with half-width digits", &s[i..end]),
        );
        out.push(with_fix(d, true, vec![edit(base + i, base + end, ascii)]));
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        scan(span.start, s, marks.iter().copied(), out);
    }
    for h in &ctx.headings {
        if let Some(m) = h.marker.filter(|m| m.fullwidth_digits) {
            scan(m.span.start, &m.text, non_ideographs(&m.text), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("NUM001");
    }
}
