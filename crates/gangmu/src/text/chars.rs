//! Character classes as Chinese administrative text uses them, and whether a
//! string ends a sentence.

/// White space as it appears in scraped documents: ASCII space and tab,
/// U+3000 (ideographic space), NBSP, the en/em/thin spaces, the zero-width
/// characters and a BOM, form and line feeds other than `\n`/`\r`, and the
/// bidirectional marks that converters leave behind.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{3000}'
            | '\u{00A0}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{000C}'
            | '\u{000B}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2009}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}'
    )
}

/// CJK ideographs (the characters of Chinese wording), with the extension
/// blocks and compatibility ideographs.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Full-width Chinese punctuation (GB/T 15834).
fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '…'
            | '—'
    )
}

/// A character of Chinese text: an ideograph or full-width punctuation.
pub(crate) fn is_chinese(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Full-width digits `０`–`９`.
pub(crate) fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// ASCII or full-width decimal digits.
pub(crate) fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || is_fullwidth_digit(c)
}

/// Characters that make a number a quantity rather than an ordinal when they
/// follow it (`3.5倍`, `1.2万亿元`, `5.1%`, `2 000人`).
pub(crate) fn is_unit_char(c: char) -> bool {
    matches!(
        c,
        '%' | '％'
            | '‰'
            | '倍'
            | '万'
            | '亿'
            | '元'
            | '年'
            | '月'
            | '日'
            | '个'
            | '米'
            | '吨'
            | '度'
            | '岁'
            | '次'
            | '天'
            | '千'
            | '百'
            | '公'
            | '平'
            | '斤'
            | '人'
            | '户'
            | '家'
            | '项'
            | '条'
            | '小'
            | '分'
            | '秒'
    )
}

/// The number of characters in `s`.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// [`char_len`]`(s)` when it is at most `cap`; otherwise some number above
/// `cap`, found without counting: a line of more than `4 × (cap + 1)` bytes has
/// more than `cap` characters. For the many "is this line short?" checks made
/// on every line, which a paragraph of a thousand characters fails at once.
pub(crate) fn char_len_capped(s: &str, cap: usize) -> usize {
    if s.len() / 4 > cap {
        s.len() / 4
    } else {
        char_len(s)
    }
}

/// Whether `c` ends a sentence or a clause that cannot continue on the next
/// line: 。！？；：… and their ASCII forms.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…'
    )
}

/// Closing marks that may stand after a sentence's end (`。”`, `。）`), and
/// markup around it (`**`, `#`): looked through when asking where a sentence
/// ends.
fn is_closing(c: char) -> bool {
    is_space(c)
        || c.is_whitespace()
        || matches!(
            c,
            '”' | '’' | '"' | '」' | '』' | '）' | ')' | '》' | '〕' | '】' | '*' | '#'
        )
}

/// Whether `s` ends a sentence (or a clause that cannot run on), looking
/// through closing quotes, brackets, markup and white space. An ASCII full
/// stop ends a sentence after Chinese text; after a digit or a letter it is
/// part of a number or an abbreviation (`第3.`, `No.`). The empty string ends
/// nothing.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(is_closing);
    match t.chars().next_back() {
        Some('.') => t
            .trim_end_matches(|c| c == '.' || is_closing(c))
            .chars()
            .next_back()
            .is_some_and(|p| !p.is_ascii_alphanumeric()),
        Some(c) => is_terminal(c),
        None => false,
    }
}

/// The characters of `s` that identify a line when comparing it with
/// another (a title repeated by the site, a table-of-contents entry and its
/// heading): no white space or Markdown emphasis, brackets in one width.
pub(crate) fn comparable(s: &str) -> impl DoubleEndedIterator<Item = char> + Clone + '_ {
    s.chars()
        .filter(|c| !is_space(*c) && !matches!(c, '*' | '#' | '_' | '\u{3000}'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '〔' | '［' | '【' => '[',
            '〕' | '］' | '】' => ']',
            c => c,
        })
}

/// [`comparable`] as a string.
pub(crate) fn comparable_string(s: &str) -> String {
    comparable(s).collect()
}

/// A hash of [`comparable`]`(s)`, to find lines with the same text without
/// building strings.
///
/// A multiply-rotate hash (FxHash's step), a few instructions a character:
/// its users check every hit on the text itself, and SipHash with the fixed
/// keys of `DefaultHasher::new` was no harder to collide on purpose, at
/// several times the cost (callgrind).
pub(crate) fn comparable_hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    comparable(s).fold(0u64, |h, c| {
        (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(K)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_length_is_exact_up_to_its_cap() {
        for s in [
            "",
            "a",
            "一二三",
            "ab一",
            &"字".repeat(40),
            &"a".repeat(200),
            &"字".repeat(300),
        ] {
            for cap in [0, 1, 2, 3, 10, 40, 100, 200] {
                let n = char_len(s);
                let capped = char_len_capped(s, cap);
                if n <= cap {
                    assert_eq!(capped, n, "{s:?} cap {cap}");
                } else {
                    assert!(capped > cap, "{s:?} cap {cap}: {capped}");
                }
            }
        }
    }

    #[test]
    fn white_space_includes_what_converters_leave() {
        for c in [
            ' ', '\u{3000}', '\u{00A0}', '\u{2009}', '\u{200B}', '\u{FEFF}', '\u{202C}',
        ] {
            assert!(is_space(c), "{c:?} should be white space");
        }
        for c in ['\n', '\r', 'a', '一', '、'] {
            assert!(!is_space(c), "{c:?} should not be white space");
        }
    }

    #[test]
    fn sentence_ends_are_read_through_closing_marks() {
        for s in [
            "要求“做好。”",
            "完成任务。）",
            "通知如下：",
            "（完）。**",
            "好的。\n",
            "见附件。】",
        ] {
            assert!(ends_sentence(s), "{s:?} should end a sentence");
        }
        for s in [
            "过去五年的回顾",
            "印发《某某办法》",
            "第3.",
            "No.",
            "",
            "**",
        ] {
            assert!(!ends_sentence(s), "{s:?} should not end a sentence");
        }
        assert!(ends_sentence("工作。"));
        assert!(
            ends_sentence("做好工作."),
            "an ASCII stop after Chinese ends it"
        );
    }

    #[test]
    fn lines_compare_without_markup_spaces_and_bracket_widths() {
        assert_eq!(
            comparable_string("**第一章　总则（试行）**"),
            "第一章总则(试行)"
        );
        assert_eq!(comparable_hash("一、 总则"), comparable_hash("一、总则"));
    }

    #[test]
    fn classes_of_characters() {
        assert!(is_cjk('㐀') && is_cjk('一') && !is_cjk('，'));
        assert!(is_chinese('，') && is_chinese('字') && !is_chinese(','));
        assert!(is_fullwidth_digit('９') && !is_fullwidth_digit('9'));
        assert!(is_any_digit('9') && is_any_digit('９') && !is_any_digit('九'));
        assert_eq!(char_len("一、总则"), 4);
    }
}
