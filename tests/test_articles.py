"""The article a word takes, read from its spelling."""

from __future__ import annotations

import pytest

from proselint_fic import lint_text
from proselint_fic.checks.articles import expected_article


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("apple", "an"),
        ("Israeli", "an"),
        ("hour", "an"),
        ("honourable", "an"),
        ("heiress", "an"),
        ("house", "a"),
        ("unicorn", "a"),
        ("university", "a"),
        ("union", "a"),
        ("unimportant", "an"),
        ("unidentified", "an"),
        ("unusual", "an"),
        ("Uber", "an"),
        ("useful", "a"),
        ("usher", "an"),
        ("European", "a"),
        ("ewe", "a"),
        ("one", "a"),
        ("one-off", "a"),
        ("onerous", "an"),
        ("X-ray", "an"),
        ("U-turn", "a"),
        ("8-year-old", "an"),
        ("18th-century", "an"),
        ("11", "an"),
        ("1800s", "an"),
        ("180-degree", "a"),
        ("100", "a"),
    ],
)
def test_the_article_follows_the_sound(word: str, article: str) -> None:
    assert expected_article(word) == article


@pytest.mark.parametrize("word", ["historic", "hotel", "NATO", "NHS", "is", "him", "F", "élan"])
def test_no_article_is_asked_where_either_is_written_or_the_sound_is_unknown(word: str) -> None:
    assert expected_article(word) is None


def test_the_library_reports_and_fixes_an_article() -> None:
    found = lint_text("It took him a hour to walk there.")
    found = [d for d in found if d.rule == "typo.indefinite-article"]
    assert [(d.column, d.replacements) for d in found] == [(13, ("an",))]
