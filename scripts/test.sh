#!/usr/bin/env bash
# The test command: installs what is missing, builds everything and runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd "${RDBM_BUILD_DIR:-build}"
# GUI suites use Qt's offscreen platform; each is limited by ctest's default timeout.
ctest --output-on-failure --timeout 900 -j "$(nproc)"
