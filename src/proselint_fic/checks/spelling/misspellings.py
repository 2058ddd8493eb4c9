"""Known misspellings (``rules/spelling/misspellings.txt``) and the inflections they imply.

A list that holds ``eminate`` but not ``eminating`` misses the inflected form, which is the
gap codespell and typos fall into. Here an unlisted word is taken apart the way English
inflects (``eminat|ing`` with the ``e`` restored, ``occurr|ed`` undoubled, ``famil|ies``
back to ``y``); when the base is a listed misspelling, the same ending is put on the right
spelling and the result kept only if the dictionary knows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

from proselint_fic.resources import rules_dir

MISSPELLINGS_FILE = "spelling/misspellings.txt"

# Endings, longest first so that ``-ies`` is tried before ``-s``.
_ENDINGS = (
    "ingly", "ments", "ness", "ment", "iest", "ings", "ing", "ers", "est", "ies", "ied",
    "ier", "ily", "ed", "er", "es", "ly", "s", "d",
)  # fmt: skip


class Misspelling(NamedTuple):
    """One entry: the wrong spelling and its right spellings (American first)."""

    wrong: str
    right: tuple[str, ...]


def parse(text: str) -> dict[str, Misspelling]:
    """``wrong -> right [| right2]`` lines; blank lines and ``#`` comments are skipped."""
    entries: dict[str, Misspelling] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        wrong, arrow, right = line.partition("->")
        rights = tuple(r.strip() for r in right.split("|") if r.strip())
        if not arrow or not wrong.strip() or not rights:
            raise ValueError(f"line {number}: expected 'wrong -> right', got {raw!r}")
        key = wrong.strip().lower().replace("’", "'")
        entries[key] = Misspelling(key, rights)
    return entries


@cache
def load(path: Path | None = None) -> dict[str, Misspelling]:
    target = path or rules_dir() / MISSPELLINGS_FILE
    try:
        return parse(target.read_text(encoding="utf-8"))
    except OSError:
        return {}


def splits(word: str) -> Iterator[tuple[str, str]]:
    """Possible ``(base, ending)`` readings of an inflected lowercase word."""
    for ending in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        yield stem, ending
        if ending[0] in "aeiou":
            yield stem + "e", ending  # eminat|ing -> eminate
        if len(stem) > 2 and stem[-1] == stem[-2]:
            yield stem[:-1], ending  # occurr|ed -> occur
        if ending[0] == "i":
            yield stem + "y", ending  # famil|ies -> family


def inflect(base: str, ending: str) -> Iterator[str]:
    """Spellings of ``base`` with ``ending`` added, the regular one first."""
    yield base + ending
    if base.endswith("e") and ending[0] in "aeiou":
        yield base[:-1] + ending
    if base.endswith("y") and ending[0] in "eo" and ending not in ("ed", "er", "est"):
        yield base[:-1] + "i" + ending
    if base.endswith("y") and ending in ("s", "ed", "er", "est", "ly"):
        yield base[:-1] + "i" + ("es" if ending == "s" else ending)
    if base.endswith("y") and ending[0] == "i":
        yield base[:-1] + ending  # the ending already starts with the i
    if ending[0] in "aeiou" and len(base) > 2 and base[-1] not in "aeiouwxy":
        yield base + base[-1] + ending  # occur -> occurring
    if ending == "s" and base.endswith(("s", "x", "z", "ch", "sh", "o")):
        yield base + "es"


def find(
    lower: str,
    entries: dict[str, Misspelling],
    known: Callable[[str], bool],
) -> tuple[str, tuple[str, ...]] | None:
    """The listed wrong form behind ``lower`` and its fixes, or None.

    A direct entry wins. Otherwise ``lower`` must itself be unknown to the dictionary, and
    an inflection counts only if the inflected right spelling is a dictionary word.
    """
    entry = entries.get(lower)
    if entry is not None:
        return entry.wrong, entry.right
    if known(lower):
        return None
    for base, ending in splits(lower):
        entry = entries.get(base)
        if entry is None:
            continue
        fixes: list[str] = []
        for right in entry.right:
            if " " in right:
                continue
            fixed = next((form for form in inflect(right, ending) if known(form.lower())), None)
            if fixed is not None:
                fixes.append(fixed)
        if fixes:
            return entry.wrong, tuple(fixes)
    return None
