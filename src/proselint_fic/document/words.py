"""Words with their offsets, found once per document and shared by word-level rules."""

from __future__ import annotations

from typing import NamedTuple

import regex

# Letters and digits, with apostrophes and hyphens inside: don't, neck-breaking, twenty-one.
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


class Word(NamedTuple):
    start: int
    end: int
    folded: str  # lowercase, with curly apostrophes made straight


def find_words(text: str) -> tuple[Word, ...]:
    return tuple(
        Word(found.start(), found.end(), found.group().lower().replace("’", "'"))
        for found in _WORD.finditer(text)
    )
