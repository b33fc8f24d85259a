#!/usr/bin/env python3
"""Writes a corpus in the shapes real agency content takes (issue #15), on top of
bench/gen_corpus.py: sections split into sibling folders without `_index.md`, the same
file name in several folders, many pages with no English translation, e-mail
autolinks, links with query strings, site-absolute links, pictures kept only in the
Indonesian folder, files named only with signs, hidden `.md` files, raw HTML with a
script, and comma-separated tags.

    bench/gen_real_corpus.py OUT_DIR N        (N pages per language, before the shapes)

Deterministic. Build it with `panduan build --root OUT_DIR`; count the diagnostics by
kind with `panduan check --root OUT_DIR --format json`.
"""
import pathlib
import random
import re
import shutil
import subprocess
import sys


def main():
    out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    here = pathlib.Path(__file__).resolve().parent
    if out.exists():
        shutil.rmtree(out)
    subprocess.run([sys.executable, str(here / "gen_corpus.py"), str(out), str(n)],
                   check=True, stdout=subprocess.DEVNULL)
    rnd = random.Random(15)
    content = out / "content"
    (content / "id" / "gambar").mkdir(parents=True)
    (content / "id" / "gambar" / "ruang.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "shared").mkdir()
    (content / "shared" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for lang in ("id", "en"):
        root = content / lang
        # Sibling folders without _index.md, holding files of the same name.
        for k in range(n // 50):
            for sub in ("a", "b"):
                d = root / f"catatan{k:03}" / sub
                d.mkdir(parents=True)
                if lang == "en" and k % 3 == 0:
                    continue  # untranslated
                (d / "tulis.md").write_text(
                    f"---\ntitle: Catatan {k} {sub}\ntags: rapat, catatan\n---\n\n"
                    f"Kirim ke <tim{k}@example.org>. Lihat [pdf](/gambar/ruang.png?v=2#x), "
                    f"[beranda](/_index.md) dan ![ruang](../../gambar/ruang.png) "
                    f"dengan ![logo](../../../shared/logo.png).\n",
                    encoding="utf-8")
        for sign in ("!", "%", "((", "~"):
            (root / f"{sign}.md").write_text(f"---\ntitle: Tanda {sign}\n---\n\nHalaman.\n")
        (root / ".draf.md").write_text("---\ntitle: Draf\n---\n")
        (root / "sematan.md").write_text(
            "---\ntitle: Sematan\n---\n\n<div onclick=\"x()\">klik</div>\n")
    # Many pages with no English translation.
    pages = sorted(p for p in (content / "en").rglob("p*.md"))
    for p in pages:
        if rnd.random() < 0.3:
            p.unlink()
    # Wikilinks to removed English pages fall back to Indonesian (a warning each); the
    # English anchors they name do not exist there, so they are dropped.
    gone = {str(p.relative_to(content / "en"))[:-3] for p in pages if not p.exists()}
    for p in (content / "en").rglob("*.md"):
        text = p.read_text(encoding="utf-8")
        new = re.sub(r"\[\[([^\]#|]+)#[^\]|]+(\|[^\]]*)?\]\]",
                     lambda m: m.group(0) if m.group(1) not in gone
                     else f"[[{m.group(1)}{m.group(2) or ''}]]", text)
        if new != text:
            p.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
