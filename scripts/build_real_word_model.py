#!/usr/bin/env python3
"""Train the real-word slip model: which of a set of easily confused words a context wants.

A slip that makes another word (*form* for *from*, *there* for *their*, *quiet* for
*quite*) passes every dictionary. What gives it away is the context: *walked form the
room* is a context that public-domain fiction fills with *from* thousands of times and
with *form* never. For each confusion set below, this script trains a multinomial
logistic regression (scikit-learn, at build time only) that reads a word's context (two
tokens each side, see ``proselint_fic.checks.real_words.features``) and says how strongly
each member of the set fits there.

A slip is reported when the written word is a member and another member fits much
better. How much better is a threshold per direction (*form* written, *from* meant),
chosen by cross-validation over held-out authors: books are split into folds by author,
each fold is scored by a model that never saw its authors, and the threshold is the
lowest at which the proofread text, taken as correct, draws at most ``--fp-budget``
reports per million words. Recall at that threshold is measured by taking each held-out
occurrence of *from* as if *form* had been written; a direction whose recall is below
``--min-recall`` is dropped, since it would cost reading time for almost no finds.

    python scripts/build_real_word_model.py --texts DIR --manifest FILE [--exclude FILE]

``DIR`` holds one UTF-8 plain-text book per file; ``FILE`` is JSON lines with ``file``
and ``author``. ``--exclude`` names a JSON-lines file of works (``title`` keys) to leave
out, such as a blind test set's sources. It writes
``src/proselint_fic/data/real-word-slips.model`` and prints each direction's threshold,
recall and false reports. The texts are Project Gutenberg editions (public domain) from
the GITenberg repositories. Users never run this.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.checks.real_words.features import (  # noqa: E402
    context,
    features,
    paragraph_ranges,
)
from proselint_fic.checks.real_words.model import ConfusionSet, SlipModel, dumps  # noqa: E402
from proselint_fic.document import Document  # noqa: E402
from proselint_fic.document.words import find_words  # noqa: E402

DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "real-word-slips.model"

# Sets of words that writers slip between: homophones, and one-letter changes that make
# another common word. Only the directions that the held-out measurement keeps ship.
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
""".strip().splitlines()

_MAX_PER_MEMBER = 120_000
_MIN_FEATURE_COUNT = 2
_WEIGHT_FLOOR = 0.02


def _book_examples(
    text: str, members: dict[str, list[int]]
) -> dict[int, list[tuple[list[str], str]]]:
    """For each confusion set (by index), the features and written word of each member
    occurrence in ``text``."""
    document = Document(text, markup="plain")
    prose = document.text
    words = find_words(prose)
    folded, starts, ends = words.folded, words.starts, words.ends
    found: dict[int, list[tuple[list[str], str]]] = collections.defaultdict(list)
    for first, last in paragraph_ranges(starts, document.paragraphs):
        for index in range(first, last + 1):
            sets = members.get(folded[index])
            if sets is None:
                continue
            left, right = context(prose, folded, starts, ends, index, first=first, last=last)
            feats = features(left, right)
            for set_index in sets:
                found[set_index].append((feats, folded[index]))
    return found


def _folds_of(authors: list[str], count: int) -> dict[str, int]:
    return {author: zlib.crc32(author.encode()) % count for author in authors}


def _train(rows: list[tuple[list[str], str]], seed: int) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(seed)
    by_label: dict[str, list[list[str]]] = collections.defaultdict(list)
    for feats, label in rows:
        by_label[label].append(feats)
    sampled: list[tuple[list[str], str]] = []
    correction: dict[str, float] = {}
    for label, items in by_label.items():
        chosen = items
        if len(items) > _MAX_PER_MEMBER:
            correction[label] = math.log(len(items) / _MAX_PER_MEMBER)
            chosen = rng.sample(items, _MAX_PER_MEMBER)
        sampled.extend((feats, label) for feats in chosen)
    counts: collections.Counter[str] = collections.Counter(
        feat for feats, _ in sampled for feat in feats
    )
    kept = [{f: 1 for f in feats if counts[f] >= _MIN_FEATURE_COUNT} for feats, _ in sampled]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    labels = [label for _, label in sampled]
    model = LogisticRegression(C=1.0, max_iter=300)
    model.fit(matrix, labels)
    classes = list(model.classes_)
    names = vectorizer.get_feature_names_out()
    coef = model.coef_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes
        coef = [[-w / 2 for w in coef[0]], [w / 2 for w in coef[0]]]
        bias = [-model.intercept_[0] / 2, model.intercept_[0] / 2]
    else:
        coef = [list(row) for row in coef]
        bias = list(model.intercept_)
    bias = [b + correction.get(c, 0.0) for b, c in zip(bias, classes, strict=True)]
    weights = {name: tuple(coef[k][j] for k in range(len(classes))) for j, name in enumerate(names)}
    return classes, bias, weights


def _scores(model: Any, feats: list[str]) -> dict[str, float]:
    classes, bias, weights = model
    totals = list(bias)
    for feat in feats:
        row = weights.get(feat)
        if row is not None:
            for k, w in enumerate(row):
                totals[k] += w
    return dict(zip(classes, totals, strict=True))


def _threshold(false_margins: list[float], allowed: int) -> float:
    """The lowest margin that lets at most ``allowed`` of ``false_margins`` through."""
    ranked = sorted(false_margins, reverse=True)
    if len(ranked) <= allowed:
        return 0.0
    return max(ranked[allowed], 0.0) + 1e-6


Row = tuple[list[str], str, int]  # features, written word, fold
Directions = dict[tuple[str, str], float]  # (written, meant) -> margin needed


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


def _gather(
    books: list[dict[str, Any]], texts: Path, sets: list[list[str]], folds: int
) -> tuple[dict[int, list[Row]], int]:
    """Every member occurrence in the books, per set, and the books' word count."""
    members: dict[str, list[int]] = collections.defaultdict(list)
    for index, words in enumerate(sets):
        for word in words:
            members[word].append(index)
    fold_of = _folds_of(sorted({b["author"] for b in books}), folds)
    rows: dict[int, list[Row]] = collections.defaultdict(list)
    total = 0
    for number, book in enumerate(books):
        text = (texts / Path(book["file"]).name).read_text(encoding="utf-8", errors="replace")
        total += len(find_words(text).folded)
        fold = fold_of[book["author"]]
        for set_index, found in _book_examples(text, members).items():
            rows[set_index].extend((feats, word, fold) for feats, word in found)
        if number % 20 == 0:
            print(f"read {number + 1}/{len(books)} books", file=sys.stderr)
    return rows, total


def _out_of_fold_margins(
    data: list[Row], words: list[str], folds: int
) -> tuple[dict[tuple[str, str], list[float]], dict[tuple[str, str], list[float]]]:
    """For each direction (written, meant): the margins at which the proofread text would
    be flagged (false reports) and those of the same contexts taken as slips."""
    false_margins: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    slip_margins: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    for fold in range(folds):
        train = [(f, w) for f, w, k in data if k != fold]
        test = [(f, w) for f, w, k in data if k == fold]
        if len({w for _, w in train}) < 2 or not test:
            continue
        model = _train(train, seed=fold)
        for feats, word in test:
            scores = _scores(model, feats)
            if word not in scores:
                continue
            for other in words:
                if other != word and other in scores:
                    false_margins[(word, other)].append(scores[other] - scores[word])
                    slip_margins[(other, word)].append(scores[word] - scores[other])
    return false_margins, slip_margins


def _choose_directions(
    data: list[Row], words: list[str], args: argparse.Namespace, allowed: int, report: list[Any]
) -> Directions:
    labels = collections.Counter(word for _, word, _ in data)
    if len(labels) < 2 or sorted(labels.values())[-2] < 20:
        return {}
    false_margins, slip_margins = _out_of_fold_margins(data, words, args.folds)
    directions: Directions = {}
    for key, slips in slip_margins.items():
        written = key[0]
        if len(slips) < 50 or labels[written] < 20:
            continue
        falses = false_margins.get(key, [])
        threshold = _threshold(falses, allowed)
        recall = sum(m > threshold for m in slips) / len(slips)
        flagged = sum(m > threshold for m in falses)
        report.append((recall, *key, threshold, flagged, len(slips)))
        if recall >= args.min_recall:
            directions[key] = threshold
    return directions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--exclude", type=Path)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--fp-budget", type=float, default=0.5, help="per million words")
    parser.add_argument("--min-recall", type=float, default=0.3)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--limit", type=int, default=0, help="books to read (0: all)")
    args = parser.parse_args()

    books = _read_manifest(args.manifest, args.exclude, args.limit)
    sets = [line.split() for line in CONFUSION_SETS]
    rows, total_words = _gather(books, args.texts, sets, args.folds)
    allowed = int(args.fp_budget * total_words / 1_000_000)
    print(
        f"{len(books)} books, {total_words} words; {allowed} false reports allowed per direction",
        file=sys.stderr,
    )
    kept_sets: list[tuple[list[str], Any, Directions]] = []
    report: list[Any] = []
    for set_index, words in enumerate(sets):
        data = rows.get(set_index, [])
        directions = _choose_directions(data, words, args, allowed, report)
        if directions:
            final = _train([(f, w) for f, w, _ in data], seed=99)
            kept_sets.append((words, final, directions))
    for recall, written, meant, threshold, flagged, n in sorted(report, reverse=True):
        mark = "KEEP" if recall >= args.min_recall else "drop"
        print(
            f"{mark} {written:>10} -> {meant:<10} recall {recall:.3f} "
            f"threshold {threshold:6.2f} false {flagged} of n={n}"
        )
    _write(args.output, kept_sets, total_words, len(books))
    return 0


def _write(
    output: Path,
    kept_sets: list[tuple[list[str], Any, dict[tuple[str, str], float]]],
    words: int,
    books: int,
) -> None:
    sets = []
    weights: dict[str, str] = {}
    for set_index, (_, trained, directions) in enumerate(kept_sets):
        classes, bias, rows = trained
        slips: dict[str, list[tuple[str, float]]] = collections.defaultdict(list)
        for (written, meant), threshold in sorted(directions.items()):
            slips[written].append((meant, round(threshold, 3)))
        sets.append(
            ConfusionSet(
                tuple(classes),
                tuple(round(b, 3) for b in bias),
                {word: tuple(found) for word, found in slips.items()},
            )
        )
        for name, row in rows.items():
            centre = sum(row) / len(row)
            if max(abs(w - centre) for w in row) < _WEIGHT_FLOOR:
                continue
            weights[f"{set_index}|{name}"] = " ".join(f"{w - centre:.2f}" for w in row)
    trained_on = f"{books} public-domain books (Project Gutenberg), {words} words"
    output.write_bytes(dumps(SlipModel(tuple(sets), weights, trained_on)))
    print(
        f"wrote {output} ({output.stat().st_size // 1024} kB, {len(weights)} weights)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
