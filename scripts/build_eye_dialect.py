#!/usr/bin/env python3
"""Build the list of eye-dialect spellings that published fiction writes in speech.

Speech in fiction is spelled as it sounds: *heerd*, *p'int*, *b'lieve*, *wuz*, *allus*.
No dictionary lists these, and a paragraph with only one of them does not read as a
voice (docs/spelling.md), so each was reported as a typo. This script learns them from
public-domain fiction: a word goes in when it is written inside quotation marks by at
least ``--authors`` different authors (three by default), is unknown to the shipped
dictionary and the fiction word list, and is no other-dialect spelling (*colour*). A
typo does not recur in that many proofread books by that many writers; a convention of
speech does.

    python scripts/build_eye_dialect.py --texts DIR --manifest FILE

``DIR`` holds one UTF-8 plain-text book per file; ``FILE`` is JSON lines with ``file``
(relative to ``DIR``'s parent) and ``author``. It writes
``src/proselint_fic/data/eye-dialect.txt``. The texts were Project Gutenberg editions
(public domain) held in the GITenberg repositories; none of the works the project
measures false reports on was among them. Users never run this.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.checks.spelling.analysis import _Analyser, _code  # noqa: E402
from proselint_fic.document import Document  # noqa: E402

DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "eye-dialect.txt"
_SPEECH = re.compile(r'["“]([^"“”\n]{1,2000})["”]')
_WORD = re.compile(r"(?<![\w'’])['’]?[a-z][a-z'’]*[a-z'’](?![\w])")


def learn(books: list[tuple[str, str]], authors_needed: int) -> list[str]:
    """The words of speech unknown to the dictionary that enough authors write."""
    analyser = _Analyser(Document("."))
    writers: dict[str, set[str]] = collections.defaultdict(set)
    for text, author in books:
        for speech in _SPEECH.finditer(text):
            for word in _WORD.findall(speech.group(1)):
                writers[word.replace("’", "'")].add(author)
    learned: set[str] = set()
    for word, who in writers.items():
        core = word.strip("'")
        if len(who) < authors_needed or len(core) < 2 or _code(core):
            continue
        if analyser.accepted(word) or analyser.accepted(core):
            continue
        learned.add(core)  # as the spelling check holds a word: edge apostrophes off
    return sorted(learned)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--authors", type=int, default=3)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    entries = [json.loads(line) for line in args.manifest.read_text(encoding="utf-8").splitlines()]
    books = [
        ((args.texts.parent / e["file"]).read_text(encoding="utf-8"), e["author"]) for e in entries
    ]
    words = learn(books, args.authors)
    header = (
        "# Eye-dialect spellings written in speech by at least "
        f"{args.authors} authors of {len(books)} public-domain books\n"
        "# (Project Gutenberg, public domain), by scripts/build_eye_dialect.py.\n"
    )
    args.output.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
