"""Where a speech that is never closed should have been closed, and with which mark.

A writer who forgets a closing quote leaves clues: a speech tag read inside the open
quote (*"When will you see her? said the signora*), a single closing quote where the
speech opened with a double one (*"Will you do it?'*), or the next paragraph's reply in
another speaker's voice where a speech that ran on over paragraphs would go on in the
same one (*... the nautical profession.* / *"To all professions," observed Mr. Badger.*).
The fix goes where the mark was lost, which is also where an editor marks it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from proselint_fic.checks.dialogue import TAG_VERBS
from proselint_fic.checks.tense.words import wordset
from proselint_fic.document.structure import last_word
from proselint_fic.patterns import lazy

if TYPE_CHECKING:
    from proselint_fic.document import Span

# Tag verbs of older fiction too: "returns Mr. Guppy", "rejoined the other".
_VERBS = TAG_VERBS | wordset("return returns returned rejoin rejoins rejoined")
_VERB = "(?:" + "|".join(sorted(_VERBS, key=lambda verb: (-len(verb), verb))) + r")\b"
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Captain|Madame|Monsieur)\.?"
_NAMED = (
    rf"(?:the[ \t]+\p{{Ll}}+|my[ \t]+\p{{Ll}}+|{_TITLE}[ \t]+\p{{Lu}}\p{{L}}+"
    r"|(?!(?:I|The|A|An|This|That|It|We|They|You|He|She|There|Then)\b)"
    r"\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?)\b"
)
# Inside a speech, only a tag's plainest shapes: the verb then a named speaker (said the
# signora, returns Mr. Guppy, said he), a name then a plain verb (George said), or "he
# said" after the speech's first sentence. "I answer", "says I", "he said he didn't",
# "the doctor said the girl was ill" are the speaker's own words.
_PLAIN = r"(?:said|says|asked|asks|replied|replies)\b"
# It opens with the mark, so the engine tries the tag's words only after marks; the
# word before the mark is found by hand.
_TAG_IN_SPEECH = lazy(
    rf"[,?!](?<=[\p{{L}}\p{{N}}'’)][,?!])"
    rf"(?=(?<tag>[ \t]+(?:{_VERB}[ \t]+(?:{_NAMED}|(?:he|she)\b)"
    rf"|{_NAMED}[ \t]+{_PLAIN}"
    rf"|(?<pronoun>(?:he|she)[ \t]+{_PLAIN}))))"
)
# What follows a tag that the speech has left: the tag's sentence ends, or a phrase of
# manner or action (with a start; butting inward; quietly). Anything else (", and waited
# there all night", ", of studying law") may be the speech going on past an aside.
_TAG_TAIL = lazy(
    r"[ \t]*(?:[.;:!?…—]|\Z|,?[ \t]+(?:with|without|as|in|while|\p{Ll}+ing|\p{Ll}+ly)\b)"
)
_SENTENCE_END = lazy(r"[.!?]")
# A quotation opened inside the speech, whose own tag this would be.
_INNER_QUOTE = lazy(r"(?:^|[\s(—–“\"-])['‘`]")
# A single closing quote after the speech's last mark, at the end of the paragraph or
# before a lowercase tag: the speech opened with a double quote.
_SINGLE_CLOSER = lazy(r"['’](?<=[.?!,…—-]['’])(?=[ \t]*(?:\n|\Z)|[ \t]+\p{Ll})")
_SENTENCE_GOES_ON = lazy(r"[.!?…—][\"”’]*[ \t\n]+\S")
_SPEAKER = rf"(?:{_NAMED}|he\b|she\b|I\b)"
# Who a tag names, in a paragraph's first stretch of narration after a quote.
_SPEAKER_AFTER = lazy(
    rf"[\"”’][ \t]+(?:{_VERB}[ \t]+(?<a>{_SPEAKER})|(?<b>{_SPEAKER})[ \t]+{_VERB})"
)
_PRONOUNS = frozenset({"he", "she", "i"})


class Closing(NamedTuple):
    """Where the lost closing quote belongs: the span to replace and its replacement."""

    start: int
    end: int
    replacement: str
    reason: str


def wrong_closer(text: str, speech: Span) -> Closing | None:
    """A double-quoted speech closed with a single quote (*"Will you do it?'*), no single
    quote having opened inside it."""
    found = _SINGLE_CLOSER.search(text, speech.start + 1, speech.end)
    if found is None or _INNER_QUOTE.search(text, speech.start, found.start()):
        return None
    at = found.end() - 1
    return Closing(at, at + 1, "”" if text[speech.start] == "“" else '"', "single")


def tag_inside(text: str, speech: Span, closer: str) -> Closing | None:
    """A speech tag read inside the open quote: the quote closes before it."""
    found = _TAG_IN_SPEECH.search(text, speech.start + 1, speech.end)
    if found is None or _INNER_QUOTE.search(text, speech.start + 1, found.start()):
        return None  # a quotation inside the speech, with its own tag
    word_start = found.start()
    while word_start > speech.start + 1 and not text[word_start - 1].isspace():
        word_start -= 1
    if found.group("pronoun") and _SENTENCE_END.search(text, speech.start, word_start):
        # "he said" after a speech's first sentence reports what someone said (he would
        # come that evening, he said); a tag follows the first.
        return None
    tag_end = found.end("tag")
    if (
        not _TAG_TAIL.match(text, tag_end, speech.end)
        or _SENTENCE_GOES_ON.search(text, tag_end, speech.end)
        or _INNER_QUOTE.search(text, tag_end, speech.end)
    ):
        # Speech goes on after the tag's sentence: the tag is the speaker's own aside (I
        # wish, I say, to ...; He had some intention, he added, of studying law).
        return None
    return Closing(word_start, found.end(), text[word_start : found.end()] + closer, "tag")


def at_the_end(text: str, paragraph: Span, closer: str) -> Closing | None:
    """The paragraph's last word, which the closing quote follows."""
    span = last_word(text, paragraph)
    if span is None:
        return None
    return Closing(span.start, span.end, text[span.start : span.end] + closer, "end")


def speaker(text: str, paragraph: Span) -> str | None:
    """Who the paragraph's first tag names (*said Mrs. Badger*, *I returned*), lowercased."""
    found = _SPEAKER_AFTER.search(text, paragraph.start, min(paragraph.end, paragraph.start + 400))
    if found is None:
        return None
    return (found.group("a") or found.group("b")).lower()


def another_speaker(text: str, paragraph: Span, following: Span) -> bool:
    """Whether the next paragraph's speech is another speaker's reply: both paragraphs name
    their speakers, and not the same one. A name and a pronoun may be one person, so only
    two names, two different pronouns, or "I" and anyone else count."""
    if any(_INNER_QUOTE.search(text, p.start, p.end) for p in (paragraph, following)):
        return False  # a story told inside a speech: its own speakers take turns
    first, second = speaker(text, paragraph), speaker(text, following)
    if first is None or second is None or first == second:
        return False
    pronouns = {first, second} & _PRONOUNS
    return len(pronouns) != 1 or "i" in pronouns


_START = attrgetter("start")


def lost_openers(text: str, spans: Sequence[Span], paragraph: Span) -> Iterator[Closing]:
    """A speech broken by its tag whose second part lost its opening quote: *"She brings
    everything to a grindstone," said Steerforth, and sharpens it."* The closing quote
    after the tag has no opener, and the words after the tag's comma go on in lower case.
    Curly quotes only: a straight one opens as well as closes."""
    # The spans are in order: the paragraph's are found by bisection, since a page with
    # thousands of paragraphs asks for each of them (a scan per paragraph took 9 s on a
    # 1 MB line of HTML).
    first = bisect_left(spans, paragraph.start, key=_START)
    last = bisect_left(spans, paragraph.end, lo=first, key=_START)
    inside = spans[first:last]
    for index, before in enumerate(inside):
        if text[before.end - 1 : before.end] != "”":
            continue
        stop = inside[index + 1].start if index + 1 < len(inside) else paragraph.end
        closer = text.find("”", before.end, stop)
        if closer < 0 or "“" in text[before.end : closer]:
            continue
        comma = _TAG_COMMA.match(text, before.end, closer)
        if comma is None:
            continue
        yield Closing(comma.start("word"), comma.end(), comma.group("tag_end") + "“", "opener")


# After a closed speech: a short tag ending in a comma, then lower case (the speech goes on).
_TAG_COMMA = lazy(
    r"[ \t]+(?:[^,.!?;:\"“”\n]{1,40}?[ \t])?(?<word>(?<tag_end>[\p{L}.'’]+,[ \t]+))(?=\p{Ll})"
)
