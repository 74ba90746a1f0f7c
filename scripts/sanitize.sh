#!/usr/bin/env bash
# Builds the core, the command-line tools and their test suites with AddressSanitizer
# and UndefinedBehaviorSanitizer (RDBM_SANITIZE="address;undefined") in build-asan/
# (or $RDBM_ASAN_BUILD_DIR) and runs those suites (ctest label "core"). Left out: the
# GUI, the benchmarks, the fuzz targets (scripts/fuzz.sh runs those under ASan) and the
# two "core-heavy" suites, test_training and test_bundled_models (minutes of LibTorch
# arithmetic each under ASan, with little of our code in the loop). .ci/run runs this
# after the normal build and suites; on two cores that adds about 10 minutes of build
# and 7 of suites.
#
# Only our code is instrumented; LibTorch and OpenCV are not (their own bugs are out
# of reach, and their memory is still checked where our code touches it). Suppressions
# go in scripts/sanitizers/*.supp, each with the reason; none has been needed so far.
# Any report fails the run (halt_on_error, no recovery), leaks included.
#
# Environment: RDBM_ASAN_JOBS (default: nproc), RDBM_ASAN_TESTS (ctest -R regex).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${RDBM_ASAN_BUILD_DIR:-build-asan}
JOBS=${RDBM_ASAN_JOBS:-$(nproc)}
GENERATOR=()
command -v ninja >/dev/null && GENERATOR=(-G Ninja)

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  # -O1 -g1: stacks with file and line at a fraction of -O3 -g's compile time; the
  # heavy arithmetic runs inside (uninstrumented, optimised) LibTorch either way.
  cmake -S . -B "$BUILD_DIR" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g1 -DNDEBUG" \
    -DRDBM_SANITIZE="address;undefined" -DRDBM_BUILD_GUI=OFF -DRDBM_BUILD_BENCH=OFF
fi
start=$SECONDS
cmake --build "$BUILD_DIR" --parallel "$JOBS"
echo "sanitize.sh: build took $((SECONDS - start)) s"

SUPP="$ROOT/scripts/sanitizers"
# handle_segv=0: the TorchScript probe (tools/torchscript-probe) is meant to die by
# SIGSEGV when LibTorch crashes on a crafted file, and the suites check for that signal;
# ASan's handler would turn it into exit 1. A segfault in our own code still fails its
# test, since the process dies.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:handle_segv=0:suppressions=$SUPP/asan.supp"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$SUPP/ubsan.supp"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
cd "$BUILD_DIR"
# ^core$: not core-heavy, whose suites this build does not make.
ARGS=(-L '^core$' --output-on-failure --timeout 1800 -j "$JOBS")
[ -n "${RDBM_ASAN_TESTS:-}" ] && ARGS+=(-R "$RDBM_ASAN_TESTS")
start=$SECONDS
ctest "${ARGS[@]}"
echo "sanitize.sh: the suites took $((SECONDS - start)) s"
