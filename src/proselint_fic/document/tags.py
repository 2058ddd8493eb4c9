"""Part-of-speech tags: an averaged-perceptron tagger whose model ships in the package.

The model (``data/tagger.model``, format in :mod:`proselint_fic.document.tag_model`;
built by ``scripts/train_tagger.py`` from Universal Dependencies English EWT, CC BY-SA
4.0; see ``data/UD-EWT-NOTICE.txt``) predicts Penn
Treebank tags, which keep apart what the tense rules need: past (VBD), present (VBZ, VBP),
base form (VB), participles (VBN, VBG), and the nouns and adjectives that share a verb's
spelling (NN, NNS, JJ). It is plain text, so loading it runs no code, and it is read only
when a rule first asks for tags.

Tagging is greedy, left to right: a word's tag depends on the words around it and on the
tags already given to the two words before it. Frequent words that the training data
almost always tags one way are tagged from a dictionary without scoring. Tokens follow the
training data's conventions: contractions split (``did`` ``n't``, ``she`` ``'s``) and
every punctuation mark a token of its own; :func:`tag_words` does that splitting for
words cut the linter's way and gives one tag per word.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from proselint_fic.document import tag_model
from proselint_fic.document.tag_model import Lookup, Table
from proselint_fic.resources import data_dir

MODEL_FILE = "tagger.model"
START = ("-START-", "-START2-")
_CONTRACTION_TAILS = ("n't", "'s", "'m", "'re", "'ll", "'d", "'ve")
_IRREGULAR_NEGATIVES = {"can't": ("ca", "n't"), "won't": ("wo", "n't"), "shan't": ("sha", "n't")}


def normalise(word: str) -> str:
    """The form features see: lowercase, straight apostrophes, numbers folded."""
    if word.isdigit():
        return "!YEAR" if len(word) == 4 else "!DIGITS"
    if word[:1].isdigit():
        return "!DIGITS"
    return word.lower().replace("’", "'")


class Context(NamedTuple):
    """One sentence as the features see it: its words normalised with two sentinels on
    each side (token ``i`` is ``words[i + 2]``), as written, and the model's lexicons."""

    words: list[str]
    raw: Sequence[str]
    lexicon: Lookup  # word -> its verb forms and other readings, as letters
    tagdict: dict[str, str]

    @classmethod
    def of(cls, raw: Sequence[str], lexicon: Lookup, tagdict: dict[str, str]) -> Context:
        normal = [normalise(w) for w in raw]
        return cls(["-START-", "-START2-", *normal, "-END-", "-END2-"], raw, lexicon, tagdict)


def shape_of(raw: str, i: int) -> str:
    """Capitalised, a digit, a hyphen, all capitals, first in the sentence."""
    shape = "C" if raw[:1].isupper() else ("d" if raw[:1].isdigit() else "l")
    if "-" in raw:
        shape += "-"
    if raw.isupper() and len(raw) > 1:
        shape += "U"
    if i == 0:
        shape += "^"
    return shape


def word_features(word: str, shape: str, here: str) -> list[str]:
    """The features that depend on the word alone (the tagger scores them once a word)."""
    return [
        "b",
        "s4 " + word[-4:],
        "s3 " + word[-3:],
        "s2 " + word[-2:],
        "p1 " + word[:1],
        "p3 " + word[:3],
        "sh " + shape,
        "lx " + here,
        "w " + word,
    ]


# Tags of finite verbs: past, present, and modals.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Tokens after which a new clause, with a finite verb of its own, may begin.
_CLAUSE_OPENING_TAGS = frozenset({"WDT", "WP", "WRB", ":"})
_CLAUSE_OPENERS = frozenset({"that", "because", "if", "when", "while", "as", "though", "since"})


def clause_state(seen: str, tag: str, word: str) -> str:
    """Whether the clause so far holds a finite verb ("y" or "n"), after a token tagged
    ``tag``. "The kettle hisses": none yet, so *hisses* is likely the verb; "brushed sand
    and pebbles": one already, so *pebbles* is likely a noun."""
    if tag in FINITE_TAGS:
        return "y"
    if tag in _CLAUSE_OPENING_TAGS or word in _CLAUSE_OPENERS or word == ";":
        return "n"
    return seen


def context_features(
    i: int, prev: str, prev2: str, c: Context, here: str, *, seen: str = "n"
) -> list[str]:
    """The features of token ``i`` that depend on its neighbours and the tags before it;
    ``seen`` says whether its clause already holds a finite verb (:func:`clause_state`)."""
    context, lexicon, tagdict = c.words, c.lexicon, c.tagdict
    word = context[i + 2]
    before, after = context[i + 1], context[i + 3]
    return [
        "fv " + seen + " " + here,
        "fvs " + seen + " " + word[-2:],
        "t1s " + prev + " " + word[-3:],
        "wn " + word + " " + after,
        "nn " + before + " " + after,
        "lxt " + prev + " " + here,
        "lx-1 " + lexicon.get(before, "-") + " " + here,
        "lx+1 " + here + " " + lexicon.get(after, "-"),
        "td+1 " + tagdict.get(after, "?"),
        "td+12 " + tagdict.get(after, "?") + " " + tagdict.get(context[i + 4], "?"),
        "tdw+1 " + word + " " + tagdict.get(after, "?"),
        "t1 " + prev,
        "t2 " + prev2,
        "tt " + prev + " " + prev2,
        "tw " + prev + " " + word,
        "w-1 " + before,
        "s-1 " + before[-3:],
        "w-2 " + context[i],
        "w+1 " + after,
        "s+1 " + after[-3:],
        "w+2 " + context[i + 4],
        "ww " + before + " " + word,
    ]


def features(i: int, prev: str, prev2: str, c: Context, *, seen: str = "n") -> list[str]:
    """Every feature of token ``i`` given the tags of the two tokens before it and whether
    its clause already holds a finite verb."""
    word = c.words[i + 2]
    here = c.lexicon.get(word, "-")
    return word_features(word, shape_of(c.raw[i], i), here) + context_features(
        i, prev, prev2, c, here, seen=seen
    )


Row = tuple[tuple[int, float], ...]


class Tagger:
    """The trained model: tag names, a dictionary of unambiguous words, sparse weights.

    A feature's weights are stored as text ("3 1.5 7 -0.4": class index, weight, ...) and
    read on first use. The tables may be searched in the model file (see
    :mod:`proselint_fic.document.tag_model`); once one has read all its lines, the tagger
    looks up the plain dictionary instead, which is quicker."""

    def __init__(
        self,
        classes: tuple[str, ...],
        tagdict: dict[str, str],
        weights: Lookup,
        lexicon: Lookup,
    ) -> None:
        self.classes = classes
        self.tagdict = tagdict
        self.weights = weights
        self.lexicon = lexicon  # word -> its verb forms and other readings, as letters
        self._rows: dict[str, Row] = {}
        self._word_scores: dict[tuple[str, str], list[float]] = {}

    def row(self, feature: str) -> Row:
        found = self._rows.get(feature)
        if found is None:
            text = self.weights.get(feature)
            if text is None:
                found = ()
            else:
                numbers = text.split()
                found = tuple(zip(map(int, numbers[0::2]), map(float, numbers[1::2]), strict=True))
            self._rows[feature] = found
        return found

    def _scores_of_word(self, word: str, shape: str, here: str) -> list[float]:
        key = (word, shape)
        scores = self._word_scores.get(key)
        if scores is None:
            scores = [0.0] * len(self.classes)
            for feature in word_features(word, shape, here):
                for index, weight in self.row(feature):
                    scores[index] += weight
            self._word_scores[key] = scores
        return scores

    def tag(self, words: Sequence[str]) -> list[str]:
        """One tag per token of ``words`` (one sentence, tokenised as the training data)."""
        self._use_dictionaries_once_read()
        context = Context.of(words, self.lexicon, self.tagdict)
        prev, prev2 = START
        seen = "n"
        tags: list[str] = []
        tagdict, classes, lexicon, row = self.tagdict, self.classes, self.lexicon, self.row
        order = range(len(classes))
        for i, word in enumerate(context.words[2:-2]):
            tag = tagdict.get(word)
            if tag is None:
                here = lexicon.get(word, "-")
                scores = list(self._scores_of_word(word, shape_of(words[i], i), here))
                for feature in context_features(i, prev, prev2, context, here, seen=seen):
                    for index, weight in row(feature):
                        scores[index] += weight
                tag = classes[max(order, key=scores.__getitem__)]
            tags.append(tag)
            prev2, prev = prev, tag
            seen = clause_state(seen, tag, word)
        return tags

    def _use_dictionaries_once_read(self) -> None:
        if isinstance(self.weights, Table) and self.weights.read_in_full:
            self.weights = self.weights.as_dict()
        if isinstance(self.lexicon, Table) and self.lexicon.read_in_full:
            self.lexicon = self.lexicon.as_dict()


@cache
def tagger() -> Tagger:
    """The shipped model, loaded on first use."""
    model = tag_model.read(data_dir() / MODEL_FILE)
    return Tagger(model.classes, model.tagdict, model.weights, model.lexicon)


def split_word(word: str) -> tuple[str, ...]:
    """A word cut the linter's way, cut the training data's way: ``didn't`` -> ``did``
    ``n't``, ``she's`` -> ``she`` ``'s``, ``can't`` -> ``ca`` ``n't``."""
    lower = word.lower().replace("’", "'")
    irregular = _IRREGULAR_NEGATIVES.get(lower)
    if irregular is not None:
        head = len(irregular[0])
        return word[:head], word[head:]
    for tail in _CONTRACTION_TAILS:
        if lower.endswith(tail) and len(lower) > len(tail):
            cut = len(word) - len(tail)
            return word[:cut], word[cut:]
    return (word,)


def tag_words(words: Sequence[str]) -> list[str]:
    """One tag per word of a sentence; a contraction takes the tag of its first part
    (``didn't`` is VBD, ``she's`` PRP)."""
    pieces: list[str] = []
    owners: list[int] = []
    for index, word in enumerate(words):
        for piece in split_word(word):
            pieces.append(piece)
            owners.append(index)
    tags = tagger().tag(pieces)
    found = [""] * len(words)
    for owner, tag in zip(owners, tags, strict=True):
        if not found[owner]:
            found[owner] = tag
    return found
