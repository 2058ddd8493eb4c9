"""The real-word slip model's context features and file format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proselint_fic.bucketed import ModelFileError
from proselint_fic.checks.real_words.features import (
    BOUNDARY,
    context,
    features,
    paragraph_ranges,
)
from proselint_fic.checks.real_words.model import ConfusionSet, SlipModel, dumps, loads
from proselint_fic.document.words import find_words


def _context_of(text: str, word: str) -> tuple[list[str], list[str]]:
    words = find_words(text)
    index = words.folded.index(word)
    return context(
        text, words.folded, words.starts, words.ends, index, first=0, last=len(words) - 1
    )


def test_marks_are_tokens_nearest_first() -> None:
    assert _context_of('He said. "Their coats, by then', "their") == (['"', "."], ["coats", ","])


def test_the_paragraph_edge_ends_the_context() -> None:
    assert _context_of("Form a line.", "form") == ([BOUNDARY], ["a", "line"])
    assert _context_of("walked form", "form") == (["walked", BOUNDARY], [BOUNDARY])


def test_runs_of_one_mark_are_one_token_and_emphasis_is_ignored() -> None:
    left, right = _context_of("Wait... *quite* so -- he", "quite")
    assert left == [".", "wait"] and right == ["so", "-"]


def test_features_pair_the_neighbours() -> None:
    assert features(["walked"], ["the", "room"]) == [
        "a:walked",
        "b:the",
        "e:walked_the",
        "d:the room",
        "g:room",
    ]


def test_paragraph_ranges_skip_paragraphs_without_words() -> None:
    text = "One two.\n\n...\n\nThree."
    words = find_words(text)
    assert paragraph_ranges(words.starts, [(0, 8), (10, 13), (15, 21)]) == [(0, 1), (2, 2)]


def _model() -> SlipModel:
    confusion = ConfusionSet(("form", "from"), (0.5, -0.5), {"form": (("from", 1.0),)})
    return SlipModel((confusion,), {"0|a:walked": "-2.00 2.00"}, "a test")


def test_a_model_file_reads_back_and_scores_a_context() -> None:
    model = loads(dumps(_model()))
    assert model.sets_for() == {"form": (0,)}
    assert model.scores(0, ["a:walked", "b:the"]) == [-1.5, 1.5]
    assert model.scores(0, ["b:the"]) == [0.5, -0.5]


def test_a_damaged_model_file_is_refused_with_a_reason() -> None:
    data = dumps(_model())
    with pytest.raises(ModelFileError, match="length"):
        loads(data[:-3])
    with pytest.raises(ModelFileError, match="header"):
        loads(b"not json\n" + data.partition(b"\n")[2])


def test_the_shipped_model_reads_and_names_its_training_text() -> None:
    from proselint_fic.checks.real_words.model import shipped_model

    model = shipped_model()
    assert "public-domain" in model.trained_on
    assert model.sets, "the shipped model has no pairs"
    reportable = model.sets_for()
    assert "knew" not in reportable or reportable["knew"]  # every entry names its sets
    for confusion in model.sets:
        assert len(confusion.words) == len(confusion.bias) == 2
        for written, directions in confusion.slips.items():
            assert written in confusion.words
            assert all(meant in confusion.words and margin >= 0 for meant, margin in directions)


_CHECK_JSON = (sys.executable, "-m", "proselint_fic", "check", "--format", "json")


def test_the_cli_reports_a_real_word_slip_with_its_fix(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("He new the truth, and it broke him.\n", encoding="utf-8")
    result = subprocess.run(
        [*_CHECK_JSON, "--select", "typo.real-word", str(story)],
        capture_output=True,
        text=True,
        check=False,
    )
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["rule"], d["column"], d["replacements"]) for d in found] == [
        ("typo.real-word", 4, ["knew"])
    ]
