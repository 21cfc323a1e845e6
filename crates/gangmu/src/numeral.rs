//! Numerals used in ordinal markers: Chinese numerals (一 … 九千九百九十九, with 〇/零)
//! and Arabic digits, ASCII or full-width (１９９６).

use nom::bytes::complete::take_while1;
use nom::combinator::map_opt;
use nom::{IResult, Parser};

use crate::text::is_any_digit;

/// Whether `c` is a character of a Chinese numeral (数字 or 单位 up to 千).
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a well-formed Chinese numeral such as `十一`, `二十三`, `一百零五`,
/// `一千零一十`; `None` for strings that are not a numeral in the ordinal sense
/// (`一九八二`, `十十`, `零`).
///
/// ```
/// assert_eq!(gangmu::chinese_numeral_value("二十三"), Some(23));
/// assert_eq!(gangmu::chinese_numeral_value("一百零五"), Some(105));
/// assert_eq!(gangmu::chinese_numeral_value("一九八二"), None);
/// ```
pub fn chinese_numeral_value(s: &str) -> Option<u32> {
    // Units seen so far must strictly decrease: 千 > 百 > 十 > (ones).
    let mut total = 0u32;
    let mut pending: Option<u32> = None; // a digit waiting for its unit
    let mut last_unit = 10_000u32;
    let mut zero_seen = false;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit_value(c) {
            if pending.is_some() {
                return None; // two digits in a row: 一九
            }
            if d == 0 {
                if zero_seen || total == 0 {
                    return None;
                }
                zero_seen = true;
                continue;
            }
            pending = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            if unit >= last_unit {
                return None;
            }
            // Canonical forms write 零 exactly where a unit is skipped:
            // 九千零四十, not 九千四十; 一千一百, not 一千零一百.
            if last_unit != 10_000 {
                let adjacent = unit * 10 == last_unit;
                if adjacent == zero_seen {
                    return None;
                }
            }
            // A bare 十 at the start means 一十; 百/千 need their digit.
            let d = match pending.take() {
                Some(d) => d,
                None if unit == 10 && total == 0 && !zero_seen => 1,
                None if unit == 10 && zero_seen => 1, // 一百零十 is not used, but 一千零十 is
                None => return None,
            };
            total += d * unit;
            last_unit = unit;
            zero_seen = false;
        }
    }
    if !any || (zero_seen && pending.is_none()) {
        // Empty, or a trailing 零 (`二十零`, `四千〇`): not a numeral.
        return None;
    }
    if let Some(d) = pending {
        // A trailing digit is ones unless it follows a 0-less higher unit in the
        // abbreviated style (一百五 = 150), which ordinals never use: read as ones.
        // The ones follow their unit directly after 十 (二十三) and after a 零
        // otherwise (一百零五); 一百五 (abbreviated 150) and 十零三 are not
        // ordinal forms.
        if last_unit != 10_000 && (last_unit == 10) == zero_seen {
            return None;
        }
        total += d;
    }
    if total == 0 {
        None
    } else {
        Some(total)
    }
}

/// Parses a Chinese numeral at the start of `input`.
pub(crate) fn chinese_numeral(input: &str) -> IResult<&str, u32> {
    map_opt(take_while1(is_chinese_numeral_char), chinese_numeral_value).parse(input)
}

fn any_digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - '０' as u32
    }
}

/// Parses one to four Arabic digits (ASCII or full-width) at the start of `input`.
pub(crate) fn arabic_numeral(input: &str) -> IResult<&str, u32> {
    map_opt(take_while1(is_any_digit), |s: &str| {
        if s.chars().count() > 4 {
            return None;
        }
        Some(s.chars().fold(0u32, |acc, c| acc * 10 + any_digit_value(c)))
    })
    .parse(input)
}

/// Renders `n` (1..=9999) as a Chinese numeral in the form used by ordinal markers.
///
/// ```
/// assert_eq!(gangmu::to_chinese_numeral(11), "十一");
/// assert_eq!(gangmu::to_chinese_numeral(105), "一百零五");
/// assert_eq!(gangmu::to_chinese_numeral(120), "一百二十");
/// ```
pub fn to_chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return "零".to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let parts = [
        (n / 1000, "千"),
        ((n / 100) % 10, "百"),
        ((n / 10) % 10, "十"),
        (n % 10, ""),
    ];
    let mut out = String::new();
    let mut need_zero = false;
    let mut started = false;
    for (d, unit) in parts {
        if d == 0 {
            if started {
                need_zero = true;
            }
            continue;
        }
        if need_zero {
            out.push('零');
            need_zero = false;
        }
        if !(unit == "十" && d == 1 && !started) {
            out.push_str(D[d as usize]);
        }
        out.push_str(unit);
        started = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_numerals_used_as_ordinals() {
        let cases = [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("一百一十一", 111),
            ("九百九十九", 999),
            ("一千零一", 1001),
        ];
        for (s, v) in cases {
            assert_eq!(chinese_numeral_value(s), Some(v), "should read {s} as {v}");
        }
    }

    #[test]
    fn rejects_digit_strings_and_malformed_numerals() {
        for s in [
            "一九八二",
            "十十",
            "零",
            "〇",
            "二二",
            "百",
            "一〇五",
            "一百五",
            "二十零",
            "四千〇",
            "",
        ] {
            assert_eq!(
                chinese_numeral_value(s),
                None,
                "should not read {s:?} as an ordinal"
            );
        }
    }

    #[test]
    fn round_trips_every_ordinal_up_to_9999() {
        for n in 1..10_000 {
            let s = to_chinese_numeral(n);
            assert_eq!(chinese_numeral_value(&s), Some(n), "{n} rendered as {s}");
        }
    }

    #[test]
    fn reads_arabic_digits_in_both_widths() {
        assert_eq!(arabic_numeral("12.").unwrap(), (".", 12));
        assert_eq!(arabic_numeral("１９．").unwrap(), ("．", 19));
        assert!(arabic_numeral("12345").is_err());
    }
}
