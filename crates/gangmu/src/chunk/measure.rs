//! How long a piece of text is for the budget: code points, or any length
//! function (a tokenizer's token count) with its answers cached by span.

use std::collections::HashMap;

use crate::span::{LineIndex, Span};

pub(super) enum Measure<'a> {
    /// Code points, from the line index (constant time per span).
    Chars(LineIndex),
    /// A caller's function; each span is measured once.
    Custom {
        length: &'a mut dyn FnMut(&str) -> usize,
        cache: HashMap<(usize, usize), usize>,
    },
}

impl<'a> Measure<'a> {
    pub fn chars(text: &str) -> Measure<'a> {
        Measure::Chars(LineIndex::new(text))
    }

    pub fn custom(length: &'a mut dyn FnMut(&str) -> usize) -> Measure<'a> {
        Measure::Custom {
            length,
            cache: HashMap::new(),
        }
    }

    /// The length of `text[span]`.
    pub fn len(&mut self, text: &str, span: Span) -> usize {
        if span.is_empty() {
            return 0;
        }
        match self {
            Measure::Chars(index) => index.char_offset(span.end) - index.char_offset(span.start),
            Measure::Custom { length, cache } => *cache
                .entry((span.start, span.end))
                .or_insert_with(|| length(&text[span.range()])),
        }
    }

    /// Lengths add up: the length of two spans joined is the sum of theirs
    /// and that of the text between. True of code points; for a tokenizer an
    /// estimate, so packed pieces are measured again as a whole.
    pub fn exact(&self) -> bool {
        matches!(self, Measure::Chars(_))
    }
}
