"""Property tests: whatever the text, the linter never raises and its spans are sound.

Hypothesis generates arbitrary Unicode, prose built from fiction-like pieces (so that every
rule family has something to report: typos, glued ellipses, tense slips, dashes, quotes), and
the same prose wrapped in Markdown or HTML. Each example checks the JSON contract's promises:
no exception, every span inside the text and on the line it names, the same diagnostics for
CRLF and LF line endings, and the same output on every run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from proselint_fic import Diagnostic, Linter  # noqa: E402
from proselint_fic.document.positions import LineIndex  # noqa: E402

# Pieces a manuscript is made of, defects included, so that generated prose reaches the
# rules' interesting branches instead of only their "nothing here" path.
_PIECE_TEXT = """She he walked walks into the the room and then.he stays. it was is eminating
    matress
    Mara Kovač said says "Wait," "No." “Yes,” ‘em dogs' ... .. . , - — self-
    discovery teh café naïve I had been gone tomorrow now yesterday CHAPTRE Tthe thatyou its
    it's 😀 a door swing open ( ) ? ! : ; wich fro"""
_PIECES = (
    *_PIECE_TEXT.split(),
    "\t",
    "\u00a0",
)

_prose_line = st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join)
_prose = st.lists(_prose_line, max_size=8).map("\n".join)
_unicode = st.text(max_size=300)


@st.composite
def _markdown(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.tuples(st.sampled_from(_MARKDOWN_SHAPES), _prose_line), max_size=6))
    return "\n\n".join(shape.format(line) for shape, line in blocks)


_MARKDOWN_SHAPES = (
    "{}",
    "# {}",
    "> {}",
    "- {}",
    "*{}*",
    "`{}`",
    "```\n{}\n```",
    "[{}](http://example.com/a.b)",
    "<!-- {} -->",
    "---\ntitle: {}\n---",
)


@st.composite
def _html(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.tuples(st.sampled_from(_HTML_SHAPES), _prose_line), max_size=6))
    body = "\n".join(shape.format(line) for shape, line in blocks)
    return f"<html><body>\n{body}\n</body></html>\n"


_HTML_SHAPES = (
    "<p>{}</p>",
    "<h1>{}</h1>",
    "<p><em>{}</em> &amp; &mdash; &#8230;</p>",
    "<script>{}</script>",
    "<pre>{}</pre>",
    "<p title='{}'>x</p>",
)

_LINTER = Linter(discover_config=False, entry_points=False)
# PROPERTY_EXAMPLES=2000 for a longer hunt; CI keeps the default short.
_SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _lint(text: str, path: str) -> list[Diagnostic]:
    return _LINTER.lint_text(text, path=path)


def _assert_spans_sound(text: str, diagnostics: Sequence[Diagnostic]) -> None:
    index = LineIndex(text)
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert index.position(d.start) == (d.line, d.column), d
        assert index.position(d.end) == (d.end_line, d.end_column), d
        assert 1 <= d.line <= d.end_line <= index.line_count, d


def _without_offsets(diagnostics: Sequence[Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (d.line, d.column, d.end_line, d.end_column, d.rule, d.message, d.replacements)
        for d in diagnostics
    ]


@_SETTINGS
@given(text=st.one_of(_unicode, _prose))
def test_plain_text_never_raises_and_spans_are_sound(text: str) -> None:
    _assert_spans_sound(text, _lint(text, "story.txt"))


@_SETTINGS
@given(text=_markdown())
def test_markdown_spans_are_sound(text: str) -> None:
    _assert_spans_sound(text, _lint(text, "story.md"))


@_SETTINGS
@given(text=_html())
def test_html_spans_are_sound(text: str) -> None:
    _assert_spans_sound(text, _lint(text, "story.html"))


@_SETTINGS
@given(text=st.one_of(_prose, _markdown()), suffix=st.sampled_from([".txt", ".md"]))
def test_crlf_and_lf_give_the_same_diagnostics(text: str, suffix: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    crlf = lf.replace("\n", "\r\n")
    path = "story" + suffix
    assert _without_offsets(_lint(crlf, path)) == _without_offsets(_lint(lf, path))


@_SETTINGS
@given(text=st.one_of(_prose, _unicode, _html()))
def test_output_is_deterministic(text: str) -> None:
    first = _lint(text, "story.html" if text.startswith("<html>") else "story.txt")
    again = _lint(text, "story.html" if text.startswith("<html>") else "story.txt")
    fresh = Linter(discover_config=False, entry_points=False).lint_text(
        text, path="story.html" if text.startswith("<html>") else "story.txt"
    )
    assert first == again == fresh


def test_the_generated_pieces_reach_every_rule_family() -> None:
    """Guards the strategies: prose made of these pieces must give the rules work to do."""
    text = " ".join(_PIECES) + "\n" + " ".join(reversed(_PIECES))
    categories = {d.category for d in _lint(text, "story.txt")}
    assert {"typo", "ellipsis", "punctuation"} <= categories
