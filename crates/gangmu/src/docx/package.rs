//! The zip package of a .docx (OPC): which parts there are, and their bytes,
//! read with bounds on the number of entries and on decompressed sizes (a
//! declared size is never trusted: the bytes are counted as they come).

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::xml::{attr, part_text, Ev, Xml};
use super::{DocxError, Limits};

/// The main document part when `_rels/.rels` does not say otherwise.
const DEFAULT_MAIN: &str = "word/document.xml";

/// The parts of a .docx that the reader uses.
pub(super) struct Parts {
    pub(super) main: String,
    pub(super) styles: Option<String>,
    pub(super) numbering: Option<String>,
    pub(super) footnotes: Option<String>,
    pub(super) endnotes: Option<String>,
    pub(super) headers: Vec<String>,
    pub(super) footers: Vec<String>,
}

/// An opened package.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// Decompressed bytes read so far, all parts together.
    total: u64,
}

/// Whether `bytes` start like a zip archive.
pub(super) fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, DocxError> {
        if !looks_like_zip(bytes) {
            return Err(DocxError::NotZip(
                "no zip signature at the start".to_string(),
            ));
        }
        let zip =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
        if zip.len() > limits.max_entries {
            return Err(DocxError::TooManyEntries {
                entries: zip.len(),
                limit: limits.max_entries,
            });
        }
        Ok(Package {
            zip,
            limits: limits.clone(),
            total: 0,
        })
    }

    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of part `name` (no leading `/`), or `None` when the package
    /// has no such part.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let zip_error = |e: &dyn std::fmt::Display| DocxError::Zip {
            part: name.to_string(),
            message: e.to_string(),
        };
        let entry = self.zip.by_index(index).map_err(|e| zip_error(&e))?;
        let part_limit = self.limits.max_part_bytes;
        let left = self.limits.max_total_bytes.saturating_sub(self.total);
        let limit = part_limit.min(left);
        let mut out = Vec::with_capacity(entry.size().min(limit) as usize);
        entry
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| zip_error(&e))?;
        if out.len() as u64 > limit {
            return Err(DocxError::TooLarge {
                part: name.to_string(),
                limit: if part_limit <= left {
                    part_limit
                } else {
                    self.limits.max_total_bytes
                },
            });
        }
        self.total += out.len() as u64;
        Ok(Some(out))
    }

    /// The main document and the parts it refers to, from the relationships
    /// (`_rels/.rels`, `word/_rels/document.xml.rels`), with the usual names as
    /// the fallback.
    pub(super) fn parts(&mut self) -> Result<Parts, DocxError> {
        let mut main = DEFAULT_MAIN.to_string();
        if let Some(rels) = self.read("_rels/.rels")? {
            for (kind, target) in relationships(&rels, "_rels/.rels", &self.limits)? {
                if kind.ends_with("/officeDocument") {
                    let t = resolve("", &target);
                    if self.has(&t) {
                        main = t;
                    }
                }
            }
        }
        if !self.has(&main) {
            return Err(DocxError::NotDocx);
        }
        let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let file = main.rsplit_once('/').map_or(main.as_str(), |(_, f)| f);
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let mut parts = Parts {
            main: main.clone(),
            styles: None,
            numbering: None,
            footnotes: None,
            endnotes: None,
            headers: Vec::new(),
            footers: Vec::new(),
        };
        let rels = self.read(&rels_name)?;
        if let Some(rels) = rels {
            for (kind, target) in relationships(&rels, &rels_name, &self.limits)? {
                let t = resolve(&dir, &target);
                if !self.has(&t) {
                    continue;
                }
                let kind = kind.rsplit('/').next().unwrap_or("");
                match kind {
                    "styles" => parts.styles = Some(t),
                    "numbering" => parts.numbering = Some(t),
                    "footnotes" => parts.footnotes = Some(t),
                    "endnotes" => parts.endnotes = Some(t),
                    "header" => parts.headers.push(t),
                    "footer" => parts.footers.push(t),
                    _ => {}
                }
            }
        } else {
            let name = |n: &str| format!("{dir}/{n}");
            for (slot, n) in [
                (&mut parts.styles, "styles.xml"),
                (&mut parts.numbering, "numbering.xml"),
                (&mut parts.footnotes, "footnotes.xml"),
                (&mut parts.endnotes, "endnotes.xml"),
            ] {
                if self.has(&name(n)) {
                    *slot = Some(name(n));
                }
            }
        }
        // header1.xml, header2.xml, …, header10.xml in numeric order.
        let key = |s: &String| {
            let digits: String = s.chars().filter(char::is_ascii_digit).collect();
            (digits.len(), digits, s.clone())
        };
        parts.headers.sort_by_key(key);
        parts.headers.dedup();
        parts.footers.sort_by_key(key);
        parts.footers.dedup();
        Ok(parts)
    }
}

/// `(Type, Target)` of every internal relationship of a `.rels` part.
fn relationships(
    bytes: &[u8],
    part: &str,
    limits: &Limits,
) -> Result<Vec<(String, String)>, DocxError> {
    let text = part_text(bytes, part)?;
    let mut xml = Xml::new(&text, part, limits.max_depth);
    let mut out = Vec::new();
    loop {
        match xml.next()? {
            Ev::Open(e) if e.local_name().as_ref() == b"Relationship" => {
                if attr(&e, b"TargetMode").as_deref() == Some("External") {
                    continue;
                }
                if let (Some(kind), Some(target)) = (attr(&e, b"Type"), attr(&e, b"Target")) {
                    out.push((kind, target));
                }
            }
            Ev::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A relationship target as a part name: absolute (`/word/x.xml`) or relative
/// to `dir`, with `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for s in target.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }
}
