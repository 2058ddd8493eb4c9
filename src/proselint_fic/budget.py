"""The time a rule may still spend on the current document.

Python code cannot be interrupted safely from outside on every platform (``signal`` timers
work only in the main thread on Unix; a thread cannot stop another). So the engine sets a
deadline before it runs a rule and checks it between the rule's matches, and the regular
expressions of plugin packs, which run on the ``regex`` module, are given the time left as
their own ``timeout``: a pattern that backtracks catastrophically stops itself.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("proselint_fic_rule_deadline", default=None)

# regex treats a timeout of 0 as "no time at all"; a rule past its deadline is stopped.
_SMALLEST_TIMEOUT = 0.001


class RuleTimeoutError(TimeoutError):
    """A rule used up its time on a document."""


class rule_deadline:  # noqa: N801 - used as a context manager, like contextlib's
    """The deadline of the rule run inside this ``with`` block: ``seconds`` from now.

    A class rather than a ``contextmanager`` generator: the engine enters one per rule
    per paragraph an edit touches, and the generator's machinery cost more than the
    rules on a small edit."""

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        self._token = _deadline.set(time.monotonic() + self._seconds)

    def __exit__(self, *exc_info: object) -> None:
        _deadline.reset(self._token)


def seconds_left() -> float | None:
    """Seconds the running rule has left, or ``None`` outside a rule's run."""
    deadline = _deadline.get()
    if deadline is None:
        return None
    return max(_SMALLEST_TIMEOUT, deadline - time.monotonic())


def check_deadline() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise RuleTimeoutError
