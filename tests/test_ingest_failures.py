"""An ingest keeps what it extracted when reading fails, and finds an unwritable
store before extracting (hostile-user report D1 with --workers 2, and D12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import StoreError
from dateline.model import Article
from dateline.readers import read_text
from dateline.scale import ParallelExtractor
from dateline.scale.ingest import ingest_articles
from dateline.store import Store

WIRES = [
    "MOSCOW, December 26. /TASS/. Russia's trade with China reached $240bn in 2024, "
    f"the Russian customs service said in report number {n}."
    for n in range(12)
]


class ReaderBroke(Exception):
    pass


def articles_then_failure(count: int) -> Iterator[Article]:
    for n, text in enumerate(WIRES[:count]):
        yield read_text(text, id=f"wire-{n}")
    raise ReaderBroke("the input went away")


@pytest.mark.slow
def test_batches_in_flight_are_stored_when_reading_fails(tmp_path: Path) -> None:
    with Store(str(tmp_path / "news.db")) as store, ParallelExtractor(2) as extractor:
        with pytest.raises(ReaderBroke):
            ingest_articles(articles_then_failure(8), store, extractor, batch_size=1)
        assert sorted(store.articles.ids()) == sorted(f"wire-{n}" for n in range(8))


def test_a_store_that_cannot_be_written_stops_the_ingest_before_extracting(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.db"
    Store(str(path)).close()
    readonly = f"sqlite:///file:{path}?mode=ro&uri=true"
    with Store(readonly) as store, pytest.raises(StoreError, match="Nothing was extracted"):
        store.check_writable()
    source = tmp_path / "wire.txt"
    source.write_text(WIRES[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", readonly])
    assert result.exit_code == 1
    assert "cannot write to" in result.output and result.output.count("error") <= 1
