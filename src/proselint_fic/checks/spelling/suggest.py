"""Ranked replacements for an unknown word.

Candidates come from two places: every dictionary word one edit away (found by looking the
edits up, about 50 per letter), and, when the word is long enough to bear it, dictionary
words two edits away found with rapidfuzz's C++ edit distance over the buckets that share
the word's first letter and have a length within two of it (real misspellings keep their
first letter: 660 of Norvig's 670 do). Candidates are then ranked by a weighted edit cost,
in which the slips people really make (a swapped pair, a doubled or undoubled letter, a
wrong vowel, a neighbouring key, a sound-alike) cost less than an arbitrary edit, minus a
bonus for how common the candidate is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from proselint_fic.checks.spelling.lexicon import Dialect, Entry, Lexicon, lexicon

ALPHABET = "abcdefghijklmnopqrstuvwxyz'"
VOWELS = frozenset("aeiouy")

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    position = {
        ch: (row, col) for row, keys in enumerate(_KEYBOARD_ROWS) for col, ch in enumerate(keys)
    }
    near: dict[str, set[str]] = {ch: set() for ch in position}
    for a, (ra, ca) in position.items():
        for b, (rb, cb) in position.items():
            # Staggered rows: a key touches the two keys below-left and below it.
            if a != b and abs(ra - rb) <= 1 and -1 <= (cb - ca) + (rb - ra) * 0.5 <= 1:
                near[a].add(b)
    return {k: frozenset(v) for k, v in near.items()}


NEIGHBOURS = _keyboard_neighbours()
# Letters that stand for the same sound often enough to be confused by writers.
SOUND_ALIKE = frozenset(
    frozenset(pair)
    for pair in ("ck", "cs", "sz", "gj", "fv", "mn", "dt", "bp", "kq", "xz", "iy", "ey", "sc")
)


SWAP_COST = 0.6


def substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return 0.6
    if frozenset((a, b)) in SOUND_ALIKE:
        return 0.7
    if b in NEIGHBOURS.get(a, ()):
        return 0.75
    return 1.0


def insertion_cost(word: str, at: int, ch: str) -> float:
    """Cost of the typo having an extra ``ch`` at ``at`` (so the fix deletes it)."""
    before = word[at - 1] if at > 0 else ""
    after = word[at + 1] if at + 1 < len(word) else ""
    if ch in (before, after) or ch == "'":
        return 0.5  # a doubled letter ("untill") or a stray apostrophe
    if ch in NEIGHBOURS.get(before, ()) or ch in NEIGHBOURS.get(after, ()):
        return 0.8  # a finger caught a neighbouring key
    return 1.0


def deletion_cost(word: str, at: int, ch: str) -> float:
    """Cost of the typo lacking ``ch`` that the right word has at ``at``."""
    before = word[at - 1] if at > 0 else ""
    after = word[at + 1] if at + 1 < len(word) else ""
    if ch in (before, after) or ch == "'":
        return 0.5  # an undoubled letter ("ocasion") or a forgotten apostrophe ("dont")
    if ch in VOWELS or ch == "h":
        return 0.8  # a dropped unstressed vowel or silent h: "diffrence", "wich"
    return 1.0


def weighted_distance(typo: str, right: str) -> float:
    """Damerau-Levenshtein distance (adjacent swaps) with the slip-aware costs above."""
    n, m = len(typo), len(right)
    extra = [insertion_cost(typo, i, typo[i]) for i in range(n)]
    missing = [deletion_cost(right, j, right[j]) for j in range(m)]
    previous2: list[float] = []
    previous = [0.0] * (m + 1)
    for j in range(m):
        previous[j + 1] = previous[j] + missing[j]
    for i in range(1, n + 1):
        a = typo[i - 1]
        current = [previous[0] + extra[i - 1]] + [0.0] * m
        for j in range(1, m + 1):
            b = right[j - 1]
            best = previous[j] + extra[i - 1]
            other = current[j - 1] + missing[j - 1]
            best = min(best, other)
            other = previous[j - 1] + (0.0 if a == b else _substitution(a, b))
            best = min(best, other)
            if i > 1 and j > 1 and a == right[j - 2] and typo[i - 2] == b and a != b:
                other = previous2[j - 2] + SWAP_COST
                best = min(best, other)
            current[j] = best
        previous2, previous = previous, current
    return previous[m]


@cache
def _substitution(a: str, b: str) -> float:
    return substitution_cost(a, b)


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return (deletes | swaps | replaces | inserts) - {word}


def first_letter_edits(word: str) -> set[str]:
    """The single edits that change a word's first letter (the rest keep it)."""
    edits = {word[1:]} if len(word) > 1 else set()
    if len(word) > 1 and word[0] != word[1]:
        edits.add(word[1] + word[0] + word[2:])
    edits.update(c + word[1:] for c in ALPHABET)
    edits.update(c + word for c in ALPHABET)
    edits.discard(word)
    return {edit for edit in edits if edit[:1] != word[:1]}


# How much a doubling of frequency is worth, in edit-cost units.
FREQUENCY_WEIGHT = 0.05
# Writers get the ends of a word right far more often than its middle, so a replacement
# that changes the first or the last letter pays extra.
FIRST_LETTER_COST = 0.3
LAST_LETTER_COST = 0.3
SECOND_LETTER_COST = 0.2
FARTHEST_LENGTH = 7
OBVIOUS_SLIP = 0.8
MAX_CANDIDATES = 5


# Typing a syllable twice ("entitity", "remememberd") is one slip, not two added letters.
REPEAT_COST = 0.5
_REPEATED_CHUNKS = (2, 3)


def without_repeats(word: str) -> Iterator[str]:
    """``word`` with one copy of a chunk of two or three letters typed twice removed."""
    for size in _REPEATED_CHUNKS:
        for at in range(len(word) - 2 * size + 1):
            if word[at : at + size] == word[at + size : at + 2 * size]:
                yield word[:at] + word[at + size :]


def slip_distance(typo: str, right: str) -> float:
    """The weighted distance, where a chunk typed twice counts as a single slip."""
    cost = weighted_distance(typo, right)
    for shorter in without_repeats(typo):
        cost = min(cost, REPEAT_COST + weighted_distance(shorter, right))
    return cost


def score(typo: str, entry: Entry) -> float:
    """Lower is better: the slip's cost, less a bonus for how common the word is."""
    cost = slip_distance(typo, entry.key)
    if typo[:1] != entry.key[:1]:
        cost += FIRST_LETTER_COST
    elif typo[1:2] != entry.key[1:2]:
        cost += SECOND_LETTER_COST
    if typo[-1:] != entry.key[-1:]:
        cost += LAST_LETTER_COST
    return cost - FREQUENCY_WEIGHT * entry.rank


@lru_cache(maxsize=4096)
def candidates_for(lower: str, dialect: Dialect, far: bool) -> tuple[Entry, ...]:
    return tuple(candidates(lower, dialect, lexicon(), far=far))


def candidates(lower: str, dialect: Dialect, lex: Lexicon, *, far: bool = True) -> list[Entry]:
    """Dictionary words within one edit, and within two for words of four letters or more.

    Edits that change the first letter are looked up one by one (about 55 of them); every
    other candidate shares the first letter and is found by rapidfuzz among the words of
    nearby lengths, which costs far less than looking up all ~54 x length single edits.
    """
    found: dict[str, Entry] = {}
    for edit in first_letter_edits(lower):
        entry = lex.lookup(edit)
        if entry is not None and entry.accepted_in(dialect) and "'" not in entry.key[:1]:
            found[entry.key] = entry
    for entry in _within_one(lower, dialect, lex):
        found.setdefault(entry.key, entry)
    if not far or len(lower) < 4:
        return list(found.values())
    # A cheap slip one edit away (swapped, doubled, wrong vowel, neighbouring key) is
    # nearly always the answer; only without one is the wider search worth its time.
    if all(weighted_distance(lower, key) > OBVIOUS_SLIP for key in found):
        for entry in _within(lower, dialect, lex, 2):
            found.setdefault(entry.key, entry)
    if not found and len(lower) >= FARTHEST_LENGTH:
        # Poor spellers' attempts at long words sit further away: necasery, imidatly.
        for entry in _within(lower, dialect, lex, 3):
            found.setdefault(entry.key, entry)
    return list(found.values())


# Words looked up edit by edit before rapidfuzz is worth its import (about 10 ms, most of
# a cold chapter's suggestion cost): a chapter's few unknown words cost less this way,
# and a novel's many are faster through rapidfuzz once it is loaded.
_SEARCHES_BEFORE_RAPIDFUZZ = 30
_by_hand = 0


def _within_one(lower: str, dialect: Dialect, lex: Lexicon) -> Iterable[Entry]:
    """Dictionary words with the same first letter one edit away (insertion, deletion,
    substitution or two neighbours swapped: the optimal string alignment distance 1)."""
    global _by_hand  # noqa: PLW0603 - a count for the whole process
    if "rapidfuzz" in sys.modules or _by_hand >= _SEARCHES_BEFORE_RAPIDFUZZ:
        yield from _within(lower, dialect, lex, 1)
        return
    _by_hand += 1
    for edit in sorted(e for e in edits1(lower) if e[:1] == lower[:1]):
        entry = lex.lookup(edit)
        if entry is not None and entry.accepted_in(dialect):
            yield entry


def osa_distance(a: str, b: str) -> int:
    """The optimal string alignment distance (what rapidfuzz's OSA computes), in Python
    for the few words of a run that never loads rapidfuzz."""
    if "rapidfuzz" in sys.modules:
        from rapidfuzz.distance import OSA

        return int(OSA.distance(a, b))
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            cost = char != other
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _within(lower: str, dialect: Dialect, lex: Lexicon, limit: int) -> Iterable[Entry]:
    """Dictionary words with the same first letter at most ``limit`` edits away."""
    from rapidfuzz import process  # imported only when a word needs candidates
    from rapidfuzz.distance import OSA

    for length in range(max(1, len(lower) - limit), len(lower) + limit + 1):
        keys = lex.keys(lower[0], length)
        for key, _, _ in process.extract(
            lower, keys, scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            entry = lex.lookup(key)
            if entry is not None and entry.accepted_in(dialect) and key != lower:
                yield entry


# Only this many candidates, the nearest and most common by plain edit distance, get the
# slower weighted ranking.
RANKED_POOL = 40


def rank(lower: str, found: Iterable[Entry]) -> list[tuple[float, Entry]]:
    pool = sorted(found, key=lambda e: (osa_distance(lower, e.key), -e.rank))[:RANKED_POOL]
    return sorted(((score(lower, e), e) for e in pool), key=lambda pair: (pair[0], pair[1].key))


# Frequency class below which a contraction is archaic or dialect (win't is 6; you're is
# only 12, since the counts split contractions): it then competes on its merits.
CONTRACTION_RANK = 10


@lru_cache(maxsize=4096)
def suggest(lower: str, dialect: Dialect) -> tuple[str, ...]:
    """Replacements for a lowercase unknown word, best first (dictionary spellings)."""
    entries = [entry for _, entry in rank(lower, candidates_for(lower, dialect, True))]
    ranked = [entry.form for entry in entries]
    # A contraction with its apostrophe left out (youre, theyre) is nearly always that
    # contraction; the frequency classes undercount contractions, since the subtitle
    # counts split them at the apostrophe.
    # Only a contraction people write, though: "wint" is "want" or "wind", not "win't".
    restored = [
        entry.form
        for entry in entries
        if "'" in entry.key
        and entry.key.replace("'", "") == lower
        and entry.rank >= CONTRACTION_RANK
    ]
    ranked = restored + [form for form in ranked if form not in restored]
    return tuple(ranked[:MAX_CANDIDATES])


@lru_cache(maxsize=4096)
def nearby(lower: str, dialect: Dialect) -> tuple[tuple[float, int, str], ...]:
    """Dictionary words one edit from ``lower`` as ``(slip cost, frequency class, spelling)``,
    cheapest first. This is the evidence that an unknown word is a slip of a real one."""
    found = [
        (weighted_distance(lower, entry.key), entry.rank, entry.form)
        for entry in candidates_for(lower, dialect, False)
    ]
    return tuple(sorted(found, key=lambda item: (item[0], -item[1])))


def close_match(lower: str, dialect: Dialect, max_cost: float, min_rank: int) -> str | None:
    """A dictionary word at most ``max_cost`` away and at least ``min_rank`` common."""
    for cost, rank_, form in nearby(lower, dialect):
        if cost > max_cost:
            return None
        if rank_ >= min_rank:
            return form
    return None


@lru_cache(maxsize=4096)
def nearest_cost(lower: str, dialect: Dialect) -> float:
    """The slip cost of the closest dictionary word within reach (infinity if none)."""
    found = candidates_for(lower, dialect, True)
    return min((weighted_distance(lower, entry.key) for entry in found), default=float("inf"))
