"""The guides' examples really work, and the example story's defect table tells the truth.

Code in ``docs/*.md`` is read straight from the pages: every rule pack loads and keeps the
promises of its ``flag``/``pass``/``fix`` examples, the example plugins register and run,
and the library guide's doctests and JSON output match what the code does today.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import regex

from helpers import run_cli
from proselint_fic import Diagnostic, Linter, hookimpl
from proselint_fic.packs import PackError, load_pack

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

# A fenced block, possibly indented inside a list item.
_FENCE = regex.compile(
    r"^[ \t]*```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^[ \t]*```[ \t]*$", regex.M | regex.S
)
# A block that is a file of an example project: **`path`**, a blank line, then the fence.
_NAMED = regex.compile(
    r"^\*\*`(?P<path>[^`]+)`\*\*[ \t]*\n\n```(?P<lang>[\w-]*)[ \t]*\n(?P<body>.*?)^```[ \t]*$",
    regex.M | regex.S,
)


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _blocks(markdown: str, lang: str) -> list[str]:
    return [m["body"] for m in _FENCE.finditer(markdown) if m["lang"] == lang]


def _named_files(markdown: str) -> dict[str, str]:
    return {m["path"]: m["body"] for m in _NAMED.finditer(markdown)}


def _pack_blocks(markdown: str) -> list[str]:
    return [block for block in _blocks(markdown, "toml") if "[[rule]]" in block]


class _PackPlugin:
    """Registers pack files the way an installed plugin would."""

    def __init__(self, *locations: Path) -> None:
        self._locations = list(locations)

    @hookimpl
    def proselint_fic_rule_packs(self) -> list[Path]:
        return self._locations


def _linter(plugin: object, select: list[str]) -> Linter:
    return Linter(plugins=[plugin], select=select, entry_points=False, discover_config=False)


def _found(linter: Linter, rule_id: str, text: str) -> list[Diagnostic]:
    return [d for d in linter.lint_text(text) if d.rule == rule_id]


def _import_package(name: str, folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_project(files: dict[str, str], root: Path) -> None:
    for relative, body in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")


def _guide_project(page: str, root: Path) -> None:
    _write_project(_named_files(page), root)
    (package,) = (root / "src").iterdir()
    for index, block in enumerate(_pack_blocks(page)):
        (package / f"pack{index}.toml").write_text(block, encoding="utf-8")


def _run_doctests(text: str, name: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {"__name__": name}, name, name, 0)
    assert test.examples, f"{name} has no examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output: list[str] = []
    failed, _ = runner.run(test, out=output.append)
    assert not failed, "".join(output)


def _assert_examples_hold(linter: Linter, rule_ids: list[str]) -> None:
    assert linter.load_errors == ()
    metas = {meta.id: meta for meta in linter.rules}
    for rule_id in rule_ids:
        meta = metas[rule_id]
        assert meta.flags and meta.passes, f"{rule_id}: a documented rule shows both kinds"
        for text in meta.flags:
            assert _found(linter, rule_id, text), f"{rule_id} should flag {text!r}"
        for text in meta.passes:
            assert not _found(linter, rule_id, text), f"{rule_id} should pass {text!r}"
        for fix in meta.fixes:
            first = _found(linter, rule_id, fix.before)[0]
            assert first.replacements, f"{rule_id} offers no fix for {fix.before!r}"
            fixed = fix.before[: first.start] + first.replacements[0] + fix.before[first.end :]
            assert fixed == fix.after


# --- docs/writing-rules.md ------------------------------------------------------------

_WRITING = _page("writing-rules.md")


def test_writing_guide_has_pack_examples() -> None:
    assert len(_pack_blocks(_WRITING)) >= 4


@pytest.mark.parametrize("index", range(len(_pack_blocks(_WRITING))))
def test_pack_example_loads_and_keeps_its_promises(index: int, tmp_path: Path) -> None:
    pack = tmp_path / "example.toml"
    pack.write_text(_pack_blocks(_WRITING)[index], encoding="utf-8")
    rule_ids = [rule.meta.id for rule in load_pack(pack)]
    # Naming each rule exactly also turns on the ones that are off by default.
    linter = _linter(_PackPlugin(pack), rule_ids)
    _assert_examples_hold(linter, rule_ids)


def test_every_toml_block_is_valid_toml() -> None:
    for block in _blocks(_WRITING, "toml"):
        tomllib.loads(block)


def test_plugin_that_ships_the_guides_packs(tmp_path: Path) -> None:
    files = _named_files(_WRITING)
    assert set(files) == {"src/house_style/__init__.py", "pyproject.toml"}
    _guide_project(_WRITING, tmp_path)
    package = tmp_path / "src" / "house_style"
    entry = tomllib.loads(files["pyproject.toml"])["project"]["entry-points"]["proselint_fic"]
    assert list(entry.values()) == ["house_style"]
    plugin = _import_package("house_style", package)
    linter = _linter(plugin, ["house", "tags"])
    ids = {meta.id for meta in linter.rules}
    assert {"house.suddenly", "house.idioms", "tags.period-before-tag"} <= ids
    assert _found(linter, "house.suddenly", "Suddenly the door flew open.")


def test_the_documented_load_error_is_the_real_one(tmp_path: Path) -> None:
    first = _pack_blocks(_WRITING)[0].replace('severity = "info"', 'colour = "red"')
    pack = tmp_path / "house.toml"
    pack.write_text(first, encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_pack(pack)
    assert "house.toml: rule 'house.suddenly': unknown key(s) colour" in str(raised.value)
    assert "house.toml: rule 'house.suddenly': unknown key(s) colour" in _WRITING


# --- docs/plugins.md ------------------------------------------------------------------

_PLUGINS = _page("plugins.md")


def test_example_plugin_registers_and_keeps_its_promises(tmp_path: Path) -> None:
    files = _named_files(_PLUGINS)
    _write_project(files, tmp_path)
    (package,) = (tmp_path / "src").iterdir()
    data = tomllib.loads(files["pyproject.toml"])
    assert list(data["project"]["entry-points"]["proselint_fic"].values()) == [package.name]
    plugin = _import_package(package.name, package)
    linter = _linter(plugin, ["echo"])
    rule_ids = [meta.id for meta in linter.rules if meta.id.startswith("echo.")]
    assert rule_ids
    _assert_examples_hold(linter, rule_ids)
    # The guide's own test module for the plugin passes too.
    sys.modules[package.name] = plugin
    try:
        namespace: dict[str, Any] = {}
        exec(compile(files["tests/test_echo.py"], "test_echo.py", "exec"), namespace)
        tests = [f for name, f in namespace.items() if name.startswith("test_")]
        assert tests
        for test in tests:
            test()
    finally:
        del sys.modules[package.name]


def test_plugins_guide_crash_example_matches_the_engine() -> None:
    _run_doctests("\n\n".join(_blocks(_PLUGINS, "pycon")), "plugins.md")


# --- both guides' plugin projects, built and installed ---------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "select", "text", "rule"),
    [
        ("writing-rules.md", "house", "Suddenly the door flew open.\n", "house.suddenly"),
        (
            "plugins.md",
            "echo",
            "She woke.\n\nShe dressed.\n\nShe left.\n",
            "echo.paragraph-opening",
        ),
    ],
)
def test_guide_plugin_builds_installs_and_runs(
    page: str, select: str, text: str, rule: str, tmp_path: Path
) -> None:
    """The guide's pyproject.toml really ships the plugin, packs included, with its entry point."""
    wheels = pytest.importorskip("hatchling.builders.wheel")
    project = tmp_path / "project"
    _guide_project(_page(page), project)
    built = wheels.WheelBuilder(str(project)).build(
        directory=str(tmp_path / "dist"), versions=["standard"]
    )
    site = tmp_path / "site"
    with zipfile.ZipFile(next(built)) as wheel:
        wheel.extractall(site)
    (tmp_path / "ch1.md").write_text(text, encoding="utf-8")
    done = run_cli(
        "check", "--select", select, "ch1.md", cwd=tmp_path, env={"PYTHONPATH": str(site)}
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert f" {rule} " in done.stdout


# --- docs/library.md ------------------------------------------------------------------

_LIBRARY = _page("library.md")


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # No configuration file above the working folder may change what the examples find.
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.mark.usefixtures("in_empty_folder")
def test_library_doctests() -> None:
    _run_doctests("\n\n".join(_blocks(_LIBRARY, "pycon")), "library.md")


def test_json_contract_example_is_what_the_cli_prints(in_empty_folder: Path) -> None:
    (command,) = [b for b in _blocks(_LIBRARY, "sh") if "--format json" in b]
    text = regex.search(r"printf '([^']*)'", command)
    assert text is not None
    done = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "ellipsis",
        "--stdin-filename",
        "ch01.md",
        "-",
        cwd=in_empty_folder,
        stdin=text[1].replace("\\n", "\n"),
    )
    assert done.returncode == 1, done.stderr
    (documented,) = _blocks(_LIBRARY, "json")
    assert json.loads(done.stdout) == json.loads(documented)


# --- examples/ --------------------------------------------------------------------------

_STORY = EXAMPLES / "the-lighthouse-keeper.md"
_ROW = regex.compile(
    r"^\| (\d+) \| (\d+) \| (\d+) \| `([^`]+)` \| `([^`]+)` \| `([^`]*)` \| (.+) \|$"
)


# The rule a README row names, as in "ellipsis (`ellipsis.two-dots`)".
_RULE_NAME = regex.compile(r"`(ellipsis\.[\w-]+)`")


def _planted() -> list[tuple[int, int, int, str, str]]:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in readme.splitlines():
        row = _ROW.match(line)
        if row:
            rows.append((int(row[1]), int(row[2]), int(row[3]), row[4], row[7]))
    return rows


def test_example_readme_points_at_each_planted_defect() -> None:
    lines = _STORY.read_text(encoding="utf-8").split("\n")
    planted = _planted()
    assert len(planted) >= 17
    for line, column, end, text, _ in planted:
        assert lines[line - 1][column - 1 : end - 1] == text, (line, column, text)


def test_example_story_ellipses_are_found_exactly() -> None:
    linter = Linter(select=["ellipsis"], entry_points=False, discover_config=False)
    found = {
        (d.line, d.column, d.rule)
        for d in linter.lint_text(_STORY.read_text(encoding="utf-8"), path=str(_STORY))
    }
    named = ((line, column, _RULE_NAME.search(family)) for line, column, *_, family in _planted())
    expected = {(line, column, rule[1]) for line, column, rule in named if rule is not None}
    assert len(expected) == 6
    assert found == expected
