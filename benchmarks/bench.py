#!/usr/bin/env python3
"""Time proselint-fic on a long text and print words per second.

Measures, each as the best of ``--runs`` repetitions:

* library: ``Linter.lint_text`` lint time only (the Linter is built beforehand);
* cli: the whole ``proselint-fic check`` process on the same file (wall time);
* cold start: a whole ``proselint-fic check`` process on the first 3,000 words;
* import: ``import proselint_fic`` in a fresh interpreter (and bare interpreter start-up);
* peak memory: the maximum resident set size of the CLI process on the file;
* proselint: its CLI on the same file and on the chapter, when it is importable or given by
  ``--proselint``, with the ratios of its times to ours (the budget in the README);
* with ``--scaling``: the CLI's time and peak memory on 1x, 2x, 4x and 8x the text, to
  show both grow linearly;
* with ``--quick``: one run of each measure on the example story, without proselint, so
  that CI can check that the benchmark runs (its figures mean nothing).

Words are whitespace-separated tokens (what ``wc -w`` counts). Run it with the project's
interpreter, for example ``.venv/bin/python benchmarks/bench.py --select ellipsis``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = REPO_ROOT.parent / "shared" / "corpus" / "gutenberg" / "pride_and_prejudice.txt"
COLD_START_WORDS = 3000
EXIT_USAGE = 2
# ru_maxrss is in kibibytes on Linux and in bytes on macOS.
_RSS_UNIT_BYTES = 1 if sys.platform == "darwin" else 1024
_WORD = re.compile(r"\S+")
_RESOLUTION = 5e-5


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: its wall time, exit code and peak memory."""

    seconds: float
    exit_code: int
    max_rss_bytes: int


@dataclass
class Timing:
    """Best and first of several timings of one thing, with the words it covered."""

    name: str
    best: float
    first: float
    runs: int
    words: int = 0
    note: str = ""

    @property
    def words_per_second(self) -> float | None:
        # Below the clock's useful resolution a rate means nothing: the rule reused work
        # that an earlier rule did on the same document.
        return self.words / self.best if self.words and self.best >= _RESOLUTION else None


@dataclass
class Report:
    file: str
    words: int
    select: list[str] | None
    runs: int
    python: str
    timings: list[Timing] = field(default_factory=list)
    peak_rss_bytes: int | None = None
    per_rule: list[Timing] = field(default_factory=list)
    scaling: list[ScalingRow] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScalingRow:
    """The CLI on ``factor`` copies of the text: best time and peak memory."""

    factor: int
    words: int
    seconds: float
    max_rss_bytes: int


# --- measuring ---------------------------------------------------------------------------


def count_words(text: str) -> int:
    return len(text.split())


def first_words(text: str, count: int) -> str:
    """The start of ``text`` up to the end of its ``count``-th word, layout kept."""
    end = 0
    for seen, match in enumerate(_WORD.finditer(text), start=1):
        end = match.end()
        if seen == count:
            break
    return text[:end] + "\n"


def best_of(runs: int, action: Callable[[], float]) -> tuple[float, float]:
    """(best, first) of ``runs`` calls of ``action``, which returns the seconds it took."""
    times = [action() for _ in range(max(1, runs))]
    return min(times), times[0]


# Children run as an installed tool does: with bytecode caches. PYTHONDONTWRITEBYTECODE
# (set in some sandboxes) makes every start recompile the package from source.
_CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(command: Sequence[str], *, cwd: Path | None = None) -> ChildRun:
    """Run ``command`` to completion; wait4 gives this child's own peak memory.

    ``resource.getrusage(RUSAGE_CHILDREN)`` would report the largest of all children so far
    (including proselint or the interpreter probes), so the child is reaped with ``wait4``.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=_CHILD_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stderr = process.stderr
    assert stderr is not None
    errors = stderr.read()
    stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # reaped here: Popen must not wait for it again
    if code not in (0, 1):
        message = errors.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"{' '.join(command)} exited {code}: {message[-1] if message else ''}")
    return ChildRun(seconds, code, usage.ru_maxrss * _RSS_UNIT_BYTES)


def cli_command() -> list[str]:
    """The installed ``proselint-fic`` script next to this interpreter, else ``-m``."""
    script = Path(sys.executable).parent / "proselint-fic"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "proselint_fic"]


def cli_args(select: list[str] | None) -> list[str]:
    args = ["check"]
    if select:
        args += ["--select", ",".join(select)]
    return args


def time_library(text: str, path: Path, select: list[str] | None, runs: int) -> Timing:
    from proselint_fic import Linter

    linter = Linter(select=select)
    words = count_words(text)
    counter = iter(range(1_000_000))

    def once() -> float:
        # The Linter caches results per (text, path): a fresh name in the same folder, with
        # the same suffix, keeps settings and markup identical and defeats the cache.
        name = path.with_name(f"{path.stem}.bench{next(counter)}{path.suffix}")
        start = time.perf_counter()
        linter.lint_text(text, path=name)
        return time.perf_counter() - start

    best, first = best_of(runs, once)
    return Timing("library (lint_text)", best, first, runs, words, "lint time only")


def time_cli(
    name: str, command: list[str], file: Path, words: int, runs: int
) -> tuple[Timing, int]:
    """Best wall time of ``command file``, and the largest peak RSS seen across runs."""
    results = [run_child([*command, str(file)]) for _ in range(max(1, runs))]
    best = min(r.seconds for r in results)
    peak = max(r.max_rss_bytes for r in results)
    return Timing(name, best, results[0].seconds, len(results), words, "whole process"), peak


def time_import(runs: int) -> list[Timing]:
    def import_once(module: str) -> float:
        probe = (
            f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            check=True,
            capture_output=True,
            text=True,
            env=_CHILD_ENV,
        )
        return float(done.stdout.strip())

    def interpreter_once() -> float:
        return run_child([sys.executable, "-c", "pass"]).seconds

    timings = []
    # The package alone is what an editor plugin pays; the CLI module is what a hook pays.
    for module in ("proselint_fic", "proselint_fic.cli"):
        best, first = best_of(runs, partial(import_once, module))
        timings.append(Timing(f"import {module}", best, first, runs, note="in-process import"))
    startup_best, startup_first = best_of(runs, interpreter_once)
    timings.append(
        Timing("python -c pass", startup_best, startup_first, runs, note="interpreter start-up")
    )
    return timings


def time_per_rule(text: str, path: Path, select: list[str] | None, runs: int) -> list[Timing]:
    """Each document view, then each rule's ``check`` over one fully built document."""
    from proselint_fic import Linter
    from proselint_fic.document import Document
    from proselint_fic.selection import enabled_rules

    linter = Linter(select=select)
    settings = linter.settings_for(path)
    rules = enabled_rules(
        linter.registry.rules,
        select=select if select is not None else settings.select,
        extend_select=settings.extend_select,
        ignore=settings.ignore,
    )
    words = count_words(text)
    views = ("prose", "lines", "paragraphs", "scenes", "speech", "style")
    view_times: dict[str, list[float]] = {view: [] for view in views}
    for _ in range(max(1, runs)):
        # Views build on one another (speech needs paragraphs, which need prose), so they
        # are timed in order on one fresh document: each figure excludes its dependencies.
        document = Document(text, path=str(path))
        for view in views:
            start = time.perf_counter()
            getattr(document, view)
            view_times[view].append(time.perf_counter() - start)
    timings = [
        Timing(f"document.{view}", min(times), times[0], len(times), words, "document view")
        for view, times in view_times.items()
    ]
    # One document per run, views built: a rule that keeps its analysis on the document
    # must redo it in every run, and the first rule to ask for shared work pays for it.
    documents = [Document(text, path=str(path)) for _ in range(max(1, runs))]
    for document in documents:
        for view in views:
            getattr(document, view)
    for rule in rules:
        times: list[float] = []
        for document in documents:
            start = time.perf_counter()
            list(rule.check(document))
            times.append(time.perf_counter() - start)
        timings.append(Timing(rule.meta.id, min(times), times[0], len(times), words, "rule check"))
    return timings


def proselint_command(explicit: str | None) -> list[str] | None:
    """How to run proselint: ``--proselint``, else this interpreter's module, else none."""
    if explicit:
        found = shutil.which(explicit) or explicit
        base = [found]
    elif importlib.util.find_spec("proselint") is not None:
        base = [sys.executable, "-m", "proselint"]
    else:
        return None
    # proselint 0.16 lints with a `check` subcommand; older releases take paths directly.
    help_text = subprocess.run(
        [*base, "--help"], check=False, capture_output=True, text=True
    ).stdout
    return [*base, "check"] if re.search(r"^\s+check\b", help_text, re.MULTILINE) else base


# --- reporting ---------------------------------------------------------------------------


def format_rate(rate: float | None) -> str:
    return f"{rate:,.0f}" if rate is not None else "-"


def format_table(report: Report) -> str:
    selection = ",".join(report.select) if report.select else "default (all enabled rules)"
    lines = [
        f"file:      {report.file}",
        f"words:     {report.words:,}",
        f"rules:     {selection}",
        f"runs:      best of {report.runs}",
        f"python:    {report.python}",
        "",
        f"{'measure':<34} {'best (s)':>10} {'first (s)':>10} {'words/s':>14}  note",
        "-" * 84,
    ]
    for timing in report.timings:
        lines.append(_row(timing))
    if report.peak_rss_bytes is not None:
        lines.append(f"{'peak RSS of the CLI':<34} {report.peak_rss_bytes / 1_048_576:>9.1f} MB")
    if report.per_rule:
        lines += ["", "per rule (document views built beforehand):", "-" * 84]
        lines += [_row(timing) for timing in report.per_rule]
    if report.ratios:
        lines += ["", "proselint's time / ours (higher is faster):"]
        lines += [f"  {name:<32} {ratio:>6.2f}x" for name, ratio in report.ratios.items()]
    if report.scaling:
        header = f"{'scaling':<10} {'words':>10} {'best (s)':>10} {'s per 100k':>11} {'peak MB':>9}"
        lines += ["", header]
        for row in report.scaling:
            per = row.seconds / row.words * 100_000
            lines.append(
                f"{str(row.factor) + 'x':<10} {row.words:>10,} {row.seconds:>10.3f} "
                f"{per:>11.3f} {row.max_rss_bytes / 1_048_576:>9.1f}"
            )
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


def _row(timing: Timing) -> str:
    return (
        f"{timing.name:<34} {timing.best:>10.4f} {timing.first:>10.4f} "
        f"{format_rate(timing.words_per_second):>14}  {timing.note}"
    )


def to_json(report: Report) -> str:
    def timing_dict(timing: Timing) -> dict[str, Any]:
        return {**asdict(timing), "words_per_second": timing.words_per_second}

    data = {
        **asdict(report),
        "timings": [timing_dict(t) for t in report.timings],
        "per_rule": [timing_dict(t) for t in report.per_rule],
        "scaling": [asdict(row) for row in report.scaling],
    }
    return json.dumps(data, indent=2) + "\n"


# --- command line --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--file",
        type=Path,
        default=DEFAULT_FILE,
        help="the text to lint (default: ../shared/corpus/gutenberg/pride_and_prejudice.txt)",
    )
    parser.add_argument("--select", help="comma-separated rule ids or prefixes (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="repetitions; the best counts")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--per-rule", action="store_true", help="time each rule's check")
    parser.add_argument(
        "--proselint",
        metavar="EXE",
        help="proselint executable to compare with (default: `python -m proselint` if importable)",
    )
    parser.add_argument("--no-proselint", action="store_true", help="skip the comparison")
    parser.add_argument(
        "--scaling", action="store_true", help="time the CLI on 1x, 2x, 4x and 8x the text"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run on the example story, no proselint: checks that the benchmark runs",
    )
    return parser.parse_args(argv)


SCALING_FACTORS = (1, 2, 4, 8)


def time_scaling(command: list[str], text: str, runs: int, suffix: str) -> list[ScalingRow]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="proselint-fic-scaling-") as folder:
        for factor in SCALING_FACTORS:
            path = Path(folder) / f"x{factor}{suffix}"
            path.write_text("\n\n".join([text] * factor), encoding="utf-8")
            children = [run_child([*command, str(path)]) for _ in range(runs)]
            rows.append(
                ScalingRow(
                    factor,
                    count_words(text) * factor,
                    min(child.seconds for child in children),
                    max(child.max_rss_bytes for child in children),
                )
            )
    return rows


def ratio(theirs: Timing | None, ours: Timing | None) -> float | None:
    if theirs is None or ours is None or ours.best <= 0:
        return None
    return theirs.best / ours.best


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if options.quick:
        options.file = REPO_ROOT / "examples" / "the-lighthouse-keeper.md"
        options.runs, options.no_proselint = 1, True
    file: Path = options.file
    if not file.is_file():
        print(
            f"bench: {file} not found. The repository holds no third-party text: pass --file "
            "with a long plain-text novel (for example a Project Gutenberg book).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    select = [s.strip() for s in options.select.split(",") if s.strip()] if options.select else None
    text = file.read_text(encoding="utf-8-sig")
    words = count_words(text)
    runs = max(1, options.runs)
    report = Report(str(file), words, select, runs, sys.version.split()[0])

    # Child processes first: a child's peak RSS counts the parent's pages it shares between
    # fork and exec, so the parent must not have loaded the linter yet.
    command = [*cli_command(), *cli_args(select)]
    cli_timing, peak = time_cli("cli (whole process)", command, file, words, runs)
    report.timings.append(cli_timing)
    report.peak_rss_bytes = peak

    proselint = None if options.no_proselint else proselint_command(options.proselint)
    with tempfile.TemporaryDirectory(prefix="proselint-fic-bench-") as folder:
        chapter = Path(folder) / f"chapter{file.suffix or '.txt'}"
        chapter.write_text(first_words(text, COLD_START_WORDS), encoding="utf-8")
        chapter_words = min(words, COLD_START_WORDS)
        cold, _ = time_cli(
            f"cold start ({COLD_START_WORDS:,} words)", command, chapter, chapter_words, runs
        )
        report.timings.append(cold)
        their_chapter = None
        if proselint is not None:
            their_chapter, _ = time_cli(
                f"proselint ({COLD_START_WORDS:,} words)", proselint, chapter, chapter_words, runs
            )
            report.timings.append(their_chapter)

    report.timings += time_import(runs)

    if proselint is None:
        report.notes.append("proselint not importable here; pass --proselint EXE to compare")
    else:
        timing, _ = time_cli("proselint (whole process)", proselint, file, words, runs)
        timing.note = "whole process, its default checks"
        report.timings.append(timing)
        for name, value in (
            ("whole file (budget: 6x)", ratio(timing, cli_timing)),
            ("cold chapter (budget: 1x)", ratio(their_chapter, cold)),
        ):
            if value is not None:
                report.ratios[name] = value
    if options.scaling:
        report.scaling = time_scaling(command, text, min(runs, 2), file.suffix or ".txt")

    report.timings.insert(0, time_library(text, file, select, runs))
    if options.per_rule:
        report.per_rule = time_per_rule(text, file, select, runs)

    sys.stdout.write(to_json(report) if options.json else format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
