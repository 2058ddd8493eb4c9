"""Doubled words: "the the", also across a line break.

The rule asks the document's vocabulary (``Document.vocabulary``: its words in order,
without offsets) which words stand twice in a row, by comparing the list with itself
shifted by one word in C, and then searches the text only for those few words. A
backreference pattern (``\\b(\\w+)\\s+\\1\\b``) would have to try every word of a novel and
costs tens of milliseconds on one.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from itertools import compress, islice
from typing import TYPE_CHECKING

from proselint_fic.diagnostic import Severity
from proselint_fic.document.words import WORD
from proselint_fic.patterns import lazy
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.document import Document

__all__ = ["DoubledWordRule", "rules"]

# Spaces with at most one line break: a blank line ends the paragraph, and so the slip.
_GAP = lazy(r"[ \t]*(?:\r?\n[ \t]*)?")


def _words(listing: str) -> list[str]:
    return listing.split()


def _words_joined(paragraph: str) -> str:
    return " ".join(paragraph.split())


# Grammatical doublings: "she had had enough", "he said that that was fine", "gave her her
# keys", "I do do that".
_GRAMMATICAL = frozenset({"had", "that", "do"})
# "her her" is an object and then a possessive only after a verb ("gave her her keys");
# after a preposition it is a slip ("chin on her her hand").
_OBJECT_THEN_POSSESSIVE = frozenset({"her"})
_PREPOSITIONS = frozenset(
    _words(
        """
    on in at with from to for of by into onto upon under over against behind beside near
    across through about around toward towards without within between among during after
    before like off past
    """
    )
)
# "is is" and "was was" are grammatical only after a clause that is itself the subject:
# "what it is is a mess", "all it was was a scratch", "the thing is is that".
_CLEFT_VERBS = frozenset({"is", "was"})
_CLEFT_OPENERS = frozenset(
    _words("what all thing problem point trouble truth question reason fact issue matter")
)
_CLEFT_REACH = 5

# Words whose doubling is a word of its own, anywhere: "bye bye", "tut tut", "tick tock".
_REDUPLICATED = frozenset(
    _words(
        """
    bye tut tsk ha haha ho hee heh hah hush pom tom dum boo choo cha yum blah yada bla la da
    ta bang hey oh ooh ah aah uh um umm hm hmm mm mmm woof meow beep honk clap boom pew rah
    hip ding dong buzz zzz shh ssh psst pst tick tock bam pow whoa wow
    """
    )
)
# Everyday words doubled as an utterance of their own ("There there.", "Night night!",
# "no no, not that one", "Knock knock."); inside a clause ("every night night since") the
# doubling is a slip.
_UTTERANCES = frozenset(_words("no yes yeah yep nope there now well knock chop night go okay ok"))

# Intensifiers doubled on purpose, by a speaker or a narrator's voice alike: "a very very
# good toad", "she really really tried".
_INTENSIFIERS = frozenset(_words("very really"))
# Inside dialogue a speaker repeats on purpose: "so so sorry", "please please", "wait wait",
# "far far away". Not "more more": a speaker who means it says "more, more".
_SPOKEN = frozenset(
    _words(
        """
    so much far too way super many please sorry wait stop run go help
    come look listen hurry quick faster
    """
    )
)


class DoubledWordRule(MetaRule):
    """The same word twice in a row, unless grammar or the speaker means it."""

    def check(self, document: Document) -> Iterator[Match]:
        vocabulary = document.vocabulary
        for start, end, word in vocabulary.repeats(_doubled(vocabulary.sequence)):
            if _grammatical(word, vocabulary.folded, start):
                continue
            if word in _UTTERANCES and _stands_alone(document.text, start, end):
                continue
            if _set_off(document, start, end):
                continue  # "Crunch crunch!", "*Cough cough*": a sound of its own
            match = self._judge(document, start, end, start + len(word))
            if match is not None:
                yield match

    def _judge(self, document: Document, start: int, end: int, first_end: int) -> Match | None:
        text = document.text
        second_start = end - (first_end - start)
        gap = _GAP.fullmatch(text, first_end, second_start)
        if gap is None or first_end == second_start:
            return None  # a mark between them ("no, no") or a blank line
        if text[second_start].isupper():
            return None  # names (Walla Walla, Humbert Humbert), a band, a new line of verse
        if document.in_emphasis(start) != document.in_emphasis(end - 1):
            return None  # "failed *failed*": the repetition is the point
        if document.paragraph_at(start) != document.paragraph_at(end - 1):
            return None
        if text[start:first_end].lower() in _SPOKEN and document.in_dialogue(start):
            return None
        if _in_a_run(document, start, end, text[start:first_end].lower()):
            return None  # "gheh gheh gheh", "no no no": said three times, said on purpose
        return Match(start, end, replacements=(text[start:first_end],))


def _doubled(sequence: list[str]) -> list[str]:
    """The words that stand twice in a row somewhere, less those doubled by grammar or nature."""
    same = map(operator.eq, sequence, islice(sequence, 1, None))
    doubled = {sequence[index] for index in compress(range(len(sequence) - 1), same)}
    return sorted(
        word
        for word in doubled
        if word not in _GRAMMATICAL
        and word not in _REDUPLICATED
        and word not in _INTENSIFIERS
        and _is_word(word)
    )


def _grammatical(word: str, folded: str, start: int) -> bool:
    """True when grammar doubles ``word`` here: "gave her her keys", "what it is is"."""
    if word in _OBJECT_THEN_POSSESSIVE:
        before = _words_before(folded, start)
        return not (before and before[-1] in _PREPOSITIONS)
    return word in _CLEFT_VERBS and _after_cleft(folded, start)


# Far enough back to hold the words a cleft opener can stand among.
_CLEFT_WINDOW = 80 * _CLEFT_REACH


def _after_cleft(folded: str, start: int) -> bool:
    return not _CLEFT_OPENERS.isdisjoint(_words_before(folded, start)[-_CLEFT_REACH:])


_NEXT_WORD = lazy(r"[ \t]*(?:\r?\n[ \t]*)?([\w'’]+)")
_PREVIOUS_WORD = lazy(r"([\w'’]+)[ \t]*(?:\r?\n[ \t]*)?\Z")
_RUN_LOOKBACK = 40


def _in_a_run(document: Document, start: int, end: int, word: str) -> bool:
    """Whether the doubled word stands a third time just before or after the pair, in its
    paragraph: a laugh, a chant or an insistence (au au au), which a slip never makes."""
    text = document.text
    paragraph = document.paragraph_at(start)
    low, high = (0, len(text)) if paragraph is None else paragraph
    after = _NEXT_WORD.match(text, end, high)
    if after is not None and after.group(1).lower() == word:
        return True
    before = _PREVIOUS_WORD.search(text, max(low, start - _RUN_LOOKBACK), start)
    return before is not None and before.group(1).lower() == word


def _beside(
    text: str, start: int, end: int, bounds: tuple[int, int], space: Callable[[str], bool]
) -> tuple[str, str]:
    """The characters just before ``start`` and just after ``end``, past any ``space``
    and within ``bounds``; an empty string at those bounds."""
    low, high = bounds
    left = start
    while left > low and space(text[left - 1]):
        left -= 1
    right = end
    while right < high and space(text[right]):
        right += 1
    return (text[left - 1] if left > low else "", text[right] if right < high else "")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """True when the doubled word is set off from a clause: a mark or the paragraph's start
    before it, or a mark after it ("There there.", "no no, not that")."""
    before, after = _beside(text, start, end, (0, len(text)), " \t".__contains__)
    return not before.isalnum() or not after.isalnum()


def _set_off(document: Document, start: int, end: int) -> bool:
    """True when marks or the paragraph's edges stand on both sides of the pair: it is an
    utterance or a sound of its own ("Crunch crunch!", "...*hack hack*...!"), where a
    slip would sit inside a clause ("radioed in in a panic")."""
    text = document.text
    paragraph = document.paragraph_at(start)
    bounds = (0, len(text)) if paragraph is None else (paragraph.start, paragraph.end)
    before, after = _beside(text, start, end, bounds, str.isspace)
    return (not before or before in _MARKS_BEFORE) and (not after or after in _MARKS_AFTER)


_MARKS_BEFORE = frozenset(".!?…*\"“”'‘’~(-—")
_MARKS_AFTER = frozenset(".!?…*\"“”'‘’~)-—")


def _words_before(folded: str, start: int) -> list[str]:
    """The words shortly before ``start``, at least the last five."""
    window_start = max(0, start - _CLEFT_WINDOW)
    before = WORD.findall(folded, window_start, start)
    if window_start > 0:
        before = before[1:]  # the window may have cut its first word in two
    return before


def _is_word(word: str) -> bool:
    return word.replace("'", "").replace("’", "").isalpha()


def rules() -> list[Rule]:
    """The repetition rules, in a stable order."""
    return [
        DoubledWordRule(
            RuleMeta(
                id="repetition.doubled-word",
                category="repetition",
                severity=Severity.WARNING,
                scope="both",
                fix_safety="safe",
                locality="paragraph",
                summary="The same word twice in a row.",
                message="A doubled word: delete one of them.",
                docs=_words_joined(
                    """
                    "looking at the the cellar door" repeats a word by accident, often
                    across a line break where the eye does not catch it. The fix keeps one.
                    Grammatical doublings ("had had", "that that", "gave her her keys" but
                    not "on her her hand", and "is is" or "was was" after a clause that is
                    itself the subject: "what it is is a mess", "all it was was a scratch"),
                    words that are doubled by nature ("bye bye", "tut tut", and everyday
                    words doubled as an utterance of their own: "There there.", but not
                    "every night night since"), names ("Walla Walla"), emphasis that makes
                    the repetition the point ("failed *failed*"), a doubled "very" or "really"
                    anywhere ("a very very good toad"), and a speaker's deliberate
                    repetition of an intensifier or a plea inside dialogue ("so so sorry",
                    "please please", "wait wait") are left alone, and so is a word said three
                    times or more ("au au au", "gheh gheh gheh"): a slip doubles, a laugh or
                    a chant goes on; and a pair set off by marks on both sides, a sound or an
                    utterance of its own ("Crunch crunch!", "*Cough cough*").
                    """
                ),
                flags=(
                    "He keeps looking at the the cellar door.",
                    "She'd complained a a lot.",
                    "\"That's that's something,\" she said.",
                    '"I need more more time," she said.',
                    "It was the long long grey afternoon.",
                    "Outside, the organist was was running through the hymn.",
                    "She leans in, chin on her her hand.",
                    "He read it, and\ndeletes deletes every message.",
                    '"I\'ve written to him every night night since."',
                ),
                passes=(
                    "She had had enough of him.",
                    "He said that that was fine.",
                    "What it is is a mess.",
                    "All it was was a scratch, and the thing is is that it healed.",
                    "He gave her her keys back.",
                    '"Bye bye," she said. "There there."',
                    "The toad had been a very very good toad.",
                    '"No, no, no," he said. "It\'s very very bad."',
                    "They moved to Walla Walla last spring.",
                    '"Like, failed *failed*."',
                    "It was over, the\n\nthe next morning proved it.",
                    '"Au au au. Why are you sitting down?" Gheh gheh gheh gheh!',
                    '"It\'s not that...! Crunch crunch!" *Cough cough*!',
                ),
                fixes=(
                    FixExample(
                        "He keeps looking at the the cellar door.",
                        "He keeps looking at the cellar door.",
                    ),
                ),
            )
        )
    ]
