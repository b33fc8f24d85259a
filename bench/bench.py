#!/usr/bin/env python3
"""Benchmarks `panduan build` on generated bilingual handbooks.

    cargo build --release && bench/bench.py [--sizes 100,1000,10000] [--runs 5]

For each size N (pages per language) it generates a corpus with gen_corpus.py (fixed
seed), builds it several times from a clean output folder, and prints: median and
spread of wall time, pages per second, peak memory (RSS), output bytes per page, and
search index bytes (assets/search-*.js, once search exists). Timings never go into
tests; this script only prints.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


EXTRA = []  # `--no-pdf` when asked for


def run_once(binary, site, run):
    # A new folder for every run, removed only at the very end: on ext4, creating files
    # just after deleting many others makes the kernel scan for free inodes, which would
    # measure the file system's bookkeeping of an earlier run.
    out = os.path.join(site, f"book-{run}")
    start = time.perf_counter()
    proc = subprocess.run([binary, "build", "--root", site, "--out", out, *EXTRA], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr[-2000:]}")
    rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, rss_kib


def tree_bytes(path, predicate=lambda name: True):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            if predicate(f):
                total += os.path.getsize(os.path.join(dirpath, f))
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "panduan"))
    ap.add_argument("--no-pdf", action="store_true", help="pass --no-pdf: build without the PDFs")
    args = ap.parse_args()
    if args.no_pdf:
        EXTRA.append("--no-pdf")
    if not os.path.exists(args.binary):
        sys.exit("build the release binary first: cargo build --release")
    work = tempfile.mkdtemp(prefix="panduan-bench-")
    print(f"{'N/lang':>7} {'median s':>9} {'min-max s':>15} {'pages/s':>8} {'RSS MiB':>8} {'bytes/page':>11} {'index bytes':>12}")
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            site = os.path.join(work, f"n{n}")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), site, str(n)], check=True)
            times, peak = [], 0
            # Peak RSS of children is a running maximum, so measure each size in a
            # fresh Python child to keep sizes apart.
            probe = subprocess.run(
                [sys.executable, "-c",
                 "import resource,subprocess,sys;subprocess.run(sys.argv[1:],capture_output=True);"
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                 args.binary, "build", "--root", site, *EXTRA],
                capture_output=True, text=True, check=True)
            peak = int(probe.stdout.strip() or 0)
            for run in range(args.runs):
                t, _ = run_once(args.binary, site, run)
                times.append(t)
            out = os.path.join(site, "book-0")
            pages = 2 * n
            html = tree_bytes(out, lambda f: f.endswith(".html"))
            index = tree_bytes(os.path.join(out, "assets"), lambda f: f.startswith("search-"))
            med = statistics.median(times)
            print(f"{n:>7} {med:>9.3f} {min(times):>7.3f}-{max(times):<7.3f} {pages / med:>8.0f} "
                  f"{peak / 1024:>8.1f} {html / pages:>11.0f} {index:>12}")
            # Nothing is deleted until every size is done: ext4 without a journal passes
            # over inodes freed in the last 5-35 s when it allocates new ones, so
            # deleting one size's outputs would slow the next size's builds.
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
