#!/usr/bin/env bash
# Tests gangmu inside real engines: Ray Data on a local cluster
# (ray.init(num_cpus=2)) and Spark on local[2], running the recipes of
# docs/scale.md and comparing their output with serial parse_many, row for row.
#
# Uses the virtualenv of scripts/test-python.sh, which builds and installs the
# wheel (run it first); installs tests/engines/requirements.txt (ray[data],
# pyspark) into it. Spark needs Java 17 or later (scripts/ci-install-engines.sh
# installs Debian's default-jre-headless where it is missing).
#
#   scripts/test-engines.sh
#   PYTEST_ARGS="-k ray" scripts/test-engines.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${VENV:-$root/.venv}"

step() { printf '\n== %s\n' "$*"; }

if ! "$venv/bin/python" -c "import gangmu, pyarrow" 2>/dev/null; then
    echo "error: $venv has no gangmu with pyarrow; run scripts/test-python.sh first" >&2
    exit 1
fi
java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
    echo "error: Spark needs Java 17 or later (found: ${java_major:-none});" \
        "run scripts/ci-install-engines.sh as root, or install a JRE" >&2
    exit 1
fi

step "engines: tests/engines/requirements.txt (Java $java_major)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/engines/requirements.txt

step "ruff check tests/engines"
"$venv/bin/ruff" check tests/engines
"$venv/bin/ruff" format --check tests/engines

step "pytest tests/engines (Ray num_cpus=2, Spark local[2])"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck disable=SC2086
"$venv/bin/python" -m pytest -p no:cacheprovider --rootdir "$root" -c "$root/pyproject.toml" \
    -W "ignore::DeprecationWarning:ray.data.context" "$root/tests/engines" ${PYTEST_ARGS:-}
