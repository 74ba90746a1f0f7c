#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) on the given files with build/'s compile commands.
# The core's GCC precompiled header means nothing to clang, so the commands are copied
# without it (each file includes what it needs anyway). Not part of CI: slow on two
# cores; run it on the files you touch.
#   scripts/tidy.sh core/src/Schedule.cpp widgets/ZoomPanState.cpp
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${RDBM_BUILD_DIR:-build}
DB=$(mktemp -d)
trap 'rm -rf "$DB"' EXIT
/usr/bin/python3 - "$BUILD_DIR/compile_commands.json" "$DB/compile_commands.json" <<'PY'
import json, re, sys
cmds = json.load(open(sys.argv[1]))
for c in cmds:
    c["command"] = re.sub(r"\s-include\s+\S*cmake_pch\.hxx", "", c["command"]).replace(" -Winvalid-pch", "")
json.dump(cmds, open(sys.argv[2], "w"))
PY
exec clang-tidy -p "$DB" "$@"
