//! Doubling the input must not more than roughly double the work. The input is
//! a unit repeated into a document (`@` becomes the repetition number and `^`
//! its Chinese numeral, so headings can count up and lines differ); the work of
//! `parse` and of `lint` is counted deterministically — allocations and bytes
//! allocated, through a counting global allocator — at k and at 4k repetitions.
//! A linear parser does about 4× the work at 4× the size; a quadratic one 16×.
//!
//! Wall time is never used: it is noisy on shared CI machines. The counter sees
//! quadratic behaviour that allocates (building strings, vectors or nodes per
//! step); a quadratic loop that allocates nothing is caught instead by the
//! hostile-input tests and the regression tests with large inputs.
#![no_main]

#[path = "../../crates/gangmu/tests/support/invariants.rs"]
mod invariants;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use libfuzzer_sys::fuzz_target;

struct Counting;

static CALLS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size() as u64, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size as u64, Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Work done by `f`: (allocation calls, bytes allocated).
fn work(f: impl FnOnce()) -> (u64, u64) {
    let (c0, b0) = (CALLS.load(Relaxed), BYTES.load(Relaxed));
    f();
    (CALLS.load(Relaxed) - c0, BYTES.load(Relaxed) - b0)
}

/// Smallest repetition count giving at least this many bytes.
const SMALL_BYTES: usize = 4096;
const FACTOR: usize = 4;

fn check(name: &str, unit: &str, op: fn(&str)) {
    let k = SMALL_BYTES.div_ceil(unit.len().max(1)).max(8);
    let small = invariants::repeat_unit(unit, k);
    let large = invariants::repeat_unit(unit, k * FACTOR);
    op(&small); // warm up lazily built state (compiled regexes, caches)
    let (c1, b1) = work(|| op(&small));
    let (c2, b2) = work(|| op(&large));
    // A linear parser: about FACTOR×, plus slack for amortised growth of
    // vectors (powers of two) and a constant.
    let bound = |w: u64| w * (FACTOR as u64 * 2) + 256;
    assert!(
        c2 <= bound(c1),
        "{name}: allocations grew from {c1} to {c2} when the input grew {FACTOR}× ({} → {} bytes): superlinear work",
        small.len(),
        large.len()
    );
    assert!(
        b2 <= bound(b1) + (large.len() as u64) * 16,
        "{name}: bytes allocated grew from {b1} to {b2} when the input grew {FACTOR}× ({} → {} bytes): superlinear work",
        small.len(),
        large.len()
    );
}

fuzz_target!(|unit: &str| {
    if unit.is_empty() || unit.len() > 256 {
        return;
    }
    check("parse", unit, |t| {
        std::hint::black_box(gangmu::parse(t));
    });
    check("lint", unit, |t| {
        std::hint::black_box(gangmu::lint::lint(t, &gangmu::lint::Config::default()));
    });
});
