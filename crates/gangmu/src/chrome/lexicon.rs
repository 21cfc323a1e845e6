//! The site lexicon: phrases and labels only a publishing site writes, each
//! with a line that shows it, searched as Aho-Corasick DFAs.

use super::*;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::Anchored;

// ---- the site lexicon ----------------------------------------------------

/// Phrases only a publishing site writes: viewer and download prompts,
/// uploader and copyright notices, forum and Q&A chrome, government index
/// blocks, the editors' introductions to a collection. Matched anywhere in a
/// line of at most [`PHRASE_LINE_MAX_CHARS`] characters, sentences included,
/// so each must be unambiguous: a label that a document could use in a
/// sentence (`信息来源`) is listed with its colon. Each entry: the phrase (a
/// regex fragment, mostly literal), and a line written for this list that
/// shows it.
pub(crate) const SITE_PHRASES: &[(&str, &str)] = &[
    // Viewer and download prompts.
    ("下载文档", "点此下载文档"),
    ("下载本文", "收藏本文 下载本文"),
    (r"下载地址[:：]", "下载地址：点击这里"),
    ("下载资源", "下载资源"),
    ("免费下载", "会员可免费下载"),
    ("点击下载", "点击下载完整版"),
    ("立即下载", "立即下载"),
    ("付费下载", "请确认后再付费下载"),
    ("继续阅读", "您可以继续阅读"),
    ("阅读全文", "阅读全文"),
    ("展开全文", "展开全文"),
    ("全屏查看", "全屏查看"),
    ("手机查看", "手机查看"),
    ("在手机上", "在手机上继续浏览"),
    ("扫一扫", "扫一扫分享"),
    ("点击查看更多", "点击查看更多>>"),
    ("页未读", "还有 4 页未读"),
    ("已阅读", "已阅读3页"),
    ("部分内容预览", "以下为部分内容预览："),
    ("在线阅读", "可在线阅读"),
    ("珍藏版", "（12页珍藏版）"),
    ("全文约", "全文约 5000 字"),
    ("资源描述", "资源描述"),
    (r"文档编号[:：]", "文档编号：12345"),
    ("文档简介", "文档简介"),
    (r"上传人[:：]", "上传人：a***1"),
    (r"上传时间[:：]", "上传时间：2023-01-01"),
    (r"上传者[:：]", "上传者：某某"),
    ("由用户上传", "本文档由用户上传"),
    ("由会员分享", "由会员分享，可在线阅读"),
    ("本站不保证", "本站不保证质量"),
    ("内容提供方", "版权归内容提供方"),
    ("版权归属", "内容版权归属原作者"),
    ("侵权投诉", "侵权投诉"),
    ("侵权请联系", "如有侵权请联系删除"),
    ("版权说明", "版权说明：本文由网友提供"),
    ("版权声明", "版权声明"),
    ("免责声明", "免责声明"),
    ("会员免费", "会员免费"),
    ("网站客服", "网站客服"),
    ("客服QQ", "客服QQ：10000"),
    ("请加微信", "获取更多请加微信"),
    ("进微信群", "进微信群领取"),
    (r"字号[:：]", "字号："),
    ("收藏本文", "收藏本文"),
    ("收藏本站", "收藏本站"),
    ("设为首页", "设为首页"),
    ("返回首页", "返回首页"),
    ("返回顶部", "返回顶部"),
    ("打印本页", "打印本页"),
    ("关闭窗口", "关闭窗口"),
    ("分享到", "分享到："),
    (r"浏览次数(?:[:：]|\s*\d|$)", "浏览次数：100"),
    (r"阅读次数(?:[:：]|\s*\d|$)", "阅读次数：100"),
    (r"发布于[:：]?\s*\d{4}", "发布于2023-03-01"),
    (r"发布时间[:：]", "发布时间：2023-03-01"),
    (r"文字大小[:：]", "文字大小：[大 中 小]"),
    (r"背景色[:：]", "背景色："),
    (r"责任编辑[:：]", "责任编辑：某某"),
    // Forums and Q&A pages.
    ("只需一步", "只需一步，快速开始"),
    (r"发表于\s*\d{4}", "发表于 2020-1-1 08:00"),
    (r"问题描述[:：]", "问题描述："),
    ("最佳答案", "最佳答案"),
    ("推荐答案", "推荐答案"),
    (r"其他回答\s*[(（]\d+[)）]", "其他回答(2)"),
    (r"全部回答\s*[(（]\d+[)）]", "全部回答（5）"),
    ("满意答案", "满意答案"),
    (r"怎么写[,，?？]?\s*求", "某某决定怎么写，求范文"),
    ("求一篇", "求一篇范文"),
    ("提问者采纳", "提问者采纳"),
    ("急求", "急求一篇范文"),
    ("帮忙回答", "谁能帮忙回答下"),
    // Government information-disclosure index blocks.
    (r"索引号[:：]", "索引号：000-2023-01"),
    (r"组配分类[:：]", "组配分类：通知"),
    (r"信息分类[:：]", "信息分类：公告"),
    (r"发布机构[:：]", "发布机构：某某局"),
    (r"生成日期[:：]", "生成日期：2023-01-01"),
    (r"废止时间[:：]", "废止时间："),
    (r"信息来源[:：]", "信息来源：某某局"),
    (r"内容概述[:：]", "内容概述："),
    (r"主题分类[:：]", "主题分类：综合政务"),
    (r"公文种类[:：]", "公文种类：通知"),
    (r"体裁分类[:：]", "体裁分类：通知"),
    (r"发文字号[:：]", "发文字号：某政发〔2024〕1号"),
    (r"成文日期[:：]", "成文日期：2024年01月05日"),
    (r"发布日期[:：]", "发布日期：2024年01月08日"),
    (r"^标\s*题[:：]", "标题：关于某某的通知"),
    (r"^文\s*号[:：]", "文号：某政发〔2024〕1号"),
    (r"有效性[:：]", "有效性：有效"),
    (r"所属机构[:：]", "所属机构：某某局"),
    // Editors' introductions to a collection.
    ("小编", "下面是小编整理的范文"),
    ("整理发布", "本站整理发布"),
    ("为大家整理", "为大家整理了以下范文"),
    ("供大家参考", "供大家参考"),
    ("希望对大家有所帮助", "希望对大家有所帮助。"),
    ("希望能给您提供帮助", "希望能给您提供帮助。"),
    ("希望对你有帮助", "希望对你有帮助"),
    ("欢迎阅读", "欢迎阅读本站范文"),
    ("欢迎访问", "欢迎访问本站"),
    // Social-media articles.
    ("点击上方", "点击上方蓝字关注我们"),
    ("关注我们", "欢迎关注我们"),
    ("长按识别", "长按识别二维码"),
    ("阅读原文", "阅读原文"),
    ("分享给朋友", "分享给朋友"),
    // Document-sharing sites.
    ("下载积分", "下载积分：5"),
    ("开通VIP", "开通VIP"),
    (r"页数[:：]", "页数：12"),
    (r"点击数[:：]", "点击数：125"),
];

/// A line longer than this is text, whatever words it contains.
pub(crate) const PHRASE_LINE_MAX_CHARS: usize = 200;

/// Words a site writes as a label or a button on a line of its own (`文档`,
/// `关注`, `好评`…), which a document uses in sentences too: a line of at most
/// [`LABEL_LINE_MAX_CHARS`] characters without Chinese sentence punctuation
/// that holds one, and at most [`LABEL_LINE_MAX_OTHER`] ideographs besides
/// the labels (`网站首页`, `下载 相关 举报`, but not `文档管理制度`). Each entry:
/// the word and a line that shows it.
pub(crate) const SITE_LABELS: &[(&str, &str)] = &[
    ("文档", "文档"),
    ("关注", "关注"),
    ("好评", "好评"),
    ("举报", "举报"),
    ("海报", "海报"),
    ("打印", "打印"),
    ("收藏", "收藏"),
    ("评论", "评论 3"),
    ("点赞", "点赞"),
    ("下载", "下载 相关"),
    ("浏览", "浏览 88"),
    ("阅读", "阅读 1.2万"),
    ("分享", "分享"),
    ("首页", "网站首页"),
    ("首頁", "首頁"),
    ("正文", "百科 正文"),
    ("字数", "字数 980"),
    ("字數", "字數 980"),
    ("閱讀", "閱讀 300"),
    ("VIP", "VIP专享"),
    ("公众号", "公众号"),
    ("二维码", "二维码"),
    ("楼主", "楼主"),
    ("使用道具", "回复 使用道具 举报"),
    ("阅读模式", "阅读模式"),
    ("回帖奖励", "回帖奖励"),
    ("只看该作者", "只看该作者"),
    ("跳转到指定楼层", "跳转到指定楼层"),
    ("复制链接", "[复制链接]"),
    ("上一主题", "上一主题 下一主题"),
    ("下一主题", "下一主题"),
    ("QQ登录", "QQ登录"),
    ("立即注册", "立即注册"),
    ("免费注册", "免费注册"),
    ("找回密码", "找回密码"),
    ("手机版", "手机版"),
    ("字体", "字体：大 中 小"),
    ("金句", "每日金句"),
    ("专免", "VIP专免"),
    ("大小", "大小 31.06K"),
    ("页数", "总页数 6 页"),
];

/// See [`SITE_LABELS`].
pub(crate) const LABEL_LINE_MAX_CHARS: usize = 12;

/// See [`SITE_LABELS`].
pub(crate) const LABEL_LINE_MAX_OTHER: usize = 3;

/// A longer line is a strip of the site's counters when it holds at least
/// [`LABEL_STRIP_MIN_LABELS`] labels, each with its figure, and few other
/// words: `阅读 52 下载 9 大小 31.06K 总页数 6 页 2025-11-03 分享` under a
/// document-sharing page's headline.
pub(crate) const LABEL_STRIP_MAX_CHARS: usize = 60;

/// See [`LABEL_STRIP_MAX_CHARS`].
pub(crate) const LABEL_STRIP_MIN_LABELS: usize = 3;

/// A lexicon compiled for matching: its literal entries (and the two colons
/// of `label[:：]` entries) in one Aho-Corasick automaton, the few entries
/// that need a pattern in one regex. Built once; cheap to build and to run on
/// every line (compiling a hundred alternatives into one regex cost as much
/// as parsing a megabyte).
pub(super) struct Lexicon {
    /// The literal entries, then the stems of the patterns (the literal text
    /// each pattern starts with): one automaton, one read of the line.
    words: Contains,
    patterns: Option<Regex>,
    /// A pattern has no stem: the regex runs on every line.
    always: bool,
}

impl Lexicon {
    /// The lexicon of `entries`; `marks` are words looked for in the same
    /// read of a line for another pattern (see [`Scan::mark`]).
    pub(super) fn new(entries: &[(&str, &str)], marks: &[&str]) -> Self {
        let mut literals: Vec<String> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        for (entry, _) in entries {
            if let Some(stem) = entry.strip_suffix("[:：]") {
                if !has_regex_syntax(stem) {
                    literals.push(format!("{stem}:"));
                    literals.push(format!("{stem}："));
                    continue;
                }
            }
            if has_regex_syntax(entry) {
                patterns.push(format!("(?:{entry})"));
                stems.push(pattern_stem(entry));
            } else {
                literals.push((*entry).to_string());
            }
        }
        let always = stems.iter().any(String::is_empty);
        let first_stem = literals.len();
        literals.extend(stems.into_iter().filter(|s| !s.is_empty()));
        let first_mark = literals.len();
        literals.extend(marks.iter().map(|m| m.to_string()));
        Lexicon {
            words: Contains::new(&literals, first_stem, first_mark),
            patterns: (!patterns.is_empty()).then(|| {
                Regex::new(&patterns.join("|")).expect("the lexicon's patterns are regexes")
            }),
            always,
        }
    }

    #[cfg(test)]
    pub(super) fn is_match(&self, s: &str) -> bool {
        self.scan(s).is_match()
    }

    /// One read of `s`: whether the lexicon matches it, and whether it holds
    /// a mark.
    pub(super) fn scan<'s>(&self, s: &'s str) -> Scan<'_, 's> {
        Scan {
            lexicon: self,
            text: s,
            found: self.words.search(s),
        }
    }
}

/// What [`Lexicon::scan`] read of a line.
pub(super) struct Scan<'l, 's> {
    lexicon: &'l Lexicon,
    text: &'s str,
    found: Found,
}

impl Scan<'_, '_> {
    /// Whether the lexicon matches the line.
    pub(super) fn is_match(&self) -> bool {
        self.found.word
            || ((self.found.gate || self.lexicon.always)
                && self
                    .lexicon
                    .patterns
                    .as_ref()
                    .is_some_and(|p| p.is_match(self.text)))
    }

    /// Whether the line holds one of the marks — or a word of the lexicon:
    /// the read stops at the first word, so the marks after it are unknown
    /// (and the line is the site's anyway).
    pub(super) fn mark(&self) -> bool {
        self.found.mark || self.found.word
    }
}

/// The literal text every match of `pattern` contains: its characters up to
/// the first regex syntax (less the character a `?`, `*` or `{` makes
/// optional), after a leading `^`; empty when the pattern is an alternation
/// (a `|` outside brackets) or opens with syntax.
pub(super) fn pattern_stem(pattern: &str) -> String {
    let mut depth = 0i32;
    let mut escaped = false;
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth == 0 => return String::new(),
            _ => {}
        }
    }
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let end = body
        .find(['\\', '[', '(', '?', '*', '+', '{', '^', '$', '.'])
        .unwrap_or(body.len());
    let mut stem = &body[..end];
    if body[end..].starts_with(['?', '*', '{']) {
        stem = stem.char_indices().last().map_or("", |(i, _)| &stem[..i]);
    }
    stem.to_string()
}

pub(super) fn has_regex_syntax(s: &str) -> bool {
    s.contains(['\\', '[', '(', '?', '*', '+', '|', '{', '^', '$', '.'])
}

pub(super) static SITE_PHRASE: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(SITE_PHRASES, super::CHROME_ANYWHERE_STEMS));
pub(super) static SITE_LABEL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let labels: Vec<&str> = SITE_LABELS.iter().map(|(w, _)| *w).collect();
    dfa(&labels)
});

/// An automaton over `words` as a DFA: it is searched on most lines of every
/// page, where a DFA reads a byte in a few instructions and the default NFA in
/// about four times as many (measured with callgrind on the corpus); the
/// lexicon is small, so its tables are too (tens of kilobytes).
pub(super) fn dfa<S: AsRef<[u8]>>(words: &[S]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("the lexicon builds an automaton")
}

/// Whether a text contains any of a set of words, or only of the gates
/// among them (the words from `first_gate` to `first_mark`) and of the marks
/// (from `first_mark` on): aho-corasick's DFA, read by
/// a loop of our own. `AhoCorasick::is_match` reads a byte in about
/// sixteen instructions here (its search is generic over every automaton,
/// match kind and prefilter), this loop in about six (callgrind on the
/// corpus, the site lexicon over every line of up to 200 characters).
pub(super) struct Contains {
    dfa: aho_corasick::dfa::DFA,
    start: StateID,
    first_gate: usize,
    first_mark: usize,
}

/// What [`Contains::search`] found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Found {
    /// One of the words before the gates.
    pub word: bool,
    /// A gate (when no word was found: the search stops at the first word).
    pub gate: bool,
    /// A word from `first_mark` on (likewise).
    pub mark: bool,
}

impl Contains {
    pub(super) fn new<S: AsRef<[u8]>>(words: &[S], first_gate: usize, first_mark: usize) -> Self {
        let dfa = aho_corasick::dfa::DFA::builder()
            .build(words)
            .expect("the lexicon builds an automaton");
        let start = dfa
            .start_state(Anchored::No)
            .expect("an unanchored search has a start state");
        Contains {
            dfa,
            start,
            first_gate,
            first_mark,
        }
    }

    /// Which kinds of word `s` contains (an empty word list: none).
    pub(super) fn search(&self, s: &str) -> Found {
        let dfa = &self.dfa;
        let mut found = Found::default();
        // The start state can be a match (of an empty word); an unanchored
        // standard search has no dead state.
        let mut sid = self.start;
        if dfa.is_match(sid) {
            self.visit(sid, &mut found);
        }
        if found.word {
            return found;
        }
        for &b in s.as_bytes() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                self.visit(sid, &mut found);
                if found.word {
                    return found;
                }
            }
        }
        found
    }

    /// Notes the words that end at match state `sid`.
    fn visit(&self, sid: StateID, found: &mut Found) {
        for k in 0..self.dfa.match_len(sid) {
            let id = self.dfa.match_pattern(sid, k).as_usize();
            if id < self.first_gate {
                found.word = true;
            } else if id < self.first_mark {
                found.gate = true;
            } else {
                found.mark = true;
            }
        }
    }
}
