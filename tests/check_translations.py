#!/usr/bin/python3
"""Fails when a shipped translation (German, Simplified Chinese) misses a message:
an unfinished or empty <translation>, or a %1-style placeholder that the translation
drops or invents. Usage: check_translations.py FILE.ts..."""
import re
import sys
import xml.etree.ElementTree as ET

problems = []
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    count = 0
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            count += 1
            forms = [n.text or "" for n in tr.iter("numerusform")] if tr is not None else []
            texts = forms or [tr.text or "" if tr is not None else ""]
            if tr is None or tr.get("type") == "unfinished" or not all(t.strip() for t in texts):
                problems.append(f"{path}: {name}: untranslated: {source!r}")
                continue
            want = sorted(set(re.findall(r"%L?\d", source)))
            for t in texts:
                got = sorted(set(re.findall(r"%L?\d", t)))
                if got != want:
                    problems.append(f"{path}: {name}: placeholders {want} in {source!r} but {got} in {t!r}")
    print(f"{path}: {count} messages")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
