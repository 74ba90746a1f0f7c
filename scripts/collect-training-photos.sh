#!/usr/bin/env bash
# Collects the clean photographs rdbm-train learns from, out of Debian packages.
#
#   scripts/collect-training-photos.sh [TARGET_DIR [LIST...]]
#       TARGET_DIR  default data/photos (git-ignored)
#       LIST        allowlists under scripts/training-photos/; default: allowlist.tsv (the
#                   34 photos the bundled models learnt from) and allowlist-more.tsv (added in
#                   session 10 for the candidate models)
#
# Each allowlist is hand-reviewed: only photographs, no illustrations or renders. The
# packages are downloaded and unpacked under data/debs (apt-get download, dpkg-deb -x), not
# installed, so a package of demo photos does not pull in its application and its
# desktop. Each photo is downscaled to a long side of at most 768 pixels into
# TARGET_DIR/train and TARGET_DIR/validation (the split is fixed in the allowlist, chosen so
# validation covers landscape, sky, architecture, macro, animals and indoor scenes), and
# each list's manifest (manifest.tsv for allowlist.tsv, manifest-more.tsv for
# allowlist-more.tsv) is rewritten with each file's package, version, original path, size,
# licence and copyright holder. Idempotent: rerunning rewrites the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:-data/photos}
shift || true
LISTS=("$@")
[ "${#LISTS[@]}" -gt 0 ] || LISTS=(allowlist.tsv allowlist-more.tsv)
LONG_SIDE=${RDBM_PHOTO_LONG_SIDE:-768}
DEBS=${RDBM_DEB_CACHE:-data/debs}

# Debian's own python3 with Pillow does the resizing (the python3 on PATH may be another).
PY=/usr/bin/python3
bash scripts/apt-install-missing.sh python3-pil

mkdir -p "$DEBS/root"
for list in "${LISTS[@]}"; do
  while read -r pkg; do
    if ! compgen -G "$DEBS/${pkg}_*.deb" > /dev/null; then
      # A fresh machine may have no package lists yet: fetch them once, then retry.
      (cd "$DEBS" && apt-get download -q "$pkg") || {
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -q && (cd "$DEBS" && apt-get download -q "$pkg")
      }
    fi
    deb=$(ls "$DEBS/${pkg}"_*.deb | head -n 1)
    [ -f "$DEBS/root/.unpacked-$(basename "$deb")" ] || {
      dpkg-deb -x "$deb" "$DEBS/root" && touch "$DEBS/root/.unpacked-$(basename "$deb")"
    }
  done < <(grep -v '^#' "scripts/training-photos/$list" | cut -f1 | sort -u)
done

mkdir -p "$TARGET/train" "$TARGET/validation"
for list in "${LISTS[@]}"; do
manifest=scripts/training-photos/$(echo "$list" | sed 's/^allowlist/manifest/')
"$PY" - "scripts/training-photos/$list" "$TARGET" "$LONG_SIDE" "$manifest" "$DEBS" <<'PYEOF'
import fnmatch, glob, os, re, subprocess, sys
from PIL import Image, ImageOps

listing, target, long_side, manifest, debs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
root = os.path.join(debs, "root")

def copyright_stanzas(pkg):
    """DEP-5 stanzas of /usr/share/doc/<pkg>/copyright as (patterns, copyright, licence)."""
    path = f"{root}/usr/share/doc/{pkg}/copyright"
    stanzas, cur, key = [], {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f.read().splitlines() + [""]:
            if not line.strip():
                if cur: stanzas.append(cur)
                cur, key = {}, None
            elif line[0] in " \t" and key:
                cur[key] += " " + line.strip()
            elif ":" in line:
                key, _, value = line.partition(":")
                key = key.strip().lower()
                cur[key] = value.strip()
    out = []
    for s in stanzas:
        if "files" in s:
            lic = s.get("license", "").split(" ")[0] if s.get("license") else ""
            out.append((s["files"].split(), s.get("copyright", ""), lic))
    return out

def licence_for(pkg, installed):
    """The most specific Files: stanza whose pattern matches the end of the installed path."""
    best = None
    for patterns, holder, lic in copyright_stanzas(pkg):
        for pat in patterns:
            if pat == "*" or pat.startswith("debian/"):
                continue
            if fnmatch.fnmatch(installed, "*/" + pat) or os.path.basename(pat) == os.path.basename(installed):
                if best is None or len(pat) > len(best[0]):
                    best = (pat, holder, lic)
    if best is None:  # the package-wide stanza
        for patterns, holder, lic in copyright_stanzas(pkg):
            if "*" in patterns:
                best = ("*", holder, lic)
    return (best[2], best[1]) if best else ("unknown", "")

def version(pkg):
    deb = sorted(glob.glob(os.path.join(debs, f"{pkg}_*.deb")))[0]
    return subprocess.run(["dpkg-deb", "-f", deb, "Version"], capture_output=True, text=True).stdout.strip()

short = {"plasma-workspace-wallpapers": "plasma", "mate-backgrounds": "mate", "lomiri-wallpapers-16.04": "lomiri",
         "lomiri-wallpapers-20.04": "lomiri", "python3-skimage": "skimage", "kphotoalbum": "kpa",
         "lxqt-themes": "lxqt"}
rows, seen = [], set()
with open(listing, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        pkg, path, split, override, what = line.rstrip("\n").split("\t")
        if split not in ("train", "validation"):
            sys.exit(f"{listing}: bad split '{split}' for {path}")
        unpacked = root + path
        if not os.path.isfile(unpacked):
            sys.exit(f"{path} is not in package {pkg} (unpacked under {root})")
        # Plasma wallpapers are folders named after the picture; the others are file names.
        stem = path.split("/")[4] if path.startswith("/usr/share/wallpapers/") else os.path.splitext(os.path.basename(path))[0]
        name = f"{short.get(pkg, pkg)}-{re.sub(r'[^A-Za-z0-9_-]+', '_', stem)}.png"
        if name in seen:
            sys.exit(f"duplicate output name {name}")
        seen.add(name)
        im = Image.open(unpacked)
        im.load()
        im = ImageOps.exif_transpose(im)  # some camera photos are stored sideways
        width, height = im.size
        im = im.convert("RGB")
        im.info.clear()  # no embedded ICC profile or text chunks: pixels only
        scale = long_side / max(width, height)
        if scale < 1:
            im = im.resize((max(1, round(width * scale)), max(1, round(height * scale))), Image.LANCZOS)
        out = os.path.join(target, split, name)
        im.save(out, optimize=False)
        lic, holder = (override, "") if override != "-" else licence_for(pkg, path)
        rows.append((name, split, pkg, version(pkg), path, f"{width}x{height}", f"{im.size[0]}x{im.size[1]}", lic,
                     holder.replace("\t", " "), what))
        print(f"{split:10s} {name}  ({width}x{height} -> {im.size[0]}x{im.size[1]}, {lic})")

with open(manifest, "w", encoding="utf-8") as f:
    f.write(f"# Generated by scripts/collect-training-photos.sh from {os.path.basename(listing)}; do not edit.\n")
    f.write("file\tsplit\tpackage\tversion\toriginal_path\toriginal_size\tsize\tlicence\tcopyright\tcontent\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
n_val = sum(1 for r in rows if r[1] == "validation")
print(f"{len(rows)} photos: {len(rows) - n_val} train, {n_val} validation -> {target}; manifest {manifest}")
PYEOF
done
