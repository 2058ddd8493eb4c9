"""Where shipped data lives (the declarative rule packs and compiled word lists), and how
its bucketed files are searched."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import mmap

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def rules_dir() -> Path:
    """The folder of declarative rule packs.

    In a wheel the packs sit inside the package (``proselint_fic/rules``); in a source
    checkout or an editable install they are the repository's top-level ``rules/``.
    """
    inside = _PACKAGE_DIR / "rules"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / "rules"


def data_dir() -> Path:
    """Compiled data (word lists, lexicons) shipped inside the package."""
    return _PACKAGE_DIR / "data"


def data_entries(name: str) -> Iterator[tuple[str, str]]:
    """The ``key<TAB>value`` lines of the shipped text file ``name`` in ``data_dir()``,
    blank lines and ``#`` comments left out."""
    for line in (data_dir() / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("\t")
            yield key, value


def tabbed_value(blob: bytes | mmap.mmap, key: bytes, start: int, end: int) -> bytes | None:
    """The rest of the line ``key<TAB>...`` in ``blob[start:end]``, whose lines each follow
    a line break (so the stretch must begin on one): the shipped word list and tagger
    model are searched so, a bucket at a time, where they lie."""
    needle = b"\n" + key + b"\t"
    at = blob.find(needle, start, end)
    if at < 0:
        return None
    value = at + len(needle)
    line_end = blob.find(b"\n", value, end)
    return blob[value : line_end if line_end >= 0 else end]


def sorted_value(blob: bytes | mmap.mmap, key: bytes, start: int = 0) -> bytes | None:
    """The rest of the line ``key<TAB>...`` in ``blob[start:]``, whose lines are sorted by
    key (as bytes) and begin at ``start``: a binary search, so that a chapter's few lookups
    in a table of twenty thousand words read a few pages of it instead of parsing it all."""
    low, high = start, len(blob)
    while low < high:
        middle = (low + high) // 2
        line_start = blob.rfind(b"\n", low, middle) + 1 or low
        line_end = blob.find(b"\n", line_start, high)
        if line_end < 0:
            line_end = high
        tab = blob.find(b"\t", line_start, line_end)
        found = blob[line_start : line_end if tab < 0 else tab]
        if found == key:
            return b"" if tab < 0 else blob[tab + 1 : line_end]
        if found < key:
            low = line_end + 1
        else:
            high = line_start
    return None
