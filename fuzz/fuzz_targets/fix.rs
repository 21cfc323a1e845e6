//! `fix` is idempotent (`fix(fix(x)) == fix(x)`), equals lint + apply_fixes,
//! and leaves every byte outside the diagnostics' edits unchanged.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    invariants::check_fix(text);
});
