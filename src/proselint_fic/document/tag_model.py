"""The tagger model's file: plain text, searched where it lies until a text needs all of it.

A cold start (a pre-commit hook on one chapter) tags only the few sentences the tense
rules ask about, yet splitting the whole model into dictionaries took about 30 ms, a
seventh of such a run; so its tables are bucketed (:mod:`proselint_fic.bucketed`). It is
data and nothing else: no pickle, no code.

Layout: the first line is a JSON header (format version, classes, the tag dictionary, and
for each table its number of entries and where each bucket starts in the body, in bytes);
then the body, each table's ``key<TAB>value`` lines bucket after bucket. No key or value
may hold a tab or a line break.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from proselint_fic.bucketed import (
    Lookup,
    ModelFileError,
    Table,
    map_file,
    open_table,
    read_header,
    table_body,
    with_header,
)

if TYPE_CHECKING:
    import mmap
    from pathlib import Path

__all__ = ["Lookup", "ModelFileError", "Table", "TagModel", "dumps", "loads", "read", "write"]

FORMAT = 3
TABLES = ("weights", "lexicon")


class TagModel(NamedTuple):
    classes: tuple[str, ...]
    tagdict: dict[str, str]
    weights: Mapping[str, str] | Table  # feature -> its row, as text ("3 1.5 7 -0.4")
    lexicon: Mapping[str, str] | Table  # word -> its verb forms and other readings, as letters


def _entries(table: Mapping[str, str] | Table) -> dict[str, str]:
    return table.as_dict() if isinstance(table, Table) else dict(table)


def dumps(model: TagModel) -> bytes:
    bodies: list[bytes] = []
    layout: dict[str, dict[str, object]] = {}
    offset = 0
    for name in TABLES:
        entries = _entries(getattr(model, name))
        body, starts = table_body(entries, offset)
        bodies.append(body)
        layout[name] = {"entries": len(entries), "starts": starts}
        offset += len(body)
    header: dict[str, object] = {
        "format": FORMAT,
        "classes": list(model.classes),
        "tagdict": model.tagdict,
        "tables": layout,
    }
    return with_header(header, b"".join(bodies))


def loads(data: bytes | str | mmap.mmap) -> TagModel:
    blob, header, body = read_header(data, "tagger model", FORMAT)
    try:
        classes = tuple(header["classes"])
        tagdict = dict(header["tagdict"])
        layout = {name: header["tables"][name] for name in TABLES}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelFileError(f"unreadable tagger model header: {error}") from error
    tables = [open_table(blob, body, layout[name]) for name in TABLES]
    return TagModel(classes, tagdict, tables[0], tables[1])


def read(path: Path) -> TagModel:
    """The model in ``path``, mapped rather than read: a text that tags a few sentences
    touches a few pages of it (reading all 6 MB cost 2 ms and 6 MB of memory)."""
    return loads(map_file(path))


def write(path: Path, model: TagModel) -> None:
    path.write_bytes(dumps(model))
