//! Hostile and extreme inputs: each gives a well-formed tree (or, for bytes, a
//! clear decoding error) — never a panic, a hang or unbounded memory. Trees are
//! checked with the same invariants as the `parse` fuzz target.
//!
//! The 50 MB document is slow in a debug build; it runs with `--release` (or
//! `-- --ignored`). The criterion bench and `examples/throughput.rs` cover it
//! too, with its peak memory (docs/performance.md).

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/synthetic.rs"]
mod synthetic;

use gangmu::{DecodeError, Node, Section};
use invariants::check_parse;

fn max_section_depth(doc: &gangmu::Document) -> u32 {
    doc.walk()
        .filter_map(|(_, n)| match n {
            Node::Section(Section { depth, .. }) => Some(*depth),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Only leaf tiling, for inputs too large for the full node checks in debug.
fn check_tiling(text: &str, doc: &gangmu::Document) {
    let mut at = 0;
    for leaf in doc.leaves() {
        assert_eq!(leaf.span().start, at, "leaves should tile the input");
        at = leaf.span().end;
    }
    assert_eq!(at, text.len(), "leaves should cover the whole input");
}

#[test]
fn empty_input_gives_an_empty_document() {
    let doc = check_parse("");
    assert!(
        doc.leaves().all(|l| l.span().is_empty()),
        "no leaf should cover any byte of empty input"
    );
    assert_eq!(doc.headings().count(), 0);
}

#[test]
fn white_space_only_gives_blank_leaves() {
    for text in [
        " ",
        "\n",
        "\r\n\r\n",
        "\r\r\r",
        "\u{3000}\u{3000}\n\t\n",
        "\u{FEFF}",
        "\u{200B}\u{00A0}\u{2028}\u{2029}\n",
        &" \n".repeat(10_000),
    ] {
        let doc = check_parse(text);
        assert_eq!(
            doc.headings().count(),
            0,
            "white space {text:?} should hold no heading"
        );
        assert!(
            doc.title_text().is_none(),
            "white space {text:?} should hold no title"
        );
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in a debug build: run with --release or --ignored"
)]
fn a_50_mb_document_parses_into_a_well_formed_tree() {
    let text = synthetic::document(50_000_000);
    assert!(text.len() >= 50_000_000);
    let doc = gangmu::parse(&text);
    check_tiling(&text, &doc);
    assert!(
        doc.headings().count() > 100_000,
        "the synthetic document is mostly headings"
    );
    assert!(max_section_depth(&doc) <= 8);
}

#[test]
fn a_one_line_10_mb_document_parses() {
    let unit = "一、加强组织领导，一是统一思想（1）①第一，首先，";
    let line: String = unit.repeat(10_000_000 / unit.len() + 1);
    let doc = gangmu::parse(&line);
    check_tiling(&line, &doc);
    assert_eq!(
        doc.headings().count(),
        1,
        "a single line holds at most one heading"
    );
    // And one line of a single repeated character of each kind the parser looks at.
    for c in ["一", "（", "*", "#", ">", "-", "\u{3000}", "。", "1", "."] {
        let line = c.repeat(2_000_000 / c.len());
        check_tiling(&line, &gangmu::parse(&line));
    }
}

#[test]
fn a_hundred_thousand_headings_each_give_a_section() {
    let text = invariants::repeat_unit("^、标题@\n正文。\n", 100_000);
    let doc = gangmu::parse(&text);
    check_tiling(&text, &doc);
    assert_eq!(
        doc.headings().count(),
        100_000,
        "should read 100,000 numbered headings with body text between them"
    );
}

#[test]
fn nesting_ten_thousand_levels_deep_stays_a_bounded_tree() {
    // 一、（一）1.（1）① repeated: 10,000 heading lines, each one level deeper
    // than the last within a group of five.
    let bare = "一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n".repeat(2_000);
    let doc = gangmu::parse(&bare);
    check_tiling(&bare, &doc);
    assert!(
        max_section_depth(&doc) <= 5,
        "depth is bounded by the marker families"
    );

    // The same with body text under each heading, so that none is a table of contents.
    let with_body =
        "一、甲\n正文。\n（一）乙\n正文。\n1.丙\n正文。\n（1）丁\n正文。\n①戊\n正文。\n"
            .repeat(2_000);
    let doc = check_parse(&with_body);
    assert_eq!(doc.headings().count(), 10_000);
    assert_eq!(
        max_section_depth(&doc),
        5,
        "should nest 一、 > （一） > 1. > （1） > ①"
    );
    let deepest = doc.walk().map(|(level, _)| level).max().unwrap_or(0);
    assert!(
        deepest <= 8,
        "the tree should stay shallow, not {deepest} levels deep"
    );
}

#[test]
fn every_marker_family_with_every_bracket_mix_parses() {
    let opens = ["", "（", "(", "［", "[", "【", "〔", "〈", "“"];
    let numerals = [
        "一",
        "十二",
        "一百零五",
        "九千九百九十九",
        "〇",
        "零",
        "1",
        "12",
        "１２",
        "0",
        "99999",
        "①",
        "⑴",
        "㈠",
        "a",
        "A",
        "1.1",
        "1.1.1",
        "2.3.4.5",
        "第一",
        "第十二",
    ];
    let closes = [
        "", "）", ")", "］", "]", "】", "〕", "〉", "、", ".", "．", "，", ",", "：", ":", " ",
        "\u{3000}", "章", "节", "条", "编", "部分", "篇", "是", "要",
    ];
    let extras = ["", "、", ".", "，", "）"];
    let mut all = String::new();
    for o in opens {
        for n in numerals {
            for c in closes {
                for e in extras {
                    let head = format!("{o}{n}{c}{e}");
                    let _ = gangmu::parse_marker(&head);
                    let line = format!("{head}标题内容\n正文。\n");
                    all.push_str(&line);
                }
            }
        }
    }
    let doc = check_parse(&all);
    assert!(
        doc.headings().count() > 100,
        "many of the combinations are headings"
    );
}

#[test]
fn invalid_utf8_is_a_clear_error_or_a_tree() {
    let inputs: &[&[u8]] = &[
        b"\xC3\x28abc",
        b"\x80\x81\x82",
        b"\xC0\xAF",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
        b"\xFF",
        b"\xE4\xB8",
        b"\xE4\xB8\x80\xE3\x80",
    ];
    for bytes in inputs {
        match gangmu::decode(bytes) {
            Ok(d) => {
                check_parse(&d.text);
            }
            Err(e) => assert!(
                !e.to_string().is_empty(),
                "the error should say what is wrong"
            ),
        }
    }
}

#[test]
fn nul_bytes_are_reported_as_binary() {
    let err = gangmu::decode(b"\xE4\xB8\x80\xE3\x80\x81\x00abc").unwrap_err();
    assert!(
        matches!(err, DecodeError::Binary(_)),
        "NUL bytes should be binary, not {err:?}"
    );
    assert!(
        err.to_string().contains("NUL"),
        "the error should name the NUL byte: {err}"
    );
}

#[test]
fn utf16_without_a_bom_is_an_error_or_a_tree() {
    let text = "关于开展检查的通知\n一、检查范围\n";
    for le in [true, false] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        // The ASCII line breaks become NUL bytes: binary.
        assert!(
            gangmu::decode(&bytes).is_err(),
            "UTF-16 with ASCII and no BOM should be refused"
        );
        // Without ASCII there is no NUL; whatever it decodes as must parse.
        let cjk: Vec<u8> = "关于开展检查的通知"
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        if let Ok(d) = gangmu::decode(&cjk) {
            check_parse(&d.text);
        }
    }
    // With a BOM but an odd number of bytes: a clear error.
    assert!(gangmu::decode(b"\xFF\xFE\x00N\x01").is_err());
}

#[test]
fn truncated_gb18030_is_a_clear_error() {
    let (gb, _, _) = encoding_rs::GB18030.encode("一、总则\n第一条　目的");
    let mut cut = gb.to_vec();
    cut.pop(); // half of the last two-byte character
    match gangmu::decode(&cut) {
        Err(e) => assert!(matches!(e, DecodeError::Undecodable(_)), "{e:?}"),
        Ok(d) => panic!(
            "a truncated GB18030 character should not decode: {:?}",
            d.text
        ),
    }
    // A four-byte GB18030 sequence cut after two bytes.
    let (gb4, _, _) = encoding_rs::GB18030.encode("标题€\u{1F600}");
    let cut4 = &gb4[..gb4.len() - 2];
    assert!(
        gangmu::decode(cut4).is_err(),
        "a truncated four-byte sequence should not decode"
    );
}

#[test]
fn mixed_line_endings_split_into_the_same_headings() {
    let text =
        "关于开展检查的通知\r\n\r\n一、范围\r（一）单位。\n二、要求\r\n（一）时间。\r\r三、其他\n";
    let doc = check_parse(text);
    assert_eq!(
        doc.headings().count(),
        5,
        "should read a heading on every kind of line ending"
    );
}

#[test]
fn unicode_line_and_paragraph_separators_do_not_break_the_tree() {
    let text = "一、总则\u{2028}（一）目的\u{2029}正文。\n二、附则\u{2028}\n正文\u{2028}继续。\n";
    check_parse(text);
    check_parse(&"\u{2028}".repeat(100_000));
}

#[test]
fn right_to_left_marks_do_not_break_the_tree() {
    let text = "\u{200F}一、总则\u{200F}\n\u{202E}（一）目的\u{202C}\n\u{200E}1.范围\n\u{2067}正文。\u{2069}\n";
    check_parse(text);
    check_parse(&"\u{202E}一、\u{200F}".repeat(50_000));
}

#[test]
fn markup_and_comment_debris_at_scale() {
    for text in [
        "<!--\n".repeat(50_000),
        "---\n".repeat(50_000),
        "**一、总则**\n".repeat(50_000),
        "## # > > **\n".repeat(50_000),
        "-1-第一条　目的\n".repeat(50_000),
        "附件\n".repeat(50_000),
        "2024年9月30日\n".repeat(50_000),
        "（".repeat(500_000),
        format!("{}\n", "一".repeat(500_000)),
        format!("第{}条\n", "一".repeat(100_000)),
        format!("{}.\n", "1".repeat(100_000)),
    ] {
        check_parse(&text);
    }
}

#[test]
fn a_line_of_a_hundred_thousand_unmatched_brackets_lints() {
    // The pairing rules keep a bounded stack of open marks: before the bound,
    // every close searched all the opens (quadratic; this line took minutes).
    let n = 100_000;
    let line = format!("关于{}{}\n", "（".repeat(n), "》".repeat(n));
    let found = gangmu::lint::lint(&line, &gangmu::lint::Config::default());
    let unbalanced = found.iter().filter(|d| d.rule == "PAIR001").count();
    assert_eq!(unbalanced, 2 * n, "every open and every close is unmatched");
    for d in &found {
        assert!(line.is_char_boundary(d.span.start) && line.is_char_boundary(d.span.end));
    }
    // Quotes nested deeper than the bound (64 open marks): the innermost 64
    // pairs match; each outer open mark is given up as unclosed, and so its
    // close is unmatched.
    let line = format!("{}{}\n", "“".repeat(n), "”".repeat(n));
    let found = gangmu::lint::lint(&line, &gangmu::lint::Config::default());
    let unbalanced = found.iter().filter(|d| d.rule == "PAIR001").count();
    assert_eq!(unbalanced, 2 * (n - 64));
}
