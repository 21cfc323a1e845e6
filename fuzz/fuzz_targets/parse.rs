//! `parse` never panics and gives a well-formed tree: leaves tile the input,
//! spans lie on char boundaries inside their parents, depths are at least 1 and
//! sections nest with increasing depth. Bytes that are not UTF-8 go through
//! `gangmu::decode` first (which may refuse them with an error, never a panic).
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => {
            invariants::check_parse(text);
        }
        Err(_) => {
            if let Ok(decoded) = gangmu::decode(data) {
                invariants::check_parse(&decoded.text);
            }
        }
    }
});
