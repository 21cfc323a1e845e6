#!/usr/bin/env bash
# Installs what the tests of `gangmu serve` need beyond Rust and Python:
# Debian's chromium and chromium-driver, for the page test in a real headless
# browser. Selenium comes from PyPI in scripts/test-serve.sh. Called by .ci/run.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ci-install-serve: chromium and chromium-driver are missing; install them as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
chromium --version
