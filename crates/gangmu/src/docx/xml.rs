//! A thin, bounded event reader over one XML part of a .docx: element names
//! without their namespace prefix, text with entities resolved, and a depth
//! limit so that a hostile part cannot make the reader's stack grow without
//! bound. Nothing here recurses.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::DocxError;

/// One event of a part.
pub(super) enum Ev<'a> {
    /// An element opens (empty elements open and then close).
    Open(BytesStart<'a>),
    /// The element opened last closes; its local name.
    Close(Vec<u8>),
    /// Character data, entities resolved.
    Text(Cow<'a, str>),
    /// End of the part.
    Eof,
}

/// A reader over one part.
pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    /// Local names of the open elements.
    stack: Vec<Vec<u8>>,
    max_depth: usize,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub(super) fn new(text: &'a str, part: &'a str, max_depth: usize) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.allow_dangling_amp = true;
        Xml {
            reader,
            stack: Vec::new(),
            max_depth,
            part,
        }
    }

    /// Byte offset in the part just after the last event read.
    pub(super) fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    /// How many elements are open.
    pub(super) fn depth(&self) -> usize {
        self.stack.len()
    }

    fn error(&self, message: impl std::fmt::Display) -> DocxError {
        DocxError::Xml {
            part: self.part.to_string(),
            message: format!("{message} (near byte {})", self.reader.buffer_position()),
        }
    }

    /// The next event.
    pub(super) fn next(&mut self) -> Result<Ev<'a>, DocxError> {
        loop {
            let ev = self.reader.read_event().map_err(|e| self.error(e))?;
            return Ok(match ev {
                Event::Start(e) => {
                    if self.stack.len() >= self.max_depth {
                        return Err(DocxError::TooDeep {
                            part: self.part.to_string(),
                            limit: self.max_depth,
                        });
                    }
                    self.stack.push(e.local_name().as_ref().to_vec());
                    Ev::Open(e)
                }
                Event::End(_) => match self.stack.pop() {
                    Some(name) => Ev::Close(name),
                    None => return Err(self.error("a closing tag without an opening one")),
                },
                Event::Text(t) => match t.xml10_content() {
                    Ok(s) => Ev::Text(s),
                    Err(e) => return Err(self.error(e)),
                },
                Event::CData(t) => match t.decode() {
                    Ok(s) => Ev::Text(s),
                    Err(e) => return Err(self.error(e)),
                },
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match &*r {
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"amp" => Some('&'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            _ => None,
                        },
                        Err(_) => None,
                    };
                    match resolved {
                        Some(c) => Ev::Text(Cow::Owned(c.to_string())),
                        None => continue,
                    }
                }
                Event::Eof => {
                    if !self.stack.is_empty() {
                        return Err(self.error("the part ends inside an element"));
                    }
                    Ev::Eof
                }
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_) => continue,
            });
        }
    }

    /// Skips the rest of the element opened last (its children and its close).
    pub(super) fn skip(&mut self) -> Result<(), DocxError> {
        let target = self.stack.len().saturating_sub(1);
        while self.stack.len() > target {
            if let Ev::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }
}

/// The value of the attribute whose local name is `local` (`w:val` → `val`).
pub(super) fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() == local {
            return a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned);
        }
    }
    None
}

/// `w:val` read as a number, if it is one.
pub(super) fn attr_u32(e: &BytesStart<'_>, local: &[u8]) -> Option<u32> {
    attr(e, local).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`): on unless its
/// `val` says otherwise.
pub(super) fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// A part's bytes as text, without copying UTF-8 (the main part of a large
/// document is hundreds of megabytes).
pub(super) fn part_string(mut bytes: Vec<u8>, part: &str) -> Result<String, DocxError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => part_text(e.as_bytes(), part).map(Cow::into_owned),
    }
}

/// A part's bytes as text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
pub(super) fn part_text<'b>(bytes: &'b [u8], part: &str) -> Result<Cow<'b, str>, DocxError> {
    let bad = |what: &str| DocxError::Xml {
        part: part.to_string(),
        message: format!("not {what}"),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if errors {
            return Err(bad("valid UTF-16"));
        }
        return Ok(Cow::Owned(text.into_owned()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| bad("UTF-8 text"))
}
