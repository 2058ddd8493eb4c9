"""The typographic habits of one document, so that fixes match the writer's own style."""

from __future__ import annotations

from dataclasses import dataclass

from proselint_fic.patterns import lazy

# Each pattern opens with its literal, so the engine skips ahead to it instead of trying
# every position of a novel (an opening look-behind or class made this 50-90 ms a novel).
_THREE_DOTS = lazy(r"\.\.\.(?<!\.\.\.\.)(?![.])")
_SPACED_DOTS = lazy(r"\. \. \.(?<!\.\. \. \.)(?<!\. \. \. \. \.)")
_EM_DASH = lazy(r"—(?:(?<=\S—)|(?=\S))")
_SPACED_EN_DASH = lazy(r" – (?<=\w – )(?=\w)")
_DOUBLE_HYPHEN = lazy(r"--(?<!---)(?!-)")


@dataclass(frozen=True, slots=True)
class Style:
    """The ellipsis and dash a document uses most; used to build replacements."""

    ellipsis: str = "..."
    dash: str = "—"


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

    ellipses: tuple[int, int, int] = (0, 0, 0)  # in the order of _ELLIPSES
    dashes: tuple[int, int, int] = (0, 0, 0)  # in the order of _DASHES

    def __add__(self, other: StyleCounts) -> StyleCounts:
        return StyleCounts(_plus(self.ellipses, other.ellipses), _plus(self.dashes, other.dashes))

    def __sub__(self, other: StyleCounts) -> StyleCounts:
        return StyleCounts(
            _plus(self.ellipses, _negated(other.ellipses)),
            _plus(self.dashes, _negated(other.dashes)),
        )

    @property
    def style(self) -> Style:
        return Style(
            ellipsis=_most_common(dict(zip(_ELLIPSES, self.ellipses, strict=True)), "..."),
            dash=_most_common(dict(zip(_DASHES, self.dashes, strict=True)), "—"),
        )


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
    )


def _plus(left: tuple[int, int, int], right: tuple[int, int, int]) -> tuple[int, int, int]:
    return (left[0] + right[0], left[1] + right[1], left[2] + right[2])


def _negated(counts: tuple[int, int, int]) -> tuple[int, int, int]:
    return (-counts[0], -counts[1], -counts[2])


def _most_common(counts: dict[str, int], default: str) -> str:
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] > counts[default] else default
