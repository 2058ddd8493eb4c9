"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from proselint_fic.diagnostic import Diagnostic, Severity
from proselint_fic.linter import FileResult
from proselint_fic.rule import RuleMeta

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(rule_id: str, metas: dict[str, RuleMeta]) -> dict[str, Any]:
    """A SARIF reportingDescriptor: what the rule reports, its level, its documentation."""
    meta = metas.get(rule_id)
    if meta is None:
        return {"id": rule_id}  # internal-error and rules of plugins no longer installed
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": meta.summary},
        "defaultConfiguration": {
            "level": _LEVELS[meta.severity],
            "enabled": meta.enabled_by_default,
        },
        "properties": {"category": meta.category, "fixSafety": meta.fix_safety},
    }
    if meta.docs:
        descriptor["fullDescription"] = {"text": meta.docs}
        descriptor["help"] = {"text": meta.docs}
    return descriptor


def _known_rules() -> dict[str, RuleMeta]:
    from proselint_fic.registry import load_registry

    return {rule_id: rule.meta for rule_id, rule in load_registry().rules.items()}


def render_sarif(results: Sequence[FileResult]) -> str:
    from proselint_fic import __version__

    diagnostics = [d for result in results for d in result.diagnostics]
    rule_ids = sorted({d.rule for d in diagnostics})
    metas = _known_rules() if rule_ids else {}
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "proselint-fic",
                        "version": __version__,
                        "rules": [_rule_descriptor(rule_id, metas) for rule_id in rule_ids],
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
