"""The shipped dictionary: SCOWL words with frequency classes, read a bucket at a time.

Building a Python set of ~290,000 words costs well over 100 ms on a slow machine, more
than a pre-commit hook can spend. The file (see ``scripts/build_wordlists.py``) is instead
split into small buckets keyed by first letters and length; a lookup decodes one bucket
(once) and searches its text, so a chapter touches a few hundred kilobytes and a cold
start pays only for reading the file.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

from proselint_fic.resources import data_dir, tabbed_value

Dialect = Literal["en-US", "en-GB"]

MAGIC = b"PFWORDS3"
CLASS_BASE = ord("0")
HOT_KEY = "*"
# Dialect codes in the file and the dialects that accept each.
_ACCEPTS: dict[str, frozenset[str]] = {
    "a": frozenset({"en-US", "en-GB"}),
    "u": frozenset({"en-US"}),
    "g": frozenset({"en-GB"}),
}


class Entry(NamedTuple):
    """A dictionary word: its lowercase key, frequency class, spelling and dialect code."""

    key: str
    rank: int
    form: str  # the listed spelling; equal to ``key`` for lowercase words
    dialect: str  # "a", "u" or "g"

    def accepted_in(self, dialect: Dialect) -> bool:
        return dialect in _ACCEPTS[self.dialect]


_KEY_LINE = re.compile(r"\n([^\t\n]+)\t")


@dataclass
class Lexicon:
    """Lookups over the bucketed word file. Buckets are decoded on first use."""

    blob: bytes
    base: int
    index: dict[str, int]
    offsets: array[int]

    def __post_init__(self) -> None:
        self._keys: dict[tuple[str, int], list[str]] = {}
        # The most frequent words of both dialects, kept as a set: most of a text's words.
        self.hot = (
            frozenset(self.bucket_text(HOT_KEY).split("\n"))
            if HOT_KEY in self.index
            else frozenset()
        )
        self._by_first: dict[tuple[str, int], list[str]] | None = None

    @classmethod
    def from_bytes(cls, blob: bytes) -> Lexicon:
        if not blob.startswith(MAGIC):
            raise ValueError("not a proselint-fic word file (format 3)")
        size = int.from_bytes(blob[len(MAGIC) : len(MAGIC) + 4], "little")
        start = len(MAGIC) + 4
        header = json.loads(blob[start : start + size])
        keys = header["keys"].split()
        table = start + size
        offsets = array("I")
        offsets.frombytes(blob[table : table + 4 * (len(keys) + 1)])
        if sys.byteorder != "little":
            offsets.byteswap()
        index = {key: i for i, key in enumerate(keys)}
        return cls(blob, table + 4 * (len(keys) + 1), index, offsets)

    def _bucket(self, key: str) -> tuple[int, int]:
        """Where a bucket's lines lie in the blob (an empty stretch for a missing one)."""
        i = self.index.get(key)
        if i is None:
            return 0, 0
        return self.base + self.offsets[i], self.base + self.offsets[i + 1]

    def bucket_text(self, key: str) -> str:
        start, end = self._bucket(key)
        return self.blob[start:end].decode("utf-8") if end > start else "\n"

    def _line(self, lower: str) -> bytes | None:
        """The rest of a word's line after its tab: dialect code, class letter, spelling.

        Searched in the file's bytes where they lie: decoding and keeping every bucket a
        novel touches cost 3 MB."""
        start, end = self._bucket(f"{lower[:2]}{len(lower)}")
        if end <= start:
            return None
        return tabbed_value(self.blob, lower.encode("utf-8"), start, end)

    def lookup(self, lower: str) -> Entry | None:
        """The entry for a lowercase spelling, whatever its dialect."""
        if not lower:
            return None
        line = self._line(lower)
        if line is None:
            return None
        return Entry(lower, line[1] - CLASS_BASE, line[2:].decode("utf-8") or lower, chr(line[0]))

    def known(self, lower: str, dialect: Dialect) -> bool:
        code = self.code(lower)
        return bool(code) and dialect in _ACCEPTS[code]

    def code(self, lower: str) -> str:
        """The dialect code of a lowercase spelling: "a" (both), "u", "g", or "" if unlisted."""
        if lower in self.hot:
            return "a"
        if not lower:
            return ""
        line = self._line(lower)
        return chr(line[0]) if line else ""

    def _buckets_by_first(self) -> dict[tuple[str, int], list[str]]:
        """Bucket keys by first letter and length; made when suggestions first need it,
        since a clean text never does (2-3 ms of a cold start)."""
        if self._by_first is None:
            by_first: dict[tuple[str, int], list[str]] = {}
            for key in self.index:
                if key == HOT_KEY:
                    continue
                # Bucket keys are the first two letters and the length: "ma8".
                prefix = key.rstrip("0123456789")
                by_first.setdefault((prefix[0], int(key[len(prefix) :])), []).append(key)
            self._by_first = by_first
        return self._by_first

    def keys(self, first: str, length: int) -> list[str]:
        """Every lowercase spelling that starts with ``first`` and has ``length`` letters."""
        found = self._keys.get((first, length))
        if found is None:
            found = []
            for key in self._buckets_by_first().get((first, length), ()):
                found.extend(_KEY_LINE.findall(self.bucket_text(key)))
            self._keys[(first, length)] = found
        return found


@cache
def lexicon() -> Lexicon:
    """The shipped word list, read once per process."""
    return Lexicon.from_bytes((data_dir() / "words.bin").read_bytes())
