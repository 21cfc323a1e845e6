#!/usr/bin/env bash
# Compares the output of two `gangmu` binaries for `lint` (every format, with
# and without --statistics) and `fix` (text and --diff) over every fixture and
# corpus document, one file at a time and all together. Used to check that a
# restructuring of the emitters changes no byte:
#
#   scripts/lint-output-identity.sh /tmp/gangmu-before target/release/gangmu
#
# Prints one line per difference and a summary; exits 1 on any difference.
set -uo pipefail
cd "$(dirname "$0")/.."
before="$1" after="$2"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
files=(tests/fixtures/*.txt tests/corpus/*.txt)
runs=0 diffs=0
check() { # label, args...
    local label="$1"; shift
    "$before" "$@" >"$out/b.out" 2>"$out/b.err"; local rb=$?
    "$after" "$@" >"$out/a.out" 2>"$out/a.err"; local ra=$?
    runs=$((runs + 1))
    if [ "$rb" != "$ra" ] || ! cmp -s "$out/b.out" "$out/a.out" || ! cmp -s "$out/b.err" "$out/a.err"; then
        diffs=$((diffs + 1))
        echo "DIFFERS: $label (exit $rb vs $ra)"
    fi
}
for f in "${files[@]}"; do
    for fmt in text json sarif; do
        check "lint --format $fmt $f" lint --format "$fmt" "$f"
    done
    for fmt in text json; do
        check "lint --statistics --format $fmt $f" lint --statistics --format "$fmt" "$f"
    done
    check "fix $f" fix "$f"
    check "fix --diff $f" fix --diff "$f"
    check "fix --unsafe $f" fix --unsafe "$f"
done
for fmt in text json sarif; do
    check "lint --format $fmt (all files)" lint --format "$fmt" "${files[@]}"
done
check "lint --statistics (all files)" lint --statistics "${files[@]}"
echo "$runs runs over ${#files[@]} files: $diffs differ"
[ "$diffs" = 0 ]
