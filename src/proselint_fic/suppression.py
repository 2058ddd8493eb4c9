"""Inline suppression comments inside a manuscript.

``<!-- proselint-fic: disable RULE... -->`` switches rules off until a matching
``enable``; ``disable-next-line`` and ``disable-line`` cover one line. With no rule named,
every rule is meant. Rules are named by id or prefix (``typo`` covers ``typo.unknown-word``).
The comment syntax is an HTML comment, valid in Markdown and HTML, and harmless in plain
text, where the markup layer blanks it out before rules run.
"""

from __future__ import annotations

from typing import NamedTuple

from proselint_fic.document.positions import LineIndex
from proselint_fic.patterns import IGNORECASE, lazy

_DIRECTIVE = lazy(
    r"<!--\s*proselint-fic\s*:\s*(?P<action>disable-next-line|disable-line|disable|enable)\b"
    r"(?P<rules>[^>]*?)\s*-->",
    IGNORECASE,
)
_ALL = "*"


class Suppression(NamedTuple):
    """Lines ``first``..``last`` (inclusive, 1-based) where ``selector`` is switched off."""

    first: int
    last: int
    selector: str

    def covers(self, line: int, rule_id: str) -> bool:
        return self.first <= line <= self.last and selects(self.selector, rule_id)


def selects(selector: str, rule_id: str) -> bool:
    """A selector names a rule by its id, a dotted prefix of it, or ``*`` for all."""
    return selector in (_ALL, rule_id) or rule_id.startswith(selector + ".")


def parse_suppressions(source: str, lines: LineIndex) -> tuple[Suppression, ...]:
    if "proselint-fic" not in source:
        return ()
    found: list[Suppression] = []
    open_regions: dict[str, int] = {}
    last_line = lines.line_count
    for directive in _DIRECTIVE.finditer(source):
        line, _ = lines.position(directive.start())
        end_line, _ = lines.position(directive.end())
        action = directive["action"].lower()
        selectors = directive["rules"].replace(",", " ").split() or [_ALL]
        for selector in selectors:
            if action == "disable-line":
                found.append(Suppression(line, end_line, selector))
            elif action == "disable-next-line":
                found.append(Suppression(end_line + 1, end_line + 1, selector))
            elif action == "disable":
                open_regions.setdefault(selector, line)
            else:
                _close(open_regions, selector, line, found)
    for selector, first in open_regions.items():
        found.append(Suppression(first, last_line, selector))
    return tuple(found)


def _close(
    open_regions: dict[str, int], selector: str, line: int, found: list[Suppression]
) -> None:
    if selector == _ALL:
        for name, first in open_regions.items():
            found.append(Suppression(first, line, name))
        open_regions.clear()
    elif selector in open_regions:
        found.append(Suppression(open_regions.pop(selector), line, selector))
