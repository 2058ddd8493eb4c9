"""`MetaRule`, the base of code rules whose only state is their metadata."""

from __future__ import annotations

import pytest

from proselint_fic import Linter, Match
from proselint_fic.document import Document
from proselint_fic.rule import MetaRule, RuleMeta, describe


def _meta(rule_id: str) -> RuleMeta:
    return describe(
        rule_id,
        category="style",
        summary="A test rule.",
        message="Fix it.",
        docs="A rule for this test.",
        flags=[],
        passes=[],
    )


class _Quiet(MetaRule):
    def check(self, document: Document) -> list[Match]:
        return []


def test_a_metadata_rule_is_immutable_and_equal_by_its_metadata() -> None:
    first, same, other = (
        _Quiet(_meta("test.one")),
        _Quiet(_meta("test.one")),
        _Quiet(_meta("test.two")),
    )
    assert first == same and hash(first) == hash(same)
    assert first != other
    assert "test.one" in repr(first)
    with pytest.raises(AttributeError):
        first.meta = other.meta  # type: ignore[misc]
    with pytest.raises(AttributeError):
        first.anything = 1


def test_built_in_rules_on_the_base_keep_their_cached_patterns() -> None:
    linter = Linter(discover_config=False, entry_points=False, select=["punctuation.space-before"])
    assert [d.rule for d in linter.lint_text("Why ? Because , I said.")] == [
        "punctuation.space-before",
        "punctuation.space-before",
    ]
