"""What a rule is: metadata that documents and tests it, and a check that finds matches.

A rule never computes line numbers or reads configuration files. It receives a
:class:`~proselint_fic.document.Document` and yields :class:`Match` objects whose offsets
index ``document.text``; the engine turns them into diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from proselint_fic.diagnostic import CATEGORIES, Category, Severity

if TYPE_CHECKING:
    from proselint_fic.document import Document

Scope = Literal["narration", "dialogue", "both"]
SCOPES: tuple[Scope, ...] = ("narration", "dialogue", "both")
# "safe": the first replacement is what the writer meant and cannot change the meaning, so
# `check --fix` applies it; "unsafe": a likely fix that a writer should confirm
# (`--unsafe-fixes`), such as a spelling suggestion or a tense change.
FixSafety = Literal["safe", "unsafe"]
FIX_SAFETIES: tuple[FixSafety, ...] = ("safe", "unsafe")
# "paragraph": what the rule finds in a paragraph depends only on that paragraph's text
# and the document's typographic style (its ellipsis, dash and quote marks), and no
# finding crosses a paragraph break, so an edit re-checks only the edited paragraph;
# "neighbours": the same, except that a paragraph's findings may also depend on the
# paragraph before it and the one after it (speech that runs on into the next paragraph),
# so an edit re-checks the edited paragraph and its two neighbours;
# "document": the rule weighs the whole text (learned names, scene tense, habits), and
# runs on the whole document again after any edit.
Locality = Literal["paragraph", "neighbours", "document"]
LOCALITIES: tuple[Locality, ...] = ("paragraph", "neighbours", "document")


@dataclass(frozen=True, slots=True)
class FixExample:
    """Text that the rule flags, and the text once its first replacement is applied."""

    before: str
    after: str


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything about a rule except how it matches: id, policy, documentation, examples."""

    id: str
    category: Category
    severity: Severity
    scope: Scope
    summary: str
    message: str
    docs: str = ""
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    fixes: tuple[FixExample, ...] = ()
    enabled_by_default: bool = True
    source: str = ""
    fix_safety: FixSafety = "unsafe"
    # An outside service the rule asks ("languagetool"); without it the rule is silent, so
    # its examples run in that service's own tests, against a recorded server.
    service: str = ""
    locality: Locality = "document"

    def __post_init__(self) -> None:
        problems = validate_meta_fields(self.id, self.category, self.scope)
        if self.fix_safety not in FIX_SAFETIES:
            problems.append(f"fix_safety must be one of {', '.join(FIX_SAFETIES)}")
        if self.locality not in LOCALITIES:
            problems.append(f"locality must be one of {', '.join(LOCALITIES)}")
        if problems:
            raise ValueError(f"rule {self.id!r}: " + "; ".join(problems))


def validate_meta_fields(rule_id: str, category: str, scope: str) -> list[str]:
    problems: list[str] = []
    parts = rule_id.split(".")
    if len(parts) < 2 or not all(p and p.replace("-", "").isalnum() for p in parts):
        problems.append("id must be dotted lowercase words, such as 'ellipsis.glued-lowercase'")
    elif rule_id != rule_id.lower():
        problems.append("id must be lowercase")
    if category not in CATEGORIES:
        problems.append(f"category must be one of {', '.join(CATEGORIES)}")
    if scope not in SCOPES:
        problems.append(f"scope must be one of {', '.join(SCOPES)}")
    return problems


def describe(
    rule_id: str,
    *,
    category: Category,
    summary: str,
    message: str,
    docs: str,
    flags: Sequence[str],
    passes: Sequence[str],
    fixes: Sequence[tuple[str, str]] = (),
    severity: Severity = Severity.WARNING,
    scope: Scope = "both",
    enabled: bool = True,
    fix_safety: FixSafety = "unsafe",
    service: str = "",
    locality: Locality = "document",
) -> RuleMeta:
    """A :class:`RuleMeta` for a code rule, written the way one reads it: docs may be an
    indented triple-quoted string (its whitespace is folded) and fixes plain pairs."""
    return RuleMeta(
        id=rule_id,
        category=category,
        severity=severity,
        scope=scope,
        summary=summary,
        message=message,
        docs=" ".join(docs.split()),
        flags=tuple(flags),
        passes=tuple(passes),
        fixes=tuple(FixExample(before, after) for before, after in fixes),
        enabled_by_default=enabled,
        fix_safety=fix_safety,
        service=service,
        locality=locality,
    )


@dataclass(frozen=True, slots=True)
class Match:
    """A span of ``document.text`` that a rule flags.

    ``message`` overrides the rule's default message for this match; ``replacements`` are
    whole-span substitutions, best first. ``severity`` lets one rule report weaker signals
    more quietly than strong ones.
    """

    start: int
    end: int
    message: str | None = None
    replacements: tuple[str, ...] = ()
    severity: Severity | None = None


@runtime_checkable
class Rule(Protocol):
    """The contract every rule meets, built-in, declarative or third-party."""

    @property
    def meta(self) -> RuleMeta: ...

    def check(self, document: Document) -> Iterable[Match]: ...


class MetaRule:
    """A base for a code rule whose only state is its metadata: a subclass writes ``check``.

    Immutable, and equal to another of its class with the same metadata, as a frozen
    dataclass would be; a plain class because a pre-commit hook imports every rule at
    each start, and each frozen dataclass costs about 0.4 ms to create there.
    """

    __slots__ = ("_meta",)
    _meta: RuleMeta

    def __init__(self, meta: RuleMeta) -> None:
        object.__setattr__(self, "_meta", meta)

    @property
    def meta(self) -> RuleMeta:
        return self._meta

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and isinstance(other, MetaRule) and other.meta == self.meta

    def __hash__(self) -> int:
        return hash((type(self), self.meta))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(meta={self.meta!r})"
