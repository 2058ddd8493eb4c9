#!/usr/bin/env python3
"""List the past participles that fiction uses in the passive: the verbs that take objects.

*A man-sized demon covered in glittering ice* describes a noun with a participle; *a coal
collapsed into ash* is a finite verb, since nothing can be collapsed. The tense model
tells the two apart by the verb: a participle that public-domain fiction writes after a
form of *be* or *get* often enough (*was covered*, *were bound*) can describe a noun that
way. For every participle of the verb tables this script counts, in plain-text books,
how often it stands right after *was*, *were*, *been*, *being*, *be*, *is*, *are*, *am*,
*get*, *got*, *gets* or *getting* (an adverb in between allowed) and how often it stands
at all, and writes those used often enough (``--min-count``) with a passive share of at
least ``--min-share``, one per line, to ``src/proselint_fic/data/tense/passive.txt``.

    python scripts/build_passive_participles.py --texts DIR [--exclude 1342.txt]

The texts are Project Gutenberg editions (public domain) from the GITenberg repositories,
the same as the real-word model's (docs/spelling.md); *Pride and Prejudice* is left out
so that it stays an unseen test. Users never run this.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from proselint_fic.checks.tense.lexicon import tables  # noqa: E402

OUTPUT = REPO / "src" / "proselint_fic" / "data" / "tense" / "passive.txt"
_AUXILIARIES = frozenset(
    ("was", "were", "been", "being", "be", "is", "are", "am", "get", "got", "gets", "getting")
)
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def count(texts: list[Path], participles: frozenset[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each participle stands anywhere, and right after an auxiliary."""
    total: Counter[str] = Counter()
    passive: Counter[str] = Counter()
    for path in texts:
        words = _WORD.findall(path.read_text(encoding="utf-8", errors="replace").lower())
        for at, word in enumerate(words):
            if word not in participles:
                continue
            total[word] += 1
            before = words[at - 1] if at else ""
            if before.endswith("ly") and at > 1:
                before = words[at - 2]
            if before in _AUXILIARIES:
                passive[word] += 1
    return total, passive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--exclude", action="append", default=["1342.txt"])
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-share", type=float, default=0.10)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    texts = sorted(p for p in args.texts.glob("*.txt") if p.name not in set(args.exclude))
    participles = frozenset(w for w in tables().participles if w.isalpha())
    total, passive = count(texts, participles)
    kept = sorted(
        word
        for word, seen in total.items()
        if seen >= args.min_count and passive[word] >= args.min_share * seen
    )
    header = (
        "# Past participles that public-domain fiction writes in the passive at least "
        f"{args.min_share:.0%} of the time\n# ({args.min_count}+ uses in {len(texts)} "
        "Project Gutenberg books); scripts/build_passive_participles.py\n"
    )
    args.output.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(texts)} books; {len(kept)} of {len(total)} participles kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
