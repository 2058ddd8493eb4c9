"""Regenerate docs/rules.md from rule metadata: `python scripts/gen_rule_docs.py`.

`--check` exits 1 when the file is out of date (the test suite runs it that way).
"""

from __future__ import annotations

import sys
from pathlib import Path

from proselint_fic import Linter
from proselint_fic.docs import rules_reference

TARGET = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    linter = Linter(discover_config=False, entry_points=False)
    text = rules_reference(linter.rules)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/gen_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
