#!/usr/bin/env bash
# Trains the bundled models exactly as shipped, side by side, then copies them into
# models/ with their model cards: the three RDBM models (pi = residual, one, zero) and
# the RDDM baseline (rddm: UnetRes with one encoder and two decoders, pred_res_noise,
# T = 1000, sum_scale 1, the reference's restoration schedule).
#
#   scripts/train-bundled-models.sh [RUN_DIR]       (default runs/bundled; needs a build)
#   RDBM_MODELS="rddm" scripts/train-bundled-models.sh    (only some of them)
#
# Same U-Net width, data, degradations, seeds and step budget for all four: the RDBM
# models differ only in pi, and RDDM only in its method. Two stages (docs/training.md, section 5):
#   1. low light alone, 300 steps from a fresh network (which starts at the identity);
#   2. low light and haze, 1200 steps from stage 1's weights, with a learning-rate
#      warm-up (a fresh Adam would otherwise undo stage 1) and a cosine decay.
# Rain, snow and blur are left out: with them in the mix the small network learned
# neither them nor haze within a CPU budget. On a 2-core CPU the three runs together
# take about 35 minutes (RDDM alone about 45); add --device cuda (and drop --threads 1) through
# RDBM_TRAIN_EXTRA on a GPU. Resume a stopped run by hand with
# rdbm-train --resume RUN_DIR/<stage>/<pi>/resume.pt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
TRAIN=${RDBM_BUILD_DIR:-build}/tools/train/rdbm-train
[ -x "$TRAIN" ] || { echo "train-bundled-models.sh: $TRAIN is not built" >&2; exit 1; }
# The bundled models learnt from allowlist.tsv alone (34 + 7 photos), kept apart from the
# larger set the candidate models use.
[ -d data/photos-bundled/train ] || bash scripts/collect-training-photos.sh data/photos-bundled allowlist.tsv
mkdir -p "$RUNS/stage1" "$RUNS/stage2"
read -r -a EXTRA <<< "${RDBM_TRAIN_EXTRA:---threads 1}"
read -r -a MODELS <<< "${RDBM_MODELS:-residual one zero rddm}"
COMMON=(--data data/photos-bundled/train --val data/photos-bundled/validation --batch 8 --crop 64 --val-images 7
        --val-size 128 --log-every 50)

# What makes each model itself: pi for RDBM (whose network predicts x0 - mu and starts at
# the identity), the method and layout for RDDM.
model_args() {
  case $1 in
    rddm) echo --method rddm --objective pred_res_noise --share-encoder 1 --T 1000 --sum-scale 1 ;;
    *) echo --objective x0 --adds-mu --schedule cosine --T 100 --pi-mode "$1" ;;
  esac
}

# Runs one stage for every model at once; extra arguments go to every run.
run_stage() {
  local stage=$1; shift
  local pids=() status=0 m
  for m in "${MODELS[@]}"; do
    local init=() args
    read -r -a args <<< "$(model_args "$m")"
    [ "$stage" = stage2 ] && init=(--init "$RUNS/stage1/$m/model.safetensors")
    "$TRAIN" "${COMMON[@]}" "${args[@]}" --out "$RUNS/$stage/$m" "${init[@]}" "$@" "${EXTRA[@]}" \
      > "$RUNS/$stage/$m.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
  [ "$status" -eq 0 ] || { echo "a $stage run failed: see $RUNS/$stage/*.log" >&2; exit 1; }
}

run_stage stage1 --tasks lowlight --dim 16 --dim-mults 1,2,4 --steps 300 --lr 1e-3 --ema 0.99 \
  --val-every 150 --save-every 150 --seed 1
run_stage stage2 --tasks lowlight,haze --steps 1200 --lr 3e-4 --lr-warmup 100 --lr-decay cosine \
  --lr-min 3e-5 --ema 0.99 --val-every 300 --save-every 300 --seed 2

# Score each model on all five tasks, so its card also says what it does to photos with
# damage it was not trained for.
mkdir -p "$RUNS/eval"
pids=()
for m in "${MODELS[@]}"; do
  read -r -a args <<< "$(model_args "$m")"
  "$TRAIN" "${COMMON[@]}" "${args[@]}" --out "$RUNS/eval/$m" --init "$RUNS/stage2/$m/model.safetensors" \
    --tasks rain,lowlight,snow,haze,blur --steps 0 --seed 2 "${EXTRA[@]}" > "$RUNS/eval/$m.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || { echo "an evaluation failed: see $RUNS/eval/*.log" >&2; exit 1; }; done

declare -A titles=([residual]="RDBM, pi = x0 - mu" [one]="Global-noise bridge, pi = 1" [zero]="Flow matching, pi = 0"
                   [rddm]="RDDM, residual and noise predicted separately")
for m in "${MODELS[@]}"; do
  name=rdbm-$m
  [ "$m" = rddm ] && name=rddm
  cp "$RUNS/stage2/$m/model.safetensors" "models/$name.safetensors"
  /usr/bin/python3 scripts/make-model-card.py "$RUNS/stage2/$m" "models/$name.safetensors" "models/$name.md" \
    --stage1 "$RUNS/stage1/$m/model.safetensors" --outside "$RUNS/eval/$m" --title "$name.safetensors: ${titles[$m]}"
done
