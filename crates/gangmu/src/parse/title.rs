//! Titles (标题) and the block under them, as the front-matter and segment
//! stages read them: whether a line can be a title, how far a title runs over
//! several lines, and which lines belong with it as subtitles.

use crate::element;
use crate::text::{char_len, char_len_capped, ends_sentence, ends_title, is_greeting};

use super::{Draft, LineKind, Page};

/// A title line is at most this many characters (the longest in the corpus
/// are promulgation titles of about 60).
const TITLE_MAX_CHARS: usize = 100;

/// A line longer than this with a comma or a full stop is a sentence, not a
/// title.
const TITLE_SENTENCE_CHARS: usize = 50;

/// A title runs over at most this many lines (report_guiyang_gwr_*_md: the
/// 2-line title and its Markdown repetition).
const TITLE_MAX_LINES: usize = 3;

/// The next title line is at most this many lines below the last (blank
/// lines between the lines of a spaced-out title).
const TITLE_LINE_GAP: usize = 8;

/// A further title line (not a hard-wrapped tail) is at most this long.
const TITLE_NEXT_LINE_MAX_CHARS: usize = 40;

/// A further title line this short must end with a document type: a short
/// line under a title is a speaker or an office (`李强`, `国务院总理`).
const TITLE_SHORT_LINE_CHARS: usize = 6;

/// A hard-wrapped tail of a title is at most this short when nothing else
/// says it continues (an open bracket): `告` of `政府工作报` / `告`.
const TITLE_TAIL_MAX_CHARS: usize = 2;

/// A subtitle in parentheses (`（2023年…通过）`) or a promulgation tail is at
/// most this long.
const SUBTITLE_MAX_CHARS: usize = 80;

/// A date-led promulgation line (`2020年8月24日 最高人民法院审判委员会…通过`)
/// is at most this long.
const DATED_SUBTITLE_MAX_CHARS: usize = 200;

/// Whether the line can be (a line of) a title: body text of title length
/// that is not a sentence, a greeting, a date, a subtitle or a 附件 label.
pub(crate) fn title_like(page: &Page<'_>, kind: LineKind, i: usize) -> bool {
    if kind != LineKind::Body {
        return false;
    }
    let c = page.content(i);
    let n = char_len_capped(c, TITLE_MAX_CHARS);
    if !(1..=TITLE_MAX_CHARS).contains(&n) {
        return false;
    }
    // A title with a full stop after its type is a title with a fault
    // (`关于开展检查的通知。`), not a sentence.
    let faulty_stop = c.ends_with(['。', '.'])
        && !c.contains(['，', ','])
        && n <= TITLE_SENTENCE_CHARS
        && ends_title(c.trim_end_matches(['。', '.']))
        && !c.trim_end_matches(['。', '.']).contains('。');
    if (ends_sentence(c) && !faulty_stop) || c.ends_with('，') || c.ends_with(',') {
        return false;
    }
    // Fields side by side (`页数：12 积分：5`): a line of data, not a title.
    if c.matches(['：', ':']).count() >= 2 {
        return false;
    }
    if n > TITLE_SENTENCE_CHARS && (c.contains('，') || c.contains('。')) {
        return false;
    }
    if is_greeting(c) || element::is_date(c) || is_subtitle_pattern(c) {
        return false;
    }
    if element::is_attachment_note(c) && c.starts_with("附件") {
        return false;
    }
    // An organ and a date (`某某县人民政府督查室  2022年8月19日`): a masthead
    // or an issuing line, not a title.
    !ends_with_date(c)
}

/// Whether `c` ends with a date (`…2022年8月19日`, or cut: `…2022年8月19`).
fn ends_with_date(c: &str) -> bool {
    let t = c.trim_end();
    let start = t
        .char_indices()
        .rev()
        .take(12)
        .last()
        .map_or(t.len(), |(i, _)| i);
    let tail = &t[start..];
    let Some(y) = tail.find('年') else {
        return false;
    };
    let year_digits = tail[..y]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let rest = &tail[y + '年'.len_utf8()..];
    year_digits == 4
        && rest.contains('月')
        && rest
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '月' | '日'))
}

/// Marks the lines of a title starting at line `i` in `draft`; returns the
/// last title line. A title stops once it names its document type, after
/// [`TITLE_MAX_LINES`] lines, or at a line that does not continue it.
pub(crate) fn take_title(page: &Page<'_>, draft: &mut Draft<'_>, i: usize) -> usize {
    draft.set(i, LineKind::Title);
    let mut joined = page.content(i).to_string();
    let mut last = i;
    let mut count = 1;
    loop {
        // An open 《 or （ keeps the title going past a document type:
        // `《某某运行报告（2024）` / `》摘要`.
        if (ends_title(&joined) && !unbalanced(&joined)) || count >= TITLE_MAX_LINES {
            break;
        }
        let j = match page.next_nonblank(last) {
            Some(j) if j - last <= TITLE_LINE_GAP && j < draft.end() => j,
            _ => break,
        };
        if !title_like(page, draft.get(j), j) {
            break;
        }
        let c = page.content(j);
        let n = char_len(c);
        let cont = unbalanced(&joined)
            || n <= TITLE_TAIL_MAX_CHARS
            || c.starts_with('》')
            || c.starts_with('）')
            || c.starts_with(')');
        if cont && j == last + 1 {
            draft.set(j, LineKind::Continuation);
        } else if n <= TITLE_NEXT_LINE_MAX_CHARS && !cont {
            // A second title line must look like a title, not a speaker.
            if n <= TITLE_SHORT_LINE_CHARS && !ends_title(c) {
                break;
            }
            draft.set(j, LineKind::Title);
        } else {
            break;
        }
        joined.push_str(c);
        last = j;
        count += 1;
    }
    last
}

/// Whether brackets or quotes are left open in `s`.
fn unbalanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '《' | '（' | '(' | '“' | '〔' | '【' => depth += 1,
            '》' | '）' | ')' | '”' | '〕' | '】' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Who gives a speech or writes a text, on the line under its title
/// (`发言人：某某`, `主讲人：某某`).
const SPEAKER_LABELS: &[&str] = &[
    "发言人",
    "發言人",
    "主讲人",
    "主講人",
    "报告人",
    "報告人",
    "演讲人",
    "演講人",
    "讲话人",
    "講話人",
    "作者",
    "撰稿人",
    "执笔人",
    "執筆人",
];

/// A line of the block under a title: `——2024年3月5日在…上`, a news
/// dateline, `（2023年…通过）`, a promulgation tail, a date-led line, a
/// speaker (`发言人：某某`).
pub(crate) fn is_subtitle_pattern(c: &str) -> bool {
    if c.starts_with("——") || c.starts_with("—") || c.starts_with("--") {
        return true;
    }
    let speaker = SPEAKER_LABELS.iter().any(|l| {
        c.strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']) && char_len(r) <= 20)
    });
    if speaker {
        return true;
    }
    let n = char_len(c);
    if element::is_dateline(c) {
        return true;
    }
    // The wrapped tail of a promulgation note: `第1815次会议通过，自…起施行）`.
    if n <= SUBTITLE_MAX_CHARS
        && (c.ends_with('）') || c.ends_with(')'))
        && !c.contains('（')
        && !c.contains('(')
        && ["通过", "施行", "批准", "公布", "修订", "修正"]
            .iter()
            .any(|w| c.contains(w))
    {
        return true;
    }
    if (c.starts_with('（') || c.starts_with('('))
        && (c.ends_with('）') || c.ends_with(')'))
        && n <= SUBTITLE_MAX_CHARS
        && (c.contains('年') || c.contains("通过") || c.contains("会议"))
    {
        return true;
    }
    // Date-led promulgation lines: `2020年8月24日 最高人民法院审判委员会…通过`.
    starts_with_full_date(c) && n <= DATED_SUBTITLE_MAX_CHARS
}

/// Whether `c` opens with a full date in Arabic digits (`2020年8月24日`).
fn starts_with_full_date(c: &str) -> bool {
    if !c.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let b: Vec<char> = c.chars().take(12).collect();
    let mut i = 0;
    let digits = |i: &mut usize, max: usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - s < max {
            *i += 1;
        }
        *i - s
    };
    if digits(&mut i, 4) != 4 || b.get(i) != Some(&'年') {
        return false;
    }
    i += 1;
    if digits(&mut i, 2) == 0 || b.get(i) != Some(&'月') {
        return false;
    }
    i += 1;
    digits(&mut i, 2) > 0 && b.get(i) == Some(&'日')
}
