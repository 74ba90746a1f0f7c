#!/usr/bin/env bash
# Screenshots of every view of RDBM Studio with a real restoration, for the README and for
# checking the layout: restores the bundled sample with the bundled residual model, runs
# the pi comparison with the three bundled models, and grabs each view under Xvfb into
# docs/screenshots/.
#
#   scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots; needs a build)
#
# Writes
#   before-after.png, side-by-side.png, difference.png, trajectory.png, schedule.png,
#   comparison.png, about.png       1440x900, English, light theme (the README's)
#   trajectory-dark-de.png          the dark theme in German
#   uncertainty.png, queue.png      Restore N Seeds' spread map, and a queue of four photos
#   SIZE-LANG-VIEW.png              SIZE 1024x700 and 1280x720 (every dock open), LANG en,
#                                   de and zh_CN, VIEW each of the six views above
#   about-LANG.png                  the About box in German and Chinese
# and prints how long the GUI thread was ever blocked during the first restoration.
# The small sizes check that every label fits in every language: look at each one.
#
# RDBM_SHOT_MODEL and RDBM_SHOT_STEPS change the model and the steps (a quick layout
# preview with a small model); pngquant and optipng, when installed, shrink the files.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots}
APP=${RDBM_BUILD_DIR:-build}/app/rdbm-studio
MODEL=${RDBM_SHOT_MODEL:-models/rdbm-residual.safetensors}
STEPS=${RDBM_SHOT_STEPS:-10}
[ -x "$APP" ] || { echo "screenshots.sh: $APP is not built (bash scripts/build.sh)" >&2; exit 1; }
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A throw-away settings file, so the shots do not depend on (or change) the user's.
export XDG_CONFIG_HOME="$tmp/config"

run() { # extra arguments...
  rm -rf "$XDG_CONFIG_HOME" # every run starts from the default layout (every dock open)
  xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" \
    --open resources/samples/coffee-dark.png --reference resources/samples/coffee-clean.png \
    --model "$MODEL" --steps "$STEPS" --restore "$@"
}
COMPARE=(--compare --compare-mode models --compare-model models/rdbm-residual.safetensors
         --compare-model models/rdbm-one.safetensors --compare-model models/rdbm-zero.safetensors)

# Every view at 1440x900, light theme, English.
run "${COMPARE[@]}" --step 3 --theme light --lang en --tab all --size 1440x900 \
    --screenshot "$tmp/shot.png" --measure
for f in "$tmp"/shot-*.png; do
  name=$(basename "$f" .png)
  mv "$f" "$OUT/${name#shot-}.png"
done
# The trajectory in the dark theme and in German.
run --theme dark --lang de --tab trajectory --step 5 --size 1440x900 --screenshot "$OUT/trajectory-dark-de.png"

# The uncertainty view (Restore N Seeds: 4 runs at eta 1) and the photo queue. A 300x200
# crop keeps the four runs short; the queue holds the three samples and that crop.
crop="$tmp/coffee-crop.png"
/usr/bin/python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).crop((150, 80, 450, 280)).save(sys.argv[2])" \
  resources/samples/coffee-dark.png "$crop"
rm -rf "$XDG_CONFIG_HOME"
xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" --open "$crop" --model "$MODEL" --steps "$STEPS" --eta 1 --seeds 4 \
  --restore --tab before-after --size 1280x720 --screenshot "$OUT/uncertainty.png"
rm -rf "$XDG_CONFIG_HOME"
xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" --open "$crop" --open resources/samples/coffee-hazy.png \
  --open resources/samples/coffee-dark.png --open resources/samples/coffee-clean.png --model "$MODEL" \
  --steps "$STEPS" --restore --tab before-after --size 1280x720 --screenshot "$OUT/queue.png"

# Small screens, every dock open: every view in every language.
for lang in en de zh_CN; do
  for size in 1024x700 1280x720; do
    run "${COMPARE[@]}" --step 3 --theme light --lang "$lang" --tab all --size "$size" \
        --screenshot "$tmp/small.png"
    for view in before-after side-by-side difference trajectory schedule comparison; do
      mv "$tmp/small-$view.png" "$OUT/$size-$lang-$view.png"
    done
    if [ "$size" = 1024x700 ] && [ "$lang" != en ]; then mv "$tmp/small-about.png" "$OUT/about-$lang.png"; fi
    rm -f "$tmp"/small-*.png
  done
done

# Smaller files: a 256-colour palette (screens have few colours; the photos stay smooth
# enough to judge a layout) and a lossless re-pack, each only where it helps.
if command -v pngquant > /dev/null; then
  pngquant --force --skip-if-larger --strip --quality 70-95 --ext .png "$OUT"/*.png || true
fi
if command -v optipng > /dev/null; then optipng -quiet -o2 -strip all "$OUT"/*.png; fi
ls -l "$OUT"
du -sh "$OUT"
