"""Re-linting an edited text gives exactly what a full lint of the new text gives.

`Linter.lint_text` keeps each open text's paragraphs, line starts, typography counts and
paragraph-rule matches between calls (proselint_fic.incremental). These tests edit texts
many times at random (inserting, deleting and rewriting paragraphs, adding names,
switching a scene's tense, changing the ellipsis and quote habits) and compare every
result with a fresh linter's full lint of the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from proselint_fic import Linter, Match, RuleMeta, hookimpl
from proselint_fic.document.edits import changed_range
from proselint_fic.document.positions import LineIndex
from proselint_fic.document.structure import edit_paragraphs, find_paragraphs

_EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "25"))

# Whole paragraphs a manuscript might hold, each with something for a rule family.
_PARAGRAPHS = (
    "Mara walks to the window. She looks out at the rain and waits.",
    "Mara walked to the window. She looked out at the rain and waited.",
    'Tam opens the door. "I saw him yesterday," he says. "He looked tired."',
    '"I do." he said, and then.he comes back to the the matress.',
    "She was eminating light... and then… she stopped. . . for a while..",
    "Gryphon landed. Gryphon roared. Gryphen slept beside the Gryphons.",
    "He said 'hello' and left -- without a word — to the self- discovery class.",
    "“Curly quotes,” she said, \"and straight ones.\" 'Single,' he said.",
    "* * *",
    "Chapter 2",
    "Years ago, she had lived by the sea. She wrote letters every week.",
    "Dad: good luck kiddo!!!",
    "   An indented paragraph , with a space before the comma .",
    "The cat sat on\nthe mat, hard-wrapped\nover three lines.",
    '"This speech runs on, she said, into the next paragraph.',
    'and stops here." She smiled.',
    "Quoi ? Mais non ! Pourquoi ? Comment ? Jamais ; enfin !",
)
_FRAGMENTS = (
    " the",
    ".",
    " ",
    "\n",
    "\n\n",
    '"',
    "'",
    "…",
    "...",
    "--",
    ", and",
    "Zelda ",
    "walks",
)


@st.composite
def _edits(draw: st.DrawFn) -> list[tuple[str, int, int, str]]:
    steps = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(("insert", "delete", "rewrite", "type", "erase")))
        where = draw(st.integers(0, 10_000))
        size = draw(st.integers(1, 6))
        text = draw(st.sampled_from(_PARAGRAPHS if kind in ("insert", "rewrite") else _FRAGMENTS))
        steps.append((kind, where, size, text))
    return steps


def _apply(paragraphs: list[str], step: tuple[str, int, int, str]) -> None:
    kind, where, size, text = step
    index = where % (len(paragraphs) + 1)
    if kind == "insert" or not paragraphs:
        paragraphs.insert(index, text)
        return
    index %= len(paragraphs)
    old = paragraphs[index]
    at = where % (len(old) + 1)
    if kind == "delete":
        del paragraphs[index]
    elif kind == "rewrite":
        paragraphs[index] = text
    elif kind == "type":
        paragraphs[index] = old[:at] + text + old[at:]
    else:
        paragraphs[index] = old[:at] + old[at + size :]


_START = list(_PARAGRAPHS[:8])


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=_edits(), separator=st.sampled_from(("\n\n", "\r\n\r\n", "\n\n\n", "\n  \n")))
# A habit counted over the whole text (three doubled marks) must not be judged per paragraph.
@example(
    edits=[
        ("insert", 0, 1, "Dad: good luck kiddo!!!"),
        ("type", 0, 1, " the"),
        ("insert", 0, 1, "Dad: good luck kiddo!!!"),
        ("insert", 0, 1, "Dad: good luck kiddo!!!"),
    ],
    separator="\n\n",
)
def test_every_edit_gives_the_full_lint(
    tmp_path: Path, edits: list[tuple[str, int, int, str]], separator: str
) -> None:
    story = tmp_path / "story.txt"
    editor = Linter(discover_config=False, entry_points=False)
    paragraphs = list(_START)
    for step in [None, *edits]:
        if step is not None:
            _apply(paragraphs, step)
        text = separator.join(paragraphs)
        story.write_bytes(text.encode("utf-8"))
        fresh = Linter(discover_config=False, entry_points=False).lint_file(story)
        assert editor.lint_text(text, path=story) == list(fresh.diagnostics), step


def test_a_long_session_on_a_chapter(tmp_path: Path) -> None:
    """Two hundred edits in a row on one chapter, compared after each."""
    story = tmp_path / "chapter.txt"
    editor = Linter(discover_config=False, entry_points=False)
    reference = Linter(discover_config=False, entry_points=False)
    paragraphs = [_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(60)]
    kinds = ("insert", "delete", "rewrite", "type", "erase")
    for number in range(200):
        pool = _PARAGRAPHS if number % 5 in (0, 2) else _FRAGMENTS
        _apply(
            paragraphs, (kinds[number % 5], number * 7919, 1 + number % 4, pool[number % len(pool)])
        )
        text = "\n\n".join(paragraphs)
        story.write_text(text, encoding="utf-8", newline="")
        assert editor.lint_text(text, path=story) == list(reference.lint_file(story).diagnostics)


def test_edits_at_two_far_places_between_re_lints(tmp_path: Path) -> None:
    """An editor that batches edits sends texts changed in several places at once: the
    paragraphs between them, and paragraphs that moved, must count as before."""
    story = tmp_path / "chapter.txt"
    editor = Linter(discover_config=False, entry_points=False)
    reference = Linter(discover_config=False, entry_points=False)
    paragraphs = [_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(40)]
    for number in range(30):
        near, far = number % 7, 39 - (number * 3) % 11
        paragraphs[near] += " Zelda walks."
        paragraphs[far] = _PARAGRAPHS[number % len(_PARAGRAPHS)]
        if number % 4 == 0:  # a paragraph moved: the same texts in another order
            paragraphs.append(paragraphs.pop(near + 5))
        text = "\n\n".join(paragraphs)
        story.write_text(text, encoding="utf-8", newline="")
        assert editor.lint_text(text, path=story) == list(reference.lint_file(story).diagnostics)


def test_a_change_of_habit_reaches_every_paragraph(tmp_path: Path) -> None:
    """The ellipsis the document uses most sets every ellipsis fix: when an edit tips the
    balance, paragraphs the edit never touched get new replacements."""
    story = tmp_path / "story.txt"
    editor = Linter(discover_config=False, entry_points=False, select=["ellipsis"])
    before = "Wait… no.\n\nShe paused… then..\n\nHe went on.\n"
    after = before.replace("He went on.", "He... went... on...")
    replacements = []
    for text in (before, after):
        story.write_text(text, encoding="utf-8")
        fresh = Linter(discover_config=False, entry_points=False, select=["ellipsis"])
        found = editor.lint_text(text, path=story)
        assert found == list(fresh.lint_file(story).diagnostics)
        replacements += [d.replacements for d in found if d.rule == "ellipsis.two-dots"]
    assert replacements == [("…",), ("...",)]


class _Crashing:
    meta = RuleMeta(
        id="crash.paragraph",
        category="style",
        severity=__import__("proselint_fic").Severity.WARNING,
        scope="both",
        summary="Raises on a word.",
        message="Never shown.",
        locality="paragraph",
    )

    def check(self, document: object) -> list[Match]:
        if "explode" in document.text:  # type: ignore[attr-defined]
            raise RuntimeError("boom")
        return []


class _Plugin:
    @hookimpl
    def proselint_fic_rules(self) -> list[object]:
        return [_Crashing()]


def test_a_paragraph_rule_that_raises_is_reported_as_in_a_full_lint(tmp_path: Path) -> None:
    editor = Linter(discover_config=False, entry_points=False, plugins=[_Plugin()])
    text = "All is calm.\n\nAnd then.he comes back.\n"
    assert "internal-error" not in {d.rule for d in editor.lint_text(text, path=tmp_path / "s.txt")}
    broken = text.replace("calm", "calm, then explode")
    rules = {d.rule for d in editor.lint_text(broken, path=tmp_path / "s.txt")}
    assert {"internal-error", "ellipsis.glued-lowercase"} <= rules
    assert "internal-error" not in {d.rule for d in editor.lint_text(text, path=tmp_path / "s.txt")}


# --- the pieces the incremental lint keeps up to date -------------------------------------

_CHUNKS = ("a", "b c", "\n", "\r\n", "\r", "\n\n", "  ", "\t", "word. ", "\n \n", "x\ny")
_texts = st.lists(st.sampled_from(_CHUNKS), max_size=30).map("".join)


@settings(max_examples=20 * _EXAMPLES, deadline=None)
@given(old=_texts, start=st.integers(0, 200), size=st.integers(0, 6), inserted=_texts)
def test_paragraphs_and_lines_follow_any_edit(
    old: str, start: int, size: int, inserted: str
) -> None:
    start = min(start, len(old))
    new = old[:start] + inserted[:8] + old[start + size :]
    edit = changed_range(old, new)
    if edit is None:
        assert old == new
        return
    begin, old_end, new_end = edit
    assert old[:begin] == new[:begin] and old[old_end:] == new[new_end:]
    assert LineIndex(old).edited(new, edit).position(len(new)) == LineIndex(new).position(len(new))
    edited = LineIndex(old).edited(new, edit)
    assert [edited.line_start(n) for n in range(1, edited.line_count + 1)] == [
        LineIndex(new).line_start(n) for n in range(1, LineIndex(new).line_count + 1)
    ]
    paragraphs = edit_paragraphs(find_paragraphs(old), old, new, edit)
    assert paragraphs == find_paragraphs(new)


def test_the_changed_range_of_a_novel_sized_text() -> None:
    old = "word " * 200_000
    new = old[:523_417] + "X" + old[523_420:]
    assert changed_range(old, new) == (523_417, 523_420, 523_418)
    assert changed_range(old, old) is None
    assert changed_range("", "abc") == (0, 0, 3)


def test_speech_over_paragraphs_follows_its_neighbours(tmp_path: Path) -> None:
    """Whether a quote is left open depends on the next paragraph (speech that runs on
    reopens it) and the one before: editing a neighbour changes the paragraph's finding."""
    story = tmp_path / "story.txt"
    editor = Linter(discover_config=False, entry_points=False)
    opening = '"I went down to the river, she said, and waited there all night.'
    versions = [
        f"{opening}\n\nNobody came.\n\nThe end.",
        f'{opening}\n\n"Nobody came," she said.\n\nThe end.',  # runs on: reopened
        f"{opening}\n\nNobody came.\n\nThe end.",
        f'{opening}\n\nand nobody came." She smiled.\n\nThe end.',  # closed next
        f'The start.\n\n{opening}\n\nand nobody came." She smiled.',
    ]
    unbalanced = []
    for text in versions:
        story.write_text(text, encoding="utf-8")
        found = editor.lint_text(text, path=story)
        fresh = Linter(discover_config=False, entry_points=False).lint_file(story)
        assert found == list(fresh.diagnostics)
        unbalanced.append(sum(d.rule == "punctuation.unbalanced-quotes" for d in found))
    assert unbalanced == [1, 0, 1, 0, 0]


def test_a_spacing_habit_reaches_every_paragraph(tmp_path: Path) -> None:
    """A space before ? is a slip until the document does it most of the time (French
    spacing): the edit that makes it the habit silences paragraphs it never touched."""
    story = tmp_path / "story.txt"
    editor = Linter(discover_config=False, entry_points=False)
    before = "Where are you ?\n\nShe waited.\n\nNobody answered? Nobody.\n"
    after = before.replace("She waited.", "Why ? Who ? When ?")
    counts = []
    for text in (before, after, before):
        story.write_text(text, encoding="utf-8")
        found = editor.lint_text(text, path=story)
        fresh = Linter(discover_config=False, entry_points=False).lint_file(story)
        assert found == list(fresh.diagnostics)
        counts.append(sum(d.rule == "punctuation.space-before" for d in found))
    assert counts == [1, 0, 1]


def test_a_kept_verb_moves_with_every_field_kept() -> None:
    """A kept paragraph's verbs are moved field by field: a field added to Event must be
    moved too, or an edited scene would read verbs that lost it."""
    from dataclasses import fields, replace

    from proselint_fic.checks.tense.events import Event

    values: dict[str, object] = {f.name: f"value of {f.name}" for f in fields(Event)}
    values.update(start=10, end=14)
    event = Event(**values)  # type: ignore[arg-type]
    assert event.moved(7) == replace(event, start=17, end=21)
