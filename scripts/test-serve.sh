#!/usr/bin/env bash
# The tests of `gangmu serve` that need more than `cargo test`:
#   1. the load test against the release binary, printing its figures
#      (requests per second, latency percentiles, memory before and after);
#   2. the page in a real headless Chromium (tests/serve, pytest + Selenium),
#      after ruff and mypy --strict on the test code.
# Needs a release build (cargo build --release -p gangmu-cli), chromium and
# chromium-driver (scripts/ci-install-serve.sh) and PyPI for selenium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${VENV:-$root/.venv}"
bin="$root/target/release/gangmu"
step() { printf '\n== %s\n' "$*"; }

[ -x "$bin" ] || cargo build --release -p gangmu-cli
bash scripts/ci-install-serve.sh

step "load: rounds of 200 concurrent requests against the release server"
GANGMU_BIN="$bin" cargo test -q -p gangmu-cli --test serve_load -- --nocapture

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
step "tools: selenium, pytest, ruff, mypy"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "selenium>=4.15,<5" "pytest>=7" "ruff>=0.4" "mypy>=1.8"

step "ruff and mypy --strict on tests/serve and scripts/serve-screenshots.py"
"$venv/bin/ruff" check tests/serve scripts/serve-screenshots.py
"$venv/bin/ruff" format --check tests/serve scripts/serve-screenshots.py
"$venv/bin/mypy" --strict tests/serve scripts/serve-screenshots.py

step "the page in headless Chromium"
GANGMU_BIN="$bin" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/serve
