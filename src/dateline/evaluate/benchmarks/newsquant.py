"""NewsQuant (CQE evaluation set): quantities in single news sentences.

The gold has no character offsets, only the normalised value, unit and the
words the number refers to, so it is scored here directly: a predicted
amount matches a gold quantity of the same sentence when the values agree
within 1% (percentages compared as ratios: gold "19" percent is our 0.19),
one-to-one, closest first. On matches: unit accuracy (ISO currency codes
and "ratio" mapped to NewsQuant's unit names, other units compared as
words) and measure accuracy (our `measure` shares at least half of the
gold concept's words, i.e. token overlap of the shorter >= 0.5). Gold
quantities without a concept ("-") are left out of the measure figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.baselines import quantulum_amounts
from dateline.evaluate.benchmarks import BenchmarkResult, corpus_root, f1, read_jsonl
from dateline.evaluate.matching import fold_text, greedy_match, word_set

_UNIT_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "INR": "indian rupee",
    "RUB": "russian ruble",
    "ratio": "percentage",
    "count": "count",
}


def _gold_value(quantity: dict[str, Any]) -> float | None:
    try:
        value = float(quantity["value"])
    except (KeyError, TypeError, ValueError):
        return None
    return value / 100 if quantity.get("normalized_unit") == "percentage" else value


def _close(gold: float | None, predicted: Any) -> float:
    if gold is None or predicted is None:
        return 0.0
    try:
        value = float(predicted)
    except (TypeError, ValueError):
        return 0.0
    if gold == 0:
        return 1.0 if value == 0 else 0.0
    error = abs(value - gold) / abs(gold)
    return 1.0 - error if error <= 0.01 else 0.0


def _unit_ok(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    unit = str(predicted.get("unit") or "")
    name = _UNIT_NAMES.get(unit, fold_text(unit))
    gold_names = {fold_text(gold.get("normalized_unit")), fold_text(gold.get("unit"))}
    if name in gold_names:
        return True
    # "tonnes" vs "tonne", "km" vs "kilometre": singular/plural of the same word.
    return any(name and g and (name.rstrip("s") == g.rstrip("s")) for g in gold_names)


def _measure_ok(gold: dict[str, Any], predicted: dict[str, Any]) -> bool | None:
    concept = word_set(str(gold.get("referred_concepts") or "").replace(",", " "))
    if not concept:
        return None
    measure = word_set(predicted.get("measure"))
    return len(concept & measure) / min(len(concept), len(measure) or 1) >= 0.5


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> dict[str, Any]:
    by_id = {p.get("id"): p for p in predicted}
    tp = fp = fn = 0
    unit_ok = measure_ok = measure_total = 0
    for record in gold:
        quantities = record.get("quantities") or []
        amounts = by_id.get(record["id"], {}).get("amounts") or []
        pairs = greedy_match(
            quantities, amounts, lambda g, p: _close(_gold_value(g), p.get("value"))
        )
        tp += len(pairs)
        fp += len(amounts) - len(pairs)
        fn += len(quantities) - len(pairs)
        for pair in pairs:
            g, p = quantities[pair.gold_index], amounts[pair.predicted_index]
            unit_ok += _unit_ok(g, p)
            judged = _measure_ok(g, p)
            if judged is not None:
                measure_total += 1
                measure_ok += judged
    return {
        "value P": tp / (tp + fp) if tp + fp else None,
        "value R": tp / (tp + fn) if tp + fn else None,
        "value F1": f1(tp, fp, fn),
        "unit acc": unit_ok / tp if tp else None,
        "measure acc": measure_ok / measure_total if measure_total else None,
    }


def run(limit: int | None = None) -> BenchmarkResult:
    gold = list(read_jsonl(corpus_root() / "newsquant" / "newsquant.jsonl", limit))
    inputs = [{"id": g["id"], "text": g["text"], "meta": {}} for g in gold]
    result = BenchmarkResult("newsquant", "NewsQuant sentences, quantities")
    result.articles = len(gold)
    result.scores["dateline"] = score(gold, dateline_predict(inputs))
    result.scores["quantulum3"] = score(gold, quantulum_amounts(inputs))
    result.notes.append("matched by value within 1%; gold counts years of age, points, etc.")
    return result
