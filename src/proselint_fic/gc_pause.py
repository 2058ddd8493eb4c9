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
_paused_for_start_up = False


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


def pause_for_start_up() -> None:
    """Turn automatic collection off for a command-line run, before its imports.

    Start-up only adds long-lived objects (modules, word lists, the tagger), and a lint of
    a file leaves no reference cycles behind (measured on a novel: none), so in a
    one-file run every collection is wasted work, about a tenth of a cold chapter's
    time. :func:`start_up_over` decides what happens once the linter is built.
    """
    global _paused_for_start_up  # noqa: PLW0603 - one flag for the one process
    _paused_for_start_up = True
    gc.disable()


def start_up_over(*, one_lint: bool) -> None:
    """Keep what start-up loaded out of every later collection, and collect again unless
    the process only lints one file and ends: between files (a plugin's rule may leave
    cycles behind), and always in a long-running command such as the language server."""
    global _paused_for_start_up  # noqa: PLW0603
    if not _paused_for_start_up:
        return  # main() called from a program (a test) that manages its own collector
    _paused_for_start_up = False
    gc.freeze()
    if not one_lint:
        gc.enable()


def keep_out_of_collections() -> None:
    """Move every object alive now out of the collector's sight (``gc.freeze``).

    Called when an edited text's state is first kept: the paragraphs' matches and tokens
    of a novel live as long as the text stays open, and each later collection walked them
    again, 0.7 ms of every re-lint (measured). Re-lints leave no cycles behind (none in
    15 random edits of a novel, measured), so nothing frozen is lost to a cycle later;
    what the host application had allocated by then is frozen once with them, and freed
    by reference counting as before.
    """
    gc.freeze()
