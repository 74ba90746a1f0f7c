#!/usr/bin/python3
"""Renders the RDBM Studio application icon (rdbm-studio.svg drawn the same way) to PNGs.

Run with Debian's python3 (python3-pil): ./make_icons.py  -> rdbm-studio-{16..256}.png
The picture: a photo split by the before/after divider, noisy on the left, clean on the right.
"""
import random
from PIL import Image, ImageDraw, ImageFilter

S = 1024  # drawn large, then shrunk (anti-aliasing)


def lerp(a, b, f):
    return tuple(int(round(x + (y - x) * f)) for x, y in zip(a, b))


def render():
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    # Rounded tile with a vertical gradient.
    tile = Image.new("RGBA", (S, S))
    top, bottom = (38, 70, 120), (20, 34, 64)
    for y in range(S):
        ImageDraw.Draw(tile).line([(0, y), (S, y)], fill=lerp(top, bottom, y / S) + (255,))
    mask = Image.new("L", (S, S), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40, 40, S - 40, S - 40], radius=190, fill=255)
    img.paste(tile, (0, 0), mask)

    # The photo: a sunset landscape, x in [170, 854], y in [230, 794].
    x0, y0, x1, y1 = 170, 230, 854, 794
    photo = Image.new("RGB", (x1 - x0, y1 - y0))
    d = ImageDraw.Draw(photo)
    w, h = photo.size
    for y in range(h):
        d.line([(0, y), (w, y)], fill=lerp((255, 183, 94), (236, 92, 84), y / h))
    d.ellipse([w * 0.55, h * 0.22, w * 0.80, h * 0.47], fill=(255, 236, 170))
    d.polygon([(0, h), (0, h * 0.62), (w * 0.30, h * 0.40), (w * 0.55, h * 0.66), (w * 0.78, h * 0.48),
               (w, h * 0.64), (w, h)], fill=(52, 62, 96))
    d.polygon([(0, h), (0, h * 0.80), (w * 0.40, h * 0.70), (w, h * 0.84), (w, h)], fill=(30, 38, 66))

    # Left half degraded: blur plus strong grain.
    half = w // 2
    left = photo.crop((0, 0, half, h)).filter(ImageFilter.GaussianBlur(10))
    rnd = random.Random(7)
    px = left.load()
    for yy in range(0, h, 6):
        for xx in range(0, half, 6):
            n = rnd.randint(-70, 70)
            c = tuple(max(0, min(255, v + n)) for v in px[xx, yy])
            ImageDraw.Draw(left).rectangle([xx, yy, xx + 5, yy + 5], fill=c)
    photo.paste(left, (0, 0))
    pmask = Image.new("L", photo.size, 0)
    ImageDraw.Draw(pmask).rounded_rectangle([0, 0, w - 1, h - 1], radius=48, fill=255)
    img.paste(photo, (x0, y0), pmask)

    # The divider with its knob.
    d = ImageDraw.Draw(img)
    cx = x0 + half
    d.rectangle([cx - 9, y0 - 40, cx + 9, y1 + 40], fill=(255, 255, 255, 255))
    r = 62
    cy = (y0 + y1) // 2
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 255, 255, 255))
    a = 26
    d.polygon([(cx - 12, cy - a), (cx - 12, cy + a), (cx - 12 - a, cy)], fill=(38, 70, 120, 255))
    d.polygon([(cx + 12, cy - a), (cx + 12, cy + a), (cx + 12 + a, cy)], fill=(38, 70, 120, 255))
    return img


if __name__ == "__main__":
    big = render()
    for size in (16, 32, 64, 128, 256):
        big.resize((size, size), Image.LANCZOS).save(f"rdbm-studio-{size}.png", optimize=True)
