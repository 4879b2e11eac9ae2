"""The PLOVER-GSR and event-location scorers on records of the corpora themselves."""

from __future__ import annotations

from typing import Any

from dateline_bench import event_location, plover_gsr

# PLOVER-GSR01-AGREE-0003 writes "" for no target actors.
GSR = {
    "id": "gsr-1",
    "event": "DEMAND",
    "text": "Senior Hungarian officials demanded that Romania cooperate.",
    "source_actors": [{"actorText": "Hungarian", "code": "HUN"}],
    "target_actors": "",
}


def predicted(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "gsr-1",
        "actors": [{"id": "hungary", "name": "Hungary", "country": "HUN", "mentions": []}],
        "events": events,
    }


def test_old_type_maps_and_empty_targets_are_no_targets() -> None:
    scores = plover_gsr.score([GSR], [predicted([{"type": "REQUEST", "actors": ["hungary"]}])])
    assert scores["event type acc"] == 1.0
    assert scores["source acc (typed)"] == 1.0
    assert scores["target acc (typed)"] is None, '"" means the record has no target actors'
    assert plover_gsr.gold_actors("diplomatic") == []


def test_wrong_type_is_not_typed() -> None:
    scores = plover_gsr.score([GSR], [predicted([{"type": "ACCUSE", "actors": ["hungary"]}])])
    assert scores["event type acc"] == 0.0 and scores["source acc (typed)"] is None


# eventloc-00008, a RELABEL gold record
LOCATED = {
    "id": "eventloc-00008",
    "gold_relabel": True,
    "text": "At least nine civilians were killed, including seven children, and 24 others "
    "wounded in the bombardment of the Kurdish-majority Aziziyah district.",
    "spans": [
        {"label": "VERB", "start": 29, "end": 35, "text": "killed"},
        {"label": "LOCATION", "start": 128, "end": 136, "text": "Aziziyah"},
    ],
}


def test_event_location_place_matches_by_words() -> None:
    hit = {
        "id": LOCATED["id"],
        "events": [{"span": {"start": 0, "end": 60}, "place": "Aziziyah district"}],
    }
    miss = {"id": LOCATED["id"], "events": [{"span": {"start": 40, "end": 60}, "place": None}]}
    assert event_location.score([LOCATED], [hit])["place acc (found)"] == 1.0
    scores = event_location.score([LOCATED], [miss])
    assert scores["verb found"] == 0.0 and scores["place R"] == 0.0
    empty = {**LOCATED, "spans": [{"label": "LOCATION", "start": 5, "end": 5, "text": ""}]}
    assert event_location.is_scorable(LOCATED) and not event_location.is_scorable(empty)
