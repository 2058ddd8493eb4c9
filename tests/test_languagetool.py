"""The LanguageTool back end, through the real language-tool-python client.

A fake server on the loopback interface answers LanguageTool's documented HTTP protocol
(``GET /v2/languages``, ``POST /v2/check`` with form data) from the phrases in
``data/languagetool/matches.json``, so the client code, the offsets (UTF-16 on the wire)
and the filtering run exactly as they would against a real server.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("language_tool_python")

from helpers import run_cli
from proselint_fic import Linter, RuleMeta
from proselint_fic.checks.languagetool import client as lt_client
from proselint_fic.checks.languagetool.client import chunks
from proselint_fic.checks.languagetool.mapping import DEFAULT_DISABLED
from proselint_fic.config import LANGUAGETOOL_URL_VARIABLE

FIXTURE = json.loads(
    (Path(__file__).parent / "data" / "languagetool" / "matches.json").read_text("utf-8")
)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _answer(text: str, disabled: set[str]) -> dict[str, Any]:
    matches = []
    for phrase in FIXTURE["phrases"]:
        if phrase["rule"] in disabled:
            continue
        start = text.find(phrase["find"])
        while start != -1:
            offset = _utf16_length(text[:start])
            length = _utf16_length(phrase["find"])
            matches.append(
                {
                    "message": phrase["message"],
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in phrase["replacements"]],
                    "offset": offset,
                    "length": length,
                    "context": {"text": text, "offset": offset, "length": length},
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": phrase["rule"],
                        "description": phrase["message"],
                        "issueType": phrase["issueType"],
                        "category": {"id": phrase["category"], "name": phrase["category"]},
                    },
                }
            )
            start = text.find(phrase["find"], start + 1)
    matches.sort(key=lambda m: m["offset"])
    return {"software": {"name": "LanguageTool", "version": "6.5"}, "matches": matches}


class FakeLanguageTool(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.delay = delay
        self.requests: list[tuple[str, dict[str, str]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        self.server.requests.append((path, {}))
        if path == "/v2/languages":
            self._send(FIXTURE["languages"])
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
        path = urllib.parse.urlparse(self.path).path
        self.server.requests.append((path, form))
        if path != "/v2/check":
            self.send_error(404)
            return
        time.sleep(self.server.delay)
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        self._send(_answer(form["text"], disabled))

    def _send(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _serve(delay: float = 0.0) -> Iterator[FakeLanguageTool]:
    server = FakeLanguageTool(delay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    lt_client._clients.clear()
    lt_client._down_until.clear()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        lt_client._clients.clear()
        lt_client._down_until.clear()


@pytest.fixture
def server() -> Iterator[FakeLanguageTool]:
    yield from _serve()


def _config(folder: Path, url: str, extra: str = "") -> Path:
    config = folder / ".proselint-fic.toml"
    config.write_text(f'[languagetool]\nurl = "{url}"\ntimeout = 2\n{extra}', encoding="utf-8")
    return config


def _lt(linter: Linter, text: str) -> list[tuple[str, str]]:
    return [
        (d.rule, text[d.start : d.end])
        for d in linter.lint_text(text)
        if d.rule.startswith("languagetool.")
    ]


def _linter(folder: Path, url: str, extra: str = "") -> Linter:
    return Linter(config=_config(folder, url, extra), entry_points=False)


_METAS = [m for m in Linter(discover_config=False, entry_points=False).rules if m.service]


def test_there_is_one_rule_per_category_and_they_name_their_service() -> None:
    assert sorted(m.id for m in _METAS) == [
        "languagetool.grammar",
        "languagetool.punctuation",
        "languagetool.style",
        "languagetool.typo",
    ]
    assert all(m.service == "languagetool" for m in _METAS)


@pytest.mark.parametrize("meta", _METAS, ids=lambda m: m.id)
def test_each_rule_flags_and_leaves_alone_its_examples(
    meta: RuleMeta, server: FakeLanguageTool, tmp_path: Path
) -> None:
    linter = _linter(tmp_path, server.url)
    for text in meta.flags:
        assert meta.id in {rule for rule, _ in _lt(linter, text)}, text
    for text in meta.passes:
        assert meta.id not in {rule for rule, _ in _lt(linter, text)}, text


def test_matches_map_to_our_categories_with_replacements_and_the_rule_named(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    text = "He walked acros the field. She was not use to it. They returned back home.\n"
    found = {d.rule: d for d in _linter(tmp_path, server.url).lint_text(text)}
    typo = found["languagetool.typo"]
    assert text[typo.start : typo.end] == "acros"
    assert typo.replacements == ("across", "acres")
    assert typo.category == "typo" and "MORFOLOGIK_RULE_EN_US" in typo.message
    assert found["languagetool.grammar"].replacements == ("used to",)
    assert found["languagetool.style"].severity.value == "info"


def test_offsets_survive_characters_outside_the_basic_plane(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    text = "😀😀 A note: he walked acros the field.\n"
    assert _lt(_linter(tmp_path, server.url), text) == [("languagetool.typo", "acros")]


def test_the_storys_names_coinages_and_project_words_are_not_typos(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    text = (
        "Daven Holloway walked acros the glimmerwood. Later Daven came back through the "
        "glimmerwood alone.\n"
    )
    assert _lt(_linter(tmp_path, server.url), text) == [("languagetool.typo", "acros")]
    (tmp_path / "project.toml").write_text(
        f'words = ["acros"]\n[languagetool]\nurl = "{server.url}"\n', encoding="utf-8"
    )
    project = Linter(config=tmp_path / "project.toml", entry_points=False)
    assert _lt(project, text) == []


def test_grammar_inside_dialogue_is_the_characters_own(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    linter = _linter(tmp_path, server.url)
    assert _lt(linter, '"Me and him is going," Tam said.\n') == []
    flagged = _lt(linter, "Me and him is going to the fair.\n")
    assert flagged == [("languagetool.grammar", "is going")]


def test_rules_hostile_to_fiction_are_off_and_a_configuration_can_turn_one_on(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    text = '"Wait," she said.  It was cold , and late.\n'
    assert _lt(_linter(tmp_path, server.url), text) == []
    sent = [form for path, form in server.requests if path == "/v2/check"][-1]
    assert set(sent["disabledRules"].split(",")) == DEFAULT_DISABLED
    assert sent["language"] == "en-US"
    enabled = _linter(tmp_path, server.url, 'enabled-rules = ["WHITESPACE_RULE"]\n')
    assert _lt(enabled, text) == [("languagetool.punctuation", "  ")]


def test_without_a_url_nothing_is_asked(server: FakeLanguageTool, tmp_path: Path) -> None:
    linter = Linter(discover_config=False, entry_points=False)
    assert _lt(linter, "He walked acros the field.\n") == []
    assert server.requests == []


def test_the_environment_variable_names_the_server(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("He walked acros the field.\n", encoding="utf-8")
    done = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "languagetool",
        "story.txt",
        cwd=tmp_path,
        env={LANGUAGETOOL_URL_VARIABLE: server.url},
    )
    rules = [d["rule"] for d in json.loads(done.stdout)["diagnostics"]]
    assert rules == ["languagetool.typo"], done.stderr


def test_a_server_that_is_down_costs_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    closed = FakeLanguageTool()
    url = closed.url
    closed.server_close()
    _config(tmp_path, url)
    story = tmp_path / "story.txt"
    story.write_text("And then.he walked acros the field.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("She was not use to it.\n", encoding="utf-8")
    done = run_cli(
        "check", "--format", "json", "--jobs", "1", "story.txt", "other.txt", cwd=tmp_path
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "LanguageTool" in line]
    assert len(lines) == 1 and url in lines[0] and "linting without it" in lines[0]
    rules = {d["rule"] for d in json.loads(done.stdout)["diagnostics"]}
    assert "ellipsis.glued-lowercase" in rules
    assert not any(rule.startswith("languagetool.") for rule in rules)


def test_a_slow_server_hits_the_time_limit(tmp_path: Path) -> None:
    for slow in _serve(delay=5.0):
        (tmp_path / ".proselint-fic.toml").write_text(
            f'[languagetool]\nurl = "{slow.url}"\ntimeout = 0.5\n', encoding="utf-8"
        )
        linter = Linter(config=tmp_path / ".proselint-fic.toml", entry_points=False)
        began = time.monotonic()
        found = linter.lint_text("And then.he walked acros the field.\n")
        assert time.monotonic() - began < 4.0
        assert [d.rule for d in found] == ["ellipsis.glued-lowercase", "typo.unknown-word"]


def test_constructing_the_back_end_downloads_and_starts_nothing(
    server: FakeLanguageTool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    import language_tool_python.download_lt as download
    import language_tool_python.server as lt_server

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("LanguageTool tried to download or start a server")

    monkeypatch.setattr(download, "download_lt", refuse, raising=False)
    monkeypatch.setattr(lt_server, "LocalLanguageTool", refuse)
    monkeypatch.setattr(lt_server.LanguageTool, "_start_local_server", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert _lt(_linter(tmp_path, server.url), "He walked acros the field.\n")
    assert {path for path, _ in server.requests} == {"/v2/languages", "/v2/check"}


def test_long_texts_go_in_chunks_that_end_at_paragraphs(
    server: FakeLanguageTool, tmp_path: Path
) -> None:
    paragraph = "The tide came in over the flats and the gulls rose. " * 8
    text = "\n\n".join([paragraph] * 120) + "\nHe walked acros the field.\n"
    pieces = list(chunks(text))
    assert len(pieces) > 1
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[start : start + len(piece)] == piece for start, piece in pieces)
    assert all(piece.endswith("\n") for _, piece in pieces[:-1])
    found = _lt(_linter(tmp_path, server.url), text)
    assert found == [("languagetool.typo", "acros")]


def test_a_bad_url_in_the_configuration_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".proselint-fic.toml").write_text('[languagetool]\nurl = "localhost:8081"\n')
    (tmp_path / "story.txt").write_text("Some text.\n")
    done = run_cli("check", "story.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "languagetool" in done.stderr and "http://" in done.stderr
    assert "Traceback" not in done.stderr
