#!/usr/bin/env python3
"""Build the table of rare dictionary words that are usually slips of common ones.

SCOWL's largest sizes, which the word list ships so that names, loan words and period
vocabulary pass, also list short forms that in modern fiction are nearly always typos:
``wat`` (what), ``fro`` (for), ``nad`` (and). Run on a machine with wordfreq installed
(``pip install -e ".[build-data]"``):

    python scripts/build_rare_words.py

It writes ``src/proselint_fic/data/rare-slips.txt``. Users never run this: the generated
file is committed, so nothing is fetched or computed at run time, and wordfreq is not a
dependency of the package.

What goes in
    A dictionary word (from the shipped ``words.bin``) of at most four letters whose
    wordfreq Zipf frequency (English, all sources) is low, and which one cheap slip that
    drops, adds or swaps a letter (``suggest.weighted_distance``) turns into a word far
    more frequent (``BANDS``: a Zipf unit is a factor of ten). The thresholds were chosen
    by measurement on novels and on the development corpus (docs/spelling.md, "Rare
    words"). Each line is ``rare<TAB>fix[ fix...]``: the fixes are the common neighbours,
    best first in the checker's own ranking.

Licence
    wordfreq's data is CC BY-SA 4.0 (Robyn Speer and contributors); the table is derived
    from it and shipped under that licence with the notice in
    ``src/proselint_fic/data/WORDFREQ-NOTICE.txt``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.checks.spelling.lexicon import HOT_KEY, Lexicon, lexicon  # noqa: E402
from proselint_fic.checks.spelling.suggest import edits1, suggest, weighted_distance  # noqa: E402

DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "rare-slips.txt"
# The most common words, from which slips are generated (about 3,000 words).
COMMON_ZIPF = 4.5


@dataclass(frozen=True)
class Band:
    """Thresholds for one word length: rare below ``rare``, a slip within ``cost`` of a
    word at least ``gap`` Zipf units more frequent."""

    rare: float
    gap: float
    cost: float


# Short words sit in the densest part of the dictionary, so a slip of a common short word
# lands on a rare entry far more often than a slip of a long one; four-letter words need
# rarer entries and cheaper slips. Longer rare words (deportment, requited) are mostly
# meant: measured on three novels, they were all deliberate.
BANDS = {
    1: Band(3.5, 2.5, 0.8),
    2: Band(3.5, 2.5, 0.8),
    3: Band(3.5, 2.5, 0.8),
    4: Band(2.5, 3.0, 0.6),
}


def substitution(slip: str, right: str) -> bool:
    """Whether one letter stands for another (jib, job) rather than being dropped, added
    or swapped. A changed letter is as often a different word as a slip: a sailing story
    says jib, a tailor sews; a dropped or swapped letter (wat, fro) seldom makes one."""
    return len(slip) == len(right) and sorted(slip) != sorted(right)


def dictionary_words(lex: Lexicon) -> Iterator[str]:
    yield from lex.hot
    for key in lex.index:
        if key == HOT_KEY:
            continue
        for line in lex.bucket_text(key).split("\n"):
            word, tab, _ = line.partition("\t")
            if tab:
                yield word


def build(zipf: dict[str, float]) -> dict[str, list[str]]:
    """Rare word -> its common neighbours, best first."""
    lex = lexicon()
    words = {w for w in dictionary_words(lex) if w.isalpha() and w.isascii()}
    common = [w for w in words if zipf.get(w, 0.0) >= COMMON_ZIPF]
    neighbours: dict[str, set[str]] = {}
    for right in common:
        for slip in edits1(right):
            band = BANDS.get(len(slip))
            if band is None or slip not in words:
                continue
            rare = zipf.get(slip, 0.0)
            if rare >= band.rare or zipf[right] - rare < band.gap:
                continue
            if not substitution(slip, right) and weighted_distance(slip, right) <= band.cost:
                neighbours.setdefault(slip, set()).add(right)
    table: dict[str, list[str]] = {}
    for slip, rights in neighbours.items():
        ranked = [s for s in suggest(slip, "en-US") if s in rights]
        # The checker's ranking may not reach every neighbour; the rest by frequency.
        ranked += sorted(rights - set(ranked), key=lambda w: -zipf[w])
        table[slip] = ranked[:3]
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("wordfreq is needed: pip install -e '.[build-data]'", file=sys.stderr)
        return 2
    words = {w for w in dictionary_words(lexicon()) if w.isalpha() and w.isascii()}
    zipf = {w: zipf_frequency(w, "en") for w in words}
    table = build(zipf)
    lines = [
        "# Rare dictionary words that are usually slips of common ones: rare<TAB>fixes.",
        "# Generated by scripts/build_rare_words.py from wordfreq's English frequencies",
        "# (CC BY-SA 4.0, see WORDFREQ-NOTICE.txt) and the shipped word list. Do not edit.",
    ]
    lines += [f"{slip}\t{' '.join(table[slip])}" for slip in sorted(table)]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} rare words -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
