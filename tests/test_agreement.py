"""grammar.subject-verb-agreement through the library API and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proselint_fic import Linter

RULE = "grammar.subject-verb-agreement"


def flagged(text: str) -> list[tuple[str, tuple[str, ...]]]:
    linter = Linter(select=[RULE], discover_config=False)
    return [(text[d.start : d.end], d.replacements) for d in linter.lint_text(text)]


PAST = (
    "She waited by the door. The hall was cold. The lamps burned low. Rain hit the glass. "
    "She counted the steps. Somewhere a dog barked. "
)
PRESENT = (
    "She waits by the door. The hall is cold. The lamps burn low. Rain hits the glass. "
    "She counts the steps. Somewhere a dog barks. "
)


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        (PAST + "He check the time again.", "check", "checked"),
        (PRESENT + "He check the time again.", "check", "checks"),
        (PRESENT + "I addresses her by name.", "addresses", "address"),
        (PAST + "They walks to the car.", "walks", "walked"),
        (PAST + "The umbrella which he hold drips.", "hold", "held"),
        (PAST + "He never check the lock.", "check", "checked"),
    ],
)
def test_agreement_slips_get_the_scene_tense_first(text: str, word: str, fix: str) -> None:
    [(found, fixes)] = flagged(text)
    assert (found, fixes[0]) == (word, fix)


@pytest.mark.parametrize(
    "text",
    [
        "Did he go? Let it be. They made her stay.",
        "He put the cup down. She cut the bread. He saw it; she found it.",
        "He need not know. She dare not look.",
        "She insisted that he go at once.",
        "They watched it fall. We girls laughed. You kids run along.",
        '"He don\'t know nothing," she said.',
        "She sure is quick. He alone knew.",
    ],
)
def test_shapes_that_agree_or_are_grammar_pass(text: str) -> None:
    assert flagged(text) == []


def test_agreement_through_the_command_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(PAST + "He check the time again.\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "proselint_fic",
            "check",
            "--select",
            RULE,
            "--format",
            "json",
            str(story),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    [diagnostic] = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["category"] == "grammar"
    assert diagnostic["replacements"][0] == "checked"
