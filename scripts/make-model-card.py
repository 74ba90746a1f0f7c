#!/usr/bin/env python3
"""Writes the model card (Markdown) of a model trained by rdbm-train.

    scripts/make-model-card.py RUN_DIR MODEL.safetensors CARD.md [--title TITLE]

Reads the project metadata inside the safetensors header (architecture, pi mode,
objective, schedule, provenance) and the last validation of RUN_DIR/val_log.csv, so the
figures on the card are the ones the trainer measured, not typed by hand. Standard
library only.
"""
import csv
import json
import os
import struct
import sys


def metadata(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    meta = header.get("__metadata__", {})
    if "rdbm_studio" not in meta:
        sys.exit(f"{path}: no rdbm_studio metadata in the safetensors header")
    params = sum(
        int(__import__("math").prod(v["shape"])) for k, v in header.items() if k != "__metadata__"
    )
    return json.loads(meta["rdbm_studio"]), params, os.path.getsize(path)


def last_validation(run_dir):
    path = os.path.join(run_dir, "val_log.csv")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no validation rows")
    last = max(int(r["step"]) for r in rows)
    return last, [r for r in rows if int(r["step"]) == last]


def main():
    args = sys.argv[1:]
    title = None
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i : i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    run_dir, model, card = args
    m, params, size = metadata(model)
    prov = m.get("provenance", {})
    step, rows = last_validation(run_dir)
    arch = m["architecture"]
    pi_text = {"residual": "pi = x0 - mu (RDBM)", "one": "pi = 1 (global-noise bridge)",
               "zero": "pi = 0 (flow matching)"}[m["pi_mode"]]
    seconds = float(prov.get("train_seconds", "nan"))
    out = []
    out.append(f"# {title or os.path.basename(model)}\n")
    out.append(f"An RDBM restoration network trained with **{pi_text}** by `rdbm-train`. "
               "The three bundled models share architecture, data, degradations, seed and step "
               "budget, and differ only in pi, so the application can compare them.\n")
    out.append("| | |\n|---|---|")
    out.append(f"| file | `{os.path.basename(model)}` ({size / 1e6:.2f} MB, float32 safetensors) |")
    out.append(f"| network | U-Net, dim {arch['dim']}, dim_mults {tuple(arch['dim_mults'])}, "
               f"{arch['groups']} groups, {arch['heads']} heads x {arch['dim_head']}; "
               f"{params / 1e6:.2f}M parameters |")
    out.append(f"| objective | {m['objective']}" + (" (the network predicts x0 - mu; mu is added back)"
                                                     if m.get("adds_mu") else "") + " |")
    out.append(f"| bridge | pi mode `{m['pi_mode']}`, {m['schedule']} schedule, T = {m['T']}, "
               f"lambda = {m['lambda']:.6g} ({m['lambda'] * 255:.3g}/255) |")
    out.append(f"| data | {prov.get('data_images', '?')} clean photographs from Debian packages "
               "(`scripts/training-photos/manifest.tsv`: package, licence and copyright of each) |")
    out.append(f"| degradations | synthetic, on the fly: {prov.get('degradations', '?')}, strength "
               f"{prov.get('degradation_strength', '?')} (`docs/training.md`) |")
    out.append(f"| training | {prov.get('steps', '?')} steps, batch {prov.get('batch', '?')}, crop "
               f"{prov.get('crop', '?')}, Adam lr {prov.get('lr', '?')}, L1 loss, EMA "
               f"{prov.get('ema_decay', '?')} (the weights shipped), seed {prov.get('seed', '?')} |")
    out.append(f"| time and hardware | {seconds / 60:.1f} min on {prov.get('hardware', '?')}, "
               f"LibTorch {prov.get('libtorch', '?')}, finished {prov.get('date', '?')} |")
    out.append("")
    out.append(f"## Validation (step {step})\n")
    n_img = rows[0]["images"]
    out.append(f"Seven held-out photographs (never trained on), centre crops, each degraded once per "
               f"task with a fixed seed; 10-step deterministic sampling. Means over the images "
               f"({n_img} per task).\n")
    out.append("| task | PSNR input | PSNR output | gain | SSIM input | SSIM output |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        pin, pout = float(r["psnr_in"]), float(r["psnr_out"])
        name = "**all**" if r["task"] == "all" else r["task"]
        out.append(f"| {name} | {pin:.2f} dB | {pout:.2f} dB | {pout - pin:+.2f} dB | "
                   f"{float(r['ssim_in']):.4f} | {float(r['ssim_out']):.4f} |")
    out.append("")
    out.append("Reproduce all three bundled models with `scripts/train-bundled-models.sh`.\n")
    out.append("## Limits\n")
    out.append("A small network trained for minutes on a CPU from a few dozen photographs: it "
               "shows the method and the application, it is not a state-of-the-art restorer. "
               "Train your own with `rdbm-train` (see `docs/training.md`), on a GPU if you have one.\n")
    tmp = card + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(out))
    os.replace(tmp, card)
    print(f"wrote {card}")


if __name__ == "__main__":
    main()
