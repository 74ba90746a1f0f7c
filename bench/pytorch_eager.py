#!/usr/bin/python3
"""The same RDBM network in PyTorch eager mode, for comparison with bench_restore.

    /usr/bin/python3 bench/pytorch_eager.py (--model CKPT | --dim D) [--size WxH]
                     [--threads N] [--repeat N] [--steps S]

Uses tests/fixtures/rdbm_reference.py (the reference U-Net and sampler) with the weights
of CKPT (a state dict, the reference trainer's layout, or safetensors), or random
weights of the given dim. Every call runs on the whole image (no tiling), under
torch.inference_mode. Peak memory is resource.getrusage's ru_maxrss for this process,
so run one size per process. Prints a summary and one "RESULT {json}" line.
Run with Debian's /usr/bin/python3 (python3-torch).

Same conditions as the C++ side: the same glibc allocator setting (rdbm_core keeps freed
activations in the heap instead of returning each to the kernel; without it eager mode
spends seconds per call faulting pages back in) and the same OpenBLAS kernels
(bench/run.sh exports OPENBLAS_CORETYPE for both, see core/include/rdbm/CpuRuntime.h)."""
import argparse
import ctypes
import json
import os
import resource
import statistics
import struct
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fixtures"))
import rdbm_reference as ref  # noqa: E402


def read_safetensors(path):
    data = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    dtypes = {"F32": np.float32, "F16": np.float16, "F64": np.float64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(data[8 + n + a:8 + n + b], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.astype(np.float32))
    return out


def network_state_dict(path):
    """The network's weights under reference key names, whatever the checkpoint layout."""
    if str(path).endswith(".safetensors"):
        sd = read_safetensors(path)
    else:
        sd = torch.load(path, map_location="cpu")
    if isinstance(sd, dict) and "ema" in sd and isinstance(sd["ema"], dict):
        sd = {k[len("ema_model."):]: v for k, v in sd["ema"].items() if k.startswith("ema_model.")}
    elif isinstance(sd, dict) and "model" in sd and isinstance(sd["model"], dict):
        sd = sd["model"]
    if any(k.startswith("model.") for k in sd):
        sd = {k[len("model."):]: v for k, v in sd.items() if k.startswith("model.")}
    return {k: v for k, v in sd.items() if torch.is_tensor(v)}


def match_allocator():
    """glibc's mallopt as rdbm_core's configureCpuRuntime sets it (core/src/Device.cpp)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    return bool(libc.mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024)) and bool(libc.mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024))


def blas_core():
    try:
        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return ""


def build_net(sd):
    dim = sd["init_conv.weight"].shape[0]
    levels = 1 + max(int(k.split(".")[1]) for k in sd if k.startswith("downs."))
    mults = [sd[f"downs.{i}.3.weight"].shape[0] // dim for i in range(levels)]
    stats = sd["stats_mlp.0.weight"].shape[1] if "stats_mlp.0.weight" in sd else 0  # docs/method.md §6.1
    net = ref.Unet(dim, tuple(mults), global_stats=stats)
    net.load_state_dict(sd)
    return net.eval()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model")
    p.add_argument("--dim", type=int, default=32)
    p.add_argument("--size", default="256x256")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--steps", type=int, default=10)
    a = p.parse_args()
    w, h = (int(v) for v in a.size.lower().split("x"))
    allocator = match_allocator()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)

    t0 = time.perf_counter()
    if a.model:
        net = build_net(network_state_dict(a.model))
    else:
        torch.manual_seed(0)
        net = ref.Unet(a.dim).eval()
    load_s = time.perf_counter() - t0
    params = sum(p.numel() for p in net.parameters())
    schedule = ref.RdbmSchedule(T=100)
    result = dict(engine="pytorch-eager", torch=torch.__version__, model=a.model or f"random dim {a.dim}",
                  dim=net.dim, parameters=params, size=f"{w}x{h}", mode="whole", threads=torch.get_num_threads(),
                  device="cpu", load_s=load_s, loadavg=os.getloadavg()[0], blas_core=blas_core(),
                  allocator="mallopt like rdbm_core" if allocator else "glibc default")

    with torch.inference_mode():
        g = torch.Generator().manual_seed(1)
        x = torch.rand(1, 3, h, w, generator=g) * 2 - 1
        mu = torch.rand(1, 3, h, w, generator=g) * 2 - 1
        net.forward_padded(x, mu, torch.tensor([50.0]))  # warm-up
        ms = []
        for r in range(a.repeat):
            t0 = time.perf_counter()
            net.forward_padded(x, mu, torch.tensor([float(89 - 10 * r)]))
            ms.append((time.perf_counter() - t0) * 1000)
        result.update(call_ms=ms, call_ms_median=statistics.median(ms), call_ms_min=min(ms))

        photo = torch.rand(1, 3, h, w, generator=g)
        t0 = time.perf_counter()
        ref.sample(net.forward_padded, photo, schedule, steps=a.steps)
        result.update(steps=a.steps, restore_s=time.perf_counter() - t0, network_calls=a.steps,
                      tiles_per_call=1, tile_size=0)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    print(f"{result['model']}  {result['size']}  dim {net.dim} ({params / 1e6:.2f}M params)  whole  "
          f"{result['threads']} threads  OpenBLAS {result['blas_core']}  allocator: {result['allocator']}")
    print(f"  network call (whole image): {result['call_ms_median']:.1f} ms median of {a.repeat}")
    print(f"  {a.steps}-step restoration: {result['restore_s']:.2f} s (whole image)")
    print(f"  peak resident memory: {result['peak_rss_mib']:.0f} MiB")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
