#!/usr/bin/env python3
"""Writes a synthetic bilingual Panduan handbook for benchmarks.

    bench/gen_corpus.py OUT_DIR N [--seed S]

N pages per language (Indonesian and English), ~780 words each, in sections of 50
pages, with headings, lists, a table, 3-5 internal links, admonitions, footnotes and
kind fields on some pages. Deterministic: the same N and seed give the same files.
"""
import argparse
import os
import random
import shutil

ID_WORDS = (
    "kelompok anggota pekerja sosial pemberdayaan dinamika kohesi fasilitator kegiatan "
    "masyarakat lembaga pelayanan tujuan kemampuan keterampilan dukungan pengalaman masalah "
    "keputusan pertemuan bersama saling membantu belajar tumbuh peran pemimpin perubahan "
    "kesejahteraan intervensi terapi rekreasi pendidikan sosialisasi remaja keluarga warga "
    "memberdayakan berdaya diberdayakan pembelajaran pertemuan-pertemuan kelompok-kelompok "
    "dan yang dengan untuk dalam pada ini itu adalah dari oleh agar setiap lebih juga"
).split()
EN_WORDS = (
    "group member social worker empowerment dynamics cohesion facilitator activity community "
    "agency service goal ability skill support experience problem decision meeting together "
    "mutual help learning growth role leader change welfare intervention therapy recreation "
    "education socialization youth family resident empowering empowered groups grouping "
    "and the with for in on this that is from by so each more also"
).split()


def sentence(rng, words, n):
    ws = [rng.choice(words) for _ in range(n)]
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."


def paragraph(rng, words, sentences=4):
    return " ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(sentences))


def page_body(rng, lang, words, index, n, ids):
    parts = []
    links = rng.sample(range(n), min(n, rng.randint(3, 5)))
    for h in range(4):
        title = sentence(rng, words, 3).rstrip(".")
        parts.append(f"## {title} {h + 1}\n")
        parts.append(paragraph(rng, words, 7) + "\n")
        if h == 0:
            parts.append("\n".join(f"- {sentence(rng, words, 6)}" for _ in range(4)) + "\n")
        if h == 1:
            parts.append("| A | B | C |\n|---|---|---|\n" + "\n".join(
                f"| {rng.choice(words)} | {rng.choice(words)} | {rng.randint(1, 99)} |" for _ in range(4)) + "\n")
        if h == 2 and index % 3 == 0:
            parts.append("> [!NOTE]\n> " + sentence(rng, words, 10) + "\n")
        if h == 3 and index % 4 == 0:
            parts.append(paragraph(rng, words, 2) + "[^1]\n\n[^1]: " + sentence(rng, words, 8) + "\n")
        link = links[h % len(links)]
        parts.append(f"See [[{ids[link]}]] and [[{ids[links[-1]]}#{'bagian' if lang == 'id' else 'part'}-{links[-1] % 3}|more]].\n")
        parts.append(paragraph(rng, words, 6) + "\n")
    parts.append(f"## {'Bagian' if lang == 'id' else 'Part'} {index % 3} {{#{'bagian' if lang == 'id' else 'part'}-{index % 3}}}\n")
    parts.append(paragraph(rng, words, 3) + "\n")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    out, n = args.out, args.n
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "book.toml"), "w") as f:
        f.write("""[languages.id]
name = "Bahasa Indonesia"
title = "Korpus Uji"

[languages.en]
name = "English"
title = "Test Corpus"

[kinds.group-type]
label = { id = "Jenis kelompok", en = "Group type" }
[kinds.group-type.fields.purpose]
type = "text"
required = true
label = { id = "Tujuan", en = "Purpose" }
[kinds.group-type.fields.examples]
type = "list"
label = { id = "Contoh", en = "Examples" }
""")
    per_section = 50
    ids = []
    for i in range(n):
        section = i // per_section
        ids.append(f"s{section:03d}/p{i:05d}")
    for lang, words in (("id", ID_WORDS), ("en", EN_WORDS)):
        rng = random.Random(f"{args.seed}-{lang}")
        base = os.path.join(out, "content", lang)
        os.makedirs(base)
        with open(os.path.join(base, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {'Beranda' if lang == 'id' else 'Home'}\n---\n\n{paragraph(rng, words)}\n")
        for s in range((n + per_section - 1) // per_section):
            d = os.path.join(base, f"s{s:03d}")
            os.makedirs(d)
            with open(os.path.join(d, "_index.md"), "w") as f:
                f.write(f"---\ntitle: {sentence(rng, words, 2).rstrip('.')} {s}\norder: {s}\n---\n\n{paragraph(rng, words)}\n")
        for i in range(n):
            kind = ""
            if i % 10 == 0:
                kind = f"kind: group-type\npurpose: {sentence(rng, words, 8)}\nexamples: [{rng.choice(words)}, {rng.choice(words)}]\n"
            front = (f"---\ntitle: {sentence(rng, words, 3).rstrip('.')} {i}\nsummary: {sentence(rng, words, 10)}\n"
                     f"order: {i}\ntags: [{rng.choice(words)}]\n{kind}---\n\n")
            with open(os.path.join(base, ids[i] + ".md"), "w") as f:
                f.write(front + page_body(rng, lang, words, i, n, ids))


if __name__ == "__main__":
    main()
