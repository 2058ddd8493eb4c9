"""proselint-fic: an editorial linter for fiction.

The library API for editor plugins and scripts::

    from proselint_fic import Linter

    linter = Linter()                      # loads rules and data once
    for diagnostic in linter.lint_text(chapter, path="ch01.md"):
        print(diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.message)

Names are imported on first use (PEP 562), so ``import proselint_fic`` costs nothing until
something is asked of it: a pre-commit hook starts cold on every run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "CATEGORIES": "proselint_fic.diagnostic",
    "Category": "proselint_fic.diagnostic",
    "Diagnostic": "proselint_fic.diagnostic",
    "Severity": "proselint_fic.diagnostic",
    "ConfigError": "proselint_fic.config",
    "FileResult": "proselint_fic.linter",
    "Linter": "proselint_fic.linter",
    "FixExample": "proselint_fic.rule",
    "Match": "proselint_fic.rule",
    "Rule": "proselint_fic.rule",
    "RuleMeta": "proselint_fic.rule",
    "Scope": "proselint_fic.rule",
    "hookimpl": "proselint_fic.hookspecs",
}

__all__ = [
    "CATEGORIES",
    "Category",
    "ConfigError",
    "Diagnostic",
    "FileResult",
    "FixExample",
    "Linter",
    "Match",
    "Rule",
    "RuleMeta",
    "Scope",
    "Severity",
    "__version__",
    "hookimpl",
    "lint_paths",
    "lint_text",
]

if TYPE_CHECKING:
    from proselint_fic.config import ConfigError
    from proselint_fic.diagnostic import CATEGORIES, Category, Diagnostic, Severity
    from proselint_fic.hookspecs import hookimpl
    from proselint_fic.linter import FileResult, Linter
    from proselint_fic.rule import FixExample, Match, Rule, RuleMeta, Scope


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'proselint_fic' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def lint_text(text: str, *, path: str | None = None) -> list[Diagnostic]:
    """One-off convenience: lint ``text`` with default settings (builds a Linter each call)."""
    from proselint_fic.linter import Linter

    return Linter(discover_config=path is not None).lint_text(text, path=path)


def lint_paths(paths: list[str]) -> list[FileResult]:
    """One-off convenience: lint files and folders with their discovered settings."""
    from proselint_fic.linter import Linter

    return Linter().lint_paths(paths)
