"""`dateline export --format gdelt-events|gdelt-mentions`: GDELT 2.0 tables read back.

The column lists below are typed from the GDELT 2.0 Event codebook's field
tables (events: 61 fields, mentions: 16), independently of the exporter,
so a dropped or swapped column shows.
"""

from __future__ import annotations

import csv
import io
import re

from tests.export.conftest import Exporter

from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, NOT_FILLED
from dateline.model import Extraction
from dateline.store import Store

CODEBOOK_EVENT_COLUMNS = """
GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode
Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale
NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL
""".split()  # noqa: SIM905 - typed as the codebook lists them

CODEBOOK_MENTION_COLUMNS = """
GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier
SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence
MentionDocLen MentionDocTone MentionDocTranslationInfo Extras
""".split()  # noqa: SIM905


def _table(data: bytes, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Tab-separated lines, no header, as GDELT tools read them."""

    lines = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    assert all(len(cells) == len(columns) for cells in lines), [len(c) for c in lines]
    return [dict(zip(columns, cells, strict=True)) for cells in lines]


def test_the_columns_are_the_codebooks() -> None:
    assert len(EVENT_COLUMNS) == 61
    assert list(EVENT_COLUMNS) == CODEBOOK_EVENT_COLUMNS
    assert len(MENTION_COLUMNS) == 16
    assert list(MENTION_COLUMNS) == CODEBOOK_MENTION_COLUMNS
    assert set(NOT_FILLED) <= set(EVENT_COLUMNS) | set(MENTION_COLUMNS)


def test_the_meeting_in_yekaterinburg_as_a_gdelt_event(
    store: Store, seed: Extraction, exported: Exporter
) -> None:
    store.save(seed)
    rows = _table(exported("gdelt-events"), EVENT_COLUMNS)
    assert len(rows) == len(seed.events)
    consult = next(r for r in rows if r["EventCode"] == "04")
    assert consult["SQLDATE"] == "20220704"
    assert consult["MonthYear"] == "202207"
    assert consult["Year"] == "2022"
    assert consult["FractionDate"] == f"{2022 + (7 * 30 + 4) / 365:.4f}"
    assert (consult["Actor1Code"], consult["Actor1Name"]) == ("KAZGOV", "ALIKHAN SMAILOV")
    assert (consult["Actor1CountryCode"], consult["Actor1Type1Code"]) == ("KAZ", "GOV")
    assert (consult["Actor2Code"], consult["Actor2Name"]) == ("RUSGOV", "MIKHAIL MISHUSTIN")
    assert consult["EventBaseCode"] == consult["EventRootCode"] == "04"
    assert consult["QuadClass"] == "1", "CAMEO 04 CONSULT is verbal cooperation"
    assert float(consult["GoldsteinScale"]) == 1.0
    assert consult["IsRootEvent"] == "1", "the meeting is the lead paragraph's news"
    assert (consult["NumSources"], consult["NumArticles"]) == ("1", "1")
    # Places: FIPS 10-4 country codes, as the codebook says (KZ, RS), not ISO.
    assert (consult["Actor1Geo_Type"], consult["Actor1Geo_CountryCode"]) == ("1", "KZ")
    assert consult["Actor1Geo_FullName"] == "Kazakhstan"
    assert consult["Actor2Geo_CountryCode"] == "RS"
    assert consult["ActionGeo_Type"] == "4", "a city outside the US"
    assert consult["ActionGeo_FullName"] == "Yekaterinburg, Russia"
    assert consult["ActionGeo_CountryCode"] == "RS"
    assert (float(consult["ActionGeo_Lat"]), float(consult["ActionGeo_Long"])) == (
        56.8519,
        60.6122,
    )
    assert re.fullmatch(r"20\d{12}", consult["DATEADDED"])
    assert consult["SOURCEURL"] == seed.article.id, "no URL: the article id, as a citation"


def test_columns_dateline_cannot_fill_stay_empty(
    store: Store, seed: Extraction, tass: Extraction, exported: Exporter
) -> None:
    store.save(seed)
    store.save(tass)
    for row in _table(exported("gdelt-events"), EVENT_COLUMNS):
        assert {name: row[name] for name in NOT_FILLED if name in row} == {
            name: "" for name in NOT_FILLED if name in row
        }
    for row in _table(exported("gdelt-mentions"), MENTION_COLUMNS):
        assert row["MentionDocTone"] == row["Extras"] == ""


def test_a_symmetric_event_pairs_its_two_sources(
    store: Store, seed: Extraction, exported: Exporter
) -> None:
    """ "the two countries have carried out 13 major cooperation projects": COOPERATE
    with Kazakhstan and Russia both as sources; GDELT's dyad is the pair."""

    store.save(seed)
    rows = _table(exported("gdelt-events"), EVENT_COLUMNS)
    cooperate = next(r for r in rows if r["EventCode"] == "06")
    assert (cooperate["Actor1Code"], cooperate["Actor2Code"]) == ("KAZ", "RUS")
    assert cooperate["QuadClass"] == "2"
    assert cooperate["SQLDATE"] == "20220704", "undated: the article's publication day"


def test_every_mention_offset_points_at_its_evidence(
    store: Store, seed: Extraction, exported: Exporter
) -> None:
    store.save(seed)
    text = seed.article.text
    names = {a.id: {m.text(text) for m in a.mentions} for a in seed.actors}
    mentions = _table(exported("gdelt-mentions"), MENTION_COLUMNS)
    consult = next(e for e in seed.events if e.type == "CONSULT")
    spans = [consult.evidence, *consult.supporting]
    events = _table(exported("gdelt-events"), EVENT_COLUMNS)
    consult_id = next(r["GLOBALEVENTID"] for r in events if r["EventCode"] == "04")
    rows = [m for m in mentions if m["GLOBALEVENTID"] == consult_id]
    assert len(rows) == len(spans)
    for row, span in zip(rows, spans, strict=True):
        assert int(row["ActionCharOffset"]) == span.start
        assert int(row["SentenceID"]) == span.sentence + 1
        assert int(row["MentionDocLen"]) == len(text)
        assert row["MentionType"] == "2", "no URL: a citation"
        assert row["Confidence"] == "100"
        sentence = seed.sentences[span.sentence]
        for column, actor in (("Actor1CharOffset", "smailov"), ("Actor2CharOffset", "mishustin")):
            offset = int(row[column])
            if offset == -1:
                continue
            assert sentence.start <= offset < sentence.end, "in the event's own sentence"
            assert any(text.startswith(name, offset) for name in names[actor])
    evidence_row = rows[0]
    assert text[int(evidence_row["Actor1CharOffset"]) :].startswith("Alikhan Smailov")
    assert text[int(evidence_row["Actor2CharOffset"]) :].startswith("Mikhail Mishustin")


def test_filters_choose_events_as_dateline_events_does(
    store: Store, seed: Extraction, tass: Extraction, exported: Exporter
) -> None:
    from datetime import date

    store.save(seed)
    store.save(tass)
    everything = _table(exported("gdelt-events"), EVENT_COLUMNS)
    consults = _table(exported("gdelt-events", type="CONSULT"), EVENT_COLUMNS)
    assert {r["EventCode"] for r in consults} == {"04"}
    assert 0 < len(consults) < len(everything)
    assert _table(exported("gdelt-events", actor="USA"), EVENT_COLUMNS) == []
    with_russia = _table(exported("gdelt-events", actor="RUS"), EVENT_COLUMNS)
    assert all("RUS" in (r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in with_russia)
    later = _table(exported("gdelt-events", since=date(2023, 1, 1)), EVENT_COLUMNS)
    assert all(r["SQLDATE"] >= "20230101" for r in later)
    assert len(later) < len(everything)
