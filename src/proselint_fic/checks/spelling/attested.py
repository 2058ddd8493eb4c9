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

from proselint_fic.resources import data_dir

TABLE_FILE = "attested-words.txt"
# Zipf frequency x 10: a name at 2.0 (about one in ten million words), a lowercase word
# at 2.5 and five letters; at these levels none of Norvig's 670 misspellings passes.
NAME_ZIPF = 20
WORD_ZIPF = 25
WORD_LENGTH = 5


@cache
def table() -> dict[str, int]:
    """Attested lowercase word -> Zipf frequency x 10."""
    try:
        lines = (data_dir() / TABLE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, int] = {}
    for line in lines:
        word, tab, zipf = line.partition("\t")
        if tab and not word.startswith("#"):
            found[word] = int(zipf)
    return found


def attested(lower: str, *, capitalised: bool) -> bool:
    """Whether writers use ``lower`` often enough that it is a word (or, capitalised, a
    name) rather than a slip."""
    zipf = table().get(lower)
    if zipf is None:
        return False
    if capitalised:
        return zipf >= NAME_ZIPF
    return zipf >= WORD_ZIPF and len(lower) >= WORD_LENGTH
