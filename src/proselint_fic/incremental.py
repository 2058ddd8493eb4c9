"""Re-linting an edited text: only the paragraphs an edit touched are checked again.

An editor sends the whole manuscript on every keystroke. Rules whose findings in a
paragraph depend on nothing but that paragraph and the document's typography
(``RuleMeta.locality == "paragraph"``) keep their matches per paragraph, keyed by the
paragraph's text, so an edit re-checks one paragraph. Rules that also read the paragraphs
either side (``"neighbours"``) are keyed by those too, and checked on the three together.
The facts that span the document are carried across edits instead of derived again: the
paragraphs and line starts (only the edited stretch is searched), and the counts of
ellipses, dashes, quote marks and spaced marks that choose its typography (each
paragraph's counts are kept and summed). Rules that weigh the
whole document (names, scene tense, habits) still run on all of it.

The result always equals a full lint of the same text; ``tests/test_incremental.py``
proves it over random edits. Plain text only: Markdown and HTML take the full path.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Protocol

from proselint_fic.diagnostic import Diagnostic
from proselint_fic.document import (
    Document,
    DocumentOptions,
    KnownFacts,
    Piece,
    Span,
    Typography,
)
from proselint_fic.document.edits import Edit, changed_range
from proselint_fic.document.markup import ProseView
from proselint_fic.document.positions import LineIndex
from proselint_fic.document.speech import (
    ParagraphSpeech,
    QuoteCounts,
    SpeechMap,
    count_quotes,
    paragraph_speech,
)
from proselint_fic.document.structure import clip, edit_paragraphs, end_of, start_of
from proselint_fic.document.structure import window as window_of
from proselint_fic.document.style import StyleCounts, count_style
from proselint_fic.engine import RuleOutcome, RunPlan, assemble, check_rule, run_rules
from proselint_fic.gc_pause import keep_out_of_collections
from proselint_fic.rule import Match

_PIECE_OF = attrgetter("piece")
# (index of the rule in the plan, match with offsets into the paragraph's window)
_Found = tuple[tuple[int, Match], ...]
_WindowKey = tuple[str, str | None, tuple[Span, ...]]  # text, its source if other, emphasis


@dataclass(frozen=True, slots=True)
class _Window:
    """A paragraph with the rest of its first and last lines and one character either side,
    so that a rule reading just past the paragraph sees what it would see in the document."""

    start: int
    end: int
    key: _WindowKey


@dataclass(frozen=True, slots=True)
class _Neighbourhood:
    """A paragraph with the paragraphs either side, for the rules that read them: the
    window of the three, and the three paragraphs in it."""

    window: _Window
    paragraphs: tuple[Span, ...]
    middle: int  # which of them is the paragraph itself

    @property
    def key(self) -> tuple[_WindowKey, tuple[Span, ...], int]:
        return (self.window.key, self.paragraphs, self.middle)


@dataclass(frozen=True, slots=True)
class _Paragraph:
    piece: Piece  # the same object while the paragraph is unchanged (Document.paragraph_pieces)
    # What else its findings depend on: its neighbourhood's key, when the plan has rules
    # that read the paragraphs either side.
    context: object
    found: _Found  # the paragraph rules' matches, then the neighbour rules'
    around: int  # how many of them, at the end, are the neighbour rules'
    style: StyleCounts
    quotes: QuoteCounts

    @property
    def key(self) -> _WindowKey:
        """The paragraph's window as a ``_Window`` key: its text, source and emphasis."""
        return (self.piece.text, self.piece.source, self.piece.emphasis)

    @property
    def alone(self) -> _Found:
        """The matches of the rules that read nothing but the paragraph."""
        return self.found[: len(self.found) - self.around]

    @property
    def lead(self) -> int:
        """From the window's start to the paragraph's."""
        return self.piece.paragraph.start


def _entry(
    window: _Window,
    span: Span,
    context: object,
    found: tuple[_Found, _Found],
    *,
    style: StyleCounts,
    quotes: QuoteCounts,
) -> _Paragraph:
    text, source, emphasis = window.key
    lead = span.start - window.start
    piece = Piece(text, Span(lead, lead + span.end - span.start), emphasis, source)
    alone, around = found
    return _Paragraph(piece, context, alone + around, len(around), style, quotes)


@dataclass(slots=True)
class _State:
    source: str
    prose: ProseView
    lines: LineIndex
    paragraphs: tuple[Span, ...]
    entries: list[_Paragraph]
    style: StyleCounts
    quotes: QuoteCounts

    @property
    def typography(self) -> Typography:
        return Typography(self.style.style, self.quotes.style)


class IncrementalLint:
    """The lint of one text (one open file) as it is edited, for one plan and options."""

    def __init__(self, plan: RunPlan, options: DocumentOptions, path: str | None) -> None:
        self.plan = plan
        self.options = options
        self.path = path
        self._local = [i for i, r in enumerate(plan.rules) if r.meta.locality != "document"]
        self._neighbourly = [i for i in self._local if plan.rules[i].meta.locality == "neighbours"]
        self._alone = [i for i in self._local if i not in self._neighbourly]
        self._state: _State | None = None
        self._linted_once = False
        # Matches by what they depend on: the paragraph rules' by the paragraph's window,
        # the neighbour rules' by the three paragraphs' (an edit changes its neighbours'
        # neighbourhoods, not their own text).
        self._memo: dict[tuple[object, ...], _Found] = {}
        self._around_memo: dict[tuple[object, ...], _Found] = {}
        self._speech: dict[tuple[str, int, int, str], ParagraphSpeech] = {}
        self._analyses = [make() for make in _analysis_factories(plan)]

    def lint(self, source: str, display: str) -> list[Diagnostic]:
        """The diagnostics of ``source``, equal to a full lint of it."""
        document = self._plain(source)
        if document.prose.segments is not None:
            self._state = None
            return run_rules(document, self.plan, path=display)
        state = self._state
        if state is None and not self._linted_once:
            # A text linted once (a batch, a script) is not worth keeping; a text linted
            # again is being edited, and from its second version on it is kept.
            self._linted_once = True
            return run_rules(document, self.plan, path=display)
        if state is not None and state.source == source:
            document = self._document(state)
        elif state is not None:
            document = self._edited(state, document)
        else:
            document = self._first(document)
        outcomes = self._local_outcomes(document)
        if outcomes is None:  # a paragraph rule failed: the full run reports it
            self._state = None
            return run_rules(self._plain(source), self.plan, path=display)
        for analysis in self._analyses:
            try:
                analysis.prepare(document)
            except Exception:  # the rules then analyse the text themselves, as in a full lint
                continue
        local = set(self._local)
        outcomes += [
            check_rule(rule, document, self.plan.rule_timeout, display)
            for i, rule in enumerate(self.plan.rules)
            if i not in local
        ]
        return assemble(document, self.plan, outcomes, path=display)

    # --- keeping the state -----------------------------------------------------------

    def _first(self, document: Document) -> Document:
        """Lint every paragraph rule over the whole text once and file its matches."""
        text = document.text
        paragraphs = document.paragraphs
        windows = [_window(document.source, text, p, document.prose) for p in paragraphs]
        style = [count_style(text[p.start : p.end]) for p in paragraphs]
        quotes = [count_quotes(text[p.start : p.end]) for p in paragraphs]
        state = _State(
            document.source,
            document.prose,
            document.lines,
            paragraphs,
            [],
            sum(style, StyleCounts()),
            sum(quotes, QuoteCounts()),
        )
        full = self._document(state)
        by_paragraph = self._matches_by_paragraph(full, paragraphs, windows)
        if by_paragraph is None:
            self._state = None
            return full
        contexts = [
            self._context(document.source, text, paragraphs, i, document.prose)
            for i in range(len(paragraphs))
        ]
        state.entries = [
            _entry(w, p, context, found, style=counted_style, quotes=counted_quotes)
            for p, w, context, found, counted_style, counted_quotes in zip(
                paragraphs, windows, contexts, by_paragraph, style, quotes, strict=True
            )
        ]
        self._state = state
        self._remember(state, state.typography)
        keep_out_of_collections()
        return full

    def _edited(self, state: _State, document: Document) -> Document:
        old_text, text = state.prose.text, document.text
        edit = _union(changed_range(state.source, document.source), changed_range(old_text, text))
        if edit is None:
            state.source = document.source
            return self._document(state)
        start, old_end, new_end = edit
        paragraphs = edit_paragraphs(state.paragraphs, old_text, text, edit)
        first, kept_after = _changed_slice(
            state.paragraphs, paragraphs, start, old_end, new_end - old_end
        )
        old_entries = state.entries[first : len(state.entries) - kept_after]
        new_spans = paragraphs[first : len(paragraphs) - kept_after]
        windows = [_window(document.source, text, p, document.prose) for p in new_spans]
        new_style = [count_style(text[p.start : p.end]) for p in new_spans]
        new_quotes = [count_quotes(text[p.start : p.end]) for p in new_spans]
        before = state.typography
        state.style = sum(
            new_style, state.style - sum((e.style for e in old_entries), StyleCounts())
        )
        state.quotes = sum(
            new_quotes, state.quotes - sum((e.quotes for e in old_entries), QuoteCounts())
        )
        state.source, state.prose, state.paragraphs = document.source, document.prose, paragraphs
        state.lines = state.lines.edited(document.source, edit)
        if state.typography != before:  # every paragraph's rules read it: start again
            return self._first(self._plain(document.source))
        typography = state.typography
        fresh: list[_Paragraph] = []
        for at, (span, window, style, quotes) in enumerate(
            zip(new_spans, windows, new_style, new_quotes, strict=True), start=first
        ):
            neighbourhood = self._neighbourhood(
                document.source, text, paragraphs, at, document.prose
            )
            context = None if neighbourhood is None else neighbourhood.key
            found = self._found_in(document, window, span, typography, neighbourhood)
            if found is None:
                self._state = None
                return self._document(state, kept_speech=False)
            fresh.append(_entry(window, span, context, found, style=style, quotes=quotes))
        state.entries[first : len(state.entries) - kept_after] = fresh
        self._remember(state, typography, fresh)
        return self._document(state)

    def _plain(self, source: str) -> Document:
        return Document(source, path=self.path, markup="plain", options=self.options)

    def _document(self, state: _State, *, kept_speech: bool = True) -> Document:
        # The kept speech needs an entry per paragraph, which a first lint and a failed
        # edit do not have.
        speech = None
        if kept_speech and state.entries:
            # What this version's speech is made from, not the state later edits change.
            entries = tuple(state.entries)
            speech = partial(self._speech_of, state.paragraphs, entries, state.typography)
        pieces = tuple(map(_PIECE_OF, state.entries)) if state.entries else None
        known = KnownFacts(
            state.prose, state.paragraphs, state.lines, state.typography, speech, pieces
        )
        return Document(
            state.source, path=self.path, markup="plain", options=self.options, known=known
        )

    def _speech_of(
        self,
        paragraphs: tuple[Span, ...],
        entries: tuple[_Paragraph, ...],
        typography: Typography,
    ) -> SpeechMap:
        """The document's speech, put together from its paragraphs' (each paired once)."""
        style = typography.quote_style
        memo = self._speech
        if len(memo) > 2 * len(entries) + 256:
            memo.clear()
        spans: list[Span] = []
        closed: list[bool] = []
        for span, entry in zip(paragraphs, entries, strict=True):
            piece = entry.key[0]
            key = (piece, entry.lead, span.end - span.start, style)
            found = memo.get(key)
            if found is None:
                paragraph = Span(entry.lead, entry.lead + span.end - span.start)
                found = memo[key] = paragraph_speech(piece, paragraph, style)
            if found:
                offset = span.start - entry.lead
                for dialogue, is_closed in found:
                    spans.append(Span(dialogue.start + offset, dialogue.end + offset))
                    closed.append(is_closed)
        return SpeechMap.of(spans, style, closed)

    def _remember(
        self, state: _State, typography: Typography, fresh: Sequence[_Paragraph] = ()
    ) -> None:
        """Keep matches by paragraph text, so an undo or a moved paragraph costs nothing."""
        if len(self._memo) > 2 * len(state.entries) + 256:
            self._memo.clear()
            self._around_memo.clear()
            fresh = state.entries
        for entry in fresh or state.entries:
            self._memo[(*entry.key, typography)] = entry.alone
            if entry.context is not None:
                self._around_memo[(entry.context, typography)] = entry.found[len(entry.alone) :]

    # --- checking paragraphs --------------------------------------------------------

    def _matches_by_paragraph(
        self, document: Document, paragraphs: tuple[Span, ...], windows: list[_Window]
    ) -> list[tuple[_Found, _Found]] | None:
        """Each paragraph's matches of the paragraph rules, and of the neighbour rules."""
        starts = [p.start for p in paragraphs]
        alone: list[list[tuple[int, Match]]] = [[] for _ in paragraphs]
        around: list[list[tuple[int, Match]]] = [[] for _ in paragraphs]
        neighbourly = set(self._neighbourly)
        for index in self._local:
            outcome = check_rule(self.plan.rules[index], document, self.plan.rule_timeout)
            if outcome.failure is not None:
                return None
            into = around if index in neighbourly else alone
            for match in outcome.matches:
                at = bisect_right(starts, match.start) - 1
                offset = windows[at].start
                into[at].append((index, _moved(match, -offset)))
        return [(tuple(a), tuple(b)) for a, b in zip(alone, around, strict=True)]

    def _found_in(
        self,
        document: Document,
        window: _Window,
        span: Span,
        typography: Typography,
        neighbourhood: _Neighbourhood | None,
    ) -> tuple[_Found, _Found] | None:
        """The paragraph's matches (kept or found now), then its neighbour rules'; None
        when a rule failed."""
        alone = self._memo.get((*window.key, typography))
        if alone is None:
            alone = self._check_window(window, span, typography)
            if alone is None:
                return None
        if neighbourhood is None:
            return alone, ()
        around = self._around_memo.get((neighbourhood.key, typography))
        if around is None:
            around = self._check_neighbourhood(neighbourhood, typography, window.start)
            if around is None:
                return None
        return alone, around

    def _check_window(self, window: _Window, span: Span, typography: Typography) -> _Found | None:
        text, source, emphasis = window.key
        lead = span.start - window.start
        paragraph = Span(lead, lead + span.end - span.start)
        piece = Document.alone(
            text, (paragraph,), typography, self.options, emphasis=emphasis, source=source
        )
        found: list[tuple[int, Match]] = []
        for index in self._alone:
            outcome = check_rule(self.plan.rules[index], piece, self.plan.rule_timeout)
            if outcome.failure is not None:
                return None
            found.extend((index, match) for match in outcome.matches)
        return tuple(found)

    def _check_neighbourhood(
        self, neighbourhood: _Neighbourhood, typography: Typography, window_start: int
    ) -> _Found | None:
        """The neighbour rules' matches in the middle paragraph, checked with the paragraphs
        either side, as offsets into the middle paragraph's own window."""
        text, source, emphasis = neighbourhood.window.key
        piece = Document.alone(
            text,
            neighbourhood.paragraphs,
            typography,
            self.options,
            emphasis=emphasis,
            source=source,
        )
        middle = neighbourhood.paragraphs[neighbourhood.middle]
        shift = neighbourhood.window.start - window_start
        found: list[tuple[int, Match]] = []
        for index in self._neighbourly:
            outcome = check_rule(self.plan.rules[index], piece, self.plan.rule_timeout)
            if outcome.failure is not None:
                return None
            found.extend(
                (index, _moved(match, shift))
                for match in outcome.matches
                if middle.start <= match.start < middle.end
            )
        return tuple(found)

    def _neighbourhood(
        self, source: str, text: str, paragraphs: tuple[Span, ...], at: int, prose: ProseView
    ) -> _Neighbourhood | None:
        """Paragraph ``at`` with its neighbours, when the plan has rules that read them."""
        if not self._neighbourly:
            return None
        first, last = max(0, at - 1), min(len(paragraphs), at + 2)
        around = Span(paragraphs[first].start, paragraphs[last - 1].end)
        window = _window(source, text, around, prose)
        relative = tuple(
            Span(p.start - window.start, p.end - window.start) for p in paragraphs[first:last]
        )
        return _Neighbourhood(window, relative, at - first)

    def _context(
        self, source: str, text: str, paragraphs: tuple[Span, ...], at: int, prose: ProseView
    ) -> object:
        neighbourhood = self._neighbourhood(source, text, paragraphs, at, prose)
        return None if neighbourhood is None else neighbourhood.key

    def _local_outcomes(self, document: Document) -> list[RuleOutcome] | None:
        state = self._state
        if state is None:
            return None if self._local else []
        matches: dict[int, list[Match]] = {index: [] for index in self._local}
        for span, entry in zip(state.paragraphs, state.entries, strict=True):
            if entry.found:
                offset = span.start - entry.lead
                for index, match in entry.found:
                    matches[index].append(_moved(match, offset))
        return [RuleOutcome(self.plan.rules[i], matches[i]) for i in self._local]


class DocumentAnalysis(Protocol):
    """A rule family's whole-document analysis, kept up to date across edits.

    A rule offers one with a class attribute ``incremental_analysis``: a callable that makes
    a fresh analysis for one text. Before the document rules run on an edited text, its
    :meth:`prepare` hands the document the family's analysis, reusing what earlier
    versions of the text taught it; the family's rules then read that instead of
    analysing the whole text again. The analysis must equal the family's own.
    """

    def prepare(self, document: Document) -> None: ...


def _analysis_factories(plan: RunPlan) -> list[Callable[[], DocumentAnalysis]]:
    factories: list[Callable[[], DocumentAnalysis]] = []
    for rule in plan.rules:
        make = getattr(type(rule), "incremental_analysis", None)  # a plain function
        if make is not None and make not in factories:
            factories.append(make)
    return factories


def _window(source: str, text: str, span: Span, prose: ProseView) -> _Window:
    around = window_of(text, span)
    piece = text[around.start : around.end]
    original = source[around.start : around.end]
    return _Window(
        around.start,
        around.end,
        (piece, None if original == piece else original, clip(prose.emphasis, around)),
    )


def _moved(match: Match, offset: int) -> Match:
    return Match(
        match.start + offset, match.end + offset, match.message, match.replacements, match.severity
    )


def _union(*edits: Edit | None) -> Edit | None:
    """One range covering edits of the same text (source and prose keep one length)."""
    present = [e for e in edits if e is not None]
    if not present:
        return None
    start = min(e[0] for e in present)
    old_end = max(e[1] for e in present)
    delta = present[0][2] - present[0][1]
    return Edit(start, old_end, old_end + delta)


def _changed_slice(
    old: tuple[Span, ...], new: tuple[Span, ...], start: int, old_end: int, delta: int
) -> tuple[int, int]:
    """How many paragraphs lead both lists unchanged, and how many end both (moved by
    ``delta``). The paragraph next to each side of the edit is left out: the edit may
    reach the rest of its line, which its window holds.

    The paragraphs wholly before the edit and wholly after it are found by bisection;
    they are the same in both lists (paragraphs are split by their own text), which is
    checked at the edit's side, where a merge would show, and read one by one if not."""
    limit = min(len(old), len(new))
    first = min(limit, bisect_left(old, start, key=end_of))
    if first and old[first - 1] != new[first - 1]:
        first = 0
        while first < limit and old[first].end < start and old[first] == new[first]:
            first += 1
    first = max(0, first - 1)
    after = min(limit - first, len(old) - bisect_right(old, old_end, key=start_of))
    if after:
        nearest = old[-after]
        if new[-after] != (nearest.start + delta, nearest.end + delta):
            after = 0
            while after < limit - first:
                before = old[-1 - after]
                moved = (before.start + delta, before.end + delta)
                if before.start <= old_end or new[-1 - after] != moved:
                    break
                after += 1
    return first, max(0, after - 1)
