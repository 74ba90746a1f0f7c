#!/usr/bin/env bash
# Screenshots of every view of RDBM Studio with a real restoration, for the README:
# restores the bundled sample with the bundled residual model, runs the pi comparison
# with the three bundled models, and grabs each view under Xvfb into docs/screenshots/.
#
#   scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots; needs a build)
#
# Also prints how long the GUI thread was ever blocked during the restoration. The small
# sizes (1024x700, 1280x720) check that every label fits in every language.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots}
APP=${RDBM_BUILD_DIR:-build}/app/rdbm-studio
[ -x "$APP" ] || { echo "screenshots.sh: $APP is not built (bash scripts/build.sh)" >&2; exit 1; }
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A throw-away settings file, so the shots do not depend on (or change) the user's.
export XDG_CONFIG_HOME="$tmp/config"

run() { # extra arguments...
  xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" \
    --open resources/samples/coffee-dark.png --reference resources/samples/coffee-clean.png \
    --model models/rdbm-residual.safetensors --steps 10 --size 1440x900 --restore "$@"
}

# Every view, light theme, English; the comparison uses the three bundled models.
run --compare --compare-mode models \
    --compare-model models/rdbm-residual.safetensors --compare-model models/rdbm-one.safetensors \
    --compare-model models/rdbm-zero.safetensors \
    --step 3 --theme light --lang en --tab all --screenshot "$tmp/shot.png" --measure
for f in "$tmp"/shot-*.png; do
  name=$(basename "$f" .png)
  mv "$f" "$OUT/${name#shot-}.png"
done
# The trajectory in the dark theme and in German.
run --theme dark --lang de --tab trajectory --step 5 --screenshot "$OUT/trajectory-dark-de.png"
# A small screen (1024x700, every dock open) in German, the longest labels: every view.
run --compare --compare-mode models \
    --compare-model models/rdbm-residual.safetensors --compare-model models/rdbm-one.safetensors \
    --compare-model models/rdbm-zero.safetensors \
    --step 3 --theme light --lang de --tab all --size 1024x700 --screenshot "$tmp/small.png"
for view in before-after difference trajectory comparison; do
  mv "$tmp/small-$view.png" "$OUT/1024x700-de-$view.png"
done
# The main view at 1024x700 in English and Simplified Chinese, 1280x720 in the default theme.
run --theme light --lang en --tab before-after --size 1024x700 --screenshot "$OUT/1024x700-en-before-after.png"
run --theme light --lang zh_CN --tab before-after --size 1024x700 --screenshot "$OUT/1024x700-zh_CN-before-after.png"
run --theme system --lang en --tab trajectory --step 3 --size 1280x720 --screenshot "$OUT/1280x720-en-trajectory.png"
ls -l "$OUT"
