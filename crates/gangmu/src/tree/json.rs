//! The `gangmu/1` JSON of a [`Document`], written directly into one string.
//!
//! This gives byte for byte what `serde_json::to_string` gives through the
//! serde derives (which stay, for [`Document::from_json`] and other callers):
//! the same keys in the same order, the same fields left out
//! (`skip_serializing_if`), the `type` tag first in every node, and
//! serde_json's escaping (`"`, `\` and the control characters below U+0020
//! only; `\b \t \n \f \r`, else `\u00xx` in lower-case hex; nothing else, not
//! `/`, not non-ASCII). It costs about a quarter of what serde_json does
//! (3.5M instructions instead of 15.2M on the corpus concatenated, 1.8 MB):
//! serde_json writes every span as a two-key map through the serializer's
//! state machine and escapes strings one byte at a time through a table,
//! while this writes constant key runs in one copy, integers with `itoa` and
//! looks for the bytes to escape eight at a time. `tests/json_writer.rs` compares the two on every
//! document at hand and on generated trees.

use super::{Document, MetaKind, Node, NoiseKind};
use crate::diagnostic::Diagnostic;
use crate::enumeration::{EnumerationFamily, InlineMarker};
use crate::marker::Marker;
use crate::span::Span;

/// The most [`document`] reserves before writing (64 MiB).
const JSON_CAPACITY_CAP: usize = 64 << 20;

/// The JSON of `doc`, as `serde_json::to_string(doc)` writes it.
pub(crate) fn document(doc: &Document) -> String {
    // The JSON of the corpus's documents is 0.4 to 3 times their size (it
    // grows with the number of nodes, not with the text): twice the input
    // is enough for most, and one doubling covers the rest. A tree built by
    // hand or read from JSON may claim any span, so the estimate saturates
    // and is capped (the string grows past it as needed).
    let estimate = doc
        .span
        .len()
        .saturating_mul(2)
        .saturating_add(256)
        .min(JSON_CAPACITY_CAP);
    let mut w = Writer {
        out: String::with_capacity(estimate),
    };
    w.document(doc);
    w.out
}

struct Writer {
    out: String,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn document(&mut self, doc: &Document) {
        self.raw("{\"schema\":");
        self.string(&doc.schema);
        self.raw(",\"type\":\"document\",\"span\":");
        self.span(doc.span);
        self.raw(",\"children\":");
        self.nodes(&doc.children);
        self.raw(",\"diagnostics\":[");
        for (i, d) in doc.diagnostics.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.diagnostic(d);
        }
        self.raw("]}");
    }

    fn nodes(&mut self, nodes: &[Node]) {
        self.raw("[");
        for (i, n) in nodes.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.node(n);
        }
        self.raw("]");
    }

    /// `{"type":"NAME","span":{…}`, the start of every node.
    fn head(&mut self, open: &str, span: Span) {
        self.raw(open);
        self.span(span);
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Noise(n) => {
                self.head("{\"type\":\"noise\",\"span\":", n.span);
                self.raw(",\"kind\":\"");
                self.raw(noise_kind(n.kind));
                self.raw("\"}");
            }
            Node::Blank(n) => {
                self.head("{\"type\":\"blank\",\"span\":", n.span);
                self.raw("}");
            }
            Node::Title(n) => {
                self.head("{\"type\":\"title\",\"span\":", n.span);
                self.raw(",\"text\":");
                self.string(&n.text);
                self.raw("}");
            }
            Node::Continuation(n) => {
                self.head("{\"type\":\"continuation\",\"span\":", n.span);
                self.raw("}");
            }
            Node::Subtitle(n) => {
                self.head("{\"type\":\"subtitle\",\"span\":", n.span);
                self.raw(",\"text\":");
                self.string(&n.text);
                self.raw("}");
            }
            Node::Meta(n) => {
                self.head("{\"type\":\"meta\",\"span\":", n.span);
                self.raw(",\"kind\":\"");
                self.raw(meta_kind(n.kind));
                self.raw("\",\"text\":");
                self.string(&n.text);
                self.raw("}");
            }
            Node::Section(n) => {
                self.head("{\"type\":\"section\",\"span\":", n.span);
                self.raw(",\"depth\":");
                self.uint(n.depth);
                self.raw(",\"children\":");
                self.nodes(&n.children);
                self.raw("}");
            }
            Node::Heading(n) => {
                self.head("{\"type\":\"heading\",\"span\":", n.span);
                self.raw(",\"depth\":");
                self.uint(n.depth);
                self.raw(",\"level\":");
                match n.level {
                    Some(l) => self.uint(l),
                    None => self.raw("null"),
                }
                self.raw(",\"marker\":");
                match &n.marker {
                    Some(m) => self.marker(m),
                    None => self.raw("null"),
                }
                self.raw(",\"title\":");
                self.span(n.title);
                self.raw(if n.run_in {
                    ",\"run_in\":true}"
                } else {
                    ",\"run_in\":false}"
                });
            }
            Node::Paragraph(n) => {
                self.head("{\"type\":\"paragraph\",\"span\":", n.span);
                if !n.children.is_empty() {
                    self.raw(",\"children\":");
                    self.nodes(&n.children);
                }
                self.raw("}");
            }
            Node::Text(n) => {
                self.head("{\"type\":\"text\",\"span\":", n.span);
                self.raw("}");
            }
            Node::Enumeration(n) => {
                self.head("{\"type\":\"enumeration\",\"span\":", n.span);
                self.raw(",\"family\":\"");
                self.raw(enumeration_family(n.family));
                self.raw("\",\"children\":");
                self.nodes(&n.children);
                self.raw("}");
            }
            Node::Item(n) => {
                self.head("{\"type\":\"item\",\"span\":", n.span);
                self.raw(",\"marker\":");
                self.inline_marker(&n.marker);
                self.raw("}");
            }
            Node::Attachment(n) => {
                self.head("{\"type\":\"attachment\",\"span\":", n.span);
                self.raw(",\"children\":");
                self.nodes(&n.children);
                self.raw("}");
            }
            Node::Entry(n) => {
                self.head("{\"type\":\"entry\",\"span\":", n.span);
                self.raw(",\"children\":");
                self.nodes(&n.children);
                self.raw("}");
            }
        }
    }

    fn marker(&mut self, m: &Marker) {
        self.raw("{\"text\":");
        self.string(&m.text);
        self.raw(",\"family\":\"");
        self.raw(m.family.name());
        self.raw("\",\"ordinal\":");
        self.uint(m.ordinal);
        if let Some(s) = &m.open {
            self.raw(",\"open\":");
            self.string(s);
        }
        if let Some(s) = &m.close {
            self.raw(",\"close\":");
            self.string(s);
        }
        if let Some(s) = &m.extra {
            self.raw(",\"extra\":");
            self.string(s);
        }
        if m.fullwidth_digits {
            self.raw(",\"fullwidth_digits\":true");
        }
        if m.generated {
            self.raw(",\"generated\":true");
        }
        self.raw(",\"span\":");
        self.span(m.span);
        self.raw("}");
    }

    fn inline_marker(&mut self, m: &InlineMarker) {
        self.raw("{\"text\":");
        self.string(&m.text);
        self.raw(",\"family\":\"");
        self.raw(enumeration_family(m.family));
        self.raw("\",\"ordinal\":");
        self.uint(m.ordinal);
        self.raw(",\"span\":");
        self.span(m.span);
        self.raw("}");
    }

    fn diagnostic(&mut self, d: &Diagnostic) {
        self.raw("{\"rule\":");
        self.string(&d.rule);
        self.raw(",\"severity\":\"");
        self.raw(d.severity.as_str());
        self.raw("\",\"message\":");
        self.string(&d.message);
        self.raw(",\"message_en\":");
        self.string(&d.message_en);
        self.raw(",\"span\":");
        self.span(d.span);
        if let Some(fix) = &d.fix {
            self.raw(if fix.safe {
                ",\"fix\":{\"safe\":true,\"edits\":["
            } else {
                ",\"fix\":{\"safe\":false,\"edits\":["
            });
            for (i, e) in fix.edits.iter().enumerate() {
                self.raw(if i > 0 { ",{\"span\":" } else { "{\"span\":" });
                self.span(e.span);
                self.raw(",\"replacement\":");
                self.string(&e.replacement);
                self.raw("}");
            }
            self.raw("]}");
        }
        self.raw("}");
    }

    fn span(&mut self, span: Span) {
        self.raw("{\"start\":");
        self.uint(span.start);
        self.raw(",\"end\":");
        self.uint(span.end);
        self.raw("}");
    }

    fn uint(&mut self, n: impl itoa::Integer) {
        self.raw(itoa::Buffer::new().format(n));
    }

    /// `s` as a JSON string, escaped as serde_json escapes it.
    fn string(&mut self, s: &str) {
        write_escaped(&mut self.out, s);
    }
}

/// Appends `s` as a quoted JSON string, escaped as serde_json escapes it.
fn write_escaped(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(at) = next_escape(bytes, start) {
        // Every byte to escape is ASCII, so `at` is a character boundary.
        out.push_str(&s[start..at]);
        let b = bytes[at];
        match ESCAPE[b as usize] {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
            e => {
                out.push('\\');
                out.push(char::from(e));
            }
        }
        start = at + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// What follows the backslash for each byte serde_json escapes (`u` for
/// `\u00xx`), 0 for the bytes written as they are.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The first byte at or after `from` that needs escaping. Eight bytes at a
/// time: a word is skipped when none of its bytes is below 0x20, `"` or `\`
/// (each test exact: a byte only sets its high bit in `x - 0x20…` & !x when
/// it is below 0x20, as no lower byte borrows unless it is one too).
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
        let quote = w ^ (LO * u64::from(b'"'));
        let backslash = w ^ (LO * u64::from(b'\\'));
        let flagged = (w.wrapping_sub(LO * 0x20) & !w)
            | (quote.wrapping_sub(LO) & !quote)
            | (backslash.wrapping_sub(LO) & !backslash);
        if flagged & HI != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| ESCAPE[b as usize] != 0)
        .map(|k| i + k)
}

fn noise_kind(k: NoiseKind) -> &'static str {
    match k {
        NoiseKind::WebChrome => "web_chrome",
        NoiseKind::Metadata => "metadata",
        NoiseKind::Markup => "markup",
        NoiseKind::PageNumber => "page_number",
        NoiseKind::TableOfContents => "table_of_contents",
        NoiseKind::License => "license",
        NoiseKind::RepeatedTitle => "repeated_title",
    }
}

fn meta_kind(k: MetaKind) -> &'static str {
    match k {
        MetaKind::CopyNumber => "copy_number",
        MetaKind::Secrecy => "secrecy",
        MetaKind::Urgency => "urgency",
        MetaKind::IssuerMark => "issuer_mark",
        MetaKind::DocNumber => "doc_number",
        MetaKind::Signer => "signer",
        MetaKind::Decree => "decree",
        MetaKind::Addressee => "addressee",
        MetaKind::AttachmentNote => "attachment_note",
        MetaKind::Signature => "signature",
        MetaKind::Date => "date",
        MetaKind::Note => "note",
        MetaKind::Cc => "cc",
        MetaKind::Issued => "issued",
        MetaKind::Field => "field",
    }
}

fn enumeration_family(f: EnumerationFamily) -> &'static str {
    match f {
        EnumerationFamily::Shi => "shi",
        EnumerationFamily::Yao => "yao",
        EnumerationFamily::Ordinal => "ordinal",
        EnumerationFamily::Sequence => "sequence",
        EnumerationFamily::Qi => "qi",
        EnumerationFamily::Aspect => "aspect",
        EnumerationFamily::Circled => "circled",
        EnumerationFamily::Paren => "paren",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::marker::MarkerFamily;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        write_escaped(&mut out, s);
        out
    }

    fn serde(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    #[test]
    fn every_ascii_byte_is_escaped_as_serde_json_does_at_every_offset() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(escaped(&c.to_string()), serde(&c.to_string()), "{b:#04x}");
            // At each position of a string long enough for two words and a
            // tail, among ASCII, Chinese and four-byte characters.
            for at in 0..20 {
                let mut s: String = "ab一c😀defghij二klmnop".chars().take(at).collect();
                s.push(c);
                s.push_str("后xyz\u{2028}");
                assert_eq!(escaped(&s), serde(&s), "{b:#04x} after {at} chars");
            }
        }
    }

    #[test]
    fn hand_written_strings_escape_as_serde_json_does() {
        let all_controls: String = (0u8..0x20).map(char::from).collect();
        for s in [
            "",
            "\"",
            "\\",
            "\\\"\\\"",
            "\"\"\"\"\"\"\"\"\"",
            "\\\\\\\\\\\\\\\\\\",
            &all_controls,
            "a/b</script>",
            "\u{7f}\u{80}\u{9f}\u{a0}\u{ff}",
            "\u{2028}\u{2029}\u{feff}\u{fffd}",
            "😀👨‍👩‍👧𠮷",
            "关于“开展”检查的\t通知\r\n（一）\u{0}\u{1f}",
            "                \n",
        ] {
            assert_eq!(escaped(s), serde(s), "{s:?}");
        }
    }

    #[test]
    fn random_strings_escape_as_serde_json_does() {
        // A small deterministic generator over characters that weighs the
        // bytes to escape heavily.
        const CHARS: &[char] = &[
            'a', 'Z', '0', ' ', '/', '"', '\\', '\n', '\r', '\t', '\u{0}', '\u{1}', '\u{8}',
            '\u{b}', '\u{c}', '\u{1f}', '\u{7f}', 'é', '一', '“', '\u{2028}', '😀', '𠮷',
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let s: String = (0..len)
                .map(|_| CHARS[(next() % CHARS.len() as u64) as usize])
                .collect();
            assert_eq!(escaped(&s), serde(&s), "{s:?}");
        }
    }

    fn name_of<T: serde::Serialize>(v: T) -> String {
        serde_json::to_string(&v)
            .unwrap()
            .trim_matches('"')
            .to_string()
    }

    #[test]
    fn enum_names_are_serde_names() {
        use NoiseKind as N;
        for k in [
            N::WebChrome,
            N::Metadata,
            N::Markup,
            N::PageNumber,
            N::TableOfContents,
            N::License,
            N::RepeatedTitle,
        ] {
            assert_eq!(noise_kind(k), name_of(k));
        }
        use MetaKind as M;
        for k in [
            M::CopyNumber,
            M::Secrecy,
            M::Urgency,
            M::IssuerMark,
            M::DocNumber,
            M::Signer,
            M::Decree,
            M::Addressee,
            M::AttachmentNote,
            M::Signature,
            M::Date,
            M::Note,
            M::Cc,
            M::Issued,
            M::Field,
        ] {
            assert_eq!(meta_kind(k), name_of(k));
        }
        use EnumerationFamily as E;
        for f in [
            E::Shi,
            E::Yao,
            E::Ordinal,
            E::Sequence,
            E::Qi,
            E::Aspect,
            E::Circled,
            E::Paren,
        ] {
            assert_eq!(enumeration_family(f), name_of(f));
        }
        use MarkerFamily as F;
        for f in [
            F::Part,
            F::Volume,
            F::Chapter,
            F::Section,
            F::Article,
            F::ChineseComma,
            F::ChineseParen,
            F::ArabicDot,
            F::ArabicParen,
            F::Circled,
            F::LatinLower,
            F::LatinUpper,
            F::Decimal1,
            F::Decimal2,
            F::Decimal3,
            F::Decimal4,
        ] {
            assert_eq!(f.name(), name_of(f));
        }
        for s in [Severity::Info, Severity::Warning, Severity::Error] {
            assert_eq!(s.as_str(), name_of(s));
        }
    }
}
