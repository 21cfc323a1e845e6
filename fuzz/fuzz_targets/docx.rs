//! `docx`: the .docx reader never panics; what it reads has a consistent
//! source map and a well-formed tree, and neither lint fixes nor `fix` edit
//! generated numbering. See `crates/gangmu/tests/support/docx_input.rs` for
//! the input format and the property.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;
#[path = "../../crates/gangmu/tests/support/docx_input.rs"]
mod docx_input;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    docx_input::check_docx(data);
});
