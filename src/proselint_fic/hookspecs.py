"""The whole plugin contract: the hooks a proselint-fic plugin may implement.

A plugin is any module or object registered under the ``proselint_fic`` entry-point group
(``[project.entry-points.proselint_fic]`` in its ``pyproject.toml``). The built-in rules
register through these same hooks and the same group.

Example plugin module::

    from proselint_fic import hookimpl

    @hookimpl
    def proselint_fic_rules():
        return [MyRule()]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pluggy

from proselint_fic.rule import Rule

PROJECT_NAME = "proselint_fic"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def proselint_fic_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Return the rule objects this plugin provides.

    Each meets :class:`proselint_fic.rule.Rule`: a ``meta`` (:class:`RuleMeta`) and a
    ``check(document)`` that yields :class:`Match` objects. Rule ids must be unique.
    """


@hookspec
def proselint_fic_rule_packs() -> Sequence[Path]:  # type: ignore[empty-body]
    """Return paths of declarative rule packs (TOML files, or folders of them)."""
