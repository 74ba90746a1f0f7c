#!/usr/bin/env bash
# The main job: install, build, and restore the bundled sample with the bundled
# residual (pi = x0 - mu) model. The result lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
BUILD_DIR=${RDBM_BUILD_DIR:-build}
"$BUILD_DIR/tools/restore/rdbm-restore" resources/samples/coffee-dark.png \
  --model models/rdbm-residual.safetensors --steps 10 --reference resources/samples/coffee-clean.png \
  -o out/coffee-restored.png --trajectory out/trajectory --report out/report.json --overwrite
echo "Restored image: out/coffee-restored.png (per-step frames in out/trajectory/, figures in out/report.json)"
