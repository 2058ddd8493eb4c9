"""Turning select / ignore / severity settings into the set of rules that run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from proselint_fic.config import ConfigError
from proselint_fic.diagnostic import Severity
from proselint_fic.rule import Rule
from proselint_fic.suppression import selects

ALL = "ALL"


def validate_selectors(selectors: Iterable[str], rules: Mapping[str, Rule], where: str) -> None:
    """Refuse a selector that names no rule: a typo in configuration must not pass silently."""
    for selector in selectors:
        if selector != ALL and not any(selects(selector, rule_id) for rule_id in rules):
            raise ConfigError(f"{where}: no rule or rule prefix is called {selector!r}")


def enabled_rules(
    rules: Mapping[str, Rule],
    *,
    select: Iterable[str] | None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Rule]:
    """Rules on after selection, in registry order.

    A prefix (or ``ALL``) turns on the rules under it that are on by default; naming a rule
    by its exact id turns it on even when it is off by default. ``ignore`` wins.
    """
    selectors = [*(select if select is not None else ()), *extend_select]
    ignored = list(ignore)
    chosen: list[Rule] = []
    for rule_id, rule in rules.items():
        default_on = rule.meta.enabled_by_default
        on = default_on if select is None else False
        for selector in selectors:
            if selector == rule_id or (
                default_on and (selector == ALL or selects(selector, rule_id))
            ):
                on = True
        if on and not any(selects(selector, rule_id) for selector in ignored):
            chosen.append(rule)
    return chosen


def severity_overrides(
    rules: Iterable[Rule], overrides: Iterable[tuple[str, Severity]]
) -> dict[str, Severity]:
    """Per-rule severities; a longer (more specific) selector wins over a prefix."""
    pairs = sorted(overrides, key=lambda pair: len(pair[0]))
    result: dict[str, Severity] = {}
    for rule in rules:
        for selector, severity in pairs:
            if selects(selector, rule.meta.id):
                result[rule.meta.id] = severity
    return result
