"""The one thing every layer agrees on: what a finding looks like once it leaves a rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Category = Literal["typo", "ellipsis", "tense", "punctuation", "repetition", "grammar", "style"]
CATEGORIES: tuple[Category, ...] = (
    "typo",
    "ellipsis",
    "tense",
    "punctuation",
    "repetition",
    "grammar",
    "style",
)


class Severity(StrEnum):
    """How loudly a diagnostic speaks. Ordered: ERROR > WARNING > INFO."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding with a source position: 1-based lines and columns in code points, end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: Category
    severity: Severity
    message: str
    replacements: tuple[str, ...] = ()
    # Offsets into the decoded source text; they let the fixer and editor plugins work
    # without recomputing positions. Not part of the JSON contract.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: exactly these keys, in this order."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "replacements": list(self.replacements),
        }
