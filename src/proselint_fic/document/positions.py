"""Offsets in decoded text to 1-based (line, column) pairs, columns counted in code points."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from proselint_fic.document.edits import Edit
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

    def edited(self, text: str, edit: Edit) -> LineIndex:
        """The index of ``text``, which ``edit`` made from this index's text: line starts
        before the edit are kept, those after it move, and only the edit and its two
        neighbouring characters are searched again (an edit can join ``\r`` and ``\n``)."""
        start, old_end, new_end = edit
        delta = new_end - old_end
        starts = self._starts
        keep = max(1, bisect_left(starts, start))  # offset 0 always starts a line
        moved = bisect_left(starts, old_end + 2)
        found = [
            m.end()
            for m in _LINE_BREAK.finditer(text, max(0, start - 1), min(len(text), new_end + 2))
            if start <= m.end() <= new_end + 1
        ]
        index = LineIndex.__new__(LineIndex)
        index._starts = starts[:keep] + found + [s + delta for s in starts[moved:]]
        index._length = len(text)
        return index

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
