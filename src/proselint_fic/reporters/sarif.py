"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from proselint_fic.diagnostic import Diagnostic, Severity
from proselint_fic.linter import FileResult

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(results: Sequence[FileResult]) -> str:
    from proselint_fic import __version__

    diagnostics = [d for result in results for d in result.diagnostics]
    rule_ids = sorted({d.rule for d in diagnostics})
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "proselint-fic",
                        "version": __version__,
                        "rules": [{"id": rule_id} for rule_id in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, rule_ids.index(d.rule)) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "properties": {"category": d.category},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": d.path},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                }
            }
        ],
    }
    if d.replacements:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {d.replacements[0]!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": d.path},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": d.line,
                                    "startColumn": d.column,
                                    "endLine": d.end_line,
                                    "endColumn": d.end_column,
                                },
                                "insertedContent": {"text": d.replacements[0]},
                            }
                        ],
                    }
                ],
            }
        ]
    return result
