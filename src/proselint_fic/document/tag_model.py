"""The tagger model's file: plain text, one string a line, so that loading it is a split.

A cold start (a pre-commit hook on one chapter) pays for loading the model whenever a
sentence needs tags, so the format is chosen for that: parsing 100,000 JSON strings took
about 55 ms, splitting the same strings out of lines and zipping them into dictionaries
takes about 30. It is still data and nothing else: no pickle, no code.

Layout: the first line is a JSON header (format version, classes, the tag dictionary, and
how many weight rows and lexicon entries follow); then the weight features, one a line;
then their rows in the same order ("3 1.5 7 -0.4": class index, weight, ...); then the
lexicon's words and then their readings. No key or value may hold a line break.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FORMAT = 2


@dataclass(frozen=True, slots=True)
class TagModel:
    classes: tuple[str, ...]
    tagdict: dict[str, str]
    weights: dict[str, str]  # feature -> its row, as text
    lexicon: dict[str, str]  # word -> its verb forms and other readings, as letters


class ModelFileError(ValueError):
    """The model file is not in the expected format."""


def dumps(model: TagModel) -> str:
    for table in (model.weights, model.lexicon):
        if any("\n" in key or "\n" in value for key, value in table.items()):
            raise ModelFileError("a model key or value holds a line break")
    header = {
        "format": FORMAT,
        "classes": list(model.classes),
        "tagdict": model.tagdict,
        "weights": len(model.weights),
        "lexicon": len(model.lexicon),
    }
    lines = [json.dumps(header, sort_keys=True, separators=(",", ":"))]
    for table in (model.weights, model.lexicon):
        keys = sorted(table)
        lines += keys
        lines += [table[key] for key in keys]
    return "\n".join(lines) + "\n"


def loads(text: str) -> TagModel:
    first, _, body = text.partition("\n")
    try:
        header = json.loads(first)
        if header.get("format") != FORMAT:
            raise ModelFileError(f"tagger model format {header.get('format')!r}, not {FORMAT}")
        n_weights, n_lexicon = int(header["weights"]), int(header["lexicon"])
        classes, tagdict = tuple(header["classes"]), dict(header["tagdict"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelFileError(f"unreadable tagger model header: {error}") from error
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != 2 * (n_weights + n_lexicon):
        raise ModelFileError("the tagger model's length does not match its header")
    middle = 2 * n_weights
    weights = dict(zip(lines[:n_weights], lines[n_weights:middle], strict=True))
    lexicon_keys = lines[middle : middle + n_lexicon]
    lexicon = dict(zip(lexicon_keys, lines[middle + n_lexicon :], strict=True))
    return TagModel(classes, tagdict, weights, lexicon)


def read(path: Path) -> TagModel:
    return loads(path.read_text(encoding="utf-8"))


def write(path: Path, model: TagModel) -> None:
    path.write_text(dumps(model), encoding="utf-8", newline="\n")
