"""The typographic habits of one document, so that fixes match the writer's own style."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from proselint_fic.patterns import lazy

# Each pattern opens with its literal, so the engine skips ahead to it instead of trying
# every position of a novel (an opening look-behind or class made this 50-90 ms a novel).
_THREE_DOTS = lazy(r"\.\.\.(?<!\.\.\.\.)(?![.])")
_SPACED_DOTS = lazy(r"\. \. \.(?<!\.\. \. \.)(?<!\. \. \. \. \.)")
_EM_DASH = lazy(r"—(?:(?<=\S—)|(?=\S))")
_SPACED_EN_DASH = lazy(r" – (?<=\w – )(?=\w)")
_DOUBLE_HYPHEN = lazy(r"--(?<!---)(?!-)")

# A space before a mark: after a word, a number, a closing quote or bracket.
BEFORE_SPACE = r"[\p{L}\p{N}'’\"”)\]]"
# An ellipsis written against its word ("who...", "how…"), which a mark may follow directly
# ("who...?"); a spaced one (". . .") is left to its own style.
_CLOSED_ELLIPSIS = r"(?:(?<=[^\s.]\.\.\.)|(?<=\S…))"
# What must follow each mark for the space before it to be a slip rather than something else.
AFTER_MARK = {
    ",": "",
    # Not a decimal (.5), a file name (.txt) or a spaced ellipsis (word . . .).
    ".": r"(?![.\p{L}\p{N}]|[ \t]+\.)",
    # Not an emoticon: ;) :D :-(
    ";": r"(?=[\s\"”’']|\Z)",
    ":": r"(?=[\s\"”’']|\Z)",
    "!": "",
    "?": "",
}
# Marks a whole document may space on purpose: French spacing spaces all four, old
# typesetting often only ; and :.
HABIT_MARKS = (";", ":", "!", "?")


def spaced_mark_pattern(mark: str) -> str:
    """A pattern for ``mark`` with spaces before it; the spaces are its ``flag`` group."""
    escaped = re.escape(mark)
    before = rf"(?:{BEFORE_SPACE}|{_CLOSED_ELLIPSIS})"
    return rf"{escaped}(?<={before}(?<flag>[ \t]+{escaped})){AFTER_MARK[mark]}"


_SPACED_HABIT_MARKS = tuple(lazy(spaced_mark_pattern(mark)) for mark in HABIT_MARKS)


class Style(NamedTuple):
    """The ellipsis and dash a document uses most; used to build replacements."""

    ellipsis: str = "..."
    dash: str = "—"
    # Marks of HABIT_MARKS the writer spaces before on purpose (French spacing): no slips.
    spaced_marks: frozenset[str] = frozenset()


def detect_style(text: str) -> Style:
    """Count each spelling of the ellipsis and the dash and keep the most frequent.

    Ties and absence fall back to ``...`` and the em dash, the usual manuscript forms.
    """
    return count_style(text).style


@dataclass(frozen=True, slots=True)
class StyleCounts:
    """How often a stretch of text writes each ellipsis and each dash.

    No spelling reaches past a paragraph, so the counts of a document's paragraphs add up
    to the document's counts, and an edit re-counts only the paragraphs it touched.
    """

    ellipses: tuple[int, ...] = (0, 0, 0)  # in the order of _ELLIPSES
    dashes: tuple[int, ...] = (0, 0, 0)  # in the order of _DASHES
    # For each of HABIT_MARKS, how often it is written with a space before it, then how
    # often it is written at all.
    spaced: tuple[int, ...] = (0,) * len(HABIT_MARKS)
    marks: tuple[int, ...] = (0,) * len(HABIT_MARKS)

    def __add__(self, other: StyleCounts) -> StyleCounts:
        return StyleCounts(
            _plus(self.ellipses, other.ellipses),
            _plus(self.dashes, other.dashes),
            _plus(self.spaced, other.spaced),
            _plus(self.marks, other.marks),
        )

    def __sub__(self, other: StyleCounts) -> StyleCounts:
        return StyleCounts(
            _minus(self.ellipses, other.ellipses),
            _minus(self.dashes, other.dashes),
            _minus(self.spaced, other.spaced),
            _minus(self.marks, other.marks),
        )

    @property
    def style(self) -> Style:
        return Style(
            ellipsis=_most_common(dict(zip(_ELLIPSES, self.ellipses, strict=True)), "..."),
            dash=_most_common(dict(zip(_DASHES, self.dashes, strict=True)), "—"),
            spaced_marks=self._spaced_marks(),
        )

    def _spaced_marks(self) -> frozenset[str]:
        if is_habit(sum(self.spaced), sum(self.marks)):
            return frozenset(HABIT_MARKS)
        return frozenset(
            mark
            for mark, spaced, total in zip(HABIT_MARKS, self.spaced, self.marks, strict=True)
            if is_habit(spaced, total)
        )


def is_habit(spaced: int, total: int) -> bool:
    # A few slips among many marks are slips; a space before most of them is the style.
    return spaced >= 3 and 2 * spaced >= total


_ELLIPSES = ("...", "…", ". . .")
_DASHES = ("—", " – ", "--")


def count_style(text: str) -> StyleCounts:
    return StyleCounts(
        ellipses=(
            len(_THREE_DOTS.findall(text)),
            text.count("…"),
            len(_SPACED_DOTS.findall(text)),
        ),
        dashes=(
            len(_EM_DASH.findall(text)),
            len(_SPACED_EN_DASH.findall(text)),
            len(_DOUBLE_HYPHEN.findall(text)),
        ),
        spaced=tuple(len(pattern.findall(text)) for pattern in _SPACED_HABIT_MARKS),
        marks=tuple(text.count(mark) for mark in HABIT_MARKS),
    )


def _plus(left: tuple[int, ...], right: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a + b for a, b in zip(left, right, strict=True))


def _minus(left: tuple[int, ...], right: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a - b for a, b in zip(left, right, strict=True))


def _most_common(counts: dict[str, int], default: str) -> str:
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] > counts[default] else default
