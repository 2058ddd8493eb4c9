"""Rare dictionary words that are usually slips of common ones (``wat``, ``fro``, ``nad``).

The table (``data/rare-slips.txt``, built by ``scripts/build_rare_words.py`` from wordfreq
frequencies) lists short SCOWL entries that one cheap slip turns into a word hundreds of
times more frequent. Such a word is reported only where nothing shows it is meant: the
manuscript writes it (or an inflection of it) once, the project does not list it, and it
is not part of a fixed phrase that keeps it alive (``to and fro``,
``rules/spelling/rare-word-phrases.txt``).
"""

from __future__ import annotations

from functools import cache

from proselint_fic.resources import data_entries, rules_dir

TABLE_FILE = "rare-slips.txt"
PHRASES_FILE = "spelling/rare-word-phrases.txt"
# Endings that make an inflection of a short word: nays, sewed, sewing.
INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "n")


@cache
def table() -> dict[str, tuple[str, ...]]:
    """Rare word -> the common words it is a slip of, best first."""
    try:
        return {word: tuple(fixes.split()) for word, fixes in data_entries(TABLE_FILE)}
    except OSError:
        return {}


@cache
def phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Rare word -> the fixed phrases (as lowercase word tuples) it lives on in."""
    try:
        lines = (rules_dir() / PHRASES_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, list[tuple[str, ...]]] = {}
    rare = table()
    for line in lines:
        words = tuple(line.split("#", 1)[0].lower().split())
        for word in words:
            if word in rare:
                found.setdefault(word, []).append(words)
    return {word: tuple(entries) for word, entries in found.items()}


def family_count(lower: str, counts: dict[str, int]) -> int:
    """How often the word and its regular inflections are written (lowercased counts)."""
    return counts.get(lower, 0) + sum(counts.get(lower + ending, 0) for ending in INFLECTIONS)


def in_phrase(lower: str, before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether the word, with the lowercase words around it, completes a listed phrase."""
    for phrase in phrases().get(lower, ()):
        at = phrase.index(lower)
        head, tail = phrase[:at], phrase[at + 1 :]
        if before[len(before) - len(head) :] == head and after[: len(tail)] == tail:
            return True
    return False
