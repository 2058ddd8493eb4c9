"""Running the installed command line the way a writer does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]


def script_is_current(name: str) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/<name> --check``: it exits 0 when what it generates is up to date."""
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / name), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "proselint_fic", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def run_json(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    done = run_cli("check", "--format", "json", *args, cwd=cwd, stdin=stdin)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)["diagnostics"]


def tense_flags(text: str, rule_id: str = "tense.slip", **options: Any) -> list[str]:
    """The words a tense rule flags in ``text``, through the rule's own ``check``."""
    from proselint_fic.checks.tense import rules
    from proselint_fic.document import Document, DocumentOptions

    rule = next(r for r in rules() if r.meta.id == rule_id)
    document = Document(text, options=DocumentOptions(**options))
    return [document.text[m.start : m.end] for m in rule.check(document)]
