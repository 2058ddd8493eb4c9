"""``punctuation.vocative-comma``: a name in direct address without its comma.

Speech sets off the person it talks to with a comma: *"Thanks, Annika."*, *"See you
later, Mala."*, *"Hi, Jack."* Writers drop that comma more than any other in dialogue,
and a reader stumbles on *"Thanks Annika"* the way an editor does. Two places give the
address away without parsing the sentence:

* after a greeting or interjection that opens the sentence (*Thanks*, *Hi*, *Morning*,
  *Oh*, *Yes*), a name or a word of address that ends it (*"Morning Annika!"*, *"Hi
  guys."*);
* at the sentence's end, after an object pronoun or an adverb that a name cannot belong
  to (*"See you later Mala."*, *"Are you bribing me Princess?"*, *"I can handle it by
  myself dad."*), where a name is the person spoken to, not part of the clause.

A name is a capitalised word that no dictionary holds (*Annika*, *Goro*), or a title used
as one (*Princess*, *Captain*, *Mom*). Names the dictionary knows as words or places
(*Jack*, *Paris*) are left alone, since *"I'll meet you in Paris"* is no address; so are
days and months (*"See you Monday."*) and the names of God (*"Oh God."*). Only speech is
read.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from proselint_fic.checks.tense.words import wordset
from proselint_fic.diagnostic import Severity
from proselint_fic.patterns import lazy
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.document import Dialect, Document

__all__ = ["VocativeCommaRule", "rules"]

# Words that open a sentence and then turn to the person addressed; a two-word opener is
# found by its last word and the one before it.
_OPENERS = wordset(
    "hi hello hey hiya howdy thanks morning afternoon evening night goodnight goodbye bye "
    "welcome yes no yeah yep nope okay ok sorry oh ah well please congratulations listen "
    "look sure alright right cheers wow ugh hmm regardless anyway seriously really"
)
_TWO_WORD_OPENERS: dict[str, tuple[str, ...]] = {
    "you": ("thank",),
    "day": ("good",),
    "on": ("come",),
    "me": ("excuse", "pardon"),
    "right": ("all",),
}
# A word a name at the end of a sentence cannot belong to.
_BEFORE_END = wordset(
    "me you him it myself yourself yourselves himself herself ourselves themselves now "
    "later too again then here there already today tonight tomorrow anyway soon back out "
    "off away enough anymore alone right"
)
_TRIGGERS = _OPENERS | _BEFORE_END | frozenset(_TWO_WORD_OPENERS)
_TITLE_ABBREVIATIONS = wordset("mr mrs ms dr st")
# The most words a name runs to (Annika Grace Smith).
_NAME_WORDS = 3
# Titles and kin words used as names in address (capitalised: "Yes, Captain").
_TITLES = wordset(
    "princess prince sir madam ma'am mom mum mommy mummy dad daddy mother father captain "
    "doctor doc professor sister brother grandma grandpa granny gran nana uncle aunt auntie "
    "boss master mistress lady lord majesty highness sire detective officer sergeant "
    "commander general coach miss mister sensei senpai teacher milady milord chief"
)
# Lowercase words of address: after an opener any of them ("Thanks everyone"); at the end
# of a sentence only those that name a person ("by myself dad").
_LOWER_ADDRESS = wordset(
    "dad mom mum mommy daddy mate man dude bro sis kid kiddo girl honey sweetie sweetheart "
    "sir ma'am buddy pal darling son lad lass guys folks everyone everybody babe"
)
# Interjections that go with a lowercase word as one exclamation ("Oh man!", "Wow guys"
# is rare): after these only a name counts.
_EXCLAIMING = wordset("oh ah wow ugh hmm")
# Verbs that give an object a name or a title ("We called him Goro.", "They made her
# Queen."), and the verb be ("Is it Oleg?", "Are you Maebara-san?"): the name after the
# pronoun is what it is called, not who is spoken to.
_NAMING = lazy(
    r"(?i:(?:call|name|dub|christen|nickname|make|made|crown|elect|appoint|title|label|term"
    r"|declare|proclaim|pronounce|vote)\p{L}*|is|isn't|isn’t|was|wasn't|wasn’t|are|aren't"
    r"|aren’t|were|weren't|weren’t|am|be|been|being|it's|it’s|ain't|ain’t"
    # Verbs that take two objects ("bring me Sir Boar", "taught you Hindostanee").
    r"|give|gives|gave|given|giving|bring|brings|brought|send|sends|sent|teach|teaches"
    r"|taught|promise[sd]?|show|shows|showed|shown|offer|offers|offered|hand|hands|handed"
    r"|pass|passed|get|gets|got|buy|bought|find|finds|found|lend|lent|owe[sd]?|pay|paid"
    r"|sell|sold|fetch|fetched|grant|granted|cost|deny|denied|wish|wished|let)\s+$"
)
# A particle before a name ends an order to someone ("Come back Annika!", "Go away
# Goro.") after a verb of moving; after another verb the name is its object ("bring out
# Aziz").
_PARTICLES = wordset("back out off away")
_MOVING = wordset(
    "come go get stay stand step keep move run hurry back stay fall sit lie hold look watch"
)
_LOWER_AT_END = wordset("dad mom mum mommy daddy mate dude bro sis kiddo sweetie buddy pal")
# Capitalised words that are not addressed, or not by a comma.
_NOT_ADDRESSED = wordset(
    "god lord christ jesus heaven heavens hell goodness gosh dear monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december christmas easter halloween thanksgiving i"
)


class VocativeCommaRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        speech = document.speech
        if not speech.spans:
            return
        text = document.text
        words = document.words
        folded, starts = words.folded, words.starts
        for span in speech.spans:
            first = bisect_left(starts, span.start)
            last = bisect_left(starts, span.end)
            for at in range(first, last - 1):
                if folded[at] in _TRIGGERS and (
                    text[starts[at + 1]].isupper() or folded[at + 1] in _LOWER_ADDRESS
                ):
                    found = _address_after(document, at, last)
                    if found is not None:
                        start, end = found
                        yield Match(start, end, replacements=(text[start:end] + ",",))


def _address_after(document: Document, at: int, stop: int) -> tuple[int, int] | None:
    """The span of the opener or end word at word ``at`` when the words after it, up to
    word ``stop``, are a name in address that wants a comma before it."""
    text, words = document.text, document.words
    folded, starts, ends = words.folded, words.starts, words.ends
    word = folded[at]
    if text[ends[at] : starts[at + 1]].strip(" \t"):
        return None  # already a comma (or any mark) between them
    name = _name_words(document, at + 1, stop)
    if name is None:
        return None
    first, after = name
    written = text[starts[first] : ends[first]]
    lower = written[:1].islower()
    mark = text[ends[after - 1] : ends[after - 1] + 2].lstrip(" \t")[:1]
    start = starts[at]
    two_word = _TWO_WORD_OPENERS.get(word)
    if two_word and at > 0 and folded[at - 1] in two_word:
        start = starts[at - 1]
    opener = word in _OPENERS or (two_word is not None and start != starts[at])
    if opener and _opens_clause(text, start):
        if lower and (written not in _LOWER_ADDRESS or word in _EXCLAIMING):
            return None
        if word == "no" and ((lower and written not in ("sir", "ma'am")) or mark not in _ENDS):
            return None  # "No man can tell", "no Pain, no Master, no Whips"
        if mark in _ENDS or mark in _CLAUSE_MARKS:
            return start, ends[at]
        return None
    if word not in _BEFORE_END or mark not in _ENDS:
        return None
    if lower and written not in _LOWER_AT_END:
        return None
    if _NAMING.search(text, max(0, start - _LOOK_BACK), start):
        return None
    if word in _PARTICLES and _word_before(text, start) not in _MOVING:
        return None
    return starts[at], ends[at]


def _name_words(document: Document, first: int, stop: int) -> tuple[int, int] | None:
    """The words ``[first, after)`` of a name in address (Annika, Princess, Mr. Smith,
    dad), when they are one: then the next character is a mark or the speech's end."""
    text, words = document.text, document.words
    folded, starts, ends = words.folded, words.starts, words.ends
    written = text[starts[first] : ends[first]]
    dialect = document.options.dialect
    if written[:1].islower():
        return (first, first + 1) if written in _LOWER_ADDRESS else None
    if folded[first] in _TITLE_ABBREVIATIONS and text[ends[first] : ends[first] + 1] == ".":
        if first + 1 >= stop:
            return None  # "and then Mr." ends the speech: a title's period
        first += 1
        written = text[starts[first] : ends[first]]
        if not written[:1].isupper():
            return None
    elif not _is_name(written, dialect):
        return None
    after = first + 1
    while (
        after < stop
        and after - first < _NAME_WORDS
        and text[starts[after] : starts[after] + 1].isupper()
        and not text[ends[after - 1] : starts[after]].strip(" \t")
    ):
        after += 1
    if any(folded[i].endswith("'s") for i in range(first, after)):
        return None  # "over there Washington's Birthday": a possessive
    following = text[ends[after - 1] : ends[after - 1] + 2].lstrip(" \t")[:1]
    if following and following not in _ENDS and following not in _CLAUSE_MARKS:
        return None
    return first, after


def _is_name(written: str, dialect: Dialect) -> bool:
    from proselint_fic.checks.spelling.analysis import is_dictionary_word

    lower = written.lower().replace("’", "'")
    if lower in _NOT_ADDRESSED or _INNER_CAPITAL.search(written):
        return False  # "you HODLed", "the iPhone": no name is written so
    return lower in _TITLES or not is_dictionary_word(lower, dialect)


def _opens_clause(text: str, at: int) -> bool:
    """Whether ``at`` starts a speech, a sentence or a clause after a comma."""
    before = text[max(0, at - _LOOK_BACK) : at].rstrip(" \t")
    return not before or before[-1] in _CLAUSE_STARTS


def _word_before(text: str, at: int) -> str:
    words = text[max(0, at - _LOOK_BACK) : at].split()
    return words[-1].lower().strip("\"“‘'(") if words else ""


_LOOK_BACK = 40
# A capital inside a word, other than after a hyphen or an apostrophe (Rika-Chan, O'Neill).
_INNER_CAPITAL = lazy(r"(?<=[^\W\d_])[A-Z]")
_ENDS = frozenset(".!?…")
_CLAUSE_MARKS = frozenset(",;:—–\"”’'")
_CLAUSE_STARTS = frozenset(".!?…,\"“‘'(\n")


VOCATIVE_COMMA = RuleMeta(
    id="punctuation.vocative-comma",
    category="punctuation",
    severity=Severity.WARNING,
    scope="both",
    locality="paragraph",
    summary="A name or word of address in speech without the comma that sets it off.",
    message="Set off the person addressed with a comma.",
    docs=(
        "Speech sets off the person it talks to with a comma (*Thanks, Annika*). Read in "
        "speech only, in two places: after a greeting or interjection that opens a "
        'sentence (*"Morning Annika!"*, *"Hi guys."*, *"Ah, yes Princess."*), and at '
        'a sentence\'s end after an object pronoun or an adverb (*"See you later Mala."*, '
        '*"Are you bribing me Princess?"*, *"I can handle it by myself dad."*). A name '
        "is a capitalised word no dictionary holds, or a title used as one (*Princess*, "
        "*Captain*, *Mom*); words and places the dictionary knows (*Jack*, *Paris*), days "
        'and months (*"See you Monday."*) and the names of God (*"Oh God."*) are left '
        "alone. The fix puts the comma in."
    ),
    flags=(
        '"Okay. Thanks Annika."',
        '"Morning Annika!" she called.',
        '"You know it. See you later Mala."',
        '"Are you bribing me Princess?"',
        '"I can handle it by myself dad."',
        '"Ah, yes Princess. So glad of you to join me."',
        '"Hi guys," he said.',
        '"Come back Annika!" "I have betrayed myself Miss Yule."',
    ),
    passes=(
        '"Thanks, Annika."',
        '"I met Annika at the market."',
        '"I\'ll meet you in Paris."',
        '"See you Monday."',
        '"Oh God." She sat down.',
        '"Thank God you came."',
        '"Hi Jack." He waved.',
        "Thanks Annika, she thought, and then she left.",
        '"She went with her dad."',
        '"Tell me about her Majesty."',
        '"We called him Goro."',
        '"Oh man!" he said. "Oh dear."',
        '"Is it Oleg?" "Are you Maebara-san?" "Isn\'t it Vitamancy?"',
        '"They lived around Talaam." "And then Mr. Hammond died."',
        '"Bring me Sir Boar." "Rivers taught you Hindostanee?" "Bring out Aziz."',
        "'There is no Pain, no Master, no Whips for ever again.'",
        '"I hope you HODLed!" "I would not call\nhim Knightley!"',
    ),
    fixes=(FixExample('"Okay. Thanks Annika."', '"Okay. Thanks, Annika."'),),
)


def rules() -> list[Rule]:
    """The vocative-comma rule."""
    return [VocativeCommaRule(VOCATIVE_COMMA)]
