"""Carrying a writer's capitalisation over to a replacement."""

from __future__ import annotations


def match_case(original: str, replacement: str) -> str:
    """``replacement`` cased like ``original``: UPPER, Title or as written.

    >>> match_case("MATRESS", "mattress"), match_case("Matress", "mattress")
    ('MATTRESS', 'Mattress')
    """
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
