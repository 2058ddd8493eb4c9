"""The spelling analysis of an edited document, with only the edited paragraphs re-read.

The analysis weighs the whole manuscript (a word written three times capitalised is a
name; a coinage recurs), but it sees the text through two things: how often each word is
written, and where the words it suspects stand. Both come paragraph by paragraph: each
paragraph's word counts are kept by its text and added to a running total, and the
suspects' occurrences in a paragraph are kept by its text and the suspects it holds. The
verdict of whether a word is suspect at all is kept per word. What is left (names,
inconsistent spellings, rare words, the verdicts) is quick, and runs on every edit.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from proselint_fic.checks.spelling import tokens
from proselint_fic.checks.spelling.analysis import (
    Occurrence,
    WordVerdicts,
    _Analyser,
    analyse_kept,
)
from proselint_fic.checks.spelling.vocabulary import Vocabulary
from proselint_fic.document import Document, Piece, Typography

_TEXT_OF = attrgetter("text")


class KeptSpelling:
    """Keeps the spelling analysis's per-paragraph work across the edits of one text."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {}
        self._found: dict[tuple[Piece, Typography, frozenset[str]], tuple[Occurrence, ...]] = {}
        self._verdicts = WordVerdicts()
        self._texts: list[str] = []
        # For each written form, the paragraph texts that hold it (and how many times the
        # text is in the document), so that finding a few suspects' occurrences does not
        # walk every paragraph's counts.
        self._where: dict[str, dict[str, int]] = {}
        self._vocabulary: Vocabulary | None = None

    def prepare(self, document: Document) -> None:
        typography = document.typography
        if typography is None:
            return
        pieces = document.paragraph_pieces
        paragraphs = document.paragraphs
        texts = list(map(_TEXT_OF, pieces))
        analyser = _Analyser(document, self._verdicts)
        vocabulary = self._update_vocabulary(texts, analyser)

        def occurrences_of(words: set[str]) -> list[Occurrence]:
            holding = self._holding(words)
            found: list[Occurrence] = []
            for at in [i for i, text in enumerate(texts) if text in holding]:
                piece, paragraph = pieces[at], paragraphs[at]
                here = frozenset(words.intersection(self._counts[piece.text]))
                key = (piece, typography, here)
                kept = self._found.get(key)
                if kept is None:
                    kept = _occurrences(piece, typography, here, document)
                    self._found[key] = kept
                start = piece.start_for(paragraph)
                found.extend(o.moved(start) for o in kept)
            return found

        analyse_kept(analyser, vocabulary, occurrences_of)
        if len(self._found) > 2 * len(pieces) + 256:
            self._found.clear()
        judged = self._verdicts.judged
        if len(judged) > 4 * len(pieces) + 256:  # old versions of the edited paragraphs
            judged.clear()

    def _holding(self, words: set[str]) -> set[str]:
        """The paragraph texts that hold any of ``words``."""
        holding: set[str] = set()
        for word in words:
            holding.update(self._where.get(word, ()))
        return holding

    def _update_vocabulary(self, texts: list[str], analyser: _Analyser) -> Vocabulary:
        """Add the counts of the paragraphs that came and take away those that went.

        The paragraphs both texts share at the start and at the end are set aside first
        (a quick comparison); the totals are a sum, whatever the order, so what is left in
        between is compared as a bag: edits at two far places between re-lints re-count
        those two paragraphs, not every one between them."""
        vocabulary = self._vocabulary
        old = self._texts
        if vocabulary is None:
            vocabulary = self._vocabulary = analyser.vocabulary()
            old = []
        limit = min(len(old), len(texts))
        first = 0
        while first < limit and old[first] == texts[first]:
            first += 1
        last = 0
        while last < limit - first and old[-1 - last] == texts[-1 - last]:
            last += 1
        before = Counter(old[first : len(old) - last])
        after = Counter(texts[first : len(texts) - last])
        self._forget_names_in(before.keys() ^ after.keys())
        for piece, times in (before - after).items():
            for _ in range(times):
                vocabulary.add(self._counts[piece], analyser.is_suspect, sign=-1)
            self._index(piece, -times)
        for piece, times in (after - before).items():
            counts = self._counts.get(piece)
            if counts is None:
                counts = self._counts[piece] = tokens.count_words(piece)
            for _ in range(times):
                vocabulary.add(counts, analyser.is_suspect)
            self._index(piece, times)
        self._texts = texts
        if len(self._counts) > 2 * len(texts) + 256:
            keep = set(texts)
            self._counts = {k: v for k, v in self._counts.items() if k in keep}
        return vocabulary

    def _forget_names_in(self, changed: set[str]) -> None:
        """Forget whether a word is used as a name wherever a changed paragraph holds it
        (as any substring: more than the word itself, never less)."""
        verdicts = self._verdicts.used_as_name
        if not changed or not verdicts:
            return
        for form in [f for f in verdicts if any(f in text for text in changed)]:
            del verdicts[form]

    def _index(self, piece: str, times: int) -> None:
        for word in self._counts[piece]:
            texts = self._where.setdefault(word, {})
            left = texts.get(piece, 0) + times
            if left:
                texts[piece] = left
            else:
                del texts[piece]
                if not texts:
                    del self._where[word]


def _occurrences(
    piece: Piece, typography: Typography, words: frozenset[str], document: Document
) -> tuple[Occurrence, ...]:
    alone = Document.alone(
        piece.text, (piece.paragraph,), typography, document.options, emphasis=piece.emphasis
    )
    return tuple(_Analyser(alone)._occurrences(set(words)))
