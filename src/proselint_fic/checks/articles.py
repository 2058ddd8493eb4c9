"""``typo.indefinite-article``: "a" before a vowel sound or "an" before a consonant one.

The article follows the sound of the next word, not its letter: *an hour*, *a unicorn*,
*a one-off*, *an X-ray*, *an 8-year-old*. The letter decides for most words; the sounds
that letters hide are listed here as patterns of the word's start (*uni-* is "you" unless
it is the prefix *un-* before *d*, *m*, *n* or *r*: *a university*, *an unimportant*).
Where English allows both (*a historic*, *an historic*; *a hotel* and the older *an
hotel*), or the word's sound cannot be read from its letters (an acronym: *a NATO*,
*an NHS*), nothing is reported. A function word after the article (*Plan A is*, dialect
*an* for *and*: *me an him*) means the article is something else.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from proselint_fic.checks.tense.words import wordset
from proselint_fic.diagnostic import Severity
from proselint_fic.patterns import lazy
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.document import Document

__all__ = ["IndefiniteArticleRule", "expected_article", "rules"]

# The article, then spaces (one line break at most), then the next word.
_ARTICLE = lazy(r"(?<![\w'’.-])(?P<article>[Aa][Nn]?)[ \t]+(?:\r?\n[ \t]*)?(?P<next>[\w][\w'’-]*)")

# Word starts spelled with a vowel and said with a consonant ("you", "wuh").
_CONSONANT_SOUND = lazy(
    r"""(?x)
    one(?:$|s$|-|self|ness) | once
  | uni(?![dmnr]) | unanim
  | us[eu] | usa(?:ge|bl) | usur | uti | ute | ura | uri | uro | ubi | uku | ufo
  | uga | ukr | uru | uto | uvu
  | eu | ewe
    """
)
# Word starts spelled with a consonant and said with a vowel (a silent h).
_VOWEL_SOUND = lazy(r"hour|honest|honou?r|heir")
# Where careful writers use either article: an h sounded weakly, or an older style.
_EITHER = lazy(r"h(?:istori|otel|erb|abitu|ereditar|eroic|ypothes|omage|umble|yster)")
# Letters whose names start with a vowel sound: an F, an X-ray, an L-shaped room.
_VOWEL_LETTERS = frozenset("aefhilmnorsx")
# After an article these are not the noun phrase it opens: "Plan A is", "me an him".
_FUNCTION_WORDS = wordset(
    "a an the and or but nor so yet if then than as at by for from in into of off on onto "
    "out over to up with is are was were be been am has have had do does did will would "
    "shall should can could may might must he she it i we they you him her his its our "
    "their them us me my your this that these those who whom which what when where why "
    "how not no there here thou thee thy ye yon"
)


def expected_article(word: str) -> str | None:
    """``"a"`` or ``"an"`` for the word after an indefinite article, or None when its
    sound cannot be told from its spelling or both articles are in use."""
    if word[:1].isdigit():
        return _article_for_number(word)
    if len(word) > 1 and word[1] == "-" and word[0].isalpha():
        return "an" if word[0].lower() in _VOWEL_LETTERS else "a"  # an X-ray, a U-turn
    letters = word.rstrip("'’")
    if len(letters) < 2 or (not letters.isalpha() and "-" not in letters):
        return None
    if sum(char.isupper() for char in letters) > 1:
        return None  # an acronym or a shout: its sound is not its spelling
    lower = letters.lower()
    if lower in _FUNCTION_WORDS:
        return None
    if _CONSONANT_SOUND.match(lower):
        return "a"
    if _VOWEL_SOUND.match(lower):
        return "an"
    if _EITHER.match(lower):
        return None
    first = lower[0]
    if first == "u":
        return "an"  # un-, up-, ut- (utter), um-: the other u-words are listed above
    if not first.isascii():
        return None
    return "an" if first in "aeio" else "a"


def _plain_verb(word: str, after: str) -> bool:
    """Whether ``word`` is a verb's plain form here (*tell*; *buy* before its object, *buy
    the painting*): no article comes before it, so *an* there is *and* with its *d* lost."""
    from proselint_fic.checks.tense.lexicon import tables

    verbs = tables()
    lower = word.lower()
    if verbs.base_lemma(lower) is None:
        return False
    return not verbs.is_nominal(lower) or after.lower() in _OBJECT_STARTS


_OBJECT_STARTS = wordset("the a an his her their my your our its him them me us it this that some")
_NEXT_WORD = lazy(r"[ \t]+([\w'’]+)")


def _word_after(text: str, at: int) -> str:
    found = _NEXT_WORD.match(text, at)
    return found.group(1) if found else ""


def _article_for_number(word: str) -> str | None:
    digits = ""
    for char in word:
        if char.isdigit():
            digits += char
        elif char != ",":
            break
    if not digits:
        return None
    if digits[0] == "8":
        return "an"  # eight, eighty, eight hundred
    if digits[:2] in ("11", "18") and len(digits) in (2, 4, 5):
        return "an"  # eleven, eighteen, eleven hundred, eighteen thousand
    return "a"


def _older_an(following: str) -> bool:
    """Words that older prose puts "an" before although they open with a consonant sound:
    an h-word (an husband, an hopeless case) and one (such an one)."""
    lower = following.lower()
    return lower[:1] == "h" or lower == "one"


def _spoken_in_a_voice(document: Document, at: int) -> bool:
    """Whether the paragraph around ``at`` writes speech as a voice sounds (ol', an',
    'em, wittles). In speech without that, "a event" is the writer's slip, not the
    voice's."""
    from proselint_fic.checks.spelling.analysis import spelled_as_a_voice

    paragraph = document.paragraph_at(at)
    if paragraph is None:
        return True
    text = document.text[paragraph.start : paragraph.end]
    return spelled_as_a_voice(text, document.options.dialect)


def find_article_slips(document: Document) -> Iterator[Match]:
    text = document.text
    words = document.words
    starts = [words.starts[i] for i in words.where("a", "an")]
    if not starts:
        return
    speech = document.speech
    for start in starts:
        found = _ARTICLE.match(text, start)
        if found is None:
            continue
        article, following = found.group("article"), found.group("next")
        wanted = expected_article(following)
        if wanted is None or article.lower() == wanted:
            continue
        if wanted == "a" and _older_an(following):
            continue  # "an husband", "such an one", "an university": an older style
        if (
            speech.contains(found.start())
            and not (wanted == "an" and following[:1].isupper())
            and _spoken_in_a_voice(document, found.start())
        ):
            continue  # a voice: "a old coat", "a eel", "meat an bread"; not "a Israeli"
        if article.lower() == "an" and _plain_verb(following, _word_after(text, found.end())):
            wanted = "and"  # "go an buy the painting": a lost d, not an article
        fix = match_case(article, wanted)
        message = f"Write '{fix}' before '{following}': the article follows the word's sound."
        if wanted == "and":
            message = f"'{article} {following}' reads as 'and {following}': write '{fix}'."
        yield Match(found.start("article"), found.end("article"), message, (fix,))


INDEFINITE_ARTICLE = RuleMeta(
    id="typo.indefinite-article",
    category="typo",
    severity=Severity.WARNING,
    scope="both",
    locality="paragraph",
    summary='"a" before a vowel sound or "an" before a consonant sound.',
    message='Use "an" before a vowel sound and "a" before a consonant sound.',
    docs=(
        "The article follows the next word's sound: *an Israeli*, *an hour*, *an X-ray*, "
        "*an 8-year-old*, but *a unicorn*, *a one-off*, *a European*, *a U-turn*. Left "
        "alone: words where careful writers use either (*a historic* and *an historic*, "
        "*a hotel* and *an hotel*); *an* before any *h* or before *one* (*an husband*, "
        "*such an one*: an older style); acronyms, whose sound is not their spelling (*a "
        "NATO summit*, *an NHS nurse*); an article followed by a function word (*Plan A "
        "is*, dialect *me an him*); and speech in a paragraph that spells a voice, with an "
        "apostrophe for dropped letters or a lowercase word no dictionary holds (*a old "
        "coat an' a eel*), unless *a* stands before a capitalised word. In plain speech "
        "*a event* is the writer's slip and is reported."
    ),
    flags=(
        "She had the advantage of a six-foot girl with a Israeli stunner.",
        '"Never underestimate a girl with a Israeli stunner," said Carla.',
        "It took him a hour to get there.",
        "He was a honest man, an rare thing in the city.",
        "An unicorn stood in the clearing, beside a old oak.",
        "She had a X-ray on Tuesday and was a 8-year-old again.",
        '"That was a awesome dinner," she said. "It\'s a event like no other."',
    ),
    passes=(
        "An Israeli stunner, an hour's walk, an honest man and a rare thing.",
        "A unicorn, a university, a one-off, a European, a eulogy and a U-turn.",
        "An unimportant man made an unusual choice, an uneasy one.",
        "A historic day. An historic day. A hotel by the sea. An husband, an hopeless case.",
        "I had rather live with such an one as you.",
        "Plan A is simple. Me an him went fishing. A NATO summit and an NHS nurse.",
        '"Ain\'t you got a storebox and a old coat?" he asked. "Or a eel!"',
        "An 18th-century house, an 11-year-old, a 180-degree turn and an 800-page book.",
        "An X-ray, an F, an L-shaped room and a T-shirt.",
    ),
    fixes=(
        FixExample("It took him a hour.", "It took him an hour."),
        FixExample(
            "He should just go an buy the painting.", "He should just go and buy the painting."
        ),
        FixExample("An unicorn stood there.", "A unicorn stood there."),
    ),
)


class IndefiniteArticleRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        yield from find_article_slips(document)


def rules() -> list[Rule]:
    """The article rule."""
    return [IndefiniteArticleRule(INDEFINITE_ARTICLE)]
