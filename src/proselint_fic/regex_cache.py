"""A disk cache of compiled ``regex`` patterns, so that a cold start does not parse them again.

The ``regex`` module parses patterns in Python: the rules' patterns took about 40 ms to
compile, an eighth of what a pre-commit hook spends on a chapter. A compiled ``regex``
pattern pickles together with its compiled code, and loads back in microseconds. So the
first run stores the patterns it compiled, and later runs load them.

The cache is one file per ``regex`` and Python version, in the user's cache folder
(``PROSELINT_FIC_CACHE_DIR`` overrides the place; ``PROSELINT_FIC_NO_CACHE=1`` turns the
cache off). Reading it is what a cold run pays, so it is kept small: patterns change with
every release (and every edit of a user's pack), and a file that kept them all grew to
megabytes that took longer to read than the patterns take to compile. Each save keeps the
patterns this run used and, within a byte budget, the most recent others (those of other
configurations); a file found over the budget is rewritten.

It is only ever an accelerator: a missing, unreadable, corrupt or foreign file is ignored
and the patterns compile as usual. Loading cannot run arbitrary code: the file's table is
read by an unpickler that accepts no global at all, each pattern by one that accepts only
``regex``'s own compile function, and a loaded pattern must have the source it was stored
under.
"""

from __future__ import annotations

import atexit
import io
import os
import pickle
import sys
from pathlib import Path

import regex

# The built-in rules' patterns take about 40 kB pickled with their keys; the budget leaves
# room for several configurations' (dialects, selections, user packs) besides.
_BYTE_BUDGET = 512 * 1024
_ALLOWED_GLOBAL = ("regex._regex", "compile")


class _Store:
    """The cache file's entries (pattern key to pickled pattern, oldest first) and which of
    them this run used."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, bytes] = _read(path) if path is not None else {}
        self.used: set[str] = set()
        self.dirty = False
        if _size(self.entries) > _BYTE_BUDGET:
            self._mark_dirty()

    def recall(self, key: str) -> bytes | None:
        stored = self.entries.get(key)
        if stored is not None:
            self.used.add(key)
        return stored

    def remember(self, key: str, compiled: regex.Pattern[str]) -> None:
        if self.path is None:
            return
        try:
            self.entries[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError):
            return
        self.used.add(key)
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)

    def kept(self) -> dict[str, bytes]:
        """What a save writes: this run's patterns, and the newest others that fit."""
        used = {k: v for k, v in self.entries.items() if k in self.used}
        room = _BYTE_BUDGET - _size(used)
        others: list[tuple[str, bytes]] = []
        for key, value in reversed(self.entries.items()):
            if key in self.used:
                continue
            room -= len(key) + len(value)
            if room < 0:
                break
            others.append((key, value))
        return {**dict(reversed(others)), **used}

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        import tempfile  # only a run that compiled something new pays for this import

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=self.path.parent, prefix=".regex-", delete=False
            ) as handle:
                handle.write(pickle.dumps(self.kept(), protocol=pickle.HIGHEST_PROTOCOL))
            Path(handle.name).replace(self.path)
        except (OSError, ValueError):
            pass  # a read-only or full disk: the next run compiles again
        self.dirty = False


class _PlainUnpickler(pickle.Unpickler):
    """Reads the file's table of entries, which is made of strings and bytes only."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache table")


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if (module, name) != _ALLOWED_GLOBAL:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the pattern cache")
        return super().find_class(module, name)


_store: _Store | None = None


def compile_cached(pattern: str, flags: int) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the disk cache when it holds the pattern."""
    store = _the_store()
    key = f"{flags}\0{pattern}"
    stored = store.recall(key)
    if stored is not None:
        loaded = _load(stored)
        # regex adds implied flags (UNICODE for text) to those it was given.
        if loaded is not None and loaded.pattern == pattern and loaded.flags & flags == flags:
            return loaded
    compiled: regex.Pattern[str] = regex.compile(pattern, flags)
    store.remember(key, compiled)
    return compiled


def cache_file() -> Path | None:
    """Where the cache lives for this ``regex`` and Python, or None when it is off."""
    if os.environ.get("PROSELINT_FIC_NO_CACHE", "") not in {"", "0"}:
        return None
    folder = _cache_folder()
    if folder is None:
        return None
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return folder / f"regex-{regex.__version__}-py{python}.bin"


def _the_store() -> _Store:
    global _store  # noqa: PLW0603 - one cache per process, created on first use
    if _store is None:
        _store = _Store(cache_file())
    return _store


def _cache_folder() -> Path | None:
    chosen = os.environ.get("PROSELINT_FIC_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "proselint-fic" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "proselint-fic"
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(xdg) if xdg else Path.home() / ".cache") / "proselint-fic"
    except RuntimeError:  # no home folder
        return None


def _read(path: Path) -> dict[str, bytes]:
    try:
        entries = _PlainUnpickler(io.BytesIO(path.read_bytes())).load()
    except Exception:  # unreadable or damaged: start an empty cache
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}


def _load(stored: bytes) -> regex.Pattern[str] | None:
    try:
        loaded = _PatternUnpickler(io.BytesIO(stored)).load()
    except Exception:  # any damage means: compile it again
        return None
    return loaded if isinstance(loaded, regex.Pattern) else None


def _size(entries: dict[str, bytes]) -> int:
    return sum(len(key) + len(value) for key, value in entries.items())
