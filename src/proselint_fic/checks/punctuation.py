"""Punctuation rules that a single pattern cannot express.

Some need the document's own habits: a space before ";" is a slip in one manuscript and
the typesetting of the whole book in another; "--" is a dash where the writer never
types an em dash, and an inconsistency where they usually do. Others need the dialogue
map (a space just inside a quote, a quote never closed). The rest are here for speed: a
pattern that starts with a set of marks makes the regex engine stop at every character,
so each mark gets its own literal-led pattern.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache, partial
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

import regex

from proselint_fic.checks import quote_closing
from proselint_fic.diagnostic import Severity
from proselint_fic.document.style import AFTER_MARK, is_habit, spaced_mark_pattern
from proselint_fic.patterns import (
    IGNORECASE,
    MULTILINE,
    MatchObject,
    Pattern,
    PatternLike,
    compile_pattern,
    lazy,
)
from proselint_fic.rule import Match, MetaRule, Rule, describe

if TYPE_CHECKING:
    from proselint_fic.document import Document, Span

__all__ = [
    "DashHabitRule",
    "MissingSpaceRule",
    "MixedEllipsisRule",
    "MixedQuotesRule",
    "QuoteSpaceRule",
    "RepeatedMarksRule",
    "SpaceBeforeRule",
    "UnbalancedQuotesRule",
    "rules",
]

_FLAGS = MULTILINE


# Every rule here is a punctuation rule.
_meta = partial(describe, category="punctuation")


def _merged(patterns: Sequence[PatternLike], text: str) -> list[MatchObject]:
    """Every match of several literal-led patterns, in text order."""
    found = [m for pattern in patterns for m in pattern.finditer(text)]
    found.sort(key=lambda m: m.start())
    return found


# --- a space before a mark ---------------------------------------------------------------


def _space_before_pattern(mark: str) -> Pattern:
    return compile_pattern(spaced_mark_pattern(mark), _FLAGS)


class SpaceBeforeRule(MetaRule):
    """A space between a word and the mark that follows it: ``word ,`` and ``Why ?``.

    A paragraph rule: whether the document spaces ; : ! ? on purpose is part of its
    typography (:class:`~proselint_fic.document.style.Style`), counted paragraph by
    paragraph like its ellipses and dashes."""

    @cached_property
    def _patterns(self) -> dict[str, Pattern]:
        return {mark: _space_before_pattern(mark) for mark in AFTER_MARK}

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        habits = document.style.spaced_marks
        for mark, pattern in self._patterns.items():
            if mark in habits:
                continue
            for m in pattern.finditer(text):
                end = m.end()
                start = _real_spaces_before(document, end - 1)
                if start == end - 1:
                    continue  # only blanked markup stood there: *word*,
                glued = end < len(text) and text[end].isalnum()
                if mark == "." and text[:start].endswith(("...", "…")):
                    # "who... ." -- the ellipsis ends the sentence already: drop the period.
                    yield Match(start, end, replacements=("",))
                    continue
                yield Match(start, end, replacements=(mark + (" " if glued else ""),))


def _is_real_space(document: Document, offset: int) -> bool:
    """A space in the prose that is a space in the source, not blanked-out markup."""
    return document.text[offset] in " \t" and document.source[document.to_source(offset)].isspace()


def _real_spaces_before(document: Document, offset: int) -> int:
    """The start of the run of real spaces that ends at ``offset``."""
    start = offset
    while start > 0 and _is_real_space(document, start - 1):
        start -= 1
    return start


# A style used for at least this share of a text's marks is its style; below it the
# text has no clear style, and one diagnostic says so instead of one per mark.
_CLEAR_MAJORITY = 0.8
# A minority style written this often is a habit too (a keyboard that types straight
# apostrophes in a text of curly quotes): one diagnostic for it, not one per mark.
_HABIT_MARKS = 5


def _style_slips(minority: Sequence[Match], majority_count: int, *, mixed: str) -> list[Match]:
    """The minority marks when one style clearly wins and the other is a few stray
    marks, else one report for the text.

    A finished manuscript that mixes two styles evenly, or writes the other style again
    and again, does not want every mark of one of them flagged: that is dozens of
    diagnostics for one decision.
    """
    if not minority:
        return []
    total = len(minority) + majority_count
    if majority_count >= _CLEAR_MAJORITY * total and len(minority) < _HABIT_MARKS:
        return list(minority)
    first = minority[0]
    share = f"{len(minority)} of {total}"
    return [
        Match(
            first.start,
            first.end,
            message=mixed.format(share=share),
            replacements=first.replacements,
        )
    ]


# --- no space after a mark -----------------------------------------------------------------

_BEFORE_MARK = r"[\p{L}\p{N}'’)\]\"”!?]"
_GLUED_AFTER = {
    # Not between two single letters: x,y.
    ",": r"(?=\p{L})(?!(?<=(?<![\p{L}\p{N}])\p{L},)\p{L}(?![\p{L}\p{N}]))",
    ";": r"(?=\p{L})",
    # Only after a lowercase word of two letters or more: Re:Zero and BUFFY:hi are names
    # and chat-log formatting.
    ":": r"(?=\p{L})(?<=\p{Ll}\p{Ll}:)",
    "!": r"(?=\p{L})",
    "?": r"(?=\p{L})",
}
_ADDRESS_LIKE = lazy(r"://|\bwww\.|@|&#?\w+;|\?\w+=", IGNORECASE)
_TOKEN_EDGE = lazy(r"\s")


class MissingSpaceRule(MetaRule):
    """``formatted,and`` and ``honor,truly``: a mark glued to the next word."""

    @cached_property
    def _patterns(self) -> list[Pattern]:
        return [
            compile_pattern(rf"{regex.escape(mark)}(?<={_BEFORE_MARK}.){after}", _FLAGS)
            for mark, after in _GLUED_AFTER.items()
        ]

    @cached_property
    def _quote_patterns(self) -> list[Pattern]:
        # said,"Hello  and  "Hello,"she said: the space is missing on the outer side of
        # the quote, which only the dialogue map can tell.
        opening = [compile_pattern(r',(?=["“]\p{L})', _FLAGS)]
        closing = [
            compile_pattern(rf"{quote}(?<=[,.!?…]{quote})(?=\p{{L}})", _FLAGS) for quote in '"”'
        ]
        return opening + closing

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        found: list[Match] = []
        for m in _merged(self._patterns, text):
            if not _in_address(text, m.start()):
                found.append(Match(m.start(), m.end(), replacements=(m.group() + " ",)))
        for m in _merged(self._quote_patterns, text):
            match = _missing_space_at_quote(document, m.start())
            if match is not None:
                found.append(match)
        found.sort(key=lambda match: match.start)
        yield from found


def _missing_space_at_quote(document: Document, offset: int) -> Match | None:
    text = document.text
    speech = document.speech
    if text[offset] == ",":
        span = speech.span_at(offset + 1)
        if span is not None and span.start == offset + 1:
            return Match(offset, offset + 1, replacements=(", ",))
        return None
    span = speech.span_at(offset)
    index = speech.index_at(offset)
    if span is not None and index is not None and speech.closed[index] and span.end == offset + 1:
        return Match(offset, offset + 1, replacements=(text[offset] + " ",))
    return None


def _in_address(text: str, offset: int) -> bool:
    """Whether the whitespace-delimited token around ``offset`` is an address or entity."""
    start = offset
    while start > 0 and not text[start - 1].isspace() and offset - start < 200:
        start -= 1
    found = _TOKEN_EDGE.search(text, offset, offset + 200)
    end = found.start() if found else min(len(text), offset + 200)
    return _ADDRESS_LIKE.search(text, start, end) is not None


# --- runs of ! and ? --------------------------------------------------------------------

_MARK_RUN = lazy(r"[!?]{2,}")
_HABIT_RUNS = 3


class RepeatedMarksRule(MetaRule):
    """``No!!`` and ``What??`` in narration, unless the writer does it throughout."""

    def check(self, document: Document) -> Iterator[Match]:
        runs = _mark_runs(document)
        if len(runs) >= _HABIT_RUNS:
            return  # the writer's own habit
        for start, end in runs:
            if document.in_emphasis(start):
                continue  # a text message or a shouted thought, in the character's voice
            run = document.text[start:end]
            fix = "?!" if "?" in run and "!" in run else run[0]
            yield Match(start, end, replacements=(fix,))


def _mark_runs(document: Document) -> list[tuple[int, int]]:
    """Where the text repeats ! and ? (not a single ?! or !?). A run never leaves its
    paragraph, so while the paragraphs are kept across edits each is searched once."""
    pieces = document.kept_pieces
    if pieces is None:
        return list(_runs_in(document.text))
    found: list[tuple[int, int]] = []
    paragraphs = document.paragraphs
    # map and compress run in C: an edit asks each of a novel's paragraphs again.
    runs_by_piece = list(map(_runs_in, map(_PIECE_TEXT, pieces)))
    for index in compress(range(len(pieces)), runs_by_piece):
        piece, runs = pieces[index], runs_by_piece[index]
        start, end = piece.paragraph
        shift = piece.start_for(paragraphs[index])
        found.extend((a + shift, b + shift) for a, b in runs if start <= a and b <= end)
    return found


_PIECE_TEXT = attrgetter("text")


@lru_cache(maxsize=16384)  # paragraphs of a long manuscript
def _runs_in(text: str) -> tuple[tuple[int, int], ...]:
    if not any(run in text for run in ("!!", "??", "?!?", "!?!")):
        return ()
    return tuple(m.span() for m in _MARK_RUN.finditer(text) if m.group() not in ("?!", "!?"))


# --- dashes ------------------------------------------------------------------------------

_EM_DASH_CLOSED = lazy(r"[\p{L}\p{N},.!?'’\"”]—[\p{L}\p{N}'‘\"“]")
_EM_DASH_SPACED = lazy(r"[\p{L}\p{N},.!?'’\"”] — [\p{L}\p{N}'‘\"“]")
_DOUBLE_HYPHEN = lazy(r"--(?<=(?<![-!<])(?<lead>[ \t]?)--)(?![->])(?<trail>[ \t]?)")
_SPACED_HYPHEN = lazy(r"-(?<=\p{L}[,.!?'’\"”]?(?<lead>[ \t])-)(?<trail>[ \t])(?=\p{L})")
_SPACED_HYPHEN_MESSAGE = (
    "A spaced hyphen used as a dash: use the em dash the rest of the text uses."
)
_MIXED_DASHES_MESSAGE = (
    "This text writes its dashes both as em dashes and as hyphens ({share} are hyphens):"
    " choose one style and use it throughout."
)


class DashHabitRule(MetaRule):
    """``--`` or a spaced hyphen as a dash in a manuscript that otherwise uses em dashes."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        if "—" not in text or ("--" not in text and " - " not in text):
            return
        # Every em dash shows the habit, a cut-off line of speech ("or—") included.
        em_dashes = text.count("—")
        found = _merged([_DOUBLE_HYPHEN, _SPACED_HYPHEN], text)
        if len(found) > em_dashes:
            return  # the hyphens are the habit and the em dashes the exception
        # On a tie the em dash wins: it is the manuscript form, "--" the typewriter's.
        closed = len(_EM_DASH_CLOSED.findall(text))
        spaced = len(_EM_DASH_SPACED.findall(text))
        dash = " — " if spaced > closed else "—"
        slips = []
        for m in found:
            start, end = m.start(), m.end()
            if m.group("lead"):
                start -= len(m.group("lead"))
            message = None
            if m.group().strip() == "-":
                message = _SPACED_HYPHEN_MESSAGE
            slips.append(Match(start, end, message=message, replacements=(dash,)))
        yield from _style_slips(slips, em_dashes, mixed=_MIXED_DASHES_MESSAGE)


class SpacedHyphenRule(MetaRule):
    """A hyphen with a space on each side between words, in a text with no em dashes: a
    dash typed as a hyphen ("He hesitated - then braced himself")."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        if " - " not in text or "—" in text:
            return  # no spaced hyphen, or the dash-habit rule weighs it against em dashes
        found = list(_SPACED_HYPHEN.finditer(text))
        doubles = len(_DOUBLE_HYPHEN.findall(text))
        dash = "--" if doubles else "—"
        if is_habit(len(found), len(found) + doubles):
            # Spaced hyphens are this text's dash: one decision, reported once.
            first = found[0]
            yield Match(
                first.start() - len(first.group("lead")),
                first.end(),
                message=_SPACED_HABIT_MESSAGE.format(count=len(found)),
                replacements=(" — ",),
                severity=Severity.INFO,  # a habit of style, like the other habit rules
            )
            return
        for m in found:
            yield Match(m.start() - len(m.group("lead")), m.end(), replacements=(dash,))


_SPACED_HABIT_MESSAGE = (
    "This text writes its {count} dashes as spaced hyphens: use an em dash (—) throughout."
)


# --- quote styles --------------------------------------------------------------------------

_STRAIGHT_DOUBLE = lazy(r'"(?<!\d")')
_CURLY_DOUBLE = lazy(r"[“”]")
_STRAIGHT_SINGLE = lazy(r"'(?<!\d')")
_CURLY_SINGLE = lazy(r"[‘’]")
_OPENING_CONTEXT = frozenset(" \t\r\n([{—–-")


class MixedQuotesRule(MetaRule):
    """Straight and curly quotes (or apostrophes) in the same document."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        found: list[Match] = []
        found.extend(_minority_marks(text, _STRAIGHT_DOUBLE, _CURLY_DOUBLE, double=True))
        found.extend(_minority_marks(text, _STRAIGHT_SINGLE, _CURLY_SINGLE, double=False))
        found.sort(key=lambda m: m.start)
        yield from found


def _minority_marks(
    text: str, straight: PatternLike, curly: PatternLike, *, double: bool
) -> list[Match]:
    if double:
        if '"' not in text or ("“" not in text and "”" not in text):
            return []
    elif "'" not in text or ("‘" not in text and "’" not in text):
        return []
    straight_marks = [m.start() for m in straight.finditer(text)]
    curly_marks = [m.start() for m in curly.finditer(text)]
    if not straight_marks or not curly_marks:
        return []
    kind = "quotes" if double else "apostrophes and quotes"
    mixed = (
        f"Straight and curly {kind} are mixed in this text ({{share}} are this style):"
        " choose one style and use it throughout."
    )
    if len(curly_marks) >= len(straight_marks):
        message = f"A straight mark among curly {kind}: use the curly form."
        slips = [
            Match(pos, pos + 1, message=message, replacements=_curly_fix(text, pos, double=double))
            for pos in straight_marks
        ]
        return _style_slips(slips, len(curly_marks), mixed=mixed)
    message = f"A curly mark among straight {kind}: use the straight form."
    plain = '"' if double else "'"
    slips = [Match(pos, pos + 1, message=message, replacements=(plain,)) for pos in curly_marks]
    return _style_slips(slips, len(straight_marks), mixed=mixed)


def _curly_fix(text: str, pos: int, *, double: bool) -> tuple[str, ...]:
    before = text[pos - 1] if pos > 0 else " "
    if double:
        return ("“",) if before in _OPENING_CONTEXT else ("”",)
    # A single mark after a letter is an apostrophe or a closing quote; at the start of a
    # word it may open a quote or stand for dropped letters ('em), so no fix is offered.
    return ("’",) if before.isalnum() or before in ".,!?" else ()


# --- ellipsis styles ---------------------------------------------------------------------

_MIXED_ELLIPSES_MESSAGE = (
    "This text mixes ellipsis styles ({share} differ from its usual one):"
    " choose one style and use it throughout."
)

_ELLIPSIS_FORMS = {
    "...": lazy(r"\.\.\.(?<![.][.][.][.])(?!\.)"),
    "…": lazy(r"…"),
    ". . .": lazy(r"\. \. \.(?<![.] [.] [.] [.])(?! \.)"),
}


class MixedEllipsisRule(MetaRule):
    """``...`` and ``…`` (or ``. . .``) in the same document."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        if "…" not in text and ". . ." not in text:
            return  # one style, or none
        forms = {name: list(p.finditer(text)) for name, p in _ELLIPSIS_FORMS.items()}
        used = {name: found for name, found in forms.items() if found}
        if len(used) < 2:
            return
        dominant = document.style.ellipsis
        if dominant not in used:
            dominant = max(used, key=lambda name: len(used[name]))
        slips = sorted(
            (
                Match(m.start(), m.end(), replacements=(dominant,))
                for name, found in used.items()
                if name != dominant
                for m in found
            ),
            key=lambda match: match.start,
        )
        yield from _style_slips(slips, len(used[dominant]), mixed=_MIXED_ELLIPSES_MESSAGE)


# --- quotes and the dialogue map --------------------------------------------------------

_QUOTE_CHARS = frozenset("\"'“”‘’")
# Speech may also open with a corner bracket (translations from Japanese or Chinese).
_SPEECH_OPENERS = _QUOTE_CHARS | frozenset("\u300c\u300e")


class QuoteSpaceRule(MetaRule):
    """``" Hello"`` and ``"Hello "``: a space just inside a quote."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        speech = document.speech
        for span, closed in zip(speech.spans, speech.closed, strict=True):
            start, end = span
            if not closed or end - start < 4:
                continue
            opening, closing = text[start], text[end - 1]
            if opening not in _QUOTE_CHARS or closing not in _QUOTE_CHARS:
                continue
            inner = start + 1
            while inner < end - 1 and _is_real_space(document, inner):
                inner += 1
            if start + 1 < inner < end - 1 and not text[inner].isspace():
                yield Match(start, inner, replacements=(opening,))
            last = _real_spaces_before(document, end - 1)
            if inner < last < end - 1 and not text[last - 1].isspace():
                yield Match(last, end, replacements=(closing,))


class UnbalancedQuotesRule(MetaRule):
    """A quote opened and never closed, where the speech does not go on next paragraph."""

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        speech = document.speech
        if speech.quote_style == "single":
            return  # apostrophes make an unpaired single quote too weak a signal
        paragraph_starts = {p.start for p in document.paragraphs}
        if "”" in text:
            for block in document.paragraphs:
                for opener in quote_closing.lost_openers(text, speech.spans, block):
                    yield _closing_match(opener)
        for span, closed in zip(speech.spans, speech.closed, strict=True):
            start, end = span
            if closed:
                if (
                    start in paragraph_starts
                    and text[start] not in _SPEECH_OPENERS
                    and not _previous_paragraph_runs_on(document, start)
                    and not _ends_a_verse(document, start)
                ):
                    # A closer with no opener: the paragraph's opening quote is missing.
                    yield Match(end - 1, end, message=_ORPHAN_CLOSER)
                continue
            paragraph = document.paragraph_at(start)
            closer = "”" if text[start] == "“" else '"'
            lost = quote_closing.wrong_closer(text, span) or quote_closing.tag_inside(
                text, span, closer
            )
            if lost is not None:  # the quote was closed with the wrong mark, or not before its tag
                yield _closing_match(lost)
                continue
            runs_on = paragraph is not None and end >= paragraph.end
            if (
                runs_on
                and paragraph
                and _next_paragraph_opens(document, paragraph.end)
                and not _answered(document, paragraph)
            ):
                continue  # speech that runs on into the next paragraph
            if runs_on and paragraph and _next_paragraph_closes(document, paragraph.end):
                continue  # one quotation over two paragraphs (an inscription, a verse)
            if runs_on and paragraph and _verse_goes_on(document, paragraph):
                continue  # a quoted verse in italics, one line to a paragraph
            if paragraph and _closes_the_previous_paragraphs(document, paragraph):
                continue  # ... and the mark that closes it, read as an opener
            if paragraph and _ends_a_verse(document, start):
                continue  # the mark that closes an italic verse, read as an opener
            if paragraph is not None and _marks_pair_up(text[paragraph.start : paragraph.end]):
                continue  # every mark has a partner: the layout misled the reading
            end_of_speech = (
                None if paragraph is None else quote_closing.at_the_end(text, paragraph, closer)
            )
            if end_of_speech is None or end_of_speech.start <= start:
                yield Match(start, start + 1)
            else:
                yield _closing_match(end_of_speech)


def _closing_match(lost: quote_closing.Closing) -> Match:
    return Match(
        lost.start,
        lost.end,
        message=_CLOSING_MESSAGES[lost.reason],
        replacements=(lost.replacement,),
    )


_CLOSING_MESSAGES = {
    "opener": "The speech goes on after its tag without an opening quote: add it here.",
    "single": "A single quote closes a speech that a double quote opened: use the double quote.",
    "tag": "The speech goes on into its tag: close the quote before the tag.",
    "end": "This speech is never closed: add the closing quotation mark after it.",
}


def _answered(document: Document, paragraph: Span) -> bool:
    """The next paragraph is another speaker's reply, not the same speech going on."""
    following = document.paragraph_from(paragraph.end)
    return following is not None and quote_closing.another_speaker(
        document.text, paragraph, following
    )


def _marks_pair_up(paragraph: str) -> bool:
    """Whether the paragraph's double quotes come in pairs: an even number of straight
    ones, as many curly openers as closers. Emphasis around a quote (_"soon"_), quotes
    nested in quotes of the same kind and other layouts can mislead the speech reading;
    a writer who forgot a quote leaves an odd one out, so with none left over the rule
    stays silent."""
    straight = paragraph.count('"')
    opening, closing = paragraph.count("“"), paragraph.count("”")
    return straight % 2 == 0 and opening == closing and straight + opening > 0


_ORPHAN_CLOSER = "A closing quote with no opening quote in its paragraph: add the opening quote."


def _next_paragraph_opens(document: Document, after: int) -> bool:
    following = document.paragraph_at(_skip_space(document.text, after))
    if following is None:
        return False
    return document.text[following.start] in '"“'


def _next_paragraph_closes(document: Document, after: int) -> bool:
    """The next paragraph's first quote closes a quotation (none opens before it): with
    the unclosed one before, a quotation laid out over two paragraphs, as inscriptions and
    verses are, without the second reopening it."""
    following = document.paragraph_from(after)
    if following is None or document.text[after : following.start].strip(" \t\n*_"):
        return False
    # The source, not the text: emphasis markup is blanked in the text ('stars.*"').
    return _first_quote_closes(document.source[following.start : following.end])


def _closes_the_previous_paragraphs(document: Document, paragraph: Span) -> bool:
    source = document.source[paragraph.start : paragraph.end]
    return _first_quote_closes(source) and _previous_paragraph_runs_on(document, paragraph.start)


def _previous_paragraph_runs_on(document: Document, start: int) -> bool:
    """The paragraph before ``start`` leaves a quotation open at its end."""
    previous = document.paragraph_before(start)
    if previous is None or document.text[previous.end : start].strip(" \t\n*_"):
        return False
    speech = document.speech
    index = speech.index_at(previous.end - 1)
    return index is not None and not speech.closed[index]


def _verse_goes_on(document: Document, paragraph: Span) -> bool:
    """The open quotation's paragraph and the next are lines of a verse: both wholly in
    emphasis, the next without a quote mark ('"_I have come, forlorn mother._' then
    '_I have come to speak as another._'). Its closing mark comes lines later."""
    following = document.paragraph_from(paragraph.end)
    return following is not None and _verse_lines(document, paragraph, bare=following)


def _ends_a_verse(document: Document, start: int) -> bool:
    """The closing mark's paragraph ends an italic verse whose lines carry no marks: the
    paragraph and the one before it are wholly in emphasis, that one without a quote."""
    paragraph = document.paragraph_at(start)
    previous = document.paragraph_before(start)
    return (
        paragraph is not None
        and previous is not None
        and _verse_lines(document, paragraph, bare=previous)
    )


def _verse_lines(document: Document, line: Span, *, bare: Span) -> bool:
    """Whether two paragraphs are lines of one italic verse: both wholly in emphasis, and
    ``bare`` without a quote mark of its own."""
    return (
        _wholly_emphasised(document, line)
        and _wholly_emphasised(document, bare)
        and not _QUOTE_CHARS.intersection(document.source[bare.start : bare.end])
    )


def _wholly_emphasised(document: Document, paragraph: Span) -> bool:
    """Whether the paragraph's words are all in emphasis (_..._ or *...*), or it opens an
    emphasis that it does not close (the first line of an italic verse)."""
    text = document.text[paragraph.start : paragraph.end]
    first = next((i for i, char in enumerate(text) if char.isalpha()), None)
    if first is None:
        return False
    last = next(i for i in range(len(text) - 1, -1, -1) if text[i].isalpha())
    if document.in_emphasis(paragraph.start + first) and document.in_emphasis(
        paragraph.start + last
    ):
        return True
    source = document.source[paragraph.start : paragraph.end].lstrip("\"“”'‘’ \t")
    return source[:1] in ("*", "_") and source.count(source[0]) == 1


def _first_quote_closes(paragraph: str) -> bool:
    for index, char in enumerate(paragraph):
        if char == "”":
            return True
        if char == "“":
            return False
        if char == '"':
            after = paragraph[index + 1 : index + 2]
            return not after.isalnum() and (index == 0 or not paragraph[index - 1].isspace())
    return False


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


# --- the rule set --------------------------------------------------------------------------


def rules() -> list[Rule]:
    """The punctuation rules that are code, in a stable order."""
    return [
        SpaceBeforeRule(
            _meta(
                "punctuation.space-before",
                locality="paragraph",
                fix_safety="safe",
                summary="A space before a comma, period, question mark, exclamation mark, "
                "semicolon or colon.",
                message="A space before this mark: remove it.",
                docs="""
                "I died , and" and "Where would I go ?" have a stray space before the mark;
                the fix removes it. So has a mark after an ellipsis written against its
                word ("how... ?" becomes "how...?"; "who... ." becomes "who...", since the
                ellipsis already ends the sentence). Spaced ellipses (word . . .), decimals
                (.5), file names and emoticons are left alone. A space before ; : ! ? that
                the document uses most of the time (French spacing, old typesetting) is its
                style, and is left alone.
                """,
                flags=[
                    "I was trying to remember how I died , and I think I know.",
                    '"Where else would I go ?"',
                    "She sold the ballet shoes .",
                    "He sits back down ,picks up a fork, and eats.",
                    '"But... how... ? Everything hurts!"',
                ],
                passes=[
                    "I waited . . . and nobody came.",
                    "It weighed .5 grams.",
                    "lol :D see you",
                    '"Where else would I go?"',
                    "Quoi ? Mais non ! Pourquoi ? Comment ? Jamais !",
                ],
                fixes=[
                    ("How I died , and why.", "How I died, and why."),
                    ("He sat down ,picked up a fork.", "He sat down, picked up a fork."),
                    ('"People who... ."', '"People who..."'),
                ],
            )
        ),
        MissingSpaceRule(
            _meta(
                "punctuation.missing-space",
                locality="paragraph",
                summary="No space after a comma, semicolon, colon, question or exclamation mark.",
                message="No space after this mark: add one.",
                docs="""
                "formatted,and saved" and "an honor,truly" need a space after the comma;
                so do ; : ? and ! glued to the next word. Periods are left to the ellipsis
                rules (a period glued to a word is usually a lost ellipsis). Numbers
                (1,000), times (10:30), web and e-mail addresses, HTML entities (&amp;),
                pairs of single letters (x,y) and colons in names and chat logs
                (Re:Zero, BUFFY:hi) are left alone.
                """,
                flags=[
                    "The report was done, formatted,and saved.",
                    '"It\'s been an honor,truly."',
                    "She was tired;he was not.",
                    '"Where?No, don\'t tell me."',
                    "One thing remained:silence.",
                    'She turned and said,"Hello there."',
                    '"Hello there,"she said.',
                ],
                passes=[
                    "It cost 1,000 credits at 10:30 sharp.",
                    "See https://example.com/page?id=3,then reload.",
                    "Salt &amp;pepper.",
                    "Plot the x,y pairs.",
                    "She watched Re:Zero all night.",
                    "The report was done, formatted, and saved.",
                    'She turned and said, "Hello there," and left.',
                ],
                fixes=[("It was done, formatted,and saved.", "It was done, formatted, and saved.")],
            )
        ),
        RepeatedMarksRule(
            _meta(
                "punctuation.repeated-marks",
                # The writer's habit is counted over the whole text (three runs or more).
                locality="document",
                summary="Doubled exclamation or question marks in narration.",
                message="One mark is enough: a doubled ! or ? reads as shouting on the page.",
                docs="""
                "He was gone!!" in narration: one mark carries the force, and the words
                should carry the rest. "?!" is left alone, and so is everything inside
                emphasis (a text message, a shouted thought) and in dialogue. A writer who
                doubles marks throughout (three times or more in the document) has made it
                a style, and nothing is flagged.
                """,
                flags=["He was gone!! Just like that.", "Who would do this??"],
                passes=[
                    "He was gone! Just like that.",
                    '"What?!" she said.',
                    "*no pressure if u cant make it!!*",
                ],
                fixes=[("He was gone!! Just like that.", "He was gone! Just like that.")],
                severity=Severity.INFO,
                scope="narration",
            )
        ),
        SpacedHyphenRule(
            _meta(
                "punctuation.spaced-hyphen",
                summary="A hyphen with a space on each side, between words: a dash.",
                message="A hyphen used as a dash: use a dash here.",
                docs="""
                A hyphen joins the parts of a word; with a space on each side between two
                words ("He hesitated - then braced himself") it stands for a dash, as on
                a typewriter or a phone keyboard. The fix is the text's own dash: "--" in
                a text that writes its dashes so (as many older and plain-text books do),
                else an em dash. A text with em dashes is left to `punctuation.dash-habit`.
                When spaced hyphens are the text's dash (three or more, and at least as
                many as its other dashes) they are reported once, as one decision.
                Ranges of numbers ("pages 3 - 5") are left alone.

                Off by default: in drafts of web serials and fan fiction whose later
                versions were checked, writers had corrected one such hyphen in sixteen
                (a mined corpus of real fixes), so on a writer's own text it would mostly
                repeat a style they keep. Turn it on (`select`/`extend-select`) for a
                manuscript headed for print.
                """,
                flags=[
                    "He hesitated - then braced himself up for an effort.",
                    "It went on--and on--and then - at last - it stopped.",
                ],
                passes=[
                    "He hesitated--then braced himself up for an effort.",
                    "Pages 3 - 5 of the report were missing.",
                    "A well-known, up-to-date guide.",
                ],
                fixes=[
                    (
                        "It went on--and on. He hesitated - then left.",
                        "It went on--and on. He hesitated--then left.",
                    ),
                    ("He hesitated - then left.", "He hesitated—then left."),
                ],
                severity=Severity.WARNING,
                enabled=False,
            )
        ),
        DashHabitRule(
            _meta(
                "punctuation.dash-habit",
                summary="A double or spaced hyphen as a dash in a text that uses em dashes.",
                message=(
                    "A double hyphen used as a dash: use an em dash, as the rest of the text does."
                ),
                docs="""
                A manuscript that writes its dashes as em dashes ("—") but has a few "--"
                or " - " left from a draft or a phone keyboard. Every em dash counts,
                the one that cuts off a line of speech too; when there are at least as many
                em dashes as hyphen dashes, the hyphens are the slips (on a tie the em dash
                wins, as the manuscript form). The fix uses the em dash, spaced or closed
                as the rest of the text has it. A text that writes its dashes as "--" (as
                many older and plain-text books do) is left alone. When the em dashes are
                fewer than four in five of all the dashes, the text has no clear style, and
                when it writes five hyphen dashes or more they are its habit: either way it
                is reported once, at the first hyphen dash, instead of at every one.
                """,
                flags=[
                    "She ran—fast—out of the house. He followed -- too late.",
                    "She ran—fast—out of the house. He followed - too late.",
                    '"Wait, I—" He stopped. She felt it tug--gentle, insistent.',
                ],
                passes=[
                    "She ran--fast--out of the house. He followed--too late.",
                    '"Stop—" It went on--and on--and on.',
                    "She ran—fast—out of the house. He followed—too late.",
                    "Pages 3 - 5 of the report—the long one—were missing.",
                    "<!-- a comment --> She ran—fast—away.",
                ],
                fixes=[
                    (
                        "She ran—fast—away. He followed -- too late.",
                        "She ran—fast—away. He followed—too late.",
                    )
                ],
                severity=Severity.INFO,
            )
        ),
        MixedQuotesRule(
            _meta(
                "punctuation.mixed-quotes",
                summary="Straight and curly quotes in the same text.",
                message="Straight and curly quotes are mixed in this text: use one style.",
                docs="""
                Text pasted from different editors often mixes straight quotes (" ') with
                curly ones (“ ” ‘ ’). The marks of the less used style are flagged, with
                the other style's mark as the fix where the direction is certain. Inch and
                foot marks after a number (5'11") are left alone. When neither style holds
                four marks in five, or the less used style has five marks or more (a habit,
                not a few strays), the text is reported once, at the first mark of the less
                used style, with the count, instead of at every one.
                """,
                flags=[
                    '“Come in,” she said. "Sit down." “Tea?”',
                    "She didn’t know. He couldn’t say. It wasn't fair.",
                ],
                passes=[
                    "“Come in,” she said. “Sit down.”",
                    '"Come in," she said. "Sit down."',
                    "“He’s 5'11\" tall,” she said.",
                ],
                fixes=[
                    (
                        '“Come in,” she said. “Tea?” "Sit."',
                        '“Come in,” she said. “Tea?” “Sit."',
                    )
                ],
                severity=Severity.INFO,
            )
        ),
        MixedEllipsisRule(
            _meta(
                "punctuation.mixed-ellipsis",
                summary="More than one ellipsis style in the same text.",
                message="This ellipsis differs from the text's usual style: use one style.",
                docs="""
                "..." in one paragraph and "…" or ". . ." in the next. The ellipses in the
                less used style are flagged, with the text's usual style as the fix. When
                the usual style holds fewer than four ellipses in five, or five ellipses or
                more are in another style, the text is reported once, at the first ellipsis
                of another style, instead of at every one.
                """,
                flags=["I waited... and waited… and nobody came. Then... nothing."],
                passes=["I waited... and waited... and nobody came.", "I waited… and waited…"],
                fixes=[("Wait... no... stop… please.", "Wait... no... stop... please.")],
                severity=Severity.INFO,
            )
        ),
        QuoteSpaceRule(
            _meta(
                "punctuation.quote-space",
                locality="paragraph",
                summary="A space just inside a quotation mark.",
                message="A space just inside the quote: remove it.",
                docs="""
                '" Hello," she said' and '"Hello ," she said' have a space between the
                quotation mark and the words it holds; the fix removes it.
                """,
                flags=['" Hello," she said.', '"Hello, " she said.', "“ Fine.” He left."],
                passes=['"Hello," she said.', 'She said "hi" and left.'],
                fixes=[('" Hello," she said.', '"Hello," she said.')],
            )
        ),
        UnbalancedQuotesRule(
            _meta(
                "punctuation.unbalanced-quotes",
                locality="neighbours",
                summary="A quotation mark that is never closed, or closed but never opened.",
                message="This quote is never closed: add the closing quotation mark.",
                docs="""
                A paragraph of dialogue that opens a quote and never closes it, where the
                speech does not go on in the next paragraph. Speech that runs over several
                paragraphs leaves each paragraph but the last open and opens the next one
                with a quotation mark; that is correct and left alone, unless the next
                paragraph is plainly another speaker's reply (both paragraphs name their
                speakers, and different ones: *said Mrs. Badger* ... *observed Mr.
                Badger*). The report and its fix go where the closing mark was lost: before
                a speech tag read inside the open quote (*"When will you see her? said
                the signora*), on a single quote that closes a double-quoted speech
                (*"Will you do it?'*), or else after the paragraph's last word. A closing
                quote with no opening quote before it in the paragraph is flagged too, and a
                speech broken by its tag whose second part lost its opening quote is
                flagged after the tag (*"...a grindstone," said Steerforth, and sharpens
                it."*; curly quotes only).
                Single-quote dialogue is not checked: apostrophes make it too uncertain.
                When every double quote of the paragraph has a partner (quotes inside
                emphasis, nested double quotes), the rule stays silent, and so it does for
                a quoted verse in italics laid out one line to a paragraph, which only its
                first line opens and its last closes.
                """,
                flags=[
                    "\"I'm leaving, she said.\n\nHe didn't look up.",
                    "“When will you see her? said the signora with a start.\n\n“See whom?”",
                    "“Yes,” said Dr. Grantly, “we must go. Will you do it?’\n\n“I will.”",
                    "“It was a maxim of his,” said Mrs. Badger, “that it is never too hot."
                    "\n\n“To all professions,” observed Mr. Badger.",
                    "“She brings everything to a grindstone,” said Steerforth, and sharpens it.”",
                    '"Wait," he said. "Don\'t go.\n\nShe went anyway.',
                    '"_I have come, forlorn mother.\n\nShe did not answer. The hall was cold.',
                ],
                passes=[
                    '"I\'m leaving," she said.',
                    '"It began long ago.\n\n"And it never ended," he said.',
                    "“It began long ago,” she said. “Before the war.\n\n“And it never ended,”"
                    " she said.",
                    "“He had some intention, he added, of studying law. So it was.\n\n“And"
                    " then he left,” she said.",
                    "“‘How many are there?’ said he.\n\n“‘Four,’ said I.\n\n“And so it went.”",
                    "“Well, then, he said, 'Such as begin by cursing end by it.'\n\nHe left.",
                    "“She brings everything to a grindstone,” said Steerforth, “and sharpens it.”",
                    "“Curly quotes,” she said, “close too.”",
                    "\"She said, 'Never again,' and meant it.\"",
                    "The dogs' bowls were empty. Give 'em a minute; it's been since '09.",
                    'LENA: "Did you hear that?"\nMARCO: "Hear what?"\n[Marco opens the door.]',
                    'He said, "I don\'t know what _"soon"_ means to you."',
                    'The stone read:\n\n"*Sacred to the memory of a child of Earth,*\n\n'
                    '*And to all who shine among the stars.*"',
                    'She sang:\n\n"_I have come, forlorn mother.\n\n_I have come to speak as '
                    "another._\n\n_You hold the key to save our daughter,_\n\n_but you must take "
                    'the path I offer._"\n\nThe queen agreed.',
                ],
            )
        ),
    ]
