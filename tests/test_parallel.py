"""Extraction on worker processes and on a 2-worker Dask LocalCluster.

Whatever runs the batches, the stored facts and the printed order must be
those of a plain in-process run over the same batches (spaCy's numbers may
differ slightly with the batch composition, so the batch size is fixed).
"""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from dateline.cli import main
from dateline.model import Article
from dateline.pipeline import ExtractionFailed
from dateline.readers import article_from_record
from dateline.scale import ParallelExtractor, batched

ShortReuters = Callable[[int, Path], Path]
"""The `short_reuters` fixture: writes the first N short Reuters bodies to a folder."""


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def stats(db: str) -> dict[str, Any]:
    from dateline.store import Store

    with Store(db) as store:
        return store.stats().as_dict()


def ids_printed(output: str) -> list[str]:
    return [json.loads(line)["id"] for line in output.splitlines() if line.startswith("{")]


def test_two_workers_store_what_one_stores(tmp_path: Path, short_reuters: ShortReuters) -> None:
    articles = short_reuters(6, tmp_path)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    run("ingest", str(articles), "--db", one, "--workers", "1", "--batch-size", "2")
    result = run("ingest", str(articles), "--db", two, "--workers", "2", "--batch-size", "2")
    assert "6 new" in result.output
    assert stats(two) == stats(one)
    assert stats(two)["articles"] == 6


def test_two_workers_print_in_input_order(tmp_path: Path, short_reuters: ShortReuters) -> None:
    articles = short_reuters(6, tmp_path)
    expected = [json.loads(line)["id"] for line in articles.read_text().splitlines()]
    args = ("extract", "--format", "jsonl", str(articles), "--batch-size", "2")
    inline = run(*args, "--workers", "1").output
    parallel = run(*args, "--workers", "2").output
    assert ids_printed(parallel) == expected
    assert parallel == inline


def test_dask_local_cluster_with_two_workers(tmp_path: Path, short_reuters: ShortReuters) -> None:
    pytest.importorskip("distributed")
    articles = short_reuters(4, tmp_path)
    one, dask = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    run("ingest", str(articles), "--db", one, "--workers", "1", "--batch-size", "2")
    common = ("--workers", "2", "--batch-size", "2")
    result = run("ingest", str(articles), "--db", dask, "--dask", "local", *common)
    assert "4 new" in result.output
    assert stats(dask) == stats(one)


def test_unreachable_scheduler_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_reuters: ShortReuters
) -> None:
    cluster = pytest.importorskip("dateline.scale.cluster")
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    articles = short_reuters(4, tmp_path)
    result = CliRunner().invoke(
        main,
        ["extract", str(articles), "--dask", "tcp://127.0.0.1:9", "--batch-size", "2"],
    )
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output
    assert "--dask local" in result.output


def test_one_batch_runs_inline_whatever_the_workers(
    tmp_path: Path, short_reuters: ShortReuters
) -> None:
    records = short_reuters(3, tmp_path).read_text().splitlines()
    articles: list[Article] = [article_from_record(json.loads(line)) for line in records]
    with ParallelExtractor(2) as extractor:
        outcomes = [o for batch in extractor.run(batched(articles, 8)) for o in batch]
        assert extractor.mode == "inline"
    assert [o.article.id for o in outcomes] == [a.id for a in articles]


def test_a_stage_failure_survives_the_trip_from_a_worker(seed_article: Article) -> None:
    failure = ExtractionFailed(seed_article, "quotes", KeyError("speaker"))
    back = pickle.loads(pickle.dumps(failure))
    assert isinstance(back, ExtractionFailed)
    assert (back.article.id, back.stage, str(back)) == (seed_article.id, "quotes", str(failure))


def test_batches_are_bounded_and_lazy() -> None:
    def endless() -> Any:
        number = 0
        while True:
            number += 1
            yield number

    stream = batched(endless(), 3)
    assert next(stream) == [1, 2, 3]
    assert next(stream) == [4, 5, 6]


def test_dask_without_the_cluster_extra_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--dask` on an install without `dateline[cluster]` stops at once, before any
    article is read, saying what to pip install."""

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if Dask were not installed
    monkeypatch.delitem(sys.modules, "dateline.scale.cluster", raising=False)
    db = f"sqlite:///{tmp_path / 'news.db'}"
    result = CliRunner().invoke(main, ["ingest", "no-such-folder", "--db", db, "--dask", "local"])
    assert result.exit_code == 1, result.output
    assert "pip install 'dateline[cluster]'" in result.output
    assert "Traceback" not in result.output
