//! `word/numbering.xml` and the counters: which label Word shows before a
//! numbered paragraph.
//!
//! A paragraph names a numbering instance (`w:num`, by `w:numId`) and a level
//! (`w:ilvl`); the instance points at an abstract definition (`w:abstractNum`)
//! whose levels (`w:lvl`) give the start value, the number format, the level
//! text (`%1、`, `（%2）`, `第%1条`, `%1.%2`), the suffix and when the level
//! restarts. Counters belong to the abstract definition, so instances that
//! share one continue each other's numbering, as in Word; an instance's
//! `w:lvlOverride/w:startOverride` restarts its level at the first paragraph
//! that uses the instance.

use std::collections::{HashMap, HashSet};

use super::numfmt::format_number;
use super::styles::{clamp_level, Styles};
use super::xml::{attr, attr_u32, on_off, Ev, Xml};
use super::DocxError;

/// Levels of a definition (`w:ilvl` 0–8).
const LEVELS: usize = 9;
/// Longest label kept (a level text is short; a hostile one is cut here).
const MAX_LABEL_BYTES: usize = 256;
/// Hops followed through `w:numStyleLink` (numbering styles).
const MAX_LINKS: usize = 4;

/// What follows the label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

impl Suffix {
    pub(super) fn text(self) -> &'static str {
        match self {
            Suffix::Tab => "\t",
            Suffix::Space => " ",
            Suffix::Nothing => "",
        }
    }
}

/// One level of a definition.
#[derive(Clone, Debug, Default)]
pub(super) struct Level {
    /// `w:start` (the standard's default is 0).
    start: u32,
    format: String,
    text: Option<String>,
    /// `w:lvlRestart`: restart after this (1-based) level; 0 = never.
    restart: Option<u32>,
    legal: bool,
    suffix: Suffix,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels live in the definition of this numbering style.
    num_style_link: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: u32,
    start_override: [Option<u32>; LEVELS],
    level_override: [Option<Level>; LEVELS],
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
}

/// A label to show: its text, what follows it, the format of its own level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Label {
    pub(super) text: String,
    pub(super) suffix: Suffix,
    pub(super) format: String,
    /// The level (`w:ilvl`, 0-based) the paragraph was numbered at.
    pub(super) level: u8,
}

/// Where a `w:lvl` element being read goes.
enum LevelSlot {
    Abstract(u32, usize),
    Override(u32, usize),
}

impl Numbering {
    pub(super) fn parse(text: &str, part: &str, max_depth: usize) -> Result<Numbering, DocxError> {
        let mut xml = Xml::new(text, part, max_depth);
        let mut n = Numbering::default();
        let mut abstract_id: Option<u32> = None;
        let mut num_id: Option<u32> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(LevelSlot, Level, usize)> = None;
        loop {
            let e = match xml.next()? {
                Ev::Open(e) => e,
                Ev::Close(name) => {
                    if level.as_ref().is_some_and(|l| xml.depth() < l.2) {
                        let (slot, lvl, _) = level.take().expect("checked above");
                        match slot {
                            LevelSlot::Abstract(a, i) => {
                                let slot = &mut n.abstracts.entry(a).or_default().levels[i];
                                slot.get_or_insert(lvl);
                            }
                            LevelSlot::Override(m, i) => {
                                n.nums.entry(m).or_default().level_override[i] = Some(lvl);
                            }
                        }
                    }
                    match name.as_slice() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ev::Text(_) => continue,
                Ev::Eof => break,
            };
            let local = e.local_name();
            match local.as_ref() {
                b"abstractNum" => {
                    abstract_id = attr_u32(&e, b"abstractNumId");
                    if let Some(a) = abstract_id {
                        n.abstracts.entry(a).or_default();
                    }
                }
                b"num" => {
                    num_id = attr_u32(&e, b"numId");
                    if let Some(m) = num_id {
                        n.nums.entry(m).or_default();
                    }
                }
                b"abstractNumId" if level.is_none() => {
                    if let (Some(m), Some(a)) = (num_id, attr_u32(&e, b"val")) {
                        n.nums.entry(m).or_default().abstract_id = a;
                    }
                }
                b"numStyleLink" => {
                    if let Some(a) = abstract_id {
                        n.abstracts.entry(a).or_default().num_style_link = attr(&e, b"val");
                    }
                }
                b"lvlOverride" => {
                    override_level = attr_u32(&e, b"ilvl").map(|v| usize::from(clamp_level(v)))
                }
                b"startOverride" => {
                    if let (Some(m), Some(i), Some(v)) =
                        (num_id, override_level, attr_u32(&e, b"val"))
                    {
                        n.nums.entry(m).or_default().start_override[i] = Some(v);
                    }
                }
                b"lvl" => {
                    let i = usize::from(clamp_level(attr_u32(&e, b"ilvl").unwrap_or(0)));
                    let slot = match (abstract_id, num_id, override_level) {
                        (Some(a), _, _) => LevelSlot::Abstract(a, i),
                        (None, Some(m), Some(o)) => LevelSlot::Override(m, o),
                        _ => {
                            xml.skip()?;
                            continue;
                        }
                    };
                    level = Some((slot, Level::default(), xml.depth()));
                }
                // Properties of the label's paragraph and font: nothing to read.
                b"pPr" | b"rPr" if level.is_some() => xml.skip()?,
                name => {
                    let Some((_, lvl, _)) = level.as_mut() else {
                        continue;
                    };
                    match name {
                        b"start" => lvl.start = attr_u32(&e, b"val").unwrap_or(0),
                        b"numFmt" => lvl.format = attr(&e, b"val").unwrap_or_default(),
                        b"lvlText" => lvl.text = attr(&e, b"val"),
                        b"lvlRestart" => lvl.restart = attr_u32(&e, b"val"),
                        b"isLgl" => lvl.legal = on_off(&e),
                        b"pStyle" => lvl.style = attr(&e, b"val"),
                        b"suff" => {
                            lvl.suffix = match attr(&e, b"val").as_deref() {
                                Some("space") => Suffix::Space,
                                Some("nothing") => Suffix::Nothing,
                                _ => Suffix::Tab,
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        Ok(n)
    }

    /// The abstract definition an instance uses, following numbering-style
    /// links (`w:numStyleLink` → the style's `w:numId` → its definition).
    fn abstract_of(&self, num_id: u32, styles: &Styles) -> Option<u32> {
        let mut a = self.nums.get(&num_id)?.abstract_id;
        for _ in 0..MAX_LINKS {
            let Some(link) = self.abstracts.get(&a)?.num_style_link.as_deref() else {
                return Some(a);
            };
            let (Some(linked), _) = styles.numbering(Some(link)) else {
                return Some(a);
            };
            a = self.nums.get(&linked)?.abstract_id;
        }
        Some(a)
    }

    fn level(&self, num_id: u32, a: u32, i: usize) -> Option<&Level> {
        let over = self
            .nums
            .get(&num_id)
            .and_then(|n| n.level_override[i].as_ref());
        over.or_else(|| self.abstracts.get(&a)?.levels[i].as_ref())
    }

    /// The level of definition `a` linked to paragraph style `style`.
    fn level_of_style(&self, a: u32, style: &str) -> Option<u8> {
        let abs = self.abstracts.get(&a)?;
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            .map(|i| i as u8)
    }
}

/// Counters of one part (the body and its notes share one; each header and
/// footer has its own).
#[derive(Debug, Default)]
pub(super) struct Counters {
    values: HashMap<u32, [Option<u32>; LEVELS]>,
    used: HashSet<u32>,
}

impl Counters {
    /// Advances the counters for a paragraph numbered with instance `num_id`
    /// at level `ilvl` (`None`: the level linked to `style`, else 0) and
    /// returns its label, or `None` when the numbering refers to nothing.
    pub(super) fn next(
        &mut self,
        defs: &Numbering,
        styles: &Styles,
        num_id: u32,
        ilvl: Option<u8>,
        style: Option<&str>,
    ) -> Option<Label> {
        if num_id == 0 {
            return None; // numId 0 removes numbering inherited from a style
        }
        let a = defs.abstract_of(num_id, styles)?;
        let i = usize::from(
            ilvl.or_else(|| style.and_then(|s| defs.level_of_style(a, s)))
                .unwrap_or(0)
                .min(8),
        );
        let level = defs.level(num_id, a, i)?;
        let num = defs.nums.get(&num_id)?;
        let start = |k: usize| {
            num.start_override[k]
                .or_else(|| defs.level(num_id, a, k).map(|l| l.start))
                .unwrap_or(0)
        };
        let values = self.values.entry(a).or_default();
        if self.used.insert(num_id) {
            for (k, v) in values.iter_mut().enumerate() {
                if num.start_override[k].is_some() {
                    *v = None;
                }
            }
        }
        values[i] = Some(match values[i] {
            Some(v) => v.saturating_add(1),
            None => start(i),
        });
        for (d, v) in values.iter_mut().enumerate().skip(i + 1) {
            let restart = defs.level(num_id, a, d).and_then(|l| l.restart);
            // Level d restarts after a level at or above `restart` (1-based)
            // is used; by default after any level above it; 0 means never.
            let restarts = match restart {
                Some(0) => false,
                Some(r) => (i as u32) < r,
                None => true,
            };
            if restarts {
                *v = None;
            }
        }
        let values = *values;
        let text = match level.format.as_str() {
            "bullet" => bullet(level.text.as_deref().unwrap_or("")),
            _ => render(level, |k| {
                let value = values[k].unwrap_or_else(|| start(k));
                let format = if level.legal {
                    "decimal"
                } else {
                    defs.level(num_id, a, k)
                        .map_or("decimal", |l| l.format.as_str())
                };
                format_number(value, format)
            }),
        };
        Some(Label {
            text,
            suffix: level.suffix,
            format: level.format.clone(),
            level: i as u8,
        })
    }
}

/// The level text with each `%N` replaced by level N's number.
fn render(level: &Level, number: impl Fn(usize) -> String) -> String {
    let template = level.text.as_deref().unwrap_or("");
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() > MAX_LABEL_BYTES {
            break;
        }
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if (1..=9).contains(&d) {
                    out.push_str(&number(d as usize - 1));
                }
                continue;
            }
        }
        out.push(c);
    }
    cut(out)
}

/// A bullet's level text, with the private-use characters of the Symbol and
/// Wingdings fonts read as the bullets they show.
fn bullet(text: &str) -> String {
    let shown: String = text
        .chars()
        .map(|c| match c {
            '\u{F0B7}' | '\u{F09F}' => '•',
            '\u{F0A7}' | '\u{F06E}' => '▪',
            '\u{F0D8}' => '➢',
            '\u{F0FC}' => '✓',
            '\u{F076}' => '❖',
            '\u{F06C}' => '●',
            '\u{F0A8}' => '□',
            c if ('\u{F000}'..='\u{F0FF}').contains(&c) => '•',
            c => c,
        })
        .collect();
    cut(shown)
}

fn cut(mut s: String) -> String {
    if s.len() > MAX_LABEL_BYTES {
        let mut end = MAX_LABEL_BYTES;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}
