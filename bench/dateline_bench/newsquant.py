"""NewsQuant (CQE evaluation set): quantities in single news sentences.

The gold has no character offsets, only the normalised value, unit and the
words the number refers to, so it is scored here directly: a predicted
amount matches a gold quantity of the same sentence when the values agree
within 1% (percentages compared as ratios: gold "19" percent is our 0.19),
one-to-one, closest first. On matches:

- unit accuracy: gold and predicted units compared through one key
  (`unit_key`), identical for every system, so writing "km" rather than
  quantulum3's "kilometre" is not an error and neither side is favoured;
- measure accuracy: the `measure` shares at least half of the gold
  concept's words (token overlap of the shorter >= 0.5); gold quantities
  without a concept ("-") are left out;
- direction accuracy: NewsQuant's `change` column ("=", "~", ">", "<",
  "up", "down") against the prediction's `change` and `bound` ("up"/"down"
  are changes, "~" "around", ">" a lower bound, "<" an upper one). A system
  that says nothing about it reads as a plain level everywhere.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.matching import fold_text, greedy_match, word_set
from dateline.stages.amounts.phrases import currency_marks, currency_words, phrase_key, unit_phrases
from dateline_bench import (
    BenchmarkResult,
    BenchmarkRun,
    baseline,
    corpus,
    f1,
    newsquant_cqe,
    read_jsonl,
)
from dateline_bench.baselines import quantulum_amounts

COUNT = "count"
NO_UNIT = frozenset({"", "-", "count", "dimensionless", "unk"})
PERCENT_NAMES = frozenset({"%", "percent", "per cent", "percentage", "pct", "ratio"})
POINT_NAMES = frozenset({"percentage point", "percentage points", "pp"})
RATE_SEPARATORS = (" per ", "/", " a ", " an ")
GOLD_SUFFIXES = (" of age",)
"""NewsQuant writes "year of age" for "aged 6"; the unit is the year."""


def unit_key(unit: str | None) -> str:
    """The comparable form of a unit, the same for gold and for every system.

    NewsQuant's gold names units the way quantulum3's unit list does
    ("kilometre", "mile per hour", "japanese yen"), while dateline writes
    "km", "mph", ISO codes and "count". Comparing raw names would score
    the format, not the reading, so every unit goes through one key:
    currencies become ISO 4217 codes (dateline's currency table, then
    quantulum3's), units the quantulum3 name of their symbol or spelling
    ("km" and "kilometers" → "kilometre"), percentages "ratio", a rate
    the keys of both sides ("$ a month" → "USD per month"); a noun that
    is no unit at all ("people", "homes") is what was counted: "count",
    which is what both systems report for a plain number of things.
    """

    written = (unit or "").strip()
    folded = fold_text(written)
    for suffix in GOLD_SUFFIXES:
        folded = folded.removesuffix(suffix)
    if folded in NO_UNIT:
        return COUNT
    if folded in PERCENT_NAMES or folded.startswith("% "):  # gold "% condo": a share of condos
        return "ratio"
    if folded in POINT_NAMES:
        return "percentage point"
    known = _known_unit(written, folded)
    if known is not None:
        return known
    if " of " in folded:  # "barrels of oil": the unit is what comes before "of"
        return unit_key(folded.split(" of ", 1)[0])
    for separator in RATE_SEPARATORS:
        if separator in folded:
            numerator, denominator = folded.split(separator, 1)
            return f"{unit_key(numerator or '$')} per {unit_key(denominator)}"
    for ending in ("es", "s"):
        if folded.endswith(ending):
            known = _known_unit(written[: -len(ending)], folded[: -len(ending)])
            if known is not None:
                return known
    return COUNT


def _known_unit(written: str, folded: str) -> str | None:
    """Currency code or quantulum3 unit name of a unit as written, or None."""

    code = _currency_code(written)
    if code is not None:
        return code
    found = _quantulum_unit(written, folded)
    if found is not None:
        return found
    for keep_case in (True, False):
        unit = unit_phrases().get(phrase_key(written, keep_case=keep_case))
        if unit is not None:
            return _quantulum_unit(unit.unit, fold_text(unit.unit)) or fold_text(unit.unit)
    return None


def _currency_code(written: str) -> str | None:
    marks = currency_marks()
    mark = marks.get(phrase_key(written, keep_case=True))
    if mark is not None:
        return mark
    if written in marks.values():
        return written
    words = phrase_key(written)
    for first in range(len(words)):  # "malaysian ringgit" → "ringgit"
        code = currency_words().get(words[first:])
        if code is not None:
            return code
    return None


def _quantulum_unit(written: str, folded: str) -> str | None:
    """quantulum3's name for a unit's name, symbol or spelling (its code for money)."""

    table = _quantulum_units()
    if table is None:
        return None
    candidates: list[Any] = []
    named = table.names.get(folded)
    if named is not None:
        candidates = [named]
    for lookup, key in (
        (table.symbols, written),
        (table.surfaces, written),
        (table.surfaces_lower, folded),
        (table.symbols_lower, folded),
    ):
        if not candidates:
            candidates = sorted(lookup.get(key) or (), key=lambda u: str(u.name))
    if not candidates:
        return None
    unit = candidates[0]
    return str(getattr(unit, "currency_code", None) or unit.name)


@cache
def _quantulum_units() -> Any:
    """quantulum3's unit table, or None where quantulum3 is not installed (then
    units are keyed by dateline's tables and their folded spelling alone)."""

    try:
        with warnings.catch_warnings():  # it warns that its classifier's extras are missing
            warnings.simplefilter("ignore", UserWarning)
            from quantulum3 import load
    except ModuleNotFoundError:
        return None
    return load.units("en")


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
    """The predicted unit has the key of the gold's normalised or written unit."""

    key = unit_key(str(predicted.get("unit") or ""))
    return key in {unit_key(gold.get("normalized_unit")), unit_key(gold.get("unit"))}


GOLD_DIRECTIONS = {
    "=": "level",
    "~": "around",
    ">": "lower",
    "<": "upper",
    "up": "change",
    "down": "change",
}
"""NewsQuant's `change` column: how the text qualifies the value."""


def _direction(predicted: dict[str, Any]) -> str:
    """The same reading of a prediction: a change, else its bound, else a plain level."""

    if predicted.get("change"):
        return "change"
    bound = predicted.get("bound")
    return str(bound) if bound else "level"


def _measure_ok(gold: dict[str, Any], predicted: dict[str, Any]) -> bool | None:
    concept = word_set(str(gold.get("referred_concepts") or "").replace(",", " "))
    if not concept:
        return None
    measure = word_set(predicted.get("measure"))
    return len(concept & measure) / min(len(concept), len(measure) or 1) >= 0.5


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> dict[str, Any]:
    by_id = {p.get("id"): p for p in predicted}
    tp = fp = fn = 0
    unit_ok = measure_ok = measure_total = direction_ok = 0
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
            direction_ok += GOLD_DIRECTIONS.get(str(g.get("change")), "level") == _direction(p)
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
        "direction acc": direction_ok / tp if tp else None,
    }


def run(settings: BenchmarkRun) -> BenchmarkResult:
    gold = list(read_jsonl(corpus(settings, "newsquant/newsquant.jsonl"), settings.limit))
    inputs = [{"id": g["id"], "text": g["text"], "meta": {}} for g in gold]
    result = BenchmarkResult("newsquant", "NewsQuant sentences, quantities")
    result.articles = len(gold)
    ours = dateline_predict(inputs, settings.model)
    result.scores["dateline"] = score(gold, ours) | newsquant_cqe.score(gold, ours, _unit_ok)

    def quantulum() -> dict[str, Any]:
        theirs = quantulum_amounts(inputs)
        in_cqe_terms = newsquant_cqe.score(
            gold, theirs, _unit_ok, ranges_averaged=True, attributes=[newsquant_cqe.UNIT_F1]
        )
        return score(gold, theirs) | in_cqe_terms

    baseline(result, "quantulum3", quantulum)
    result.details["published"] = newsquant_cqe.PUBLISHED
    if _quantulum_units() is None:
        result.notes.append(
            "quantulum3 is not installed: units are keyed without its unit names, so unit "
            "figures may differ from a full run"
        )
    result.notes.append(
        "matched by value within 1%; units compared through one key for every system "
        "(ISO codes, quantulum3 unit names; a counted noun is 'count'); direction = "
        "NewsQuant's change column (=, ~, <, >, up, down); the 83 gold ranges "
        "('252.0-287.0') are never matched by these figures"
    )
    result.notes.append(
        "CQE terms (Almasian et al., EMNLP 2023): a hit needs the value (numpy.isclose, a range "
        "both ends) and the attribute; P over every prediction, R over every gold quantity; "
        "change = NewsQuant's column exactly (up and down apart); concept partial = one "
        "shared word. quantulum3 gets value and value+unit only, its gold ranges as "
        "midpoints, as CQE scored it"
    )
    return result
