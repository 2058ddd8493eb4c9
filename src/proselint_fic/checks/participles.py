"""``grammar.past-for-participle``: a simple past after *have* (*I've ran*, *had went*).

A perfect takes the past participle, and for the irregular verbs whose past and
participle differ (*ran*/*run*, *went*/*gone*, *drank*/*drunk*) the past form after
*have*, *has*, *had*, *having* or *'ve* is a slip that a dictionary cannot see. The verb
tables (from lemminflect, ``data/tense/verbs.json``) give both forms. Only narration is
read: a character may say *I've went* in their own voice. Left alone: a past form that is
also a noun, unless a word that only a verb takes follows (*had rose petals*, *has saw
blades*; but *had spoke to her*), one that is also a
participle of its own (*got*, *learnt*), and *'d* and *'s*, which may stand for *would*
and *is*.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from proselint_fic.checks.tense.words import wordset
from proselint_fic.diagnostic import Severity
from proselint_fic.patterns import lazy
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.document import Document

__all__ = ["PastForParticipleRule", "rules"]

# Adverbs that may stand between the auxiliary and its participle.
_GAP = (
    r"(?:[ \t]+(?:already|never|just|not|ever|always|finally|also|only|all|both|recently"
    r"|since|once|long|even|still|nearly|almost|probably|really|actually))*"
)
# A whole word: "have", not the end of "behave" (a contraction is glued to its subject).
_WORD_START = {"h": r"(?<![\w'’]h\w*)", "H": r"(?<![\w'’]H\w*)"}
# Each opens with its literal, so that the engine skips ahead to it through a novel.
_PERFECTS = tuple(
    lazy(rf"{lead}{_WORD_START.get(lead[0], '')}{_GAP}[ \t]+(?<verb>\p{{Ll}}+)\b")
    for lead in (
        "have",
        "has",
        "had",
        "having",
        "Have",
        "Has",
        "Had",
        "Having",
        "haven['’]t",
        "hasn['’]t",
        "hadn['’]t",
        "'ve",
        "’ve",
    )
)


def participle_for(past: str) -> str | None:
    """The participle that a strong verb's past stands for after *have* (ran -> run), or
    None when the past is a participle too (got, learnt, walked)."""
    from proselint_fic.checks.tense.lexicon import tables

    table = tables()
    lemma = table.past.get(past)
    # -t and -ed pasts are participles too in one dialect or another (got, learnt,
    # dreamt, burnt); the strong verbs' vowel changes never are.
    if lemma is None or lemma == "be" or past.endswith(("t", "ed")) or past in table.participles:
        return None
    pasts_field, _, participles = table.forms[lemma].split("|")
    pasts = pasts_field.split("/")
    # The participle that no past shares: woken, not waked (wake: woke/waked).
    choices = [p for p in participles.split("/") if p and p not in pasts]
    return choices[0] if choices and choices[0] != past else None


@cache
def _nominal(word: str) -> bool:
    from proselint_fic.checks.tense.lexicon import tables

    return tables().is_nominal(word)


# After a past form that is also a noun (spoke, rose, saw), what shows it is the verb: a
# mark, a preposition or particle, a determiner or pronoun ("had spoke to her", "had
# rose from"), not a noun ("had rose petals", "has saw blades").
_VERB_FOLLOWERS = wordset(
    "to from with at in on into onto of for about up down out off away back over "
    "through the a an his her their my your our its him them me us it this that these "
    "those and but or then again too there here"
)
_FOLLOWING = lazy(r"[ \t]*(?:(?<mark>[^\w\s])|(?<word>[\p{L}'’]+))")


def _reads_as_verb(text: str, end: int) -> bool:
    found = _FOLLOWING.match(text, end)
    if found is None:
        return False
    word = found.group("word")
    return word is None or word.lower() in _VERB_FOLLOWERS or word.endswith("ly")


def _auxiliary(matched: str) -> str:
    first = matched.split(maxsplit=1)[0]
    return "have" if first[0] in "'’" else first.lower()


def find_slips(document: Document) -> Iterator[Match]:
    text = document.text
    seen: set[int] = set()
    for pattern in _PERFECTS:
        for m in pattern.finditer(text):
            start = m.start("verb")
            if start in seen:
                continue
            seen.add(start)
            verb = m.group("verb")
            participle = participle_for(verb.lower())
            if participle is None or document.in_dialogue(start):
                continue
            if _nominal(verb.lower()) and not _reads_as_verb(text, m.end("verb")):
                continue  # had rose petals, has saw blades
            yield Match(
                start,
                m.end("verb"),
                message=f"After '{_auxiliary(m.group())}' the verb takes its participle: "
                f"'{participle}', not '{verb}'.",
                replacements=(match_case(verb, participle),),
            )


PAST_FOR_PARTICIPLE = RuleMeta(
    id="grammar.past-for-participle",
    category="grammar",
    severity=Severity.WARNING,
    scope="narration",
    locality="paragraph",
    summary="A simple past where the perfect needs the participle (had went, I've ran).",
    message="After 'have' the verb takes its participle.",
    docs=(
        "*have*, *has*, *had*, *having* and *'ve* take the past participle: *I've run*, "
        "*she had gone*, *they have drunk*. For the irregular verbs whose past differs "
        "from the participle, the past after them (*I've ran*, *had went*) is reported "
        "with the participle as its fix, adverbs between them allowed (*had already "
        "went*). Only narration is read, since a character may speak that way. Left "
        "alone: past forms that are also nouns or adjectives (*had rose petals*), those "
        "that are participles too (*had got*, *had learnt*), and *'d* and *'s*, which may "
        "be *would* and *is*."
    ),
    flags=(
        "I've ran a search on the disk and found nothing.",
        "By noon she had went home, and he had already drank the coffee.",
        "They haven't spoke to each other since.",
    ),
    passes=(
        "I've run a search. She had gone home. He had drunk the coffee.",
        "He had rose petals in his hair. She has saw blades for sale.",
        "He had got the letter and had learnt it by heart.",
        '"I\'ve went there twice," he said.',
        "She'd went there. He's ran off.",
    ),
    fixes=(
        FixExample(
            "I've ran a search on the disk.",
            "I've run a search on the disk.",
        ),
    ),
)


class PastForParticipleRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        yield from find_slips(document)


def rules() -> list[Rule]:
    return [PastForParticipleRule(PAST_FOR_PARTICIPLE)]
