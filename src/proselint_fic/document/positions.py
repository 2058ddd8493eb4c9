"""Offsets in decoded text to 1-based (line, column) pairs, columns counted in code points."""

from __future__ import annotations

from bisect import bisect_right

from proselint_fic.patterns import lazy

_LINE_BREAK = lazy(r"\r\n|\r|\n")


class LineIndex:
    """Maps string offsets to 1-based line and column numbers.

    ``\\r\\n``, ``\\r`` and ``\\n`` each end one line. A tab counts as one column, as in the
    JSON contract (code points), so editors and the scorer agree on positions.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``; an offset past the end maps to the end."""
        offset = max(0, min(offset, self._length))
        line: int = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
