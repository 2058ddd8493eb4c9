#!/usr/bin/env python3
"""Train the real-word slip model: which of two easily confused words a context wants.

A slip that makes another word (*form* for *from*, *there* for *their*, *quiet* for
*quite*) passes every dictionary. What gives it away is the context: *walked form the
room* is a context that public-domain fiction fills with *from* thousands of times and
with *form* never. Every two members of a confusion set below make a pair, and for each
pair this script counts, in public-domain books, the context features
(``proselint_fic.checks.real_words.features``: two tokens each side) of each word. A
naive-Bayes weight per feature, the log of how much likelier the feature is beside one
word than beside the other, and the log ratio of the two words' frequencies make the
model; a feature seen fewer than ``MIN_COUNT`` times, or with a weight under
``WEIGHT_FLOOR``, carries none, and a pair keeps its ``TOP_K`` strongest features, so
that a feature the books did not show (a modern noun) is no evidence either way.

A slip is reported when the written word is one of a pair and the other fits much
better. How much better is a threshold per direction (*form* written, *from* meant),
chosen by cross-validation over held-out authors: books are split into folds by author,
each fold is scored by counts from the other folds, and the threshold is the lowest at
which the proofread text, taken as correct, draws at most ``--fp-budget`` reports per
million words. Recall at that threshold is measured by taking each held-out occurrence
of *from* as if *form* had been written; a direction whose recall is below
``--min-recall`` is dropped, since it would cost reading time for almost no finds.

    python scripts/build_real_word_model.py --texts DIR --manifest FILE [--exclude FILE]

``DIR`` holds one UTF-8 plain-text book per file; ``FILE`` is JSON lines with ``file``
and ``author``. ``--exclude`` names a JSON-lines file of works (``title`` keys) to leave
out, such as a blind test set's sources. It needs numpy (``pip install -e
".[build-data]"``), writes ``src/proselint_fic/data/real-word-slips.model`` and prints
each direction's threshold, recall and false reports. The texts are Project Gutenberg
editions (public domain) from the GITenberg repositories. Users never run this.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from array import array
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.checks.real_words.features import (  # noqa: E402
    context,
    features,
    paragraph_ranges,
)
from proselint_fic.checks.real_words.model import ConfusionSet, SlipModel, dumps  # noqa: E402
from proselint_fic.checks.real_words.rule import ordinary_case  # noqa: E402
from proselint_fic.document import Document  # noqa: E402
from proselint_fic.document.words import find_words  # noqa: E402

DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "real-word-slips.model"

# Sets of words that writers slip between: homophones, and one-letter changes that make
# another common word. Every two members make a pair; only the directions that the
# held-out measurement keeps ship.
CONFUSION_SETS = """
their there they're
your you're
its it's
then than
to too
lose loose
from form
from front
were where we're
whose who's
affect effect
passed past
breath breathe
hear here
weather whether
quite quiet
though through thought
of off
know now
no know
new knew
threw through
led lead
accept except
advice advise
peace piece
brake break
allowed aloud
an and
the they
the then
them then
want what
went want
on one
tried tired
started stared
cloths clothes
desert dessert
lightning lightening
principal principle
compliment complement
wander wonder
bare bear
site sight
role roll
whole hole
week weak
wait weight
waist waste
heard herd
dose does
hand hang
kitchen kitten
quit quite
except expect
later latter
loss lose
chose choose
moral morale
woman women
bought brought
every very
thing think
out our
our are
ever even
if it
of or
for from
with width
sit set
cloth clothe
dinner diner
angel angle
county country
conscious conscience
lay lie
rode road
sense since
scared scarred
of or on
in on is
is it
at as
was as
that than what
this his thus
be by
by my
me my
now not note
no not
there three
wear were
big bit
even event
let left
plan plain
gone done
how who
""".strip().splitlines()

ALPHA = 0.5  # additive smoothing of the feature counts
MIN_COUNT = 5  # occurrences (beside either word) a feature needs to carry a weight
WEIGHT_FLOOR = 0.5  # weights nearer zero say too little to keep
TOP_K = 500  # features a pair keeps, strongest (weight times log count) first
SLOTS = 7  # features per occurrence at most (features.features)
MIN_WRITTEN = 200  # proofread occurrences of the written word needed to set a threshold
MIN_MEANT = 50  # occurrences of the meant word needed to measure recall
# The least margin any direction asks (the meant word e**3, about 20 times likelier):
# a margin the old books set near zero does not carry over to modern prose.
MIN_MARGIN = 3.0

Rows = tuple[Any, Any, Any]  # word ids, folds, feature ids (SLOTS per row, -1 for none)

_VOCABULARY: dict[str, int] = {}


def _init_worker(vocabulary: dict[str, int]) -> None:
    _VOCABULARY.update(vocabulary)


def _read_book(job: tuple[str, int]) -> tuple[int, Any, Any, list[str], int]:
    """One book's occurrences of the vocabulary: word ids, feature ids (local to this
    book, with their names) and the book's word count."""
    path, fold = job
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    document = Document(text, markup="plain")
    prose = document.text
    words = find_words(prose)
    folded, starts, ends = words.folded, words.starts, words.ends
    local: dict[str, int] = {}
    word_ids = array("i")
    feature_ids = array("i")
    for first, last in paragraph_ranges(starts, document.paragraphs):
        for index in range(first, last + 1):
            word_id = _VOCABULARY.get(folded[index])
            if word_id is None:
                continue
            left, right = context(prose, folded, starts, ends, index, first=first, last=last)
            if not ordinary_case(prose[starts[index] : ends[index]], left):
                continue  # the rule leaves such words alone, so they teach nothing
            found = features(left, right)
            word_ids.append(word_id)
            feature_ids.extend(local.setdefault(f, len(local)) for f in found)
            feature_ids.extend([-1] * (SLOTS - len(found)))
    names = sorted(local, key=local.__getitem__)
    return (
        fold,
        np.array(word_ids, dtype=np.int32),
        np.array(feature_ids, dtype=np.int32).reshape(-1, SLOTS),
        names,
        len(folded),
    )


def _gather(
    books: list[dict[str, Any]], texts: Path, vocabulary: dict[str, int], folds: int, jobs: int
) -> tuple[Rows, list[str], int]:
    """Every occurrence of the vocabulary in the books, the feature names and the word count."""
    authors = sorted({book["author"] for book in books})
    fold_of = {author: zlib.crc32(author.encode()) % folds for author in authors}
    work = [(str(texts / Path(book["file"]).name), fold_of[book["author"]]) for book in books]
    feature_ids: dict[str, int] = {}
    parts: list[Rows] = []
    total = 0
    with Pool(jobs, initializer=_init_worker, initargs=(vocabulary,)) as pool:
        for number, (fold, words, local, names, count) in enumerate(pool.imap(_read_book, work)):
            remap = np.array([feature_ids.setdefault(n, len(feature_ids)) for n in names] + [-1])
            parts.append((words, np.full(len(words), fold, dtype=np.int8), remap[local]))
            total += count
            if number % 25 == 0:
                print(f"read {number + 1}/{len(work)} books", file=sys.stderr)
    rows = tuple(np.concatenate([part[k] for part in parts]) for k in range(3))
    names = sorted(feature_ids, key=feature_ids.__getitem__)
    return (rows[0], rows[1], rows[2]), names, total


Counts = tuple[Any, Any, int, int]  # feature ids (sorted), their counts, rows, feature total


class _Occurrences:
    """The rows of each word, and its feature counts with or without one fold."""

    def __init__(self, rows: Rows) -> None:
        words, folds, feats = rows
        order = np.argsort(words, kind="stable")
        bounds = np.searchsorted(words[order], np.arange(int(words.max()) + 2))
        self.rows = {
            word: (
                feats[order[bounds[word] : bounds[word + 1]]],
                folds[order[bounds[word] : bounds[word + 1]]],
            )
            for word in range(len(bounds) - 1)
            if bounds[word + 1] > bounds[word]
        }

    def counts(self, word: int, without_fold: int | None = None) -> Counts:
        feats, folds = self.rows[word]
        chosen = feats if without_fold is None else feats[folds != without_fold]
        ids = chosen.ravel()
        unique, counts = np.unique(ids[ids >= 0], return_counts=True)
        return unique, counts, len(chosen), int(counts.sum())


def _lookup(counts: Counts, ids: Any) -> Any:
    unique, found_counts = counts[0], counts[1]
    if len(unique) == 0:
        return np.zeros(len(ids), dtype=np.int64)
    at = np.minimum(np.searchsorted(unique, ids), len(unique) - 1)
    return np.where(unique[at] == ids, found_counts[at], 0)


def _pair_table(x: Counts, y: Counts, vocabulary_size: int) -> tuple[Any, Any, float]:
    """The features that tell ``y`` from ``x`` (sorted ids), their weights (log p(f|y) -
    log p(f|x)) and the bias (log of y's frequency over x's)."""
    ids = np.union1d(x[0], y[0])
    seen_x, seen_y = _lookup(x, ids), _lookup(y, ids)
    smoothing = ALPHA * vocabulary_size
    weights = (
        np.log(seen_y + ALPHA)
        - np.log(y[3] + smoothing)
        - np.log(seen_x + ALPHA)
        + np.log(x[3] + smoothing)
    )
    kept = np.nonzero(((seen_x + seen_y) >= MIN_COUNT) & (np.abs(weights) >= WEIGHT_FLOOR))[0]
    if len(kept) > TOP_K:
        strength = np.abs(weights[kept]) * np.log1p(seen_x[kept] + seen_y[kept])
        kept = np.sort(kept[np.argsort(-strength)[:TOP_K]])
    bias = math.log(max(y[2], 1) / max(x[2], 1))
    return ids[kept], weights[kept], bias


def _margins(table: tuple[Any, Any, float], feats: Any) -> Any:
    """How much better ``y`` fits than ``x`` in each row of ``feats``."""
    ids, weights, bias = table
    if len(ids) == 0 or len(feats) == 0:
        return np.full(len(feats), bias)
    at = np.minimum(np.searchsorted(ids, feats), len(ids) - 1)
    hit = (ids[at] == feats) & (feats >= 0)
    return np.where(hit, weights[at], 0.0).sum(axis=1) + bias


def _threshold(false_margins: Any, allowed: int) -> float:
    """The lowest margin that lets at most ``allowed`` of ``false_margins`` through."""
    ranked = np.sort(false_margins)[::-1]
    if len(ranked) <= allowed:
        return 0.0
    return max(float(ranked[allowed]), 0.0) + 1e-6


Direction = tuple[float, float, int, int]  # threshold, recall, false reports, slips tried


def _directions(
    data: _Occurrences, x: int, y: int, *, folds: int, size: int, allowed: int
) -> dict[tuple[int, int], Direction]:
    """Both directions of the pair (x written for y, y written for x), measured out of fold."""
    on_x, on_y = [], []
    for fold in range(folds):
        table = _pair_table(data.counts(x, fold), data.counts(y, fold), size)
        for word, out in ((x, on_x), (y, on_y)):
            feats, row_folds = data.rows[word]
            out.append(_margins(table, feats[row_folds == fold]))
    margins_x, margins_y = np.concatenate(on_x), np.concatenate(on_y)
    found: dict[tuple[int, int], Direction] = {}
    # Margins favour y: on x's rows they are false reports of "x written for y", on y's
    # rows they are the slips it should catch; negated, the same for "y written for x".
    for key, falses, slips in (((x, y), margins_x, margins_y), ((y, x), -margins_y, -margins_x)):
        if len(slips) < MIN_MEANT or len(falses) < MIN_WRITTEN:
            continue
        threshold = max(_threshold(falses, allowed), MIN_MARGIN)
        found[key] = (
            threshold,
            float((slips > threshold).mean()),
            int((falses > threshold).sum()),
            len(slips),
        )
    return found


def _read_manifest(manifest: Path, exclude: Path | None, limit: int) -> list[dict[str, Any]]:
    excluded: set[str] = set()
    if exclude:
        for line in exclude.read_text().splitlines():
            if line.strip():
                excluded.add(json.loads(line).get("title", "").lower().strip())
    books = []
    for line in manifest.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            if entry.get("title", "").lower().strip() not in excluded:
                books.append(entry)
    return books[:limit] if limit else books


def _pairs() -> list[tuple[str, str]]:
    found = set()
    for line in CONFUSION_SETS:
        members = line.split()
        found.update((a, b) for a in members for b in members if a < b)
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--manifest", type=Path, required=True, action="append")
    parser.add_argument("--exclude", type=Path)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--fp-budget", type=float, default=0.2, help="per million words")
    parser.add_argument("--min-recall", type=float, default=0.3)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--limit", type=int, default=0, help="books to read (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    books = [b for m in args.manifest for b in _read_manifest(m, args.exclude, 0)]
    books = books[: args.limit] if args.limit else books
    pairs = _pairs()
    words = sorted({word for pair in pairs for word in pair})
    vocabulary = {word: index for index, word in enumerate(words)}
    rows, names, total_words = _gather(books, args.texts, vocabulary, args.folds, args.jobs)
    allowed = int(args.fp_budget * total_words / 1_000_000)
    print(
        f"{len(books)} books, {total_words} words; {allowed} false reports allowed per direction",
        file=sys.stderr,
    )
    data = _Occurrences(rows)
    kept: list[tuple[tuple[str, str], Any, dict[str, tuple[tuple[str, float], ...]]]] = []
    report = []
    for a, b in pairs:
        x, y = vocabulary[a], vocabulary[b]
        if x not in data.rows or y not in data.rows:
            continue
        slips: dict[str, tuple[tuple[str, float], ...]] = {}
        for (written, meant), (threshold, recall, flagged, tried) in _directions(
            data, x, y, folds=args.folds, size=len(names), allowed=allowed
        ).items():
            report.append((recall, words[written], words[meant], threshold, flagged, tried))
            if recall >= args.min_recall:
                slips[words[written]] = ((words[meant], round(threshold, 3)),)
        if slips:
            kept.append(((a, b), _pair_table(data.counts(x), data.counts(y), len(names)), slips))
    for recall, written, meant, threshold, flagged, tried in sorted(report, reverse=True):
        mark = "KEEP" if recall >= args.min_recall else "drop"
        print(
            f"{mark} {written:>10} -> {meant:<10} recall {recall:.3f} "
            f"threshold {threshold:6.2f} false {flagged} of n={tried}"
        )
    _write(args.output, kept, names, total_words, len(books))
    return 0


def _write(
    output: Path,
    kept: list[tuple[tuple[str, str], Any, dict[str, tuple[tuple[str, float], ...]]]],
    names: list[str],
    words: int,
    books: int,
) -> None:
    sets = []
    weights: dict[str, str] = {}
    for set_index, (pair, (ids, pair_weights, bias), slips) in enumerate(kept):
        # A pair's weights favour its second word: each member gets half, with opposite signs.
        sets.append(ConfusionSet(pair, (round(-bias / 2, 3), round(bias / 2, 3)), slips))
        for feature, weight in zip(ids.tolist(), pair_weights.tolist(), strict=True):
            weights[f"{set_index}|{names[feature]}"] = f"{-weight / 2:.2f} {weight / 2:.2f}"
    trained_on = f"{books} public-domain books (Project Gutenberg), {words} words"
    output.write_bytes(dumps(SlipModel(tuple(sets), weights, trained_on)))
    print(
        f"wrote {output} ({output.stat().st_size // 1024} kB, {len(sets)} pairs, "
        f"{len(weights)} weights)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
