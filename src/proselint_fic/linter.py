"""The library API: a :class:`Linter` that loads rules and data once and lints many texts."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from proselint_fic.config import (
    ConfigError,
    LanguageToolSettings,
    Settings,
    find_config,
    load_settings,
)
from proselint_fic.diagnostic import Diagnostic
from proselint_fic.document import (
    Dialect,
    Document,
    DocumentOptions,
    LanguageToolOptions,
    Markup,
)
from proselint_fic.document.markup import markup_for_path
from proselint_fic.engine import RunPlan, run_rules
from proselint_fic.files import discover
from proselint_fic.gc_pause import collector_paused
from proselint_fic.registry import Registry, load_registry
from proselint_fic.rule import FixSafety, Rule, RuleMeta
from proselint_fic.selection import enabled_rules, severity_overrides, validate_selectors
from proselint_fic.source import MAX_FILE_BYTES, InputError, read_source

if TYPE_CHECKING:
    from proselint_fic.incremental import IncrementalLint

_RESULT_CACHE_SIZE = 32
_OPEN_TEXTS = 32  # texts whose paragraphs are kept for the next edit


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file: its diagnostics, or why it could not be linted."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Overrides:
    """Settings given directly (command-line flags, library arguments); they beat files."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    dialect: Dialect | None = None
    words: frozenset[str] = field(default_factory=frozenset)


class Linter:
    """Loads rules once; lints texts and files many times.

    Editor plugins create one and call :meth:`lint_text` on every change; unchanged texts
    are answered from a small cache.

    >>> linter = Linter(select=["ellipsis"])
    >>> [d.rule for d in linter.lint_text("And then.he comes back.")]
    ['ellipsis.glued-lowercase']
    """

    def __init__(
        self,
        *,
        config: str | Path | None = None,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        dialect: Dialect | None = None,
        words: Iterable[str] = (),
        plugins: Iterable[object] = (),
        entry_points: bool = True,
        discover_config: bool = True,
        rule_timeout: float | None = None,
    ) -> None:
        self.registry: Registry = load_registry(plugins, entry_points=entry_points)
        self._overrides = Overrides(
            select=None if select is None else tuple(select),
            extend_select=tuple(extend_select),
            ignore=tuple(ignore),
            dialect=dialect,
            words=frozenset(words),
        )
        self._validate_overrides()
        self._explicit = load_settings(Path(config)) if config is not None else None
        if self._explicit is not None:
            self._validate_settings(self._explicit)
        self._discover = discover_config
        self._rule_timeout = rule_timeout
        self._settings_by_file: dict[Path, Settings] = {}
        self._plans: dict[tuple[Path | None, tuple[str, ...]], RunPlan] = {}
        self._results: OrderedDict[tuple[str, str | None, str | None], list[Diagnostic]] = (
            OrderedDict()
        )
        self._edited: dict[tuple[str, Path | None], IncrementalLint] = {}

    # --- what is loaded ------------------------------------------------------------

    @property
    def rules(self) -> list[RuleMeta]:
        """Metadata of every known rule, enabled or not."""
        return [rule.meta for rule in self.registry.rules.values()]

    @property
    def load_errors(self) -> tuple[str, ...]:
        """Plugins or packs that failed to load (their rules are missing)."""
        return self.registry.errors

    # --- linting -------------------------------------------------------------------

    def lint_text(
        self, text: str, *, path: str | Path | None = None, markup: Markup | None = None
    ) -> list[Diagnostic]:
        """Diagnostics for ``text``; ``path`` names it in diagnostics and picks its settings."""
        display = "-" if path is None else str(path)
        key = (text, display, markup)
        cached = self._results.get(key)
        if cached is not None:
            self._results.move_to_end(key)
            return list(cached)
        file = None if path is None else Path(path)
        if (markup or markup_for_path(display if path is not None else None)) == "plain":
            diagnostics = self._lint_edited(text, display, file)
        else:
            diagnostics = self._lint(text, display, file, markup, anchor=file)
        self._results[key] = diagnostics
        if len(self._results) > _RESULT_CACHE_SIZE:
            self._results.popitem(last=False)
        return list(diagnostics)

    def lint_stdin_text(self, text: str, *, filename: str | None = None) -> list[Diagnostic]:
        """Like :meth:`lint_text` for standard input: settings come from the working folder."""
        file = Path(filename) if filename else None
        anchor = file or Path.cwd() / "-"
        return self._lint(text, filename or "-", file, None, anchor=anchor)

    def lint_file(
        self, path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_FILE_BYTES
    ) -> FileResult:
        file = Path(path)
        try:
            source = read_source(file, encoding=encoding, max_bytes=max_bytes)
        except InputError as error:
            return FileResult(str(path), error=str(error))
        if not source.text.strip():
            return FileResult(str(path), error="file is empty; there is nothing to lint")
        diagnostics = self._lint(source.text, str(path), file, None, anchor=file)
        return FileResult(str(path), tuple(diagnostics))

    def lint_paths(
        self, paths: Iterable[str | Path], *, encoding: str | None = None
    ) -> list[FileResult]:
        """Lint files and folders (folders are searched for prose files)."""
        return list(self.iter_paths(paths, encoding=encoding))

    def iter_paths(
        self,
        paths: Iterable[str | Path],
        *,
        encoding: str | None = None,
        max_bytes: int = MAX_FILE_BYTES,
    ) -> Iterable[FileResult]:
        for item in self.plan_paths(paths):
            if isinstance(item, FileResult):
                yield item
            else:
                yield self.lint_file(item, encoding=encoding, max_bytes=max_bytes)

    def plan_paths(self, paths: Iterable[str | Path]) -> Iterator[Path | FileResult]:
        """The files ``paths`` name, in linting order, minus excluded ones; a path that
        cannot be searched comes as a :class:`FileResult` with its error."""
        for found in discover(Path(p) for p in paths):
            if found.problem is not None:
                yield FileResult(str(found.path), error=found.problem)
            elif not self._excluded(found.path):
                yield found.path

    # --- internals -----------------------------------------------------------------

    def _lint(
        self,
        text: str,
        display: str,
        file: Path | None,
        markup: Markup | None,
        *,
        anchor: Path | None,
    ) -> list[Diagnostic]:
        settings = self.settings_for(anchor)
        plan = self._plan(settings, file)
        document = self._document(text, settings, file, markup)
        with collector_paused():
            return run_rules(document, plan, path=display)

    def _lint_edited(self, text: str, display: str, file: Path | None) -> list[Diagnostic]:
        """Lint a text that is edited and linted again: see :mod:`proselint_fic.incremental`."""
        from proselint_fic.incremental import IncrementalLint

        settings = self.settings_for(file)
        plan = self._plan(settings, file)
        options = self._options(settings, file)
        lint = self._edited.pop((display, file), None)
        if lint is None or lint.plan is not plan or lint.options != options:
            lint = IncrementalLint(plan, options, str(file) if file else None)
        self._edited[(display, file)] = lint  # most recently used last
        if len(self._edited) > _OPEN_TEXTS:
            del self._edited[next(iter(self._edited))]
        with collector_paused():
            return lint.lint(text, display)

    def fix_safety(self, rule_id: str) -> FixSafety:
        """Whether a rule's fix may be applied without asking ("safe") or not."""
        rule = self.registry.get(rule_id)
        return rule.meta.fix_safety if rule is not None else "unsafe"

    def document_for(self, text: str, *, path: str | Path | None = None) -> Document:
        """The document model this linter would lint for ``text`` at ``path``: its
        dialect, words and tense come from the settings that apply there."""
        file = None if path is None else Path(path)
        return self._document(text, self.settings_for(file), file, None)

    def _document(
        self, text: str, settings: Settings, file: Path | None, markup: Markup | None
    ) -> Document:
        options = self._options(settings, file)
        return Document(text, path=str(file) if file else None, markup=markup, options=options)

    def _options(self, settings: Settings, file: Path | None) -> DocumentOptions:
        dialect = self._overrides.dialect or settings.dialect
        return DocumentOptions(
            dialect=dialect,
            words=settings.words | self._overrides.words,
            tense=settings.tense_for(file),
            languagetool=languagetool_options(settings.languagetool, dialect),
        )

    def settings_for(self, anchor: Path | None) -> Settings:
        """The settings that apply to a file at ``anchor`` (or the defaults)."""
        if self._explicit is not None:
            return self._explicit
        if anchor is None or not self._discover:
            return Settings()
        folder = anchor.parent.resolve()
        if folder not in self._settings_by_file:
            found = find_config(folder)
            settings = load_settings(found) if found else Settings(root=folder)
            if found:
                self._validate_settings(settings)
            self._settings_by_file[folder] = settings
        return self._settings_by_file[folder]

    def _plan(self, settings: Settings, file: Path | None) -> RunPlan:
        per_file = settings.ignored_for(file)
        key = (settings.path, per_file)
        plan = self._plans.get(key)
        if plan is None:
            rules = self._enabled(settings, per_file)
            limit = self._rule_timeout or settings.rule_timeout
            plan = RunPlan(rules, severity_overrides(rules, settings.severity), limit)
            self._plans[key] = plan
        return plan

    def _enabled(self, settings: Settings, per_file_ignores: Sequence[str]) -> list[Rule]:
        overrides = self._overrides
        select = overrides.select if overrides.select is not None else settings.select
        return enabled_rules(
            self.registry.rules,
            select=select,
            extend_select=(*settings.extend_select, *overrides.extend_select),
            ignore=(*settings.ignore, *overrides.ignore, *per_file_ignores),
        )

    def _excluded(self, file: Path) -> bool:
        return self.settings_for(file).excludes(file)

    def _validate_overrides(self) -> None:
        overrides = self._overrides
        rules = self.registry.rules
        validate_selectors(overrides.select or (), rules, "--select")
        validate_selectors(overrides.extend_select, rules, "--extend-select")
        validate_selectors(overrides.ignore, rules, "--ignore")

    def _validate_settings(self, settings: Settings) -> None:
        rules = self.registry.rules
        validate_selectors(settings.select or (), rules, settings.where("select"))
        validate_selectors(settings.extend_select, rules, settings.where("extend-select"))
        validate_selectors(settings.ignore, rules, settings.where("ignore"))
        validate_selectors(
            (selector for _, selectors in settings.per_file_ignores for selector in selectors),
            rules,
            settings.where("per-file-ignores"),
        )
        validate_selectors(
            (selector for selector, _ in settings.severity), rules, settings.where("severity")
        )


__all__ = ["ConfigError", "FileResult", "Linter"]


def languagetool_options(
    settings: LanguageToolSettings, dialect: Dialect
) -> LanguageToolOptions | None:
    """What the LanguageTool rules ask the server, or ``None`` when no server is named."""
    url = settings.server_url(os.environ)
    if not url:
        return None
    from proselint_fic.checks.languagetool.mapping import disabled_rules

    return LanguageToolOptions(
        url=url,
        language=settings.language or dialect,
        timeout=settings.timeout,
        disabled_rules=disabled_rules(settings.disabled_rules, settings.enabled_rules),
    )
