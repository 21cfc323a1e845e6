//! Word lists: document types (文种), organ names, greetings.

use super::chars::{char_len, is_space};

/// Document types (文种) a title ends with: the 15 statutory types of the
/// 《党政机关公文处理工作条例》 第八条 first, then the types common in practice
/// (方案, 办法, 规定, 条例, 讲话, 总结, 记录…). TITLE001 accepts a title that
/// ends with one; the parser stops a multi-line title once it has one.
pub(crate) const DOC_TYPES: &[&str] = &[
    "决议",
    "决定",
    "命令",
    "令",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
    "方案",
    "办法",
    "规定",
    "条例",
    "细则",
    "规则",
    "规程",
    "总结",
    "讲话",
    "记录",
    "体会",
    "计划",
    "要点",
    "规划",
    "纲要",
    "法",
    "章程",
    "守则",
    "准则",
    "指引",
    "指南",
    "清单",
    "措施",
    "解释",
    "答复",
    "说明",
    "提纲",
    "发言",
    "汇报",
    "制度",
    "标准",
    "规范",
    "公约",
    "协议",
    "声明",
    "名单",
    "简报",
    "致辞",
    "讲稿",
    "发言稿",
    "建议",
    "倡议书",
    "决算",
    "预算",
    "白皮书",
    "公示",
    "宣言",
    "答记者问",
    "主持词",
    "演讲",
    "报告会",
    "研讨材料",
    "材料",
    "目录",
    "议程",
    "实施方案",
    "摘要",
    "预案",
    "结束语",
    "开幕词",
    "闭幕词",
    "发言稿",
    "报告书",
    "倡议",
    "承诺书",
    "责任书",
    "协议书",
];

/// Words that close a news-style title without naming a document type
/// (`…工作会议在京召开`).
const NEWS_TITLE_ENDINGS: &[&str] = &["召开"];

/// What template sites append to a document's name (`…自查报告范文`,
/// `…工作计划模板`): set aside when asking which type a title names.
const TEMPLATE_SUFFIXES: &[&str] = &[
    "范文", "範文", "模板", "范本", "範本", "样本", "樣本", "模版",
];

/// `s` without trailing markup, white space and parenthesised tails such as
/// `（试行）` or `（2024年修订）（征求意见稿）`.
pub(crate) fn strip_trailing_parentheticals(s: &str) -> &str {
    let mut t = s.trim_end_matches(|c: char| c == '*' || is_space(c));
    loop {
        let before = t;
        if t.ends_with('）') || t.ends_with(')') {
            if let Some(i) = t.rfind(['（', '(']) {
                t = t[..i].trim_end_matches(|c: char| c == '*' || is_space(c));
            }
        }
        if t == before {
            return t;
        }
    }
}

/// The simplified form of the traditional characters that document types,
/// regulation units and greetings are written with (`規範` `條` `們`), for
/// matching the word lists against text in traditional characters.
pub(crate) fn simplified(c: char) -> char {
    match c {
        '規' => '规',
        '範' => '范',
        '條' => '条',
        '節' => '节',
        '編' => '编',
        '辦' => '办',
        '報' => '报',
        '請' => '请',
        '決' => '决',
        '總' => '总',
        '結' => '结',
        '計' => '计',
        '劃' => '划',
        '講' => '讲',
        '話' => '话',
        '紀' => '纪',
        '錄' => '录',
        '會' => '会',
        '議' => '议',
        '體' => '体',
        '細' => '细',
        '則' => '则',
        '準' => '准',
        '標' => '标',
        '導' => '导',
        '務' => '务',
        '發' => '发',
        '關' => '关',
        '於' => '于',
        '見' => '见',
        '覆' | '複' => '复',
        '們' => '们',
        '單' => '单',
        '團' => '团',
        '長' => '长',
        '員' => '员',
        '傳' => '传',
        '書' => '书',
        '詞' => '词',
        '彙' | '匯' => '汇',
        '預' => '预',
        '專' => '专',
        '項' => '项',
        '實' => '实',
        '對' => '对',
        '處' => '处',
        '聲' => '声',
        '簡' => '简',
        '綱' => '纲',
        '點' => '点',
        '動' => '动',
        '問' => '问',
        '說' => '说',
        '檢' => '检',
        '調' => '调',
        '頒' => '颁',
        '語' => '语',
        '賽' => '赛',
        '辭' => '辞',
        '閉' => '闭',
        '開' => '开',
        '據' => '据',
        '維' => '维',
        c => c,
    }
}

/// The last characters of `s` (at most 8), in simplified characters and
/// without white space: what a word list of endings is matched against.
fn ending(s: &str) -> Ending {
    let mut chars = ['\0'; ENDING_CHARS];
    let mut n = 0;
    for c in s.chars().rev().filter(|c| !is_space(*c)).take(ENDING_CHARS) {
        chars[n] = simplified(c);
        n += 1;
    }
    let mut e = Ending {
        bytes: [0; ENDING_CHARS * 4],
        len: 0,
    };
    for c in chars[..n].iter().rev() {
        e.len += c.encode_utf8(&mut e.bytes[e.len..]).len();
    }
    e
}

/// How many characters [`ending`] keeps.
const ENDING_CHARS: usize = 8;

/// The text [`ending`] returns, held on the stack: it is taken for every
/// title candidate, where building a `String` cost more than the comparisons.
struct Ending {
    bytes: [u8; ENDING_CHARS * 4],
    len: usize,
}

impl std::ops::Deref for Ending {
    type Target = str;

    fn deref(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("whole characters were written")
    }
}

/// The document type (文种) a title ends with, the longest that fits
/// (`实施方案` over `方案`), ignoring parenthesised tails, white space inside
/// (`通　知`) and traditional characters (`規範`).
pub(crate) fn doc_type_of(title: &str) -> Option<&'static str> {
    doc_type_of_ending(&ending(strip_trailing_parentheticals(title)))
}

/// [`doc_type_of`] on a title's [`ending`].
fn doc_type_of_ending(t: &str) -> Option<&'static str> {
    let t = TEMPLATE_SUFFIXES
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    // Only the types that end with the title's last character are compared
    // (most lines end with a character no type ends with).
    let last = t.chars().next_back()?;
    DOC_TYPES_BY_LAST
        .get(&last)?
        .iter()
        .filter(|w| t.ends_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// [`DOC_TYPES`] by their last character, in their order.
static DOC_TYPES_BY_LAST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let mut m: std::collections::HashMap<char, Vec<&'static str>> = Default::default();
        for w in DOC_TYPES {
            if let Some(c) = w.chars().next_back() {
                m.entry(c).or_default().push(w);
            }
        }
        m
    });

/// Whether a title is complete: it ends with a document type, or with a word
/// that closes a news headline.
pub(crate) fn ends_title(s: &str) -> bool {
    let t = ending(strip_trailing_parentheticals(s));
    doc_type_of_ending(&t).is_some() || NEWS_TITLE_ENDINGS.iter().any(|w| t.ends_with(w))
}

/// Words that name an organ or a unit, anywhere in a line (`各`, `局`,
/// `政府`, `办公室`…): the evidence that a line ending with a colon is a
/// 主送机关 and not a lead-in sentence.
const ORGAN_WORDS: &[&str] = &[
    "各",
    "局",
    "厅",
    "委",
    "院",
    "部",
    "部门",
    "政府",
    "机关",
    "单位",
    "公司",
    "银行",
    "中心",
    "办公室",
    "协会",
    "学校",
    "党委",
    "党组",
    "支部",
    "处",
    "科",
    "所",
    "会",
    "总部",
    "分行",
    "行",
];

/// Endings of organ names (`中国人民银行`, `公安部`, `国家外汇局`): the
/// evidence that a line of names side by side is a joint signature.
pub(crate) const ORGAN_SUFFIXES: &[&str] = &[
    "部", "委", "局", "行", "院", "署", "办", "厅", "府", "室", "会", "中心", "总局", "监会",
    "政府",
];

/// Whether `s` contains a word that names an organ or a unit.
pub(crate) fn names_an_organ(s: &str) -> bool {
    ORGAN_WORDS.iter().any(|w| s.contains(w))
}

/// Whether `s` ends with a word that names an organ or a unit (`县直各部门`).
pub(crate) fn ends_with_organ(s: &str) -> bool {
    ORGAN_WORDS.iter().any(|w| s.ends_with(w))
}

/// Names of the opening and closing sections of a document (`引言`, `前言`,
/// `总则`…): a short line with one of them, under the title, is the first
/// heading of the body, not a subtitle.
const SECTION_NAMES: &[&str] = &[
    "引言",
    "前言",
    "序言",
    "导言",
    "导语",
    "绪论",
    "绪言",
    "概述",
    "总则",
    "附则",
    "结语",
    "结束语",
    "结论",
    "正文",
    "摘要",
    "背景",
];

/// Whether a line is the name of an opening or closing section, alone.
pub(crate) fn is_section_name(content: &str) -> bool {
    let t: String = content
        .chars()
        .filter(|c| !is_space(*c) && !matches!(c, '*' | '#' | '：' | ':'))
        .map(simplified)
        .collect();
    SECTION_NAMES.contains(&t.as_str())
}

/// Words of a sentence that leads into a list (`现将有关事项通知如下：`,
/// `会议研究了以下事项：`): it ends with a colon like a 主送机关, but addresses
/// no one.
const LEAD_IN_WORDS: &[&str] = &["如下", "以下", "下列", "事项", "研究", "了"];

/// Whether a line ending with a colon leads into a list (see [`LEAD_IN_WORDS`]).
pub(crate) fn is_lead_in(s: &str) -> bool {
    LEAD_IN_WORDS.iter().any(|w| s.contains(w))
}

/// Greetings that open a speech (`各位代表：`, `同志们：`, `亲爱的同学们：`):
/// never a 主送机关 and never a title.
const GREETINGS: &[&str] = &[
    "各位代表",
    "同志们",
    "各位委员",
    "各位同志",
    "同志们、朋友们",
    "女士们、先生们",
    "各位领导",
    "尊敬的各位领导",
];

/// Whether a line is a greeting. A line ending in `们` is one only when a
/// colon, comma or exclamation mark follows (`老师们、同学们：`): a title may
/// end in `们` too (`致新时代的建设者们`).
pub(crate) fn is_greeting(content: &str) -> bool {
    let simple: std::borrow::Cow<'_, str> = if content.chars().any(|c| simplified(c) != c) {
        content.chars().map(simplified).collect::<String>().into()
    } else {
        content.into()
    };
    let t = simple.trim_end_matches(['：', ':', '！', '!', '，', ',']);
    let punctuated = t.len() < simple.len();
    GREETINGS.contains(&t)
        || (t.starts_with("各位") && char_len(t) <= 12 && !t.contains('、'))
        || (punctuated && t.starts_with("尊敬的") && char_len(t) <= 20)
        // `各位老师、各位同学：`, `亲爱的老师们、同学们！`
        || (punctuated
            && ["各位", "亲爱的", "敬爱的"].iter().any(|p| t.starts_with(p))
            && char_len(t) <= 30
            && !t.contains(['，', '。']))
        || t.ends_with("同志们")
        || (punctuated && t.ends_with('们'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_document_type_through_parenthesised_tails() {
        assert_eq!(doc_type_of("某某市管理办法（试行）"), Some("办法"));
        assert_eq!(doc_type_of("某某条例（2024年修订）（草案）"), Some("条例"));
        assert_eq!(doc_type_of("关于印发实施方案的通知"), Some("通知"));
        assert_eq!(doc_type_of("某某县乡村振兴实施方案"), Some("实施方案"));
        assert_eq!(doc_type_of("关于加强安全生产工作"), None);
        assert_eq!(doc_type_of("关于开展检查的通　知"), Some("通知"));
        assert_eq!(doc_type_of("某某公司會議管理規范"), Some("规范"));
        assert_eq!(doc_type_of("某某股份有限公司章 程"), Some("章程"));
        assert_eq!(doc_type_of("春季开学安全自查报告范文"), Some("报告"));
        assert!(ends_title("全省工作会议在京召开"));
        assert!(!ends_title("全省工作会议在京"));
    }

    #[test]
    fn greetings_are_not_titles() {
        for g in [
            "各位代表：",
            "同志们：",
            "老师们、同学们：",
            "亲爱的同学们！",
            "尊敬的各位领导",
            "同志們：",
            "尊敬的领导：",
            "各位老师、各位同学：",
        ] {
            assert!(is_greeting(g), "{g} should be a greeting");
        }
        for t in [
            "致新时代的建设者们",
            "各省、自治区、直辖市人民政府：",
            "关于表彰先进的决定",
        ] {
            assert!(!is_greeting(t), "{t} should not be a greeting");
        }
    }

    #[test]
    fn section_names() {
        assert!(
            is_section_name("引言") && is_section_name("总　则") && is_section_name("**前言**")
        );
        assert!(!is_section_name("引言部分的说明") && !is_section_name("关于总则的说明"));
    }

    #[test]
    fn organ_words() {
        assert!(names_an_organ("各乡镇人民政府："));
        assert!(!names_an_organ("现将有关事项通知如下："));
        assert!(ORGAN_SUFFIXES.iter().any(|s| "国家外汇局".ends_with(s)));
    }
}
