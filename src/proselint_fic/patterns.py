"""Regular expressions that compile on first use, on the fastest engine that can run them.

The ``regex`` module parses a pattern in Python and compiles about five times slower than
the standard library's ``re``, and compile time is start-up time for a pre-commit hook. So a
pattern compiles only when it is first used, and on ``re`` when ``re`` accepts it; a pattern
that needs ``regex`` (variable-width look-behind, ``\\p{...}`` properties, possessive
quantifiers) compiles on ``regex`` in its VERSION0 mode, which is designed to match as ``re``
does, so the choice of engine never changes what a pattern means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any, TypeAlias

import regex

Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
MatchObject: TypeAlias = "re.Match[str] | regex.Match[str]"

# regex and re share most flag values, but not ASCII; only these may be given.
_RE_FLAGS = {
    regex.IGNORECASE: re.IGNORECASE,
    regex.MULTILINE: re.MULTILINE,
    regex.DOTALL: re.DOTALL,
    regex.VERBOSE: re.VERBOSE,
    regex.ASCII: re.ASCII,
}
IGNORECASE = regex.IGNORECASE
MULTILINE = regex.MULTILINE
DOTALL = regex.DOTALL
VERBOSE = regex.VERBOSE
ASCII = regex.ASCII


def compile_pattern(
    pattern: str, flags: int = 0, *, cache: bool = True, need_timeout: bool = False
) -> Pattern:
    """Compile now, on ``re`` if it accepts the pattern, else on ``regex``.

    ``need_timeout`` always chooses ``regex``, whose matching methods take a ``timeout``:
    patterns from plugin packs are not vetted by this project's tests.

    A ``regex`` pattern comes from the disk cache (see :mod:`proselint_fic.regex_cache`)
    unless ``cache`` is false, which patterns built from a document's own words must pass
    so that the cache does not fill with them.
    """
    unknown = flags & ~sum(_RE_FLAGS)
    if unknown:
        raise ValueError(f"flags {unknown:#x} are not supported here; use regex.compile")
    re_flags = 0
    for regex_flag, re_flag in _RE_FLAGS.items():
        if flags & regex_flag:
            re_flags |= re_flag
    if not need_timeout and "\\p" not in pattern and "\\P" not in pattern:
        try:
            return re.compile(pattern, re_flags)
        except re.error:
            pass  # needs the regex module (variable look-behind, possessive, ...)
    if cache:
        from proselint_fic.regex_cache import compile_cached

        return compile_cached(pattern, flags | regex.VERSION0)
    return regex.compile(pattern, flags | regex.VERSION0)


class LazyPattern:
    """A pattern that compiles the first time it is used; otherwise a compiled pattern."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @cached_property
    def compiled(self) -> Pattern:
        return compile_pattern(self.source, self.flags)

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[MatchObject]:
        return self.compiled.finditer(string, pos, len(string) if endpos is None else endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> MatchObject | None:
        return self.compiled.search(string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> MatchObject | None:
        return self.compiled.match(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> MatchObject | None:
        return self.compiled.fullmatch(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self.compiled.findall(string, pos, len(string) if endpos is None else endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count=count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.compiled.split(string, maxsplit=maxsplit)

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    @property
    def pattern(self) -> str:
        return self.source


PatternLike: TypeAlias = "Pattern | LazyPattern"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A module-level pattern that costs nothing at import."""
    return LazyPattern(pattern, flags)
