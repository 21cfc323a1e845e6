//! A draft and its fixed version read the same (issue 10): safe fixes change
//! punctuation, never what is a title, a heading or an element. For every
//! official document, restored scraped page, fixture and faulty draft, the
//! tree of `fix(text)` has the same titles, headings (depth and marker
//! family) and elements, line for line, as the tree of `text`; and safe fixes
//! neither add nor remove lines.

#[path = "support/corpora.rs"]
mod corpora;

use std::collections::BTreeMap;

use gangmu::lint::{fix, Config};
use gangmu::{Document, Node};

/// What the structure says about each line: the titles, subtitles, headings
/// (depth and marker family), elements, attachments and entries that start
/// on it. Paragraphs, noise and blanks are left out: a fix may join or split
/// nothing, but which lines are body is not what this property is about.
fn structure(text: &str, doc: &Document) -> BTreeMap<usize, Vec<String>> {
    let index = gangmu::LineIndex::new(text);
    let mut lines: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (_, n) in doc.walk() {
        let what = match n {
            Node::Title(_) => "title".to_string(),
            Node::Subtitle(_) => "subtitle".to_string(),
            Node::Heading(h) => format!(
                "heading depth {} {}",
                h.depth,
                h.marker
                    .as_ref()
                    .map_or("unnumbered".to_string(), |m| format!("{:?}", m.family))
            ),
            Node::Meta(m) => format!("element {:?}", m.kind),
            Node::Attachment(_) => "attachment".to_string(),
            Node::Entry(_) => "entry".to_string(),
            _ => continue,
        };
        let (line, _) = index.line_col(n.span().start);
        lines.entry(line).or_default().push(what);
    }
    lines
}

/// The first line where two structures differ, described.
fn first_difference(
    before: &BTreeMap<usize, Vec<String>>,
    after: &BTreeMap<usize, Vec<String>>,
    text: &str,
    fixed: &str,
) -> Option<String> {
    let mut keys: Vec<usize> = before.keys().chain(after.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    let empty = Vec::new();
    keys.into_iter().find_map(|k| {
        let (b, a) = (
            before.get(&k).unwrap_or(&empty),
            after.get(&k).unwrap_or(&empty),
        );
        (b != a).then(|| {
            let line = |t: &str| {
                t.lines()
                    .nth(k - 1)
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect::<String>()
            };
            format!(
                "line {k}: {b:?} became {a:?}\n  before: {}\n  after:  {}",
                line(text),
                line(fixed)
            )
        })
    })
}

#[test]
fn safe_fixes_keep_titles_headings_and_elements_line_for_line() {
    let config = Config::default();
    let mut failures = Vec::new();
    let mut checked = 0;
    for input in corpora::everything() {
        let text = &input.text;
        let fixed = fix(text, &config, false);
        checked += 1;
        if fixed == *text {
            continue;
        }
        let where_ = format!("{}/{}", input.set, input.name);
        if fixed.lines().count() != text.lines().count() {
            failures.push(format!("{where_}: safe fixes changed the number of lines"));
            continue;
        }
        let before = structure(text, &gangmu::parse(text));
        let after = structure(&fixed, &gangmu::parse(&fixed));
        if let Some(d) = first_difference(&before, &after, text, &fixed) {
            failures.push(format!("{where_}: {d}"));
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} texts read differently after `fix`:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
