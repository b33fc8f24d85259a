#!/usr/bin/env python3
"""Builds the same generated handbook with Panduan and with peer tools, side by side.

    cargo build --release && bench/peers.py [--sizes 100,1000] [--runs 5] [--tools panduan,hugo,mdbook]

For each size N (pages per language) it generates one corpus with gen_corpus.py (fixed
seed), converts it for each peer, builds it --runs times into a fresh output folder
and prints, per tool and size: median and spread of wall time, pages per second (2N
pages), HTML files written and output MiB. Timings are only printed, never checked.

Peers:
  hugo    Debian package `hugo` (installed with apt-get when missing). One multilingual
          site, a `contentDir` per language, minimal baseof/single/list templates that
          print the title and the rendered Markdown; taxonomies, RSS and sitemap off.
  mdbook  `cargo install mdbook --locked` into ~/.cache/panduan-bench/tools when it is
          not on PATH (compiles for a few minutes, once). One book per language (mdBook
          has no languages) with a SUMMARY.md in reading order; the time of a run is the
          sum of both books.
  zola    only looked for; the converter does not exist, it is not packaged here.

Conversion: Panduan-only front matter keys (summary, tags, kind fields, ...) go under
Hugo's `params` and are dropped for mdBook, which gets a `# Title` line instead;
`[[wikilinks]]` and relative `.md` links become relative URLs (Hugo) or relative
`.md` links (mdBook). `> [!NOTE]` alerts and `{#id}` heading ids are left as written,
for each tool to render as it can. Fenced code blocks are not converted.
"""
import argparse
import json
import os
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOLS = os.path.join(os.path.expanduser("~"), ".cache", "panduan-bench", "tools")

WIKILINK = re.compile(r"\[\[([^\]|#]*)(#[^\]|]*)?(?:\|([^\]]*))?\]\]")
MD_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s#]+\.md)(#[^)\s]*)?\)")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


# ---------------------------------------------------------------------------- corpus

class Page:
    """One Markdown file of one language: `pid` is its Panduan id ('' for the home page)."""

    def __init__(self, rel, front, body):
        self.rel = rel  # path below content/<lang>/, with '/'
        self.is_index = posixpath.basename(rel) == "_index.md"
        self.pid = posixpath.dirname(rel) if self.is_index else rel[:-3]
        self.front = front
        self.body = body
        self.title = front.get("title") or posixpath.basename(self.pid) or "Home"
        try:
            self.order = int(front.get("order", ""))
        except ValueError:
            self.order = None


def parse_value(raw):
    """The flat YAML subset gen_corpus.py writes: strings, integers and [a, b] lists."""
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [v.strip().strip("'\"") for v in raw[1:-1].split(",") if v.strip()]
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    return raw


def read_page(path, rel):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    front = {}
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            for line in text[4:end].splitlines():
                if ":" in line and not line.startswith((" ", "\t", "#")):
                    key, _, value = line.partition(":")
                    front[key.strip()] = parse_value(value)
            text = text[end + 5:]
    return Page(rel, front, text)


def read_language(content_dir):
    pages = {}
    for dirpath, _, files in os.walk(content_dir):
        for name in files:
            if name.endswith(".md"):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, content_dir).replace(os.sep, "/")
                page = read_page(path, rel)
                pages[page.pid] = page
    return pages


def resolve(pages, source, target):
    """The page a wikilink target names: its id, or a unique last part of an id."""
    target = target.strip().strip("/")
    if target in pages:
        return pages[target]
    matches = [p for pid, p in pages.items() if pid.rsplit("/", 1)[-1] == target]
    if len(matches) == 1:
        return matches[0]
    sys.exit(f"{source.rel}: cannot resolve [[{target}]]")


def convert_links(page, pages, link_to):
    """Rewrites wikilinks and relative .md links; `link_to(page, target, anchor)` gives a URL."""
    def wiki(m):
        target = resolve(pages, page, m.group(1))
        text = m.group(3) or target.title
        return f"[{text}]({link_to(page, target, m.group(2) or '')})"

    def md(m):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), m.group(1)))
        pid = posixpath.dirname(path) if posixpath.basename(path) == "_index.md" else path[:-3]
        target = pages.get("" if pid == "." else pid)
        if target is None:
            return m.group(0)  # left as written; the tool reports it or not
        return f"]({link_to(page, target, m.group(2) or '')})"

    out, in_fence = [], False
    for line in page.body.splitlines(keepends=True):
        if FENCE.match(line):
            in_fence = not in_fence
        out.append(line if in_fence else MD_LINK.sub(md, WIKILINK.sub(wiki, line)))
    return "".join(out)


def reading_order(pages):
    """Nested (page, children) list in Panduan's navigation order: order, then title."""
    def key(p):
        return (p.order is None, p.order if p.order is not None else 0, p.title.lower(), p.pid)

    def children(section_pid):
        kids = [p for p in pages.values() if p.pid and posixpath.dirname(p.pid) == section_pid]
        return [(p, children(p.pid) if p.is_index else []) for p in sorted(kids, key=key)]

    return children("")


# ---------------------------------------------------------------------------- converters

def hugo_site(corpus, langs, book, dest):
    """A multilingual Hugo site in `dest`; returns the command line that builds it into OUT."""
    os.makedirs(os.path.join(dest, "layouts", "_default"))
    lines = [
        'baseURL = "https://example.org/"',
        f'defaultContentLanguage = "{langs[0]}"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]',
        "",
    ]
    for weight, lang in enumerate(langs, 1):
        conf = book["languages"][lang]
        lines += [f"[languages.{lang}]", f"languageName = {json.dumps(conf['name'])}",
                  f"title = {json.dumps(conf['title'])}", f"weight = {weight}",
                  f'contentDir = "content/{lang}"', ""]
    with open(os.path.join(dest, "config.toml"), "w") as f:
        f.write("\n".join(lines))
    layouts = {
        "baseof.html": '<!doctype html>\n<html lang="{{ .Site.Language.Lang }}">\n<head>'
                       '<meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>\n'
                       '<body>{{ block "main" . }}{{ end }}</body>\n</html>\n',
        "single.html": '{{ define "main" }}<main><h1>{{ .Title }}</h1>\n{{ .Content }}</main>{{ end }}\n',
        "list.html": '{{ define "main" }}<main><h1>{{ .Title }}</h1>\n{{ .Content }}</main>{{ end }}\n',
    }
    for name, text in layouts.items():
        with open(os.path.join(dest, "layouts", "_default", name), "w") as f:
            f.write(text)

    for lang in langs:
        pages = corpus[lang]

        def url_dir(p):
            return f"/{lang}/{p.pid.lower()}/" if p.pid else f"/{lang}/"

        def link_to(page, target, anchor):
            rel = posixpath.relpath(url_dir(target), url_dir(page))
            return ("./" if rel == "." else rel + "/") + anchor

        for page in pages.values():
            front = {"title": page.title}
            if page.order is not None:
                front["weight"] = page.order
            params = {k: v for k, v in page.front.items() if k not in ("title", "order")}
            toml = [f"{k} = {json.dumps(v)}" if not isinstance(v, int) else f"{k} = {v}" for k, v in front.items()]
            if params:
                toml += ["[params]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()]
            path = os.path.join(dest, "content", lang, page.rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("+++\n" + "\n".join(toml) + "\n+++\n" + convert_links(page, pages, link_to))
    return lambda out: [["hugo", "--quiet", "--source", dest, "--destination", out]]


def mdbook_books(corpus, langs, book, dest, binary):
    """One mdBook per language under `dest`; returns the command lines that build them."""
    def md_path(p):
        if not p.pid:
            return "index.md"
        return p.pid + ("/index.md" if p.is_index else ".md")

    def link_to(page, target, anchor):
        return posixpath.relpath(md_path(target), posixpath.dirname(md_path(page))) + anchor

    def escape(title):
        return title.replace("[", r"\[").replace("]", r"\]")

    for lang in langs:
        pages = corpus[lang]
        src = os.path.join(dest, lang, "src")
        os.makedirs(src)
        with open(os.path.join(dest, lang, "book.toml"), "w") as f:
            f.write(f"[book]\ntitle = {json.dumps(book['languages'][lang]['title'])}\n"
                    f'language = "{lang}"\nsrc = "src"\n')
        for page in pages.values():
            path = os.path.join(src, md_path(page))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"# {page.title}\n\n" + convert_links(page, pages, link_to))

        summary = ["# Summary", ""]
        if "" in pages:
            summary += [f"[{escape(pages[''].title)}](index.md)", ""]

        def walk(items, depth):
            for page, kids in items:
                summary.append(f"{'    ' * depth}- [{escape(page.title)}]({md_path(page)})")
                walk(kids, depth + 1)

        walk(reading_order(pages), 0)
        with open(os.path.join(src, "SUMMARY.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(summary) + "\n")
    return lambda out: [[binary, "build", "--dest-dir", os.path.join(out, lang), os.path.join(dest, lang)]
                        for lang in langs]


# ---------------------------------------------------------------------------- tools

def version(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.returncode == 0 else "?"


def find_hugo():
    if shutil.which("hugo"):
        return "hugo"
    print("hugo not found; installing it: apt-get install -y hugo", flush=True)
    cmd = ["apt-get", "install", "-y", "hugo"]
    if os.geteuid() != 0 and shutil.which("sudo"):
        cmd = ["sudo"] + cmd
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not shutil.which("hugo"):
        print(f"hugo: could not install it (skipped):\n{proc.stderr[-1500:]}")
        return None
    return "hugo"


def find_mdbook():
    for candidate in (shutil.which("mdbook"), os.path.join(TOOLS, "bin", "mdbook")):
        if candidate and os.path.exists(candidate):
            return candidate
    print(f"mdbook not found; compiling it (a few minutes): cargo install mdbook --locked --root {TOOLS}",
          flush=True)
    proc = subprocess.run(["cargo", "install", "mdbook", "--locked", "--root", TOOLS],
                          capture_output=True, text=True)
    binary = os.path.join(TOOLS, "bin", "mdbook")
    if proc.returncode != 0 or not os.path.exists(binary):
        print(f"mdbook: could not install it (skipped):\n{proc.stderr[-1500:]}")
        return None
    return binary


def report_zola():
    if shutil.which("zola"):
        print(f"zola: {version(['zola', '--version'])} found, but this script has no Zola converter")
        return
    policy = subprocess.run(["apt-cache", "policy", "zola"], capture_output=True, text=True).stdout
    if "Candidate:" in policy and "Candidate: (none)" not in policy:
        print("zola: packaged (apt-get install zola), but this script has no Zola converter")
    else:
        print("zola: not available on this machine (not on PATH, no Debian package)")


# ---------------------------------------------------------------------------- timing

def tree_stats(path):
    total, html = 0, 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
            html += name.endswith(".html")
    return total, html


def measure(commands, work, runs):
    """Times `runs` builds, each into a fresh folder; returns the times and the first output."""
    times = []
    for run in range(runs):
        out = os.path.join(work, f"out-{run}")
        elapsed = 0.0
        for cmd in commands(out):
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            elapsed += time.perf_counter() - start
            if proc.returncode != 0:
                print(f"FAILED (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}{proc.stdout[-1000:]}")
                return None, None
        times.append(elapsed)
    return times, os.path.join(work, "out-0")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tools", default="panduan,hugo,mdbook")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "panduan"))
    args = ap.parse_args()
    wanted = args.tools.split(",")

    tools = {}
    if "panduan" in wanted:
        if not os.path.exists(args.binary):
            sys.exit("build the release binary first: cargo build --release")
        tools["panduan"] = args.binary
        print(f"panduan: {version([args.binary, '--version'])}")
    if "hugo" in wanted and (hugo := find_hugo()):
        tools["hugo"] = hugo
        print(f"hugo: {version([hugo, 'version'])}")
    if "mdbook" in wanted and (mdbook := find_mdbook()):
        tools["mdbook"] = mdbook
        print(f"mdbook: {version([mdbook, '--version'])}")
    report_zola()
    print()

    work = tempfile.mkdtemp(prefix="panduan-peers-")
    print(f"{'N/lang':>7} {'tool':<8} {'median s':>9} {'min-max s':>15} {'pages/s':>8} {'html files':>10} {'out MiB':>8}")
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            corpus_dir = os.path.join(work, f"corpus-{n}")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), corpus_dir, str(n)], check=True)
            with open(os.path.join(corpus_dir, "book.toml"), "rb") as f:
                book = tomllib.load(f)
            langs = list(book["languages"])
            corpus = {lang: read_language(os.path.join(corpus_dir, "content", lang)) for lang in langs}
            for name, binary in tools.items():
                tool_dir = os.path.join(work, f"{name}-{n}")
                os.makedirs(tool_dir)
                if name == "panduan":
                    commands = lambda out: [[binary, "build", "--root", corpus_dir, "--out", out]]
                elif name == "hugo":
                    commands = hugo_site(corpus, langs, book, os.path.join(tool_dir, "site"))
                else:
                    commands = mdbook_books(corpus, langs, book, os.path.join(tool_dir, "books"), binary)
                times, out = measure(commands, tool_dir, args.runs)
                if times is None:
                    print(f"{n:>7} {name:<8} {'failed':>9}")
                else:
                    size, html = tree_stats(out)
                    med = statistics.median(times)
                    print(f"{n:>7} {name:<8} {med:>9.3f} {min(times):>7.3f}-{max(times):<7.3f} "
                          f"{2 * n / med:>8.0f} {html:>10} {size / 2**20:>8.1f}", flush=True)
                # Removed only after all runs of a tool: see the note on ext4 in bench.py.
                shutil.rmtree(tool_dir)
            shutil.rmtree(corpus_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
