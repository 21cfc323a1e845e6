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
    // memchr and encoding_rs's validator: on Chinese text the standard
    // library's `from_utf8` costs about 10 instructions a byte and a
    // byte-by-byte NUL search 5; these cost about 1 together (callgrind on the
    // corpus). The result is the same `&str`.
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
    }
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(Decoded {
            text: s.into_owned(),
            encoding: Encoding::Utf8,
        }),
        None => {
            let valid_up_to = encoding_rs::Encoding::utf8_valid_up_to(bytes);
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(DecodeError::Undecodable(format!(
                    "not UTF-8 (invalid byte at offset {valid_up_to}) and not GB18030"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_from_the_validator_as_the_standard_library_reads_it() {
        for text in [
            "",
            "一、总则\n",
            "\u{feff}关于",
            "ascii only",
            "𠀀𪚥 四字节",
        ] {
            let d = decode(text.as_bytes()).expect("valid UTF-8");
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, Encoding::Utf8);
        }
    }

    #[test]
    fn errors_name_the_first_bad_byte_and_the_first_nul() {
        let e = decode(b"ab\xffcd").unwrap_err().to_string();
        assert!(e.contains("offset 2"), "{e}");
        let e = decode("一二\0三".as_bytes()).unwrap_err().to_string();
        assert!(e.contains("NUL byte at offset 6"), "{e}");
    }
}
