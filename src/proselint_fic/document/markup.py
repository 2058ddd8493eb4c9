"""Markup → prose: blank out what is not prose, keep a map back to the source.

(Interim implementation: plain text only. Markdown and HTML land in the next commit.)
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from proselint_fic.document.structure import Span

Markup = Literal["plain", "markdown", "html"]

_EXTENSIONS: dict[str, Markup] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "plain",
}


def markup_for_path(path: str | None) -> Markup:
    if path is None:
        return "plain"
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "plain")


@dataclass(frozen=True, slots=True)
class ProseView:
    """The prose of a document and the way back to source offsets.

    ``segments`` is ``None`` when ``text`` has the same length as the source (offsets are
    shared); otherwise it holds sorted ``(text_offset, source_offset)`` anchors, and an
    offset maps to its anchor's source offset plus its distance from the anchor.
    """

    text: str
    emphasis: tuple[Span, ...] = ()
    segments: tuple[tuple[int, int], ...] | None = None

    def to_source(self, offset: int) -> int:
        if self.segments is None:
            return offset
        index = bisect_right(self.segments, (offset, float("inf"))) - 1
        if index < 0:
            return offset
        text_anchor, source_anchor = self.segments[index]
        return source_anchor + (offset - text_anchor)


def extract_prose(source: str, markup: Markup) -> ProseView:
    return ProseView(text=source)
