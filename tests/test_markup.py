"""Markup → prose: what rules see of plain text, Markdown and HTML, and the way back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from proselint_fic.document.markup import ProseView, extract_prose, markup_for_path
from proselint_fic.document.structure import find_paragraphs, find_scenes, is_scene_break

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def emphasised(view: ProseView) -> list[str]:
    return [view.text[span.start : span.end] for span in view.emphasis]


def words(text: str) -> list[str]:
    return text.split()


def assert_maps_back(source: str, view: ProseView) -> None:
    """Every letter and digit of the prose is the character it maps to in the source."""
    for index, character in enumerate(view.text):
        if character.isalnum():
            assert source[view.to_source(index)] == character, (index, character)


def assert_same_shape(source: str, view: ProseView) -> None:
    """Plain text and Markdown keep the source's length and every line break in place."""
    assert view.segments is None
    assert len(view.text) == len(source)
    for index, character in enumerate(source):
        if character in "\r\n":
            assert view.text[index] == character, index


def assert_emphasis_well_formed(view: ProseView) -> None:
    previous_end = -1
    for span in view.emphasis:
        assert previous_end <= span.start < span.end <= len(view.text)
        previous_end = span.end


# --- markup_for_path -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "markup"),
    [
        ("story.md", "markdown"),
        ("Story.MARKDOWN", "markdown"),
        ("ch1.html", "html"),
        ("ch1.htm", "html"),
        ("chapter.xhtml", "html"),
        ("draft.txt", "plain"),
        ("README", "plain"),
        (None, "plain"),
    ],
)
def test_markup_for_path(path: str | None, markup: str) -> None:
    assert markup_for_path(path) == markup


@pytest.mark.parametrize("markup", ["plain", "markdown", "html"])
def test_empty_source(markup: str) -> None:
    view = extract_prose("", markup)  # type: ignore[arg-type]
    assert view.text == ""
    assert view.emphasis == ()
    assert view.to_source(0) == 0


# --- plain text ------------------------------------------------------------------------


def test_plain_text_without_markup_is_the_source() -> None:
    source = "She left.\n\nHe stayed, and the rain kept on.\n"
    view = extract_prose(source, "plain")
    assert view.text == source
    assert view.emphasis == ()
    assert view.to_source(5) == 5


def test_plain_comments_are_blanked_with_line_breaks_kept() -> None:
    source = "One <!-- proselint-fic: disable spelling --> two.\n<!-- a\nlong note -->\nthree"
    view = extract_prose(source, "plain")
    assert_same_shape(source, view)
    assert words(view.text) == ["One", "two.", "three"]
    assert view.text.count("\n") == source.count("\n")


def test_plain_script_tags_are_blanked() -> None:
    source = (
        "{i}Wait.{/i}{w=0.5} [player_name] looks a little lost[else if jake-cocapn is "
        "false]. Jake waves.[one of] He grins.[or] He nods.[stopping] [He meant the king.]"
    )
    view = extract_prose(source, "plain")
    assert_same_shape(source, view)
    assert words(view.text) == [
        "Wait.", "looks", "a", "little", "lost", ".", "Jake", "waves.", "He", "grins.", "He",
        "nods.", "[He", "meant", "the", "king.]",
    ]  # fmt: skip


def test_script_tags_hide_their_code_from_the_typo_rules() -> None:
    from proselint_fic import lint_text

    found = lint_text("Jake looks a little llost[if sco-near-null is false] today.\n")
    assert [(d.rule, d.replacements[:1]) for d in found] == [("typo.unknown-word", ("lost",))]


def test_plain_unclosed_comment_is_left_alone() -> None:
    source = "Before <!-- never closed\n\nafter."
    assert extract_prose(source, "plain").text == source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("He said *no*, twice.", ["no"]),
        ("It was _her_ fault.", ["her"]),
        ("It was **never** that.", ["never"]),
        ("A ***loud*** bang.", ["loud"]),
        ("*Breathe.* She did.", ["Breathe."]),
        ('*"Go,"* she thought.', ['"Go,"']),
        ("*I can't do this* he thought.", ["I can't do this"]),
        ("Two *words* and *three*.", ["words", "three"]),
        ("*café au lait*", ["café au lait"]),
    ],
)
def test_plain_emphasis(source: str, expected: list[str]) -> None:
    view = extract_prose(source, "plain")
    assert_same_shape(source, view)
    assert emphasised(view) == expected
    assert "*" not in view.text.replace("* * *", "")
    assert_maps_back(source, view)


def test_plain_emphasis_markers_become_spaces() -> None:
    view = extract_prose("He said *no*.", "plain")
    assert view.text == "He said  no ."


@pytest.mark.parametrize(
    "source",
    [
        "* * *",
        "***",
        "*~*~*~*",
        "* first item\n* second item",
        "The answer is 2*3*4 or so.",
        "call snake_case_name now",
        "A lone * asterisk * here.",
        "An *unclosed thought, never ended.",
        "F***ing hell.",
        "Escaped \\*not emphasis\\*.",
        "Spaced * out * words.",
        "_ _ _",
    ],
)
def test_plain_not_emphasis(source: str) -> None:
    view = extract_prose(source, "plain")
    assert view.text == source
    assert view.emphasis == ()


def test_plain_scene_break_between_emphasis_stays() -> None:
    source = "*One.*\n\n* * *\n\n*Two.*"
    view = extract_prose(source, "plain")
    assert emphasised(view) == ["One.", "Two."]
    assert "* * *" in view.text


def test_plain_emphasis_stays_within_a_paragraph() -> None:
    source = "He *started\n\nand* stopped."
    view = extract_prose(source, "plain")
    assert view.text == source
    assert view.emphasis == ()


def test_plain_emphasis_may_cross_a_wrapped_line() -> None:
    source = "It was _a very\nlong thought_ indeed."
    view = extract_prose(source, "plain")
    assert emphasised(view) == ["a very\nlong thought"]


def test_plain_nested_emphasis_is_one_span_and_all_markers_go() -> None:
    view = extract_prose("*outer _inner_ outer* and **bold *ital* bold**", "plain")
    assert emphasised(view) == ["outer  inner  outer", "bold  ital  bold"]
    assert "*" not in view.text
    assert "_" not in view.text
    assert_emphasis_well_formed(view)


def test_plain_crlf() -> None:
    source = "*First* line.\r\nSecond *line*.\r\n\r\n*Not\r\n\r\nclosed*\r\n"
    view = extract_prose(source, "plain")
    assert_same_shape(source, view)
    assert emphasised(view) == ["First", "line"]
    assert "*Not" in view.text


def test_plain_multibyte_character_before_markup() -> None:
    source = "Zoë smiled 😀 and said *yes* — née Ångström *again*."
    view = extract_prose(source, "plain")
    assert_same_shape(source, view)
    assert emphasised(view) == ["yes", "again"]
    start = view.emphasis[0].start
    assert source[start : start + 3] == "yes"


def test_plain_long_manuscript() -> None:
    # About 700 KB, with an emphasised word or two a paragraph as in fan fiction. Its speed
    # is measured by benchmarks/bench.py (document.prose), not asserted here.
    plain = (
        "She had trusted the ferryman once, before the night the river froze and he came "
        "back alone, his lantern out and his coat stiff with ice. Nobody asked him where "
        "the others were. Nobody had to. The village knew the answer the way it knew the "
        "weather, from the ache in old bones and the silence of the dogs.\n\n"
    )
    emphatic = '"Go," she said, and *meant* it. _Liar_, she thought, watching him go.\n\n'
    source = (plain * 3 + emphatic) * (700_000 // (len(plain) * 3 + len(emphatic)))
    view = extract_prose(source, "plain")
    assert len(view.emphasis) > 1000
    assert_same_shape(source, view)


# --- Markdown --------------------------------------------------------------------------


def md(source: str) -> ProseView:
    view = extract_prose(source, "markdown")
    assert_same_shape(source, view)
    assert_maps_back(source, view)
    assert_emphasis_well_formed(view)
    return view


def test_markdown_plain_paragraphs_pass_through() -> None:
    source = "She left.\n\nHe stayed.\n"
    assert md(source).text == source


def test_markdown_yaml_front_matter() -> None:
    source = "---\ntitle: The Long Road\nauthor: someone\n---\n\nShe walked.\n"
    assert words(md(source).text) == ["She", "walked."]


def test_markdown_toml_front_matter() -> None:
    source = '+++\ntitle = "The Long Road"\n+++\nShe walked.\n'
    assert words(md(source).text) == ["She", "walked."]


def test_markdown_leading_scene_break_is_not_front_matter() -> None:
    source = "---\n\nShe walked.\n\n---\n\nHe ran.\n"
    view = md(source)
    assert words(view.text) == ["---", "She", "walked.", "---", "He", "ran."]


def test_markdown_fenced_code_is_hidden() -> None:
    source = "Before.\n\n```python\nprint('x')\n```\n\n~~~\nmore code\n~~~\n\nAfter.\n"
    assert words(md(source).text) == ["Before.", "After."]


def test_markdown_indented_paragraphs_are_prose() -> None:
    # Manuscripts indent paragraphs; in CommonMark that would make them code blocks.
    source = "Before.\n\n    She walked in.\n    He sat down.\n\n\tA tabbed one.\n"
    view = md(source)
    assert words(view.text) == [
        "Before.",
        "She",
        "walked",
        "in.",
        "He",
        "sat",
        "down.",
        "A",
        "tabbed",
        "one.",
    ]
    assert view.text.index("She") == source.index("She")


def test_markdown_html_blocks_and_comments() -> None:
    source = (
        "<div class='note'>\nsecret markup\n</div>\n\n"
        "<!-- proselint-fic: disable -->\n\n"
        "Text <!-- inline note --> and <span>kept</span>.\n"
    )
    assert words(md(source).text) == ["Text", "and", "kept", "."]


def test_markdown_inline_code() -> None:
    view = md("Type `rm -rf` and ``a ` b`` now.")
    assert words(view.text) == ["Type", "and", "now."]


def test_markdown_links_keep_their_text() -> None:
    source = (
        'See [the map](https://example.com/map "Map") and [the inn][inn] and [the well].\n\n'
        "[inn]: https://example.com/inn\n"
        "[the well]: <https://example.com/well> 'Well'\n"
    )
    view = md(source)
    assert words(view.text) == ["See", "the", "map", "and", "the", "inn", "and", "the", "well", "."]


def test_markdown_images_and_autolinks() -> None:
    view = md("Look ![a *map*](map.png) here <https://example.com> and <me@example.com>.")
    assert words(view.text) == ["Look", "here", "and", "."]
    assert view.emphasis == ()


def test_markdown_emphasis() -> None:
    view = md("He said *no*, _never_, **really**, ***both*** and ~~gone~~.")
    assert emphasised(view) == ["no", "never", "really", "both"]
    expected = ["He", "said", "no", ",", "never", ",", "really", ",", "both", "and", "gone", "."]
    assert words(view.text) == expected


def test_markdown_nested_emphasis() -> None:
    view = md("*a **b** c* and **d *e* f**")
    assert emphasised(view) == ["a   b   c", "d  e  f"]
    assert "*" not in view.text


def test_markdown_unclosed_and_escaped_emphasis_stay_literal() -> None:
    view = md("An *unclosed thought and \\*escaped\\* stars.")
    assert view.emphasis == ()
    assert "*unclosed" in view.text
    assert "\\*escaped\\*" in view.text


def test_markdown_inline_html_emphasis() -> None:
    view = md("She thought <em>not again</em> and <i>left</i>.")
    assert emphasised(view) == ["not again", "left"]


def test_markdown_headings_keep_their_text() -> None:
    source = "## Chapter Three\n\nText.\n\nPrologue\n========\n\nMore *text* ##\n"
    view = md(source)
    assert words(view.text) == ["Chapter", "Three", "Text.", "Prologue", "More", "text", "##"]
    paragraphs = find_paragraphs(view.text)
    assert is_scene_break(view.text, paragraphs[0])


def test_markdown_closing_heading_marks_are_blanked() -> None:
    assert words(md("# The End #\n").text) == ["The", "End"]


def test_markdown_scene_breaks_stay_visible() -> None:
    source = "One.\n\n#\n\nTwo.\n\n***\n\nThree.\n\n* * *\n\nFour.\n"
    view = md(source)
    assert words(view.text) == ["One.", "#", "Two.", "***", "Three.", "*", "*", "*", "Four."]
    assert len(find_scenes(view.text, find_paragraphs(view.text))) == 4


def test_markdown_blockquotes_and_lists() -> None:
    source = "> She wrote:\n> *Come home.*\n\n- first\n- second\n  wrapped\n1. numbered\n"
    view = md(source)
    expected = ["She", "wrote:", "Come", "home.", "first", "second", "wrapped", "numbered"]
    assert words(view.text) == expected
    assert emphasised(view) == ["Come home."]


def test_markdown_tables() -> None:
    source = "| Name | Role |\n|------|:----:|\n| Mara | *pilot* |\n"
    view = md(source)
    assert words(view.text) == ["Name", "Role", "Mara", "pilot"]
    assert emphasised(view) == ["pilot"]


def test_markdown_hard_breaks() -> None:
    view = md("Line one\\\nline two  \nline three")
    assert words(view.text) == ["Line", "one", "line", "two", "line", "three"]


def test_markdown_entities_stay_as_written() -> None:
    view = md("Fish &amp; chips")
    assert view.text == "Fish &amp; chips"


def test_markdown_crlf() -> None:
    source = "# Title\r\n\r\nShe said *yes*.\r\n\r\n```\r\ncode\r\n```\r\n\r\n> quoted\r\n"
    view = md(source)
    assert words(view.text) == ["Title", "She", "said", "yes", ".", "quoted"]
    assert emphasised(view) == ["yes"]


def test_markdown_multibyte_character_before_markup() -> None:
    source = "Zoë 😀 said *oui* [là](https://x.fr) — `naïve` **Ångström**."
    view = md(source)
    assert words(view.text) == ["Zoë", "😀", "said", "oui", "là", "—", "Ångström", "."]
    assert emphasised(view) == ["oui", "Ångström"]


def test_markdown_unclosed_fence_with_language_runs_to_the_end() -> None:
    source = "Before.\n\n```python\nprint('x')\n\nStill code.\n"
    assert words(md(source).text) == ["Before."]


def test_markdown_stray_bare_fence_does_not_swallow_the_story() -> None:
    source = "Scene one.\n\n~~~\n\nScene two, *long* after.\n"
    view = md(source)
    assert words(view.text) == ["Scene", "one.", "~~~", "Scene", "two,", "long", "after."]
    assert emphasised(view) == ["long"]


def test_markdown_closed_fence_inside_a_blockquote() -> None:
    source = "> ```\n> code\n> ```\n> Text.\n"
    assert words(md(source).text) == ["Text."]


def test_markdown_emphasis_spanning_lines_in_a_blockquote() -> None:
    source = "> He *thought\n> twice* then.\n"
    view = md(source)
    assert emphasised(view) == ["thought\n  twice"]


def test_markdown_bom_before_heading() -> None:
    view = md("\ufeff# Chapter One\n\nText.\n")
    assert words(view.text) == ["Chapter", "One", "Text."]


# --- HTML ------------------------------------------------------------------------------


def html(source: str) -> ProseView:
    view = extract_prose(source, "html")
    assert view.segments is not None
    assert_maps_back(source, view)
    assert_emphasis_well_formed(view)
    return view


def test_html_paragraphs_and_skipped_elements() -> None:
    source = (
        "<!DOCTYPE html><html><head><title>Work title</title>"
        "<style>p { color: red }</style><script>var x = 1;</script></head>"
        "<body><!-- a comment --><h2>Chapter 1</h2>\n<p>She left.</p>\n<p>He stayed.</p>"
        "<script>if (a < b) { alert('x') }</script></body></html>"
    )
    assert html(source).text == "Chapter 1\n\nShe left.\n\nHe stayed."


def test_html_entities_are_decoded_and_map_to_their_start() -> None:
    source = "<p>She&rsquo;d said&nbsp;it&#8230; &#x2014;twice&mdash; &amp; more.</p>"
    view = html(source)
    assert view.text == "She’d said it… —twice— & more."
    for character, entity in [("’", "&rsquo;"), ("…", "&#8230;"), ("—", "&#x2014;")]:
        index = view.text.index(character)
        assert view.to_source(index) == source.index(entity)
    assert view.to_source(view.text.index("said")) == source.index("said")
    assert view.to_source(view.text.index("more")) == source.index("more")


def test_html_unknown_entities_and_bare_ampersands_stay() -> None:
    view = html("<p>AT&T and &bogus; and &#xzz; and a < b.</p>")
    assert view.text == "AT&T and &bogus; and &#xzz; and a < b."


def test_html_whitespace_collapses() -> None:
    source = "<div>\n  <p>\n    One   two\n    three\t four\n  </p>\n\n\n  <p>Five</p>\n</div>"
    view = html(source)
    assert view.text == "One two three four\n\nFive"
    assert view.to_source(view.text.index("three")) == source.index("three")


def test_html_line_breaks() -> None:
    view = html("<p>Line one<br>line two<br/><br/>New paragraph</p>")
    assert view.text == "Line one\nline two\n\nNew paragraph"


def test_html_break_characters_map_to_their_tag() -> None:
    source = "<p>One</p><p>Two<br>three</p>"
    view = html(source)
    first_break = view.text.index("\n")
    assert source[view.to_source(first_break)] == "<"
    line_break = view.text.index("\nthree")
    assert source.startswith("<br>", view.to_source(line_break))


def test_html_horizontal_rule_is_a_scene_break() -> None:
    source = "<p>Scene one.</p><hr/><p>Scene two.</p>"
    view = html(source)
    assert view.text == "Scene one.\n\n***\n\nScene two."
    assert source.startswith("<hr/>", view.to_source(view.text.index("***")))
    assert len(find_scenes(view.text, find_paragraphs(view.text))) == 2


def test_html_emphasis() -> None:
    view = html("<p>She <em>knew</em>. <i>Run</i>, she <b>thought</b> <em>now <i>now</i></em>.</p>")
    assert emphasised(view) == ["knew", "Run", "thought", "now now"]


def test_html_lists_and_tables() -> None:
    view = html("<ul><li>one<li>two</ul><table><tr><td>a</td><td>b</td></tr></table>")
    assert view.text == "one\n\ntwo\n\na b"


def test_html_pre_keeps_its_whitespace() -> None:
    view = html("<p>Poem:</p><pre>  one\n    two</pre>")
    assert view.text == "Poem:\n\n  one\n    two"


def test_html_unclosed_tags() -> None:
    source = "<p>She said <i>wait\n<p>He <em>ran</div> off.<p>Last <b>word"
    view = html(source)
    assert view.text == "She said wait\n\nHe ran off.\n\nLast word"
    # A stray </div> closes nothing, as in a browser; each <p> ends the one before.
    assert emphasised(view) == ["wait", "ran off.", "word"]


def test_html_unclosed_emphasis_outside_blocks_ends_with_its_paragraph() -> None:
    view = html("Loose <i>italic text<br><br>Next paragraph")
    assert emphasised(view) == ["italic text"]


def test_html_unclosed_head_does_not_hide_the_body() -> None:
    view = html("<html><head><title>T</title><p>Story text.</p>")
    assert view.text == "Story text."


def test_html_stray_end_tags_and_truncated_tag() -> None:
    view = html("</i></p>Text</em> here <p")
    assert words(view.text)[:2] == ["Text", "here"]


def test_html_crlf() -> None:
    source = "<p>One\r\ntwo</p>\r\n\r\n<p>Three&rsquo;s</p>\r\n"
    view = html(source)
    assert view.text == "One two\n\nThree’s"


def test_html_multibyte_character_before_markup() -> None:
    source = "<p>Zoë 😀 said <em>oui</em> &mdash; Ångström&hellip;</p>"
    view = html(source)
    assert view.text == "Zoë 😀 said oui — Ångström…"
    assert emphasised(view) == ["oui"]
    assert view.to_source(view.text.index("oui")) == source.index("oui")


def test_html_attributes_are_not_prose() -> None:
    view = html('<p class="x" title="Not prose">Prose <img alt="no" src="a.png"> here</p>')
    assert view.text == "Prose here"


# --- cold start and the corpus ---------------------------------------------------------


def test_parsers_load_only_when_needed() -> None:
    code = (
        "import sys\n"
        "from proselint_fic.document.markup import extract_prose\n"
        "extract_prose('*a* b', 'plain')\n"
        "print('markdown_it' in sys.modules, 'html.parser' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not present")
@pytest.mark.parametrize("markup", ["plain", "markdown"])
def test_corpus_keeps_shape_and_maps_back(markup: str) -> None:
    for path in sorted(CORPUS.glob("*/*.txt")):
        source = path.read_text(encoding="utf-8")
        view = extract_prose(source, markup)  # type: ignore[arg-type]
        assert_same_shape(source, view)
        assert_maps_back(source, view)
        assert_emphasis_well_formed(view)
