"""Verb forms: which tense a word is, and the same verb in the other tense.

The table is compiled from lemminflect at build time (``scripts/build_verb_forms.py``) and
loads in a few milliseconds, so a cold pre-commit run never pays for lemminflect's own
tables or its numpy import.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Literal, NamedTuple

from proselint_fic.resources import data_dir

Tense = Literal["present", "past"]

# Modals have a present and a past; the past ones are too often conditional ("she could
# leave if...", "he would always...") to count as past narration, so they never vote.
MODAL_PAST = frozenset({"could", "would", "should", "might"})
MODAL_PRESENT = frozenset({"can", "will", "shall", "may"})
_PLAIN_BE = frozenset({"am", "are"})


class VerbTables(NamedTuple):
    forms: dict[str, str]  # lemma -> "past|third|participle" ("/" between spellings)
    past: dict[str, str]  # past form -> lemma
    third: dict[str, str]  # -s present -> lemma
    participles: frozenset[str]
    readings: dict[str, str]  # form -> letters n/a/r/p for its non-verb readings
    finite_forms: frozenset[str]  # every past, -s and plain present form

    def base_lemma(self, word: str) -> str | None:
        """The lemma when ``word`` is a plain present (``I swim``, ``they are``)."""
        if word in _PLAIN_BE:
            return "be"
        return word if word in self.forms and word != "be" else None

    def lemma(self, word: str) -> str | None:
        return self.past.get(word) or self.third.get(word) or self.base_lemma(word)

    def preferred(self, lemma: str) -> tuple[str, str]:
        """The preferred past and -s present spellings of ``lemma``."""
        past, third, _ = self.forms[lemma].split("|")
        return past.split("/")[0] or lemma, third.split("/")[0] or lemma

    def is_nominal(self, word: str) -> bool:
        """True when the form can also be a noun or an adjective (*hands*, *tired*)."""
        letters = self.readings.get(word)
        return letters is not None and ("n" in letters or "a" in letters)

    def is_verb_form(self, word: str) -> bool:
        return word in self.finite_forms


@cache
def tables() -> VerbTables:
    with (data_dir() / "tense" / "verbs.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    forms: dict[str, str] = data["forms"]
    past: dict[str, str] = data["past"]
    third: dict[str, str] = data["third"]
    finite = frozenset(past).union(third, forms, _PLAIN_BE)
    return VerbTables(forms, past, third, frozenset(data["participles"]), data["readings"], finite)


def in_other_tense(word: str, tense: Tense, *, third_person: bool, first_singular: bool) -> str:
    """``word`` (a finite verb) put into ``tense``, keeping its capitals and negation.

    ``third_person``/``first_singular`` describe its subject: *was* gives *is* after *she*,
    *am* after *I* and *are* after *they*. An empty string when the word is not a verb
    form the table knows.
    """
    lower = word.lower().replace("’", "'")
    negated = lower.endswith("n't")
    stem = _NEGATIVE_STEMS.get(lower, lower[:-3]) if negated else lower
    converted = _convert(stem, tense, third_person=third_person, first_singular=first_singular)
    if converted is None:
        return ""
    if negated:
        converted = _NEGATIVES.get(converted, converted + "n't")
    if "’" in word:
        converted = converted.replace("'", "’")
    if word[:1].isupper():
        converted = converted[:1].upper() + converted[1:]
    return converted


_NEGATIVE_STEMS = {"won't": "will", "can't": "can", "shan't": "shall"}
_NEGATIVES = {"will": "won't", "can": "can't", "am": "am not", "shall": "shan't"}
_BE_PRESENT = {"was": ("is", "am", "are"), "were": ("is", "am", "are")}
_MODALS = {"can": "could", "will": "would", "shall": "should", "may": "might"}


def _convert(word: str, tense: Tense, *, third_person: bool, first_singular: bool) -> str | None:
    table = tables()
    if tense == "present":
        if word in _BE_PRESENT:
            third, first, other = _BE_PRESENT[word]
            return third if third_person else first if first_singular else other
        for present, past in _MODALS.items():
            if word == past:
                return present
        lemma = table.past.get(word)
        if lemma is None:
            return None
        return table.preferred(lemma)[1] if third_person else lemma
    if word in {"is", "am"}:
        return "was"
    if word == "are":
        return "were"
    if word in _MODALS:
        return _MODALS[word]
    lemma = table.third.get(word) or table.base_lemma(word)
    if lemma is None:
        return None
    return table.preferred(lemma)[0]
