"""Dialogue detection: which stretches of a manuscript are speech."""

from __future__ import annotations

import pytest

from proselint_fic.document.speech import SpeechMap, choose_quote_style, find_speech
from proselint_fic.document.structure import Span, find_paragraphs


def speech(text: str) -> SpeechMap:
    return find_speech(text, find_paragraphs(text))


def dialogue(text: str) -> list[str]:
    return [text[span.start : span.end] for span in speech(text).spans]


# --- double quotes ----------------------------------------------------------------------


def test_straight_double_quotes() -> None:
    text = '"Hello," she said. "Come in, it\'s cold."'
    assert dialogue(text) == ['"Hello,"', '"Come in, it\'s cold."']


def test_curly_double_quotes() -> None:
    text = "\u201cHello,\u201d she said. \u201cCome in.\u201d He did."
    assert dialogue(text) == ["\u201cHello,\u201d", "\u201cCome in.\u201d"]


def test_odd_straight_quote_count_runs_to_paragraph_end() -> None:
    text = '"Hello," she said. "And then we left\n\nNarration resumes here.'
    found = speech(text)
    assert [text[s.start : s.end] for s in found.spans] == ['"Hello,"', '"And then we left']
    assert found.closed == (True, False)
    assert not found.contains(text.index("Narration"))


def test_missing_opening_quote_at_paragraph_start() -> None:
    text = 'Hello there," she said. "Bye."'
    assert dialogue(text) == ['Hello there,"', '"Bye."']


def test_curly_quote_after_dash_curled_the_wrong_way() -> None:
    # Word processors curl a quote after a dash as a closing one; the context wins.
    text = "\u201cIt\u2019ll be our\u201d\u2014she leaned closer\u2014\u201dsecret.\u201d"
    assert dialogue(text) == ["\u201cIt\u2019ll be our\u201d", "\u201dsecret.\u201d"]


# --- single quotes and apostrophes --------------------------------------------------------


def test_curly_single_quote_dialogue() -> None:
    text = "\u2018I don\u2019t know,\u2019 she said. \u2018We\u2019re off.\u2019"
    assert speech(text).quote_style == "single"
    assert dialogue(text) == ["\u2018I don\u2019t know,\u2019", "\u2018We\u2019re off.\u2019"]


def test_straight_single_quote_dialogue() -> None:
    text = "'Don't be daft,' he said. 'We're late.'"
    assert speech(text).quote_style == "single"
    assert dialogue(text) == ["'Don't be daft,'", "'We're late.'"]


APOSTROPHES = (
    "They don't stop. He was goin' fast, so we ran 'em off the road 'cause of the fog, "
    "and waited 'til dawn. Back in the '90s we played rock 'n' roll in the boys' car. "
    "James' hat was gone by five o'clock, y'know."
)


@pytest.mark.parametrize("quote", ["'", "\u2019"])
def test_apostrophes_in_narration_are_not_dialogue(quote: str) -> None:
    narration = APOSTROPHES.replace("'", quote)
    opener = "'" if quote == "'" else "\u2018"
    text = f"{opener}Right,{quote} she said.\n\n{narration}\n\n{opener}Fine.{quote}"
    found = speech(text)
    assert found.quote_style == "single"
    assert [text[s.start : s.end] for s in found.spans] == [
        f"{opener}Right,{quote}",
        f"{opener}Fine.{quote}",
    ]


@pytest.mark.parametrize("quote", ["'", "\u2019"])
def test_apostrophes_inside_single_quoted_speech(quote: str) -> None:
    line = "'We're goin' home, 'cause it's late an' the boys' car is cold,' he said."
    text = line.replace("'", quote)
    if quote != "'":
        text = "\u2018" + text[1:]
    assert dialogue(text) == [text[: text.index(" he said")]]


def test_dropped_g_at_the_end_of_speech() -> None:
    text = "'Where you goin'?' she asked. 'Nothin'.'"
    assert dialogue(text) == ["'Where you goin'?'", "'Nothin'.'"]


def test_speech_opening_on_an_elided_word() -> None:
    text = "'cause I said so,' he muttered. ''Tis late,' she said."
    assert dialogue(text) == ["'cause I said so,'", "''Tis late,'"]


def test_h_dropped_words_inside_speech() -> None:
    text = "'I'll 'ave a pint, then,' he said."
    assert dialogue(text) == ["'I'll 'ave a pint, then,'"]


# --- speech over paragraphs ---------------------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d")])
def test_speech_running_over_paragraphs(opening: str, closing: str) -> None:
    text = (
        f"{opening}The first part of a long story.\n\n"
        f"{opening}The second part of it.\n\n"
        f"{opening}And the end,{closing} she said.\n\n"
        "Then the room was quiet."
    )
    found = speech(text)
    assert [text[s.start : s.end] for s in found.spans] == [
        f"{opening}The first part of a long story.",
        f"{opening}The second part of it.",
        f"{opening}And the end,{closing}",
    ]
    assert found.closed == (False, False, True)
    assert not found.contains(text.index("Then"))


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = '"This never closes.\n\nThis is narration, with no quote at all.\n\n"Hi."'
    found = speech(text)
    assert [text[s.start : s.end] for s in found.spans] == ['"This never closes.', '"Hi."']
    assert not found.contains(text.index("narration"))


def test_single_quoted_speech_running_over_paragraphs() -> None:
    text = "'The first part.\n\n'The second part.\n\n'The end,' she said.\n\nQuiet."
    assert dialogue(text) == ["'The first part.", "'The second part.", "'The end,'"]


# --- interruptions --------------------------------------------------------------------------


def test_interrupted_by_a_beat_straight() -> None:
    text = '"It\'ll be our"\u2014she leaned closer\u2014"secret."'
    assert dialogue(text) == ['"It\'ll be our"', '"secret."']
    assert not speech(text).contains(text.index("leaned"))


def test_interrupted_by_a_tag_curly() -> None:
    text = "\u201cI\u2014\u201d he began. \u201cI mean\u2026\u201d"
    assert dialogue(text) == ["\u201cI\u2014\u201d", "\u201cI mean\u2026\u201d"]
    assert not speech(text).contains(text.index("began"))


def test_interrupted_single_quotes() -> None:
    text = "'It'll be our'\u2014she leaned closer\u2014'secret.' Then: 'It'\u2014a pause\u2014'is.'"
    assert dialogue(text) == ["'It'll be our'", "'secret.'", "'It'", "'is.'"]


# --- nesting ---------------------------------------------------------------------------------


def test_single_quotes_nested_in_double() -> None:
    text = "\"She said 'no' to me.\" He shrugged. \u201cHe told me, \u2018Run.\u2019\u201d"
    assert speech(text).quote_style == "double"
    assert dialogue(text) == [
        "\"She said 'no' to me.\"",
        "\u201cHe told me, \u2018Run.\u2019\u201d",
    ]


def test_double_quotes_nested_in_single() -> None:
    text = "\u2018He told me, \u201cRun.\u201d\u2019 She ran. 'So I did,' he said."
    assert dialogue(text) == ["\u2018He told me, \u201cRun.\u201d\u2019", "'So I did,'"]


# --- quotes that are not dialogue -------------------------------------------------------------


def test_inch_marks_are_not_quotes() -> None:
    text = 'He is 5\'11" and she is 5\'4" tall. "Hi," he said.'
    assert dialogue(text) == ['"Hi,"']


def test_inch_mark_inside_speech() -> None:
    text = '"I need a 6" blade," he said. "Now."'
    assert dialogue(text) == ['"I need a 6" blade,"', '"Now."']


@pytest.mark.parametrize(
    "text",
    [
        'She quoted the so-called "experts" again.',
        'The song "Blue Moon" played on.',
        'They lived in a town called "Hope" for years.',
        'The "experts" say it works.',
        "She quoted the so-called 'experts' again, 'til he left.",
    ],
)
def test_quoted_terms_in_narration(text: str) -> None:
    assert dialogue(text) == []


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ('"Yes" she said.', '"Yes"'),
        ('"Fine" Harry answered quietly.', '"Fine"'),
        ('"Maybe" said Harry.', '"Maybe"'),
        ('She said "never" and left.', '"never"'),
        ('He whispered, "run" and ran.', '"run"'),
        ('Then "Wait!" and nothing more.', '"Wait!"'),
        ('"No," she said.', '"No,"'),
        ('"Stop\u2014" The door slammed.', '"Stop\u2014"'),
        ('"Okay"', '"Okay"'),
    ],
)
def test_short_quotes_that_are_speech(text: str, spoken: str) -> None:
    assert dialogue(text) == [spoken]


# --- quote style --------------------------------------------------------------------------------


def test_quote_style_double_with_nested_singles() -> None:
    text = "\"He said, 'Go.' So I went,\" she said. \"Fine.\" 'Rare,' he said."
    assert choose_quote_style(text) == "double"


def test_quote_style_single_with_double_scare_quotes() -> None:
    text = (
        "'Come in,' she said. 'Sit.'\n\nThe \"experts\" were wrong.\n\n'I know,' he said. 'Thanks.'"
    )
    assert choose_quote_style(text) == "single"
    assert dialogue(text) == ["'Come in,'", "'Sit.'", "'I know,'", "'Thanks.'"]


def test_quote_style_without_quotes() -> None:
    assert choose_quote_style("He didn't go. It's the boys' car.") == "double"
    assert speech("He didn't go.").spans == ()


def test_explicit_quote_style() -> None:
    text = "'Hi,' she said. \"Hey,\" he said."
    found = find_speech(text, find_paragraphs(text), "double")
    assert found.quote_style == "double"
    assert [text[s.start : s.end] for s in found.spans] == ['"Hey,"']


# --- the map ------------------------------------------------------------------------------------


def test_speech_map_lookup() -> None:
    found = SpeechMap.of([Span(10, 20), Span(0, 5)], "double", [True, False])
    assert found.spans == (Span(0, 5), Span(10, 20))
    assert found.closed == (False, True)
    assert found.contains(0)
    assert not found.contains(5)
    assert found.span_at(12) == Span(10, 20)
    assert found.index_at(7) is None


def test_speech_map_built_directly() -> None:
    found = SpeechMap((Span(3, 8),))
    assert found.contains(3)
    assert found.closed == (True,)
    assert not SpeechMap(()).contains(0)


def test_empty_text() -> None:
    assert speech("").spans == ()


# --- corner brackets (translations from Japanese and Chinese) ---------------------------


def test_corner_brackets_are_speech_and_nest() -> None:
    text = "\u300cWe seal them in, \u300eland magic\u300f first,\u300d he said. He left."
    assert dialogue(text) == ["\u300cWe seal them in, \u300eland magic\u300f first,\u300d"]


def test_an_unclosed_corner_bracket_runs_to_the_paragraph_end() -> None:
    text = "\u300eOnly me, came the answer.\n\nShe walked on."
    found = speech(text)
    assert dialogue(text) == ["\u300eOnly me, came the answer."]
    assert found.closed == (False,)


def test_quote_marks_inside_brackets_are_not_speech_of_their_own() -> None:
    text = '\u300cThey call it "the pit",\u300d she said. "Yes," he said.'
    assert dialogue(text) == ['\u300cThey call it "the pit",\u300d', '"Yes,"']


def test_bracketed_speech_in_a_past_scene_draws_no_tense_report() -> None:
    from proselint_fic import lint_text

    text = (
        "He walked into the hall and looked around. The guards stood by the door.\n\n"
        "\u300cWe seal them in with land magic, then take them out,\u300d he said. "
        "\u300eThat mage is the strongest.\u300f She nodded and left.\n\n"
        "The sun went down behind the hills, and the wind came up cold.\n"
    )
    assert [d.rule for d in lint_text(text)] == []
