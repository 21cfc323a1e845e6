//! `lint` never panics; every diagnostic and fix edit lies inside the input on
//! char boundaries.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    invariants::check_lint(text);
});
