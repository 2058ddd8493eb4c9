"""Punctuation, dialogue, repetition and word-choice rules: behaviour beyond their examples.

Each rule's own flag/pass/fix examples run in ``test_rule_examples.py``. Here: document
habits, markup, the dialogue map, the real sample and a published novel, and the speed of
the code rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proselint_fic import Linter
from proselint_fic.checks import dialogue, punctuation, repetition
from proselint_fic.diagnostic import Diagnostic

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FAMILIES = ["punctuation", "repetition", "dialogue", "style", "grammar"]
MY_CATEGORIES = {"punctuation", "repetition", "style", "grammar"}

_LINTERS: dict[tuple[str, ...], Linter] = {}


def lint(text: str, *select: str, markup: str | None = None) -> list[Diagnostic]:
    key = select or tuple(FAMILIES)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(select=list(key), discover_config=False, entry_points=False)
    found = _LINTERS[key].lint_text(text, markup=markup)  # type: ignore[arg-type]
    return [d for d in found if d.category in MY_CATEGORIES]


def flagged(text: str, *select: str, markup: str | None = None) -> list[str]:
    return [text[d.start : d.end] for d in lint(text, *select, markup=markup)]


def fixed(text: str, *select: str) -> str:
    """``text`` with the first replacement of every diagnostic applied."""
    diagnostics = sorted(lint(text, *select), key=lambda d: d.start, reverse=True)
    for d in diagnostics:
        if d.replacements:
            text = text[: d.start] + d.replacements[0] + text[d.end :]
    return text


# --- the rule modules --------------------------------------------------------------------


def test_code_rule_ids_are_unique_and_in_their_families() -> None:
    rules = [*punctuation.rules(), *dialogue.rules(), *repetition.rules()]
    ids = [rule.meta.id for rule in rules]
    assert len(ids) == len(set(ids))
    assert all(rule.meta.category in {"punctuation", "repetition"} for rule in rules)
    assert {i.split(".")[0] for i in ids} == {"punctuation", "dialogue", "repetition"}


def test_low_severity_dialogue_rules_are_off_by_default() -> None:
    off = {rule.meta.id for rule in dialogue.rules() if not rule.meta.enabled_by_default}
    assert off == {"dialogue.tag-adverb", "dialogue.said-bookism"}


# --- hyphens and dashes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My mother-in-law is a happy-go-lucky, up-to-date sort.",
        "A state-of-the-art jack-in-the-box and a will-o'-the-wisp.",
        '"I-I can\'t," she said. "B-but why? Wh-what now?"',
        "The yellow-haired girl was twenty-one and self-aware.",
        "It ran from 1990-1995, pages 3-5. Jean-Luc agreed.",
        "A grown-up, a cure-all, a break-even year, an adults-only bar.",
        "A do-it-yourself kit and a know-it-all.",
        '"I was just- I mean, forget it."',
        "Both pre- and post-war housing were cheap.",
    ],
)
def test_compounds_stutters_and_ranges_are_not_dashes(text: str) -> None:
    assert flagged(text, "punctuation") == []


def test_hyphen_as_dash_fix_uses_the_documents_dash() -> None:
    em = "She ran—fast—away. The Shanshu-the whole kit."
    assert fixed(em, "punctuation.hyphen-as-dash").endswith("Shanshu—the whole kit.")
    double = "She ran--fast--away. Then--gone. The Shanshu-the whole kit."
    assert fixed(double, "punctuation.hyphen-as-dash").endswith("Shanshu--the whole kit.")


def test_double_hyphen_is_a_habit_in_a_double_hyphen_text() -> None:
    habit = "Mr. Darcy;--and then--nothing. She went--quickly--home."
    assert flagged(habit, "punctuation.dash-habit") == []
    mixed = "She ran—fast—away. He followed—slowly—and then -- gone."
    assert flagged(mixed, "punctuation.dash-habit") == [" -- "]
    assert fixed(mixed, "punctuation.dash-habit").endswith("and then—gone.")


# --- spaces --------------------------------------------------------------------------------


def test_space_before_mark_keeps_blanked_emphasis() -> None:
    # Emphasis markers are blanked to spaces in the prose; they are not stray spaces.
    for markup in ("plain", "markdown"):
        assert flagged('"It was *twelve*." She said *three*, then *four*?', markup=markup) == []
    assert fixed("It was *twelve* .", "punctuation.space-before") == "It was *twelve*."


def test_space_before_semicolon_is_a_habit_when_the_text_does_it_throughout() -> None:
    old = "He came ; he saw ; he left. She stayed ; she wept ; she wrote : nothing more."
    assert flagged(old, "punctuation.space-before") == []
    slip = "He came; he saw; he left. She stayed; she wept ; she wrote: nothing more."
    assert flagged(slip, "punctuation.space-before") == [" ;"]


def test_space_before_and_missing_after_make_one_fix() -> None:
    assert fixed("He sat down ,picked up a fork.") == "He sat down, picked up a fork."


def test_missing_space_around_quotes_follows_the_dialogue_map() -> None:
    assert fixed('She said,"Hello."') == 'She said, "Hello."'
    assert fixed('"Hello,"she said.') == '"Hello," she said.'


def test_quote_space_ignores_blanked_emphasis() -> None:
    assert flagged('"*Kaz!*" she shouted.', "punctuation.quote-space") == []
    assert flagged('" Kaz!" she shouted.', "punctuation.quote-space") == ['" ']


# --- document styles -----------------------------------------------------------------------


def test_mixed_ellipses_are_fixed_to_the_dominant_style() -> None:
    text = "Wait… no… stop… please. Then... nothing."
    assert flagged(text, "punctuation.mixed-ellipsis") == ["..."]
    assert fixed(text, "punctuation.mixed-ellipsis").endswith("Then… nothing.")


def test_mixed_quotes_flag_the_minority_style() -> None:
    text = '“Come in,” she said. “Sit.” “Tea?” “Milk?” "No."'
    assert flagged(text, "punctuation.mixed-quotes") == ['"', '"']
    assert fixed(text, "punctuation.mixed-quotes").endswith("“No.”")


def test_style_mixed_without_a_clear_majority_is_reported_once() -> None:
    # Below four marks in five for one style, the text has no style to fix towards:
    # one report for the document, not one for every mark of the smaller style.
    quotes = '“Come in,” she said. "Sit." “Tea?” "No." “Fine.” "Good."'
    assert flagged(quotes, "punctuation.mixed-quotes") == ['"']
    ellipses = "Wait… no… stop… please. Then... nothing... at all."
    assert flagged(ellipses, "punctuation.mixed-ellipsis") == ["..."]
    dashes = "She ran—fast—away—far. He followed -- too late -- and -- lost."
    assert flagged(dashes, "punctuation.dash-habit") == [" -- "]


def test_a_minority_style_written_again_and_again_is_reported_once() -> None:
    # Five straight apostrophes among many curly quotes are a habit (the keyboard's),
    # however clear the majority: one report, with the count, not five.
    speech = "“Don’t,” she said. “It’s late.” “I’m tired.” “We’re done.” " * 6
    text = speech + "It's late. I'm tired. Don't go. We're done. That's all."
    reports = flagged(text, "punctuation.mixed-quotes")
    assert reports == ["'"]
    few = speech + "It's late. I'm tired."
    assert flagged(few, "punctuation.mixed-quotes") == ["'", "'"]


def test_style_consistency_rules_are_info() -> None:
    from proselint_fic import Linter

    text = "Wait… no… stop… please. Then... nothing."
    (diagnostic,) = [d for d in Linter().lint_text(text) if d.rule == "punctuation.mixed-ellipsis"]
    assert diagnostic.severity.value == "info"


def test_repeated_marks_are_a_habit_past_three() -> None:
    once = "He was gone!! Just like that."
    assert flagged(once, "punctuation.repeated-marks") == ["!!"]
    habit = "Gone!! Just gone!! And then?? Nothing!!"
    assert flagged(habit, "punctuation.repeated-marks") == []


def test_unbalanced_quotes_allow_speech_over_paragraphs() -> None:
    runs_on = '"It began long ago.\n\n"And it never ended," he said.'
    assert flagged(runs_on, "punctuation.unbalanced-quotes") == []
    unclosed = "\"I'm leaving, she said.\n\nHe did not look up."
    assert flagged(unclosed, "punctuation.unbalanced-quotes") == ["leaving,"]


def test_an_unclosed_quote_is_reported_where_its_mark_was_lost() -> None:
    rule = "punctuation.unbalanced-quotes"
    # Before a tag read inside the open quote, with the fix that closes it there.
    assert fixed("“When will you see her? said the signora.\n\n“See whom?”", rule) == (
        "“When will you see her?” said the signora.\n\n“See whom?”"
    )
    # A single quote closing a double-quoted speech.
    assert fixed("“Will you do it?’\n\n“I will.”", rule) == "“Will you do it?”\n\n“I will.”"
    # After the last word, when the next paragraph is another speaker's reply...
    answered = (
        "“It was a maxim of his,” said Mrs. Badger, “that it is never too hot.\n\n"
        "“To all professions,” observed Mr. Badger."
    )
    assert flagged(answered, rule) == ["hot."]
    # ... but not when the same speaker goes on, or nobody is named.
    same = "“It began,” said Mrs. Badger, “long ago.\n\n“And then,” said Mrs. Badger, “it ended.”"
    assert flagged(same, rule) == []
    unnamed = "“It began long ago.\n\n“And then,” said Mr. Badger, “it ended.”"
    assert flagged(unnamed, rule) == []
    # A story told inside the speech, whose own speakers take turns.
    told = "“‘How many?’ said he.\n\n“‘Four,’ said I.\n\n“And so it went.”"
    assert flagged(told, rule) == []


# --- doubled words -----------------------------------------------------------------------


def test_doubled_word_across_a_line_break_but_not_a_paragraph() -> None:
    assert flagged("He looked at the\nthe door.", "repetition") == ["the\nthe"]
    assert flagged("He looked at the\n\nthe door.", "repetition") == []


def test_doubled_word_inside_dialogue() -> None:
    assert flagged('"Your way nearly nearly got us killed."', "repetition") == ["nearly nearly"]
    assert flagged('"It\'s very very bad. Please please go."', "repetition") == []
    # a doubled "very" or "really" is deliberate anywhere; other intensifiers only in speech
    assert flagged("It was very very bad.", "repetition") == []
    assert flagged("It was far far worse.", "repetition") == ["far far"]


def test_doubled_word_fix_keeps_the_first_word() -> None:
    assert fixed("\"That's that's something.\"", "repetition") == '"That\'s something."'


# --- dialogue --------------------------------------------------------------------------------


CLEAN_DIALOGUE = """\
"I don't know," she said, and smiled. "Maybe tomorrow."

He shrugged. "Fine." He turned away, then looked back. "You coming or not?"

"Well," Harry began, "it's complicated." He rubbed his neck.

"Stop," she pleaded, reaching for him. "Please, please don't go."

"No, no, no," Ron muttered. "This is very very bad."

"Hey." Mom leaned into the doorway. "Dinner's ready."

'Come in,' she said. 'The kettle's on.' She smiled. 'Tea?'

"Well, well, well," said the inspector. "What have we here?"

"I was just-" she started, then stopped.

"Did you—"

"No." She didn't let him finish. "I didn't."

"It began long ago," the old man said.

"And it never ended. We fought, and we lost.

"That is the story of this valley."

"It was last month," Freya pointed out.
"""


def test_clean_dialogue_is_left_alone() -> None:
    assert lint(CLEAN_DIALOGUE) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('"I do." he said.', '"I do," he said.'),
        ('"I do" she said.', '"I do," she said.'),
        ('"I do," She said.', '"I do," she said.'),
        ('"I do," she smiles.', '"I do." She smiles.'),
        ('"Sure," Harry shrugged.', '"Sure." Harry shrugged.'),
        ('"Really?" she grins.', '"Really?" She grins.'),
    ],
)
def test_dialogue_fixes(before: str, after: str) -> None:
    assert fixed(before, "dialogue") == after


# --- the real sample and a published novel --------------------------------------------


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/corpus")
def test_real_sample_defects_are_flagged_with_fixes() -> None:
    text = (SHARED / "000_961a77e3023996bd.txt").read_text(encoding="utf-8")
    found = {text[d.start : d.end + 6]: d.replacements for d in lint(text)}
    wanted = {"- disc": "-", "-the w": "—", "-I tho": "—", "neck-breaking speed": ""}
    for start, fix in wanted.items():
        hits = [(span, fixes) for span, fixes in found.items() if span.startswith(start)]
        assert hits, f"{start!r} not flagged"
        assert hits[0][1], f"{start!r} has no fix"
        if fix:
            assert hits[0][1][0] == fix


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/corpus")
def test_published_novel_stays_quiet() -> None:
    # Speed is measured by `benchmarks/bench.py --per-rule`, not asserted here.
    text = (SHARED / "gutenberg" / "pride_and_prejudice.txt").read_text(encoding="utf-8")
    words = len(text.split())
    assert len(lint(text)) <= 2 * words / 10_000
