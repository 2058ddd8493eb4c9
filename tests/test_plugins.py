"""Third-party rules: registered in process, and installed through the entry-point group."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from proselint_fic import Linter, Match, RuleMeta, Severity, hookimpl
from proselint_fic.document import Document

SHOUTING = RuleMeta(
    id="demo.shouting",
    category="style",
    severity=Severity.INFO,
    scope="narration",
    summary="Whole words in capitals shout.",
    message="Set the word in italics instead of capitals.",
    flags=("She was VERY angry.",),
    passes=('"I am VERY angry," she said.',),
)


class ShoutingRule:
    meta = SHOUTING

    def check(self, document: Document) -> Iterator[Match]:
        import regex

        for found in regex.finditer(r"\b\p{Lu}{3,}\b", document.text):
            yield Match(found.start(), found.end())


class BrokenRule:
    meta = RuleMeta(
        id="demo.broken",
        category="style",
        severity=Severity.WARNING,
        scope="both",
        summary="Always crashes.",
        message="never shown",
        flags=("x",),
        passes=("y",),
    )

    def check(self, document: Document) -> Iterator[Match]:
        raise RuntimeError("boom")


class DemoPlugin:
    @hookimpl
    def proselint_fic_rules(self) -> list[object]:
        return [ShoutingRule(), BrokenRule()]


def test_registered_plugin_rule_runs_with_scope() -> None:
    linter = Linter(plugins=[DemoPlugin()], discover_config=False, select=["demo", "ellipsis"])
    found = linter.lint_text('She was VERY angry. "I am VERY angry," she said.\nAnd then.he left.')
    rules = [d.rule for d in found]
    assert rules.count("demo.shouting") == 1
    assert "ellipsis.glued-lowercase" in rules


def test_a_rule_that_raises_becomes_an_internal_error() -> None:
    linter = Linter(plugins=[DemoPlugin()], discover_config=False, select=["demo", "ellipsis"])
    found = linter.lint_text("And then.he left.")
    errors = [d for d in found if d.rule == "internal-error"]
    assert len(errors) == 1 and "demo.broken" in errors[0].message and "boom" in errors[0].message
    assert any(d.rule == "ellipsis.glued-lowercase" for d in found)


def test_installed_entry_point_plugin_is_discovered(tmp_path: Path) -> None:
    """A distribution on sys.path with an entry point in our group is picked up by the CLI."""
    site = tmp_path / "site"
    package = site / "fic_demo_plugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            from pathlib import Path
            from proselint_fic import hookimpl

            @hookimpl
            def proselint_fic_rule_packs():
                return [Path(__file__).parent / "pack.toml"]
            """
        )
    )
    (package / "pack.toml").write_text(
        textwrap.dedent(
            """
            [[rule]]
            id = "demo.very"
            category = "style"
            severity = "info"
            summary = "'Very' is rarely needed."
            message = "Cut 'very' or choose a stronger word."
            pattern = '\\bvery\\b'
            flag = ["It was very cold."]
            pass = ["It was freezing."]
            """
        )
    )
    dist_info = site / "fic_demo_plugin-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fic-demo-plugin\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text("[proselint_fic]\ndemo = fic_demo_plugin\n")
    (tmp_path / "ch1.txt").write_text("It was very cold.\n")
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "proselint_fic", "check", "--select", "demo", "ch1.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "ch1.txt:1:8: info demo.very" in done.stdout


def test_broken_installed_plugin_is_reported_not_fatal(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dist_info = site / "fic_broken-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: fic-broken\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text("[proselint_fic]\nbroken = fic_missing_module\n")
    (tmp_path / "ch1.txt").write_text("And then.he left.\n")
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "proselint_fic", "check", "--select", "ellipsis", "ch1.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "plugin 'broken' failed to load" in done.stderr
    assert "Traceback" not in done.stderr
    assert "ellipsis.glued-lowercase" in done.stdout
    assert done.returncode == 2


def test_no_plugins_means_no_importlib_metadata() -> None:
    # importlib.metadata costs a cold start about 30 ms; it is read only when a plugin exists.
    code = (
        "import sys; from proselint_fic import Linter; Linter(); "
        "print('importlib.metadata' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_plugin_declared_in_egg_info_is_found(tmp_path: Path) -> None:
    from proselint_fic.plugin_discovery import plugin_entry_points

    egg_info = tmp_path / "fic_old_style.egg-info"
    egg_info.mkdir()
    (egg_info / "PKG-INFO").write_text("Metadata-Version: 1.0\nName: fic-old-style\nVersion: 1\n")
    (egg_info / "entry_points.txt").write_text("[proselint_fic]\nold = fic_old_style\n")
    sys.path.insert(0, str(tmp_path))
    try:
        names = [entry.name for entry in plugin_entry_points("proselint_fic")]
    finally:
        sys.path.remove(str(tmp_path))
    assert "old" in names
