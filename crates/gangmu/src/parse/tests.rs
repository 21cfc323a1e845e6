//! Tests of the whole pipeline on small documents, one behaviour each.

use crate::parse;
use crate::tree::{Document, Meta, MetaKind, Node};

/// (type, first line text) of every node, depth-first, without blanks.
fn outline(text: &str) -> Vec<(String, String)> {
    let doc = parse(text);
    doc.walk()
        .map(|(_, n)| n)
        .filter(|n| !matches!(n, Node::Blank(_) | Node::Section(_)))
        .map(|n| {
            let t = &text[n.span().range()];
            (
                n.type_name().to_string(),
                t.lines().next().unwrap_or("").trim().to_string(),
            )
        })
        .collect()
}

fn headings(text: &str) -> Vec<(u32, String)> {
    let doc = parse(text);
    doc.headings()
        .map(|h| {
            (
                h.depth,
                text[h.span.range()]
                    .lines()
                    .next()
                    .unwrap()
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

fn meta_kinds(doc: &Document) -> Vec<MetaKind> {
    doc.walk()
        .filter_map(|(_, n)| match n {
            Node::Meta(Meta { kind, .. }) => Some(*kind),
            _ => None,
        })
        .collect()
}

fn types(text: &str) -> Vec<String> {
    outline(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn should_treat_quantities_and_dates_at_a_line_start_as_body() {
    assert!(
        headings("一、总则\n3.5倍的增长来自投资。\n11.5.14 会议纪要另行印发。\n2024年工作回顾。\n")
            .len()
            == 1
    );
}

#[test]
fn should_split_a_run_in_heading_at_its_first_sentence() {
    let text = "（一）坚持人民至上。要把人民放在心中最高位置。\n";
    let doc = parse(text);
    let h = doc.headings().next().unwrap();
    assert!(h.run_in, "should mark the heading run-in");
    assert_eq!(&text[h.title.range()], "坚持人民至上。");
    assert_eq!(types(text), ["heading", "paragraph"]);
}

#[test]
fn should_nest_by_the_documents_own_levels() {
    let text = "一、总体要求\n1.指导思想\n2.基本原则\n二、主要任务\n（一）加强领导\n1.明确责任\n";
    let depths: Vec<u32> = headings(text).into_iter().map(|(d, _)| d).collect();
    assert_eq!(depths, [1, 2, 2, 1, 2, 3]);
}

#[test]
fn should_take_a_lone_markers_title_from_the_next_line() {
    let h = headings("一、\n总体要求\n\n（一）\n指导思想\n正文。\n");
    assert_eq!(h.len(), 2);
}

#[test]
fn should_treat_a_table_of_contents_as_noise() {
    let text = "第一章 总则\n第二章 管理\n第三章 附则\n\n第一章 总则\n第一条 目的。\n第二章 管理\n第二条 管理。\n第三章 附则\n第三条 施行。\n";
    let o = outline(text);
    assert_eq!(
        o[0].0, "noise",
        "the run of chapters before the text is a table of contents"
    );
    assert_eq!(headings(text).len(), 6);
}

#[test]
fn should_treat_a_copy_of_the_title_before_chrome_as_noise() {
    let text = "关于加强管理的通知\n来源：某某网 发布时间：2024-01-02 10:00\n\n关于加强管理的通知\n\n各单位：\n\n一、总则\n";
    let o = outline(text);
    assert_eq!(o[0], ("noise".into(), "关于加强管理的通知".into()));
    assert!(o.contains(&("title".into(), "关于加强管理的通知".into())));
    assert!(o.contains(&("meta".into(), "各单位：".into())));
}

#[test]
fn should_read_a_decree_header_before_the_title() {
    let text = "中华人民共和国国务院令\n第768号\n《某某条例》已经国务院常务会议通过，现予公布。\n总理　李强\n2023年12月9日\n\n某某条例\n\n第一章　总则\n第一条　目的。\n";
    let doc = parse(text);
    assert_eq!(
        meta_kinds(&doc),
        [
            MetaKind::Decree,
            MetaKind::Decree,
            MetaKind::Signature,
            MetaKind::Date
        ]
    );
    assert_eq!(doc.title_text(), Some("某某条例"));
}

#[test]
fn should_keep_a_hard_wrapped_addressee_as_one_element_and_not_a_greeting() {
    let text = "关于加强管理的通知\n\n各省、自治区、直辖市人民政府，国务院各部委、\n各直属机构：\n\n正文。\n";
    let o = outline(text);
    assert_eq!(o[1].0, "meta");
    let speech = "在会议上的讲话\n\n同志们：\n\n今天开会。\n";
    assert_eq!(types(speech), ["title", "paragraph", "paragraph"]);
}

#[test]
fn should_read_signature_date_and_cc_at_the_end() {
    let text = "关于加强管理的通知\n\n各单位：\n\n请遵照执行。\n\n某某市人民政府\n2024年9月30日\n\n抄送：市委办公室。\n";
    assert_eq!(
        types(text),
        ["title", "meta", "paragraph", "meta", "meta", "meta"]
    );
}

#[test]
fn should_not_read_an_attachment_note_as_a_signature() {
    let text = "关于开展检查的通知\n\n各单位：\n\n请遵照执行。\n\n附件：1．检查表\n\n某某局\n2024年9月30日\n";
    let doc = parse(text);
    assert_eq!(
        meta_kinds(&doc),
        [
            MetaKind::Addressee,
            MetaKind::AttachmentNote,
            MetaKind::Signature,
            MetaKind::Date
        ]
    );
}

#[test]
fn should_read_an_article_reference_split_onto_its_own_line_as_body() {
    let text = "关于加强管理的报告\n\n正文中提到，根据\n第十二条\n的规定，应当加强管理。\n";
    assert!(headings(text).is_empty());
}

#[test]
fn should_read_organs_side_by_side_as_a_joint_signature() {
    let text = "关于防范风险的通知\n\n各单位：\n\n本通知自发布之日起施行。\n\n中国人民银行  公安部  国家外汇局  2026年2月6日\n";
    let doc = parse(text);
    assert_eq!(meta_kinds(&doc), [MetaKind::Addressee, MetaKind::Signature]);
    assert!(
        doc.diagnostics.is_empty(),
        "a signed document is not truncated"
    );
}

#[test]
fn should_restart_depths_in_an_attachment() {
    let text = "关于印发方案的通知\n\n各单位：\n\n一、总则\n（一）目的\n\n附件\n\n某某方案\n\n一、目标\n正文。\n";
    let h = headings(text);
    assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2, 1]);
    let doc = parse(text);
    assert!(doc
        .children
        .iter()
        .any(|n| matches!(n, Node::Attachment(_))));
}

#[test]
fn should_join_hard_wrapped_lines_into_one_paragraph() {
    let text = "一、总则\n今年以来，在县委的坚强领导下，我局认真贯彻落实\n各项决策部署，取得了明显成效。\n";
    assert_eq!(types(text), ["heading", "paragraph"]);
}

#[test]
fn should_find_unnumbered_section_headings_in_a_report() {
    let text = "各位代表：\n\n现在，我代表政府作报告。\n\n过去五年的回顾\n\n五年来，我们取得了很大成就，各项事业全面发展。\n\n今后的主要任务\n\n今后五年，要继续推进改革开放，加快发展。\n";
    let h = headings(text);
    assert_eq!(
        h,
        [
            (1, "过去五年的回顾".to_string()),
            (1, "今后的主要任务".to_string())
        ]
    );
}

#[test]
fn should_take_a_title_ending_in_men_as_the_title_not_a_greeting() {
    let text = "致新时代的建设者们\n\n同志们：\n\n今天我们在这里集会。\n";
    let doc = parse(text);
    assert_eq!(doc.title_text(), Some("致新时代的建设者们"));
    assert_eq!(types(text), ["title", "paragraph", "paragraph"]);
}

#[test]
fn should_not_read_a_list_of_numerals_as_a_marker() {
    assert!(headings("一、二、三级医院要加强管理。\n").is_empty());
}

#[test]
fn should_accept_every_line_ending_and_a_bom() {
    for text in [
        "\u{FEFF}一、总则\r\n正文。\r\n",
        "一、总则\r正文。\r",
        "一、总则\n正文。",
    ] {
        let doc = parse(text);
        assert_eq!(doc.headings().count(), 1, "{text:?}");
        let covered: usize = doc.leaves().map(|n| n.span().len()).sum();
        assert_eq!(covered, text.len());
    }
}

#[test]
fn should_parse_empty_and_blank_input() {
    assert!(parse("").children.is_empty());
    let doc = parse(" \n\u{3000}\n\u{200B}\n");
    assert_eq!(types(" \n\u{3000}\n\u{200B}\n"), Vec::<String>::new());
    assert_eq!(
        doc.leaves().map(|n| n.span().len()).sum::<usize>(),
        " \n\u{3000}\n\u{200B}\n".len()
    );
}

#[test]
fn should_read_meeting_record_fields() {
    let text =
        "支部委员会会议记录\n\n时间：2024年8月7日\n地点：会议室\n主持人：李四\n\n一、学习文件\n";
    let doc = parse(text);
    let fields = doc
        .walk()
        .filter(|(_, n)| {
            matches!(
                n,
                Node::Meta(Meta {
                    kind: MetaKind::Field,
                    ..
                })
            )
        })
        .count();
    assert_eq!(fields, 3);
}
