"""The document model: a decoded manuscript and everything rules ask of it.

Everything is computed on first use and then kept, so a rule set that never asks about
dialogue never pays for finding it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from proselint_fic.document.markup import Markup, ProseView, extract_prose, markup_for_path
from proselint_fic.document.messages import find_messages
from proselint_fic.document.positions import LineIndex
from proselint_fic.document.speech import QuoteStyle, SpeechMap, find_speech
from proselint_fic.document.structure import (
    Scene,
    Span,
    clip,
    find_paragraphs,
    find_scenes,
    is_scene_break,
    scenes_between,
    window,
)
from proselint_fic.document.style import Style, detect_style
from proselint_fic.document.words import Vocabulary, Words, find_words

Dialect = Literal["en-US", "en-GB"]
Tense = Literal["present", "past"]

__all__ = [
    "Dialect",
    "Document",
    "DocumentOptions",
    "KnownFacts",
    "LanguageToolOptions",
    "Markup",
    "Piece",
    "Scene",
    "Span",
    "SpeechMap",
    "Style",
    "Tense",
    "Typography",
    "Vocabulary",
    "Words",
]


class LanguageToolOptions(NamedTuple):
    """Where the writer's LanguageTool server is, and what to ask it (docs/languagetool.md)."""

    url: str
    language: str = "en-US"
    timeout: float = 10.0
    disabled_rules: frozenset[str] = frozenset()


class DocumentOptions(NamedTuple):
    """Per-document settings that rules may read (they come from configuration)."""

    dialect: Dialect = "en-US"
    words: frozenset[str] = frozenset()
    tense: Tense | None = None
    # None: no server is configured, and the LanguageTool rules stay silent.
    languagetool: LanguageToolOptions | None = None


class Typography(NamedTuple):
    """The document-wide marks a paragraph's rules may read: ellipsis, dash and quotes."""

    style: Style
    quote_style: QuoteStyle


@dataclass(frozen=True)
class Piece:
    """A paragraph's window (``structure.window``: the paragraph with the rest of its lines
    and a character either side) as a stretch to check on its own: its prose text, the
    paragraph and the emphasis in it, and its source where that differs from the text.

    It holds no offset into the document, so an edit elsewhere leaves it the same object:
    a family that keeps work per paragraph looks it up by the piece (whose hash Python
    keeps), and finds its place from the paragraph's span."""

    text: str
    paragraph: Span
    emphasis: tuple[Span, ...] = ()
    source: str | None = None

    def start_for(self, paragraph: Span) -> int:
        """Where this piece starts in the document, given its paragraph's span there."""
        return paragraph.start - self.paragraph.start

    @cached_property
    def is_scene_break(self) -> bool:
        """Whether the paragraph is a scene-break ornament or a heading (asked once)."""
        return is_scene_break(self.text, self.paragraph)


class KnownFacts(NamedTuple):
    """Parts of the model already known, so a document need not derive them again.

    An incremental re-lint keeps them up to date across edits for the whole manuscript,
    and hands one paragraph its document's typography. Each must equal what the document
    would derive itself; the incremental tests prove that for every edit they make.
    """

    prose: ProseView | None = None
    paragraphs: tuple[Span, ...] | None = None
    lines: LineIndex | None = None
    typography: Typography | None = None
    # The speech map, made only if a rule reads it (an edit kept paragraph by paragraph).
    speech: Callable[[], SpeechMap] | None = None
    pieces: tuple[Piece, ...] | None = None  # one per paragraph


class Document:
    """A manuscript ready for rules.

    ``source`` is the decoded file as written. ``text`` is the prose view that rules scan:
    markup, code and comments are blanked out, and every offset in ``text`` maps back to
    ``source`` through :meth:`to_source`. For plain text and Markdown the two have the same
    length and offsets coincide.
    """

    def __init__(
        self,
        source: str,
        *,
        path: str | None = None,
        markup: Markup | None = None,
        options: DocumentOptions | None = None,
        known: KnownFacts | None = None,
    ) -> None:
        self.source = source
        self.path = path
        self.markup: Markup = markup or markup_for_path(path)
        self.options = options or DocumentOptions()
        self.typography = known.typography if known else None
        self._kept_speech = known.speech if known else None
        if known is not None:
            seeded = {
                "prose": known.prose,
                "paragraphs": known.paragraphs,
                "lines": known.lines,
                "paragraph_pieces": known.pieces,
            }
            vars(self).update({k: v for k, v in seeded.items() if v is not None})

    @classmethod
    def alone(
        cls,
        text: str,
        paragraphs: tuple[Span, ...],
        typography: Typography,
        options: DocumentOptions,
        *,
        emphasis: tuple[Span, ...] = (),
        source: str | None = None,
    ) -> Document:
        """A stretch of a plain-text document (its prose ``text``, the paragraphs in it and
        their emphasis) checked on its own, reading the whole document's typography, so
        that a rule sees there what it sees in the document (proselint_fic.incremental)."""
        known = KnownFacts(
            prose=ProseView(text=text, emphasis=emphasis),
            paragraphs=paragraphs,
            typography=typography,
        )
        return cls(source or text, markup="plain", options=options, known=known)

    @cached_property
    def prose(self) -> ProseView:
        return extract_prose(self.source, self.markup)

    @property
    def text(self) -> str:
        return self.prose.text

    def to_source(self, offset: int) -> int:
        """The offset in ``source`` of offset ``offset`` in ``text``."""
        return self.prose.to_source(offset)

    @cached_property
    def lines(self) -> LineIndex:
        """Line index over ``source`` (diagnostics point into the file as written)."""
        return LineIndex(self.source)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        return find_paragraphs(self.text)

    @cached_property
    def paragraph_windows(self) -> tuple[Span, ...]:
        """Each paragraph with the rest of its lines and a character either side: what a
        paragraph needs to be checked on its own (see ``structure.window``)."""
        text = self.text
        return tuple(window(text, p) for p in self.paragraphs)

    @cached_property
    def paragraph_pieces(self) -> tuple[Piece, ...]:
        """Each paragraph's window as a :class:`Piece`, in the order of ``paragraphs``."""
        text, source, emphasis = self.text, self.source, self.prose.emphasis
        pieces = []
        for paragraph, around in zip(self.paragraphs, self.paragraph_windows, strict=True):
            start, end = around
            piece, original = text[start:end], source[start:end]
            pieces.append(
                Piece(
                    piece,
                    Span(paragraph.start - start, paragraph.end - start),
                    clip(emphasis, around),
                    None if original == piece else original,
                )
            )
        return tuple(pieces)

    @property
    def kept_pieces(self) -> tuple[Piece, ...] | None:
        """The paragraph pieces if they are already made (an incremental re-lint hands them
        in, each the same object while its paragraph is unchanged), else None. A rule that
        weighs the whole text can then keep its work per piece; making the pieces only for
        that would cost more than reading the text once."""
        pieces: tuple[Piece, ...] | None = vars(self).get("paragraph_pieces")
        return pieces

    @cached_property
    def kept_breaks(self) -> list[bool]:
        """For each paragraph, whether it is a scene break or a heading, asked of its piece
        (which remembers it while the paragraph is unchanged)."""
        return [piece.is_scene_break for piece in self.paragraph_pieces]

    @cached_property
    def scenes(self) -> tuple[Scene, ...]:
        if self.kept_pieces is not None:  # kept across edits: each asked once
            return scenes_between(self.paragraphs, self.kept_breaks)
        return find_scenes(self.text, self.paragraphs)

    @cached_property
    def speech(self) -> SpeechMap:
        if self._kept_speech is not None:
            return self._kept_speech()
        quote_style = self.typography.quote_style if self.typography else None
        return find_speech(self.text, self.paragraphs, quote_style)

    @cached_property
    def words(self) -> Words:
        """Every word of ``text`` (hyphenated compounds and contractions count as one)."""
        return find_words(self.text)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The words of ``text`` in order without offsets, for rules that seek a few words."""
        return Vocabulary(self.text)

    @cached_property
    def style(self) -> Style:
        return self.typography.style if self.typography else detect_style(self.text)

    @cached_property
    def _emphasis_starts(self) -> list[int]:
        return [span.start for span in self.prose.emphasis]

    @cached_property
    def messages(self) -> tuple[Span, ...]:
        """Bodies of text messages and chat lines (``Dad: good luck kiddo!!!``)."""
        return find_messages(self.text, self.paragraphs)

    @cached_property
    def _message_starts(self) -> list[int]:
        return [span.start for span in self.messages]

    def in_message(self, offset: int) -> bool:
        """True inside a text message or chat line set after a sender label."""
        index = bisect_right(self._message_starts, offset) - 1
        return index >= 0 and offset < self.messages[index].end

    def in_dialogue(self, offset: int) -> bool:
        """True inside a character's words: quoted speech, or a text message."""
        return self.speech.contains(offset) or (bool(self.messages) and self.in_message(offset))

    def in_emphasis(self, offset: int) -> bool:
        """True inside italics or other emphasis (often a character's unspoken thought)."""
        index = bisect_right(self._emphasis_starts, offset) - 1
        return index >= 0 and offset < self.prose.emphasis[index].end

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_from(self, offset: int) -> Span | None:
        """The first paragraph that starts at or after ``offset``."""
        index = bisect_left(self._paragraph_starts, offset)
        return self.paragraphs[index] if index < len(self.paragraphs) else None

    def paragraph_before(self, offset: int) -> Span | None:
        """The last paragraph that ends at or before ``offset``."""
        index = bisect_left(self._paragraph_starts, offset) - 1
        if index >= 0 and self.paragraphs[index].end > offset:
            index -= 1  # ``offset`` is inside that one
        return self.paragraphs[index] if index >= 0 else None

    def paragraph_at(self, offset: int) -> Span | None:
        index = self.paragraph_index_at(offset)
        return None if index is None else self.paragraphs[index]

    def paragraph_index_at(self, offset: int) -> int | None:
        """The index in ``paragraphs`` of the paragraph holding ``offset``, if one does."""
        index = bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return index
        return None
