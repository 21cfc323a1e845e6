//! The document parser: lines → classified lines → typed tree.
//!
//! 1. Lines are split and stripped of indentation and markup ([`crate::line`]).
//! 2. Each line is classified on its own: blank, noise, element, ordinal marker
//!    (the nom grammar of [`crate::marker`]) or text.
//! 3. Zones are decided from the whole document: the front matter (title,
//!    subtitle block, 令 header, 主送机关), the end matter (署名, 成文日期, 抄送,
//!    印发), licence trailers and tables of contents.
//! 4. Body lines become headings (numbered, or unnumbered where the evidence is
//!    clear) and paragraphs joined across hard wraps.
//! 5. Depths come from [`crate::hierarchy`]; the tree is built with an explicit
//!    stack of open sections.
//!
//! Every step is linear in the number of lines; no step recurses on input depth.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::element;
use crate::enumeration::{self, EnumerationFamily};
use crate::hierarchy::{self, HeadingFacts, LevelKey};
use crate::line::{split_lines, Line};
use crate::marker::{parse_bare_numeral, parse_decimal_top, parse_marker, Marker, MarkerFamily};
use crate::span::Span;
use crate::text::{
    char_len, ends_sentence, ends_title, is_greeting, is_space, names_an_organ, ORGAN_SUFFIXES,
};
use crate::tree::{
    Attachment, Blank, Continuation, Document, Heading, Meta, MetaKind, Node, Noise, NoiseKind,
    Paragraph, Section, Subtitle, Title,
};

/// What a line is, once decided.
#[derive(Clone, Debug)]
enum Kind {
    Blank,
    Noise(NoiseKind),
    Meta(MetaKind),
    Title,
    Continuation,
    Subtitle,
    /// A heading: numbered (with its marker) or unnumbered.
    Heading(Option<Box<Marker>>),
    /// Body text.
    Body,
}

/// Parses `text` into a [`Document`]. Never fails and never panics: whatever
/// the input, the result is a tree whose leaves tile the input, plus
/// diagnostics about what looked wrong.
///
/// ```
/// let text = "关于开展安全检查的通知\n\n各单位：\n\n一、检查范围\n（一）重点单位。一是学校；二是医院。\n";
/// let doc = gangmu::parse(text);
/// assert_eq!(doc.title_text(), Some("关于开展安全检查的通知"));
/// let headings: Vec<&str> = doc
///     .headings()
///     .map(|h| &text[h.title.range()])
///     .collect();
/// assert_eq!(headings, ["检查范围", "重点单位。"]);
/// ```
pub fn parse(text: &str) -> Document {
    Parser::new(text).run().0
}

/// The inline markers the parser found in each paragraph: (paragraph start,
/// [`enumeration::find_inline_markers`] over the paragraph's text), in
/// document order, one entry per paragraph.
pub(crate) type ParagraphMarkers = Vec<(usize, Vec<enumeration::InlineMarker>)>;

/// [`parse`], also handing over the inline markers of every paragraph, so
/// that the linter does not scan the paragraphs a second time.
pub(crate) fn parse_keeping_markers(text: &str) -> (Document, ParagraphMarkers) {
    let mut parser = Parser::new(text);
    parser.paragraph_markers = Some(std::cell::RefCell::new(Vec::new()));
    let (doc, kept) = parser.run();
    (doc, kept.unwrap_or_default())
}

struct Parser<'a> {
    text: &'a str,
    lines: Vec<Line>,
    kinds: Vec<Kind>,
    /// Index of the first line of each attachment (附件) container.
    attachments: Vec<usize>,
    /// First lines of end matter (署名, 成文日期…), one per segment at most.
    end_matters: Vec<usize>,
    wrapped: bool,
    diagnostics: Vec<Diagnostic>,
    /// When set, [`Parser::paragraph`] records each paragraph's markers here.
    paragraph_markers: Option<std::cell::RefCell<ParagraphMarkers>>,
}

/// The characters of `s` that identify a line when comparing it with another:
/// no white space or Markdown emphasis, brackets in one width.
fn normalized(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
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

fn normalize(s: &str) -> String {
    normalized(s).collect()
}

/// A hash of `normalized(s)`, to find lines with the same text without
/// building strings.
fn normalized_hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in normalized(s) {
        c.hash(&mut h);
    }
    h.finish()
}

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

fn starts_with_punct(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '）'
                | ')'
                | '》'
                | '”'
                | '’'
                | ','
                | '.'
                | ';'
                | ':'
                | '！'
                | '？'
                | '」'
                | '〕'
                | ']'
        )
    })
}

fn is_subtitle_pattern(c: &str) -> bool {
    if c.starts_with("——") || c.starts_with("—") || c.starts_with("--") {
        return true;
    }
    let n = char_len(c);
    if element::is_dateline(c) {
        return true;
    }
    // The wrapped tail of a promulgation note: `第1815次会议通过，自…起施行）`.
    if n <= 80
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
        && n <= 80
        && (c.contains('年') || c.contains("通过") || c.contains("会议"))
    {
        return true;
    }
    // Date-led promulgation lines: `2020年8月24日 最高人民法院审判委员会…通过`.
    if starts_with_full_date(c) && n <= 200 {
        return true;
    }
    false
}

fn starts_with_full_date(c: &str) -> bool {
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

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let lines = split_lines(text);
        let kinds = vec![Kind::Body; lines.len()];
        Parser {
            text,
            lines,
            kinds,
            attachments: Vec::new(),
            end_matters: Vec::new(),
            wrapped: false,
            diagnostics: Vec::new(),
            paragraph_markers: None,
        }
    }

    fn content(&self, i: usize) -> &'a str {
        self.lines[i].content(self.text)
    }

    fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }

    fn prev_nonblank(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.lines[j].is_blank())
    }

    fn run(mut self) -> (Document, Option<ParagraphMarkers>) {
        self.classify_lines();
        self.mark_tables_of_contents();
        self.measure_wrapping();
        let body_start = self.front_matter();
        self.find_attachments(body_start);
        let mut bounds = vec![body_start];
        bounds.extend(self.attachments.iter().copied());
        bounds.push(self.lines.len());
        let mut seen_heading = (0..body_start).any(|k| matches!(self.kinds[k], Kind::Heading(_)));
        for w in bounds.windows(2) {
            let end = self.end_matter(w[0], w[1]);
            if let Some(e) = end {
                self.end_matters.push(e);
            }
            self.body(w[0], end.unwrap_or(w[1]), &mut seen_heading);
        }
        self.report_noise_and_truncation();
        let children = self.build();
        let kept = self.paragraph_markers.map(std::cell::RefCell::into_inner);
        (
            Document::new(self.text.len(), children, self.diagnostics),
            kept,
        )
    }

    // ---- step 2: each line on its own ------------------------------------

    fn classify_lines(&mut self) {
        let n = self.lines.len();
        let mut in_comment = false;
        // Markdown front matter: `---` … `---` at the very top.
        let first = (0..n).find(|&i| !self.lines[i].is_blank());
        let mut front_matter_end = None;
        if let Some(f) = first {
            if self.content(f) == "---" {
                front_matter_end = (f + 1..n.min(f + 60)).find(|&j| self.content(j) == "---");
            }
        }
        let mut license_from = None;
        // Inside a list of links (相关推荐…): `Some(true)` near the end.
        let mut trailer: Option<bool> = None;
        for i in 0..n {
            let line = &self.lines[i];
            if line.is_blank() {
                self.kinds[i] = Kind::Blank;
                continue;
            }
            let c = self.content(i);
            if let (Some(f), Some(e)) = (first, front_matter_end) {
                if i >= f && i <= e {
                    self.kinds[i] = Kind::Noise(NoiseKind::Metadata);
                    continue;
                }
            }
            if in_comment {
                self.kinds[i] = Kind::Noise(NoiseKind::Markup);
                if c.contains("-->") {
                    in_comment = false;
                }
                continue;
            }
            if c.starts_with("<!--") && !c.contains("-->") {
                in_comment = true;
                self.kinds[i] = Kind::Noise(NoiseKind::Markup);
                continue;
            }
            if license_from.is_none() && i * 3 >= n && element::starts_license(c) {
                license_from = Some(i);
            }
            if license_from.is_some() {
                self.kinds[i] = Kind::Noise(NoiseKind::License);
                continue;
            }
            if let Some(bottom) = trailer {
                let list_item = c.starts_with(['-', '*', '·', '•', '●', '◆', '○', '>', '+']);
                if list_item || (bottom && char_len(c) <= 50 && !ends_sentence(c)) {
                    self.kinds[i] = Kind::Noise(NoiseKind::WebChrome);
                    continue;
                }
                trailer = None;
            }
            if element::starts_trailer(c) && char_len(c) <= 20 {
                self.kinds[i] = Kind::Noise(NoiseKind::WebChrome);
                trailer = Some(i * 2 >= n);
                continue;
            }
            if let Some(k) = element::noise_kind(c, line.md_heading) {
                self.kinds[i] = Kind::Noise(k);
                continue;
            }
            let marker = parse_marker(c)
                .or_else(|| {
                    if line.md_heading > 0 {
                        parse_bare_numeral(c)
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    if char_len(c) <= 30 && !ends_sentence(c) {
                        parse_decimal_top(c)
                    } else {
                        None
                    }
                });
            if let Some(m) = marker {
                let mut m = m;
                m.span = Span::new(line.content_start, line.content_start + m.span.len());
                self.kinds[i] = Kind::Heading(Some(Box::new(m)));
                continue;
            }
            if let Some(k) = element::meta_kind(c) {
                self.kinds[i] = Kind::Meta(k);
                continue;
            }
            self.kinds[i] = Kind::Body;
        }
    }

    /// Runs of three or more headings with nothing but blank lines between them,
    /// whose first heading appears again later, are a table of contents.
    fn mark_tables_of_contents(&mut self) {
        let n = self.lines.len();
        // The last line where each heading text occurs: one pass, so that the
        // check below stays linear.
        let mut last_seen: Option<HashMap<u64, usize>> = None;
        let mut i = 0;
        while i < n {
            if !matches!(self.kinds[i], Kind::Heading(Some(_))) {
                i += 1;
                continue;
            }
            let next_is_heading = self
                .next_nonblank(i)
                .is_some_and(|k| matches!(self.kinds[k], Kind::Heading(Some(_))));
            if !next_is_heading {
                i += 1;
                continue;
            }
            let mut run = vec![i];
            let first = normalized(self.content(i));
            let mut j = i + 1;
            while j < n {
                match &self.kinds[j] {
                    Kind::Blank => j += 1,
                    Kind::Heading(Some(m))
                        if !ends_sentence(self.content(j))
                            && char_len(self.content(j)) <= 40
                            && m.family != MarkerFamily::Article
                            && normalized(self.content(j)).ne(first.clone()) =>
                    {
                        run.push(j);
                        j += 1;
                    }
                    _ => break,
                }
            }
            if run.len() >= 3 {
                // Built on the first run only (most documents have none).
                // Keyed by a hash of the normalised text; a hit is checked on
                // the text itself, and a collision falls back to a scan.
                let seen = last_seen.get_or_insert_with(|| {
                    let mut m = HashMap::new();
                    for k in 0..n {
                        if matches!(self.kinds[k], Kind::Heading(Some(_))) {
                            m.insert(normalized_hash(self.content(k)), k);
                        }
                    }
                    m
                });
                let same = |k: usize| normalized(self.content(k)).eq(first.clone());
                let last = match seen.get(&normalized_hash(self.content(i))) {
                    Some(&k) if same(k) => Some(k),
                    Some(_) => (0..n)
                        .rev()
                        .find(|&k| matches!(self.kinds[k], Kind::Heading(Some(_))) && same(k)),
                    None => None,
                };
                let repeats = last.is_some_and(|k| k >= j);
                if repeats {
                    for &k in &run {
                        self.kinds[k] = Kind::Noise(NoiseKind::TableOfContents);
                    }
                }
            }
            i = j.max(i + 1);
        }
    }

    /// A document is hard-wrapped (PDF extraction) when many lines run on into the
    /// next line without a sentence end.
    fn measure_wrapping(&mut self) {
        let mut text_lines = 0usize;
        let mut run_on = 0usize;
        for i in 0..self.lines.len() {
            if !matches!(self.kinds[i], Kind::Body | Kind::Heading(_)) {
                continue;
            }
            text_lines += 1;
            let next_adjacent = i + 1 < self.lines.len() && !self.lines[i + 1].is_blank();
            if next_adjacent && !ends_sentence(self.content(i)) && char_len(self.content(i)) >= 15 {
                run_on += 1;
            }
        }
        self.wrapped = text_lines >= 10 && run_on * 4 > text_lines;
    }

    // ---- step 3: front matter ------------------------------------------

    fn title_like(&self, i: usize) -> bool {
        if !matches!(self.kinds[i], Kind::Body) {
            return false;
        }
        let c = self.content(i);
        let n = char_len(c);
        if !(1..=100).contains(&n) {
            return false;
        }
        if ends_sentence(c) || c.ends_with('，') || c.ends_with(',') {
            return false;
        }
        if n > 50 && (c.contains('，') || c.contains('。')) {
            return false;
        }
        if is_greeting(c) || element::is_date(c) || is_subtitle_pattern(c) {
            return false;
        }
        if element::is_attachment_note(c) && c.starts_with("附件") {
            return false;
        }
        true
    }

    /// Marks the lines of a title starting at `i`; returns the last title line.
    fn take_title(&mut self, i: usize) -> usize {
        self.kinds[i] = Kind::Title;
        let mut joined = self.content(i).to_string();
        let mut last = i;
        let mut count = 1;
        loop {
            if ends_title(&joined) || count >= 3 {
                break;
            }
            let j = match self.next_nonblank(last) {
                Some(j) if j - last <= 8 => j,
                _ => break,
            };
            if !self.title_like(j) {
                break;
            }
            let c = self.content(j);
            let n = char_len(c);
            let cont = unbalanced(&joined)
                || n <= 2
                || c.starts_with('》')
                || c.starts_with('）')
                || c.starts_with(')');
            if cont && j == last + 1 {
                self.kinds[j] = Kind::Continuation;
            } else if n <= 40 && !cont {
                // A second title line must look like a title, not a speaker.
                if n <= 6 && !ends_title(c) {
                    break;
                }
                self.kinds[j] = Kind::Title;
            } else {
                break;
            }
            joined.push_str(c);
            last = j;
            count += 1;
        }
        last
    }

    /// Lines from `i` that form one paragraph (joined across hard wraps).
    fn paragraph_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            if ends_sentence(self.content(j)) {
                return j;
            }
            // A line of zero-width characters between two halves of a sentence
            // (Wikisource) joins them.
            let k = if j + 2 < self.lines.len()
                && self.lines[j + 1].is_blank()
                && !self.lines[j + 1].is_empty_in(self.text)
            {
                j + 2
            } else {
                j + 1
            };
            if k < self.lines.len()
                && !self.lines[k].is_blank()
                && matches!(self.kinds[k], Kind::Body)
                && self.lines[k].page_prefix.is_none()
            {
                j = k;
            } else {
                return j;
            }
        }
    }

    fn joined(&self, from: usize, to: usize) -> String {
        (from..=to).map(|k| self.content(k)).collect()
    }

    /// Decides the front matter; returns the first line of the body.
    fn front_matter(&mut self) -> usize {
        let n = self.lines.len();
        let mut title: Option<(usize, usize)> = None; // first, last line
        let mut subtitles = 0usize;
        let mut decree = false;
        let mut i = 0;
        while i < n {
            match self.kinds[i] {
                Kind::Meta(_) if element::is_decree(self.content(i)) => {
                    self.kinds[i] = Kind::Meta(MetaKind::Decree);
                    decree = true;
                    i += 1;
                    continue;
                }
                Kind::Blank | Kind::Noise(_) | Kind::Meta(_) => {
                    i += 1;
                    continue;
                }
                // A line opening with a marker ends the front matter, unless a
                // 令 header is still open.
                Kind::Heading(_) if !decree => return i,
                _ => {}
            }
            let c = self.content(i);
            if element::is_decree(c) {
                self.kinds[i] = Kind::Meta(MetaKind::Decree);
                decree = true;
                i += 1;
                continue;
            }
            // `《某某办法》已经…通过，现予公布` opens the signatures of a 令 whose
            // header was the page title.
            if !decree && element::is_promulgation(c) {
                decree = true;
                i += 1;
                continue;
            }
            if decree {
                if element::is_decree_number(c) {
                    self.kinds[i] = Kind::Meta(MetaKind::Decree);
                } else if element::is_signatory(c) {
                    self.kinds[i] = Kind::Meta(MetaKind::Signature);
                } else if element::is_date(c) {
                    self.kinds[i] = Kind::Meta(MetaKind::Date);
                    decree = false;
                } else {
                    self.kinds[i] = Kind::Body;
                }
                i += 1;
                continue;
            }
            if element::is_issuer_mark(c) && title.is_none() {
                self.kinds[i] = Kind::Meta(MetaKind::IssuerMark);
                i += 1;
                continue;
            }
            match title {
                None => {
                    if self.title_like(i) {
                        let last = self.take_title(i);
                        title = Some((i, last));
                        i = last + 1;
                        continue;
                    }
                    return i;
                }
                Some((first, last)) => {
                    // A second copy of the title (the first was page chrome).
                    if self.title_like(i) {
                        let here = normalize(c);
                        let before = normalize(&self.joined_title(first, last));
                        let repeated = before.starts_with(&here)
                            || (here.chars().count() >= 6
                                && ends_title(&here)
                                && before.contains(&here));
                        if here.chars().count() >= 4 && repeated {
                            for k in first..=last {
                                if matches!(self.kinds[k], Kind::Title | Kind::Continuation) {
                                    self.kinds[k] = Kind::Noise(NoiseKind::RepeatedTitle);
                                }
                            }
                            let new_last = self.take_title(i);
                            title = Some((i, new_last));
                            i = new_last + 1;
                            continue;
                        }
                    }
                    if is_subtitle_pattern(c) {
                        self.kinds[i] = Kind::Subtitle;
                        i += 1;
                        continue;
                    }
                    // 主送机关: a paragraph ending with a colon, naming organs.
                    let end = self.paragraph_end(i).min(i + 8);
                    let para = self.joined(i, end);
                    if (para.ends_with('：') || para.ends_with(':'))
                        && !para.contains('。')
                        && !para.contains("如下")
                        && !is_greeting(&para)
                        && char_len(&para) <= 300
                        && names_an_organ(&para)
                    {
                        for k in i..=end {
                            self.kinds[k] = Kind::Meta(MetaKind::Addressee);
                        }
                        return end + 1;
                    }
                    // Speaker, office or date lines under the title.
                    subtitles += 1;
                    if char_len(c) <= 20
                        && !ends_sentence(c)
                        && !c.contains('，')
                        && end == i
                        && subtitles <= 12
                    {
                        self.kinds[i] = Kind::Subtitle;
                        i += 1;
                        continue;
                    }
                    return i;
                }
            }
        }
        n
    }

    fn joined_title(&self, first: usize, last: usize) -> String {
        (first..=last)
            .filter(|&k| matches!(self.kinds[k], Kind::Title | Kind::Continuation))
            .map(|k| self.content(k))
            .collect()
    }

    // ---- step 3: end matter --------------------------------------------

    /// Finds the lines that open an attachment (`附件` or `附件2：` alone, then a
    /// title) and marks them and their titles.
    fn find_attachments(&mut self, body_start: usize) {
        let n = self.lines.len();
        let mut i = body_start;
        while i < n {
            if matches!(self.kinds[i], Kind::Body) {
                let c = self.content(i);
                if element::is_attachment_note(c)
                    && c.starts_with("附件")
                    && attachment_rest(c).is_empty()
                {
                    if let Some(t) = self.next_nonblank(i) {
                        if self.title_like(t) && self.next_nonblank(t).is_some() {
                            self.kinds[i] = Kind::Meta(MetaKind::AttachmentNote);
                            self.attachments.push(i);
                            i = self.take_title(t) + 1;
                            continue;
                        }
                    }
                }
            }
            i += 1;
        }
    }

    /// Finds the end matter (署名, 成文日期, 附注, 抄送, 印发) that closes the
    /// lines `start..limit`; returns where it starts.
    fn end_matter(&mut self, start: usize, limit: usize) -> Option<usize> {
        let mut j = limit;
        let mut seen = 0;
        let mut date_at = None;
        while j > start {
            j -= 1;
            match &self.kinds[j] {
                Kind::Blank | Kind::Noise(_) => continue,
                Kind::Meta(MetaKind::Cc | MetaKind::Issued) => {
                    seen += 1;
                    continue;
                }
                _ => {}
            }
            let c = self.content(j);
            seen += 1;
            if seen > 6 {
                break;
            }
            if element::is_date(c) && matches!(self.kinds[j], Kind::Body | Kind::Meta(_)) {
                date_at = Some(j);
                break;
            }
            let parenthesised = (c.starts_with('（') || c.starts_with('('))
                && (c.ends_with('）') || c.ends_with(')'))
                && char_len(c) <= 40;
            if parenthesised && matches!(self.kinds[j], Kind::Body) {
                continue;
            }
            break;
        }
        let Some(d) = date_at else {
            // No date: a last line that only names organs, side by side
            // (`中国人民银行  国家发展改革委  公安部`), is still a joint signature.
            let last = (start..limit)
                .rev()
                .find(|&k| !matches!(self.kinds[k], Kind::Blank | Kind::Noise(_)))?;
            if matches!(self.kinds[last], Kind::Body) && names_organs(self.content(last)) {
                self.kinds[last] = Kind::Meta(MetaKind::Signature);
                return Some(last);
            }
            return None;
        };
        self.kinds[d] = Kind::Meta(MetaKind::Date);
        // Notes after the date.
        for k in d + 1..limit {
            if matches!(self.kinds[k], Kind::Body) {
                self.kinds[k] = Kind::Meta(MetaKind::Note);
            }
        }
        let mut first = d;
        let mut k = d;
        let mut count = 0;
        while let Some(p) = self.prev_nonblank(k) {
            if p < start || count >= 12 {
                break;
            }
            let c = self.content(p);
            let ok = matches!(self.kinds[p], Kind::Body)
                && char_len(c) <= 30
                && !ends_sentence(c)
                && !c.contains(['，', '。', '：', ':'])
                && !element::is_attachment_note(c);
            if !ok {
                break;
            }
            self.kinds[p] = Kind::Meta(MetaKind::Signature);
            first = p;
            k = p;
            count += 1;
        }
        Some(first)
    }

    // ---- step 4: body ---------------------------------------------------

    fn unnumbered_heading(&self, i: usize, seen_heading: bool) -> bool {
        let line = &self.lines[i];
        let c = self.content(i);
        let n = char_len(c);
        let strong = line.md_heading > 0 || (line.bold && !c.contains("**"));
        if !(2..=60).contains(&n) || (n > 30 && strong && c.contains('，')) {
            return false;
        }
        if ends_sentence(c)
            || c.ends_with('，')
            || c.ends_with('、')
            || c.ends_with(',')
            || c.contains('。')
            || c.contains('；')
            || c.contains('：')
            || c.contains(':')
            || c.contains('=')
            || c.contains('＝')
        {
            return false;
        }
        let caption = (c.starts_with('图') || c.starts_with('表'))
            && c.chars()
                .nth(1)
                .is_some_and(|d| d.is_ascii_digit() || d == ' ');
        // A line opening with 第一，/一是/首先 is an inline enumeration (body).
        let enumerates = enumeration::find_inline_markers(c)
            .first()
            .is_some_and(|m| m.span.start == 0 && m.family != EnumerationFamily::Circled);
        if caption
            || enumerates
            || starts_with_punct(c)
            || c.starts_with('—')
            || c.starts_with('-')
            || c.chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_digit() || ch.is_ascii_punctuation())
            || is_greeting(c)
            || element::is_date(c)
        {
            return false;
        }
        if self.wrapped && !strong {
            return false;
        }
        let Some(p) = self.prev_nonblank(i) else {
            return false;
        };
        let Some(nx) = self.next_nonblank(i) else {
            return false;
        };
        let prev_ok = match self.kinds[p] {
            Kind::Body => ends_sentence(self.content(p)) && !is_greeting(self.content(p)),
            _ => true,
        };
        // A sentence-like unnumbered heading (with commas) is a sub-heading: it
        // needs a heading before it.
        if (c.contains('，') || c.contains(',')) && !seen_heading {
            return false;
        }
        if !prev_ok || !matches!(self.kinds[nx], Kind::Body | Kind::Heading(Some(_))) {
            return false;
        }
        let next = self.content(nx);
        if starts_with_punct(next) || (char_len(next) < 6 && !ends_sentence(next)) {
            return false;
        }
        if strong {
            return true;
        }
        let blank_before = i > 0 && self.lines[i - 1].is_empty_in(self.text);
        let blank_after = i + 1 < self.lines.len() && self.lines[i + 1].is_empty_in(self.text);
        blank_before && blank_after && n <= 60
    }

    /// Decides the body lines `start..end` of one segment (the main document or
    /// an attachment). `seen_heading` carries over from earlier segments.
    fn body(&mut self, start: usize, end: usize, seen_heading: &mut bool) {
        let mut last_article = 0u32;
        // Decimal outlines: the last ordinal seen under each prefix (`2.1` → 3
        // after `2.1.3`), and every prefix the document's decimal markers use.
        let mut decimal_last: HashMap<String, u32> = HashMap::new();
        let mut decimal_prefixes: HashSet<String> = HashSet::new();
        for k in start..end {
            if let Kind::Heading(Some(m)) = &self.kinds[k] {
                if m.family.is_decimal() && m.family != MarkerFamily::Decimal1 {
                    let comps = decimal_components(&m.text);
                    for len in 1..comps.len() {
                        decimal_prefixes.insert(comps[..len].join("."));
                    }
                }
            }
        }
        let mut i = start;
        while i < end {
            if matches!(self.kinds[i], Kind::Heading(_)) {
                *seen_heading = true;
            }
            match self.kinds[i].clone() {
                Kind::Heading(Some(m)) => {
                    let c = self.content(i);
                    // A heading must not continue a hard-wrapped sentence.
                    let continues = i > 0
                        && !self.lines[i - 1].is_blank()
                        && matches!(self.kinds[i - 1], Kind::Body)
                        && !ends_sentence(self.content(i - 1))
                        && self.lines[i].page_prefix.is_none();
                    // A marker alone on its line (OCR, PDF): its title is the next line.
                    if c.len() == m.text.len()
                        && !m.family.is_regulation_unit()
                        && i + 1 < end
                        && !self.lines[i + 1].is_blank()
                        && matches!(self.kinds[i + 1], Kind::Body)
                        && char_len(self.content(i + 1)) <= 40
                    {
                        self.kinds[i + 1] = Kind::Continuation;
                    }
                    if m.family == MarkerFamily::Article {
                        // 条 run on through the text; one that continues a
                        // sentence (`…依照` / `第十二条的规定`) is a reference.
                        let expected = if continues {
                            last_article > 0 && m.ordinal == last_article + 1
                        } else {
                            m.ordinal == last_article + 1
                                || last_article == 0
                                || (m.ordinal > last_article && m.ordinal <= last_article + 3)
                        };
                        let spaced = c[m.text.len()..]
                            .chars()
                            .next()
                            .is_some_and(|ch| ch == '\u{3000}' || ch == ' ');
                        if expected || (spaced && !continues && m.ordinal > last_article) {
                            last_article = m.ordinal;
                        } else {
                            self.kinds[i] = Kind::Body;
                        }
                    } else if m.family.is_decimal() {
                        let comps = decimal_components(&m.text);
                        let ok = if m.family == MarkerFamily::Decimal1 {
                            decimal_prefixes.contains(&comps.join("."))
                                || (m.ordinal > 1
                                    && decimal_last.get("").copied() == Some(m.ordinal - 1))
                        } else {
                            let prefix = comps[..comps.len() - 1].join(".");
                            let last = decimal_last.get(&prefix).copied().unwrap_or(0);
                            (m.ordinal == 1 || m.ordinal == last + 1) && !continues
                        };
                        if ok {
                            let prefix = comps[..comps.len() - 1].join(".");
                            decimal_last.insert(prefix, m.ordinal);
                        } else {
                            self.kinds[i] = Kind::Body;
                        }
                    } else if continues
                        && matches!(
                            m.family,
                            MarkerFamily::ArabicDot | MarkerFamily::ArabicParen
                        )
                        && !matches!(
                            m.close.as_deref(),
                            Some(".") | Some("．") | Some("）") | None
                        )
                    {
                        self.kinds[i] = Kind::Body;
                    }
                }
                Kind::Body => {
                    let c = self.content(i);
                    if element::is_attachment_note(c) && c.starts_with("附件") {
                        self.kinds[i] = Kind::Meta(MetaKind::AttachmentNote);
                        // `附件：1．…` then `2．…` lines: one note.
                        let rest = attachment_rest(c);
                        if let Some(m) = parse_marker(rest) {
                            let mut expect = m.ordinal + 1;
                            let mut k = i;
                            while let Some(nx) = self.next_nonblank(k) {
                                if nx >= end || nx > k + 2 {
                                    break;
                                }
                                match &self.kinds[nx] {
                                    Kind::Heading(Some(m2))
                                        if m2.family == m.family && m2.ordinal == expect =>
                                    {
                                        self.kinds[nx] = Kind::Meta(MetaKind::AttachmentNote);
                                        expect += 1;
                                        k = nx;
                                    }
                                    _ => break,
                                }
                            }
                            i = k;
                        }
                    } else if self.unnumbered_heading(i, *seen_heading) {
                        self.kinds[i] = Kind::Heading(None);
                        *seen_heading = true;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    fn report_noise_and_truncation(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            if let Kind::Noise(k) = self.kinds[i] {
                if matches!(
                    k,
                    NoiseKind::WebChrome
                        | NoiseKind::Metadata
                        | NoiseKind::RepeatedTitle
                        | NoiseKind::License
                ) {
                    let start = i;
                    let mut j = i;
                    while j + 1 < n && matches!(self.kinds[j + 1], Kind::Noise(_) | Kind::Blank) {
                        j += 1;
                    }
                    while j > start && matches!(self.kinds[j], Kind::Blank) {
                        j -= 1;
                    }
                    self.diagnostics.push(Diagnostic {
                        rule: "W001".into(),
                        severity: Severity::Warning,
                        message: "文档前后夹带网页或元数据内容".into(),
                        message_en: "web page chrome or metadata around the document".into(),
                        span: Span::new(self.lines[start].start, self.lines[j].end),
                        fix: None,
                    });
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        // Truncation: the last line of text ends mid-sentence.
        if let Some(last) = (0..n)
            .rev()
            .find(|&k| matches!(self.kinds[k], Kind::Body | Kind::Heading(_)))
        {
            let c = self.content(last);
            let standalone_heading = matches!(self.kinds[last], Kind::Heading(_))
                && char_len(c) <= 40
                && !c
                    .trim_end_matches(['。', '！', '？'])
                    .contains(['。', '！', '？']);
            let after = (last + 1..n).any(|k| matches!(self.kinds[k], Kind::Meta(_) | Kind::Title));
            // A text that stops on a clause (；，、：) or without punctuation was cut.
            let open_end = !ends_sentence(c)
                || c.trim_end_matches(['”', '’', '）', ')', '*'])
                    .ends_with(['；', ';', '：', ':']);
            if open_end && !standalone_heading && !after && char_len(c) > 0 {
                let e = self.lines[last].content_end;
                self.diagnostics.push(Diagnostic {
                    rule: "W002".into(),
                    severity: Severity::Warning,
                    message: "文本在句中截断".into(),
                    message_en: "the text is truncated mid-sentence".into(),
                    span: Span::new(self.lines[last].content_start, e),
                    fix: None,
                });
            }
        }
    }

    // ---- step 5: depths and the tree -----------------------------------

    fn depths(&self) -> Vec<Option<u32>> {
        let n = self.lines.len();
        let mut out = vec![None; n];
        let mut bounds: Vec<usize> = vec![0];
        bounds.extend(self.attachments.iter().copied());
        bounds.push(n);
        for w in bounds.windows(2) {
            let mut idx = Vec::new();
            let mut facts = Vec::new();
            let mut paragraphs = 0usize;
            for i in w[0]..w[1] {
                match &self.kinds[i] {
                    Kind::Heading(m) => {
                        let key = match m {
                            Some(m) => LevelKey::Numbered(m.family),
                            None => LevelKey::Unnumbered {
                                sentence: self.content(i).contains('，')
                                    || self.content(i).contains(','),
                            },
                        };
                        facts.push(HeadingFacts {
                            key,
                            ordinal: m.as_ref().map_or(0, |m| m.ordinal),
                            paragraphs_before: paragraphs,
                        });
                        idx.push(i);
                        paragraphs = 0;
                    }
                    Kind::Body
                        if i == 0
                            || self.lines[i - 1].is_blank()
                            || ends_sentence(self.content(i - 1)) =>
                    {
                        paragraphs += 1;
                    }
                    _ => {}
                }
            }
            for (k, d) in hierarchy::assign_depths(&facts).into_iter().enumerate() {
                out[idx[k]] = Some(d);
            }
        }
        out
    }

    fn build(&self) -> Vec<Node> {
        let depths = self.depths();
        let mut b = Builder::default();
        let n = self.lines.len();
        // Lines that open an attachment or an end matter, as flags: a lookup per
        // line must not cost a scan of the lists.
        let mut opens_attachment = vec![false; n];
        for &a in &self.attachments {
            opens_attachment[a] = true;
        }
        let mut opens_end_matter = vec![false; n];
        for &e in &self.end_matters {
            opens_end_matter[e] = true;
        }
        let mut i = 0;
        while i < n {
            let line = &self.lines[i];
            if opens_attachment[i] {
                b.open_attachment(line.start);
            }
            if opens_end_matter[i] {
                b.close_sections();
            }
            match &self.kinds[i] {
                Kind::Blank => {
                    let mut j = i;
                    while j + 1 < n
                        && matches!(self.kinds[j + 1], Kind::Blank)
                        && !opens_attachment[j + 1]
                        && !opens_end_matter[j + 1]
                    {
                        j += 1;
                    }
                    b.leaf(Node::Blank(Blank {
                        span: Span::new(line.start, self.lines[j].next),
                    }));
                    i = j + 1;
                }
                Kind::Noise(k) => {
                    let mut j = i;
                    while j + 1 < n
                        && matches!(&self.kinds[j + 1], Kind::Noise(k2) if k2 == k)
                        && !opens_attachment[j + 1]
                    {
                        j += 1;
                    }
                    b.leaf(Node::Noise(Noise {
                        span: Span::new(line.start, self.lines[j].next),
                        kind: *k,
                    }));
                    i = j + 1;
                }
                Kind::Title => {
                    // Title lines, with blank lines between, up to a continuation.
                    let mut j = i;
                    let mut k = i + 1;
                    while k < n && matches!(self.kinds[k], Kind::Blank | Kind::Title) {
                        if matches!(self.kinds[k], Kind::Title) {
                            j = k;
                        }
                        k += 1;
                    }
                    let title_text: String = (i..=j)
                        .filter(|&x| matches!(self.kinds[x], Kind::Title))
                        .map(|x| self.content(x))
                        .chain(
                            (j + 1..n)
                                .take_while(|&x| {
                                    matches!(self.kinds[x], Kind::Continuation | Kind::Blank)
                                })
                                .filter(|&x| matches!(self.kinds[x], Kind::Continuation))
                                .map(|x| self.content(x)),
                        )
                        .collect();
                    b.leaf(Node::Title(Title {
                        span: Span::new(line.start, self.lines[j].next),
                        text: clean_text(&title_text),
                    }));
                    i = j + 1;
                }
                Kind::Continuation => {
                    b.leaf(Node::Continuation(Continuation {
                        span: Span::new(line.start, line.next),
                    }));
                    i += 1;
                }
                Kind::Subtitle => {
                    b.leaf(Node::Subtitle(Subtitle {
                        span: Span::new(line.start, line.next),
                        text: clean_text(self.content(i)),
                    }));
                    i += 1;
                }
                Kind::Meta(k) => {
                    let mut j = i;
                    // Multi-line addressees stay one element.
                    while *k == MetaKind::Addressee
                        && j + 1 < n
                        && matches!(self.kinds[j + 1], Kind::Meta(MetaKind::Addressee))
                    {
                        j += 1;
                    }
                    let start = self.emit_page_prefix(&mut b, i);
                    let t: String = (i..=j).map(|x| self.content(x)).collect();
                    b.leaf(Node::Meta(Meta {
                        span: Span::new(start, self.lines[j].next),
                        kind: *k,
                        text: clean_text(&t),
                    }));
                    i = j + 1;
                }
                Kind::Heading(m) => {
                    let depth = depths[i].unwrap_or(1);
                    let start = self.emit_page_prefix(&mut b, i);
                    let (heading, rest) = self.heading_node(i, start, m.as_deref(), depth);
                    b.open_section(depth, heading);
                    match rest {
                        Some(rest_start) => {
                            let last = self.paragraph_end(i);
                            b.leaf(self.paragraph(rest_start, last));
                            i = last + 1;
                        }
                        // A marker alone on its line takes its title from the next.
                        None if i + 1 < n && matches!(self.kinds[i + 1], Kind::Continuation) => {
                            i += 2;
                        }
                        None => i += 1,
                    }
                }
                Kind::Body => {
                    let start = self.emit_page_prefix(&mut b, i);
                    let last = self.paragraph_end(i);
                    b.leaf(self.paragraph(start, last));
                    i = last + 1;
                }
            }
        }
        b.finish()
    }

    /// Emits a glued page number as noise; returns where the line's own node starts.
    fn emit_page_prefix(&self, b: &mut Builder, i: usize) -> usize {
        let line = &self.lines[i];
        match line.page_prefix {
            Some((_, e)) => {
                b.leaf(Node::Noise(Noise {
                    span: Span::new(line.start, e),
                    kind: NoiseKind::PageNumber,
                }));
                e
            }
            None => line.start,
        }
    }

    fn paragraph(&self, start: usize, last: usize) -> Node {
        let end = self.lines[last].next;
        let content_end = self.lines[last].content_end.max(start);
        let span = Span::new(start, end);
        let markers = enumeration::find_inline_markers(&self.text[start..content_end]);
        let children = enumeration::enumerate_markers(span, content_end, &markers);
        if let Some(kept) = &self.paragraph_markers {
            kept.borrow_mut().push((start, markers));
        }
        Node::Paragraph(Paragraph { span, children })
    }

    /// The heading node for line `i`, and where a run-in paragraph starts.
    fn heading_node(
        &self,
        i: usize,
        start: usize,
        marker: Option<&Marker>,
        depth: u32,
    ) -> (Node, Option<usize>) {
        let line = &self.lines[i];
        let text = self.text;
        let cs = line.content_start;
        let ce = line.content_end;
        let after_marker = match marker {
            Some(m) => m.span.end,
            None => cs,
        };
        // Skip separators after the marker: spaces, and a colon or 、 after 第X条.
        let mut title_start = after_marker;
        while title_start < ce {
            let ch = text[title_start..ce].chars().next().unwrap_or(' ');
            if is_space(ch) || ch == '*' {
                title_start += ch.len_utf8();
            } else {
                break;
            }
        }
        let is_article = marker.is_some_and(|m| m.family == MarkerFamily::Article);
        // Run-in: the heading ends at its first sentence end when text follows.
        let split = if is_article {
            (title_start < ce).then_some(title_start)
        } else {
            let body = &text[title_start..ce];
            let mut prev = ' ';
            body.char_indices()
                .find(|&(k, ch)| {
                    let stop = matches!(ch, '。' | '！' | '？')
                        || (ch == '.'
                            && !prev.is_ascii_alphanumeric()
                            && body[k + 1..].chars().next().is_some_and(|n| !n.is_ascii()));
                    prev = ch;
                    stop
                })
                .map(|(k, ch)| title_start + k + ch.len_utf8())
                .filter(|&k| {
                    let rest = text[k..ce].trim_matches(|c: char| is_space(c) || c == '*');
                    !rest.is_empty()
                })
        };
        let (title, heading_end, rest) = match split {
            Some(k) if is_article => (Span::new(after_marker, after_marker), k, Some(k)),
            Some(k) => (Span::new(title_start, k), k, Some(k)),
            None if title_start >= ce
                && i + 1 < self.lines.len()
                && matches!(self.kinds[i + 1], Kind::Continuation) =>
            {
                let next = &self.lines[i + 1];
                (
                    Span::new(next.content_start, next.content_end),
                    next.next,
                    None,
                )
            }
            None => (Span::new(title_start.min(ce), ce), line.next, None),
        };
        let node = Node::Heading(Heading {
            span: Span::new(start, heading_end),
            depth,
            level: marker.and_then(|m| m.family.canonical_level()),
            marker: marker.cloned().map(Box::new),
            title,
            run_in: rest.is_some(),
        });
        (node, rest)
    }
}

/// Whether a line is two or more organ names separated by white space,
/// possibly followed by the date.
fn names_organs(c: &str) -> bool {
    let mut names: Vec<&str> = c
        .split(|ch: char| is_space(ch))
        .filter(|t| !t.is_empty())
        .collect();
    // The date may close the same line: `中国人民银行  公安部  2026年2月6日`.
    if names.last().is_some_and(|t| element::is_date(t)) {
        names.pop();
    }
    names.len() >= 2
        && names.iter().all(|t| {
            let n = char_len(t);
            (2..=14).contains(&n)
                && ORGAN_SUFFIXES.iter().any(|s| t.ends_with(s))
                && !t.contains(['，', '。', '、'])
        })
}

/// The components of a decimal outline marker: `2.1.3` → ["2", "1", "3"].
fn decimal_components(text: &str) -> Vec<&str> {
    text.split(['.', '．']).filter(|c| !c.is_empty()).collect()
}

/// What follows `附件`, its number and its colon.
fn attachment_rest(c: &str) -> &str {
    c.trim_start_matches("附件")
        .trim_start_matches(|ch: char| {
            ch.is_ascii_digit()
                || is_space(ch)
                || "０１２３４５６７８９一二三四五六七八九十".contains(ch)
        })
        .trim_start_matches(['：', ':'])
        .trim()
}

/// Title text without markup, indentation and inner white space runs.
fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '#') || (is_space(c) && c != ' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Builds the tree with an explicit stack of open sections and attachments.
#[derive(Default)]
struct Builder {
    root: Vec<Node>,
    stack: Vec<Node>,
}

impl Builder {
    fn leaf(&mut self, node: Node) {
        // Empty leaves add nothing to the tiling (empty input makes one).
        if node.span().is_empty() && node.children().is_empty() {
            return;
        }
        match self.stack.last_mut().and_then(Node::children_mut) {
            Some(children) => children.push(node),
            None => self.root.push(node),
        }
    }

    fn close_top(&mut self) {
        if let Some(mut node) = self.stack.pop() {
            let end = node.children().last().map(|c| c.span().end);
            if let Some(end) = end {
                node.set_span_end(end);
            }
            self.leaf(node);
        }
    }

    fn close_sections(&mut self) {
        while matches!(self.stack.last(), Some(Node::Section(_))) {
            self.close_top();
        }
    }

    fn open_section(&mut self, depth: u32, heading: Node) {
        while matches!(self.stack.last(), Some(Node::Section(Section { depth: d, .. })) if *d >= depth)
        {
            self.close_top();
        }
        let span = heading.span();
        self.stack.push(Node::Section(Section {
            span,
            depth,
            children: vec![heading],
        }));
    }

    fn open_attachment(&mut self, start: usize) {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.stack.push(Node::Attachment(Attachment {
            span: Span::new(start, start),
            children: Vec::new(),
        }));
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (type, first line text) of every node, depth-first, without blanks.
    fn outline(text: &str) -> Vec<(String, String)> {
        let doc = parse(text);
        doc.walk()
            .map(|(_, n)| n)
            .filter(|n| !matches!(n, Node::Blank(_) | Node::Section(_)))
            .map(|n| {
                let t = &text[n.span().range()];
                (
                    n.type_name().to_string(),
                    t.lines().next().unwrap_or("").trim().to_string(),
                )
            })
            .collect()
    }

    fn headings(text: &str) -> Vec<(u32, String)> {
        let doc = parse(text);
        doc.headings()
            .map(|h| {
                (
                    h.depth,
                    text[h.span.range()]
                        .lines()
                        .next()
                        .unwrap()
                        .trim()
                        .to_string(),
                )
            })
            .collect()
    }

    fn meta_kinds(doc: &Document) -> Vec<MetaKind> {
        doc.walk()
            .filter_map(|(_, n)| match n {
                Node::Meta(Meta { kind, .. }) => Some(*kind),
                _ => None,
            })
            .collect()
    }

    fn types(text: &str) -> Vec<String> {
        outline(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn should_treat_quantities_and_dates_at_a_line_start_as_body() {
        assert!(
            headings(
                "一、总则\n3.5倍的增长来自投资。\n11.5.14 会议纪要另行印发。\n2024年工作回顾。\n"
            )
            .len()
                == 1
        );
    }

    #[test]
    fn should_split_a_run_in_heading_at_its_first_sentence() {
        let text = "（一）坚持人民至上。要把人民放在心中最高位置。\n";
        let doc = parse(text);
        let h = doc.headings().next().unwrap();
        assert!(h.run_in, "should mark the heading run-in");
        assert_eq!(&text[h.title.range()], "坚持人民至上。");
        assert_eq!(types(text), ["heading", "paragraph"]);
    }

    #[test]
    fn should_nest_by_the_documents_own_levels() {
        let text =
            "一、总体要求\n1.指导思想\n2.基本原则\n二、主要任务\n（一）加强领导\n1.明确责任\n";
        let depths: Vec<u32> = headings(text).into_iter().map(|(d, _)| d).collect();
        assert_eq!(depths, [1, 2, 2, 1, 2, 3]);
    }

    #[test]
    fn should_take_a_lone_markers_title_from_the_next_line() {
        let h = headings("一、\n总体要求\n\n（一）\n指导思想\n正文。\n");
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn should_treat_a_table_of_contents_as_noise() {
        let text = "第一章 总则\n第二章 管理\n第三章 附则\n\n第一章 总则\n第一条 目的。\n第二章 管理\n第二条 管理。\n第三章 附则\n第三条 施行。\n";
        let o = outline(text);
        assert_eq!(
            o[0].0, "noise",
            "the run of chapters before the text is a table of contents"
        );
        assert_eq!(headings(text).len(), 6);
    }

    #[test]
    fn should_treat_a_copy_of_the_title_before_chrome_as_noise() {
        let text = "关于加强管理的通知\n来源：某某网 发布时间：2024-01-02 10:00\n\n关于加强管理的通知\n\n各单位：\n\n一、总则\n";
        let o = outline(text);
        assert_eq!(o[0], ("noise".into(), "关于加强管理的通知".into()));
        assert!(o.contains(&("title".into(), "关于加强管理的通知".into())));
        assert!(o.contains(&("meta".into(), "各单位：".into())));
    }

    #[test]
    fn should_read_a_decree_header_before_the_title() {
        let text = "中华人民共和国国务院令\n第768号\n《某某条例》已经国务院常务会议通过，现予公布。\n总理　李强\n2023年12月9日\n\n某某条例\n\n第一章　总则\n第一条　目的。\n";
        let doc = parse(text);
        assert_eq!(
            meta_kinds(&doc),
            [
                MetaKind::Decree,
                MetaKind::Decree,
                MetaKind::Signature,
                MetaKind::Date
            ]
        );
        assert_eq!(doc.title_text(), Some("某某条例"));
    }

    #[test]
    fn should_keep_a_hard_wrapped_addressee_as_one_element_and_not_a_greeting() {
        let text = "关于加强管理的通知\n\n各省、自治区、直辖市人民政府，国务院各部委、\n各直属机构：\n\n正文。\n";
        let o = outline(text);
        assert_eq!(o[1].0, "meta");
        let speech = "在会议上的讲话\n\n同志们：\n\n今天开会。\n";
        assert_eq!(types(speech), ["title", "paragraph", "paragraph"]);
    }

    #[test]
    fn should_read_signature_date_and_cc_at_the_end() {
        let text = "关于加强管理的通知\n\n各单位：\n\n请遵照执行。\n\n某某市人民政府\n2024年9月30日\n\n抄送：市委办公室。\n";
        assert_eq!(
            types(text),
            ["title", "meta", "paragraph", "meta", "meta", "meta"]
        );
    }

    #[test]
    fn should_not_read_an_attachment_note_as_a_signature() {
        let text = "关于开展检查的通知\n\n各单位：\n\n请遵照执行。\n\n附件：1．检查表\n\n某某局\n2024年9月30日\n";
        let doc = parse(text);
        assert_eq!(
            meta_kinds(&doc),
            [
                MetaKind::Addressee,
                MetaKind::AttachmentNote,
                MetaKind::Signature,
                MetaKind::Date
            ]
        );
    }

    #[test]
    fn should_read_an_article_reference_split_onto_its_own_line_as_body() {
        let text = "关于加强管理的报告\n\n正文中提到，根据\n第十二条\n的规定，应当加强管理。\n";
        assert!(headings(text).is_empty());
    }

    #[test]
    fn should_read_organs_side_by_side_as_a_joint_signature() {
        let text = "关于防范风险的通知\n\n各单位：\n\n本通知自发布之日起施行。\n\n中国人民银行  公安部  国家外汇局  2026年2月6日\n";
        let doc = parse(text);
        assert_eq!(meta_kinds(&doc), [MetaKind::Addressee, MetaKind::Signature]);
        assert!(
            doc.diagnostics.is_empty(),
            "a signed document is not truncated"
        );
    }

    #[test]
    fn should_restart_depths_in_an_attachment() {
        let text = "关于印发方案的通知\n\n各单位：\n\n一、总则\n（一）目的\n\n附件\n\n某某方案\n\n一、目标\n正文。\n";
        let h = headings(text);
        assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2, 1]);
        let doc = parse(text);
        assert!(doc
            .children
            .iter()
            .any(|n| matches!(n, Node::Attachment(_))));
    }

    #[test]
    fn should_join_hard_wrapped_lines_into_one_paragraph() {
        let text = "一、总则\n今年以来，在县委的坚强领导下，我局认真贯彻落实\n各项决策部署，取得了明显成效。\n";
        assert_eq!(types(text), ["heading", "paragraph"]);
    }

    #[test]
    fn should_find_unnumbered_section_headings_in_a_report() {
        let text = "各位代表：\n\n现在，我代表政府作报告。\n\n过去五年的回顾\n\n五年来，我们取得了很大成就，各项事业全面发展。\n\n今后的主要任务\n\n今后五年，要继续推进改革开放，加快发展。\n";
        let h = headings(text);
        assert_eq!(
            h,
            [
                (1, "过去五年的回顾".to_string()),
                (1, "今后的主要任务".to_string())
            ]
        );
    }

    #[test]
    fn should_take_a_title_ending_in_men_as_the_title_not_a_greeting() {
        let text = "致新时代的建设者们\n\n同志们：\n\n今天我们在这里集会。\n";
        let doc = parse(text);
        assert_eq!(doc.title_text(), Some("致新时代的建设者们"));
        assert_eq!(types(text), ["title", "paragraph", "paragraph"]);
    }

    #[test]
    fn should_not_read_a_list_of_numerals_as_a_marker() {
        assert!(headings("一、二、三级医院要加强管理。\n").is_empty());
    }

    #[test]
    fn should_accept_every_line_ending_and_a_bom() {
        for text in [
            "\u{FEFF}一、总则\r\n正文。\r\n",
            "一、总则\r正文。\r",
            "一、总则\n正文。",
        ] {
            let doc = parse(text);
            assert_eq!(doc.headings().count(), 1, "{text:?}");
            let covered: usize = doc.leaves().map(|n| n.span().len()).sum();
            assert_eq!(covered, text.len());
        }
    }

    #[test]
    fn should_parse_empty_and_blank_input() {
        assert!(parse("").children.is_empty());
        let doc = parse(" \n\u{3000}\n\u{200B}\n");
        assert_eq!(types(" \n\u{3000}\n\u{200B}\n"), Vec::<String>::new());
        assert_eq!(
            doc.leaves().map(|n| n.span().len()).sum::<usize>(),
            " \n\u{3000}\n\u{200B}\n".len()
        );
    }

    #[test]
    fn should_read_meeting_record_fields() {
        let text = "支部委员会会议记录\n\n时间：2024年8月7日\n地点：会议室\n主持人：李四\n\n一、学习文件\n";
        let doc = parse(text);
        let fields = doc
            .walk()
            .filter(|(_, n)| {
                matches!(
                    n,
                    Node::Meta(Meta {
                        kind: MetaKind::Field,
                        ..
                    })
                )
            })
            .count();
        assert_eq!(fields, 3);
    }
}
