"""A baseline: findings a writer has accepted, so that only new ones are reported.

``check --update-baseline --baseline FILE`` records every current finding;
``check --baseline FILE`` then reports only findings not recorded there. A finding is
recorded by its file, its rule and a fingerprint of the text around it (the flagged words
and up to :data:`CONTEXT` characters on each side, with whitespace folded), never by its
line number, so lines added or removed above it do not bring it back. Identical findings
in identical contexts are told apart by their order in the file.

The file is JSON, sorted, written atomically::

    {"version": 1, "findings": {"ch01.md": [["typo.unknown-word", "3f9c0a1b2d4e5f60", 0]]}}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from proselint_fic.diagnostic import Diagnostic

VERSION = 1
CONTEXT = 30
Key = tuple[str, str, str, int]  # path, rule, fingerprint, occurrence


class BaselineError(Exception):
    """A baseline file that cannot be read; the message says why."""


def fingerprint(diagnostic: Diagnostic, source: str) -> str:
    """A hash of the rule and the text around the finding, within its own line (so that
    editing the line above changes nothing)."""
    line_start = source.rfind("\n", 0, diagnostic.start) + 1
    line_end = source.find("\n", diagnostic.end)
    line_end = len(source) if line_end < 0 else line_end
    start = max(line_start, diagnostic.start - CONTEXT)
    end = min(line_end, diagnostic.end + CONTEXT)
    context = " ".join(source[start:end].split())
    import hashlib  # here, not at the top: loading OpenSSL costs a run without a baseline 3-10 ms

    digest = hashlib.sha256(f"{diagnostic.rule}\0{context}".encode()).hexdigest()
    return digest[:16]


def keys(path: str, diagnostics: Iterable[Diagnostic], source: str) -> list[Key]:
    """One key per diagnostic, in the order given."""
    seen: Counter[tuple[str, str]] = Counter()
    found: list[Key] = []
    for diagnostic in diagnostics:
        mark = fingerprint(diagnostic, source)
        occurrence = seen[(diagnostic.rule, mark)]
        seen[(diagnostic.rule, mark)] += 1
        found.append((_normal(path), diagnostic.rule, mark, occurrence))
    return found


def _normal(path: str) -> str:
    return Path(path).as_posix()


def load(file: Path) -> set[Key]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline; create it with --update-baseline") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{file}: not a readable baseline ({error})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{file}: not a proselint-fic baseline of version {VERSION}")
    found: set[Key] = set()
    for path, entries in dict(data.get("findings", {})).items():
        for entry in entries:
            if not (isinstance(entry, list) and len(entry) == 3):
                raise BaselineError(f"{file}: malformed entry {entry!r} for {path}")
            rule, mark, occurrence = entry
            found.add((str(path), str(rule), str(mark), int(occurrence)))
    return found


def render(all_keys: Iterable[Key]) -> bytes:
    """The baseline file: sorted, one finding a line, so that its diffs read well."""
    by_path: dict[str, list[str]] = {}
    for path, rule, mark, occurrence in sorted(set(all_keys)):
        by_path.setdefault(path, []).append(json.dumps([rule, mark, occurrence]))
    files = [
        f"  {json.dumps(path)}: [\n    " + ",\n    ".join(entries) + "\n  ]"
        for path, entries in by_path.items()
    ]
    body = ",\n".join(files)
    text = (
        f'{{"version": {VERSION}, "findings": {{\n{body}\n}}}}\n'
        if files
        else (f'{{"version": {VERSION}, "findings": {{}}}}\n')
    )
    return text.encode("utf-8")
