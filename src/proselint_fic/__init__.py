"""proselint-fic: an editorial linter for fiction.

The library API for editor plugins and scripts::

    from proselint_fic import Linter

    linter = Linter()                      # loads rules and data once
    for diagnostic in linter.lint_text(chapter, path="ch01.md"):
        print(diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.message)
"""

from __future__ import annotations

from proselint_fic.config import ConfigError
from proselint_fic.diagnostic import CATEGORIES, Category, Diagnostic, Severity
from proselint_fic.hookspecs import hookimpl
from proselint_fic.linter import FileResult, Linter
from proselint_fic.rule import FixExample, Match, Rule, RuleMeta, Scope

__version__ = "0.1.0"

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


def lint_text(text: str, *, path: str | None = None) -> list[Diagnostic]:
    """One-off convenience: lint ``text`` with default settings (builds a Linter each call)."""
    return Linter(discover_config=path is not None).lint_text(text, path=path)


def lint_paths(paths: list[str]) -> list[FileResult]:
    """One-off convenience: lint files and folders with their discovered settings."""
    return Linter().lint_paths(paths)
