"""Rules that must be code, one package or module per family."""

from __future__ import annotations

from proselint_fic.rule import Rule


def builtin_rules() -> list[Rule]:
    """Every built-in code rule, in a stable order."""
    rules: list[Rule] = []
    return rules
