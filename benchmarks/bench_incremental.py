#!/usr/bin/env python3
"""Time re-linting a novel after one-paragraph edits, as an editor plugin does.

A ``Linter`` lints the whole text once ("open": a full lint, since a text linted only once
is not kept); the first edit builds what is kept ("first edit"); then each of ``--edits``
random edits (typing a word into a paragraph, deleting a few characters, rewriting,
inserting or deleting a paragraph) is followed by ``Linter.lint_text`` on the whole new
text, timed. Printed for
two rule sets: every default rule, and only the paragraph rules (``locality =
"paragraph"``), whose matches are kept per paragraph. The median is the figure issue 12
budgets (5 ms); p90 and the largest are shown too. With ``--check`` every result is
compared with a full lint of the same text by a fresh ``Linter`` (slow; a correctness
check, not a timing).

    .venv/bin/python benchmarks/bench_incremental.py
    .venv/bin/python benchmarks/bench_incremental.py --edits 200 --check
    .venv/bin/python benchmarks/bench_incremental.py --quick   # CI: checks only that it runs
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from proselint_fic import Linter

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = REPO_ROOT.parent / "shared" / "corpus" / "gutenberg" / "pride_and_prejudice.txt"
EXAMPLE = REPO_ROOT / "examples" / "the-lighthouse-keeper.md"
EXIT_USAGE = 2
_NEW_PARAGRAPH = "She is here now, and then.he comes back to the the door -- quietly."
_WORDS = (" the", " quietly", " Zelda", " walked", ".", ",", " matress")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = _text(args)
    if text is None:
        return EXIT_USAGE
    words = len(text.split())
    print(f"text: {words:,} words, {text.count(chr(10) + chr(10)) + 1:,} paragraphs")
    paragraph_rules = [
        meta.id
        for meta in Linter(discover_config=False).rules
        if meta.locality == "paragraph" and meta.enabled_by_default
    ]
    for name, select in (("every default rule", None), ("paragraph rules only", paragraph_rules)):
        times, first = _session(text, select, args.edits + 1, args.seed, args.check)
        keeping, times = times[0], times[1:]
        print(
            f"{name:22} open {first * 1000:7.1f} ms, first edit {keeping * 1000:7.1f} ms | then: "
            f"median {statistics.median(times) * 1000:7.2f} ms, "
            f"p90 {_percentile(times, 0.9) * 1000:7.2f} ms, "
            f"max {max(times) * 1000:7.2f} ms ({len(times)} edits)"
        )
    if args.check:
        print("every result equalled a full lint")
    return 0


def _session(
    text: str, select: list[str] | None, edits: int, seed: int, check: bool
) -> tuple[list[float], float]:
    linter = Linter(discover_config=False, select=select)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "novel.txt"
        started = time.perf_counter()
        linter.lint_text(text, path=path)
        first = time.perf_counter() - started
        paragraphs = text.split("\n\n")
        chooser = random.Random(seed)
        times: list[float] = []
        for _ in range(edits):
            _EDITS[chooser.randrange(len(_EDITS))](paragraphs, chooser)
            edited = "\n\n".join(paragraphs)
            started = time.perf_counter()
            found = linter.lint_text(edited, path=path)
            times.append(time.perf_counter() - started)
            if check:
                path.write_text(edited, encoding="utf-8", newline="")
                full = Linter(discover_config=False, select=select).lint_file(path)
                if found != list(full.diagnostics):
                    sys.exit("an incremental result differed from a full lint")
    return times, first


def _type_word(paragraphs: list[str], chooser: random.Random) -> None:
    index = chooser.randrange(len(paragraphs))
    old = paragraphs[index]
    at = chooser.randint(0, len(old))
    paragraphs[index] = old[:at] + chooser.choice(_WORDS) + old[at:]


def _erase(paragraphs: list[str], chooser: random.Random) -> None:
    index = chooser.randrange(len(paragraphs))
    old = paragraphs[index]
    at = chooser.randint(0, len(old))
    paragraphs[index] = old[:at] + old[at + chooser.randint(1, 5) :]


def _rewrite(paragraphs: list[str], chooser: random.Random) -> None:
    paragraphs[chooser.randrange(len(paragraphs))] = _NEW_PARAGRAPH


def _insert(paragraphs: list[str], chooser: random.Random) -> None:
    paragraphs.insert(chooser.randrange(len(paragraphs) + 1), _NEW_PARAGRAPH)


def _delete(paragraphs: list[str], chooser: random.Random) -> None:
    if len(paragraphs) > 2:
        del paragraphs[chooser.randrange(len(paragraphs))]


_EDITS: tuple[Callable[[list[str], random.Random], None], ...] = (
    _type_word,
    _type_word,
    _type_word,
    _erase,
    _rewrite,
    _insert,
    _delete,
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _text(args: argparse.Namespace) -> str | None:
    if args.quick:
        return EXAMPLE.read_text(encoding="utf-8")  # linted as plain text
    file = Path(args.file)
    if not file.is_file():
        print(f"no text at {file}: pass --file with a long plain-text novel", file=sys.stderr)
        return None
    return file.read_text(encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--file", default=str(DEFAULT_FILE), help="a long plain-text novel")
    parser.add_argument("--edits", type=int, default=50, help="edits per rule set (50)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for the edits")
    parser.add_argument("--check", action="store_true", help="compare each result with a full lint")
    parser.add_argument("--quick", action="store_true", help="a few edits of the example story")
    return parser


if __name__ == "__main__":
    sys.exit(main())
