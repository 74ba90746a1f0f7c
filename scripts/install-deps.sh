#!/usr/bin/env bash
# Installs everything RDBM Studio needs to build, test and run on Debian bookworm.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git clang-format
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins
  qt6-translations-l10n  # Qt's own strings, dialog buttons such as Close, in German and Chinese
  libtorch-dev libopenblas0-openmp
  libopencv-dev libqcustomplot-dev libgtest-dev nlohmann-json3-dev zlib1g-dev
  xvfb xauth pngquant optipng
  python3-torch python3-numpy python3-skimage python3-pil
  fonts-noto-cjk
)
bash "$(dirname "$0")/apt-install-missing.sh" "${PKGS[@]}"
