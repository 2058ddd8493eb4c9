"""SARIF output, validated against the published SARIF 2.1.0 schema.

``tests/data/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 (errata 01) schema, from
https://github.com/oasis-tcs/sarif-spec (sarif-2.1/schema/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from helpers import run_cli

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def sarif_for(tmp_path: Path, text: str) -> dict:  # type: ignore[type-arg]
    story = tmp_path / "ch01.md"
    story.write_text(text, encoding="utf-8")
    done = run_cli("check", "--format", "sarif", "ch01.md", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_sarif_output_is_valid_against_the_schema(tmp_path: Path) -> None:
    log = sarif_for(
        tmp_path, "He sat on the the bench.\n\nAnd then.he came back, eminating light.\n"
    )
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["repetition.doubled-word"]["defaultConfiguration"]["level"] == "warning"
    assert rules["repetition.doubled-word"]["properties"]["fixSafety"] == "safe"
    assert rules["typo.known-misspelling"]["shortDescription"]["text"]
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"repetition.doubled-word", "ellipsis.glued-lowercase"}
    doubled = next(r for r in results if r["ruleId"] == "repetition.doubled-word")
    assert doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]


def test_an_empty_sarif_log_is_valid(tmp_path: Path) -> None:
    log = sarif_for(tmp_path, "The sea was calm.\n")
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == []


def test_the_schema_rejects_a_broken_log() -> None:
    # The validation is real: a log without its version is refused.
    try:
        jsonschema.validate({"runs": []}, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted a log without a version")
