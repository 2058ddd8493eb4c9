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

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING

import regex

from proselint_fic.diagnostic import Severity
from proselint_fic.patterns import MatchObject, Pattern, compile_pattern, lazy
from proselint_fic.rule import Match, Rule, RuleMeta, describe

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
        order orders ordered command commands commanded instruct instructs instructed
        assert asserts asserted state states stated reason reasons reasoned
        clarify clarifies clarified elaborate elaborates elaborated expand expands expanded
        conclude concludes concluded mention mentions mentioned confirm confirms confirmed
        decide decides decided
        acknowledge acknowledges acknowledged reassure reassures reassured
        chime chimes chimed echo echoes echoed finish finishes finished start starts started
        begin begins began greet greets greeted sing sings sang singsong
        whimper whimpers whimpered wail wails wailed moan moans moaned bleat bleats bleated
        lisp lisps lisped babble babbles babbled blubber blubbers blubbered boom booms boomed
        rumble rumbles rumbled grumble grumbles grumbled grouse grouses groused gripe gripes
        griped jeer jeers jeered mock mocks mocked taunt taunts taunted chide chides chided
        scold scolds scolded soothe soothes soothed coax coaxes coaxed reassure reassures
        reassured recite recites recited rant rants ranted preach preaches preached
        lecture lectures lectured ramble rambles rambled drone drones droned slur slurs
        slurred yelp yelps yelped squawk squawks squawked howl howls howled
        pant pants panted wheeze wheezes wheezed holler hollers hollered bawl bawls bawled
        bray brays brayed screech screeches screeched whoop whoops whooped cheer cheers
        cheered bluster blusters blustered trumpet trumpets trumpeted warble warbles warbled
        pipe pipes piped chirrup chirrups chirruped
        recall recalls recalled supply supplies supplied
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
        gulp gulps gulped
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


# The patterns capture the word where a verb should be, and the judge looks it up in the
# sets above: spelling hundreds of verbs into every pattern makes each one take tens of
# milliseconds to compile, which every cold start of a pre-commit hook would pay.
_PRONOUN = r"(?:he|she|they|we|you|it)\b"
_NAME = r"(?:I|\p{Lu}\p{Ll}+)\b(?!['’])"
_ADVERB = r"(?:\p{Ll}+ly[ \t]+)?"
# A noun phrase after an inverted tag verb: "said the man at the door", "asked a voice".
_DETERMINER = r"(?:the|a|an|his|her|their|my|our|one)[ \t]+\p{L}"
_CLOSE_QUOTE = "[\"”'’]"
_FLAGS = 0


def _pattern(body: str) -> Pattern:
    return compile_pattern(body, _FLAGS)


Judge = Callable[["Document", MatchObject], "Match | None"]


@dataclass(frozen=True)
class DialogueRule:
    """A rule made of literal-led patterns and a judge that turns a match into a finding."""

    meta: RuleMeta
    patterns: tuple[str, ...]
    judge: Judge

    @cached_property
    def _compiled(self) -> tuple[Pattern, ...]:
        return tuple(_pattern(p) for p in self.patterns)

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        found = [m for pattern in self._compiled for m in pattern.finditer(text)]
        found.sort(key=lambda m: m.start())
        for m in found:
            match = self.judge(document, m)
            if match is not None:
                yield match


# A tag after a closing quote, in its four shapes. Each names its verb differently, so the
# judge knows which set the verb must belong to.
_TAG_SHAPES = (
    # she said / she softly said
    rf"{_PRONOUN}[ \t]+{_ADVERB}(?<pronoun_verb>\p{{Ll}}+)\b"
    # said Harry / said she / said the man
    rf"|(?<verb_first>\p{{Ll}}+)[ \t]+(?:{_PRONOUN}|{_NAME}|{_DETERMINER})"
    # Said the old man: a capital cannot hide that the verb comes first
    rf"|(?<verb_first>Said|Says|Asked|Asks|Replied|Replies|Answered|Added|Continued|Finished"
    rf"|Whispered|Shouted|Cried|Muttered|Murmured)[ \t]+"
    rf"(?:{_PRONOUN}|{_NAME}|{_DETERMINER})"
    # Harry said
    rf"|{_NAME}[ \t]+{_ADVERB}(?<name_verb>\p{{Ll}}+)\b"
)


_SPEAKING_OR_SOUNDING = TAG_VERBS | SOUND_VERBS
# Lower-case subjects ("she laughed", "the ferryman laughed") may take a sound as a tag.
_LOWER_CASE_SUBJECTS = ("pronoun_verb",)


def _tag_verb(m: MatchObject, *, sounds: bool) -> str | None:
    """The verb of the tag shape that matched, if it is a verb of speaking."""
    groups = m.groupdict()
    for group in ("pronoun_verb", "verb_first", "name_verb"):
        verb = groups.get(group)
        if verb is None:
            continue
        verb = verb.lower()
        with_sounds = sounds and group in _LOWER_CASE_SUBJECTS
        return verb if verb in (_SPEAKING_OR_SOUNDING if with_sounds else TAG_VERBS) else None
    nouns = groups.get("noun_words")
    if nouns is None:
        return None
    verbs = _SPEAKING_OR_SOUNDING if sounds else TAG_VERBS
    words = nouns.split()
    # The first word names the speaker ("the operator", "the Domain's envoy").
    for at in range(1, len(words)):
        if words[at] in verbs:
            following = words[at + 1] if at + 1 < len(words) else ""
            return None if words[at] in _NAMING and following in _OBJECTS else words[at]
    return None


_OBJECTS = frozenset(_forms("him her them me us you it"))


# --- a period where the tag needs a comma -----------------------------------------------

# Not the last dot of an ellipsis, spaced or not ("Well . . ." she said).
# A lower-case "the" cannot open a new sentence either: '"Row." the ferryman said'; the
# noun may follow a possessive: '"Older." the officer's wife said'.
# The verb is found among the words by the judge: a pattern that guesses its place fails
# either "the old man said" or "the operator assured her".
_THE_NOUN_VERB = r"|the[ \t]+(?<noun_words>\p{L}+(?:['’]s)?(?:[ \t]+\p{Ll}+){1,3})\b"
_PERIOD_BEFORE_TAG = (
    r"(?<![.…])(?<![.…][ \t])\.(?="
    + _CLOSE_QUOTE
    + rf"[ \t]+(?:{_TAG_SHAPES}{_THE_NOUN_VERB})(?<tail>[^\n]{{0,200}}))"
)


# After a name and a verb the tag must end, or the name starts a sentence of its own:
# '"Fine." Harry said.' is a tag; '"Fine." Harry said nothing.' is a sentence.
# The verb may take its listener ('Harry told him.', 'she asked them, quietly').
# The rest of a tag: a particle ("called out"), a listener ("told it", "agreed with me"),
# an adverb, a short phrase of manner ("with a smile", "in a grand tone") or a clause of
# time ("as she ran", "as he steered her past the stall"), then the end of the clause.
# Anything else after the verb ("said nothing", "said in his letter that") makes a
# sentence of its own.
def _tag_end(clause_of_time: str) -> str:
    return (
        r"(?:[ \t]+(?:out|up|back|in))?"
        r"(?:[ \t]+(?:with|to)[ \t]+(?:him|her|them|me|us|you))?(?:[ \t]+\p{Ll}+ly)?"
        r"(?:[ \t]+(?:with|in)[ \t]+(?:a|an|the|his|her|their|my|your|our)[ \t]+"
        r"[\p{L}-]+(?:[ \t]+[\p{L}-]+)?"
        r"|[ \t]+(?:as|while)[ \t]+(?:he|she|they|we|I|you)\b" + clause_of_time + ")?"
        # a mark ends the tag, or the speech goes on at once ('Tremblay added "We')
        r"(?:[ \t]*[,.;]|[ \t]+(?=[\"“]))"
    )


_TAG_END = lazy(_tag_end(r"[^.!?;:\n\"“”]{1,160}?"))
# After ? or ! a capital may as well open a sentence of its own, and a long clause
# makes it one: '"Old!" He wheezed faintly as he steered her past the stall.'
_SHORT_TAG_END = lazy(_tag_end(r"[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+){0,2}"))
# Verbs whose object is the one spoken to ('Mara told him.', even a thing: 'Caleb told
# it.'); after other verbs the object is what was said ('He repeated them.', 'He said it
# without looking up.'), and the words make a sentence of their own.
_TO_A_LISTENER = frozenset(
    _forms(
        """
        tell tells told ask asks asked warn warns warned remind reminds reminded
        assure assures assured urge urges urged order orders ordered beg begs begged
        answer answers answered reassure reassures reassured promise promises promised
        greet greets greeted tease teases teased interrupt interrupts interrupted
        correct corrects corrected prompt prompts prompted scold scolds scolded
        chide chides chided mock mocks mocked taunt taunts taunted coax coaxes coaxed
        soothe soothes soothed command commands commanded instruct instructs instructed
        """
    )
)
# "call" with its object names someone ('"Mercedes" the men called her') or rings them.
_NAMING = frozenset(_forms("call calls called"))
_OBJECT_PRONOUN = lazy(r"[ \t]+(?:" + "|".join(sorted(_OBJECTS)) + r")\b")


def _ends_tag(verb: str, text: str, at: int = 0, *, short: bool = False) -> bool:
    """Whether what follows the tag verb ``verb`` at ``at`` of ``text`` ends the tag
    (``short``: with at most a short clause of time)."""
    verb = verb.lower()
    if verb in _NAMING and _OBJECT_PRONOUN.match(text, at):
        return False
    if verb in _TO_A_LISTENER:
        listener = _OBJECT_PRONOUN.match(text, at)
        if listener is not None:
            at = listener.end()
    return (_SHORT_TAG_END if short else _TAG_END).match(text, at) is not None


def _period_before_tag(document: Document, m: MatchObject) -> Match | None:
    if (
        _tag_verb(m, sounds=True) is None
        and not _intransitive_after_pronoun(m)
        and not _spoken_phrase_ends_tag(m)
    ):
        return None
    name_verb = m.group("name_verb")
    if name_verb is not None and not _ends_tag(name_verb, m.group("tail")):
        return None
    return Match(m.start(), m.end(), replacements=(",",))


def _spoken_phrase_ends_tag(m: MatchObject) -> bool:
    """'"Every species has fiction." I pointed out.': a verb and particle that say
    something ("pointed out", "shot back"), ending the clause, make a tag."""
    verb = m.group("pronoun_verb") or m.group("name_verb")
    if verb is None:
        return False
    tail = m.group("tail")
    particle = tail.split(maxsplit=1)[0].rstrip(",.;") if tail.strip() else ""
    return _is_spoken_phrase(verb, particle) and _ends_tag(verb, tail)


def _intransitive_after_pronoun(m: MatchObject) -> bool:
    """'"Dust." he wheezed.': a lower-case pronoun after a full stop is wrong whatever the
    verb, and a verb that ends the clause (no object) is a way of speaking that the lists
    do not name. A gesture ('he nodded.') is a beat, which another rule reports."""
    verb = m.group("pronoun_verb")
    if verb is None or verb in BEAT_VERBS or not verb.endswith(("ed", "s")):
        return False
    return _ends_tag(verb, m.group("tail"))


# --- no mark at all before the tag ------------------------------------------------------

_MISSING_COMMA = tuple(
    rf"{quote}(?<=[\p{{L}}\p{{N}}*_ ]{quote})(?=[ \t]+(?:{_TAG_SHAPES}{_THE_NOUN_VERB}))"
    for quote in ('"', "”")
)
_OPENING_QUOTE = {'"': '"', "”": "“"}


def _missing_comma(document: Document, m: MatchObject) -> Match | None:
    verb = _tag_verb(m, sounds=False)
    if verb is None:
        return None
    if _after_space(document, m.start()) or not _closes_speech(document, m.start()):
        return None
    if _mark_inside_emphasis(document, m.start()):
        return None
    quote = m.group()
    fixes = (f"?{quote}", f",{quote}") if verb in _QUESTION_VERBS else (f",{quote}",)
    return Match(m.start(), m.end(), replacements=fixes)


def _mark_inside_emphasis(document: Document, quote: int) -> bool:
    """The speech ends with a mark inside emphasis markup ('"*Shut up!*" she screamed'):
    it is punctuated, only the markup stands between the mark and the quote."""
    source = document.source
    position = quote - 1
    while position >= 0 and source[position] in "*_":
        position -= 1
    return position < quote - 1 and position >= 0 and source[position] in _SPEECH_END_MARKS


_SPEECH_END_MARKS = frozenset(".,!?…;:-—–")


def _after_space(document: Document, quote: int) -> bool:
    """A space before the quote, unless it stands for emphasis markup ('*terrible*"')."""
    if not document.text[quote - 1].isspace():
        return False
    return document.prose.segments is not None or document.source[quote - 1] not in "*_"


def _closes_speech(document: Document, quote: int) -> bool:
    """The closing quote of a line of speech: one the dialogue map closes there, or a short
    quoted line that opens its paragraph or sentence ('"Great" he lied.'), which the map
    may take for a quoted word. A quoted word inside narration is neither."""
    speech = document.speech
    index = speech.index_at(quote)
    if index is not None:
        return speech.closed[index] and speech.spans[index].end == quote + 1
    text = document.text
    paragraph = document.paragraph_at(quote)
    start = paragraph.start if paragraph is not None else 0
    opening = text.rfind(_OPENING_QUOTE[text[quote]], start, quote)
    if opening < 0:
        return False
    before = text[start:opening].rstrip()
    return not before or before[-1] in ".!?…—"


# --- a capital where the tag goes on in lower case --------------------------------------

_CAPITALISED_TAG = (
    # "I do," She said.  After a comma the sentence goes on, whatever follows.
    r",(?=" + _CLOSE_QUOTE + r"[ \t]+(?<word>He|She|They|We|You|It|His|Her|Their|The)\b)",
    # "I do," Said Harry.
    r",(?=" + _CLOSE_QUOTE + r"[ \t]+(?<word>Said|Says|Asked|Asks|Replied|Replies)\b)",
    # "Really?" She asked.  After ? or ! only a verb of speaking says the sentence goes on.
    *(
        rf"{regex.escape(mark)}(?={_CLOSE_QUOTE}[ \t]+(?<word>He|She|They|We|You|It)[ \t]+"
        rf"{_ADVERB}(?<verb>\p{{Ll}}+))"
        for mark in "?!"
    ),
)


def _capitalised_tag(document: Document, m: MatchObject) -> Match | None:
    verb = m.groupdict().get("verb")
    # After ? or ! a capital may start a sentence of its own: "He shouted it twice."
    # Only a verb of speaking that ends the clause makes it a tag: "She asked."
    if verb is not None and (
        verb not in TAG_VERBS or not _ends_tag(verb, document.text, m.end("verb"), short=True)
    ):
        return None
    start, end = m.span("word")
    word = m.group("word")
    return Match(start, end, replacements=(word[0].lower() + word[1:],))


# --- a capital after a tag that goes on with a comma ---------------------------------------

# The speech before the tag ends with a comma: it is one sentence, broken by the tag.
_CAPITAL_AFTER_TAG = (
    rf",(?=[\"”][ \t]+(?:{_TAG_SHAPES})(?<comma>,)[ \t]+[\"“]"
    rf"(?<word>\p{{Lu}}[\p{{Ll}}'’]*)\b)",
)
# Capitals that a sentence going on keeps: the speaker's "I" and an interjection that
# many writers capitalise.
_KEPT_CAPITALS = frozenset(_forms("I I'm I'll I've I'd I’m I’ll I’ve I’d Oh O Ah"))
# Words whose capital can only mean a new sentence (a name could be a word too: Harry).
_SENTENCE_OPENERS = frozenset(
    _forms(
        """you he she it we they this that these those there here the a an my your his
        her its our their if when what why how where who which whose do does did don't
        can can't will won't would could should shall may might must is are was were be
        have has had not no yes but and or so then now just for with from to in on at by
        as unless because though although until after before since while let please
        you're you've you'll he's she's it's we're they're that's there's what's"""
    )
)


def _capital_after_tag(document: Document, m: MatchObject) -> Match | None:
    """ "Little woman," said he, "You have been crying." The tag's comma says the sentence
    goes on inside the next quote, and the capital says a new one starts: one is wrong."""
    if _tag_verb(m, sounds=False) is None:
        return None
    word = m.group("word")
    if word.lower() not in _SENTENCE_OPENERS or word in _KEPT_CAPITALS:
        return None  # a name or a title keeps its capital: "said she, "Harry is here""
    start, end = m.start("comma"), m.end("word")
    piece = document.text[start:end]
    lowered = piece[: -len(word)] + word[0].lower() + word[1:]
    return Match(start, end, replacements=("." + piece[1:], lowered))


# --- a beat punctuated as a tag -----------------------------------------------------------

_BEAT_AFTER = rf"(?=[ \t]+{_ADVERB}(?<verb>\p{{Ll}}+)\b(?<particle>[ \t]+\p{{Ll}}+)?)"
_BEAT_AS_TAG = (
    # "I do," she smiles.
    rf",(?<quote>{_CLOSE_QUOTE})[ \t]+(?<who>{_PRONOUN}|{_NAME}){_BEAT_AFTER}",
    # "I do!" she smiles.
    *(
        rf"{regex.escape(mark)}(?<quote>{_CLOSE_QUOTE})[ \t]+(?<who>{_PRONOUN}){_BEAT_AFTER}"
        for mark in ".!?"
    ),
)
# "pointed out", "threw in", "shot back" and "trailed off" are ways of saying something,
# not gestures.
_SPOKEN_PARTICLES = {
    "point": ("out",),
    "trail": ("off",),
    "thr": ("in", "back", "over"),
    "shot": ("back",),
    "shoot": ("back",),
    "fire": ("back",),
}
# Words that show a verb acting on something (a place, an object): "rummaged through a
# drawer", "stamped out the fire". A verb of speaking rarely takes them straight after;
# "over", "across", "at" and "up" it often does ("hollered over the wind", "piped up").
_ACTION_FOLLOWERS = frozenset(
    _forms(
        """
        through into onto out down off the a an his her their its my your our
        """
    )
)
# Writing and signing carry words as speech does: '"Go," she texted back.'
_COMMUNICATING = frozenset(
    _forms(
        """
        write writes wrote type types typed text texts texted sign signs signed
        message messages messaged email emails emailed read reads
        """
    )
)
# A speaking verb later in the same clause makes the beat part of a tag: "she turned and
# said", "she smiled, saying".
_CLAUSE = lazy(r"[^.,;:!?\"”\n]{0,80}")
_SPEAKING_WORDS = TAG_VERBS | {"saying", "asking", "adding"}
_BEAT_MESSAGE_AFTER_MARK = (
    "An action beat is a sentence of its own: start it with a capital "
    "(smiling, nodding or shrugging is not speaking)."
)


def _beat_as_tag(document: Document, m: MatchObject) -> Match | None:
    verb = m.group("verb")
    if not _is_beat(verb, m.group("particle")) or _is_spoken_phrase(verb, m.group("particle")):
        return None
    clause = _CLAUSE.match(document.text, m.end())
    if clause is not None and not _SPEAKING_WORDS.isdisjoint(clause.group().split()[1:]):
        return None
    who = m.group("who")
    capital = who[0].upper() + who[1:]
    if m.group().startswith(","):
        return Match(m.start(), m.end(), replacements=(f".{m.group('quote')} {capital}",))
    if who == capital:
        return None  # already a sentence of its own
    start, end = m.span("who")
    return Match(start, end, message=_BEAT_MESSAGE_AFTER_MARK, replacements=(capital,))


def _is_beat(verb: str, particle: str | None) -> bool:
    """A gesture from the list, or any other finite verb that acts on something
    ('rummaged through', 'stamped out the fire') and is no way of speaking or writing."""
    if verb in BEAT_VERBS:
        return True
    if particle is None or particle.strip() not in _ACTION_FOLLOWERS:
        return False
    if verb in TAG_VERBS or verb in SOUND_VERBS or verb in BOOKISM_VERBS:
        return False
    return verb not in _COMMUNICATING and verb.endswith(("ed", "es"))


def _is_spoken_phrase(verb: str, particle: str | None) -> bool:
    if particle is None:
        return False
    word = particle.strip()
    return any(verb.startswith(stem) and word in after for stem, after in _SPOKEN_PARTICLES.items())


# --- narration after a finished speech, in lower case -------------------------------------

# A speech that ends its sentence (. ? ! or …), then a lowercase word.
_LOWER_AFTER_SPEECH = tuple(
    rf"{quote}(?<=[^.\s]\.{quote})(?=[ \t]*(?:\r?\n)?[ \t]*(?<word>\p{{Ll}}[\p{{Ll}}'’]*)\b)"
    for quote in ('"', "”")
)
_NEXT_WORDS = lazy(r"(?:[ \t]*(?:\r?\n)?[ \t]*[\p{L}'’-]+){1,4}")
# Verbs of thought and writing, and of remarking, end a tag too: "she would think", "he
# commented aloud". After a period such a tag is still a slip, dialogue.period-before-tag's.
_TAG_LIKE = frozenset(
    _forms(
        """think thinks thought write writes wrote comment comments commented state states
        stated mention mentions mentioned interject interjects interjected assure assures
        assured inform informs informed greet greets greeted complain complains complained
        grumble grumbles grumbled concede concedes conceded correct corrects corrected
        chime chimes chimed point points pointed"""
    )
)
# Words that go on the narration's sentence rather than start one ("Stop!" and he did).
_GOES_ON = frozenset(_forms("and but or nor then so as while when where which who whom"))
_SUBJECT_WORDS = frozenset(_forms("he she they we you it i the a an his her their my our its"))


def _lower_after_speech(document: Document, m: MatchObject) -> Match | None:
    """ "Out you come." the technician wiggled his needle. A speech that ends its sentence,
    followed by narration that is no speech tag, starts a new sentence: a capital."""
    word = m.group("word")
    if word in _GOES_ON:
        return None
    if document.paragraph_at(m.start()) != document.paragraph_at(m.start("word")):
        return None  # a line of its own after the speech's (a paragraph rule reads one)
    speech = document.speech
    index = speech.index_at(m.start())
    if index is None or speech.spans[index].end != m.end():
        return None
    if not _opens_a_sentence(document, speech.spans[index].start):
        return None  # a quotation inside a sentence of narration: He muttered "maybe..." and left
    following = _NEXT_WORDS.match(document.text, m.end())
    words = [word, *(following.group().split()[1:] if following else [])]
    if _tag_follows(words):
        return None  # a tag after a period: dialogue.period-before-tag's
    start, end = m.span("word")
    return Match(start, end, replacements=(word[0].upper() + word[1:],))


def _opens_a_sentence(document: Document, quote: int) -> bool:
    """Whether the opening quote at ``quote`` starts a sentence: at the paragraph's start,
    or after a sentence's end."""
    text = document.text
    paragraph = document.paragraph_at(quote)
    at = quote - 1
    while paragraph is not None and at >= paragraph.start and text[at] in " \t":
        at -= 1
    return paragraph is None or at < paragraph.start or text[at] in '.!?…"”’'


def _tag_follows(words: list[str]) -> bool:
    """Whether the words open a speech tag: a verb of speaking or a sound first (said he),
    or within a few words of its subject (she softly said, the old man laughed)."""
    lowered = [w.lower().strip("'’") for w in words]
    if _speaking(lowered[0]):
        return True
    if lowered[0] not in _SUBJECT_WORDS:
        return True  # an unknown opening (a name, a word of the story): leave it
    return any(_speaking(word) for word in lowered[1:4])


def _speaking(word: str) -> bool:
    return word in _SPEAKING_OR_SOUNDING or word in BOOKISM_VERBS or word in _TAG_LIKE


# --- low-severity tags: adverbs and said-bookisms -------------------------------------------

_TAG_ADVERB = tuple(
    rf"{quote}(?<=[,?!…—-]{quote})[ \t]+(?:"
    rf"(?:{_PRONOUN}|{_NAME})[ \t]+"
    rf"(?:(?<adverb>\p{{Ll}}+ly)[ \t]+(?<verb>\p{{Ll}}+)"
    rf"|(?<verb>\p{{Ll}}+)[ \t]+(?<adverb>\p{{Ll}}+ly))\b"
    rf"|(?<verb>\p{{Ll}}+)[ \t]+(?:{_PRONOUN}|{_NAME})[ \t]+(?<adverb>\p{{Ll}}+ly)\b"
    r")"
    for quote in ('"', "”", "'", "’")
)


def _tag_adverb(document: Document, m: MatchObject) -> Match | None:
    adverb = m.group("adverb")
    if m.group("verb") not in TAG_VERBS or adverb.lower() in _NOT_ADVERBS:
        return None
    start, end = m.span("adverb")
    return Match(start, end)


_BOOKISM_TAG = tuple(
    rf"{quote}(?<=[,?!…—-]{quote})[ \t]+(?:"
    rf"(?:{_PRONOUN}|{_NAME})[ \t]+{_ADVERB}(?<verb>\p{{Ll}}+)\b"
    rf"|(?<verb>\p{{Ll}}+)[ \t]+(?:{_PRONOUN}|{_NAME})"
    r")"
    for quote in ('"', "”", "'", "’")
)


def _bookism(document: Document, m: MatchObject) -> Match | None:
    if m.group("verb") not in BOOKISM_VERBS:
        return None
    start, end = m.span("verb")
    return Match(start, end)


# --- the rule set --------------------------------------------------------------------------


# Every rule here is a punctuation rule.
_meta = partial(describe, category="punctuation", locality="paragraph")


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
                'she whispered', 'he laughed'), or a pronoun and any verb that ends the
                clause ('he wheezed.', 'she panted softly.'), when the verb comes first
                ('said Harry', 'said the man', even capitalised: 'Said the old man'), or
                when a name or a capitalised pronoun and a verb of speaking, with at most a
                particle, its listener, an adverb, a short phrase of manner or a clause
                of time, make up the whole tag ('Harry said.', 'Mara told him.',
                'She ordered.', 'Arthur said with a smile.', 'I pointed out.', 'Jen called
                as she ran.'). "Called" with an object names someone and is no tag
                ('"Mercedes." The men called her that.'). A period
                before an action beat is right and left alone ('"I do." She smiles.'), as
                is an ellipsis ('"I don't know..." he said', '"Well . . ." she said').
                """,
                flags=[
                    '"I do." he said.',
                    '"It\'s late." she whispered softly.',
                    '"Go home." said Harry.',
                    '"Hello." said the man at the door.',
                    '"Fine." Harry said, and left.',
                    '"Sorry, it\'s the dust." he wheezed.',
                    '"Get in the car." She ordered, and turned the key.',
                    '"She will grow out of it." the officer\'s wife said.',
                    '"You\'ll be fine." Mara told him.',
                    '"For now." Arthur said with a smile.',
                    '"Tell me how." Harry said in a grand tone.',
                    '"Go away." Caleb told it.',
                    '"Fascinating." Vedred agreed with me.',
                    '"It must be." asserted the Corti envoy.',
                    '"I was shot." Ava recalled, rubbing her arm.',
                    '"Besides." Tremblay added "we do not know how long it has been there."',
                    '"They are not." He decided. "Looks like rain."',
                    '"Over here." Jen called as she ran.',
                    '"Come." Harry said as he steered her past the stall.',
                    '"Every species has stories." I pointed out.',
                    '"Take care of it." Said the old man.',
                    '"We have been had." Finished the one on the left.',
                    '"She will love it." the operator assured her.',
                ],
                passes=[
                    '"I do," he said.',
                    '"I do." She smiled.',
                    '"Fine." Harry said nothing more.',
                    '"I don\'t know..." he said.',
                    '"Well . . ." she said.',
                    '"Really?" she asked.',
                    '"Go home." he nodded.',
                    '"Yes." He said it without looking up.',
                    '"No." She said the word like a curse.',
                    '"Okay." He asked for nothing more.',
                    '"We leave at dawn." They nodded, one after another.',
                    '"Listen." Mara told him the whole story.',
                    '"Sit." She ordered a coffee and sat down herself.',
                    '"Fine." Harry said in his letter that he would come.',
                    '"Yes." She said it in the simplest manner, as if it were nothing.',
                    '"Mercedes." The men called her that.',
                    '"One, two, three, four, left." He repeated them.',
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
                flags=[
                    '"I do" she said.',
                    '"Where are you going" he asked.',
                    '"Yes" said Harry.',
                    '"I know" the old woman said.',
                ],
                passes=[
                    '"I do," she said.',
                    '"Where?" he asked.',
                    'The sign said "Closed".',
                    '"*Shut up! Shut up and get out!*" she screamed.',
                    'She was his wife. "Mercedes" the men called her.',
                ],
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
                "dialogue.capital-after-tag",
                summary="A tag that goes on with a comma, then speech that starts a sentence.",
                message=(
                    "After a tag and a comma the sentence goes on: write the next word in "
                    "lower case, or end the tag with a period if a new sentence starts."
                ),
                docs="""
                '"Little woman," said he, "You have been crying."': a speech broken by its
                tag after a comma is one sentence, and the comma after the tag carries it
                on into the next quote, where the capital starts a new one. Either the
                tag ends with a period ('said he. "You have been crying."') or the speech
                goes on in lower case ('said he, "you have been crying."'); both are
                offered. Only words that can stand nowhere but at a
                sentence's start with a capital are read so (pronouns, articles,
                conjunctions, auxiliaries: "You", "If", "The"): "I", "Oh", names and
                titles keep their capitals.
                """,
                flags=[
                    '"Little woman," said he, "You have been crying."',
                    '"You used to teach girls," she said, "If you could only see them."',
                    '"Get some water," said Marian, "She is upset by it."',
                ],
                passes=[
                    '"Little woman," said he. "You have been crying."',
                    '"Remain a moment," said he, "I was in my thoughts."',
                    '"Listen," she said, "Oh, how I missed you."',
                    'Harry came in. "Wait," said Ron, "Harry is here."',
                    '"Well," he said, "that is that."',
                    'He stopped at "ambitious." He repeated, "No. What made you say it?"',
                    '"Will you promise me this?" she asked, "Will you?"',
                ],
                fixes=[
                    (
                        '"Come," said he, "You are late."',
                        '"Come," said he. "You are late."',
                    )
                ],
            ),
            _CAPITAL_AFTER_TAG,
            _capital_after_tag,
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
                ('"Really?" She turned away.') is a new sentence and is left alone, and so
                is a verb of speaking that takes an object ('"Stop!" He shouted it
                twice.'); so are names and "I".
                """,
                flags=['"I do," She said.', '"Really?" She asked.', '"Run," The man shouted.'],
                passes=[
                    '"I do," she said.',
                    '"Really?" She turned away.',
                    '"Stop!" He shouted it twice, but the dog ran on.',
                    '"Old!" He wheezed faintly as he steered her past the stall.',
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
                    '"Maybe," Maud rummaged through a drawer.',
                    '"Sorry," she stamped out the little fire.',
                ],
                passes=[
                    '"I do." She smiles.',
                    '"I do," she said, smiling.',
                    '"I do," she smiled and said.',
                    '"I do," she laughed.',
                    '"Really?" She grins.',
                    '"It was last month," Freya pointed out.',
                    '"She\'s turning," he hollered over the wind.',
                    '"Go," she texted back. "Now," he shot back.',
                    '"In fact," Tarn trailed off as he felt the cold.',
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
                "dialogue.lowercase-after-speech",
                summary="Narration after a finished speech that starts in lower case.",
                message="The speech ended its sentence: start the narration with a capital.",
                docs="""
                A speech that ends with a period has ended its sentence; narration after
                it that is no speech tag is a new sentence and starts with a capital:
                '"Out you come." The technician wiggled his needle.' Only a pronoun or a
                determiner opening the narration is read ('he', 'his', 'the'). After a
                question or exclamation mark or an ellipsis, a pronoun and almost any
                verb may be a tag ('"Why?" she flared', '"In those days..." she
                resumed'), and so may a possessive ('"Jerry!" his wife implored'): those
                are left alone. So are a tag after the period (the
                `dialogue.period-before-tag` rule's), a quotation inside a sentence of
                narration
                ('He muttered "maybe..." and left') and narration that goes on with
                'and' or 'then' are left alone. Beats after a comma are the
                `dialogue.beat-as-tag` rule's.
                """,
                flags=[
                    '"Okay. Out you come." the technician wiggled his needle.',
                    '"Your first contact." he made a peculiar ducking shrug.',
                    '"That is all." her eyes fell to the floor.',
                ],
                passes=[
                    '"Out you come." The technician wiggled his needle.',
                    '"Really?" she asked.',
                    '"Oh!" he laughed.',
                    '"Seems…" he said quietly.',
                    'He muttered "maybe..." and walked off.',
                    '"Stop!" and he stopped.',
                    '"Yes." said Harry.',
                    '"Wait!" the old man softly called.',
                    '"For me?" she questioned.',
                    '"Your first contact…" he made a peculiar ducking shrug.',
                    '"Jerry!" his wife implored.',
                    '"In those days..." she resumed.',
                    '"I see." she would think.',
                ],
                fixes=[
                    (
                        '"Out you come." the technician wiggled it.',
                        '"Out you come." The technician wiggled it.',
                    )
                ],
            ),
            _LOWER_AFTER_SPEECH,
            _lower_after_speech,
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
