"""The scene-level tense model: which tense each scene is told in, and which verbs slip.

A scene's tense is the majority of its narration verbs (or the configured tense). A verb in
the other tense is a *slip* only when nothing explains it: it opens a main clause, its
sentence carries no past perfect, time expression, condition, report or habit, it is not
part of a letter or diary in another voice, and the narration around it is in the scene's
tense. Present-tense fiction uses the past for backstory all the time; backstory comes in
runs and with those markers, a slip usually sits alone between verbs in the right tense.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal, NamedTuple
from weakref import WeakKeyDictionary

from proselint_fic.checks.tense import words as wc
from proselint_fic.checks.tense.events import Event, SentenceReader
from proselint_fic.checks.tense.lexicon import Tense, VerbTables, in_other_tense, tables
from proselint_fic.checks.tense.narration import (
    MASK,
    Paragraph,
    lowered,
    narration_view,
    tokenize,
)
from proselint_fic.checks.tense.tagged import SentenceTags, rescue
from proselint_fic.document import Document, Scene

FindingKind = Literal["slip", "weak", "mixed"]

# A scene needs this many votes before its own majority outranks the document's.
MIN_SCENE_VOTES = 6
# The share of votes that makes a tense the scene's tense.
MAJORITY = 0.55
# Below this share, and with the tense changing all the time, a scene is mixed.
CLEAR_MAJORITY = 0.65
MIN_MIXED_VOTES = 12
# The share of a scene's votes its tense must hold for a verb in the other tense to be
# reported as a slip.
SLIP_MAJORITY = 0.7
MIXED_SWITCH_SHARE = 1.0

# A capitalised word, not a possessive. (A leading \b would be right but makes the scan
# three times slower; the character before is checked in Python instead.)
_CAPITALISED = re.compile(r"[A-Z][a-z]+\b(?!['’])")
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+")
# Expressions that place an event in the past ("years ago", "last night", "when she was six").
_PAST_TIME = re.compile(
    r"\b(?:ago|yesterday|earlier|formerly|used to|back (?:then|when)|once upon"
    # "the look he received just now": a moment ago, after what it dates (not "just now
    # she is busy", at this moment, opening the clause).
    r"|(?<=[a-z] )just now"
    # "he told me once that": once as a time in the past; not "it blinked once," (one
    # time, in the scene) nor "once she leaves" (a clause of time).
    r"|once(?= that\b)"
    # "back in the day", "back in 1999", "back in school"; not "leaned back in her chair".
    r"|back in (?:the (?:day|old days|spring|summer|autumn|fall|winter|sixties|seventies"
    r"|eighties|nineties|city|village)|those days|(?:19|20)\d\d|school|college|high school"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december))"
    r"|last (?:night|week|month|year|summer|winter|spring|autumn|fall|time|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|term|semester|christmas)"
    r"|(?<!for )the (?:other|previous|first|last) (?:day|night|week|time|year)"
    r"|the (?:day|night|week) before"
    r"|as a (?:child|kid|girl|boy|teenager|teen|baby|student|young (?:man|woman))"
    # A stage of life: "in his manhood he worked in a mill", "in her girlhood".
    r"|in (?:my|his|her|their|our|your) (?:youth|childhood|boyhood|girlhood|manhood"
    r"|womanhood|younger days|early days|teens|twenties|thirties)"
    r"|when (?:i|he|she|we|they|you) (?:was|were)\b"
    r"|(?:years|months|weeks|days|decades|hours) (?:before|earlier|back)"
    r"|for (?:[\w-]+ )?(?:years|months|decades|ages|a lifetime|generations)"
    r"|before (?:that|then)|ever since"
    r"|on (?:my|his|her|their|our|your|the) (?:first|second|third|fourth|fifth|last) "
    r"(?:day|night|morning|evening|week)"
    # An age ("at eighteen", "at the age of six"); not a clock time ("at twenty past").
    r"|at (?:the age of [\w-]+|(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty)(?:-\w+)?"
    r"(?! past| to| minutes| o'clock))"
    r"|that (?:morning|afternoon|evening|night|day|week|summer|winter|spring|"
    r"autumn|fall|year|time)"
    # "this morning" is earlier today; "this time" and "this week" are now.
    r"|this (?:morning|afternoon)"
    r"|in those days|in (?:19|20)\d\d|(?:by|until|till|even|since) then"
    # A month ("left in October", "since March"); not "may", which is too often a verb.
    r"|(?:in|last|since|until|by|early|late|mid|that) (?:january|february|march|april|june"
    r"|july|august|september|october|november|december))\b"
    # "then" closing a clause means "at that time" ("she was nineteen then"); opening one
    # ("and then, she left") it means "next", which is no time expression.
    r"|(?<=[a-z] )(?<!and )(?<!but )(?<!just )then (?=[.,;:!?—])"
)
_CONDITIONAL = wc.wordset(
    "if unless wish wished wishes rather suppose supposing imagine imagines imagined "
    "pretend pretends would could might should wouldn't couldn't"
)
# A letter's closing words, and how many paragraphs a letter may run to.
_SIGN_OFFS = wc.wordset(
    "yours sincerely faithfully love regards best cheers affectionately warmly truly ever"
)
_LETTER_PARAGRAPHS = 12
_GENERIC_SUBJECTS = wc.wordset(
    "you one people everyone everybody nobody anyone anybody nothing everything every each any all"
)


class Finding(NamedTuple):
    start: int
    end: int
    word: str
    kind: FindingKind
    scene_tense: Tense
    replacement: str = ""
    reason: str = ""
    counts: tuple[int, int] = (0, 0)  # present and past votes, for mixed scenes


@dataclass(slots=True)
class _SceneData:
    paragraphs: list[Paragraph] = field(default_factory=list)
    events: list[list[Event]] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    present: int = 0
    past: int = 0
    switches: int = 0  # changes of tense between one voting verb and the next
    first_person: bool = False
    second_person: bool = False
    names: frozenset[str] = frozenset()
    tags: SentenceTags = field(default_factory=SentenceTags)


class Analysis(NamedTuple):
    findings: tuple[Finding, ...]
    scene_tenses: tuple[Tense | None, ...]


_CACHE: WeakKeyDictionary[Document, Analysis] = WeakKeyDictionary()


def analyse(document: Document) -> Analysis:
    """The tense findings for ``document``, computed once and shared by the three rules."""
    cached = _CACHE.get(document)
    if cached is None:
        cached = _analyse(document)
        _CACHE[document] = cached
    return cached


class Reading(NamedTuple):
    """Every scene's paragraphs, verbs and votes, and the document's own tense."""

    scenes: list[_SceneData]
    document_tense: Tense | None


def read(document: Document) -> Reading:
    """Read every scene of ``document``: its narration paragraphs, their verbs, the votes."""
    view = narration_view(document)
    lower_view = lowered(view)
    table = tables()
    names = _learn_names(view, table)
    reader = SentenceReader(table, names)
    tags = SentenceTags()
    scenes = [read_scene(view, lower_view, scene, reader, tags) for scene in document.scenes]
    return Reading(scenes, document.options.tense or document_tense(scenes))


# A paragraph's tokens and verbs, by its narration text and the names its scene reads
# with (both all the reading depends on), with the offset it was read at.
ParagraphReadings = dict[tuple[str, frozenset[str]], tuple[int, Paragraph, list[Event]]]


def read_scene(
    view: str,
    lower_view: str,
    scene: Scene,
    reader: SentenceReader,
    tags: SentenceTags,
    *,
    kept: ParagraphReadings | None = None,
) -> _SceneData:
    """One scene's narration paragraphs, their verbs and its votes. With ``kept``, the
    paragraphs read before (an edited scene's unchanged ones) are taken from it."""
    data = _SceneData(names=reader.names, tags=tags)
    for span in scene.paragraphs:
        key = (view[span.start : span.end], reader.names) if kept is not None else None
        reading = kept.get(key) if kept is not None and key is not None else None
        if reading is not None:
            paragraph, events = _moved_reading(reading, view, span.start)
        else:
            paragraph = tokenize(view, lower_view, span)
            events = reader.read(paragraph)
            found = rescue(reader, paragraph, len(data.paragraphs), events, tags)
            if found:
                events = sorted([*events, *found], key=lambda e: e.index)
            if kept is not None and key is not None:
                kept[key] = (span.start, paragraph, events)
        data.paragraphs.append(paragraph)
        data.events.append(events)
    _mark_quoted_voice(data)
    _count_votes(data)
    return data


def _moved_reading(
    reading: tuple[int, Paragraph, list[Event]], view: str, start: int
) -> tuple[Paragraph, list[Event]]:
    """A kept paragraph reading in ``view``, where the paragraph now starts at ``start``."""
    at, paragraph, events = reading
    delta = start - at
    if not delta:
        return paragraph._replace(view=view), events
    moved = paragraph._replace(
        view=view,
        starts=array("q", [s + delta for s in paragraph.starts]),
        ends=array("q", [e + delta for e in paragraph.ends]),
    )
    return moved, [event.moved(delta) for event in events]


def document_tense(scenes: Iterable[_SceneData]) -> Tense | None:
    """The tense most narration verbs of the whole document are in, if any is."""
    present = past = 0
    for scene in scenes:
        present += scene.present
        past += scene.past
    return _majority(present, past, minimum=3)


def _analyse(document: Document) -> Analysis:
    reading = read(document)
    pinned = document.options.tense
    findings: list[Finding] = []
    tenses: list[Tense | None] = []
    for data in reading.scenes:
        tense, found = judge_scene(data, reading.document_tense, pinned)
        tenses.append(tense)
        findings.extend(found)
    return Analysis(tuple(findings), tuple(tenses))


def judge_scene(
    data: _SceneData, document_tense: Tense | None, pinned: Tense | None
) -> tuple[Tense | None, list[Finding]]:
    """A scene's tense and its findings, given the document's tense and the configured one."""
    if pinned is None and _is_mixed(data):
        return None, [_mixed_finding(data)]
    tense = pinned or _scene_tense(data, document_tense)
    if tense is None:
        return None, []
    if pinned is not None and _scene_tense(data, None) == other_tense(pinned):
        # The whole scene is told in the other tense: say so once, not verb by verb.
        return tense, [_mixed_finding(data, configured=pinned)]
    findings = list(_slips(data, tense))
    if pinned is None and _too_mixed_for_slips(data, tense):
        findings = [_as_weak(f, "the scene moves between the tenses") for f in findings]
    return tense, findings


def _too_mixed_for_slips(data: _SceneData, tense: Tense) -> bool:
    """A scene whose own verbs hold the other tense too often for any one to be a slip:
    a diary that keeps recalling the day before, a narrator who moves between then and
    now. A slip is a verb that stands out; in such a scene none does, and its verbs in
    the other tense are weak signals (``tense.weak-slip``, off by default)."""
    total = data.present + data.past
    if total < MIN_SCENE_VOTES:
        return False
    other = data.past if tense == "present" else data.present
    return other > (1 - SLIP_MAJORITY) * total


def _as_weak(finding: Finding, reason: str) -> Finding:
    return finding._replace(kind="weak", reason=reason) if finding.kind == "slip" else finding


def is_known(document: Document) -> bool:
    """Whether ``document``'s analysis is made (or was given) already."""
    return document in _CACHE


def remember(document: Document, analysis: Analysis) -> None:
    """Give ``document`` an analysis made elsewhere (an incremental re-lint, scene by scene),
    so that every rule that asks :func:`analyse` reads it."""
    _CACHE[document] = analysis


@dataclass(slots=True)
class NameEvidence:
    """What a stretch of narration says about which capitalised words are names.

    The evidence of a document's parts adds up to the document's, so an edited document
    re-reads only the scene that changed.
    """

    counts: Counter[str] = field(default_factory=Counter)
    mid_sentence: Counter[str] = field(default_factory=Counter)
    # Every capitalised run of letters, a superset of the words a name test can ask about.
    capitalised: frozenset[str] = frozenset()


def name_evidence(view: str) -> NameEvidence:
    evidence = NameEvidence(capitalised=frozenset(_CAPITALISED_RUN.findall(view)))
    for match in _CAPITALISED.finditer(view):
        start = match.start()
        before = view[max(0, start - 2) : start]
        if before[-1:].isalpha():
            continue  # inside a word ("McAllister")
        word = match[0]
        evidence.counts[word] += 1
        # After a lower-case word or a comma the word stands mid-sentence; after masked
        # dialogue it names a speaker ('"Come in," Idris said').
        if before[-1:] == " " and (before[0].islower() or before[0] in ",;:" + MASK):
            evidence.mid_sentence[word] += 1
    return evidence


def names_from(
    counts: Counter[str], mid_sentence: Counter[str], table: VerbTables
) -> frozenset[str]:
    """Capitalised words seen mid-sentence, or repeated and unknown as common words.

    A sentence-initial capital is no name by itself ("Tangled weeds."), but "Oriel" or
    "Tamsin" opening several sentences of a story is one.
    """
    return frozenset(
        word
        for word in mid_sentence.keys() | counts.keys()
        if is_name(word, counts, mid_sentence, table)
    )


def is_name(word: str, counts: Counter[str], mid_sentence: Counter[str], table: VerbTables) -> bool:
    """Whether one capitalised word is a name, by :func:`names_from`'s test."""
    if mid_sentence[word] > 0:
        return True
    lower = word.lower()
    return (
        counts[word] >= 2
        and lower not in wc.NOT_NAMES
        and lower not in table.readings
        and not table.is_verb_form(lower)
    )


def _learn_names(view: str, table: VerbTables) -> frozenset[str]:
    evidence = name_evidence(view)
    return names_from(evidence.counts, evidence.mid_sentence, table)


# -- votes ------------------------------------------------------------------------------


def _votes(event: Event) -> bool:
    """Main-clause verbs carry the narration; subordinate ones often report or recall.

    The past perfect is no evidence either way: past narration uses it, and so does a
    flashback in present narration.
    """
    return (
        event.main
        and event.subject not in {"relative", "demonstrative"}
        and event.aspect != "modal"
        and not (event.aspect == "perfect" and event.tense == "past")
    )


def _count_votes(data: _SceneData) -> None:
    previous: Tense | None = None
    for events, quoted in zip(data.events, data.quoted, strict=True):
        if quoted:
            continue
        for event in events:
            if _votes(event):
                if event.tense == "present":
                    data.present += 1
                else:
                    data.past += 1
                if previous is not None and event.tense != previous:
                    data.switches += 1
                previous = event.tense


def _majority(present: int, past: int, *, minimum: int, share: float = MAJORITY) -> Tense | None:
    total = present + past
    if total < minimum:
        return None
    if present >= share * total:
        return "present"
    if past >= share * total:
        return "past"
    return None


def _scene_tense(data: _SceneData, document_tense: Tense | None) -> Tense | None:
    own = _majority(data.present, data.past, minimum=MIN_SCENE_VOTES)
    return own or document_tense


def _is_mixed(data: _SceneData) -> bool:
    """No clear majority, and the tense keeps changing: backstory in a present-tense scene
    comes in a few long stretches, a scene written in both tenses changes all the time."""
    total = data.present + data.past
    clear = _majority(data.present, data.past, minimum=0, share=CLEAR_MAJORITY)
    if total < MIN_MIXED_VOTES or clear is not None:
        return False
    return data.switches >= MIXED_SWITCH_SHARE * min(data.present, data.past)


def _mixed_finding(data: _SceneData, configured: Tense | None = None) -> Finding:
    """Reported once, where the narration first changes tense (or, for a scene told in the
    other tense from the configured one, at its first verb)."""
    opening: Tense | None = None
    for events, quoted in zip(data.events, data.quoted, strict=True):
        for event in events:
            if quoted or not _votes(event):
                continue
            if opening is None:
                opening = event.tense
                if configured is not None:
                    return Finding(
                        event.start,
                        event.end,
                        event.word,
                        "mixed",
                        configured,
                        counts=(data.present, data.past),
                        reason="configured",
                    )
            elif event.tense != opening:
                return Finding(
                    event.start,
                    event.end,
                    event.word,
                    "mixed",
                    opening,
                    counts=(data.present, data.past),
                )
    first = data.paragraphs[0]
    return Finding(
        first.starts[0],
        first.ends[0],
        first.word(0),
        "mixed",
        opening or "present",
        counts=(data.present, data.past),
    )


def _mark_quoted_voice(data: _SceneData) -> None:
    """Paragraphs told by another voice: a first-person letter inside third-person narration.

    A letter, a diary entry or a quoted document keeps its own tense, so its paragraphs
    neither vote nor get flagged.
    """
    first_person = third_person = second_person = 0
    per_paragraph: list[tuple[int, int]] = []
    for events in data.events:
        mine = theirs = 0
        for event in events:
            if event.subject_word in {"i", "we"}:
                mine += 1
            elif event.subject_word in {"he", "she", "they"} or event.subject == "name":
                theirs += 1
            elif event.subject_word == "you" and event.main:
                second_person += 1
        per_paragraph.append((mine, theirs))
        first_person += mine
        third_person += theirs
    # A first-person narrator may talk about someone else more than about themselves; an
    # "I" that common, and in several paragraphs, is the narrator's, not an aside's or a
    # letter's.
    spread = sum(1 for mine, _ in per_paragraph if mine) >= _NARRATOR_PARAGRAPHS
    data.first_person = first_person > third_person or (
        spread and first_person * _NARRATOR_I_RATIO >= third_person
    )
    data.second_person = second_person > max(first_person, third_person)
    letters = _letter_paragraphs(data.paragraphs)
    for number, (mine, theirs) in enumerate(per_paragraph):
        other_voice = (mine > theirs) if not data.first_person else False
        data.quoted.append(number in letters or other_voice)


# Third-person subjects per first-person one up to which the narration is first-person.
_NARRATOR_I_RATIO = 2
_NARRATOR_PARAGRAPHS = 3


def _letter_paragraphs(paragraphs: list[Paragraph]) -> set[int]:
    """A letter set out in paragraphs: from "Dear ...," to the sign-off and signature."""
    found: set[int] = set()
    for number, paragraph in enumerate(paragraphs):
        opening = paragraph.lower[:1]
        if opening not in (["dear"], ["p.s"], ["ps"]):
            continue
        found.add(number)
        for end in range(number + 1, min(number + _LETTER_PARAGRAPHS, len(paragraphs))):
            if paragraphs[end].lower[:1] and paragraphs[end].lower[0] in _SIGN_OFFS:
                found.update(range(number, end + 1))
                break
    return found


# -- slips ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    """One sentence of a scene that has narration verbs, with what it says about time."""

    number: int  # paragraph number in the scene
    paragraph: Paragraph
    index: int  # sentence number in the paragraph
    events: list[Event]
    _context: _Context | None = None

    @property
    def main_tense(self) -> Tense:
        """The tense of its main clause (of its last verb when no main clause was found)."""
        for event in self.events:
            if event.main and event.subject != "relative":
                return event.tense
        return self.events[-1].tense

    @property
    def last_tense(self) -> Tense:
        return self.events[-1].tense

    def context(self) -> _Context:
        if self._context is None:
            self._context = _sentence_context(self.paragraph, self.index, tables())
        return self._context


class _Context(NamedTuple):
    """What one sentence says about time, looked up only for sentences with a candidate."""

    perfect: bool
    time: bool
    conditional: bool

    @property
    def backstory(self) -> bool:
        return self.perfect or self.time or self.conditional


def _sentence_context(paragraph: Paragraph, sentence: int, table: VerbTables) -> _Context:
    first, stop = paragraph.sentences[sentence]
    lower = paragraph.lower[first:stop]
    perfect = False
    for m, word in enumerate(lower):
        if word in {"had", "hadn't"} or word.endswith("'d"):
            nxt = m + 1
            while nxt < len(lower) and lower[nxt] in wc.GAP_WORDS:
                nxt += 1
            if nxt < len(lower) and (lower[nxt] in table.participles or lower[nxt] == "been"):
                perfect = True
                break
    return _Context(
        perfect=perfect,
        time=_PAST_TIME.search(" ".join(lower)) is not None,
        conditional=_has_conditional(lower),
    )


def _has_conditional(words: list[str]) -> bool:
    return any(w in _CONDITIONAL or w.endswith("'d") for w in words)


def _clause_start(paragraph: Paragraph, event: Event) -> int:
    """The token index where the event's main clause starts: after the last ", and",
    ", but" or semicolon before its subject, else the sentence start."""
    first, _ = paragraph.sentences[event.sentence]
    lower = paragraph.lower
    for m in range(event.subject_index - 1, first, -1):
        if lower[m] == ";" or (lower[m] in wc.COORDINATORS and lower[m - 1] == ","):
            return m + 1
    return first


def _clause_end(paragraph: Paragraph, event: Event) -> int:
    """The token index where the event's clause ends (next comma, dash or sentence end)."""
    _, stop = paragraph.sentences[event.sentence]
    lower = paragraph.lower
    for m in range(event.index + 1, stop):
        if lower[m] in wc.BOUNDARY_PUNCTUATION:
            return m
    return stop


def _before_subordinate(paragraph: Paragraph, event: Event, end: int) -> int:
    """Where the event's own words stop: at ``end`` or at a subordinate clause that opens
    after the verb first ("it seems that Ginny always ..." : the habit is Ginny's)."""
    lower = paragraph.lower
    for m in range(event.index + 1, end):
        if lower[m] in _SUBORDINATE_OPENERS:
            return m
    return end


_SUBORDINATE_OPENERS = wc.SUBORDINATORS | {"that"}


def _reported(paragraph: Paragraph, event: Event, table: VerbTables, events: list[Event]) -> bool:
    """A verb of saying or knowing governs the event: "he tells her he missed her".

    The search stops at ", and" or a semicolon, where a new main clause starts. A verb
    in a chain is governed by what governs the chain's first verb, never by that verb
    ("she said goodbye and leaves" is no report).
    """
    first, _ = paragraph.sentences[event.sentence]
    lower = paragraph.lower
    begin = event.subject_index - 1
    if event.subject == "chain":
        heads = [e for e in events if e.index < event.index and e.subject != "chain"]
        if heads:
            begin = heads[-1].subject_index - 1
    for m in range(begin, max(first, event.index - 14) - 1, -1):
        word = lower[m]
        if word in {";", ":"}:
            return False
        if word in wc.COORDINATORS and m > first and lower[m - 1] == ",":
            return False
        lemma = table.lemma(word)
        if lemma in wc.REPORTING:
            return True
    return _tagged_after(paragraph, event, table)


def _tagged_after(paragraph: Paragraph, event: Event, table: VerbTables) -> bool:
    """A trailing tag reports the clause: "The lake is cold in August, he always said"."""
    end = _clause_end(paragraph, event)
    _, stop = paragraph.sentences[event.sentence]
    lower = paragraph.lower
    if end >= stop or lower[end] != ",":
        return False
    subject = end + 1
    if subject >= stop or not (
        lower[subject] in wc.SUBJECT_PRONOUNS
        or lower[subject] in _TAG_DETERMINERS
        or paragraph.capitalised(subject)
    ):
        return False
    # A short subject ("he", "Mara", "his father"), at most one adverb ("always"), then
    # the verb of saying or knowing, ending the sentence or the clause.
    for m in range(subject + 1, min(stop, subject + 4)):
        if lower[m] in wc.BOUNDARY_PUNCTUATION:
            return False
        if table.lemma(lower[m]) in wc.REPORTING:
            return m + 1 == stop or not lower[m + 1][:1].isalnum()
    return False


_TAG_DETERMINERS = frozenset({"his", "her", "my", "your", "our", "their", "the"})


def _scene_sentences(data: _SceneData) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    for number, (paragraph, events) in enumerate(zip(data.paragraphs, data.events, strict=True)):
        if data.quoted[number]:
            continue
        current: _Sentence | None = None
        for event in events:
            if event.aspect == "modal" and event.tense == "past":
                continue  # could/would: conditional as often as past
            if current is None or current.index != event.sentence:
                current = _Sentence(number, paragraph, event.sentence, [])
                sentences.append(current)
            current.events.append(event)
    return sentences


def _slips(data: _SceneData, tense: Tense) -> Iterator[Finding]:
    sentences = _scene_sentences(data)
    for position, sentence in enumerate(sentences):
        for event in sentence.events:
            if event.tense == tense:
                continue
            kind, reason = _judge(data, sentences, position, event, tense)
            if kind is None or not data.tags.confirms(sentence.paragraph, event):
                continue
            replacement = in_other_tense(
                event.word,
                tense,
                third_person=event.person == "3s",
                first_singular=event.person == "1s",
            )
            yield Finding(event.start, event.end, event.word, kind, tense, replacement, reason)


Verdict = tuple[FindingKind | None, str]


def _judge(
    data: _SceneData, sentences: list[_Sentence], position: int, event: Event, tense: Tense
) -> Verdict:
    """``("slip", "")`` for a confident slip, ``("weak", why)`` for a weaker one, or
    ``(None, why)`` when the shift is explained."""
    sentence = sentences[position]
    paragraph = sentence.paragraph
    if tense == "present" and _followed_by_now(paragraph, event):
        return "slip", ""
    others = [e for e in sentence.events if e is not event and e.subject != "relative"]
    mixed = any(_anchors(other, event, paragraph, tense) for other in others)
    if not event.main or event.subject == "relative":
        simultaneous = _simultaneous(event, sentence, tense, mixed) and not _generic(event, data)
        if simultaneous or _ongoing(event, sentence, tense):
            return "slip", ""
        what = f"'{event.subordinator}'" if event.subordinator else "a relative"
        return None, f"not a main clause (subordinated by {what})"
    explanation = _explanation(sentence, event, tense)
    if explanation:
        return None, explanation
    if event.aspect == "modal" and event.lemma != "can":
        if event.lemma == "will":
            return "weak", "a modal can look ahead from the past"
        return None, "a modal verb"
    if tense == "present" and (
        _reports_ahead(event, sentence, tense) or _trailing_tag(event, sentence)
    ):
        return "weak", "a report of something said earlier"
    reason, soft = _weak_reason(event, tense, data, sentence)
    if reason and not (soft and mixed):
        return "weak", reason
    if mixed or _isolated(sentences, position, tense):
        return "slip", ""
    if _carries_on_backstory(sentences, position, tense):
        return None, "it carries on backstory that an earlier sentence opened"
    return "weak", "the narration around it is in the same tense"


def _anchors(other: Event, event: Event, paragraph: Paragraph, tense: Tense) -> bool:
    """Whether ``other``, a verb of the same sentence, ties ``event`` to the scene's time.

    The content of a report keeps the tense of the thing reported ("he said he wants"),
    and a clause after a semicolon or colon can step back from the one before it
    ("everyone knows why; he lost", "he wasn't; I've seen it"), so neither makes the
    other tense a slip.
    """
    if other.tense != tense:
        return False
    if not other.main and tables().lemma(other.subordinator) in wc.REPORTING:
        return False
    low, high = sorted((other.index, event.index))
    return not any(word in {";", ":"} for word in paragraph.lower[low:high])


def _reports_ahead(event: Event, sentence: _Sentence, tense: Tense) -> bool:
    """ "He said the buyers will come in spring": a past verb of saying whose report is in
    the present or future was said before the scene's moment."""
    if event.lemma not in _SAYING:
        return False
    # The report starts right after the verb ("said they", "told her they"), not in a
    # later clause of manner or time ("said, as gently as he can").
    lower = sentence.paragraph.lower
    return any(
        0 < other.subject_index - event.index <= _REPORT_GAP
        and not other.main
        and other.tense == tense
        and wc.BOUNDARY_PUNCTUATION.isdisjoint(lower[event.index : other.subject_index])
        and lower[other.subject_index - 1] not in wc.SUBORDINATORS - {"that"}
        for other in sentence.events
    )


def _trailing_tag(event: Event, sentence: _Sentence) -> bool:
    """ "It would take days to heal, the healers said.": a verb of saying that closes the
    sentence after a comma reports what was said before the scene's moment."""
    if event.lemma not in _SAYING:
        return False
    lower = sentence.paragraph.lower
    _, stop = sentence.paragraph.sentences[event.sentence]
    at = event.subject_index
    closes = event.index + 1 >= stop or not lower[event.index + 1][:1].isalnum()
    return closes and at > 0 and lower[at - 1] == ","


# Words between a verb of saying and its report's subject: "told her that they".
_REPORT_GAP = 3
_SAYING = wc.wordset("say tell write promise explain mention swear claim insist warn")


def _carries_on_backstory(sentences: list[_Sentence], position: int, tense: Tense) -> bool:
    """Whether the stretch of other-tense sentences leading here was opened by one that
    explains itself: the simple past that carries a past-perfect flashback on."""
    m = position - 1
    while m >= 0 and sentences[m].last_tense != tense:
        if sentences[m].context().backstory:
            return True
        m -= 1
    return False


def _explained(sentence: _Sentence, event: Event, tense: Tense) -> bool:
    return bool(_explanation(sentence, event, tense))


def _explanation(sentence: _Sentence, event: Event, tense: Tense) -> str:
    """How the sentence itself accounts for the other tense (flashback, time, report), or
    "" when it does not."""
    paragraph = sentence.paragraph
    first, stop = paragraph.sentences[event.sentence]
    # Habits and conditions count up to the end of the verb's own clause, so a trailing
    # "like she always does" does not excuse "she said". In present narration a routine
    # anywhere in the sentence ("she watered the plants before work, as she does every
    # morning") places the past verb earlier the same day, which is no slip.
    # Conditions count only from the start of the verb's own main clause: "sixty if she was
    # a day, but she beat me there, and we come crashing" is no condition on "come".
    end = _clause_end(paragraph, event)
    scope = paragraph.lower[first : _before_subordinate(paragraph, event, end)]
    conditions = paragraph.lower[_clause_start(paragraph, event) : end]
    routine = paragraph.lower[first:stop] if tense == "present" else scope
    if not wc.HABITUAL.isdisjoint(scope) or _every_period(routine):
        return "a habit (always, never, every ...)"
    if tense == "present":
        context = sentence.context()
        if context.perfect:
            return "a past perfect in the sentence: a flashback"
        if _done_already(paragraph, event):
            return "'already' with a past action stands for the present perfect (you already did)"
        if _has_conditional(conditions):
            return "a condition or wish in its clause"
        if context.time and _time_reaches(paragraph, event):
            return "a time expression places it in the past"
        if any(
            other.index < event.index and other.tense == "past" and not other.main
            for other in sentence.events
        ):
            return "a past frame: an earlier past clause sets the time"
    elif any(word == "if" and before != "as" for before, word in pairwise(["", *conditions])):
        return "a condition (if)"
    if _reported(paragraph, event, tables(), sentence.events):
        return "reported: a verb of saying, knowing or remembering governs it"
    return ""


def _done_already(paragraph: Paragraph, event: Event) -> bool:
    """ "You already did that", "she already cleaned it": in a present scene, "already"
    next to the past of an action verb is the present perfect in everyday English. With a
    state ("she already knew him") it is no excuse: the present says it ("knows")."""
    if event.lemma in _STATES:
        return False
    lower = paragraph.lower
    near = lower[max(event.subject_index, event.index - 2) : event.index + 2]
    return "already" in near


_STATES = wc.wordset(
    "be have know seem want like love hate believe own need understand remember mean "
    "feel look sound belong contain"
)


def _time_reaches(paragraph: Paragraph, event: Event) -> bool:
    """Whether a time expression of the sentence applies to the event: it comes before the
    event's clause ends, or in the clause right after it ("she left the city, years ago").
    One in a later relative clause dates that clause only ("she looked toward the road,
    where the riders came by last spring")."""
    first, stop = paragraph.sentences[event.sentence]
    lower = paragraph.lower
    end = _clause_end(paragraph, event)
    if end + 1 < stop and lower[end + 1] not in _RELATIVES:
        end = _phrase_end(lower, end + 1, stop)
        # Phrases without a clause of their own stack up after it ("we trained together,
        # back at the academy, ten years ago"): the time at the end still dates the verb.
        while end + 1 < stop and lower[end] == "," and lower[end + 1] not in _NEW_CLAUSE:
            end = _phrase_end(lower, end + 1, stop)
    return _PAST_TIME.search(" ".join(lower[first:end])) is not None


def _phrase_end(lower: list[str], start: int, stop: int) -> int:
    end = start
    while end < stop and lower[end] not in wc.BOUNDARY_PUNCTUATION:
        end += 1
    return end


_RELATIVES = frozenset({"where", "who", "whom", "whose", "which", "that"})
_NEW_CLAUSE = _RELATIVES | wc.COORDINATORS | wc.SUBORDINATORS | frozenset(wc.SUBJECT_PRONOUNS)


def _every_period(words: list[str]) -> bool:
    return any(
        word in {"every", "each"} and following in wc.PERIODS for word, following in pairwise(words)
    )


def _simultaneous(event: Event, sentence: _Sentence, tense: Tense, mixed: bool) -> bool:
    """ "She hums to herself as she folded the towels", "She is gone before he finished":
    an as/while/when clause out of step with the main clause it hangs on."""
    if not mixed or event.aspect in {"modal", "perfect"}:
        return False
    if event.subordinator in _ALONGSIDE:
        # "as the doctor said" reports; "while the kettle boiled" only ever times.
        subjects = (
            {"pronoun", "name", "noun"} if event.subordinator != "as" else {"pronoun", "name"}
        )
    elif event.subordinator in _TEMPORAL:
        subjects = {"pronoun", "name", "noun"}
    else:
        return False
    lower = sentence.paragraph.lower
    at = event.subject_index
    if event.subject not in subjects or at == 0 or lower[at - 1] != event.subordinator:
        return False
    main = _governing_main(event, sentence)
    if main is None or main.tense != tense:
        return False
    if event.subordinator in _ALONGSIDE and (lower[at - 2] in _DEGREE or main.lemma in _STATES):
        return False  # "the room is exactly as she left it": a comparison, not a moment
    if event.subordinator in _TEMPORAL and not _lone_shift(event, sentence, tense, lower):
        return False
    return not _explained(sentence, event, tense)


# "as"/"while" tie two actions to one moment; "when", "before" and the like order them, so
# only a clause whose main clause is in the scene's tense and which is the sentence's only
# verb in the other tense counts ("the ring he gave her before he left" is backstory).
_ALONGSIDE = frozenset({"as", "while", "whilst"})
_TEMPORAL = frozenset({"when", "before", "after", "until", "till", "once"})
_DEGREE = wc.wordset("exactly just precisely much same such so nearly almost")
_STATES = wc.wordset("be seem look remain stay feel sound")
# "older than when she left", "since when": comparisons and phrases, not a time frame.
_NOT_A_FRAME = frozenset({"than", "as", "from", "since", "of", "like", "just", "even"})


def _governing_main(event: Event, sentence: _Sentence) -> Event | None:
    """The main clause a subordinate clause hangs on: the one before it, or for a clause
    that opens the sentence ("When she left, he is ..."), the one after it."""
    mains = [e for e in sentence.events if e.main and e.subject != "relative"]
    before = [e for e in mains if e.index < event.index]
    after = (e for e in mains if e.index > event.index)
    chosen = before[-1] if before else next(after, None)
    return None if chosen is None or chosen.aspect == "modal" else chosen


def _lone_shift(event: Event, sentence: _Sentence, tense: Tense, lower: list[str]) -> bool:
    at = event.subject_index
    if at >= 2 and lower[at - 2] in _NOT_A_FRAME:
        return False
    return all(other is event or other.tense == tense for other in sentence.events)


def _ongoing(event: Event, sentence: _Sentence, tense: Tense) -> bool:
    """ "She looked like someone who is counting the exits": a relative clause in the
    present progressive describes the story's moment, so in past narration it slips."""
    if tense != "past" or event.subject != "relative" or event.aspect != "progressive":
        return False
    if event.subject_word not in {"who", "that"}:
        return False
    main_before = [e for e in sentence.events if e.index < event.index and e.main]
    if not main_before or main_before[-1].tense != tense:
        return False
    return not _explained(sentence, event, tense)


def _generic(event: Event, data: _SceneData) -> bool:
    """A general subject ("everyone", "you" outside second-person narration)."""
    if event.subject_word not in _GENERIC_SUBJECTS or event.subject == "chain":
        return False
    if _in_scene(event):
        return False
    return not (event.subject_word == "you" and data.second_person)


def _in_scene(event: Event) -> bool:
    """ "Nobody says anything", "Something moves": an indefinite doing something in the
    scene is narration, not a general statement."""
    if event.subject_word == "something" and "a" in tables().readings.get(event.word, ""):
        return False  # "something ragged and awful": an adjective
    return event.subject_word in wc.SCENE_INDEFINITES and event.lemma not in wc.STATIVE


def _weak_reason(
    event: Event, tense: Tense, data: _SceneData, sentence: _Sentence
) -> tuple[str, bool]:
    """Why a slip is only a weak signal, and whether a mixed sentence overrides that."""
    paragraph = sentence.paragraph
    if event.subject_word == "i" and not data.first_person:
        return "a first-person aside in the narration", False
    narrator = event.subject_word == "i" or (event.subject_word == "we" and data.first_person)
    if tense == "past" and narrator and _telling_now(paragraph, event):
        return "a narrator's comment from the time of telling", False
    if tense == "past" and _general_truth(data, sentence.number, event):
        return "a general statement can keep its own tense", False
    if _generic(event, data):
        return "a general statement can keep its own tense", False
    if event.subject == "indefinite" and not _in_scene(event):
        return "a general statement can keep its own tense", False
    if tense == "past" and event.subject_word == "it" and event.lemma in {"be", "have"}:
        # "it is true that...", "it is a rule of the house to...": the
        # narrator's own present.
        following = paragraph.lower[event.index + 1 : event.index + 9]
        extraposed = "that" in following or "to" in following
        return "a narrator's comment can be in the present", not extraposed
    if event.subject == "demonstrative" and not _there_inverted(event):
        return "a general statement can keep its own tense", True
    if event.aspect == "do" and tense == "present":
        return "a negated or emphatic past can be backstory", True
    if event.subject == "pronoun" and event.word.lower().replace("’", "'") in wc.CONTRACTIONS:
        return "a contraction can be a voice aside", True
    return "", False


def _there_inverted(event: Event) -> bool:
    """ "there hangs a lamp", "there stood a house": a verb of position after "there" sets
    a scene, as narration does; "there is" may state a general fact."""
    return event.subject_word == "there" and event.lemma in wc.INVERSION_VERBS


def _telling_now(paragraph: Paragraph, event: Event) -> bool:
    """ "I remember it even now", "I don't know why I did that", "—I have to admit—": a
    first-person narrator of past events speaks in the present about remembering, knowing
    or admitting, or from a *now* or *still*, or in a parenthesis."""
    lower = paragraph.lower
    at = event.subject_index
    if at > 0 and lower[at - 1] in {"—", "–", "("}:
        return True
    verb = event.index
    framing = _RECOLLECTION
    if event.aspect in {"do", "modal"}:
        verb += 1
        while verb < len(lower) and lower[verb] in wc.GAP_WORDS:
            verb += 1
    elif event.lemma == "have" and lower[verb + 1 : verb + 2] == ["to"]:
        verb += 2
        framing = _ADMISSION  # "I have to say", "I have to admit"
    if verb < len(lower) and tables().lemma(lower[verb]) in framing:
        return True
    if lower[verb : verb + 2] == ["tell", "you"]:
        return True  # "Great machine, I tell you": the narrator, telling
    if event.lemma in _NARRATING and not _acting_now(paragraph, event):
        return True  # "I am sure", "I mention this because", "I speak of sequences"
    clause = lower[max(at - 2, 0) : _clause_end(paragraph, event)]
    return not _TELLING_TIME.isdisjoint(clause)


_RECOLLECTION = wc.wordset(
    "know remember recall forget think wonder guess suppose admit confess believe "
    "understand doubt wish hope imagine realize realise swear bet regret reckon mean"
)
_ADMISSION = _RECOLLECTION | {"say"}
# What a first-person narrator of past events does in the present of the telling: knows,
# is sure, remembers, mentions, writes, relates ("I am not going to relate that voyage",
# "I reserve this distinction for another"). Actions stay slips ("I pluck up courage").
_NARRATING = _RECOLLECTION | wc.wordset(
    "be have own trust fear mention speak write tell relate describe repeat add grant "
    "figure reserve recollect dare allow go"
)


def _acting_now(paragraph: Paragraph, event: Event) -> bool:
    """ "I am standing at the door": a progressive of an action is the scene's, not the
    telling's ("I am merely telling the truth", "I am going to relate" are the telling)."""
    if event.lemma not in {"be", "go"}:
        return False
    lower = paragraph.lower
    at = event.index + 1
    while at < len(lower) and (lower[at] in wc.GAP_WORDS or lower[at].endswith("ly")):
        at += 1
    if at >= len(lower):
        return False
    following = lower[at]
    if event.lemma == "go":
        return following != "on"  # "I go on to say"; "I go to the window" is an action
    if not following.endswith("ing") or following == "going":
        return False
    lemma = tables().lemma(following[:-3]) or tables().lemma(following[:-3] + "e")
    return lemma not in _NARRATING


_TELLING_TIME = wc.wordset("now still anymore today")


def _general_truth(data: _SceneData, number: int, event: Event) -> bool:
    """A general statement in past narration: a sentence that opens on a bare noun and a
    present copula or a kind ("Pianos are like people", "Stars like that burn"), and
    the sentences straight after it that go on about *they* or *it*."""
    paragraph = data.paragraphs[number]
    if _opens_on_kind(paragraph, event.sentence, data.names):
        return True
    if event.subject_word not in {"they", "it"}:
        return False
    events = data.events[number]
    for earlier in range(event.sentence - 1, max(event.sentence - 3, -1), -1):
        if any(e.sentence == earlier and e.main and e.tense == "past" for e in events):
            return False
        if _opens_on_kind(paragraph, earlier, data.names):
            return True
    return False


def _opens_on_kind(paragraph: Paragraph, number: int, names: frozenset[str]) -> bool:
    first, stop = paragraph.sentences[number]
    lower = paragraph.lower
    head = lower[first]
    if (
        stop - first < 3
        or not head.isalpha()
        or head in wc.NOT_NAMES
        or head.endswith(("ing", "ly"))
        or paragraph.word(first) in names
    ):
        return False
    table = tables()
    if table.is_verb_form(head) and not table.is_nominal(head):
        return False
    m = first + 1
    if lower[m] == "like" and lower[m + 1] in {"that", "this", "these", "those", "them"}:
        return True  # "Stars like that": a kind, not a thing in the scene
    if lower[m] == ",":
        # A tag inside the statement: "Pianos, she told me once, are ..."
        m = next((n + 1 for n in range(m + 1, min(m + 7, stop)) if lower[n] == ","), m)
    return m + 1 < stop and lower[m] in {"is", "are"} and not lower[m + 1].endswith("ing")


def _followed_by_now(paragraph: Paragraph, event: Event) -> bool:
    """ "the person she was now": a past verb tied to *now* in present narration."""
    if event.tense != "past" or event.aspect == "modal":
        return False
    lower = paragraph.lower
    _, stop = paragraph.sentences[event.sentence]
    for m in range(event.index + 1, min(event.index + 3, stop)):
        if lower[m] == "now":
            return m + 1 >= stop or lower[m + 1] != "that"
    return False


def _isolated(sentences: list[_Sentence], position: int, tense: Tense) -> bool:
    """The sentences on either side are told in the scene's tense: the verb is not part of
    a stretch of backstory. A past-tense sentence that explains itself (a flashback in the
    past perfect, "years ago") may follow: it opens a new stretch rather than continuing
    this one."""
    if position > 0 and sentences[position - 1].last_tense != tense:
        return False
    if position + 1 < len(sentences):
        following = sentences[position + 1]
        if following.main_tense != tense:
            return following.context().backstory
    return True


def describe(finding: Finding) -> str:
    """The message for one finding."""
    if finding.kind == "mixed" and finding.reason == "configured":
        present, past = finding.counts
        told = "present" if present > past else "past"
        return (
            f"this scene is narrated in the {told} tense ({max(present, past)} of "
            f"{present + past} verbs) but the configured tense is {finding.scene_tense}"
        )
    if finding.kind == "mixed":
        present, past = finding.counts
        return (
            f"this scene's narration mixes present ({present} verbs) and past ({past} verbs) "
            "tense without a clear majority; choose one"
        )
    other = "past" if finding.scene_tense == "present" else "present"
    suggestion = f"; use '{finding.replacement}'" if finding.replacement else ""
    message = (
        f"'{finding.word}' is {other} tense in a scene narrated in the "
        f"{finding.scene_tense} tense{suggestion}"
    )
    if finding.kind == "weak" and finding.reason:
        message += f" (weaker signal: {finding.reason})"
    return message


def other_tense(tense: Tense) -> Tense:
    return "past" if tense == "present" else "present"


__all__ = ["Analysis", "Finding", "analyse", "describe", "in_other_tense"]
