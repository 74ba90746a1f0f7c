#!/usr/bin/env bash
# The held-out quality benchmark in one command: installs the Debian packages its photos
# come from (bench/quality/photos.tsv), builds bench_quality, and scores every bundled
# model and every classical tool on crops and whole photos. Tables: out/quality/quality.md
# (also printed) and out/quality/quality.json; scores.jsonl grows as it runs.
#
#   bench/quality/run.sh [bench_quality options...]     e.g. --scales crop --max-photos 4
#
# About 25 minutes on 2 CPU cores for the three bundled models (OMP_NUM_THREADS sets the
# threads; default all cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t PKGS < <(grep -v '^#' bench/quality/photos.tsv | cut -f1 | sort -u)
bash scripts/apt-install-missing.sh "${PKGS[@]}"
BUILD=${RDBM_BUILD_DIR:-build}
[ -f "$BUILD/CMakeCache.txt" ] || bash scripts/build.sh
cmake --build "$BUILD" --target bench_quality
MODELS=()
for m in models/rdbm-*.safetensors; do MODELS+=(--model "$m"); done
"$BUILD/bench/quality/bench_quality" "${MODELS[@]}" --photos bench/quality/photos.tsv --out out/quality "$@"
