//! Numeral and marker parsing agree with a straightforward reference
//! implementation (`reference_numeral` in the shared invariants): the value of
//! any run of numeral characters, the rendering of any ordinal, and the ordinal
//! of any marker read at the start of the text. The first four bytes choose the
//! ordinal to render; the rest is the text.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (n, rest) = if data.len() >= 4 {
        (
            u32::from_le_bytes([data[0], data[1], data[2], data[3]]),
            &data[4..],
        )
    } else {
        (1, data)
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        invariants::check_markers(text, n);
    }
});
