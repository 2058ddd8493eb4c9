"""Finite narration verbs with their subjects: the evidence every tense decision rests on.

Without a tagger a verb is recognised by position: after a subject (a pronoun, a name, a
determiner + noun phrase, an indefinite such as *something*), or as the next conjunct of a
verb already found ("he locked the door, pocketed the key, and *walks* away"). Each verb
also records whether it opens a main clause, which is where a tense slip can be told from a
reported, subordinate or relative clause.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal, TypeAlias

from proselint_fic.checks.tense import words as wc
from proselint_fic.checks.tense.lexicon import (
    MODAL_PAST,
    MODAL_PRESENT,
    Tense,
    VerbTables,
)
from proselint_fic.checks.tense.narration import Paragraph

SubjectKind = Literal["pronoun", "name", "noun", "indefinite", "demonstrative", "relative", "chain"]
Aspect = Literal["simple", "perfect", "progressive", "passive", "do", "modal"]

# How many prepositional phrases a noun-phrase subject may carry after its head.
_PREPOSITIONAL_PHRASES = 2
_NEGATIVES: dict[str, str] = {
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "doesn't": "does",
    "don't": "do",
    "didn't": "did",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "can't": "can",
    "won't": "will",
    "couldn't": "could",
    "wouldn't": "would",
    "shouldn't": "should",
    "mightn't": "might",
}
# Forms of be, have and do, whose tense and person the tables cannot say alone.
_AUXILIARIES: dict[str, tuple[str, Tense, tuple[wc.Person, ...]]] = {
    "am": ("be", "present", ("1s",)),
    "is": ("be", "present", ("3s",)),
    "are": ("be", "present", ("pl",)),
    "was": ("be", "past", ("1s", "3s")),
    "were": ("be", "past", ("pl",)),
    "has": ("have", "present", ("3s",)),
    "have": ("have", "present", ("1s", "pl")),
    "had": ("have", "past", ("1s", "3s", "pl")),
    "does": ("do", "present", ("3s",)),
    "do": ("do", "present", ("1s", "pl")),
    "did": ("do", "past", ("1s", "3s", "pl")),
}


@dataclass(slots=True)
class Event:
    """One finite verb in narration."""

    sentence: int  # index into the paragraph's sentences
    index: int  # token index of the verb in its paragraph
    start: int
    end: int
    word: str
    tense: Tense
    lemma: str
    person: wc.Person
    subject: SubjectKind
    subject_word: str
    subject_index: int
    main: bool
    subordinator: str
    aspect: Aspect

    def moved(self, offset: int) -> Event:
        """The same event ``offset`` characters further on (a kept paragraph that moved)."""
        return Event(
            self.sentence,
            self.index,
            self.start + offset,
            self.end + offset,
            self.word,
            self.tense,
            self.lemma,
            self.person,
            self.subject,
            self.subject_word,
            self.subject_index,
            self.main,
            self.subordinator,
            self.aspect,
        )


def finite(word: str, person: wc.Person, table: VerbTables) -> tuple[Tense, str] | None:
    """The tense and lemma of ``word`` as the finite verb of a ``person`` subject."""
    word = _NEGATIVES.get(word, word)
    auxiliary = _AUXILIARIES.get(word)
    if auxiliary is not None:
        lemma, tense, persons = auxiliary
        if person in persons or (word == "were" and person != "pl"):
            return tense, lemma
        return None
    if word in MODAL_PRESENT:
        return "present", word
    past_lemma = table.past.get(word)
    if person == "3s":
        if past_lemma is not None:
            return "past", past_lemma
        third_lemma = table.third.get(word)
        return ("present", third_lemma) if third_lemma is not None else None
    base_lemma = table.base_lemma(word)
    if past_lemma is not None:
        # "put", "set", "read" (and "found", "saw") are past or present after I/they.
        return None if base_lemma is not None else ("past", past_lemma)
    return ("present", base_lemma) if base_lemma is not None else None


# Who does what a verb says: its person, how it was recognised, its word and its token
# index. A plain tuple: one is made for every verb found, and a named tuple costs more.
_Subject: TypeAlias = tuple[wc.Person, SubjectKind, str, int]


def _event(
    p: Paragraph,
    number: int,
    index: int,
    *,
    verb: tuple[Tense, str],
    subject: _Subject,
    clause: tuple[bool, str],
    aspect: Aspect,
) -> Event:
    """The event for the verb at token ``index``: its tense and lemma, its subject, whether
    it opens a main clause (and if not, what subordinates it) and its aspect."""
    tense, lemma = verb
    person, kind, word, position = subject
    main, subordinator = clause
    return Event(
        number,
        index,
        p.starts[index],
        p.ends[index],
        p.word(index),
        tense,
        lemma,
        person,
        kind,
        word,
        position,
        main,
        subordinator,
        aspect,
    )


_THE_TIME = frozenset({"the", "that", "this"})

# Built once per verb table: a reader is made for each scene read, and the set has
# twenty thousand words (a few milliseconds an edit in an editor).
_VERBISH: dict[int, tuple[VerbTables, AbstractSet[str]]] = {}


def _verbish(table: VerbTables) -> AbstractSet[str]:
    """The words that may be a finite verb: the table's finite forms, contractions and
    negatives, but never a preposition or particle ("rattles over", "backs")."""
    kept = _VERBISH.get(id(table))
    if kept is not None and kept[0] is table:
        return kept[1]
    not_verbs = (wc.PREPOSITIONS - {"like"}) | wc.OBJECT_LIKE | wc.DETERMINERS | wc.RARELY_VERBS
    # Built in place: each copy of a twenty-thousand-word set is a millisecond of a cold
    # start. Never changed after this.
    verbish = set(table.finite_forms)
    verbish -= not_verbs
    verbish |= wc.CONTRACTIONS.keys()
    verbish |= _NEGATIVES.keys()
    _VERBISH[id(table)] = (table, verbish)
    return verbish


# Coordinators that, right before a subject, start a clause of their own.
_CONTRASTING = frozenset({"but", "yet"})


class SentenceReader:
    """Finds the events of one paragraph, sentence by sentence."""

    def __init__(self, table: VerbTables, names: frozenset[str]) -> None:
        self.table = table
        self.names = names
        self.verbish = _verbish(table)
        self._nounish_memo: dict[str, bool] = {}
        self._gap_memo: dict[str, bool] = {}

    def read(self, paragraph: Paragraph) -> list[Event]:
        events: list[Event] = []
        for number, (first, stop) in enumerate(paragraph.sentences):
            events.extend(self._sentence(paragraph, number, first, stop))
        return events

    def _sentence(self, p: Paragraph, number: int, first: int, stop: int) -> list[Event]:
        lower = p.lower
        verbish = self.verbish
        found: list[Event] = []
        # A finite verb follows its subject, never a determiner or a preposition; only a
        # fused contraction ("She's", "like he's") carries its own subject.
        contractions = wc.CONTRACTIONS
        candidates = [
            i
            for i in range(first + 1, stop)
            if lower[i] in verbish
            and (lower[i - 1] not in _NEVER_BEFORE_A_VERB or lower[i] in contractions)
        ]
        if lower[first] in contractions:
            candidates.insert(0, first)
        for index in candidates:
            contraction = wc.CONTRACTIONS.get(lower[index])
            if contraction is not None:
                event = self._contraction(
                    p, number, first, index, contraction=contraction, found=found
                )
            else:
                event = self._verb(p, number, first, index, found)
            if event is not None:
                found.append(event)
        return found

    # -- subjects ---------------------------------------------------------------------

    def _contraction(
        self,
        p: Paragraph,
        number: int,
        first: int,
        index: int,
        *,
        contraction: tuple[wc.Person, str, str],
        found: list[Event],
    ) -> Event | None:
        person, tense, lemma = contraction
        if not tense:
            return None  # 'd: had or would, never evidence either way
        if lemma == "will":
            return None
        pronoun = p.lower[index].split("'")[0]
        kind: SubjectKind = (
            "pronoun"
            if pronoun in wc.SUBJECT_PRONOUNS
            else "indefinite"
            if pronoun in wc.INDEFINITES
            else "relative"
            if pronoun in {"who", "what", "where", "how"}
            else "demonstrative"
        )
        main, subordinator = self._position(p, first, index, found)
        return _event(
            p,
            number,
            index,
            verb=("present", lemma),
            subject=(person, kind, pronoun, index),
            clause=(main, subordinator),
            aspect=self._aspect(p, index, lemma),
        )

    def _verb(
        self, p: Paragraph, number: int, first: int, index: int, found: list[Event]
    ) -> Event | None:
        lower = p.lower
        word = lower[index]
        following = lower[index + 1] if index + 1 < len(lower) else ""
        if word in wc.GAP_WORDS and (following in self.verbish or self._adjective_like(following)):
            # "I still can't", "his arms still thick": an adverb, not the verb "to still"
            return None
        # Skip the adverbs between a subject and its verb ("she just left").
        k = index - 1
        while k >= first and k >= index - 3 and self._is_gap(lower[k]):
            k -= 1
        if k < first:
            return None
        before = lower[k]
        subject = self._subject(p, first, k, word)
        if subject is not None:
            start, person, kind = subject
            resolved = finite(word, person, self.table)
            if resolved is None:
                return None
            tense, lemma = resolved
            if not p.view[p.starts[index]].islower():
                return None  # a verb is never capitalised after its subject ("Rose Cottage")
            if kind in {"noun", "name"} and (
                word == "like" or not self._plausible_after_noun(p, index, lemma, kind)
            ):
                return None
            if kind == "noun" and word in _COMPLEMENTS and before in self.table.third:
                return None  # "the lid swings open": the -s word was the verb
            if kind == "relative":
                main, subordinator = False, before
            else:
                main, subordinator = self._position(p, first, start, found)
            if not main and lower[start] == "there" and self._after_place(lower, first, start):
                main, subordinator = True, ""  # "Above the hill there hangs a curve"
            if (
                kind in {"noun", "name"}
                and not main
                and subordinator in self.verbish
                and subordinator not in wc.SUBORDINATORS
            ):
                return None  # "he planted the apple trees": an object, not a subject
            if kind == "noun" and self._governed_by_with(lower, first, start):
                return None  # "with a beard and a canvas tote bag": a description
            if (
                kind == "noun"
                and word in self.table.participles
                and (
                    (not main and subordinator not in wc.SUBORDINATORS)
                    or self._participle_phrase(p, first, start, index)
                    or self._appositive(p, start, index, found)
                    or self._reduced_relative(p, index, person)
                    or self._absolute(lower, start, index, found)
                    or _made_of(lower, index)
                )
            ):
                return None  # "with her father's coat wrapped round her": a participle
            if (
                kind == "noun"
                and "a" in self.table.readings.get(word, "")
                and self._absolute(lower, start, index, found)
            ):
                return None  # "they sat at the table, their faces pale in the light"
            return _event(
                p,
                number,
                index,
                verb=(tense, lemma),
                subject=(person, kind, lower[start], start),
                clause=(main, subordinator),
                aspect=self._aspect(p, index, lemma),
            )
        if before in wc.COORDINATORS or before == ",":
            return self._conjunct(p, number, first, index, connector=k, found=found)
        if index + 1 < len(lower) and lower[index + 1] in _ARTICLES:
            return self._inverted(p, number, first, index, found)
        return None

    def _inverted(
        self, p: Paragraph, number: int, first: int, index: int, found: list[Event]
    ) -> Event | None:
        """ "On the sill sits a jar", "and at the end of it stood a house": a clause that
        opens on a place, then a verb of position, then its subject."""
        lower = p.lower
        word = lower[index]
        if self.table.lemma(word) not in wc.INVERSION_VERBS:
            return None
        resolved = finite(word, "3s", self.table)
        if resolved is None:
            return None
        m = index - 1
        while m > first and not self._opens(lower, first, m):
            m -= 1
        if lower[m] not in wc.PREPOSITIONS or any(e.index > m for e in found):
            return None
        subject: _Subject = ("3s", "noun", lower[index + 1], index + 1)
        return _event(
            p, number, index, verb=resolved, subject=subject, clause=(True, ""), aspect="simple"
        )

    def _participle_phrase(self, p: Paragraph, first: int, start: int, index: int) -> bool:
        """ "a dog named Biscuit", "the scene: the lamps lit, the tables cleared", "with his
        phone held out": after a colon, before a name, or where a "with" before the noun
        phrase governs it, a noun and a past form make a description. A "with" inside the
        noun phrase ("the woman with the implants pushed off") governs only its own."""
        following = p.word(index + 1) if index + 1 < len(p.lower) else ""
        if following[:1].isupper():
            return True
        return ":" in p.lower[first:index] or self._after_with(p.lower, first, start)

    def _appositive(self, p: Paragraph, start: int, index: int, found: list[Event]) -> bool:
        """ "He holds out a lantern, a paper thing folded in half": after a clause that
        already has its verb, a comma and a described indefinite noun rename what came
        before, so the past form after them is a participle. A bare "a dog" is more
        often a new clause spliced on ("she sits, a dog barked")."""
        lower = p.lower
        if lower[start] not in {"a", "an", "no"} or start == 0:
            return False
        if lower[start - 1] == "and":
            return self._listed_with_and(lower, start, index, found)
        # "no cap, no newspaper folded in half": a list of what is missing, each item a
        # noun, so "no" + noun + past form after a comma describes as well.
        shortest = 2 if lower[start] == "no" else 3
        if lower[start - 1] != ",":
            return False
        if index - start < shortest - (0 if found else 1) and not _list_goes_on(lower, index):
            return False
        if not found:
            # "Screwdrivers, tape, a guitar pick shaped like a cat.": the last item of a
            # list with no verb before it.
            return (
                lower[:start].count(",") >= 2
                and index + 1 < len(lower)
                and (lower[index + 1] in wc.PREPOSITIONS)
            )
        return found[-1].main

    def _reduced_relative(self, p: Paragraph, index: int, person: wc.Person) -> bool:
        """ "The splint wrapped around his hand glows": a past form after a noun, then a
        phrase, then the verb the noun really goes with. The past form describes."""
        lower = p.lower
        if index + 1 >= len(lower) or lower[index + 1] not in wc.PREPOSITIONS:
            return False
        for m in range(index + 2, min(len(lower), index + 9)):
            word = lower[m]
            if (
                word in wc.BOUNDARY_PUNCTUATION
                or word in wc.CLAUSE_OPENERS
                or word in wc.SUBORDINATORS
                or word in _ENDS
            ):
                return False
            if (
                word in self.verbish
                and lower[m - 1] not in _NEVER_BEFORE_A_VERB
                and (not self._nounish(word) or self._ends_clause(lower, m))
                and finite(word, person, self.table) is not None
            ):
                return True
        return False

    def _participle_after_comma(self, lower: list[str], index: int) -> bool:
        """A past form after a comma that takes an agent or a state ("lit by floodlights",
        "wrapped in a blanket") describes what came before; it is no next verb."""
        word = lower[index]
        return (
            (word in self.table.participles or word in self.table.past)
            and index + 1 < len(lower)
            and lower[index + 1] in {"by", "in", "with"}
        )

    def _ends_clause(self, lower: list[str], m: int) -> bool:
        """A word that also names a thing is a verb where the clause ends on it, or on an
        adverb after it ("the splint wrapped around her wrist itches (badly).")."""
        following = lower[m + 1] if m + 1 < len(lower) else "."
        return following in _ENDS or (following.endswith("ly") and following not in self.verbish)

    def _absolute(self, lower: list[str], start: int, index: int, found: list[Event]) -> bool:
        """ "The card was thick, the lettering embossed in silver", "rows of scaffolding,
        lit by floodlights", "a long dark dress, her hair pinned up, one hand on the rail":
        after a clause with its verb, a comma, a noun phrase and a past form taking a
        phrase (or a particle and a comma) describe; they are no clause of their own."""
        if not (start > 0 and lower[start - 1] == "," and found and found[-1].main):
            return False
        if lower[start] in {"a", "an"} or index + 2 >= len(lower):
            return False  # "she eats, a dog barked": a new clause
        following, after = lower[index + 1], lower[index + 2]
        if following in _PARTICLES:
            if after == ",":
                return lower[start] in _POSSESSIVES
            following, after = after, lower[index + 3] if index + 3 < len(lower) else "."
        return (
            following in wc.PREPOSITIONS
            and after not in _ENDS
            and after not in wc.BOUNDARY_PUNCTUATION
        )

    def _listed_with_and(
        self, lower: list[str], start: int, index: int, found: list[Event]
    ) -> bool:
        """ "a hook on the wall and a small card tucked underneath it", "rain on his
        nose and a bundle wrapped in a towel": the last item of a list of things, each
        described; the past form is a participle when a place follows it. A clause
        joined on has a comma before its "and" ("the fire pops, and a log collapsed into
        embers") or no such phrase ("and a man walked away")."""
        after = index + 1
        if after < len(lower) and lower[after] in _POSITION_ADVERBS:
            after += 1  # "a flat cap pulled low over his eyes"
        return (
            index - start >= 2
            and (start < 2 or lower[start - 2] != ",")
            and after + 1 < len(lower)
            and lower[after] in wc.PLACE_PREPOSITIONS
            and lower[after + 1] not in wc.BOUNDARY_PUNCTUATION
            and lower[after + 1] not in {".", "!", "?", "…"}
            and (not found or found[-1].main)
        )

    def _governed_by_with(self, lower: list[str], first: int, start: int) -> bool:
        """ "with a receding hairline and a canvas tote bag": a noun phrase that "with"
        takes as its object, directly or as the next item after "and", is no subject."""
        if start <= first:
            return False
        before = lower[start - 1]
        if before in {"with", "without"}:
            return True
        return before == "and" and self._after_with(lower, first, start - 1)

    def _after_with(self, lower: list[str], first: int, index: int) -> bool:
        """ "with his glasses on and his phone held out": a noun and a past form that a
        "with" earlier in the clause governs describe, they do not narrate."""
        for m in range(index - 1, max(first, index - 14) - 1, -1):
            word = lower[m]
            if word in wc.BOUNDARY_PUNCTUATION:
                return False
            if word in {"with", "without"}:
                return True
        return False

    def _is_gap(self, word: str) -> bool:
        # Asked of the words before every candidate verb: kept per word, like _nounish.
        known = self._gap_memo.get(word)
        if known is None:
            known = self._gap_memo[word] = word in wc.GAP_WORDS or (
                word.endswith("ly") and len(word) > 4 and not self.table.is_verb_form(word)
            )
        return known

    def _subject(
        self, p: Paragraph, first: int, k: int, verb: str
    ) -> tuple[int, wc.Person, SubjectKind] | None:
        """Where the subject ending at token ``k`` starts, its person and kind."""
        lower = p.lower
        word = lower[k]
        pronoun = wc.SUBJECT_PRONOUNS.get(word)
        if pronoun is not None:
            if word == "i" and p.word(k) != "I":
                return None
            if word in {"you", "it"} and k > first and self._takes_object(lower[k - 1]):
                return None
            return k, pronoun, "pronoun"
        if word in wc.INDEFINITES:
            return k, "3s", "indefinite"
        if word in wc.DEMONSTRATIVES:
            if word == "that" and k > first and lower[k - 1] not in wc.BOUNDARY_PUNCTUATION:
                return k, "3s", "relative"
            return k, ("pl" if verb in {"are", "were"} else "3s"), "demonstrative"
        if word in {"who", "which"}:
            return k, ("pl" if verb in {"are", "were", "have"} else "3s"), "relative"
        if word in wc.NOT_NAMES or word in wc.COORDINATORS or not word[0].isalpha():
            return None
        if p.capitalised(k) and self._is_name(p, first, k):
            with_name = self._noun_phrase_with_name(p, first, k)
            if with_name is not None:
                return with_name
            start = self._name_start(p, first, k)
            if start > first and lower[start - 1] in wc.DETERMINERS:
                return start - 1, "3s", "noun"  # "the Tower", "the Grey Abbot"
            return start, "3s", "name"
        if k == first and p.capitalised(k):
            return self._bare_noun(p, k, verb)
        return self._noun_phrase(p, first, k)

    def _bare_noun(
        self, p: Paragraph, k: int, verb: str
    ) -> tuple[int, wc.Person, SubjectKind] | None:
        """A sentence that opens on a bare noun and its verb: "Shadows lengthen on the lawn",
        "Rain hammers the roof". The verb must not read as a noun itself (that would be a
        fragment: "Wet leaves."), nor the opening word as a verb or an adjective."""
        word = p.lower[k]
        table = self.table
        if table.is_nominal(verb) or not self._nounish(word) or self._adjective_like(word):
            return None
        if verb in table.participles:
            return None  # "Plates piled with bread.": a description, not a clause
        if word in table.finite_forms and not table.is_nominal(word):
            return None
        plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
        return k, ("pl" if plural else "3s"), "noun"

    def _name_start(self, p: Paragraph, first: int, k: int) -> int:
        """Back over titles, other names and "of" ("Captain Orla of Dunmere")."""
        lower = p.lower
        start = k
        while start > first:
            previous = p.word(start - 1)
            if previous == "." and start - 2 >= first and lower[start - 2] in wc.TITLES:
                start -= 2  # "Dr. Amos Reed"
            elif (
                previous[0].isupper()
                and (lower[start - 1] not in wc.NOT_NAMES or lower[start - 1] in wc.TITLES)
                and lower[start - 1] not in wc.SUBJECT_PRONOUNS
            ):
                start -= 1
            elif (
                lower[start - 1] == "of"
                and start - 2 >= first
                and p.capitalised(start - 2)
                and lower[start - 2] not in wc.NOT_NAMES
            ):
                start -= 2
            else:
                break
        return start

    def _takes_object(self, word: str) -> bool:
        if word in wc.OBJECT_MARKERS:
            return True
        table = self.table
        return (word in table.past or word in table.third) and not table.is_nominal(word)

    def _is_name(self, p: Paragraph, first: int, k: int) -> bool:
        word = p.word(k)
        if "'" in word or "’" in word:
            return False
        return k > first or word in self.names

    def _noun_phrase(
        self, p: Paragraph, first: int, k: int
    ) -> tuple[int, wc.Person, SubjectKind] | None:
        """A determiner or possessive, then up to three words: "his jaw", "the old man".

        Up to two prepositional phrases may follow the head noun ("the ache in Lena's
        knee", "the old man at the end of the pier").
        """
        lower = p.lower
        head = k
        start = self._determiner_before(p, first, k)
        if start is None:
            return self._of_phrase(p, first, k)
        if lower[start] == "the" and lower[start + 1] == "way" and k > start + 1:
            # "the way letters do", "the way he smiled": a clause of manner, whose
            # subject comes after "way" and which never carries the narration.
            _, person, _ = self._noun_phrase_result(lower, start + 2, k)
            return start + 2, person, "relative"
        for _ in range(_PREPOSITIONAL_PHRASES):
            if not (start > first + 1 and lower[start - 1] in wc.NOUN_PHRASE_PREPOSITIONS):
                break
            if lower[start - 2] in wc.INDEFINITES:
                return start - 2, "3s", "indefinite"  # "somebody in the back whistles"
            outer = self._determiner_before(p, first, start - 2)
            if outer is None:
                break
            head, start = start - 2, outer
        return self._noun_phrase_result(lower, start, head)

    def _of_phrase(
        self, p: Paragraph, first: int, k: int
    ) -> tuple[int, wc.Person, SubjectKind] | None:
        """ "a bolt of blue light", "the smell of bread": a noun phrase whose "of" takes a
        bare noun, with up to one word before that noun. Not after a comma, where such
        phrases are more often items of a list ("a stack of boxes wrapped in plastic")."""
        lower = p.lower
        if lower[k - 1] == "of":
            m = k
        elif k - 2 >= first and lower[k - 2] == "of" and self._nounish(lower[k - 1]):
            m = k - 1
        else:
            return None
        if m - 2 < first or not self._nounish(lower[k]):
            return None
        if lower[k] in wc.ADJECTIVES or lower[k].endswith(("'s", "s'", "ing")):
            return None
        outer = self._determiner_before(p, first, m - 2)
        if outer is None or (outer > first and lower[outer - 1] == ","):
            return None
        return self._noun_phrase_result(lower, outer, m - 2)

    def _noun_phrase_result(
        self, lower: list[str], start: int, head: int
    ) -> tuple[int, wc.Person, SubjectKind]:
        noun = lower[head]
        plural = lower[start] in _PLURAL_DETERMINERS or (
            noun.endswith("s") and not noun.endswith(("ss", "us", "is", "'s"))
        )
        return start, ("pl" if plural else "3s"), "noun"

    def _noun_phrase_with_name(
        self, p: Paragraph, first: int, k: int
    ) -> tuple[int, wc.Person, SubjectKind] | None:
        """ "the town of Belcross": a noun phrase whose preposition governs a bare name."""
        lower = p.lower
        start = k
        while start > first and p.capitalised(start - 1):
            start -= 1
        if start - 2 < first or lower[start - 1] not in wc.NOUN_PHRASE_PREPOSITIONS:
            return None
        outer = self._determiner_before(p, first, start - 2)
        if outer is None:
            return None
        return self._noun_phrase_result(lower, outer, start - 2)

    def _determiner_before(self, p: Paragraph, first: int, k: int) -> int | None:
        lower = p.lower
        if lower[k].endswith(("'s", "s'")) or lower[k] in wc.ADJECTIVES:
            return None  # a possessive is never the head: "the Baron's men", "nobody's"
        if k > first and lower[k].endswith("ing") and self._plural_noun(lower[k - 1]):
            return None  # "her fingers finding holds": a participle phrase, not a subject
        if not self._nounish(lower[k]):
            # Straight after an article a plain verb form can only be a noun: "a log
            # collapsed", "the walk took an hour".
            if k > first and lower[k - 1] in _ARTICLES and self._article_noun(lower[k]):
                return k - 1
            return None
        m = k - 1
        while m >= first and m >= k - 3:
            word = lower[m]
            if word in wc.DETERMINERS or (word.endswith(("'s", "s'")) and m != k):
                return m
            if not self._nounish(word) and word not in _ORDINALS:
                return None
            m -= 1
        return None

    def _plural_noun(self, word: str) -> bool:
        return (
            word.endswith("s")
            and not word.endswith(("ss", "us", "is", "'s"))
            and self._nounish(word)
        )

    def _article_noun(self, word: str) -> bool:
        return word in self.table.forms and word not in _NEVER_NOUNISH

    def _nounish(self, word: str) -> bool:
        # Asked thousands of times per novel about a few hundred distinct words, so the
        # answer is kept per word rather than recomputed through the sets each time.
        known = self._nounish_memo.get(word)
        if known is None:
            known = self._nounish_memo[word] = self._nounish_uncached(word)
        return known

    def _nounish_uncached(self, word: str) -> bool:
        if not word[0].isalpha() or word in _NEVER_NOUNISH or word.endswith("ly"):
            return False
        table = self.table
        return table.is_nominal(word) or not table.is_verb_form(word)

    def _plausible_after_noun(
        self, p: Paragraph, index: int, lemma: str, kind: SubjectKind
    ) -> bool:
        """A verb after a noun phrase must not be the last noun of a compound.

        "the rain comes anyway" is a clause; "the kitchen lights flicker" has its verb one
        word later, and "the fits and starts of" is a noun. A form with a nominal reading
        counts only when the next word cannot be the verb instead.
        """
        word = p.lower[index]
        if lemma in {"be", "have", "do"} or word in wc.MODALS_ANY or word in _NEGATIVES:
            return True
        if not self.table.is_nominal(word):
            return True
        following = p.lower[index + 1] if index + 1 < len(p.lower) else ""
        if following in wc.OBJECT_LIKE or (following == "like" and lemma in wc.LIKE_VERBS):
            return True
        after = p.lower[index + 2] if index + 2 < len(p.lower) else "."
        if following in wc.GAP_WORDS and not after[:1].isalpha():
            return True  # "Abel's hands go still.": an adverb with no verb after it
        if not following[:1].isalpha():
            # "The cold winds." is a fragment: an adjective, then a noun.
            return not self._adjective_like(p.lower[index - 1])
        table = self.table
        if following in wc.PREPOSITIONS:
            # "the bells in the tower rang": a noun, its modifier, then the verb.
            return following != "of" and (kind == "name" or not self._verb_later(p, index))
        return following not in table.finite_forms

    def _verb_later(self, p: Paragraph, index: int) -> bool:
        """Whether a finite-looking verb follows in the same clause."""
        table = self.table
        lower = p.lower
        for m in range(index + 1, min(index + 9, len(lower))):
            word = lower[m]
            if word in wc.BOUNDARY_PUNCTUATION or word in wc.COORDINATORS or not word[0].isalnum():
                return False
            if (
                word not in self.verbish
                or lower[m - 1] in _NOT_BEFORE_A_LATER_VERB
                or self._adjective_like(lower[m - 1])
            ):
                continue  # "over a set of points", "across the flat white fields": no verb
            if word in table.past or word in table.third or word in _AUXILIARIES:
                return True
            if word in table.forms and not table.is_nominal(word):
                return True
        return False

    def _adjective_like(self, word: str) -> bool:
        readings = self.table.readings.get(word, "")
        if readings:
            return "a" in readings  # "table" is a noun, whatever its ending says
        return word.endswith(_ADJECTIVE_ENDINGS)

    # -- coordination -----------------------------------------------------------------

    def _conjunct(
        self,
        p: Paragraph,
        number: int,
        first: int,
        index: int,
        *,
        connector: int,
        found: list[Event],
    ) -> Event | None:
        """The next verb of a chain: "he locked the door, pocketed the key, and walks away"."""
        if not found or found[-1].sentence != number:
            return None
        lower = p.lower
        head = found[-1]
        if connector > first and lower[connector - 1] == "," and lower[connector] != ",":
            # ", and" after a subordinate clause returns to the main one: "he waits by the
            # gate, so close that his coat brushes the hedge, and watched the road".
            head = next((e for e in reversed(found) if e.sentence == number and e.main), head)
        else:
            # Anything that opens a new clause between the head and this verb breaks it.
            for m in range(head.index + 1, connector):
                word = lower[m]
                if word in wc.CLAUSE_BREAKS or word in wc.SUBJECT_PRONOUNS:
                    return None
                if word in wc.CONTRACTIONS or word in wc.MODALS_ANY:
                    return None
                if word == "to" and lower[m + 1] not in wc.DETERMINERS:
                    return None  # "wanted to go and": an infinitive; not "to the door"
        if head.subject == "relative":
            return None
        comma_only = lower[connector] == ","
        if comma_only and connector > first and lower[connector - 1] in wc.COORDINATORS:
            return None
        word = lower[index]
        resolved = finite(word, head.person, self.table)
        if resolved is None:
            return None
        tense, lemma = resolved
        if not self._plausible_conjunct(p, index, connector, head, comma_only):
            return None
        if comma_only and tense != head.tense and self._participle_after_comma(lower, index):
            return None  # "the bay stretches out, lit by rows of floodlights"
        return _event(
            p,
            number,
            index,
            verb=(tense, lemma),
            subject=(head.person, "chain", head.subject_word, connector),
            clause=(head.main, head.subordinator),
            aspect=self._aspect(p, index, lemma),
        )

    def _plausible_conjunct(
        self, p: Paragraph, index: int, connector: int, head: Event, comma_only: bool
    ) -> bool:
        table = self.table
        lower = p.lower
        word = lower[index]
        if head.aspect in {"modal", "do", "perfect", "progressive", "passive"}:
            return False
        participle_like = word in table.participles
        if comma_only and (
            participle_like
            or table.base_lemma(word) is not None
            or table.is_nominal(word)
            or head.lemma in wc.COPULAS
        ):
            # ", pulled taut by the wind" is a participle phrase, not a second verb.
            return False
        at = connector - 1
        if lower[at] == "," and connector >= 2:
            at -= 1
        previous = lower[at]
        if participle_like and (
            head.lemma in wc.COPULAS
            or previous in table.participles
            or previous in wc.ADJECTIVES
            or ("a" in table.readings.get(previous, "") and not self._object_noun(p, at, index))
            or self._before_bare_noun(lower, index)
        ):
            # "is worn and faded", "all long legs and rumpled cape,": adjectives, not verbs.
            return False
        if self._finite_follows(lower, index):
            return False  # "light dresses and tops didn't cover her": a noun of the subject
        if table.is_nominal(word):
            following = lower[index + 1] if index + 1 < len(lower) else ""
            follows_verb = previous == head.word.lower() or previous in wc.VERB_FOLLOWERS
            if following in wc.VERB_FOLLOWERS or following.endswith("ing"):
                return True
            if following in wc.PREPOSITIONS:
                return following != "of"  # "and leans against", not "and starts of"
            return follows_verb and not following[:1].isalpha()
        return True

    def _finite_follows(self, lower: list[str], index: int) -> bool:
        """The next word is a finite verb that cannot be anything else (did, was, has,
        could, lifted): two finite verbs never stand side by side in one clause, so the
        word before it heads a noun phrase, the subject of that verb."""
        if index + 1 >= len(lower):
            return False
        following = lower[index + 1]
        stem = (
            _NEGATIVES.get(following)
            or _RARE_NEGATIVES.get(following)
            or following.removesuffix("n't")
        )
        table = self.table
        if stem in wc.MODALS_ANY or stem in _AUXILIARIES:
            return True
        return (stem in table.past or stem in table.third) and not table.is_nominal(stem)

    def _before_bare_noun(self, lower: list[str], index: int) -> bool:
        """A past form straight before a bare noun that ends the phrase ("rumpled cape,")
        describes the noun; a verb's object would take a determiner."""
        if index + 2 >= len(lower):
            return False
        noun, after = lower[index + 1], lower[index + 2]
        return (
            noun[:1].isalpha()
            and noun not in _NEVER_NOUNISH
            and noun not in wc.DETERMINERS
            and self._nounish(noun)
            and (after in wc.BOUNDARY_PUNCTUATION or after in _ENDS or after == "and")
        )

    def _object_noun(self, p: Paragraph, at: int, index: int) -> bool:
        """ "hops down from the counter and strolled toward": the word before the
        conjunction is a noun after its determiner, and the form after it takes a
        preposition or an object, so it is a verb, not an adjective joined to another."""
        lower = p.lower
        if at < 1 or lower[at - 1] not in wc.DETERMINERS:
            return False
        if "n" not in self.table.readings.get(lower[at], ""):
            return False
        following = lower[index + 1] if index + 1 < len(lower) else ""
        return following in wc.PREPOSITIONS or following in wc.OBJECT_LIKE

    # -- clause position ----------------------------------------------------------------

    def position(
        self, p: Paragraph, first: int, start: int, found: list[Event]
    ) -> tuple[bool, str]:
        """Whether a subject at ``start`` opens a main clause, else the subordinator."""
        return self._position(p, first, start, found)

    def aspect(self, p: Paragraph, index: int, lemma: str) -> Aspect:
        """The aspect of the verb at ``index`` (modal, perfect, progressive, do ...)."""
        return self._aspect(p, index, lemma)

    def _position(
        self, p: Paragraph, first: int, start: int, found: list[Event]
    ) -> tuple[bool, str]:
        """Whether a subject at ``start`` opens a main clause, else the subordinator."""
        lower = p.lower
        if start == first:
            return True, ""
        before = lower[start - 1]
        if before == "that":
            return False, "that"
        if before in wc.TIME_NOUNS and start - 2 >= first and lower[start - 2] in _THE_TIME:
            # "on the day she left", "the night we met": the time noun takes the clause as
            # its own, a relative clause that dates what the sentence goes on to say.
            return False, before
        m = start - 1
        # "... as quickly as she can but she was distracted": "but" right before the
        # subject opens a clause of its own, whatever subordinator came before it.
        coordinated = before in _CONTRASTING
        while (
            not coordinated
            and m >= first
            and m >= start - 8
            and lower[m] not in wc.BOUNDARY_PUNCTUATION
        ):
            if lower[m] in wc.SUBORDINATORS and lower[m] != "that":
                return False, lower[m]
            m -= 1
        if (
            before in wc.BOUNDARY_PUNCTUATION
            or before in wc.CLAUSE_OPENERS
            or (self._is_sentence_adverb(before) and self._opens(lower, first, start - 1))
            or self._fronted(lower, first, start - 1)
            or self._fronted_place(lower, first, start)
        ):
            pending = self._pending_subordinator(p, first, start, found)
            return (False, pending) if pending else (True, "")
        # "the person she was", "knows he is", "said she": not a main clause.
        return False, before

    def _is_sentence_adverb(self, word: str) -> bool:
        return word.endswith("ly") and not self.table.is_verb_form(word)

    def _fronted(self, lower: list[str], first: int, m: int) -> bool:
        """Whether token ``m`` ends an adverbial that opens the clause: "Somewhere a
        radiator clanks", "and at some point he fell asleep". An indefinite determiner
        keeps out "the day she left", where the noun takes a clause of its own."""
        word = lower[m]
        if word in wc.FRONTED_ADVERBS:
            return self._opens(lower, first, m)
        if m - 1 < first:
            return False
        if word in wc.BARE_TIMES and lower[m - 1] in wc.TIME_PREPOSITIONS:
            return self._opens(lower, first, m - 1)
        if word[0].isdigit() or word == "o'clock":
            # A clock time: "At 11:58 the bus", "by two o'clock the soup".
            for n in range(m - 1, max(first, m - 3) - 1, -1):
                if lower[n] in wc.TIME_PREPOSITIONS:
                    return self._opens(lower, first, n)
                if not (lower[n][0].isdigit() or lower[n] in _CLOCK_WORDS):
                    return False
            return False
        if word in wc.TIME_NOUNS and lower[m - 1] in _TIME_DETERMINERS:
            # "One afternoon I walk out", "that night she sleeps": a time that opens the
            # clause with no preposition ("the day she left" takes a clause instead).
            return self._opens(lower, first, m - 1)
        return (
            word in wc.TIME_NOUNS
            and m - 2 >= first
            and lower[m - 1] in _INDEFINITE_DETERMINERS
            and lower[m - 2] in wc.TIME_PREPOSITIONS
            and self._opens(lower, first, m - 2)
        )

    def _fronted_place(self, lower: list[str], first: int, start: int) -> bool:
        """ "Behind them the musicians strike up": a short place phrase opens the clause,
        with no comma, before its subject."""
        return start - first <= _FRONTED_PLACE_REACH and self._after_place(lower, first, start)

    def _after_place(self, lower: list[str], first: int, start: int) -> bool:
        """Whether the words before ``start`` in its clause are a place phrase ("above the
        hill", "behind the door"), which may open a clause before "there"."""
        m = start - 1
        while m > first and not self._opens(lower, first, m):
            if lower[m] in wc.BOUNDARY_PUNCTUATION or lower[m] in wc.SUBORDINATORS:
                return False
            m -= 1
        return start - m >= 2 and lower[m] in wc.PREPOSITIONS | wc.FRONTED_ADVERBS

    def _opens(self, lower: list[str], first: int, m: int) -> bool:
        """Whether token ``m`` starts a clause ("and slowly she turns", not "nearly a
        mile")."""
        if m == first:
            return True
        before = lower[m - 1]
        return before in wc.BOUNDARY_PUNCTUATION or before in wc.CLAUSE_OPENERS

    def _pending_subordinator(
        self, p: Paragraph, first: int, start: int, found: list[Event]
    ) -> str:
        """A conjunction still waiting for its clause: "because, after all this time, she
        still did"."""
        lower = p.lower
        for m in range(start - 1, first - 1, -1):
            word = lower[m]
            if word in {";", ":"}:
                return ""
            if word in wc.CONJUNCTIONS:
                if any(m < event.index < start for event in found):
                    return ""
                return word
        return ""

    def _after_gaps(self, lower: list[str], m: int) -> int:
        """The first token from ``m`` on that is not one of up to three adverbs."""
        stop = m + 3
        while m < len(lower) and m < stop and self._is_gap(lower[m]):
            m += 1
        return m

    def _aspect(self, p: Paragraph, index: int, lemma: str) -> Aspect:
        lower = p.lower
        word = lower[index]
        if word in wc.MODALS_ANY or lemma in MODAL_PRESENT or word in MODAL_PAST:
            return "modal"
        if lemma == "do":
            following = lower[index + 1] if index + 1 < len(lower) else ""
            if word.endswith("n't") or following in self.table.forms or following == "not":
                return "do"
            # "she did ruin it": an emphatic do before a verb the tables may not know.
            object_like = following in wc.OBJECT_LIKE or following in wc.DETERMINERS
            return "simple" if object_like or not following[:1].isalpha() else "do"
        if lemma not in {"be", "have"}:
            return "simple"
        m = self._after_gaps(lower, index + 1)
        if m < len(lower) and lower[m] == ",":
            # "Nova had, in fact, punched a hole": a short aside between commas.
            close = next((n for n in range(m + 2, min(len(lower), m + 6)) if lower[n] == ","), 0)
            if close and all(lower[n][0].isalpha() for n in range(m + 1, close)):
                m = self._after_gaps(lower, close + 1)
        if m >= len(lower):
            return "simple"
        following = lower[m]
        if lemma == "have":
            return "perfect" if following in self.table.participles else "simple"
        if following.endswith("ing") and len(following) > 4:
            return "progressive"
        if following in self.table.participles:
            return "passive"
        return "simple"


# Negatives that _NEGATIVES leaves out, for telling a finite verb after a word.
_RARE_NEGATIVES = {"shan't": "shall", "ain't": "is"}
# Function words and auxiliaries that never head a noun phrase.
_NEVER_NOUNISH = wc.NOT_NAMES.union(
    wc.SUBORDINATORS, wc.CONTRACTIONS, _AUXILIARIES, _NEGATIVES, wc.MODALS_ANY
)
# A finite verb never directly follows these.
_ENDS = frozenset(".!?…")
_NEVER_BEFORE_A_VERB = (wc.DETERMINERS | wc.PREPOSITIONS) - {"her", "that", "his", "its"}
_NOT_BEFORE_A_LATER_VERB = _NEVER_BEFORE_A_VERB | wc.NUMBERS
_INDEFINITE_DETERMINERS = frozenset({"a", "an", "some", "one"})
_TIME_DETERMINERS = frozenset({"one", "that", "this", "every", "each", "next"})
# Words between a determiner and its noun that are no noun themselves: "the third question".
# Not "first" and "last", which more often open backstory ("the first pair got soaked")
# or a place before an inverted verb ("beyond the last field stands a chapel").
# The longest place phrase read as opening a clause without a comma: "across the street".
_FRONTED_PLACE_REACH = 4
_ORDINALS = wc.wordset("second third fourth fifth sixth seventh eighth ninth tenth")
_CLOCK_WORDS = wc.NUMBERS | wc.wordset("one eleven twelve half quarter past")
_ARTICLES = frozenset({"a", "an", "the"})
# "those drooping heads": a noun phrase that opens with one of these is plural, whatever
# word ends it.
_PLURAL_DETERMINERS = frozenset({"these", "those", "many", "several", "few", "both"})
# Particles that may stand between a past form and its phrase: "boats tied up in the harbour".
_PARTICLES = frozenset({"up", "down", "out", "off", "back", "away"})
# Words that complete a verb of motion or state ("swings open", "pulls left", "comes loose")
# and are verb forms too.
_COMPLEMENTS = wc.wordset("open shut closed loose free wide left right still straight clear")
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "your", "our"})
# Words of position or degree between a past form and its place: "pulled low over".
_POSITION_ADVERBS = _PARTICLES | wc.wordset("low high tight close tightly loosely halfway")
# Past participles that with "of" name what a thing is made of: "a shape made of static".
_MATERIAL_PARTICIPLES = wc.wordset("made built carved formed fashioned woven composed")
_ADJECTIVE_ENDINGS = tuple(wc.wordset("ent ant ous ive ful less able ible ic al ary ish ese est"))


def _list_goes_on(lower: list[str], index: int) -> bool:
    """ "a bed, a TV bolted to the dresser, and a painting": after the past form, the same
    sentence goes on with ", and" and another noun phrase, so it was an item of a list."""
    for m in range(index + 1, min(len(lower) - 2, index + 12)):
        if lower[m][0] in _ENDS:
            return False
        if lower[m] == "," and lower[m + 1] == "and" and lower[m + 2] in wc.DETERMINERS:
            return True
    return False


def _made_of(lower: list[str], index: int) -> bool:
    """ "a shape made of static", "a bridge built of rope": a participle naming a material."""
    return lower[index] in _MATERIAL_PARTICIPLES and lower[index + 1 : index + 2] == ["of"]
