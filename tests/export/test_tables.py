"""`dateline export --format csv|jsonl|parquet --table T`: stored tables read back.

CSV is read with the standard library, Parquet with pyarrow, JSON lines
with json: the column names and types are the store's, every row comes
out once, and every offset points at its evidence in the exported text.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.export.conftest import Exporter

from dateline.errors import ExportError, StoreError
from dateline.export import Selection, export
from dateline.model import Extraction
from dateline.store import Store
from dateline.store.tables import TABLES

SPANNED = ("mentions", "quotes", "amounts")
"""Tables whose rows carry their own words beside their offsets."""


@pytest.fixture
def filled(store: Store, seed: Extraction, tass: Extraction, statement: Extraction) -> Store:
    for extraction in (seed, tass, statement):
        store.save(extraction)
    return store


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _parquet(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data))


def test_every_table_exports_in_every_format(filled: Store, exported: Exporter) -> None:
    for name in TABLES:
        columns = [c.name for c in filled.tables.columns(name)]
        count = filled.tables.count(name)
        rows = _csv(exported("csv", table=name))
        assert len(rows) == count, name
        assert list(rows[0]) == columns if rows else True
        lines = exported("jsonl", table=name).decode("utf-8").splitlines()
        assert [list(json.loads(line)) for line in lines] == [columns] * count
        table = _parquet(exported("parquet", table=name))
        assert table.column_names == columns
        assert table.num_rows == count


def test_parquet_columns_keep_their_types(filled: Store, exported: Exporter) -> None:
    articles = _parquet(exported("parquet", table="articles"))
    assert articles.schema.field("published").type == pa.date32()
    assert articles.schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    assert articles.schema.field("text").type == pa.string()
    by_id = {row["id"]: row for row in articles.to_pylist()}
    assert by_id["tass-1893813"]["published"] == date(2024, 12, 26)
    amounts = _parquet(exported("parquet", table="amounts"))
    assert amounts.schema.field("value").type == pa.float64()
    assert amounts.schema.field("start").type == pa.int64()
    assert amounts.schema.field("approximate").type == pa.bool_()
    stored = [row["parties"] for row in filled.tables.rows("amounts")]
    parties = [json.loads(p) if p else None for p in amounts.column("parties").to_pylist()]
    assert parties == stored, "JSON lists as JSON text"


def test_every_offset_points_at_its_evidence(filled: Store, exported: Exporter) -> None:
    texts = {row["id"]: row["text"] for row in _csv(exported("csv", table="articles"))}
    for name in SPANNED:
        rows = _csv(exported("csv", table=name))
        assert rows, name
        for row in rows:
            start, end = int(row["start"]), int(row["end"])
            assert texts[row["article_id"]][start:end] == row["text"], (name, row)
    events = _parquet(exported("parquet", table="events")).to_pylist()
    listed = {e.id: e.evidence for e in filled.events.page().items}
    assert len(events) == len(listed)
    for event in events:
        words = texts[event["article_id"]][event["start"] : event["end"]]
        assert words == listed[event["id"]], "what `dateline events` shows as evidence"
        for start, end, _sentence in json.loads(event["supporting"] or "[]"):
            assert texts[event["article_id"]][start:end].strip()


def test_csv_cells_read_back_as_the_stored_values(filled: Store, exported: Exporter) -> None:
    rows = {r["text"]: r for r in _csv(exported("csv", table="amounts"))}
    turnover = rows["$24.2bn"]
    assert float(turnover["value"]) == 24.2e9
    assert turnover["unit"] == "USD"
    assert turnover["approximate"] == "false"
    stored = next(r for r in filled.tables.rows("amounts") if r["text"] == "$24.2bn")
    assert json.loads(turnover["parties"]) == stored["parties"]
    assert int(turnover["start"]) == stored["start"]
    third = rows["almost a third"]
    assert third["approximate"] == "true"
    assert third["bound"] == "", "NULL is an empty cell"
    quotes = _csv(exported("csv", table="quotes"))
    statement = [q for q in quotes if q["article_id"] == "tass-1894057"]
    assert statement and all(q["speaker_id"] == "" for q in statement), "no actor speaks"


def test_dates_choose_the_rows_of_articles_published_then(
    filled: Store, exported: Exporter
) -> None:
    december = Selection(table="quotes", since=date(2024, 12, 1), until=date(2024, 12, 31))
    out = io.BytesIO()
    export(filled, "csv", out, december)
    assert {q["article_id"] for q in _csv(out.getvalue())} == {"tass-1893813", "tass-1894057"}
    actors = _csv(exported("csv", table="actors", until=date(2022, 12, 31)))
    assert "Alikhan Smailov" in {a["name"] for a in actors}
    assert "Kaja Kallas" not in {a["name"] for a in actors}
    consult = _csv(exported("csv", table="events", type="CONSULT"))
    assert [e["type"] for e in consult] == ["CONSULT"]
    sides = _csv(exported("csv", table="event_participants", type="CONSULT"))
    assert {s["event_id"] for s in sides} == {consult[0]["id"]}


def test_a_filter_that_means_nothing_for_the_table_is_an_error(
    filled: Store, exported: Exporter
) -> None:
    with pytest.raises(StoreError, match="--type and --actor choose events"):
        exported("csv", table="quotes", type="CONSULT")
    with pytest.raises(ExportError, match="add --table"):
        exported("parquet")
    with pytest.raises(ExportError, match="writes events"):
        exported("gdelt-events", table="quotes")
