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

/// (line number from 1, kind) of the title, noise and heading lines.
fn line_roles(text: &str) -> Vec<(usize, String)> {
    let doc = parse(text);
    let idx = crate::LineIndex::new(text);
    let mut out = Vec::new();
    for (_, n) in doc.walk() {
        let role = match n {
            Node::Title(_) => "title".to_string(),
            Node::Noise(_) => "noise".to_string(),
            Node::Heading(h) => format!("heading{}", h.depth),
            _ => continue,
        };
        let first = idx.line(n.span().start);
        let last = idx.line(n.span().end.saturating_sub(1).max(n.span().start));
        let lines = if matches!(n, Node::Heading(_)) {
            first..=first
        } else {
            first..=last
        };
        for l in lines {
            if !text.lines().nth(l - 1).unwrap_or("").trim().is_empty() {
                out.push((l, role.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn should_take_a_title_that_ends_with_a_full_stop_as_the_title() {
    let text = "关于开展安全生产大检查的通知。\n\n各乡镇人民政府,县直各单位:\n\n为切实加强安全生产工作，现将有关事项通知如下。\n";
    let doc = parse(text);
    assert_eq!(doc.title_text(), Some("关于开展安全生产大检查的通知。"));
    assert!(
        meta_kinds(&doc).contains(&MetaKind::Addressee),
        "the addressee after it is read too"
    );
}

#[test]
fn should_read_markers_behind_emoji() {
    let h = headings("🌟一、总体要求\n\n正文内容。\n\n✅二、主要任务\n\n正文。\n");
    assert_eq!(h.len(), 2, "{h:?}");
}

#[test]
fn should_read_the_site_around_a_document_as_noise_and_the_title_above_its_body() {
    let text = "首页 > 范文 > 工作总结 > 正文\n\n某某乡镇年度工作总结\n\n阅读 120 下载 8 分享\n\n下载文档\n\n某某乡镇年度工作总结\n\n今年以来，我镇在县委县政府的领导下，扎实推进各项工作。\n\n一、主要成绩\n\n经济稳步增长。\n";
    let roles = line_roles(text);
    assert_eq!(
        roles,
        [
            (1, "noise".into()),
            (3, "noise".into()),
            (5, "noise".into()),
            (7, "noise".into()),
            (9, "title".into()),
            (13, "heading1".into())
        ]
    );
}

#[test]
fn should_give_each_document_of_a_collection_its_own_title_and_hierarchy() {
    let text = "某某工作计划精选2篇\n\n为帮助大家写好计划，小编整理了以下范文，供大家参考。\n\n某某工作计划 篇1\n\n一、指导思想\n\n坚持以人民为中心。\n\n（一）基本原则\n\n统筹兼顾。\n\n某某工作计划 篇2\n\n一、工作目标\n\n全面完成任务。\n";
    let doc = parse(text);
    let entries: Vec<_> = doc
        .children
        .iter()
        .filter(|n| matches!(n, Node::Entry(_)))
        .collect();
    assert_eq!(entries.len(), 2, "two documents on the page");
    let roles = line_roles(text);
    assert_eq!(
        roles[0],
        (1, "noise".into()),
        "the collection's headline is the site's"
    );
    assert_eq!(roles[1], (3, "noise".into()), "and so is its introduction");
    assert!(roles.contains(&(5, "title".into())) && roles.contains(&(15, "title".into())));
    assert!(
        roles.contains(&(17, "heading1".into())),
        "the second document starts at depth 1 again"
    );
    assert_eq!(
        doc.title_text(),
        Some("某某工作计划"),
        "the title's text leaves out the separator"
    );
}

#[test]
fn should_read_a_table_of_contents_under_its_header_with_page_numbers() {
    let text = "目录\n某某市第一次会议上的讲话\n3\n某某市第二次会议上的讲话\n9\n\n某某市第一次会议上的讲话\n\n——在某某市第一次会议上\n\n各位代表：\n\n今天的会议开得很成功。\n";
    let roles = line_roles(text);
    assert_eq!(
        roles,
        [
            (1, "noise".into()),
            (2, "noise".into()),
            (3, "noise".into()),
            (4, "noise".into()),
            (5, "noise".into()),
            (7, "title".into())
        ]
    );
}

#[test]
fn should_open_an_attachment_for_a_plan_that_follows_the_notices_date() {
    let text = "关于印发某某应急预案的通知\n\n各乡镇：\n\n《某某应急预案》已经研究同意，现印发给你们。\n\n某某市人民政府办公室\n2015年11月16日\n\n某某市气象灾害应急预案\n\n1 总则\n\n1.1 编制目的\n\n建立健全应急机制。\n";
    let doc = parse(text);
    assert!(doc
        .children
        .iter()
        .any(|n| matches!(n, Node::Attachment(_))));
    assert_eq!(
        meta_kinds(&doc),
        [MetaKind::Addressee, MetaKind::Signature, MetaKind::Date]
    );
    let h = headings(text);
    assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn should_put_the_opening_headings_of_a_fragment_as_deep_as_their_family() {
    let text = "（一）总则。包括适用范围。\n（二）组织机构。包括职责。\n第四章 管理责任\n第十条 统筹指导。\n第十一条 组织实施。\n";
    let depths: Vec<u32> = headings(text).into_iter().map(|(d, _)| d).collect();
    assert_eq!(depths, [3, 3, 1, 2, 2]);
}

#[test]
fn should_read_two_speeches_on_one_page() {
    let text = "某某演讲比赛开幕词\n\n发言人：张某\n\n各位老师、各位同学：\n\n比赛现在开始。预祝比赛圆满成功。\n\n某某演讲比赛闭幕词\n\n发言人：张某\n\n各位老师、各位同学：\n\n比赛圆满结束。\n";
    let roles = line_roles(text);
    assert_eq!(roles, [(1, "title".into()), (9, "title".into())]);
}

#[test]
fn should_take_the_proper_title_over_a_repeated_headline_below_it() {
    let text = "首页 > 公文 > 请示\n\n某某资金申请报告\n\n来源：某某网 阅读：200\n\n关于请求解决某某镇校舍改造资金的请示\n\n某某资金申请报告\n\n尊敬的领导：\n\n我镇共有小学四所，校舍老旧，亟需改造。\n";
    let roles = line_roles(text);
    assert!(roles.contains(&(7, "title".into())), "{roles:?}");
    assert!(roles.contains(&(9, "noise".into())), "{roles:?}");
}

#[test]
fn should_read_a_lead_in_sentence_as_body_not_an_addressee() {
    let text =
        "会议纪要\n\n时间：2024年3月5日\n地点：会议室\n\n会议研究了以下事项：\n一、关于人事调整\n";
    let doc = parse(text);
    assert!(
        !meta_kinds(&doc).contains(&MetaKind::Addressee),
        "{:?}",
        meta_kinds(&doc)
    );
    assert_eq!(doc.headings().count(), 1);
}

#[test]
fn should_read_numbered_links_under_a_list_header_as_the_sites() {
    let text = "热门文章\n1. 某某工作总结范文\n2. 某某述职报告\n\n某某个人述职报告\n\n尊敬的各位领导、同事们：\n\n大家好！一年来，我认真履行职责。\n";
    let roles = line_roles(text);
    assert_eq!(
        roles,
        [
            (1, "noise".into()),
            (2, "noise".into()),
            (3, "noise".into()),
            (5, "title".into())
        ]
    );
}

#[test]
fn should_take_a_document_sharing_preview_and_counter_strip_for_the_sites() {
    // A viewer's counter strip and its preview of the document (cut with an
    // ellipsis, beginning with the title) above the document itself.
    let text = "浏览 120 下载 3 大小 18.2K 页数 4 页 分享\n\n\
                年度安全生产检查总结 一、检查情况 按照县里部署，我局组织开展了为期一个月的检查...\n\n\
                年度安全生产检查总结\n\n\
                一、检查情况\n\
                按照县里部署，我局组织开展了为期一个月的检查。\n";
    let got = outline(text);
    assert_eq!(got[0].0, "noise", "{got:?}");
    assert_eq!(got[1].0, "noise", "{got:?}");
    assert_eq!(
        got[2],
        ("title".to_string(), "年度安全生产检查总结".to_string())
    );
    assert_eq!(got[3], ("heading".to_string(), "一、检查情况".to_string()));
    // The same line without its ellipsis is the document's first sentence.
    let text =
        "年度安全生产检查总结\n\n一、检查情况\n按照县里部署，我局组织开展了为期一个月的检查。\n";
    assert_eq!(outline(text)[0].0, "title");
}

#[test]
fn should_read_an_addressee_that_lost_its_colon() {
    let text = "关于开展消防检查的通知\n\n各乡镇人民政府，县直各部门\n\n现将有关事项通知如下。\n";
    let doc = parse(text);
    assert!(
        meta_kinds(&doc).contains(&MetaKind::Addressee),
        "{:?}",
        outline(text)
    );
    // A sentence that lost its full stop is not one.
    let text =
        "关于开展消防检查的通知\n\n各单位要高度重视，切实抓好落实\n\n现将有关事项通知如下。\n";
    assert!(!meta_kinds(&parse(text)).contains(&MetaKind::Addressee));
}

#[test]
fn should_read_short_phrases_as_headings_on_a_page_without_blank_lines() {
    let text = "关于社区服务情况的调研报告\n一、基本情况\n便民服务\n今年以来，社区新设便民服务点六个，群众办事更加方便快捷。\n志愿活动\n全年组织志愿活动四十余场，参与居民超过一千二百人次。\n二、存在的问题\n部分服务点人手不足，高峰时段群众等候时间较长。\n";
    let titles: Vec<String> = headings(text).into_iter().map(|(_, t)| t).collect();
    assert!(titles.iter().any(|t| t.contains("便民服务")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("志愿活动")), "{titles:?}");
    // A stage direction and a heading that lost its 、 are not such phrases.
    let text = "镇代表大会主持词\n同志们：\n现在开会，会议共有三项议程，请大家认真审议。\n……（宣读日程）\n大会日程已经发给大家，请同志们认真审议并发表意见。\n五《考核表》填写要求\n考核表由员工本人填写工作小结，部门负责人填写评语并签字。\n";
    let titles: Vec<String> = headings(text).into_iter().map(|(_, t)| t).collect();
    assert!(titles.is_empty(), "{titles:?}");
    // Nor is the tail of a long heading that was hard-wrapped.
    let text = "关于开展安全检查的通知\n各单位：\n现将有关事项通知如下。\n一、关于检查发现问题的整改复查和责任追究的有\n关要求\n对检查发现的问题，要建立台账，明确整改时限和责任人员。\n二、工作要求\n各单位要高度重视，认真组织，按时报送检查情况。\n";
    let titles: Vec<String> = headings(text).into_iter().map(|(_, t)| t).collect();
    assert!(!titles.iter().any(|t| t == "关要求"), "{titles:?}");
}
