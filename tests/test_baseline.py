"""`check --baseline FILE` and `--update-baseline`: accepted findings stay quiet."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

CHAPTER = "He sat on the the bench.\nIt was to late to go back.\n"


def test_only_new_findings_are_reported_after_edits(tmp_path: Path) -> None:
    story = tmp_path / "ch01.txt"
    story.write_text(CHAPTER, encoding="utf-8")
    record = tmp_path / "baseline.json"
    done = run_cli(
        "check", "--baseline", str(record), "--update-baseline", "ch01.txt", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "Recorded 2 finding(s)" in done.stderr
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]["ch01.txt"]) == 2

    assert run_cli("check", "--baseline", str(record), "ch01.txt", cwd=tmp_path).returncode == 0
    # Lines added above move every finding; only the new slip is reported.
    story.write_text("A new first line with teh slip.\n\n" + CHAPTER, encoding="utf-8")
    done = run_cli("check", "--baseline", str(record), "ch01.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert (
        "teh" in done.stdout
        and "doubled-word" not in done.stdout
        and "to-for-too" not in done.stdout
    )


def test_a_second_identical_finding_is_new(tmp_path: Path) -> None:
    story = tmp_path / "ch01.txt"
    story.write_text("He sat on the the bench.\n", encoding="utf-8")
    record = tmp_path / "baseline.json"
    run_cli("check", "--baseline", str(record), "--update-baseline", "ch01.txt", cwd=tmp_path)
    story.write_text("He sat on the the bench.\n\nHe sat on the the bench.\n", encoding="utf-8")
    done = run_cli("check", "--baseline", str(record), "ch01.txt", cwd=tmp_path)
    assert done.stdout.count("repetition.doubled-word") == 1
    assert "ch01.txt:3:" in done.stdout


def test_bad_baselines_are_clear_errors(tmp_path: Path) -> None:
    story = tmp_path / "ch01.txt"
    story.write_text(CHAPTER, encoding="utf-8")
    done = run_cli("check", "--baseline", "missing.json", "ch01.txt", cwd=tmp_path)
    assert done.returncode == 2 and "--update-baseline" in done.stderr
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    done = run_cli("check", "--baseline", "broken.json", "ch01.txt", cwd=tmp_path)
    assert done.returncode == 2 and "not a readable baseline" in done.stderr
    assert "Traceback" not in done.stderr
    done = run_cli("check", "--update-baseline", "ch01.txt", cwd=tmp_path)
    assert done.returncode == 2 and "needs --baseline" in done.stderr
