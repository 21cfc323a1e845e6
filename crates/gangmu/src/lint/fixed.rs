//! [`fix_with_edits`]: the fixed text together with the edits that turn the
//! original into it, in the original's byte offsets, each with the rules
//! whose fixes it carries.
//!
//! `fix` works in rounds (fixes that overlapped in one round are applied in
//! the next), so the edits of a later round point into the text of the round
//! before. [`compose`] folds each round into the edits made so far, so that
//! the result always describes original → fixed directly.

use serde::{Deserialize, Serialize};

use super::{lint, select_edits, splice, Config};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// One change from the original text to the fixed one.
///
/// ```
/// let fixed = gangmu::lint::fix_with_edits("一.总则\n", &Default::default(), false);
/// let e = &fixed.edits[0];
/// assert_eq!((e.span.start, e.span.end, e.replacement.as_str()), (3, 4, "、"));
/// assert_eq!(e.rules, ["HDR001"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixEdit {
    /// The bytes of the original text replaced.
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
    /// The ids of the rules whose fixes this edit carries (more than one when
    /// fixes of later rounds touched an earlier one), sorted.
    pub rules: Vec<String>,
}

/// The result of [`fix_with_edits`].
///
/// ```
/// let fixed = gangmu::lint::fix_with_edits("正文。\n", &Default::default(), false);
/// assert_eq!(fixed.text, "正文。\n");
/// assert!(fixed.edits.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedText {
    /// The fixed text: the same as [`super::fix`] gives.
    pub text: String,
    /// Sorted, non-overlapping edits of the original text that give `text`.
    pub edits: Vec<FixEdit>,
}

/// [`super::fix`], also returning the edits from the original text to the
/// fixed one (in the original's byte offsets), so that a front end can show
/// or apply them one by one.
///
/// ```
/// use gangmu::lint::{fix, fix_with_edits, Config};
/// let text = "一.总则\n(一)、目的\n";
/// let fixed = fix_with_edits(text, &Config::default(), false);
/// assert_eq!(fixed.text, fix(text, &Config::default(), false));
/// // Applying the edits to the original gives the fixed text.
/// let mut out = String::new();
/// let mut at = 0;
/// for e in &fixed.edits {
///     out.push_str(&text[at..e.span.start]);
///     out.push_str(&e.replacement);
///     at = e.span.end;
/// }
/// out.push_str(&text[at..]);
/// assert_eq!(out, fixed.text);
/// ```
pub fn fix_with_edits(text: &str, config: &Config, include_unsafe: bool) -> FixedText {
    let mut current = text.to_string();
    let mut edits: Vec<FixEdit> = Vec::new();
    for _ in 0..super::FIX_ROUNDS {
        let d = lint(&current, config);
        let round = select_edits(&current, &d, include_unsafe);
        let next = splice(&current, round.iter().map(|(e, _)| *e));
        if next == current {
            break;
        }
        let round: Vec<FixEdit> = round
            .into_iter()
            .map(|(e, rule)| FixEdit {
                span: e.span,
                replacement: e.replacement.clone(),
                rules: vec![rule.to_string()],
            })
            .collect();
        edits = compose(&edits, &current, &round);
        current = next;
    }
    FixedText {
        text: current,
        edits,
    }
}

/// Applies the fixes of the findings `keep` selects (of one lint of `text`),
/// in one round, with the edits made: what a reviewer's “fix this finding”
/// does. Fixes that overlap one already taken are skipped, as in
/// [`super::apply_fixes`].
///
/// ```
/// use gangmu::lint::{fix_selected, Config};
/// let text = "一.总则\n(一)目的\n";
/// let one = fix_selected(text, &Config::default(), false, |d| d.rule == "HDR001");
/// assert_eq!(one.text, "一、总则\n(一)目的\n");
/// assert_eq!(one.edits[0].rules, ["HDR001"]);
/// ```
pub fn fix_selected(
    text: &str,
    config: &Config,
    include_unsafe: bool,
    keep: impl Fn(&Diagnostic) -> bool,
) -> FixedText {
    let found: Vec<Diagnostic> = lint(text, config).into_iter().filter(|d| keep(d)).collect();
    let round = select_edits(text, &found, include_unsafe);
    FixedText {
        text: splice(text, round.iter().map(|(e, _)| *e)),
        edits: round
            .into_iter()
            .map(|(e, rule)| FixEdit {
                span: e.span,
                replacement: e.replacement.clone(),
                rules: vec![rule.to_string()],
            })
            .collect(),
    }
}

/// Folds `round` (edits of `current`, sorted and not overlapping) into
/// `done` (edits of the original that give `current`): the edits of the
/// original that give `current` with `round` applied. Edits that overlap or
/// touch are merged into one. Linear in the number of edits and the length of
/// the merged regions.
pub(crate) fn compose(done: &[FixEdit], current: &str, round: &[FixEdit]) -> Vec<FixEdit> {
    // Where each earlier edit lies in `current`, with the shift (bytes added)
    // before it.
    struct Placed<'a> {
        at: Span,
        shift_before: isize,
        edit: &'a FixEdit,
    }
    let mut placed = Vec::with_capacity(done.len());
    let mut shift = 0isize;
    for e in done {
        let start = (e.span.start as isize + shift) as usize;
        placed.push(Placed {
            at: Span::new(start, start + e.replacement.len()),
            shift_before: shift,
            edit: e,
        });
        shift += e.replacement.len() as isize - e.span.len() as isize;
    }
    // Intervals of `current` to rewrite: earlier edits and this round's, in
    // order of start (earlier edits first on ties).
    let mut out = Vec::with_capacity(done.len() + round.len());
    let (mut i, mut j) = (0, 0);
    while i < placed.len() || j < round.len() {
        // Start a cluster with whichever comes first, then absorb everything
        // that overlaps or touches it.
        let take_placed =
            j >= round.len() || (i < placed.len() && placed[i].at.start <= round[j].span.start);
        let mut cluster = if take_placed {
            placed[i].at
        } else {
            round[j].span
        };
        let (first_placed, first_round) = (i, j);
        loop {
            if i < placed.len() && placed[i].at.start <= cluster.end {
                cluster.end = cluster.end.max(placed[i].at.end);
                i += 1;
            } else if j < round.len() && round[j].span.start <= cluster.end {
                cluster.end = cluster.end.max(round[j].span.end);
                j += 1;
            } else {
                break;
            }
        }
        let in_cluster = &placed[first_placed..i];
        let round_edits = &round[first_round..j];
        // The cluster's ends in original offsets: an end that is an earlier
        // edit's end maps to that edit's original end; elsewhere the text is
        // unchanged and maps by the shift before it.
        let shift_at = |pos: usize| -> isize {
            // Shift of the unchanged text at `pos` (not inside an earlier edit).
            match placed.partition_point(|p| p.at.end <= pos) {
                0 => 0,
                k => {
                    placed[k - 1].shift_before + placed[k - 1].edit.replacement.len() as isize
                        - placed[k - 1].edit.span.len() as isize
                }
            }
        };
        let start = match in_cluster.first() {
            Some(p) if p.at.start == cluster.start => p.edit.span.start,
            _ => (cluster.start as isize - shift_at(cluster.start)) as usize,
        };
        let end = match in_cluster.last() {
            Some(p) if p.at.end == cluster.end => p.edit.span.end,
            _ => (cluster.end as isize - shift_at(cluster.end)) as usize,
        };
        // The cluster's new text: `current` over the cluster with this
        // round's edits applied.
        let mut replacement = String::new();
        let mut at = cluster.start;
        for e in round_edits {
            replacement.push_str(&current[at..e.span.start]);
            replacement.push_str(&e.replacement);
            at = e.span.end;
        }
        replacement.push_str(&current[at..cluster.end]);
        let mut rules: Vec<String> = in_cluster
            .iter()
            .flat_map(|p| p.edit.rules.iter())
            .chain(round_edits.iter().flat_map(|e| e.rules.iter()))
            .cloned()
            .collect();
        rules.sort();
        rules.dedup();
        out.push(FixEdit {
            span: Span::new(start, end),
            replacement,
            rules,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edits: &[FixEdit]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            assert!(
                e.span.start >= at,
                "edits should be sorted and apart: {edits:?}"
            );
            out.push_str(&text[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(&text[at..]);
        out
    }

    fn edit(start: usize, end: usize, r: &str) -> FixEdit {
        FixEdit {
            span: Span::new(start, end),
            replacement: r.into(),
            rules: vec!["X".into()],
        }
    }

    #[test]
    fn composed_edits_give_the_text_of_every_round() {
        // Random rounds of edits over an ASCII text: the composition applied
        // to the original must equal the rounds applied one after the other.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for case in 0..500 {
            let original: String = "abcdefghij".repeat(1 + next(5));
            let mut current = original.clone();
            let mut done: Vec<FixEdit> = Vec::new();
            for _ in 0..1 + next(4) {
                let mut round = Vec::new();
                let mut at = 0;
                while at < current.len() && round.len() < 6 {
                    let start = at + next(8);
                    if start > current.len() {
                        break;
                    }
                    let end = (start + next(4)).min(current.len());
                    round.push(edit(start, end, &"XYZ"[..next(4)]));
                    at = end + 1;
                }
                let next_text = apply(&current, &round);
                done = compose(&done, &current, &round);
                current = next_text;
                assert_eq!(apply(&original, &done), current, "case {case}");
            }
        }
    }

    #[test]
    fn fix_with_edits_agrees_with_fix_on_a_faulty_draft() {
        let text = "关于开展检查的通知。\n\n各单位:\n\n一.检查范围\n(一)、重点单位。\n（三）一般单位,要加强领导...\n\n某某局\n2024年09月05日\n";
        for unsafe_too in [false, true] {
            let c = Config::default();
            let fixed = fix_with_edits(text, &c, unsafe_too);
            assert_eq!(fixed.text, super::super::fix(text, &c, unsafe_too));
            assert_eq!(apply(text, &fixed.edits), fixed.text);
            assert!(fixed.edits.iter().all(|e| !e.rules.is_empty()));
        }
    }
}
