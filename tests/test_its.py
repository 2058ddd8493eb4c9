"""its and it's told apart by the next word."""

from __future__ import annotations

from proselint_fic import lint_text
from proselint_fic.checks.its import its_table


def _its_fixes(text: str) -> list[tuple[str, ...]]:
    found = [d for d in lint_text(text) if d.rule == "punctuation.its-apostrophe"]
    return [d.replacements for d in found]


def test_the_table_holds_both_sides() -> None:
    table = its_table()
    assert table["eyes"] == "its" and table["own"] == "its"
    assert table["been"] == "it's" and table["not"] == "it's"


def test_a_curly_text_gets_a_curly_fix_and_the_case_is_kept() -> None:
    text = "\u201cWell, its not fair,\u201d she said. It\u2019s eyes were black; it\u2019s cold."
    assert _its_fixes(text) == [("it\u2019s",), ("Its",)]


def test_possessives_joined_or_after_a_preposition_pass() -> None:
    text = "She felt convinced of its right and its wrong, and nothing could prevent its going."
    assert _its_fixes(text) == []
