#!/usr/bin/env bash
# Fuzzing for CI, on the stable toolchain (no sanitizer: `-s none`).
#
#   scripts/fuzz-ci.sh [SECONDS_PER_TARGET]      (default 50; env FUZZ_SECONDS too)
#
# 1. Installs cargo-fuzz if missing and builds every target once.
# 2. Replays the seed corpus (fuzz/seeds, `-runs=0`) through every target.
# 3. Replays every saved crash (tests/fuzz-regressions/NNNN-TARGET-*.txt) through
#    its target (plain `cargo test` replays them too).
# 4. Fuzzes each target for SECONDS with one job, with the generated dictionary,
#    a fixed seed (FUZZ_SEED, default 1) and a cap on the number of runs.
#
# Reproducible CI: with a fixed seed, one in-process job and a fresh corpus
# (a clean clone), libFuzzer follows the same path on every machine; only the
# time limit cuts it at a machine-dependent point. The run caps below are
# what a green fresh-clone run reached in 50 s on the development machine, so
# a faster CI machine stops where that run was checked and a slower one
# earlier. FUZZ_UNCAPPED=1 drops the caps (for longer local fuzzing).
#
# Six targets × 50 s and docx × 30 s = 5.5 minutes of fuzzing; the build takes 1.5–3 minutes on
# two shared cores. A crash fails the script and prints the artifact; turn it
# into the next numbered file in tests/fuzz-regressions/ (see fuzz/README.md).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-${FUZZ_SECONDS:-50}}
TARGETS=(parse lint fix json_roundtrip markers linear_time docx)
REGRESSIONS="$ROOT/tests/fuzz-regressions"
declare -A RUNS=(
    [parse]=1380000 [lint]=207000 [fix]=92000
    [json_roundtrip]=540000 [markers]=33000000 [linear_time]=6600
    [docx]=187000
)
# The docx target has its own seeds (WordprocessingML fragments, see
# crates/gangmu/tests/support/docx_input.rs) and dictionary, and at most 30 s.
declare -A SEEDS=([docx]="$ROOT/fuzz/seeds-docx")
declare -A DICTS=([docx]="$ROOT/fuzz/docx.dict")
declare -A MAX_SECONDS=([docx]=30)
DICT="$ROOT/fuzz/gangmu.dict"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi

cd "$ROOT/fuzz"
echo "== building the fuzz targets"
start=$(date +%s)
cargo fuzz build -s none
echo "== built in $(( $(date +%s) - start )) s"

status=0
for t in "${TARGETS[@]}"; do
    echo "== $t: replaying the seed corpus"
    seeds="${SEEDS[$t]:-$ROOT/fuzz/seeds}"
    cargo fuzz run -s none "$t" "$seeds" -- -runs=0 -rss_limit_mb=4096 || status=1

    files=()
    for f in "$REGRESSIONS"/[0-9][0-9][0-9][0-9]-"$t"-*; do
        [[ -e "$f" ]] || continue
        files+=("$f")
    done
    if (( ${#files[@]} > 0 )); then
        echo "== $t: replaying ${#files[@]} saved crash(es)"
        cargo fuzz run -s none "$t" "${files[@]}" -- -rss_limit_mb=4096 || status=1
    fi
done
if (( status != 0 )); then
    echo "== FAILED: a seed or a saved crash fails its target" >&2
    exit 1
fi

for t in "${TARGETS[@]}"; do
    secs=$SECONDS_PER_TARGET
    if [[ -n "${MAX_SECONDS[$t]:-}" ]] && (( secs > ${MAX_SECONDS[$t]} )); then
        secs=${MAX_SECONDS[$t]}
    fi
    echo "== $t: fuzzing for ${secs} s"
    mkdir -p "corpus/$t"
    # In-process, one thread, fixed seed (FUZZ_SEED): a CI run is reproducible.
    runs=()
    [[ -n "${FUZZ_UNCAPPED:-}" ]] || runs=(-runs="${RUNS[$t]}")
    if ! cargo fuzz run -s none "$t" "corpus/$t" "${SEEDS[$t]:-$ROOT/fuzz/seeds}" -- \
            -max_total_time="$secs" "${runs[@]}" -seed="${FUZZ_SEED:-1}" -dict="${DICTS[$t]:-$DICT}" \
            -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
            -artifact_prefix="$ROOT/fuzz/artifacts/$t/" -print_final_stats=1 >"run-$t.out" 2>&1; then
        status=1
    fi
    mkdir -p "artifacts/$t"
    grep -hE "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|panicked|ERROR|Test unit written" "run-$t.out" || true
    if grep -qE "ERROR|panicked" "run-$t.out" 2>/dev/null; then
        status=1
        echo "== $t: CRASH; artifacts in fuzz/artifacts/$t/" >&2
        tail -40 "run-$t.out" >&2
    fi
done

if (( status != 0 )); then
    echo "== FAILED: fuzzing found a crash (see above)" >&2
    exit 1
fi
echo "== all fuzz targets passed"
