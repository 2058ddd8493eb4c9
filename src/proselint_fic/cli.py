"""The ``proselint-fic`` command: argument parsing, output and exit codes only.

Exit codes: 0 nothing found, 1 diagnostics found, 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from proselint_fic import __version__
from proselint_fic.config import ConfigError
from proselint_fic.linter import FileResult, Linter
from proselint_fic.parallel import LinterSpec, ReadOptions, default_jobs, iter_paths_parallel
from proselint_fic.source import MAX_FILE_BYTES, InputError, decode_bytes

EXIT_CLEAN = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
_PROGRESS_MIN_FILES = 10


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="proselint-fic",
        description="An editorial linter for fiction manuscripts.",
    )
    parser.add_argument("--version", action="version", version=f"proselint-fic {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files and folders (the default command)")
    check.add_argument("paths", nargs="*", default=[], help="files, folders, or - for stdin")
    check.add_argument(
        "--format",
        choices=["text", "json", "jsonl", "github", "sarif"],
        default="text",
        help="output format (default: text)",
    )
    check.add_argument("--select", help="comma-separated rule ids or prefixes to run")
    check.add_argument("--extend-select", help="rules to run in addition to the selection")
    check.add_argument("--ignore", help="comma-separated rule ids or prefixes to skip")
    check.add_argument("--config", help="configuration file to use for every path")
    check.add_argument("--dialect", choices=["en-US", "en-GB"], help="spelling dialect")
    check.add_argument("--encoding", help="decode files with this encoding (default: UTF-8)")
    check.add_argument(
        "--max-file-size",
        type=float,
        default=MAX_FILE_BYTES / 1_048_576,
        metavar="MB",
        help="skip files larger than this many megabytes (default: %(default).0f)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_job_count,
        metavar="N",
        help="lint files on N processes (default: one per CPU core; 1 runs serially)",
    )
    check.add_argument("--stdin-filename", help="the name to report for text read from stdin")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are diagnostics"
    )
    check.add_argument("--statistics", action="store_true", help="count diagnostics per rule")
    check.add_argument("-q", "--quiet", action="store_true", help="print diagnostics only")
    check.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="colour output"
    )

    commands.add_parser("rules", help="list every rule")
    explain = commands.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument("rule", help="a rule id, such as ellipsis.glued-lowercase")

    add_word = commands.add_parser("add-word", help="add words to the project's word file")
    add_word.add_argument("words", nargs="+", help="the words to accept")
    add_word.add_argument("--file", help="the word file (default: from configuration)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # `proselint-fic FILE...` means `proselint-fic check FILE...`, as with ruff.
    if arguments and arguments[0] not in {*_COMMANDS, "-h", "--help", "--version"}:
        arguments.insert(0, "check")
    parser = build_parser()
    options = parser.parse_args(arguments)
    if options.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(_COMMANDS[options.command](options))
    except ConfigError as error:
        _error(f"configuration error: {error}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # A pager or head closed the pipe: nothing more to say, and no traceback.
        sys.stderr.close()
        return EXIT_FOUND


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _job_count(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return jobs


def _linter_spec(options: argparse.Namespace) -> LinterSpec:
    return LinterSpec(
        config=options.config,
        select=tuple(_split(options.select)) if options.select else None,
        extend_select=tuple(_split(options.extend_select)),
        ignore=tuple(_split(options.ignore)),
        dialect=options.dialect,
    )


def _run_check(options: argparse.Namespace) -> int:
    spec = _linter_spec(options)
    linter = spec.build()
    for problem in linter.load_errors:
        _error(problem)
    paths = options.paths or ["."]
    results = list(_lint_all(linter, spec, paths, options))
    failed = [r for r in results if r.error is not None]
    for result in failed:
        _error(f"{result.path}: {result.error}")
    _write_output(results, options)
    found = sum(len(r.diagnostics) for r in results)
    if failed or linter.load_errors:
        return EXIT_ERROR
    if found and not options.exit_zero:
        return EXIT_FOUND
    return EXIT_CLEAN


def _lint_all(
    linter: Linter, spec: LinterSpec, paths: list[str], options: argparse.Namespace
) -> list[FileResult]:
    read = ReadOptions(options.encoding, int(options.max_file_size * 1_048_576))
    results: list[FileResult] = []
    named = [p for p in paths if p != "-"]
    if "-" in paths:
        results.append(_lint_stdin(linter, options))
    # Machine formats are read by programs, which do not want a counter in their stderr.
    show = sys.stderr.isatty() and options.format == "text" and not options.quiet
    progress = _Progress(enabled=show)
    jobs = options.jobs or default_jobs()
    for result in iter_paths_parallel(linter, spec, named, jobs=jobs, options=read):
        results.append(result)
        progress.step(result.path)
    progress.finish()
    return results


def _lint_stdin(linter: Linter, options: argparse.Namespace) -> FileResult:
    name = options.stdin_filename or "-"
    try:
        source = decode_bytes(sys.stdin.buffer.read(), encoding=options.encoding)
    except InputError as error:
        return FileResult(name, error=str(error))
    if not source.text.strip():
        return FileResult(name, error="standard input is empty; there is nothing to lint")
    diagnostics = linter.lint_stdin_text(source.text, filename=options.stdin_filename)
    return FileResult(name, tuple(diagnostics))


def _write_output(results: list[FileResult], options: argparse.Namespace) -> None:
    from proselint_fic.reporters import RENDERERS

    color = _use_color(options.color, sys.stdout)
    diagnostics = [d for r in results for d in r.diagnostics]
    if options.statistics:
        stream = sys.stdout if options.format == "text" else sys.stderr
        stream.write(_statistics(results))
        if options.format == "text":
            return
    sys.stdout.write(RENDERERS[options.format](results, color))
    if options.format == "text" and not options.quiet:
        files = len({d.path for d in diagnostics})
        if diagnostics:
            sys.stdout.write(f"Found {len(diagnostics)} problem(s) in {files} file(s).\n")
        elif not any(r.error is not None for r in results):
            sys.stdout.write("All clear: no problems found.\n")


def _statistics(results: list[FileResult]) -> str:
    counts = Counter(d.rule for r in results for d in r.diagnostics)
    width = max((len(rule) for rule in counts), default=0)
    return "".join(f"{count:6d}  {rule:<{width}}\n" for rule, count in counts.most_common())


def _use_color(mode: str, stream: TextIO) -> bool:
    if mode != "auto":
        return mode == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _run_rules(options: argparse.Namespace) -> int:
    linter = Linter(discover_config=False)
    for meta in sorted(linter.rules, key=lambda m: m.id):
        default = "" if meta.enabled_by_default else " (off by default)"
        print(
            f"{meta.id:<34} {meta.category:<11} {meta.severity.value:<7} "
            f"{meta.scope:<9} {meta.summary}{default}"
        )
    return EXIT_CLEAN


def _run_explain(options: argparse.Namespace) -> int:
    linter = Linter(discover_config=False)
    rule = linter.registry.get(options.rule)
    if rule is None:
        _error(f"no rule is called {options.rule!r}; `proselint-fic rules` lists them all")
        return EXIT_ERROR
    print(explain_text(rule.meta))
    return EXIT_CLEAN


def explain_text(meta: object) -> str:
    from proselint_fic.docs import rule_markdown
    from proselint_fic.rule import RuleMeta

    assert isinstance(meta, RuleMeta)
    return rule_markdown(meta)


def _run_add_word(options: argparse.Namespace) -> int:
    from proselint_fic.word_files import WordFileError, add_words_to_project

    try:
        target, added = add_words_to_project(
            options.words, Path(options.file) if options.file else None
        )
    except WordFileError as error:
        _error(str(error))
        return EXIT_ERROR
    if added:
        print(f"Added {', '.join(added)} to {target}.")
    else:
        print(f"{target} already holds every word given.")
    return EXIT_CLEAN


class _Progress:
    """A one-line progress counter on standard error, only on a terminal."""

    def __init__(self, *, enabled: bool) -> None:
        self._enabled = enabled
        self._count = 0
        self._shown = False

    def step(self, path: str) -> None:
        self._count += 1
        if self._enabled and self._count >= _PROGRESS_MIN_FILES:
            self._shown = True
            name = path if len(path) < 50 else "…" + path[-49:]
            sys.stderr.write(f"\r\033[K{self._count} files linted: {name}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _error(message: str) -> None:
    print(f"proselint-fic: {message}", file=sys.stderr)


_COMMANDS = {
    "check": _run_check,
    "rules": _run_rules,
    "explain": _run_explain,
    "add-word": _run_add_word,
}


if __name__ == "__main__":
    raise SystemExit(main())
