//! Stage 5, front matter: what stands before the body — 发文机关标志, the
//! title (and a copy of it the site placed above), the block under it
//! (subtitles, speaker), a 令 header with its signatures, and the 主送机关.

use crate::element;
use crate::text::{
    char_len, comparable_string, ends_sentence, ends_title, is_greeting, is_lead_in,
    is_section_name, names_an_organ,
};
use crate::tree::{MetaKind, NoiseKind};

use super::evidence::{self, Hints};
use super::site::TitleChoice;
use super::title::{is_subtitle_pattern, take_title, title_like};
use super::wrap::paragraph_end;
use super::{Decisions, Draft, LineKind, Page};

/// A 主送机关 is read over at most this many hard-wrapped lines.
const ADDRESSEE_MAX_LINES: usize = 8;

/// …and at most this many characters (a long list of organs).
const ADDRESSEE_MAX_CHARS: usize = 300;

/// A line under the title that is this short, without a sentence end or a
/// comma, is a speaker, an office or a date line (a subtitle)…
const SUBTITLE_LINE_MAX_CHARS: usize = 20;

/// …up to this many of them (report_cpc_congress_*: speaker, office, date).
const MAX_SUBTITLE_LINES: usize = 12;

/// A copy of the title counts as a repetition when it is at least this long
/// (a two-character line `通知` is no evidence)…
const REPEAT_MIN_CHARS: usize = 4;

/// …and, when it only lies inside the first copy, at least this long and
/// naming the document type.
const REPEAT_INSIDE_MIN_CHARS: usize = 6;

/// What the front-matter stage decided.
pub(crate) struct FrontMatter {
    /// Kinds of the front-matter lines.
    pub decisions: Decisions,
    /// The first line of the body.
    pub body_start: usize,
}

/// Reads the front matter of the document in `range`, from its first line;
/// `choice` is what the site stage found out about its title.
pub(crate) fn front_matter(
    page: &Page<'_>,
    kinds: &[LineKind],
    range: std::ops::Range<usize>,
    choice: TitleChoice,
    hints: &Hints,
) -> FrontMatter {
    let mut draft = Draft::new(kinds, range.clone());
    let body_start = read(page, &mut draft, range, choice, hints);
    FrontMatter {
        decisions: draft.into_decisions(),
        body_start,
    }
}

fn read(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    range: std::ops::Range<usize>,
    choice: TitleChoice,
    hints: &Hints,
) -> usize {
    let n = range.end;
    let mut title: Option<(usize, usize)> = None; // first, last line
    let mut subtitles = 0usize;
    let mut decree = false;
    let mut i = range.start;
    while i < n {
        // Above the title the site stage chose: elements, and the masthead
        // of a bulletin (`某某政务督查`, `第20期`).
        if let TitleChoice::At(t) = choice {
            if i < t {
                if draft.get(i) == LineKind::Body || matches!(draft.get(i), LineKind::Heading(_)) {
                    draft.set(i, LineKind::Meta(MetaKind::IssuerMark));
                }
                i += 1;
                continue;
            }
            if i == t && title.is_none() {
                let last = take_title(page, draft, i);
                title = Some((i, last));
                i = last + 1;
                continue;
            }
        }
        if is_section_name(page.content(i)) && title.is_some() {
            return i;
        }
        match draft.get(i) {
            LineKind::Meta(_) if element::is_decree(page.content(i)) => {
                draft.set(i, LineKind::Meta(MetaKind::Decree));
                decree = true;
                i += 1;
                continue;
            }
            LineKind::Blank | LineKind::Noise(_) | LineKind::Meta(_) => {
                i += 1;
                continue;
            }
            // A line opening with a marker ends the front matter, unless a
            // 令 header is still open.
            LineKind::Heading(_) if !decree => return i,
            _ => {}
        }
        let c = page.content(i);
        if element::is_decree(c) {
            draft.set(i, LineKind::Meta(MetaKind::Decree));
            decree = true;
        } else if !decree && element::is_promulgation(c) {
            // `《某某办法》已经…通过，现予公布` opens the signatures of a 令
            // whose header was the page title.
            decree = true;
        } else if decree {
            let kind = decree_line(c);
            decree = kind != LineKind::Meta(MetaKind::Date);
            draft.set(i, kind);
        } else if element::is_issuer_mark(c) && title.is_none() {
            draft.set(i, LineKind::Meta(MetaKind::IssuerMark));
        } else if let Some(t) = title_at(page, draft, title, i, choice, hints) {
            // The title, or a second copy of it (the first was page chrome).
            title = Some(t);
            i = t.1;
        } else if title.is_none() {
            return i;
        } else if is_subtitle_pattern(c) {
            draft.set(i, LineKind::Subtitle);
        } else if let Some(end) = addressee(page, draft, i) {
            return end + 1;
        } else {
            // Speaker, office or date lines under the title.
            subtitles += 1;
            let subtitle = char_len(c) <= SUBTITLE_LINE_MAX_CHARS
                && !ends_sentence(c)
                && !c.contains('，')
                && paragraph_end(page, |k| draft.get(k), i) == i
                && subtitles <= MAX_SUBTITLE_LINES;
            if !subtitle {
                return i;
            }
            draft.set(i, LineKind::Subtitle);
        }
        i += 1;
    }
    n
}

/// A line under a 令 header: the decree number, a signatory, the date that
/// closes the header, or text.
fn decree_line(c: &str) -> LineKind {
    if element::is_decree_number(c) {
        LineKind::Meta(MetaKind::Decree)
    } else if element::is_signatory(c) {
        LineKind::Meta(MetaKind::Signature)
    } else if element::is_date(c) {
        LineKind::Meta(MetaKind::Date)
    } else {
        LineKind::Body
    }
}

/// The title that starts at line `i`, as (first, last line), when there is
/// none yet, or when line `i` repeats the title found so far: the site put a
/// copy of the title above the document, and the lower copy, directly above
/// the body, is the title.
fn title_at(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    title: Option<(usize, usize)>,
    i: usize,
    choice: TitleChoice,
    hints: &Hints,
) -> Option<(usize, usize)> {
    // A Title style makes a title where the text alone would not; a heading
    // style never is one.
    let styled = evidence::styled_title(hints, page, draft.get(i), i);
    if (!title_like(page, draft.get(i), i) && !styled)
        || (title.is_none() && choice == TitleChoice::Untitled && !styled)
        || hints.heading_level(i).is_some()
    {
        return None;
    }
    if let Some((first, last)) = title {
        let here = comparable_string(page.content(i));
        let before = comparable_string(&joined_title(page, draft, first, last));
        let repeated = before.starts_with(&here)
            || (here.chars().count() >= REPEAT_INSIDE_MIN_CHARS
                && ends_title(&here)
                && before.contains(&here));
        if here.chars().count() < REPEAT_MIN_CHARS || !repeated {
            return None;
        }
        for k in first..=last {
            if matches!(draft.get(k), LineKind::Title | LineKind::Continuation) {
                draft.set(k, LineKind::Noise(NoiseKind::RepeatedTitle));
            }
        }
    }
    Some((i, take_title(page, draft, i)))
}

/// The 主送机关 that starts at line `i`: a paragraph ending with a colon that
/// names organs (not a greeting, not a lead-in `如下：`). Returns its last line.
fn addressee(page: &Page<'_>, draft: &mut Draft<'_>, i: usize) -> Option<usize> {
    let end = paragraph_end(page, |k| draft.get(k), i)
        .min(i + ADDRESSEE_MAX_LINES)
        .min(draft.end().saturating_sub(1));
    let para: String = (i..=end).map(|k| page.content(k)).collect();
    let is_addressee = ((para.ends_with('：') || para.ends_with(':')) || lacks_its_colon(&para))
        && !para.contains('。')
        && !is_lead_in(&para)
        && !is_greeting(&para)
        && char_len(&para) <= ADDRESSEE_MAX_CHARS
        && names_an_organ(&para);
    if !is_addressee {
        return None;
    }
    for k in i..=end {
        draft.set(k, LineKind::Meta(MetaKind::Addressee));
    }
    Some(end)
}

/// A 主送机关 written without its colon (a draft's slip, ELEM001's to report):
/// a list of organs that opens with 各 (`各乡镇人民政府，县直各部门`), with
/// no punctuation at its end, each item ending with an organ's word (not
/// `各单位要高度重视，切实抓好落实`, a sentence that lost its full stop).
fn lacks_its_colon(para: &str) -> bool {
    para.starts_with('各')
        && para.contains(['，', '、', ','])
        && para
            .split(['，', '、', ','])
            .all(|item| !item.is_empty() && crate::text::ends_with_organ(item.trim()))
}

/// The text of the title lines `first..=last` decided so far.
fn joined_title(page: &Page<'_>, draft: &Draft<'_>, first: usize, last: usize) -> String {
    (first..=last)
        .filter(|&k| matches!(draft.get(k), LineKind::Title | LineKind::Continuation))
        .map(|k| page.content(k))
        .collect()
}
