#!/usr/bin/env bash
# Checks the C++ formatting (.clang-format) of the files listed in .clang-format-files,
# one path per line, '#' comments allowed. The list starts as the files that were
# already clean when the check was introduced: the tree is not reformatted wholesale
# (that would collide with everyone's open work); a file joins the list once it is
# clean (`clang-format -i FILE`, then add it), and new files should join at once.
#   scripts/check-format.sh          check, exit 1 naming every file that differs
#   scripts/check-format.sh --fix    reformat the listed files in place
#   scripts/check-format.sh --clean  print the C++ files that are clean but not listed
set -euo pipefail
cd "$(dirname "$0")/.."
CF=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$CF" ]; then
  echo "check-format: clang-format (14) is not installed (apt-get install clang-format)" >&2
  exit 2
fi
mapfile -t FILES < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' .clang-format-files | grep -v '^$')

case "${1:-}" in
  --fix)
    "$CF" -i "${FILES[@]}"
    exit 0 ;;
  --clean)
    for f in $(git ls-files '*.cpp' '*.h'); do
      printf '%s\n' "${FILES[@]}" | grep -qxF "$f" && continue
      "$CF" --dry-run --Werror "$f" >/dev/null 2>&1 && echo "$f"
    done
    exit 0 ;;
esac

bad=()
for f in "${FILES[@]}"; do
  if [ ! -f "$f" ]; then
    echo "check-format: $f is listed in .clang-format-files but does not exist" >&2
    bad+=("$f")
  elif ! "$CF" --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} of ${#FILES[@]} files differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "fix with: clang-format -i FILE (or scripts/check-format.sh --fix)" >&2
  exit 1
fi
echo "check-format: ${#FILES[@]} files clean"
