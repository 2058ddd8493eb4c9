"""Words with their offsets, found once per document and shared by word-level rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

# Letters and digits, with apostrophes and hyphens inside: don't, neck-breaking, twenty-one.
# Captured, so that split() returns separators and words alternately; running sums of their
# lengths then give every offset without a Python-level step per word (half the time of
# collecting match objects on a novel).
_WORD = re.compile(r"([^\W_]+(?:['\-][^\W_]+)*)")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of ``Document.text`` as parallel lists.

    ``folded[i]`` is word ``i`` in lowercase with curly apostrophes made straight; it runs
    from ``starts[i]`` to ``ends[i]`` in ``Document.text``.
    """

    folded: list[str]
    starts: list[int]
    ends: list[int]
    _index: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.folded)

    def positions(self, folded: str) -> list[int]:
        """Where ``folded`` occurs, as word indices in text order.

        The index is built on first use and shared, so rules that look words up (the
        word-choice tables) pay one pass over the document between them, not one each.
        """
        if not self._index and self.folded:
            index = self._index
            for position, word in enumerate(self.folded):
                found = index.get(word)
                if found is None:
                    index[word] = [position]
                else:
                    found.append(position)
        return self._index.get(folded, [])


def find_words(text: str) -> Words:
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a rare letter whose lowercase is longer (İ)
        folded = "".join(c.lower()[:1] for c in text).replace("’", "'")
    parts = _WORD.split(folded)
    offsets = list(accumulate(map(len, parts)))
    # parts = [gap, word, gap, word, ..., gap]: a word starts where its gap ends.
    return Words(folded=parts[1::2], starts=offsets[0:-1:2], ends=offsets[1::2])
