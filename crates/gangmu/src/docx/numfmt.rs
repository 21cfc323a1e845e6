//! Number formats of Word's automatic numbering (`w:numFmt`, ECMA-376
//! §17.18.59 `ST_NumberFormat`): how a counter value is written.

/// Longest label text a format may produce; a hostile `w:start` of four
/// billion in `lowerLetter` or `upperRoman` falls back to decimal instead of
/// writing megabytes.
const MAX_FORMATTED: usize = 64;

/// Writes `n` in the Word number format `format` (the `w:val` of `w:numFmt`).
///
/// Chinese formats as Word writes them: `chineseCounting` 一…十、十一…九十九
/// (digit by digit with 〇 from 100), `chineseCountingThousand` with units
/// (一百零一), `chineseLegalSimplified` 壹贰叁…拾, `ideographTraditional` 甲乙丙
/// (heavenly stems), `ideographZodiac` 子丑寅 (earthly branches). Enclosed forms
/// (`①` `⑴` `⒈`) and the stems and branches fall back to decimal past their set,
/// as the standard says. Unknown formats are written in decimal; `none` and
/// `bullet` write nothing (a bullet's text is its level text).
///
/// ```
/// use gangmu::docx::format_number;
/// assert_eq!(format_number(12, "chineseCounting"), "十二");
/// assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
/// assert_eq!(format_number(2, "ideographTraditional"), "乙");
/// assert_eq!(format_number(4, "decimalEnclosedCircle"), "④");
/// assert_eq!(format_number(28, "lowerLetter"), "bb");
/// assert_eq!(format_number(14, "upperRoman"), "XIV");
/// ```
pub fn format_number(n: u32, format: &str) -> String {
    let out = match format {
        "none" | "bullet" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => digits(n, &FULLWIDTH),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            enclosed(n, 0x2460, 20).unwrap_or_else(|| n.to_string())
        }
        "decimalEnclosedParen" => enclosed(n, 0x2474, 20).unwrap_or_else(|| format!("({n})")),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488, 20).unwrap_or_else(|| format!("{n}.")),
        "ideographEnclosedCircle" => enclosed(n, 0x3280, 10).unwrap_or_else(|| n.to_string()),
        "chineseCounting" => counting(n, &IDEOGRAPH_DIGITS),
        "taiwaneseCounting" => counting(n, &TAIWANESE_DIGITS),
        "ideographDigital" => digits(n, &IDEOGRAPH_DIGITS),
        "taiwaneseDigital" => digits(n, &TAIWANESE_DIGITS),
        "chineseCountingThousand" => grouped(n, &CHINESE),
        "taiwaneseCountingThousand" => grouped(n, &TAIWANESE),
        "chineseLegalSimplified" => grouped(n, &CHINESE_LEGAL),
        "ideographLegalTraditional" => grouped(n, &TRADITIONAL_LEGAL),
        "ideographTraditional" => cycle(n, &HEAVENLY_STEMS),
        "ideographZodiac" => cycle(n, &EARTHLY_BRANCHES),
        "ideographZodiacTraditional" => zodiac_traditional(n),
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "numberInDash" => format!("- {n} -"),
        _ => n.to_string(),
    };
    if out.len() > MAX_FORMATTED {
        n.to_string()
    } else {
        out
    }
}

const FULLWIDTH: [char; 10] = ['０', '１', '２', '３', '４', '５', '６', '７', '８', '９'];
const IDEOGRAPH_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const TAIWANESE_DIGITS: [char; 10] = ['○', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// A counting system with units: digits, the units 十 百 千 and 万, whether
/// 一 is dropped before a leading 十 (十一, not 一十一), and the zero digit.
struct Units {
    digits: [char; 10],
    units: [char; 3],
    myriad: char,
    elide_leading_one: bool,
}

const CHINESE: Units = Units {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千'],
    myriad: '万',
    elide_leading_one: true,
};
const TAIWANESE: Units = Units {
    myriad: '萬',
    ..CHINESE
};
const CHINESE_LEGAL: Units = Units {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
    myriad: '万',
    elide_leading_one: false,
};
const TRADITIONAL_LEGAL: Units = Units {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
    myriad: '萬',
    elide_leading_one: false,
};

fn digits(n: u32, set: &[char; 10]) -> String {
    n.to_string()
        .bytes()
        .map(|b| set[usize::from(b - b'0')])
        .collect()
}

/// `first + n - 1` for `n` in `1..=size`.
fn enclosed(n: u32, first: u32, size: u32) -> Option<String> {
    (1..=size)
        .contains(&n)
        .then(|| char::from_u32(first + n - 1))
        .flatten()
        .map(String::from)
}

/// `chineseCounting`: 一…九, 十…九十九 with the tens word, then digit by digit.
fn counting(n: u32, set: &[char; 10]) -> String {
    if n == 0 || n >= 100 {
        return digits(n, set);
    }
    let (tens, ones) = (n / 10, n % 10);
    let mut out = String::new();
    if tens > 1 {
        out.push(set[tens as usize]);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 || tens == 0 {
        out.push(set[ones as usize]);
    }
    out
}

/// One group of up to four digits (`0..=9999`) with units and inner zeros.
fn group(n: u32, u: &Units, leading: bool, out: &mut String) {
    let places = [
        (n / 1000 % 10, Some(u.units[2])),
        (n / 100 % 10, Some(u.units[1])),
        (n / 10 % 10, Some(u.units[0])),
        (n % 10, None),
    ];
    let mut started = false;
    let mut zero = false;
    for (d, unit) in places {
        if d == 0 {
            zero |= started;
            continue;
        }
        if zero {
            out.push(u.digits[0]);
            zero = false;
        }
        let ten = unit == Some(u.units[0]);
        if !(u.elide_leading_one && leading && !started && d == 1 && ten) {
            out.push(u.digits[d as usize]);
        }
        if let Some(unit) = unit {
            out.push(unit);
        }
        started = true;
    }
}

/// A counting system with units, grouped by 万 (up to 99 999 999; beyond,
/// decimal).
fn grouped(n: u32, u: &Units) -> String {
    if n == 0 {
        return u.digits[0].to_string();
    }
    if n >= 100_000_000 {
        return n.to_string();
    }
    let (high, low) = (n / 10_000, n % 10_000);
    let mut out = String::new();
    if high > 0 {
        group(high, u, true, &mut out);
        out.push(u.myriad);
        if low > 0 && low < 1000 {
            out.push(u.digits[0]);
        }
    }
    if low > 0 {
        group(low, u, high == 0, &mut out);
    }
    out
}

/// A fixed set (stems, branches): past its end, decimal.
fn cycle(n: u32, set: &[char]) -> String {
    match (n as usize).checked_sub(1).and_then(|i| set.get(i)) {
        Some(c) => c.to_string(),
        None => n.to_string(),
    }
}

/// The sixty-year cycle 甲子, 乙丑, … (stem and branch together).
fn zodiac_traditional(n: u32) -> String {
    if !(1..=60).contains(&n) {
        return n.to_string();
    }
    let i = (n - 1) as usize;
    format!("{}{}", HEAVENLY_STEMS[i % 10], EARTHLY_BRANCHES[i % 12])
}

/// a…z, then aa…zz, aaa…: one letter repeated (Word's scheme, not base 26).
fn letters(n: u32, first: u8) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let repeat = ((n - 1) / 26 + 1) as usize;
    if repeat > MAX_FORMATTED {
        return n.to_string();
    }
    let c = char::from(first + ((n - 1) % 26) as u8);
    std::iter::repeat(c).take(repeat).collect()
}

fn roman(n: u32) -> String {
    if n == 0 || n >= 40_000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_number as f;

    #[test]
    fn chinese_formats_written_out() {
        let seq = |fmt: &str, ns: &[u32]| ns.iter().map(|&n| f(n, fmt)).collect::<Vec<_>>();
        assert_eq!(
            seq("chineseCounting", &[1, 9, 10, 11, 20, 21, 99, 100, 105]),
            [
                "一",
                "九",
                "十",
                "十一",
                "二十",
                "二十一",
                "九十九",
                "一〇〇",
                "一〇五"
            ]
        );
        assert_eq!(
            seq(
                "chineseCountingThousand",
                &[1, 10, 11, 20, 101, 110, 1000, 1010, 10_001, 20_000]
            ),
            [
                "一",
                "十",
                "十一",
                "二十",
                "一百零一",
                "一百一十",
                "一千",
                "一千零一十",
                "一万零一",
                "二万"
            ]
        );
        assert_eq!(
            seq("chineseLegalSimplified", &[1, 2, 3, 10, 11, 20, 101]),
            ["壹", "贰", "叁", "壹拾", "壹拾壹", "贰拾", "壹佰零壹"]
        );
        assert_eq!(
            seq("ideographTraditional", &[1, 2, 3, 10, 11]),
            ["甲", "乙", "丙", "癸", "11"]
        );
        assert_eq!(
            seq("ideographZodiac", &[1, 2, 3, 12, 13]),
            ["子", "丑", "寅", "亥", "13"]
        );
        assert_eq!(
            seq("ideographZodiacTraditional", &[1, 2, 11, 60, 61]),
            ["甲子", "乙丑", "甲戌", "癸亥", "61"]
        );
        assert_eq!(
            seq("taiwaneseCounting", &[1, 10, 12, 100]),
            ["一", "十", "十二", "一○○"]
        );
        assert_eq!(
            seq("taiwaneseCountingThousand", &[10, 10_000]),
            ["十", "一萬"]
        );
        assert_eq!(seq("ideographLegalTraditional", &[2, 30]), ["貳", "參拾"]);
        assert_eq!(seq("ideographDigital", &[10, 203]), ["一〇", "二〇三"]);
    }

    #[test]
    fn arabic_and_latin_formats_written_out() {
        let seq = |fmt: &str, ns: &[u32]| ns.iter().map(|&n| f(n, fmt)).collect::<Vec<_>>();
        assert_eq!(seq("decimal", &[0, 1, 10]), ["0", "1", "10"]);
        assert_eq!(seq("decimalZero", &[1, 10]), ["01", "10"]);
        assert_eq!(seq("decimalFullWidth", &[1, 12]), ["１", "１２"]);
        assert_eq!(seq("decimalFullWidth2", &[3]), ["３"]);
        assert_eq!(
            seq("decimalEnclosedCircle", &[1, 10, 20, 21]),
            ["①", "⑩", "⑳", "21"]
        );
        assert_eq!(seq("decimalEnclosedCircleChinese", &[2]), ["②"]);
        assert_eq!(
            seq("decimalEnclosedParen", &[1, 20, 21]),
            ["⑴", "⒇", "(21)"]
        );
        assert_eq!(
            seq("decimalEnclosedFullstop", &[1, 20, 21]),
            ["⒈", "⒛", "21."]
        );
        assert_eq!(seq("ideographEnclosedCircle", &[1, 10]), ["㊀", "㊉"]);
        assert_eq!(
            seq("lowerLetter", &[1, 26, 27, 53]),
            ["a", "z", "aa", "aaa"]
        );
        assert_eq!(seq("upperLetter", &[2, 28]), ["B", "BB"]);
        assert_eq!(
            seq("lowerRoman", &[1, 4, 9, 14, 40, 1994]),
            ["i", "iv", "ix", "xiv", "xl", "mcmxciv"]
        );
        assert_eq!(seq("upperRoman", &[3, 49]), ["III", "XLIX"]);
        assert_eq!(seq("none", &[5]), [""]);
        assert_eq!(seq("bullet", &[5]), [""]);
        assert_eq!(seq("numberInDash", &[5]), ["- 5 -"]);
        assert_eq!(seq("cardinalText", &[5]), ["5"]);
    }

    #[test]
    fn huge_counters_stay_small() {
        for fmt in [
            "lowerLetter",
            "upperRoman",
            "chineseCountingThousand",
            "chineseCounting",
        ] {
            let s = f(u32::MAX, fmt);
            assert!(s.len() <= super::MAX_FORMATTED, "{fmt}: {s}");
        }
        assert_eq!(f(u32::MAX, "lowerLetter"), u32::MAX.to_string());
    }
}
