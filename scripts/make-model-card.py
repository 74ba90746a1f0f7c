#!/usr/bin/python3
"""Writes the model card (Markdown) of a model trained by rdbm-train.

    scripts/make-model-card.py RUN_DIR MODEL.safetensors CARD.md [--title TITLE]
                               [--stage EARLIER.safetensors ...] [--outside EVAL_RUN_DIR]
                               [--note TEXT]

Reads the project metadata inside the safetensors header (architecture, pi mode,
objective, schedule, provenance) and the last validation of RUN_DIR/val_log.csv, so the
figures on the card are the ones the trainer measured, not typed by hand. --stage (or
--stage1), repeatable and in training order, names each model an earlier stage produced
(rdbm-train --init): its provenance becomes a training stage on the card and its time is
added to the total; an earlier RDBM stage may have another pi, which the card then says.
--note adds a paragraph under the introduction. --outside names a
run of `rdbm-train --init MODEL --steps 0` over more tasks: the tasks the model was not
trained on get their own table, so the card says what the model does to them. Standard
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
    def option(name):
        if name not in args:
            return None
        i = args.index(name)
        if i + 1 >= len(args):
            sys.exit(f"{name} needs a value")
        value = args[i + 1]
        del args[i : i + 2]
        return value

    title = option("--title")
    note = option("--note")
    earlier = []
    while "--stage" in args or "--stage1" in args:
        earlier.append(option("--stage" if "--stage" in args else "--stage1"))
    outside = option("--outside")
    if len(args) != 3:
        sys.exit(__doc__)
    run_dir, model, card = args
    m, params, size = metadata(model)
    prov = m.get("provenance", {})
    step, rows = last_validation(run_dir)
    arch = m["architecture"]
    rddm = m.get("method") == "rddm"
    # What sets the model apart from its siblings: pi for RDBM, the layout for RDDM.
    kind = ("share_encoder", "objective") if rddm else ("pi_mode",)
    seconds = float(prov.get("train_seconds", "nan"))
    stages, stage_pi = [], []
    for path in earlier:
        first = metadata(path)[0]
        if first.get("architecture") != arch or (rddm and any(first.get(k) != m.get(k) for k in kind)):
            sys.exit(f"{path}: not the same network{' and layout' if rddm else ''} as {model}")
        stages.append(first.get("provenance", {}))
        stage_pi.append(first.get("pi_mode"))
        seconds += float(stages[-1].get("train_seconds", "nan"))
    stages.append(prov)
    stage_pi.append(m.get("pi_mode"))
    with open(model, "rb") as f:
        header = json.loads(f.read(struct.unpack("<Q", f.read(8))[0]))
    dtypes = sorted({v["dtype"] for k, v in header.items() if k != "__metadata__"})
    dtype_text = {"F32": "float32", "F16": "float16 (read as float32)"}
    mixed_pi = len(set(stage_pi)) > 1
    out = []
    out.append(f"# {title or os.path.basename(model)}\n")
    if rddm:
        out.append("An RDDM restoration network (residual denoising diffusion, CVPR 2024, RDBM's "
                   "predecessor) trained by `rdbm-train --method rddm`. " + (
                       "It was trained with the recipe of the session-5 bundled RDBM models (the same U-Net "
                       "width, data, degradations, seeds and step budget as they had), and beat each of "
                       "them by 0.9-1.3 dB on validation. The RDBM models bundled since session 10 have a "
                       "larger network (four levels, whole-photo statistics), more photos and a longer "
                       "training, so the application's methods comparison now sets a small, short-trained "
                       "RDDM beside them: it shows the two samplers, not a like-for-like contest.\n"))
    else:
        pi_text = {"residual": "pi = x0 - mu (RDBM)", "one": "pi = 1 (global-noise bridge)",
                   "zero": "pi = 0 (flow matching)"}[m["pi_mode"]]
        out.append(f"An RDBM restoration network trained with **{pi_text}** by `rdbm-train`. "
                   "The three bundled models share architecture, data, degradations, seed and step "
                   "budget, and differ only in pi, so the application can compare them.\n")
    if note:
        out.append(note + "\n")
    out.append("| | |\n|---|---|")
    out.append(f"| file | `{os.path.basename(model)}` ({size / 1e6:.2f} MB, "
               f"{', '.join(dtype_text.get(d, d) for d in dtypes)} safetensors) |")
    blocks = (f"dim {arch['dim']}, dim_mults {tuple(arch['dim_mults'])}, {arch['groups']} groups, "
              f"{arch['heads']} heads x {arch['dim_head']}; {params / 1e6:.2f}M parameters")
    if rddm:
        layout = {1: "one encoder and two decoders (residual without skips, noise with them)",
                  0: "two U-Nets (residual, noise)", -1: "one U-Net"}[m["share_encoder"]]
        out.append(f"| network | UnetRes, share_encoder {m['share_encoder']}: {layout}; U-Net blocks {blocks} |")
        out.append(f"| objective | {m['objective']} (L1 on each output, added) |")
        out.append(f"| diffusion | RDDM, alpha decreasing, beta^2 increasing, T = {m['T']}, "
                   f"sum_scale = {m['sum_scale']:g}; sampling starts from mu + sqrt(sum_scale) noise |")
    else:
        stats = (f"; whole-photo statistics input ({arch['global_stats']} numbers, `docs/method.md` §6.1)"
                 if arch.get("global_stats") else "")
        out.append(f"| network | U-Net, {blocks}{stats} |")
        out.append(f"| objective | {m['objective']}" + (" (the network predicts x0 - mu; mu is added back)"
                                                         if m.get("adds_mu") else "") + " |")
        out.append(f"| bridge | pi mode `{m['pi_mode']}`, {m['schedule']} schedule, T = {m['T']}, "
                   f"lambda = {m['lambda']:.6g} ({m['lambda'] * 255:.3g}/255) |")
    counts = sorted({p.get("data_images", "?") for p in stages})
    manifests = "`scripts/training-photos/manifest.tsv`" + (
        " and `manifest-more.tsv`" if len(stages) > 1 and len(counts) > 1 else "")
    out.append(f"| data | {' and '.join(counts)} clean photographs from Debian packages "
               f"({manifests}: package, licence and copyright of each) |")
    for n, p in enumerate(stages, 1):
        label = f"stage {n}: " if len(stages) > 1 else ""
        if mixed_pi:
            label = f"stage {n} (pi {stage_pi[n - 1]}): "
        start = f" (starting from stage {n - 1}'s weights, fresh optimizer)" if n > 1 else ""
        if len(counts) > 1:
            start += f", {p.get('data_images', '?')} photos"
        pairs = ""
        if p.get("identity_fraction"):
            pairs += f", {float(p['identity_fraction']) * 100:g} % identity pairs"
        if p.get("start_fraction"):
            pairs += f", {float(p['start_fraction']) * 100:g} % of samples at t = T-1"
        schedule = f" ({p['lr_schedule']})" if p.get("lr_schedule") else ""
        shipped = " (the weights shipped)" if n == len(stages) else ""
        tasks = p.get("degradations", "?").replace(",", ", ")
        out.append(f"| {label}degradations | synthetic, on the fly: {tasks}, strength "
                   f"{p.get('degradation_strength', '?')}{pairs} (`docs/training.md`) |")
        out.append(f"| {label}training | {p.get('steps', '?')} steps{start}, batch {p.get('batch', '?')}, "
                   f"crop {p.get('crop', '?')}, Adam lr {p.get('lr', '?')}{schedule}, L1 loss, EMA "
                   f"{p.get('ema_decay', '?')}{shipped}, seed {p.get('seed', '?')}, "
                   f"{float(p.get('train_seconds', 'nan')) / 60:.1f} min |")
    out.append(f"| time and hardware | {seconds / 60:.1f} min in all on {prov.get('hardware', '?')}, "
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
    if outside:
        trained = set(prov.get("degradations", "").split(","))
        _, extra = last_validation(outside)
        extra = [r for r in extra if r["task"] not in trained and r["task"] != "all"]
        if extra:
            out.append("### Tasks outside its training\n")
            worse = all(float(r["psnr_out"]) < float(r["psnr_in"]) for r in extra)
            out.append("The same validation photos, degraded by tasks the model never saw (scored with "
                       "`rdbm-train --init MODEL --steps 0`)." +
                       (" The model applies what it learned to any photo, so these outputs are worse "
                        "than their inputs." if worse else "") + "\n")
            out.append("| task | PSNR input | PSNR output | gain | SSIM input | SSIM output |")
            out.append("|---|---:|---:|---:|---:|---:|")
            for r in extra:
                pin, pout = float(r["psnr_in"]), float(r["psnr_out"])
                out.append(f"| {r['task']} | {pin:.2f} dB | {pout:.2f} dB | {pout - pin:+.2f} dB | "
                           f"{float(r['ssim_in']):.4f} | {float(r['ssim_out']):.4f} |")
            out.append("")
    out.append("Reproduce the bundled models with `scripts/train-bundled-models.sh`.\n")
    out.append("## Limits\n")
    out.append("A small network trained for minutes on a CPU from a few dozen photographs: it "
               "shows the method and the application, it is not a state-of-the-art restorer. "
               f"It learned only the degradations above ({prov.get('degradations', '?').replace(',', ', ')}); "
               "other damage, such as rain, snow or blur, is outside what it has seen and it may "
               "change such photos for the worse. "
               "Train your own with `rdbm-train` (see `docs/training.md`), on a GPU if you have one.\n")
    tmp = card + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(out))
    os.replace(tmp, card)
    print(f"wrote {card}")


if __name__ == "__main__":
    main()
