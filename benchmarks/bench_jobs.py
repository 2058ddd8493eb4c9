#!/usr/bin/env python3
"""Time ``proselint-fic check --jobs N`` on a folder of chapters, and compare its output.

Cuts a novel into ``--chapters`` files of ``--words`` words each (default 200 of 3,000, so
600,000 words) in a temporary folder, then runs the whole command

    proselint-fic check --format json --jobs N FOLDER

for N = 1, 2 and the machine's core count (when that is more than 2), ``--runs`` times
each (default 3), and prints the median wall time of each N with its speed-up over
``--jobs 1``. Every run's standard output must be byte-for-byte the serial run's: the
script prints ``identical: yes`` or ``identical: no`` and exits 1 when it is not.

The table also gives each N's best run and its median CPU time (user plus system, of the
command and of the workers it reaps). CPU time above the serial run's is work the pool
adds (each worker loads its own rules and data); wall time well above CPU time divided
by N means the runs waited for a core, usually because something else was running.

The check exits 1 when it finds something, which on a novel it always does: that is
expected. An exit code of 2 or more is an error and stops the benchmark.

Chapter ``n`` starts ``n / count`` of the way into the novel and runs on for ``--words``
words, wrapping round to the start of the text when it reaches the end, so every chapter
is different even when the chapters hold more words than the novel. With ``--quick`` (20
chapters of 1,000 words, one run, cut from the example story) CI can check that the
benchmark runs; its figures mean nothing. Run it with the project's interpreter, for
example ``.venv/bin/python benchmarks/bench_jobs.py --runs 5``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import DEFAULT_FILE, EXIT_USAGE, REPO_ROOT, cli_command, count_words

QUICK_FILE = REPO_ROOT / "examples" / "the-lighthouse-keeper.md"
EXIT_DIFFERENT = 1
# The check's own exit codes: 0 nothing found, 1 diagnostics found, 2 or more an error.
_CHECK_OK = (0, 1)
_WORD = re.compile(r"\S+")
# As in bench.py: children run as an installed tool does, with bytecode caches.
_CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class CheckError(RuntimeError):
    """The command under test exited with an error (2 or more)."""


@dataclass(frozen=True)
class Run:
    """One finished ``proselint-fic check``: wall and CPU time, exit code and standard output.

    ``cpu`` is user plus system time of the process and of its workers, which it reaps.
    """

    seconds: float
    cpu: float
    exit_code: int
    stdout: bytes


@dataclass
class JobsRow:
    """Every timed run with one ``--jobs`` value."""

    jobs: int
    runs: list[Run]

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def best(self) -> float:
        return min(run.seconds for run in self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)


# --- the chapters --------------------------------------------------------------------------


def cut_chapters(text: str, folder: Path, count: int, words: int, suffix: str) -> int:
    """Write ``count`` chapters of ``words`` words from ``text`` into ``folder``.

    Chapter ``n`` starts at word ``n * total / count`` and wraps round to the first word at
    the end of the text; line breaks and paragraphs are kept as they are in the novel.
    Returns the number of words written.
    """
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        raise ValueError("the text holds no words")
    total = len(spans)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(count):
        start, left, pieces = number * total // count, words, []
        while left > 0:
            first = start % total
            take = min(left, total - first)
            pieces.append(text[spans[first][0] : spans[first + take - 1][1]])
            left -= take
            start += take
        body = "\n\n".join(pieces) + "\n"
        (folder / f"chapter-{number:03d}{suffix}").write_text(body, encoding="utf-8")
        written += count_words(body)
    return written


# --- running -------------------------------------------------------------------------------


def check_command(jobs: int, target: Path) -> list[str]:
    return [*cli_command(), "check", "--format", "json", "--jobs", str(jobs), str(target)]


def run_check(command: Sequence[str]) -> Run:
    """Run ``command`` to completion, timing the whole process and keeping its stdout."""
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        command, env=_CHILD_ENV, stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - before
    if done.returncode not in _CHECK_OK:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = lines[-1] if lines else "(no message)"
        raise CheckError(f"{' '.join(command)} exited {done.returncode}: {last}")
    return Run(seconds, cpu, done.returncode, done.stdout)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def job_counts(cores: int) -> list[int]:
    return [1, 2, cores] if cores > 2 else [1, 2]


def time_jobs(folder: Path, jobs: Sequence[int], runs: int) -> list[JobsRow]:
    """``runs`` rounds of one run per job count, interleaved so that drift hits all alike."""
    rows = [JobsRow(n, []) for n in jobs]
    for _ in range(runs):
        for row in rows:
            row.runs.append(run_check(check_command(row.jobs, folder)))
    return rows


def differences(rows: Sequence[JobsRow]) -> list[str]:
    """How each run differs from the first serial run: stdout bytes or exit code."""
    reference = rows[0].runs[0]
    found = []
    for row in rows:
        for number, run in enumerate(row.runs, start=1):
            if run.stdout != reference.stdout:
                found.append(
                    f"--jobs {row.jobs}, run {number}: stdout differs "
                    f"({len(run.stdout):,} bytes, serial {len(reference.stdout):,})"
                )
            if run.exit_code != reference.exit_code:
                found.append(
                    f"--jobs {row.jobs}, run {number}: exit code {run.exit_code}, "
                    f"serial {reference.exit_code}"
                )
    return found


def count_diagnostics(stdout: bytes) -> int | None:
    try:
        data = json.loads(stdout)
    except ValueError:
        return None
    found = data.get("diagnostics") if isinstance(data, dict) else None
    return len(found) if isinstance(found, list) else None


# --- reporting -----------------------------------------------------------------------------


def format_table(rows: Sequence[JobsRow]) -> str:
    serial = rows[0].median
    lines = [
        f"{'jobs':>4} {'median (s)':>11} {'speed-up':>9} {'best (s)':>9} {'cpu (s)':>8}  runs (s)",
        "-" * 72,
    ]
    for row in rows:
        speed_up = serial / row.median if row.median > 0 else float("nan")
        each = " ".join(f"{run.seconds:.3f}" for run in row.runs)
        lines.append(
            f"{row.jobs:>4} {row.median:>11.3f} {speed_up:>8.2f}x {row.best:>9.3f} "
            f"{row.median_cpu:>8.3f}  {each}"
        )
    return "\n".join(lines)


def core_count() -> tuple[int, int | None]:
    """``os.cpu_count()``, and the cores this process may run on when the OS says."""
    cores = os.cpu_count() or 1
    affinity = getattr(os, "sched_getaffinity", None)
    usable = len(affinity(0)) if affinity is not None else None
    return cores, usable


# --- command line --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--file",
        type=Path,
        help="the novel to cut (default: ../shared/corpus/gutenberg/pride_and_prejudice.txt)",
    )
    parser.add_argument("--chapters", type=int, default=200, help="chapters (default: 200)")
    parser.add_argument("--words", type=int, default=3000, help="words a chapter (default: 3000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the median counts")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="20 chapters of 1,000 words from the example story, one run: checks that it runs",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    chapters: int = options.chapters
    words: int = options.words
    runs: int = max(1, options.runs)
    file: Path = options.file or DEFAULT_FILE
    if options.quick:
        file = options.file or QUICK_FILE
        chapters, words, runs = 20, 1000, 1
    if chapters < 1 or words < 1:
        print("bench_jobs: --chapters and --words must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not file.is_file():
        print(
            f"bench_jobs: {file} not found. The repository holds no third-party text: pass "
            "--file with a long plain-text novel (for example a Project Gutenberg book), or "
            "--quick to cut the example story.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    text = file.read_text(encoding="utf-8-sig")
    cores, usable = core_count()
    jobs = job_counts(cores)
    # Other work on the machine slows a parallel run most: record how busy it was before.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    with tempfile.TemporaryDirectory(prefix="proselint-fic-jobs-") as temporary:
        folder = Path(temporary) / "chapters"
        try:
            total = cut_chapters(text, folder, chapters, words, file.suffix or ".txt")
        except ValueError as error:
            print(f"bench_jobs: {file}: {error}", file=sys.stderr)
            return EXIT_USAGE
        try:
            # Untimed: fills the page cache and the bytecode and compiled-pattern caches,
            # which every run of an installed tool after its first finds warm.
            run_check(check_command(1, folder))
            one = statistics.median(
                run_check(check_command(1, folder / f"chapter-000{file.suffix or '.txt'}")).seconds
                for _ in range(runs)
            )
            rows = time_jobs(folder, jobs, runs)
        except CheckError as error:
            print(f"bench_jobs: {error}", file=sys.stderr)
            return EXIT_USAGE

    found = differences(rows)
    reference = rows[0].runs[0].stdout
    diagnostics = count_diagnostics(reference)
    cores_text = f"{cores} (os.cpu_count())"
    if usable is not None and usable != cores:
        cores_text += f", {usable} usable by this process"
    lines = [
        f"text:      {file}",
        f"chapters:  {chapters} of {words:,} words ({total:,} words in all)",
        "command:   proselint-fic check --format json --jobs N FOLDER (whole process)",
        f"runs:      median of {runs}, interleaved, after one untimed --jobs 1 warm-up",
        f"cores:     {cores_text}",
        f"python:    {sys.version.split()[0]}",
        f"load:      {'-' if load is None else f'{load:.2f}'} (1-minute average before the runs)",
        "",
        format_table(rows),
        f"one chapter, --jobs 1: {one:.3f} s (start-up, imports, rule loading, one file)",
        f"output:    {len(reference):,} bytes of JSON, "
        f"{'?' if diagnostics is None else f'{diagnostics:,}'} diagnostics, "
        f"exit code {rows[0].runs[0].exit_code} (1: diagnostics found, as expected)",
        f"identical: {'no' if found else 'yes'}",
    ]
    lines += [f"  {difference}" for difference in found]
    print("\n".join(lines))
    return EXIT_DIFFERENT if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
