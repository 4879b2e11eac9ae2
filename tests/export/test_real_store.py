"""Exports of a store of really extracted dispatches (the Kazinform example and four
TASS articles), through the command line as an analyst runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.knowledge.event_types import plover_types
from dateline.store import Store
from dateline.store.tables import TABLES


def _export(url: str, tmp_path: Path, fmt: str, *extra: str) -> Path:
    path = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        main, ["export", "--format", fmt, *extra, "--db", url, "--output", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert f"to {path}" in result.output
    return path


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as lines:
        return list(csv.reader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def stored(extracted_url: str) -> dict[str, list[dict[str, object]]]:
    with Store(extracted_url, readonly=True) as store:
        return {name: list(store.tables.rows(name)) for name in TABLES}


def test_gdelt_events_of_real_articles(
    extracted_url: str, stored: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    rows = _tsv(_export(extracted_url, tmp_path, "gdelt-events"))
    assert rows and all(len(row) == 61 for row in rows)
    assert len(rows) == len(stored["events"])
    types = {e["id"]: e["type"] for e in stored["events"]}
    for row in map(lambda r: dict(zip(EVENT_COLUMNS, r, strict=True)), rows):
        kind = plover_types()[str(types[int(row["GLOBALEVENTID"])])]
        assert row["EventCode"] == row["EventRootCode"] == kind.cameo
        assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert row["SQLDATE"] == "" or len(row["SQLDATE"]) == 8


def test_gdelt_mentions_of_real_articles_point_at_the_evidence(
    extracted_url: str, stored: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    texts = {a["id"]: str(a["text"]) for a in stored["articles"]}
    event_of = {e["id"]: e for e in stored["events"]}
    mention_starts = {(m["article_id"], m["start"]): m for m in stored["mentions"]}
    rows = _tsv(_export(extracted_url, tmp_path, "gdelt-mentions"))
    assert rows and all(len(row) == 16 for row in rows)
    for row in map(lambda r: dict(zip(MENTION_COLUMNS, r, strict=True)), rows):
        event = event_of[int(row["GLOBALEVENTID"])]
        article = event["article_id"]
        spans = [(event["start"], event["end"], event["sentence"])]
        spans += [tuple(s) for s in event["supporting"] or []]  # type: ignore[attr-defined]
        action = int(row["ActionCharOffset"])
        assert action in [start for start, _, _ in spans]
        assert int(row["MentionDocLen"]) == len(texts[str(article)])
        for column in ("Actor1CharOffset", "Actor2CharOffset"):
            offset = int(row[column])
            if offset != -1:
                mention = mention_starts[(article, offset)]
                assert mention["sentence"] == int(row["SentenceID"]) - 1
                assert texts[str(article)][offset:].startswith(str(mention["text"]))


def test_plover_records_of_real_articles(
    extracted_url: str, stored: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    texts = {a["id"]: str(a["text"]) for a in stored["articles"]}
    path = _export(extracted_url, tmp_path, "plover")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(stored["events"])
    for record in records:
        text = texts[record["article_id"]]
        info = record["text_info"]
        assert text[info["start"] : info["end"]] == record["event_text"][0]
        for entity in record["actor"] + record["recipient"]:
            assert (
                entity["entity_text"] in text or entity["entity_text"] == entity["identifier_text"]
            )


def test_every_table_of_real_articles_as_parquet_and_csv(
    extracted_url: str, stored: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    texts = {a["id"]: str(a["text"]) for a in stored["articles"]}
    for name in TABLES:
        table = pq.read_table(_export(extracted_url, tmp_path, "parquet", "--table", name))
        assert table.num_rows == len(stored[name]), name
        with _export(extracted_url, tmp_path, "csv", "--table", name).open(
            encoding="utf-8", newline=""
        ) as lines:
            rows = list(csv.DictReader(lines))
        assert len(rows) == len(stored[name]), name
        if name in ("mentions", "quotes", "amounts"):
            for row in rows:
                words = texts[row["article_id"]][int(row["start"]) : int(row["end"])]
                assert words == row["text"]


def test_export_to_standard_output_and_its_errors(extracted_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", "--format", "jsonl", "--table", "actors", "--db", extracted_url, "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert "Mikhail Mishustin" in names
    target = tmp_path / "events.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    failed = runner.invoke(
        main,
        [
            *("export", "--format", "csv", "--table", "quotes", "--type", "CONSULT"),
            *("--db", extracted_url, "-o", str(target)),
        ],
    )
    assert failed.exit_code == 1
    assert "--type and --actor choose events" in failed.output
    assert target.read_text(encoding="utf-8") == "an earlier export\n", "left as it was"
    assert list(tmp_path.glob(".*partial")) == []
    missing = runner.invoke(
        main, ["export", "--format", "plover", "--db", str(tmp_path / "none.db"), "-o", "-"]
    )
    assert missing.exit_code == 1
    assert "no dateline store" in missing.output
