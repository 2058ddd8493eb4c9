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
    ellipses = {
        "...": len(_THREE_DOTS.findall(text)),
        "…": text.count("…"),
        ". . .": len(_SPACED_DOTS.findall(text)),
    }
    dashes = {
        "—": len(_EM_DASH.findall(text)),
        " – ": len(_SPACED_EN_DASH.findall(text)),
        "--": len(_DOUBLE_HYPHEN.findall(text)),
    }
    return Style(ellipsis=_most_common(ellipses, "..."), dash=_most_common(dashes, "—"))


def _most_common(counts: dict[str, int], default: str) -> str:
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] > counts[default] else default
