#!/usr/bin/env bash
# The test command: installs what is missing, checks the formatting, builds everything
# with warnings as errors and runs every suite.
#   RDBM_CI_SANITIZE=1  then builds the core, the command-line tools and their tests
#                       with AddressSanitizer + UBSan in build-asan/ and runs them
#                       (scripts/sanitize.sh, a second build). .ci/run sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Cheap first: formatting of the files listed in .clang-format-files (seconds).
bash scripts/check-format.sh
# -Werror applies when build.sh configures a fresh build directory (CI's clean clone).
bash scripts/build.sh -DRDBM_WERROR=ON
(
  cd "${RDBM_BUILD_DIR:-build}"
  # GUI suites use Qt's offscreen platform; each is limited by ctest's default timeout.
  # Suites run in parallel, one per core: one intra-op thread each, since LibTorch's
  # OpenMP threads spin and oversubscribed cores run several times slower.
  export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
  ctest --output-on-failure --timeout 900 -j "$(nproc)"
)
if [ "${RDBM_CI_SANITIZE:-0}" = 1 ]; then
  bash scripts/sanitize.sh
fi
