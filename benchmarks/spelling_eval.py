#!/usr/bin/env python3
"""Measure the typo rules on the shared corpora: what docs/spelling.md reports.

Prints, when ``../shared/corpus`` is there:

* dev corpus: typo precision, recall, first-suggestion accuracy, clean-file hits, misses;
* the real sample: its typo diagnostics;
* Pride and Prejudice (en-GB and en-US): diagnostics per 10,000 words;
* Norvig's two test sets: how often the first suggestion is the right word.

Run it with the project's interpreter: ``.venv/bin/python benchmarks/spelling_eval.py``.
It calls the rules directly (no command line), so it measures spelling alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from proselint_fic.checks.spelling import rules
from proselint_fic.checks.spelling.suggest import suggest
from proselint_fic.document import Dialect, Document, DocumentOptions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
Hit = tuple[int, int, int, str, str, tuple[str, ...]]


def lint(path: Path, dialect: Dialect = "en-US") -> list[Hit]:
    """``(line, column, end_column, rule, word, replacements)``, 1-based, end exclusive."""
    text = path.read_text(encoding="utf-8")
    document = Document(text, path=str(path), options=DocumentOptions(dialect=dialect))
    hits: list[Hit] = []
    for rule in rules():
        for match in rule.check(document):
            start, end = document.to_source(match.start), document.to_source(match.end)
            line_start = text.rfind("\n", 0, start) + 1
            column = start - line_start + 1
            line = text.count("\n", 0, start) + 1
            hits.append((line, column, column + end - start, rule.meta.id, text[start:end],
                         match.replacements))  # fmt: skip
    return hits


def dev_corpus(dev: Path) -> None:
    gold = [json.loads(line) for line in (dev / "gold.jsonl").read_text().splitlines()]
    gold = [g for g in gold if g["category"] == "typo"]
    matched: set[int] = set()
    false_positives: list[str] = []
    right_first = 0
    for path in sorted((dev / "cases").glob("*.txt")):
        here = [(i, g) for i, g in enumerate(gold) if g["path"] == f"cases/{path.name}"]
        for line, start, end, _, word, fixes in lint(path):
            hit = next(
                (i for i, g in here
                 if g["line"] == line and start < g["end_column"] and g["column"] < end
                 and i not in matched),
                None,
            )  # fmt: skip
            if hit is None:
                false_positives.append(f"{path.name}:{line} {word}")
                continue
            matched.add(hit)
            right_first += bool(fixes) and fixes[0] == gold[hit]["fix"]
    found = len(matched)
    precision = found / (found + len(false_positives)) if found + len(false_positives) else 1.0
    print(f"dev: precision {precision:.3f}, recall {found / len(gold):.3f} ({found}/{len(gold)}), "
          f"right first suggestion {right_first}/{found}")  # fmt: skip
    for entry in false_positives:
        print(f"  false positive {entry}")
    for i, g in enumerate(gold):
        if i not in matched:
            print(f"  missed {g['path']}:{g['line']} {g['text']} -> {g['fix']}")
    clean = sorted((dev / "clean").glob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in clean)
    hits = [(p.name, h) for p in clean for h in lint(p)]
    print(f"dev clean: {len(hits)} diagnostics on {words} words "
          f"({1000 * len(hits) / words:.2f} per 1,000)")  # fmt: skip
    for name, (line, _, _, rule, word, _) in hits:
        print(f"  {name}:{line} {word} ({rule})")


def per_10k(path: Path, dialect: Dialect) -> None:
    words = len(path.read_text(encoding="utf-8").split())
    started = time.perf_counter()
    hits = lint(path, dialect)
    seconds = time.perf_counter() - started
    print(f"{path.name} [{dialect}]: {len(hits)} diagnostics, "
          f"{10_000 * len(hits) / words:.2f} per 10,000 words, {seconds:.2f} s")  # fmt: skip
    for line, _, _, rule, word, fixes in hits:
        print(f"  {line}: {word} -> {', '.join(fixes[:3]) or '(none)'} ({rule})")


def norvig(folder: Path) -> None:
    total = right = 0
    for name in ("spell-testset1.txt", "spell-testset2.txt"):
        here = good = 0
        for line in (folder / name).read_text().splitlines():
            target, _, wrongs = line.partition(":")
            for wrong in wrongs.split():
                first = suggest(wrong.lower(), "en-US")[:1]
                here += 1
                good += bool(first) and first[0].lower() == target.strip().lower()
        print(f"{name}: right first suggestion {good}/{here} ({good / here:.1%})")
        total, right = total + here, right + good
    print(f"Norvig, both sets: {right}/{total} ({right / total:.1%})")


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no shared corpus at {CORPUS}; nothing to measure")
        return 0
    dev_corpus(CORPUS / "dev")
    per_10k(CORPUS / "000_961a77e3023996bd.txt", "en-US")
    dialects: tuple[Dialect, ...] = ("en-GB", "en-US")
    for dialect in dialects:
        per_10k(CORPUS / "gutenberg" / "pride_and_prejudice.txt", dialect)
    norvig(CORPUS / "spelling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
