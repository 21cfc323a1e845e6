#!/usr/bin/env bash
# Builds the gangmu wheel, installs it into a virtualenv and tests the
# INSTALLED package: ruff, pytest (tests/python, with docstring and docs
# examples) and mypy.stubtest of the hand-written gangmu/_native.pyi.
#
# Needs only python3 (>= 3.9) with venv and pip, a Rust toolchain, and PyPI
# (for maturin, pytest, mypy, ruff on the first run).
#
#   scripts/test-python.sh              # build, install, lint, test
#   VENV=/tmp/venv scripts/test-python.sh
#   PYTEST_ARGS="-k chunks" scripts/test-python.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${VENV:-$root/.venv}"
python="${PYTHON:-python3}"

step() { printf '\n== %s\n' "$*"; }

if [[ ! -x "$venv/bin/python" ]]; then
    step "creating $venv"
    "$python" -m venv "$venv"
fi
step "tools: maturin, pytest, mypy, ruff"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.5,<2" "pytest>=7" "mypy>=1.8" "ruff>=0.4"
# The optional dependencies the tests exercise, one file per extra.
for req in "$root"/tests/python/requirements-*.txt; do
    [[ -f "$req" ]] || continue
    step "optional dependencies: ${req#"$root"/}"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
done

step "retrieval frameworks for the integration tests (langchain-text-splitters, llama-index-core)"
VENV="$venv" bash "$root/scripts/install-retrieval-extras.sh"

step "ruff check python tests/python"
"$venv/bin/ruff" check python tests/python
"$venv/bin/ruff" format --check python tests/python

step "maturin build --release (abi3 wheel)"
dist="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$dist" "$work"' EXIT
"$venv/bin/maturin" build --release --quiet --out "$dist" --interpreter "$venv/bin/python"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$dist"/gangmu-*.whl

# Run from outside the source tree so that nothing but the installed package
# can be imported as `gangmu`.
cd "$work"
installed="$("$venv/bin/python" -c 'import gangmu; print(gangmu.__file__)')"
case "$installed" in
    "$root"/python/*) echo "error: gangmu imported from the source tree ($installed)" >&2; exit 1 ;;
esac
echo "installed: $installed"

step "mypy.stubtest gangmu._native"
"$venv/bin/python" -m mypy.stubtest gangmu._native

step "mypy --strict on the package"
"$venv/bin/python" -m mypy --strict --no-incremental -p gangmu

step "pytest tests/python"
# shellcheck disable=SC2086
"$venv/bin/python" -m pytest -p no:cacheprovider --rootdir "$root" -c "$root/pyproject.toml" \
    "$root/tests/python" ${PYTEST_ARGS:-}
