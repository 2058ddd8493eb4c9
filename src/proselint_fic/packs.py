"""Declarative rule packs: TOML files under ``rules/`` that become rule objects.

A pack holds ``[[rule]]`` tables. Two kinds of rule can be written without code:

``kind = "pattern"``
    A regular expression (the ``regex`` module's syntax). The whole match, or the named
    group ``flag`` when present, is flagged. ``unless`` lists patterns that cancel a match
    when they match a stretch of text around it that covers the flagged span;
    ``unless_dialogue`` does the same only inside dialogue; ``unless_before_emphasis =
    true`` leaves a match alone when the next word is in italics (an unspoken thought or a
    text message, which may open in lowercase); ``unless_message = true`` leaves alone
    every match inside a text message or chat line (``Dad: see u soon. love u``), whose
    register has its own rules. ``replacement`` is a template:
    ``{ellipsis}`` and ``{dash}`` are the document's own ellipsis and dash, ``{match}`` the
    flagged text, ``{capitalised}`` the same with a capital first letter, ``{space}`` a
    space when the flagged text is glued to the next word, and ``{name}`` any named group.

``kind = "substitution"``
    A table of wrong phrase -> right phrase (``[rule.swap]``), matched as whole words,
    case-insensitively by default; the fix keeps the writer's capitalisation. A value may
    be a table ``{ fix = "...", source = "..." }`` to cite where the right form comes from.

A pack may name reusable sub-patterns in ``[pack.define]`` (``abbreviation = "..."``);
every pattern of the pack can then use one as ``(?&abbreviation)``.

Every rule carries ``flag`` (texts it must flag) and ``pass`` (texts it must leave alone),
and optionally ``[[rule.fix]]`` pairs of ``before``/``after``; the test suite runs them.
``fix_safety = "safe"`` lets ``check --fix`` apply the rule's fix without asking (the
default, ``"unsafe"``, needs ``--unsafe-fixes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import regex

from proselint_fic.budget import seconds_left
from proselint_fic.diagnostic import Category, Severity
from proselint_fic.document.words import phrase_pattern
from proselint_fic.pack_source import UnreadablePackError, compiled_copy, read_tables
from proselint_fic.patterns import IGNORECASE, MULTILINE, MatchObject, Pattern, compile_pattern
from proselint_fic.rule import FixExample, FixSafety, Locality, Match, RuleMeta, Scope
from proselint_fic.text_case import match_case

if TYPE_CHECKING:
    from proselint_fic.document import Document

_UNLESS_WINDOW = 80
_COMMON_KEYS = {
    "id",
    "locality",
    "kind",
    "category",
    "severity",
    "scope",
    "summary",
    "message",
    "docs",
    "flag",
    "pass",
    "fix",
    "enabled",
    "source",
    "fix_safety",
}
_KIND_KEYS = {
    "pattern": {
        "pattern",
        "ignorecase",
        "unless",
        "unless_dialogue",
        "unless_before_emphasis",
        "unless_message",
        "replacement",
    },
    "substitution": {"swap", "ignorecase", "unless"},
}


class PackError(ValueError):
    """A pack file that cannot be turned into rules; the message names file and rule."""


@dataclass(frozen=True)
class PatternRule:
    """A rule that is one regular expression plus exceptions."""

    meta: RuleMeta
    pattern: str
    ignorecase: bool = False
    unless: tuple[str, ...] = ()
    unless_dialogue: tuple[str, ...] = ()
    unless_before_emphasis: bool = False
    unless_message: bool = False
    replacement: str | None = None
    # Patterns of a plugin's pack run on ``regex`` with the rule's time left as a timeout.
    guarded: bool = False

    @cached_property
    def _compiled(self) -> Pattern:
        return _compile(self.pattern, self.ignorecase, self.guarded)

    @cached_property
    def _unless(self) -> tuple[Pattern, ...]:
        return tuple(_compile(p, self.ignorecase, self.guarded) for p in self.unless)

    @cached_property
    def _unless_dialogue(self) -> tuple[Pattern, ...]:
        return tuple(_compile(p, self.ignorecase, self.guarded) for p in self.unless_dialogue)

    def check(self, document: Document) -> Iterator[Match]:
        text = document.text
        for found in _finditer(self._compiled, text):
            start, end = found.span("flag") if "flag" in found.re.groupindex else found.span()
            if start < 0 or _cancelled(self._unless, text, start, end):
                continue
            if (
                self._unless_dialogue
                and document.in_dialogue(start)
                and _cancelled(self._unless_dialogue, text, start, end)
            ):
                continue
            if self.unless_before_emphasis and _next_word_emphasised(document, end):
                continue
            if self.unless_message and document.in_message(start):
                continue
            yield Match(
                start, end, replacements=self._replacements(found, text[start:end], document)
            )

    def _replacements(
        self, found: MatchObject, flagged: str, document: Document
    ) -> tuple[str, ...]:
        if self.replacement is None:
            return ()
        # A group that took no part in the match stands for nothing.
        groups = {k: v or "" for k, v in found.groupdict().items()}
        style = document.style
        end = found.end("flag") if "flag" in found.re.groupindex else found.end()
        following = document.text[end : end + 1]
        values = {
            **groups,
            "match": flagged,
            "capitalised": flagged[:1].upper() + flagged[1:],
            "ellipsis": style.ellipsis,
            "dash": style.dash,
            # A space, when the flagged text is glued to the word that follows it.
            "space": " " if following and (following.isalnum() or following in "\"'“‘") else "",
        }
        return (self.replacement.format_map(values),)


@dataclass(frozen=True)
class SubstitutionRule:
    """A rule that is a table of wrong phrases and their right forms.

    Only the phrases whose every word occurs in the document are searched for, each with a
    pattern that starts with its first word: one large case-insensitive alternation would
    make the regex engine try every position of the text (over a second on a novel,
    measured), and a novel holds all the words of only a few phrases of a table.
    """

    meta: RuleMeta
    swaps: Mapping[str, str]
    ignorecase: bool = True
    unless: tuple[str, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _phrases(self) -> list[tuple[tuple[str, ...], str]]:
        """Each wrong phrase's words and its right form, longest phrases first, so that
        where two start at the same word the longer one is reported. Patterns are compiled
        only for the phrases a document can hold (a cold start would pay for them all)."""
        phrases = [(tuple(_normalise(wrong).split()), right) for wrong, right in self.swaps.items()]
        phrases.sort(key=lambda phrase: len(phrase[0]), reverse=True)
        return phrases

    @cached_property
    def _unless(self) -> tuple[Pattern, ...]:
        return tuple(_compile(p, self.ignorecase) for p in self.unless)

    def check(self, document: Document) -> Iterator[Match]:
        text, vocabulary = document.text, document.vocabulary
        found: list[tuple[int, int, int, str]] = []
        for rank, (words, right) in enumerate(self._phrases):
            if vocabulary.has_all(words):
                spans = vocabulary.find(phrase_pattern(words))
                found.extend((start, rank, end, right) for start, end in spans)
        found.sort()
        reported_at = -1
        for start, _rank, end, right in found:
            if start == reported_at or _cancelled(self._unless, text, start, end):
                continue
            wrong = text[start:end]
            if not self.ignorecase and " ".join(wrong.split()) not in self.swaps:
                continue
            fix = match_case(wrong, right)
            message = self.meta.message.format(match=wrong, fix=fix)
            reported_at = start
            yield Match(start, end, message=message, replacements=(fix,))


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _next_word_emphasised(document: Document, offset: int) -> bool:
    text = document.text
    limit = min(len(text), offset + 8)
    while offset < limit and text[offset].isspace():
        offset += 1
    return offset < limit and document.in_emphasis(offset)


def _compile(pattern: str, ignorecase: bool, guarded: bool = False) -> Pattern:
    flags = MULTILINE | (IGNORECASE if ignorecase else 0)
    return compile_pattern(pattern, flags, need_timeout=guarded)


def _finditer(pattern: Pattern, text: str) -> Iterator[MatchObject]:
    if isinstance(pattern, regex.Pattern):
        return pattern.finditer(text, timeout=seconds_left())
    return pattern.finditer(text)


def _search(pattern: Pattern, text: str, pos: int, endpos: int) -> MatchObject | None:
    if isinstance(pattern, regex.Pattern):
        return pattern.search(text, pos, endpos, timeout=seconds_left())
    return pattern.search(text, pos, endpos)


def _cancelled(patterns: Iterable[Pattern], text: str, start: int, end: int) -> bool:
    """True when an ``unless`` pattern matches a stretch around ``[start, end)`` covering it.

    Every match start in the window is tried (as an overlapped search would), so an
    earlier, shorter match cannot hide a longer one that covers the span.
    """
    window_start = max(0, start - _UNLESS_WINDOW)
    window_end = min(len(text), end + _UNLESS_WINDOW)
    for pattern in patterns:
        position = window_start
        while position <= start:
            found = _search(pattern, text, position, window_end)
            if found is None or found.start() > start:
                break
            if found.end() >= end:
                return True
            position = found.start() + 1
    return False


# --- loading -------------------------------------------------------------------------


def load_pack(path: Path, *, guarded: bool = False) -> list[PatternRule | SubstitutionRule]:
    """Read one pack file; raise :class:`PackError` naming the file and rule on bad input.

    ``guarded`` packs (a plugin's, not the built-in ones) run their patterns with timeouts.
    """
    try:
        data = read_tables(path, compiled_copy(path))
    except UnreadablePackError as error:
        raise PackError(f"{path}: cannot read rule pack: {error}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{path}: a rule pack needs at least one [[rule]] table")
    pack = data.get("pack", {})
    defines = {**_borrowed_definitions(path, pack), **_definitions(path, pack)}
    rules = [_build_rule(path, cast("dict[str, Any]", entry), defines) for entry in entries]
    if not guarded:
        return rules
    return [replace(r, guarded=True) if isinstance(r, PatternRule) else r for r in rules]


def _definitions(path: Path, pack: object) -> dict[str, str]:
    """``[pack.define]``: named sub-patterns that the pack's patterns call as ``(?&name)``."""
    defines = pack.get("define", {}) if isinstance(pack, dict) else {}
    if not isinstance(defines, dict) or not all(isinstance(v, str) for v in defines.values()):
        raise PackError(f"{path}: [pack.define] must map names to pattern strings")
    return cast("dict[str, str]", defines)


def _borrowed_definitions(path: Path, pack: object) -> dict[str, str]:
    """``[pack] uses = ["ellipsis"]``: the definitions of sibling packs (``ellipsis.toml``
    in the same folder), so that two packs share one list of abbreviations."""
    uses = pack.get("uses", []) if isinstance(pack, dict) else []
    if not isinstance(uses, list) or not all(isinstance(name, str) for name in uses):
        raise PackError(f"{path}: [pack] uses must be a list of pack file names")
    borrowed: dict[str, str] = {}
    for name in uses:
        sibling = path.with_name(f"{name}.toml")
        try:
            data = read_tables(sibling, compiled_copy(sibling))
        except UnreadablePackError as error:
            raise PackError(
                f"{path}: cannot read the pack it uses, {sibling.name}: {error}"
            ) from None
        borrowed.update(_definitions(sibling, data.get("pack", {})))
    return borrowed


def _expand(pattern: str, defines: Mapping[str, str]) -> str:
    # Expanded in place rather than compiled as a DEFINE group: a DEFINE prefix stops the
    # regex engine from scanning ahead for a pattern's literal first character (10x slower).
    # Repeated so that one definition may use another, whatever their order.
    for _ in range(len(defines) + 1):
        expanded = pattern
        for name, body in defines.items():
            expanded = expanded.replace(f"(?&{name})", f"(?:{body})")
        if expanded == pattern:
            break
        pattern = expanded
    return pattern


def pack_files(location: Path) -> list[Path]:
    """A pack file itself, or every ``*.toml`` below a folder, in a stable order."""
    if location.is_file():
        return [location]
    return sorted(location.rglob("*.toml"))


def _build_rule(
    path: Path, entry: dict[str, Any], defines: Mapping[str, str]
) -> PatternRule | SubstitutionRule:
    rule_id = str(entry.get("id", "<no id>"))
    where = f"{path}: rule {rule_id!r}"
    kind = entry.get("kind", "pattern")
    if kind not in _KIND_KEYS:
        raise PackError(f"{where}: unknown kind {kind!r} (expected pattern or substitution)")
    unknown = set(entry) - _COMMON_KEYS - _KIND_KEYS[kind]
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    try:
        meta = _build_meta(entry)
        rule: PatternRule | SubstitutionRule
        if kind == "pattern":
            rule = _build_pattern_rule(meta, entry, defines)
        else:
            rule = _build_substitution_rule(meta, entry)
        # Patterns compile on first use, so only selected rules pay for them; a pattern that
        # cannot compile surfaces then as an internal-error diagnostic naming its rule.
    except KeyError as error:  # str(KeyError) would wrap the message in quotes
        raise PackError(f"{where}: {error.args[0]}") from None
    except (TypeError, ValueError) as error:
        raise PackError(f"{where}: {error}") from None
    return rule


def _build_meta(entry: dict[str, Any]) -> RuleMeta:
    missing = [k for k in ("id", "category", "summary", "message") if k not in entry]
    if missing:
        raise KeyError(f"missing required key(s) {', '.join(missing)}")
    fixes = tuple(FixExample(str(f["before"]), str(f["after"])) for f in entry.get("fix", []))
    return RuleMeta(
        id=str(entry["id"]),
        category=cast(Category, entry["category"]),
        severity=Severity.parse(str(entry.get("severity", "warning"))),
        scope=cast(Scope, entry.get("scope", "both")),
        summary=str(entry["summary"]),
        message=str(entry["message"]),
        docs=str(entry.get("docs", "")).strip(),
        flags=_strings(entry.get("flag", []), "flag"),
        passes=_strings(entry.get("pass", []), "pass"),
        fixes=fixes,
        enabled_by_default=bool(entry.get("enabled", True)),
        source=str(entry.get("source", "")),
        fix_safety=cast(FixSafety, entry.get("fix_safety", "unsafe")),
        locality=cast(Locality, entry.get("locality", "paragraph")),
    )


def _build_pattern_rule(
    meta: RuleMeta, entry: dict[str, Any], defines: Mapping[str, str]
) -> PatternRule:
    replacement = entry.get("replacement")
    unless = _strings(entry.get("unless", []), "unless")
    unless_dialogue = _strings(entry.get("unless_dialogue", []), "unless_dialogue")
    return PatternRule(
        meta=meta,
        pattern=_expand(str(entry["pattern"]), defines),
        ignorecase=bool(entry.get("ignorecase", False)),
        unless=tuple(_expand(p, defines) for p in unless),
        unless_dialogue=tuple(_expand(p, defines) for p in unless_dialogue),
        unless_before_emphasis=bool(entry.get("unless_before_emphasis", False)),
        unless_message=bool(entry.get("unless_message", False)),
        replacement=None if replacement is None else str(replacement),
    )


def _build_substitution_rule(meta: RuleMeta, entry: dict[str, Any]) -> SubstitutionRule:
    table = entry.get("swap")
    if not isinstance(table, dict) or not table:
        raise ValueError("a substitution rule needs a non-empty [rule.swap] table")
    swaps: dict[str, str] = {}
    sources: dict[str, str] = {}
    for wrong, right in table.items():
        if isinstance(right, dict):
            swaps[wrong] = str(right["fix"])
            if "source" in right:
                sources[wrong] = str(right["source"])
        else:
            swaps[wrong] = str(right)
    return SubstitutionRule(
        meta=meta,
        swaps=swaps,
        ignorecase=bool(entry.get("ignorecase", True)),
        unless=_strings(entry.get("unless", []), "unless"),
        sources=sources,
    )


def _strings(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key!r} must be a string or a list of strings")
    return tuple(value)
