"""Rules that must be code, one package or module per family."""

from __future__ import annotations

from proselint_fic.rule import Rule


def builtin_rules() -> list[Rule]:
    """Every built-in code rule, in a stable order.

    Each family is imported only here, when rules are wanted, so that ``proselint-fic
    --version`` or ``rules`` for a plugin never loads word lists.
    """
    from proselint_fic.checks import (
        agreement,
        articles,
        dialogue,
        end_marks,
        its,
        languagetool,
        participles,
        punctuation,
        repetition,
        spelling,
        tense,
        vocative,
    )
    from proselint_fic.checks.real_words import rule as real_words

    return [
        *spelling.rules(),
        *real_words.rules(),
        *articles.rules(),
        *its.rules(),
        *tense.rules(),
        *punctuation.rules(),
        *end_marks.rules(),
        *dialogue.rules(),
        *vocative.rules(),
        *repetition.rules(),
        *agreement.rules(),
        *participles.rules(),
        *languagetool.rules(),
    ]
