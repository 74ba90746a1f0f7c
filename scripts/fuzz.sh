#!/bin/bash
# Fuzzes the readers that take hostile input with libFuzzer (clang, ASan + UBSan):
# configures fuzz/ as its own project in build-fuzz/ (the torch-free readers only), makes
# seed corpora from the test fixtures (run ctest in build/ once first so they exist) and
# runs each target for SECONDS, keeping the grown corpus in build-fuzz/corpus/<target>
# and anything found in build-fuzz/findings/<target>/.
#   scripts/fuzz.sh [SECONDS (default 60)] [TARGET ...]   e.g. scripts/fuzz.sh 3600 pickle zip
# Targets: pickle zip checkpoint safetensors metadata image exif. JOBS=N builds with N jobs;
# MAX_LEN=N caps input sizes (default 65536; smaller runs faster). RUNS=N stops each target
# after N executions instead (SECONDS is then only an upper bound), e.g.
#   RUNS=10000000 nice -n 19 scripts/fuzz.sh 86400
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pickle zip checkpoint safetensors metadata image exif)
build=$root/build-fuzz

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (apt-get install clang)" >&2; exit 1; }
CXX=clang++ cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -- -j"${JOBS:-2}"
/usr/bin/python3 "$root/fuzz/make_seeds.py" "$build/seeds" "$root" "$root/build/fixtures"

status=0
for t in "${targets[@]}"; do
    mkdir -p "$build/corpus/$t" "$build/findings/$t"
    echo "== fuzz_$t for ${seconds}s"
    # 256 MB per allocation and 1 GB in all: a bomb that gets past the budgets is a finding.
    if ! "$build/fuzz_$t" -max_total_time="$seconds" ${RUNS:+-runs="$RUNS"} -max_len="${MAX_LEN:-65536}" -timeout=10 -rss_limit_mb=1024 \
            -malloc_limit_mb=256 -print_final_stats=1 -artifact_prefix="$build/findings/$t/" \
            "$build/corpus/$t" "$build/seeds/$t" >"$build/fuzz_$t.log" 2>&1; then
        status=1
        grep -E "ERROR|SUMMARY|Test unit written" "$build/fuzz_$t.log" || true
    fi
    grep -aE "DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$t.log" || tail -3 "$build/fuzz_$t.log"
done
exit $status
