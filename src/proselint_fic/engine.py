"""Runs rules over a document: scope, suppression, fault isolation, positions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from proselint_fic.budget import check_deadline, rule_deadline
from proselint_fic.config import DEFAULT_RULE_TIMEOUT
from proselint_fic.diagnostic import Diagnostic, Severity
from proselint_fic.document import Document
from proselint_fic.rule import Match, Rule
from proselint_fic.suppression import Suppression, parse_suppressions

INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True)
class RunPlan:
    """Which rules run on one document, and any severity overrides for them."""

    rules: Sequence[Rule]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    rule_timeout: float = DEFAULT_RULE_TIMEOUT


def run_rules(document: Document, plan: RunPlan, *, path: str = "-") -> list[Diagnostic]:
    """Every diagnostic the plan's rules find in ``document``, sorted by position."""
    outcomes = [check_rule(rule, document, plan.rule_timeout, path) for rule in plan.rules]
    return assemble(document, plan, outcomes, path=path)


class RuleOutcome(NamedTuple):
    """What one rule found in a document: its matches, or why it was stopped."""

    rule: Rule
    matches: Sequence[Match] = ()
    failure: Diagnostic | None = None


def check_rule(rule: Rule, document: Document, timeout: float, path: str = "-") -> RuleOutcome:
    """Run one rule within its time limit; a crash or a timeout becomes its outcome."""
    try:
        matches = _collect(_in_scope(rule, document, rule.check(document)), timeout)
    except TimeoutError:  # ours between matches, or a regex pattern's own timeout
        return RuleOutcome(rule, failure=_timed_out(rule, timeout, path))
    except Exception as error:  # one faulty rule must not end the run
        return RuleOutcome(rule, failure=_internal_error(rule, error, document, path))
    if rule.meta.locality != "document":
        matches = [m for m in matches if _within_one_paragraph(document, m)]
    return RuleOutcome(rule, matches)


def assemble(
    document: Document, plan: RunPlan, outcomes: Iterable[RuleOutcome], *, path: str = "-"
) -> list[Diagnostic]:
    """The diagnostics of the rules' outcomes: markup and suppressions applied, positions
    in the source, one per span and category, sorted."""
    suppressions = parse_suppressions(document.source, document.lines)
    diagnostics: list[Diagnostic] = []
    for outcome in outcomes:
        if outcome.failure is not None:
            diagnostics.append(outcome.failure)
            continue
        rule = outcome.rule
        override = plan.severities.get(rule.meta.id)
        for match in outcome.matches:
            if _starts_or_ends_on_markup(document, match):
                continue
            diagnostic = _to_diagnostic(rule, match, override, document, path)
            if not _suppressed(diagnostic, suppressions):
                diagnostics.append(diagnostic)
    return _deduplicate(sorted(diagnostics, key=_position_key))


def _within_one_paragraph(document: Document, match: Match) -> bool:
    """A paragraph (or neighbours) rule's finding lies inside one paragraph (see
    ``RuleMeta.locality``)."""
    paragraph = document.paragraph_at(match.start)
    return paragraph is not None and match.end <= paragraph.end


def _collect(matches: Iterable[Match], seconds: float) -> list[Match]:
    """The rule's matches, stopped with :class:`RuleTimeoutError` once it runs past ``seconds``."""
    collected: list[Match] = []
    with rule_deadline(seconds):
        iterator = iter(matches)  # a generator rule starts work here, within the deadline
        for match in iterator:
            collected.append(match)
            check_deadline()
        check_deadline()
    return collected


def _in_scope(rule: Rule, document: Document, matches: Iterable[Match]) -> Iterable[Match]:
    scope = rule.meta.scope
    if scope == "both":
        return matches
    want_dialogue = scope == "dialogue"
    return (m for m in matches if document.in_dialogue(m.start) == want_dialogue)


def _starts_or_ends_on_markup(document: Document, match: Match) -> bool:
    """True when a match begins or ends on a character the markup layer blanked out.

    ``*no*.`` reads as `` no .`` to rules; a "space before a period" there is markup, not a
    writer's slip, so no rule may report it.
    """
    if document.prose.segments is not None or match.end <= match.start:
        return False
    source, text = document.source, document.text
    return any(text[i] != source[i] and text[i].isspace() for i in (match.start, match.end - 1))


def _to_diagnostic(
    rule: Rule, match: Match, override: Severity | None, document: Document, path: str
) -> Diagnostic:
    start = document.to_source(match.start)
    # End is exclusive: map the last flagged character, then step past it.
    end = document.to_source(match.end - 1) + 1 if match.end > match.start else start
    line, column = document.lines.position(start)
    end_line, end_column = document.lines.position(end)
    meta = rule.meta
    # Configuration wins over a rule's per-match severity, which wins over its default.
    chosen = override or match.severity or meta.severity
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=meta.id,
        category=meta.category,
        severity=chosen,
        message=match.message or meta.message,
        replacements=match.replacements,
        start=start,
        end=end,
    )


def _internal_error(rule: Rule, error: Exception, document: Document, path: str) -> Diagnostic:
    return _internal(
        rule,
        path,
        f"rule {rule.meta.id} crashed ({type(error).__name__}: {error}) and was skipped for "
        "this file; the other rules ran. Please report this to the rule's author.",
    )


def _timed_out(rule: Rule, seconds: float, path: str) -> Diagnostic:
    return _internal(
        rule,
        path,
        f"rule {rule.meta.id} ran longer than its time limit of {seconds:g} s "
        "(rule-timeout) and was stopped for this file; the other rules ran. A pattern that "
        "backtracks or a rule stuck in a loop is the usual cause.",
    )


def _internal(rule: Rule, path: str, message: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        rule=INTERNAL_ERROR,
        category=rule.meta.category,
        severity=Severity.ERROR,
        message=message,
    )


def _suppressed(diagnostic: Diagnostic, suppressions: Sequence[Suppression]) -> bool:
    return any(s.covers(diagnostic.line, diagnostic.rule) for s in suppressions)


def _position_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return diagnostic.start, diagnostic.end, diagnostic.rule


def _deduplicate(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Keep one diagnostic per span and category: two rules of a family may both see it."""
    seen: set[tuple[int, int, str]] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (diagnostic.start, diagnostic.end, diagnostic.category)
        if key not in seen:
            seen.add(key)
            kept.append(diagnostic)
    return kept
