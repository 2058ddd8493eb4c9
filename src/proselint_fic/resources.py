"""Where shipped data lives: the declarative rule packs and compiled word lists."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def rules_dir() -> Path:
    """The folder of declarative rule packs.

    In a wheel the packs sit inside the package (``proselint_fic/rules``); in a source
    checkout or an editable install they are the repository's top-level ``rules/``.
    """
    inside = _PACKAGE_DIR / "rules"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / "rules"


def data_dir() -> Path:
    """Compiled data (word lists, lexicons) shipped inside the package."""
    return _PACKAGE_DIR / "data"
