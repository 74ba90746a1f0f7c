#!/usr/bin/python3
"""Seed corpora for the fuzz targets, made from the test fixtures.
Usage: make_seeds.py OUT_DIR SOURCE_DIR FIXTURE_DIR
Writes OUT_DIR/<target>/<n>: pickle (data.pkl of every fixture archive), zip and
checkpoint (the archives and safetensors files), safetensors, metadata (sidecars and
model cards' JSON), image (image fixtures, the bundled samples cut to 64 KiB, tiny
hand-made headers) and exif (TIFF blocks with an orientation tag)."""
import struct
import sys
import zipfile
from pathlib import Path

out, src, fixtures = (Path(a) for a in sys.argv[1:4])
count = {}


def seed(target, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    n = count.get(target, 0)
    count[target] = n + 1
    (d / f"{n:04d}").write_bytes(data[: 1 << 20])


archives = sorted(p for d in ("ckpt", "golden", "hostile") for p in (fixtures / d).glob("*.pt"))
for p in archives:
    data = p.read_bytes()
    if len(data) <= 1 << 20:
        seed("zip", data)
        seed("checkpoint", data)
    try:
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                if name.endswith(".pkl"):
                    seed("pickle", z.read(name))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        if data[:1] == b"\x80":
            seed("pickle", data)  # legacy pickle files
for p in sorted((fixtures / "ckpt").glob("*.safetensors")):
    seed("safetensors", p.read_bytes())
    seed("checkpoint", p.read_bytes())
for p in sorted(list((fixtures / "golden").glob("*.json")) + list((src / "models").glob("*.json"))):
    seed("metadata", p.read_bytes())
seed("metadata", b'{"format":"rdbm-studio-model","objective":"x0","pi_mode":"residual","schedule":"cosine",'
                 b'"lambda":0.0392,"T":100,"pad_mode":"reflect","adds_mu":false,"architecture":{"dim":32,'
                 b'"dim_mults":[1,2,4],"channels":3},"provenance":{"data":"x"}}')

for d in ("image_samples", "images"):
    for p in sorted((fixtures / d).glob("*")) if (fixtures / d).is_dir() else []:
        if p.is_file():
            seed("image", p.read_bytes()[: 1 << 16])
for p in sorted((src / "resources" / "samples").glob("*")):
    seed("image", p.read_bytes()[: 1 << 16])


def png(w, h, color=2):
    import zlib
    def chunk(t, b):
        return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
    raw = b"".join(b"\0" + b"\x80" * (w * 3) for _ in range(h))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def tiff(orientation, big_endian=False):
    e = ">" if big_endian else "<"
    head = (b"MM" if big_endian else b"II") + struct.pack(e + "HI", 42, 8)
    ifd = struct.pack(e + "H", 1) + struct.pack(e + "HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(e + "I", 0)
    return head + ifd


seed("image", png(4, 3))
seed("image", b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 2, 1, 24, 0, 16, 0, 0, 0, 0)
     + b"\x10" * 16)
seed("image", b"\xff\xd8\xff\xe1" + struct.pack(">H", 8 + 26) + b"Exif\0\0" + tiff(6, True) + b"\xff\xd9")
for o in (1, 3, 6, 8):
    seed("exif", tiff(o))
    seed("exif", tiff(o, True))
    seed("exif", b"Exif\0\0" + tiff(o))
print("seeds:", ", ".join(f"{k} {v}" for k, v in sorted(count.items())))
