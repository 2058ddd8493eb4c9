"""Configuration discovery, validation and its effects, through the CLI and the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_json
from proselint_fic import ConfigError, Linter

DEFECT = "And then.he comes back.\n"


def test_pyproject_table_is_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.proselint-fic]\nselect = ["ellipsis"]\nignore = ["ellipsis.glued-lowercase"]\n'
    )
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "ch1.txt").write_text(DEFECT + "Wait..what?\n")
    _, diagnostics = run_json("book/ch1.txt", cwd=tmp_path)
    assert [d["rule"] for d in diagnostics] == ["ellipsis.two-dots"]


def test_tool_file_severity_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".proselint-fic.toml").write_text(
        'select = ["ellipsis"]\n'
        '[severity]\n"ellipsis" = "error"\n'
        '[per-file-ignores]\n"notes/*.txt" = ["ellipsis"]\n'
    )
    (tmp_path / "notes").mkdir()
    (tmp_path / "ch1.txt").write_text(DEFECT)
    (tmp_path / "notes" / "n.txt").write_text(DEFECT)
    _, diagnostics = run_json("ch1.txt", "notes/n.txt", cwd=tmp_path)
    assert [(d["path"], d["severity"]) for d in diagnostics] == [("ch1.txt", "error")]


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    (tmp_path / ".proselint-fic.toml").write_text('select = ["ellipsis"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["ellipsis"]\nignore = ["ellipsis"]\n')
    (tmp_path / "ch1.txt").write_text(DEFECT)
    assert run_cli("check", "ch1.txt", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--config", "other.toml", "ch1.txt", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("selec = ['ellipsis']\n", "'selec'"),
        ("dialect = 'en-AU'\n", "'dialect'"),
        ("select = 'ellipsis\n", "invalid TOML"),
        ("select = ['nothing.like-this']\n", "'nothing.like-this'"),
        ("[severity]\nellipsis = 'loud'\n", "loud"),
        ("[tense]\n'*.md' = 'future'\n", "future"),
    ],
)
def test_bad_configuration_exits_2_naming_file_and_key(
    tmp_path: Path, body: str, names: str
) -> None:
    (tmp_path / ".proselint-fic.toml").write_text(body)
    (tmp_path / "ch1.txt").write_text(DEFECT)
    done = run_cli("check", "ch1.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert ".proselint-fic.toml" in done.stderr and names in done.stderr
    assert "Traceback" not in done.stderr


def test_library_refuses_bad_explicit_config(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("unknown-key = 1\n")
    with pytest.raises(ConfigError, match="unknown-key"):
        Linter(config=bad)


def test_words_and_word_files_reach_documents(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# names\nGryphon\nAzkaroth\n")
    (tmp_path / ".proselint-fic.toml").write_text(
        'words = ["Lisbet"]\nword-files = ["words.txt"]\ndialect = "en-GB"\n'
        '[tense]\n"**/*.md" = "present"\n'
    )
    linter = Linter()
    settings = linter.settings_for(tmp_path / "ch1.md")
    assert settings.words == {"Lisbet", "Gryphon", "Azkaroth"}
    assert settings.dialect == "en-GB"
    assert settings.tense_for(tmp_path / "book" / "ch1.md") == "present"
    assert settings.tense_for(tmp_path / "ch1.txt") is None


def test_missing_word_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".proselint-fic.toml").write_text('word-files = ["nope.txt"]\n')
    (tmp_path / "ch1.txt").write_text(DEFECT)
    done = run_cli("check", "ch1.txt", cwd=tmp_path)
    assert done.returncode == 2 and "nope.txt" in done.stderr
