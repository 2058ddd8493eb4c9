"""Whether two spellings are the British and American forms of one word.

The word list says which dialect a spelling belongs to, but not which spelling the other
dialect uses. The nearest dictionary word is often the twin (colour, color) but not always
(eyrie's nearest American word is eerie, a different word; the twin is aerie), so a
message may call a suggestion "the en-US spelling" only when the two differ by the
regular patterns that separate the dialects.
"""

from __future__ import annotations

import re

# British pattern -> American pattern, applied to both words before comparing them.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(british), american)
    for british, american in (
        (r"our(?=s?$|ed$|ing$|ite|able|ably|ful|less|er)", "or"),  # colour, favourite
        (r"(?<=[bcdgtv])re(?=s?$|d$)", "er"),  # centre, theatre, litre, metre
        (r"is(?=e[sd]?$|ing$|ation)", "iz"),  # realise, organisation
        (r"ys(?=e[sd]?$|ing$)", "yz"),  # analyse, paralyse
        (r"ence(?=s?$)", "ense"),  # defence, licence
        (r"ogue(?=s?$)", "og"),  # catalogue, dialogue
        (r"(?<=[a-z])ae(?=[a-z])", "e"),  # anaemia, encyclopaedia
        (r"(?<=[a-z])oe(?=[a-z])", "e"),  # manoeuvre, oesophagus
        (r"(?<=[aeiou])ll(?=ed$|ing$|er$|ers$|ery$)", "l"),  # travelled, jeweller
        (r"mme(?=s?$)", "m"),  # programme
        (r"eable$", "able"),  # likeable
        (r"ey$", "ay"),  # grey
    )
)


def is_dialect_variant(british_or_american: str, other: str) -> bool:
    """True when the two lowercase spellings are one word in the two dialects."""
    if british_or_american == other:
        return False
    return _americanised(british_or_american) == _americanised(other)


def _americanised(word: str) -> str:
    for pattern, american in _PATTERNS:
        word = pattern.sub(american, word)
    return word


# The -ise endings of a verb whose -ize form is listed: SCOWL's British list has realise and
# organisation but not every derived form (infantilising, weaponised). The stem before the
# suffix must be three letters or more and not end in "s", so that capsise (cap + size),
# prise and seise are not taken for the suffix.
_ISE_ENDING = re.compile(r"(?<=[a-z]{3})(?<!s)is(?=e[sdr]?$|ers$|ing$|ations?$)")


def ize_twin(lower: str) -> str | None:
    """The -ize spelling of a British -ise word (infantilising -> infantilizing), else None."""
    twin = _ISE_ENDING.sub("iz", lower, count=1)
    return twin if twin != lower else None
