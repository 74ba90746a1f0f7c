#!/usr/bin/env bash
# Trains the three bundled models (pi = residual, one, zero) exactly as shipped, side by
# side, then copies them into models/ with their model cards.
#
#   scripts/train-bundled-models.sh [RUN_DIR]       (default runs/bundled; needs a build)
#
# Same architecture, data, degradations, seed and step budget for all three: they differ
# only in pi. They learn low-light enhancement only: the five-task runs did not converge
# within a CPU budget (docs/training.md, section 5). On a 2-core CPU the three runs
# together take about 15 minutes; add
# --device cuda (and drop --threads 1) through RDBM_TRAIN_EXTRA on a GPU. Resume a stopped
# run by hand with rdbm-train --resume RUN_DIR/<pi>/resume.pt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
TRAIN=${RDBM_BUILD_DIR:-build}/tools/train/rdbm-train
[ -x "$TRAIN" ] || { echo "train-bundled-models.sh: $TRAIN is not built" >&2; exit 1; }
[ -d data/photos/train ] || bash scripts/collect-training-photos.sh data/photos
mkdir -p "$RUNS"
read -r -a EXTRA <<< "${RDBM_TRAIN_EXTRA:---threads 1}"
pids=()
for pi in residual one zero; do
  "$TRAIN" --data data/photos/train --val data/photos/validation --out "$RUNS/$pi" \
    --pi-mode "$pi" --tasks lowlight --objective x0 --adds-mu --schedule cosine --T 100 \
    --dim 16 --dim-mults 1,2,4 --crop 64 --batch 8 --steps 300 --lr 1e-3 --ema 0.99 \
    --val-every 150 --save-every 150 --val-images 7 --val-size 128 --log-every 50 --seed 1 \
    "${EXTRA[@]}" > "$RUNS/$pi.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
[ "$status" -eq 0 ] || { echo "a training run failed: see $RUNS/*.log" >&2; exit 1; }
declare -A titles=([residual]="RDBM, pi = x0 - mu" [one]="Global-noise bridge, pi = 1" [zero]="Flow matching, pi = 0")
for pi in residual one zero; do
  cp "$RUNS/$pi/model.safetensors" "models/rdbm-$pi.safetensors"
  /usr/bin/python3 scripts/make-model-card.py "$RUNS/$pi" "models/rdbm-$pi.safetensors" "models/rdbm-$pi.md" \
    --title "rdbm-$pi.safetensors: ${titles[$pi]}"
done
