"""Dialogue and narration. (Interim: straight and curly double quotes within a paragraph.)"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

import regex

from proselint_fic.document.structure import Span

QuoteStyle = Literal["double", "single"]

_QUOTES = regex.compile(r'["“”]')


@dataclass(frozen=True, slots=True)
class SpeechMap:
    """Sorted, non-overlapping dialogue spans (quote marks included)."""

    spans: tuple[Span, ...]
    quote_style: QuoteStyle = "double"
    _starts: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, spans: list[Span], quote_style: QuoteStyle = "double") -> SpeechMap:
        ordered = tuple(sorted(spans))
        return cls(ordered, quote_style, tuple(s.start for s in ordered))

    def contains(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index].end


def find_speech(text: str, paragraphs: tuple[Span, ...]) -> SpeechMap:
    spans: list[Span] = []
    for paragraph in paragraphs:
        opened: int | None = None
        for mark in _QUOTES.finditer(text, paragraph.start, paragraph.end):
            if opened is None:
                opened = mark.start()
            else:
                spans.append(Span(opened, mark.end()))
                opened = None
        if opened is not None:
            spans.append(Span(opened, paragraph.end))
    return SpeechMap.of(spans)
