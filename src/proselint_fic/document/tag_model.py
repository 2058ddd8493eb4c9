"""The tagger model's file: plain text, searched where it lies until a text needs all of it.

A cold start (a pre-commit hook on one chapter) tags only the few sentences the tense
rules ask about, yet splitting the whole model into dictionaries took about 30 ms, a
seventh of such a run. So each table's lines are grouped into buckets by a stable hash of
the key, and a lookup searches one bucket's bytes (a few hundred of them). A text that
asks for many lookups (a novel) soon makes a table read everything into a dictionary at
once, which is quicker from then on: see :meth:`Table.get`. It is still data and
nothing else: no pickle, no code.

Layout: the first line is a JSON header (format version, classes, the tag dictionary, and
for each table its number of entries and where each bucket starts in the body, in bytes);
then the body, each table's ``key<TAB>value`` lines bucket after bucket. No key or value
may hold a tab or a line break.
"""

from __future__ import annotations

import json
import mmap
from binascii import crc32
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple, Protocol, TypeAlias, overload

from proselint_fic.resources import tabbed_value

# The file's bytes: mapped from disk (pages are read as lookups touch them) or in memory.
Blob: TypeAlias = "bytes | mmap.mmap"

FORMAT = 3
TABLES = ("weights", "lexicon")
# Entries per bucket, on average: a lookup searches about this many lines.
_BUCKET_SIZE = 16
# Bucket searches after which a table reads all its lines at once. One search costs
# about a microsecond and reading the weights about 20 ms, so past this many a novel
# would spend more on searching than on reading.
SEARCHES_BEFORE_READING = 8_000


class Lookup(Protocol):
    """What the tagger needs of a table: a plain ``dict`` or a :class:`Table`."""

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, default: str, /) -> str: ...


class ModelFileError(ValueError):
    """The model file is not in the expected format."""


def _bucket_of(key: bytes, buckets: int) -> int:
    return crc32(key) % buckets


class Table:
    """One table of the model (feature -> weights, or word -> readings), looked up in the
    file's bytes until enough lookups make it read every line."""

    def __init__(self, blob: Blob, starts: list[int], count: int) -> None:
        self._blob = blob
        self._starts = starts  # bucket i lies in blob[starts[i] : starts[i + 1]]
        self._count = count
        self._memo: dict[str, str | None] = {}
        self._all: dict[str, str] | None = None
        self._searches = 0

    def __len__(self) -> int:
        return self._count

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, default: str, /) -> str: ...
    def get(self, key: str, default: str | None = None, /) -> str | None:
        if self._all is not None:
            return self._all.get(key, default)
        if key in self._memo:
            found = self._memo[key]
        else:
            found = self._search(key)
            self._memo[key] = found
        return default if found is None else found

    @property
    def read_in_full(self) -> bool:
        return self._all is not None

    def as_dict(self) -> dict[str, str]:
        """Every entry, read from the file on first call."""
        if self._all is None:
            self._all = _parse(self._blob, self._starts[0], self._starts[-1], self._count)
            self._memo.clear()
        return self._all

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self.as_dict() == other.as_dict()
        if isinstance(other, dict):
            return self.as_dict() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _search(self, key: str) -> str | None:
        self._searches += 1
        if self._searches > SEARCHES_BEFORE_READING:
            return self.as_dict().get(key)
        encoded = key.encode("utf-8")
        bucket = _bucket_of(encoded, len(self._starts) - 1)
        start, end = self._starts[bucket], self._starts[bucket + 1]
        # Every bucket starts just after a line break (the header's or a line's).
        value = tabbed_value(self._blob, encoded, start - 1, end)
        return None if value is None else value.decode("utf-8")


def _parse(blob: Blob, start: int, end: int, count: int) -> dict[str, str]:
    parts = blob[start:end].decode("utf-8").replace("\t", "\n").split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    if len(parts) != 2 * count:
        raise ModelFileError("a tagger model table holds another number of entries than its header")
    return dict(zip(parts[0::2], parts[1::2], strict=True))


class TagModel(NamedTuple):
    classes: tuple[str, ...]
    tagdict: dict[str, str]
    weights: Mapping[str, str] | Table  # feature -> its row, as text ("3 1.5 7 -0.4")
    lexicon: Mapping[str, str] | Table  # word -> its verb forms and other readings, as letters


def _entries(table: Mapping[str, str] | Table) -> dict[str, str]:
    return table.as_dict() if isinstance(table, Table) else dict(table)


def _table_body(entries: dict[str, str], offset: int) -> tuple[bytes, list[int]]:
    """The table's lines bucket after bucket, and where each bucket starts (from ``offset``)."""
    buckets = max(1, len(entries) // _BUCKET_SIZE)
    grouped: list[list[bytes]] = [[] for _ in range(buckets)]
    for key in sorted(entries):
        value = entries[key]
        if any(mark in text for text in (key, value) for mark in "\t\n"):
            raise ModelFileError("a model key or value holds a tab or a line break")
        encoded = key.encode("utf-8")
        line = encoded + b"\t" + value.encode("utf-8") + b"\n"
        grouped[_bucket_of(encoded, buckets)].append(line)
    starts = [offset]
    for lines in grouped:
        starts.append(starts[-1] + sum(map(len, lines)))
    return b"".join(b"".join(lines) for lines in grouped), starts


def dumps(model: TagModel) -> bytes:
    bodies: list[bytes] = []
    layout: dict[str, dict[str, object]] = {}
    offset = 0
    for name in TABLES:
        entries = _entries(getattr(model, name))
        body, starts = _table_body(entries, offset)
        bodies.append(body)
        layout[name] = {"entries": len(entries), "starts": starts}
        offset += len(body)
    header = {
        "format": FORMAT,
        "classes": list(model.classes),
        "tagdict": model.tagdict,
        "tables": layout,
        "body": offset,
    }
    first = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return first + b"\n" + b"".join(bodies)


def loads(data: bytes | str | mmap.mmap) -> TagModel:
    blob: Blob = data.encode("utf-8") if isinstance(data, str) else data
    end_of_header = blob.find(b"\n")
    try:
        header = json.loads(blob[:end_of_header] if end_of_header >= 0 else blob[:])
        if header.get("format") != FORMAT:
            raise ModelFileError(f"tagger model format {header.get('format')!r}, not {FORMAT}")
        classes, tagdict = tuple(header["classes"]), dict(header["tagdict"])
        body_length = int(header["body"])
        layout = {name: header["tables"][name] for name in TABLES}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelFileError(f"unreadable tagger model header: {error}") from error
    body = end_of_header + 1
    if end_of_header < 0 or len(blob) - body != body_length:
        raise ModelFileError("the tagger model's length does not match its header")
    tables = [_table(blob, body, layout[name]) for name in TABLES]
    return TagModel(classes, tagdict, tables[0], tables[1])


def _table(blob: Blob, body: int, layout: dict[str, object]) -> Table:
    try:
        starts = [body + int(start) for start in layout["starts"]]  # type: ignore[attr-defined]
        count = int(layout["entries"])  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(f"unreadable tagger model header: {error}") from error
    if len(starts) < 2 or starts != sorted(starts) or starts[-1] > len(blob):
        raise ModelFileError("the tagger model's buckets do not fit in the file")
    return Table(blob, starts, count)


def read(path: Path) -> TagModel:
    """The model in ``path``, mapped rather than read: a text that tags a few sentences
    touches a few pages of it (reading all 6 MB cost 2 ms and 6 MB of memory)."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return loads(path.read_bytes())  # a file system that cannot map files
    return loads(mapped)


def write(path: Path, model: TagModel) -> None:
    path.write_bytes(dumps(model))
