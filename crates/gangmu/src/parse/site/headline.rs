//! Which line is a document's title: the title directly above its first
//! body line, and which lines above it are copies of the page's headline,
//! names and other site lines.

use super::*;

/// Whether a line can be a document's title: title-like body text that is
/// not the site's (a collection headline), nor a name or a section label.
pub(super) fn is_title_candidate(page: &Page<'_>, kind: LineKind, i: usize) -> bool {
    let c = page.content(i);
    title_like(page, kind, i) && !chrome::is_collection_headline(c) && !element::is_issuer_mark(c)
}

/// The first line of the title that stands directly above `range.end` (the
/// anchor): only blank lines, subtitles (`——…`, dates, speakers), elements
/// and the copies of the page headline may stand between them.
pub(super) fn title_above(
    page: &Page<'_>,
    draft: &Draft<'_>,
    range: std::ops::Range<usize>,
    candidate: &dyn Fn(&Draft<'_>, usize) -> bool,
) -> Option<usize> {
    let mut k = prev_in(page, range.end, range.start)?;
    let mut under_dash = false;
    loop {
        let c = page.content(k);
        let kind = draft.get(k);
        let above = prev_in(page, k, range.start);
        let skip = match kind {
            LineKind::Meta(_) | LineKind::Subtitle => true,
            // What a conversion leaves (`<!-- … -->`, page numbers).
            LineKind::Noise(NoiseKind::Markup | NoiseKind::PageNumber) => true,
            _ if is_subtitle_pattern(c) => {
                under_dash |= is_dash_line(c);
                true
            }
            // A speaker or a section label; above a `——…` line stands the title.
            LineKind::Body if !under_dash && is_name_line(c) => true,
            // `(运营项目现场)管理制度` under a title: a qualifier.
            LineKind::Body
                if c.starts_with(['（', '(']) && above.is_some_and(|a| candidate(draft, a)) =>
            {
                true
            }
            // A speaker or an office under a `——…` line (`国务院总理`).
            LineKind::Body if above.is_some_and(|a| is_dash_line(page.content(a))) => true,
            // An organ, an office or a group under a title that names its
            // type (`中国人民银行某某分行` / `货币政策分析小组`).
            LineKind::Body
                if !under_dash
                    && candidate(draft, k)
                    && !ends_title(c)
                    && names_type_above(page, draft, k, range.start, candidate) =>
            {
                true
            }
            _ => false,
        };
        if !skip {
            break;
        }
        k = above?;
    }
    if !candidate(draft, k) {
        return None;
    }
    // A title over several lines: the earlier lines whose run covers `k`
    // (never a collection's separator: it stands alone or is the title).
    let mut first = k;
    while let Some(p) = prev_in(page, first, range.start) {
        let separator = p == range.start && chrome::collection_separator(page.content(p)).is_some();
        // A copy of a line below (the site repeating the subtitle) starts the
        // site's block, not the title.
        let copy_of_block = (k + 1..range.end.min(k + 1 + BLOCK_MAX_LINES))
            .any(|b| !page.is_blank(b) && is_close_copy(page.content(p), page.content(b)));
        if p + TITLE_LINE_GAP < first || separator || copy_of_block || !candidate(draft, p) {
            break;
        }
        let mut probe = Draft::new(draft.base(), p..page.len().min(p + PROBE_LINES));
        if take_title(page, &mut probe, p) < k {
            break;
        }
        first = p;
    }
    // The page headline repeated between the title and the body: a proper
    // title (关于…的请示) directly above a copy of the headline wins.
    if let Some(p) = prev_in(page, first, range.start) {
        let here = page.content(first);
        let copy_of_headline = (range.start..p).any(|h| is_copy(page.content(h), here) && h < p);
        if copy_of_headline
            && p + 2 >= first
            && candidate(draft, p)
            && page.content(p).contains("关于")
            && ends_title(page.content(p))
        {
            return Some(p);
        }
    }
    Some(first)
}

/// Whether a title line naming a document type stands a little above line
/// `k`, with only other title-like and name lines between.
pub(super) fn names_type_above(
    page: &Page<'_>,
    draft: &Draft<'_>,
    k: usize,
    from: usize,
    candidate: &dyn Fn(&Draft<'_>, usize) -> bool,
) -> bool {
    let mut a = k;
    while let Some(p) = prev_in(page, a, from) {
        if p + TITLE_LINE_GAP < k {
            return false;
        }
        let c = page.content(p);
        if candidate(draft, p) && ends_title(c) {
            return true;
        }
        if !(candidate(draft, p) || is_name_line(c)) {
            return false;
        }
        a = p;
    }
    false
}

/// A `——2024年3月5日在…上` line under a title (not a rule `---`).
pub(super) fn is_dash_line(c: &str) -> bool {
    (c.starts_with('—') || c.starts_with("--"))
        && c.trim_start_matches(['—', '-', ' '])
            .chars()
            .next()
            .is_some_and(|ch| !ch.is_ascii_punctuation())
}

/// The first line of the paragraph that line `i` is part of: a line that
/// opens with punctuation (`。会议…`, Wikisource splits sentences at links)
/// or whose previous line runs on into it (a hard-wrapped 主送机关) belongs
/// with the lines above.
pub(super) fn paragraph_start(
    page: &Page<'_>,
    kinds: impl Fn(usize) -> LineKind,
    i: usize,
    from: usize,
) -> usize {
    let chain = starts_with_punctuation(page.content(i));
    let mut a = i;
    while let Some(p) = prev_in(page, a, from) {
        let joined = p + 2 >= a && (p + 1 == a || !page.is_empty(p + 1));
        let prev = page.content(p);
        let runs_on = kinds(p) == LineKind::Body
            && !ends_sentence(prev)
            && !is_subtitle_pattern(prev)
            && (chain || (prev.contains(['，', '；']) && char_len(prev) >= WRAPPED_LIST_MIN_CHARS));
        if !(joined && runs_on) {
            break;
        }
        a = p;
    }
    a
}

/// Whether `s` opens with punctuation that cannot start a sentence.
pub(super) fn starts_with_punctuation(s: &str) -> bool {
    s.starts_with([
        '，', '。', '、', '；', '：', '）', '》', '”', ',', '.', ';', ':', ')',
    ])
}

/// The last non-blank line before `i`, at or after `from`.
pub(super) fn prev_in(page: &Page<'_>, i: usize, from: usize) -> Option<usize> {
    page.prev_nonblank(i).filter(|&p| p >= from)
}

/// A speaker's name or a section label (`寒月`, `引言`), or an office and a
/// name (`国务院总理 温家宝`): short, without punctuation, naming no document
/// type.
pub(super) fn is_name_line(c: &str) -> bool {
    let n = char_len(c);
    if ends_title(c) || ends_sentence(c) || c.contains(['，', ',', '。', '：', ':']) {
        return false;
    }
    // Counted without white space: `习　近　平` is three characters.
    if c.chars().filter(|ch| !is_space(*ch)).count() <= NAME_LINE_MAX_CHARS {
        return true;
    }
    // `国务院总理 温家宝`, `省长　李炳军`: an office, then a name of 2–4.
    let mut parts = c.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
    let (Some(office), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    n <= OFFICE_LINE_MAX_CHARS
        && (2..=NAME_LINE_MAX_CHARS).contains(&char_len(name))
        && char_len(office) <= OFFICE_LINE_MAX_CHARS - 4
        && !c.contains('《')
}

/// Whether `line` copies (or is copied by) the title: one contains the other
/// once white space, markup and bracket widths are set aside.
pub(super) fn is_copy(line: &str, title: &str) -> bool {
    let a = comparable_string(line);
    let b = comparable_string(title);
    char_len(&a) >= COPY_MIN_CHARS
        && char_len(&b) >= COPY_MIN_CHARS
        && (a.contains(&b) || b.contains(&a))
}

/// Whether `line` is the title again, give or take a few characters (a
/// subtitle that cites the title in a sentence is no copy).
pub(super) fn is_close_copy(line: &str, title: &str) -> bool {
    let (a, b) = (
        char_len(&comparable_string(line)),
        char_len(&comparable_string(title)),
    );
    is_copy(line, title) && a.abs_diff(b) <= CLOSE_COPY_MAX_DIFF
}

/// Whether the lines hold evidence of a site: chrome, or a line that
/// separates the documents of a collection.
pub(super) fn has_site_lines(
    page: &Page<'_>,
    draft: &Draft<'_>,
    range: std::ops::Range<usize>,
) -> bool {
    range.into_iter().any(|k| {
        !page.is_blank(k)
            && matches!(
                draft.get(k),
                LineKind::Noise(NoiseKind::WebChrome | NoiseKind::Metadata)
            )
    })
}

/// Marks the site's lines above a document's title (or above its first text
/// when it has none): when the range holds site chrome or a copy of the
/// title, every line up to the last of those is the site's, except the
/// document's elements (发文字号, 签发人…); lines after it (a bulletin's
/// masthead) are left to the front matter.
pub(super) fn mark_site_lines(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    range: std::ops::Range<usize>,
    title: Option<&[&str]>,
) {
    // A copy of the title (a headline, a breadcrumb holding it), or of a
    // line under it, give or take a few characters.
    let copies = |k: usize| {
        title.is_some_and(|b| {
            b.iter().enumerate().any(|(n, t)| {
                if n == 0 {
                    is_copy(page.content(k), t)
                } else {
                    is_close_copy(page.content(k), t)
                }
            })
        })
    };
    let site = |draft: &Draft<'_>, k: usize| {
        !page.is_blank(k)
            && (matches!(
                draft.get(k),
                LineKind::Noise(NoiseKind::WebChrome | NoiseKind::Metadata)
            ) || copies(k)
                || chrome::collection_separator(page.content(k)).is_some()
                || (matches!(draft.get(k), LineKind::Meta(MetaKind::Field))
                    && has_iso_date(page.content(k))))
    };
    let Some(last) = range.clone().rev().find(|&k| site(draft, k)) else {
        return;
    };
    for k in range.start..=last {
        if page.is_blank(k) {
            continue;
        }
        let kind = draft.get(k);
        let element = matches!(kind, LineKind::Meta(m) if m != MetaKind::Field)
            || element::is_issuer_mark(page.content(k));
        if site(draft, k) || !element {
            let noise = if copies(k) {
                NoiseKind::RepeatedTitle
            } else {
                match kind {
                    LineKind::Noise(n) => n,
                    _ => NoiseKind::WebChrome,
                }
            };
            draft.set(k, LineKind::Noise(noise));
        }
    }
}
