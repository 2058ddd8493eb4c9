"""Dialogue punctuation: the marks between a line of speech and its tag or beat.

A speech tag ("she said") belongs to the sentence of the speech: the speech ends on a
comma (or ? or !) inside the quote and the tag goes on in lower case. An action beat
("she smiles") is a sentence of its own: the speech ends on a period and the beat starts
with a capital. Every rule here reads the few words after a closing quote and checks
that the punctuation before them fits: a tag verb is a verb of speaking, a beat verb is
a gesture or movement that cannot carry words.

All rules share one lexicon of verbs, so a verb is a tag for one rule exactly when it is
a tag for the others. Every pattern leads with the punctuation mark it is about, so the
regex engine skips ahead to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from proselint_fic.diagnostic import Severity
from proselint_fic.rule import FixExample, Match, Rule, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.document import Document

__all__ = ["DialogueRule", "rules"]


def _forms(listing: str) -> list[str]:
    return listing.split()


# Verbs of speaking, every form spelled out: a tag is a fixed word, no stemming needed.
TAG_VERBS = frozenset(
    _forms(
        """
        say says said ask asks asked reply replies replied answer answers answered
        whisper whispers whispered shout shouts shouted yell yells yelled call calls called
        mutter mutters muttered murmur murmurs murmured mumble mumbles mumbled
        add adds added continue continues continued cry cries cried
        snap snaps snapped hiss hisses hissed growl growls growled breathe breathes breathed
        repeat repeats repeated insist insists insisted admit admits admitted
        agree agrees agreed demand demands demanded exclaim exclaims exclaimed
        plead pleads pleaded protest protests protested remark remarks remarked
        respond responds responded retort retorts retorted scream screams screamed
        stammer stammers stammered stutter stutters stuttered suggest suggests suggested
        tease teases teased warn warns warned tell tells told offer offers offered
        gasp gasps gasped groan groans groaned grunt grunts grunted bark barks barked
        snarl snarls snarled sob sobs sobbed croak croaks croaked rasp rasps rasped
        drawl drawls drawled purr purrs purred quip quips quipped joke jokes joked
        sneer sneers sneered roar roars roared shriek shrieks shrieked squeak squeaks squeaked
        note notes noted observe observes observed prompt prompts prompted urge urges urged
        venture ventures ventured wonder wonders wondered confess confesses confessed
        announce announces announced declare declares declared explain explains explained
        inquire inquires inquired enquire enquires enquired interrupt interrupts interrupted
        lie lies lied promise promises promised remind reminds reminded correct corrects
        corrected guess guesses guessed assure assures assured argue argues argued
        complain complains complained counter counters countered concede concedes conceded
        blurt blurts blurted bellow bellows bellowed beg begs begged mouth mouths mouthed
        chime chimes chimed echo echoes echoed finish finishes finished start starts started
        begin begins began greet greets greeted sing sings sang singsong
        """
    )
)
# Sounds that many writers use as tags ("she laughed") and many editors accept. They are
# never taken for beats; only the bookism rule (off by default) remarks on them.
SOUND_VERBS = frozenset(
    _forms(
        """
        laugh laughs laughed chuckle chuckles chuckled giggle giggles giggled
        sigh sighs sighed snort snorts snorted scoff scoffs scoffed huff huffs huffed
        sniff sniffs sniffed sniffle sniffles sniffled hum hums hummed
        """
    )
)
# Gestures and movements: a body cannot speak through them.
BEAT_VERBS = frozenset(
    _forms(
        """
        smile smiles smiled grin grins grinned nod nods nodded shrug shrugs shrugged
        wink winks winked frown frowns frowned smirk smirks smirked beam beams beamed
        pout pouts pouted scowl scowls scowled glare glares glared wince winces winced
        grimace grimaces grimaced blink blinks blinked shake shakes shook
        turn turns turned look looks looked glance glances glanced stare stares stared
        lean leans leaned leant step steps stepped walk walks walked sit sits sat
        stand stands stood reach reaches reached hand hands handed take takes took
        grab grabs grabbed point points pointed wave waves waved cross crosses crossed
        tilt tilts tilted raise raises raised roll rolls rolled shift shifts shifted
        swallow swallows swallowed hug hugs hugged kiss kisses kissed pat pats patted
        squeeze squeezes squeezed rub rubs rubbed push pushes pushed pull pulls pulled
        toss tosses tossed throw throws threw drop drops dropped lift lifts lifted
        fold folds folded stretch stretches stretched yawn yawns yawned rise rises rose
        flinch flinches flinched lick licks licked gesture gestures gestured
        cock cocks cocked tap taps tapped clap claps clapped straighten straightens
        straightened hesitate hesitates hesitated pause pauses paused
        """
    )
)
# Tag verbs that stand in for "said" where "said" would do: said-bookisms.
BOOKISM_VERBS = frozenset(
    _forms(
        """
        chortle chortles chortled ejaculate ejaculates ejaculated opine opines opined
        expostulate expostulates expostulated vociferate vociferates vociferated
        intone intones intoned aver avers averred query queries queried
        interject interjects interjected exclaim exclaims exclaimed retort retorts retorted
        sneer sneers sneered squeal squeals squealed gush gushes gushed coo coos cooed
        croon croons crooned trill trills trilled chirp chirps chirped simper simpers
        simpered thunder thunders thundered snicker snickers snickered whine whines whined
        wheedle wheedles wheedled cajole cajoles cajoled admonish admonishes admonished
        rejoin rejoins rejoined muse muses mused pontificate pontificates pontificated
        declaim declaims declaimed sputter sputters sputtered splutter splutters spluttered
        growl growls growled snarl snarls snarled bark barks barked purr purrs purred
        hiss hisses hissed spit spits spat
        """
    )
    + list(SOUND_VERBS)
)
# Words ending in -ly that are not manner adverbs after a tag: "said only", "said early".
_NOT_ADVERBS = frozenset(
    _forms(
        """
        only early likely unlikely friendly unfriendly lovely lonely ugly holy silly jolly
        belly bully curly daily weekly monthly yearly nightly hourly reply apply supply rely
        ally fly family elderly costly deadly orderly surly burly
        """
    )
)
_QUESTION_VERBS = frozenset(
    _forms("ask asks asked wonder wonders wondered inquire inquires inquired enquire enquires")
)


def _alternation(words: Sequence[str] | frozenset[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"


_TAG = _alternation(TAG_VERBS)
_TAG_OR_SOUND = _alternation(TAG_VERBS | SOUND_VERBS)
_BEAT = _alternation(BEAT_VERBS)
_BOOKISM = _alternation(BOOKISM_VERBS)
_PRONOUN = r"(?:he|she|they|we|you|it)\b"
_NAME = r"(?:I|\p{Lu}\p{Ll}+)\b(?!['’])"
_ADVERB = r"(?:\p{Ll}+ly[ \t]+)?"
_CLOSE_QUOTE = "[\"”'’]"
_FLAGS = regex.VERSION1


def _pattern(body: str) -> regex.Pattern[str]:
    return regex.compile(body, _FLAGS)


Judge = Callable[["Document", regex.Match[str]], "Match | None"]


@dataclass(frozen=True)
class DialogueRule:
    """A rule made of literal-led patterns and a judge that turns a match into a finding."""

    meta: RuleMeta
    patterns: tuple[str, ...]
    judge: Judge

    @cached_property
    def _compiled(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(_pattern(p) for p in self.patterns)

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        found = [m for pattern in self._compiled for m in pattern.finditer(text)]
        found.sort(key=lambda m: m.start())
        for m in found:
            match = self.judge(document, m)
            if match is not None:
                yield match


# --- a period where the tag needs a comma -----------------------------------------------

_PERIOD_BEFORE_TAG = (
    r"(?<![.…])\.(?=" + _CLOSE_QUOTE + r"[ \t]+(?:"
    # "I do." he said
    rf"{_PRONOUN}[ \t]+{_ADVERB}{_TAG_OR_SOUND}"
    # "I do." said Harry
    rf"|{_TAG}[ \t]+(?:{_PRONOUN}|{_NAME})"
    # "I do." Harry said.  (a name and a verb alone: "Harry said nothing" is a sentence)
    rf"|{_NAME}[ \t]+{_ADVERB}{_TAG}(?:[ \t]+\p{{Ll}}+ly)?[ \t]*[,.;]"
    r"))"
)


def _period_before_tag(document: Document, m: regex.Match[str]) -> Match | None:
    return Match(m.start(), m.end(), replacements=(",",))


# --- no mark at all before the tag ------------------------------------------------------

_TAG_AFTER_QUOTE = (
    r"(?=[ \t]+(?:"
    rf"{_PRONOUN}[ \t]+{_ADVERB}(?<verb>{_TAG})"
    rf"|(?<verb>{_TAG})[ \t]+(?:{_PRONOUN}|{_NAME})"
    rf"|{_NAME}[ \t]+{_ADVERB}(?<verb>{_TAG})"
    r"))"
)
_MISSING_COMMA = tuple(
    rf"{quote}(?<=[\p{{L}}\p{{N}}]{quote}){_TAG_AFTER_QUOTE}" for quote in ('"', "”")
)


def _missing_comma(document: Document, m: regex.Match[str]) -> Match | None:
    speech = document.speech
    index = speech.index_at(m.start())
    if index is None or not speech.closed[index] or speech.spans[index].end != m.end():
        return None  # only the closing quote of a line of speech
    quote = m.group()
    verb = m.group("verb").lower()
    fixes = (f"?{quote}", f",{quote}") if verb in _QUESTION_VERBS else (f",{quote}",)
    return Match(m.start(), m.end(), replacements=fixes)


# --- a capital where the tag goes on in lower case --------------------------------------

_CAPITALISED_TAG = (
    # "I do," She said.  After a comma the sentence goes on, whatever follows.
    r",(?=" + _CLOSE_QUOTE + r"[ \t]+(?<word>He|She|They|We|You|It|His|Her|Their|The)\b)",
    # "I do," Said Harry.
    r",(?=" + _CLOSE_QUOTE + r"[ \t]+(?<word>Said|Says|Asked|Asks|Replied|Replies)\b)",
    # "Really?" She asked.  After ? or ! only a tag verb says the sentence goes on.
    *(
        rf"{regex.escape(mark)}(?={_CLOSE_QUOTE}[ \t]+(?<word>He|She|They|We|You|It)[ \t]+"
        rf"{_ADVERB}(?:{_TAG}))"
        for mark in "?!"
    ),
)


def _capitalised_tag(document: Document, m: regex.Match[str]) -> Match | None:
    start, end = m.span("word")
    word = m.group("word")
    return Match(start, end, replacements=(word[0].lower() + word[1:],))


# --- a beat punctuated as a tag -----------------------------------------------------------

# "pointed out" and "threw in" are ways of saying something, not gestures.
_BEAT_AFTER = rf"(?=[ \t]+{_ADVERB}{_BEAT}(?!(?<=point\w*|thr\w+)[ \t]+(?:out|in)\b))"
_BEAT_AS_TAG = (
    # "I do," she smiles.
    rf",(?<quote>{_CLOSE_QUOTE})[ \t]+(?<who>{_PRONOUN}|{_NAME}){_BEAT_AFTER}",
    # "I do!" she smiles.
    *(
        rf"{regex.escape(mark)}(?<quote>{_CLOSE_QUOTE})[ \t]+(?<who>{_PRONOUN}){_BEAT_AFTER}"
        for mark in ".!?"
    ),
)
# A speaking verb later in the same clause makes the beat part of a tag: "she turned and
# said", "she smiled, saying".
_SPEAKING_LATER = _pattern(rf"[^.,;:!?\"”\n]*?\b(?:{_TAG}|saying|asking|adding)")
_BEAT_MESSAGE_AFTER_MARK = (
    "An action beat is a sentence of its own: start it with a capital "
    "(smiling, nodding or shrugging is not speaking)."
)


def _beat_as_tag(document: Document, m: regex.Match[str]) -> Match | None:
    text = document.text
    clause_end = min(len(text), m.end() + 80)
    later = _SPEAKING_LATER.match(text, m.end(), clause_end)
    if later is not None:
        return None
    who = m.group("who")
    capital = who[0].upper() + who[1:]
    if m.group().startswith(","):
        return Match(m.start(), m.end(), replacements=(f".{m.group('quote')} {capital}",))
    start, end = m.span("who")
    if who == capital:
        return None  # already a sentence of its own
    return Match(start, end, message=_BEAT_MESSAGE_AFTER_MARK, replacements=(capital,))


# --- low-severity tags: adverbs and said-bookisms -------------------------------------------

_TAG_ADVERB = tuple(
    rf"{quote}(?<=[,?!…—-]{quote})[ \t]+(?:"
    rf"(?:{_PRONOUN}|{_NAME})[ \t]+(?:(?<adverb>\p{{Ll}}+ly)[ \t]+{_TAG}|{_TAG}[ \t]+(?<adverb>\p{{Ll}}+ly)\b)"
    rf"|{_TAG}[ \t]+(?:{_PRONOUN}|{_NAME})[ \t]+(?<adverb>\p{{Ll}}+ly)\b"
    r")"
    for quote in ('"', "”", "'", "’")
)


def _tag_adverb(document: Document, m: regex.Match[str]) -> Match | None:
    adverb = m.group("adverb")
    if adverb.lower() in _NOT_ADVERBS:
        return None
    start, end = m.span("adverb")
    return Match(start, end)


_BOOKISM_TAG = tuple(
    rf"{quote}(?<=[,?!…—-]{quote})[ \t]+(?:"
    rf"(?:{_PRONOUN}|{_NAME})[ \t]+{_ADVERB}(?<verb>{_BOOKISM})"
    rf"|(?<verb>{_BOOKISM})[ \t]+(?:{_PRONOUN}|{_NAME})"
    r")"
    for quote in ('"', "”", "'", "’")
)


def _bookism(document: Document, m: regex.Match[str]) -> Match | None:
    start, end = m.span("verb")
    return Match(start, end)


# --- the rule set --------------------------------------------------------------------------


def _meta(
    rule_id: str,
    *,
    summary: str,
    message: str,
    docs: str,
    flags: Sequence[str],
    passes: Sequence[str],
    fixes: Sequence[tuple[str, str]] = (),
    severity: Severity = Severity.WARNING,
    enabled: bool = True,
) -> RuleMeta:
    return RuleMeta(
        id=rule_id,
        category="punctuation",
        severity=severity,
        scope="both",
        summary=summary,
        message=message,
        docs=" ".join(docs.split()),
        flags=tuple(flags),
        passes=tuple(passes),
        fixes=tuple(FixExample(before, after) for before, after in fixes),
        enabled_by_default=enabled,
    )


def rules() -> list[Rule]:
    """The dialogue punctuation rules, in a stable order."""
    return [
        DialogueRule(
            _meta(
                "dialogue.period-before-tag",
                summary="A period ends the speech where a speech tag follows.",
                message="A speech tag follows: end the speech with a comma, not a period.",
                docs="""
                In '"I do." he said' the tag belongs to the sentence of the speech, so the
                speech ends on a comma inside the quote: '"I do," he said'. Flagged when a
                lower-case pronoun and a verb of speaking follow the quote ('he said',
                'she whispered', 'he laughed'), when the verb comes first ('said Harry'),
                or when a name and a verb of speaking make up the whole tag ('Harry said.').
                A period before an action beat is right and left alone ('"I do." She
                smiles.'), as is an ellipsis ('"I don't know..." he said').
                """,
                flags=[
                    '"I do." he said.',
                    '"It\'s late." she whispered softly.',
                    '"Go home." said Harry.',
                    '"Fine." Harry said, and left.',
                ],
                passes=[
                    '"I do," he said.',
                    '"I do." She smiled.',
                    '"Fine." Harry said nothing more.',
                    '"I don\'t know..." he said.',
                    '"Really?" she asked.',
                ],
                fixes=[('"I do." he said.', '"I do," he said.')],
            ),
            (_PERIOD_BEFORE_TAG,),
            _period_before_tag,
        ),
        DialogueRule(
            _meta(
                "dialogue.missing-comma-before-tag",
                summary="No punctuation between the speech and its tag.",
                message="A speech tag follows: end the speech with a comma inside the quote.",
                docs="""
                '"I do" she said' needs a comma inside the closing quote: '"I do," she
                said'. After a question tag ('she asked') the question mark is offered
                first. Only the closing quote of a line of dialogue is considered, so a
                quoted word in narration is left alone.
                """,
                flags=['"I do" she said.', '"Where are you going" he asked.', '"Yes" said Harry.'],
                passes=['"I do," she said.', '"Where?" he asked.', 'The sign said "Closed".'],
                fixes=[
                    ('"I do" she said.', '"I do," she said.'),
                    ('"Where to" he asked.', '"Where to?" he asked.'),
                ],
            ),
            _MISSING_COMMA,
            _missing_comma,
        ),
        DialogueRule(
            _meta(
                "dialogue.capitalised-tag",
                summary="A speech tag that starts with a capital letter.",
                message="The tag goes on the sentence of the speech: start it in lower case.",
                docs="""
                After '"I do,"' the sentence goes on, so the tag starts in lower case:
                '"I do," she said', not '"I do," She said'. After a question or
                exclamation mark, a pronoun and a verb of speaking make a tag too
                ('"Really?" she asked'). A capital after ? or ! that starts an action
                ('"Really?" She turned away.') is a new sentence and is left alone; so are
                names and "I".
                """,
                flags=['"I do," She said.', '"Really?" She asked.', '"Run," The man shouted.'],
                passes=[
                    '"I do," she said.',
                    '"Really?" She turned away.',
                    '"Run," Harry shouted.',
                    '"Fine," I said.',
                ],
                fixes=[('"I do," She said.', '"I do," she said.')],
            ),
            _CAPITALISED_TAG,
            _capitalised_tag,
        ),
        DialogueRule(
            _meta(
                "dialogue.beat-as-tag",
                summary="An action beat punctuated as if it were a speech tag.",
                message=(
                    "Smiling, nodding or shrugging is not speaking: end the speech with a "
                    "period and start the action as a sentence of its own."
                ),
                docs="""
                '"I do," she smiles.' treats a smile as a way of speaking. An action beat
                is a sentence of its own: '"I do." She smiles.' Flagged after a comma, and
                after a period, question or exclamation mark when the beat starts in lower
                case ('"Really?" she shrugs.'). A beat that leads into a verb of speaking is
                part of a tag and left alone ('"I do," she smiles and says'), and so are
                sounds that many writers use as tags ('she laughed', 'he sighed').
                """,
                flags=[
                    '"I do," she smiles.',
                    '"Sure," Harry shrugged, and walked off.',
                    '"Really?" she grins.',
                    '"Fine," I nod.',
                    '"Out," she points at the door.',
                ],
                passes=[
                    '"I do." She smiles.',
                    '"I do," she said, smiling.',
                    '"I do," she smiled and said.',
                    '"I do," she laughed.',
                    '"Really?" She grins.',
                    '"It was last month," Freya pointed out.',
                ],
                fixes=[
                    ('"I do," she smiles.', '"I do." She smiles.'),
                    ('"Really?" she grins.', '"Really?" She grins.'),
                ],
            ),
            _BEAT_AS_TAG,
            _beat_as_tag,
        ),
        DialogueRule(
            _meta(
                "dialogue.tag-adverb",
                summary="A speech tag propped up by an adverb.",
                message="An adverb on a speech tag: let the line of dialogue carry the tone.",
                docs="""
                '"Get out," she said angrily' tells the reader what the line should
                already show. Off by default: many writers use the odd adverb on purpose.
                """,
                flags=['"Get out," she said angrily.', '"Stay," he whispered softly.'],
                passes=['"Get out," she said.', '"Only you," he said only once.'],
                severity=Severity.INFO,
                enabled=False,
            ),
            _TAG_ADVERB,
            _tag_adverb,
        ),
        DialogueRule(
            _meta(
                "dialogue.said-bookism",
                summary="A showy verb where a plain speech tag would do (a said-bookism).",
                message='A showy tag verb: "said" is invisible, and lets the line speak.',
                docs="""
                '"Yes," she chortled' and '"No," he opined' draw the eye to the tag and away
                from the line. "Said" and "asked" are nearly invisible. Off by default:
                sounds used as tags ('she laughed') are a matter of house style.
                """,
                flags=['"Indeed," he opined.', '"Yes!" she squealed.', '"Yes," she laughed.'],
                passes=['"Indeed," he said.', '"Yes!" she shouted.'],
                severity=Severity.INFO,
                enabled=False,
            ),
            _BOOKISM_TAG,
            _bookism,
        ),
    ]
