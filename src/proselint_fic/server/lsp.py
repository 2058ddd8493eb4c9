"""The language server: diagnostics, quick fixes, "add to dictionary", "disable on this line".

Run by ``proselint-fic server`` (optional extra ``[lsp]``, which installs pygls), over
standard input and output. The server keeps one :class:`~proselint_fic.Linter` for the
workspace: configuration is discovered per document from its path, exactly as on the
command line, and ``workspace/didChangeConfiguration`` may add ``select``, ``ignore`` and
``dialect`` on top. Documents are linted on open, on every change (incremental sync) and
on save; a rule that raises becomes an internal diagnostic, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from proselint_fic import __version__
from proselint_fic.diagnostic import Diagnostic, Severity
from proselint_fic.document.markup import Markup, markup_for_path
from proselint_fic.linter import Linter
from proselint_fic.server.positions import code_point_column, utf16_column

ADD_WORD = "proselint-fic.addWord"
SOURCE = "proselint-fic"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# The editor's language id decides the format where the file name cannot (untitled files).
_MARKUP_BY_LANGUAGE: dict[str, Markup] = {"markdown": "markdown", "html": "html"}


@dataclass
class Settings:
    """What the editor asked for on top of the workspace configuration."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    dialect: str | None = None

    @classmethod
    def parse(cls, raw: Any) -> Settings:
        section = raw.get("proselint-fic", raw) if isinstance(raw, dict) else {}
        if not isinstance(section, dict):
            return cls()
        select = section.get("select")
        ignore = section.get("ignore") or []
        dialect = section.get("dialect")
        return cls(
            select=[str(s) for s in select] if isinstance(select, list) else None,
            ignore=[str(s) for s in ignore] if isinstance(ignore, list) else [],
            dialect=dialect if dialect in {"en-US", "en-GB"} else None,
        )


class ProseServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.settings = Settings()
        self.linter = self.make_linter()

    def make_linter(self) -> Linter:
        settings = self.settings
        return Linter(
            select=settings.select,
            ignore=settings.ignore,
            dialect=settings.dialect,  # type: ignore[arg-type]
        )

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = path_of(uri)
        markup = None
        if path is None or markup_for_path(str(path)) == "plain":
            markup = _MARKUP_BY_LANGUAGE.get(document.language_id or "")
        try:
            found = self.linter.lint_text(document.source, path=path, markup=markup)
        except Exception as error:  # the engine isolates rules; this guards the rest
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Error, f"lint failed: {error}")
            )
            found = []
        lines = document.source.split("\n")
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[to_lsp(d, lines) for d in found],
            )
        )

    def lint_open_documents(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.lint(uri)


def path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def to_lsp(diagnostic: Diagnostic, lines: list[str]) -> types.Diagnostic:
    """Our diagnostic (1-based lines, code-point columns) as LSP's (0-based, UTF-16)."""

    def position(line: int, column: int) -> types.Position:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return types.Position(line=line - 1, character=utf16_column(text, column - 1))

    word = ""
    if 0 < diagnostic.line <= len(lines) and diagnostic.line == diagnostic.end_line:
        word = lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1]
    return types.Diagnostic(
        range=types.Range(
            start=position(diagnostic.line, diagnostic.column),
            end=position(diagnostic.end_line, diagnostic.end_column),
        ),
        message=diagnostic.message,
        severity=_SEVERITIES[diagnostic.severity],
        code=diagnostic.rule,
        source=SOURCE,
        data={"replacements": list(diagnostic.replacements), "word": word},
    )


def code_actions(params: types.CodeActionParams, source: str) -> list[types.CodeAction]:
    """Quick fixes for the diagnostics the editor sends back: each replacement, "add to
    the project dictionary" for typos, and "disable this rule on this line"."""
    actions: list[types.CodeAction] = []
    uri = params.text_document.uri
    lines = source.split("\n")
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str):
            continue
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        for replacement in data.get("replacements", [])[:3]:
            edit = types.TextEdit(range=diagnostic.range, new_text=str(replacement))
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{replacement}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                    is_preferred=not actions,
                )
            )
        word = str(data.get("word", "")) or _text_at(lines, diagnostic.range)
        if diagnostic.code.startswith("typo.") and word and " " not in word:
            actions.append(
                types.CodeAction(
                    title=f"Add '{word}' to the project dictionary",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=types.Command(
                        title=f"Add '{word}' to the project dictionary",
                        command=ADD_WORD,
                        arguments=[uri, word],
                    ),
                )
            )
        actions.append(_disable_on_line(uri, diagnostic, lines))
    return actions


def _text_at(lines: list[str], where: types.Range) -> str:
    """The text a one-line range covers."""
    if where.start.line != where.end.line or where.start.line >= len(lines):
        return ""
    line = lines[where.start.line]
    start = code_point_column(line, where.start.character)
    return line[start : code_point_column(line, where.end.character)]


def _disable_on_line(uri: str, diagnostic: types.Diagnostic, lines: list[str]) -> types.CodeAction:
    """Insert ``<!-- proselint-fic: disable-next-line RULE -->`` above the line, with the
    line's indentation (the markup layer blanks the comment in every format)."""
    line = diagnostic.range.start.line
    text = lines[line] if line < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip())]
    newline = "\r\n" if text.endswith("\r") else "\n"
    comment = f"{indent}<!-- proselint-fic: disable-next-line {diagnostic.code} -->{newline}"
    edit = types.TextEdit(
        range=types.Range(
            start=types.Position(line=line, character=0), end=types.Position(line=line, character=0)
        ),
        new_text=comment,
    )
    return types.CodeAction(
        title=f"Disable {diagnostic.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def build() -> ProseServer:
    server = ProseServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ProseServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ProseServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ProseServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ProseServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: ProseServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return code_actions(params, document.source)

    @server.command(ADD_WORD)
    def add_word(ls: ProseServer, uri: str, word: str) -> None:
        # pygls passes the command's arguments as parameters: (document uri, word).
        from proselint_fic.word_files import WordFileError, add_words_to_project

        path = path_of(uri)
        start = path.parent if path is not None else Path.cwd()
        try:
            target, _ = add_words_to_project([word], None, start=start)
        except WordFileError as error:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, str(error)))
            return
        ls.window_log_message(
            types.LogMessageParams(types.MessageType.Info, f"added {word!r} to {target}")
        )
        ls.linter = ls.make_linter()  # the word file is read anew
        ls.lint_open_documents()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: ProseServer, params: types.DidChangeConfigurationParams
    ) -> None:
        ls.settings = Settings.parse(params.settings)
        ls.linter = ls.make_linter()
        ls.lint_open_documents()

    return server


def serve() -> None:
    build().start_io()
