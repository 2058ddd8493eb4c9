#!/usr/bin/env python3
"""Build the verb form table that the ``tense`` rules ship with.

Run with lemminflect installed (it is a build-time dependency only):

    python scripts/build_verb_forms.py

It writes ``src/proselint_fic/data/tense/verbs.json``. Users never run this: the generated
file is committed, so the rules load it in a few milliseconds and neither lemminflect's
lazily loaded tables (~0.4 s) nor numpy are imported when a hook runs.

What the file holds (one JSON object, one entry a line so that diffs stay readable)
    ``forms``        lemma -> ``"past|third person present|past participle"``; a field may
                     hold several spellings separated by ``/``, the preferred one first
                     (``dream: dreamed/dreamt|dreams|dreamed``). The plain present (``I
                     swim``) is the lemma itself, except for *be* (``am``/``are``).
    ``past``         past form -> lemma, ``third`` -s form -> lemma (lookups the rules do
                     for every candidate verb, so they are stored rather than derived).
    ``participles``  every past participle.
    ``readings``     form -> letters for every verb form that can also be read as another
                     part of speech: ``n`` noun (*hands*, *starts*), ``a`` adjective (*left*,
                     *tired*), ``r`` adverb, ``p`` preposition. The rules use it to avoid
                     taking ``his hands`` or ``the fits and starts`` for verbs.

Sources: lemminflect's lemma lookup table (the vocabulary of verb forms it knows) and its
public ``getAllInflections``/``getAllLemmas`` functions (the forms and readings).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "tense"

# Modals have no -s form and no participle; their "past" is the form fiction uses as one.
MODALS: dict[str, str] = {"can": "could", "will": "would", "shall": "should", "may": "might"}
READING_LETTERS = {"NOUN": "n", "ADJ": "a", "ADV": "r", "ADP": "p"}


def _verb_lemmas(lemma_table: Path) -> set[str]:
    """Every lemma that lemminflect's lookup table knows as a verb."""
    lemmas: set[str] = set()
    with gzip.open(lemma_table, "rt", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if len(row) == 3 and row[1] == "verb":
                lemmas.update(row[2].split("/"))
    return {lemma for lemma in lemmas if lemma.isalpha() and lemma.islower()}


def _forms(lemma: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    forms: dict[str, tuple[str, ...]] = lemminflect.getAllInflections(lemma, upos="VERB")
    if "VBD" not in forms or "VBZ" not in forms:
        forms = {**lemminflect.getAllInflectionsOOV(lemma, "VERB"), **forms}
    return forms


def build(output: Path) -> tuple[int, int]:
    import lemminflect
    from lemminflect import config

    forms: dict[str, str] = {}
    past: dict[str, str] = {}
    third: dict[str, str] = {}
    participles: set[str] = set()
    for lemma in sorted(_verb_lemmas(Path(config.lemma_lu_fn))):
        if lemma in MODALS or lemma in {"be", "must", "ought", "dare"}:
            continue
        inflected = _forms(lemma)
        pasts, thirds = inflected.get("VBD", ()), inflected.get("VBZ", ())
        if not pasts or not thirds:
            continue
        participle = inflected.get("VBN", ()) or pasts
        forms[lemma] = "|".join("/".join(field) for field in (pasts, thirds, participle))
        participles.update(participle)
    forms["be"] = "was/were|is|been"
    participles.add("been")
    for present, modal_past in MODALS.items():
        forms[present] = f"{modal_past}||"
    for lemma, line in forms.items():
        pasts_field, thirds_field, _ = line.split("|")
        for form in filter(None, pasts_field.split("/")):
            past.setdefault(form, lemma)
        for form in filter(None, thirds_field.split("/")):
            third.setdefault(form, lemma)

    every_form = {*forms, *past, *third, *participles, "am", "are"}
    readings: dict[str, str] = {}
    for form in sorted(every_form):
        found = lemminflect.getAllLemmas(form)
        letters = "".join(letter for upos, letter in READING_LETTERS.items() if upos in found)
        if letters:
            readings[form] = letters

    table = {
        "source": f"lemminflect {lemminflect.__version__}, by scripts/build_verb_forms.py",
        "forms": forms,
        "past": past,
        "third": third,
        "participles": sorted(participles),
        "readings": readings,
    }
    output.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, indent=0, sort_keys=True, ensure_ascii=False)
    (output / "verbs.json").write_text(text + "\n", encoding="utf-8")
    return len(forms), len(readings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    verbs, readings = build(args.output)
    print(f"wrote {verbs} verbs and {readings} non-verb readings to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
