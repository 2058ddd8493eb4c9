"""GitHub Actions workflow commands, which annotate the lines of a pull request."""

from __future__ import annotations

from collections.abc import Sequence

from proselint_fic.diagnostic import Severity
from proselint_fic.linter import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            properties = ",".join(
                [
                    f"file={_escape_property(d.path)}",
                    f"line={d.line}",
                    f"col={d.column}",
                    f"endLine={d.end_line}",
                    f"endColumn={d.end_column}",
                    f"title={_escape_property(d.rule)}",
                ]
            )
            lines.append(f"::{_LEVELS[d.severity]} {properties}::{_escape_data(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
