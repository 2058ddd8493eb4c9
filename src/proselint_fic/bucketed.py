"""Key-value tables kept in a file's bytes and searched there until a text needs all of it.

A cold start (a pre-commit hook on one chapter) asks a model for a few hundred entries,
yet splitting a whole model into a dictionary costs tens of milliseconds, a large share
of such a run. So a table's ``key<TAB>value`` lines are grouped into buckets by a stable
hash of the key, and a lookup searches one bucket's bytes (a few hundred of them). A text
that asks for many lookups (a novel) soon makes a table read everything into a dictionary
at once, which is quicker from then on: see :meth:`Table.get`. It is data and nothing
else: no pickle, no code. The tagger model and the real-word slip model are stored so.
"""

from __future__ import annotations

import json
import mmap
from binascii import crc32
from pathlib import Path
from typing import Any, Protocol, TypeAlias, overload

from proselint_fic.resources import tabbed_value

# The file's bytes: mapped from disk (pages are read as lookups touch them) or in memory.
Blob: TypeAlias = "bytes | mmap.mmap"

# Entries per bucket, on average: a lookup searches about this many lines.
_BUCKET_SIZE = 16
# Bucket searches after which a table reads all its lines at once. One search costs
# about a microsecond and reading the tagger's weights about 20 ms, so past this many a
# novel would spend more on searching than on reading.
SEARCHES_BEFORE_READING = 8_000


class ModelFileError(ValueError):
    """A model file is not in the expected format."""


class Lookup(Protocol):
    """What the tagger needs of a table: a plain ``dict`` or a :class:`Table`."""

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, default: str, /) -> str: ...


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
        raise ModelFileError("a model table holds another number of entries than its header")
    return dict(zip(parts[0::2], parts[1::2], strict=True))


def table_body(entries: dict[str, str], offset: int) -> tuple[bytes, list[int]]:
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


def open_table(blob: Blob, body: int, layout: dict[str, object]) -> Table:
    try:
        starts = [body + int(start) for start in layout["starts"]]  # type: ignore[attr-defined]
        count = int(layout["entries"])  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(f"unreadable model header: {error}") from error
    if len(starts) < 2 or starts != sorted(starts) or starts[-1] > len(blob):
        raise ModelFileError("the model's buckets do not fit in the file")
    return Table(blob, starts, count)


def with_header(header: dict[str, object], body: bytes) -> bytes:
    """A model file: ``header`` as one line of JSON (which records the body's length),
    then ``body``."""
    first = json.dumps({**header, "body": len(body)}, sort_keys=True, separators=(",", ":"))
    return first.encode("utf-8") + b"\n" + body


def read_header(
    data: bytes | str | mmap.mmap, kind: str, version: int
) -> tuple[Blob, dict[str, Any], int]:
    """The bytes of a model file written by :func:`with_header`, its header, and where its
    body starts; refused with a reason when the header is unreadable, of another
    ``version``, or the body is not as long as the header says."""
    blob: Blob = data.encode("utf-8") if isinstance(data, str) else data
    end_of_header = blob.find(b"\n")
    try:
        header = json.loads(blob[:end_of_header] if end_of_header >= 0 else blob[:])
        if header.get("format") != version:
            raise ModelFileError(f"{kind} format {header.get('format')!r}, not {version}")
        body_length = int(header["body"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelFileError(f"unreadable {kind} header: {error}") from error
    body = end_of_header + 1
    if end_of_header < 0 or len(blob) - body != body_length:
        raise ModelFileError(f"the {kind}'s length does not match its header")
    return blob, header, body


def map_file(path: Path) -> Blob:
    """The bytes of ``path``, mapped rather than read: a text that needs a few entries
    touches a few pages of the file."""
    try:
        with path.open("rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return path.read_bytes()  # a file system that cannot map files
