"""Linting an archive on a Dask cluster, with the results a local run gives, in its order.

The cluster runs the same library API as ``--jobs``: each worker process builds one
:class:`~proselint_fic.linter.Linter` from a picklable
:class:`~proselint_fic.parallel.LinterSpec` and keeps it, so rules and word lists load once
per worker, not once per file. Files are planned (folder search, ``exclude``) in the calling
process, exactly as a local run plans them, and sent in batches so that scheduling costs
stay small next to linting.

Dask is not imported here: callers pass their own ``distributed.Client`` (any object with
``map`` and ``gather`` in its shape works), so this module costs nothing to import and the
``[dask]`` extra is needed only by those who use it. See docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from proselint_fic.linter import FileResult
from proselint_fic.parallel import LinterSpec, ReadOptions, linter_for

# Big enough that a task's scheduling overhead (a few ms) is small next to linting it,
# small enough that a cluster of dozens of workers stays busy on a few thousand chapters.
DEFAULT_BATCH_SIZE = 16

_Item = TypeVar("_Item")


class DaskClient(Protocol):
    """The two methods of ``distributed.Client`` this module uses."""

    def map(self, func: Callable[..., Any], *iterables: Iterable[Any], **kwargs: Any) -> Any: ...

    def gather(self, futures: Any) -> Any: ...


def lint_paths_on_cluster(
    client: DaskClient,
    paths: Iterable[str | Path],
    *,
    spec: LinterSpec | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[FileResult]:
    """What ``spec.build().lint_paths(paths)`` returns, linted on the cluster's workers.

    The workers must see the files at the same paths (a shared or network file system);
    for texts held in memory or in a database, use :func:`lint_texts_on_cluster`.
    """
    spec = spec or LinterSpec()
    read = options or ReadOptions()
    planned = list(spec.build().plan_paths(paths))
    files = [str(item) for item in planned if isinstance(item, Path)]
    batches = _batches(files, batch_size)
    futures = client.map(
        _lint_file_batch, batches, spec=spec, options=read, pure=False, key=_keys("files", batches)
    )
    linted = iter(result for batch in client.gather(futures) for result in batch)
    return [item if isinstance(item, FileResult) else next(linted) for item in planned]


def lint_texts_on_cluster(
    client: DaskClient,
    texts: Iterable[tuple[str, str]],
    *,
    spec: LinterSpec | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[FileResult]:
    """Lint ``(name, text)`` pairs on the cluster, in their order; ``name`` labels the
    diagnostics and picks per-file settings, as ``Linter.lint_text(text, path=name)`` does."""
    spec = spec or LinterSpec()
    batches = _batches(list(texts), batch_size)
    futures = client.map(
        _lint_text_batch, batches, spec=spec, pure=False, key=_keys("texts", batches)
    )
    return [result for batch in client.gather(futures) for result in batch]


def _lint_file_batch(
    paths: Sequence[str], spec: LinterSpec, options: ReadOptions
) -> list[FileResult]:
    linter = linter_for(spec)
    return [
        linter.lint_file(path, encoding=options.encoding, max_bytes=options.max_bytes)
        for path in paths
    ]


def _lint_text_batch(texts: Sequence[tuple[str, str]], spec: LinterSpec) -> list[FileResult]:
    linter = linter_for(spec)
    return [FileResult(name, tuple(linter.lint_text(text, path=name))) for name, text in texts]


def _batches(items: Sequence[_Item], size: int) -> list[list[_Item]]:
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, not {size}")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _keys(kind: str, batches: Sequence[object]) -> list[str]:
    # Unique task names: the same batch linted twice in one session must run twice, since
    # the files may have changed in between.
    from uuid import uuid4

    run = uuid4().hex[:12]
    return [f"proselint-fic-{kind}-{run}-{i}" for i in range(len(batches))]
