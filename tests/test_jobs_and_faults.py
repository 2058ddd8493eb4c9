"""Parallel runs give serial output; a slow rule or a backtracking pattern is contained."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

from helpers import run_cli
from proselint_fic import Linter, Match, RuleMeta, Severity, hookimpl
from proselint_fic.document import Document

SENTENCES = [
    "She walked to the the door.",
    "And then.he came back.",
    "The rain fell on the roof , softly.",
    "It was to late to go back.",
    "He opened the window and looked out at the sea.",
    "The lantern swung in the wind.",
]


def make_chapters(folder: Path, count: int) -> None:
    for n in range(count):
        lines = [SENTENCES[(n + k) % len(SENTENCES)] for k in range(n % 5 + 2)]
        (folder / f"ch{n:03}.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")


def test_jobs_output_is_identical_to_a_serial_run(tmp_path: Path) -> None:
    make_chapters(tmp_path, 40)
    for output in ("text", "json"):
        serial = run_cli("check", "--jobs", "1", "--format", output, ".", cwd=tmp_path)
        parallel = run_cli("check", "--jobs", "2", "--format", output, ".", cwd=tmp_path)
        assert serial.returncode == parallel.returncode == 1
        assert serial.stdout == parallel.stdout and serial.stdout.strip()
        assert "Traceback" not in parallel.stderr


class SlowRule:
    meta = RuleMeta(
        id="demo.slow",
        category="style",
        severity=Severity.WARNING,
        scope="both",
        summary="Takes its time.",
        message="slow",
        flags=("x",),
        passes=("y",),
    )

    def check(self, document: Document) -> Iterator[Match]:
        for _ in range(100):
            time.sleep(0.05)
            yield Match(0, 1)


class SlowPlugin:
    @hookimpl
    def proselint_fic_rules(self) -> list[object]:
        return [SlowRule()]


def test_a_rule_that_runs_too_long_is_one_internal_diagnostic() -> None:
    linter = Linter(
        plugins=[SlowPlugin()],
        discover_config=False,
        select=["demo", "repetition"],
        rule_timeout=0.3,
    )
    started = time.perf_counter()
    found = linter.lint_text("She walked to the the door.")
    assert time.perf_counter() - started < 3
    errors = [d for d in found if d.rule == "internal-error"]
    assert len(errors) == 1 and "demo.slow" in errors[0].message
    assert not any(d.rule == "demo.slow" for d in found)
    assert any(d.rule == "repetition.doubled-word" for d in found)


class BacktrackingPlugin:
    def __init__(self, folder: Path) -> None:
        self.pack = folder / "pack.toml"
        self.pack.write_text(
            textwrap.dedent(
                """
                [[rule]]
                id = "demo.backtracks"
                category = "style"
                severity = "info"
                summary = "A pattern that backtracks catastrophically."
                message = "never shown"
                pattern = '(a|aa)+$'
                flag = ["aaa"]
                pass = ["b"]
                """
            ),
            encoding="utf-8",
        )

    @hookimpl
    def proselint_fic_rule_packs(self) -> list[Path]:
        return [self.pack]


def test_a_catastrophic_pattern_in_a_user_pack_times_out(tmp_path: Path) -> None:
    linter = Linter(
        plugins=[BacktrackingPlugin(tmp_path)],
        discover_config=False,
        select=["demo", "repetition"],
        rule_timeout=0.5,
    )
    text = "a" * 60 + "b and the the end."
    started = time.perf_counter()
    found = linter.lint_text(text)
    assert time.perf_counter() - started < 5
    errors = [d for d in found if d.rule == "internal-error"]
    assert len(errors) == 1 and "demo.backtracks" in errors[0].message
    assert any(d.rule == "repetition.doubled-word" for d in found)
