"""Dialogue and narration: which stretches of a manuscript are a character speaking.

Fiction puts dialogue in double quotes (US, most fanfiction) or in single quotes (British
publishing). Single quotes share their character with the apostrophe, so a document's
quote style is chosen once, from evidence that only dialogue leaves (a quote mark right
after sentence punctuation), and apostrophes are told apart by the words they sit in.

Each paragraph is read on its own: speech that runs over several paragraphs reopens its
quote at every paragraph start, so an unclosed quote is dialogue to the end of its own
paragraph and never beyond.

A short quoted run in narration (the so-called "experts", a song title) is a quoted term,
not speech: at most three words, no sentence punctuation, no speech tag next to it and
no dash breaking into it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from proselint_fic.document.structure import Span
from proselint_fic.patterns import VERBOSE, lazy

QuoteStyle = Literal["double", "single"]

__all__ = [
    "QuoteCounts",
    "QuoteStyle",
    "SpeechMap",
    "choose_quote_style",
    "count_quotes",
    "find_speech",
]


@dataclass(frozen=True, slots=True)
class SpeechMap:
    """Sorted, non-overlapping dialogue spans (quote marks included).

    ``closed[i]`` is False when ``spans[i]`` has no closing quote of its own: it ran to
    the end of its paragraph (speech continued in the next paragraph, or a missing quote)
    or was cut short by the next opening quote.
    """

    spans: tuple[Span, ...]
    quote_style: QuoteStyle = "double"
    closed: tuple[bool, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        # Direct construction (not through ``of``) still gets a working lookup.
        if len(self._starts) != len(self.spans):
            object.__setattr__(self, "_starts", tuple(span.start for span in self.spans))
        if len(self.closed) != len(self.spans):
            object.__setattr__(self, "closed", (True,) * len(self.spans))

    @classmethod
    def of(
        cls,
        spans: list[Span],
        quote_style: QuoteStyle = "double",
        closed: list[bool] | None = None,
    ) -> SpeechMap:
        flags = closed if closed is not None else [True] * len(spans)
        pairs = sorted(zip(spans, flags, strict=True))
        ordered = tuple(span for span, _ in pairs)
        return cls(
            ordered,
            quote_style,
            tuple(flag for _, flag in pairs),
            tuple(span.start for span in ordered),
        )

    def index_at(self, offset: int) -> int | None:
        """The index in ``spans`` of the dialogue span holding ``offset``, if any."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.spans[index].end:
            return index
        return None

    def span_at(self, offset: int) -> Span | None:
        index = self.index_at(offset)
        return None if index is None else self.spans[index]

    def contains(self, offset: int) -> bool:
        return self.index_at(offset) is not None


# --- marks ------------------------------------------------------------------------------


class _Mark(Enum):
    OPEN = 1
    CLOSE = 2  # after sentence punctuation or a dash: `.”`, `,'`, `I—"`
    WEAK_CLOSE = 3  # right after a word, before punctuation or the paragraph end: `our"—she`
    SOFT_CLOSE = 4  # right after a word, with more words after: `"Yes" she`, `goin' home`
    EITHER = 5  # nothing in the context says which: toggles
    APOSTROPHE = 6  # a single quote inside or at the edge of a word; never a delimiter
    ELISION = 7  # a word-initial apostrophe ('em, 'cause): an opener if a closer is orphaned


# What stands on each side of a quote mark.
_SPACE, _WORD, _PUNCT, _DASH, _NEUTRAL = range(5)

_DASHES = frozenset("\u2014\u2013-\u2015")
_BEFORE_PUNCT = frozenset(".,!?;:\u2026'\u2019\u2018\"\u201c\u201d)]}")
_AFTER_PUNCT = frozenset(",;:!?)]}")
# After an opening mark, speech may start with a nested quote, a bracket or emphasis.
_AFTER_CONTENT = frozenset("'\u2018\u2019\"\u201c\u201d([{")


def _before_class(char: str) -> int:
    if char.isspace() or char in "([{<":
        return _SPACE
    if char.isalnum():
        return _WORD
    if char in _BEFORE_PUNCT:
        return _PUNCT
    if char in _DASHES:
        return _DASH
    return _NEUTRAL


def _after_class(char: str) -> int:
    if char.isspace():
        return _SPACE
    if char.isalnum() or char in _AFTER_CONTENT:
        return _WORD
    if char in _AFTER_PUNCT:
        return _PUNCT
    if char in _DASHES:
        return _DASH
    return _NEUTRAL  # . … * _ and the like: they follow closers and precede speech alike


def _context_mark(text: str, pos: int, start: int, end: int) -> _Mark:
    before = _before_class(text[pos - 1]) if pos > start else _SPACE
    after = _after_class(text[pos + 1]) if pos + 1 < end else _SPACE
    if before == _SPACE:
        return _Mark.OPEN if after in (_WORD, _DASH) else _Mark.EITHER
    if before == _WORD:
        if after == _WORD:
            return _Mark.EITHER
        if after == _SPACE and _more_words_follow(text, pos + 1, end):
            return _Mark.SOFT_CLOSE
        return _Mark.WEAK_CLOSE
    if before == _PUNCT:
        return _Mark.EITHER if after == _WORD else _Mark.CLOSE
    if before == _DASH:
        if after == _WORD:
            return _Mark.OPEN
        return _Mark.CLOSE if after in (_SPACE, _PUNCT) else _Mark.EITHER
    if after == _WORD:
        return _Mark.OPEN
    return _Mark.WEAK_CLOSE if after in (_SPACE, _PUNCT) else _Mark.EITHER


_NEXT_WORD = lazy(r"[ \t]*\r?\n?[ \t]*[\w\p{Pd}(]")


def _more_words_follow(text: str, pos: int, end: int) -> bool:
    return _NEXT_WORD.match(text, pos, end) is not None


# Words that begin with an apostrophe standing for dropped letters. The capitalised forms
# of most of them start real sentences ('Em is a name), so only these few are case-blind.
_ELISION = lazy(
    r"""(?:
        (?i:tis|twas|twere|twill|n)
      | em|cause|cos|coz|cuz|til|till|bout|round|cept|fore|nuff|neath|tween|twixt
      | im|er|e|is|ere|ave|ad|as|alf|ow|ome|ouse|ello|ead|eart|ell|ope|urt|un|uns|ya|yer
      | kay|sup|scuse|member|nother|gainst|less|fraid|specially|spose|sposed|course
    )(?!\w)
    | \d""",
    VERBOSE,
)


def _single_mark(text: str, pos: int, start: int, end: int) -> _Mark:
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return _Mark.APOSTROPHE  # don't, o'clock, y'know, 5'11
    if before in "'\u2018" and (pos - 1 == start or text[pos - 2].isspace()):
        return _Mark.APOSTROPHE  # speech opening on an elided word: ''Tis
    if not before.isalnum() and _ELISION.match(text, pos + 1, end):
        return _Mark.ELISION  # 'em, 'cause, the '90s, rock 'n' roll
    if before in "nN" and pos - 2 >= start and text[pos - 2] in "'\u2018\u2019":
        return _Mark.APOSTROPHE  # the second mark of 'n'
    mark = _context_mark(text, pos, start, end)
    if mark is _Mark.SOFT_CLOSE and text[pos - 2 : pos] == "in":
        return _Mark.APOSTROPHE  # a dropped g with more words after: goin' home
    if mark is _Mark.EITHER and text[pos] != "'":
        return _Mark.OPEN if text[pos] == "\u2018" else _Mark.CLOSE
    return mark


def _double_mark(text: str, pos: int, start: int, end: int) -> _Mark:
    mark = _context_mark(text, pos, start, end)
    if mark is _Mark.EITHER and text[pos] != '"':
        # A curly quote's shape settles what its context leaves open. Where the context is
        # clear it wins: word processors curl a quote after a dash the wrong way.
        return _Mark.OPEN if text[pos] == "\u201c" else _Mark.CLOSE
    if mark in (_Mark.WEAK_CLOSE, _Mark.SOFT_CLOSE) and _FEET_INCHES.search(
        text, max(start, pos - 4), pos
    ):
        return _Mark.APOSTROPHE
    return mark


# 5'11" (and the same with prime signs): the double mark after the inches is an inch sign.
_FEET_INCHES = lazy(r"\d['\u2019\u2032]\d{1,2}\Z")


# --- pairing ------------------------------------------------------------------------------

_CLOSERS = (_Mark.CLOSE, _Mark.WEAK_CLOSE, _Mark.SOFT_CLOSE)


_LOOKAHEAD_MARKS = 64


def _closes_here(text: str, marks: list[tuple[int, _Mark]], index: int) -> bool:
    """Whether an uncertain closer really closes, given the marks after it.

    A closer right after a word may be an apostrophe or an inch sign inside the speech
    (`goin'.'`, `a 6" blade,"`): a surer closer later in the same quote wins.
    """
    kind = marks[index][1]
    if kind is _Mark.CLOSE or kind is _Mark.EITHER:
        return True
    surer = (_Mark.CLOSE,) if kind is _Mark.WEAK_CLOSE else _CLOSERS
    # Indexed and bounded, not a slice: copying the tail for every mark made a long line of
    # quotes quadratic. No quote holds more marks than this before its closer.
    for later_index in range(index + 1, min(len(marks), index + 1 + _LOOKAHEAD_MARKS)):
        pos, later = marks[later_index]
        if later is _Mark.OPEN:
            return True
        if later is _Mark.ELISION and text[pos - 1] in _DASHES:
            return True  # speech resuming after a beat: 'It'—she paused—'is mine.'
        if later in surer:
            return False
    return True


def _pair(
    text: str, paragraph: Span, marks: list[tuple[int, _Mark]], single: bool
) -> list[tuple[Span, bool]]:
    """Quoted spans of one paragraph, each with whether it has its own closing mark."""
    found: list[tuple[Span, bool]] = []
    opened: int | None = None
    elision: int | None = None  # the latest word-initial apostrophe outside speech
    for index, (pos, kind) in enumerate(marks):
        if kind is _Mark.APOSTROPHE:
            continue
        if opened is None:
            if kind is _Mark.ELISION:
                elision = pos
            elif kind is _Mark.OPEN or kind is _Mark.EITHER:
                opened = pos
            elif kind is _Mark.CLOSE:
                # A closer with no opener: the opener was taken for an apostrophe
                # ('cause I said so,') or left out at the start of the paragraph.
                if elision is not None:
                    found.append((Span(elision, pos + 1), True))
                elif not found:
                    found.append((Span(paragraph.start, pos + 1), True))
                elision = None
            continue
        if kind is _Mark.ELISION:
            continue
        if kind is _Mark.OPEN:
            if single and text[pos + 1 : pos + 2].islower():
                continue  # an h-dropped word inside speech: 'I'll 'ave one,'
            # A new opener inside speech: the previous quote was never closed.
            stop = pos
            while stop > opened + 1 and text[stop - 1].isspace():
                stop -= 1
            found.append((Span(opened, stop), False))
            opened = pos
            continue
        if _closes_here(text, marks, index):
            found.append((Span(opened, pos + 1), True))
            opened = None
            elision = None
    if opened is not None:
        found.append((Span(opened, paragraph.end), False))
    return found


# --- quoted terms ------------------------------------------------------------------------

_SPEECH_VERBS = (  # every form spelled out: a tag is a fixed word, no stemming needed
    "say says said ask asks asked reply replies replied answer answers answered "
    "whisper whispers whispered shout shouts shouted yell yells yelled call calls called "
    "mutter mutters muttered murmur murmurs murmured mumble mumbles mumbled "
    "add adds added continue continues continued begin begins began cry cries cried "
    "snap snaps snapped hiss hisses hissed growl growls growled breathe breathes breathed "
    "sigh sighs sighed repeat repeats repeated insist insists insisted admit admits admitted "
    "agree agrees agreed demand demands demanded exclaim exclaims exclaimed plead pleads "
    "pleaded protest protests protested remark remarks remarked respond responds responded "
    "retort retorts retorted scream screams screamed stammer stammers stammered "
    "stutter stutters stuttered suggest suggests suggested tease teases teased "
    "warn warns warned tell tells told offer offers offered laugh laughs laughed "
    "gasp gasps gasped groan groans groaned grunt grunts grunted bark barks barked "
    "snarl snarls snarled sob sobs sobbed croak croaks croaked rasp rasps rasped "
    "drawl drawls drawled purr purrs purred quip quips quipped joke jokes joked "
    "chuckle chuckles chuckled giggle giggles giggled sneer sneers sneered "
    "scoff scoffs scoffed roar roars roared shriek shrieks shrieked squeak squeaks squeaked "
    "mouth mouths mouthed note notes noted observe observes observed prompt prompts "
    "prompted urge urges urged venture ventures ventured wonder wonders wondered "
    "confess confesses confessed announce announces announced declare declares declared "
    "explain explains explained inquire inquires inquired enquire enquires enquired "
    "interrupt interrupts interrupted manage manages managed spit spits spat"
)
# Before a quote these name or list rather than speak: a town called "Hope", added "organic".
_NAMING_VERBS = (
    "call calls called note notes noted add adds added offer offers offered "
    "begin begins began continue continues continued manage manages managed "
    "observe observes observed mouth mouths mouthed"
)


def _alternation(words: set[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=lambda word: (-len(word), word))) + r")\b"


_VERB = _alternation(set(_SPEECH_VERBS.split()))
_PRONOUN = r"(?:he|she|they|i|we|you|it|someone|everyone)\b"
_NAME = r"\p{Lu}[\w'\u2019.-]*(?:[ \t]+\p{Lu}[\w'\u2019-]*)?"

# `"Yes" she said`, `"Yes" Harry whispered softly`, `"Yes" said Harry`, `"Yes" said she.`
# A verb straight after the quote needs a name or an archaic "said she." after it: in
# `the "experts" say it works` the quoted word is the subject.
_TAG_AFTER = lazy(
    rf"""[ \t]*,?\s+(?:
        (?:(?i:{_PRONOUN})|{_NAME})\s+(?:\w+ly\s+)?(?i:{_VERB})
      | (?i:{_VERB})\s+(?:(?:he|she)\b(?=\s*(?:[,.;!?\u2014]|\Z))|(?!I\b)\p{{Lu}})
    )""",
    VERBOSE,
)
# `she said "no"`, `he whispered, "run"`. Not after a hyphen: the so-called "experts".
# A set lookup of the last word, not a search: a verb alternation tried at each of 40
# positions before every short quote made a long run of quotes take seconds.
_VERBS_BEFORE = frozenset(set(_SPEECH_VERBS.split()) - set(_NAMING_VERBS.split()))
_LAST_WORD = lazy(r"([\w'\u2019-]+)[ \t]*[,:]?[ \t]*\Z")

_SENTENCE_PUNCT = lazy(r"[.!?,;:\u2026\u2014\u2013]|-\W*\Z")


def _is_quoted_term(text: str, span: Span, paragraph: Span) -> bool:
    """A short quoted run in narration (the so-called "experts") rather than speech."""
    if span.start == paragraph.start and span.end == paragraph.end:
        return False  # a paragraph that is only a quote is a line of speech: "Fine."
    if span.end - span.start > 64:
        return False  # longer than any three words
    inner = text[span.start + 1 : span.end - 1]
    if len(inner.split()) > 3 or _SENTENCE_PUNCT.search(inner):
        return False
    if _TAG_AFTER.match(text, span.end, paragraph.end):
        return False
    if _touches_dash(text, span, paragraph):
        return False  # speech broken by a beat: "It'll be our"—she leaned closer—"secret."
    return not _tag_before(text, span, paragraph)


def _tag_before(text: str, span: Span, paragraph: Span) -> bool:
    window = text[max(paragraph.start, span.start - 40) : span.start]
    last = _LAST_WORD.search(window)
    return last is not None and last.group(1).lower() in _VERBS_BEFORE


def _touches_dash(text: str, span: Span, paragraph: Span) -> bool:
    after = text[span.end] if span.end < paragraph.end else ""
    before = text[span.start - 1] if span.start > paragraph.start else ""
    return after in _DASHES or before in _DASHES


# --- style ------------------------------------------------------------------------------

# Single-quote dialogue leaves a mark right after sentence punctuation, before a space or
# the line end (`,' she said`), or after a nested double quote (`"Run."'`). Nested quotes
# in double-quoted speech are followed by the double quote (`'Run.'"`) and apostrophes
# follow letters, so neither counts.
_EVIDENCE_BEFORE = frozenset('.,!?\u2026\u2014\u2013-"\u201d')
_EVIDENCE_AFTER = frozenset(" \t\r\n\u2014\u2013")


def choose_quote_style(text: str) -> QuoteStyle:
    """Single quotes when they carry more dialogue than double quotes do.

    Double quotes win unless single-quote dialogue clearly outnumbers them, since double
    quotes never double as apostrophes and a US manuscript nests single quotes inside.
    """
    return _choose_style(text, _positions(text, _SINGLE_CHARS))


def _choose_style(text: str, single_marks: list[int]) -> QuoteStyle:
    if not single_marks:
        return "double"
    needed = _needed_evidence(_double_marks(text))
    evidence = 0
    last = len(text) - 1
    for pos in single_marks:
        if _is_dialogue_evidence(text, pos, last):
            evidence += 1
            if evidence > needed:
                return "single"
    return "double"


@dataclass(frozen=True, slots=True)
class QuoteCounts:
    """What the choice of quote style weighs, counted in one stretch of text.

    Counts of paragraphs add up to the counts of the document (no mark's evidence reaches
    past its paragraph), so an edited document re-counts only the edited paragraph.
    """

    double_marks: int = 0
    single_evidence: int = 0

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(
            self.double_marks + other.double_marks, self.single_evidence + other.single_evidence
        )

    def __sub__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(
            self.double_marks - other.double_marks, self.single_evidence - other.single_evidence
        )

    @property
    def style(self) -> QuoteStyle:
        """The style :func:`choose_quote_style` picks for a text with these counts."""
        return "single" if self.single_evidence > _needed_evidence(self.double_marks) else "double"


def count_quotes(text: str) -> QuoteCounts:
    last = len(text) - 1
    evidence = sum(
        1 for pos in _positions(text, _SINGLE_CHARS) if _is_dialogue_evidence(text, pos, last)
    )
    return QuoteCounts(_double_marks(text), evidence)


def _double_marks(text: str) -> int:
    return sum(text.count(char) for char in _DOUBLE_CHARS)


def _needed_evidence(double_marks: int) -> int:
    return 2 * (double_marks // 2)


def _is_dialogue_evidence(text: str, pos: int, last: int) -> bool:
    if text[pos] == "\u2018":
        return _ELISION.match(text, pos + 1) is None
    return (
        pos > 0
        and text[pos - 1] in _EVIDENCE_BEFORE
        and (pos == last or text[pos + 1] in _EVIDENCE_AFTER)
    )


_DOUBLE_CHARS = '"\u201c\u201d'
_SINGLE_CHARS = "'\u2018\u2019"
# One literal pattern a character: a literal search skips ahead far faster than a class.
_LITERALS = {char: re.compile(re.escape(char)) for char in _DOUBLE_CHARS + _SINGLE_CHARS}


def _positions(text: str, chars: str) -> list[int]:
    found = [[m.start() for m in _LITERALS[char].finditer(text)] for char in chars]
    found = [positions for positions in found if positions]
    if len(found) == 1:
        return found[0]
    return sorted(pos for positions in found for pos in positions)


# --- entry point --------------------------------------------------------------------------


def find_speech(
    text: str, paragraphs: tuple[Span, ...], quote_style: QuoteStyle | None = None
) -> SpeechMap:
    """Dialogue spans of ``text``; ``quote_style`` is chosen from the text when not given."""
    single_marks = [] if quote_style == "double" else _positions(text, _SINGLE_CHARS)
    style = quote_style or _choose_style(text, single_marks)
    single = style == "single"
    positions = single_marks if single else _positions(text, _DOUBLE_CHARS)
    bracketed = _has_brackets(text)
    spans: list[Span] = []
    closed: list[bool] = []
    index = 0
    for paragraph in paragraphs:
        index = bisect_left(positions, paragraph.start, index)
        stop = bisect_left(positions, paragraph.end, index)
        if index == stop and not bracketed:
            continue
        found = list(_paragraph_speech(text, paragraph, positions[index:stop], single))
        if bracketed:
            found = _with_brackets(text, paragraph, found)
        for span, is_closed in found:
            spans.append(span)
            closed.append(is_closed)
        index = stop
    return SpeechMap.of(spans, style, closed)


ParagraphSpeech = tuple[tuple[Span, bool], ...]  # dialogue spans, and whether each closes


def paragraph_speech(text: str, paragraph: Span, quote_style: QuoteStyle) -> ParagraphSpeech:
    """The dialogue spans of one paragraph of ``text``, in the document's quote style.

    Pairing never reaches past a paragraph, so a document's speech is its paragraphs'
    speech put together: an edited text pairs again only its edited paragraphs."""
    single = quote_style == "single"
    piece = text[paragraph.start : paragraph.end]
    marks = _positions(piece, _SINGLE_CHARS if single else _DOUBLE_CHARS)
    bracketed = _has_brackets(piece)
    if not marks and not bracketed:
        return ()
    positions = [paragraph.start + pos for pos in marks]
    found = list(_paragraph_speech(text, paragraph, positions, single))
    if bracketed:
        found = _with_brackets(text, paragraph, found)
    return tuple(found)


# Corner brackets, the quotation marks of Japanese and Chinese, kept in translations of
# light novels and web novels: 「speech」, and 『』 for a quote inside it or for a voice
# heard at a distance (telepathy, a message). Each mark says which way it faces.
_BRACKET_OPEN = "\u300c\u300e"
_BRACKETS = lazy("[\u300c\u300d\u300e\u300f]")


def _has_brackets(text: str) -> bool:
    return "\u300c" in text or "\u300e" in text


def _bracket_spans(text: str, paragraph: Span) -> list[tuple[Span, bool]]:
    """The outermost bracketed runs of a paragraph; one left open runs to its end."""
    found: list[tuple[Span, bool]] = []
    depth = 0
    opened = paragraph.start
    for match in _BRACKETS.finditer(text, paragraph.start, paragraph.end):
        if match.group() in _BRACKET_OPEN:
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                found.append((Span(opened, match.end()), True))
    if depth > 0:
        found.append((Span(opened, paragraph.end), False))
    return found


def _with_brackets(
    text: str, paragraph: Span, quoted: list[tuple[Span, bool]]
) -> list[tuple[Span, bool]]:
    """A paragraph's speech in brackets, and its speech in quote marks outside them."""
    brackets = _bracket_spans(text, paragraph)
    if not brackets:
        return quoted
    outside = [
        (span, is_closed)
        for span, is_closed in quoted
        if not any(span.start < other.end and other.start < span.end for other, _ in brackets)
    ]
    return sorted(brackets + outside)


def _paragraph_speech(
    text: str, paragraph: Span, positions: list[int], single: bool
) -> Iterator[tuple[Span, bool]]:
    start, end = paragraph
    classify = _single_mark if single else _double_mark
    marks = [(pos, classify(text, pos, start, end)) for pos in positions]
    for span, is_closed in _pair(text, paragraph, marks, single):
        if is_closed and _is_quoted_term(text, span, paragraph):
            continue
        yield span, is_closed
