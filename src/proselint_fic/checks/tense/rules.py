"""The three ``tense`` rules: confident slips, mixed scenes, and weaker signals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from proselint_fic.checks.tense.model import FindingKind, analyse, describe
from proselint_fic.checks.tense.scenes import scene_tense
from proselint_fic.diagnostic import Severity
from proselint_fic.document import Document
from proselint_fic.rule import FixExample, Match, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.checks.tense.incremental import SceneTense

DOCS_PAGE = "docs/tense.md"

# A scene told in both tenses by turns: no verb in it is a slip, each is a weak signal.
MOVING_BETWEEN_TENSES = (
    "I sit by the window with my book. I meant to rest all morning, but I cannot. "
    "John said I must lie down. I write a little instead. The paper is ugly and yellow. "
    "I hear him on the stairs. He laughed at me for it. I put the pages away. The "
    "garden looks wet."
)

# Passages every tense rule must leave alone: each carries a legitimate shift of tense
# inside otherwise consistent narration.
LEGITIMATE_SHIFTS: tuple[str, ...] = (
    # dialogue
    'Mara pushes the door open. "I saw him yesterday," she says. "He looked tired." '
    "She sets her bag down and waits. The kettle clicks off.",
    # marked thoughts (italics)
    "He stands at the window. *She left without a word.* He turns away and picks up "
    "the phone. The screen is dark. He puts it down again.",
    # a past-perfect flashback and the simple past that carries it on
    "Ivo reads the postcard twice. He turns it over and studies the stamp. Six years ago, "
    "his sister had written to him from the coast. She wrote about the harbour and the "
    "dogs. She signed each card with a single initial. Now he props the card against the "
    "clock and sits down. The room is quiet.",
    # reported past events
    "Nadia sits on the step. A bus goes by. She remembers how he laughed at her jokes. "
    "When he promised to come back, he meant it. She pulls her coat tighter and "
    "watches the road.",
    # a clause reported by a trailing tag
    "Tomas walked to the pier. The water is coldest in spring, his father always said. "
    "He sat on the edge and took off his boots.",
    # events placed in the past by a time expression
    "Bastien checks the lock again. Last night somebody tried the handle. When he was "
    "six, a man broke into their flat. He bolts the door and turns off the light.",
    # generic and habitual statements in past narration
    "The ferry left at noon. Ferries always leave late on this coast. Ines stood at the "
    "rail and watched the harbour shrink. Gulls followed the wake for a mile.",
    # conditionals and the subjunctive
    "Juno shoulders her bag. Even if he asked her to stay, she couldn't. He talks to her as "
    "if he were her father. She walks out and lets the door swing shut.",
    # participial adjectives
    "The polished floor shines under the lamps. A red-haired figure waits by the "
    "stairs. The faded curtains move in the draught. She stops and listens.",
    # a letter in another voice
    "Ruth opens the envelope and unfolds the page.\n\n"
    "Dear Ruth, I was wrong about the house. I sold it in May and I moved north.\n\n"
    "She reads it again. She folds it into her pocket and walks to the car.",
    # backstory dated by a phrase or "ever since"
    "Lotte waits on the platform. The board flickers and goes blank. Before that, she was "
    "a nurse. She checks her watch. She lost the final to her brother, and he has teased "
    "her ever since. She looks down the line and sits on the bench.",
    # a comparison with "as", and a noun after a participle that looks like a verb
    "I unlock the studio. The room is exactly as I left it, my hands finding marks in the "
    "old paint. I pick up a brush.",
)


@dataclass(frozen=True, slots=True)
class TenseRule:
    """A rule that reports one kind of finding from the shared scene-level tense model."""

    meta: RuleMeta
    kind: FindingKind
    incremental_analysis: ClassVar[Callable[[], SceneTense]] = scene_tense

    def check(self, document: Document) -> Iterator[Match]:
        for finding in analyse(document).findings:
            if finding.kind == self.kind:
                yield Match(
                    finding.start,
                    finding.end,
                    message=describe(finding),
                    replacements=(finding.replacement,) if finding.replacement else (),
                )


SLIP = RuleMeta(
    id="tense.slip",
    category="tense",
    severity=Severity.WARNING,
    scope="narration",
    summary="A narration verb in the other tense from the rest of its scene.",
    message="verb in the other tense from the scene's narration",
    docs=(
        "Each scene's narration tense is the majority of its narration verbs (or the "
        "tense configured for the file). A verb in the other tense is reported when it "
        "opens a main clause, nothing in its sentence explains the shift (a past perfect, "
        "a time expression, a condition, a verb of saying or remembering, a habit), and "
        "the sentences around it are in the scene's tense. A past verb tied to *now* in "
        'present-tense narration ("the person she was now") is always reported. See '
        f"{DOCS_PAGE}."
    ),
    flags=(
        "Noor crosses the square. The old woman at the end of the bench waved "
        "at her. She waves back and walks on. The bells ring for noon.",
        "Odile cracks the wax seal. The letters blurred on the page, and she has to put it "
        "down. She looks at the fire.",
        "He opened the door and sees her. She was standing by the window. He crossed the "
        "room without a word.",
        "Bea hears the noise again. She lifts the heavy dictionary from the desk and crept "
        "toward the stairs. The hall is dark. Nothing moves.",
        "Rosa wipes the counter and stacks the mugs. She didn't look up when the bell "
        "rings. She pours a coffee for the man by the window. He thanks her and opens his "
        "paper.",
        "Greta rolled the dough flat and turned to the oven. She doesn't answer him. She "
        "picked up the knife and cut the first strip.",
        "The captain studied the map for a long time. He can see the reef from here. He "
        "folded the map and walked to the rail. The crew waited for his order.",
        "She stares at her reflection. She touches the scar on her chin. A summer away had "
        "changed her into the person she was now. She turns off the light and lies down.",
        "Pell banks the stove and sits by it. A coal collapsed into ash. He pokes it and "
        "watches the sparks climb. The wind pushes at the shutters.",
        "The wagon rolled into the yard at dusk. Somewhere a dog barks. Hester climbed "
        "down and led the mare to the trough. The stable boy took the reins.",
        "Corin sweeps the porch and shakes out the mat. Nobody came up the lane all "
        "morning. She leans the broom by the door and goes inside.",
        "Lotte waits on the platform. By ten o'clock the platform was empty. She sits on "
        "the bench and opens her book.",
        # "but" before a subject opens a clause of its own, after any subordinate clause
        "Mara opens the gate. She hurries down the lane as quickly as she can but she was "
        "too late. The bus pulls away.",
        # a name and its verb open a sentence whose other verbs are subordinate
        "The kitchen was warm. She set the table and waited. The clock ticked. Her father "
        "came in and sat down. He looked tired. Mary brings in the fruit on a tray, as "
        "though it had been dipped in milk. They ate in silence.",
        # a habit word in the clause that the verb governs is that clause's, not the verb's
        "Ginny walked into the kitchen and sat down. It seems that she always knew where "
        "he was hiding. She poured the tea and waited.",
        "Ansel rowed out past the breakwater. The sea was flat and grey. He shipped the "
        "oars. A gust of cold wind rocks the boat. He gripped the side.",
    ),
    passes=(
        *LEGITIMATE_SHIFTS,
        "She opens the door. She steps inside. The room smells of smoke. She coughs.",
        "The hall is cold. A man-sized demon covered in glittering ice waits. It is one of "
        "the most terrible demons of the place. A vampiric thrall bound into servitude by "
        "esoteric rituals. It moves with surprising speed. A skull-masked kobold, its body "
        "mutated by forbidden magics. It waits.",
        # a scene told in both tenses by turns has no single slip (tense.weak-slip)
        MOVING_BETWEEN_TENSES,
        # plurals after a possessive or an adjective are nouns, whatever the tagger says
        "The squid leapt at the ink trail and changed before her very eyes, and the "
        "crowd gasped. There were only a handful of dry eyes in the hall when it ended. "
        "His legs were big, especially his massive cable-like hamstrings, which forced "
        "him into a prowl.",
        "He opened the door. He stepped inside. The room smelled of smoke. He coughed.",
        # "already" with a past action is the everyday present perfect in present narration
        "Mara opens the cupboard. She already cleaned the shelves, so she stacks the "
        "plates. You already did that, she tells herself.",
        # an adjective's ending shows a noun phrase, whatever the tagger says
        "Harry ate his breakfast and ignored the laughter, the congratulatory smiles and "
        "the dropped plates. He left early.",
        # the word after a number is what it counts
        "Forty paces farther we came to the edge of the wood and saw the stockade.",
        # a plural with a participle after it heads a phrase of its own
        "He stooped under the lintel. There he sat upon a stone, his gray eyes dancing "
        "with amusement. She leaned on the rail, her knees crossed. He waved.",
        # a participle or an -ing noun after a determiner or preposition is a modifier
        "The smell of the singeing clothes and burning leather was horrible. Under the "
        "sod there was a stir of hidden pulses, and she smiled.",
        # a stage of life places what follows in the past
        "Old Antanas sits by the stove and smiles. In his manhood he worked in a cotton "
        "mill, but then a cough fell upon him, and he had to leave. Now he watches the "
        "children. He nods. He hums an old song.",
        # a plural straight after a past form is its object
        "They ground their own corn; the men-folks shot ducks and pigeons and prairie "
        "chickens; the new fields yielded turnips.",
        # a noun joined to another before its verb is no second verb of a chain
        "She liked the warmth, but she wasn't wild about the fashion — light dresses and "
        "tops didn't give her much cover. She shivered and went in.",
        "Wren laughs, a small cracked sound. She sets the cup down with her hands "
        "folded around it. A paper bird folded from a receipt sits on the sill.",
        # a general truth and a narrator's present are weak signals, not slips
        "Ansel rowed out past the breakwater. The sea was flat and grey. He shipped the "
        "oars. Tides are patient; they come back twice a day and nobody stops them. He "
        "watched the water for an hour.",
        "Lotte waits on the platform. A clerk came by last week. He told her the line "
        "closes in spring. She sits on the bench and opens her book.",
        "I carried the lamp down the steps. I remember the cold of it even now. I still "
        "can't eat an apple without thinking of that room. I found the crate.",
    ),
    fixes=(
        FixExample(
            before="Odile opens the gate. She walked up the path. The house is dark. She "
            "knocks twice.",
            after="Odile opens the gate. She walks up the path. The house is dark. She "
            "knocks twice.",
        ),
    ),
)

MIXED_SCENE = RuleMeta(
    id="tense.mixed-scene",
    category="tense",
    severity=Severity.WARNING,
    scope="narration",
    summary="A scene whose narration has no clear majority tense, reported once.",
    message="this scene's narration mixes present and past tense",
    docs=(
        "When neither tense has a clear majority (two thirds) of a scene's narration "
        "verbs, the verbs are not reported one by one: the scene is reported once, at "
        "the first change of tense, so the writer can choose a tense for it. Pin the "
        f"tense in configuration to get verb-by-verb reports instead. See {DOCS_PAGE}."
    ),
    flags=(
        "Ana walks into the kitchen. She opened the fridge. She takes out the milk. She "
        "poured a glass. He comes in behind her. He sat at the table. She looks at him. "
        "He smiled. She sits down. They talked for an hour. He leaves at noon. She "
        "washed the glass. She dries her hands. She went upstairs.",
    ),
    passes=(
        *LEGITIMATE_SHIFTS,
        "Ana walks into the kitchen. She opens the fridge. She takes out the milk. She "
        "pours a glass. He comes in behind her. He sits at the table. She looks at him. "
        "He smiles. She sits down. They talk for an hour. He leaves at noon.",
    ),
)

WEAK_SLIP = RuleMeta(
    id="tense.weak-slip",
    category="tense",
    severity=Severity.INFO,
    scope="narration",
    summary="A narration verb in the other tense where the shift may be intended.",
    message="verb in the other tense from the scene's narration (weaker signal)",
    docs=(
        "Verbs in the other tense that the model cannot call slips with confidence: a "
        "run of past-tense sentences inside present-tense narration (often backstory), "
        "a negated or emphatic *didn't*/*did*, *there is*/*there was*, a narrator's "
        "comment such as *it is true that*, a first-person aside in third-person "
        "narration, a general truth (*Tides are patient; they come back*), a first-person "
        "narrator's present (*I remember it even now*), a past verb of saying whose report "
        "is in the present (*he said the line closes*), and every verb in the other tense "
        "in a scene where that tense holds more than 30 % of the votes (a diary that keeps "
        "recalling the day before). Off by default; turn it on for a "
        f"closer edit. See {DOCS_PAGE}."
    ),
    flags=(
        "Lena locks the shop and counts the till. There was a knock at the back door. "
        "She stops counting and listens. She puts the cash box away.",
        "Ansel rowed out past the breakwater. The sea was flat and grey. He shipped the "
        "oars. Tides are patient; they come back twice a day. He watched the water.",
        "I carried the lamp down the cellar steps. The air smelled of apples. I found the "
        "crate behind the boiler. I remember the cold of it even now. I lifted the lid.",
        "Lotte waits on the platform. The board flickers and goes blank. She checks her "
        "watch. A clerk came by last week. He said they close the line in spring. She sits "
        "on the bench and opens her book.",
        # a scene whose verbs are in the other tense too often for any to be a slip
        MOVING_BETWEEN_TENSES,
    ),
    passes=(
        *LEGITIMATE_SHIFTS,
        "Lena locks the shop and counts the till. There is a knock at the back door. "
        "She stops counting and listens. She puts the cash box away.",
    ),
    enabled_by_default=False,
)


def rules() -> list[TenseRule]:
    return [
        TenseRule(SLIP, "slip"),
        TenseRule(MIXED_SCENE, "mixed"),
        TenseRule(WEAK_SLIP, "weak"),
    ]
