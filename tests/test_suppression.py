"""Inline suppression comments in Markdown, HTML and plain text."""

from __future__ import annotations

from proselint_fic import Linter

LINTER = Linter(select=["ellipsis"], discover_config=False)
DEFECT = "And then.he comes back."


def _rules(text: str, path: str) -> list[tuple[int, str]]:
    return [(d.line, d.rule) for d in LINTER.lint_text(text, path=path)]


def test_disable_and_enable_region() -> None:
    text = "\n".join(
        [
            "<!-- proselint-fic: disable ellipsis.glued-lowercase -->",
            DEFECT,
            "<!-- proselint-fic: enable ellipsis.glued-lowercase -->",
            DEFECT,
        ]
    )
    for path in ("a.txt", "a.md", "a.html"):
        assert _rules(text, path) == [(4, "ellipsis.glued-lowercase")], path


def test_disable_next_line_and_disable_line() -> None:
    text = "\n".join(
        [
            "<!-- proselint-fic: disable-next-line -->",
            DEFECT,
            DEFECT + " <!-- proselint-fic: disable-line ellipsis -->",
            DEFECT,
        ]
    )
    assert _rules(text, "a.md") == [(4, "ellipsis.glued-lowercase")]


def test_prefix_and_other_rules_unaffected() -> None:
    text = "<!-- proselint-fic: disable ellipsis.two-dots -->\n" + DEFECT + " Wait..what?"
    assert _rules(text, "a.txt") == [(2, "ellipsis.glued-lowercase")]
