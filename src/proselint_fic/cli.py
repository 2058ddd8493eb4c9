"""The ``proselint-fic`` command: argument parsing, output and exit codes only.

Exit codes: 0 nothing found, 1 diagnostics found, 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from proselint_fic import __version__
from proselint_fic.baseline import BaselineError
from proselint_fic.config import ConfigError
from proselint_fic.diagnostic import Diagnostic
from proselint_fic.gc_pause import start_up_over
from proselint_fic.linter import FileResult, Linter
from proselint_fic.parallel import LinterSpec, ReadOptions, default_jobs, lint_planned
from proselint_fic.progress import FileProgress, wants_bar
from proselint_fic.source import MAX_FILE_BYTES, InputError, decode_bytes

EXIT_CLEAN = 0
EXIT_FOUND = 1
EXIT_ERROR = 2


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
    check.add_argument(
        "--fix", action="store_true", help="apply the fixes that rules mark safe, in place"
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: apply every fix"
    )
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; write nothing"
    )
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only findings not recorded in this baseline file",
    )
    check.add_argument(
        "--update-baseline",
        action="store_true",
        help="with --baseline: record every current finding in the file and report none",
    )
    check.add_argument("--statistics", action="store_true", help="count diagnostics per rule")
    check.add_argument("-q", "--quiet", action="store_true", help="print diagnostics only")
    check.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="colour output"
    )

    commands.add_parser("rules", help="list every rule")
    commands.add_parser("server", help="run the language server over stdio (needs the [lsp] extra)")
    explain = commands.add_parser(
        "explain", help="show a rule's documentation, or trace the tense rules on one line"
    )
    explain.add_argument("rule", nargs="?", help="a rule id, such as ellipsis.glued-lowercase")
    explain.add_argument(
        "--trace",
        metavar="FILE:LINE",
        help="show how the tense rules read each narration sentence on that line",
    )

    add_word = commands.add_parser("add-word", help="add words to the project's word file")
    add_word.add_argument("words", nargs="+", help="the words to accept")
    add_word.add_argument("--file", help="the word file (default: from configuration)")
    return parser


def run() -> None:
    """The console entry point: :func:`main`, then a quick exit.

    A lint of a novel leaves a hundred megabytes of small objects (words, tokens, tables)
    that an ordinary interpreter exit frees one by one, about 40 ms measured, which every
    pre-commit run would pay for nothing. Output is flushed and exit handlers run (the
    pattern cache is saved by one); then the process ends without the teardown.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe, or a stream that main() closed after one.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)


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
    if options.command != "check" or options.fix or options.diff:
        start_up_over(one_lint=False)
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
    if options.fix or options.diff:
        return _run_fix(linter, paths, options)
    results = list(_lint_all(linter, spec, paths, options))
    failed = [r for r in results if r.error is not None]
    for result in failed:
        _error(f"{result.path}: {result.error}")
    if options.update_baseline and not options.baseline:
        _error("--update-baseline needs --baseline FILE")
        return EXIT_ERROR
    if options.baseline:
        try:
            results = _apply_baseline(results, options)
        except BaselineError as error:
            _error(str(error))
            return EXIT_ERROR
        if options.update_baseline:
            return EXIT_ERROR if failed else EXIT_CLEAN
    _write_output(results, options)
    found = sum(len(r.diagnostics) for r in results)
    if failed or linter.load_errors:
        return EXIT_ERROR
    if found and not options.exit_zero:
        return EXIT_FOUND
    return EXIT_CLEAN


def _run_fix(linter: Linter, paths: list[str], options: argparse.Namespace) -> int:
    """``check --fix`` / ``--diff``: fix each file (or show the fix), then report what is
    left. Exit 1 when problems remain (with --diff: when a fix would change a file)."""
    from proselint_fic.files import discover
    from proselint_fic.fixes import fix_file, unified_diff

    if "-" in paths:
        _error("--fix and --diff work on files; standard input cannot be fixed in place")
        return EXIT_ERROR
    max_bytes = int(options.max_file_size * 1_048_576)
    results: list[FileResult] = []
    applied = changed = 0
    for found in discover(Path(p) for p in paths):
        path = str(found.path)
        if found.problem is not None:
            results.append(FileResult(path, error=found.problem))
            continue
        try:
            fixed = fix_file(
                found.path,
                partial(_lint_for_fix, linter, found.path),
                linter.fix_safety,
                unsafe=options.unsafe_fixes,
                write=not options.diff,
                encoding=options.encoding,
                max_bytes=max_bytes,
            )
        except (InputError, OSError) as error:
            results.append(FileResult(path, error=str(error)))
            continue
        applied += fixed.applied
        changed += fixed.changed
        if options.diff and fixed.changed:
            sys.stdout.write(unified_diff(path, fixed.before, fixed.after))
        results.append(FileResult(path, fixed.remaining))
    failed = [r for r in results if r.error is not None]
    for result in failed:
        _error(f"{result.path}: {result.error}")
    if options.diff:
        print(f"{applied} fix(es) would change {changed} file(s).", file=sys.stderr)
        return EXIT_ERROR if failed else (EXIT_FOUND if changed else EXIT_CLEAN)
    _write_output(results, options)
    if not options.quiet:
        print(f"Fixed {applied} problem(s) in {changed} file(s).", file=sys.stderr)
    remaining = sum(len(r.diagnostics) for r in results)
    if failed:
        return EXIT_ERROR
    return EXIT_FOUND if remaining and not options.exit_zero else EXIT_CLEAN


def _apply_baseline(results: list[FileResult], options: argparse.Namespace) -> list[FileResult]:
    """Drop the findings the baseline records (or, with --update-baseline, record them all
    and drop everything)."""
    from proselint_fic import baseline
    from proselint_fic.fixes import write_atomically
    from proselint_fic.source import read_source

    file = Path(options.baseline)
    accepted = set() if options.update_baseline else baseline.load(file)
    found: list[baseline.Key] = []
    kept: list[FileResult] = []
    for result in results:
        if result.error is not None or not result.diagnostics or result.path == "-":
            kept.append(result)
            continue
        try:
            source = read_source(Path(result.path), encoding=options.encoding).text
        except InputError:
            kept.append(result)
            continue
        keys = baseline.keys(result.path, result.diagnostics, source)
        found += keys
        new = tuple(
            d for d, key in zip(result.diagnostics, keys, strict=True) if key not in accepted
        )
        kept.append(FileResult(result.path, new))
    if options.update_baseline:
        write_atomically(file, baseline.render(found))
        print(f"Recorded {len(found)} finding(s) in {file}.", file=sys.stderr)
        return [FileResult(r.path, error=r.error) for r in kept]
    return kept


def _lint_for_fix(linter: Linter, path: Path, text: str) -> list[Diagnostic]:
    return linter.lint_text(text, path=path)


def _lint_all(
    linter: Linter, spec: LinterSpec, paths: list[str], options: argparse.Namespace
) -> list[FileResult]:
    read = ReadOptions(options.encoding, int(options.max_file_size * 1_048_576))
    results: list[FileResult] = []
    named = [p for p in paths if p != "-"]
    if "-" in paths:
        results.append(_lint_stdin(linter, options))
    planned = list(linter.plan_paths(named))
    files = sum(1 for item in planned if isinstance(item, Path))
    start_up_over(one_lint=files + ("-" in paths) <= 1)
    show = wants_bar(sys.stderr, output_format=options.format, quiet=options.quiet, files=files)
    jobs = options.jobs or default_jobs()
    with FileProgress(len(planned), sys.stderr, enabled=show) as progress:
        for result in lint_planned(linter, spec, planned, jobs=jobs, options=read):
            results.append(result)
            progress.step(result.path)
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
    from proselint_fic.docs import fix_label

    linter = Linter(discover_config=False)
    for meta in sorted(linter.rules, key=lambda m: m.id):
        default = "" if meta.enabled_by_default else " (off by default)"
        fix = fix_label(meta).split(" ")[0]
        print(
            f"{meta.id:<34} {meta.category:<11} {meta.severity.value:<7} "
            f"{meta.scope:<9} {fix:<6} {meta.summary}{default}"
        )
    return EXIT_CLEAN


def _run_server(options: argparse.Namespace) -> int:
    try:
        from proselint_fic.server.lsp import serve
    except ImportError as error:
        _error(
            f"the language server needs the lsp extra ({error.name} is missing): "
            "pip install 'proselint-fic[lsp]'"
        )
        return EXIT_ERROR
    serve()
    return EXIT_CLEAN


def _run_explain(options: argparse.Namespace) -> int:
    if options.trace:
        return _run_trace(options.trace)
    if not options.rule:
        _error("explain needs a rule id, or --trace FILE:LINE")
        return EXIT_ERROR
    linter = Linter(discover_config=False)
    rule = linter.registry.get(options.rule)
    if rule is None:
        _error(f"no rule is called {options.rule!r}; `proselint-fic rules` lists them all")
        return EXIT_ERROR
    print(explain_text(rule.meta))
    return EXIT_CLEAN


def _run_trace(target: str) -> int:
    from proselint_fic.checks.tense.trace import format_traces, trace_line
    from proselint_fic.source import InputError, read_source

    name, _, number = target.rpartition(":")
    if not name or not number.isdigit() or int(number) < 1:
        _error(f"--trace wants FILE:LINE with a line number from 1, not {target!r}")
        return EXIT_ERROR
    try:
        source = read_source(Path(name))
    except InputError as error:
        _error(f"{name}: {error}")
        return EXIT_ERROR
    document = Linter().document_for(source.text, path=name)
    print(format_traces(trace_line(document, int(number)), document), end="")
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


def _error(message: str) -> None:
    print(f"proselint-fic: {message}", file=sys.stderr)


_COMMANDS = {
    "check": _run_check,
    "rules": _run_rules,
    "explain": _run_explain,
    "server": _run_server,
    "add-word": _run_add_word,
}


if __name__ == "__main__":
    raise SystemExit(main())
