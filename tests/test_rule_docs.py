"""docs/rules.md is generated from rule metadata and must match it."""

from __future__ import annotations

from helpers import script_is_current


def test_rule_reference_is_up_to_date() -> None:
    done = script_is_current("gen_rule_docs.py")
    assert done.returncode == 0, done.stderr
