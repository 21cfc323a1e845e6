//! Hand-written parts: every number format, the numbering rules, the rest of
//! a real document, and what the reader refuses. Expected texts are written
//! out in full.

use std::io::Write;

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

/// A zip of `(name, content)` entries, deflated.
pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx with this body, numbering and styles (no relationships: the
/// reader falls back to the usual part names).
fn docx(body: &str, numbering: &str, styles: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let num = format!(r#"<w:numbering {W}>{numbering}</w:numbering>"#);
    let sty = format!(r#"<w:styles {W}>{styles}</w:styles>"#);
    zip_of(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/numbering.xml", num.as_bytes()),
        ("word/styles.xml", sty.as_bytes()),
    ])
}

fn p(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn plain(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn lvl(ilvl: u32, start: u32, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}<w:pPr><w:ind w:left="0"/></w:pPr></w:lvl>"#
    )
}

fn abstract_num(id: u32, levels: &[String]) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="{id}">{}</w:abstractNum>"#,
        levels.concat()
    )
}

fn num(id: u32, abstract_id: u32, extra: &str) -> String {
    format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{extra}</w:num>"#)
}

fn text_of(bytes: &[u8]) -> String {
    read(bytes).unwrap().text
}

#[test]
fn every_number_format_renders_as_word_shows_it() {
    // (format, the first three labels, the tenth to twelfth)
    let cases: &[(&str, [&str; 6])] = &[
        ("decimal", ["1", "2", "3", "10", "11", "12"]),
        (
            "decimalFullWidth",
            ["１", "２", "３", "１０", "１１", "１２"],
        ),
        ("decimalEnclosedCircle", ["①", "②", "③", "⑩", "⑪", "⑫"]),
        ("decimalEnclosedParen", ["⑴", "⑵", "⑶", "⑽", "⑾", "⑿"]),
        ("decimalEnclosedFullstop", ["⒈", "⒉", "⒊", "⒑", "⒒", "⒓"]),
        ("chineseCounting", ["一", "二", "三", "十", "十一", "十二"]),
        (
            "chineseCountingThousand",
            ["一", "二", "三", "十", "十一", "十二"],
        ),
        (
            "chineseLegalSimplified",
            ["壹", "贰", "叁", "壹拾", "壹拾壹", "壹拾贰"],
        ),
        ("ideographTraditional", ["甲", "乙", "丙", "癸", "11", "12"]),
        ("ideographZodiac", ["子", "丑", "寅", "酉", "戌", "亥"]),
        (
            "taiwaneseCounting",
            ["一", "二", "三", "十", "十一", "十二"],
        ),
        ("lowerLetter", ["a", "b", "c", "j", "k", "l"]),
        ("upperLetter", ["A", "B", "C", "J", "K", "L"]),
        ("lowerRoman", ["i", "ii", "iii", "x", "xi", "xii"]),
        ("upperRoman", ["I", "II", "III", "X", "XI", "XII"]),
        // `none` writes no number; the level text's 、 stays, as in Word.
        ("none", ["", "", "", "", "", ""]),
    ];
    for (fmt, expected) in cases {
        let numbering = abstract_num(1, &[lvl(0, 1, fmt, "%1、", "")]) + &num(1, 1, "");
        let body: String = (1..=12).map(|k| p(1, 0, &format!("第{k}项"))).collect();
        let text = text_of(&docx(&body, &numbering, ""));
        let lines: Vec<&str> = text.lines().collect();
        let label = |k: usize| {
            let l = lines[k];
            let tab = l.find('\t').map_or(0, |t| t + 1);
            assert!(l.ends_with(&format!("第{}项", k + 1)), "{fmt}: {l:?}");
            l[..tab].trim_end_matches('\t').to_string()
        };
        let got = [label(0), label(1), label(2), label(9), label(10), label(11)];
        let want: Vec<String> = expected.iter().map(|e| format!("{e}、")).collect();
        assert_eq!(got.to_vec(), want, "{fmt}");
    }
}

#[test]
fn a_bullet_shows_its_level_text() {
    let numbering = abstract_num(
        1,
        &[
            lvl(0, 1, "bullet", "\u{F0B7}", ""),
            lvl(1, 1, "bullet", "●", ""),
        ],
    ) + &num(1, 1, "");
    let text = text_of(&docx(&(p(1, 0, "甲项") + &p(1, 1, "乙项")), &numbering, ""));
    assert_eq!(text, "•\t甲项\n●\t乙项\n");
}

/// The 公文 hierarchy as a five-level list: 一、 （一） 1. （1） ①, with the
/// suffix left out (`w:suff nothing`).
fn gongwen_numbering() -> String {
    let none = r#"<w:suff w:val="nothing"/>"#;
    abstract_num(
        7,
        &[
            lvl(0, 1, "chineseCounting", "%1、", none),
            lvl(1, 1, "chineseCounting", "（%2）", none),
            lvl(2, 1, "decimal", "%3.", none),
            lvl(3, 1, "decimal", "（%4）", none),
            lvl(4, 1, "decimalEnclosedCircle", "%5", none),
        ],
    ) + &num(3, 7, "")
}

#[test]
fn levels_count_and_restart_when_a_higher_level_advances() {
    let body = [
        p(3, 0, "总体要求"),
        p(3, 1, "指导思想"),
        p(3, 1, "基本原则"),
        p(3, 2, "坚持党的领导"),
        p(3, 3, "加强组织"),
        p(3, 4, "明确分工"),
        p(3, 4, "压实责任"),
        p(3, 2, "坚持人民至上"),
        p(3, 0, "主要任务"),
        p(3, 1, "推进改革"),
        plain("正文不编号。"),
        p(3, 1, "扩大开放"),
    ]
    .concat();
    let text = text_of(&docx(&body, &gongwen_numbering(), ""));
    assert_eq!(
        text,
        "一、总体要求\n（一）指导思想\n（二）基本原则\n1.坚持党的领导\n（1）加强组织\n①明确分工\n②压实责任\n2.坚持人民至上\n二、主要任务\n（一）推进改革\n正文不编号。\n（二）扩大开放\n"
    );
}

#[test]
fn level_texts_with_several_levels_and_legal_numbering() {
    let numbering = abstract_num(
        1,
        &[
            lvl(
                0,
                1,
                "chineseCounting",
                "第%1章",
                r#"<w:suff w:val="space"/>"#,
            ),
            lvl(
                1,
                1,
                "chineseCounting",
                "第%2条",
                r#"<w:suff w:val="space"/><w:lvlRestart w:val="0"/>"#,
            ),
            lvl(
                2,
                1,
                "decimal",
                "%2.%3",
                r#"<w:isLgl/><w:suff w:val="space"/>"#,
            ),
        ],
    ) + &num(1, 1, "");
    let body = [
        p(1, 0, "总则"),
        p(1, 1, "为了规范管理，制定本办法。"),
        p(1, 2, "细则一"),
        p(1, 2, "细则二"),
        p(1, 1, "本办法适用于本市。"),
        p(1, 0, "附则"),
        p(1, 1, "本办法自发布之日起施行。"),
    ]
    .concat();
    let text = text_of(&docx(&body, &numbering, ""));
    // 条 never restarts (lvlRestart 0); the legal level writes 条's number in
    // Arabic digits.
    assert_eq!(
        text,
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n1.1 细则一\n1.2 细则二\n第二条 本办法适用于本市。\n第二章 附则\n第三条 本办法自发布之日起施行。\n"
    );
}

#[test]
fn start_values_overrides_and_instances_sharing_a_definition() {
    let numbering = abstract_num(
        1,
        &[lvl(0, 3, "decimal", "%1.", r#"<w:suff w:val="nothing"/>"#)],
    ) + &num(1, 1, "")
        + &num(2, 1, "")
        + &num(
            3,
            1,
            r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#,
        )
        + &num(
            4,
            1,
            r#"<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1）"/><w:suff w:val="nothing"/></w:lvl></w:lvlOverride>"#,
        );
    let body = [
        p(1, 0, "甲"),
        p(1, 0, "乙"),
        p(2, 0, "丙"), // another instance of the same definition continues
        p(3, 0, "丁"), // startOverride restarts at 1
        p(3, 0, "戊"),
        p(4, 0, "己"), // a whole level overridden: its own text and format
    ]
    .concat();
    let text = text_of(&docx(&body, &numbering, ""));
    assert_eq!(text, "3.甲\n4.乙\n5.丙\n1.丁\n2.戊\n三）己\n");
}

#[test]
fn numbering_through_styles_and_based_on_chains() {
    let numbering = gongwen_numbering();
    let styles = r#"
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="L1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="L2"><w:name w:val="标题 2"/><w:basedOn w:val="L1"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>"#;
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        styled("Title", "关于开展检查的通知"),
        styled("L1", "检查内容"),
        styled("L2", "检查范围"),
        // numId 0 takes the style's numbering away
        r#"<w:p><w:pPr><w:pStyle w:val="L2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.to_string(),
        styled("L1", "工作要求"),
    ]
    .concat();
    let t = read(&docx(&body, &numbering, styles)).unwrap();
    assert_eq!(
        t.text,
        "关于开展检查的通知\n一、检查内容\n（一）检查范围\n不编号\n二、工作要求\n"
    );
    let ev: Vec<Evidence> = t.lines.iter().map(|l| l.evidence).collect();
    assert_eq!(
        ev,
        [
            Evidence::Title,
            Evidence::Heading(1),
            Evidence::Heading(2),
            Evidence::Heading(2),
            Evidence::Heading(1)
        ]
    );
    assert_eq!(t.lines[1].style.as_deref(), Some("heading 1"));
    assert_eq!(t.labels.len(), 3);
    assert_eq!(&t.text[t.labels[1].marker.range()], "（一）");
    assert_eq!(t.labels[1].level, 1);
    assert_eq!(t.labels[1].format, "chineseCounting");
}

#[test]
fn numbering_that_references_nothing_is_plain_text() {
    let numbering =
        abstract_num(1, &[lvl(0, 1, "decimal", "%1.", "")]) + &num(1, 1, "") + &num(2, 99, "");
    let body = [
        p(42, 0, "无定义"),
        p(2, 0, "无抽象定义"),
        p(1, 5, "无此级别"),
        p(1, 0, "有"),
    ]
    .concat();
    assert_eq!(
        text_of(&docx(&body, &numbering, "")),
        "无定义\n无抽象定义\n无此级别\n1.\t有\n"
    );
    // No numbering part at all.
    let bytes = zip_of(&[(
        "word/document.xml",
        format!(
            r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
            p(1, 0, "正文")
        )
        .as_bytes(),
    )]);
    assert_eq!(text_of(&bytes), "正文\n");
}

#[test]
fn runs_tabs_breaks_tracked_changes_fields_and_hidden_text() {
    let body = r#"
      <w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:r><w:t>要求</w:t></w:r></w:p>
      <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/></w:r></w:p>
      <w:p><w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:t>保留</w:t></w:r></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="DATE"><w:r><w:t>2024年9月30日</w:t></w:r></w:fldSimple></w:p>
      <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示&amp;&lt;&#x4E00;</w:t></w:r></w:p>
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>制表位不是文字</w:t></w:r></w:p>"#;
    let t = read(&docx(body, "", "")).unwrap();
    assert_eq!(
        t.text,
        "一、总体要求\n甲\t乙\n丙\n新增保留\n72024年9月30日\n显示&<一\n制表位不是文字\n"
    );
    // The break starts a second line of the same paragraph.
    assert_eq!(t.lines[1].paragraph, Some(1));
    assert_eq!(t.lines[2].paragraph, Some(1));
    assert_eq!(t.lines[3].paragraph, Some(2));
}

#[test]
fn tables_text_boxes_notes_headers_and_footers() {
    let tc = |s: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", plain(s));
    let body = format!(
        r#"{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>
        <w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
        plain("表前"),
        tc("姓名"),
        tc("职务"),
        tc("张三"),
        tc("主任"),
        plain("文本框"),
        plain("文本框"),
    );
    let doc = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let notes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        plain("注释文字")
    );
    let header = format!(r#"<w:hdr {W}>{}</w:hdr>"#, plain("XX市人民政府"));
    let footer = format!(
        r#"<w:ftr {W}><w:p><w:r><w:t>— </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> —</w:t></w:r></w:p></w:ftr>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/>
      <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid" TargetMode="External"/>
    </Relationships>"#;
    let bytes = zip_of(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ]);
    let t = read(&bytes).unwrap();
    assert_eq!(
        t.text,
        "表前\n姓名\n职务\n张三\n主任\n正文1\n文本框\n\n注释文字\n\nXX市人民政府\n\n— 1 —\n"
    );
    let parts: Vec<(Part, Option<usize>, Container)> = t
        .lines
        .iter()
        .map(|l| (l.part, l.paragraph, l.container))
        .collect();
    let cell = |row, cell| Container::TableCell {
        table: 0,
        row,
        cell,
    };
    assert_eq!(
        parts,
        [
            (Part::Body, Some(0), Container::Text),
            (Part::Body, Some(1), cell(0, 0)),
            (Part::Body, Some(2), cell(0, 1)),
            (Part::Body, Some(3), cell(1, 0)),
            (Part::Body, Some(4), cell(1, 1)),
            (Part::Body, Some(5), Container::Text),
            (Part::Body, Some(6), Container::TextBox),
            (Part::Footnote { id: 0 }, None, Container::Text),
            (Part::Footnote { id: 1 }, Some(0), Container::Text),
            (Part::Header { index: 0 }, None, Container::Text),
            (Part::Header { index: 0 }, Some(0), Container::Text),
            (Part::Footer { index: 0 }, None, Container::Text),
            (Part::Footer { index: 0 }, Some(0), Container::Text),
        ]
    );
    assert_eq!(t.lines[10].evidence, Evidence::Noise);
    assert_eq!(t.lines[12].evidence, Evidence::Noise);
    assert_eq!(
        t.source(t.text.find("张三").unwrap()).unwrap().paragraph,
        Some(3)
    );
}

#[test]
fn generated_markers_are_flagged_and_never_fixed() {
    // Level 1 written `一.` by the numbering: HDR001 is reported on the
    // generated label, without a fix; the author's own `(一)` is fixed.
    let numbering = abstract_num(
        1,
        &[lvl(
            0,
            1,
            "chineseCounting",
            "%1.",
            r#"<w:suff w:val="nothing"/>"#,
        )],
    ) + &num(1, 1, "");
    let body = [
        p(1, 0, "总体要求"),
        plain("(一)指导思想"),
        p(1, 0, "主要任务"),
    ]
    .concat();
    let bytes = docx(&body, &numbering, "");
    let (t, doc) = parse(&bytes).unwrap();
    assert_eq!(t.text, "一.总体要求\n(一)指导思想\n二.主要任务\n");
    let generated: Vec<bool> = doc
        .headings()
        .filter_map(|h| h.marker.as_ref().map(|m| m.generated))
        .collect();
    assert_eq!(generated, [true, false, true]);
    let json = doc.to_json();
    assert_eq!(json.matches("\"generated\":true").count(), 2);
    let found = lint(&t, &Config::default());
    let hdr001: Vec<&Diagnostic> = found.iter().filter(|d| d.rule == "HDR001").collect();
    assert_eq!(hdr001.len(), 2);
    assert!(hdr001
        .iter()
        .all(|d| d.fix.is_none() && d.message.contains("自动编号")));
    assert!(found.iter().any(|d| d.rule == "HDR004" && d.fix.is_some()));
    let fixed = fix(&t, &Config::default(), true);
    assert_eq!(fixed, "一.总体要求\n（一）指导思想\n二.主要任务\n");
}

#[test]
fn a_tab_after_a_label_is_layout_not_a_fault() {
    let numbering = abstract_num(1, &[lvl(0, 1, "chineseCounting", "%1、", "")]) + &num(1, 1, "");
    let t = read(&docx(&p(1, 0, "总体要求"), &numbering, "")).unwrap();
    assert_eq!(t.text, "一、\t总体要求\n");
    assert!(!lint(&t, &Config::default())
        .iter()
        .any(|d| d.rule == "HDR006"));
    // The same tab typed by the author is reported.
    let typed = DocxText {
        text: "一、\t总体要求\n".into(),
        ..Default::default()
    };
    assert!(lint(&typed, &Config::default())
        .iter()
        .any(|d| d.rule == "HDR006"));
}

#[test]
fn fixes_move_labels_along() {
    let numbering = abstract_num(
        1,
        &[lvl(0, 1, "decimal", "%1.", r#"<w:suff w:val="nothing"/>"#)],
    ) + &num(1, 1, "");
    let body = [
        plain("(一)甲"),
        p(1, 0, "乙（1）、丙"),
        plain("(二)丁"),
        p(1, 0, "戊"),
    ]
    .concat();
    let t = read(&docx(&body, &numbering, "")).unwrap();
    let fixed = fix(&t, &Config::default(), false);
    assert!(fixed.starts_with("（一）甲\n1.乙"), "{fixed}");
    assert!(fixed.contains("（二）丁\n2.戊"), "{fixed}");
}

#[test]
fn hostile_packages_give_clear_errors() {
    // Not a zip; a zip that is not a .docx; a truncated zip.
    assert!(matches!(
        read(b"PK\x03\x04garbage"),
        Err(DocxError::NotZip(_))
    ));
    let other = zip_of(&[("content.xml", b"<x/>")]);
    assert_eq!(read(&other), Err(DocxError::NotDocx));
    let good = docx(&plain("正文"), "", "");
    assert!(read(&good[..good.len() / 2]).is_err());
    // A zip bomb: 8 MiB of zeros in a few kilobytes, read under a 1 MiB limit.
    let zeros = vec![b' '; 8 << 20];
    let bomb = zip_of(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 64 << 10);
    let limits = Limits {
        max_part_bytes: 1 << 20,
        ..Limits::default()
    };
    assert!(matches!(
        read_with(&bomb, &limits),
        Err(DocxError::TooLarge { limit, .. }) if limit == 1 << 20
    ));
    // Deep nesting.
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(10_000),
        "</w:sdt>".repeat(10_000)
    );
    let bytes = zip_of(&[("word/document.xml", deep.as_bytes())]);
    assert!(matches!(
        read(&bytes),
        Err(DocxError::TooDeep { limit: 256, .. })
    ));
    // Malformed XML names its part.
    let bad = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    let e = read(&bad).unwrap_err();
    assert!(e.to_string().starts_with("word/document.xml:"), "{e}");
    // Not UTF-8.
    let latin = zip_of(&[(
        "word/document.xml",
        b"<w:document>\xff\xfe\xfd</w:document>",
    )]);
    assert!(read(&latin).is_err());
    // Huge start values and self-referencing style chains do not blow up.
    let numbering = abstract_num(
        1,
        &[lvl(
            0,
            4_000_000_000,
            "lowerLetter",
            "%1%1%1%1%1%1%1%1%1%1",
            "",
        )],
    ) + &num(1, 1, "");
    let styles = r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="A"/></w:style>"#;
    let t = read(&docx(&(p(1, 0, "x") + &p(1, 0, "y")), &numbering, styles)).unwrap();
    assert!(t.text.len() < 300, "{}", t.text);
}

#[test]
fn an_entry_compressed_other_than_deflate_is_an_error_not_a_panic() {
    // A stored (uncompressed) document reads; the error path for other methods
    // is the zip crate's "unsupported" error, reported with the part's name.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(
        format!(
            "<w:document {W}><w:body>{}</w:body></w:document>",
            plain("存储")
        )
        .as_bytes(),
    )
    .unwrap();
    let bytes = w.finish().unwrap().into_inner();
    assert_eq!(text_of(&bytes), "存储\n");
    assert!(is_docx(&bytes));
}
