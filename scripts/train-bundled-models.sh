#!/usr/bin/env bash
# Trains the bundled models exactly as shipped, then copies them into models/ (float16)
# with their model cards: the three RDBM models (pi = residual, one, zero) and the RDDM
# baseline (rddm: UnetRes with one encoder and two decoders, pred_res_noise, T = 1000,
# sum_scale 1, the reference's restoration schedule).
#
#   scripts/train-bundled-models.sh [RUN_DIR]       (default runs/bundled; needs a build)
#   RDBM_MODELS="rddm" scripts/train-bundled-models.sh    (only some of them)
#
# The RDBM models (session 10; docs/training.md, section 5): a 4-level U-Net (dim 16,
# mults 1,2,4,8, 2.47M parameters) with the whole-photo statistics input, for low light
# and haze, that learns both to correct and to leave a clean photo alone. Three stages:
#   1. from a fresh network, pi = x0 - mu, 15 % identity pairs, the 34 photos of
#      allowlist.tsv: the weights at step 800 of a 2400-step cosine schedule (session 8);
#   2. from those, pi = x0 - mu, statistics input, 25 % identity pairs and a quarter of
#      the samples at t = T-1 (the start fraction), 1200 steps, the same photos (session 9);
#   3. from those, once per pi with the same command: 3000 steps on the 65 training
#      photos of both allowlists (session 10).
# So the three differ only in the pi of the last stage; the first two are shared.
# About 20 + 30 + 3 x 42 minutes on one CPU thread each (stage 3's runs go side by side).
#
# RDDM keeps the session-5 recipe and the small U-Net (dim 16, mults 1,2,4): low light
# alone, 300 steps from a fresh network, then low light and haze, 1200 steps with a
# learning-rate warm-up and a cosine decay, on the 34 photos (about 45 minutes).
#
# Rain, snow and blur are left out: with them in the mix the small networks learned
# neither them nor haze within a CPU budget. Add --device cuda (and drop --threads 1)
# through RDBM_TRAIN_EXTRA on a GPU. Resume a stopped run by hand with
# rdbm-train --resume RUN_DIR/<stage>/<model>/resume.pt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-runs/bundled}
TRAIN=${RDBM_BUILD_DIR:-build}/tools/train/rdbm-train
[ -x "$TRAIN" ] || { echo "train-bundled-models.sh: $TRAIN is not built" >&2; exit 1; }
# Stages 1 and 2 and RDDM learnt from allowlist.tsv alone (34 + 7 photos); stage 3 from
# both allowlists (65 + 7).
[ -d data/photos-bundled/train ] || bash scripts/collect-training-photos.sh data/photos-bundled allowlist.tsv
[ -d data/photos/train ] || bash scripts/collect-training-photos.sh data/photos
read -r -a EXTRA <<< "${RDBM_TRAIN_EXTRA:---threads 1}"
read -r -a MODELS <<< "${RDBM_MODELS:-residual one zero rddm}"
RDBM=() DO_RDDM=0
for m in "${MODELS[@]}"; do
  if [ "$m" = rddm ]; then DO_RDDM=1; else RDBM+=("$m"); fi
done
VAL=(--val-images 7 --val-size 128 --log-every 50)
BRIDGE=(--objective x0 --adds-mu --schedule cosine --T 100 --tasks lowlight,haze --strength 0.4,1.4
        --crop 96 --batch 6 --scale-min 0.2)

# Waits for every background run; names the log of any that failed.
wait_all() {
  local status=0 p
  for p in "$@"; do wait "$p" || status=1; done
  [ "$status" -eq 0 ] || { echo "a run failed: see the logs under $RUNS" >&2; exit 1; }
}

card() { # MODEL_NAME RUN_DIR FILE TITLE [make-model-card options...]
  local name=$1 run=$2 file=$3 title=$4; shift 4
  if [ "$name" = rddm ]; then cp "$file" "models/$name.safetensors"  # shipped as trained, float32
  else /usr/bin/python3 scripts/model-to-float16.py "$file" "models/$name.safetensors"; fi
  /usr/bin/python3 scripts/make-model-card.py "$run" "models/$name.safetensors" "models/$name.md" \
    --title "$name.safetensors: $title" "$@"
}

if [ "${#RDBM[@]}" -gt 0 ]; then
  mkdir -p "$RUNS/rdbm"
  S1=$RUNS/rdbm/stage1 S2=$RUNS/rdbm/stage2
  if [ ! -f "$S1/checkpoint-0000800.safetensors" ]; then
    # The schedule is the 2400-step one; the run is stopped once step 800 is saved.
    "$TRAIN" --data data/photos-bundled/train --val data/photos-bundled/validation "${BRIDGE[@]}" "${VAL[@]}" \
      --pi-mode residual --identity 0.15 --dim 16 --dim-mults 1,2,4,8 --lr 8e-4 --lr-warmup 100 \
      --lr-decay cosine --lr-min 3e-5 --ema 0.995 --steps 2400 --val-every 800 --save-every 100 --seed 11 \
      --out "$S1" "${EXTRA[@]}" > "$S1.log" 2>&1 &
    pid=$!
    while [ ! -f "$S1/checkpoint-0000800.safetensors" ] && kill -0 "$pid" 2> /dev/null; do sleep 10; done
    kill -INT "$pid" 2> /dev/null || true
    wait "$pid" || true
    [ -f "$S1/checkpoint-0000800.safetensors" ] || { echo "stage 1 failed: see $S1.log" >&2; exit 1; }
  fi
  [ -f "$S2/model.safetensors" ] || "$TRAIN" --data data/photos-bundled/train \
    --val data/photos-bundled/validation "${BRIDGE[@]}" "${VAL[@]}" --pi-mode residual \
    --init "$S1/checkpoint-0000800.safetensors" --global-stats --start-fraction 0.25 --identity 0.25 \
    --lr 4e-4 --lr-warmup 50 --lr-decay cosine --lr-min 3e-5 --ema 0.99 --steps 1200 --val-every 600 \
    --save-every 100 --seed 14 --out "$S2" "${EXTRA[@]}" > "$S2.log" 2>&1
  pids=()
  for m in "${RDBM[@]}"; do
    "$TRAIN" --data data/photos/train --val data/photos/validation "${BRIDGE[@]}" "${VAL[@]}" --pi-mode "$m" \
      --init "$S2/model.safetensors" --global-stats --start-fraction 0.25 --identity 0.25 --lr 3e-4 \
      --lr-warmup 100 --lr-decay cosine --lr-min 2e-5 --ema 0.995 --steps 3000 --val-every 1000 \
      --save-every 250 --seed 15 --out "$RUNS/rdbm/stage3-$m" "${EXTRA[@]}" > "$RUNS/rdbm/stage3-$m.log" 2>&1 &
    pids+=($!)
  done
  wait_all "${pids[@]}"
  # Score each on all five tasks, so its card also says what it does to photos with damage
  # it was not trained for.
  pids=()
  for m in "${RDBM[@]}"; do
    "$TRAIN" --data data/photos/train --val data/photos/validation "${BRIDGE[@]}" "${VAL[@]}" --pi-mode "$m" \
      --init "$RUNS/rdbm/stage3-$m/model.safetensors" --tasks rain,lowlight,snow,haze,blur --steps 0 --seed 2 \
      --out "$RUNS/rdbm/eval-$m" "${EXTRA[@]}" > "$RUNS/rdbm/eval-$m.log" 2>&1 &
    pids+=($!)
  done
  wait_all "${pids[@]}"
  declare -A titles=([residual]="RDBM, pi = x0 - mu" [one]="Global-noise bridge, pi = 1"
                     [zero]="Flow matching, pi = 0")
  note="The first stage below (stage 2 of this script) is shared by the three bundled RDBM models and was \
trained with pi = x0 - mu; only the last stage sets this model's pi. The first stage itself started from step 800 of a run from a fresh network \
(pi = x0 - mu, 15 % identity pairs, lr 8e-4, EMA 0.995, seed 11, about 20 min; \`docs/training.md\` section 5). \
Figures on photos training never saw are in the README (\`bench/quality\`)."
  for m in "${RDBM[@]}"; do
    card "rdbm-$m" "$RUNS/rdbm/stage3-$m" "$RUNS/rdbm/stage3-$m/model.safetensors" "${titles[$m]}" \
      --stage "$S2/model.safetensors" --outside "$RUNS/rdbm/eval-$m" --note "$note"
  done
fi

if [ "$DO_RDDM" -eq 1 ]; then
  R=$RUNS/rddm
  mkdir -p "$R"
  RDDM=(--data data/photos-bundled/train --val data/photos-bundled/validation --batch 8 --crop 64
        "${VAL[@]}" --method rddm --objective pred_res_noise --share-encoder 1 --T 1000 --sum-scale 1)
  "$TRAIN" "${RDDM[@]}" --out "$R/stage1" --tasks lowlight --dim 16 --dim-mults 1,2,4 --steps 300 --lr 1e-3 \
    --ema 0.99 --val-every 150 --save-every 150 --seed 1 "${EXTRA[@]}" > "$R/stage1.log" 2>&1
  "$TRAIN" "${RDDM[@]}" --out "$R/stage2" --init "$R/stage1/model.safetensors" --tasks lowlight,haze \
    --steps 1200 --lr 3e-4 --lr-warmup 100 --lr-decay cosine --lr-min 3e-5 --ema 0.99 --val-every 300 \
    --save-every 300 --seed 2 "${EXTRA[@]}" > "$R/stage2.log" 2>&1
  # Score it on all five tasks, so its card also says what it does to photos with damage
  # it was not trained for.
  "$TRAIN" "${RDDM[@]}" --out "$R/eval" --init "$R/stage2/model.safetensors" \
    --tasks rain,lowlight,snow,haze,blur --steps 0 --seed 2 "${EXTRA[@]}" > "$R/eval.log" 2>&1
  card rddm "$R/stage2" "$R/stage2/model.safetensors" "RDDM, residual and noise predicted separately" \
    --stage "$R/stage1/model.safetensors" --outside "$R/eval"
fi
