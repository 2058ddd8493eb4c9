"""Words with their offsets, found once per document and shared by word-level rules.

Two views of the same tokenisation. :class:`Words` lists every word with its offsets; it
is what a rule walks when it needs each word's place. :class:`Vocabulary` is the cheap one:
the words in order without offsets, the set of distinct words, and :meth:`Vocabulary.find`
to locate one word or phrase. Rules that look for a few words or phrases (doubled words,
word-choice tables) ask the vocabulary whether they can occur at all and search only for
those, which costs a fifth of finding every word's offsets on a novel.

A word is a run of letters and digits, with single apostrophes or hyphens inside:
don't, neck-breaking, twenty-one.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

# A word as every view here cuts it.
WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# Captured, so that split() returns separators and words alternately; running sums of their
# lengths then give every offset without a Python-level step per word (half the time of
# collecting match objects on a novel).
_WORD_AND_GAPS = re.compile(f"({WORD.pattern})")
_JOINERS = "'-"
# Two joiners in a row never sit inside a word ("said--the", "goin''"), nor does one next to
# a space ("'tis", "the -"): blanking them leaves only the joiners that are inside words.
_DOUBLE_JOINERS = ("--", "''", "'-", "-'")
_EDGE_JOINERS = (" '", "' ", " -", "- ")
# Characters of ASCII text that are neither part of a word nor a joiner.
_ASCII_GAPS = {
    code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) in _JOINERS)
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """``text`` in lowercase with curly apostrophes made straight, offsets unchanged."""
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a rare letter whose lowercase is longer (İ)
        folded = "".join(c.lower()[:1] for c in text).replace("’", "'")
    return folded


@dataclass(frozen=True, slots=True)
class Words:
    """The words of ``Document.text`` as parallel lists.

    ``folded[i]`` is word ``i`` in lowercase with curly apostrophes made straight; it runs
    from ``starts[i]`` to ``ends[i]`` in ``Document.text``.
    """

    folded: list[str]
    # Offsets as machine integers: a novel's offsets are mostly large numbers, which as
    # Python objects cost 28 bytes each (4 MB per list on a novel) against 8 here.
    starts: Sequence[int]
    ends: Sequence[int]
    _index: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.folded)

    def where(self, *targets: str) -> list[int]:
        """The word indices of any of ``targets`` (folded), in text order: a scan at C
        speed, for a rule that asks about a few words once (building the index of
        :meth:`positions` costs more than that)."""
        found: list[int] = []
        folded = self.folded
        for target in targets:
            at = -1
            try:
                while True:
                    at = folded.index(target, at + 1)
                    found.append(at)
            except ValueError:
                pass
        found.sort()
        return found

    def positions(self, folded: str) -> list[int]:
        """Where ``folded`` occurs, as word indices in text order (index built on first use)."""
        if not self._index and self.folded:
            index = self._index
            for position, word in enumerate(self.folded):
                found = index.get(word)
                if found is None:
                    index[word] = [position]
                else:
                    found.append(position)
        return self._index.get(folded, [])


def shared_strings(words: list[str]) -> list[str]:
    """``words`` with each distinct spelling held once: a novel's 120,000 words are about
    7,000 spellings, and a string apiece cost 6 MB a list. Interned strings are freed with
    their last use, so a long-running editor keeps only what open texts hold."""
    return list(map(sys.intern, words))


def find_words(text: str) -> Words:
    parts = _WORD_AND_GAPS.split(fold(text))
    offsets = array("q", accumulate(map(len, parts)))
    # parts = [gap, word, gap, word, ..., gap]: a word starts where its gap ends.
    return Words(folded=shared_strings(parts[1::2]), starts=offsets[0:-1:2], ends=offsets[1::2])


class Vocabulary:
    """The words of a text in order, without offsets, and a way to find any of them.

    ``sequence`` holds exactly the words :class:`Words` would list, folded, in text order,
    so that neighbours in it are neighbours in the text.
    """

    def __init__(self, text: str) -> None:
        self.folded = fold(text)

    @cached_property
    def _chunks(self) -> str:
        """The folded text with everything outside words blanked, padded with one space at
        each end (so offset ``i`` of the text is offset ``i + 1`` here)."""
        return _word_chunks(self.folded)

    @cached_property
    def sequence(self) -> list[str]:
        return shared_strings(self._chunks.split())

    @cached_property
    def distinct(self) -> frozenset[str]:
        return frozenset(self.sequence)

    def has_all(self, words: tuple[str, ...]) -> bool:
        """True when every one of ``words`` occurs somewhere in the text."""
        return self.distinct.issuperset(words)

    def repeats(self, words: list[str]) -> Iterator[tuple[int, int, str]]:
        """Where one of ``words`` (folded) stands twice in a row as a whole word, with
        nothing but spaces, line breaks or marks between: ``(start, end, word)`` spans in
        text order, overlapping ones included ("the the the" holds two). A rule checks
        what stands between the two in the text itself.

        One pattern for all the words, over the text with everything outside words
        blanked: a search per word would scan a novel once for each.
        """
        if not words:
            return
        pattern = _repeat_pattern(tuple(sorted(words)))
        chunks = self._chunks
        found = pattern.search(chunks)
        while found is not None:
            word = found[1]
            # The match opens on the space before the first word, and chunk offsets run
            # one ahead of text offsets (the padding): the word starts at found.start().
            yield found.start(), found.end() - 1, word
            # The second word may begin the next pair: resume on the space before it.
            found = pattern.search(chunks, found.end() - len(word) - 1)

    def find(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """Spans where ``pattern`` matches the folded text from the start of a word to the end
        of one, overlapping matches included ("could of of" is tried at both words).

        The pattern should begin with a literal, which the engine scans for quickly; a
        word-boundary lookbehind in front of it would make the engine try every position.
        """
        folded = self.folded
        found = pattern.search(folded)
        while found is not None:
            start, end = found.span()
            if _word_starts(folded, start) and _word_ends(folded, end):
                yield start, end
            found = pattern.search(folded, start + 1)


@lru_cache(maxsize=16)
def _repeat_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # " (no|the) +\1 ": the pair as whole words, marks and line breaks blanked to spaces.
    return re.compile(" (" + "|".join(map(re.escape, words)) + r") +\1(?= )")


@lru_cache(maxsize=1024)
def phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for ``words`` (folded) in a row, any run of whitespace between them."""
    return re.compile(r"\s+".join(map(re.escape, words)))


def _word_chunks(folded: str) -> str:
    """``folded`` with everything that is not inside a word turned into spaces, and one
    space of padding at each end."""
    gaps = dict(_ASCII_GAPS)
    if not folded.isascii():
        for char in set("".join(_NON_ASCII.findall(folded))):
            if not char.isalnum():
                gaps[ord(char)] = " "
    chunks = f" {folded.translate(gaps)} "
    while any(double in chunks for double in _DOUBLE_JOINERS):
        for double in _DOUBLE_JOINERS:
            chunks = chunks.replace(double, "  ")
    for edge in _EDGE_JOINERS:
        chunks = chunks.replace(edge, "  ")
    return chunks


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _word_starts(folded: str, start: int) -> bool:
    if start == 0 or not _is_word_char(folded[start - 1]):
        return not (
            start >= 2 and folded[start - 1] in _JOINERS and _is_word_char(folded[start - 2])
        )
    return False


def _word_ends(folded: str, end: int) -> bool:
    if end < len(folded) and _is_word_char(folded[end]):
        return False
    return not (
        end + 1 < len(folded) and folded[end] in _JOINERS and _is_word_char(folded[end + 1])
    )
