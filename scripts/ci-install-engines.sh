#!/usr/bin/env bash
# Installs what the engine tests (scripts/test-engines.sh) need from the system:
# a Java runtime of version 17 or later for Spark, from Debian's packages when
# the machine has none. The Python packages (ray, pyspark) go into the test
# virtualenv in scripts/test-engines.sh.
set -euo pipefail

java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)"
if [[ -n "$java_major" && "$java_major" -ge 17 ]]; then
    echo "Java $java_major is installed"
    exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
    echo "error: Spark needs Java 17 or later; install default-jre-headless as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java -version
