//! Shapes of site lines recognised by hand (counters, dates, breadcrumbs,
//! file names, collection separators): each replaces a regex that was costly
//! to compile and matches the same strings.

use super::*;

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
pub(super) fn number(s: &mut Scan) -> bool {
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
pub(super) fn is_counter_line(content: &str) -> bool {
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
pub(super) fn is_dated_line(content: &str) -> bool {
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
pub(super) fn is_timestamp_line(content: &str) -> bool {
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
pub(super) fn is_page_number(content: &str) -> bool {
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
pub(super) fn is_breadcrumb(content: &str) -> bool {
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
pub(super) fn has_iso_date(content: &str) -> bool {
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
pub(super) fn is_time_and_source(content: &str) -> bool {
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
pub(super) fn is_form_field(content: &str) -> bool {
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
pub(super) fn has_file_name(content: &str) -> bool {
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
pub(super) fn has_toc_leader(content: &str) -> bool {
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
pub(super) fn is_site_name(content: &str) -> bool {
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

// ---- collection separators -------------------------------------------------

pub(super) fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

pub(super) fn is_separator_open(c: char) -> bool {
    matches!(c, '【' | '[' | '(' | '（')
}

pub(super) fn is_separator_close(c: char) -> bool {
    matches!(c, '】' | ']' | ')' | '）')
}

/// `(?:[一二三四五六七八九十]{1,3}|\d{1,N})` where what follows is neither: the
/// whole run of the kind its first character is.
pub(super) fn separator_number(s: &mut Scan, max_digits: usize) -> bool {
    match s.0.chars().next() {
        Some(c) if is_cn_digit(c) => (1..=3).contains(&s.run(is_cn_digit)),
        Some(c) if is_digit(c) => (1..=max_digits).contains(&s.run(is_digit)),
        _ => false,
    }
}

/// `篇一：` `【篇二】` `篇3` `篇1：某某报告`: the end of the match of
/// `^[【\[(（]?\s*(?:篇|范文|範文|例文)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[】\])）]?\s*[:：]?\s*`
/// (all after the number is optional, so each part takes what it can).
pub(super) fn separator_leading(content: &str) -> Option<usize> {
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
pub(super) fn separator_trailing(content: &str) -> Option<usize> {
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
pub(super) fn separator_numbered(content: &str) -> Option<usize> {
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
pub(super) fn separator_ordinal(s: &str) -> Option<u32> {
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
    // The length first: a paragraph fails it at once, where the search for
    // 文 (common in documents) reads the whole line.
    let has = |w: &str| memchr::memmem::find(content.as_bytes(), w.as_bytes()).is_some();
    if char_len_capped(content, 80) > 80 || !(has("篇") || has("文")) {
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
