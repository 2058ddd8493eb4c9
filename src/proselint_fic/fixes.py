"""Applying fixes: the replacements diagnostics offer, written back without losing a byte.

A rule declares in its metadata whether its fix is ``safe`` (the first replacement is what
the writer meant and cannot change the meaning: a doubled word, a stray space) or
``unsafe`` (a likely fix that a writer should confirm: a spelling suggestion, a tense).
``check --fix`` applies safe fixes only, and only where a diagnostic offers exactly one
replacement; ``--unsafe-fixes`` applies the first replacement of every fix.

Fixes never overlap in one pass: the earliest of two overlapping fixes wins and the text
is linted again, up to :data:`MAX_PASSES` times, until no fix applies; a second run of
``--fix`` on the result changes nothing. Files are written atomically (a temporary file in
the same folder, then a rename), in their own encoding, with their byte-order mark, and
every byte outside the fixed spans as it was (line endings included). A replacement that
the file's encoding cannot hold is skipped.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from proselint_fic.diagnostic import Diagnostic
from proselint_fic.rule import FixSafety

MAX_PASSES = 10
_NEW_FILE_MODE = 0o644

Safety = Callable[[str], FixSafety]


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    text: str


def chosen_edits(
    diagnostics: Iterable[Diagnostic],
    safety_of: Safety,
    *,
    unsafe: bool = False,
    encoding: str = "utf-8",
) -> list[Edit]:
    """The edits one pass applies: fixable diagnostics, in text order, none overlapping."""
    edits: list[Edit] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if not _fixable(diagnostic, safety_of, unsafe=unsafe):
            continue
        replacement = diagnostic.replacements[0]
        if not _encodable(replacement, encoding):
            continue
        if edits and diagnostic.start < edits[-1].end:
            continue  # overlaps the edit before it: the next pass sees it again
        edits.append(Edit(diagnostic.start, diagnostic.end, replacement))
    return edits


def _fixable(diagnostic: Diagnostic, safety_of: Safety, *, unsafe: bool) -> bool:
    if not diagnostic.replacements or diagnostic.end < diagnostic.start:
        return False
    if unsafe:
        return True
    return safety_of(diagnostic.rule) == "safe" and len(diagnostic.replacements) == 1


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` (sorted by position) applied."""
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, how many fixes went in, and what is left to report."""

    text: str
    applied: int
    remaining: tuple[Diagnostic, ...]


def fix_text(
    text: str,
    lint: Callable[[str], Sequence[Diagnostic]],
    safety_of: Safety,
    *,
    unsafe: bool = False,
    encoding: str = "utf-8",
) -> FixResult:
    """Lint ``text`` and apply fixes pass after pass until none applies (the library call
    an editor plugin uses; ``lint`` is, for example, ``partial(linter.lint_text, path=p)``)."""
    applied = 0
    diagnostics = tuple(lint(text))
    for _ in range(MAX_PASSES):
        edits = chosen_edits(diagnostics, safety_of, unsafe=unsafe, encoding=encoding)
        if not edits:
            break
        changed = apply_edits(text, edits)
        if changed == text:
            break
        text = changed
        applied += len(edits)
        diagnostics = tuple(lint(text))
    return FixResult(text, applied, diagnostics)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of the fix, as ``--diff`` prints it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader never sees half a file: write a
    temporary file beside it, keep the original's permissions, then rename over it. If
    anything fails, the original is left as it was and the temporary file removed."""
    folder = path.parent
    mode = path.stat().st_mode & 0o7777 if path.exists() else _NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


@dataclass(frozen=True, slots=True)
class FileFix:
    """One file's fix: its text before and after, and what is left to report."""

    path: str
    before: str
    after: str
    applied: int
    remaining: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fix_file(
    path: Path,
    lint: Callable[[str], Sequence[Diagnostic]],
    safety_of: Safety,
    *,
    unsafe: bool = False,
    write: bool = True,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> FileFix:
    """Fix one file in place (or only compute the fix, with ``write=False``). Raises
    :class:`~proselint_fic.source.InputError` for a file that cannot be read."""
    from proselint_fic.source import MAX_FILE_BYTES, read_source

    source = read_source(path, encoding=encoding, max_bytes=max_bytes or MAX_FILE_BYTES)
    result = fix_text(source.text, lint, safety_of, unsafe=unsafe, encoding=source.encoding)
    fixed = FileFix(str(path), source.text, result.text, result.applied, result.remaining)
    if write and fixed.changed:
        write_atomically(path, source.bom + result.text.encode(source.encoding))
    return fixed
