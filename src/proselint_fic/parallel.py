"""Linting many files on a pool of processes, with the same results, in the same order.

Each worker builds its own :class:`~proselint_fic.linter.Linter` once, from a picklable
:class:`LinterSpec`, and then only receives paths and sends back results: rules and data
are loaded once per worker, not once per file. Folder search and ``exclude`` are decided in
the calling process, exactly as a serial run decides them; configuration discovery for each
file happens in the worker, from that file's own folder, exactly as a serial run does it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from proselint_fic.document import Dialect
from proselint_fic.linter import FileResult, Linter
from proselint_fic.source import MAX_FILE_BYTES

# Enough chunks per worker that a slow chapter at the end does not leave the others idle.
_CHUNKS_PER_WORKER = 8


class LinterSpec(NamedTuple):
    """The arguments a :class:`Linter` is built from, so another process can build it too."""

    config: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    dialect: Dialect | None = None
    words: tuple[str, ...] = ()
    rule_timeout: float | None = None

    def build(self) -> Linter:
        return Linter(
            config=self.config,
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            dialect=self.dialect,
            words=self.words,
            rule_timeout=self.rule_timeout,
        )


class ReadOptions(NamedTuple):
    encoding: str | None = None
    max_bytes: int = MAX_FILE_BYTES


_worker_linters: dict[LinterSpec, Linter] = {}


def linter_for(spec: LinterSpec) -> Linter:
    """This process's linter for ``spec``, built the first time it is asked for."""
    linter = _worker_linters.get(spec)
    if linter is None:
        linter = _worker_linters[spec] = spec.build()
    return linter


def lint_one(spec: LinterSpec, path: str, options: ReadOptions) -> FileResult:
    """Lint one file in a worker (or anywhere): the unit of work sent across processes."""
    return linter_for(spec).lint_file(path, encoding=options.encoding, max_bytes=options.max_bytes)


def default_jobs() -> int:
    return os.cpu_count() or 1


def lint_planned(
    linter: Linter,
    spec: LinterSpec,
    planned: Sequence[Path | FileResult],
    *,
    jobs: int,
    options: ReadOptions | None = None,
) -> Iterator[FileResult]:
    """What ``linter.iter_paths`` yields for the paths it planned (``linter.plan_paths``),
    computed in order on up to ``jobs`` processes.

    ``linter`` must be built from ``spec``; it lints serially when there is only one file
    or one job. Planning first lets a caller know how many files there are (for a
    progress bar).
    """
    read = options or ReadOptions()
    files = [item for item in planned if isinstance(item, Path)]
    workers = min(jobs, len(files))
    if workers <= 1:
        for item in planned:
            yield _serial(linter, item, read)
        return
    # Imported here: multiprocessing costs a single-file pre-commit run start-up time.
    from concurrent.futures import ProcessPoolExecutor

    chunksize = max(1, len(files) // (workers * _CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up, initargs=(spec,)) as pool:
        linted = pool.map(
            lint_one,
            [spec] * len(files),
            [str(f) for f in files],
            [read] * len(files),
            chunksize=chunksize,
        )
        for item in planned:
            yield item if isinstance(item, FileResult) else next(linted)


def _serial(linter: Linter, item: Path | FileResult, read: ReadOptions) -> FileResult:
    if isinstance(item, FileResult):
        return item
    return linter.lint_file(item, encoding=read.encoding, max_bytes=read.max_bytes)


def _warm_up(spec: LinterSpec) -> None:
    linter_for(spec)
