"""How English builds words the dictionary may not list: inflections, derivations, compounds,
respellings. Each test takes the dictionary as a ``known`` callable on lowercase words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from proselint_fic.checks.tense.words import wordset

Known = Callable[[str], bool]
Rank = Callable[[str], int]

# Derivational endings and prefixes that writers coin freely: pupiled, beaky, unsmiling.
_SUFFIXES = (
    "ed", "y", "ey", "ish", "less", "ness", "like", "ly", "er", "ers", "esque", "wise", "ward",
    "wards", "ful", "fuls", "able", "ism", "ist", "ists", "ship", "hood", "dom", "some", "ie",
    "ies", "let", "lets", "ings",
)  # fmt: skip
PREFIXES = (
    "un", "re", "non", "pre", "over", "under", "half", "semi", "anti", "self", "sub", "super",
    "mis", "out", "counter", "inter", "multi", "ultra", "mega", "micro", "mini", "post", "co",
    "de", "dis", "hyper", "pseudo", "neo", "proto", "up", "down", "fore", "after",
)  # fmt: skip
# A part of a compound must be a word common enough that joining it is plausible; rare
# short words (uns, pols, goa) would let almost any typo split into two "words".
COMPOUND_PART_RANK = 16
SHORT_PART_RANK = 24  # for three-letter parts: sun, dog, but not goa or ned
COMPOUND_PART_LENGTH = 3

# Eye dialect: (as written, standard, where) respellings that voice a pronunciation.
# "where" pins a respelling to the start or end of the word, where writers use it (krazy,
# dat, nite, sista, boyz); an unpinned one may sit anywhere (fone, luv).
_RESPELLINGS = (
    ("k", "c", "start"), ("d", "th", "start"), ("f", "ph", "any"), ("ite", "ight", "any"),
    ("uv", "ove", "any"), ("a", "er", "end"), ("ah", "er", "end"), ("a", "ow", "end"),
    ("z", "s", "end"), ("ez", "ays", "end"), ("in", "ing", "end"), ("nuff", "nough", "any"),
    ("cuz", "cause", "any"), ("wuz", "was", "any"), ("tho", "though", "end"),
    ("thru", "through", "any"),
)  # fmt: skip


def fold(word: str) -> str:
    """``word`` without accents: tête-à-tête gives tete-a-tete."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_inflection(lower: str, known: Known) -> bool:
    """A regular -s, -es, -ed or -ing form of a dictionary word (``mack`` gives ``macking``).

    Only the spelling rules English really applies count (drop a silent e, y to i, double
    a final consonant after a single short vowel), so slips such as ``hopeing``,
    ``stoping`` or ``partys`` are not inflections.
    """
    for ending in ("ing", "ed", "es", "s"):
        stem = lower[: -len(ending)]
        if not lower.endswith(ending) or len(stem) < 3:
            continue
        if ending == "s":
            if not stem.endswith(("s", "x", "z", "ch", "sh")) and not _consonant_y(stem):
                return known(stem)
        elif ending == "es":
            if stem.endswith(("s", "x", "z", "ch", "sh", "o")) and known(stem):
                return True
            if stem.endswith("i") and _consonant_y(stem[:-1] + "y") and known(stem[:-1] + "y"):
                return True
        elif _regular_verb_form(stem, ending, known):
            return True
    return False


def is_archaic_verb_form(lower: str, is_verb: Known) -> bool:
    """The old second or third person of a verb, as scripture, period and fantasy speech
    write it: thou askest, knowest, blamest, biddest; he speaketh, cometh. The stem
    follows the rules of -ed (blam|est from blame, bidd|est from bid, tri|est from try),
    so a superlative slip (thinest, wetest) is not one."""
    if len(lower) < 5 or not lower.endswith(("est", "eth")):
        return False
    return _regular_verb_form(lower[:-3], "ed", is_verb)


PastForms = Callable[[str], str | None]


def regularised(lower: str, known: Known, irregular_past: PastForms) -> str | None:
    """The irregular form that a regular-looking inflection stands for: ``bookshelfs`` for
    ``bookshelves``, ``teached`` for ``taught``, ``runned`` for ``ran``; else None.

    ``irregular_past`` gives a verb's past forms ("taught", "dreamed/dreamt") or None.
    """
    if lower.endswith("fs") and known(lower[:-2] + "ves"):
        return lower[:-2] + "ves"
    if lower.endswith("ed") and len(lower) > 4:
        stem = lower[:-2]
        for lemma in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
            pasts = irregular_past(lemma)
            if pasts is None:
                continue
            forms = pasts.split("/")
            if lower not in forms and all(not f.endswith("ed") for f in forms):
                return forms[0]
            return None
    return None


def _regular_verb_form(stem: str, ending: str, known: Known) -> bool:
    if known(stem):
        if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")):
            return False  # hopeing, hopeed
        if ending == "ed" and _consonant_y(stem):
            return False  # partyed
        return not _wants_doubling(stem)  # stoping, stoped
    if known(stem + "e") and not stem.endswith("e"):
        return True  # hop|ing from hope
    if stem[-1] == stem[-2] and _wants_doubling(stem[:-1]):
        return known(stem[:-1])  # stopp|ing
    return ending == "ed" and stem.endswith("i") and known(stem[:-1] + "y")  # parti|ed


def _consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou"


def _wants_doubling(stem: str) -> bool:
    """Whether a one-syllable-looking stem doubles its last consonant (stop, stopping)."""
    if len(stem) < 3:
        return False
    a, b, c = stem[-3], stem[-2], stem[-1]
    vowels = "aeiou"
    return a not in vowels and b in vowels and c not in vowels + "wxy" and len(stem) <= 4


def is_derivation(lower: str, known: Known) -> bool:
    """A known word with a productive ending or prefix: pupiled, beaky, unsmiling."""
    for suffix in _SUFFIXES:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 3:
            if known(stem) or known(stem + "e"):
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and known(stem[:-1]):
                return True
            if stem.endswith("i") and known(stem[:-1] + "y"):
                return True
    return any(
        lower.startswith(prefix) and len(lower) - len(prefix) >= 3 and known(lower[len(prefix) :])
        for prefix in PREFIXES
    )


def is_compound(lower: str, rank: Rank) -> bool:
    """Two common words run together: woodsmoke, nightlamp."""
    size = COMPOUND_PART_LENGTH
    return any(
        _compound_part(lower[:i], rank) and _compound_part(lower[i:], rank)
        for i in range(size, len(lower) - size + 1)
    )


# Closed-class words: a compound is seldom built on one ("thatyou", "wasgoing", "ofthe" are a
# lost space), while the prefixes that double as prepositions (up, out, over) build many.
_FUNCTION_WORD_LIST = """
    the a an and but or nor of to in on at by for from with that this these those was were is
    are am be been has have had do does did will would could should can may might must shall
    i you he she it we they me him her us them my your his its our their not if so as what
    when where which who why how then than there here into onto via upon
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
# Prepositions and conjunctions that start compounds (underground, afterglow) but never end
# one: after a word they are a lost space (bagsunder, lookedbehind).
_NEVER_LAST = wordset(
    "under about after before behind beside between against among during since until "
    "because while although toward towards across"
)
_RUN_ON_PART_LENGTH = 3  # the word after or before the function word: not "re" in "youre"


def glued_to_name(word: str) -> tuple[str, str] | None:
    """A lowercase function word and a capitalised word with the space between them lost:
    viaHedwig, toHarry, andMara. Not a brand or a camelCase name (iPhone, eBay, McKenna):
    the left part must be a whole function word of two letters or more, and the right a
    capitalised word of three letters or more in lower case after its capital."""
    for i in range(2, len(word) - 2):
        left, right = word[:i], word[i:]
        if not right[:1].isupper():
            continue
        if left.islower() and left in _FUNCTION_WORDS and right[1:].islower() and len(right) >= 3:
            return left, right
        return None  # only the first capital can start the second word
    return None


def run_together(lower: str, rank: Rank) -> tuple[str, str] | None:
    """A function word and a common word with the space between them lost: thatyou, ofthe."""
    for i in range(2, len(lower) - 1):
        left, right = lower[:i], lower[i:]
        if left in _FUNCTION_WORDS and _run_on_partner(right, rank):
            return left, right
        if (
            (right in _FUNCTION_WORDS or right in _NEVER_LAST)
            and len(right) >= 2
            and _run_on_partner(left, rank)
        ):
            return left, right
    return None


def _run_on_partner(part: str, rank: Rank) -> bool:
    if part in _FUNCTION_WORDS:
        return len(part) >= 2
    return len(part) >= _RUN_ON_PART_LENGTH and _compound_part(part, rank)


def has_word_at_an_end(lower: str, rank: Rank) -> bool:
    """A common word of five letters or more begins or ends it: wyrmguard, glimmerwisp.

    (Shorter words are too easily found inside misspellings: ness-asary, therma-were.)
    """
    return any(
        rank(lower[:i]) >= COMPOUND_PART_RANK or rank(lower[-i:]) >= COMPOUND_PART_RANK
        for i in range(5, len(lower) - 2)
    )


def _compound_part(part: str, rank: Rank) -> bool:
    needed = SHORT_PART_RANK if len(part) <= COMPOUND_PART_LENGTH else COMPOUND_PART_RANK
    return rank(part) >= needed


def is_respelling(lower: str, known: Known) -> bool:
    """Eye dialect: a dictionary word respelled as it sounds (kaboodle, luv, nite, dat)."""
    for written, standard, where in _RESPELLINGS:
        if where == "start":
            spots = [0] if lower.startswith(written) else []
        elif where == "end":
            spots = [len(lower) - len(written)] if lower.endswith(written) else []
        else:
            spots = [i for i in range(len(lower)) if lower.startswith(written, i)]
        for at in spots:
            if known(lower[:at] + standard + lower[at + len(written) :]):
                return True
    return False
