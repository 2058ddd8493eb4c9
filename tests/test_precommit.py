"""The pre-commit hook, run the way a writer's repository runs it: ``pre-commit try-repo``.

``try-repo`` on a local checkout clones its HEAD; staged and modified tracked files are
added as a shadow commit, untracked files are not. It then pip-installs the checkout into a
fresh environment, so this test needs the package index and takes some seconds.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DEFECT = "And then.he comes back.\n"
FIXED = "And then he comes back.\n"
# One manuscript per identify tag the hook declares (plain-text, markdown, html).
MANUSCRIPTS = {
    "chapter.txt": "{}",
    "notes.md": "# Chapter One\n\n{}",
    "story.html": "<html><body><p>{}</p></body></html>\n",
}


def _pre_commit() -> list[str] | None:
    beside = Path(sys.executable).parent / "pre-commit"
    if beside.is_file():
        return [str(beside)]
    on_path = shutil.which("pre-commit")
    if on_path:
        return [on_path]
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    return None


def _clean_env() -> dict[str, str]:
    # Run from inside a git hook, GIT_DIR / GIT_INDEX_FILE would point git at the wrong repo.
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=_clean_env(), check=True, capture_output=True)


def _write_manuscripts(folder: Path, sentence: str) -> list[str]:
    for name, template in MANUSCRIPTS.items():
        (folder / name).write_text(template.format(sentence), encoding="utf-8")
    # Not prose: the hook's types_or must keep it away from the linter.
    (folder / "tool.py").write_text(f"# {sentence}", encoding="utf-8")
    return [*MANUSCRIPTS, "tool.py"]


def _try_repo(command: list[str], repo: Path, book: Path, files: list[str]) -> tuple[int, str]:
    done = subprocess.run(
        [*command, "try-repo", str(repo), "proselint-fic", "--color", "never", "--files", *files],
        cwd=book,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def pre_commit(repo_root: Path) -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    command = _pre_commit()
    if command is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    inside = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"],
        cwd=repo_root,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.stdout.strip() != "true":
        pytest.skip(f"{repo_root} is not a git checkout; try-repo needs one")
    return command


def test_hook_fails_on_a_stray_period_and_passes_once_fixed(
    tmp_path: Path, repo_root: Path, pre_commit: list[str]
) -> None:
    book = tmp_path / "book"
    book.mkdir()
    _git("init", "-q", ".", cwd=book)
    files = _write_manuscripts(book, DEFECT)
    _git("add", *files, cwd=book)

    code, output = _try_repo(pre_commit, repo_root, book, files)
    assert code == 1, output
    assert "Failed" in output, output
    for name in MANUSCRIPTS:
        assert f"{name}:" in output, f"the hook did not lint {name}:\n{output}"
    assert "tool.py:" not in output, output
    assert "ellipsis.glued-lowercase" in output, output
    assert "Traceback" not in output, output

    _write_manuscripts(book, FIXED)
    _git("add", *files, cwd=book)
    code, output = _try_repo(pre_commit, repo_root, book, files)
    assert code == 0, output
    assert "Passed" in output, output
