"""Output formats: pure functions from results to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from proselint_fic.linter import FileResult
from proselint_fic.reporters.github import render_github
from proselint_fic.reporters.json_formats import render_json, render_jsonl
from proselint_fic.reporters.sarif import render_sarif
from proselint_fic.reporters.text import render_text

Renderer = Callable[[Sequence[FileResult], bool], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": lambda results, _color: render_json(results),
    "jsonl": lambda results, _color: render_jsonl(results),
    "github": lambda results, _color: render_github(results),
    "sarif": lambda results, _color: render_sarif(results),
}

__all__ = ["RENDERERS", "Renderer"]
