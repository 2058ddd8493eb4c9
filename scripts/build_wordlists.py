#!/usr/bin/env python3
"""Build the compact word list that the ``typo`` rules ship with.

Run on a machine that has Debian's ``scowl`` package (``apt-get install scowl``, which also
brings the ``wamerican-huge``/``wbritish-huge`` sources) and pyspellchecker installed:

    python scripts/build_wordlists.py

It writes ``src/proselint_fic/data/words.txt.gz`` and copies SCOWL's copyright notice to
``src/proselint_fic/data/SCOWL-COPYRIGHT.txt``. Users never run this: the generated file is
committed, so a writer installs with pip alone and nothing is fetched at run time.

What goes in
    SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) up to ``--max-level``: common
    English words, American spellings, British spellings (-ise and Oxford -ize), the common
    variant spellings (variant_1/variant_2, as Debian's ``w*-huge`` lists do), capitalised
    words, proper names, abbreviations and contractions. Possessive entries (``John's``) are
    dropped: the checker strips ``'s`` itself.

What each word carries
    A frequency class, 0 (rare) to about 52 (``the``): twice the base-2 logarithm of the word's
    count in pyspellchecker's OpenSubtitles-derived frequency list (MIT), when that list
    really saw the word; otherwise an estimate from the SCOWL size level the word first
    appears in (SCOWL's levels are themselves frequency bands). Suggestions are ranked with it.

File format (``words.bin``)
    ``PFWORDS3``; a 4-byte little-endian header length; a JSON header whose ``keys`` lists
    the N bucket keys, space-separated and sorted; N + 1 little-endian uint32 offsets;
    then the buckets, bucket ``i`` spanning ``offsets[i]:offsets[i + 1]`` of the bytes
    after the offsets. Words are keyed by their lowercase spelling and bucketed by first
    two letters and length (``ma8``), so the checker decodes only the buckets a document
    asks about. The buckets are not compressed: a novel touches a quarter of them, and
    inflating those cost more than reading the whole 4 MB file (the wheel, a zip, is
    compressed anyway). A bucket is UTF-8 text: ``\n``, then sorted lines
    ``<lower>\t<dialect><class><form>`` joined by ``\n``, then ``\n``. ``<dialect>`` is
    ``a`` (both), ``u`` (American only) or ``g`` (British only); ``<class>`` is
    ``chr(48 + class)``; ``<form>`` is empty when the lowercase word is listed, else the
    listed spelling (``English``, ``DNA``). The bucket keyed ``*`` is different: the most
    frequent lowercase words of both dialects, one a line, which the checker keeps as a set.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import math
import re
import shutil
import sys
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "src" / "proselint_fic" / "data" / "words.bin"
SCOWL_COPYRIGHT = Path("/usr/share/doc/scowl/copyright")

LEVELS = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
KINDS = ("words", "upper", "proper-names", "abbreviations", "contractions")
# SCOWL spelling families, and the dialects that accept each.
FAMILIES: dict[str, frozenset[str]] = {
    "english": frozenset({"us", "gb"}),
    "american": frozenset({"us"}),
    "british": frozenset({"gb"}),
    "british_z": frozenset({"gb"}),
    "variant_1": frozenset({"us"}),
    "british_variant_1": frozenset({"gb"}),
}
# SCOWL's second-tier variants (variant_2) mix British forms that American writers use
# too (grey, theatre, travelled, judgement), plain words (coppice) and misspelling-like
# forms (miniscule, dependance). Both dialects accept the first two kinds; a variant one
# edit from a standard word at least as common is left out.
# VARCON pairs a few words with a homophone of another meaning and so marks them American
# only (prized, for British "prised" = levered open); both dialects use them.
BOTH_DIALECTS = ("prized", "prizing")
MISSPELLING_LIKE_LENGTH = 7
# SCOWL leaves out every "'s" form, contractions too (its spell checkers add them by rule);
# suggestions need the common ones (Thats -> That's).
S_CONTRACTIONS = (
    "it's", "that's", "he's", "she's", "what's", "there's", "here's", "who's", "where's",
    "let's", "how's", "when's", "why's", "one's", "everyone's", "everything's", "nobody's",
    "somebody's", "someone's", "something's", "nothing's", "anyone's",
)  # fmt: skip
COMMON_COUNT = 1000
# pyspellchecker gives words it never saw in subtitles a floor count of about 50; only
# counts above this are evidence of real use.
MIN_EVIDENCE = 64
MAX_CLASS = 60
# A word the subtitles never saw is rarer than any word they did (class 12 and up); SCOWL's
# level still orders those unseen words.
UNSEEN_CLASS = {10: 12, 20: 12, 35: 11, 40: 10, 50: 10, 55: 9, 60: 9, 70: 8, 80: 6, 95: 4}
DIALECT_CODE = {frozenset({"us", "gb"}): "a", frozenset({"us"}): "u", frozenset({"gb"}): "g"}
CLASS_BASE = ord("0")
MAGIC = b"PFWORDS3"
HOT_KEY = "*"
HOT_WORDS = 12000
SOURCE_NOTE = (
    "Words from SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson and others: "
    "see SCOWL-COPYRIGHT.txt. Frequency classes partly derived from pyspellchecker's "
    "English word counts (MIT)."
)
_WORD = re.compile(r"^[^\W\d_]+(?:['.-][^\W\d_]+)*\.?$")


def read_list(scowl_dir: Path, name: str, max_level: int) -> Iterator[tuple[str, int]]:
    """``(word, level)`` for each usable word of one SCOWL list family up to ``max_level``."""
    for level in LEVELS:
        path = scowl_dir / f"{name}.{level}"
        if level > max_level or not path.exists():
            continue
        for word in path.read_text(encoding="utf-8").split():
            if not word.endswith("'s") and _WORD.match(word):
                yield word, level


def read_scowl(
    scowl_dir: Path, max_level: int, counts: dict[str, int]
) -> dict[str, tuple[int, frozenset[str]]]:
    """Each accepted word with its lowest SCOWL level and the dialects that accept it."""
    level_of: dict[str, int] = {}
    dialects_of: dict[str, set[str]] = defaultdict(set)

    def add(word: str, level: int, dialects: Iterable[str]) -> None:
        level_of[word] = min(level, level_of.get(word, level))
        dialects_of[word].update(dialects)

    for family, dialects in FAMILIES.items():
        for kind in KINDS:
            # Contractions are few and old ones (se'nnight, 'twas) live only in the top level.
            top = max(LEVELS) if kind == "contractions" else max_level
            for word, level in read_list(scowl_dir, f"{family}-{kind}", top):
                add(word, level, dialects)
    standard = by_shape(level_of)
    for family in ("variant_2", "british_variant_2"):
        for word, level in read_list(scowl_dir, f"{family}-words", max_level):
            if "gb" in dialects_of.get(word, ()):
                dialects_of[word].add("us")  # grey, theatre: British forms Americans use
            elif word not in level_of and not _misspelling_like(word, level, standard, counts):
                add(word, level, ("us", "gb"))  # coppice
    for word in S_CONTRACTIONS:
        add(word, 10, ("us", "gb"))
    for word in BOTH_DIALECTS:
        if word in dialects_of:
            dialects_of[word].update(("us", "gb"))
    for word in [w for w in level_of if not w.isascii()]:
        plain = fold(word)
        if plain not in level_of:
            add(plain, level_of[word], dialects_of[word])  # eclat for éclat
    return {w: (level_of[w], frozenset(dialects_of[w])) for w in level_of}


Standard = dict[tuple[str, int], list[tuple[str, int]]]


def by_shape(level_of: dict[str, int]) -> Standard:
    """Words with their levels, grouped by first letter and length for near-miss searches."""
    groups: Standard = defaultdict(list)
    for word, level in level_of.items():
        groups[(word[:1], len(word))].append((word, level))
    return groups


def _misspelling_like(word: str, level: int, standard: Standard, counts: dict[str, int]) -> bool:
    """A long variant one edit from a standard word that is at least as common, in SCOWL's
    levels and in the subtitle counts (miniscule, dependance, ukelele). Short words sit one
    edit from unrelated words (snuck, stuck), and a variant that people use more than its
    neighbour (backlit) is a word of its own."""
    from rapidfuzz.distance import OSA

    if len(word) < MISSPELLING_LIKE_LENGTH or counts.get(word, 0) >= COMMON_COUNT:
        return False
    return any(
        other_level <= level
        and counts.get(other.lower(), 0) >= counts.get(word, 0)
        and OSA.distance(word, other, score_cutoff=1) <= 1
        for size in (len(word) - 1, len(word), len(word) + 1)
        for other, other_level in standard.get((word[:1], size), ())
    )


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_counts() -> dict[str, int]:
    """pyspellchecker's English counts (lowercase words), or nothing if it is absent."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        print("warning: pyspellchecker not installed; ranking by SCOWL level only", file=sys.stderr)
        return {}
    resource = Path(spec.origin).parent / "resources" / "en.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(resource.read_bytes()))
    return counts


def frequency_classes(
    words: dict[str, tuple[int, frozenset[str]]], counts: dict[str, int]
) -> dict[str, int]:
    """A frequency class per word: measured where possible, else estimated from its level."""
    measured: dict[str, int] = {}
    for word in words:
        count = counts.get(word.lower(), 0)
        if count > MIN_EVIDENCE:
            measured[word] = min(MAX_CLASS, round(2 * math.log2(count)))
    classes = {w: measured.get(w, UNSEEN_CLASS[level]) for w, (level, _) in words.items()}
    # The subtitle counts are American: a British-only spelling borrows the class of its
    # American twin (colour from color), so suggestions in en-GB rank it fairly.
    for word, (_, dialects) in words.items():
        if dialects == {"gb"} and word not in measured:
            twins = [measured[t] for t in american_twins(word) if t in measured]
            if twins:
                classes[word] = max(twins)
    return classes


# British -> American spelling patterns, enough to pair most VARCON variants.
_TWIN_PATTERNS = (
    ("our", "or"), ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("tre", "ter"),
    ("ence", "ense"), ("ogue", "og"), ("ll", "l"), ("ae", "e"), ("oe", "e"), ("mme", "m"),
    ("ement", "ment"), ("que", "k"), ("ey", "ay"),
)  # fmt: skip


def american_twins(word: str) -> Iterator[str]:
    for british, american in _TWIN_PATTERNS:
        start = word.find(british)
        while start >= 0:
            yield word[:start] + american + word[start + len(british) :]
            start = word.find(british, start + 1)


def merge_by_lowercase(
    words: dict[str, tuple[int, frozenset[str]]], classes: dict[str, int]
) -> dict[str, tuple[str, int, str]]:
    """One entry per lowercase spelling: (dialect code, class, cased form or "").

    The form is empty when the lowercase word itself is listed (any capitalisation is then
    fine); otherwise it is the listed spelling (``English``, ``DNA``, ``McDonald``), which
    suggestions use to restore case.
    """
    merged: dict[str, tuple[set[str], int, str]] = {}
    for word, (_, dialects) in words.items():
        key = word.lower()
        form = "" if word == key else word
        if key in merged:
            old_dialects, old_class, old_form = merged[key]
            if old_form and form and old_form != form:
                # Two cased spellings (``Polish``/``POLISH``): prefer the Capitalised one.
                form = min(old_form, form, key=lambda f: (not f[:1].isupper() or f.isupper(), f))
            elif not old_form or not form:
                form = ""
            merged[key] = (old_dialects | dialects, max(old_class, classes[word]), form)
        else:
            merged[key] = (set(dialects), classes[word], form)
    return {key: (DIALECT_CODE[frozenset(d)], c, f) for key, (d, c, f) in merged.items()}


def encode(entries: dict[str, tuple[str, int, str]], note: str) -> bytes:
    """The bucketed binary file; see the module docstring."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for key in sorted(entries):
        dialect, rank, form = entries[key]
        buckets[bucket_key(key)].append(f"{key}\t{dialect}{chr(CLASS_BASE + rank)}{form}")
    keys = sorted(buckets)
    chunks = [("\n" + "\n".join(buckets[key]) + "\n").encode("utf-8") for key in keys]
    # The most frequent words common to both dialects, as one plain list: a set of them is
    # built at load time, so most of a text's words never touch a bucket.
    hot = sorted(
        (k for k, (dialect, _, form) in entries.items() if dialect == "a" and not form),
        key=lambda k: (-entries[k][1], k),
    )[:HOT_WORDS]
    keys.insert(0, HOT_KEY)
    chunks.insert(0, "\n".join(sorted(hot)).encode("utf-8"))
    offsets = [0]
    for chunk in chunks:
        offsets.append(offsets[-1] + len(chunk))
    header = json.dumps(
        {"format": 3, "note": note, "source": SOURCE_NOTE, "keys": " ".join(keys)},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    ).encode("utf-8")
    table = array("I", offsets)
    if sys.byteorder != "little":
        table.byteswap()
    return MAGIC + len(header).to_bytes(4, "little") + header + table.tobytes() + b"".join(chunks)


def bucket_key(lower: str) -> str:
    """Words are bucketed by their first two letters and their length: ``ma8``."""
    return f"{lower[:2]}{len(lower)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scowl-dir", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--max-level", type=int, default=80, choices=LEVELS)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.scowl_dir.is_dir():
        print(f"error: {args.scowl_dir} not found (apt-get install scowl)", file=sys.stderr)
        return 2
    counts = read_counts()
    words = read_scowl(args.scowl_dir, args.max_level, counts)
    classes = frequency_classes(words, counts)
    entries = merge_by_lowercase(words, classes)
    blob = encode(entries, f"SCOWL size {args.max_level}; {len(entries)} entries")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(blob)
    if SCOWL_COPYRIGHT.exists() and args.output.parent.resolve() == DEFAULT_OUTPUT.parent:
        shutil.copyfile(SCOWL_COPYRIGHT, args.output.parent / "SCOWL-COPYRIGHT.txt")
    size = args.output.stat().st_size
    print(f"wrote {args.output} ({len(entries)} entries, {size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
