//! The chunking rules, one test each.

use super::*;

fn all(text: &str, max: usize) -> Vec<Chunk> {
    chunks(text, &crate::parse(text), max, 0)
}

fn texts(text: &str, max: usize) -> Vec<String> {
    all(text, max)
        .iter()
        .map(|c| c.text(text).to_string())
        .collect()
}

fn cites(text: &str, max: usize) -> Vec<String> {
    all(text, max).into_iter().map(|c| c.citation).collect()
}

/// A regulation of short articles in two chapters.
const REGULATION: &str = "XX市养犬管理条例\n\n第一章　总则\n\n第一条　为了规范养犬行为，制定本条例。\n\n第二条　本条例适用于本市行政区域。\n\n第三条　养犬应当遵守法律法规。\n\n第二章　管理\n\n第四条　养犬人应当办理登记。\n\n第五条　犬只应当接种疫苗。\n";

#[test]
fn small_sibling_sections_are_packed_inside_their_parent_each_keeping_its_citation() {
    // Chapter 1 (three articles) does not fit in 50 characters: its articles
    // are packed, the chapter heading going with the first of them.
    let out = all(REGULATION, 50);
    let cs: Vec<&str> = out.iter().map(|c| c.citation.as_str()).collect();
    assert_eq!(
        cs,
        ["第一条", "第二条、第三条", "第二章"],
        "{:?}",
        texts(REGULATION, 50)
    );
    assert_eq!(out[0].heading_path, ["第一章总则", "第一条"]);
    assert_eq!(out[1].heading_path, ["第一章总则"]);
    let parts: Vec<&str> = out[1].parts.iter().map(|p| p.citation.as_str()).collect();
    assert_eq!(parts, ["第二条", "第三条"]);
    assert!(out[0]
        .text(REGULATION)
        .starts_with("XX市养犬管理条例\n\n第一章"));
    assert_eq!(
        out[2].heading_path,
        ["第二章管理"],
        "a chapter that fits is one chunk"
    );
    // With room for the whole regulation, the two chapters are packed.
    let out = all(REGULATION, 1000);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].citation, "第一章、第二章");
    assert!(out[0].heading_path.is_empty());
    // Three articles in one chunk are a range.
    let text = "第一条　目的。\n第二条　范围。\n第三条　施行。\n";
    assert_eq!(cites(text, 100), ["第一条至第三条"]);
}

#[test]
fn packing_fills_the_budget_evenly_instead_of_leaving_a_scrap() {
    // Five articles of 33 characters and a budget of 140: filling chunks in
    // turn would give 4 + 1 (135 and 33); two chunks are needed either way, and
    // the packer picks the most even, 3 + 2.
    let articles: String = (1..=5)
        .map(|i| {
            format!(
                "第{}条　本条规定的事项应当按照有关规定办理并及时报告主管部门备案。\n",
                crate::to_chinese_numeral(i)
            )
        })
        .collect();
    let out = all(&articles, 140);
    let sizes: Vec<usize> = out.iter().map(|c| c.size).collect();
    assert_eq!(out.len(), 2, "{sizes:?}");
    assert!(
        sizes.iter().all(|&s| s >= 60),
        "should split 5 articles 3 + 2, not leave a scrap: {sizes:?}"
    );
}

#[test]
fn a_section_that_fits_is_one_chunk_with_its_own_path() {
    let text = "一、工作开展情况\n（一）周密部署，认真落实主体责任。要加强领导。\n（二）狠抓落实。要强化督导。\n二、下一步\n继续推进。\n";
    let out = all(text, 40);
    assert_eq!(
        out[0].text(text),
        "一、工作开展情况\n（一）周密部署，认真落实主体责任。要加强领导。"
    );
    assert_eq!(
        out[0].heading_path,
        ["一、工作开展情况", "（一）周密部署，认真落实主体责任"],
        "the run-in full stop is not part of the label"
    );
    assert_eq!(out[0].citation, "一、（一）");
    assert_eq!(out[1].citation, "一、（二）");
    assert_eq!(out[2].text(text), "二、下一步\n继续推进。");
}

#[test]
fn a_heading_goes_into_the_first_chunk_of_its_first_subsection() {
    let long = "各地要加强组织领导，层层压实责任，确保各项任务落到实处。".repeat(3);
    let text = format!("一、总体要求\n（一）指导思想。{long}\n（二）基本原则。{long}\n");
    let out = all(&text, 100);
    assert!(
        out[0]
            .text(&text)
            .starts_with("一、总体要求\n（一）指导思想。"),
        "the heading with no text of its own opens its first subsection's chunk: {:?}",
        out[0].text(&text)
    );
    assert_eq!(out[0].heading_path, ["一、总体要求", "（一）指导思想"]);
    assert_eq!(out[0].citation, "一、（一）");
}

#[test]
fn no_chunk_is_only_a_heading() {
    let text = "第一章　总则\n\n第一条　为了规范管理，制定本办法。\n\n第二章　附则\n\n第二条　本办法自发布之日起施行。\n";
    // (Down to a budget where the headings alone no longer fit.)
    for max in [20, 30, 60, 1000] {
        for c in all(text, max) {
            let t = c.text(text);
            assert!(
                t != "第一章　总则" && t != "第二章　附则",
                "a chapter heading should never be a chunk of its own (max {max}): {t:?}"
            );
        }
    }
}

#[test]
fn a_heading_cut_off_by_noise_is_left_out_and_kept_in_the_paths() {
    let text = "一、总体要求\n\n-2-\n\n（一）指导思想。坚持统筹推进。\n";
    let out = all(text, 100);
    assert_eq!(texts(text, 100), ["（一）指导思想。坚持统筹推进。"]);
    assert_eq!(out[0].heading_path, ["一、总体要求", "（一）指导思想"]);
}

#[test]
fn a_regulation_article_stays_whole_unless_it_alone_exceeds_the_budget() {
    let body = "养犬人应当遵守下列规定，不得干扰他人正常生活。".repeat(4);
    let text = format!("第一条　{body}\n第二条　{body}\n\n　　前款规定的情形，由公安机关处理。\n");
    let chars = |s: &str| s.chars().count();
    let article2 = &text[text.find("第二条").unwrap()..].trim_end();
    // Budget large enough for each article: both whole.
    let max = chars(article2);
    let out = texts(&text, max);
    assert!(
        out.iter().any(|t| t == article2),
        "article 2 fits, so it is one chunk: {out:?}"
    );
    // Budget below the article: cut at its paragraphs (款), cited as such.
    let out = all(&text, max - 10);
    let pieces: Vec<&Chunk> = out
        .iter()
        .filter(|c| c.heading_path == ["第二条"])
        .collect();
    assert_eq!(pieces.len(), 2, "{:?}", texts(&text, max - 10));
    assert_eq!(pieces[0].citation, "第二条第一款");
    assert_eq!(pieces[1].citation, "第二条第二款");
    assert_eq!(pieces[1].text(&text), "前款规定的情形，由公安机关处理。");
}

#[test]
fn items_of_an_article_are_cited_as_xiang() {
    let text = "第三条　公共数据管理应当遵循下列原则：\n（一）统筹规划，集约建设，避免重复投入；\n（二）依法共享，安全可控，保障数据安全；\n（三）权责统一，分级负责。\n";
    let out = all(text, 45);
    let cs: Vec<&str> = out.iter().map(|c| c.citation.as_str()).collect();
    assert!(
        cs.contains(&"第三条第（二）项") || cs.iter().any(|c| c.contains("第（二）项")),
        "{cs:?}"
    );
    assert_eq!(out[0].heading_path[0], "第三条");
}

#[test]
fn an_enumeration_item_is_not_split_unless_it_alone_exceeds_the_budget() {
    let item = |n: &str| format!("{n}是加强组织领导，层层压实责任，确保任务落实。");
    let para = format!("为此要做到：{}{}{}", item("一"), item("二"), item("三"));
    let text = format!("一、工作要求\n{para}\n");
    let max = item("一").chars().count() + 8;
    for c in all(&text, max) {
        let t = c.text(&text);
        for n in ["一是", "二是", "三是"] {
            if let Some(at) = t.find(n) {
                let whole = item(&n[..3]);
                assert!(
                    t[at..].starts_with(&whole),
                    "item {n} should be whole in {t:?}"
                );
            }
        }
    }
    // An item longer than the budget is cut at its sentences.
    let long = format!("一、工作要求\n要做到：一是{}\n", "加强领导。".repeat(10));
    assert!(all(&long, 20).iter().all(|c| c.size <= 20));
}

#[test]
fn noise_never_enters_a_chunk_and_nothing_is_packed_across_it() {
    let text = "第一条　为了规范管理，制定本办法。\n\n-2-\n\n第二条　本办法适用于本市。\n";
    let out = texts(text, 1000);
    assert_eq!(
        out,
        [
            "第一条　为了规范管理，制定本办法。",
            "第二条　本办法适用于本市。"
        ]
    );
    let toc = "目录\n一、总则……1\n二、附则……2\n\n一、总则\n正文。\n二、附则\n附文。\n";
    for t in texts(toc, 1000) {
        assert!(
            !t.contains("……"),
            "a table of contents is noise, never in a chunk: {t:?}"
        );
    }
}

#[test]
fn a_promulgation_block_never_shares_a_chunk_with_the_first_chapter() {
    let text = "中华人民共和国国务院令\n第768号\n\n《XX条例》已经国务院常务会议通过，现予公布，自2024年5月1日起施行。\n\n总理　XXX\n2023年12月9日\n\nXX条例\n\n第一章　总则\n\n第一条　为了规范管理，制定本条例。\n";
    let out = all(text, 1000);
    assert_eq!(out.len(), 2, "{:?}", texts(text, 1000));
    assert!(out[0].text(text).ends_with("2023年12月9日"));
    assert!(
        out[1].text(text).starts_with("XX条例\n\n第一章"),
        "the regulation's title opens its first chapter: {:?}",
        out[1].text(text)
    );
    assert_eq!(
        out[0].doc_number.as_deref(),
        Some("中华人民共和国国务院令第768号")
    );
}

#[test]
fn every_chunk_carries_title_number_ids_and_neighbours() {
    let text = "国务院办公厅文件\n\n国办发〔2024〕1号\n\n国务院办公厅关于开展检查的通知\n\n各省、自治区、直辖市人民政府：\n\n为做好检查工作，现通知如下。\n\n一、检查内容\n各地要全面检查。\n\n二、工作要求\n请于10月底前报送。\n";
    let doc = crate::parse(text);
    let out = chunks(text, &doc, 30, 0);
    let nodes: Vec<&Node> = doc.walk().map(|(_, n)| n).collect();
    for (i, c) in out.iter().enumerate() {
        assert_eq!(c.id, i);
        assert_eq!(c.title.as_deref(), Some("国务院办公厅关于开展检查的通知"));
        assert_eq!(c.doc_number.as_deref(), Some("国办发〔2024〕1号"));
        assert_eq!(c.prev_id, i.checked_sub(1));
        assert_eq!(c.next_id, (i + 1 < out.len()).then_some(i + 1));
        match c.parent_id {
            Some(p) => {
                let label = section_label(text, nodes[p]);
                assert_eq!(
                    label.as_ref(),
                    c.heading_path.last(),
                    "parent_id is the walk index of the section the path ends with"
                );
            }
            None => assert!(c.heading_path.is_empty()),
        }
    }
    assert_eq!(out.last().unwrap().citation, "二、");
}

#[test]
fn parts_tile_their_chunk() {
    for text in [
        REGULATION,
        "一、总则\n正文。\n（一）分项。\n（二）分项。\n二、附则\n附文。\n",
    ] {
        for max in [15, 40, 100, 1000] {
            for c in all(text, max) {
                assert_eq!(c.parts.first().unwrap().span.start, c.span.start);
                assert_eq!(c.parts.last().unwrap().span.end, c.span.end);
                for w in c.parts.windows(2) {
                    assert!(w[0].span.end <= w[1].span.start);
                }
            }
        }
    }
}

#[test]
fn an_attachment_is_cited_by_its_number_and_starts_a_new_run() {
    let text = "关于印发方案的通知\n\n各单位：\n\n现将方案印发给你们。\n\n附件：1．实施方案\n2．任务清单\n\nXX县人民政府\n2024年3月5日\n\n附件1\n\n实施方案\n\n一、工作目标\n\n到年底完成。\n\n附件2\n\n任务清单\n\n一、重点任务\n\n推进整治。\n\n二、保障措施\n\n加强领导。\n";
    let out = all(text, 1000);
    let cs: Vec<&str> = out.iter().map(|c| c.citation.as_str()).collect();
    assert_eq!(
        cs,
        ["", "附件1", "附件2"],
        "attachments are never packed together: {:?}",
        texts(text, 1000)
    );
    assert!(
        out[0].text(text).ends_with("2024年3月5日"),
        "closing elements end the notice's chunk"
    );
    assert_eq!(out[1].heading_path, ["实施方案"]);
    let out = all(text, 20);
    let cs: Vec<&str> = out.iter().map(|c| c.citation.as_str()).collect();
    assert!(cs.contains(&"附件1 一、"), "{cs:?}");
    assert!(cs.contains(&"附件2 二、"), "{cs:?}");
    let first = out.iter().find(|c| c.citation == "附件1 一、").unwrap();
    assert_eq!(first.heading_path, ["实施方案", "一、工作目标"]);
    assert!(
        first
            .text(text)
            .starts_with("附件1\n\n实施方案\n\n一、工作目标"),
        "the attachment's number and title open its first chunk: {:?}",
        texts(text, 20)
    );
}

#[test]
fn no_chunk_exceeds_the_budget_and_overlap_stays_inside_the_run() {
    let sentence = "这是一个用来测试切分的句子。";
    let text = format!(
        "一、总则\n{}\n二、附则\n{}\n",
        sentence.repeat(20),
        sentence.repeat(3)
    );
    for (max, overlap) in [(10, 0), (30, 5), (50, 20), (7, 6)] {
        let out = chunks(&text, &crate::parse(&text), max, overlap);
        for c in &out {
            assert!(
                c.text(&text).chars().count() <= max,
                "chunk {:?} should fit in {max}",
                c.text(&text)
            );
        }
        let second = text.find("二、").unwrap();
        assert!(
            out.iter()
                .all(|c| c.span.end <= second || c.span.start >= second),
            "no chunk should cross from one section into the next"
        );
    }
}

#[test]
fn a_length_function_sets_the_budget() {
    let text = REGULATION;
    // A stand-in for a tokenizer: one token per two characters, plus one.
    let mut tokens = |s: &str| s.chars().count().div_ceil(2) + 1;
    let out = chunks_by(text, &crate::parse(text), 40, 0, &mut tokens);
    assert!(out.len() > 1);
    for c in &out {
        assert_eq!(c.size, tokens(c.text(text)));
        assert!(c.size <= 40, "{:?} has {} tokens", c.text(text), c.size);
    }
    // Overlap counts in the same unit.
    let long = format!("一、总则\n{}\n", "这是用来测试的句子。".repeat(30));
    let out = chunks_by(&long, &crate::parse(&long), 30, 5, &mut tokens);
    assert!(out.iter().all(|c| tokens(c.text(&long)) <= 30));
    assert!(out.windows(2).any(|w| w[1].span.start < w[0].span.end));
}

#[test]
fn empty_and_blank_inputs_give_no_chunk() {
    assert!(texts("", 10).is_empty());
    assert!(texts("\n\n　　\n", 10).is_empty());
}

#[test]
fn any_budget_on_any_fixture_keeps_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = crate::parse(&text);
        for (max, overlap) in [(1, 0), (5, 2), (37, 0), (120, 30), (500, 0), (100_000, 0)] {
            let out = chunks(&text, &doc, max, overlap);
            for c in &out {
                assert!(c.size <= max, "{}: {} > {max}", path.display(), c.size);
                assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
                assert!(
                    !c.text(&text).trim().is_empty(),
                    "{} at {max}: empty chunk {c:?}",
                    path.display()
                );
            }
            for w in out.windows(2) {
                assert!(
                    w[0].span.start < w[1].span.start,
                    "{}: chunks in order",
                    path.display()
                );
                if overlap == 0 {
                    assert!(w[0].span.end <= w[1].span.start);
                }
            }
        }
    }
}

#[test]
fn a_section_with_noise_inside_is_never_one_chunk() {
    let text = "一、检查内容\n（一）范围。各地要全面检查。\n\n-2-\n\n（二）方式\n采取自查方式。\n\n二、工作要求\n请按时报送。\n";
    for t in texts(text, 1000) {
        assert!(!t.contains("-2-"), "{t:?}");
    }
}
