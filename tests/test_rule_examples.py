"""Every rule's own examples, run through the engine: flagged texts flag, passing texts pass."""

from __future__ import annotations

import pytest

from proselint_fic import Linter, RuleMeta

_ALL = Linter(discover_config=False, entry_points=False)
_METAS = sorted(_ALL.rules, key=lambda meta: meta.id)


def _linter_for(meta: RuleMeta) -> Linter:
    return Linter(select=[meta.id], discover_config=False, entry_points=False)


def _own(meta: RuleMeta, text: str) -> list[str]:
    return [d.rule for d in _linter_for(meta).lint_text(text) if d.rule == meta.id]


def test_rules_load_without_errors() -> None:
    assert _ALL.load_errors == ()
    assert len(_METAS) > 5


@pytest.mark.parametrize("meta", _METAS, ids=lambda m: m.id)
def test_rule_has_examples_and_documentation(meta: RuleMeta) -> None:
    assert meta.flags, f"{meta.id} has no examples it must flag"
    assert meta.passes, f"{meta.id} has no examples it must leave alone"
    assert meta.summary and meta.message, f"{meta.id} needs a summary and a message"


# A rule that asks an outside service is silent without it; tests/test_languagetool.py runs
# its flag examples against a fake server.
@pytest.mark.parametrize(
    ("meta", "text"),
    [(m, t) for m in _METAS if not m.service for t in m.flags],
    ids=lambda v: v.id if isinstance(v, RuleMeta) else "",
)
def test_rule_flags_its_examples(meta: RuleMeta, text: str) -> None:
    assert _own(meta, text), f"{meta.id} should flag: {text!r}"


@pytest.mark.parametrize(
    ("meta", "text"),
    [(m, t) for m in _METAS for t in m.passes],
    ids=lambda v: v.id if isinstance(v, RuleMeta) else "",
)
def test_rule_leaves_alone_its_examples(meta: RuleMeta, text: str) -> None:
    assert not _own(meta, text), f"{meta.id} should leave alone: {text!r}"


@pytest.mark.parametrize(
    ("meta", "index"),
    [(m, i) for m in _METAS for i in range(len(m.fixes))],
    ids=lambda v: v.id if isinstance(v, RuleMeta) else str(v),
)
def test_rule_fix_examples(meta: RuleMeta, index: int) -> None:
    fix = meta.fixes[index]
    found = [d for d in _linter_for(meta).lint_text(fix.before) if d.rule == meta.id]
    assert found and found[0].replacements, f"{meta.id} offers no fix for {fix.before!r}"
    first = found[0]
    fixed = fix.before[: first.start] + first.replacements[0] + fix.before[first.end :]
    assert fixed == fix.after
