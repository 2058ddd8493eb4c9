"""Paragraphs, scene breaks and chapter headings: the units that narrative rules reason over."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeVar

from proselint_fic.document.edits import Edit
from proselint_fic.patterns import IGNORECASE, VERBOSE, lazy

_T = TypeVar("_T")


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of offsets in ``Document.text``."""

    start: int
    end: int


def start_of(span: Span) -> int:
    """A span's start: the key to bisect a list of spans by."""
    return span.start


def end_of(span: Span) -> int:
    """A span's end: the key to bisect a list of spans by."""
    return span.end


class Scene(NamedTuple):
    """A stretch of story between scene breaks or chapter headings."""

    span: Span
    paragraphs: tuple[Span, ...]


# A blank line (only spaces or tabs on it) separates paragraphs.
_BLANK_LINE = lazy(r"\n[ \t\f\v]*(?:\r?\n|\r)|\r[ \t]*\r")
_NON_BLANK = lazy(r"\S")
_LINE = lazy(r"[^\r\n]+")

# A whole line that only breaks a scene: ***, * * *, #, ~~~, ---, ◇, §, or a chapter heading.
_SCENE_BREAK = lazy(
    r"""^[ \t]*(?:
        (?:[*~#=\-_•◇◆§°oO+][ \t]*){1,}          # runs of ornament characters
      | \#{1,6}[ \t]+\S.*                         # a Markdown heading
      | (?:chapter|part|book)[ \t]+(?:\d+|[ivxlcdm]+|[a-z]+(?:-[a-z]+)?)\b  # Chapter 3, Part IV
        (?:[ \t]*[:.\-–—][^\n]{0,80})?
      | (?:prologue|epilogue|interlude|afterword)(?:[ \t]*[:.\-–—][^\n]{0,80})?
    )[ \t]*$""",
    IGNORECASE | VERBOSE,
)


def find_paragraphs(text: str) -> tuple[Span, ...]:
    """Blank-line separated blocks, trimmed of surrounding whitespace.

    A document with no blank line at all, but many lines, is taken to hold one paragraph a
    line (a common manuscript export); hard-wrapped prose always has blank lines between
    paragraphs.
    """
    blocks = _split_blocks(text)
    if len(blocks) == 1 and text.count("\n") > 2:
        return tuple(Span(m.start(), m.end()) for m in _LINE.finditer(text) if not m[0].isspace())
    return blocks


def _split_blocks(text: str) -> tuple[Span, ...]:
    return tuple(split_blocks(text, 0, len(text)))


def split_blocks(text: str, start: int, end: int) -> list[Span]:
    """The blank-line separated blocks of ``text[start:end]``, trimmed.

    ``start`` must be 0 or the start of a block and ``end`` the end of one or of the text,
    so that no blank line straddles either: the blocks are then exactly those that
    splitting the whole text finds there.
    """
    spans: list[Span] = []
    for gap in _BLANK_LINE.finditer(text, start, end):
        _append_trimmed(text, start, gap.start(), spans)
        start = gap.end()
    _append_trimmed(text, start, end, spans)
    return spans


def edit_paragraphs(
    paragraphs: tuple[Span, ...], old: str, text: str, edit: Edit
) -> tuple[Span, ...]:
    """The paragraphs of ``text``, which ``edit`` made from ``old`` (whose paragraphs they
    were): only the blocks around the edit are split again, and the ones after it move."""
    start, old_end, new_end = edit
    if len(paragraphs) <= 1 or not _BLANK_LINE.search(old, paragraphs[0].end, paragraphs[1].start):
        return find_paragraphs(text)  # one block, or the one-paragraph-a-line layout
    # The block before the edit may merge with it; so may the block after it.
    first = max(0, bisect_left(paragraphs, start, key=end_of) - 1)
    last = min(len(paragraphs) - 1, bisect_right(paragraphs, old_end, key=start_of))
    delta = new_end - old_end
    region_start = paragraphs[first].start if paragraphs[first].start < start else 0
    tail = paragraphs[last]  # after the edit, unless the edit runs to the last block
    region_end = tail.end + delta if tail.start > old_end else len(text)
    middle = split_blocks(text, region_start, region_end)
    make = tuple.__new__  # Span's own constructor costs a call more per paragraph
    moved = [make(Span, (a + delta, b + delta)) for a, b in paragraphs[last + 1 :]]
    edited = (*paragraphs[:first], *middle, *moved)
    if len(edited) <= 1:
        return find_paragraphs(text)
    return edited


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    first = _NON_BLANK.search(text, start, end)
    if first is None:
        return
    stop = end
    while stop > first.start() and text[stop - 1].isspace():
        stop -= 1
    spans.append(Span(first.start(), stop))


def window(text: str, span: Span) -> Span:
    """``span`` widened to the rest of its first and last lines and one character more on
    each side: a stretch that, checked on its own, shows a rule what the whole text shows
    it around ``span`` (the line break before, the indentation, the line's end)."""
    start = span.start
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    end = span.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return Span(max(0, start - 1), min(len(text), end + 1))


def last_word(text: str, span: Span) -> Span | None:
    """Where the stretch's last whitespace-delimited word lies (None if it is blank)."""
    end = span.end
    while end > span.start and text[end - 1].isspace():
        end -= 1
    if end == span.start:
        return None
    start = end
    while start > span.start and not text[start - 1].isspace():
        start -= 1
    return Span(start, end)


def clip(spans: Iterable[Span], around: Span) -> tuple[Span, ...]:
    """The parts of ``spans`` inside ``around``, as offsets from its start."""
    start, end = around
    return tuple(
        Span(max(s.start, start) - start, min(s.end, end) - start)
        for s in spans
        if s.start < end and s.end > start
    )


def is_scene_break(text: str, paragraph: Span) -> bool:
    """True when a paragraph is only a scene-break ornament or a heading."""
    body = text[paragraph.start : paragraph.end]
    return "\n" not in body.strip() and _SCENE_BREAK.match(body) is not None


def find_scenes(text: str, paragraphs: tuple[Span, ...]) -> tuple[Scene, ...]:
    """Group paragraphs into scenes, splitting at scene breaks and headings."""
    return scenes_between(paragraphs, [is_scene_break(text, p) for p in paragraphs])


def scenes_between(paragraphs: Sequence[Span], breaks: Sequence[bool]) -> tuple[Scene, ...]:
    """Group paragraphs into scenes, given which of them are breaks or headings."""
    return tuple(
        Scene(Span(group[0].start, group[-1].end), group)
        for group in between_breaks(paragraphs, breaks)
    )


def between_breaks(items: Sequence[_T], breaks: Sequence[bool]) -> list[tuple[_T, ...]]:
    """The runs of ``items`` between those that ``breaks`` marks (left out), none empty:
    a document's scenes, or any list kept in step with its paragraphs."""
    if len(items) != len(breaks):
        raise ValueError("between_breaks: one break flag per item")
    groups: list[tuple[_T, ...]] = []
    start = 0
    # Breaks are few (a novel's chapters): slice between them rather than walk every item.
    for cut in [i for i, is_break in enumerate(breaks) if is_break]:
        if cut > start:
            groups.append(tuple(items[start:cut]))
        start = cut + 1
    if start < len(items):
        groups.append(tuple(items[start:]))
    return groups
