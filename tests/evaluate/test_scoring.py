"""The scorer against hand-made cases and the real dev gold files.

Small cases use sentences and figures from the Kazinform and TASS dev
articles, so each rule is checked on the kind of text it meets in practice.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from tests.conftest import DEV_GOLD

from dateline.evaluate.report import ACCURACIES, FIELDS, format_report
from dateline.evaluate.scoring import score_article, score_articles

DEV = DEV_GOLD


@pytest.fixture(scope="session")
def dev_gold() -> list[dict[str, Any]]:
    paths = sorted(DEV.glob("*.jsonl"))
    if not paths:
        pytest.skip("dev gold not available")
    return [json.loads(line) for path in paths for line in path.open() if line.strip()]


SMAILOV = {
    "id": "smailov",
    "name": "Alikhan Smailov",
    "kind": "person",
    "country": "KAZ",
    "role": "Prime Minister",
    "mentions": ["Alikhan Smailov", "Smailov", "the Kazakh Premier"],
}
MISHUSTIN = {
    "id": "mishustin",
    "name": "Mikhail Mishustin",
    "kind": "person",
    "country": "RUS",
    "role": "Prime Minister",
    "mentions": ["Mikhail Mishustin", "Mishustin"],
}
KAZAKHSTAN = {
    "id": "kazakhstan",
    "name": "Kazakhstan",
    "kind": "country",
    "country": "KAZ",
    "mentions": ["Kazakhstan"],
}


def article(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "a1", "text": "", **lists}


# -- whole-corpus properties --------------------------------------------------


def test_gold_against_itself_scores_one_everywhere(dev_gold: list[dict[str, Any]]) -> None:
    report = score_articles(dev_gold, dev_gold)
    for name, score in report.fields.items():
        assert score.f1 == 1.0, name
    for name, acc in report.accuracies.items():
        assert acc.value == 1.0, name
    assert report.findings == []


def test_prediction_order_and_extra_keys_do_not_matter(dev_gold: list[dict[str, Any]]) -> None:
    predicted = copy.deepcopy(dev_gold)[::-1]
    for doc in predicted:
        doc["actors"].reverse()
        for quote in doc["quotes"]:
            quote["confidence"] = 0.4
            quote["span"] = [0, 10]
    report = score_articles(dev_gold, predicted)
    assert all(score.f1 == 1.0 for score in report.fields.values())


def test_empty_prediction_has_zero_recall(dev_gold: list[dict[str, Any]]) -> None:
    report = score_articles(dev_gold, [])
    for name in FIELDS:
        score = report.fields[name]
        assert score.recall == 0.0, name
        assert score.precision is None
    assert report.accuracies["actors.mentions"].value == 0.0
    assert len(report.findings) == sum(
        score.fn
        for name, score in report.fields.items()
        if name in ("actors", "quotes", "amounts", "events", "places")
    )


def _sides_of_required_events(doc: dict[str, Any]) -> set[str]:
    return {
        side
        for event in doc["events"]
        if not event.get("optional")
        for side in [*event["actors"], *event["targets"]]
    }


def test_dropping_optional_gold_items_costs_nothing(dev_gold: list[dict[str, Any]]) -> None:
    """An optional actor that a required event names (tass-1893893: Lavrov
    accuses "the West") is still needed to match that event, so it stays."""

    predicted = copy.deepcopy(dev_gold)
    for doc in predicted:
        needed = _sides_of_required_events(doc)
        for key in ("actors", "quotes", "amounts", "events", "places"):
            doc[key] = [
                item
                for item in doc[key]
                if not item.get("optional") or (key == "actors" and item["id"] in needed)
            ]
    report = score_articles(dev_gold, predicted)
    assert all(score.f1 == 1.0 for score in report.fields.values())


def test_report_json_and_text(dev_gold: list[dict[str, Any]]) -> None:
    predicted = copy.deepcopy(dev_gold)
    predicted[0]["quotes"] = predicted[0]["quotes"][1:]
    report = score_articles(dev_gold, predicted)
    data = json.loads(report.to_json())
    assert set(data["fields"]) == set(FIELDS)
    assert set(data["accuracies"]) == set(ACCURACIES)
    assert len(data["articles"]) == len(dev_gold)
    text = format_report(report)
    assert "misses (1)" in text
    assert "this year Kazakhstan is the INNOPROM" in text


# -- optional items and one-to-one matching -----------------------------------


def test_optional_item_is_neither_hit_nor_miss() -> None:
    optional = {"name": "Yekaterinburg", "country": "RUS", "optional": True}
    gold = article(places=[optional, {"name": "Russia", "country": "RUS"}])
    matched = score_article(gold, article(places=[{"name": "Yekaterinburg"}]))
    assert matched.fields["places"].tp == 0
    assert matched.fields["places"].fp == 0
    assert matched.fields["places"].fn == 1
    assert matched.accuracies["places.country"].total == 0
    missed = score_article(gold, article(places=[{"name": "Russia", "country": "RUS"}]))
    assert (missed.fields["places"].tp, missed.fields["places"].fn) == (1, 0)


def test_one_prediction_cannot_match_two_gold_items() -> None:
    text = "This is a longstanding principle of indivisible security,"
    gold = article(quotes=[{"kind": "direct", "text": text}, {"kind": "direct", "text": text}])
    report = score_article(gold, article(quotes=[{"kind": "direct", "text": text}]))
    score = report.fields["quotes.direct"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)


# -- actors -------------------------------------------------------------------


def test_actor_matches_by_shared_mention_and_scores_mentions() -> None:
    predicted = {
        "id": "p1",
        "name": "Smailov",
        "country": "KAZ",
        "role": "Premier",
        "mentions": ["Smailov", "Alikhan Smailov"],
    }
    report = score_article(article(actors=[SMAILOV]), article(actors=[predicted]))
    assert report.fields["actors"].tp == 1
    assert report.accuracies["actors.mentions"].correct == 2
    assert report.accuracies["actors.mentions"].total == 3
    assert report.accuracies["actors.country"].value == 1.0
    assert report.accuracies["actors.role"].value == 1.0  # one office (GOLD_FORMAT.md)
    assert any(
        f.attribute == "mentions" and "kazakh premier" in (f.detail or "") for f in report.wrong
    )
    other_office = dict(predicted, role="President")
    report = score_article(article(actors=[SMAILOV]), article(actors=[other_office]))
    assert report.accuracies["actors.role"].value == 0.0


def test_actor_matches_by_name_without_mentions() -> None:
    predicted = {"id": "x", "name": "alikhan smailov"}
    report = score_article(article(actors=[SMAILOV]), article(actors=[predicted]))
    assert report.fields["actors"].tp == 1


def test_actor_without_shared_name_or_mention_is_a_false_alarm() -> None:
    predicted = {"id": "x", "name": "Kazakh", "mentions": ["Kazakh"]}
    report = score_article(article(actors=[SMAILOV]), article(actors=[predicted]))
    score = report.fields["actors"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert [f.text for f in report.false_alarms] == ["Kazakh"]
    assert [f.text for f in report.misses] == ["Alikhan Smailov"]


def test_null_attributes_on_both_sides_are_not_counted() -> None:
    predicted = {"id": "k", "name": "Kazakhstan", "country": "KAZ", "mentions": ["Kazakhstan"]}
    report = score_article(article(actors=[KAZAKHSTAN]), article(actors=[predicted]))
    assert report.accuracies["actors.role"].total == 0
    invented = dict(predicted, role="President")
    report = score_article(article(actors=[KAZAKHSTAN]), article(actors=[invented]))
    assert report.accuracies["actors.role"].value == 0.0


# -- quotes -------------------------------------------------------------------

QUOTE = "Our cooperation has stood the test of time and has proved to be stable against external challenges,"  # noqa: E501


def test_quote_needs_token_overlap_of_sixty_percent() -> None:
    gold = article(quotes=[{"kind": "direct", "speaker": None, "text": QUOTE}])
    words = QUOTE.rstrip(",").split()
    close = " ".join(words[:12])  # 12 of 16 distinct words: 0.75
    far = " ".join(words[:8])  # 8 of 16: 0.5
    assert (
        score_article(gold, article(quotes=[{"kind": "direct", "text": close}]))
        .fields["quotes.direct"]
        .tp
        == 1
    )
    assert (
        score_article(gold, article(quotes=[{"kind": "direct", "text": far}]))
        .fields["quotes.direct"]
        .tp
        == 0
    )


def test_quote_kinds_are_scored_apart() -> None:
    gold = article(quotes=[{"kind": "direct", "text": QUOTE}])
    report = score_article(gold, article(quotes=[{"kind": "indirect", "text": QUOTE}]))
    assert report.fields["quotes.direct"].fn == 1
    assert report.fields["quotes.indirect"].fp == 1


def test_speaker_is_compared_through_the_actor_matching() -> None:
    gold = article(
        actors=[SMAILOV, MISHUSTIN],
        quotes=[{"kind": "direct", "speaker": "mishustin", "text": QUOTE}],
    )
    actors = [
        {"id": "a-1", "name": "Mikhail Mishustin", "mentions": ["Mishustin"]},
        {"id": "a-2", "name": "Alikhan Smailov", "mentions": ["Smailov"]},
    ]
    right = score_article(
        gold, article(actors=actors, quotes=[{"kind": "direct", "speaker": "a-1", "text": QUOTE}])
    )
    assert right.accuracies["quotes.speaker"].value == 1.0
    assert right.fields["quote+speaker"].f1 == 1.0
    wrong = score_article(
        gold, article(actors=actors, quotes=[{"kind": "direct", "speaker": "a-2", "text": QUOTE}])
    )
    assert wrong.accuracies["quotes.speaker"].value == 0.0
    assert wrong.fields["quotes.direct"].f1 == 1.0
    combined = wrong.fields["quote+speaker"]
    assert (combined.tp, combined.fp, combined.fn) == (0, 1, 1)
    unknown = score_article(
        gold,
        article(actors=actors, quotes=[{"kind": "direct", "speaker": "nobody", "text": QUOTE}]),
    )
    assert unknown.accuracies["quotes.speaker"].value == 0.0


# -- amounts ------------------------------------------------------------------

TURNOVER = {
    "text": "$24.2bn",
    "value": 24200000000.0,
    "unit": "USD",
    "measure": "bilateral trade turnover between Kazakhstan and Russia",
    "period": "2021",
}


def test_amount_attributes() -> None:
    predicted = {
        "text": "24.2bn",
        "value": 24.3e9,
        "unit": "usd",
        "measure": "trade turnover between Kazakhstan and Russia",
        "period": "2022",
    }
    report = score_article(article(amounts=[TURNOVER]), article(amounts=[predicted]))
    assert report.fields["amounts"].tp == 1
    acc = report.accuracies
    assert acc["amounts.value"].value == 1.0  # within 1%
    assert acc["amounts.unit"].value == 1.0
    assert acc["amounts.measure"].value == 1.0  # 6 of 7 words
    assert acc["amounts.period"].value == 0.0
    off = dict(predicted, value=24.5e9, measure="turnover")
    report = score_article(article(amounts=[TURNOVER]), article(amounts=[off]))
    assert report.accuracies["amounts.value"].value == 0.0
    assert report.accuracies["amounts.measure"].value == 0.0


def test_amount_text_must_overlap_on_word_boundaries() -> None:
    gold = article(amounts=[{"text": "5%", "value": 0.05, "unit": "ratio"}])
    assert score_article(gold, article(amounts=[{"text": "15%"}])).fields["amounts"].tp == 0
    assert score_article(gold, article(amounts=[{"text": "by 5%"}])).fields["amounts"].tp == 1
    third = article(amounts=[{"text": "almost a third", "value": 0.33}])
    assert score_article(third, article(amounts=[{"text": "a third"}])).fields["amounts"].tp == 1


def test_repeated_amount_text_pairs_by_measure() -> None:
    gold = article(
        amounts=[
            {"text": "5%", "value": 0.05, "measure": "growth of trade turnover"},
            {"text": "5%", "value": 0.05, "measure": "share of industrial output"},
        ]
    )
    predicted = article(
        amounts=[{"text": "5%", "value": 0.05, "measure": "share of industrial output"}]
    )
    report = score_article(gold, predicted)
    assert report.accuracies["amounts.measure"].value == 1.0
    assert [f.detail for f in report.misses] == ["0.05 None of 'growth of trade turnover'"]


# -- events -------------------------------------------------------------------


def _event(kind: str, actors: list[str], targets: list[str], **extra: Any) -> dict[str, Any]:
    return {"type": kind, "actors": actors, "targets": targets, **extra}


def test_symmetric_event_matches_either_way_round() -> None:
    gold = article(
        actors=[SMAILOV, MISHUSTIN],
        events=[
            _event("CONSULT", ["smailov"], ["mishustin"], place="Yekaterinburg", date="2022-07-04")
        ],
    )
    actors = [dict(SMAILOV, id="p-s"), dict(MISHUSTIN, id="p-m")]
    swapped = article(
        actors=actors,
        events=[_event("CONSULT", ["p-m"], ["p-s"], place="Yekaterinburg", date="2022-07-05")],
    )
    report = score_article(gold, swapped)
    assert report.fields["events"].tp == 1
    assert report.accuracies["events.place"].value == 1.0
    assert report.accuracies["events.date"].value == 0.0
    one_sided = article(actors=actors, events=[_event("CONSULT", ["p-s"], [])])
    assert score_article(gold, one_sided).fields["events"].tp == 0


def test_directed_event_keeps_its_sides() -> None:
    lavrov = {"id": "lavrov", "name": "Sergey Lavrov", "mentions": ["Lavrov"]}
    israel = {"id": "israel", "name": "Israel", "mentions": ["Israel"]}
    gold = article(actors=[lavrov, israel], events=[_event("REQUEST", ["lavrov"], ["israel"])])
    right = article(actors=[lavrov, israel], events=[_event("REQUEST", ["lavrov"], ["israel"])])
    swapped = article(actors=[lavrov, israel], events=[_event("REQUEST", ["israel"], ["lavrov"])])
    other_type = article(actors=[lavrov, israel], events=[_event("ACCUSE", ["lavrov"], ["israel"])])
    assert score_article(gold, right).fields["events"].tp == 1
    assert score_article(gold, swapped).fields["events"].tp == 0
    assert score_article(gold, other_type).fields["events"].tp == 0


# -- places -------------------------------------------------------------------


def test_place_coordinates_within_25_km() -> None:
    gold = article(
        places=[{"name": "Yekaterinburg", "country": "RUS", "lat": 56.8519, "lon": 60.6122}]
    )
    near = article(places=[{"name": "Yekaterinburg", "country": "RUS", "lat": 56.95, "lon": 60.70}])
    far = article(places=[{"name": "yekaterinburg", "country": "RUS", "lat": 56.0, "lon": 60.6}])
    missing = article(places=[{"name": "Yekaterinburg", "country": "KAZ"}])
    assert score_article(gold, near).accuracies["places.coordinates"].value == 1.0
    assert score_article(gold, far).accuracies["places.coordinates"].value == 0.0
    report = score_article(gold, missing)
    assert report.accuracies["places.coordinates"].value == 0.0
    assert report.accuracies["places.country"].value == 0.0
