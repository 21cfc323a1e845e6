#!/usr/bin/env bash
# Installs what the .docx tests need on a fresh machine: LibreOffice, headless
# (Debian's libreoffice-writer-nogui), which makes the .docx fixtures and their
# text exports that scripts/test-docx.sh compares gangmu with. About 45 s on
# the development machine (apt-get update included). Needs root and apt-get;
# elsewhere it says so and leaves the live comparison to be skipped.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
    echo "ci-install-docx: $(soffice --version 2>/dev/null | head -1)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [[ $(id -u) -ne 0 ]]; then
    echo "ci-install-docx: no apt-get as root here; install libreoffice-writer-nogui by hand" >&2
    exit 0
fi
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq libreoffice-writer-nogui >/dev/null
echo "ci-install-docx: $(soffice --version | head -1) installed in $(( $(date +%s) - start )) s"
