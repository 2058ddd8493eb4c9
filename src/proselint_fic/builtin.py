"""The built-in rules, registered through the same hooks third-party plugins use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from proselint_fic.hookspecs import hookimpl
from proselint_fic.resources import rules_dir
from proselint_fic.rule import Rule


@hookimpl
def proselint_fic_rules() -> Sequence[Rule]:
    # Imported here so that listing plugins costs nothing until rules are wanted.
    from proselint_fic.checks import builtin_rules

    return builtin_rules()


@hookimpl
def proselint_fic_rule_packs() -> Sequence[Path]:
    return [rules_dir()]
