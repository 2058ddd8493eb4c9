"""The project word file behind ``proselint-fic add-word``."""

from __future__ import annotations

from pathlib import Path

from proselint_fic.config import PYPROJECT, TOOL_FILE, find_config, load_settings

DEFAULT_WORD_FILE = "proselint-fic-words.txt"


class WordFileError(Exception):
    """No word file can be chosen or written; the message says what to do."""


def project_word_file(start: Path) -> Path:
    """The first ``word-files`` entry of the configuration that applies at ``start``.

    With no configuration at all, a ``.proselint-fic.toml`` naming
    ``proselint-fic-words.txt`` is created beside the working folder.
    """
    found = find_config(start)
    if found is None:
        from proselint_fic.fixes import write_atomically

        config = start / TOOL_FILE
        write_atomically(config, f'word-files = ["{DEFAULT_WORD_FILE}"]\n'.encode())
        return start / DEFAULT_WORD_FILE
    settings = load_settings(found)
    if not settings.word_files:
        table = "[tool.proselint-fic]" if found.name == PYPROJECT else "the top level"
        raise WordFileError(
            f'{found} names no word file: add word-files = ["{DEFAULT_WORD_FILE}"] under '
            f"{table}, or pass --file"
        )
    return settings.word_files[0]


def add_words_to_project(
    words: list[str], word_file: Path | None, *, start: Path | None = None
) -> tuple[Path, list[str]]:
    """Add ``words`` to ``word_file``, or to the project word file that the configuration
    at ``start`` (default: the working folder) names."""
    from proselint_fic.checks.spelling.project_words import add_words

    target = word_file or project_word_file(start or Path.cwd())
    cleaned = [w.strip() for w in words if w.strip() and not any(c.isspace() for c in w.strip())]
    if len(cleaned) != len(words):
        raise WordFileError("a word may not be empty or contain spaces")
    try:
        return target, add_words(target, cleaned)
    except OSError as error:
        raise WordFileError(f"cannot write {target}: {error}") from None
