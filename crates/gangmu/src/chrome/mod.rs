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
use crate::text::{char_len, char_len_capped, is_cjk, is_space};
use crate::tree::NoiseKind;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect(concat!("pattern ", stringify!($name))));
    };
}

mod lexicon;
mod shapes;
#[cfg(test)]
mod tests;

use lexicon::*;
use shapes::*;
pub(crate) use shapes::{collection_separator, Separator};

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

static SOURCE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("来源"));
static PUBLISHED: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("发布时间"));

/// `(?:来源[:：].{0,40}(?:发布时间|时间|字体|浏览)|发布时间[:：]?\s*\d{4}-\d|…|\.docx?(?:\W|$)|…)`:
/// [`CHROME_ANYWHERE`] holds the other alternatives.
///
/// `marked`: whether the line may hold one of [`CHROME_ANYWHERE_STEMS`]
/// (false only when a read of the whole line found none).
fn is_chrome_anywhere(content: &str, marked: bool) -> bool {
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
    (marked && CHROME_ANYWHERE.is_match(content)) || source_then_stamp() || published() || doc()
}

/// A literal every match of [`CHROME_ANYWHERE`] holds, one for each of its
/// alternatives: looked for in the site lexicon's read of the line, so that
/// most lines never reach the regex.
pub(super) const CHROME_ANYWHERE_STEMS: &[&str] = &[
    "浏览次数",
    "字体",
    "【打印】",
    "【关闭】",
    "已阅读",
    "剩余",
    "继续阅读",
    "下载文档",
    "_第",
];

/// A line with sentence punctuation of Chinese prose in it.
///
/// Read from the bytes: ，；！？ are U+FF0C U+FF1B U+FF01 U+FF1F (`EF BC ..`),
/// 。、 U+3002 U+3001 (`E3 80 ..`), and a lead byte E3 or EF is never inside
/// another character, so `memchr` finds every candidate without decoding.
fn has_sentence_punctuation(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xE3, 0xEF, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xE3, Some(0x80), Some(0x81 | 0x82))
                | (0xEF, Some(0xBC), Some(0x81 | 0x8C | 0x9B | 0x9F))
        )
    })
}

/// `>`, `›`, `»` or `/`: the separators of a breadcrumb, found without
/// decoding the line.
fn has_breadcrumb_separator(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2(b'>', b'/', b).is_some()
        || memchr::memmem::find(b, "›".as_bytes()).is_some()
        || memchr::memmem::find(b, "»".as_bytes()).is_some()
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
    {
        return Some(NoiseKind::WebChrome);
    }
    // One read of the line by the site lexicon serves both checks below.
    let n = char_len_capped(content, PHRASE_LINE_MAX_CHARS);
    let scan = (n <= PHRASE_LINE_MAX_CHARS).then(|| SITE_PHRASE.scan(content));
    let marked = scan.as_ref().map_or(true, |s| s.mark());
    if (len < 360 && content.chars().count() < 120 && is_chrome_anywhere(content, marked))
        || scan.is_some_and(|s| site_line(content, n, &s))
    {
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
/// a collection. ([`noise_kind`] asks [`site_line`] with the lexicon's read
/// of the line it shares; the tests ask this.)
#[cfg(test)]
pub(crate) fn is_site_line(content: &str) -> bool {
    let n = char_len_capped(content, PHRASE_LINE_MAX_CHARS);
    n <= PHRASE_LINE_MAX_CHARS && site_line(content, n, &SITE_PHRASE.scan(content))
}

/// [`is_site_line`] of a line of `n` characters (at most
/// [`PHRASE_LINE_MAX_CHARS`]) that the site lexicon has read.
fn site_line(content: &str, n: usize, scan: &lexicon::Scan<'_, '_>) -> bool {
    if scan.is_match() {
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
    // Asked only of the short lines the shapes below are for.
    let digit = || content.bytes().any(|b| b.is_ascii_digit());
    let first = content.chars().next().unwrap_or(' ');
    if n <= 40 && digit() && is_counter_line(content) {
        return true;
    }
    if n <= 40 && matches!(first, '•' | '·' | '●') && is_form_field(content) {
        return true;
    }
    if n <= 40 && digit() && is_dated_line(content) && !has_sentence_punctuation(content) {
        return true;
    }
    if n <= 120
        && has_breadcrumb_separator(content)
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
    let dot = || content.contains('.');
    if n <= 80 && dot() && has_file_name(content) {
        return true;
    }
    if n <= 60 && dot() && !has_sentence_punctuation(content) && WEB_ADDRESS.is_match(content) {
        return true;
    }
    // A date stamp in a short line of a few words (a meeting's `时间：` field
    // is the parser's to read).
    if n <= 30
        && digit()
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
        || (char_len_capped(content, 40) <= 40
            && ends_with_trailer_word(content)
            && TRAILER_ANYWHERE.is_match(content))
}

/// What every match of [`TRAILER_ANYWHERE`] holds: the line ends, past white
/// space and one colon, with the last character of one of its words.
fn ends_with_trailer_word(content: &str) -> bool {
    let t = content.trim_end();
    let t = t.strip_suffix([':', '：']).unwrap_or(t).trim_end();
    t.ends_with(['荐', '章', '读', '文', '欢', '顾'])
}

/// Whether a line opens a licence block appended by the publishing site.
pub(crate) fn starts_license(content: &str) -> bool {
    content.starts_with(['本', 'P']) && LICENSE_START.is_match(content)
}
