#!/usr/bin/env bash
# The test command: installs what is missing, builds everything and runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd "${RDBM_BUILD_DIR:-build}"
# GUI suites use Qt's offscreen platform; each is limited by ctest's default timeout.
# Suites run in parallel, one per core: one intra-op thread each, since LibTorch's
# OpenMP threads spin and oversubscribed cores run several times slower.
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
ctest --output-on-failure --timeout 900 -j "$(nproc)"
