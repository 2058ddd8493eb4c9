"""Why the tense rules did or did not report each verb of one sentence.

``proselint-fic explain --trace FILE:LINE`` prints this: for every narration sentence on
the line, the scene's tense and votes, the tokens, each finite verb the model read (its
subject, whether it opens a main clause, its verdict and the reason), and the words that
could have been verbs but were not read as one. It re-reads the document from scratch, so
it always shows what the rules decide, at the cost of a full analysis.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from proselint_fic.checks.tense.events import Event, SentenceReader
from proselint_fic.checks.tense.lexicon import Tense, tables
from proselint_fic.checks.tense.model import (
    Reading,
    _is_mixed,
    _judge,
    _scene_sentences,
    _scene_tense,
    _SceneData,
    _votes,
    read,
)
from proselint_fic.checks.tense.narration import MASK, Paragraph
from proselint_fic.document import Document
from proselint_fic.document.tags import tag_words


@dataclass(frozen=True, slots=True)
class VerbTrace:
    """One finite verb of the sentence and what the model made of it."""

    word: str
    start: int
    tense: Tense
    subject: str  # how the subject was found: pronoun, name, noun, chain ...
    subject_word: str
    clause: str  # "main" or what subordinates it
    votes: bool
    verdict: str  # "slip", "weak", "not reported" or "scene tense"
    reason: str


@dataclass(frozen=True, slots=True)
class SentenceTrace:
    """One narration sentence: its place, its scene's tense and votes, its verbs."""

    text: str
    start: int
    end: int
    scene_tense: Tense | None
    scene_votes: tuple[int, int]  # present, past
    mixed: bool
    tokens: tuple[str, ...]
    tags: tuple[str, ...]  # the part-of-speech tag of each token
    verbs: tuple[VerbTrace, ...]
    not_verbs: tuple[str, ...]  # verb forms that the model did not read as finite verbs


def trace_span(document: Document, start: int, end: int) -> list[SentenceTrace]:
    """Traces of the narration sentences that overlap ``[start, end)`` of the prose view."""
    reading = read(document)
    reader = SentenceReader(tables(), reading.scenes[0].names if reading.scenes else frozenset())
    found: list[SentenceTrace] = []
    for data in reading.scenes:
        for number, paragraph in enumerate(data.paragraphs):
            for index, (first, stop) in enumerate(paragraph.sentences):
                if first >= stop:
                    continue
                begin, finish = paragraph.starts[first], paragraph.ends[stop - 1]
                if finish <= start or begin >= end or _masked(paragraph, first, stop):
                    continue
                where = _Where(data, number, index, (begin, finish))
                found.append(_trace(reading, where, document, reader))
    return found


def trace_line(document: Document, line: int) -> list[SentenceTrace]:
    """Traces of the narration sentences on 1-based source ``line``."""
    source = document.source
    starts = [0, *(i + 1 for i, c in enumerate(source) if c == "\n")]
    if not 1 <= line <= len(starts):
        return []
    line_start = starts[line - 1]
    line_end = starts[line] if line < len(starts) else len(source)
    begin = _to_view(document, line_start)
    finish = _to_view(document, line_end)
    return trace_span(document, begin, max(finish, begin + 1))


def _to_view(document: Document, source_offset: int) -> int:
    """The prose-view offset of a source offset (the first view offset at or after it)."""
    if document.text is document.source or len(document.text) == len(document.source):
        return source_offset
    low, high = 0, len(document.text)
    while low < high:  # to_source is monotonic: bisect on it
        middle = (low + high) // 2
        if document.to_source(middle) < source_offset:
            low = middle + 1
        else:
            high = middle
    return low


def _masked(paragraph: Paragraph, first: int, stop: int) -> bool:
    return all(paragraph.lower[i][0] == MASK for i in range(first, stop))


@dataclass(frozen=True, slots=True)
class _Where:
    """A sentence's place: its scene, paragraph number, sentence number and view span."""

    data: _SceneData
    number: int
    index: int
    span: tuple[int, int]


def _trace(
    reading: Reading, where: _Where, document: Document, reader: SentenceReader
) -> SentenceTrace:
    data, number, index, span = where.data, where.number, where.index, where.span
    paragraph = data.paragraphs[number]
    first, stop = paragraph.sentences[index]
    pinned = document.options.tense
    mixed = pinned is None and _is_mixed(data)
    tense = None if mixed else (pinned or _scene_tense(data, reading.document_tense))
    events = [e for e in data.events[number] if e.sentence == index]
    verdicts = _verdicts(data, tense, number, index) if tense is not None else {}
    verbs = tuple(_verb_trace(e, tense, data.quoted[number], verdicts) for e in events)
    read_at = {e.index for e in events}
    not_verbs = tuple(
        paragraph.word(i)
        for i in range(first, stop)
        if paragraph.lower[i] in reader.verbish and i not in read_at
    )
    tokens = tuple(paragraph.word(i) for i in range(first, stop) if paragraph.lower[i][0] != MASK)
    return SentenceTrace(
        text=document.text[span[0] : span[1]],
        start=span[0],
        end=span[1],
        scene_tense=tense,
        scene_votes=(data.present, data.past),
        mixed=mixed,
        tokens=tokens,
        tags=tuple(tag_words(tokens)) if tokens else (),
        verbs=verbs,
        not_verbs=not_verbs,
    )


def _verdicts(
    data: _SceneData, tense: Tense, number: int, index: int
) -> dict[int, tuple[str, str]]:
    """Token index -> (verdict, reason) for the sentence's verbs in the other tense."""
    sentences = _scene_sentences(data)
    found: dict[int, tuple[str, str]] = {}
    for position, sentence in enumerate(sentences):
        if sentence.number != number or sentence.index != index:
            continue
        for event in sentence.events:
            if event.tense != tense:
                kind, reason = _judge(data, sentences, position, event, tense)
                if kind is not None and not data.tags.confirms(sentence.paragraph, event):
                    kind, reason = None, "the tagger does not read it as a finite verb here"
                found[event.index] = (kind or "not reported", reason)
    return found


def _verb_trace(
    event: Event, tense: Tense | None, quoted: bool, verdicts: dict[int, tuple[str, str]]
) -> VerbTrace:
    if tense is None:
        verdict, reason = "not reported", "the scene has no clear tense"
    elif event.tense == tense:
        verdict, reason = "scene tense", ""
    elif quoted:
        verdict, reason = "not reported", "a paragraph in another voice (a letter, a diary)"
    elif event.index in verdicts:
        verdict, reason = verdicts[event.index]
    else:
        verdict, reason = "not reported", "could/would: conditional as often as past"
    return VerbTrace(
        word=event.word,
        start=event.start,
        tense=event.tense,
        subject=event.subject,
        subject_word=event.subject_word,
        clause="main" if event.main else f"subordinate ({event.subordinator or 'relative'})",
        votes=_votes(event),
        verdict=verdict,
        reason=reason,
    )


def format_traces(traces: list[SentenceTrace], document: Document) -> str:
    """The traces as the command line prints them."""
    if not traces:
        return "No narration sentence on this line (dialogue, markup or a blank line).\n"
    starts = [0, *(i + 1 for i, c in enumerate(document.source) if c == "\n")]
    lines: list[str] = []
    for t in traces:
        source = document.to_source(t.start)
        line = bisect_right(starts, source)
        column = source - starts[line - 1] + 1
        tense = t.scene_tense or ("mixed" if t.mixed else "unknown")
        present, past = t.scene_votes
        lines += [
            f"sentence at {line}:{column}: {' '.join(t.text.split())}",
            f"  scene tense: {tense} (main-clause votes: {present} present, {past} past)",
            f"  tokens: {' '.join(f'{w}/{g}' for w, g in zip(t.tokens, t.tags, strict=True))}",
        ]
        if not t.verbs:
            lines.append("  finite verbs: none found")
        for v in t.verbs:
            vote = "votes" if v.votes else "does not vote"
            reason = f": {v.reason}" if v.reason else ""
            lines.append(
                f"  verb '{v.word}' {v.tense}, subject '{v.subject_word}' ({v.subject}), "
                f"{v.clause} clause, {vote} -> {v.verdict}{reason}"
            )
        if t.not_verbs:
            lines.append(f"  verb forms not read as finite verbs: {', '.join(t.not_verbs)}")
    return "\n".join(lines) + "\n"
