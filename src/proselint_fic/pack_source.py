"""Reading a rule pack's tables: the shipped packs from a compiled copy when it is current.

Parsing TOML in pure Python cost a cold start 8-10 ms for the shipped packs, where the
same tables as JSON parse in C in well under one. So each shipped pack has a compiled copy
(``data/packs/<name>.json``, written by ``scripts/compile_packs.py``) that records a CRC-32
of the TOML it came from. The copy is read only when that matches the pack byte for byte:
an edited pack is never read stale, only parsed the slow way (and a test keeps the copies
current). Packs from plugins and configuration are always parsed from their TOML.
"""

from __future__ import annotations

import json
from binascii import crc32
from pathlib import Path
from typing import Any

from proselint_fic.resources import data_dir, rules_dir

COMPILED_FORMAT = 1


class UnreadablePackError(Exception):
    """The pack file cannot be read or is not valid TOML (the reason is the message)."""


def compiled_copy(path: Path) -> Path | None:
    """Where the compiled copy of a shipped pack lives; None for any other pack."""
    if path.parent.resolve() != rules_dir().resolve():
        return None
    return data_dir() / "packs" / f"{path.stem}.json"


def read_tables(path: Path, compiled: Path | None = None) -> dict[str, Any]:
    """The pack's top-level tables, from ``compiled`` when it was made from these bytes."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadablePackError(str(error)) from None
    if compiled is not None:
        tables = _current_copy(compiled, raw)
        if tables is not None:
            return tables
    return parse_toml(raw)


def parse_toml(raw: bytes) -> dict[str, Any]:
    import tomllib  # only when a pack has no current compiled copy

    try:
        # As text files are read: any line ending becomes "\n".
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        return tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UnreadablePackError(str(error)) from None


def compile_pack(raw: bytes) -> str:
    """The compiled copy of a pack whose TOML is ``raw``."""
    tables = parse_toml(raw)
    copy = {"format": COMPILED_FORMAT, "crc32": crc32(raw), "tables": tables}
    return json.dumps(copy, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def _current_copy(compiled: Path, raw: bytes) -> dict[str, Any] | None:
    try:
        copy = json.loads(compiled.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(copy, dict) or copy.get("format") != COMPILED_FORMAT:
        return None
    if copy.get("crc32") != crc32(raw) or not isinstance(copy.get("tables"), dict):
        return None
    tables: dict[str, Any] = copy["tables"]
    return tables
