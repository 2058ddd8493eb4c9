"""Bad input through the installed command line: a clear line on stderr, never a traceback.

Every case names a good manuscript after the bad input on the same command line and checks
that it was still linted. Exit codes: 0 clean, 1 diagnostics, 2 usage, configuration or
input error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from proselint_fic import Linter, Match, RuleMeta, Severity, hookimpl
from proselint_fic.document import Document

DEFECT = "And then.he comes back.\n"
# Where the linter reports DEFECT: the period in "then.he" is the ninth character.
DEFECT_COLUMN = 9
OTHER = "other.txt"
# The command most cases run: positions are read from the JSON contract.
ELLIPSIS_JSON = ("check", "--select", "ellipsis", "--format", "json")
ONE_MB = 1024 * 1024
MEMORY_LIMIT = 2 * 1024 * ONE_MB  # address space of each linter process
LONG_LINE_SECONDS = 20.0
# Inputs that were once quadratic: the budget only catches a hang (they take a second or
# two), it is not a speed test; speed is measured by benchmarks/bench.py.
ADVERSARIAL_SECONDS = 20.0
PARAGRAPH = (
    "The rain had not stopped since morning, and Mara counted the drips from the gutter "
    'while the kettle worked itself up to a whistle. "You\'ll wait for him?" her sister '
    "asked. She said nothing; the clock on the mantel said it for her.\n\n"
)


# --- helpers ---------------------------------------------------------------------------


def _limit_memory() -> None:
    # A runaway input must fail this test, not exhaust the machine that runs it.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(
    *args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "proselint_fic", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=timeout,
        check=False,
        preexec_fn=_limit_memory if os.name == "posix" else None,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def with_other(folder: Path) -> str:
    """Write the good manuscript that must still be linted; return its name."""
    (folder / OTHER).write_text(DEFECT, encoding="utf-8")
    return OTHER


def assert_one_line_error(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, no traceback, and exactly one stderr line that holds every needle."""
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert lines, "nothing on stderr"
    assert all(line.startswith("proselint-fic: ") for line in lines), done.stderr
    hits = [line for line in lines if all(n in line for n in needles)]
    assert len(hits) == 1, f"want one line with {needles}:\n{done.stderr}"


def assert_other_linted(done: subprocess.CompletedProcess[str]) -> None:
    assert f"{OTHER}:1:{DEFECT_COLUMN}: " in done.stdout, done.stdout + done.stderr


def diagnostics(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert "Traceback" not in done.stderr, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)["diagnostics"]
    return found


def positions(done: subprocess.CompletedProcess[str], path: str) -> list[tuple[int, ...]]:
    return [
        (d["line"], d["column"], d["end_line"], d["end_column"])
        for d in diagnostics(done)
        if d["path"] == path
    ]


# --- files that cannot be read as text ----------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "cover.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    done = run("check", "--select", "ellipsis", "cover.txt", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "cover.txt", "binary")
    assert_other_linted(done)


def test_undecodable_bytes(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Café au lait. And then.he comes back.\n".encode("cp1252"))
    done = run("check", "--select", "ellipsis", "old.txt", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "old.txt", "0xe9", "line 1", "--encoding")
    assert_other_linted(done)


def test_encoding_option_decodes_cp1252(tmp_path: Path) -> None:
    text = "Café au lait. And then.he comes back.\n"
    (tmp_path / "old.txt").write_bytes(text.encode("cp1252"))
    done = run(
        "check",
        "--select",
        "ellipsis",
        "--encoding",
        "cp1252",
        "--format",
        "json",
        "old.txt",
        with_other(tmp_path),
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    column = text.index("then.") + len("then.")  # 1-based column of the period
    assert positions(done, "old.txt")[0][:2] == (1, column)
    assert positions(done, OTHER)


def test_unknown_encoding(tmp_path: Path) -> None:
    done = run("check", "--encoding", "klingon", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "klingon")


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(f"She waited.\n{DEFECT}".encode("utf-16"))
    done = run(
        *ELLIPSIS_JSON,
        "wide.txt",
        with_other(tmp_path),
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert positions(done, "wide.txt")[0][:2] == (2, DEFECT_COLUMN)
    assert positions(done, OTHER)


def test_utf8_bom_does_not_shift_positions(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + DEFECT.encode("utf-8"))
    (tmp_path / "plain.txt").write_text(DEFECT, encoding="utf-8")
    done = run(
        *ELLIPSIS_JSON,
        "bom.txt",
        "plain.txt",
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert positions(done, "bom.txt") == positions(done, "plain.txt")
    assert positions(done, "bom.txt")[0][:2] == (1, DEFECT_COLUMN)


def test_crlf_line_endings_keep_columns(tmp_path: Path) -> None:
    text = f"She waited.\n\n{DEFECT}The door. opened and..she left.\n"
    (tmp_path / "dos.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "unix.txt").write_text(text, encoding="utf-8")
    done = run(
        *ELLIPSIS_JSON,
        "dos.txt",
        "unix.txt",
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert positions(done, "dos.txt") == positions(done, "unix.txt")
    assert positions(done, "dos.txt")[0][:2] == (3, DEFECT_COLUMN)
    assert len(positions(done, "dos.txt")) >= 2


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    done = run("check", "--select", "ellipsis", "empty.md", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "empty.md", "empty")
    assert_other_linted(done)


def test_no_all_clear_claim_when_nothing_could_be_linted(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    done = run("check", "empty.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "All clear" not in done.stdout, done.stdout


def test_binary_on_stdin(tmp_path: Path) -> None:
    done = run("check", "-", cwd=tmp_path, stdin=b"\x00\x01\x02binary")
    assert_one_line_error(done, "binary")


def test_empty_stdin(tmp_path: Path) -> None:
    done = run("check", "-", cwd=tmp_path, stdin=b"")
    assert_one_line_error(done, "empty")


# --- size ----------------------------------------------------------------------------------


def _write_big(path: Path, size: int) -> int:
    """A ``size``-byte plain-text manuscript with one defect on its last line."""
    body = PARAGRAPH * (size // len(PARAGRAPH))
    data = (body[: size - len(DEFECT)] + DEFECT).encode("utf-8")
    path.write_bytes(data)
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    _write_big(tmp_path / "huge.txt", 50 * ONE_MB)
    done = run("check", "--select", "ellipsis", "huge.txt", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "huge.txt", "50.0 MB", "--max-file-size")
    assert_other_linted(done)


@pytest.mark.slow
def test_raised_size_limit_lints_a_50_mb_file(tmp_path: Path) -> None:
    last_line = _write_big(tmp_path / "huge.txt", 50 * ONE_MB)
    done = run(
        "check",
        "--select",
        "ellipsis",
        "--max-file-size",
        "60",
        "huge.txt",
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert f"huge.txt:{last_line}:{DEFECT_COLUMN}: " in done.stdout, done.stdout


def _one_line(unit: str) -> str:
    return (unit * (ONE_MB // len(unit) + 1))[:ONE_MB]


LONG_LINES = {
    "prose.txt": _one_line(PARAGRAPH.replace("\n", " ")),
    "page.html": "<html><body>"
    + _one_line("<p>The rain had not <em>stopped</em>. &ldquo;Wait,&rdquo; she said.</p>")
    + "</body></html>",
    "notes.md": _one_line('The rain had *not* stopped, and _Mara_ counted. "Wait," 5 * 3. '),
    "dots.txt": _one_line("a. b.. c . . . \"d\" 'e' — J. R. R. 3.14 x."),
    # Words glued by periods with no whitespace anywhere.
    "glued.txt": _one_line("abcdefghij" * 10 + "."),
}

SLOW_LONG_LINES = [
    # Unterminated comment openers: once quadratic (a regex rescanned to the end for each).
    pytest.param("comments.txt", _one_line("<!-- note "), id="comments.txt"),
    # Emphasis openers that never close: once quadratic (each scanned its paragraph).
    pytest.param("stars.txt", _one_line("*sigh and "), id="stars.txt"),
    # One 1 MB "word": the spelling rules once tried every split of it (55 s, 7 GB).
    pytest.param("letters.txt", _one_line("abcdefghij"), id="letters.txt"),
]


def _time_long_line(tmp_path: Path, name: str, text: str, budget: float) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    start = time.perf_counter()
    try:
        done = run("check", name, with_other(tmp_path), cwd=tmp_path, timeout=budget)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a 1 MB line in {name} took over {budget:.0f} s")
    seconds = time.perf_counter() - start
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    # A rule that ran out of memory or hit a limit is caught by the engine: not a pass.
    assert "internal-error" not in done.stdout, done.stdout[:2000]
    assert_other_linted(done)
    assert seconds < budget


@pytest.mark.parametrize("name", list(LONG_LINES))
def test_single_line_of_one_megabyte(tmp_path: Path, name: str) -> None:
    _time_long_line(tmp_path, name, LONG_LINES[name], LONG_LINE_SECONDS)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), SLOW_LONG_LINES)
def test_single_line_of_one_megabyte_adversarial(tmp_path: Path, name: str, text: str) -> None:
    _time_long_line(tmp_path, name, text, ADVERSARIAL_SECONDS)


# --- paths -------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    done = run("check", "--select", "ellipsis", "missing.md", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "missing.md", "no such file")
    assert_other_linted(done)


def test_folder_with_no_prose(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (art / "make.py").write_text("print('hello')\n", encoding="utf-8")
    done = run("check", "--select", "ellipsis", "art", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "art", "no prose files")
    assert_other_linted(done)


def test_several_bad_inputs_at_once(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00" * 64)
    done = run(
        "check",
        "--select",
        "ellipsis",
        "empty.txt",
        "missing.txt",
        "blob.txt",
        with_other(tmp_path),
        cwd=tmp_path,
    )
    for name in ("empty.txt", "missing.txt", "blob.txt"):
        assert_one_line_error(done, name)
    assert_other_linted(done)


# --- configuration and options -------------------------------------------------------------

BAD_CONFIGS = {
    "unknown key": (".proselint-fic.toml", 'colour = "red"\n', ("colour",)),
    "unknown key in pyproject": (
        "pyproject.toml",
        '[tool.proselint-fic]\ncolour = "red"\n',
        ("tool.proselint-fic.colour",),
    ),
    "bad dialect": (".proselint-fic.toml", 'dialect = "en-XX"\n', ("dialect", "en-XX")),
    "select not a list": (".proselint-fic.toml", "select = 3\n", ("select",)),
    "bad severity": (
        ".proselint-fic.toml",
        '[severity]\n"ellipsis" = "loud"\n',
        ("severity", "ellipsis"),
    ),
    "bad tense": (".proselint-fic.toml", '[tense]\n"*.md" = "future"\n', ("tense", "future")),
    "unknown rule": (".proselint-fic.toml", 'ignore = ["nosuch.rule"]\n', ("ignore", "nosuch")),
    "missing word file": (".proselint-fic.toml", 'word-files = ["gone.txt"]\n', ("gone.txt",)),
    "invalid toml": (".proselint-fic.toml", "select = [\n", ("invalid TOML",)),
}


@pytest.mark.parametrize("case", list(BAD_CONFIGS))
def test_bad_config_names_file_and_key(tmp_path: Path, case: str) -> None:
    file, content, needles = BAD_CONFIGS[case]
    book = tmp_path / "book"
    book.mkdir()
    (book / file).write_text(content, encoding="utf-8")
    (book / "ch1.txt").write_text(DEFECT, encoding="utf-8")
    done = run("check", "ch1.txt", cwd=book)
    # A configuration error stops the run: linting under a half-read configuration would
    # report the wrong things, so no file is linted (as ruff does).
    assert_one_line_error(done, file, *needles)


def test_explicit_config_that_does_not_exist(tmp_path: Path) -> None:
    done = run("check", "--config", "nowhere.toml", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, "nowhere.toml", "not found")


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_on_the_command_line(tmp_path: Path, option: str) -> None:
    done = run("check", option, "ellipsis.nosuch", with_other(tmp_path), cwd=tmp_path)
    assert_one_line_error(done, option, "ellipsis.nosuch")


def test_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    done = run("check", "--format", "pdf", with_other(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


# --- a plugin that raises ----------------------------------------------------------------

CRASHING = RuleMeta(
    id="demo.crashing",
    category="style",
    severity=Severity.WARNING,
    scope="both",
    summary="Always raises.",
    message="never shown",
    flags=("x",),
    passes=("y",),
)


class CrashingRule:
    meta = CRASHING

    def check(self, document: Document) -> Iterator[Match]:
        raise ZeroDivisionError("the rule divided by zero")


class CrashingPlugin:
    @hookimpl
    def proselint_fic_rules(self) -> list[object]:
        return [CrashingRule()]


class BrokenHookPlugin:
    @hookimpl
    def proselint_fic_rules(self) -> list[object]:
        raise RuntimeError("cannot list rules")


def test_rule_that_raises_is_reported_and_the_others_run() -> None:
    linter = Linter(plugins=[CrashingPlugin()], select=["demo", "ellipsis"], discover_config=False)
    found = linter.lint_text(DEFECT)
    errors = [d for d in found if d.rule == "internal-error"]
    assert len(errors) == 1
    assert "demo.crashing" in errors[0].message
    assert "ZeroDivisionError" in errors[0].message
    assert any(d.rule == "ellipsis.glued-lowercase" for d in found)


def test_plugin_whose_hook_raises_is_reported_and_the_others_load() -> None:
    linter = Linter(plugins=[BrokenHookPlugin()], select=["ellipsis"], discover_config=False)
    assert any("cannot list rules" in error for error in linter.load_errors)
    assert [d.rule for d in linter.lint_text(DEFECT)] == ["ellipsis.glued-lowercase"]
