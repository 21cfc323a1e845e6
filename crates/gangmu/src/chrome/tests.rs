use super::*;

#[test]
fn every_lexicon_entry_marks_its_example_as_site_chrome() {
    for (phrase, example) in SITE_PHRASES {
        let alone = Regex::new(phrase).expect("an entry is a regex fragment");
        assert!(
            alone.is_match(example),
            "the example of {phrase} should show it"
        );
        assert!(
            is_site_line(example),
            "should treat {example:?} ({phrase}) as site chrome"
        );
    }
    for (word, example) in SITE_LABELS {
        assert!(
            example.contains(word),
            "the example of {word} should show it"
        );
        assert!(
            is_site_line(example),
            "should treat {example:?} ({word}) as site chrome"
        );
    }
}

#[test]
fn labels_in_sentences_are_document_text() {
    for s in [
        "加强阅读推广，营造全民阅读氛围。",
        "各单位要高度关注安全生产。",
        "文档管理制度",
        "收藏品市场的管理办法",
        "本办法自发布之日起施行。",
        "现将有关事项通知如下：",
        "（一）交易信息管理。银行、支付机构应当建立交易信息分类分级管理规则。",
        "本办法发布时间以印发之日为准。",
        "在找回密码的流程中，时常由于手机操作不便而无法通过验证。",
        "（此文档共 13 页）",
        "（二）登录举报受理平台网站www.example.gov.cn；",
        "000123",
    ] {
        assert!(!is_site_line(s), "should not treat {s:?} as site chrome");
    }
}

#[test]
fn shapes_of_site_lines() {
    for s in [
        "21333",
        "999+",
        "29.33KB",
        "- 31.80 KB",
        "13 页",
        "/ 6",
        "• 约3.47千字",
        "第2页 / 共19页",
        "2024-10-28 09:23:12 某某网",
        "2025/12/09演讲稿",
        "- 2021-05-07 发布",
        "首页 > 范文 > 行政公文 > 正文",
        "首页/ 专题/ 两会/ 正文",
        "您的位置: 首页 » 法规 »",
        "某某中小学教育网",
        "某某范文网 范文大全",
        "某某管理制度.docx",
        "• 姓  名：",
        "某某工作计划精选6篇",
        "关于请示的批复范文（15篇）",
        "某某心得体会(实用15篇)",
        "某某管理制度【推荐5篇】",
        "某某会议纪要范文精选",
        "【www.example.cn - 工作汇报】",
        "工作汇报 时间:2019-07-17",
    ] {
        assert!(is_site_line(s), "should treat {s:?} as site chrome");
    }
    for s in [
        "一、总体要求",
        "2024年工作回顾",
        "第3页",
        "1/2的资金用于补助",
        "文档管理制度",
        "发文字号",
        "2.5",
        "欢迎来到美丽的某某县参加会议！",
        "关于印发《某某办法》的通知",
        "某某县教育局",
        "二〇二四年九月三十日",
    ] {
        assert!(!is_site_line(s), "should not treat {s:?} as site chrome");
    }
}

#[test]
fn reads_collection_separators() {
    fn name(s: &str) -> Option<Option<&str>> {
        collection_separator(s).map(|sep| sep.name.map(|(a, b)| &s[a..b]))
    }
    assert_eq!(name("篇一："), Some(None));
    assert_eq!(name("【篇二】"), Some(None));
    assert_eq!(name("第3篇"), Some(None));
    assert_eq!(name("篇1：某某镇工作总结"), Some(Some("某某镇工作总结")));
    assert_eq!(
        name("第1篇：关于食品安全的调研报告"),
        Some(Some("关于食品安全的调研报告"))
    );
    assert_eq!(name("开学典礼的讲话稿 篇1"), Some(Some("开学典礼的讲话稿")));
    assert_eq!(name("某某工作计划 【篇1】"), Some(Some("某某工作计划")));
    assert_eq!(name("某某述职报告篇一"), Some(Some("某某述职报告")));
    assert_eq!(
        name("骨干教师培养方案范文第1篇"),
        Some(Some("骨干教师培养方案范文"))
    );
    for s in [
        "第一篇 总则",
        "第二篇　分则",
        "一、总体要求",
        "这篇文章写得好",
        "篇2026年政府工作报告",
    ] {
        assert_eq!(collection_separator(s), None, "{s:?} is no separator");
    }
}

#[test]
fn gates_admit_every_match() {
    // Lines each anchored pattern matches, in every opening it allows:
    // the first-character gates in front of the patterns must let them
    // through.
    for line in [
        "— 2 —",
        "-1-",
        "－3－",
        "–4–",
        "第 2 页 共 9 页",
        "12",
        "３",
    ] {
        assert!(is_page_number(line), "{line}");
        assert_eq!(noise_kind(line), Some(NoiseKind::PageNumber), "{line}");
    }
    for line in [
        "版本：1.0",
        "来源：新华网",
        "更新时间：2024-01-01",
        "作者：张三",
        "上传者：李四",
        "上传时间：2024",
        "标签：公文",
        "分类：通知",
        "tags: a",
        "title: b",
        "date: c",
        "source: d",
        "author: e",
        "category: f",
    ] {
        assert!(KV_META.is_match(line), "{line}");
        assert!(noise_kind(line).is_some(), "{line}");
    }
    for line in [
        "相关推荐",
        "猜你喜欢",
        "热门文档",
        "推荐阅读",
        "延伸阅读",
        "上一篇：x",
        "下一篇：y",
        "【某某范文】相关文章：",
    ] {
        assert!(starts_trailer(line), "{line}");
    }
    for line in [
        "本作品来自",
        "Public domain",
        "PD-old",
        "本文属于公有领域",
        "本模板",
    ] {
        assert!(starts_license(line), "{line}");
    }
}

#[test]
fn recognises_web_chrome_and_metadata() {
    for s in [
        "热门文档",
        "- 2024-08-28 08:57:57 (3篇)学习贯彻党的二十届三中全会精神研讨材料",
        "2026-02-13 19:21:52",
        "时间： 2026-02-03 来源：新华社",
        "来源: 贵阳日报  发布时间: 2024-02-29 14:35   浏览次数：611次  字体:[*小**中**大*]",
        "**版本**: 现行有效",
        "**更新时间**: 2026-02-18",
        "---",
        "<!-- INFO END -->",
        "— 2 —",
        "-1-",
        "42",
        "第一章　总则……………………1",
    ] {
        assert!(noise_kind(s).is_some(), "should treat {s} as noise");
    }
}

#[test]
fn leaves_document_text_alone() {
    for s in [
        "一、总体要求",
        "2.5",
        "各位代表：",
        "中国人民银行",
        "2024年12月8日",
        "第一条　为了规范管理，制定本办法。",
        "时间：2024年8月7日",
        "同志们：",
        "特此通知。",
    ] {
        assert!(noise_kind(s).is_none(), "should not treat {s} as noise");
    }
}

use crate::text::class::assert_same_as;

#[test]
fn counter_line_as_its_pattern() {
    assert_same_as(
        r"^(?:[•·●\-*+]\s*(?:约\s*)?\d+(?:[.,]\d+)?\s*\S{0,3}|(?:约\s*)?\d+(?:[.,]\d+)?\s*(?:[KkMmGg]?[Bb]|[KkWw万]|\+|千字|字|页|次)|\d{4,5}|\d{7,}|/\s*\d+|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页)\s*$",
        is_counter_line,
        &[
            "21333",
            "999+",
            "29.33KB",
            "13 页",
            "/ 6",
            "约3.47千字",
            "第2页 / 共19页",
            "• 1",
            "- 约 5,5 abc ",
            "1234567",
            "２０２４ ",
        ],
        "•·●-*+约.,KkMmGgBbWw万千字页次第共/0123456789",
    );
}

#[test]
fn dated_and_timestamp_lines_as_their_patterns() {
    let seeds = [
        "2024-10-28 09:23:12 某某网",
        "2025/12/09演讲稿",
        "- 2021-05-07 发布",
        "• ·2021-5-7",
        "2021-05-071",
        "*2021-05-07",
    ];
    let alphabet = "•·-*+/: 0123456789１";
    assert_same_as(
        r"^[•·\-*+\s]*\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?",
        is_dated_line,
        &seeds,
        alphabet,
    );
    assert_same_as(
        r"^(?:[-*+]\s*)?\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)",
        is_timestamp_line,
        &seeds,
        alphabet,
    );
}

#[test]
fn page_number_as_its_pattern() {
    assert_same_as(
        r"^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})$",
        is_page_number,
        &["— 2 —", "-1234-", "第 2 页 共 9 页", "第2页", "12", "３"],
        "-—－–第页共0123456789",
    );
}

#[test]
fn breadcrumb_as_its_pattern() {
    assert_same_as(
        r"^[^。，；]{0,30}?(?:\S{1,16}\s*(?:>|›|»|/\s)\s*){2,}",
        is_breadcrumb,
        &[
            "首页 > 范文 > 正文",
            "首页/ 专题/ 正文",
            "首页 » 法规 »",
            "当前位置：首页›范文›",
            "a>>b>c",
            "某某。首页 > 范文 > 正文",
            "您现在的位置是：网站首页 > 工作总结 > 年终总结 > 正文",
        ],
        "。，；>›»/ 首页范文abc",
    );
    let line = |prefix: usize, word: usize| {
        format!("{}{} > 范文 > 正文", "前".repeat(prefix), "首".repeat(word))
    };
    assert!(is_breadcrumb(&line(0, 1)));
    assert!(is_breadcrumb(&line(30, 16)));
    assert!(is_breadcrumb(&line(46, 0)));
    assert!(!is_breadcrumb(&line(47, 0)));
}

#[test]
fn site_name_as_its_pattern() {
    assert_same_as(
        r"^[\p{Han}A-Za-z0-9]{1,14}(?:网|网站|網|文库|文庫)(?:\s*(?:首页|首頁|范文大全|范文))?$",
        is_site_name,
        &[
            "某某范文网",
            "某某教育网 首页",
            "某某网 范文大全",
            "abc文库",
            "某某网站网站",
            "网网",
        ],
        "网站網文库庫首页頁范大全a9",
    );
    assert!(is_site_name(&format!("{}网", "某".repeat(14))));
    assert!(!is_site_name(&format!("{}网", "某".repeat(15))));
    assert!(is_site_name(&format!("{}网站", "某".repeat(14))));
}

#[test]
fn chrome_anywhere_as_its_pattern() {
    // With the lexicon's read of the line, as noise_kind asks it.
    fn is_chrome(s: &str) -> bool {
        is_chrome_anywhere(s, SITE_PHRASE.scan(s).mark())
    }
    assert_same_as(
        r"(?:来源[:：].{0,40}(?:发布时间|时间|字体|浏览)|发布时间[:：]?\s*\d{4}-\d|浏览次数[:：]|字体[:：]\s*\[|【字体[:：]|【打印】|【关闭】|已阅读\d+页|剩余\d+页|继续阅读|下载文档|\.docx?(?:\W|$)|_第\d+页$)",
        is_chrome,
        &[
            "来源：某某网 发布时间：2024-01-01",
            "来源:新华网 浏览",
            "发布时间： 2024-1",
            "浏览次数：3",
            "字体：[大 中 小]",
            "【打印】【关闭】",
            "已阅读5页",
            "范文.docx",
            "某某.doc 下载",
            "某某.docxa",
            "标题_第3页",
            "a.doc_",
        ],
        "来源:：时间发布字体浏览次数[【】打印关闭已阅读剩余页继续下载文档.docx_第\n-é",
    );
    let line = |gap: usize| format!("来源：{}时间", "某".repeat(gap));
    assert!(is_chrome(&line(40)));
    assert!(!is_chrome(&line(41)));
}

#[test]
fn iso_date_time_source_and_form_field_as_their_patterns() {
    assert_same_as(
        r"\d{4}-\d{1,2}-\d{1,2}",
        has_iso_date,
        &[
            "工作汇报 时间:2019-07-17",
            "12345-1-123",
            "2019--07-17",
            "a2019-7-1b",
        ],
        "-0123456789１٣时间",
    );
    assert_same_as(
        r"^时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}.*来源[:：]",
        is_time_and_source,
        &[
            "时间：2019-07-17 来源：某某网",
            "时间: 2019-7-1来源:",
            "时间：2019-07-171\n来源：",
        ],
        "时间:：来源-0123456789１\n",
    );
    assert_same_as(
        r"^[•·●]\s*\*?[\p{Han}\s]{1,10}[:：]\s*$",
        is_form_field,
        &[
            "• 姓  名：",
            "• *验 证 码:",
            "●  ：",
            "·* 名:  ",
            "•一二三四五六七八九十：",
        ],
        "•·●*:：姓名验证码 　",
    );
}

#[test]
fn file_name_and_toc_leader_as_their_patterns() {
    assert_same_as(
        r"\.(?:docx?|pdf|pptx?|xlsx?|wps|txt)(?:[^A-Za-z]|$)",
        has_file_name,
        &[
            "某某制度.docx",
            "方案.pdf 下载",
            "a.doc1",
            "b.pptxa",
            "c.xls。",
            "d.txt",
        ],
        ".docxpftwsl1a。",
    );
    assert_same_as(
        r"(?:\.{4,}|…{2,}|·{4,}|．{4,}|-{4,}|_{4,})\s*\d{1,4}$",
        has_toc_leader,
        &[
            "第一章 总则....12",
            "附则……3",
            "目录·····1234",
            "一、________ 9",
            "二、－－－－5",
            "----12345",
        ],
        ".…·．-_0123456789１٣",
    );
}

#[test]
fn separators_as_their_patterns() {
    let leading = r"^[【\[(（]?\s*(?:篇|范文|範文|例文)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[】\])）]?\s*[:：]?\s*";
    let trailing = r"\s*(?:[【\[(（]\s*篇\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[】\])）]|篇\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})|第\s*\d{1,3}\s*篇)$";
    let numbered = r"^第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*篇\s*(?:[:：]\s*|$)";
    let seeds = [
        "篇一：",
        "【篇二】",
        "篇3",
        "篇1：某某报告",
        "篇2026年",
        "范文 十二 ） ： 正文",
        "某某讲话稿 篇1",
        "某某计划 【篇1】",
        "某某报告篇一",
        "某某范文第1篇",
        "篇一篇二",
        "第3篇",
        "第1篇：关于",
        "第 一二三四 篇",
        "某某（篇 12 ）",
    ];
    let alphabet = "【[(（】])）篇第范文範例:：一二三四五六七八九十0123456789١某";
    for (pattern, f) in [
        (leading, separator_leading as fn(&str) -> Option<usize>),
        (numbered, separator_numbered),
    ] {
        let re = Regex::new(pattern).unwrap();
        let check = |s: &str| {
            let end = re.find(s).map(|m| m.end());
            assert_eq!(f(s), end, "{pattern} on {s:?}");
            end.is_some()
        };
        assert_same_as(pattern, check, &seeds, alphabet);
    }
    let re = Regex::new(trailing).unwrap();
    let check = |s: &str| {
        let start = re.find(s).map(|m| m.start());
        assert_eq!(separator_trailing(s), start, "{trailing} on {s:?}");
        start.is_some()
    };
    assert_same_as(trailing, check, &seeds, alphabet);
}

#[test]
fn a_pattern_runs_only_where_its_stem_is_and_every_match_holds_the_stem() {
    use super::lexicon::pattern_stem;
    assert_eq!(pattern_stem(r"浏览次数(?:[:：]|\s*\d|$)"), "浏览次数");
    assert_eq!(pattern_stem(r"发布于[:：]?\s*\d{4}"), "发布于");
    assert_eq!(pattern_stem(r"^标\s*题[:：]"), "标");
    assert_eq!(pattern_stem(r"怎么写[,，?？]?\s*求"), "怎么写");
    // The character a quantifier makes optional is not in every match.
    assert_eq!(pattern_stem("下载s?地址"), "下载");
    assert_eq!(pattern_stem("共x{2}页"), "共");
    // An alternation or a pattern that opens with syntax: no stem, always run.
    assert_eq!(pattern_stem("上一篇|下一篇"), "");
    assert_eq!(pattern_stem(r"\d+人阅读"), "");
    for (phrase, example) in SITE_PHRASES {
        if lexicon::has_regex_syntax(phrase) {
            assert!(example.contains(&pattern_stem(phrase)), "{phrase}");
        }
    }
    // One automaton for words and stems: a stem alone is no match, a word is.
    let lexicon =
        lexicon::Lexicon::new(&[("页数[:：]", ""), (r"浏览次数\s*\d", "")], &["【打印】"]);
    assert!(lexicon.is_match("文档页数：12"));
    assert!(lexicon.is_match("浏览次数 35"));
    assert!(!lexicon.is_match("浏览次数很多"));
    assert!(!lexicon.is_match("页数不限"));
}

#[test]
fn punctuation_and_breadcrumb_separators_read_from_bytes_agree_with_the_characters() {
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let s = c.encode_utf8(&mut buf);
        assert_eq!(
            has_sentence_punctuation(s),
            matches!(c, '，' | '。' | '；' | '！' | '？' | '、'),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(
            has_breadcrumb_separator(s),
            matches!(c, '>' | '›' | '»' | '/'),
            "U+{:04X}",
            c as u32
        );
    }
    assert!(has_sentence_punctuation("首页热门文章，"));
    assert!(!has_sentence_punctuation("首页　「热门」《文章》"));
    assert!(has_breadcrumb_separator("首页 » 范文"));
    assert!(!has_breadcrumb_separator("首页·范文"));
}

#[test]
fn the_trailer_gate_holds_wherever_the_trailer_pattern_matches() {
    let words = [
        "相关推荐",
        "相关文章",
        "相关阅读",
        "相关范文",
        "猜你喜欢",
        "热门推荐",
        "推荐阅读",
        "延伸阅读",
        "往期推荐",
        "往期回顾",
        "精彩推荐",
    ];
    for w in words {
        for tail in ["", "：", ":", " ：", "： ", "\u{3000}:\u{3000}", "  "] {
            for head in ["", "更多", "· "] {
                let line = format!("{head}{w}{tail}");
                assert!(TRAILER_ANYWHERE.is_match(&line), "{line:?}");
                assert!(ends_with_trailer_word(&line), "{line:?}");
            }
        }
    }
    assert!(!ends_with_trailer_word("相关推荐文件如下。"));
}

#[test]
fn every_alternative_of_chrome_anywhere_holds_a_stem_the_lexicon_marks() {
    for line in [
        "浏览次数：12",
        "字体：[大 中 小]",
        "【字体：大 中 小】",
        "【打印】【关闭】",
        "【关闭】",
        "已阅读5页，剩余10页",
        "剩余3页未读",
        "继续阅读全文",
        "点击下载文档",
        "工作总结_第2页",
    ] {
        assert!(CHROME_ANYWHERE.is_match(line), "{line:?}");
        assert!(SITE_PHRASE.scan(line).mark(), "{line:?}");
        assert!(
            is_chrome_anywhere(line, true) && noise_kind(line).is_some(),
            "{line:?}"
        );
    }
    // No stem: the regex is not asked, and could not have matched.
    let plain = "各单位要高度重视安全生产工作";
    assert!(!SITE_PHRASE.scan(plain).mark() && !CHROME_ANYWHERE.is_match(plain));
}
