"""The voice of fiction that dictionaries do not hold: slang, sounds, stretched words.

Each function answers one question about a lowercase token; ``known`` is the dictionary
test for the document's dialect, passed in so that these rules stay independent of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from proselint_fic.checks.tense.words import wordset
from proselint_fic.patterns import lazy
from proselint_fic.resources import data_dir, rules_dir

Known = Callable[[str], bool]

FICTION_WORDS_FILE = "spelling/fiction-words.txt"

# Sounds people make, in any length: hmm, hmmmm, mm-hmm, ugh, argh, shh, pfft, psst, tsk,
# heh, hahaha, ooh, aah, eww, grr, zzz. Each letter may repeat, which is the point.
_SOUND_PATTERN = r"""(?x)
    (?: h+m+p*h*          # hmm, hmph
      | m+p+h+            # mph, mmph
      | m+h*m+            # mm, mhm, mmhmm
      | u+h+ | u+m+ | e+r+m+ | e+h+ | a+h+ | o+h+ | o+o+h+ | a+w+ | o+w+ | e+w+
      | h+u+h+ | h+e+h+ | h+a+h+ | h+u+h+
      | u+g+h+ | a+r+g+h+ | g+a+h+ | b+a+h+ | b+l+e+h+ | m+e+h+ | p+f+f*t* | p+s+s*t+
      | p+h+e+w+ | t+s+k+ | s+h+h* | s+h+e+e+s+h+ | g+r+r*h* | z+z+z+ | b+r+r+
      | o+o+f+ | o+o+p+s+ | w+h+o+a+ | w+o+a+h+ | y+a+y+ | w+o+w+ | e+e+k+ | e+e+p+ | y+i+k+e+s+
      | a+c+k+ | [ao]+c+h+ | e+r+ | u+r+g+h+ | h+r+m+ph* | m+m+ | a+a+h* | o+o+ | e+e+ | h+y+a+h+
      | (?:h+a+)+h* | (?:h+e+)+h* | (?:h+i+)+ | (?:b+o+)+ | (?:l+a+)+ | (?:n+a+)+ | (?:t+r+a+)+
      | w+h+e+w+ | m+w+a+h+ | s+q+u+e+e+ | n+n+g+h* | h+n+g+h* | n+g+h+ | h+r+r+m+ | a+h+e+m+
    )"""
_TRIPLE = re.compile(r"([^\W\d_])\1\1+")


@cache
def eye_dialect() -> frozenset[str]:
    """Spellings of speech that at least three authors of public-domain fiction write
    inside quotation marks (*heerd*, *p'int*, *allus*): learned by
    ``scripts/build_eye_dialect.py``, accepted in dialogue only."""
    try:
        lines = (data_dir() / "eye-dialect.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def fiction_words() -> frozenset[str]:
    """The shipped list of slang and informal words (``rules/spelling/fiction-words.txt``)."""
    path = rules_dir() / FICTION_WORDS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(
        line.strip().lower().replace("’", "'")
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def _sound() -> re.Pattern[str]:
    return re.compile(_SOUND_PATTERN)


# Japanese forms of address that follow a name after a hyphen in translations and fan
# fiction (Mordin-sama, Rin-chan): the word before them is a name.
HONORIFICS = wordset(
    "san sama dono kun chan senpai sempai sensei nee nii neesan niisan neesama niisama "
    "oneesan oniisan oneesama oniisama oneechan oniichan neechan niichan bocchama bocchan "
    "ojousama hime heika denka shishou"
)
_HONORIFIC_AFTER = lazy(r"-(\w+)")
# A word made only of the syllables of Hepburn romanisation (ka, shi, tsu, kyo, n; never
# si, ti, tu or hu), with long vowels and a small tsu doubling k, s, t, p or ch: Higurashi,
# kakushi, nii, saan.
# English words rarely fit (the consonants always need a vowel after them, and English
# doubles the letters Japanese does not: bizzare, addation).
_ROMAJI_SYLLABLE = (
    r"(?:(?:[kgnmrbp]|ky|gy|sh|j|ch|ny|hy|by|py|my|ry)[aiueo]|[sz][aueo]|[td][aeo]|h[aieo]"
    r"|tsu|fu|[yw]a|y[uo]|wo|[aiueo]|n(?![aiueoy]))"
)
_ROMAJI = lazy(rf"(?:{_ROMAJI_SYLLABLE}|(?<=[aiueo])([kstp])(?=\1)|(?<=[aiueo])c(?=ch))+")


def is_romanised_japanese(lower: str) -> bool:
    """Whether a lowercase word could be Japanese written in the Latin alphabet."""
    return len(lower) >= 2 and lower.isascii() and _ROMAJI.fullmatch(lower) is not None


def before_honorific(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is followed by a hyphen and an honorific."""
    found = _HONORIFIC_AFTER.match(text, end)
    return found is not None and found.group(1).lower() in HONORIFICS


def is_sound(lower: str) -> bool:
    """Interjections and noises, however stretched: ``hmmm``, ``argh``, ``shhh``."""
    return lower.isascii() and _sound().fullmatch(lower) is not None


def unstretched(lower: str) -> list[str]:
    """Spellings of a stretched word with each run of three or more letters cut to two or one.

    ``nooo`` gives ``noo`` and ``no``; a word with no such run gives nothing.
    """
    if _TRIPLE.search(lower) is None:
        return []
    return [_TRIPLE.sub(r"\1\1", lower), _TRIPLE.sub(r"\1", lower)]


def is_stretched_word(lower: str, known: Known) -> bool:
    """A word drawn out for effect (``sooo``, ``pleeease``, ``yesss``)."""
    return any(
        known(form) or form in fiction_words() or is_sound(form) for form in unstretched(lower)
    )


def is_dropped_g(lower: str, known: Known) -> bool:
    """``goin'``, ``nothin'``, ``somethin'``: a ``-ing`` word with its g dropped."""
    stem = lower.rstrip("'")
    return stem.endswith("in") and len(stem) > 3 and known(stem + "g")


def is_elision(lower: str, known: Known) -> bool:
    """A word with its start or end bitten off and marked: ``'bout``, ``'cept``, ``an'``,
    ``roun'``, ``wouldn'``."""
    if lower in fiction_words():
        return True
    if lower.startswith("'") and len(lower) > 2:
        rest = lower[1:]
        return any(known(prefix + rest) for prefix in _BITTEN_OFF_STARTS)
    if lower.endswith("'") and len(lower) > 2:
        stem = lower[:-1]
        return (
            is_dropped_g(lower, known)
            or stem in ("an", "o", "th", "fo", "ol", "jus")
            or (len(stem) > 2 and any(known(stem + end) for end in _DROPPED_ENDINGS))
            or (stem.endswith("n") and known(stem + "'t"))
        )
    return False


# What speech bites off a word's start: 'bout, 'lectric, 'cause, 'scuse, 'nother, 'umble.
_BITTEN_OFF_STARTS = ("a", "e", "be", "ex", "o", "un", "ac", "h")
# The consonants speech drops from a word's end, which a writer marks with an apostrophe:
# roun' (round), worl' (world), jes' (jest, for just), mos' (most), wouldn' (wouldn't).
_DROPPED_ENDINGS = ("d", "t")


# What speech wears down to a letter or two and joins to the word before it with an
# apostrophe: one'a (of), had'a (have), more'n (than), them'uns, 'em.
_WORN_DOWN = frozenset({"a", "n", "em", "im", "er", "uns", "ya"})


def is_marked_elision(lower: str, known: Known, common: Known) -> bool:
    """Letters left out of a word's middle and marked (``b'lieve``, ``hund'd``,
    ``bo'd'n``, ``o't``): a writer types such an apostrophe on purpose. A contraction with
    its apostrophe in the wrong place (``did'nt``, ``would'nt``) and a stray one in a
    common word (``the'y``) are slips, not elisions."""
    inner = lower.strip("'")
    if "'" not in inner:
        return False
    bare = inner.replace("'", "")
    return not common(bare) and not any(
        known(f"{bare[:cut]}'{bare[cut:]}") for cut in range(1, len(bare))
    )


def is_eye_dialect_join(lower: str, known: Known, accepted: Known) -> bool:
    """Words run together as they are spoken, each part still readable: ``one'a``,
    ``times'n``, ``hadn'a``, ``y'ain't``.

    The head must be a word (or the stem of a contraction, ``hadn``; or the ``y`` of
    ``y'know``) and the rest a worn-down word, or after ``y`` any accepted word
    (``accepted``, which may call back here with a shorter word; ``known`` is the bare
    dictionary, for the contraction stem). A
    misplaced apostrophe in a plain contraction (``did'nt``) leaves a part that is
    neither, and stays a typo.
    """
    head, mark, rest = lower.partition("'")
    if not mark or not head or not rest:
        return False
    if head == "y":
        return accepted(rest)
    stem = head.endswith("n") and len(head) > 2 and known(head + "'t")
    if not (stem or accepted(head)):
        return False
    return rest in _WORN_DOWN
