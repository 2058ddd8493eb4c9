"""Talking to the writer's own LanguageTool server through language-tool-python.

Nothing is downloaded or started: the client is always built with ``remote_server``, so
language-tool-python only sends HTTP requests to the configured URL. Every request has a
time limit. A server that does not answer costs one line on standard error and the run
goes on without it; it is asked again only after a pause, so an editor session recovers
when the server comes up without paying a time-out on every keystroke.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from proselint_fic.document import LanguageToolOptions

# LanguageTool's own servers refuse texts above some tens of thousands of characters, and
# a long request risks the time limit; paragraphs are sent in chunks of about this size.
CHUNK_CHARS = 20_000
# Seconds before a server that did not answer is tried again.
RETRY_AFTER = 30.0


@dataclass(frozen=True, slots=True)
class RemoteMatch:
    """One LanguageTool match, offsets in code points of the text that was checked."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


class ServerUnavailableError(Exception):
    """The server could not be reached or did not answer in time."""


_clients: dict[LanguageToolOptions, Any] = {}
_down_until: dict[str, float] = {}


def check_text(text: str, options: LanguageToolOptions) -> list[RemoteMatch] | None:
    """LanguageTool's matches for ``text``, or ``None`` when the server is unavailable
    (reported once on standard error)."""
    if _down_until.get(options.url, 0.0) > time.monotonic():
        return None
    try:
        client = _client(options)
        found: list[RemoteMatch] = []
        for offset, chunk in chunks(text):
            found.extend(_shifted(client.check(chunk), offset))
    except ServerUnavailableError as error:
        _down_until[options.url] = time.monotonic() + RETRY_AFTER
        _clients.pop(options, None)
        print(
            f"proselint-fic: LanguageTool at {options.url} is not answering ({error}); "
            "linting without it",
            file=sys.stderr,
        )
        return None
    return found


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of about ``size`` characters, each ending after a blank line (or
    a line end, for one huge paragraph) so that no sentence is cut in two."""
    start = 0
    while start < len(text):
        if len(text) - start <= size:
            yield start, text[start:]
            return
        cut = text.rfind("\n\n", start, start + size)
        if cut <= start:
            cut = text.rfind("\n", start, start + size)
        end = cut + 1 if cut > start else start + size
        yield start, text[start:end]
        start = end


def _client(options: LanguageToolOptions) -> Any:
    client = _clients.get(options)
    if client is None:
        client = _clients[options] = _connect(options)
    return _Guarded(client)


def _connect(options: LanguageToolOptions) -> Any:
    try:
        import language_tool_python
        from language_tool_python.exceptions import LanguageToolError
    except ImportError:
        raise ServerUnavailableError(
            "language-tool-python is not installed: pip install 'proselint-fic[languagetool]'"
        ) from None

    class TimedLanguageTool(language_tool_python.LanguageTool):
        # language-tool-python reads its request time limit from this class attribute
        # and offers no setting for it.
        _TIMEOUT = options.timeout  # type: ignore[assignment]

    try:
        tool = TimedLanguageTool(options.language, remote_server=options.url)
    except (LanguageToolError, OSError, ValueError) as error:
        raise ServerUnavailableError(_reason(error)) from None
    tool.disabled_rules = set(options.disabled_rules)
    return tool


class _Guarded:
    """A client whose failures all become :class:`ServerUnavailableError`."""

    def __init__(self, tool: Any) -> None:
        self._tool = tool

    def check(self, text: str) -> list[Any]:
        from language_tool_python.exceptions import LanguageToolError

        try:
            return list(self._tool.check(text))
        except (LanguageToolError, OSError, KeyError, ValueError) as error:
            raise ServerUnavailableError(_reason(error)) from None


def _shifted(matches: list[Any], offset: int) -> Iterator[RemoteMatch]:
    for match in matches:
        start = offset + int(match.offset)
        yield RemoteMatch(
            start=start,
            end=start + int(match.error_length),
            rule_id=str(match.rule_id),
            category=str(match.category),
            issue_type=str(match.rule_issue_type or ""),
            message=str(match.message),
            replacements=tuple(str(r) for r in match.replacements),
        )


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "..."
