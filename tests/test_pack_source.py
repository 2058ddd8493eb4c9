"""The shipped packs' compiled copies: current, read only when they match their TOML."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from helpers import script_is_current
from proselint_fic.pack_source import (
    UnreadablePackError,
    compile_pack,
    compiled_copy,
    parse_toml,
    read_tables,
)
from proselint_fic.resources import rules_dir

PACK = '[[rule]]\nid = "style.demo"\npattern = "\\\\bvery\\\\b"\n'


def test_every_shipped_pack_has_a_current_compiled_copy() -> None:
    done = script_is_current("compile_packs.py")
    assert done.returncode == 0, done.stderr
    for pack in rules_dir().glob("*.toml"):
        copy = compiled_copy(pack)
        assert copy is not None and copy.exists()
        expected = tomllib.loads(pack.read_text(encoding="utf-8"))
        assert read_tables(pack, copy) == expected


def test_a_copy_made_from_other_bytes_is_ignored(tmp_path: Path) -> None:
    pack = tmp_path / "demo.toml"
    pack.write_text(PACK, encoding="utf-8")
    copy = tmp_path / "demo.json"
    copy.write_text(compile_pack(PACK.encode()), encoding="utf-8")
    assert read_tables(pack, copy)["rule"][0]["id"] == "style.demo"
    # The pack is edited after the copy was made: the copy must not be read.
    pack.write_text(PACK.replace("demo", "edited"), encoding="utf-8")
    assert read_tables(pack, copy)["rule"][0]["id"] == "style.edited"
    # A damaged copy is as good as none.
    copy.write_text("{not json", encoding="utf-8")
    assert read_tables(pack, copy)["rule"][0]["id"] == "style.edited"
    tables = json.loads(compile_pack(pack.read_bytes()))
    assert tables["tables"] == parse_toml(pack.read_bytes())


def test_only_shipped_packs_have_a_compiled_copy(tmp_path: Path) -> None:
    assert compiled_copy(tmp_path / "ellipsis.toml") is None
    assert compiled_copy(rules_dir() / "ellipsis.toml") is not None


def test_line_endings_do_not_change_what_a_pack_says(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.toml"
    crlf.write_bytes(PACK.replace("\n", "\r\n").encode())
    assert read_tables(crlf) == parse_toml(PACK.encode())


def test_an_unreadable_pack_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[rule]\nid =", encoding="utf-8")
    with pytest.raises(UnreadablePackError):
        read_tables(broken)
    with pytest.raises(UnreadablePackError):
        read_tables(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00rule")
    with pytest.raises(UnreadablePackError):
        read_tables(binary)
