"""Words in a manuscript and what surrounds them: sentence starts, compounds, web addresses."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from proselint_fic.patterns import lazy

# A word: letters (with combining marks), joined by inner apostrophes (isn't, y'know,
# o'clock), with an apostrophe allowed at either end ('em, goin') for the elision rules.
WORD = lazy(r"['’]?\p{L}[\p{L}\p{M}]*+(?:['’]\p{L}[\p{L}\p{M}]*+)*+['’]?")

# Everything but letters and apostrophes becomes a space, so that ``str.split`` (which runs
# at C speed) cuts the text into candidate words; a chunk that still holds anything but
# letters and apostrophes (rare: symbols, other scripts' punctuation) goes through WORD.
_SPACES = str.maketrans(
    dict.fromkeys('!"#$%&()*+,-./0123456789:;<=>?@[\\]^_`{|}~“”‘«»—–‐‑…·•\u00a0', " ")
)
_APOSTROPHES = "'’"


def count_words(text: str) -> Counter[str]:
    """How often each word (as WORD would cut it) occurs in ``text``."""
    chunks = Counter(text.translate(_SPACES).split())
    counts: Counter[str] = Counter()
    for chunk, count in chunks.items():
        if chunk.isalpha():
            counts[chunk] += count
            continue
        bare = chunk.replace("'", "").replace("’", "")
        if bare.isalpha() and WORD.fullmatch(chunk) is not None:
            counts[chunk] += count
        else:
            for word in WORD.findall(chunk):
                counts[word] += count
    return counts


def find_word(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` where it stands as a whole word, as WORD would cut it."""
    size = len(word)
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + size] if at + size < len(text) else " "
        if not _in_word(before) and not _in_word(after):
            yield at
        at = text.find(word, at + 1)


def _in_word(char: str) -> bool:
    return char.isalpha() or char in _APOSTROPHES or unicodedata.combining(char) != 0


# A web or e-mail address, a domain or file name: checked only around words that touch
# one of ".@/:", so prose never pays for it.
_ADDRESS_PATTERN = r"""(?xi)
      (?:https?|ftp)://\S+
    | www\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|us|de|fr|ca|au|nz|ie|info|biz|me
        |tv|ly|app|dev|ai|gg|xyz|html?|php|txt|pdf|jpe?g|png|gif|py|js|md)(?![\w-])\S*
    """
_ADDRESS_NEIGHBOURS = frozenset(".@/:")
# Characters that, touching a word, say it is code, a number or an identifier, not prose.
NOT_PROSE_NEIGHBOURS = frozenset("0123456789_@#/\\=<>&+$%^|{}[]~`")

SENTENCE_END = frozenset(".!?…")
OPENERS = frozenset("\"“‘'(*_[")
CLOSERS = frozenset("\"”’')*_]")
DASHES = frozenset("-‐‑–—")
# Words a full stop follows without ending the sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "capt",
        "det",
        "ret",
        "insp",
        "supt",
        "pvt",
        "ofc",
        "cmdr",
        "lt",
        "col",
        "gen",
        "sgt",
        "cpl",
        "maj",
        "adm",
        "rev",
        "fr",
        "hon",
        "gov",
        "sen",
        "rep",
        "mt",
        "ft",
        "no",
        "vs",
        "etc",
        "mme",
        "mlle",
        "messrs",
        "esq",
        "cf",
        "approx",
        "dept",
        "est",
        "inc",
        "ltd",
        "co",
    ]
)


_HYPHENATED = lazy(r"[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)+")


def hyphenated_chunk(text: str, start: int, end: int) -> str | None:
    """The whole hyphenated compound (``tete-a-tete``) that the word at ``start`` is part of."""
    left = start
    while left > 0 and (text[left - 1].isalpha() or text[left - 1] in "-'’"):
        left -= 1
    match = _HYPHENATED.match(text, left)
    while match is not None and match.end() < end:
        match = _HYPHENATED.search(text, match.end())
    if match is None or match.start() > start:
        return None
    return match.group()


_LONGEST_ADDRESS = 256


def in_address(text: str, start: int, end: int) -> bool:
    """True when the word at ``start:end`` is part of a web or e-mail address or file name."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before not in _ADDRESS_NEIGHBOURS and after not in _ADDRESS_NEIGHBOURS:
        return False
    # Bounded: no address is longer than this, and an unbounded walk makes a 1 MB line
    # without spaces quadratic.
    floor, ceiling = max(0, start - _LONGEST_ADDRESS), min(len(text), end + _LONGEST_ADDRESS)
    left = start
    while left > floor and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < ceiling and not text[right].isspace():
        right += 1
    address = re.compile(_ADDRESS_PATTERN)  # cached by re; compiled only when needed
    return any(m.start() <= start - left < m.end() for m in address.finditer(text[left:right]))


def sentence_start(text: str, start: int, paragraph_start: int) -> bool:
    """True when the word at ``start`` opens a sentence (so its capital says nothing).

    Looks back over opening quotes and emphasis marks glued to the word, then over spaces
    and closing marks: a paragraph start, a sentence end (not an abbreviation's full stop),
    a colon, or a quote opened after a comma or dash (``he said, "Mattress``) all open one.
    """
    i = start
    opened_quote = False
    while i > paragraph_start and text[i - 1] in OPENERS:
        opened_quote = opened_quote or text[i - 1] in "\"“‘'"
        i -= 1
    while i > paragraph_start and (text[i - 1].isspace() or text[i - 1] in CLOSERS):
        i -= 1
    if i <= paragraph_start:
        return True
    before = text[i - 1]
    if before in SENTENCE_END:
        return before != "." or not _abbreviation_before(text, i - 1, paragraph_start)
    if before == ":":
        return True
    return opened_quote and (before in ",;" or before in DASHES)


def _abbreviation_before(text: str, stop: int, paragraph_start: int) -> bool:
    """True when the full stop at ``stop`` ends ``Mr``, ``etc`` or an initial (``J.``)."""
    i = stop
    while i > paragraph_start and text[i - 1].isalpha():
        i -= 1
    word = text[i:stop]
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in ABBREVIATIONS


def capitalised_word_before(text: str, start: int) -> tuple[str, bool] | None:
    """The capitalised word before ``start`` on the same line, and whether a period ends
    it (``St.``); None when the word before is not capitalised."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == start:
        return None
    period = i > 0 and text[i - 1] == "."
    if period:
        i -= 1
    end = i
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i:end]
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return word, period
    return None


def before_capitalised_word(text: str, end: int) -> bool:
    """True when the next word, on the same line, is capitalised (``Haye Park``)."""
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    if i == end or i + 1 >= len(text) or not text[i].isupper():
        return False
    return text[i + 1].islower()
