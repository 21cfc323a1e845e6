//! Character classes, sentence ends and word lists: the one copy that the
//! parser, the linter, the renderers and the chunker all use.
//!
//! Nothing here weighs context: each function looks at a character or a
//! string on its own. The parse stages and the lint rules decide what the
//! answers mean where they use them.

mod chars;
pub(crate) mod class;
mod words;

pub(crate) use chars::{
    char_len, char_len_capped, comparable, comparable_hash, comparable_string, ends_sentence,
    is_any_digit, is_chinese, is_cjk, is_fullwidth_digit, is_space, is_unit_char,
};
pub(crate) use words::{
    doc_type_of, ends_title, ends_with_organ, is_greeting, is_lead_in, is_section_name,
    names_an_organ, strip_trailing_parentheticals, ORGAN_SUFFIXES,
};
