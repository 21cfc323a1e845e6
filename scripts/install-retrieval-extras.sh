#!/usr/bin/env bash
# Installs the retrieval frameworks that gangmu's integrations adapt to
# (the `langchain` and `llama-index` extras) into the test virtualenv, so that
# tests/python/test_integrations.py runs them for real.
#
#   VENV=.venv scripts/install-retrieval-extras.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${VENV:-$root/.venv}"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "langchain-text-splitters>=0.3" "llama-index-core>=0.12"
