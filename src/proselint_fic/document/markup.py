"""Markup → prose: blank out what is not prose, keep a map back to the source.

Plain text and Markdown keep the source's length: markup is overwritten with spaces (line
breaks stay), so offsets in the prose are offsets in the source. HTML is decoded (entities,
collapsed whitespace, paragraph breaks for block elements), so its prose is shorter or longer
than the source and ``ProseView.segments`` maps it back.

Blanked markers leave spaces where they stood: ``*no*.`` reads `` no .``. A rule about
spacing (doubled spaces, a space before punctuation) should confirm that a space in the prose
is a space in the source before it reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import starmap
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal, NamedTuple

from proselint_fic.document.structure import Span
from proselint_fic.patterns import DOTALL, IGNORECASE, lazy

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Markup = Literal["plain", "markdown", "html"]

_EXTENSIONS: dict[str, Markup] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "plain",
    ".text": "plain",
}


def markup_for_path(path: str | None) -> Markup:
    if path is None:
        return "plain"
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "plain")


class ProseView(NamedTuple):
    """The prose of a document and the way back to source offsets.

    ``segments`` is ``None`` when ``text`` has the same length as the source (offsets are
    shared); otherwise it holds sorted ``(text_offset, source_offset)`` anchors, and an
    offset maps to its anchor's source offset plus its distance from the anchor.
    """

    text: str
    emphasis: tuple[Span, ...] = ()
    segments: tuple[tuple[int, int], ...] | None = None

    def to_source(self, offset: int) -> int:
        if self.segments is None:
            return offset
        index = bisect_right(self.segments, (offset, float("inf"))) - 1
        if index < 0:
            return offset
        text_anchor, source_anchor = self.segments[index]
        return source_anchor + (offset - text_anchor)


def extract_prose(source: str, markup: Markup) -> ProseView:
    """The prose view of ``source`` written in ``markup``."""
    if markup == "markdown":
        return _markdown_prose(source)
    if markup == "html":
        return _html_prose(source)
    return _plain_prose(source)


# ---------------------------------------------------------------------------------------------
# Shared helpers

_Range = tuple[int, int]  # a half-open range of offsets
_NOT_LINE_BREAK = lazy(r"[^\r\n]+")


def _blank(chunk: str) -> str:
    """``chunk`` with every character but line breaks turned into a space."""
    if "\n" not in chunk and "\r" not in chunk:
        return " " * len(chunk)
    return str(_NOT_LINE_BREAK.sub(lambda m: " " * len(m[0]), chunk))


def _blank_ranges(source: str, ranges: Iterable[_Range]) -> str:
    """``source`` with the given ranges blanked; ranges may overlap and come in any order."""
    parts: list[str] = []
    position = 0
    for first, end in sorted(ranges):
        start = max(first, position)
        if end <= start:
            continue
        parts.append(source[position:start])
        parts.append(_blank(source[start:end]))
        position = end
    if not parts:
        return source
    parts.append(source[position:])
    return "".join(parts)


def _finish_emphasis(text: str, spans: Iterable[_Range]) -> tuple[Span, ...]:
    """Sorted, merged spans, trimmed of the blanks that markers left at their edges."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return _trim_spans(text, ((start, end) for start, end in merged))


# ---------------------------------------------------------------------------------------------
# Plain text

# Suppression comments are read from the source by the engine; the prose must not show them.

# A line break that does not open a blank line: emphasis never crosses a paragraph.
_BODY_CHAR = r"(?:[^\r\n]|(?:\r\n?|\n)(?![ \t]*[\r\n]))"


def _emphasis_pattern(mark: str, longest: int) -> str:
    # Flanking rules in the spirit of CommonMark: the opener follows no word character and
    # precedes no space (so `2*3`, snake_case, bullets and `* * *` are not emphasis), the
    # closer follows no space and precedes no word character.
    m = re.escape(mark)
    return (
        rf"(?<![\w{m}\\])(?P<open>{m}{{1,{longest}}})(?=[^\s{m}])"
        rf"(?P<body>{_BODY_CHAR}+?)"
        rf"(?<=[^\s{m}\\])(?P=open)(?![\w{m}])"
    )


# The standard library's engine runs these anchored matches twice as fast as `regex`.
_PLAIN_EMPHASIS = {
    "*": re.compile(_emphasis_pattern("*", 3)),
    "_": re.compile(_emphasis_pattern("_", 2)),
}
_WORD_CHAR = re.compile(r"\w")
_NESTING_LIMIT = 3


def _comment_spans(source: str) -> list[_Range]:
    """``<!-- ... -->`` comments, found with str.find: a regex rescans the rest of the text
    for every unclosed ``<!--``, which made a long run of them quadratic."""
    spans: list[_Range] = []
    start = source.find("<!--")
    while start >= 0:
        end = source.find("-->", start + 4)
        if end < 0:
            break  # unclosed: nothing after it can close either
        spans.append((start, end + 3))
        start = source.find("<!--", end + 3)
    return spans


def _script_tag_spans(source: str) -> list[_Range]:
    """Text tags of game and visual-novel scripts, which the reader never sees: Ren'Py's
    ``{i}``, ``{/i}``, ``{w=0.5}`` and ``[player_name]``, Inform's ``[if the door is
    open]``, ``[one of]``, ``[or]``, ``[end if]``. A bracket whose words start in lower
    case and carry no sentence punctuation is such a tag (or an editor's ``[sic]``); one
    that holds a sentence of prose ("[He meant the king.]") stays."""
    if "[" not in source and "{" not in source:
        return []
    return [m.span() for m in _SCRIPT_TAG.finditer(source)]


_SCRIPT_TAG = lazy(
    r"\{/?[a-z]+(?:=[^{}\s]{0,40})?\}"
    r"|\[(?=[a-z0-9_])[a-z0-9_ .'’-]{0,60}(?<![ .])\]"
)


def _plain_prose(source: str) -> ProseView:
    comments = _comment_spans(source) + _script_tag_spans(source)
    text = _blank_ranges(source, comments) if comments else source
    if "*" not in text and "_" not in text:
        return ProseView(text=text)
    markers: list[_Range] = []
    bodies: list[_Range] = []
    nested = _plain_emphasis(text, markers, bodies)
    if not markers:
        return ProseView(text=text)
    text = _blank_markers(text, markers)
    # Bodies begin and end with a visible character unless a nested marker sat at the edge.
    emphasis = _trim_spans(text, bodies) if nested else tuple(starmap(Span, bodies))
    return ProseView(text=text, emphasis=emphasis)


def _plain_emphasis(text: str, markers: list[_Range], bodies: list[_Range]) -> bool:
    """Collect the markers of all emphasis and the bodies of the outermost; True if nested."""
    nested = False
    pending = [(0, len(text), 0)]
    while pending:
        start, end, depth = pending.pop()
        position = start
        closerless: dict[str, tuple[int, int]] = {}
        # Markers are rare, and str.find skips to them far faster than a regex scan would.
        for candidate in _marker_positions(text, start, end):
            if candidate < position:
                continue
            mark = text[candidate]
            run = _run_length(text, candidate, end)
            # Inside a run of markers no position can open (its neighbour is a marker).
            position = candidate + run
            known = closerless.get(mark)
            if known is not None and candidate < known[0] and run <= known[1]:
                continue  # an earlier opener found no closer before this paragraph ends
            match = _PLAIN_EMPHASIS[mark].match(text, candidate, end)
            if match is None:
                if _flanks_as_opener(text, candidate, run, start):
                    closerless[mark] = (_paragraph_end(text, candidate, end), run)
                continue
            position = match.end()
            body_start, body_end = match.span("body")
            # Ornament lines such as `*~*~*` pass the flanking rules; words do not.
            if _WORD_CHAR.search(text, body_start, body_end) is None:
                continue
            markers.append((candidate, body_start))
            markers.append((body_end, position))
            if depth == 0:
                bodies.append((body_start, body_end))
            if depth < _NESTING_LIMIT and (
                text.find("*", body_start, body_end) >= 0
                or text.find("_", body_start, body_end) >= 0
            ):
                pending.append((body_start, body_end, depth + 1))
        nested = nested or depth > 0
    markers.sort()
    return nested


# An opener that finds no closer proves there is none for any later opener of the same
# mark (and no longer run) in its paragraph; remembering that keeps a long paragraph of
# unclosed markers linear instead of quadratic.
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")


def _run_length(text: str, position: int, end: int) -> int:
    mark = text[position]
    stop = position
    while stop < end and text[stop] == mark:
        stop += 1
    return stop - position


def _flanks_as_opener(text: str, position: int, run: int, start: int) -> bool:
    before = text[position - 1] if position > start else " "
    after = text[position + run] if position + run < len(text) else " "
    return not (before.isalnum() or before in "_*\\") and not after.isspace()


def _paragraph_end(text: str, position: int, end: int) -> int:
    found = _PARAGRAPH_BREAK.search(text, position, end)
    return end if found is None else found.start()


def _marker_positions(text: str, start: int, end: int) -> list[int]:
    positions: list[int] = []
    for mark in "*_":
        found = text.find(mark, start, end)
        while found >= 0:
            positions.append(found)
            found = text.find(mark, found + 1, end)
    positions.sort()
    return positions


def _blank_markers(text: str, markers: list[_Range]) -> str:
    """``text`` with the sorted, disjoint, single-line ``markers`` turned into spaces."""
    parts: list[str] = []
    position = 0
    for start, end in markers:
        parts.append(text[position:start])
        parts.append(" " * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _trim_spans(text: str, spans: Iterable[_Range]) -> tuple[Span, ...]:
    """Sorted, disjoint spans as ``Span``s, trimmed of blanks that markers left at the edges."""
    result: list[Span] = []
    for first, last in spans:
        start, end = first, last
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append(Span(start, end))
    return tuple(result)


# ---------------------------------------------------------------------------------------------
# Markdown

# YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter: the first line must
# open it, and its first line of content must look like a key, so a story that starts with a
# `---` scene break is not mistaken for metadata.
_FRONT_MATTER = lazy(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n"
    r"(?:[ \t]*(?:\#[^\n]*)?\n)*"
    r"[ \t]*[\w\"'.-]+[ \t]*(?::(?=[ \t\n])|=)[^\n]*\n"
    r"(?:.*?\n)??"
    r"(?:(?P=fence)|\.\.\.)[ \t]*(?:\n|\Z)",
    DOTALL,
)
_BACKTICK_RUN = lazy(r"`+")
_HTML_EMPHASIS_OPEN = lazy(r"<(?:em|i|strong|b)(?:\s[^>]*)?>", IGNORECASE)
_HTML_EMPHASIS_CLOSE = lazy(r"</(?:em|i|strong|b)\s*>", IGNORECASE)
_THEMATIC_BREAK = lazy(r"[*_\-][*_\- \t]*")
_HEADING_MARKS = lazy(r"#+")
_INLINE_SPACE = " \t"
# Unclosed fences are re-read as text; this bounds the re-parses on pathological input.
_FENCE_RESCUES = 16


@cache
def _markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Keep escapes and entities as separate tokens whose markup is the source text, so the
    # inline tokens can be laid back over the source.
    parser.disable("text_join")
    # Manuscripts indent their paragraphs; an editor marks no indented code in a novel, and
    # reading those paragraphs as code would hide the whole story from every rule. Fenced
    # blocks stay code.
    parser.disable("code")
    return parser


def _markdown_prose(source: str) -> ProseView:
    # The parser folds CRLF into LF; a same-length stand-in keeps its line offsets ours.
    normal = source.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    if normal.startswith("\ufeff"):
        normal = " " + normal[1:]
    front = _FRONT_MATTER.match(normal)
    if front is not None:
        normal = _blank(front[0]) + normal[front.end() :]

    layout = _MarkdownLayout(normal)
    tokens = layout.parse()
    row = 0
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type == "tr_open":
            row = layout.starts[token.map[0]]
        elif token.type == "hr":
            layout.thematic_break(token.map[0])
        elif token.type == "inline":
            parent = tokens[index - 1] if index else token
            if parent.type in {"th_open", "td_open"}:
                row = layout.cell(token, row)
            elif parent.type == "heading_open" and parent.markup.startswith("#"):
                layout.atx_heading(token)
            else:
                layout.lines(token)

    text = _compose(source, _subtract(layout.keep, layout.blanks))
    return ProseView(text=text, emphasis=_finish_emphasis(text, layout.spans))


class _MisalignedError(Exception):
    """An inline token could not be found in the source at the expected place."""


@dataclass(slots=True)
class _Piece:
    """A stretch of an inline token's content that is a verbatim slice of the source."""

    content: int
    source: int
    length: int


class _MarkdownLayout:
    """Lays parsed Markdown over its source: what stays as prose, what is blanked.

    Everything outside ``keep`` is blanked: code, HTML blocks, reference definitions,
    container markers (``>``, list bullets), table pipes and heading ``#`` marks.
    """

    def __init__(self, normal: str) -> None:
        self.normal = normal
        self.starts = _line_starts(normal)
        self.keep: list[_Range] = []
        self.blanks: list[_Range] = []
        self.spans: list[_Range] = []

    def parse(self) -> list[Token]:
        """Parse, but read the opening line of an unclosed fence as text.

        CommonMark lets an unclosed fence run to the end of its container; in a manuscript
        that is usually a stray ``~~~`` scene break, and reading it as code would hide the
        rest of the story from every rule.
        """
        parser = _markdown_parser()
        text = self.normal
        for _ in range(_FENCE_RESCUES):
            tokens = parser.parse(text)
            opener = next((t for t in tokens if self._is_unclosed_fence(t)), None)
            if opener is None or opener.map is None:
                return tokens
            start, end = self._bounds(opener.map[0])
            self.keep.append((start + self._indent(start, end), end))
            text = text[:start] + " " * (end - start) + text[end:]
        return parser.parse(text)

    def _is_unclosed_fence(self, token: Token) -> bool:
        # A fence with an info string (```python) is surely code, closed or not.
        if token.type != "fence" or token.map is None or token.info.strip():
            return False
        first, stop = token.map
        if stop - 1 <= first:
            return True
        start, end = self._bounds(stop - 1)
        last = self.normal[start:end].strip(" \t>")
        mark = token.markup
        return not (last.startswith(mark) and last.strip(mark[0]) == "")

    def _bounds(self, line: int) -> _Range:
        starts, size = self.starts, len(self.normal)
        start = starts[line] if line < len(starts) else size
        end = starts[line + 1] - 1 if line + 1 < len(starts) else size
        return start, end

    def _indent(self, start: int, end: int) -> int:
        position = start
        while position < end and self.normal[position] in " \t>":
            position += 1
        return position - start

    def thematic_break(self, line: int) -> None:
        # `***` and `* * *` stay visible: they are scene breaks, and structure.py looks for them.
        start, end = self._bounds(line)
        found = _THEMATIC_BREAK.search(self.normal, start + self._indent(start, end), end)
        if found is not None:
            self.keep.append((found.start(), found.start() + len(found[0].rstrip(_INLINE_SPACE))))

    def lines(self, token: Token) -> None:
        """A paragraph or setext heading: each content line is the tail of its source line.

        Whatever precedes the tail (blockquote `>`, list bullets, indentation) stays blank.
        """
        assert token.map is not None
        pieces: list[_Piece] = []
        offset = 0
        for number, line in enumerate(token.content.split("\n")):
            start, end = self._bounds(token.map[0] + number)
            piece = _tail_piece(self.normal[start:end], start, line, offset)
            if piece is None:
                # Tabs in container indentation can yield content that is not in the source;
                # keep such lines as written.
                first, _ = self._bounds(token.map[0])
                _, last = self._bounds(token.map[1] - 1)
                self.keep.append((first + self._indent(first, last), last))
                return
            pieces.append(piece)
            offset += len(line) + 1
        self._inline(token, pieces)

    def atx_heading(self, token: Token) -> None:
        assert token.map is not None
        start, end = self._bounds(token.map[0])
        marks = _HEADING_MARKS.search(self.normal, start, end)
        if marks is None:
            return
        if not token.content:
            # A bare `#` is a scene break in many manuscripts: keep it as written.
            while end > marks.end() and self.normal[end - 1] in _INLINE_SPACE:
                end -= 1
            self.keep.append((marks.start(), end))
            return
        found = self.normal.find(token.content, marks.end(), end)
        if found >= 0:
            self._inline(token, [_Piece(0, found, len(token.content))])

    def cell(self, token: Token, cursor: int) -> int:
        """A table cell, searched for from ``cursor`` in its row; returns where it ends."""
        assert token.map is not None
        _, end = self._bounds(token.map[0])
        found = self.normal.find(token.content, cursor, end)
        if found < 0 or not token.content:
            # An escaped pipe is unescaped in the content; such a cell stays blank.
            return cursor
        self._inline(token, [_Piece(0, found, len(token.content))])
        return found + len(token.content)

    def _inline(self, token: Token, pieces: list[_Piece]) -> None:
        blanks, spans = _align_inline(token.content, token.children or [])
        anchors = [piece.content for piece in pieces]

        def at(offset: int) -> int:
            piece = pieces[max(bisect_right(anchors, offset) - 1, 0)]
            return piece.source + min(max(offset - piece.content, 0), piece.length)

        self.keep.extend((piece.source, piece.source + piece.length) for piece in pieces)
        self.blanks.extend((at(start), at(end - 1) + 1) for start, end in blanks if end > start)
        self.spans.extend((at(start), at(end - 1) + 1) for start, end in spans if end > start)


def _tail_piece(line_text: str, line_start: int, line: str, offset: int) -> _Piece | None:
    """Where content ``line`` (at content ``offset``) sits at the end of its source line."""
    body = line_text.rstrip(_INLINE_SPACE)
    wanted = line.rstrip(_INLINE_SPACE)
    skipped = 0
    if not body.endswith(wanted):
        stripped = wanted.lstrip(_INLINE_SPACE)
        if not body.endswith(stripped):
            return None
        skipped = len(wanted) - len(stripped)
        wanted = stripped
    return _Piece(offset + skipped, line_start + len(body) - len(wanted), len(wanted))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _align_inline(content: str, children: Sequence[Token]) -> tuple[list[_Range], list[_Range]]:
    """Lay the parser's inline tokens over ``content``: what to blank, what is emphasised.

    The parser does not record where inline tokens came from, but text tokens are verbatim
    slices and markers have known spellings, so a forward search finds each one. If a token
    cannot be found, the rest of the content is left as written.
    """
    aligner = _InlineAligner(content)
    try:
        for child in children:
            aligner.take(child)
    except _MisalignedError:
        pass
    return aligner.blanks, aligner.spans


class _InlineAligner:
    def __init__(self, content: str) -> None:
        self.content = content
        self.cursor = 0
        self.blanks: list[_Range] = []
        self.spans: list[_Range] = []
        self._open_emphasis: list[int] = []
        self._open_html_emphasis: list[int] = []
        self._in_autolink = False

    def _find(self, needle: str) -> int:
        found = self.content.find(needle, self.cursor)
        if found < 0:
            raise _MisalignedError(needle)
        return found

    def _skip(self, needle: str) -> None:
        self.cursor = self._find(needle) + len(needle)

    def _blank(self, needle: str) -> int:
        found = self._find(needle)
        self.cursor = found + len(needle)
        self.blanks.append((found, self.cursor))
        return found

    def take(self, token: Token) -> None:
        kind = token.type
        if self._in_autolink:
            if kind == "link_close":
                self._in_autolink = False
            return
        if kind == "text":
            self._skip(token.content)
        elif kind == "text_special":
            self._skip(token.markup)
        elif kind in {"softbreak", "hardbreak"}:
            newline = self._find("\n")
            if kind == "hardbreak":  # the trailing `\` or spaces that made the break
                self.blanks.append((self.cursor, newline))
            self.cursor = newline + 1
        elif kind in {"em_open", "strong_open"}:
            self._blank(token.markup)
            self._open_emphasis.append(self.cursor)
        elif kind in {"em_close", "strong_close"}:
            closer = self._blank(token.markup)
            if self._open_emphasis:
                self.spans.append((self._open_emphasis.pop(), closer))
        elif kind in {"s_open", "s_close"}:
            self._blank(token.markup)
        elif kind == "code_inline":
            self._take_code(token.markup)
        elif kind == "html_inline":
            self._take_html(token.content)
        elif kind == "link_open":
            self._take_link_open(token)
        elif kind == "link_close":
            self._take_link_close()
        elif kind == "image":
            self._take_image(token.content)

    def _take_code(self, marker: str) -> None:
        opener = self._blank(marker)
        for run in _BACKTICK_RUN.finditer(self.content, self.cursor):
            if len(run[0]) == len(marker):
                self.cursor = run.end()
                self.blanks.append((opener, self.cursor))
                return
        raise _MisalignedError(marker)

    def _take_html(self, tag: str) -> None:
        start = self._blank(tag)
        if _HTML_EMPHASIS_OPEN.fullmatch(tag):
            self._open_html_emphasis.append(self.cursor)
        elif _HTML_EMPHASIS_CLOSE.fullmatch(tag) and self._open_html_emphasis:
            self.spans.append((self._open_html_emphasis.pop(), start))

    def _take_link_open(self, token: Token) -> None:
        if token.markup == "autolink":
            opener = self._find("<")
            closer = self.content.find(">", opener)
            if closer < 0:
                raise _MisalignedError("<")
            self.cursor = closer + 1
            self.blanks.append((opener, self.cursor))
            self._in_autolink = True
        else:
            self._blank("[")

    def _take_link_close(self) -> None:
        closer = self._find("]")
        self.cursor = _link_tail_end(self.content, closer + 1)
        self.blanks.append((closer, self.cursor))

    def _take_image(self, label: str) -> None:
        opener = self._find("![")
        label_end = opener + 2 + len(label)
        if self.content[label_end : label_end + 1] != "]":
            raise _MisalignedError("![")
        self.cursor = _link_tail_end(self.content, label_end + 1)
        self.blanks.append((opener, self.cursor))


def _link_tail_end(content: str, position: int) -> int:
    """Where the destination after a link's ``]`` ends: ``(url "title")``, ``[ref]`` or ``[]``."""
    from markdown_it.helpers import (
        parseLinkDestination,
        parseLinkTitle,
    )

    size = len(content)
    if position < size and content[position] == "[":
        closer = content.find("]", position + 1)
        return closer + 1 if closer >= 0 else position
    if position >= size or content[position] != "(":
        return position
    cursor = _skip_spaces(content, position + 1)
    destination = parseLinkDestination(content, cursor, size)
    if destination.ok:
        cursor = destination.pos
    after = _skip_spaces(content, cursor)
    if after != cursor:
        title = parseLinkTitle(content, after, size)
        if title.ok:
            after = _skip_spaces(content, title.pos)
    if after < size and content[after] == ")":
        return after + 1
    return position


def _skip_spaces(content: str, position: int) -> int:
    while position < len(content) and content[position] in " \t\n":
        position += 1
    return position


def _subtract(keep: list[_Range], blanks: list[_Range]) -> list[_Range]:
    """The parts of the ``keep`` ranges that no ``blanks`` range covers, in order."""
    result: list[_Range] = []
    cuts = sorted(blanks)
    cut = 0
    for start, end in sorted(keep):
        while cut < len(cuts) and cuts[cut][1] <= start:
            cut += 1
        position = start
        probe = cut
        while probe < len(cuts) and cuts[probe][0] < end:
            cut_start, cut_end = cuts[probe]
            if cut_start > position:
                result.append((position, cut_start))
            position = max(position, cut_end)
            probe += 1
        if position < end:
            result.append((position, end))
    return result


def _compose(source: str, kept: list[_Range]) -> str:
    """``source`` with everything outside the ``kept`` ranges blanked."""
    parts: list[str] = []
    position = 0
    for first, end in kept:
        start = max(first, position)
        if end <= start:
            continue
        if start > position:
            parts.append(_blank(source[position:start]))
        parts.append(source[start:end])
        position = end
    parts.append(_blank(source[position:]))
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# HTML

_HTML_SPACE = " \t\n\r\f\xa0"
# Whitespace that does not read as one plain space: runs, and single tabs or line breaks.
_ODD_SPACE = lazy(r"[ \t\n\r\f\xa0]{2,}|[\t\n\r\f\xa0]")
_LINE_FEED = lazy(r"\n")

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
# Elements whose start implicitly ends an open paragraph (HTML's parsing rules).
_CLOSES_PARAGRAPH = _BLOCK_TAGS - {"li", "dd", "dt", "caption", "tbody", "tfoot", "thead", "tr"}
# Elements that end an open sibling of the same name.
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "tr"})
_CELL_TAGS = frozenset({"td", "th"})
_EMPHASIS_TAGS = frozenset({"em", "i", "strong", "b"})
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
# An <hr> is a scene break; the prose shows it the way a manuscript would.
_SCENE_BREAK = "***"


class _HtmlProse:
    """Builds the prose of an HTML document from parser events and their source offsets."""

    def __init__(self, source: str, unescape: Callable[[str], str]) -> None:
        self._source = source
        self._unescape = unescape
        self._parts: list[str] = []
        self._length = 0
        self._segments: list[tuple[int, int]] = []
        self._next_source = -1
        self._trailing_newlines = 0
        self._pending_space: int | None = None
        self._pending_break: tuple[int, int] | None = None
        self._blocks: list[str] = []
        self._pre = 0
        self._emphasis: list[tuple[int, int]] = []  # (text start, block depth) of open tags
        self._spans: list[_Range] = []
        self._skipping: str | None = None
        self._skip_depth = 0

    # -- output ---------------------------------------------------------------------------

    def _emit(self, piece: str, source_offset: int) -> None:
        if source_offset != self._next_source:
            self._segments.append((self._length, source_offset))
        self._parts.append(piece)
        self._length += len(piece)
        self._next_source = source_offset + len(piece)
        stripped = len(piece.rstrip("\n"))
        if stripped:
            self._trailing_newlines = len(piece) - stripped
        else:
            self._trailing_newlines += len(piece)

    def _flush(self) -> None:
        """Emit the break or space that waits for the next visible character."""
        if self._pending_break is not None:
            count, offset = self._pending_break
            self._pending_break = None
            self._pending_space = None
            missing = count - min(self._trailing_newlines, count)
            if self._length and missing:
                self._emit("\n" * missing, offset)
        elif self._pending_space is not None:
            offset = self._pending_space
            self._pending_space = None
            if self._length and not self._trailing_newlines:
                self._emit(" ", offset)

    def _word(self, piece: str, offset: int) -> None:
        if piece:
            self._flush()
            self._emit(piece, offset)

    def _space(self, offset: int) -> None:
        if self._pending_space is None:
            self._pending_space = offset

    def _break(self, count: int, offset: int) -> None:
        if self._pending_break is None:
            self._pending_break = (count, offset)
        else:
            waiting, first = self._pending_break
            self._pending_break = (max(waiting, count), first)

    # -- events ---------------------------------------------------------------------------

    def start_tag(self, tag: str, offset: int) -> None:
        if self._skipping is not None:
            if self._skipping == "head" and tag not in _HEAD_CONTENT:
                self._skipping = None  # a body element ends an unclosed <head>
            else:
                self._skip_depth += tag == self._skipping
                return
        if tag in _SKIPPED_TAGS:
            self._skipping, self._skip_depth = tag, 1
        elif tag in _BLOCK_TAGS:
            self._open_block(tag, offset)
        elif tag == "br":
            # One <br> breaks the line; two in a row (common in archive exports) a paragraph.
            if self._pending_break is None:
                self._pending_break = (1, offset)
            else:
                count, first = self._pending_break
                self._pending_break = (min(count + 1, 2), first)
        elif tag == "hr":
            if self._blocks and self._blocks[-1] == "p":
                self._close_blocks(len(self._blocks) - 1)
            self._break(2, offset)
            self._word(_SCENE_BREAK, offset)
            self._break(2, offset)
        elif tag in _CELL_TAGS:
            self._space(offset)
        elif tag in _EMPHASIS_TAGS:
            self._emphasis.append((self._length, len(self._blocks)))

    def end_tag(self, tag: str, offset: int) -> None:
        if self._skipping is not None:
            if tag == self._skipping:
                self._skip_depth -= 1
                if self._skip_depth <= 0:
                    self._skipping = None
            return
        if tag in _BLOCK_TAGS:
            if tag in self._blocks:
                depth = len(self._blocks) - 1 - self._blocks[::-1].index(tag)
                self._close_blocks(depth)
                self._break(2, offset)
            elif tag == "p":
                self._break(2, offset)  # browsers read a stray </p> as an empty paragraph
        elif tag in _CELL_TAGS:
            self._space(offset)
        elif tag in _EMPHASIS_TAGS and self._emphasis:
            start, _ = self._emphasis.pop()
            self._spans.append((start, self._length))

    def data(self, data: str, offset: int) -> None:
        if self._skipping is not None or not data:
            return
        if self._pre:
            self._word(data, offset)
            return
        if (
            data[0] not in _HTML_SPACE
            and data[-1] not in _HTML_SPACE
            and _ODD_SPACE.search(data) is None
        ):
            self._word(data, offset)  # the usual case: words and single spaces
            return
        core = data.strip(_HTML_SPACE)
        if not core:
            self._space(offset)
            return
        first = len(data) - len(data.lstrip(_HTML_SPACE))
        last = first + len(core)
        if first:
            self._space(offset)
        position = first
        for run in _ODD_SPACE.finditer(data, first, last):
            self._word(data[position : run.start()], offset + position)
            self._space(offset + run.start())
            position = run.end()
        self._word(data[position:last], offset + position)
        if last < len(data):
            self._space(offset + last)

    def reference(self, prefix: str, name: str, offset: int) -> None:
        """An entity (``&name;``) or character reference (``&#123;``) at ``offset``."""
        if self._skipping is not None:
            return
        raw = prefix + name
        if self._source.startswith(";", offset + len(raw)):
            raw += ";"
        decoded = self._unescape(raw)
        if decoded == raw:
            self._word(raw, offset)
        elif decoded.strip(_HTML_SPACE) == "" and not self._pre:
            self._space(offset)
        else:
            self._flush()
            for character in decoded:  # every decoded character points at the reference
                self._emit(character, offset)
                self._next_source = -1
            self._next_source = -1

    def _open_block(self, tag: str, offset: int) -> None:
        if self._blocks and (
            (tag in _CLOSES_PARAGRAPH and self._blocks[-1] == "p")
            or (tag in _SELF_CLOSING_SIBLINGS and self._blocks[-1] == tag)
        ):
            self._close_blocks(len(self._blocks) - 1)
        self._blocks.append(tag)
        self._pre += tag == "pre"
        self._break(2, offset)

    def _close_blocks(self, depth: int) -> None:
        """Close the blocks from ``depth`` up, and the emphasis opened inside them."""
        for tag in self._blocks[depth:]:
            self._pre -= tag == "pre"
        del self._blocks[depth:]
        while self._emphasis and self._emphasis[-1][1] > depth:
            start, _ = self._emphasis.pop()
            self._spans.append((start, self._length))

    def finish(self) -> ProseView:
        text = "".join(self._parts)
        for start, _ in self._emphasis:
            # An <i> never closed, outside any block: end it with its paragraph.
            end = text.find("\n\n", start)
            self._spans.append((start, end if end >= 0 else len(text)))
        return ProseView(
            text=text,
            emphasis=_finish_emphasis(text, self._spans),
            segments=tuple(self._segments),
        )


def _html_prose(source: str) -> ProseView:
    # html.parser costs ~20 ms to import; plain-text runs never need it.
    from html import unescape
    from html.parser import HTMLParser

    builder = _HtmlProse(source, unescape)
    line_starts: list[int] = [0, *(m.end() for m in _LINE_FEED.finditer(source))]

    class _Events(HTMLParser):
        def _offset(self) -> int:
            # The parser counts lines by LF only, so CR and CRLF sources agree with this.
            line, column = self.getpos()
            return line_starts[line - 1] + column

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            builder.start_tag(tag, self._offset())

        def handle_endtag(self, tag: str) -> None:
            builder.end_tag(tag, self._offset())

        def handle_data(self, data: str) -> None:
            builder.data(data, self._offset())

        def handle_entityref(self, name: str) -> None:
            builder.reference("&", name, self._offset())

        def handle_charref(self, name: str) -> None:
            builder.reference("&#", name, self._offset())

        def parse_html_declaration(self, i: int) -> int:
            # A malformed `<![` makes the standard parser raise after moving its position;
            # put the position back and let the parser read the markup as text.
            position = self.getpos()
            try:
                return super().parse_html_declaration(i)
            except AssertionError:
                self.lineno, self.offset = position
                return -1

    parser = _Events(convert_charrefs=False)
    parser.feed(source)
    # A malformed `&#` makes the parser stop early and wait for more input; give it none.
    remaining = len(parser.rawdata)
    while remaining:
        parser.feed("")
        if len(parser.rawdata) in {0, remaining}:
            break
        remaining = len(parser.rawdata)
    parser.close()
    return builder.finish()
