"""Collects rules from the built-in plugin, installed plugins and declarative packs.

One plugin that fails to import, or whose hook raises, is reported and skipped: the rest
of the rules still load.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import cast

import pluggy

from proselint_fic import builtin, hookspecs
from proselint_fic.packs import PackError, load_pack, pack_files
from proselint_fic.plugin_discovery import plugin_entry_points
from proselint_fic.rule import Rule


@dataclass(frozen=True)
class Registry:
    """All known rules by id, in load order, and what went wrong while loading."""

    rules: dict[str, Rule]
    errors: tuple[str, ...] = field(default=())

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    @property
    def ids(self) -> list[str]:
        return list(self.rules)


def plugin_manager(
    extra_plugins: Iterable[object] = (), *, entry_points: bool = True
) -> tuple[pluggy.PluginManager, list[str]]:
    """A plugin manager with the built-ins, installed entry points and ``extra_plugins``."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    errors: list[str] = []
    manager.register(builtin, name="builtin")
    if entry_points:
        for entry_point in plugin_entry_points(hookspecs.PROJECT_NAME):
            if manager.get_plugin(entry_point.name) is not None:
                continue
            try:
                manager.register(entry_point.load(), name=entry_point.name)
            except Exception as error:  # a broken plugin must not stop the linter
                errors.append(f"plugin {entry_point.name!r} failed to load: {_describe(error)}")
    for plugin in extra_plugins:
        try:
            manager.register(plugin)
        except Exception as error:
            errors.append(f"plugin {_plugin_name(plugin)!r} failed to register: {_describe(error)}")
    return manager, errors


def load_registry(extra_plugins: Iterable[object] = (), *, entry_points: bool = True) -> Registry:
    manager, errors = plugin_manager(extra_plugins, entry_points=entry_points)
    rules: dict[str, Rule] = {}
    for name, rule in _rules_from_hooks(manager, errors):
        _add(rules, rule, name, errors)
    for name, location in _packs_from_hooks(manager, errors):
        for pack in pack_files(location):
            try:
                # Built-in packs are vetted by the test suite and run on the faster `re`.
                loaded = load_pack(pack, guarded=name != "builtin")
            except PackError as error:
                errors.append(str(error))
                continue
            for rule in loaded:
                _add(rules, rule, name, errors)
    return Registry(rules, tuple(errors))


def _rules_from_hooks(
    manager: pluggy.PluginManager, errors: list[str]
) -> Iterable[tuple[str, Rule]]:
    for impl in manager.hook.proselint_fic_rules.get_hookimpls():
        try:
            provided = cast("Sequence[object]", impl.function() or ())
        except Exception as error:
            errors.append(
                f"plugin {impl.plugin_name!r} raised while listing rules: {_describe(error)}"
            )
            continue
        for rule in provided:
            if isinstance(rule, Rule):
                yield impl.plugin_name, rule
            else:
                errors.append(f"plugin {impl.plugin_name!r} returned {rule!r}, which is not a rule")


def _packs_from_hooks(
    manager: pluggy.PluginManager, errors: list[str]
) -> Iterable[tuple[str, Path]]:
    for impl in manager.hook.proselint_fic_rule_packs.get_hookimpls():
        try:
            locations = cast("Sequence[Path]", impl.function() or ())
        except Exception as error:
            errors.append(
                f"plugin {impl.plugin_name!r} raised while listing packs: {_describe(error)}"
            )
            continue
        for location in locations:
            yield impl.plugin_name, Path(location)


def _add(rules: dict[str, Rule], rule: Rule, plugin: str, errors: list[str]) -> None:
    rule_id = rule.meta.id
    if rule_id in rules:
        errors.append(f"plugin {plugin!r} defines rule {rule_id!r} again; the first one is kept")
        return
    rules[rule_id] = rule


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return type(plugin).__name__


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
