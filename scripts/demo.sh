#!/usr/bin/env bash
# The main job: install, build, and restore the bundled samples (a dark and a hazy
# copy of one photo) with the bundled residual (pi = x0 - mu) model. Results land in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
BUILD_DIR=${RDBM_BUILD_DIR:-build}
"$BUILD_DIR/tools/restore/rdbm-restore" resources/samples/coffee-dark.png \
  --model models/rdbm-residual.safetensors --steps 10 --reference resources/samples/coffee-clean.png \
  -o out/coffee-restored.png --trajectory out/trajectory --report out/report.json --overwrite
"$BUILD_DIR/tools/restore/rdbm-restore" resources/samples/coffee-hazy.png \
  --model models/rdbm-residual.safetensors --steps 10 --reference resources/samples/coffee-clean.png \
  -o out/coffee-hazy-restored.png --report out/report-hazy.json --overwrite
echo "Restored images: out/coffee-restored.png (per-step frames in out/trajectory/, figures in"
echo "out/report.json) and out/coffee-hazy-restored.png (out/report-hazy.json)"
