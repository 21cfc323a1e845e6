use super::*;
use crate::Span;

/// The first implementation of `apply_fixes`, quadratic in the number of
/// fixes: the reference the indexed one must agree with.
fn apply_fixes_reference(text: &str, diagnostics: &[Diagnostic], include_unsafe: bool) -> String {
    let mut taken: Vec<&Edit> = Vec::new();
    for (f, _) in candidate_fixes(text, diagnostics, include_unsafe) {
        let clash = f.edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| overlaps(t, e)) || f.edits[..i].iter().any(|o| overlaps(o, e))
        });
        if !clash {
            taken.extend(&f.edits);
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    splice(text, taken)
}

#[test]
fn apply_fixes_agrees_with_the_quadratic_reference() {
    // Random fixes of one to three edits (empty, short and long, some
    // overlapping, some inserting at the same place) over an ASCII text.
    let text: String = "abcdefghij".repeat(30);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n) as usize
    };
    for round in 0..300 {
        let mut diagnostics = Vec::new();
        for _ in 0..1 + next(40) {
            let edits = (0..1 + next(3))
                .map(|_| {
                    let start = next(text.len() as u64 + 1);
                    let end = (start + next(6)).min(text.len());
                    Edit {
                        span: Span::new(start, end),
                        replacement: "Z".repeat(next(3)),
                    }
                })
                .collect();
            let mut d = context::diag(Span::new(0, 0), "", "");
            d.fix = Some(crate::Fix {
                safe: next(4) != 0,
                edits,
            });
            diagnostics.push(d);
        }
        for unsafe_too in [false, true] {
            assert_eq!(
                apply_fixes(&text, &diagnostics, unsafe_too),
                apply_fixes_reference(&text, &diagnostics, unsafe_too),
                "round {round}"
            );
        }
    }
}

#[test]
fn odd_inputs_never_panic_and_fix_is_stable() {
    let c = Config::default();
    for t in [
        "",
        "\r",
        "\n\n\n",
        "（",
        "》",
        "一、",
        "(一)",
        "第1条",
        "\u{FEFF}一.总则\r\n(一)、目的\r\n",
        "国发[2024]第01号《",
        "“‘《〈（【〔",
        "2024.9.5",
        "……。。。...--",
        "一是二是四是一是",
    ] {
        let d = lint(t, &c);
        for x in &d {
            assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
        }
        let once = fix(t, &c, true);
        assert_eq!(fix(&once, &c, true), once, "fix should be stable on {t:?}");
    }
}

#[test]
fn a_safe_fix_never_makes_or_unmakes_a_heading_marker() {
    let c = Config::default();
    // `2、、` is a marker with a doubled delimiter: the safe fix keeps
    // one `、`, and the line is the same heading before and after.
    let t = "一、总则\n\n1、加强宣传。\n\n2、、管理到位，常抓重点。\n";
    let d = lint(t, &c);
    let p = d
        .iter()
        .find(|d| d.rule == "PUNC004")
        .expect("PUNC004 fires");
    assert!(p.fix.as_ref().expect("has a fix").safe);
    let fixed = fix(t, &c, false);
    // (HDR003 then writes the level-3 delimiter as `.`.)
    assert!(fixed.contains("\n2.管理到位"), "{fixed}");
    assert_eq!(crate::parse(t).headings().count(), 3);
    assert_eq!(crate::parse(&fixed).headings().count(), 3);
    // A mark that would make a line a heading keeps an unsafe fix.
    let t = "一、总则\n\n1、加强宣传。\n\n2，，管理到位，常抓重点。\n";
    let p = lint(t, &c)
        .into_iter()
        .find(|d| d.rule == "PUNC004")
        .expect("PUNC004 fires");
    assert!(!p.fix.as_ref().expect("has a fix").safe);
    // The same doubled mark inside a sentence keeps its safe fix.
    let t = "一、总则\n\n加强宣传、、管理到位。\n";
    assert_eq!(fix(t, &c, false), "一、总则\n\n加强宣传、管理到位。\n");
    // A fix that changes only the marker's punctuation stays safe.
    assert_eq!(
        fix("一、总则\n(一)目的\n", &c, false),
        "一、总则\n（一）目的\n"
    );
}

#[test]
fn apply_fixes_skips_bad_and_overlapping_edits() {
    let d = |s: usize, e: usize, r: &str| Diagnostic {
        rule: "PUNC001".into(),
        severity: Severity::Warning,
        message: String::new(),
        message_en: String::new(),
        span: crate::Span::new(s, e),
        fix: Some(crate::Fix {
            safe: true,
            edits: vec![Edit {
                span: crate::Span::new(s, e),
                replacement: r.into(),
            }],
        }),
    };
    let text = "一二三";
    // 1..2 is inside a character; 0..6 and 3..6 overlap.
    let out = apply_fixes(text, &[d(1, 2, "x"), d(0, 6, "甲"), d(3, 6, "乙")], false);
    assert_eq!(out, "甲三");
}
