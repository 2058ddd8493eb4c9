"""The progress bar a long command-line run shows on standard error.

tqdm draws it: a well-kept library that already knows terminal widths, rates and
redrawing; it is imported only when a bar is shown, so a pre-commit run never pays for it.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm

# Below this many files a run ends before a bar is worth reading.
MIN_FILES = 10


def wants_bar(stream: TextIO, *, output_format: str, quiet: bool, files: int) -> bool:
    """A bar only for people: on a terminal, in the text format, for a run of many files.

    Machine formats and pipes are read by programs, which want nothing extra in stderr.
    """
    if quiet or output_format != "text" or files < MIN_FILES:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class FileProgress:
    """Counts linted files on a bar, or does nothing when no bar is wanted."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool) -> None:
        self._bar: tqdm[NoReturn] | None = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=stream, unit="file", leave=False, dynamic_ncols=True)

    def step(self, path: str) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(_short(path), refresh=False)
            self._bar.update(1)

    def __enter__(self) -> FileProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()


def _short(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1) :]
