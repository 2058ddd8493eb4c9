"""Narration as the tense rules see it: dialogue and thoughts blanked, split into sentences.

Offsets are preserved: the narration view has the same length as ``document.text``, with
every character of dialogue and of multi-word emphasis (a character's unspoken thought,
a letter set in italics) replaced by :data:`MASK`, which the tokenizer reads as a hard
sentence break.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from proselint_fic.checks.tense.words import wordset
from proselint_fic.document import Document, Span

MASK = "\ue000"
# Emphasis inside a sentence (a title, a name, a short phrase) becomes one opaque word.
MASK_WORD = "\ue001"

# Tokens of the lower-cased view, captured so that ``split`` also returns the gaps between
# them (their lengths give every offset without a Python loop). Words keep inner
# apostrophes and hyphens: "didn't", "she's", "red-haired". The word quantifiers are
# possessive: nothing after them can fail and make the engine give letters back, so they
# match exactly the same tokens while the engine keeps no backtracking state (2% fewer
# instructions for the whole analysis, words being most of the text). The lookahead names
# every character a token can start with, which lets the engine skip spaces and other
# untokenised characters with a quick set test instead of trying each alternative there
# (a new alternative must add its first characters to it).
_SPLIT = re.compile(
    r"(?=[a-zß-öø-ÿ\d.!?…\ue000\ue001,;:()\[\]—–-])"
    r"([a-zß-öø-ÿ]++(?:['-][a-zß-öø-ÿ]++)*+"
    r"|\d+(?:[:.,]\d+)*"
    r"|[.!?…]+"
    r"|\ue000+|\ue001+"
    r"|[,;:()\[\]—–]|-{2,})"
)
_BREAKS = frozenset(".!?…\ue000")
# Emphasis written as plain-text asterisks or underscores, for text whose markup layer
# has not already turned it into emphasis spans.
_PLAIN_EMPHASIS = re.compile(r"\*[^*\n]+\*|_[^_\n]+_")
# Emphasis that reads as a sentence (a thought, a line of a letter) ends a sentence of
# narration; a multi-word title or name inside a sentence does not.
_SENTENCE_LIKE = re.compile(r"[a-z][.!?…][*_]*$|[,;]\s|^[*_]*(?:I|I'm|I've|I'll|I'd)\s")
_SPACE = re.compile(r"\s")
_ABBREVIATIONS = wordset("mr mrs ms dr st jr sr prof capt lt col gen sgt rev mt ft vs etc")


class Paragraph(NamedTuple):
    """One paragraph's tokens (lower-cased, curly apostrophes straightened) with their
    offsets, and its sentences as ``[first, stop)`` token index ranges."""

    view: str
    lower: list[str]
    starts: Sequence[int]  # machine integers (see document.words): a third of the memory
    ends: Sequence[int]
    sentences: list[tuple[int, int]]

    def word(self, index: int) -> str:
        """Token ``index`` as written."""
        return self.view[self.starts[index] : self.ends[index]]

    def capitalised(self, index: int) -> bool:
        return self.view[self.starts[index]].isupper()


def narration_view(document: Document, *, plain_emphasis: bool | None = None) -> str:
    """``document.text`` with dialogue, text messages and thought-like emphasis replaced by
    :data:`MASK`.

    Emphasis the markup layer did not find is looked for in the text itself when the
    document has none at all; ``plain_emphasis`` makes that choice for a part of a
    document, which must follow the whole document's."""
    text = document.text
    hidden: list[tuple[int, int, str]] = [(s.start, s.end, MASK) for s in document.speech.spans]
    hidden.extend((s.start, s.end, MASK) for s in document.messages)
    emphasis = list(document.prose.emphasis)
    if plain_emphasis is None:
        plain_emphasis = not emphasis
    if plain_emphasis and ("*" in text or "_" in text):
        emphasis = _plain_emphasis(text)
    for span in emphasis:
        content = text[span.start : span.end]
        if _SENTENCE_LIKE.search(content) is not None:
            hidden.append((span.start, span.end, MASK))
        elif _SPACE.search(content) is not None:
            hidden.append((span.start, span.end, MASK_WORD))
    if not hidden:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, mask in sorted(hidden):
        if end <= position:
            continue
        begin = max(start, position)
        pieces.append(text[position:begin])
        pieces.append(mask * (end - begin))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _plain_emphasis(text: str) -> list[Span]:
    # The marks hug the words ("*she left*", not "2 * 3 * 4") and are not inside a word.
    found: list[Span] = []
    for match in _PLAIN_EMPHASIS.finditer(text):
        start, end = match.span()
        body = match[0]
        if body[1].isspace() or body[-2].isspace():
            continue
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        found.append(Span(start, end))
    return found


def lowered(view: str) -> str:
    """The view lower-cased with straight apostrophes, offsets unchanged."""
    lower = view.lower().replace("’", "'")
    if len(lower) != len(view):  # a few characters lower-case to two ("İ")
        lower = "".join(c.lower()[:1] if c != "’" else "'" for c in view)
    return lower


def tokenize(view: str, lower_view: str, paragraph: Span) -> Paragraph:
    parts = _SPLIT.split(lower_view[paragraph.start : paragraph.end])
    tokens = parts[1::2]
    offsets = array("q", accumulate(map(len, parts), initial=paragraph.start))
    starts = offsets[1 : len(parts) - 1 : 2]
    ends = offsets[2 : len(parts) : 2]
    sentences: list[tuple[int, int]] = []
    first = 0
    for index in [i for i, token in enumerate(tokens) if token[0] in _BREAKS]:
        token = tokens[index]
        if token[0] == MASK:
            if index > first:
                sentences.append((first, index))
            first = index + 1
        elif not (token == "." and _is_abbreviation(tokens, index)):
            sentences.append((first, index + 1))
            first = index + 1
    if len(tokens) > first:
        sentences.append((first, len(tokens)))
    return Paragraph(view, tokens, starts, ends, sentences)


def _is_abbreviation(tokens: list[str], index: int) -> bool:
    """A period after Mr, Dr, an initial (T. S. Eliot) does not end a sentence."""
    if index == 0:
        return False
    before = tokens[index - 1]
    return before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha() and before != "i")
