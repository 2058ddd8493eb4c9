"""Reading manuscripts from disk without losing a byte or hiding a problem."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple

MAX_FILE_BYTES = 20 * 1024 * 1024
_SNIFF_BYTES = 8192
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be linted; the message says why and what to do."""


class SourceText(NamedTuple):
    """Decoded text plus what is needed to write it back exactly as it was."""

    text: str
    encoding: str
    bom: bytes = b""


def read_source(
    path: Path, *, encoding: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> SourceText:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB "
                "limit; split the manuscript or raise --max-file-size"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or folder") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    return decode_bytes(data, encoding=encoding)


def decode_bytes(data: bytes, *, encoding: str | None = None) -> SourceText:
    """Decode a manuscript: a BOM decides, else ``encoding``, else strict UTF-8."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return SourceText(_decode(data[len(bom) :], bom_encoding), bom_encoding, bom)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError("looks like a binary file (it holds NUL bytes); only text is linted")
    chosen = encoding or "utf-8"
    return SourceText(_decode(data, chosen), chosen)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        raise InputError(
            f"not valid {encoding} (byte 0x{byte} on line {line}); save the file as UTF-8 "
            "or pass --encoding with the file's encoding (for example cp1252)"
        ) from None
