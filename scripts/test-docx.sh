#!/usr/bin/env bash
# The .docx reader against a real office suite, and hostile .docx in release:
#
# 1. LibreOffice makes the fixtures and their text exports afresh
#    (tests/fixtures/docx/make_fixtures.py, into a temporary directory); the
#    fresh exports must equal the committed ones, and gangmu's rendering of the
#    fresh .docx files must agree with them line by line
#    (crates/gangmu/tests/docx_libreoffice.rs). Without LibreOffice this part
#    is skipped with a notice — except in CI (CI=true), where it is required.
#    (Plain `cargo test` compares with the committed exports either way.)
# 2. The hostile .docx tests, with the zip bomb at the default limits and the
#    100 MB document (crates/gangmu/tests/docx_hostile.rs), in release.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v soffice >/dev/null 2>&1; then
    fresh="$(mktemp -d)"
    trap 'rm -rf "$fresh"' EXIT
    start=$(date +%s)
    python3 tests/fixtures/docx/make_fixtures.py --out "$fresh" 2>&1 | grep -v javaldx || true
    echo "fixtures and exports made by $(soffice --version | head -1) in $(( $(date +%s) - start )) s"
    drift=0
    for f in tests/fixtures/docx/*.libreoffice.txt; do
        if ! diff -u "$f" "$fresh/$(basename "$f")"; then
            drift=1
        fi
    done
    if (( drift )); then
        echo "LibreOffice's exports differ from the committed ones: run make_fixtures.py and review" >&2
        exit 1
    fi
    GANGMU_DOCX_FIXTURES="$fresh" cargo test -p gangmu --test docx_libreoffice -- --nocapture
    # A .docx that `gangmu fix --write` rewrote opens in LibreOffice and shows
    # the fixes, the generated labels as they were.
    mkdir -p "$fresh/written"
    cp tests/fixtures/docx/faulty_request.docx "$fresh/written/"
    cargo run -q -p gangmu-cli -- fix --write "$fresh/written/faulty_request.docx"
    (cd "$fresh/written" && soffice "-env:UserInstallation=file://$fresh/profile" --headless \
        --convert-to "txt:Text (encoded):UTF8" faulty_request.docx >/dev/null 2>&1)
    python3 - "$fresh/written/faulty_request.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8-sig").read()
for line in ["县财政局：", "（一）计算机十台。", "（二）打印机两台。", "    一. 购置理由"]:
    assert line + "\n" in text, f"LibreOffice should show {line!r} in the fixed .docx:\n{text}"
print("LibreOffice reads the .docx gangmu fixed: the fixes are there, the generated labels unchanged")
PY
elif [[ "${CI:-}" == "true" ]]; then
    echo "LibreOffice (soffice) is required in CI: scripts/ci-install-docx.sh installs it" >&2
    exit 1
else
    echo "soffice not found: skipping the live LibreOffice comparison (apt-get install libreoffice-writer-nogui)"
fi

cargo test --release -p gangmu --test docx_hostile -- --nocapture
