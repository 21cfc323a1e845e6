//! Citation labels (引用标签) built from the structure: `第十二条第二款`,
//! `第三条第（一）项`, `一、（二）`, `附件2 三、`, and ranges of packed
//! siblings such as `第一条至第三条`.
//!
//! A citation is a list of segments, outermost first. Regulation units follow
//! drafting practice: an article (条) is cited on its own, without its chapter
//! (articles are numbered through the whole regulation); its paragraphs (款)
//! are `第二款` when it has more than one; an item (项) in an article is
//! `第（一）项`, a sub-item (目) under it `第1目`. Other markers are cited as
//! written (`一、（二）1.`); a decimal number (`1.2`) replaces its parent's
//! (`1`). Unnumbered headings and attachments are cited by their label,
//! separated by a space.

use crate::marker::{Marker, MarkerFamily};

/// What a segment cites, which decides how it combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// 部分, 编, 章, 节: dropped below an article.
    Division,
    /// 条.
    Article,
    /// 款, the unnumbered paragraph of an article.
    Clause,
    /// 项, `（一）` in an article.
    Item,
    /// 目, `1.` under an item.
    SubItem,
    /// A decimal outline number (`1.2`), which contains its parents.
    Decimal,
    /// Any other marker, cited as written.
    Marker,
    /// An unnumbered heading or an attachment, cited by its label.
    Label,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    pub text: String,
    pub kind: Kind,
}

/// The citation of a section, a paragraph (款) or an attachment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Cite(pub Vec<Segment>);

impl Cite {
    /// The citation of a section under `self` headed by `marker` (or, for an
    /// unnumbered heading, by `label`). `clause` is the paragraph (款) of the
    /// enclosing article the section follows, when that article has several.
    pub fn child(&self, marker: Option<&Marker>, label: &str, clause: Option<u32>) -> Cite {
        let mut segs = self.0.clone();
        let last = segs.last().map(|s| s.kind);
        let Some(m) = marker else {
            segs.push(Segment {
                text: label.to_string(),
                kind: Kind::Label,
            });
            return Cite(segs);
        };
        let text = m.text.trim();
        let segment = match m.family {
            MarkerFamily::Part
            | MarkerFamily::Volume
            | MarkerFamily::Chapter
            | MarkerFamily::Section => Segment {
                text: text.to_string(),
                kind: Kind::Division,
            },
            MarkerFamily::Article => {
                while segs.last().is_some_and(|s| s.kind == Kind::Division) {
                    segs.pop();
                }
                Segment {
                    text: text.to_string(),
                    kind: Kind::Article,
                }
            }
            MarkerFamily::ChineseParen if matches!(last, Some(Kind::Article | Kind::Clause)) => {
                if let Some(k) = clause {
                    segs.push(clause_segment(k));
                }
                Segment {
                    text: format!("第{}项", text.trim_end_matches(['、', '.', '．'])),
                    kind: Kind::Item,
                }
            }
            MarkerFamily::ArabicDot if last == Some(Kind::Item) => Segment {
                text: format!("第{}目", m.ordinal),
                kind: Kind::SubItem,
            },
            MarkerFamily::Decimal1
            | MarkerFamily::Decimal2
            | MarkerFamily::Decimal3
            | MarkerFamily::Decimal4 => {
                while segs.last().is_some_and(|s| s.kind == Kind::Decimal) {
                    segs.pop();
                }
                Segment {
                    text: text.to_string(),
                    kind: Kind::Decimal,
                }
            }
            _ => Segment {
                text: text.to_string(),
                kind: Kind::Marker,
            },
        };
        segs.push(segment);
        Cite(segs)
    }

    /// The citation of an attachment: `附件2`, or `附件` when there is one.
    pub fn attachment(label: String) -> Cite {
        Cite(vec![Segment {
            text: label,
            kind: Kind::Label,
        }])
    }

    /// This citation (an article's) narrowed to its paragraphs `first..=last` (款).
    pub fn clauses(&self, first: u32, last: u32) -> Cite {
        let mut segs = self.0.clone();
        let mut seg = clause_segment(first);
        if last > first {
            let joint = if last > first + 1 { "至" } else { "、" };
            seg.text = format!("{}{joint}{}", seg.text, clause_segment(last).text);
        }
        segs.push(seg);
        Cite(segs)
    }

    /// The segments this citation shares with `other`, outermost first.
    pub fn common(&self, other: &Cite) -> Cite {
        let n = self
            .0
            .iter()
            .zip(&other.0)
            .take_while(|(a, b)| a == b)
            .count();
        Cite(self.0[..n].to_vec())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The label as written: segments joined, labels set off by spaces.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 && (s.kind == Kind::Label || self.0[i - 1].kind == Kind::Label) {
                out.push(' ');
            }
            out.push_str(&s.text);
        }
        out
    }
}

fn clause_segment(k: u32) -> Segment {
    Segment {
        text: format!("第{}款", crate::numeral::to_chinese_numeral(k)),
        kind: Kind::Clause,
    }
}

/// The citation of a chunk made of `parts` (in order): one part's citation,
/// or siblings that differ only in their last segment as a range
/// (`第一条至第三条`; two as `第一条、第二条`), else the unit that holds
/// them all (or the first).
pub(super) fn range(parts: &[&Cite]) -> String {
    let parts: Vec<&Cite> = parts.iter().copied().filter(|c| !c.is_empty()).collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return String::new();
    };
    if parts.len() == 1 || first == last {
        return first.render();
    }
    let n = first.0.len();
    let siblings = n > 0
        && last.0.len() == n
        && first.0[..n - 1] == last.0[..n - 1]
        && parts.iter().all(|c| c.0.len() == n);
    if siblings {
        // Two siblings are listed, `一、二、` or `第一条、第二条`; more are a range.
        let joint = match (parts.len() > 2, first.0[n - 1].text.ends_with('、')) {
            (true, _) => "至",
            (false, true) => "",
            (false, false) => "、",
        };
        let mut tail = Cite(vec![last.0[n - 1].clone()]).render();
        if first.0[n - 1].kind == Kind::Label {
            tail = format!(" {tail}");
        }
        return format!("{}{joint}{tail}", first.render());
    }
    // Parts at different levels: the unit that holds them all, else the first.
    let common = parts
        .iter()
        .fold(first.0.clone(), |acc, c| Cite(acc).common(c).0);
    if common.is_empty() {
        first.render()
    } else {
        Cite(common).render()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Marker {
        let line = format!("{s}加强管理");
        crate::parse_marker(&line).expect("a marker")
    }

    #[test]
    fn an_article_is_cited_without_its_chapter() {
        let chapter = Cite::default().child(Some(&marker("第二章")), "第二章总则", None);
        assert_eq!(chapter.render(), "第二章");
        let article = chapter.child(Some(&marker("第十二条")), "第十二条", None);
        assert_eq!(
            article.render(),
            "第十二条",
            "articles are numbered through the regulation"
        );
        assert_eq!(article.clauses(2, 2).render(), "第十二条第二款");
        assert_eq!(article.clauses(2, 4).render(), "第十二条第二款至第四款");
    }

    #[test]
    fn items_and_sub_items_of_an_article_use_xiang_and_mu() {
        let article = Cite::default().child(Some(&marker("第三条")), "", None);
        let item = article.child(Some(&marker("（一）")), "", None);
        assert_eq!(item.render(), "第三条第（一）项");
        assert_eq!(
            article.child(Some(&marker("（二）")), "", Some(2)).render(),
            "第三条第二款第（二）项",
            "an item of the second of several 款 names its 款"
        );
        let sub = item.child(Some(&marker("1.")), "", None);
        assert_eq!(sub.render(), "第三条第（一）项第1目");
    }

    #[test]
    fn other_markers_are_cited_as_written_and_labels_spaced() {
        let one = Cite::default().child(Some(&marker("一、")), "一、总体要求", None);
        assert_eq!(
            one.child(Some(&marker("（二）")), "", None).render(),
            "一、（二）"
        );
        let annex = Cite::attachment("附件2".into());
        assert_eq!(
            annex.child(Some(&marker("三、")), "", None).render(),
            "附件2 三、"
        );
        let plain = Cite::default().child(None, "过去五年的回顾", None);
        assert_eq!(
            plain.child(Some(&marker("一、")), "", None).render(),
            "过去五年的回顾 一、"
        );
    }

    #[test]
    fn a_decimal_number_replaces_its_parent() {
        let top = Cite::default().child(Some(&marker("1.2")), "", None);
        let sub = top.child(Some(&marker("1.2.3")), "", None);
        assert_eq!(sub.render(), "1.2.3");
    }

    #[test]
    fn packed_siblings_are_cited_as_a_range() {
        let cites: Vec<Cite> = ["第一条", "第二条", "第三条"]
            .iter()
            .map(|m| Cite::default().child(Some(&marker(m)), "", None))
            .collect();
        let refs: Vec<&Cite> = cites.iter().collect();
        assert_eq!(range(&refs), "第一条至第三条");
        assert_eq!(range(&refs[..2]), "第一条、第二条");
        let one = Cite::default().child(Some(&marker("一、")), "", None);
        let a = one.child(Some(&marker("（二）")), "", None);
        let b = one.child(Some(&marker("（四）")), "", None);
        let c = one.child(Some(&marker("（三）")), "", None);
        assert_eq!(range(&[&a, &c, &b]), "一、（二）至（四）");
        assert_eq!(
            range(&[&Cite::default(), &a]),
            "一、（二）",
            "empty citations are skipped"
        );
        assert_eq!(
            range(&[&one, &a]),
            "一、",
            "a parent with its children is cited as the parent"
        );
    }
}
