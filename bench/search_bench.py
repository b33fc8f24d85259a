#!/usr/bin/env python3
"""Benchmarks offline search at scale (issue #16): index sizes, and the bytes and time a
first query costs in headless Chromium from file://.

    cargo build --release && bench/search_bench.py [--sizes 1000,10000] [--corpus zipf|uniform]

For each N (pages per language) it writes a bilingual handbook, builds it, and prints:
- the build time and the index files (head, term shards, text chunks, words file);
- for a few first queries per language, each in a fresh browser opened on a page of the
  book from file://: the scripts the query loaded, their bytes, and the time from the
  call to the results (hits with their titles and text).

Corpora: `zipf` (default) draws words from the bundled handbook's own vocabulary plus
made-up words (about 3 per page, so the vocabulary grows with the book as real books'
do), by a Zipf law; `uniform` is bench/gen_corpus.py (60 words, every one on nearly
every page: the worst case for postings). Figures only; nothing here is a test.
"""
import argparse
import collections
import html
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUERIES = {"id": ["pemberdayaan", "kelompok swabantu", "dinamik", "pemberdyaan"],
           "en": ["empowerment", "self-help group", "dynami", "empowermnet"]}


def handbook_words(lang):
    counts = collections.Counter()
    for dirpath, _, files in os.walk(os.path.join(ROOT, "content", lang)):
        for f in files:
            if f.endswith(".md"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    counts.update(re.findall(r"[a-z]+(?:-[a-z]+)*", fh.read().lower()))
    return [w for w, _ in counts.most_common()]


def made_up(rng, lang):
    syllables = "ba ka la ma na pa ra sa ta da ga ja ri ku lu mo se te no" if lang == "id" else \
        "ar en or in al er on ic st ex pro tra con de re un mis"
    word = "".join(rng.choice(syllables.split()) for _ in range(rng.randint(2, 4)))
    affixes = (["me{}kan", "di{}i", "pe{}an", "ber{}", "{}nya", "{}"] if lang == "id"
               else ["{}ing", "{}ed", "{}s", "{}ation", "{}"])
    return rng.choice(affixes).format(word)


def zipf_corpus(out, n):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "book.toml"), "w") as f:
        f.write('[languages.id]\nname = "Bahasa Indonesia"\ntitle = "Korpus Cari"\n\n'
                '[languages.en]\nname = "English"\ntitle = "Search Corpus"\n')
    for lang in ("id", "en"):
        rng = random.Random(f"search-{lang}")
        vocab = handbook_words(lang) + [made_up(rng, lang) for _ in range(3 * n)]
        rng.shuffle(vocab[200:])  # the handbook's commonest words stay common
        cum, total = [], 0.0
        for r in range(len(vocab)):
            total += 1.0 / (r + 1)
            cum.append(total)
        words = lambda k: rng.choices(vocab, cum_weights=cum, k=k)
        root = os.path.join(out, "content", lang)
        os.makedirs(root)
        with open(os.path.join(root, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {lang}\n---\n\nHome.\n")
        for i in range(n):
            folder = os.path.join(root, f"s{i // 50:03d}")
            if i % 50 == 0:
                os.makedirs(folder)
                with open(os.path.join(folder, "_index.md"), "w") as f:
                    f.write(f"---\ntitle: {' '.join(words(2)).capitalize()}\n---\n\nSection.\n")
            parts = [f"---\ntitle: {' '.join(words(rng.randint(2, 4))).capitalize()}\n"
                     f"summary: {' '.join(words(12)).capitalize()}.\n---\n"]
            for _ in range(rng.randint(4, 6)):
                parts.append(f"\n## {' '.join(words(rng.randint(2, 4))).capitalize()}\n")
                for _ in range(rng.randint(2, 3)):
                    parts.append("\n" + " ".join(words(rng.randint(40, 80))).capitalize() + ".\n")
            with open(os.path.join(folder, f"p{i:05d}.md"), "w") as f:
                f.write("".join(parts))


HARNESS = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>
<body data-root="../" data-lang="{lang}"><pre id="out">waiting</pre>
<script src="../assets/stem.js"></script>
<script src="../assets/search.js"></script>
<script>
var loaded = [];
var append = document.head.appendChild.bind(document.head);
document.head.appendChild = function (n) {{ if (n.src) loaded.push(n.src); return append(n); }};
var t0 = performance.now();
panduanSearchQuery({query}, 8, function (found) {{
  var ms = performance.now() - t0;
  document.getElementById("out").textContent = "RES" + "ULT" + JSON.stringify({{ ms: ms, hits: found.hits.length,
    first: found.hits[0] ? found.hits[0].title : null, text: found.hits.every(function (h) {{ return h.title !== ""; }}),
    loaded: loaded }}) + "E" + "ND";
}});
</script></body></html>
"""


def first_query(chromium, book, lang, query, repeat=3):
    """The median of `repeat` first queries, each in a fresh browser."""
    runs = [r for r in (first_query_once(chromium, book, lang, query) for _ in range(repeat)) if r]
    if not runs:
        return None
    runs.sort(key=lambda r: r["ms"])
    return runs[len(runs) // 2]


def first_query_once(chromium, book, lang, query):
    bench = os.path.join(book, "bench")
    os.makedirs(bench, exist_ok=True)
    page = os.path.join(bench, f"q-{lang}.html")
    with open(page, "w") as f:
        f.write(HARNESS.format(lang=lang, query=json.dumps(query)))
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-extensions", "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", "--allow-file-access-from-files",
                               "--dump-dom", "file://" + page], capture_output=True, text=True, timeout=120)
    m = re.search(r"RESULT(.*?)END", proc.stdout, re.S)
    if not m:
        return None
    result = json.loads(html.unescape(m.group(1)), strict=False)
    result["bytes"] = sum(os.path.getsize(os.path.join(book, src.split("file://")[-1][len(book) + 1:]
                                                       if src.startswith("file://") else src))
                          for src in result["loaded"])
    return result


def report(r, lang, query):
    if r is None:
        print(f"  {lang} {query!r}: no answer from the browser")
        return
    names = [os.path.basename(s) for s in r["loaded"]]
    shown = names if len(names) <= 6 else names[:6] + [f"+{len(names) - 6}"]
    print(f"  first query {lang} {query!r:>20}: {r['ms']:6.1f} ms, {r['bytes'] / 1024:6.0f} KiB "
          f"in {len(names)} scripts, {r['hits']} hits ({' '.join(shown)})")


def index_sizes(book):
    groups = collections.defaultdict(lambda: [0, 0])
    for f in os.listdir(os.path.join(book, "assets")):
        m = re.match(r"search-([a-z]+)(-t\d+|-x\d+|-words|-text)?\.js$", f)
        if m:
            kind = {None: "head", "-words": "words", "-text": "text"}.get(m.group(2), m.group(2) and m.group(2)[:2])
            g = groups[(m.group(1), kind)]
            g[0] += 1
            g[1] += os.path.getsize(os.path.join(book, "assets", f))
    return groups


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--corpus", default="zipf", choices=["zipf", "uniform"])
    ap.add_argument("--runs", type=int, default=3, help="builds per size (median printed)")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "panduan"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    ap.add_argument("--keep", help="build into this folder and keep it")
    ap.add_argument("--book", help="only measure the first queries on this built book (e.g. the bundled handbook)")
    args = ap.parse_args()
    if args.book:
        for (lang, kind), (count, size) in sorted(index_sizes(args.book).items()):
            print(f"  index {lang} {kind:>5}: {count:>5} files {size / 1024:>9.0f} KiB")
        for lang, queries in QUERIES.items():
            for query in queries:
                report(first_query(args.chromium, os.path.abspath(args.book), lang, query), lang, query)
        return
    if not os.path.exists(args.binary):
        sys.exit("build the release binary first: cargo build --release")
    work = args.keep or tempfile.mkdtemp(prefix="panduan-search-bench-")
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            site = os.path.join(work, f"{args.corpus}-{n}")
            if args.corpus == "zipf":
                zipf_corpus(site, n)
            else:
                subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), site, str(n)], check=True,
                               stdout=subprocess.DEVNULL)
            times = []
            for run in range(args.runs):
                book = os.path.join(site, f"book-{run}")
                start = time.perf_counter()
                subprocess.run([args.binary, "build", "--root", site, "--out", book], check=True,
                               capture_output=True)
                times.append(time.perf_counter() - start)
            print(f"\n2 x {n} pages ({args.corpus}): build median {statistics.median(times):.2f} s "
                  f"({min(times):.2f}-{max(times):.2f}, {args.runs} runs)")
            for (lang, kind), (count, size) in sorted(index_sizes(book).items()):
                print(f"  index {lang} {kind:>5}: {count:>5} files {size / 1024:>9.0f} KiB")
            if not args.chromium:
                print("  (no chromium: first queries not measured)")
                continue
            for lang, queries in QUERIES.items():
                for query in queries:
                    report(first_query(args.chromium, book, lang, query), lang, query)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
