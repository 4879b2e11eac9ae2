"""Event-location gold (Halterman): where did the event of a given verb happen?

Each record is one news sentence with one event verb marked and, where the
sentence says where that event happened, the location marked; a record
without a LOCATION span has no stated place. Only the re-labelled gold
records (`gold_relabel`) are scored: the other records are single annotator
passes. A third of those carry an empty LOCATION span (start == end) even
where the sentence plainly places the event ("was captured in
Afghanistan"); what that marks is not documented, so they are left out.

dateline is run on each sentence alone (no dateline, so no default place).
The event of the marked verb is the one whose evidence covers the verb.

- verb found: share of records with such an event.
- place acc (found): on those, the predicted place equals the gold
  location (words of one contain the other), or both are empty.
- place P / R: a predicted place is right when it matches the gold one;
  recall is over records whose gold names a location.

Baseline: the first GPE/LOC entity after "in", "at" or "near" anywhere in
the sentence, the rule a reader would apply without a parse of the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.matching import word_set
from dateline_bench import BenchmarkResult, BenchmarkRun, corpus, f1, read_jsonl

_NEAR_PLACE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?((?:[A-Z][\w'-]+\s?)+)")


def _span(record: dict[str, Any], label: str) -> dict[str, Any] | None:
    for span in record.get("spans") or []:
        if span.get("label") == label:
            return dict(span)
    return None


def gold_location(record: dict[str, Any]) -> str | None:
    """The marked location's text, None where the event has no stated place."""

    span = _span(record, "LOCATION")
    if span is None or span.get("end", 0) <= span.get("start", 0):
        return None
    return str(span.get("text") or "") or None


def same_place(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_words, predicted_words = word_set(gold), word_set(predicted)
    return bool(gold_words and predicted_words) and (
        gold_words <= predicted_words or predicted_words <= gold_words
    )


def _event_of_verb(record: dict[str, Any], found: dict[str, Any]) -> dict[str, Any] | None:
    verb = _span(record, "VERB")
    if verb is None:
        return None
    for event in found.get("events") or []:
        span = event.get("span") or {}
        if span.get("start", 1) <= verb["start"] and verb["end"] <= span.get("end", -1):
            return dict(event)
    return None


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> dict[str, Any]:
    by_id = {p.get("id"): p for p in predicted}
    found = right = tp = fp = fn = 0
    for record in gold:
        wanted = gold_location(record)
        event = _event_of_verb(record, by_id.get(record["id"], {}))
        place = event.get("place") if event is not None else None
        if event is not None:
            found += 1
            right += same_place(wanted, place)
        if place is not None:
            tp, fp = (tp + 1, fp) if same_place(wanted, place) else (tp, fp + 1)
        if wanted is not None and not same_place(wanted, place):
            fn += 1
    return _metrics(len(gold), found, right, tp, fp, fn)


def _metrics(total: int, found: int, right: int, tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {
        "verb found": found / total if total else None,
        "place acc (found)": right / found if found else None,
        "place P": tp / (tp + fp) if tp + fp else None,
        "place R": tp / (tp + fn) if tp + fn else None,
        "place F1": f1(tp, fp, fn),
    }


def baseline_score(gold: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """First capitalised phrase after in/at/near: the place a skim would pick."""

    tp = fp = fn = 0
    for record in gold:
        wanted = gold_location(record)
        match = _NEAR_PLACE.search(record["text"])
        place = match.group(1).strip() if match else None
        if place is not None:
            tp, fp = (tp + 1, fp) if same_place(wanted, place) else (tp, fp + 1)
        if wanted is not None and not same_place(wanted, place):
            fn += 1
    return {
        k: v for k, v in _metrics(len(gold), 0, 0, tp, fp, fn).items() if k.startswith("place ")
    }


def is_scorable(record: dict[str, Any]) -> bool:
    """A re-labelled record whose location is either marked or absent, not empty."""

    span = _span(record, "LOCATION")
    return bool(record.get("gold_relabel")) and (
        span is None or span.get("end", 0) > span.get("start", 0)
    )


def run(settings: BenchmarkRun) -> BenchmarkResult:
    records = read_jsonl(corpus(settings, "event-location/event_location.jsonl"))
    gold = [r for r in records if is_scorable(r)]
    if settings.limit is not None:
        gold = gold[: settings.limit]
    inputs = [{"id": g["id"], "text": g["text"], "meta": {"date": g.get("date")}} for g in gold]
    result = BenchmarkResult(
        "event-location", "Halterman event-location gold re-labels, event place"
    )
    result.articles = len(gold)
    result.scores["dateline"] = score(gold, dateline_predict(inputs, settings.model))
    result.scores["in/at/near baseline"] = baseline_score(gold)
    result.notes.append(
        "RELABEL gold records without an empty LOCATION span; sentences have no dateline"
    )
    return result
