"""`check --fix`, `--unsafe-fixes` and `--diff`, and the library's fix_text."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from helpers import run_cli
from proselint_fic import Diagnostic, Linter
from proselint_fic.fixes import fix_file, fix_text

STORY = "He sat on the the bench , and looked at the sea.\r\nIt was a self- made man.\r\n"
FIXED = "He sat on the bench, and looked at the sea.\r\nIt was a self-made man.\r\n"


def test_fix_applies_safe_fixes_byte_for_byte(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbf" + "Café: ".encode() + STORY.encode())
    done = run_cli("check", "--fix", str(story))
    assert "Traceback" not in done.stderr
    assert story.read_bytes() == b"\xef\xbb\xbf" + "Café: ".encode() + FIXED.encode()
    assert "Fixed 3 problem(s) in 1 file(s)." in done.stderr
    assert done.returncode == 0, done.stdout
    # A second run has nothing left to do and changes nothing.
    again = run_cli("check", "--fix", str(story))
    assert "Fixed 0 problem(s)" in again.stderr
    assert story.read_bytes() == b"\xef\xbb\xbf" + "Café: ".encode() + FIXED.encode()


def test_fix_keeps_the_encoding_and_skips_what_it_cannot_hold(tmp_path: Path) -> None:
    story = tmp_path / "latin.txt"
    story.write_bytes("Señor sat on the the bench.\n".encode("cp1252"))
    done = run_cli("check", "--fix", "--encoding", "cp1252", str(story))
    assert done.returncode == 0, done.stdout + done.stderr
    assert story.read_bytes() == "Señor sat on the bench.\n".encode("cp1252")


def test_unsafe_fixes_only_on_request(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was to late to go back.\n", encoding="utf-8")
    done = run_cli("check", "--fix", str(story))
    assert done.returncode == 1  # the unsafe fix is reported, not applied
    assert story.read_text(encoding="utf-8") == "It was to late to go back.\n"
    assert "typo.to-for-too" in done.stdout
    done = run_cli("check", "--fix", "--unsafe-fixes", str(story))
    assert done.returncode == 0
    assert story.read_text(encoding="utf-8") == "It was too late to go back.\n"


def test_diff_shows_the_fix_and_writes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(STORY.encode())
    done = run_cli("check", "--diff", str(story))
    assert done.returncode == 1
    assert "-He sat on the the bench , and" in done.stdout
    assert "+He sat on the bench, and" in done.stdout
    assert story.read_bytes() == STORY.encode()
    clean = tmp_path / "clean.txt"
    clean.write_text("The sea was calm.\n", encoding="utf-8")
    assert run_cli("check", "--diff", str(clean)).returncode == 0


def test_an_interrupted_write_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(STORY.encode())

    def fail(self: Path, target: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", fail)
    linter = Linter()
    with pytest.raises(OSError, match="disk full"):
        fix_file(story, partial(_lint, linter, story), linter.fix_safety)
    assert story.read_bytes() == STORY.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temporary file left


def _lint(linter: Linter, path: Path, text: str) -> list[Diagnostic]:
    return linter.lint_text(text, path=path)


def test_fix_text_for_editor_plugins() -> None:
    linter = Linter()
    result = fix_text(STORY, partial(linter.lint_text, path="story.txt"), linter.fix_safety)
    assert result.text == FIXED and result.applied == 3 and result.remaining == ()


def test_fix_on_standard_input_is_refused() -> None:
    done = run_cli("check", "--fix", "-", stdin="the the\n")
    assert done.returncode == 2 and "standard input" in done.stderr


def test_rules_show_their_fix_safety() -> None:
    listing = run_cli("rules").stdout
    doubled = next(line for line in listing.splitlines() if "repetition.doubled-word" in line)
    assert " safe " in doubled
    unknown = next(line for line in listing.splitlines() if "typo.unknown-word" in line)
    assert " unsafe " in unknown
