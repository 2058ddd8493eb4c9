"""``punctuation.its-apostrophe``: *it's* (it is, it has) and the possessive *its* confused.

The next word tells them apart. The table ``data/its-contexts.txt`` (built by
``scripts/build_its_table.py`` from public-domain fiction) lists the words that follow
only the possessive (*heart*, *eyes*, *own*) and those that follow only *it is* or *it
has* (*been*, *not*, *a*, *embarrassing*). *its* before a word of the second kind wants
an apostrophe; *it's* before a word of the first kind, read as a noun by the tagger in
its sentence (*it's heart*, not *it's ancient*, which may be *it is ancient*), wants none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from proselint_fic.checks.tense.words import wordset
from proselint_fic.diagnostic import Severity
from proselint_fic.resources import data_entries
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.document import Document
    from proselint_fic.document.words import Words

__all__ = ["ItsApostropheRule", "rules"]

TABLE_FILE = "its-contexts.txt"
_NOUN_TAGS = frozenset({"NN", "NNS"})
# Words that only a possessive comes before, whatever the tagger makes of them.
_DETERMINER_LIKE = frozenset({"own"})
# After a preposition, "its" before a gerund is a possessive: "the order of its going".
_PREPOSITIONS = wordset("of for in on by from with without about despite after before upon")


@cache
def its_table() -> dict[str, str]:
    """word -> ``"its"`` (only the possessive comes before it) or ``"it's"``."""
    return dict(data_entries(TABLE_FILE))


def find_its_slips(document: Document) -> Iterator[Match]:
    words = document.words
    candidates = words.where("its", "it's")
    if not candidates:
        return
    text, folded, starts, ends = document.text, words.folded, words.starts, words.ends
    table = its_table()
    curly = text.count("\u2019") > text.count("'")
    for at in candidates:
        # The paragraph's words only: a paragraph rule reads nothing past its paragraph
        # (a one-line layout breaks paragraphs at every line).
        paragraph = document.paragraph_at(starts[at])
        if paragraph is None:
            continue
        low = bisect_left(starts, paragraph.start)
        high = bisect_left(starts, paragraph.end)
        folded_here = folded[low:high]
        index = at - low
        if index + 1 >= len(folded_here) or not _adjacent(text, ends[at], starts[at + 1]):
            continue
        written, following = folded_here[index], folded_here[index + 1]
        wanted = table.get(following)
        if wanted is None or wanted == written:
            continue
        if written == "its" and (
            _after_preposition(folded_here, index)
            or _possessive_before_gerund(folded_here, index, following)
            or _modifies_a_noun(folded_here, index)
        ):
            continue
        if written == "it's" and not _noun_follows(
            folded_here, index, at > low and _joined_to_previous(words, text, at)
        ):
            continue
        original = text[starts[at] : ends[at]]
        fix = match_case(original, wanted.replace("'", "\u2019") if curly else wanted)
        if wanted == "its":
            message = f"'{original}' means 'it is': the possessive is '{fix}'."
        else:
            message = f"'{original}' is the possessive: 'it is' and 'it has' are written '{fix}'."
        yield Match(starts[at], ends[at], message, (fix,))


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return not gap.strip() and gap.count("\n") <= 1


def _after_preposition(folded: list[str], index: int) -> bool:
    """*its* after a preposition is the possessive: *of its worth*, *from its not
    overpowering him*; "of it is" is no English."""
    return index > 0 and folded[index - 1] in _PREPOSITIONS


def _possessive_before_gerund(folded: list[str], index: int, following: str) -> bool:
    """*its* before a gerund after a preposition (*the order of its going*), *going* that
    is no *going to* or *going on* (*prevent its going against us*), or a second possessive
    joined to a first (*its right and its wrong*)."""
    before = folded[index - 1] if index > 0 else ""
    if before in _PREPOSITIONS and (following.endswith("ing") or following == "been"):
        return True
    if following == "going" and folded[index + 2 : index + 3] not in (["to"], ["on"]):
        return True
    return before in ("and", "or") and "its" in folded[max(0, index - 4) : index - 1]


def _modifies_a_noun(folded: list[str], index: int) -> bool:
    """Whether the words after *its* describe a noun that follows (*its late owner*, *its
    more sordid forms*, *its certain and swift punishment*): the possessive, then."""
    following = folded[index + 1]
    if following in _PARTICIPLES_OF_HAVE:
        return False  # "its been years": it has been
    from proselint_fic.document.tags import tag_words

    tags = tag_words(["its", *folded[index + 1 : index + 6]])
    if len(tags) < 3 or tags[1] not in _MODIFIER_TAGS:
        return False
    for tag in tags[2:]:
        if tag in _NOUN_TAGS:
            return True
        if tag not in _MODIFIER_TAGS and tag != "CC":
            return False
    return False


_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "NN", "RB", "RBR", "PDT"})
_PARTICIPLES_OF_HAVE = frozenset({"been", "got", "gotten", "gone", "done", "become", "begun"})
# Verbs that take a clause, after which "it's" is "it is": "I think it's time", "they say
# it's work that counts". After other verbs a noun is an object: "attack it's master".
_CLAUSE_VERBS = wordset(
    "say says said think thinks thought know knows knew believe believes believed guess "
    "hope hopes hoped feel feels felt suppose supposed reckon bet mean means meant hear "
    "heard see sees saw realise realised realize realized figure figured swear swore "
    "promise promised wish understand understood admit admitted decide decided guessed is "
    "was be been seems seemed"
)
# Prepositions that also open a clause: "before it's light" is "before it is light".
_SUBORDINATORS = frozenset({"before", "after"})
# Adverb particles that take an object as prepositions do: "rip out it's heart".
_PARTICLES = frozenset({"out", "down", "up", "off", "around", "through", "over", "into"})
# Family words that speech uses as names: "It's mother!" is "It is Mother!".
_FAMILY_NAMES = wordset(
    "mother father mum mom dad ma pa mama papa granny grandma grandpa nanny nurse"
)


def _joined_to_previous(words: Words, text: str, index: int) -> bool:
    """Whether word ``index`` continues the clause of the word before it: nothing but
    spaces and commas between them."""
    return index > 0 and not text[words.ends[index - 1] : words.starts[index]].strip(" \t\n,")


def _noun_follows(folded: list[str], index: int, joined: bool) -> bool:
    """Whether the word after *it's* is a noun that only a possessive fits: a plural
    (*it's eyes were*), or a singular one after a preposition (*out it's heart*, *on it's
    own*), after a verb that takes an object (*attack it's master*) or before a finite
    verb (*it's throat was cut*). A mass noun after *it is* says
    what it is (*it's work that matters*, *it's music*, *before it's light*), and so does
    a noun another noun follows (*it's mind discipline*)."""
    following = folded[index + 1]
    if following in _DETERMINER_LIKE:
        return True
    if following in _FAMILY_NAMES:
        return False
    from proselint_fic.document.tags import FINITE_TAGS, tag_words

    before = folded[index - 1] if joined else "."
    tags = tag_words([before, "it", "'s", *folded[index + 1 : index + 4]])
    tag, after = tags[3], tags[4:5]
    if tag not in _NOUN_TAGS or after in (["NN"], ["NNS"]):
        return False
    if tag == "NNS":
        return True
    return (
        before in _PREPOSITIONS - _SUBORDINATORS
        or before in _PARTICLES
        or (bool(after) and after[0] in FINITE_TAGS)
        or (tags[0].startswith("VB") and before not in _CLAUSE_VERBS)
    )


ITS_APOSTROPHE = RuleMeta(
    id="punctuation.its-apostrophe",
    category="punctuation",
    severity=Severity.WARNING,
    scope="both",
    locality="paragraph",
    summary='"it\'s" (it is, it has) where the possessive "its" is meant, or the reverse.',
    message='"it\'s" is "it is" or "it has"; the possessive "its" has no apostrophe.',
    docs=(
        "The next word tells them apart: a table built from 217 public-domain novels "
        "lists 396 words that follow only the possessive (*heart*, *eyes*, *own*) and 188 "
        "that follow only *it is* or *it has* (*been*, *not*, *a*, *impossible*). *its* "
        "before one of the second kind is reported (*its been years*, *Well, its "
        "embarrassing*); *it's* before one of the first kind only when the tagger reads "
        "that word as a noun in its sentence (*rip out it's heart*, *It's eyes were "
        "black*), since an adjective may be what *it is* says (*it's ancient*). A "
        "possessive before a gerund after a preposition (*the order of its going*) is "
        "left alone."
    ),
    flags=(
        "He proceeded to rip out it's heart.",
        "The dragon turned to attack it's master.",
        "It's eyes were a reflectionless black.",
        "The dog wagged it's tail and the house stood on it's own.",
        "Its a long way home, and she said its been years.",
        '"I... Well, its impossible," she said.',
    ),
    passes=(
        "The dog wagged its tail. The house has its own well.",
        "It's time we left. It's ancient. It's been a long year. It's work that counts.",
        "Wait until it's light, and you will see the worth of its right.",
        "The company and its only client; the character of its late owner.",
        "She could not distinguish the order of its going in that direction.",
        "In its more sordid forms, and in its certain and swift punishment.",
        "\"It's mother!\" he cried. It's mind discipline.",
        "He looked at it. It's a fine sword, and it's not for sale.",
    ),
    fixes=(
        FixExample("He tore out it's heart.", "He tore out its heart."),
        FixExample("Its a long way home.", "It's a long way home."),
    ),
)


class ItsApostropheRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        yield from find_its_slips(document)


def rules() -> list[Rule]:
    """The its/it's rule."""
    return [ItsApostropheRule(ITS_APOSTROPHE)]
