"""Configuration: finding it, reading it, and refusing what it cannot mean.

Settings live in ``[tool.proselint-fic]`` of a ``pyproject.toml`` or at the top level of a
``.proselint-fic.toml``. The nearest such file above a linted path applies to it; an
explicit ``--config`` applies to every path. Relative paths and globs in a file are taken
relative to the folder that holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast, get_args

from proselint_fic.diagnostic import Severity

if TYPE_CHECKING:
    import pathspec
from proselint_fic.document import Dialect, Tense

TOOL_FILE = ".proselint-fic.toml"
PYPROJECT = "pyproject.toml"
_DIALECTS: tuple[str, ...] = get_args(Dialect)
_TENSES: tuple[str, ...] = get_args(Tense)
# Seconds one rule may spend on one file; the whole default set lints a novel in well
# under a second, so only a rule that is stuck comes near it.
DEFAULT_RULE_TIMEOUT = 10.0
_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "severity",
    "per-file-ignores",
    "dialect",
    "words",
    "word-files",
    "tense",
    "exclude",
    "rule-timeout",
    "languagetool",
}
_LANGUAGETOOL_KEYS = {"url", "language", "timeout", "disabled-rules", "enabled-rules"}
# Seconds one LanguageTool request may take before the run goes on without it.
DEFAULT_LANGUAGETOOL_TIMEOUT = 10.0
LANGUAGETOOL_URL_VARIABLE = "PROSELINT_FIC_LANGUAGETOOL_URL"


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


class LanguageToolSettings(NamedTuple):
    """The ``[languagetool]`` table: the writer's own server, if any (docs/languagetool.md)."""

    url: str | None = None
    language: str | None = None
    timeout: float = DEFAULT_LANGUAGETOOL_TIMEOUT
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()

    def server_url(self, environment: Mapping[str, str]) -> str | None:
        """The configured URL; the environment variable wins, so one machine's server can
        be named without editing a shared configuration."""
        return environment.get(LANGUAGETOOL_URL_VARIABLE) or self.url


@dataclass(frozen=True)
class Settings:
    """One configuration file's settings, validated (or the defaults, with no file)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    dialect: Dialect = "en-US"
    words: frozenset[str] = frozenset()
    word_files: tuple[Path, ...] = ()
    tense: tuple[tuple[str, Tense], ...] = ()
    exclude: tuple[str, ...] = ()
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)

    def where(self, key: str) -> str:
        return f"{self.path or 'command line'}: {key}"

    def ignored_for(self, file: Path | None) -> tuple[str, ...]:
        """Selectors that ``per-file-ignores`` switches off for ``file``."""
        relative = self._relative(file)
        if relative is None:
            return ()
        return tuple(
            selector
            for glob, selectors in self.per_file_ignores
            if _glob_matches(glob, relative)
            for selector in selectors
        )

    def tense_for(self, file: Path | None) -> Tense | None:
        """The narrative tense pinned for ``file``: the last matching glob wins."""
        relative = self._relative(file)
        pinned: Tense | None = None
        if relative is not None:
            for glob, tense in self.tense:
                if _glob_matches(glob, relative):
                    pinned = tense
        return pinned

    def excludes(self, file: Path) -> bool:
        relative = self._relative(file)
        return relative is not None and any(_glob_matches(g, relative) for g in self.exclude)

    def _relative(self, file: Path | None) -> str | None:
        if file is None:
            return None
        try:
            return file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return file.as_posix()


@cache
def _spec(glob: str) -> pathspec.GitIgnoreSpec:
    import pathspec  # only when a configuration holds globs: start-up time matters

    return pathspec.GitIgnoreSpec.from_lines([glob])


def _glob_matches(glob: str, relative: str) -> bool:
    return bool(_spec(glob).match_file(relative))


def find_config(start: Path) -> Path | None:
    """The nearest ``.proselint-fic.toml`` (or ``pyproject.toml`` with our table) above."""
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder.resolve(), *folder.resolve().parents):
        tool_file = candidate_dir / TOOL_FILE
        if tool_file.is_file():
            return tool_file
        pyproject = candidate_dir / PYPROJECT
        if pyproject.is_file() and _has_our_table(pyproject):
            return pyproject
    return None


def _has_our_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.proselint-fic" in text


def load_settings(path: Path) -> Settings:
    """Read and validate one configuration file."""
    import tomllib  # here: most runs find no configuration file and never need it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("proselint-fic", {}) if path.name == PYPROJECT else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.proselint-fic] must be a table")
    return settings_from_table(cast("dict[str, Any]", table), path)


def settings_from_table(table: dict[str, Any], path: Path) -> Settings:
    prefix = "tool.proselint-fic." if path.name == PYPROJECT else ""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise ConfigError(f"{path}: unknown key '{prefix}{unknown[0]}' (known keys: {known})")
    root = path.parent
    settings = Settings(path=path, root=root)

    def where(key: str) -> str:
        return f"{path}: key '{prefix}{key}'"

    word_files = tuple(root / f for f in _string_list(table, "word-files", where))
    words = set(_string_list(table, "words", where))
    for word_file in word_files:
        words.update(read_word_file(word_file, where("word-files")))
    select = _string_list(table, "select", where) if "select" in table else None
    return replace(
        settings,
        select=select,
        extend_select=_string_list(table, "extend-select", where),
        ignore=_string_list(table, "ignore", where),
        severity=_severities(table, where),
        per_file_ignores=_per_file_ignores(table, where),
        dialect=cast(Dialect, _choice(table, "dialect", _DIALECTS, "en-US", where)),
        words=frozenset(words),
        word_files=word_files,
        tense=_tenses(table, where),
        exclude=_string_list(table, "exclude", where),
        rule_timeout=_positive_seconds(table, "rule-timeout", where),
        languagetool=_languagetool(table, where),
    )


def read_word_file(path: Path, where: str = "word-files") -> list[str]:
    """Words from a project word file: one a line, ``#`` starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{where}: word file {path} not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{where}: cannot read word file {path}: {error}") from None
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [word for word in words if word]


def _string_list(table: dict[str, Any], key: str, where: Any) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where(key)} must be a list of strings, not {value!r}")
    return tuple(value)


def _choice(
    table: dict[str, Any], key: str, allowed: tuple[str, ...], default: str, where: Any
) -> str:
    value = table.get(key, default)
    if value not in allowed:
        raise ConfigError(f"{where(key)}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _table(table: dict[str, Any], key: str, where: Any) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where(key)} must be a table")
    return cast("dict[str, Any]", value)


def _severities(table: dict[str, Any], where: Any) -> tuple[tuple[str, Severity], ...]:
    pairs: list[tuple[str, Severity]] = []
    for rule, level in _table(table, "severity", where).items():
        try:
            pairs.append((rule, Severity.parse(str(level))))
        except ValueError as error:
            raise ConfigError(f"{where('severity')}.{rule}: {error}") from None
    return tuple(pairs)


def _per_file_ignores(table: dict[str, Any], where: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    entries = _table(table, "per-file-ignores", where)
    return tuple(
        (glob, _string_list(entries, glob, lambda k: f"{where('per-file-ignores')}.{k}"))
        for glob in entries
    )


def _tenses(table: dict[str, Any], where: Any) -> tuple[tuple[str, Tense], ...]:
    pins: list[tuple[str, Tense]] = []
    for glob, tense in _table(table, "tense", where).items():
        if tense not in _TENSES:
            raise ConfigError(
                f"{where('tense')}.{glob}: {tense!r} is not one of {', '.join(_TENSES)}"
            )
        pins.append((glob, cast(Tense, tense)))
    return tuple(pins)


def _languagetool(table: dict[str, Any], where: Any) -> LanguageToolSettings:
    entries = _table(table, "languagetool", where)
    unknown = sorted(set(entries) - _LANGUAGETOOL_KEYS)
    if unknown:
        known = ", ".join(sorted(_LANGUAGETOOL_KEYS))
        raise ConfigError(f"{where('languagetool')}: unknown key '{unknown[0]}' (known: {known})")

    def inner(key: str) -> str:
        return f"{where('languagetool')}.{key}"

    url = entries.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise ConfigError(f"{inner('url')} must be an http:// or https:// URL, not {url!r}")
    language = entries.get("language")
    if language is not None and not isinstance(language, str):
        raise ConfigError(f"{inner('language')} must be a language code such as 'en-GB'")
    return LanguageToolSettings(
        url=url,
        language=language,
        timeout=_positive_seconds(entries, "timeout", inner, DEFAULT_LANGUAGETOOL_TIMEOUT),
        disabled_rules=_string_list(entries, "disabled-rules", inner),
        enabled_rules=_string_list(entries, "enabled-rules", inner),
    )


def _positive_seconds(
    table: dict[str, Any], key: str, where: Any, default: float = DEFAULT_RULE_TIMEOUT
) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigError(f"{where(key)} must be a positive number of seconds, not {value!r}")
    return float(value)
