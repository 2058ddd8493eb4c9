"""Where the tense rules find a finite verb: subjects and clause openings the position
rules must recognise, and forms they must not read as verbs."""

from __future__ import annotations

import pytest

from helpers import tense_flags
from proselint_fic.checks.tense import rules

SLIP = next(rule for rule in rules() if rule.meta.id == "tense.slip")


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # a plain verb form straight after an article is a noun, the subject's head
        (
            "Wren stirs the pot. The fire crackles, and a log shifted in the grate. She adds "
            "salt and tastes the broth.",
            "shifted",
        ),
        # a form after a number is a noun, not the verb the subject is waiting for
        (
            "Ada lit the lamp in the hall. She carried it to the kitchen. The new bulb burns "
            "for ten minutes and then died. She sighed. She fetched a candle from the drawer.",
            "burns",
        ),
        # "looks like": the verb of perception before "like"
        (
            "Hal parked by the gate. He climbed out of the truck. The barn looks like it had "
            "been empty for years. He walked to the door. He knocked twice.",
            "looks",
        ),
        # adverbials that open a clause before its subject
        (
            "Nell lay awake in the dark. She listened to the rain. Somewhere a dog barks. She "
            "pulled the blanket over her head. She closed her eyes.",
            "barks",
        ),
        (
            "Theo reads by the fire, and at some point he dozed off. The book slides from his "
            "lap. The clock ticks.",
            "dozed",
        ),
        # a noun that is also an adjective, then "and" and a verb with its preposition
        (
            "Bram waits by the lamp. Bram steps away from the light and wandered toward the "
            "gate. He whistles for the dog. The dog ignores him. He sighs.",
            "wandered",
        ),
        # a bare "a dog" after a comma is a spliced clause, not an appositive
        (
            "Iris sets out a bowl. She fills it with soup, a dog barked outside. Her brother "
            "sits down. He eats.",
            "barked",
        ),
        # a verb of position before its subject, after a fronted place
        (
            "Petra followed the path past the mill. She crossed the stream, and beyond the "
            "last field stands a ruined chapel. She climbed the wall. She walked toward it. "
            "The door hung open.",
            "stands",
        ),
    ],
)
def test_slips_found_by_position(text: str, slip: str) -> None:
    assert tense_flags(text) == [slip]


@pytest.mark.parametrize(
    "text",
    [
        # a definite noun takes a clause of its own: not a fronted time phrase
        "Theo reads by the fire. On the day she left, it rained. The book slides from his "
        "lap. The clock ticks.",
        # past forms that describe a noun rather than narrate
        "Iris sets a bowl on the table. She hands him a spoon, a heavy old thing polished to "
        "a shine. Her brother eats in silence.",
        "Iris sets a bowl on the table. She fills it with soup. Her brother sits down. The "
        "big painted sign still hangs over the door.",
        "Otto waits at the desk with his coat on and his hat pressed to his chest. The clerk "
        "ignores him. He coughs.",
        "Juno wears a bright and faded dress. She pours the tea. The cat sleeps.",
    ],
)
def test_not_slips(text: str) -> None:
    assert tense_flags(text) == []


def test_plurals_joined_in_a_gerunds_object_are_nouns() -> None:
    text = (
        "He walked to the car that morning. The sky was grey, and the wind blew hard. "
        "He grabbed the keys and runs to the door. She picked up the bags and walks out. "
        "He went slowly, climbing faces of jagged rock, finding cracks and creases for "
        "support. They brought apples and pears. The rain came down. Nobody spoke."
    )
    assert tense_flags(text) == ["runs", "walks"]
