//! Where each document of a collection page starts: separators (`篇一：`,
//! `…讲话稿 篇1`), numbered items of a collection, and a title after the end
//! of the document before it.

use super::*;

/// Whether line `i` opens another document on the page, without a separator:
/// a title naming a document type, after a line that ends the document
/// before (a closing formula, a date, a signature's field), or over a
/// speaker and a greeting (the next speech); then text.
pub(super) fn opens_next_document(
    page: &Page<'_>,
    kinds: &[LineKind],
    i: usize,
    end: usize,
) -> bool {
    let c = page.content(i);
    // The cheap condition first: a title opening the next document stands
    // after a blank line.
    let Some(prev) = page.prev_nonblank(i) else {
        return false;
    };
    let blank_before = prev + 1 < i;
    if !blank_before
        || kinds[i] != LineKind::Body
        || !title_like(page, kinds[i], i)
        || !ends_title(c)
    {
        return false;
    }
    let p = page.content(prev);
    let closes = is_closing_line(p) || is_signature_field(p);
    // The line after the title, past subtitles and speakers (a host's
    // `主持人：` line reads as a field of minutes; a greeting must follow).
    let mut next = page.next_nonblank(i).filter(|&k| k < end);
    for _ in 0..BLOCK_MAX_LINES {
        let Some(k) = next else { break };
        if !is_subtitle_pattern(page.content(k)) && kinds[k] != LineKind::Meta(MetaKind::Field) {
            break;
        }
        next = page.next_nonblank(k).filter(|&k| k < end);
    }
    let Some(next) = next else {
        return false;
    };
    let t = page.content(next);
    let greets = is_greeting(t) && t.ends_with(['：', ':']);
    let text = is_document_text(page, kinds[next], next);
    blank_before && ((closes && text) || (greets && ends_sentence(p)))
}

/// A formula that closes a document: `特此报告。`, `此致`, `敬礼！`, `谢谢大家！`.
pub(super) fn is_closing_line(c: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "特此",
        "此致",
        "敬礼",
        "谢谢大家",
        "谢谢！",
        "謝謝",
        "妥否",
        "以上请示",
        "以上報告",
        "以上报告",
        "专此",
        "此复",
    ];
    char_len(c) <= 30 && CLOSINGS.iter().any(|w| c.contains(w))
}

/// A field of a signature block: `申请人：`, `申请日期：`, `日期：`.
pub(super) fn is_signature_field(c: &str) -> bool {
    const FIELDS: &[&str] = &[
        "申请人",
        "申请日期",
        "申请单位",
        "日期",
        "签名",
        "署名",
        "落款",
        "单位",
    ];
    char_len(c) <= 30
        && FIELDS.iter().any(|f| {
            c.strip_prefix(f)
                .is_some_and(|r| r.trim_start().starts_with([':', '：']))
        })
}

/// The separators of a collection page: the lines that open each document.
pub(super) fn separators(page: &Page<'_>, kinds: &[LineKind]) -> Vec<(usize, Separator)> {
    // Names of the collection from its headline (`实施方案最新10篇` → 实施方案):
    // `实施方案 1` is then the first item.
    let names: Vec<String> = (0..page.len())
        .filter(|&i| kinds[i] != LineKind::Blank && chrome::is_collection_headline(page.content(i)))
        .filter_map(|i| collection_name(page.content(i)))
        .take(MAX_COLLECTION_NAMES)
        .collect();
    let mut out = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        if !matches!(kind, LineKind::Body | LineKind::Heading(_)) {
            continue;
        }
        let c = page.content(i);
        let sep = chrome::collection_separator(c).or_else(|| numbered_item(c, &names));
        if let Some(sep) = sep {
            if page.next_nonblank(i).is_some() {
                out.push((i, sep));
            }
        }
    }
    out
}

/// The name a collection headline gives its items: the text before the count
/// (`实施方案最新10篇` → `实施方案`, `关于请示的批复范文（15篇）` → `关于请示的批复范文`).
pub(super) fn collection_name(headline: &str) -> Option<String> {
    let t = comparable_string(headline);
    let t = t.trim_start_matches(['《', '[', '(']);
    let end = chrome::collection_count_start(t).unwrap_or(t.len());
    let name = t[..end].trim_end_matches(['(', '[', '《', '-']).to_string();
    (char_len(&name) >= 2).then_some(name)
}

/// `实施方案 1`, `关于请示的批复范文1`: a collection's name and a number.
pub(super) fn numbered_item(c: &str, names: &[String]) -> Option<Separator> {
    // Most pages name no collection, and most lines end without a digit:
    // neither builds a string (this ran on every line: 13 instructions a
    // byte of the corpus, a third of the parse).
    if names.is_empty()
        || !comparable(c)
            .next_back()
            .is_some_and(|ch| ch.is_ascii_digit())
    {
        return None;
    }
    let t = comparable_string(c);
    let digits = t.len() - t.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let (name, number) = t.split_at(t.len() - digits);
    let number: u32 = number.parse().ok()?;
    (number <= MAX_ITEM_NUMBER && names.iter().any(|n| n == name)).then(|| Separator {
        name: Some((
            0,
            c.len() - c.trim_end_matches(|ch: char| ch.is_ascii_digit()).len(),
        )),
        ordinal: Some(number),
    })
}
