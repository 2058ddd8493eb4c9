"""Pausing the cyclic garbage collector while a document is linted.

Linting builds many short-lived lists and small objects (tokens, offsets, events) and
almost no reference cycles, yet each burst of allocations makes the collector walk
everything alive, including the word lists and verb tables loaded once per process. On a
novel that walking was a fifth of the lint time, measured. Reference counting still frees
nearly everything at once; the collector runs again as soon as the lint is over.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    """How many lints are running, and whether the collector was on before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.was_enabled = False

    def enter(self) -> None:
        with self.lock:
            if self.depth == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.depth += 1

    def leave(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth == 0 and self.was_enabled:
                gc.enable()


_PAUSE = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with automatic collection off, then restore it as it was.

    Nested and concurrent uses (an editor plugin linting on two threads) share one pause,
    which ends when the last of them does.
    """
    _PAUSE.enter()
    try:
        yield
    finally:
        _PAUSE.leave()
