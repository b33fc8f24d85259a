"""The reference for Panduan's Indonesian stemmer: PySastrawi, the Python port of
Sastrawi (Nazief-Adriani / ECS confix stripping).

Reads words on stdin, one a line; prints `word<TAB>root` for each, in order.

    python3 sastrawi_oracle.py [--dict ROOTS_FILE] < words.txt

With `--dict`, PySastrawi runs over that root-word list (one word a line, read as its
own list is read) instead of the one it ships, so that a difference between the two
stemmers is a difference of algorithm, not of data. tests/stemmer_oracle.rs runs this
with src/search/data/id-roots.txt in a virtual environment it makes under target/.
"""

import sys

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory


def make_stemmer(argv):
    if len(argv) == 3 and argv[1] == "--dict":
        with open(argv[2], encoding="utf-8") as f:
            return Stemmer(ArrayDictionary(f.read().split("\n")))
    if len(argv) == 1:
        return Stemmer(ArrayDictionary(StemmerFactory().get_words()))
    sys.exit("usage: sastrawi_oracle.py [--dict ROOTS_FILE] < words")


def main():
    stemmer = make_stemmer(sys.argv)
    out = []
    for line in sys.stdin.read().split("\n"):
        word = line.strip()
        if word:
            out.append(word + "\t" + stemmer.stem(word) + "\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
