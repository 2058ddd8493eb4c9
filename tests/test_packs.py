"""The declarative pack format: loading errors and run-time faults name their rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from proselint_fic import Linter, hookimpl
from proselint_fic.packs import PackError, load_pack

_RULE = """
[[rule]]
id = "demo.{name}"
category = "style"
summary = "A demo rule."
message = "Demo."
pattern = '{pattern}'
flag = ["x"]
pass = ["y"]
"""


def _pack(tmp_path: Path, name: str, pattern: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(_RULE.format(name=name, pattern=pattern), encoding="utf-8")
    return path


class _PackPlugin:
    def __init__(self, path: Path) -> None:
        self.path = path

    @hookimpl
    def proselint_fic_rule_packs(self) -> list[Path]:
        return [self.path]


def test_a_pattern_that_cannot_compile_becomes_an_internal_error(tmp_path: Path) -> None:
    linter = Linter(
        plugins=[_PackPlugin(_pack(tmp_path, "broken", "(unclosed"))],
        select=["demo", "ellipsis"],
        discover_config=False,
    )
    found = linter.lint_text("And then.he left.")
    errors = [d for d in found if d.rule == "internal-error"]
    assert len(errors) == 1 and "demo.broken" in errors[0].message
    assert any(d.rule == "ellipsis.glued-lowercase" for d in found)


def test_unknown_keys_and_missing_fields_are_load_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[rule]]\nid = "demo.bad"\ncategory = "style"\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"bad\.toml: rule 'demo\.bad': missing required key"):
        load_pack(path)


def test_a_broken_pack_is_reported_and_the_rest_still_load(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("not toml at all [", encoding="utf-8")
    linter = Linter(plugins=[_PackPlugin(path)], discover_config=False, select=["ellipsis"])
    assert any("bad.toml" in error for error in linter.load_errors)
    assert linter.lint_text("And then.he left.")


def test_a_pack_uses_the_definitions_of_another(tmp_path: Path) -> None:
    (tmp_path / "shared.toml").write_text(
        "[pack.define]\ncolour = '(?:red|green)'\n" + _RULE.format(name="shared", pattern="x"),
        encoding="utf-8",
    )
    path = tmp_path / "user.toml"
    path.write_text(
        '[pack]\nuses = ["shared"]\n' + _RULE.format(name="user", pattern="(?&colour) door"),
        encoding="utf-8",
    )
    linter = Linter(plugins=[_PackPlugin(path)], select=["demo"], discover_config=False)
    found = linter.lint_text("She opened the green door.")
    assert [(d.rule, d.column) for d in found] == [("demo.user", 16)]


@pytest.mark.parametrize(
    ("uses", "error"),
    [
        ('"shared"', "uses must be a list"),
        ('["missing"]', r"cannot read the pack it uses, missing\.toml"),
    ],
)
def test_a_bad_uses_is_a_load_error(tmp_path: Path, uses: str, error: str) -> None:
    path = tmp_path / "user.toml"
    path.write_text(
        f"[pack]\nuses = {uses}\n" + _RULE.format(name="user", pattern="x"), encoding="utf-8"
    )
    with pytest.raises(PackError, match=error):
        load_pack(path)
