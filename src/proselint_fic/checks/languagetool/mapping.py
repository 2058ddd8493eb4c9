"""Which LanguageTool matches a fiction writer wants, and under which of our categories.

LanguageTool is written for business and school prose. Some of its rules fight fiction on
every page: dialogue tags after a comma look like sentences that start in lower case, long
sentences and repeated sentence openings are a style choice, manuscript indentation is not
stray whitespace, and speech that runs over paragraphs leaves quotes "unpaired". Those are
off unless a configuration turns them back on. Rules that repeat one of ours are off too,
so a writer never sees the same slip twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from proselint_fic.diagnostic import Category

# LanguageTool rule ids (see https://community.languagetool.org/rule/list?lang=en).
HOSTILE_TO_FICTION: frozenset[str] = frozenset(
    {
        "UPPERCASE_SENTENCE_START",  # '"Wait," she said' and dialogue fragments
        "TOO_LONG_SENTENCE",
        "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # anaphora is a device
        "WHITESPACE_RULE",  # manuscript indentation and double spaces
        "EN_UNPAIRED_QUOTES",  # speech that continues over paragraphs
        "EN_UNPAIRED_BRACKETS",
        "PUNCTUATION_PARAGRAPH_END",  # dialogue and fragments end without a stop
        "EN_QUOTES",  # straight quotes are a house style, not an error
        "DASH_RULE",
        "SENTENCE_FRAGMENT",
        "PASSIVE_VOICE",
    }
)
# Rules whose findings ours already report (doubled words, stray spaces, ellipses).
DUPLICATES_OURS: frozenset[str] = frozenset(
    {
        "ENGLISH_WORD_REPEAT_RULE",
        "COMMA_PARENTHESIS_WHITESPACE",
        "DOUBLE_PUNCTUATION",
        "ELLIPSIS",
    }
)
DEFAULT_DISABLED: frozenset[str] = HOSTILE_TO_FICTION | DUPLICATES_OURS

# LanguageTool category ids, as its /v2/check answers name them, to our categories.
_CATEGORIES: dict[str, Category] = {
    "TYPOS": "typo",
    "GRAMMAR": "grammar",
    "CONFUSED_WORDS": "grammar",
    "CASING": "grammar",
    "COLLOCATIONS": "grammar",
    "SEMANTICS": "grammar",
    "NONSTANDARD_PHRASES": "grammar",
    "COMPOUNDING": "punctuation",
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation",
    "REDUNDANCY": "style",
    "STYLE": "style",
    "PLAIN_ENGLISH": "style",
    "REPETITIONS_STYLE": "style",
}
SPELLING_CATEGORY = "TYPOS"


def our_category(languagetool_category: str, issue_type: str = "") -> Category:
    """Our category for a LanguageTool category id; a category this table does not know
    (LanguageTool adds some) is a typo when the rule calls its issue a misspelling, and
    grammar otherwise."""
    known = _CATEGORIES.get(languagetool_category)
    if known is not None:
        return known
    return "typo" if issue_type == "misspelling" else "grammar"


def disabled_rules(disabled: Iterable[str], enabled: Iterable[str]) -> frozenset[str]:
    """The rules to switch off: the defaults and the configuration's, minus those it enables."""
    return (DEFAULT_DISABLED | frozenset(disabled)) - frozenset(enabled)
