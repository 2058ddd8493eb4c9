"""The command line as a writer and a CI job use it."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli, run_json

DEFECT = "And then.he comes back, like nothing happened.\n"
CLEAN = "She waited by the door. He never came.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_and_exit_code(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT)
    done = run_cli("check", "--select", "ellipsis", "ch1.txt", cwd=tmp_path)
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first.startswith("ch1.txt:1:9: warning ellipsis.glued-lowercase ")
    assert "Found 1 problem" in done.stdout


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", CLEAN)
    done = run_cli("check", "--select", "ellipsis", "ch1.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_is_the_default_command(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT)
    assert run_cli("--select", "ellipsis", "ch1.txt", cwd=tmp_path).returncode == 1


def test_json_contract(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", "Line one.\n" + DEFECT)
    code, diagnostics = run_json("--select", "ellipsis", "ch1.txt", cwd=tmp_path)
    assert code == 1
    (found,) = diagnostics
    assert list(found) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "category",
        "severity",
        "message",
        "replacements",
    ]
    assert (found["line"], found["column"], found["end_line"], found["end_column"]) == (2, 9, 2, 10)
    assert found["category"] == "ellipsis"
    assert found["replacements"] == ["... "]


def test_columns_count_code_points(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", "Zoë and Ngũgĩ waited.so long.\n")
    _, diagnostics = run_json("--select", "ellipsis", "ch1.txt", cwd=tmp_path)
    assert diagnostics[0]["column"] == len("Zoë and Ngũgĩ waited") + 1


def test_jsonl_github_and_sarif(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT)
    jsonl = run_cli("check", "--select", "ellipsis", "--format", "jsonl", "ch1.txt", cwd=tmp_path)
    assert json.loads(jsonl.stdout.splitlines()[0])["rule"] == "ellipsis.glued-lowercase"
    github = run_cli("check", "--select", "ellipsis", "--format", "github", "ch1.txt", cwd=tmp_path)
    assert github.stdout.startswith("::warning file=ch1.txt,line=1,col=9,")
    sarif = json.loads(
        run_cli(
            "check", "--select", "ellipsis", "--format", "sarif", "ch1.txt", cwd=tmp_path
        ).stdout
    )
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0"
    assert result["ruleId"] == "ellipsis.glued-lowercase"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 9


def test_stdin(tmp_path: Path) -> None:
    code, diagnostics = run_json("--select", "ellipsis", "-", cwd=tmp_path, stdin=DEFECT)
    assert code == 1
    assert diagnostics[0]["path"] == "-"


def test_ignore_and_exit_zero(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT)
    ignored = run_cli(
        "check",
        "--select",
        "ellipsis",
        "--ignore",
        "ellipsis.glued-lowercase",
        "ch1.txt",
        cwd=tmp_path,
    )
    assert ignored.returncode == 0
    forgiven = run_cli("check", "--select", "ellipsis", "--exit-zero", "ch1.txt", cwd=tmp_path)
    assert forgiven.returncode == 0 and "ellipsis.glued-lowercase" in forgiven.stdout


def test_statistics(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT + "Wait..what?\n")
    done = run_cli("check", "--select", "ellipsis", "--statistics", "ch1.txt", cwd=tmp_path)
    assert "1  ellipsis.glued-lowercase" in done.stdout
    assert "1  ellipsis.two-dots" in done.stdout


def test_folders_recurse_and_respect_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path, ".gitignore", "drafts/\n")
    _write(tmp_path, "book/ch1.md", DEFECT)
    _write(tmp_path, "book/notes.html", "<p>" + DEFECT + "</p>")
    _write(tmp_path, "drafts/old.txt", DEFECT)
    _write(tmp_path, "book/image.png", "not prose")
    _, diagnostics = run_json("--select", "ellipsis", ".", cwd=tmp_path)
    assert sorted({d["path"] for d in diagnostics}) == ["book/ch1.md", "book/notes.html"]


def test_rules_and_explain() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0
    assert "ellipsis.glued-lowercase" in listing.stdout
    explained = run_cli("explain", "ellipsis.period-lowercase")
    assert explained.returncode == 0
    assert "If he stays. it will kill him." in explained.stdout
    unknown = run_cli("explain", "no.such-rule")
    assert unknown.returncode == 2 and "no rule" in unknown.stderr


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    _write(tmp_path, "ch1.txt", DEFECT)
    done = run_cli("check", "--select", "elipsis", "ch1.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "elipsis" in done.stderr and "Traceback" not in done.stderr


def test_add_word_creates_and_keeps_the_project_word_file(tmp_path: Path) -> None:
    first = run_cli("add-word", "Lisbet", "Gryphon", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = run_cli("add-word", "Azkaroth", "Gryphon", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    words = (tmp_path / "proselint-fic-words.txt").read_text(encoding="utf-8").split()
    assert words == ["Azkaroth", "Gryphon", "Lisbet"]
    _write(tmp_path, "ch1.txt", "Azkaroth waited. Lisbet knew the Gryphon would come.\n")
    code, diagnostics = run_json("--select", "typo", "ch1.txt", cwd=tmp_path)
    assert code == 0 and diagnostics == []


def test_indented_markdown_paragraphs_are_linted(tmp_path: Path) -> None:
    story = tmp_path / "chapter.md"
    story.write_text(
        "# One\n\n    She waited.he never came.\n\n```\nlog.txt was.here\n```\n", encoding="utf-8"
    )
    code, found = run_json(str(story))
    assert code == 1
    assert [(d["line"], d["column"], d["rule"]) for d in found] == [
        (3, 15, "ellipsis.glued-lowercase")
    ]


def _collector_after(arguments: list[str], tmp_path: Path) -> str:
    import subprocess
    import sys

    script = (
        "import gc, io, contextlib\n"
        "from proselint_fic import gc_pause\n"
        "gc_pause.pause_for_start_up()\n"
        "from proselint_fic.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({arguments!r})\n"
        "print(gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_collector_stays_off_only_for_a_one_file_check(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The rain fell on the roof.\n", encoding="utf-8")
    assert _collector_after(["check", "a.txt"], tmp_path) == "False"
    # Between files, and in every other command (the language server runs for hours).
    assert _collector_after(["check", "a.txt", "b.txt"], tmp_path) == "True"
    assert _collector_after(["rules"], tmp_path) == "True"
