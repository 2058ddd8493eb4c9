"""The ``proselint-fic`` console entry point.

It lives apart from :mod:`proselint_fic.cli` so that the garbage collector is paused
before the command line's imports run (see :func:`proselint_fic.gc_pause.pause_for_start_up`).
"""

from __future__ import annotations

from proselint_fic.gc_pause import pause_for_start_up


def run() -> None:
    pause_for_start_up()
    from proselint_fic.cli import run as run_command_line

    run_command_line()
