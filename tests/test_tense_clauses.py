"""When a verb in the other tense is a slip: subordinate clauses of time, the reach of a
time expression, and indefinite subjects in the scene."""

from __future__ import annotations

import pytest

from helpers import tense_flags
from proselint_fic.checks.tense import rules

RULES = {rule.meta.id: rule for rule in rules()}

MORNING = (
    "Mara opens the shutters. The street below is empty. She makes coffee and drinks it at "
    "the window. "
)
YARD = "Jonah closed the gate behind him. He crossed the yard. The hens scattered. "


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # a clause of time out of step with the main clause it hangs on
        (MORNING + "She is out the door before the kettle boiled. She runs for the bus.", "boiled"),
        (
            MORNING + "When the bus finally arrived, there's no room to sit. She stands by the "
            "doors.",
            "arrived",
        ),
        # a time expression in a later relative clause dates that clause only
        (
            MORNING + "She looked down at the old mill, where her father worked for twenty "
            "years. She rinses the cup.",
            "looked",
        ),
        (
            MORNING + "The tune shifted — and her breath catches — into the one her brother "
            "used to whistle. She rinses the cup.",
            "shifted",
        ),
        # an indefinite doing something in the scene is narration
        (YARD + "Nobody answers. He waited on the step. A dog barked somewhere.", "answers"),
    ],
)
def test_slips(text: str, slip: str) -> None:
    assert tense_flags(text) == [slip]


@pytest.mark.parametrize(
    "text",
    [
        # backstory: the sentence has another past verb, or compares with a time
        MORNING + "She still wears the ring he gave her before he left. She rinses the cup.",
        MORNING + "The kitchen is quieter than when her mother lived here. She rinses the cup.",
        # a time expression in the clause right after the verb's own still applies
        MORNING + "She moved here, years ago, with her sister. She rinses the cup.",
        MORNING + "She learned to bake in this kitchen, when she was nine. She rinses the cup.",
        # a past frame: the main clause is in the past too
        MORNING + "When he promised to come back, he meant it. She rinses the cup.",
    ],
)
def test_not_slips(text: str) -> None:
    assert tense_flags(text) == []


def test_indefinite_with_a_verb_of_state_is_a_general_statement() -> None:
    text = YARD + "Nobody likes a visitor at dawn. He waited on the step. A dog barked somewhere."
    assert tense_flags(text) == []
    assert tense_flags(text, "tense.weak-slip") == ["likes"]


# --- subjects and descriptions that other readers of a clause mistake -------------------


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # an indefinite with a place phrase is a subject in the scene
        (YARD + "Someone at the fence laughs. Jonah ignored it.", "laughs"),
        # a time that opens the clause without a preposition leaves it a main clause
        (
            "I closed the gate behind me. I crossed the yard. So one afternoon I walk out to "
            "the well. It was dry.",
            "walk",
        ),
        # a place phrase after the verb does not hide it behind an adjective and a noun
        (YARD + "Outside, the wind howls across the flat white fields.", "howls"),
        # a "while" clause with a noun subject out of step with its main clause; "while"
        # is a subordinator here, not the verb "to while"
        (MORNING + "She waits, and while the machine groaned, she watches him.", "groaned"),
        # "something" doing something in the scene is narration
        (MORNING + "Something in her shoulders loosened, and she sits up.", "loosened"),
        # a chain goes on past a place phrase with "to" ("to the whiteboard", no infinitive)
        (YARD + "He turned to the whiteboard and starts drawing, fast and sharp.", "starts"),
        # an adverb after a verb that is also a noun, and nothing after it
        (YARD + "Abel's hands go still.", "go"),
        # a noun phrase with a "to" phrase; a noun ending like an adjective ("table")
        (MORNING + "The door to the yard banged open. She turns.", "banged"),
        (YARD + "The candle on the table gutters.", "gutters"),
        # a condition in an earlier clause of the sentence does not reach this one
        (
            YARD + "She was sixty if she was a day, but she beat me there, and we come "
            "crashing through the reeds.",
            "come",
        ),
        (
            MORNING + "Most people wouldn't notice, but the Duchess is not most people, and "
            "her hand stopped on the cat's back.",
            "stopped",
        ),
        # a short place phrase opens the clause without a comma
        (YARD + "Behind him the hens strike up a racket. He kept walking.", "strike"),
        # "as if" compares; it is no condition that would excuse the verb
        (YARD + "Inside, the boiler hums along as if nothing was wrong.", "hums"),
        # an ordinal inside the noun phrase
        (MORNING + "Her fingers curl when the third question landed. She answers.", "landed"),
    ],
)
def test_these_subjects_and_clauses_are_read(text: str, slip: str) -> None:
    assert slip in tense_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # "those" makes a plural noun phrase: "heads" is its noun, not a verb
        YARD + "It was just a field, dry stalks and brown leaves and those heavy drooping heads.",
        # a noun phrase that "with" takes, even as the item after "and", is no subject
        YARD + "He was maybe forty, with a receding hairline and a canvas tote bag.",
        # an item of a list that goes on with ", and a ..." is described, not narrated
        MORNING + "There's a bed, a TV bolted to the dresser, and a painting over the bed.",
        # a past form with a particle before its phrase describes the last item of a list
        MORNING + "The whole bay is lit up, the rocks, the foam, the boats tied up in the harbour.",
        # a complement after a verb of motion is no second verb
        MORNING + "She tugs once, and the lid swings open with a creak.",
        MORNING + "The spare wheel pulls left. She leans right.",
        # a past form before a bare noun that ends the phrase describes it
        MORNING + "Her sister comes in, all long legs and rumpled coat, and hands her a cup.",
        # "still" before an adjective is an adverb, not the verb "to still"
        YARD + "His shoulders were still broad, his arms still thick as branches.",
        # a participle naming what a thing is made of
        MORNING + "At the end of the hall she sees a shape made of static.",
        # an absolute phrase: a possessive, a past form and a particle between commas
        MORNING + "She wears a long dark dress, her hair pinned up, one hand on the rail.",
        # the last item of a list, described, with an adverb of position before its place
        MORNING + "He wears a grey coat and a flat cap pulled low over his eyes.",
        # an absolute phrase with an adjective that is also a verb form ("to pale")
        YARD + "The children sat at the table, their faces pale in the lamplight.",
        # a plural joined by "and" to the noun a preposition takes is that object's noun
        YARD + "It cost him no end of time and groans to haul his leg up the ladder.",
        YARD + "She gazed at the pictures and photographs hanging upon the wall.",
        YARD + "Among all the silks and laces that glistened, her dress looked plain.",
        YARD + "He kept an eye on the progress of Bravo and Charlie teams as they ran.",
        YARD + "The canopy was thick with leaves and branches that danced in the wind.",
        YARD + "She sat among the butter chips and the coffee cups, sobbing.",
        # a participle after the clause's finite verb describes a noun
        MORNING + "Even the babies wear feathers threaded through their bonnets.",
        MORNING + "The boys carry baskets filled with apples up the hill.",
        # a plural with a relative clause after it is the noun the clause describes
        YARD + "His shadow hid the roots and rocks that tripped him in the dark.",
        # only prepositional phrases between a word and the next verb: the word is its subject
        YARD + "The data mills up on the station were humming all night.",
        YARD + "The orange trees in the square were in flower.",
    ],
)
def test_descriptions_are_not_slips(text: str) -> None:
    assert tense_flags(text) == []


def test_a_verb_after_and_with_no_preposition_before_is_still_read() -> None:
    """Only a preposition's object takes the plural after "and" as its noun: "the keys
    and runs" after a verb is the sentence's next verb."""
    assert "runs" in tense_flags(YARD + "She grabbed the keys and runs to the car.")


def test_a_subordinator_opens_a_clause_not_a_prepositional_phrase() -> None:
    """Only prepositions make the phrases a subject may carry before its verb: after
    "before" a clause begins, and the word before it is still a verb."""
    assert "leaves" in tense_flags(YARD + "She leaves before the rain was over.")


def test_a_past_perfect_across_an_aside_is_a_flashback() -> None:
    text = MORNING + "She grins. Nova had, in fact, punched a hole in the wall. She rinses the cup."
    assert tense_flags(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a trailing tag of saying reports what was said before the scene's moment
        MORNING + "The bridge is out until spring, the ferryman said. She rinses the cup.",
        # "once that": a time in the past
        MORNING + "Her aunt told her once that every kettle has a voice. She rinses the cup.",
        # "just now" after the verb: a moment ago
        MORNING + "The neighbour waved to her just now. She rinses the cup.",
        MORNING + "She heard a car door slam just now. She rinses the cup.",
    ],
)
def test_earlier_reports_are_not_slips(text: str) -> None:
    assert tense_flags(text) == []


def test_once_in_the_scene_is_no_time_in_the_past() -> None:
    assert tense_flags(MORNING + "The cat blinked once, slow as a tide. She rinses the cup.") == [
        "blinked"
    ]


def test_a_stage_of_life_places_the_clause_in_the_past() -> None:
    from proselint_fic.checks.tense.model import _PAST_TIME

    for phrase in (
        "in his manhood he worked",
        "in her girlhood",
        "in my twenties",
        "as a young man",
    ):
        assert _PAST_TIME.search(phrase), phrase
    for phrase in ("in his hand he held", "in her room", "as a young"):
        assert not _PAST_TIME.search(phrase), phrase


FIRST_PERSON = "I closed the gate behind me. I crossed the yard. The hens scattered. "


@pytest.mark.parametrize(
    "text",
    [
        # the narrator's own asides from the time of telling: "I mean", "I tell you"
        FIRST_PERSON + "The search went on for days. I mean it, and I searched everywhere.",
        FIRST_PERSON + "I stopped, for, I tell you, I was out of breath.",
        FIRST_PERSON + "It was a good horse, I reckon, and it ran all day.",
    ],
)
def test_a_narrators_aside_from_the_time_of_telling_is_no_slip(text: str) -> None:
    assert tense_flags(text) == []
