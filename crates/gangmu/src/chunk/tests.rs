//! The chunking rules, one test each.

use super::*;

/// (text, heading path, citation) of each chunk.
fn cut(text: &str, max: usize) -> Vec<(String, Vec<String>, String)> {
    chunks(text, &crate::parse(text), max, 0)
        .into_iter()
        .map(|c| (c.text(text).to_string(), c.heading_path, c.citation))
        .collect()
}

fn texts(text: &str, max: usize) -> Vec<String> {
    cut(text, max).into_iter().map(|c| c.0).collect()
}

#[test]
fn explore() {
    let text = "关于做好工作的通知\n\n一、工作开展情况\n（一）周密部署。要加强领导。\n（二）狠抓落实。要强化督导。\n二、下一步打算\n继续推进。\n";
    for c in chunks(text, &crate::parse(text), 30, 0) {
        println!("{:?} {:?} {:?} {:?}", c.text(text), c.heading_path, c.citation, c.parts);
    }
    let _ = texts(text, 30);
}
