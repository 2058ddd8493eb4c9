"""The progress bar: drawn on a terminal for a long text-format run, never for programs."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import run_cli

fcntl = pytest.importorskip("fcntl", reason="needs a pseudo-terminal")
termios = pytest.importorskip("termios", reason="needs a pseudo-terminal")

CHAPTER = "She walks to the door. The matress is cold, and she sleeps on it anyway.\n"


def _chapters(folder: Path, count: int) -> None:
    for number in range(count):
        (folder / f"chapter-{number:02}.txt").write_text(CHAPTER, encoding="utf-8")


def _stderr_on_a_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run the command with standard error on a pseudo-terminal, as in a writer's shell."""
    leader, follower = os.openpty()
    # A new pseudo-terminal is 0 columns wide, where no bar fits; a writer's is not.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "proselint_fic", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=follower,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=120,
            check=False,
        )
        os.close(follower)
        follower = -1
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once every writer has gone
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    return done.returncode, done.stdout.decode(), drawn.decode(errors="replace")


def test_a_long_run_on_a_terminal_draws_a_bar_and_clears_it(tmp_path: Path) -> None:
    _chapters(tmp_path, 12)
    status, out, err = _stderr_on_a_terminal("check", "--jobs", "1", ".", cwd=tmp_path)
    assert status == 1
    assert "/12 [" in err and "file" in err
    assert out.count("matress") == 12  # the report itself is untouched by the bar
    assert "\r" in err  # redrawn in place, then cleared (leave=False)


@pytest.mark.parametrize("option", [["--format", "json"], ["--quiet"]])
def test_machine_formats_and_quiet_runs_draw_no_bar(tmp_path: Path, option: list[str]) -> None:
    _chapters(tmp_path, 12)
    _status, _out, err = _stderr_on_a_terminal("check", *option, ".", cwd=tmp_path)
    assert "/12" not in err and "file/s" not in err


def test_a_short_run_draws_no_bar(tmp_path: Path) -> None:
    _chapters(tmp_path, 3)
    _status, _out, err = _stderr_on_a_terminal("check", ".", cwd=tmp_path)
    assert err == ""


def test_a_pipe_gets_no_bar(tmp_path: Path) -> None:
    _chapters(tmp_path, 12)
    done = run_cli("check", ".", cwd=tmp_path)
    assert done.stderr == ""
    assert done.stdout.count("matress") == 12
