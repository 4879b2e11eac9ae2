"""PLOVER gold-standard records: event type, source and target actors.

Each record is one sentence coded with one event. Older PLOVER 0.5 names
are mapped to the project's 16 types (DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). Type accuracy: the gold type is
among the predicted event types of the sentence. Source and target
accuracy, on sentences whose type was found: a predicted actor of that
event (source side, or target side) shares a word with a gold actorText or
carries its country code. Symmetric types may have their sides swapped.
No baseline: no off-the-shelf extractor emits PLOVER events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.matching import word_set
from dateline.evaluate.scoring import is_symmetric
from dateline_bench import BenchmarkResult, BenchmarkRun, corpus, read_jsonl

OLD_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def gold_actors(value: Any) -> list[dict[str, Any]]:
    """The actor records of a gold field; the GSR writes "" or a stray word for none."""

    if not isinstance(value, list):
        return []
    return [actor for actor in value if isinstance(actor, dict)]


def _actor_ok(gold: Any, ids: Sequence[str], predicted: dict[str, Any]) -> bool:
    gold_words: set[str] = set()
    codes: set[str] = set()
    for actor in gold_actors(gold):
        gold_words |= word_set(actor.get("actorText"))
        if actor.get("code"):
            codes.add(str(actor["code"]).upper())
    by_id = {a.get("id"): a for a in predicted.get("actors") or []}
    for actor_id in ids:
        actor = by_id.get(actor_id) or {"name": actor_id}
        words = set(word_set(actor.get("name")))
        for mention in actor.get("mentions") or []:
            words |= word_set(mention)
        if words & gold_words or str(actor.get("country") or "").upper() in codes:
            return True
    return False


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> dict[str, Any]:
    by_id = {p.get("id"): p for p in predicted}
    typed = source_ok = target_ok = target_total = 0
    for record in gold:
        wanted = OLD_TYPES.get(record["event"], record["event"])
        found = by_id.get(record["id"], {})
        events = [e for e in found.get("events") or [] if str(e.get("type")).upper() == wanted]
        if not events:
            continue
        typed += 1
        event = events[0]
        sources, targets = list(event.get("actors") or []), list(event.get("targets") or [])
        if is_symmetric(wanted):
            sources = targets = sources + targets
        source_ok += _actor_ok(record.get("source_actors"), sources, found)
        if gold_actors(record.get("target_actors")):
            target_total += 1
            target_ok += _actor_ok(record.get("target_actors"), targets, found)
    return {
        "event type acc": typed / len(gold) if gold else None,
        "source acc (typed)": source_ok / typed if typed else None,
        "target acc (typed)": target_ok / target_total if target_total else None,
    }


def run(settings: BenchmarkRun) -> BenchmarkResult:
    gold = list(read_jsonl(corpus(settings, "plover-gsr/plover_gsr.jsonl"), settings.limit))
    inputs = [{"id": g["id"], "text": g["text"], "meta": {"date": g.get("date")}} for g in gold]
    result = BenchmarkResult("plover-gsr", "PLOVER GSR sentences, events")
    result.articles = len(gold)
    result.scores["dateline"] = score(gold, dateline_predict(inputs, settings.model))
    result.notes.append("old PLOVER 0.5 types mapped; no baseline emits PLOVER events")
    return result
