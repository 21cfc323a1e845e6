//! Sibling groups of numbered headings and renumbering edits, shared by the
//! sequence rules (SEQ003, SEQ004, SEQ005).

use std::collections::HashMap;

use crate::diagnostic::Edit;
use crate::marker::{Marker, MarkerFamily};

use super::context::{edit, Ctx};
use super::scan::{arabic, chinese, numeral_range};

/// Headings of one family under one parent, in order.
#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub family: MarkerFamily,
    pub container: usize,
    /// Indices into `Ctx::headings`.
    pub members: Vec<usize>,
}

/// Sibling groups, in document order of their first member. 条 (articles) are
/// left to REG002: they run through the whole text.
pub(crate) fn groups(ctx: &Ctx<'_>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    // Group index by (container, parent, family): one lookup per heading.
    let mut index: HashMap<(usize, Option<usize>, MarkerFamily), usize> = HashMap::new();
    for (i, h) in ctx.headings.iter().enumerate() {
        let Some(m) = h.marker else { continue };
        if m.family == MarkerFamily::Article {
            continue;
        }
        let key = (h.container, h.parent, m.family);
        match index.get(&key) {
            Some(&g) => out[g].members.push(i),
            None => {
                index.insert(key, out.len());
                out.push(Group {
                    family: m.family,
                    container: h.container,
                    members: vec![i],
                });
            }
        }
    }
    out
}

/// How the groups of one family number their members: restarting at 1 under
/// every parent, or continuing across parents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    Restart,
    Continue,
}

/// For each group, the ordinal its first member should have, and the scheme
/// the document uses for the group's family (judged by the majority of the
/// groups that follow a first one).
pub(crate) fn expected_starts(
    ctx: &Ctx<'_>,
    groups: &[Group],
) -> Vec<(u32, Option<Scheme>, Scheme)> {
    let ord = |i: usize| ctx.headings[i].marker.map_or(0, |m| m.ordinal);
    // One pass: the previous group of the same family and container, and the
    // votes of each (family, container) class — linear in the number of groups.
    let mut previous: Vec<Option<usize>> = Vec::with_capacity(groups.len());
    let mut last_of: HashMap<(MarkerFamily, usize), usize> = HashMap::new();
    let mut votes: HashMap<(MarkerFamily, usize), (u32, u32)> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        let class = (g.family, g.container);
        let prev = last_of.insert(class, gi);
        previous.push(prev);
        if let Some(p) = prev {
            let last = groups[p].members.last().map_or(0, |&i| ord(i));
            let first = ord(g.members[0]);
            let v = votes.entry(class).or_insert((0, 0));
            if first == 1 {
                v.0 += 1;
            } else if first == last + 1 {
                v.1 += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for (gi, g) in groups.iter().enumerate() {
        let (restart, cont) = votes
            .get(&(g.family, g.container))
            .copied()
            .unwrap_or((0, 0));
        let scheme = if cont > restart {
            Scheme::Continue
        } else {
            Scheme::Restart
        };
        let prev = previous[gi].map(|p| &groups[p]);
        let this = prev.and_then(|p| {
            let last = p.members.last().map_or(0, |&i| ord(i));
            let first = ord(g.members[0]);
            if first == 1 {
                Some(Scheme::Restart)
            } else if first == last + 1 {
                Some(Scheme::Continue)
            } else {
                None
            }
        });
        let expected = match (prev, scheme) {
            (Some(p), Scheme::Continue) => p.members.last().map_or(0, |&i| ord(i)) + 1,
            _ => 1,
        };
        out.push((expected, this, scheme));
    }
    out
}

/// The numeral of `m` written as `n`, in the marker's own style.
fn numeral_text(m: &Marker, n: u32) -> Option<String> {
    let written = &m.text;
    let first = written.chars().next()?;
    let u = first as u32;
    match m.family {
        MarkerFamily::Circled if (0x2460..=0x2473).contains(&u) => {
            return (1..=20)
                .contains(&n)
                .then(|| char::from_u32(0x2460 + n - 1))
                .flatten()
                .map(String::from)
        }
        MarkerFamily::ArabicParen if (0x2474..=0x2487).contains(&u) => {
            return (1..=20)
                .contains(&n)
                .then(|| char::from_u32(0x2474 + n - 1))
                .flatten()
                .map(String::from)
        }
        MarkerFamily::ChineseParen if (0x3220..=0x3229).contains(&u) => {
            return (1..=10)
                .contains(&n)
                .then(|| char::from_u32(0x3220 + n - 1))
                .flatten()
                .map(String::from)
        }
        MarkerFamily::LatinLower | MarkerFamily::LatinUpper => {
            let base = if m.family == MarkerFamily::LatinLower {
                'a'
            } else {
                'A'
            };
            return (1..=26)
                .contains(&n)
                .then(|| char::from_u32(base as u32 + n - 1))
                .flatten()
                .map(String::from);
        }
        _ => {}
    }
    let (s, e) = numeral_range(written)?;
    let num = &written[s..e];
    if num
        .chars()
        .any(|c| c.is_ascii_digit() || crate::text::is_fullwidth_digit(c))
    {
        Some(arabic(n, m.fullwidth_digits))
    } else {
        Some(chinese(n))
    }
}

/// An edit rewriting the ordinal of `m` to `n` (for decimal outlines, the last
/// component), keeping its punctuation as written.
pub(crate) fn renumber(m: &Marker, n: u32) -> Option<Edit> {
    if m.ordinal == n {
        return None;
    }
    let new = numeral_text(m, n)?;
    let written = &m.text;
    let (s, e) = match m.family {
        MarkerFamily::Circled | MarkerFamily::LatinLower | MarkerFamily::LatinUpper => {
            (0, written.chars().next()?.len_utf8())
        }
        MarkerFamily::ArabicParen | MarkerFamily::ChineseParen
            if !written.starts_with(['(', '（']) =>
        {
            (0, written.chars().next()?.len_utf8())
        }
        MarkerFamily::Decimal2 | MarkerFamily::Decimal3 | MarkerFamily::Decimal4 => {
            let t = written.trim_end_matches(['.', '．']);
            let s = t
                .rfind(['.', '．'])
                .map_or(0, |k| k + t[k..].chars().next().map_or(1, char::len_utf8));
            (s, t.len())
        }
        _ => numeral_range(written)?,
    };
    Some(edit(m.span.start + s, m.span.start + e, new))
}

/// Whether the marker `m` written with ordinal `n` (same punctuation) occurs
/// in the text between byte `from` and the marker: the "missing" sibling is
/// there, but not as a heading (glued to a line, inside a hard-wrapped
/// paragraph, several items on one line). The numbering is then not at fault.
pub(crate) fn present_before(ctx: &Ctx<'_>, m: &Marker, n: u32, from: usize) -> bool {
    let Some(e) = renumber(m, n) else {
        return false;
    };
    let mut want = m.text.clone();
    let (s, t) = (e.span.start - m.span.start, e.span.end - m.span.start);
    if t > want.len() || !want.is_char_boundary(s) || !want.is_char_boundary(t) {
        return false;
    }
    want.replace_range(s..t, &e.replacement);
    let from = from.min(m.span.start);
    ctx.text.get(from..m.span.start).is_some_and(|h| {
        h.match_indices(want.as_str()).any(|(k, _)| {
            // Not the tail of a longer number (`135．` for `35．`).
            !h[..k]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || crate::numeral::is_chinese_numeral_char(c))
        })
    })
}

/// Edits renumbering `members` (heading indices) from `start` on.
pub(crate) fn renumber_run(ctx: &Ctx<'_>, members: &[usize], start: u32) -> Vec<Edit> {
    members
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let m = ctx.headings[i].marker?;
            renumber(m, start + k as u32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Marker {
        crate::parse_marker(s).unwrap()
    }

    #[test]
    fn renumbers_in_the_markers_own_style() {
        let cases = [
            ("四、总则", 3, "三"),
            ("（十二）加强", 11, "十一"),
            ("１２．目的", 3, "３"),
            ("③其他", 2, "②"),
            ("1.3 目标", 2, "2"),
            ("c.内容", 2, "b"),
        ];
        for (s, n, want) in cases {
            let e = renumber(&marker(s), n).unwrap();
            assert_eq!(e.replacement, want, "{s}");
            let mut out = s.to_string();
            out.replace_range(e.span.range(), &e.replacement);
            assert!(!out.contains("  "), "should not insert spaces: {out}");
        }
    }
}
