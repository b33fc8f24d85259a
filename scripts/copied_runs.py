#!/usr/bin/env python3
"""List every run of N or more consecutive words that a page shares with a source text.

    scripts/copied_runs.py SOURCE CONTENT_DIR [--min 8]

Words are compared after normalising case and punctuation: text is lowercased, every
character that is not a letter or a digit becomes a space (so "sosial," and "Sosial"
are the same word, and "rekreasi-keterampilan" is two words). Front matter counts as
page text (cards are read too); Markdown link targets, wikilink ids and HTML comments
are dropped first, since readers never see them. Entries of a reference list (a list
item that opens with `Author, A. (year).`, with its continuation lines) are left out
too: a citation has to match its source word for word. The total says how many
entries were left out.

Prints one line per run, `path:line: N words: "…"`, longest first within a page, then a
total. Exit code 0 when there is no run, 1 when there is at least one, 2 on bad
arguments. Overlapping runs are merged, so a 10-word copy is one run of 10, not three
runs of 8.
"""

import argparse
import pathlib
import re
import sys

LINK_TARGET = re.compile(r"\]\([^)]*\)")
WIKILINK = re.compile(r"\[\[([^\]|]*)\|?([^\]]*)\]\]")
COMMENT = re.compile(r"<!--.*?-->", re.S)
WORD = re.compile(r"[^\W_]+")
CITATION = re.compile(r"^\s*[-*] [^\n(]*\(\d{4}[a-z]?\)\.")


def without_citations(text):
    """`text` with each reference-list entry blanked (line breaks kept), and their count."""
    lines, count, inside = text.split("\n"), 0, False
    for i, line in enumerate(lines):
        if CITATION.match(line):
            count, inside = count + 1, True
        elif inside and not (line.startswith("  ") and line.strip()):
            inside = False
        if inside:
            lines[i] = ""
    return "\n".join(lines), count


def visible(text):
    """The page text a reader sees, with the same line breaks as the file."""
    text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = LINK_TARGET.sub("]", text)
    return WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)


def words_with_lines(text):
    """Every normalised word with the 1-based line it is on."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        for m in WORD.finditer(line.lower()):
            out.append((m.group(0), number))
    return out


def runs(source_words, page_words, n):
    """Maximal runs of at least `n` page words that also occur, in order, in the source."""
    grams = {tuple(source_words[i : i + n]) for i in range(len(source_words) - n + 1)}
    words = [w for w, _ in page_words]
    hits = [tuple(words[i : i + n]) in grams for i in range(len(words) - n + 1)]
    found, i = [], 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        start = i
        while i + 1 < len(hits) and hits[i + 1]:
            i += 1
        end = i + n  # exclusive
        found.append((start, end))
        i += 1
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=pathlib.Path, help="the source article (plain text)")
    parser.add_argument("content", type=pathlib.Path, help="the content folder to search")
    parser.add_argument("--min", type=int, default=8, help="shortest run reported (8)")
    args = parser.parse_args()
    if args.min < 2 or not args.source.is_file() or not args.content.is_dir():
        parser.error("give a source file, a content folder and --min of 2 or more")

    source = [w for w, _ in words_with_lines(args.source.read_text(encoding="utf-8"))]
    total = cited = 0
    for path in sorted(args.content.rglob("*.md")):
        text, entries = without_citations(visible(path.read_text(encoding="utf-8")))
        cited += entries
        page = words_with_lines(text)
        found = runs(source, page, args.min)
        for start, end in sorted(found, key=lambda r: r[0] - r[1]):
            phrase = " ".join(w for w, _ in page[start:end])
            print(f'{path}:{page[start][1]}: {end - start} words: "{phrase}"')
        total += len(found)
    print(
        f"{total} copied run(s) of {args.min} or more words"
        f" ({cited} reference-list entries left out)"
    )
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
