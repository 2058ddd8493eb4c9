"""The bound that narrows small pools before rapidfuzz measures them never drops a match."""

from __future__ import annotations

from itertools import product

from rapidfuzz.distance import OSA

from proselint_fic.checks.spelling.analysis import _within_reach

POOL = [
    "gryphon",
    "gryphons",
    "griffin",
    "gryphen",
    "grpyhon",
    "gyrphon",
    "mira",
    "mina",
    "miras",
    "mara",
    "marta",
    "marek",
    "tristan",
    "tristand",
    "tristram",
    "smallweed",
    "smallweedy",
    "thornwatch",
    "thornwach",
    "carrowmere",
    "carrowmore",
    "kessel",
    "vessel",
    "kestrel",
    "corwin",
    "corvin",
]


def test_small_pools_give_what_rapidfuzz_gives() -> None:
    pool = tuple(POOL)
    for word, limit in product([*POOL, "gryphn", "tornwatch", "xyz", "marka"], (1, 2)):
        expected = [i for i, other in enumerate(pool) if OSA.distance(word, other) <= limit]
        for narrow in (True, False):
            assert _within_reach(word, pool, limit, narrow=narrow) == expected, (word, limit)


def test_large_pools_are_measured_whole() -> None:
    pool = tuple(f"{name}{n}" for n in range(100) for name in ("mira", "marek", "tristan"))
    assert len(pool) >= 300
    found = _within_reach("mira1", pool, 1)
    assert found == [i for i, other in enumerate(pool) if OSA.distance("mira1", other) <= 1]
