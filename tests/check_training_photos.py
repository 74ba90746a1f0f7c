#!/usr/bin/python3
"""Fails when the training photographs and the held-out benchmark could overlap, or when a
training allowlist and its generated manifest disagree.

The benchmark (bench/quality/photos.tsv) is only held out if no file it reads is a file
training reads; a package may be shared (the KDE aerial beach comes from a wallpaper
package whose other pictures are trained on), a file may not. The manifests are committed
next to the models as the record of their data, so each must list exactly its allowlist's
photos, in the same split.

Usage: check_training_photos.py SOURCE_DIR [--bench-list FILE]"""
import os
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


source = sys.argv[1]
bench_list = os.path.join(source, "bench", "quality", "photos.tsv")
if "--bench-list" in sys.argv:
    bench_list = sys.argv[sys.argv.index("--bench-list") + 1]
photo_dir = os.path.join(source, "scripts", "training-photos")
problems, training = [], {}
lists = sorted(n for n in os.listdir(photo_dir) if n.startswith("allowlist") and n.endswith(".tsv"))
if not lists:
    problems.append(f"{photo_dir}: no allowlist*.tsv")
for name in lists:
    allow = rows(os.path.join(photo_dir, name))
    for pkg, path, split, _override, _what in allow:
        if split not in ("train", "validation"):
            problems.append(f"{name}: {path}: split '{split}'")
        if path in training:
            problems.append(f"{name}: {path} is listed twice (also in {training[path]})")
        training[path] = name
    manifest_name = name.replace("allowlist", "manifest", 1)
    manifest_path = os.path.join(photo_dir, manifest_name)
    if not os.path.exists(manifest_path):
        problems.append(f"{name}: its manifest {manifest_name} is missing (run scripts/collect-training-photos.sh)")
        continue
    manifest = [r for r in rows(manifest_path) if r[0] != "file"]
    want = sorted((r[1], r[2]) for r in allow)
    got = sorted((r[4], r[1]) for r in manifest)
    if want != got:
        problems.append(f"{manifest_name} does not match {name}: only in the allowlist "
                        f"{sorted(set(want) - set(got))}, only in the manifest {sorted(set(got) - set(want))}")
    names = [r[0] for r in manifest]
    if len(set(names)) != len(names):
        problems.append(f"{manifest_name}: duplicate output names")

bench = rows(bench_list)
if not bench:
    problems.append(f"{bench_list}: no photos")
for row in bench:
    if row[1] in training:
        problems.append(f"{bench_list}: {row[1]} is a benchmark photo and a training photo ({training[row[1]]})")

for p in problems:
    print(p)
print(f"{len(training)} training photos in {len(lists)} allowlists, {len(bench)} benchmark photos: "
      f"{'ok' if not problems else f'{len(problems)} problems'}")
sys.exit(1 if problems else 0)
