//! `word/styles.xml`: paragraph styles, their `basedOn` chains, the numbering
//! and outline level they carry, and what their names say (Title, Heading N,
//! 标题 N).

use std::collections::HashMap;

use super::xml::{attr, attr_u32, Ev, Xml};
use super::{DocxError, Evidence};

/// Longest `basedOn` chain followed (Word itself refuses cycles; a hostile
/// file may not).
const MAX_CHAIN: usize = 32;

/// One style.
#[derive(Clone, Debug, Default)]
pub(super) struct Style {
    pub(super) name: Option<String>,
    based_on: Option<String>,
    /// `w:numPr/w:numId`.
    pub(super) num_id: Option<u32>,
    /// `w:numPr/w:ilvl`.
    pub(super) ilvl: Option<u8>,
    /// `w:outlineLvl` (0 = level 1; 9 = body text).
    outline: Option<u8>,
}

/// The styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The paragraph style used when a paragraph names none.
    pub(super) default_paragraph: Option<String>,
}

impl Styles {
    pub(super) fn parse(text: &str, part: &str, max_depth: usize) -> Result<Styles, DocxError> {
        let mut xml = Xml::new(text, part, max_depth);
        let mut styles = Styles::default();
        // The style being read and the depth of its element.
        let mut current: Option<(String, Style, usize)> = None;
        loop {
            match xml.next()? {
                Ev::Open(e) => {
                    let name = e.local_name();
                    let name = name.as_ref();
                    if name == b"style" {
                        let id = attr(&e, b"styleId").unwrap_or_default();
                        if attr(&e, b"default").is_some_and(|v| v == "1" || v == "true")
                            && attr(&e, b"type").as_deref() == Some("paragraph")
                        {
                            styles.default_paragraph = Some(id.clone());
                        }
                        current = Some((id, Style::default(), xml.depth()));
                        continue;
                    }
                    let Some((_, style, _)) = current.as_mut() else {
                        continue;
                    };
                    match name {
                        // Tracked changes of properties hold the old values.
                        b"pPrChange" | b"rPrChange" | b"rPr" | b"tblPr" | b"trPr" | b"tcPr" => {
                            xml.skip()?
                        }
                        b"name" => style.name = attr(&e, b"val"),
                        b"basedOn" => style.based_on = attr(&e, b"val"),
                        b"numId" => style.num_id = attr_u32(&e, b"val"),
                        b"ilvl" => style.ilvl = attr_u32(&e, b"val").map(clamp_level),
                        b"outlineLvl" => {
                            style.outline = attr_u32(&e, b"val").map(|v| v.min(9) as u8)
                        }
                        _ => {}
                    }
                }
                Ev::Close(_) => {
                    if current.as_ref().is_some_and(|c| xml.depth() < c.2) {
                        let (id, style, _) = current.take().expect("checked above");
                        styles.by_id.entry(id).or_insert(style);
                    }
                }
                Ev::Text(_) => {}
                Ev::Eof => break,
            }
        }
        Ok(styles)
    }

    /// The style and the styles it is based on, nearest first (bounded, and
    /// stopping at a cycle).
    pub(super) fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = id;
        let mut seen: Vec<&str> = Vec::new();
        std::iter::from_fn(move || {
            let id = next?;
            if seen.len() >= MAX_CHAIN || seen.contains(&id) {
                return None;
            }
            seen.push(id);
            let style = self.by_id.get(id)?;
            next = style.based_on.as_deref();
            Some(style)
        })
    }

    /// The style's display name.
    pub(super) fn name(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).and_then(|s| s.name.as_deref())
    }

    /// The numbering a style gives its paragraphs: `(numId, ilvl)`, each from
    /// the nearest style in the chain that sets it.
    pub(super) fn numbering(&self, id: Option<&str>) -> (Option<u32>, Option<u8>) {
        let mut num = None;
        let mut ilvl = None;
        for s in self.chain(id) {
            num = num.or(s.num_id);
            ilvl = ilvl.or(s.ilvl);
        }
        (num, ilvl)
    }

    /// What a paragraph's style and outline level say about it.
    pub(super) fn evidence(&self, id: Option<&str>, direct_outline: Option<u8>) -> Evidence {
        for s in self.chain(id) {
            if let Some(e) = s.name.as_deref().and_then(evidence_of_name) {
                return e;
            }
        }
        let outline = direct_outline.or_else(|| self.chain(id).find_map(|s| s.outline));
        match outline {
            Some(l) if l < 9 => Evidence::Heading(l + 1),
            _ => Evidence::Body,
        }
    }
}

pub(super) fn clamp_level(v: u32) -> u8 {
    v.min(8) as u8
}

/// `Title`, `Subtitle`, `heading 3`, `Heading3`, `标题 2`, `标题2`, `副标题`.
fn evidence_of_name(name: &str) -> Option<Evidence> {
    let n = name.trim().to_lowercase();
    match n.as_str() {
        "title" | "标题" => return Some(Evidence::Title),
        "subtitle" | "副标题" => return Some(Evidence::Subtitle),
        _ => {}
    }
    let rest = n
        .strip_prefix("heading")
        .or_else(|| n.strip_prefix("标题"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(Evidence::Heading(level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_give_evidence() {
        assert_eq!(evidence_of_name("Title"), Some(Evidence::Title));
        assert_eq!(evidence_of_name("heading 3"), Some(Evidence::Heading(3)));
        assert_eq!(evidence_of_name("Heading 1"), Some(Evidence::Heading(1)));
        assert_eq!(evidence_of_name("标题 2"), Some(Evidence::Heading(2)));
        assert_eq!(evidence_of_name("标题"), Some(Evidence::Title));
        assert_eq!(evidence_of_name("副标题"), Some(Evidence::Subtitle));
        assert_eq!(evidence_of_name("heading 10"), None);
        assert_eq!(evidence_of_name("Normal"), None);
    }

    #[test]
    fn based_on_chains_are_followed_and_cycles_stop() {
        let xml = r#"<w:styles xmlns:w="x">
          <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
            <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="H1"/>
            <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
          <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>
        </w:styles>"#;
        let s = Styles::parse(xml, "styles.xml", 64).unwrap();
        assert_eq!(s.default_paragraph.as_deref(), Some("Normal"));
        assert_eq!(s.numbering(Some("Mine")), (Some(3), Some(1)));
        assert_eq!(s.evidence(Some("Mine"), None), Evidence::Heading(1));
        assert_eq!(s.evidence(Some("A"), None), Evidence::Body);
        assert_eq!(s.evidence(Some("Normal"), Some(2)), Evidence::Heading(3));
        assert_eq!(s.chain(Some("A")).count(), 2);
    }
}
