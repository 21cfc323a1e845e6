//! Line-level recognisers for text that is not part of the document: what a
//! publishing site puts around it (navigation, counters, prompts, link lists,
//! collection headlines and separators), what a conversion leaves (page
//! numbers, markup, tables of contents), licence trailers. Each looks at one
//! line; where a line is only site chrome in context (a copy of the title, an
//! introduction before a collection) the parser's site stage decides.
//!
//! Patterns are compiled once; the site lexicon is a list of phrases, each with
//! a line that shows it, and a test checks every entry.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

use crate::text::class::{self, is_digit, is_han, is_word, Scan};
use crate::text::{char_len, is_cjk, is_space};
use crate::tree::NoiseKind;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect(concat!("pattern ", stringify!($name))));
    };
}

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
struct Lexicon {
    literals: AhoCorasick,
    patterns: Option<Regex>,
}

impl Lexicon {
    fn new(entries: &[(&str, &str)]) -> Self {
        let mut literals: Vec<String> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
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
            } else {
                literals.push((*entry).to_string());
            }
        }
        Lexicon {
            literals: dfa(&literals),
            patterns: (!patterns.is_empty()).then(|| {
                Regex::new(&patterns.join("|")).expect("the lexicon's patterns are regexes")
            }),
        }
    }

    fn is_match(&self, s: &str) -> bool {
        self.literals.is_match(s) || self.patterns.as_ref().is_some_and(|p| p.is_match(s))
    }
}

fn has_regex_syntax(s: &str) -> bool {
    s.contains(['\\', '[', '(', '?', '*', '+', '|', '{', '^', '$', '.'])
}

static SITE_PHRASE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SITE_PHRASES));
static SITE_LABEL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let labels: Vec<&str> = SITE_LABELS.iter().map(|(w, _)| *w).collect();
    dfa(&labels)
});

/// An automaton over `words` as a DFA: it is searched on most lines of every
/// page, where a DFA reads a byte in a few instructions and the default NFA in
/// about four times as many (measured with callgrind on the corpus); the
/// lexicon is small, so its tables are too (tens of kilobytes).
fn dfa<S: AsRef<[u8]>>(words: &[S]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("the lexicon builds an automaton")
}

// ---- shapes of site lines -------------------------------------------------

// Counters, sizes and page counts standing alone: `21333`, `999+`, `29.33KB`,
// `13 页`, `/ 6`, `约3.47千字`, `第2页 / 共19页`, `• 1`.
// (See [`is_counter_line`].)
// A date (and time) opening a short line: `2024-10-28 09:23:12 某某网`,
// `2025/12/09演讲稿`, `- 2021-05-07 发布`. (See [`is_dated_line`].)
// Breadcrumbs: two or more separators between short names (`首页 > 范文 > 正文`,
// `首页/ 专题/ 正文`, `首页 » 法规 »`). (See [`is_breadcrumb`].)
// A site greeting its visitors: `欢迎来到某某网！`.
re!(
    SITE_WELCOME,
    r"^欢迎(?:来到|访问|光临).{1,20}(?:网|网站|文库)[!！。]?$"
);
// The name of a site: `某某范文网`, `某某教育网 首页`, `某某网 范文大全`.
// (See [`is_site_name`].)
// A web address: `www.example.cn`, `http://…`.
re!(
    WEB_ADDRESS,
    r"(?:https?://|www\.)[A-Za-z0-9.-]+|[A-Za-z0-9-]+\.(?:com|cn|net|org)(?:[/\s】\])]|$)"
);
// A site's date stamp inside a short line: `工作汇报 时间:2019-07-17`.
// (See [`has_iso_date`].)
// A file name: `某某制度.docx`, `方案.pdf`. (See [`has_file_name`].)
// A form field on a line of its own: `• 姓  名：`, `• *验 证 码:`.
// (See [`is_form_field`].)
// The headline of a collection of documents: `…精选6篇`, `…（精选28篇）`,
// `…实用15篇`, `…【推荐5篇】`, `…范文精选`.
re!(
    COLLECTION_HEADLINE,
    r"(?:\d+\s*篇|精选|精選|大全|合集)\s*[)）》】\]]?\s*(?:\.docx?|VIP)*$"
);

// ---- noise a conversion leaves, markup, trailers --------------------------
// Each anchored pattern below is also gated, where it is used, on the first
// characters it can match; `gates_admit_every_match` keeps the two in step.

re!(
    TRAILER,
    r"^(?:相关推荐|相关文章|相关阅读|相关下载|猜你喜欢|热门文档|热门推荐|热门文章|推荐阅读|延伸阅读|往期推荐|往期回顾|往期精选|精彩推荐|更多推荐|上一篇|下一篇)"
);
// A heading of a list of links anywhere in a short line: `【某某范文】相关文章：`.
re!(
    TRAILER_ANYWHERE,
    r"(?:相关推荐|相关文章|相关阅读|相关范文|猜你喜欢|热门推荐|推荐阅读|延伸阅读|往期推荐|往期回顾|精彩推荐)\s*[:：]?\s*$"
);
re!(
    CHROME_WORDS,
    r"^(?:热门文档|热门推荐|相关推荐|相关文章|相关阅读|猜你喜欢|上一篇|下一篇|返回顶部|打印本页|关闭窗口|分享到|扫一扫|点击下载|下载文档|免费下载|立即下载|继续阅读|展开全文|阅读全文|版权声明|版权说明|免责声明|本文来源|文章来源|责任编辑|编辑[:：]|来源[:：]|发布时间|发布日期[:：]|浏览次数|阅读次数|字体[:：]|【字体|\[字体|当前位置|您的位置|首页\s*[>›»]|收藏本站|设为首页|范文[:：])"
);
// `\.docx?(?:\W|$)` rather than `\.docx?\b`: the same lines, but a Unicode word
// boundary keeps the regex off its fast engine on Chinese text (it was a tenth
// of the parse time).
// Three more alternatives are written by hand: see [`is_chrome_anywhere`].
re!(
    CHROME_ANYWHERE,
    r"(?:浏览次数[:：]|字体[:：]\s*\[|【字体[:：]|【打印】|【关闭】|已阅读\d+页|剩余\d+页|继续阅读|下载文档|_第\d+页$)"
);
re!(MD_META, r"^\*\*[^*]{1,12}\*\*\s*[:：]");
re!(
    KV_META,
    r"^(?:版本|来源|更新时间|作者|上传者|上传时间|标签|分类|tags|title|date|source|author|category)\**\s*[:：]"
);
re!(RULE, r"^(?:-{3,}|\*{3,}|_{3,}|={3,}|—{3,}|-\s-\s-[-\s]*)$");
re!(
    HTML_COMMENT_LINE,
    r"^(?:<!--.*-->|(?:&nbsp;|&#160;|&emsp;|<br\s*/?>|\s)+)$"
);
re!(TOC_HEADER, r"^目\s*录$");
re!(
    LICENSE_START,
    r"^(?:本作品(?:来自|是|在)|Public domain|PD-|本文(?:件|作品)?(?:属于|系)公有领域|本模板)"
);

// ---- recognisers written by hand ----------------------------------------
//
// Each replaces a pattern (given in its doc comment) whose bounded
// repetitions of large classes cost millions of instructions to compile, and
// matches exactly the same strings: a test compares each with its pattern.
// Where the pattern's parts follow one another without sharing characters
// (a run of digits, then a hyphen), the longest run is the only one that can
// match, so a count of the longest run decides.

/// `\d+(?:[.,]\d+)?`, the longest (where what follows cannot open with a
/// digit or `.,` followed by one, no shorter number can match).
fn number(s: &mut Scan) -> bool {
    if s.run(is_digit) == 0 {
        return false;
    }
    let mut ahead = Scan(s.0);
    if ahead.eat(|c| matches!(c, '.' | ',')) && ahead.run(is_digit) > 0 {
        *s = ahead;
    }
    true
}

/// `^(?:[•·●\-*+]\s*(?:约\s*)?\d+(?:[.,]\d+)?\s*\S{0,3}|(?:约\s*)?\d+(?:[.,]\d+)?\s*(?:[KkMmGg]?[Bb]|[KkWw万]|\+|千字|字|页|次)|\d{4,5}|\d{7,}|/\s*\d+|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页)\s*$`.
fn is_counter_line(content: &str) -> bool {
    let line = content.trim_end_matches(class::is_space);
    let about = |s: &mut Scan| {
        if s.eat(|c| c == '约') {
            s.spaces();
        }
    };
    let bulleted = || {
        let mut s = Scan(line);
        s.eat(|c| matches!(c, '•' | '·' | '●' | '-' | '*' | '+'))
            && {
                s.spaces();
                about(&mut s);
                number(&mut s)
            }
            && {
                s.spaces();
                s.run(|c| !class::is_space(c)) <= 3 && s.is_empty()
            }
    };
    let measured = || {
        let mut s = Scan(line);
        about(&mut s);
        number(&mut s) && {
            s.spaces();
            let unit: Vec<char> = s.0.chars().collect();
            match unit[..] {
                [c] => "BbKkWw万+字页次".contains(c),
                [a, b] => ("KkMmGg".contains(a) && "Bb".contains(b)) || (a, b) == ('千', '字'),
                _ => false,
            }
        }
    };
    let figures = || {
        let mut s = Scan(line);
        let n = s.run(is_digit);
        s.is_empty() && (n == 4 || n == 5 || n >= 7)
    };
    let slash = || {
        let mut s = Scan(line);
        s.eat(|c| c == '/')
            && {
                s.spaces();
                s.run(is_digit) > 0
            }
            && s.is_empty()
    };
    let page_of = || {
        let mut s = Scan(line);
        let word = |s: &mut Scan, w: char| {
            s.spaces();
            s.eat(|c| c == w)
        };
        let count = |s: &mut Scan| {
            s.spaces();
            s.run(is_digit) > 0
        };
        s.eat(|c| c == '第')
            && count(&mut s)
            && word(&mut s, '页')
            && word(&mut s, '/')
            && word(&mut s, '共')
            && count(&mut s)
            && word(&mut s, '页')
            && s.is_empty()
    };
    bulleted() || measured() || figures() || slash() || page_of()
}

/// `^[•·\-*+\s]*\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`: as nothing
/// follows, the time and the day's second digit never decide; the same
/// lines as `^[•·\-*+\s]*\d{4}[-/]\d{1,2}[-/]\d`.
fn is_dated_line(content: &str) -> bool {
    let mut s = Scan(content);
    let separator = |c: char| matches!(c, '-' | '/');
    s.run(|c| matches!(c, '•' | '·' | '-' | '*' | '+') || class::is_space(c));
    s.run(is_digit) == 4
        && s.eat(separator)
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(separator)
        && s.eat(is_digit)
}

/// `^(?:[-*+]\s*)?\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)`: the time
/// opens with the white space that would end the line's match anyway, so
/// the same lines as `^(?:[-*+]\s*)?\d{4}-\d{1,2}-\d{1,2}(?:\s|$)`.
fn is_timestamp_line(content: &str) -> bool {
    let mut s = Scan(content);
    if s.eat(|c| matches!(c, '-' | '*' | '+')) {
        s.spaces();
    }
    s.run(is_digit) == 4
        && s.eat(|c| c == '-')
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(|c| c == '-')
        && (1..=2).contains(&s.run(is_digit))
        && s.0.chars().next().map_or(true, class::is_space)
}

/// `^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})$`.
fn is_page_number(content: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '－' | '–');
    let mut s = Scan(content);
    if s.eat(dash) {
        s.spaces();
        return (1..=4).contains(&s.run(is_digit))
            && {
                s.spaces();
                s.eat(dash)
            }
            && s.is_empty();
    }
    if s.eat(|c| c == '第') {
        s.spaces();
        return (1..=4).contains(&s.run(is_digit))
            && {
                s.spaces();
                s.eat(|c| c == '页')
            }
            && (s.is_empty() || {
                s.spaces();
                s.eat(|c| c == '共')
                    && {
                        s.spaces();
                        s.run(is_digit) > 0
                    }
                    && {
                        s.spaces();
                        s.eat(|c| c == '页')
                    }
                    && s.is_empty()
            });
    }
    (1..=3).contains(&s.run(is_digit)) && s.is_empty()
}

/// `^[^。，；]{0,30}?(?:\S{1,16}\s*(?:>|›|»|/\s)\s*){2,}`: after at most thirty
/// characters other than `。，；`, two steps, each a word of one to sixteen
/// characters other than white space, then a separator (`>`, `›`, `»`, or
/// `/` and white space) and white space. A second step opens with a word, so
/// the first ends after all the white space that follows its separator.
fn is_breadcrumb(content: &str) -> bool {
    let chars: &[char] = &content.chars().collect::<Vec<_>>();
    let space = |i: usize| chars.get(i).is_some_and(|&c| class::is_space(c));
    let skip_spaces = |mut i: usize| {
        while space(i) {
            i += 1;
        }
        i
    };
    // Where the steps that open at `p` end.
    let steps = |p: usize| {
        (1..=16)
            .take_while(move |&a| p + a <= chars.len() && !space(p + a - 1))
            .filter_map(move |a| {
                let at = skip_spaces(p + a);
                match chars.get(at) {
                    Some('>' | '›' | '»') => Some(skip_spaces(at + 1)),
                    Some('/') if space(at + 1) => Some(skip_spaces(at + 2)),
                    _ => None,
                }
            })
    };
    (0..=chars.len().min(30))
        .take_while(|&p| p == 0 || !matches!(chars[p - 1], '。' | '，' | '；'))
        .any(|p| steps(p).any(|q| steps(q).next().is_some()))
}

/// `\d{4}-\d{1,2}-\d{1,2}`: as nothing follows, the day's second digit never
/// decides; a hyphen after four digits, one or two digits (all there are
/// between the two hyphens), a hyphen and a digit.
fn has_iso_date(content: &str) -> bool {
    memchr::memchr_iter(b'-', content.as_bytes()).any(|i| {
        content[..i]
            .chars()
            .rev()
            .take(4)
            .filter(|&c| is_digit(c))
            .count()
            == 4
            && {
                let mut s = Scan(&content[i + 1..]);
                (1..=2).contains(&s.run(is_digit)) && s.eat(|c| c == '-') && s.eat(is_digit)
            }
    })
}

/// `^时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}.*来源[:：]` (the day's second digit never
/// decides; `.` is any character but a line feed).
fn is_time_and_source(content: &str) -> bool {
    let Some(rest) = content.strip_prefix("时间") else {
        return false;
    };
    let mut s = Scan(rest);
    s.eat(|c| matches!(c, ':' | '：'))
        && {
            s.spaces();
            s.run(is_digit) == 4
        }
        && s.eat(|c| c == '-')
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(|c| c == '-')
        && s.eat(is_digit)
        && {
            let line = s.0.split('\n').next().unwrap_or_default();
            line.contains("来源:") || line.contains("来源：")
        }
}

/// `^[•·●]\s*\*?[\p{Han}\s]{1,10}[:：]\s*$`: after the bullet, white space,
/// then either `*` and one to ten Han or white space characters, or Han and
/// white space only, of which the leading white space may go to `\s*` so
/// long as one character is left.
fn is_form_field(content: &str) -> bool {
    let mut s = Scan(content);
    if !s.eat(|c| matches!(c, '•' | '·' | '●')) {
        return false;
    }
    let Some(body) =
        s.0.trim_end_matches(class::is_space)
            .strip_suffix([':', '：'])
    else {
        return false;
    };
    let mut s = Scan(body);
    let lead = s.run(class::is_space);
    let han_or_space = |c: char| is_han(c) || class::is_space(c);
    if s.eat(|c| c == '*') {
        (1..=10).contains(&s.run(han_or_space)) && s.is_empty()
    } else {
        let rest = s.run(han_or_space);
        s.is_empty() && lead + rest >= 1 && rest <= 10
    }
}

/// `\.(?:docx?|pdf|pptx?|xlsx?|wps|txt)(?:[^A-Za-z]|$)`.
fn has_file_name(content: &str) -> bool {
    memchr::memchr_iter(b'.', content.as_bytes()).any(|i| {
        [
            "docx", "doc", "pdf", "pptx", "ppt", "xlsx", "xls", "wps", "txt",
        ]
        .iter()
        .filter_map(|ext| content[i + 1..].strip_prefix(ext))
        .any(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    })
}

/// `(?:\.{4,}|…{2,}|·{4,}|．{4,}|-{4,}|_{4,})\s*\d{1,4}$`, read from the end: the
/// line's last digits (no more than four, or the leader would not reach
/// them), white space, then the run of a leader character.
fn has_toc_leader(content: &str) -> bool {
    let mut back = content.chars().rev().peekable();
    let mut digits = 0;
    while back.next_if(|&c| is_digit(c)).is_some() {
        digits += 1;
    }
    while back.next_if(|&c| class::is_space(c)).is_some() {}
    let Some(leader) = back.next() else {
        return false;
    };
    let least = match leader {
        '…' => 2,
        '.' | '·' | '．' | '-' | '_' => 4,
        _ => return false,
    };
    (1..=4).contains(&digits) && 1 + back.take_while(|&c| c == leader).count() >= least
}

/// `^[\p{Han}A-Za-z0-9]{1,14}(?:网|网站|網|文库|文庫)(?:\s*(?:首页|首頁|范文大全|范文))?$`.
fn is_site_name(content: &str) -> bool {
    let tail = |s: &str| {
        ["网", "网站", "網", "文库", "文庫"]
            .iter()
            .filter_map(|w| s.strip_prefix(w))
            .any(|rest| {
                let mut s = Scan(rest);
                s.spaces();
                rest.is_empty() || ["首页", "首頁", "范文大全", "范文"].contains(&s.0)
            })
    };
    for (k, (i, c)) in content.char_indices().enumerate() {
        if k > 14 {
            break;
        }
        if k >= 1 && tail(&content[i..]) {
            return true;
        }
        if !(is_han(c) || c.is_ascii_alphanumeric()) {
            break;
        }
    }
    false
}

// Searched for on most lines: built once (a `str::match_indices` builds its
// searcher on every call).
static SOURCE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("来源"));
static PUBLISHED: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("发布时间"));

/// `(?:来源[:：].{0,40}(?:发布时间|时间|字体|浏览)|发布时间[:：]?\s*\d{4}-\d|…|\.docx?(?:\W|$)|…)`:
/// [`CHROME_ANYWHERE`] holds the other alternatives.
fn is_chrome_anywhere(content: &str) -> bool {
    // `来源[:：].{0,40}(?:发布时间|时间|字体|浏览)` (`.` is any character but a
    // line feed).
    let source_then_stamp = || {
        SOURCE.find_iter(content.as_bytes()).any(|i| {
            content[i + "来源".len()..]
                .strip_prefix([':', '：'])
                .is_some_and(|rest| {
                    rest.char_indices()
                        .take(41)
                        .take_while(|&(_, c)| c != '\n')
                        .any(|(j, _)| {
                            ["发布时间", "时间", "字体", "浏览"]
                                .iter()
                                .any(|w| rest[j..].starts_with(w))
                        })
                })
        })
    };
    // `发布时间[:：]?\s*\d{4}-\d`
    let published = || {
        PUBLISHED.find_iter(content.as_bytes()).any(|i| {
            let mut s = Scan(&content[i + "发布时间".len()..]);
            s.eat(|c| matches!(c, ':' | '：'));
            s.spaces();
            s.run(is_digit) == 4 && s.eat(|c| c == '-') && s.eat(is_digit)
        })
    };
    // `\.docx?(?:\W|$)`
    let doc = || {
        let boundary = |s: &str| s.chars().next().map_or(true, |c| !is_word(c));
        memchr::memchr_iter(b'.', content.as_bytes()).any(|i| {
            content[i..]
                .strip_prefix(".doc")
                .is_some_and(|rest| boundary(rest) || rest.strip_prefix('x').is_some_and(boundary))
        })
    };
    CHROME_ANYWHERE.is_match(content) || source_then_stamp() || published() || doc()
}

/// A line with sentence punctuation of Chinese prose in it.
fn has_sentence_punctuation(s: &str) -> bool {
    s.contains(['，', '。', '；', '！', '？', '、'])
}

/// Classifies a line's content (trimmed) as noise, when it is clearly so on its
/// own. Context-dependent noise (repeated titles, tables of contents made of
/// headings, licence blocks, a site's introduction) is decided by the parser.
pub(crate) fn noise_kind(content: &str) -> Option<NoiseKind> {
    // Cheap gates before each pattern: most lines are body text, and every
    // kind of noise is short or opens with one of a few characters.
    let first = content.chars().next()?;
    let last = content.chars().next_back()?;
    let len = content.len();
    if len > 900 {
        return None;
    }
    if matches!(first, '-' | '*' | '_' | '=' | '—' | '<' | '&')
        && (RULE.is_match(content) || HTML_COMMENT_LINE.is_match(content))
    {
        return Some(NoiseKind::Markup);
    }
    // The anchored patterns are gated on the first characters they can match,
    // so that most lines never reach the regex engine.
    if len <= 48
        && (first.is_numeric() || matches!(first, '-' | '—' | '－' | '–' | '第'))
        && is_page_number(content)
    {
        return Some(NoiseKind::PageNumber);
    }
    let chrome_first = matches!(
        first,
        '热' | '相'
            | '猜'
            | '上'
            | '下'
            | '返'
            | '打'
            | '关'
            | '分'
            | '扫'
            | '点'
            | '免'
            | '立'
            | '继'
            | '展'
            | '阅'
            | '版'
            | '本'
            | '文'
            | '责'
            | '编'
            | '来'
            | '发'
            | '浏'
            | '字'
            | '【'
            | '['
            | '当'
            | '您'
            | '首'
            | '收'
            | '设'
            | '范'
    );
    if ((first.is_ascii_digit() || matches!(first, '-' | '*' | '+')) && is_timestamp_line(content))
        || (first == '时' && is_time_and_source(content))
        || (chrome_first && CHROME_WORDS.is_match(content))
        || (len < 360 && content.chars().count() < 120 && is_chrome_anywhere(content))
    {
        return Some(NoiseKind::WebChrome);
    }
    if is_site_line(content) {
        return Some(NoiseKind::WebChrome);
    }
    let kv_first = matches!(
        first,
        '版' | '来' | '更' | '作' | '上' | '标' | '分' | 't' | 'd' | 's' | 'a' | 'c'
    );
    if (first == '*' && MD_META.is_match(content))
        || (len < 600 && kv_first && KV_META.is_match(content))
    {
        return Some(NoiseKind::Metadata);
    }
    if (last.is_ascii_digit() && has_toc_leader(content))
        || (first == '目' && TOC_HEADER.is_match(content))
    {
        return Some(NoiseKind::TableOfContents);
    }
    None
}

/// Whether a line is what a site writes around a document: a phrase of the
/// site lexicon, a label on a short line, a counter, a dated stamp, a
/// breadcrumb, the site's name, a file name, a form field or the headline of
/// a collection.
pub(crate) fn is_site_line(content: &str) -> bool {
    let n = char_len(content);
    if n > PHRASE_LINE_MAX_CHARS {
        return false;
    }
    if SITE_PHRASE.is_match(content) {
        return true;
    }
    if n <= LABEL_STRIP_MAX_CHARS
        && !has_sentence_punctuation(content)
        && is_label_line(content, n > LABEL_LINE_MAX_CHARS)
    {
        return true;
    }
    // The shapes below are gated on a character they need, so that most
    // lines never reach their regex.
    let bytes = content.as_bytes();
    let digit = bytes.iter().any(u8::is_ascii_digit);
    let first = content.chars().next().unwrap_or(' ');
    if n <= 40 && digit && is_counter_line(content) {
        return true;
    }
    if n <= 40 && matches!(first, '•' | '·' | '●') && is_form_field(content) {
        return true;
    }
    if n <= 40 && digit && is_dated_line(content) && !has_sentence_punctuation(content) {
        return true;
    }
    if n <= 120
        && content.contains(['>', '›', '»', '/'])
        && !content.contains('。')
        && is_breadcrumb(content)
        && !is_fraction(content)
    {
        return true;
    }
    if n <= 30 && first == '欢' && SITE_WELCOME.is_match(content) {
        return true;
    }
    if n <= 20 && content.contains(['网', '網', '库', '庫']) && is_site_name(content) {
        return true;
    }
    let dot = content.contains('.');
    if n <= 80 && dot && has_file_name(content) {
        return true;
    }
    if n <= 60 && dot && !has_sentence_punctuation(content) && WEB_ADDRESS.is_match(content) {
        return true;
    }
    // A date stamp in a short line of a few words (a meeting's `时间：` field
    // is the parser's to read).
    if n <= 30
        && digit
        && content.contains('-')
        && !has_sentence_punctuation(content)
        && has_iso_date(content)
        && !starts_with_field(content)
    {
        return true;
    }
    is_collection_headline(content)
}

/// A short line made of site labels: at most [`LABEL_LINE_MAX_OTHER`]
/// ideographs are left once the labels are taken out.
fn is_label_line(content: &str, strip: bool) -> bool {
    // A line in parentheses is a note of the document (`（此件共13页）`).
    let parenthesised =
        content.starts_with(['（', '(', '*']) && content.ends_with(['）', ')', '*']);
    if parenthesised {
        return false;
    }
    let mut labelled = 0;
    let mut at = 0;
    let mut other = 0;
    for m in SITE_LABEL.find_iter(content) {
        other += content[at..m.start()]
            .chars()
            .filter(|&c| is_cjk(c))
            .count();
        at = m.end();
        labelled += 1;
    }
    other += content[at..].chars().filter(|&c| is_cjk(c)).count();
    if strip {
        // Several labels with their figures, and a few words of their own.
        labelled >= LABEL_STRIP_MIN_LABELS
            && other <= LABEL_LINE_MAX_OTHER
            && content.bytes().filter(u8::is_ascii_digit).count() >= labelled
    } else {
        labelled > 0 && other <= LABEL_LINE_MAX_OTHER
    }
}

/// Whether a line opens with a field name of a meeting record (`时间：`).
fn starts_with_field(content: &str) -> bool {
    ["时间", "日期", "时 间", "地点"].iter().any(|f| {
        content
            .strip_prefix(f)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

/// `1/2` or `3 / 4` in a line of text is a fraction, not a breadcrumb.
fn is_fraction(s: &str) -> bool {
    s.chars().filter(|&c| c == '/').count() >= 2
        && !s.contains(['>', '›', '»'])
        && s.split('/')
            .all(|p| p.trim().chars().all(|c| c.is_ascii_digit()))
}

// The count of a collection at the end of its headline: `最新10篇`,
// `（精选28篇）`, `【推荐5篇】`, `精选`.
re!(
    COLLECTION_COUNT,
    r"[(（【\[]?\s*(?:精选|精選|实用|實用|最新|推荐|推薦|优秀|經典|经典|热门)?\s*(?:\d+\s*篇)?\s*(?:精选|精選|大全|合集)?\s*[)）】\]]?\s*(?:\.docx?|VIP)*$"
);

/// Where the count of a collection headline starts (`实施方案最新10篇` → the
/// offset of `最新10篇`).
pub(crate) fn collection_count_start(headline: &str) -> Option<usize> {
    COLLECTION_COUNT
        .find(headline)
        .filter(|m| !m.as_str().is_empty())
        .map(|m| m.start())
}

/// The headline of a collection of documents (`…精选6篇`, `…（实用15篇）`): a
/// site's page title, never a document's.
pub(crate) fn is_collection_headline(content: &str) -> bool {
    // The pattern is anchored at the end: a headline ends with its count, a
    // bracket or a file's leftovers.
    let last = content.trim_end().chars().next_back();
    last.is_some_and(|c| {
        matches!(
            c,
            '篇' | '选' | '選' | '全' | '集' | ')' | '）' | '》' | '】' | ']' | 'x' | 'c' | 'P'
        )
    }) && content.len() <= 240
        && char_len(content) <= 60
        && !has_sentence_punctuation(content)
        && COLLECTION_HEADLINE.is_match(content)
        // `第3篇` numbers an item of the collection; it counts none.
        && collection_separator(content).is_none()
}

/// Whether a line opens a list of links appended by the publishing site
/// (相关推荐, 猜你喜欢…).
pub(crate) fn starts_trailer(content: &str) -> bool {
    (content.starts_with(['相', '猜', '热', '推', '延', '上', '下', '往', '精', '更'])
        && TRAILER.is_match(content))
        || (char_len(content) <= 40 && TRAILER_ANYWHERE.is_match(content))
}

/// Whether a line opens a licence block appended by the publishing site.
pub(crate) fn starts_license(content: &str) -> bool {
    content.starts_with(['本', 'P']) && LICENSE_START.is_match(content)
}

// ---- collection separators -------------------------------------------------

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

fn is_separator_open(c: char) -> bool {
    matches!(c, '【' | '[' | '(' | '（')
}

fn is_separator_close(c: char) -> bool {
    matches!(c, '】' | ']' | ')' | '）')
}

/// `(?:[一二三四五六七八九十]{1,3}|\d{1,N})` where what follows is neither: the
/// whole run of the kind its first character is.
fn separator_number(s: &mut Scan, max_digits: usize) -> bool {
    match s.0.chars().next() {
        Some(c) if is_cn_digit(c) => (1..=3).contains(&s.run(is_cn_digit)),
        Some(c) if is_digit(c) => (1..=max_digits).contains(&s.run(is_digit)),
        _ => false,
    }
}

/// `篇一：` `【篇二】` `篇3` `篇1：某某报告`: the end of the match of
/// `^[【\[(（]?\s*(?:篇|范文|範文|例文)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[】\])）]?\s*[:：]?\s*`
/// (all after the number is optional, so each part takes what it can).
fn separator_leading(content: &str) -> Option<usize> {
    let mut s = Scan(content);
    s.eat(is_separator_open);
    s.spaces();
    s.0 = ["篇", "范文", "範文", "例文"]
        .iter()
        .find_map(|w| s.0.strip_prefix(w))?;
    s.spaces();
    if s.run_at_most(is_cn_digit, 3) == 0 && s.run_at_most(is_digit, 2) == 0 {
        return None;
    }
    s.spaces();
    s.eat(is_separator_close);
    s.spaces();
    s.eat(|c| matches!(c, ':' | '：'));
    s.spaces();
    Some(content.len() - s.0.len())
}

/// `某某讲话稿 篇1` `某某计划 【篇1】` `某某报告篇一` `某某范文第1篇`: the start of
/// the match of `\s*(?:[【\[(（]\s*篇\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[】\])）]|篇\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})|第\s*\d{1,3}\s*篇)$`:
/// the first place where a separator runs to the end, with the white space
/// before it.
fn separator_trailing(content: &str) -> Option<usize> {
    let separator = |q: &str| {
        let mut s = Scan(q);
        let word = |s: &mut Scan, w: char| {
            s.spaces();
            s.eat(|c| c == w)
        };
        let bracketed = s.eat(is_separator_open);
        if bracketed || s.0.starts_with('篇') {
            word(&mut s, '篇')
                && {
                    s.spaces();
                    separator_number(&mut s, 3)
                }
                && (!bracketed || {
                    s.spaces();
                    s.eat(is_separator_close)
                })
                && s.is_empty()
        } else {
            s.eat(|c| c == '第')
                && {
                    s.spaces();
                    (1..=3).contains(&s.run(is_digit))
                }
                && word(&mut s, '篇')
                && s.is_empty()
        }
    };
    let q = content
        .char_indices()
        .find(|&(i, c)| {
            (is_separator_open(c) || matches!(c, '篇' | '第')) && separator(&content[i..])
        })?
        .0;
    Some(content[..q].trim_end_matches(class::is_space).len())
}

/// `第3篇` alone, or `第1篇：关于…` (a colon: not the 篇 of a code's parts):
/// the end of the match of `^第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*篇\s*(?:[:：]\s*|$)`.
fn separator_numbered(content: &str) -> Option<usize> {
    let mut s = Scan(content);
    let numbered = s.eat(|c| c == '第')
        && {
            s.spaces();
            separator_number(&mut s, 3)
        }
        && {
            s.spaces();
            s.eat(|c| c == '篇')
        };
    if !numbered {
        return None;
    }
    s.spaces();
    if s.eat(|c| matches!(c, ':' | '：')) {
        s.spaces();
    } else if !s.is_empty() {
        return None;
    }
    Some(content.len() - s.0.len())
}

/// A line that separates the documents of a collection page, and the part of
/// it that names the document, if any (byte range in the line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Separator {
    /// The name the separator carries (`开学典礼的讲话稿` of `开学典礼的讲话稿 篇1`).
    pub name: Option<(usize, usize)>,
    /// The number it gives the document (`篇二` → 2).
    pub ordinal: Option<u32>,
}

/// The number of a separator (`篇二`, `【篇3】`, `第1篇`): the first numeral in
/// the matched text.
fn separator_ordinal(s: &str) -> Option<u32> {
    let start = s.find(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))?;
    let rest = &s[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
        .unwrap_or(rest.len());
    let num = &rest[..end];
    num.parse()
        .ok()
        .or_else(|| crate::numeral::chinese_numeral_value(num))
}

/// Reads a collection separator: `篇一：`, `【篇2】`, `第3篇`, `第1篇：关于…`,
/// `某某讲话稿 篇1`, `某某计划【篇1】`, `某某范文第1篇`.
pub(crate) fn collection_separator(content: &str) -> Option<Separator> {
    if !(content.contains('篇') || content.contains('文')) || char_len(content) > 80 {
        return None;
    }
    let named = |s: usize, e: usize| {
        let t = content[s..e].trim_matches(|c: char| is_space(c) || c == ':' || c == '：');
        let has_name = t.chars().filter(|&c| is_cjk(c)).count() >= 2;
        let s = s + content[s..e].find(t).unwrap_or(0);
        has_name.then_some((s, s + t.len()))
    };
    let end = separator_numbered(content).or_else(|| separator_leading(content));
    // `篇2026年…` is a year, not a number of a collection.
    if end.is_some_and(|e| content[e..].starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    if let Some(end) = end {
        return Some(Separator {
            name: named(end, content.len()),
            ordinal: separator_ordinal(&content[..end]),
        });
    }
    let start = separator_trailing(content)?;
    let name = named(0, start);
    // `…第3篇` needs a name before it; `篇1` after nothing is the leading form.
    name.map(|n| Separator {
        name: Some(n),
        ordinal: separator_ordinal(&content[start..]),
    })
}

#[cfg(test)]
mod tests {
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
        fn is_chrome(s: &str) -> bool {
            is_chrome_anywhere(s)
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
}
