"""``punctuation.missing-end-mark``: a paragraph of prose whose last sentence has no mark.

Writers drop the period after the last word of a paragraph (*... and kept up the
pressure*, *"Ugh," Glenn complained*) more than anywhere else, since nothing follows it to
show the gap. Not every paragraph ends in a mark, though: headings, titles, verse, lists,
scripts and chat logs leave theirs off on purpose, line after line. So a paragraph is
reported only when it reads as prose (a capitalised sentence of several words, mostly in
lowercase) and the paragraphs either side of it end as prose does: a lone unmarked
paragraph among marked ones is a slip, a run of them is the text's layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from proselint_fic.checks.tense.words import wordset
from proselint_fic.diagnostic import Severity
from proselint_fic.document.structure import last_word
from proselint_fic.patterns import lazy
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.document import Document, Span

__all__ = ["MissingEndMarkRule", "rules"]

# A sentence of prose has a few words; "Chapter Three", "The End", "Part II" do not.
_MIN_WORDS = 4
_WORD = lazy(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
# What a paragraph that is not prose starts with: a list item, a heading, a table or
# code, a stage direction or tag, a byline.
_NOT_PROSE_START = lazy(r"[ \t]*(?:[-*+•#>|<\[({=~—–]|\d+[.)][ \t]|[A-Z][A-Z .'’]+:)")
_PRONOUNS = frozenset(("I", "He", "She", "It", "We", "They", "You"))
# The closing of a letter, signed (Yours very sincerely, Alice).
_CLOSINGS = wordset(
    "yours sincerely faithfully truly regards love cheers best wishes affectionately "
    "respectfully cordially thanks servant obedient"
)
# A paragraph that stops on one of these was cut off (a page break, an illustration
# between its halves), not left without its period.
_RUNS_ON = wordset(
    "a an the and or but nor of to in on at by for from with into upon as than that "
    "his her their its my our your this these those whose which who if when while "
    "is are was were be been am though although where whereas because since until till "
    "before after about over under through like"
)


def _words(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(text)]


def ends_open(text: str) -> bool:
    """Whether the stretch ends on a letter: no mark, no quote, no bracket after it."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1].isalpha()


def reads_as_prose(text: str) -> bool:
    """A sentence of prose: several words, opening on a capital, mostly lowercase (not a
    title in title case, not a line of capitals), not a list, heading or script line."""
    if _NOT_PROSE_START.match(text):
        return False
    words = _words(text)
    if not words or not words[0][:1].isupper():
        return False
    if len(words) < _MIN_WORDS:
        # A short sentence is one when a pronoun does something ("She laughed", "I
        # agree"); "Chapter Three", "The End" and "Part II" are no sentences.
        return len(words) >= 2 and words[0] in _PRONOUNS and all(w.islower() for w in words[1:])
    lowercase = sum(1 for word in words if word[:1].islower())
    return 2 * lowercase >= len(words)


_INDENTED = lazy(r"(?:  |\t)")
_FRESH_START = lazy(r"[ \t]*[\"“‘'(]?[\p{Lu}]")


def _starts_afresh(text: str, paragraph: Span) -> bool:
    """Whether a paragraph opens a new sentence: a capital, perhaps after a quote."""
    return _FRESH_START.match(text, paragraph.start, paragraph.end) is not None


def _signed(text: str) -> bool:
    """A letter's closing and signature (Yours ever, Tom)."""
    head, comma, _ = text.rpartition(",")
    return bool(comma) and any(word.lower() in _CLOSINGS for word in _words(head)[-3:])


def _unmarked_paragraphs(document: Document) -> Iterator[Span]:
    text, source = document.text, document.source
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        body = text[paragraph.start : paragraph.end]
        if not ends_open(body) or not reads_as_prose(body) or _signed(body):
            continue
        line_end = source.find("\n", paragraph.end)
        if source[paragraph.start : len(source) if line_end < 0 else line_end].rstrip()[-1:] in (
            "*",
            "_",
            "`",
        ):
            continue  # the paragraph ends in emphasis or code: a thought, a sign, a name
        neighbours = paragraphs[max(0, index - 1) : index] + paragraphs[index + 1 : index + 2]
        if any(ends_open(text[p.start : p.end]) for p in neighbours):
            continue  # verse, a list, a script: a layout without marks
        if index + 1 < len(paragraphs) and not _starts_afresh(text, paragraphs[index + 1]):
            continue  # the sentence goes on after a page break or an illustration
        last_line = source.rfind("\n", paragraph.start, paragraph.end) + 1 or paragraph.start
        first_line = source.rfind("\n", 0, paragraph.start) + 1
        if any(_INDENTED.match(source, at) for at in (first_line, last_line)):
            continue  # an indented block or line: verse, a letter's signature, code
        if document.messages and document.in_message(paragraph.end - 1):
            continue  # texting leaves its periods off
        yield paragraph


def _speech_ends_open(text: str, paragraph: Span) -> bool:
    """Whether the paragraph's last mark is a closing quote right after a letter."""
    body = text[paragraph.start : paragraph.end].rstrip()
    return len(body) >= 2 and body[-1] in '"”' and body[-2].isalpha()


def _unmarked_speeches(document: Document) -> Iterator[Match]:
    """A speech that ends its paragraph with no mark inside the closing quote ("...I
    understand"), when it opens its sentence and the paragraphs either side do not end
    the same way (a list of quoted titles, a layout)."""
    text = document.text
    speech = document.speech
    paragraphs = document.paragraphs
    for span, closed in zip(speech.spans, speech.closed, strict=True):
        if not closed or text[span.end - 1 : span.end] not in '"”':
            continue
        index = document.paragraph_index_at(span.start)
        if index is None:
            continue
        paragraph = paragraphs[index]
        if (
            text[span.end : paragraph.end].strip()
            or not text[span.end - 2 : span.end - 1].isalpha()
        ):
            continue
        words = _words(text[span.start : span.end])
        lowercase = sum(1 for w in words if w[:1].islower())
        if 2 * lowercase < len(words) or _INDENTED.match(
            document.source, document.source.rfind("\n", 0, paragraph.start) + 1
        ):
            continue  # a signature in capitals, a title, an indented verse
        if len(words) < 2 or not _opens_sentence(text, paragraph, span.start):
            continue
        neighbours = paragraphs[max(0, index - 1) : index] + paragraphs[index + 1 : index + 2]
        if any(_speech_ends_open(text, p) or ends_open(text[p.start : p.end]) for p in neighbours):
            continue
        word_start = span.end - 1
        while word_start > span.start and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : span.end - 1]
        yield Match(word_start, span.end, replacements=(word + "." + text[span.end - 1],))


def _opens_sentence(text: str, paragraph: Span, quote: int) -> bool:
    before = text[paragraph.start : quote].rstrip()
    return not before or before[-1] in '.!?…"”’:'


class MissingEndMarkRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        yield from _unmarked_speeches(document)
        text = document.text
        for paragraph in _unmarked_paragraphs(document):
            span = last_word(text, paragraph)
            if span is None:
                continue
            word = text[span.start : span.end]
            if any(mark in word for mark in "/@:"):
                continue  # a web address, a handle, a time
            if word.lower() in _RUNS_ON or (len(word) > 1 and word.isupper()):
                continue  # cut off mid-sentence; a signature in capitals
            yield Match(span.start, span.end, replacements=(word + ".",))


MISSING_END_MARK = RuleMeta(
    id="punctuation.missing-end-mark",
    category="punctuation",
    severity=Severity.WARNING,
    scope="both",
    locality="neighbours",
    summary="A paragraph of prose that ends without a period or other closing mark.",
    message="The paragraph ends without a mark: end its last sentence with a period.",
    docs=(
        "The last sentence of a paragraph has no period, question or exclamation mark "
        'after it (*... and kept up the pressure*, *"Ugh," Glenn complained*). Only '
        "prose is read: a paragraph of several words that opens on a capital and is "
        "mostly lowercase (or a pronoun and lowercase words: *She laughed*), with the "
        "paragraphs either side ending in marks, and a speech "
        "that opens its sentence and ends the paragraph with no mark inside its closing "
        'quote (*"...I understand"*). Headings, '
        "titles in title case, lists, verse, scripts and chat lines, which leave their "
        "marks off line after line, are left alone, and so are a letter's signed "
        "closing, a paragraph ending in italics, and one ending in a web address."
    ),
    flags=(
        "She sat down.\n\nShe drew a new whip out of her bag and kept up the pressure\n\n"
        "The crowd roared.",
        'He nodded.\n\n"...I understand"\n\nShe left.',
        '"He talks very little," said Celia\n\n"He is shy," said Dorothea.',
        "She sat down.\n\nShe laughed\n\nThe crowd roared.",
    ),
    passes=(
        "Chapter Three\n\nThe rain fell.",
        "The rain fell.\n\nThe End\n\nIt Begins\n\nShe left.",
        "The Girl Who Waited\n\nThe rain fell.",
        "The rain fell.\n\nRoses are red and the violets blue\n\nSugar is sweet and so are "
        "you\n\nShe smiled.",
        "She wrote:\n\nYours very sincerely, Alice\n\nThen she sealed it.",
        "He read the sign.\n\n*Keep out of the water*\n\nHe kept out.",
        "She typed the address.\n\nIt is at https://example.com/about\n\nThen she waited.",
        "The rain fell.\n\n- buy milk and eggs for the week\n\nShe left.",
        'He nodded.\n\nShe called the place "home"\n\nShe left.',
        'Her favourites:\n\n"The Hobbit"\n\n"Little Women"\n\nShe read them all.',
    ),
    fixes=(
        FixExample(
            "She sat down.\n\nShe kept up the pressure\n\nThe crowd roared.",
            "She sat down.\n\nShe kept up the pressure.\n\nThe crowd roared.",
        ),
    ),
)


def rules() -> list[Rule]:
    """The missing-end-mark rule."""
    return [MissingEndMarkRule(MISSING_END_MARK)]
