//! The `gangmu/1` JSON of any parsed tree reads back as the same tree.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    invariants::check_json_roundtrip(text);
});
