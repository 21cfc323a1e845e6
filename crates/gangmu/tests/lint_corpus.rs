//! Lints every document the tests can read — the fixtures, the official corpus
//! and the restored scraped pages where present (see `support/corpora.rs`): no
//! panic, every span and edit on character boundaries, fixes idempotent and
//! byte-identical outside their edits.

#[path = "support/corpora.rs"]
mod corpora;

use gangmu::lint::{apply_fixes, fix, lint, Config};

fn corpus() -> Vec<(String, String)> {
    corpora::all_documents()
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable");
            let text = gangmu::decode(&bytes).expect("decodable").text;
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}

#[test]
fn every_finding_lies_on_character_boundaries() {
    let config = Config::default();
    for (name, text) in corpus() {
        for d in lint(&text, &config) {
            for s in std::iter::once(d.span)
                .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)))
            {
                assert!(
                    s.start <= s.end
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end),
                    "{name}: {} span {s:?} should lie on character boundaries",
                    d.rule
                );
            }
            assert!(
                !d.message.is_empty() && !d.message_en.is_empty(),
                "{name}: {} needs both messages",
                d.rule
            );
            assert!(
                gangmu::lint::rules().iter().any(|r| r.id == d.rule),
                "{name}: unknown rule {}",
                d.rule
            );
        }
    }
}

#[test]
fn fixes_are_idempotent_on_every_document() {
    let config = Config::default();
    for include_unsafe in [false, true] {
        for (name, text) in corpus() {
            let once = fix(&text, &config, include_unsafe);
            let twice = fix(&once, &config, include_unsafe);
            assert!(
                once == twice,
                "{name}: fix should be idempotent (unsafe: {include_unsafe})"
            );
        }
    }
}

#[test]
fn text_outside_the_edits_is_byte_identical() {
    let config = Config::default();
    for (name, text) in corpus() {
        let d = lint(&text, &config);
        let out = apply_fixes(&text, &d, true);
        let mut edits: Vec<_> = d
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter())
            .collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        // Walk text and output together: between edits they must agree byte
        // for byte; at an edit the output holds the replacement or the original.
        let (mut i, mut j) = (0, 0);
        for e in edits {
            if e.span.start < i {
                continue;
            }
            let same = &text[i..e.span.start];
            assert!(
                out[j..].starts_with(same),
                "{name}: bytes before {:?} should be unchanged",
                e.span
            );
            j += same.len();
            i = e.span.start;
            if out[j..].starts_with(e.replacement.as_str()) && !e.replacement.is_empty()
                || e.replacement.is_empty() && !out[j..].starts_with(&text[e.span.range()])
            {
                j += e.replacement.len();
                i = e.span.end;
            }
        }
        assert_eq!(
            &out[j..],
            &text[i..],
            "{name}: the tail should be unchanged"
        );
    }
}

#[test]
fn safe_fixes_never_touch_wording() {
    let config = Config::default();
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                c.is_alphanumeric()
                    && !c.is_ascii_digit()
                    && !('０'..='９').contains(c)
                    && !"第年月日".contains(*c)
            })
            .collect()
    };
    for (name, text) in corpus() {
        let fixed = fix(&text, &config, false);
        assert_eq!(
            strip(&text),
            strip(&fixed),
            "{name}: safe fixes should change punctuation, digits and spacing only"
        );
        assert_eq!(
            fixed.matches("一。").count(),
            text.matches("一。").count(),
            "{name}: should never write 一。"
        );
    }
}
