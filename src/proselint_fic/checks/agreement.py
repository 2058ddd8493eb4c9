"""Subject-verb agreement after a subject pronoun: "he check the time", "I addresses her".

A subject pronoun fixes the person of the verb that follows it, so a base form after
*he*, *she* or *it* ("he check") and an -s form after *I* or *they* ("they walks") are
slips that a dictionary cannot see. Only narration is read: in dialogue the same shapes
are a character's voice ("he don't", "I says"). The fix follows the scene's tense from
the tense model: *he check* becomes *checked* in a past-tense scene and *checks* in a
present-tense one.

What keeps this precise: the word after the pronoun must be a verb with no adjective or
adverb reading (*she sure is*, *he alone*), a verb whose past is not its base form
(*he put*, *she cut* are past) nor the past of another verb (*he saw*, *she found*),
not a semi-modal (*he need not*, *she dare not*), and
the pronoun must open its clause (*did he go*, *let it be*, *made her stay* are
questions and bare infinitives).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar, Literal, NamedTuple
from weakref import WeakKeyDictionary

from proselint_fic.diagnostic import Severity
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.checks.agreement_kept import ParagraphAgreement
    from proselint_fic.checks.tense.lexicon import VerbTables
    from proselint_fic.document import Document

Person = Literal["third", "other"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_THIRD_SINGULAR = {"he": "third", "she": "third", "it": "third"}
# "we" and "you" are left out: "we girls", "you kids" put a plural noun after them.
_OTHER = {"i": "other", "they": "other"}
# Words that, just before a pronoun, make it an object or an inverted subject: "did he
# go", "let it be", "made her stay", "as if it matter", "that he go" (mandative).
_NOT_CLAUSE_OPENERS = _wordset(
    "do does did don't doesn't didn't will would can could should shall may might must "
    "won't wouldn't can't couldn't shouldn't let lets make makes made help helps helped "
    "watch watched watches see saw sees seen hear heard hears feel felt feels have has "
    "had bid lest than to"
)
# Verbs that take a subjunctive "that" clause: "she insisted that he go".
_MANDATIVE = _wordset(
    "insist insists insisted demand demands demanded suggest suggests suggested require "
    "requires required ask asks asked recommend recommended propose proposed urge urged "
    "request requested order ordered essential important vital"
)
_MANDATIVE_REACH = 3
# Adverbs that may stand between a subject and its verb ("he never check").
_GAPS = _wordset(
    "just then finally only still also even really already almost nearly suddenly slowly "
    "quickly quietly carefully barely hardly simply actually always never often sometimes "
    "usually again immediately instantly abruptly gently softly briefly merely certainly "
    "probably clearly silently somehow"
)
_SUBJECTS = frozenset(_THIRD_SINGULAR) | frozenset(_OTHER)
_SEMI_MODALS = _wordset("need dare ought better")
_MAX_GAPS = 2


class Slip(NamedTuple):
    start: int
    end: int
    replacements: tuple[str, ...]
    message: str


def paragraph_agreement() -> ParagraphAgreement:
    from proselint_fic.checks.agreement_kept import ParagraphAgreement

    return ParagraphAgreement()


def find_slips(document: Document, tense_at: TenseAt | None = None) -> Iterator[Slip]:
    """Agreement slips in the narration of ``document``, in text order; ``tense_at`` gives
    the tense of the scene at an offset (by default, the tense model's)."""
    from proselint_fic.checks.tense.lexicon import tables

    words = document.words
    folded = words.folded
    table = tables()
    if tense_at is None:
        tense_at = _scene_tenses(document)
    # A comprehension finds the pronouns at C speed; the checks below run on them only,
    # the cheap look-ups of the verb first (most pronouns have a verb that agrees).
    subjects = [i for i, word in enumerate(folded) if word in _SUBJECTS]
    for i in subjects:
        pronoun = folded[i]
        person = _THIRD_SINGULAR.get(pronoun) or _OTHER.get(pronoun)
        if person is None:
            continue
        j = i + 1
        while j < len(folded) and j - i <= _MAX_GAPS and folded[j] in _GAPS:
            j += 1
        if j >= len(folded):
            continue
        verb = folded[j]
        forms = _agreeing_forms(verb, person, pronoun, table)
        if forms is None or not _opens_clause(document, i):
            continue
        if not _same_clause(document.text, words.ends[j - 1], words.starts[j]):
            continue
        start, end = words.starts[j], words.ends[j]
        if document.in_dialogue(start) or document.in_dialogue(words.starts[i]):
            continue
        # Most fiction is told in the past: without a clear scene tense, the past first.
        third, past = forms
        fix = (third, past) if tense_at(start) == "present" else (past, third)
        written = document.text[start:end]
        replacements = tuple(match_case(written, f) for f in fix)
        yield Slip(start, end, replacements, _message(document.text[words.starts[i] : end], fix))


def _agreeing_forms(
    verb: str, person: str, pronoun: str, table: VerbTables
) -> tuple[str, str] | None:
    """The present and the past that agree with the pronoun; None if the verb agrees."""
    if person == "third":
        lemma = verb if verb in table.forms else None
        if lemma is None or lemma in _SEMI_MODALS or lemma == "be" or verb in table.third:
            return None
        if verb in table.past:
            return None  # he saw, she found, it lay: the past of another verb
        past, third = table.preferred(lemma)
        if lemma in {past, third} or not _only_a_verb(verb, table):
            return None  # he put, she cut: the past; he alone: no verb
    else:
        lemma_of = table.third.get(verb)
        if lemma_of is None or lemma_of in _SEMI_MODALS or not _only_a_verb(verb, table):
            return None
        lemma = lemma_of
        past, _ = table.preferred(lemma)
        third = lemma
        if lemma == "be":
            third, past = ("am", "was") if pronoun == "i" else ("are", "were")
    return third, past


def _only_a_verb(word: str, table: VerbTables) -> bool:
    letters = table.readings.get(word, "")
    return "a" not in letters and "r" not in letters and "p" not in letters


def _opens_clause(document: Document, index: int) -> bool:
    words = document.words
    if index == 0 or _opens_paragraph(document, index):
        return True  # the words before belong to another paragraph
    folded = words.folded
    before = folded[index - 1]
    if before in _NOT_CLAUSE_OPENERS:
        return False
    if before == "that" and not _MANDATIVE.isdisjoint(
        folded[
            max(_paragraph_first_word(document, index), index - 1 - _MANDATIVE_REACH) : index - 1
        ]
    ):
        return False  # "she insisted that he go": a subjunctive, not a slip
    if folded[index] != "it":
        return True  # he, she, I and they are subjects wherever they stand
    # "It" right after a verb is its object ("watched it fall"): only a clause boundary,
    # a conjunction or a relative before it keeps it a subject.
    between = document.text[words.ends[index - 1] : words.starts[index]]
    return bool(between.strip()) or before in _CLAUSE_WORDS


def _paragraph_first_word(document: Document, index: int) -> int:
    words = document.words
    paragraph = document.paragraph_at(words.starts[index])
    return bisect_left(words.starts, paragraph.start) if paragraph is not None else 0


def _opens_paragraph(document: Document, index: int) -> bool:
    words = document.words
    paragraph = document.paragraph_at(words.starts[index])
    return paragraph is not None and words.ends[index - 1] <= paragraph.start


_CLAUSE_WORDS = _wordset(
    "and but or so then when while because although though after before once until "
    "where yet now as if unless whether which that who whom"
)


def _same_clause(text: str, end: int, start: int) -> bool:
    """Only spaces between two words: no mark, no line break."""
    return text[end:start].strip(" \t") == ""


def _message(phrase: str, fix: tuple[str, ...]) -> str:
    options = " or ".join(f"'{f}'" for f in fix)
    return f"'{phrase}': the verb does not agree with its subject; use {options}."


def _scene_tenses(document: Document) -> TenseAt:
    from proselint_fic.checks.tense.model import analyse

    scenes = document.scenes
    tenses = analyse(document).scene_tenses
    starts = [scene.span.start for scene in scenes]

    def tense_at(offset: int) -> str | None:
        index = bisect_right(starts, offset) - 1
        return tenses[index] if 0 <= index < len(tenses) else None

    return tense_at


if TYPE_CHECKING:
    from collections.abc import Callable

    TenseAt = Callable[[int], str | None]


AGREEMENT = RuleMeta(
    id="grammar.subject-verb-agreement",
    category="grammar",
    severity=Severity.WARNING,
    scope="narration",
    summary="A verb that does not agree with the subject pronoun before it.",
    message="The verb does not agree with its subject: use the suggested form.",
    docs=(
        "After *he*, *she* or *it* a present verb takes -s, and after *I* or *they* it does "
        "not: *he check the time* and *I addresses her* are slips. The fix follows the "
        "scene's tense (*checked* in a past-tense scene, *checks* in a present one). Only "
        "narration is read, since dialogue may give a character's voice (*he don't*). Left "
        "alone: questions and bare infinitives (*did he go*, *let it be*, *made her stay*), "
        "verbs whose past is their base (*he put*), semi-modals (*he need not*), and words "
        "that are also adjectives or adverbs (*she sure is*)."
    ),
    flags=(
        "He glanced at the clock. He check the time again and sighed.",
        "I addresses her by her first name, and she frowns.",
        "They walks to the car without a word.",
    ),
    passes=(
        "He checked the time. She checks hers. I address the letter.",
        "Did he go? Let it be. They made her stay, and he put the cup down.",
        "He need not know. It was late, so he never asked.",
        '"He don\'t know nothing," she said.',
    ),
    fixes=(
        FixExample(
            "He glanced at the clock. He check the time again and sighed.",
            "He glanced at the clock. He checked the time again and sighed.",
        ),
    ),
)


# Slips an editor's re-lint found paragraph by paragraph (agreement_kept.ParagraphAgreement).
_KEPT: WeakKeyDictionary[Document, tuple[Slip, ...]] = WeakKeyDictionary()


def remember(document: Document, slips: tuple[Slip, ...]) -> None:
    _KEPT[document] = slips


class AgreementRule(MetaRule):
    # An editor's re-lint keeps its slips per paragraph and scene tense.
    incremental_analysis: ClassVar[Callable[[], ParagraphAgreement]] = paragraph_agreement

    def check(self, document: Document) -> Iterator[Match]:
        kept = _KEPT.get(document)
        for slip in kept if kept is not None else find_slips(document):
            yield Match(slip.start, slip.end, slip.message, slip.replacements)


def rules() -> list[Rule]:
    return [AgreementRule(AGREEMENT)]
