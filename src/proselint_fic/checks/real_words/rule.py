"""``typo.real-word``: a correctly spelt word that its context says is a slip for another."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from proselint_fic.checks.real_words.features import (
    BOUNDARY,
    context,
    features,
    paragraph_ranges,
)
from proselint_fic.checks.real_words.model import SlipModel, shipped_model
from proselint_fic.diagnostic import Severity
from proselint_fic.rule import Match, MetaRule, RuleMeta
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.document import Document

# Tokens after which a capital letter is a sentence's, not a name's or a title's.
_SENTENCE_OPENERS = frozenset({BOUNDARY, ".", "!", "?", '"', "'", "-", ":", "("})


def find_slips(document: Document, model: SlipModel) -> Iterator[Match]:
    text = document.text
    words = document.words
    folded, starts, ends = words.folded, words.starts, words.ends
    reportable = model.sets_for()
    for first, last in paragraph_ranges(starts, document.paragraphs):
        for index in range(first, last + 1):
            sets = reportable.get(folded[index])
            if sets is None:
                continue
            written = text[starts[index] : ends[index]]
            left, right = context(text, folded, starts, ends, index, first=first, last=last)
            if not ordinary_case(written, left):
                continue
            meant = _best_fit(model, sets, folded[index], features(left, right))
            if meant is not None:
                fix = match_case(written, meant)
                message = (
                    f"'{written}' may be a slip for '{fix}': the words around it call for '{fix}'."
                )
                yield Match(starts[index], ends[index], message, (fix,))


def ordinary_case(written: str, left: list[str]) -> bool:
    """Lowercase, or capitalised only because a sentence starts: a capital elsewhere, or
    capitals throughout, may be a name, a title or a heading."""
    if written.islower():
        return True
    return written[:1].isupper() and written[1:].islower() and left[0] in _SENTENCE_OPENERS


def _best_fit(
    model: SlipModel, sets: tuple[int, ...], written: str, feats: list[str]
) -> str | None:
    best: tuple[float, str] | None = None
    for set_index in sets:
        confusion = model.sets[set_index]
        scores = dict(zip(confusion.words, model.scores(set_index, feats), strict=True))
        for meant, margin in confusion.slips[written]:
            excess = scores[meant] - scores[written] - margin
            if excess > 0 and (best is None or excess > best[0]):
                best = (excess, meant)
    return None if best is None else best[1]


REAL_WORD = RuleMeta(
    id="typo.real-word",
    category="typo",
    severity=Severity.WARNING,
    scope="both",
    locality="paragraph",
    summary="A real word where its context calls for another one easily confused with it.",
    message="This word may be a slip for the suggested one.",
    docs=(
        "A slip that makes another word (*new* for *knew*, *breath* for *breathe*) passes "
        "a dictionary. For each pair of easily confused words, a model counted in 217 "
        "public-domain novels how often each word stands beside each neighbour (two "
        "tokens each side) and weighs the words around an occurrence for both (naive "
        "Bayes). A word is reported when the other word of its pair fits far better, by "
        "a margin chosen per direction on authors held out of the counts so that "
        "proofread fiction draws at most one report in five million words for each; "
        "only directions that then still catch three slips in ten ship (102 of them). "
        "Capitalised words that do not start a sentence are left alone: they may be names "
        "or titles. docs/spelling.md gives the figures."
    ),
    flags=(
        "He new the truth, and it broke him.",
        "She lay on the ground, unable to breath.",
        "I though you had gone home already.",
        "They could here the river from the road.",
        "The ship came out of the fog, but they herd nothing.",
        "It was a matter of principal for him.",
    ),
    passes=(
        "He took a deep breath and knew the truth.",
        "She thought it through and was quiet for a long time.",
        "They heard the herd before they saw it.",
        "Her waist was small and nothing went to waste.",
        "She rode down the road to the lake, and here the river ran fast.",
        "It was a matter of principle for the principal.",
    ),
)


class RealWordRule(MetaRule):
    def check(self, document: Document) -> Iterator[Match]:
        yield from find_slips(document, shipped_model())


def rules() -> list[RealWordRule]:
    """The real-word slip rule."""
    return [RealWordRule(REAL_WORD)]
