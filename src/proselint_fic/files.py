"""Which files to lint: explicit paths, and prose files found in folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pathspec

PROSE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"})


class Found(NamedTuple):
    """A path to lint, or a problem with a path the user named."""

    path: Path
    problem: str | None = None


def discover(paths: Iterable[Path]) -> Iterator[Found]:
    """Named files as they are; folders walked for prose files, honouring ``.gitignore``."""
    for path in paths:
        if path.is_dir():
            found_any = False
            for file in _walk(path):
                found_any = True
                yield Found(file)
            if not found_any:
                suffixes = ", ".join(sorted(PROSE_SUFFIXES))
                yield Found(path, f"no prose files ({suffixes}) found in this folder")
        elif path.exists():
            yield Found(path)
        else:
            yield Found(path, "no such file or folder")


def _walk(top: Path) -> Iterator[Path]:
    ignores: list[tuple[Path, pathspec.GitIgnoreSpec]] = list(_inherited_ignores(top))
    for folder, subfolders, files in os.walk(top):
        here = Path(folder)
        spec = _read_gitignore(here)
        if spec is not None:
            ignores.append((here, spec))
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in _ALWAYS_SKIPPED
            and not name.startswith(".")
            and not _ignored(here / name, ignores, is_dir=True)
        )
        for name in sorted(files):
            file = here / name
            if file.suffix.lower() in PROSE_SUFFIXES and not _ignored(file, ignores, is_dir=False):
                yield file


def _inherited_ignores(top: Path) -> Iterator[tuple[Path, pathspec.GitIgnoreSpec]]:
    """``.gitignore`` files in the folders above ``top``, up to its repository's root."""
    above: list[Path] = []
    for parent in top.resolve().parents:
        above.append(parent)
        if (parent / ".git").exists():
            break
    else:
        return  # not inside a repository: folders above are none of our business
    for parent in reversed(above):
        spec = _read_gitignore(parent)
        if spec is not None:
            yield parent, spec


def _read_gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    gitignore = folder / ".gitignore"
    if not gitignore.is_file():
        return None
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec  # only when a folder is walked: a hook names its files

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(
    path: Path, ignores: list[tuple[Path, pathspec.GitIgnoreSpec]], *, is_dir: bool
) -> bool:
    resolved = path.resolve()
    for base, spec in ignores:
        try:
            relative = resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False
