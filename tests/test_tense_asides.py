"""Shifts of tense a writer means: general truths and a narrator's present in past
narration, reported and dated backstory in present narration, and words that only look
like verbs. Slips next to them must still be found."""

from __future__ import annotations

import pytest

from helpers import tense_flags
from proselint_fic.checks.tense import rules
from proselint_fic.document import Document

RULES = {rule.meta.id: rule for rule in rules()}

HARBOUR = (
    "Ansel rowed out past the breakwater. The sea was flat and grey. He shipped the oars "
    "and let the boat drift. "
)
CELLAR = (
    "I carried the lamp down the cellar steps. The air smelled of apples and wet stone. "
    "I found the crate behind the boiler. "
)
STATION = (
    "Lotte waits on the platform. The board flickers and goes blank. She checks her watch "
    "and looks down the line. "
)
STUDIO = "I unlock the studio and switch on the lamps. The canvases lean against the wall. "


@pytest.mark.parametrize(
    "text",
    [
        # a general truth that opens on a bare noun, and the sentences that go on about it
        HARBOUR + "Tides are patient; they come back twice a day and nobody stops them. "
        "He watched the water for an hour.",
        HARBOUR + "Boats like that last for decades. They don't leak, they don't rot. He "
        "watched the water for an hour.",
        HARBOUR + "Salt, his uncle told him, is a slow thief: it eats the nails first. He "
        "watched the water for an hour.",
        # a first-person narrator speaks from the time of telling
        CELLAR + "I remember the cold of it even now. I lifted the lid.",
        CELLAR + "I still can't eat an apple without thinking of that room. I lifted the lid.",
        CELLAR + "I don't know why I opened it. I lifted the lid.",
        CELLAR + "It was, and I have to say this, the heaviest thing I ever carried. The lid "
        "was nailed down. I pried it up.",
        CELLAR + "The lid was—I admit it—already loose. I pried it up.",
        # knowing, being sure, mentioning, relating: the telling, not the scene
        CELLAR + "I am sure the boiler was still warm. I lifted the lid.",
        CELLAR + "I mention this because it mattered later. I lifted the lid.",
        CELLAR + "I have a vague recollection of a smell of smoke. I lifted the lid.",
        CELLAR + "I am not going to describe what lay inside. I lifted the lid.",
        CELLAR + "I am merely telling what I saw. I lifted the lid.",
        # a narrator who is one of a company speaks for it
        CELLAR + "We went down together. We are very fond of apples, all three of us. I "
        "lifted the lid.",
    ],
)
def test_past_narration_leaves_intended_present_alone(text: str) -> None:
    assert tense_flags(text) == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # an action of the scene in the present stays a slip, whoever does it
        (CELLAR + "I pluck up courage and lifted the lid.", "pluck"),
        (CELLAR + "I am standing by the crate when the lamp went out.", "am"),
        (CELLAR + "I go to the stairs and listened.", "go"),
    ],
)
def test_a_first_person_narrators_actions_in_the_present_are_slips(text: str, slip: str) -> None:
    assert slip in tense_flags(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            HARBOUR + "Tides are patient; they come back twice a day. He watched the water.",
            "general statement",
        ),
        (CELLAR + "I remember the cold of it even now. I lifted the lid.", "time of telling"),
        (
            STATION + "A man from the council came by last week. He said they will close the "
            "line in spring. She sits on the bench.",
            "said earlier",
        ),
    ],
)
def test_intended_shifts_are_weak_signals(text: str, reason: str) -> None:
    document = Document(text)
    messages = [m.message for m in RULES["tense.weak-slip"].check(document)]
    assert any(reason in message for message in messages), messages


@pytest.mark.parametrize(
    "text",
    [
        # backstory dated by a phrase, an age or "ever since"
        STATION + "Before that, she was a nurse. She checks her watch again.",
        STATION + "She lost to her brother in the final, and he has teased her ever since. "
        "She checks her watch again.",
        STATION + "Her father drove this line for thirty-one years. He started as a porter "
        "at sixteen. She checks her watch again.",
        STATION + "We met on the same platform, back in the old station, nine years ago; she "
        "was late then too. She checks her watch again.",
        STATION + "I noticed the crack in the clock on my first day here. The clock still runs.",
        # a report keeps the tense of what was said, and a present perfect looks back
        STATION + "A man from the council came by last week. He said the line will close "
        "in spring. She sits on the bench.",
        STATION + "I doubted the timetable. It wasn't wrong; I've checked it since. She "
        "sits on the bench.",
        # a clause after a semicolon can step back from the one before it
        STATION + "Everyone on the platform knows the story; the last train crashed. She "
        "sits on the bench.",
        # a comparison with "as", not a moment
        STUDIO + "The room is exactly as I left it. I pick up a brush.",
        # nouns and participles that look like verbs
        STUDIO + "My fingers, finding grips in the old frame, pull it loose. I pick up a brush.",
        STUDIO + "The shelf is bare—no jar, no rag folded over the edge. I pick up a brush.",
    ],
)
def test_present_narration_leaves_backstory_alone(text: str) -> None:
    assert tense_flags(text) == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # slips beside the new exceptions are still found
        (HARBOUR + "The wind is cold. He pulled his collar up.", "is"),
        (CELLAR + "I lift the lid. The crate was full of letters.", "lift"),
        # a clock time opening the clause, and a subject with a bare "of" phrase
        (STATION + "By ten o'clock the platform was empty. She sits on the bench.", "was"),
        (STATION + "At 9:40 a porter walked past. She sits on the bench.", "walked"),
        (HARBOUR + "A gust of cold wind rocks the boat. He gripped the side.", "rocks"),
        # a chain after a reported clause still slips
        (
            HARBOUR + "It was going to rain, his father said, and pulls the tarp over the nets.",
            "pulls",
        ),
    ],
)
def test_slips_are_still_found(text: str, slip: str) -> None:
    assert tense_flags(text) == [slip]


def test_a_first_person_narrator_watching_someone_else_is_still_the_narrator() -> None:
    text = (
        "I sit with Hanne on the steps. She shows me the cut on her thumb.\n\n"
        "She winces when I touch it. She says it is nothing. She laughs at me.\n\n"
        "I got the kit from the car, and I wrap the thumb for her. She thanks me and "
        "looks away. She watches the road.\n\n"
        "I sit beside her. She leans on my shoulder. She closes her eyes."
    )
    assert tense_flags(text) == ["got"]


def test_a_letter_in_the_first_person_keeps_its_own_voice() -> None:
    text = (
        "Ruth opens the envelope and sits by the window. She reads slowly.\n\n"
        "I was wrong about the house. I sold it in May and I moved north. I think of you "
        "often.\n\n"
        "She folds it away. She stands and goes to the door. She locks it."
    )
    assert tense_flags(text) == []
    assert tense_flags(text, "tense.weak-slip") == []


@pytest.mark.parametrize(
    "text",
    [
        # the last item of a list of described things
        STATION + "Just a bench by the wall and a paper cup wedged underneath it.",
        STATION + "A porter comes by with rain on his cap and a parcel wrapped in brown paper.",
        # a possessive noun phrase that "with" governs, however long the list
        STATION + "A man runs up with a coffee balanced on one palm and his scarf knotted "
        "around his neck.",
        # a clause of manner
        CELLAR + "The jars had gone cloudy, the way old jars do.",
        # a month dates the backstory
        STATION + "The last train left in October. Nobody knows why.",
        # nouns the verb tables also list
        HARBOUR + "A trawler lay at anchor, its lamps long dead. The mooring fees were high.",
    ],
)
def test_descriptions_and_dated_backstory_are_no_slips(text: str) -> None:
    assert tense_flags(text) == []


def test_a_clause_joined_with_a_comma_and_is_still_read() -> None:
    text = STATION + "The board flickers, and a train pulled in beside the platform."
    assert tense_flags(text) == ["pulled"]


def test_a_verb_of_position_after_there_is_narration() -> None:
    text = HARBOUR + "Beyond the point there stands a lighthouse with no lamp. He rowed on."
    assert tense_flags(text) == ["stands"]
    assert tense_flags(HARBOUR + "Beyond the point there is always a swell. He rowed on.") == []


@pytest.mark.parametrize(
    "text",
    [
        # a past form between a noun and the verb the noun goes with
        STATION + "The splint wrapped around her wrist itches.",
        # an absolute phrase after a clause with its verb
        STATION + "The ticket is thick and glossy, the price printed in gold.",
        # the last item of a list with no verb
        STATION + "Keys, a lighter, a bus pass, a coin bent in half.",
        # a past form after a comma that takes an agent
        STATION + "The hall stretches away, lit by a row of lamps.",
    ],
)
def test_described_nouns_are_no_slips(text: str) -> None:
    assert tense_flags(text) == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        (STATION + "A man walked onto the platform and waits.", "walked"),
        (STATION + "The doors open, and the guard shouted at a boy.", "shouted"),
    ],
)
def test_clauses_beside_described_nouns_are_still_read(text: str, slip: str) -> None:
    assert slip in tense_flags(text)


@pytest.mark.parametrize(
    ("sentence", "flags"),
    [
        ("She leaned back in her chair.", ["leaned"]),  # "back in" is no time here
        ("Back in school, she was the quiet one.", []),
        ("This time, she knocked twice.", ["knocked"]),  # "this time" is now
        ("This morning she found a letter.", []),  # earlier today
    ],
)
def test_time_words_that_only_look_like_the_past(sentence: str, flags: list[str]) -> None:
    assert tense_flags(STATION + sentence + " She sits down and waits.") == flags
