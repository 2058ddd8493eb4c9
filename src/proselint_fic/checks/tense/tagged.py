"""The part-of-speech layer as the tense model uses it: a second opinion, asked sparingly.

The positional reader (``events.py``) finds most finite verbs cheaply, but it reads some
nouns and adjectives as verbs (*his eyes*, *a sky so big and blue*) and misses verbs whose
subject it cannot place (*By noon his feet ache*, *Mara walks to the door*). Tagging every
sentence would cost more than the rest of the linter together, so the tagger is asked only

* about a verb the model is about to report: a report stands only when the tagger also
  reads the word as a verb (any VB tag, or a modal): a noun, an adjective or an adverb
  reading overrules the reader; and
* about a narration sentence in which the reader found no finite verb at all although it
  holds a verb form: there, a word the tagger reads as a finite verb, with a noun or a
  pronoun before it, becomes a verb of the model, whose clause and verdict the model then
  works out as for any other.
"""

from __future__ import annotations

from functools import cache

from proselint_fic.checks.tense import words as wc
from proselint_fic.checks.tense.events import Event, SentenceReader, SubjectKind, finite
from proselint_fic.checks.tense.lexicon import tables
from proselint_fic.checks.tense.narration import MASK_WORD, Paragraph
from proselint_fic.document.tags import FINITE_TAGS, tag_words
from proselint_fic.resources import data_entries

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Pronoun subjects are left to the reader, which reads every one it can: where it read
# none, it had a reason ("on the day she left").
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "EX"})
_SKIPPED_BEFORE_VERB = frozenset({"RB", "RBR", "RBS"})
_NOUN_PHRASE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH"})
_NOUN_PHRASE_OPENERS = frozenset({"DT", "PDT", "PRP$"})
_ARTICLES = frozenset({"a", "an", "the"})
# "her" is a possessive here: an object pronoun is never a subject either.
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
# Endings that make adjectives and hardly ever nouns, for the words the tagger, trained on
# web text, calls nouns (congratulatory smiles, the fearless eyes).
_ADJECTIVE_ENDINGS = ("ous", "less", "ible", "atory", "itory")
# Compound modifiers the tagger often calls nouns: cable-like, blood-soaked, long-fingered.
_COMPOUND_ADJECTIVE_ENDINGS = ("like", "ed", "ing", "ful", "less", "looking")
_PRONOUN_PERSONS: dict[str, wc.Person] = {"i": "1s", "we": "pl", "they": "pl", "you": "pl"}


class SentenceTags:
    """Tags of the model's sentences, computed once each, on demand.

    A sentence's tags depend on its words alone, so ``kept`` (words to tags) may outlive
    one reading: an edited document's unchanged sentences are then not tagged again."""

    def __init__(self, kept: dict[tuple[str, ...], list[str]] | None = None) -> None:
        self._cache: dict[tuple[int, int], list[str]] = {}
        self._kept = kept

    def of(self, p: Paragraph, first: int, stop: int) -> list[str]:
        """One tag per token of tokens ``[first, stop)`` of ``p``."""
        key = (p.starts[first], stop - first)
        tags = self._cache.get(key)
        if tags is None:
            words = tuple(_as_word(p.word(i)) for i in range(first, stop))
            kept = self._kept
            tags = kept.get(words) if kept is not None else None
            if tags is None:
                tags = tag_words(list(words))
                if kept is not None:
                    kept[words] = tags
            self._cache[key] = tags
        return tags

    def confirms(self, p: Paragraph, event: Event) -> bool:
        """Whether the tagger, too, reads the event's word as a finite verb."""
        first, stop = p.sentences[event.sentence]
        tags = self.of(p, first, stop)
        tag = tags[event.index - first]
        # Only a reading as another part of speech overrules the reader: the tagger mixes
        # up a past and a participle (VBD, VBN) and a present and a base form (VBP, VB)
        # far more often than it calls a verb a noun.
        if tag == "VBN" and _finite_before_in_clause(p, first, tags, event.index - first):
            # "the babies wear feathers threaded through their bonnets": the clause has its
            # finite verb already, and a participle after it describes a noun.
            return False
        at = event.index - first
        if tag == "VBN" and _describes_a_noun(p, event, tags, at):
            # "A man-sized demon covered in glittering ice.": a noun phrase and the
            # participle that describes it, as captions and descriptions are written.
            return False
        if tag in _NOUN_OR_PRESENT_TAGS and _heads_a_later_verbs_subject(p, first, tags, at):
            return False
        if tag.startswith("VB") or tag == "MD":
            return True
        if tag in _PLURAL_TAGS:
            # Trained on web text, the tagger reads most -s words after a noun as plurals
            # ("a dog barks"), which fiction tells in the present all the time. A plural is
            # believed when another verb follows for it ("the guards watch the gate"), or
            # when what stands before it can only open a noun phrase ("her very eyes",
            # "dry eyes"): no finite verb follows an article, a possessive or an adjective.
            return not (
                _verb_follows(tags, at)
                or tags[at + 1 : at + 2] == ["WDT"]  # "the roots and rocks that tripped him"
                or _participle_follows(tags, at, event.lemma)
                or _noun_phrase_before(p, first, tags, at)
                or _past_verb_before(p, first, tags, at)
                or _in_prepositional_object(p, first, tags, at)
            )
        return False


def _describes_a_noun(p: Paragraph, event: Event, tags: list[str], at: int) -> bool:
    """Whether a participle describes the noun before it: after a subject opened by *a*
    or *an*, or by a possessive right after a comma (an absolute phrase: *a kobold, its
    body mutated by forbidden magics*), and before a preposition (covered in, bound by,
    formed from), when fiction writes its verb in the passive. The tagger's VBN is then
    believed, since a finite past verb there takes an object (*a man covered his face*)
    or is one that takes none (*a coal collapsed into ash*)."""
    following = tags[at + 1 : at + 2]
    if event.subject != "noun" or following not in (["IN"], ["TO"]):
        return False
    if event.subject_word in _POSSESSIVES:
        before = event.subject_index - 1
        if before < 0 or p.lower[before] != ",":
            return False
    elif event.subject_word not in _INDEFINITE_ARTICLES:
        return False
    return event.word.lower() in passive_participles()


_INDEFINITE_ARTICLES = frozenset({"a", "an"})
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})


@cache
def passive_participles() -> frozenset[str]:
    """Participles fiction writes in the passive (*was covered*), so that they can
    describe a noun (``scripts/build_passive_participles.py``); a verb that takes no
    object (*collapsed*, *walked*) is not among them."""
    try:
        return frozenset(word for word, _ in data_entries("tense/passive.txt"))
    except OSError:
        return frozenset()


def _heads_a_later_verbs_subject(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """Only prepositional phrases stand between the word and the clause's next finite verb
    ("The data mills up on HMS Caledonia were massaging"): the word is the noun those
    phrases describe, and the subject of that verb. A verb of its own would have left
    the later verb without a subject. A subordinator opens a clause instead ("she leaves
    before the man was home")."""
    index = at + 1
    phrases = 0
    while index < len(tags) and _is_preposition(p.lower[first + index], tags[index]):
        index += 1
        if index < len(tags) and _is_preposition(p.lower[first + index], tags[index]):
            index += 1  # "up on"
        start = index
        while index < len(tags) and tags[index] in _PREPOSITIONAL_OBJECT_TAGS:
            index += 1
        if index == start:
            return False
        phrases += 1
    return phrases > 0 and index < len(tags) and tags[index] in FINITE_TAGS


def _is_preposition(word: str, tag: str) -> bool:
    return tag in _PREPOSITION_TAGS and word not in _CLAUSE_IN


_PREPOSITION_TAGS = frozenset({"IN", "RP"})
_NOUN_OR_PRESENT_TAGS = frozenset({"VBZ", "VBP", *_PLURAL_TAGS})
_PREPOSITIONAL_OBJECT_TAGS = _NOUN_PHRASE_TAGS | _NOUN_PHRASE_OPENERS


def _verb_follows(tags: list[str], at: int) -> bool:
    following = at + 1
    while following < len(tags) and tags[following] in _SKIPPED_BEFORE_VERB:
        following += 1
    return following < len(tags) and tags[following] in FINITE_TAGS


def _participle_follows(tags: list[str], at: int, lemma: str) -> bool:
    """A plural with a participle after it heads a phrase of its own ("his gray eyes
    dancing with amusement", "her knees crossed"); only a few verbs take an -ing form
    straight after them ("she keeps running")."""
    following = at + 1
    return (
        following < len(tags)
        and tags[following] in ("VBG", "VBN")
        and lemma not in _TAKES_AN_ING_FORM
    )


_TAKES_AN_ING_FORM = wc.wordset(
    "stop keep start begin like love hate mind avoid enjoy finish quit risk try go come "
    "spend miss prefer continue need want remember forget"
)


def _noun_phrase_before(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """Whether the word before token ``at`` (adverbs skipped: "her very eyes") is an
    article, a possessive or an adjective, which a finite verb never directly follows."""
    before = at - 1
    while before >= 0 and tags[before] in _SKIPPED_BEFORE_VERB:
        before -= 1
    if before < 0:
        return False
    word = p.lower[first + before]
    return (
        word in _ARTICLES
        or word in _POSSESSIVES
        or tags[before] in _ADJECTIVE_TAGS
        or (len(word) > 5 and word.endswith(_ADJECTIVE_ENDINGS))
        or tags[before] == "POS"
        or ("-" in word and word.endswith(_COMPOUND_ADJECTIVE_ENDINGS))
        or _modifier_in_noun_phrase(p, first, tags, before)
    )


def _modifier_in_noun_phrase(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """A participle or an -ing noun right after a determiner or a preposition modifies
    what follows: "of hidden pulses", "the singeing clothes" (not "the dog barks")."""
    if at < 1 or tags[at - 1] not in _NOUN_PHRASE_OPENING_TAGS:
        return False
    return tags[at] == "VBN" or (tags[at] == "NN" and p.lower[first + at].endswith("ing"))


_NOUN_PHRASE_OPENING_TAGS = frozenset({"DT", "IN", "PRP$"})


def _past_verb_before(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """The word before is a past form the reader passed over ("the men-folks shot ducks
    and pigeons"): two finite verbs never stand side by side, so that one is the verb
    and the plural its object."""
    before = at - 1
    while before >= 0 and tags[before] in _SKIPPED_BEFORE_VERB:
        before -= 1
    return before >= 0 and p.lower[first + before] in tables().past


def _finite_before_in_clause(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """Whether a finite verb is tagged before token ``at`` in its clause: nothing between
    them joins or opens another clause (a coordinator, a wh-word, a subordinator, a mark)."""
    for before in range(at - 1, -1, -1):
        tag = tags[before]
        if tag in FINITE_TAGS:
            return True
        if tag in _CLAUSE_BOUNDARY_TAGS or (tag == "IN" and p.lower[first + before] in _CLAUSE_IN):
            return False
    return False


_CLAUSE_BOUNDARY_TAGS = frozenset(
    {"CC", "WDT", "WP", "WP$", "WRB", ",", ":", ".", "-LRB-", "``", "''"}
)


def _in_prepositional_object(p: Paragraph, first: int, tags: list[str], at: int) -> bool:
    """The plural ends a preposition's object that joins nouns: only nouns, their
    modifiers and an "and" or "or" between them stand between it and the preposition
    ("no end of time and groans", "of Bravo and Charlie teams", "with leaves and
    branches"), or between it and a gerund or an infinitive ("finding cracks and
    creases"). It is that object's noun, not a verb. Without the coordinator the
    phrase may modify a subject whose verb it is ("the candle on the table gutters");
    "She took the keys and runs" has no preposition; and a determiner after a noun opens
    a new phrase ("in the morning the dog barks")."""
    before = at - 1
    while before >= 0 and tags[before] in _SKIPPED_BEFORE_VERB:
        before -= 1
    after_determiner = joined = False
    for index in range(before, -1, -1):
        tag, word = tags[index], p.lower[first + index]
        if tag == "IN":
            return joined and index < before and word not in _CLAUSE_IN
        if tag in _NON_FINITE_TAGS:
            # A gerund or an infinitive takes an object as a preposition does ("finding
            # cracks and creases for support"); a finite verb is the chain's own ("She
            # took the keys and runs").
            return joined and index < before
        if after_determiner and tag not in _NOUN_PHRASE_OPENERS and tag != "CC":
            return False
        if tag in _NOUN_PHRASE_OPENERS:
            after_determiner = True
        elif tag == "CC":
            after_determiner, joined = False, True
        elif not (tag in _NOUN_PHRASE_TAGS or (tag == "VBZ" and tables().is_nominal(word))):
            return False
    return False


_NON_FINITE_TAGS = frozenset({"VBG", "VB"})

# Subordinators the tagger also calls IN: what follows them is a clause, not an object
# ("like" and "than" also take a noun phrase).
_CLAUSE_IN = wc.SUBORDINATORS - {"like", "than"}


def _as_word(token: str) -> str:
    return "Something" if token[:1] == MASK_WORD else token


def rescue(
    reader: SentenceReader, p: Paragraph, number: int, events: list[Event], tags: SentenceTags
) -> list[Event]:
    """Verbs of the sentences of ``p`` where the reader found none (``events`` are those
    it found), read from the tags of a few words around each candidate."""
    found: list[Event] = []
    have = {event.sentence for event in events}
    # A sentence whose verbs the reader found only in subordinate clauses may still open
    # on its main verb, straight after a name ("Mary brings in the fruit ... as though it
    # had been dipped in milk"); only that verb is looked for there.
    subordinate_only = have - {e.sentence for e in events if e.main and e.subject != "relative"}
    known = {event.index for event in events}
    for sentence, (first, stop) in enumerate(p.sentences):
        opening_only = sentence in subordinate_only
        if (sentence in have and not opening_only) or stop - first < 2:
            continue
        for index in _candidates(reader, p.lower, first, stop):
            if opening_only and (index != first + 1 or index in known):
                continue
            if p.lower[index] in reader.table.participles:
                continue  # a past that is also a participle needs the reader's judgement
            begin = max(first, index - _WINDOW_BEFORE)
            window = tags.of(p, begin, min(stop, index + _WINDOW_AFTER))
            if window[index - begin] not in FINITE_TAGS - {"MD"}:
                continue
            event = _event_from_tags(reader, p, (first, begin, index), window, found)
            if event is not None:
                found.append(event)
    return found


# The tags of a candidate come from the words around it: enough before for a noun phrase
# and the two tags the features look back on, two after for the words they look ahead to.
_WINDOW_BEFORE = 6
_WINDOW_AFTER = 3


# Words that never head a subject noun phrase: a verb form after one is no finite verb
# with a noun subject, which is all that tags can add.
_NOT_A_SUBJECT_HEAD = (
    wc.DETERMINERS
    | wc.PREPOSITIONS
    | wc.COORDINATORS
    | wc.SUBORDINATORS
    | wc.GAP_WORDS
    | wc.MODALS_ANY
    | frozenset(wc.SUBJECT_PRONOUNS)
    | frozenset({"to", "not", "and", "who", "which", "that", "what", "such"})
)


def _candidates(reader: SentenceReader, lower: list[str], first: int, stop: int) -> list[int]:
    """Verb forms right after a word that can end a noun phrase (*feet ache*, *Mara
    walks*): only there can tags find a verb the reader missed. Tagging is the dearest step
    of the analysis, so nothing else is tagged."""
    verbish = reader.verbish
    found = []
    for i in range(first + 1, stop):
        if lower[i] not in verbish:
            continue
        before = lower[i - 1]
        if before[:1].isalpha() and before not in verbish and before not in _NOT_A_SUBJECT_HEAD:
            found.append(i)
    return found


def _event_from_tags(
    reader: SentenceReader,
    p: Paragraph,
    where: tuple[int, int, int],
    window: list[str],
    found: list[Event],
) -> Event | None:
    """The event for the verb at ``index``, tagged in ``window`` (which starts at token
    ``begin`` of the sentence that starts at ``first``), if a noun phrase is its subject."""
    first, begin, index = where
    lower = p.lower
    head = index - 1
    while head >= begin and window[head - begin] in _SKIPPED_BEFORE_VERB:
        head -= 1
    if head < begin or window[head - begin] not in _NOUN_TAGS:
        return None
    if window[head - begin] == "CD" or lower[head] in wc.NUMBERS:
        return None  # "forty paces farther": the word after a number is what it counts
    if lower[head] in reader.verbish:
        return None  # "the wheel pulls left": the word before may be the verb
    start = head
    while start - 1 >= begin and window[start - 1 - begin] in _NOUN_PHRASE_TAGS:
        start -= 1
    if start - 1 >= begin and window[start - 1 - begin] in _NOUN_PHRASE_OPENERS:
        start -= 1  # "his feet", "the wind": the determiner opens the noun phrase
    word = lower[head]
    person: wc.Person | None = _PRONOUN_PERSONS.get(word)
    if person is None:
        person = "pl" if window[head - begin] in _PLURAL_TAGS else "3s"
    resolved = finite(lower[index], person, reader.table)
    if resolved is None:
        return None
    tense, lemma = resolved
    main, subordinator = reader.position(p, first, start, found)
    kind: SubjectKind = "name" if window[head - begin].startswith("NNP") else "noun"
    return Event(
        sentence=_sentence_of(p, index),
        index=index,
        start=p.starts[index],
        end=p.ends[index],
        word=p.word(index),
        tense=tense,
        lemma=lemma,
        person=person,
        subject=kind,
        subject_word=lower[start],
        subject_index=start,
        main=main,
        subordinator=subordinator,
        aspect=reader.aspect(p, index, lemma),
    )


def _sentence_of(p: Paragraph, index: int) -> int:
    for number, (first, stop) in enumerate(p.sentences):
        if first <= index < stop:
            return number
    return len(p.sentences) - 1
