//! Line-level recognisers for document elements (公文要素). Patterns are
//! compiled once. Text that is not part of the document is recognised in
//! [`crate::chrome`].

use regex::Regex;
use std::sync::LazyLock;

use crate::text::class::{is_digit, is_han, is_space, Scan};
use crate::tree::MetaKind;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect(concat!("pattern ", stringify!($name))));
    };
}

// ---- meta --------------------------------------------------------------

re!(DECREE_NUMBER, r"^第\s*[0-9０-９]+\s*号$");
re!(COPY_NUMBER, r"^[0-9０-９]{6}$");
re!(SECRECY, r"^(?:绝密|机密|秘密)(?:\s*[★*＊☆]\s*.{0,8})?$");
re!(URGENCY, r"^(?:特急|加急|特提|平急)$");
re!(SIGNER, r"^签\s*发\s*人\s*[:：]");
re!(
    ATTACHMENT_NOTE,
    r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?"
);
re!(CC, r"^抄\s*送\s*[:：]");
re!(
    FIELD,
    r"^(?:(?:会议)?时\s*间|(?:会议)?地\s*点|会议形式|主\s*持\s*人?|参会人员?|与会人员|参加人员|出席人员|出席|列席人员|列席|缺席人员|缺席|记\s*录\s*人?|会议主题|会议议题|会议内容|会议情况|议\s*题|会议名称|参会单位|应到人数|实到人数)\s*[:：]"
);

// ---- recognisers written by hand ----------------------------------------
//
// Each replaces a pattern (given in its doc comment) whose bounded
// repetitions of large classes cost millions of instructions to compile, and
// matches exactly the same strings: a test compares each with its pattern.
// Where the pattern's parts follow one another without sharing characters
// (a run of digits, then white space, then a bracket), the longest run is the
// only one that can match, so a count of the longest run decides.

fn is_open_bracket(c: char) -> bool {
    matches!(c, '〔' | '[' | '［' | '【' | '(' | '（')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, '〕' | ']' | '］' | '】' | ')' | '）')
}

fn is_xx(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | '×')
}

fn is_ascii_or_fullwidth_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `^[\p{Han}A-Za-z]{1,16}\s*[〔\[［【(（]\s*(?:\d{4}|[０-９]{4}|\d{2})\s*[〕\]］】)）]\s*第?\s*[0-9０-９]{1,5}\s*[号號]$`
/// (`[０-９]` is within `\d`).
fn is_doc_number(content: &str) -> bool {
    let mut s = Scan(content);
    (1..=16).contains(&s.run(|c| is_han(c) || c.is_ascii_alphabetic()))
        && {
            s.spaces();
            s.eat(is_open_bracket)
        }
        && {
            s.spaces();
            matches!(s.run(is_digit), 2 | 4)
        }
        && {
            s.spaces();
            s.eat(is_close_bracket)
        }
        && {
            s.spaces();
            s.eat(|c| c == '第');
            s.spaces();
            (1..=5).contains(&s.run(is_ascii_or_fullwidth_digit))
        }
        && {
            s.spaces();
            s.eat(|c| matches!(c, '号' | '號'))
        }
        && s.is_empty()
}

/// `^(?:[\p{Han}]{2,30}令)\s*(?:[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）])?\s*(?:第\s*[0-9０-９]+\s*号)?(?:\s|$)`:
/// a 令 after two to thirty Han characters, then what [`decree_tail`] takes.
fn is_decree_header(content: &str) -> bool {
    for (k, (i, c)) in content.char_indices().enumerate() {
        if k > 30 {
            break;
        }
        if c == '令' && k >= 2 && decree_tail(&content[i + c.len_utf8()..]) {
            return true;
        }
        if !is_han(c) {
            break;
        }
    }
    false
}

/// `^\s*(?:[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）])?\s*(?:第\s*[0-9０-９]+\s*号)?(?:\s|$)`.
/// White space first, or nothing, is a match at once (every group empty);
/// otherwise a group must open here (a bracket or 第, neither white space),
/// and is followed by white space or the end.
fn decree_tail(tail: &str) -> bool {
    let mut s = Scan(tail);
    let space_or_end = |s: &Scan| s.0.chars().next().map_or(true, is_space);
    if space_or_end(&s) {
        return true;
    }
    if s.eat(is_open_bracket) {
        s.spaces();
        if s.run(is_digit) != 4 {
            return false;
        }
        s.spaces();
        if !s.eat(is_close_bracket) {
            return false;
        }
        if space_or_end(&s) {
            return true;
        }
    }
    s.eat(|c| c == '第')
        && {
            s.spaces();
            s.run(is_ascii_or_fullwidth_digit) > 0
        }
        && {
            s.spaces();
            s.eat(|c| c == '号')
        }
        && space_or_end(&s)
}

/// `^《[^》]{2,60}》(?:已经|业经|经).{2,80}(?:通过|批准|同意).{0,60}(?:公布|发布|施行)`:
/// a title in 《》 of two to sixty characters, 已经, 业经 or 经, then within
/// the same line (`.` is any character but a line feed) a verb of adoption
/// after two to eighty characters and one of promulgation at most sixty after it.
fn is_promulgation_sentence(content: &str) -> bool {
    let Some(rest) = content.strip_prefix('《') else {
        return false;
    };
    let Some(close) = rest.find('》') else {
        return false;
    };
    if !(2..=60).contains(&rest[..close].chars().count()) {
        return false;
    }
    let rest = &rest[close + '》'.len_utf8()..];
    let Some(rest) = ["已经", "业经", "经"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return false;
    };
    let line: Vec<char> = rest
        .chars()
        .take_while(|&c| c != '\n')
        .take(2 + 80 + 2 + 60 + 2)
        .collect();
    let word_at =
        |i: usize, words: &[[char; 2]]| words.iter().any(|w| line.get(i..i + 2) == Some(&w[..]));
    (2..=80).any(|i| {
        word_at(i, &[['通', '过'], ['批', '准'], ['同', '意']])
            && (i + 2..=i + 2 + 60).any(|j| word_at(j, &[['公', '布'], ['发', '布'], ['施', '行']]))
    })
}

/// `^(?:新华社|本报|人民网|央视网|中新社|中新网|新华网)[\p{Han}]{0,10}\d{1,2}月\d{1,2}日(?:电|讯)`
/// (the place, Han, ends where the date's digits begin).
fn is_dateline_line(content: &str) -> bool {
    let Some(rest) = [
        "新华社",
        "本报",
        "人民网",
        "央视网",
        "中新社",
        "中新网",
        "新华网",
    ]
    .iter()
    .find_map(|w| content.strip_prefix(w)) else {
        return false;
    };
    let mut s = Scan(rest);
    s.run(is_han) <= 10
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(|c| c == '月')
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(|c| c == '日')
        && s.eat(|c| matches!(c, '电' | '讯'))
}

/// `\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$`, read backwards from
/// the end (the year's digits may follow others).
fn is_issued(content: &str) -> bool {
    let reversed: String = content.chars().rev().collect();
    let mut s = Scan(&reversed);
    let word = |s: &mut Scan, w: char| {
        s.spaces();
        s.eat(|c| c == w)
    };
    s.eat(|c| c == '发')
        && word(&mut s, '印')
        && word(&mut s, '日')
        && {
            s.spaces();
            (1..=2).contains(&s.run(is_digit))
        }
        && word(&mut s, '月')
        && {
            s.spaces();
            (1..=2).contains(&s.run(is_digit))
        }
        && word(&mut s, '年')
        && {
            s.spaces();
            s.run(is_digit) >= 4
        }
}

/// `^(?:\d{4}|[０-９]{4})[.．/／\-](?:\d{1,2}|[０-９]{1,2})[.．/／\-](?:\d{1,2}|[０-９]{1,2})$`
/// (`[０-９]` is within `\d`).
fn is_numeric_date(content: &str) -> bool {
    let separator = |c: char| matches!(c, '.' | '．' | '/' | '／' | '-');
    let mut s = Scan(content);
    s.run(is_digit) == 4
        && s.eat(separator)
        && (1..=2).contains(&s.run(is_digit))
        && s.eat(separator)
        && (1..=2).contains(&s.run(is_digit))
        && s.is_empty()
}

/// `^[\p{Han}Xx×Ｘ\s　]{2,40}文\s*件$`. The white space before 件 is all the
/// line's last run of white space (the name's last character cannot be 文 and
/// white space at once), so the name is what precedes the 文 before it.
fn is_issuer_mark_line(content: &str) -> bool {
    let Some(name) = content
        .strip_suffix('件')
        .and_then(|head| head.trim_end_matches(is_space).strip_suffix('文'))
    else {
        return false;
    };
    let mut s = Scan(name);
    (2..=40).contains(&s.run(|c| is_han(c) || is_xx(c) || is_space(c))) && s.is_empty()
}

/// `^[（(]?\s*(?:\d{4}|[０-９]{4}|[〇零一二三四五六七八九○Ｏ]{4}|\d{2}[XxＸ×]{2})\s*年\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,2}|[XxＸ×]{1,2})\s*月\s*(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3}|[XxＸ×]{1,2})\s*日\s*[)）]?$`
/// (`[０-９]` is within `\d`; the three kinds of figure share no character,
/// so the first one decides which run to count).
fn is_date_line(s: &str) -> bool {
    fn figure(s: &mut Scan, numerals: &str, max_numerals: usize) -> bool {
        let Some(c) = s.0.chars().next() else {
            return false;
        };
        if is_digit(c) {
            (1..=2).contains(&s.run(is_digit))
        } else if numerals.contains(c) {
            (1..=max_numerals).contains(&s.run(|c| numerals.contains(c)))
        } else {
            (1..=2).contains(&s.run(is_xx))
        }
    }
    let mut s = Scan(s);
    s.eat(|c| matches!(c, '（' | '('));
    s.spaces();
    let year = match s.0.chars().next() {
        Some(c) if is_digit(c) => match s.run(is_digit) {
            4 => true,
            2 => s.run(is_xx) == 2,
            _ => false,
        },
        _ => s.run(|c| "〇零一二三四五六七八九○Ｏ".contains(c)) == 4,
    };
    year && {
        s.spaces();
        s.eat(|c| c == '年')
    } && {
        s.spaces();
        figure(&mut s, "一二三四五六七八九十", 2)
    } && {
        s.spaces();
        s.eat(|c| c == '月')
    } && {
        s.spaces();
        figure(&mut s, "一二三四五六七八九十", 3)
    } && {
        s.spaces();
        s.eat(|c| c == '日')
    } && {
        s.spaces();
        s.eat(|c| matches!(c, ')' | '）'));
        s.is_empty()
    }
}

/// `^[\p{Han}]{0,14}?(?:总\s*理|…|县\s*长)[\s　]*[\p{Han}·](?:[\s　]?[\p{Han}·]){1,3}$`
/// (the alternation is [`title`]): a title after at most fourteen Han
/// characters, white space, then a name of two to four Han characters or `·`
/// with at most one white space character between two of them.
fn is_signatory_line(content: &str) -> bool {
    for (k, (i, c)) in content.char_indices().enumerate() {
        if k > 14 {
            break;
        }
        if title(&content[i..]).is_some_and(is_name) {
            return true;
        }
        if !is_han(c) {
            break;
        }
    }
    false
}

/// `^(?:总\s*理|主\s*席|行\s*长|部\s*长|局\s*长|主\s*任|省\s*长|市\s*长|署\s*长|院\s*长|检察长|委员长|书\s*记|会\s*长|厅\s*长|区\s*长|县\s*长)`:
/// what follows the title that opens `s`.
fn title(s: &str) -> Option<&str> {
    const TITLES: [&str; 15] = [
        "总理", "主席", "行长", "部长", "局长", "主任", "省长", "市长", "署长", "院长", "书记",
        "会长", "厅长", "区长", "县长",
    ];
    if let Some(rest) = s
        .strip_prefix("检察长")
        .or_else(|| s.strip_prefix("委员长"))
    {
        return Some(rest);
    }
    let mut scan = Scan(s);
    let first = scan.0.chars().next()?;
    scan.eat(|_| true);
    scan.spaces();
    let second = scan.0.chars().next()?;
    scan.eat(|_| true);
    TITLES
        .iter()
        .any(|t| t.starts_with(first) && t.ends_with(second))
        .then_some(scan.0)
}

/// `^[\s　]*[\p{Han}·](?:[\s　]?[\p{Han}·]){1,3}$`.
fn is_name(s: &str) -> bool {
    let mut s = Scan(s);
    s.spaces();
    let letter = |c: char| c == '·' || is_han(c);
    let mut letters = 0;
    loop {
        if !s.eat(letter) {
            return false;
        }
        letters += 1;
        if s.is_empty() {
            return (2..=4).contains(&letters);
        }
        s.eat(is_space);
    }
}

/// Classifies a line's content as a document element when the line alone says
/// so. Addressees, signatures and dates depend on position and are decided by
/// the document parser.
pub(crate) fn meta_kind(content: &str) -> Option<MetaKind> {
    let first = content.chars().next()?;
    let len = content.len();
    if len > 300 {
        return None;
    }
    if content.ends_with(['号', '號']) && is_doc_number(content) {
        return Some(MetaKind::DocNumber);
    }
    if len <= 18 && COPY_NUMBER.is_match(content) {
        return Some(MetaKind::CopyNumber);
    }
    if matches!(first, '绝' | '机' | '秘') && SECRECY.is_match(content) {
        return Some(MetaKind::Secrecy);
    }
    if len <= 12 && URGENCY.is_match(content) {
        return Some(MetaKind::Urgency);
    }
    if first == '签' && SIGNER.is_match(content) {
        return Some(MetaKind::Signer);
    }
    if first == '抄' && CC.is_match(content) {
        return Some(MetaKind::Cc);
    }
    if content.ends_with("发") && is_issued(content) {
        return Some(MetaKind::Issued);
    }
    if matches!(
        first,
        '时' | '地' | '主' | '参' | '出' | '列' | '缺' | '记' | '会' | '议' | '应' | '实' | '与'
    ) && FIELD.is_match(content)
    {
        return Some(MetaKind::Field);
    }
    None
}

/// A 令 header: `中华人民共和国国务院令 第768号`, `中国人民银行令〔2016〕第3号`.
pub(crate) fn is_decree(content: &str) -> bool {
    is_decree_header(content) && content.contains('令') && {
        let head: String = content.chars().take(40).collect();
        head.contains('号') || head.ends_with('令')
    }
}

/// `第768号` alone on a line, under a 令 header.
pub(crate) fn is_decree_number(content: &str) -> bool {
    DECREE_NUMBER.is_match(content)
}

/// The promulgating sentence of a 令: `《某某办法》已经…通过，现予公布…`.
pub(crate) fn is_promulgation(content: &str) -> bool {
    is_promulgation_sentence(content)
}

/// A news dateline: `新华社北京12月30日电`.
pub(crate) fn is_dateline(content: &str) -> bool {
    content.chars().count() <= 40 && is_dateline_line(content)
}

/// A 发文机关标志 line such as `XX市人民政府文件`.
pub(crate) fn is_issuer_mark(content: &str) -> bool {
    is_issuer_mark_line(content)
}

/// A line that is only a date (成文日期 or a date under a title): in 年月日,
/// or in a draft's numeric form (`2025.4.28`, `2025-04-28`, `2025/4/28`,
/// which DATE002 reports).
pub(crate) fn is_date(content: &str) -> bool {
    if content.len() > 90 {
        return false;
    }
    // Built only when the line has white space to take out: this runs on
    // every title candidate.
    let blank = |c: char| c.is_whitespace() || c == '\u{3000}';
    let compact: std::borrow::Cow<'_, str> = if content.contains(blank) {
        content
            .chars()
            .filter(|&c| !blank(c))
            .collect::<String>()
            .into()
    } else {
        content.into()
    };
    if !content.contains('年') || !content.contains('日') {
        return compact.len() <= 30 && is_numeric_date(&compact);
    }
    is_date_line(&compact)
}

/// The signatory of a 令: `总　理　　李克强`, `行 长 周小川`.
pub(crate) fn is_signatory(content: &str) -> bool {
    is_signatory_line(content)
}

/// A 附件说明 line (`附件：`, `附件1：…`, `附件`).
pub(crate) fn is_attachment_note(content: &str) -> bool {
    // The pattern is anchored at 附: most lines never reach the regex.
    content.starts_with('附') && ATTACHMENT_NOTE.is_match(content) && {
        let c = content.chars().count();
        c <= 60
    }
}

#[cfg(test)]
mod tests;
