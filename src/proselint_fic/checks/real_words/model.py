"""The real-word slip model's file, and how it scores a context.

For each confusion set (*from form*, *their there they're*) the model holds a bias per
member and, per context feature, a weight per member (a multinomial logistic regression,
trained by ``scripts/build_real_word_model.py``); a member's score in a context is its
bias plus the weights of the context's features. A slip direction (*form* written, *from*
meant) carries the margin by which the meant word must outscore the written one before
the written word is reported.

Layout: a JSON header (format, the sets with their members, biases and slip directions,
what it was trained on, and the weights table's buckets), then the weights table as
``set|feature<TAB>w1 w2 ...`` lines, bucketed (:mod:`proselint_fic.bucketed`) so that a
chapter's few hundred lookups do not read the whole file. Data only: no pickle, no code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from proselint_fic.bucketed import (
    ModelFileError,
    Table,
    map_file,
    open_table,
    read_header,
    table_body,
    with_header,
)
from proselint_fic.resources import data_dir

if TYPE_CHECKING:
    import mmap

FORMAT = 1
MODEL_FILE = "real-word-slips.model"


class ConfusionSet(NamedTuple):
    words: tuple[str, ...]
    bias: tuple[float, ...]
    # written word -> (meant word, margin needed) for each direction the model reports
    slips: Mapping[str, tuple[tuple[str, float], ...]]


class SlipModel(NamedTuple):
    sets: tuple[ConfusionSet, ...]
    weights: Mapping[str, str] | Table  # "set|feature" -> "w1 w2 ..." (one per member)
    trained_on: str

    def sets_for(self) -> dict[str, tuple[int, ...]]:
        """Each word that the model may report, with the sets that report it."""
        found: dict[str, list[int]] = {}
        for index, confusion in enumerate(self.sets):
            for written in confusion.slips:
                found.setdefault(written, []).append(index)
        return {word: tuple(indices) for word, indices in found.items()}

    def scores(self, set_index: int, features: Sequence[str]) -> list[float]:
        """Each member's score for a word of set ``set_index`` in a context."""
        totals = list(self.sets[set_index].bias)
        weights = self.weights
        prefix = f"{set_index}|"
        for feature in features:
            row = weights.get(prefix + feature)
            if row is not None:
                for position, weight in enumerate(row.split()):
                    totals[position] += float(weight)
        return totals


def dumps(model: SlipModel) -> bytes:
    entries = model.weights.as_dict() if isinstance(model.weights, Table) else dict(model.weights)
    body, starts = table_body(entries, 0)
    header: dict[str, object] = {
        "format": FORMAT,
        "trained_on": model.trained_on,
        "sets": [
            {
                "words": list(confusion.words),
                "bias": list(confusion.bias),
                "slips": [
                    [written, meant, margin]
                    for written, directions in sorted(confusion.slips.items())
                    for meant, margin in directions
                ],
            }
            for confusion in model.sets
        ],
        "table": {"entries": len(entries), "starts": starts},
    }
    return with_header(header, body)


def loads(data: bytes | str | mmap.mmap) -> SlipModel:
    blob, header, body = read_header(data, "real-word model", FORMAT)
    try:
        sets = tuple(_confusion_set(entry) for entry in header["sets"])
        layout = header["table"]
        trained_on = str(header.get("trained_on", ""))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelFileError(f"unreadable real-word model header: {error}") from error
    return SlipModel(sets, open_table(blob, body, layout), trained_on)


def _confusion_set(entry: dict[str, Any]) -> ConfusionSet:
    words = tuple(str(word) for word in entry["words"])
    bias = tuple(float(value) for value in entry["bias"])
    if len(bias) != len(words):
        raise ValueError("a set's biases and members differ in number")
    slips: dict[str, list[tuple[str, float]]] = {}
    for written, meant, margin in entry["slips"]:
        if written not in words or meant not in words:
            raise ValueError(f"slip {written!r} -> {meant!r} is outside its set")
        slips.setdefault(str(written), []).append((str(meant), float(margin)))
    return ConfusionSet(words, bias, {word: tuple(found) for word, found in slips.items()})


@cache
def shipped_model() -> SlipModel:
    """The model shipped in the package, mapped on first use."""
    return loads(map_file(data_dir() / MODEL_FILE))
