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

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with automatic collection off, then restore it as it was.

    Nested and concurrent uses (an editor plugin linting on two threads) share one pause,
    which ends when the last of them does.
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
