"""Columns as the linter counts them (code points) and as LSP counts them (UTF-16 units).

LSP positions are 0-based lines and UTF-16 code units by default; the linter's diagnostics
are 1-based lines and code points. A character outside the Basic Multilingual Plane (an
emoji, some CJK) is one code point and two UTF-16 units, so the two differ after it.
"""

from __future__ import annotations

_BMP_END = 0xFFFF


def utf16_column(line: str, code_points: int) -> int:
    """The UTF-16 offset of code point ``code_points`` (0-based) of ``line``."""
    prefix = line[:code_points]
    return len(prefix) + sum(1 for c in prefix if ord(c) > _BMP_END)


def code_point_column(line: str, utf16: int) -> int:
    """The code-point offset of UTF-16 offset ``utf16`` (0-based) of ``line``."""
    units = 0
    for index, char in enumerate(line):
        if units >= utf16:
            return index
        units += 2 if ord(char) > _BMP_END else 1
    return len(line)
