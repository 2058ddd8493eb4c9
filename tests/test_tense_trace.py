"""`proselint-fic explain --trace FILE:LINE`: how the tense rules read one line."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli
from proselint_fic import Linter
from proselint_fic.checks.tense.trace import trace_line

SCENE = (
    "The hallway is dark. She presses her ear to the wood. Nothing moves.\n"
    "She stepped aside. The lock clicks, and she waits before she enters.\n"
)


def test_the_trace_names_each_verb_its_clause_and_its_verdict(tmp_path: Path) -> None:
    story = tmp_path / "scene.txt"
    story.write_text(SCENE, encoding="utf-8")
    done = run_cli("explain", "--trace", f"{story}:2")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "sentence at 2:1: She stepped aside." in out
    assert "tokens: She/PRP stepped/VBD aside/RB ./." in out
    assert "scene tense: present" in out
    assert "verb 'stepped' past, subject 'she' (pronoun), main clause, votes -> slip" in out
    assert "verb 'enters' present" in out and "subordinate (before) clause" in out
    # Line 1 is not traced when line 2 is asked for.
    assert "The hallway is dark" not in out


def test_the_trace_gives_the_reason_a_shift_is_left_alone() -> None:
    text = (
        "Mara waits by the window. She counts the cars. She had lived here once, and "
        "the street was quiet then. She sighs. The kettle whistles. She pours the tea.\n"
    )
    document = Linter().document_for(text, path="scene.txt")
    [*_, flashback, _, _, _] = trace_line(document, 1)
    verdicts = {verb.word: (verb.verdict, verb.reason) for verb in flashback.verbs}
    assert verdicts["was"][0] == "not reported"
    assert "past perfect" in verdicts["was"][1]


def test_a_bad_trace_target_is_a_clear_error(tmp_path: Path) -> None:
    done = run_cli("explain", "--trace", "no-line-number")
    assert done.returncode == 2 and "FILE:LINE" in done.stderr
    done = run_cli("explain", "--trace", f"{tmp_path / 'missing.txt'}:1")
    assert done.returncode == 2 and "no such file" in done.stderr
    assert "Traceback" not in done.stderr
    done = run_cli("explain")
    assert done.returncode == 2 and "rule id" in done.stderr


def test_a_line_without_narration_says_so(tmp_path: Path) -> None:
    story = tmp_path / "talk.txt"
    story.write_text('"We go now," she said.\n\n"Now."\n', encoding="utf-8")
    done = run_cli("explain", "--trace", f"{story}:3")
    assert done.returncode == 0
    assert "No narration sentence" in done.stdout
