"""The document's two word views agree: the vocabulary lists exactly the words that
``Document.words`` finds, and finds phrases only where they stand as whole words."""

from __future__ import annotations

import random

import pytest

from proselint_fic.document import Document
from proselint_fic.document.words import phrase_pattern

# Characters that make tokenising hard: joiners doubled or at edges, curly apostrophes,
# dashes, a combining accent, a letter whose lowercase is longer, digits, underscores.
_HARD_ALPHABET = "ab'-’ _.,\n\t—–é\u0301İ1x-'«"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The cat's whiskers -- and the dog's.",
        "'Tis goin' well--isn't it? Twenty-one mother-in-law's hats.",
        "x--the the ''quoted'' -dash- don''t a-'b",
        "İstanbul’s NAÏVE café, rock'n'roll, snake_case, 3.14 and 9-5.",
    ],
)
def test_vocabulary_lists_the_same_words_as_words(text: str) -> None:
    document = Document(text)
    assert document.vocabulary.sequence == document.words.folded


def test_vocabulary_agrees_with_words_on_random_text() -> None:
    generator = random.Random(5)
    for _ in range(20_000):
        text = "".join(generator.choice(_HARD_ALPHABET) for _ in range(generator.randint(0, 14)))
        document = Document(text)
        assert document.vocabulary.sequence == document.words.folded, repr(text)


def test_has_all_needs_every_word() -> None:
    vocabulary = Document("For all intents and purposes, it's done.").vocabulary
    assert vocabulary.has_all(("for", "all", "intents"))
    assert vocabulary.has_all(("it's",))
    assert not vocabulary.has_all(("for", "all", "intensive"))


@pytest.mark.parametrize(
    ("text", "phrase", "spans"),
    [
        ("She ran at Breakneck  speed.", ("breakneck", "speed"), [(11, 27)]),
        ("a breakneck speedboat", ("breakneck", "speed"), []),
        ("the neck-breaking speed", ("breaking", "speed"), []),
        ("the neck-breaking speed", ("neck-breaking", "speed"), [(4, 23)]),
        ("Could\nof course", ("could", "of"), [(0, 8)]),
        ("the the the", ("the", "the"), [(0, 7), (4, 11)]),
    ],
)
def test_find_reports_whole_words_only(
    text: str, phrase: tuple[str, ...], spans: list[tuple[int, int]]
) -> None:
    vocabulary = Document(text).vocabulary
    assert list(vocabulary.find(phrase_pattern(phrase))) == spans


def test_repeats_finds_every_pair_in_text_order() -> None:
    text = "The the the cat. No, no! It was nope nope\nnope."
    vocabulary = Document(text).vocabulary
    found = list(vocabulary.repeats(["the", "no", "nope"]))
    assert found == [
        (0, 7, "the"),
        (4, 11, "the"),
        (17, 23, "no"),
        (32, 41, "nope"),
        (37, 46, "nope"),
    ]
    assert [text[start:end] for start, end, _ in found][2] == "No, no"


def test_repeats_needs_whole_words() -> None:
    vocabulary = Document("the theatre, a-the the-end, no nope").vocabulary
    assert list(vocabulary.repeats(["the", "no"])) == []
    assert list(vocabulary.repeats([])) == []
