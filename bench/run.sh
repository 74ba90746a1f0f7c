#!/usr/bin/env bash
# Side-by-side benchmark: the C++ engine (bench_restore) against PyTorch eager
# (bench/pytorch_eager.py) on the same weights and thread count.
#
#   bench/run.sh [--model CKPT | --dim D] [--sizes "256x256 1024x768"] [--threads 2]
#                [--repeat 3] [--steps 10] [--build DIR] [--out results.jsonl]
#
# Without --model, a random-weight reference U-Net of dim D (default 32) is saved once
# and loaded by both. Each (engine, size, mode) runs in its own process so the peak
# memory figures are per run. 1024x768 is run twice by the C++ engine: whole image
# (comparable with eager) and "auto" (tiled as the application does it).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
model="" label="" dim=32 sizes="256x256 1024x768" threads=2 repeat=3 steps=10
build="$root/build" out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --dim) dim="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

py=/usr/bin/python3 # Debian's python3-torch
bench="$build/bench/bench_restore"
[[ -x "$bench" ]] || { echo "run.sh: $bench not built (ninja -C $build bench_restore)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
results="${out:-$tmp/results.jsonl}"
: > "$results"

if [[ -z "$model" ]]; then
  model="$tmp/random-dim$dim.pt"
  label="random weights, dim $dim (rdbm_reference.Unet, torch.manual_seed(0))"
  PYTHONPATH="$root/tests/fixtures" "$py" -c "
import sys, torch, rdbm_reference as ref
torch.manual_seed(0)
torch.save(dict(ref.Unet(int(sys.argv[2])).state_dict()), sys.argv[1])" "$model" "$dim"
fi

# OpenMP/MKL pools sized like the benchmark's intra-op threads.
export OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
# The same OpenBLAS kernels for both sides: bench_restore would restart itself with the
# kernels matching the CPU when OpenBLAS does not recognise it (rdbm/CpuRuntime.h);
# Python cannot, so the choice is made here, from the CPU's flags, for both.
# Passive OpenMP waits for both, as the C++ programs set them (spinning threads cost
# seconds per call when the machine is busy).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
if [[ -z "${OPENBLAS_CORETYPE:-}" ]]; then
  if grep -qw avx512bw /proc/cpuinfo && grep -qw avx512vl /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell
  fi
fi

run() { # label, command...
  echo "== $1" >&2
  "${@:2}" > "$tmp/run.out"
  cat "$tmp/run.out" >&2
  sed -n 's/^RESULT //p' "$tmp/run.out" >> "$results"
}

for size in $sizes; do
  w="${size%x*}" h="${size#*x}"
  common=(--model "$model" --size "$size" --threads "$threads" --repeat "$repeat" --steps "$steps")
  run "C++ $size whole" "$bench" "${common[@]}" --mode whole
  if (( w * h > 512 * 512 )); then
    run "C++ $size tiled" "$bench" "${common[@]}" --mode auto
  fi
  run "PyTorch eager $size" "$py" "$here/pytorch_eager.py" "${common[@]}"
done

"$py" - "$results" "$label" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
if not rows:
    sys.exit("no results")
r0 = rows[0]
print(f"\nmodel: {sys.argv[2] or r0['model']} (dim {r0['dim']}, {r0['parameters'] / 1e6:.2f}M parameters), "
      f"{r0['threads']} threads, {r0['steps']} steps")
head = f"{'engine':<15}{'size':<10}{'mode':<22}{'ms/call':>10}{'restore s':>11}{'s/call':>8}{'peak MiB':>10}{'load':>6}"
print(head)
print("-" * len(head))
for r in rows:
    mode = "whole image" if r["tile_size"] == 0 else f"{r['tiles_per_call']} tiles of {r['tile_size']}"
    call = f"{r['call_ms_median']:.0f}" if "call_ms_median" in r else "-"
    per = r["restore_s"] / max(1, r["network_calls"])
    print(f"{r['engine']:<15}{r['size']:<10}{mode:<22}{call:>10}{r['restore_s']:>11.2f}{per:>8.2f}"
          f"{r['peak_rss_mib']:>10.0f}{r.get('loadavg', float('nan')):>6.1f}")
print("ms/call: median whole-image network call; s/call: restoration time / network calls;")
print("peak MiB: ru_maxrss of that process; load: 1-minute load average when it ran.")
EOF
