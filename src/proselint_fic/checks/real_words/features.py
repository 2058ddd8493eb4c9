"""The context of a word as the real-word slip model reads it.

A word's context is the two tokens on each side of it. Tokens are words (folded) and the
marks between them, nearest first, so that *said. "Their coats,* gives the left context
``"``, ``.`` and the right context ``coats``, ``,``. The edge of the
paragraph is the token ``¶`` and ends the context on that side.

The same function cuts the training text (``scripts/build_real_word_model.py``) and the
text being linted, so that a feature means the same in both.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

BOUNDARY = "¶"
_MARKS = {
    "“": '"',
    "”": '"',
    "„": '"',
    '"': '"',
    "‘": "'",
    "’": "'",
    "'": "'",
    "—": "-",
    "–": "-",
    "―": "-",
    "-": "-",
    "…": ".",
    ".": ".",
    ",": ",",
    ";": ";",
    ":": ":",
    "!": "!",
    "?": "?",
    "(": "(",
    ")": ")",
    "[": "(",
    "]": ")",
}
# Emphasis marks and spaces say nothing about which word was meant.
_IGNORED = frozenset(" \t\r\n_*")
_REACH = 2


def _gap_tokens(gap: str) -> list[str]:
    """The marks of ``gap`` in text order."""
    if gap == " ":
        return []  # most gaps, by far
    tokens: list[str] = []
    for char in gap:
        if char not in _IGNORED:
            token = _MARKS.get(char, "#")
            if not tokens or tokens[-1] != token:  # "..." or "--" is one mark
                tokens.append(token)
    return tokens


def _word_token(folded: str) -> str:
    if folded.isalpha():
        return folded  # most words, by far
    return "0" if any(char.isdigit() for char in folded) else folded


def context(
    text: str,
    folded: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    index: int,
    *,
    first: int,
    last: int,
) -> tuple[list[str], list[str]]:
    """The tokens left of word ``index`` (nearest first) and right of it (nearest first),
    within the paragraph whose words run from index ``first`` to ``last``."""
    return (
        _side(text, folded, starts, ends, index, edge=first, step=-1),
        _side(text, folded, starts, ends, index, edge=last, step=1),
    )


def _side(
    text: str,
    folded: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    index: int,
    *,
    edge: int,
    step: int,
) -> list[str]:
    """The tokens on one side of word ``index``, nearest first, stepping ``step`` (-1 to
    the left, 1 to the right) towards the paragraph's ``edge`` word."""
    tokens: list[str] = []
    position = index
    while len(tokens) < _REACH:
        if position == edge:
            tokens.append(BOUNDARY)
            break
        neighbour = position + step
        if step < 0:
            tokens.extend(reversed(_gap_tokens(text[ends[neighbour] : starts[position]])))
        else:
            tokens.extend(_gap_tokens(text[ends[position] : starts[neighbour]]))
        position = neighbour
        tokens.append(_word_token(folded[position]))
    return tokens[:_REACH]


def features(left: Sequence[str], right: Sequence[str]) -> list[str]:
    """The model's features for a word between ``left`` and ``right`` (nearest first):
    the nearest token on each side (``a``, ``b``), both together (``e``), each side's two
    tokens (``c``, ``d``) and each side's second token alone (``f``, ``g``), which still
    speaks when the pair was never seen."""
    l1 = left[0] if left else BOUNDARY
    r1 = right[0] if right else BOUNDARY
    found = [f"a:{l1}", f"b:{r1}", f"e:{l1}_{r1}"]
    if len(left) > 1:
        found.append(f"c:{left[1]} {l1}")
        found.append(f"f:{left[1]}")
    if len(right) > 1:
        found.append(f"d:{r1} {right[1]}")
        found.append(f"g:{right[1]}")
    return found


def paragraph_ranges(
    starts: Sequence[int], paragraphs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For each paragraph ``(start, end)``, the indices of its first and last word, or
    none for a paragraph without words."""
    ranges: list[tuple[int, int]] = []
    for start, end in paragraphs:
        first = bisect_left(starts, start)
        last = bisect_left(starts, end) - 1
        if first <= last:
            ranges.append((first, last))
    return ranges
