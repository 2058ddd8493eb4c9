"""The disk cache of compiled patterns: used when sound, ignored when not, never trusted."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from helpers import run_cli

STORY = "And then.he left. She waited , and waited.\n"


def _check(tmp_path: Path, cache: Path, **extra: str) -> tuple[int, str, str]:
    (tmp_path / "ch1.txt").write_text(STORY, encoding="utf-8")
    env = {"PROSELINT_FIC_CACHE_DIR": str(cache), **extra}
    done = run_cli("check", "ch1.txt", cwd=tmp_path, env=env)
    return done.returncode, done.stdout, done.stderr


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("regex-*.bin")) if cache.is_dir() else []


def test_first_run_fills_the_cache_and_later_runs_agree(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _check(tmp_path, cache)
    assert first[0] == 1 and "ellipsis.glued-lowercase" in first[1]
    files = _cache_files(cache)
    assert len(files) == 1
    entries = pickle.loads(files[0].read_bytes())
    assert len(entries) > 10
    assert _check(tmp_path, cache) == first


def test_a_corrupt_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _check(tmp_path, cache)
    (file,) = _cache_files(cache)
    file.write_bytes(b"\x00garbage" * 100)
    assert _check(tmp_path, cache) == expected
    assert isinstance(pickle.loads(file.read_bytes()), dict)


def test_damaged_entries_are_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _check(tmp_path, cache)
    (file,) = _cache_files(cache)
    entries = pickle.loads(file.read_bytes())
    file.write_bytes(pickle.dumps({key: value[:-7] for key, value in entries.items()}))
    assert _check(tmp_path, cache) == expected


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (os.mkdir, ("planted-by-cache",))


def test_a_cache_entry_cannot_run_code(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _check(tmp_path, cache)
    (file,) = _cache_files(cache)
    entries = pickle.loads(file.read_bytes())
    hostile = pickle.dumps(_Planted())
    file.write_bytes(pickle.dumps(dict.fromkeys(entries, hostile)))
    assert _check(tmp_path, cache) == expected
    assert not (tmp_path / "planted-by-cache").exists()


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, out, _ = _check(tmp_path, cache, PROSELINT_FIC_NO_CACHE="1")
    assert code == 1 and "ellipsis.glued-lowercase" in out
    assert not cache.exists()


@pytest.mark.skipif(os.name == "nt", reason="a file in place of the folder is enough here")
def test_an_unwritable_cache_place_is_harmless(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = _check(tmp_path, blocker / "cache")
    assert code == 1 and "ellipsis.glued-lowercase" in out
    assert "Traceback" not in err and err == ""


def test_a_hostile_cache_table_cannot_run_code(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _check(tmp_path, cache)
    (file,) = _cache_files(cache)
    file.write_bytes(pickle.dumps(_Planted()))
    assert _check(tmp_path, cache) == expected
    assert not (tmp_path / "planted-by-cache").exists()


def test_a_swollen_cache_is_cut_to_what_runs_use(tmp_path: Path) -> None:
    # Patterns of old releases and old pack edits must not pile up: reading them is what
    # a cold run pays for the cache.
    import regex

    cache = tmp_path / "cache"
    expected = _check(tmp_path, cache)
    (file,) = _cache_files(cache)
    used = pickle.loads(file.read_bytes())
    stale = {
        f"0\0stale pattern {n} " + "x" * 2000: pickle.dumps(regex.compile(f"stale{n}" + "y" * 500))
        for n in range(2000)
    }
    file.write_bytes(pickle.dumps({**stale, **used}))
    assert file.stat().st_size > 4_000_000
    assert _check(tmp_path, cache) == expected
    kept = pickle.loads(file.read_bytes())
    assert file.stat().st_size < 600_000
    assert set(used) <= set(kept)
    assert _check(tmp_path, cache) == expected


_PATTERN_SOURCES = """
import importlib, pkgutil, sys
import proselint_fic
from proselint_fic.patterns import LazyPattern
sources = []
for info in pkgutil.walk_packages(proselint_fic.__path__, "proselint_fic."):
    if info.name.endswith(("server", "languagetool_client", "distributed", "__main__")):
        continue
    module = importlib.import_module(info.name)
    for name, value in sorted(vars(module).items()):
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, LazyPattern):
                sources.append(f"{info.name}.{name}={item.source}")
            elif isinstance(item, str) and name.isupper() and "(?" in item:
                sources.append(f"{info.name}.{name}={item}")
print(len(sources))
print("\\n".join(sources))
"""


def test_patterns_are_the_same_in_every_process() -> None:
    """A pattern built from a set in its iteration order differs from run to run (string
    hashing is randomised), so the disk cache never finds it and every cold start
    compiles it again: each pattern must be built in a stable order."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _PATTERN_SOURCES],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert int(outputs[0].split("\n", 1)[0]) > 50  # the walk found the rules' patterns
    assert outputs[0] == outputs[1]
