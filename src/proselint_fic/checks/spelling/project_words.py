"""The project's own word file: one word a line, sorted, no duplicates.

``proselint-fic add-word`` appends through :func:`add_words`. The file is rewritten whole
into a temporary file beside it and moved into place, so an interrupted run never leaves
a half-written list, and comments (``#`` lines) at its top are kept.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def read_words(word_file: Path) -> list[str]:
    """The words in a word file: one a line, blank lines and ``#`` comments skipped."""
    try:
        text = word_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line.strip() for line in text.splitlines() if _is_word_line(line)]


def add_words(word_file: Path, words: Iterable[str]) -> list[str]:
    """Add ``words`` to ``word_file``, keeping it sorted and free of duplicates.

    Returns the words that were not there yet, in the order given. Words are compared as
    written (``Gryphon`` and ``gryphon`` are two entries, since names keep their capital),
    and sorted case-insensitively. The file and its folder are created when missing.
    """
    try:
        text = word_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    lines = text.splitlines()
    header = []
    for line in lines:
        if _is_word_line(line):
            break
        header.append(line)
    present = {line.strip() for line in lines if _is_word_line(line)}
    added: list[str] = []
    for word in words:
        clean = word.strip()
        if clean and clean not in present:
            present.add(clean)
            added.append(clean)
    if not added and text:
        return []
    body = sorted(present, key=lambda w: (w.casefold(), w))
    _write_atomically(word_file, "".join(f"{line}\n" for line in [*header, *body]))
    return added


def _is_word_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        staged = Path(temporary)
        staged.chmod(path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        staged.replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """The mode a new file gets from ``open`` (mkstemp would make it private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
