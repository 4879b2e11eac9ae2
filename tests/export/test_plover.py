"""`dateline export --format plover`: PLOVER records with the manual's field names."""

from __future__ import annotations

import json

from tests.export.conftest import Exporter

from dateline.model import Extraction
from dateline.store import Store

# The PLOVER manual's "PLOVER JSON" table: the fields a record may hold.
PLOVER_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
ENTITY_FIELDS = {
    "code", "sector", "entity_text", "identifier_id", "identifier_text", "religion",
    "ethnicity", "office", "gender", "age",
}  # fmt: skip
CITE_FIELDS = {
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright",
    "coder", "codebook", "version",
}  # fmt: skip
DATELINE_FIELDS = {"article_id", "confidence"}
"""Fields of dateline's own, which the manual lets a provider add."""


def _records(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_records_use_the_manuals_fields(store: Store, seed: Extraction, exported: Exporter) -> None:
    store.save(seed)
    records = _records(exported("plover"))
    assert len(records) == len(seed.events)
    for record in records:
        assert set(record) - DATELINE_FIELDS <= PLOVER_FIELDS
        assert {"id", "date", "actor", "event"} <= set(record), "the manual's required fields"
        assert {"recipient", "mode", "context", "event_loc", "event_text", "text_info"} <= set(
            record
        )
        assert {"cite_info", "coder", "coded_date"} <= set(record)
        for entity in [*record["actor"], *record["recipient"]]:  # type: ignore[misc]
            assert set(entity) <= ENTITY_FIELDS
            assert {"code", "sector", "entity_text"} <= set(entity)
        assert set(record["cite_info"]) <= CITE_FIELDS  # type: ignore[arg-type]
        assert set(record["text_info"]) == {"sequence", "start", "end"}  # type: ignore[arg-type]
    assert len({r["id"] for r in records}) == len(records), "ids are unique"


def test_the_meeting_as_a_plover_record(store: Store, seed: Extraction, exported: Exporter) -> None:
    store.save(seed)
    text = seed.article.text
    consult = next(r for r in _records(exported("plover")) if r["event"] == ["CONSULT"])
    assert consult["date"] == "2022-07-04"
    assert consult["actor"] == [
        {
            "code": "KAZ",
            "sector": "GOV",
            "entity_text": "Alikhan Smailov",
            "identifier_text": "Alikhan Smailov",
            "office": "Prime Minister",
        }
    ]
    assert [r["code"] for r in consult["recipient"]] == ["RUS"]  # type: ignore[attr-defined]
    assert consult["quad_code"] == 1, "the manual's quad: CONSULT is verbal cooperation"
    assert consult["event_scale"] == 1.0
    loc = consult["event_loc"]
    assert loc["extracted_place"] == "Yekaterinburg"  # type: ignore[index]
    assert loc["country_code"] == "RUS"  # type: ignore[index]
    assert loc["resolution"] == 4, "a city"  # type: ignore[index]
    info = consult["text_info"]
    start, end = info["start"], info["end"]  # type: ignore[index]
    assert text[start:end] == consult["event_text"][0]  # type: ignore[index]
    assert consult["event_text"][0].startswith("a meeting between Prime Ministers")  # type: ignore[index]
    meeting = next(e for e in seed.events if e.type == "CONSULT")
    assert info["sequence"] == meeting.evidence.sentence + 1, "counted from 1"  # type: ignore[index]
    assert consult["cite_info"]["citation"] == seed.article.id  # type: ignore[index]
