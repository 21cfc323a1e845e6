//! `Document::to_json` is a direct writer (`src/tree/json.rs`); the serde
//! derives stay for `from_json` and other callers. These tests hold the two
//! to the same bytes: on every document at hand (the fixtures of
//! `tests/fixtures` and their subfolders, the .docx fixtures, the official
//! corpus and the scraped pages where present), on those documents with the
//! linter's findings (fixes included) as their diagnostics, and on generated
//! trees whose strings hold every character that needs escaping.

#[path = "support/corpora.rs"]
mod corpora;

use std::path::{Path, PathBuf};

use gangmu::{
    Attachment, Blank, Continuation, Diagnostic, Document, Edit, Entry, Enumeration,
    EnumerationFamily, Fix, Heading, InlineMarker, Item, Marker, MarkerFamily, Meta, MetaKind,
    Node, Noise, NoiseKind, Paragraph, Section, Severity, Span, Subtitle, Text, Title,
};

fn assert_same(doc: &Document, what: &str) {
    let direct = doc.to_json();
    let serde = serde_json::to_string(doc).expect("serialises");
    if direct != serde {
        let at = direct
            .bytes()
            .zip(serde.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(direct.len().min(serde.len()));
        let from = at.saturating_sub(80);
        panic!(
            "{what}: the direct writer and serde_json differ at byte {at}:\n  direct: {}\n  serde:  {}",
            String::from_utf8_lossy(&direct.as_bytes()[from..(at + 80).min(direct.len())]),
            String::from_utf8_lossy(&serde.as_bytes()[from..(at + 80).min(serde.len())]),
        );
    }
}

/// Files under `dir`, its subfolders included, whose name ends with `ext`.
fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|x| x == ext) {
            out.push(path);
        }
    }
}

#[test]
fn every_document_at_hand_writes_as_serde_json_does() {
    let mut fixtures = Vec::new();
    files_under(
        &corpora::repo().join("tests/fixtures"),
        "txt",
        &mut fixtures,
    );
    fixtures.sort();
    assert!(
        fixtures.len() > 50,
        "tests/fixtures should hold the fixtures"
    );
    let mut inputs = corpora::read_inputs("fixtures", fixtures);
    inputs.extend(corpora::published());
    let config = gangmu::lint::Config::default();
    let mut with_fixes = 0;
    for input in &inputs {
        let mut doc = gangmu::parse(&input.text);
        assert_same(&doc, &input.path.display().to_string());
        // The linter's findings carry fixes, which the parser's do not.
        doc.diagnostics = gangmu::lint::lint_document(&input.text, &doc, &config);
        with_fixes += doc.diagnostics.iter().filter(|d| d.fix.is_some()).count();
        assert_same(
            &doc,
            &format!("{} with lint findings", input.path.display()),
        );
    }
    assert!(with_fixes > 0, "some finding should carry a fix");

    let mut docx = Vec::new();
    files_under(&corpora::repo().join("tests/fixtures"), "docx", &mut docx);
    assert!(
        !docx.is_empty(),
        "tests/fixtures/docx should hold .docx files"
    );
    for path in docx {
        let bytes = std::fs::read(&path).unwrap();
        let (_, doc) = gangmu::docx::parse(&bytes).unwrap();
        assert_same(&doc, &path.display().to_string());
    }
}

/// A small deterministic generator (xorshift) of trees.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }

    fn string(&mut self) -> String {
        const CHARS: &[char] = &[
            'a', '0', ' ', '/', '"', '\\', '\n', '\r', '\t', '\u{0}', '\u{8}', '\u{c}', '\u{1b}',
            '\u{1f}', '\u{7f}', 'é', '一', '、', '（', '“', '\u{2028}', '\u{2029}', '😀', '𠮷',
        ];
        let len = self.below(24);
        (0..len).map(|_| self.pick(CHARS)).collect()
    }

    fn opt_string(&mut self) -> Option<String> {
        self.coin().then(|| self.string())
    }

    fn span(&mut self) -> Span {
        let widths = [0, 1, 9, 10, 99, 1_000, 65_535, 1 << 32, usize::MAX / 2];
        let start = self.pick(&widths) + self.below(10);
        Span::new(start, start.saturating_add(self.pick(&widths)))
    }

    fn number(&mut self) -> u32 {
        self.pick(&[0, 1, 9, 10, 42, 100, 65_536, u32::MAX])
    }

    fn marker(&mut self) -> Marker {
        use MarkerFamily as F;
        Marker {
            text: self.string(),
            family: self.pick(&[
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
            ]),
            ordinal: self.number(),
            open: self.opt_string(),
            close: self.opt_string(),
            extra: self.opt_string(),
            fullwidth_digits: self.coin(),
            generated: self.coin(),
            span: self.span(),
        }
    }

    fn family(&mut self) -> EnumerationFamily {
        use EnumerationFamily as E;
        self.pick(&[
            E::Shi,
            E::Yao,
            E::Ordinal,
            E::Sequence,
            E::Qi,
            E::Aspect,
            E::Circled,
            E::Paren,
        ])
    }

    fn children(&mut self, depth: usize) -> Vec<Node> {
        let n = if depth > 3 { 0 } else { self.below(5) };
        (0..n).map(|_| self.node(depth + 1)).collect()
    }

    fn node(&mut self, depth: usize) -> Node {
        use MetaKind as M;
        use NoiseKind as K;
        let span = self.span();
        match self.below(14) {
            0 => Node::Noise(Noise {
                span,
                kind: self.pick(&[
                    K::WebChrome,
                    K::Metadata,
                    K::Markup,
                    K::PageNumber,
                    K::TableOfContents,
                    K::License,
                    K::RepeatedTitle,
                ]),
            }),
            1 => Node::Blank(Blank { span }),
            2 => Node::Title(Title {
                span,
                text: self.string(),
            }),
            3 => Node::Continuation(Continuation { span }),
            4 => Node::Subtitle(Subtitle {
                span,
                text: self.string(),
            }),
            5 => Node::Meta(Meta {
                span,
                kind: self.pick(&[
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
                ]),
                text: self.string(),
            }),
            6 => Node::Section(Section {
                span,
                depth: self.number(),
                children: self.children(depth),
            }),
            7 => Node::Heading(Heading {
                span,
                depth: self.number(),
                level: self
                    .coin()
                    .then(|| self.pick(&[0, 1, 5, 9, 10, 99, 100, 255])),
                marker: self.coin().then(|| Box::new(self.marker())),
                title: self.span(),
                run_in: self.coin(),
            }),
            8 => Node::Paragraph(Paragraph {
                span,
                children: if self.coin() {
                    Vec::new()
                } else {
                    self.children(depth)
                },
            }),
            9 => Node::Text(Text { span }),
            10 => Node::Enumeration(Enumeration {
                span,
                family: self.family(),
                children: self.children(depth),
            }),
            11 => Node::Item(Item {
                span,
                marker: InlineMarker {
                    text: self.string(),
                    family: self.family(),
                    ordinal: self.number(),
                    span: self.span(),
                },
            }),
            12 => Node::Attachment(Attachment {
                span,
                children: self.children(depth),
            }),
            _ => Node::Entry(Entry {
                span,
                children: self.children(depth),
            }),
        }
    }

    fn diagnostic(&mut self) -> Diagnostic {
        Diagnostic {
            rule: self.string(),
            severity: self.pick(&[Severity::Info, Severity::Warning, Severity::Error]),
            message: self.string(),
            message_en: self.string(),
            span: self.span(),
            fix: self.coin().then(|| Fix {
                safe: self.coin(),
                edits: (0..self.below(4))
                    .map(|_| Edit {
                        span: self.span(),
                        replacement: self.string(),
                    })
                    .collect(),
            }),
        }
    }
}

#[test]
fn generated_trees_write_as_serde_json_does() {
    let mut g = Gen(0x2545_F491_4F6C_DD1D);
    for k in 0..3_000 {
        let mut doc = gangmu::parse("");
        if k % 7 == 0 {
            doc.schema = g.string();
        }
        doc.span = g.span();
        doc.children = g.children(0);
        doc.diagnostics = (0..g.below(4)).map(|_| g.diagnostic()).collect();
        assert_same(&doc, &format!("generated tree {k}"));
    }
}

#[test]
fn hand_written_strings_write_as_serde_json_does() {
    let controls: String = (0u8..0x20).map(char::from).collect();
    let strings = [
        String::new(),
        controls.clone(),
        format!("前{controls}后"),
        "\"quoted\" and \\back\\slashed\\".to_string(),
        "a/b<\\/script>".to_string(),
        "😀👨‍👩‍👧𠮷 \u{2028}\u{2029} \u{7f}\u{80}\u{ff}\u{feff}".to_string(),
        "关于“开展”检查的\t通知\r\n".to_string(),
    ];
    for s in &strings {
        let mut doc = gangmu::parse("一、总则\n正文。");
        doc.schema = s.clone();
        doc.children.push(Node::Title(Title {
            span: Span::new(0, s.len()),
            text: s.clone(),
        }));
        doc.diagnostics.push(Diagnostic {
            rule: s.clone(),
            severity: Severity::Warning,
            message: s.clone(),
            message_en: s.clone(),
            span: Span::new(0, 0),
            fix: Some(Fix {
                safe: false,
                edits: vec![Edit {
                    span: Span::new(1, 2),
                    replacement: s.clone(),
                }],
            }),
        });
        assert_same(&doc, &format!("{s:?}"));
    }
}
