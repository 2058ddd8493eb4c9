"""Text messages and chat lines: a character's words in the register of texting."""

from __future__ import annotations

import pytest

from proselint_fic import Linter
from proselint_fic.document import Document


def message_bodies(text: str) -> list[str]:
    document = Document(text)
    return [text[span.start : span.end] for span in document.messages]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        (
            "Dad: good luck kiddo!!! mom and I r in section F",
            "good luck kiddo!!! mom and I r in section F",
        ),
        ("Auntie Bea: bring salt. the good salt.", "bring salt. the good salt."),
        ("**@solace_official:** on my way. ETA 20 min.", "on my way. ETA 20 min."),
        ("*Mara:* where r u", "where r u"),
        ("[MSG — K. VOSS — 14:22] still waiting on ur answer.", "still waiting on ur answer."),
        ("**Subject:** are you ok???", "are you ok???"),
    ],
)
def test_a_line_that_opens_with_a_sender_label_is_a_message(line: str, body: str) -> None:
    assert message_bodies(f"She looks at her phone.\n\n{line}\n\nShe sighs.") == [body]


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 3: The Fall",
        "The plan was simple: run.",
        "Rule one: never look back.",
        "She said it twice: go home.",
        "Dad: the first line of a paragraph\nthat goes on over a second line.",
    ],
)
def test_headings_narration_and_long_paragraphs_are_not_messages(line: str) -> None:
    assert message_bodies(line) == []


def test_a_message_counts_as_dialogue() -> None:
    text = "My phone buzzed.\n\nDad: see u soon. love u\n\nI put it away."
    document = Document(text)
    assert document.in_dialogue(text.index("love"))
    assert not document.in_dialogue(text.index("buzzed"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(discover_config=False, entry_points=False)


def test_texting_draws_no_narration_diagnostics(linter: Linter) -> None:
    text = (
        "My phone buzzed in my pocket. It was my dad.\n\n"
        "Dad: good luck kiddo!!! mom and I r in section F. look for the sign\n\n"
        "Dad: the sign is v embarrassing. sorry in advance\n\n"
        "I laughed and showed it to Keisha, and she laughed too.\n"
    )
    assert linter.lint_text(text, path="race.txt") == []


def test_a_slip_in_the_narration_around_a_message_is_still_found(linter: Linter) -> None:
    text = (
        "My phone buzzed in my pocket. It was my dad.\n\n"
        "Dad: running late. save me a seat\n\n"
        "I laughed. And then.she walks in, and the room went quiet.\n"
    )
    rules = {d.rule for d in linter.lint_text(text, path="race.txt")}
    assert "ellipsis.glued-lowercase" in rules
