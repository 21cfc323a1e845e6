//! The properties every fuzz target checks, shared with `cargo test`: the fuzz
//! targets include this file with `#[path]`, and `tests/fuzz_regressions.rs`
//! replays every saved crash through the same functions. Each function panics
//! with a sentence saying which property failed.

#![allow(dead_code)]

use gangmu::lint::{self, Config};
use gangmu::{Diagnostic, Document, Enumeration, Heading, Item, Node, Paragraph, Section, Span};

fn on_boundaries(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} should lie inside the input (0..{})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} should fall on char boundaries"
    );
}

fn check_diagnostic(text: &str, d: &Diagnostic) {
    on_boundaries(text, d.span, &format!("diagnostic {}", d.rule));
    assert!(
        !d.rule.is_empty(),
        "every diagnostic should carry a rule id"
    );
    if let Some(fix) = &d.fix {
        for e in &fix.edits {
            on_boundaries(text, e.span, &format!("fix edit of {}", d.rule));
        }
        let mut spans: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
        spans.sort();
        for w in spans.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "the edits of one fix ({}) should not overlap: {:?} and {:?}",
                d.rule,
                w[0],
                w[1]
            );
        }
    }
}

/// Checks one node and its subtree; `section_depth` is the depth of the
/// innermost enclosing section (0 outside any).
fn check_node(text: &str, node: &Node, section_depth: u32) {
    let span = node.span();
    on_boundaries(text, span, node.type_name());
    let children = node.children();
    if !children.is_empty() {
        assert_eq!(
            children[0].span().start,
            span.start,
            "the first child of a {} should start where it starts",
            node.type_name()
        );
        assert_eq!(
            children[children.len() - 1].span().end,
            span.end,
            "the last child of a {} should end where it ends",
            node.type_name()
        );
        for w in children.windows(2) {
            assert_eq!(
                w[0].span().end,
                w[1].span().start,
                "the children of a {} should be contiguous",
                node.type_name()
            );
        }
    }
    match node {
        Node::Section(Section {
            depth, children, ..
        }) => {
            assert!(*depth >= 1, "a section's depth should be at least 1");
            assert!(
                *depth > section_depth,
                "a section of depth {depth} should not sit inside a section of depth {section_depth}"
            );
            match children.first() {
                Some(Node::Heading(Heading { depth: h, .. })) => assert_eq!(
                    h, depth,
                    "a section should open with a heading of its own depth"
                ),
                other => panic!(
                    "a section should open with its heading, not {:?}",
                    other.map(Node::type_name)
                ),
            }
            for c in children {
                check_node(text, c, *depth);
            }
            return;
        }
        Node::Heading(Heading {
            depth,
            marker,
            title,
            level,
            ..
        }) => {
            assert!(*depth >= 1, "a heading's depth should be at least 1");
            assert_eq!(
                *depth, section_depth,
                "a heading should sit in the section it opens"
            );
            assert!(
                span.contains(*title),
                "a heading's title {title:?} should lie inside the heading {span:?}"
            );
            on_boundaries(text, *title, "heading title");
            if let Some(m) = marker {
                on_boundaries(text, m.span, "heading marker");
                assert!(
                    span.contains(m.span),
                    "the marker should lie inside its heading"
                );
                assert_eq!(
                    &text[m.span.range()],
                    m.text,
                    "the marker's text should be the bytes of its span"
                );
                assert_eq!(
                    *level,
                    m.family.canonical_level(),
                    "a heading's level should be its family's canonical level"
                );
            } else {
                assert!(level.is_none(), "an unnumbered heading has no level");
            }
        }
        Node::Item(Item { marker, .. }) => {
            on_boundaries(text, marker.span, "item marker");
            assert!(
                span.contains(marker.span) && marker.span.start == span.start,
                "an item should start with its marker"
            );
            assert_eq!(
                &text[marker.span.range()],
                marker.text,
                "an item marker's text should be the bytes of its span"
            );
        }
        Node::Paragraph(Paragraph { children, .. }) => {
            for c in children {
                assert!(
                    matches!(c, Node::Text(_) | Node::Enumeration(_)),
                    "a paragraph should hold only text and enumerations, not {}",
                    c.type_name()
                );
            }
        }
        Node::Enumeration(Enumeration { children, .. }) => {
            assert!(
                children.iter().all(|c| matches!(c, Node::Item(_))),
                "an enumeration should hold only items"
            );
        }
        _ => {}
    }
    for c in children {
        check_node(text, c, section_depth);
    }
}

/// `parse` gives a well-formed tree: leaves tile the input, spans lie on char
/// boundaries inside their parents, depths are at least 1 and sections nest
/// with increasing depth.
pub fn check_parse(text: &str) -> Document {
    let doc = gangmu::parse(text);
    assert_eq!(
        doc.span,
        Span::new(0, text.len()),
        "the document should span the input"
    );
    let mut at = 0;
    for leaf in doc.leaves() {
        assert_eq!(
            leaf.span().start,
            at,
            "leaves should tile the input with no gap or overlap (a {} starts at {} but the previous leaf ended at {at})",
            leaf.type_name(),
            leaf.span().start
        );
        at = leaf.span().end;
    }
    assert_eq!(
        at,
        text.len(),
        "the leaves should cover the input to its end"
    );
    for node in &doc.children {
        check_node(text, node, 0);
    }
    for d in &doc.diagnostics {
        check_diagnostic(text, d);
    }
    doc
}

/// The JSON form reads back as the same tree.
pub fn check_json_roundtrip(text: &str) {
    let doc = gangmu::parse(text);
    let json = doc.to_json();
    let back = Document::from_json(&json)
        .unwrap_or_else(|e| panic!("the JSON of a parsed tree should read back: {e}"));
    assert_eq!(back, doc, "the tree should survive serialise → deserialise");
    assert_eq!(
        back.to_json(),
        json,
        "re-serialising should give the same JSON"
    );
}

/// `lint` never panics and every diagnostic (and every fix edit) lies inside
/// the input on char boundaries.
pub fn check_lint(text: &str) {
    let config = Config::default();
    for d in lint::lint(text, &config) {
        check_diagnostic(text, &d);
    }
    let doc = gangmu::parse(text);
    for d in lint::lint_document(text, &doc, &config) {
        check_diagnostic(text, &d);
    }
}

/// Whether `fixed` keeps, in order, every byte range of `text` that no edit
/// touches: the text before the first edit is a prefix, the text after the
/// last one a suffix, and the gaps between edits appear in order.
fn keeps_untouched_bytes(text: &str, mut edits: Vec<Span>, fixed: &str) -> Result<(), String> {
    edits.sort();
    // Merge the edited ranges, then list the gaps between them.
    let mut merged: Vec<Span> = Vec::new();
    for e in edits {
        match merged.last_mut() {
            Some(last) if e.start <= last.end => last.end = last.end.max(e.end),
            _ => merged.push(e),
        }
    }
    let mut gaps = Vec::new();
    let mut at = 0;
    for m in &merged {
        gaps.push(Span::new(at, m.start));
        at = m.end;
    }
    gaps.push(Span::new(at, text.len()));
    let last = gaps.len() - 1;
    let mut pos = 0;
    for (k, g) in gaps.iter().enumerate() {
        let gap = &text[g.range()];
        if k == 0 {
            if !fixed.starts_with(gap) {
                return Err(format!("the text before the first edit ({g:?}) changed"));
            }
            pos = gap.len();
        } else if k == last {
            if !fixed.ends_with(gap) || fixed.len() - gap.len() < pos {
                return Err(format!("the text after the last edit ({g:?}) changed"));
            }
        } else {
            match fixed[pos..].find(gap) {
                Some(i) => pos += i + gap.len(),
                None => return Err(format!("the untouched bytes {g:?} are missing")),
            }
        }
    }
    Ok(())
}

/// `fix` is idempotent and changes only the bytes its edits cover.
pub fn check_fix(text: &str) {
    let config = Config::default();
    let diagnostics = lint::lint(text, &config);
    for include_unsafe in [false, true] {
        let fixed = lint::fix(text, &config, include_unsafe);
        let again = lint::fix(&fixed, &config, include_unsafe);
        assert_eq!(
            again, fixed,
            "fix should be idempotent (include_unsafe = {include_unsafe})"
        );
        let edits: Vec<Span> = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.safe || include_unsafe)
            .flat_map(|f| f.edits.iter().map(|e| e.span))
            .collect();
        // One application of the first pass's fixes touches only their edits.
        // (`fix` repeats lint + apply until nothing changes, so its result may
        // go beyond the first pass's edits; it must be idempotent, above.)
        let applied = lint::apply_fixes(text, &diagnostics, include_unsafe);
        if let Err(e) = keeps_untouched_bytes(text, edits, &applied) {
            panic!("apply_fixes should change only the bytes of its edits: {e}");
        }
    }
}

// ---- numerals ----------------------------------------------------------

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The canonical Chinese ordinal numeral of `n` (1..=9999), written from first
/// principles: digits with their units, 一 dropped before a leading 十, one 零
/// for each run of zeros between non-zero digits.
pub fn reference_numeral(n: u32) -> String {
    assert!((1..=9999).contains(&n));
    let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let mut out = String::new();
    let mut pending_zero = false;
    for (k, &d) in ds.iter().enumerate() {
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(k == 2 && d == 1 && out.is_empty()) {
            out.push(DIGITS[d as usize]);
        }
        out.push_str(units[k]);
    }
    out
}

/// The value of a Chinese ordinal numeral by the reference grammar: the
/// canonical form, plus the variants in use: 〇 for 零 (`一千〇五`), 一十… for
/// 10–19 (`一十二`) and 零十 for 零一十 (`一千零十`). Found by lookup among all
/// 9999 forms.
pub fn reference_numeral_value(s: &str) -> Option<u32> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<HashMap<String, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for n in 1..=9999 {
            let c = reference_numeral(n);
            if (10..=19).contains(&n) {
                t.insert(format!("一{c}"), n);
            }
            if c.contains("零一十") {
                t.insert(c.replace("零一十", "零十"), n);
            }
            t.insert(c, n);
        }
        t
    });
    table.get(&s.replace('〇', "零")).copied()
}

fn arabic_value(s: &str) -> Option<u32> {
    let mut v = 0u32;
    for c in s.chars() {
        let d = if c.is_ascii_digit() {
            c as u32 - '0' as u32
        } else if ('０'..='９').contains(&c) {
            c as u32 - '０' as u32
        } else {
            return None;
        };
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    (!s.is_empty()).then_some(v)
}

/// Numerals and markers agree with the reference: `chinese_numeral_value` on
/// any string, `to_chinese_numeral` on `n`, and the ordinal of any marker
/// `parse_marker` reads at the start of `text`.
pub fn check_markers(text: &str, n: u32) {
    // Numeral values of every prefix made of numeral characters.
    let numeral_prefix: String = text
        .chars()
        .take_while(|c| "〇零一二三四五六七八九十百千".contains(*c))
        .take(16)
        .collect();
    for (end, _) in numeral_prefix
        .char_indices()
        .skip(1)
        .chain(std::iter::once((numeral_prefix.len(), ' ')))
    {
        let s = &numeral_prefix[..end];
        let got = gangmu::chinese_numeral_value(s);
        let want = reference_numeral_value(s);
        assert_eq!(
            got, want,
            "chinese_numeral_value({s:?}) should agree with the reference"
        );
    }
    let n = n % 9999 + 1;
    let rendered = gangmu::to_chinese_numeral(n);
    assert_eq!(rendered, reference_numeral(n), "to_chinese_numeral({n})");
    assert_eq!(gangmu::chinese_numeral_value(&rendered), Some(n));

    let Some(m) = gangmu::parse_marker(text) else {
        return;
    };
    assert_eq!(
        m.span,
        Span::new(0, m.text.len()),
        "a marker's span should cover its text"
    );
    assert!(
        text.starts_with(&m.text),
        "a marker should be a prefix of the text"
    );
    // The numeral as written, without brackets, delimiters and 第…条.
    let mut core = m.text.as_str();
    for part in [&m.open, &m.close, &m.extra].into_iter().flatten() {
        core = core.strip_prefix(part.as_str()).unwrap_or(core);
        core = core.strip_suffix(part.as_str()).unwrap_or(core);
    }
    let core = core.strip_prefix('第').unwrap_or(core);
    let core = ["部分", "篇", "编", "章", "节", "条"]
        .iter()
        .find_map(|u| core.strip_suffix(u))
        .unwrap_or(core);
    let expected = reference_numeral_value(core).or_else(|| arabic_value(core));
    if let Some(v) = expected {
        assert_eq!(
            m.ordinal, v,
            "the marker {:?} should have the ordinal of its numeral {core:?}",
            m.text
        );
    } else if core
        .chars()
        .all(|c| "〇零一二三四五六七八九十百千".contains(c))
        && !core.is_empty()
    {
        panic!(
            "the marker {:?} was read from {core:?}, which the reference does not accept as a numeral",
            m.text
        );
    }
}

// ---- linear time -------------------------------------------------------

/// `unit` written `times` times, with `@` replaced by the repetition's number
/// and `^` by its Chinese numeral (1-based), so that repeated headings can count
/// up (`^、标题@`) and lines differ from one another.
pub fn repeat_unit(unit: &str, times: usize) -> String {
    let mut out = String::with_capacity(unit.len() * times + 16 * times);
    for i in 1..=times {
        let n = (i - 1) % 9999 + 1;
        for c in unit.chars() {
            match c {
                '@' => out.push_str(&i.to_string()),
                '^' => out.push_str(&gangmu::to_chinese_numeral(n as u32)),
                c => out.push(c),
            }
        }
    }
    out
}
