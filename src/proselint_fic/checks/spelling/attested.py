"""Words people write that the dictionary does not list: names, new words, loans.

The table (``data/attested-words.txt``, built by ``scripts/build_attested_words.py`` from
wordfreq frequencies) holds words the shipped SCOWL list lacks but that are common in
books, subtitles and the web, with their Zipf frequency, minus the common misspellings a
frequency count also attests. A capitalised word needs little evidence (a name is what
it most likely is); a lowercase one needs more, and length, since short rare tokens are
mostly abbreviations that a slip can land on (lim, ju). The thresholds were measured on
Norvig's misspellings and novels (docs/spelling.md, "Attested words").
"""

from __future__ import annotations

from functools import cache

from proselint_fic.bucketed import Blob, map_file
from proselint_fic.resources import data_dir, sorted_value

TABLE_FILE = "attested-words.txt"
# Zipf frequency x 10: a name at 2.0 (about one in ten million words), a lowercase word
# at 2.5 and five letters; at these levels none of Norvig's 670 misspellings passes.
NAME_ZIPF = 20
WORD_ZIPF = 25
WORD_LENGTH = 5


@cache
def _mapped() -> tuple[Blob, int]:
    """The table file's bytes (mapped, not read) and where its first entry starts."""
    try:
        blob = map_file(data_dir() / TABLE_FILE)
    except OSError:
        return b"", 0
    start = 0
    while blob[start : start + 1] == b"#":
        start = blob.find(b"\n", start) + 1 or len(blob)
    return blob, start


@cache
def zipf_x10(lower: str) -> int | None:
    """The attested lowercase word's Zipf frequency x 10, or None when it is not listed.

    The table is sorted, so a lookup is a binary search in the file: a chapter asks about
    a handful of words, and parsing all twenty thousand lines cost ten milliseconds of
    every cold start.
    """
    blob, start = _mapped()
    value = sorted_value(blob, lower.encode("utf-8"), start)
    return None if value is None else int(value)


def attested(lower: str, *, capitalised: bool) -> bool:
    """Whether writers use ``lower`` often enough that it is a word (or, capitalised, a
    name) rather than a slip."""
    zipf = zipf_x10(lower)
    if zipf is None:
        return False
    if capitalised:
        return zipf >= NAME_ZIPF
    return zipf >= WORD_ZIPF and len(lower) >= WORD_LENGTH
