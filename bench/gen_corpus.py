#!/usr/bin/env python3
"""Writes a synthetic bilingual handbook for timing Panduan.

    python3 bench/gen_corpus.py OUT_DIR [--pages N] [--sections S]

OUT_DIR gets a book.toml and content/{id,en}/ with N pages per language spread over S
sections (default 1,000 pages in 20 sections, i.e. 2x1,000 pages). Every page has front
matter, headings, a list, an alert, a relative link and a wikilink to its neighbours, so
the whole pipeline (links, anchors, navigation, pager) is exercised. The output is
deterministic. OUT_DIR must not exist or be empty.
"""

import argparse
import os
import sys

WORDS_ID = ("kelompok anggota fasilitator pertemuan tujuan peran kepercayaan "
            "dukungan masalah keluarga pemberdayaan kegiatan diskusi norma").split()
WORDS_EN = ("group member facilitator meeting purpose role trust support problem "
            "family empowerment activity discussion norm").split()

BOOK_TOML = """[book]
output = "book"

[languages.id]
name = "Bahasa Indonesia"
title = "Korpus uji"
description = "Buku sintetis untuk mengukur kecepatan."

[languages.en]
name = "English"
title = "Test corpus"
description = "A synthetic book for timing."
"""


def sentence(words, seed, length=14):
    out = [words[(seed * 7 + i * 3) % len(words)] for i in range(length)]
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def page(lang, s, p, pages_in_section):
    words = WORDS_ID if lang == "id" else WORDS_EN
    seed = s * 1000 + p
    nxt = (p + 1) % pages_in_section
    prv = (p - 1) % pages_in_section
    para = " ".join(sentence(words, seed + k) for k in range(5))
    heading = "Langkah" if lang == "id" else "Steps"
    return f"""---
title: {"Halaman" if lang == "id" else "Page"} {s}.{p}
summary: {sentence(words, seed, 8)}
order: {p + 1}
tags: [{words[seed % len(words)]}, {words[(seed + 5) % len(words)]}]
---

{para}

## {heading} {p}

- {sentence(words, seed + 1, 6)}
- {sentence(words, seed + 2, 6)}
- {sentence(words, seed + 3, 6)}

> [!NOTE]
> {sentence(words, seed + 4)}

See [the next page](page-{nxt:04d}.md#{heading.lower()}-{nxt}) and [[s{s:02d}/page-{prv:04d}]].

### {"Catatan" if lang == "id" else "Notes"}

{para}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=1000, help="pages per language")
    parser.add_argument("--sections", type=int, default=20)
    args = parser.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"error: {args.out} exists and is not empty")
    sections = max(1, min(args.sections, args.pages))
    per = [args.pages // sections + (1 if i < args.pages % sections else 0) for i in range(sections)]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "book.toml"), "w", encoding="utf-8") as f:
        f.write(BOOK_TOML)
    for lang in ("id", "en"):
        base = os.path.join(args.out, "content", lang)
        os.makedirs(base, exist_ok=True)
        with open(os.path.join(base, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {'Beranda' if lang == 'id' else 'Home'}\n---\n\n{sentence(WORDS_ID if lang == 'id' else WORDS_EN, 1)}\n")
        for s, count in enumerate(per):
            d = os.path.join(base, f"s{s:02d}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {'Bagian' if lang == 'id' else 'Section'} {s}\norder: {s + 1}\n---\n\nIntro {s}.\n")
            for p in range(count):
                with open(os.path.join(d, f"page-{p:04d}.md"), "w", encoding="utf-8") as f:
                    f.write(page(lang, s, p, count))
    print(f"wrote {args.pages} pages per language in {sections} sections to {args.out}")


if __name__ == "__main__":
    main()
