"""The language server, driven over stdio by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from proselint_fic.server.positions import code_point_column, utf16_column


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "proselint_fic", "server"])
)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="book")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server publishes for ``uri``. (Waiting for "the next
    notification" races with a server that answers before the wait starts, so the test
    clears the client's record first and polls it.)"""
    for _ in range(400):
        if uri in client.diagnostics:
            return client.diagnostics[uri]
        await asyncio.sleep(0.025)
    raise AssertionError(f"no diagnostics published for {uri} within 10 s")


async def open_document(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    return await published(client, uri)


async def change(client: LanguageClient, path: Path, version: int, edit: types.TextEdit) -> None:
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
            ],
        )
    )
    await published(client, path.as_uri())


async def actions_for(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction | types.Command]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return list(found or [])  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_a_quick_fix_applied_clears_its_diagnostic(
    client: LanguageClient, tmp_path: Path
) -> None:
    story = tmp_path / "ch01.md"
    found = await open_document(client, story, "She sat on the the bench.\n")
    [doubled] = [d for d in found if d.code == "repetition.doubled-word"]
    actions = await actions_for(client, story, doubled)
    fix = next(a for a in actions if a.title.startswith("Replace with"))
    assert (
        isinstance(fix, types.CodeAction) and fix.edit is not None and fix.edit.changes is not None
    )
    [edit] = fix.edit.changes[story.as_uri()]
    await change(client, story, 2, edit)
    assert [
        d for d in client.diagnostics[story.as_uri()] if d.code == "repetition.doubled-word"
    ] == []


@pytest.mark.asyncio
async def test_adding_a_word_clears_its_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    story = tmp_path / "ch02.md"
    found = await open_document(client, story, "The glarvish light faded.\n")
    [typo] = [d for d in found if d.code == "typo.unknown-word"]
    actions = await actions_for(client, story, typo)
    add = next((a for a in actions if a.title.startswith("Add '")), None)
    assert add is not None, [a.title for a in actions]
    # (lsprotocol's client reads a code action that only carries a command as a Command,
    # so the test runs the command the action names with the arguments it is given.)
    client.diagnostics.pop(story.as_uri(), None)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(
            command="proselint-fic.addWord", arguments=[story.as_uri(), "glarvish"]
        )
    )
    assert [d for d in await published(client, story.as_uri()) if d.code == typo.code] == []
    assert (tmp_path / "proselint-fic-words.txt").read_text(encoding="utf-8").strip()


@pytest.mark.asyncio
async def test_disable_on_this_line_inserts_a_suppression(
    client: LanguageClient, tmp_path: Path
) -> None:
    story = tmp_path / "ch03.md"
    found = await open_document(client, story, "Intro.\n\nShe sat on the the bench.\n")
    [doubled] = [d for d in found if d.code == "repetition.doubled-word"]
    actions = await actions_for(client, story, doubled)
    disable = next(a for a in actions if a.title.startswith("Disable"))
    assert (
        isinstance(disable, types.CodeAction)
        and disable.edit is not None
        and disable.edit.changes is not None
    )
    [edit] = disable.edit.changes[story.as_uri()]
    assert "proselint-fic: disable-next-line repetition.doubled-word" in edit.new_text
    await change(client, story, 2, edit)
    assert [
        d for d in client.diagnostics[story.as_uri()] if d.code == "repetition.doubled-word"
    ] == []


@pytest.mark.asyncio
async def test_ranges_are_utf16_after_an_emoji(client: LanguageClient, tmp_path: Path) -> None:
    story = tmp_path / "ch04.md"
    found = await open_document(client, story, "🌊🌊 She sat on the the bench.\n")
    [doubled] = [d for d in found if d.code == "repetition.doubled-word"]
    # The finding covers "the the"; "🌊🌊 She sat on " before it is 14 code points and 16
    # UTF-16 units (each emoji is two).
    assert doubled.range.start == types.Position(line=0, character=16)
    assert doubled.range.end == types.Position(line=0, character=23)


@pytest.mark.asyncio
async def test_configuration_from_the_editor(client: LanguageClient, tmp_path: Path) -> None:
    story = tmp_path / "ch05.md"
    found = await open_document(client, story, "She sat on the the bench.\n")
    assert any(d.code == "repetition.doubled-word" for d in found)
    client.diagnostics.pop(story.as_uri(), None)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"proselint-fic": {"ignore": ["repetition"]}})
    )
    found = await published(client, story.as_uri())
    assert not any(d.code == "repetition.doubled-word" for d in found)


def test_columns_between_code_points_and_utf16() -> None:
    line = "a🌊b"
    assert utf16_column(line, 2) == 3
    assert code_point_column(line, 3) == 2
    assert utf16_column("plain", 3) == 3


def test_without_the_lsp_extra_the_server_says_how_to_install_it() -> None:
    import subprocess

    probe = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"  # as on an install without the [lsp] extra
        "from proselint_fic.cli import main\n"
        "raise SystemExit(main(['server']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], check=False, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "pip install 'proselint-fic[lsp]'" in done.stderr
    assert "Traceback" not in done.stderr
