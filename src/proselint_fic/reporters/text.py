"""``path:line:col: severity rule message``, one line a diagnostic, coloured on a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from proselint_fic.diagnostic import Diagnostic, Severity
from proselint_fic.linter import FileResult

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def format_diagnostic(diagnostic: Diagnostic, *, color: bool = False) -> str:
    location = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    severity = diagnostic.severity.value
    fix = f" (fix: {diagnostic.replacements[0]!r})" if diagnostic.replacements else ""
    if not color:
        return f"{location} {severity} {diagnostic.rule} {diagnostic.message}{fix}"
    tint = _COLORS[diagnostic.severity]
    return (
        f"{_BOLD}{location}{_RESET} {tint}{severity}{_RESET} {_DIM}{diagnostic.rule}{_RESET} "
        f"{diagnostic.message}{fix}"
    )


def render_text(results: Sequence[FileResult], color: bool = False) -> str:
    lines = [
        format_diagnostic(diagnostic, color=color)
        for result in results
        for diagnostic in result.diagnostics
    ]
    return "\n".join(lines) + ("\n" if lines else "")
