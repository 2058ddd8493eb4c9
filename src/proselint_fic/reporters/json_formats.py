"""The JSON contract (one object) and JSON Lines (one diagnostic a line)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from proselint_fic.linter import FileResult


def render_json(results: Sequence[FileResult]) -> str:
    diagnostics = [d.to_dict() for result in results for d in result.diagnostics]
    return json.dumps({"diagnostics": diagnostics}, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[FileResult]) -> str:
    lines = [
        json.dumps(d.to_dict(), ensure_ascii=False)
        for result in results
        for d in result.diagnostics
    ]
    return "\n".join(lines) + ("\n" if lines else "")
