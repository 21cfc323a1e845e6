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
];

/// Words that close a news-style title without naming a document type
/// (`…工作会议在京召开`).
const NEWS_TITLE_ENDINGS: &[&str] = &["召开"];

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

/// The document type (文种) a title ends with, the longest that fits
/// (`实施方案` over `方案`), ignoring parenthesised tails.
pub(crate) fn doc_type_of(title: &str) -> Option<&'static str> {
    let t = strip_trailing_parentheticals(title);
    DOC_TYPES
        .iter()
        .filter(|w| t.ends_with(*w))
        .max_by_key(|w| w.len())
        .copied()
}

/// Whether a title is complete: it ends with a document type, or with a word
/// that closes a news headline.
pub(crate) fn ends_title(s: &str) -> bool {
    doc_type_of(s).is_some() || {
        let t = strip_trailing_parentheticals(s);
        NEWS_TITLE_ENDINGS.iter().any(|w| t.ends_with(w))
    }
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
    let t = content.trim_end_matches(['：', ':', '！', '!', '，', ',']);
    let punctuated = t.len() < content.len();
    GREETINGS.contains(&t)
        || (t.starts_with("各位") && char_len(t) <= 12 && !t.contains('、'))
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
    fn organ_words() {
        assert!(names_an_organ("各乡镇人民政府："));
        assert!(!names_an_organ("现将有关事项通知如下："));
        assert!(ORGAN_SUFFIXES.iter().any(|s| "国家外汇局".ends_with(s)));
    }
}
