//! Turning bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! GB18030/GBK when the bytes are not UTF-8.

use thiserror::Error;

/// The encoding a byte input was read as.
///
/// ```
/// let d = gangmu::decode(&[0xFF, 0xFE, 0x00, 0x4E]).unwrap();
/// assert_eq!(d.encoding, gangmu::Encoding::Utf16Le);
/// assert_eq!(d.text, "一");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian (with BOM).
    Utf16Le,
    /// UTF-16 big-endian (with BOM).
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

impl Encoding {
    /// The encoding's common name.
    ///
    /// ```
    /// assert_eq!(gangmu::Encoding::Gb18030.name(), "gb18030");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

/// Why bytes could not be read as text.
///
/// ```
/// let e = gangmu::decode(b"a\x00b").unwrap_err();
/// assert!(matches!(e, gangmu::DecodeError::Binary(_)));
/// assert!(e.to_string().contains("NUL"));
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The input holds NUL bytes or other binary content.
    #[error("binary content: {0}")]
    Binary(String),
    /// The bytes are not valid in any supported encoding.
    #[error("undecodable text: {0}")]
    Undecodable(String),
}

/// Decoded text and the encoding it was read as.
///
/// ```
/// let d = gangmu::decode("\u{FEFF}正文".as_bytes()).unwrap();
/// assert_eq!(d.text, "\u{FEFF}正文");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text. A UTF-8 BOM is kept (it is part of the input); UTF-16 BOMs are not.
    pub text: String,
    /// The encoding detected.
    pub encoding: Encoding,
}

/// Decodes bytes: UTF-8 first (a BOM is kept as U+FEFF), then UTF-16 when a BOM
/// says so, then GB18030. Binary input (NUL bytes outside UTF-16) and bytes
/// invalid in every encoding are errors.
///
/// ```
/// let d = gangmu::decode("一、总则".as_bytes()).unwrap();
/// assert_eq!(d.encoding, gangmu::Encoding::Utf8);
/// let (gbk, _, _) = encoding_rs::GB18030.encode("一、总则");
/// assert_eq!(gangmu::decode(&gbk).unwrap().text, "一、总则");
/// assert!(gangmu::decode(b"\x00\x01\x02binary").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let enc = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(DecodeError::Undecodable(
                "invalid UTF-16 after a byte-order mark".into(),
            ));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: if le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            },
        });
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: Encoding::Utf8,
        }),
        Err(e) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(DecodeError::Undecodable(format!(
                    "not UTF-8 (invalid byte at offset {}) and not GB18030",
                    e.valid_up_to()
                )));
            }
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            if controls * 20 > text.chars().count().max(1) {
                return Err(DecodeError::Binary("mostly control characters".into()));
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding: Encoding::Gb18030,
            })
        }
    }
}
