"""The tense rules: the scene model, the verb table, the examples, and the corpus figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import tense_flags
from proselint_fic.checks.tense import rules
from proselint_fic.checks.tense.lexicon import in_other_tense, tables
from proselint_fic.checks.tense.model import analyse
from proselint_fic.diagnostic import Severity
from proselint_fic.document import Document
from proselint_fic.rule import Rule

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RULES = {rule.meta.id: rule for rule in rules()}


# -- the verb table ---------------------------------------------------------------------


def test_table_knows_irregular_and_regular_forms() -> None:
    table = tables()
    assert table.past["swam"] == "swim"
    assert table.third["tightens"] == "tighten"
    assert table.base_lemma("are") == "be"
    assert "swum" in table.participles
    assert table.is_nominal("hands")
    assert not table.is_nominal("tightens")


@pytest.mark.parametrize(
    ("word", "tense", "third", "first", "expected"),
    [
        ("was", "present", True, False, "is"),
        ("was", "present", False, True, "am"),
        ("were", "present", False, False, "are"),
        ("swam", "present", True, False, "swims"),
        ("swam", "present", False, False, "swim"),
        ("is", "past", True, False, "was"),
        ("are", "past", False, False, "were"),
        ("falls", "past", True, False, "fell"),
        ("didn't", "present", True, False, "doesn't"),
        ("doesn't", "past", True, False, "didn't"),
        ("can", "past", True, False, "could"),
        ("Went", "present", True, False, "Goes"),
        ("walked", "present", True, False, "walks"),
        ("gadzooked", "present", True, False, ""),
    ],
)
def test_in_other_tense(word: str, tense: str, third: bool, first: bool, expected: str) -> None:
    got = in_other_tense(word, tense, third_person=third, first_singular=first)  # type: ignore[arg-type]
    assert got == expected


def test_run_time_never_imports_lemminflect_or_numpy() -> None:
    code = (
        "import sys\n"
        "from proselint_fic.document import Document\n"
        "from proselint_fic.checks.tense import rules\n"
        "doc = Document('She opens the door. She walked in. She sits down. She waits.')\n"
        "print(sum(len(list(r.check(doc))) for r in rules()))\n"
        "print('lemminflect' in sys.modules, 'numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[1] == "False False"


# -- the rules and their examples -------------------------------------------------------


def test_rules_meet_the_contract() -> None:
    assert set(RULES) == {"tense.slip", "tense.mixed-scene", "tense.weak-slip"}
    for rule in RULES.values():
        assert isinstance(rule, Rule)
        assert rule.meta.category == "tense"
        assert rule.meta.scope == "narration"
    assert RULES["tense.slip"].meta.severity is Severity.WARNING
    assert RULES["tense.weak-slip"].meta.severity is Severity.INFO
    assert not RULES["tense.weak-slip"].meta.enabled_by_default


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(rule_id, text) for rule_id, rule in RULES.items() for text in rule.meta.flags],
)
def test_flags_examples(rule_id: str, text: str) -> None:
    assert tense_flags(text, rule_id)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(rule_id, text) for rule_id, rule in RULES.items() for text in rule.meta.passes],
)
def test_passes_examples(rule_id: str, text: str) -> None:
    assert tense_flags(text, rule_id) == []


def test_fix_examples() -> None:
    for rule in RULES.values():
        for fix in rule.meta.fixes:
            match = next(iter(rule.check(Document(fix.before))))
            fixed = fix.before[: match.start] + match.replacements[0] + fix.before[match.end :]
            assert fixed == fix.after


# -- behaviour ----------------------------------------------------------------------------

PRESENT = (
    "Odile opens the gate and crosses the yard. The dog barks once. She knocks on the "
    "door and waits. Nobody answers. She tries the handle. It turns."
)


def test_message_names_scene_tense_and_suggests_the_verb() -> None:
    document = Document(PRESENT + " She stepped inside. The hall smells of smoke.")
    [match] = RULES["tense.slip"].check(document)
    assert document.text[match.start : match.end] == "stepped"
    assert match.replacements == ("steps",)
    assert match.message is not None
    assert "present tense" in match.message and "'steps'" in match.message


def test_past_tense_narration_flags_present_verbs() -> None:
    text = (
        "He opened the door and sees her. She was standing by the window with her coat "
        "still on. He crossed the room. She turned around and smiled at him."
    )
    assert tense_flags(text) == ["sees"]


def test_dialogue_and_thoughts_are_not_narration() -> None:
    text = PRESENT + ' "I walked here," she says. *He never came back.* She sits down.'
    assert tense_flags(text) == []


def test_flashback_in_past_perfect_and_its_simple_past_are_left_alone() -> None:
    text = (
        PRESENT + " Years ago, her father had built this house. He laid every stone himself. "
        "He planted the apple trees. Now she stands in his kitchen and listens."
    )
    assert tense_flags(text) == []


def test_now_ties_a_past_verb_to_the_present() -> None:
    text = PRESENT + " The summer had made her into the person she was now. She sighs."
    assert tense_flags(text) == ["was"]


def test_scenes_keep_their_own_tense() -> None:
    past = (
        "Years earlier, the house was full. Her father cooked on Sundays. Her brothers "
        "fought over the last potato. Her mother laughed at them and poured the wine."
    )
    assert tense_flags(PRESENT + "\n\n* * *\n\n" + past) == []


def test_configured_tense_decides_and_a_scene_in_the_other_tense_is_reported_once() -> None:
    text = PRESENT + " She stepped inside."
    assert tense_flags(text, tense="present") == ["stepped"]
    assert tense_flags(text, tense="past") == []
    assert len(tense_flags(text, "tense.mixed-scene", tense="past")) == 1


def test_a_mixed_scene_is_reported_once() -> None:
    meta = RULES["tense.mixed-scene"].meta
    assert len(tense_flags(meta.flags[0], "tense.mixed-scene")) == 1
    assert tense_flags(meta.flags[0], "tense.slip") == []


def test_hard_wrapped_paragraphs_keep_dialogue_masked() -> None:
    text = (
        'She opened the letter at the table. "I know what you\ndid," it said, and '
        "she read it\ntwice. She folded it again and put it away. She went upstairs."
    )
    assert tense_flags(text) == []


def test_analysis_is_shared_by_the_three_rules() -> None:
    document = Document(PRESENT)
    assert analyse(document) is analyse(document)


# -- measured figures (skipped when the shared corpus is not checked out) ---------------


def _skip_without(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not available")


def test_sample_flags_only_the_known_slip() -> None:
    path = SHARED / "000_961a77e3023996bd.txt"
    _skip_without(path)
    document = Document(path.read_text(encoding="utf-8"))
    found = [
        (document.lines.position(m.start), document.text[m.start : m.end])
        for rule_id in ("tense.slip", "tense.mixed-scene")
        for m in RULES[rule_id].check(document)
    ]
    assert found == [((122, 174), "was")]


def test_pride_and_prejudice_stays_quiet() -> None:
    path = SHARED / "gutenberg" / "pride_and_prejudice.txt"
    _skip_without(path)
    text = path.read_text(encoding="utf-8")
    document = Document(text)
    hits = sum(len(list(RULES[r].check(document))) for r in ("tense.slip", "tense.mixed-scene"))
    assert hits <= len(text.split()) / 10_000


def test_dev_corpus_thresholds() -> None:
    root = SHARED / "dev"
    _skip_without(root / "gold.jsonl")
    gold = [json.loads(line) for line in (root / "gold.jsonl").read_text().splitlines()]
    gold = [g for g in gold if g["category"] == "tense"]
    manifest = [json.loads(line) for line in (root / "manifest.jsonl").read_text().splitlines()]
    true_positives = case_false = clean_false = clean_words = 0
    for entry in manifest:
        document = Document((root / entry["path"]).read_text(encoding="utf-8"))
        expected = {(g["line"], g["column"]) for g in gold if g["path"] == entry["path"]}
        for rule_id in ("tense.slip", "tense.mixed-scene"):
            for match in RULES[rule_id].check(document):
                if document.lines.position(match.start) in expected:
                    true_positives += 1
                elif entry["path"].startswith("clean/"):
                    clean_false += 1
                else:
                    case_false += 1
        if entry["path"].startswith("clean/"):
            clean_words += entry["words"]
    assert true_positives / len(gold) >= 0.80
    assert true_positives / (true_positives + case_false) >= 0.90
    assert clean_false / clean_words * 1000 <= 0.3
