"""The Dask recipe (docs/scale.md) on a real local cluster of two worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from proselint_fic import Linter  # noqa: E402
from proselint_fic.distributed import (  # noqa: E402
    lint_paths_on_cluster,
    lint_texts_on_cluster,
)
from proselint_fic.parallel import LinterSpec  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "the-lighthouse-keeper.md"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def _archive(folder: Path) -> None:
    """Thirty chapters cut from the example story, plus files a run must report, not lose."""
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for n in range(30):
        chosen = paragraphs[n % len(paragraphs) :][:4]
        (folder / f"part{n % 3}").mkdir(exist_ok=True)
        (folder / f"part{n % 3}" / f"ch{n:02}.md").write_text("\n\n".join(chosen) + "\n")
    (folder / "empty.txt").write_text("")
    (folder / "broken.txt").write_bytes(b"caf\xe9 \xff\xfe and then.he left\n")


def test_cluster_results_equal_a_local_run(client: Any, tmp_path: Path) -> None:
    _archive(tmp_path)
    local = Linter().lint_paths([tmp_path])
    on_cluster = lint_paths_on_cluster(client, [tmp_path], spec=LinterSpec(), batch_size=4)
    assert on_cluster == local
    assert sum(len(r.diagnostics) for r in local) > 30
    assert any(r.error for r in local)


def test_cluster_honours_the_linter_spec(client: Any, tmp_path: Path) -> None:
    _archive(tmp_path)
    spec = LinterSpec(select=("ellipsis",))
    on_cluster = lint_paths_on_cluster(client, [tmp_path], spec=spec)
    rules = {d.rule.split(".")[0] for r in on_cluster for d in r.diagnostics}
    assert rules == {"ellipsis"}
    assert on_cluster == spec.build().lint_paths([tmp_path])


def test_texts_in_memory_lint_on_the_cluster_in_order(client: Any) -> None:
    texts = [
        (f"story-{n}.txt", f"Chapter {n}. And then.he came back to the the house.")
        for n in range(25)
    ]
    results = lint_texts_on_cluster(client, texts, batch_size=3)
    assert [r.path for r in results] == [name for name, _ in texts]
    linter = Linter()
    for (name, text), result in zip(texts, results, strict=True):
        assert list(result.diagnostics) == linter.lint_text(text, path=name)
        assert result.diagnostics


def test_a_bad_batch_size_is_refused(client: Any) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        lint_texts_on_cluster(client, [("a.txt", "text")], batch_size=0)
