"""LanguageTool as an optional back end: the writer's own server, our categories.

Four rules, one per category LanguageTool's findings fall into, share one request per
document. They are silent unless a server URL is configured (``[languagetool] url`` in the
configuration or ``PROSELINT_FIC_LANGUAGETOOL_URL``) and the ``[languagetool]`` extra is
installed. Matches are filtered for fiction: rules hostile to it are off (see
:mod:`.mapping`), its spelling matches are dropped for words the project lists or the story
uses as names or coinages, and its grammar and style matches are dropped inside dialogue,
where characters speak as they speak. See docs/languagetool.md.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from proselint_fic.diagnostic import Category, Severity
from proselint_fic.rule import Match, MetaRule, RuleMeta, describe

if TYPE_CHECKING:
    from proselint_fic.checks.languagetool.client import RemoteMatch
    from proselint_fic.document import Document

__all__ = ["LanguageToolRule", "rules"]

SERVICE = "languagetool"
_DOCS = (
    "Asks the LanguageTool server that the writer runs (configured with `[languagetool] url`"
    " or `PROSELINT_FIC_LANGUAGETOOL_URL`; extra `[languagetool]`) and reports its matches in"
    " this category. Nothing is downloaded or started; without a URL the rule is silent."
    " Rules hostile to fiction are off by default; spelling matches on the project's words"
    " and the story's names are dropped, and grammar and style matches inside dialogue."
)


def _meta(category: Category, summary: str, flag: str, leave: str, severity: Severity) -> RuleMeta:
    return describe(
        f"languagetool.{category}",
        category=category,
        summary=summary,
        message="LanguageTool: check this passage.",
        docs=_DOCS,
        flags=(flag,),
        passes=(leave,),
        severity=severity,
        service=SERVICE,
    )


METAS: tuple[RuleMeta, ...] = (
    _meta(
        "grammar",
        "Grammar slips that LanguageTool's server finds (agreement, confused words, articles).",
        "She was not use to the cold.",
        '"Me and him is going," Tam said.',
        Severity.WARNING,
    ),
    _meta(
        "typo",
        "Misspellings that LanguageTool's server finds, minus the story's names and coinages.",
        "He walked acros the field.",
        "Daven Holloway crossed the field. Daven stopped.",
        Severity.WARNING,
    ),
    _meta(
        "punctuation",
        "Punctuation and typography that LanguageTool's server questions.",
        "It was a well known fact in the village.",
        "It was a well-known fact in the village.",
        Severity.WARNING,
    ),
    _meta(
        "style",
        "Wordy or redundant phrasing that LanguageTool's server points out.",
        "They returned back to the house.",
        "They went back to the house.",
        Severity.INFO,
    ),
)


class LanguageToolRule(MetaRule):
    def check(self, document: Document) -> Iterable[Match]:
        category = self.meta.category
        for found in _findings(document):
            if found.category == category:
                yield found.match


def rules() -> list[LanguageToolRule]:
    return [LanguageToolRule(meta) for meta in METAS]


class _Finding(NamedTuple):
    category: Category
    match: Match


_CACHE: weakref.WeakKeyDictionary[Document, tuple[_Finding, ...]] = weakref.WeakKeyDictionary()


def _findings(document: Document) -> tuple[_Finding, ...]:
    """The document's LanguageTool findings, asked for once whichever rule asks first."""
    options = document.options.languagetool
    if options is None or not document.text.strip():
        return ()
    cached = _CACHE.get(document)
    if cached is None:
        from proselint_fic.checks.languagetool.client import check_text

        remote = check_text(document.text, options)
        cached = tuple(_kept(document, remote or [], options.disabled_rules))
        _CACHE[document] = cached
    return cached


def _kept(
    document: Document, remote: list[RemoteMatch], disabled: frozenset[str]
) -> Iterator[_Finding]:
    from proselint_fic.checks.languagetool.mapping import our_category

    text = document.text
    story_words = _StoryWords(document)
    for found in remote:
        if found.rule_id in disabled or not 0 <= found.start < found.end <= len(text):
            continue
        category = our_category(found.category, found.issue_type)
        if category == "typo" and story_words.knows(text[found.start : found.end]):
            continue
        if category in ("grammar", "style") and document.speech.contains(found.start):
            continue
        message = f"{found.message.rstrip()} (LanguageTool {found.rule_id})"
        yield _Finding(category, Match(found.start, found.end, message, found.replacements[:5]))


class _StoryWords:
    """Words LanguageTool does not know but this story does: the project's word list, and
    the names and coinages our own spelling pass accepts (capitalised, or used again)."""

    def __init__(self, document: Document) -> None:
        from proselint_fic.checks.spelling.analysis import analyse

        self._document = document
        self._project = {w.lower() for w in document.options.words}
        self._ours_flag = {
            finding.word.lower()
            for findings in analyse(document).findings.values()
            for finding in findings
        }

    def knows(self, word: str) -> bool:
        lower = word.lower()
        if lower in self._project:
            return True
        if lower in self._ours_flag:
            return False
        if word[:1].isupper():
            return True
        uses = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", self._document.text, re.IGNORECASE)
        return len(uses) >= 2
